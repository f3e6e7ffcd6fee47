"""`kit about`: the kit's own background, from the seed (objectives, forms, figures, genesis, partners)."""

import typer

from .. import options


@options.writes_result("about")
def about(
    ctx: typer.Context,
    out: options.Out = options.NO_OUT,
) -> None:
    from ...results import AboutKit

    chosen, kit = options.prepare(ctx, out)
    options.show(ctx, AboutKit(kit), chosen, out)
