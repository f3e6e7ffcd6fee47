"""`kit help [COMMAND]`: the same pages as `kit --help` and `kit COMMAND --help`, on stdout."""

from typing import Annotated

import typer

from .. import options
from ..completion import complete_command


def help_(
    ctx: typer.Context,
    command: Annotated[
        str | None,
        typer.Argument(metavar="metavar.command", help="help.help_command", show_default=False, autocompletion=complete_command),
    ] = None,
    lang: options.LangOpt = None,
) -> None:
    from ...errors import UsageError
    from ..click_text import unknown_command

    options.check_lang(lang)
    root = ctx.find_root()
    if command is None:
        page = root.get_help()
    else:
        found = root.command.get_command(root, command) if isinstance(root.command, typer.core.TyperGroup) else None
        if found is None or found.hidden:
            raise UsageError(unknown_command(root, command))
        # resilient_parsing: the page of a command whose arguments are required, without them.
        with found.make_context(command, [], parent=root, resilient_parsing=True) as sub:
            page = found.get_help(sub)
    options.console(ctx).write(f"{page}\n", machine=False)
