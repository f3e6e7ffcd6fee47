"""`kit progress [PATH]`: per path read/total and the next documents (the reader's own plan first).

Also where the progress lives (`--where`), merging an export (`--import FILE`) and starting afresh
(`--reset`, which asks first; `--yes` for scripts). `--format json` is the export.
"""

from pathlib import Path
from typing import Annotated

import typer

from .. import options
from ..completion import complete_path

PathArg = Annotated[
    str | None,
    typer.Argument(metavar="metavar.path", help="help.progress_path", show_default=False, autocompletion=complete_path),
]


@options.writes_result("progress")
def progress(
    ctx: typer.Context,
    name: PathArg = None,
    where: Annotated[bool, typer.Option("--where", help="help.where")] = False,
    import_file: Annotated[
        Path | None, typer.Option("--import", help="help.import", show_default=False, dir_okay=False, metavar="metavar.file")
    ] = None,
    reset: Annotated[bool, typer.Option("--reset", help="help.reset")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="help.yes")] = False,
    out: options.Out = options.NO_OUT,
) -> None:
    from ...errors import UsageError
    from ...i18n import t

    options.check_lang(out.lang)
    if sum((where, import_file is not None, reset)) > 1:
        raise UsageError(t("err.progress_actions"))
    if where:
        from ...progress_store import state_path
        from ...text import for_terminal

        # KIT_HOME is the environment's: no control or bidi character of it reaches the terminal.
        options.console(ctx).write(f"{for_terminal(str(state_path()))}\n")
        return
    if import_file is not None:
        from ...progress import merge_lines
        from ...progress_store import import_file as merge_file

        report = merge_file(import_file)
        options.console(ctx).write("".join(f"{line}\n" for line in merge_lines(report)))
        return
    if reset:
        start_afresh(ctx, yes)
        return
    show_progress(ctx, name, out)


def show_progress(ctx: typer.Context, name: str | None, out: options.Out) -> None:
    from ...names import resolve_path
    from ...progress import orphans_line
    from ...results import build_progress

    chosen, kit = options.prepare(ctx, out)
    only = resolve_path(kit, name) if name is not None else None
    result = build_progress(kit, options.progress(ctx).state, only)
    options.show(ctx, result, chosen, out)
    screen = options.console(ctx)
    # A page and the whole machine form tell the ids no longer in the kit, and so does a table drawn on a
    # terminal; rows (CSV, a workbook, tab-separated text) and a file leave them to stderr.
    shows_orphans = chosen.page or chosen.whole or chosen.drawn(screen.is_terminal())
    if result.orphans and (out.output is not None or not shows_orphans):
        screen.message(orphans_line(result.orphans))


def start_afresh(ctx: typer.Context, yes: bool) -> None:
    """Move the state aside (never delete it), once the reader has said yes."""
    from ...errors import UsageError
    from ...guide import YES, reset_question
    from ...i18n import t
    from ...progress_store import reset, state_path
    from ...text import for_terminal

    out = options.console(ctx)
    path = state_path()
    if not path.exists() and not path.is_symlink():
        out.write(for_terminal(t("progress.reset_nothing", path=path)) + "\n")
        return
    if not yes:
        if not out.can_ask():
            raise UsageError(t("err.reset_no_terminal"))
        if out.question(reset_question(path)) != YES:
            out.write(for_terminal(t("progress.reset_kept")) + "\n")
            return
    aside = reset()
    if aside is None:
        out.write(for_terminal(t("progress.reset_nothing", path=path)) + "\n")
    else:
        out.write(for_terminal(t("progress.reset_done", path=aside)) + "\n")
