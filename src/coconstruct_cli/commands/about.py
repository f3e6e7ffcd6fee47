"""`kit about`: the kit's own background, from the seed (objectives, forms, figures, genesis, partners)."""

from typing import Annotated

from .. import formats, options


def about(
    fmt: Annotated[str, options.format_option(formats.ABOUT)] = "table",
    output: options.OutputOpt = None,
    force: options.ForceOpt = False,
    kit_file: options.KitOpt = None,
    lang: options.LangOpt = None,
) -> None:
    from ..render import about as views

    fmt, kit = options.prepare(lang, fmt, formats.ABOUT, kit_file)
    options.emit(views.view(kit, fmt, options.terminal(output)), output, force, fmt)
