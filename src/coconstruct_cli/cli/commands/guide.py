"""`kit guide`: questions (role, goal), a recap, and the reading plan they lead to.

With `--role` and `--goal` (or `--answers`) it never prompts, for scripts. Module-level imports stay
light: the kit (pydantic) is loaded in the function, questionary only when a question is shown.
"""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ...errors import UsageError
from ...i18n import t
from .. import options
from ..completion import complete_goal, complete_need, complete_role

if TYPE_CHECKING:
    from ...guide import Answers
    from ...model import Kit
    from ...results import PlanResult
    from ..console import Console

ANSWERS_LIMIT = 1024 * 1024
"""A saved plan is a few kilobytes; a bigger answers file is not one."""

RoleOpt = Annotated[
    str | None,
    typer.Option("--role", "-r", help="help.role", metavar="metavar.role", show_default=False, autocompletion=complete_role),
]
GoalOpt = Annotated[
    str | None,
    typer.Option("--goal", "-g", help="help.goal", metavar="metavar.goal", show_default=False, autocompletion=complete_goal),
]
NeedOpt = Annotated[
    str | None,
    typer.Option("--need", "-n", help="help.need", metavar="metavar.need", show_default=False, autocompletion=complete_need),
]
SituationOpt = Annotated[
    str | None,
    typer.Option("--situation", "-s", help="help.situation", metavar="metavar.situation", show_default=False),
]
AnswersOpt = Annotated[
    Path | None,
    typer.Option("--answers", help="help.answers", metavar="metavar.file", show_default=False, dir_okay=False),
]


@options.writes_result("guide")
def guide(
    ctx: typer.Context,
    role: RoleOpt = None,
    goal: GoalOpt = None,
    need: NeedOpt = None,
    situation: SituationOpt = None,
    answers_file: AnswersOpt = None,
    out: options.Out = options.NO_OUT,
) -> None:
    from ... import guide as core
    from ...names import resolve_role
    from ...plan import build_plan
    from ...results import PlanResult

    console = options.console(ctx)
    options.check_lang(out.lang)
    chosen = options.choose_format(out.fmt, out.formats, out.output)
    kit_file = options.kit_path(ctx, out.kit_file)
    given = core.Answers(role, goal, need, situation)
    if answers_file is not None:
        given = read_answers(answers_file).merged(given)
    if given.role is not None:
        # Checked before anything else: an unknown role is the first thing to tell.
        given = core.Answers(resolve_role(given.role), given.goal, given.need, given.situation)
    interactive = not given.complete
    if interactive and not console.can_ask():
        raise UsageError(t("err.guide_no_terminal", missing=t("word.and").join(given.missing())))
    # Only a guide started with no answer at all offers to resume: --role, --goal, --need and
    # --answers neither read nor change the remembered answers.
    fresh = given == core.Answers() and answers_file is None
    remembered = fresh and any(not p.answers.empty for p in options.progress(ctx).state.kits.values())
    if interactive and given.role is None and given.goal is None and kit_file is None and not remembered:
        # The bundled kit is known to be valid and the role question does not need it: ask first,
        # load while the user reads, so the first question shows a tenth of a second sooner.
        given = core.Answers(console.question(core.role_question()), None, given.need, given.situation)
    kit = options.load(kit_file)
    read = options.read_set(ctx, kit)
    resumed = resume(ctx, kit, read) if remembered else None
    if resumed is not None:
        answers = resumed
    else:
        answers = core.resolve_answers(kit, given)
        if interactive:
            answers = core.interview(kit, answers, console.question)
    result = PlanResult(build_plan(kit, answers), read)
    options.show(ctx, result, chosen, out)
    if interactive and out.output is None and console.is_terminal():
        next_steps(ctx, kit, result)


def resume(ctx: typer.Context, kit: "Kit", read: frozenset[str]) -> "Answers | None":
    """Offer the plan of the remembered answers (« Reprendre votre plan (…, 6/17 lus) »); None for new answers."""
    from ... import guide as core
    from ...plan import remembered_plan
    from ...progress import kit_identity

    plan = remembered_plan(kit, options.progress(ctx).state.answers(kit_identity(kit)))
    if plan is None:
        return None
    done = sum(1 for i in plan.items if i.document.id in read)
    if options.console(ctx).question(core.resume_question(plan.role, plan.path, done, len(plan.items))) != core.RESUME:
        return None
    return plan.answers


