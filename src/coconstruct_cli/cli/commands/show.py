"""`kit show ID`: everything about one document (an id, or a path and a reading-order number)."""

from typing import Annotated

import typer

from .. import options
from ..completion import complete_document


@options.writes_result("show")
def show(
    ctx: typer.Context,
    doc_id: Annotated[
        str, typer.Argument(metavar="metavar.id", help="help.doc_id", show_default=False, autocompletion=complete_document)
    ],
    out: options.Out = options.NO_OUT,
) -> None:
    from ...names import resolve_document
    from ...results import DocumentDetail

    chosen, kit = options.prepare(ctx, out)
    options.show(ctx, DocumentDetail(kit, resolve_document(kit, doc_id)), chosen, out)
