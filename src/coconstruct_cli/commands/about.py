"""`kit about`: the kit's own background, from the seed (objectives, forms, figures, genesis, partners)."""

from typing import Annotated

from .. import options


def about(
    fmt: Annotated[str, options.format_option(("table", "md", "json", "html"))] = "table",
    output: options.OutputOpt = None,
    force: options.ForceOpt = False,
    kit_file: options.KitOpt = None,
    lang: options.LangOpt = None,
) -> None:
    from ..render import about as views

    options.setup(lang)
    fmt = options.check_format(fmt, views.FORMATS)
    kit = options.load(kit_file)
    options.emit(views.view(kit, fmt, options.terminal(output)), output, force, fmt)