def next_steps(ctx: typer.Context, kit: "Kit", result: "PlanResult") -> None:
    """The menu after the plan, until the user quits: a document's detail, a search, another answer, saving."""
    from ... import guide as core
    from ...i18n import get_lang, pick
    from ...plan import build_plan
    from ...render.common import pointer_lines
    from ...results import DocumentDetail, PlanResult, SearchResult
    from ...search import query_terms, search, search_background
    from .search import screenful

    console = options.console(ctx)
    ask = console.question
    while True:
        step = ask(core.next_question())
        if step == "detail":
            plan = result.plan
            items = [(i.number, i.document.id, pick(i.document.title, i.document.title_en)) for i in plan.items]
            first = plan.start[0].document.id if plan.start else None
            doc_id = ask(core.document_question(items, first))
            if doc_id != core.BACK:
                document = next(i.document for i in plan.items if i.document.id == doc_id)
                console.emit(options.for_screen(console, DocumentDetail(kit, document)), machine=False)
        elif step == "search":
            words = ask(core.search_question())
            if words != core.ESCAPED and query_terms(words):  # Esc or nothing typed: back to the menu
                # As `kit search` on a terminal: the documents, then where else the words are (« Aussi dans kit about »).
                english = get_lang() == "en"
                outcome = search(kit.documents, words, english)
                pointers = search_background(kit, words, english)
                if outcome.hits:
                    found = SearchResult(kit, outcome, pointers, result.read, screenful(console))
                    console.emit(options.for_screen(console, found), machine=False)
                else:
                    console.message(t("msg.no_match"))
                    for line in pointer_lines(kit, pointers):
                        console.message(line)
        elif step == "change":
            answers = core.confirm(kit, result.plan.answers, ask)
            result = PlanResult(build_plan(kit, answers), result.read)
            console.emit(options.for_screen(console, result), machine=False)
        elif step == "save":
            save(console, result)
        else:
            return


def save(console: "Console", result: "PlanResult") -> None:
    """The save dialog; a failed write says why and lets the user choose another name, never losing the plan."""
    from ... import guide as core
    from ...errors import OutputError, OutputExists
    from ...formats import Format, medium
    from ...i18n import get_lang
    from ...queries import typed_name
    from ...render import render

    # The file is named as the interface names the path: plan-animer.md in French, plan-animate.md in English.
    name = typed_name(result.plan.path, get_lang())
    while True:
        choice = core.save_dialog(name, console.question)
        if choice is None:
            return
        fmt = Format(choice.fmt)
        try:
            console.emit(render(result, medium(fmt, False)), choice.path, choice.force, bom=fmt.bom)
        except OutputExists as exc:  # made between the dialog's look and the write: no « --force » at a prompt
            console.message(t("msg.save_exists", path=exc.path))
            continue
        except OutputError as exc:
            console.message(t("msg.save_failed", reason=exc.message))
            continue
        remember(console, result)
        return


def remember(console: "Console", result: "PlanResult") -> None:
    """A saved plan is the reader's: its answers are remembered for the next `kit guide` and `kit progress`.

    Failing to remember them (a read-only home, a state file that cannot be used) is said, and the
    plan stays saved.
    """
    from ...errors import ProgressError
    from ...progress import Answers, kit_identity
    from ...progress_store import remember_answers

    plan = result.plan
    try:
        remember_answers(kit_identity(result.kit), Answers(plan.role, plan.goal, plan.need, plan.situation or None))
    except ProgressError as exc:
        console.message(exc.message)


def read_answers(path: Path) -> "Answers":
    """The answers of a saved JSON plan; a UsageError naming the file when it cannot serve."""
    from ...files import file_reason, read_limited
    from ...guide import parse_answers

    try:
        raw = read_limited(path, ANSWERS_LIMIT)
        text = raw.decode("utf-8-sig")
    except FileNotFoundError:
        raise UsageError(t("err.answers_missing", path=path)) from None
    except UnicodeDecodeError as exc:  # told in the user's words, never the codec's English
        before = raw[: exc.start]
        line, column = before.count(b"\n") + 1, exc.start - (before.rfind(b"\n") + 1) + 1
        reason = t("progress.why_encoding", line=line, column=column)
        raise UsageError(t("err.answers_unreadable", path=path, reason=reason)) from None
    except (OSError, ValueError) as exc:
        raise UsageError(t("err.answers_unreadable", path=path, reason=file_reason(exc))) from None
    try:
        return parse_answers(text)
    except (ValueError, RecursionError):
        raise UsageError(t("err.answers_invalid", path=path)) from None
