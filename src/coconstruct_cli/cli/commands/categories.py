"""`kit categories`: the kit's natures of documents."""

import typer

from .. import options


@options.writes_result("categories")
def categories(
    ctx: typer.Context,
    out: options.Out = options.NO_OUT,
) -> None:
    from ...results import CategoryList

    chosen, kit = options.prepare(ctx, out)
    options.show(ctx, CategoryList(kit), chosen, out)
