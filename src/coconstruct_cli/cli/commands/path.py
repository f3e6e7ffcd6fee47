"""`kit path NAME`: one reading path's documents, in reading order."""

from typing import Annotated

import typer

from ... import i18n
from .. import options
from ..completion import complete_path


@options.writes_result("path")
def path(
    ctx: typer.Context,
    name: Annotated[
        str, typer.Argument(metavar="metavar.name", help="help.path_name", show_default=False, autocompletion=complete_path)
    ],
    out: options.Out = options.NO_OUT,
) -> None:
    from ...names import resolve_path
    from ...queries import select
    from ...results import DocumentList

    chosen, kit = options.prepare(ctx, out)
    reading_path = resolve_path(kit, name)
    title = i18n.t("label.path", title=i18n.pick(reading_path.title, reading_path.title_en))
    result = DocumentList(select(kit, path=reading_path), title, options.read_set(ctx, kit))
    options.show(ctx, result, chosen, out)
