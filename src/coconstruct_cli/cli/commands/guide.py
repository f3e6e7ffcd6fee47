"""`kit guide`: questions (role, goal), a recap, and the reading plan they lead to.

With `--role` and `--goal` (or `--answers`) it never prompts, for scripts. Module-level imports stay
light: the kit (pydantic) is loaded in the function, questionary only when a question is shown.
"""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ...errors import UsageError
from ...formats import DOCUMENTS
from ...i18n import os_reason, t
from .. import options
from ..completion import complete_goal, complete_role

if TYPE_CHECKING:
    from ...guide import Answers

ANSWERS_LIMIT = 1024 * 1024
"""A saved plan is a few kilobytes; a bigger answers file is not one."""

RoleOpt = Annotated[
    str | None,
    typer.Option("--role", "-r", help="help.role", show_default=False, autocompletion=complete_role),
]
GoalOpt = Annotated[
    str | None,
    typer.Option("--goal", "-g", help="help.goal", show_default=False, autocompletion=complete_goal),
]
AnswersOpt = Annotated[
    Path | None,
    typer.Option("--answers", help="help.answers", show_default=False, dir_okay=False),
]


def guide(
    ctx: typer.Context,
    role: RoleOpt = None,
    goal: GoalOpt = None,
    answers_file: AnswersOpt = None,
    fmt: Annotated[str | None, options.format_option(DOCUMENTS)] = None,
    output: options.OutputOpt = None,
    force: options.ForceOpt = False,
    kit_file: options.KitOpt = None,
    lang: options.LangOpt = None,
) -> None:
    from ... import guide as core
    from ...formats import Format, medium
    from ...names import resolve_role
    from ...plan import build_plan
    from ...render import render
    from ...results import PlanResult

    console = options.console(ctx)
    options.check_lang(lang)
    chosen = options.choose_format(fmt, DOCUMENTS, output)
    kit_file = options.kit_path(ctx, kit_file)
    given = core.Answers(role, goal)
    if answers_file is not None:
        given = read_answers(answers_file).merged(given)
    if given.role is not None:
        # Checked before anything else: an unknown role is the first thing to tell.
        given = core.Answers(resolve_role(given.role), given.goal)
    interactive = not given.complete
    if interactive and not console.can_ask():
        raise UsageError(t("err.guide_no_terminal", missing=t("word.and").join(given.missing())))
    if interactive and given.role is None and given.goal is None and kit_file is None:
        # The bundled kit is known to be valid and the role question does not need it: ask first,
        # load while the user reads, so the first question shows a tenth of a second sooner.
        given = core.Answers(console.question(core.role_question()), None)
    kit = options.load(kit_file)
    answers = core.resolve_answers(kit, given)
    if interactive:
        answers = core.interview(kit, answers, console.question)
    result = PlanResult(build_plan(kit, answers))
    options.show(ctx, result, chosen, output, force)
    if interactive and output is None and console.is_terminal():
        choice = core.save_dialog(result.plan.path.id, console.question)
        if choice is not None:
            fmt_saved = Format(choice.fmt)
            console.emit(render(result, medium(fmt_saved, False)), choice.path, choice.force, bom=fmt_saved is Format.CSV)


def read_answers(path: Path) -> "Answers":
    """The answers of a saved JSON plan; a UsageError naming the file when it cannot serve."""
    from ...guide import parse_answers
    from ...loader import read_limited

    try:
        text = read_limited(path, ANSWERS_LIMIT).decode("utf-8-sig")
    except FileNotFoundError:
        raise UsageError(t("err.answers_missing", path=path)) from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        reason = os_reason(exc)
        raise UsageError(t("err.answers_unreadable", path=path, reason=reason)) from None
    try:
        return parse_answers(text)
    except (ValueError, RecursionError):
        raise UsageError(t("err.answers_invalid", path=path)) from None
