"""`kit about`: the kit's own background, from the seed (objectives, forms, figures, genesis, partners)."""

from typing import Annotated

import typer

from ...formats import ABOUT
from .. import options


def about(
    ctx: typer.Context,
    fmt: Annotated[str | None, options.format_option(ABOUT)] = None,
    output: options.OutputOpt = None,
    force: options.ForceOpt = False,
    kit_file: options.KitOpt = None,
    lang: options.LangOpt = None,
) -> None:
    from ...results import AboutKit

    chosen, kit = options.prepare(ctx, lang, fmt, ABOUT, output, kit_file)
    options.show(ctx, AboutKit(kit), chosen, output, force)
