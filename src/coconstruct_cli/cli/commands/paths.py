"""`kit paths`: the reading paths."""

import typer

from ...formats import DOCUMENTS
from .. import options


@options.writes_result(DOCUMENTS)
def paths(
    ctx: typer.Context,
    out: options.Out = options.NO_OUT,
) -> None:
    from ...results import PathList

    chosen, kit = options.prepare(ctx, out, DOCUMENTS)
    options.show(ctx, PathList(kit), chosen, out)
