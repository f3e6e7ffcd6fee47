"""`kit guide`: two questions (role, goal), a recap, and the reading plan they lead to.

With `--role` and `--goal` (or `--answers`) it never prompts, for scripts. Module-level imports stay
light: the kit (pydantic) is loaded in the function, questionary only when a question is shown.
"""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .. import formats, options
from ..completion import complete_goal, complete_role
from ..errors import UsageError
from ..i18n import os_reason, t

if TYPE_CHECKING:
    from ..guide import Answers

RoleOpt = Annotated[
    str | None,
    typer.Option("--role", "-r", help=t("help.role"), show_default=False, autocompletion=complete_role),
]
GoalOpt = Annotated[
    str | None,
    typer.Option("--goal", "-g", help=t("help.goal"), show_default=False, autocompletion=complete_goal),
]
AnswersOpt = Annotated[
    Path | None,
    typer.Option("--answers", help=t("help.answers"), show_default=False, dir_okay=False),
]


def stdin_is_terminal() -> bool:
    """True when someone can answer questions: stdin is open and is a terminal."""
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def guide(
    role: RoleOpt = None,
    goal: GoalOpt = None,
    answers_file: AnswersOpt = None,
    fmt: Annotated[str, options.format_option(formats.DOCUMENTS)] = "table",
    output: options.OutputOpt = None,
    force: options.ForceOpt = False,
    kit_file: options.KitOpt = None,
    lang: options.LangOpt = None,
) -> None:
    from .. import guide as core
    from ..names import resolve_role
    from ..render import plan as views

    options.setup(lang)
    fmt = options.check_format(fmt, formats.DOCUMENTS)
    given = core.Answers(role, goal)
    if answers_file is not None:
        given = read_answers(answers_file).merged(given)
    if given.role is not None:
        # Checked before anything else: an unknown role is the first thing to tell.
        given = core.Answers(resolve_role(given.role), given.goal)
    interactive = not given.complete
    if interactive and not stdin_is_terminal():
        raise UsageError(t("err.guide_no_terminal", missing=t("word.and").join(given.missing())))
    if interactive:
        from .. import prompts
    if interactive and given.role is None and given.goal is None and kit_file is None:
        # The bundled kit is known to be valid and the role question does not need it: ask first,
        # load while the user reads, so the first question shows a tenth of a second sooner.
        given = core.Answers(prompts.ask(core.role_question()), None)
    kit = options.load(kit_file)
    answers = core.resolve_answers(kit, given)
    if interactive:
        answers = core.interview(kit, answers, prompts.ask)
    plan = core.build_plan(kit, answers)
    terminal = options.terminal(output)
    options.emit(views.render(kit, plan, fmt, terminal), output, force, fmt)
    if interactive and terminal:
        choice = core.save_dialog(plan, prompts.ask)
        if choice is not None:
            options.emit(views.render(kit, plan, choice.fmt, False), choice.path, choice.force, choice.fmt)


def read_answers(path: Path) -> "Answers":
    """The answers of a saved JSON plan; a UsageError naming the file when it cannot serve."""
    from ..guide import parse_answers

    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UsageError(t("err.answers_missing", path=path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = os_reason(exc)
        raise UsageError(t("err.answers_unreadable", path=path, reason=reason)) from None
    try:
        return parse_answers(text)
    except (ValueError, RecursionError):
        raise UsageError(t("err.answers_invalid", path=path)) from None
