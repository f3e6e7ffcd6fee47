"""`kit paths`: the reading paths."""

import typer

from .. import options


@options.writes_result("paths")
def paths(
    ctx: typer.Context,
    out: options.Out = options.NO_OUT,
) -> None:
    from ...results import PathList

    chosen, kit = options.prepare(ctx, out)
    options.show(ctx, PathList(kit), chosen, out)
