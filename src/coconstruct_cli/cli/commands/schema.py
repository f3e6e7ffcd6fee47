"""`kit schema`: the JSON Schema of the kit file format."""

import typer

from .. import options


def schema(
    ctx: typer.Context, output: options.OutputOpt = None, force: options.ForceOpt = False, lang: options.LangOpt = None
) -> None:
    from ...model import kit_schema
    from ...render.jsonout import dumps

    options.check_lang(lang)
    options.console(ctx).emit(dumps(kit_schema()), output, force)
