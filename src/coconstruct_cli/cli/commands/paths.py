"""`kit paths`: the reading paths."""

from typing import Annotated

import typer

from ...formats import DOCUMENTS
from .. import options


def paths(
    ctx: typer.Context,
    fmt: Annotated[str | None, options.format_option(DOCUMENTS)] = None,
    output: options.OutputOpt = None,
    force: options.ForceOpt = False,
    kit_file: options.KitOpt = None,
    lang: options.LangOpt = None,
) -> None:
    from ...results import PathList

    chosen, kit = options.prepare(ctx, lang, fmt, DOCUMENTS, output, kit_file)
    options.show(ctx, PathList(kit), chosen, output, force)
