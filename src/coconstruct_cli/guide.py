"""The guide as data: its questions, the answers they take, and the reading plan the answers give.

Nothing here talks to a terminal. A question is a plain `Question`; the conversation is
`interview(kit, answers, ask)` and `save_dialog(plan, ask)`, where `ask` is whatever puts a question
to the user (`prompts.ask` in real life, a scripted function in tests).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .errors import UsageError
from .i18n import MESSAGES, pick, t
from .names import ROLE_ALIASES, resolve, resolve_role
from .queries import Selection, records, select

if TYPE_CHECKING:
    from .model import Document, Kit, ReadingPath

UNSURE = "unsure"
"""The goal « Je ne sais pas encore »: it leads to the path `UNSURE_PATH`."""
UNSURE_PATH = "understand"
UNSURE_ALIASES: tuple[str, ...] = (
    "ne-sais-pas",
    "je-ne-sais-pas",
    "je-ne-sais-pas-encore",
    "ne-sais-pas-encore",
    "sais-pas",
    "not-sure",
    "dont-know",
    "i-don-t-know-yet",
)
ROLES: tuple[str, ...] = tuple(ROLE_ALIASES)
DEFAULT_GOALS: dict[str, str] = {"facilitator": "animate"}
"""The goal a role most likely has, pointed at first in the goal question."""

SAVE_FORMATS: tuple[str, ...] = ("md", "json", "csv", "html")
SAVE_NO = "no"


# --- questions as data ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Option:
    """One choice of a question: the value the program gets, the words the user sees."""

    value: str
    title: str
    description: str | None = None


@dataclass(frozen=True)
class Question:
    """One question to put to the user: a choice among `options`, or free text when there are none."""

    name: str
    message: str
    options: tuple[Option, ...] = ()
    default: str | None = None
    preamble: tuple[str, ...] = ()
    """Lines shown just before the question (the recap of the answers)."""
    validate: Callable[[str], str | None] | None = None
    """For free text: the error message for a bad answer, None when it is good."""

    @property
    def kind(self) -> Literal["select", "text"]:
        return "select" if self.options else "text"


Ask = Callable[[Question], str]
"""Puts a question to the user and returns the chosen option's value (or the text typed)."""


def role_question(default: str | None = None) -> Question:
    options = tuple(Option(role, t(f"role.{role}")) for role in ROLES)
    return Question("role", t("q.role"), options, default)


def goal_title(kit: Kit, goal: str) -> str:
    """The goal told as a need (« Animer une dynamique… »), or the path's own title in another kit."""
    if goal == UNSURE:
        return t("goal.unsure")
    if f"goal.{goal}" in MESSAGES:
        return t(f"goal.{goal}")
    path = find_path(kit, goal)
    return pick(path.title, path.title_en)


def goal_question(kit: Kit, default: str | None = None) -> Question:
    options = [Option(p.id, goal_title(kit, p.id), pick(p.purpose, p.purpose_en)) for p in kit.paths]
    start = find_path(kit, UNSURE)
    options.append(Option(UNSURE, t("goal.unsure"), t("goal.unsure_description", title=pick(start.title, start.title_en))))
    return Question("goal", t("q.goal"), tuple(options), default)


def recap_question(kit: Kit, role: str, goal: str) -> Question:
    preamble = (
        t("q.recap_title"),
        "  " + t("q.recap_role", value=t(f"role.{role}")),
        "  " + t("q.recap_goal", value=goal_title(kit, goal)),
    )
    options = (
        Option("confirm", t("recap.confirm")),
        Option("role", t("recap.role")),
        Option("goal", t("recap.goal")),
    )
    return Question("recap", t("q.recap"), options, "confirm", preamble)


def save_question() -> Question:
    options = tuple(Option(fmt, t(f"save.{fmt}")) for fmt in SAVE_FORMATS) + (Option(SAVE_NO, t("save.no")),)
    return Question("save", t("q.save"), options, "md")


def check_filename(text: str) -> str | None:
    """The error for a file name the plan cannot be saved under, None when it will do."""
    name = text.strip()
    if not name:
        return t("err.filename_empty")
    target = Path(name).expanduser()
    if target.is_dir():
        return t("err.filename_dir", path=name)
    if not target.parent.is_dir():
        return t("err.filename_folder", path=target.parent)
    return None


def filename_question(default: str) -> Question:
    return Question("filename", t("q.filename"), default=default, validate=check_filename)


def overwrite_question(path: Path) -> Question:
    options = (Option("rename", t("overwrite.rename")), Option("replace", t("overwrite.replace")))
    return Question("overwrite", t("q.overwrite", path=path), options, "rename")


# --- answers -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Answers:
    """What the user answered: a role slug and a goal (a path id or `UNSURE`), None when not yet."""

    role: str | None = None
    goal: str | None = None

    @property
    def complete(self) -> bool:
        return self.role is not None and self.goal is not None

    def missing(self) -> list[str]:
        """The command-line options that would give the missing answers."""
        return [f"--{name}" for name in ("role", "goal") if getattr(self, name) is None]

    def merged(self, other: Answers) -> Answers:
        """These answers, with the ones `other` gives taking precedence (flags over a saved plan)."""
        return Answers(other.role or self.role, other.goal or self.goal)


def find_path(kit: Kit, goal: str) -> ReadingPath:
    """The path a goal leads to: « unsure » leads to `understand` (or the kit's first path)."""
    if not kit.paths:
        raise UsageError(t("err.no_paths"))
    wanted = UNSURE_PATH if goal == UNSURE else goal
    return next((p for p in kit.paths if p.id == wanted), kit.paths[0])


def goal_names(kit: Kit) -> dict[str, str]:
    """Every accepted goal name (slug form) mapped to its goal: path ids, aliases, « unsure »."""
    names: dict[str, str] = {}
    for p in kit.paths:
        names.setdefault(p.id, p.id)
        names.setdefault(p.alias, p.id)
    names.setdefault(UNSURE, UNSURE)
    for alias in UNSURE_ALIASES:
        names.setdefault(alias, UNSURE)
    return names


def resolve_goal(kit: Kit, raw: str) -> str:
    shown = [f"{p.id} ({p.alias})" for p in kit.paths] + [f"{UNSURE} ({UNSURE_ALIASES[0]})"]
    return resolve(raw, goal_names(kit), "goal", shown)


def resolve_answers(kit: Kit, given: Answers) -> Answers:
    """Answers as typed (any case, French aliases) turned into role slugs and goals; UsageError if unknown."""
    role = resolve_role(given.role) if given.role else None
    goal = resolve_goal(kit, given.goal) if given.goal else None
    return Answers(role, goal)


def default_goal(kit: Kit, role: str | None) -> str | None:
    """The goal to point at first for this role, when the kit has that path."""
    goal = DEFAULT_GOALS.get(role or "")
    return goal if goal and any(p.id == goal for p in kit.paths) else None


def parse_answers(text: str) -> Answers:
    """The answers of a plan saved with `--format json` (raw, still to be resolved); ValueError if none."""
    data = json.loads(text)
    answers = data.get("answers") if isinstance(data, dict) else None
    if not isinstance(answers, dict):
        raise ValueError("no answers")
    role, goal = answers.get("role"), answers.get("goal")
    if not all(value is None or isinstance(value, str) for value in (role, goal)) or (role is None and goal is None):
        raise ValueError("bad answers")
    return Answers(role or None, goal or None)


def interview(kit: Kit, answers: Answers, ask: Ask) -> Answers:
    """Ask what is missing, then recap until the user confirms; every answer can be changed there."""
    role = answers.role if answers.role is not None else ask(role_question())
    goal = answers.goal if answers.goal is not None else ask(goal_question(kit, default_goal(kit, role)))
    while True:
        choice = ask(recap_question(kit, role, goal))
        if choice == "role":
            role = ask(role_question(role))
        elif choice == "goal":
            goal = ask(goal_question(kit, goal))
        else:
            return Answers(role, goal)


# --- the plan ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One document of the plan: highlighted when the kit says it is written for the user's role."""

    number: int
    document: Document
    highlight: bool
    reason: str


@dataclass(frozen=True)
class Plan:
    role: str
    goal: str
    path: ReadingPath
    selection: Selection
    items: tuple[Item, ...]
    elsewhere: tuple[tuple[Document, tuple[ReadingPath, ...]], ...]
    """Documents written for the role that sit in other paths, with those paths."""
    role_in_kit: bool
    """Whether any document of the kit is written for this role at all."""

    @property
    def highlights(self) -> tuple[Item, ...]:
        return tuple(i for i in self.items if i.highlight)


def build_plan(kit: Kit, answers: Answers) -> Plan:
    """The reading plan for complete answers: the path's documents in reading order, highlighted for the role."""
    if answers.role is None or answers.goal is None:
        raise ValueError("answers are not complete")
    role, goal = answers.role, answers.goal
    path = find_path(kit, goal)
    selection = select(kit, path=path)
    items = tuple(
        Item(n, d, role in d.audiences, pick(d.audience_reason or "", d.audience_reason_en) if role in d.audiences else "")
        for n, d in enumerate(selection.documents, start=1)
    )
    elsewhere = tuple(
        (d, tuple(p for p in kit.paths if d.id in p.documents))
        for d in kit.documents
        if role in d.audiences and d.id not in path.documents
    )
    role_in_kit = any(role in d.audiences for d in kit.documents)
    return Plan(role, goal, path, selection, items, elsewhere, role_in_kit)


def plan_data(plan: Plan) -> dict[str, Any]:
    """The plan's machine form (`--format json`): answers, path id, and `kit path`'s documents, marked."""
    documents = [
        {**r, "highlight": item.highlight, "reason": item.reason}
        for r, item in zip(records(plan.selection), plan.items, strict=True)
    ]
    return {"answers": {"role": plan.role, "goal": plan.goal}, "path": plan.path.id, "documents": documents}


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _path_names(paths: tuple[ReadingPath, ...]) -> str:
    """« parcours animer » in French, « path animate » in English: a name the user can type back."""
    if not paths:
        return t("plan.in_no_path")
    return t("plan.in_paths", names=", ".join(pick(p.alias, p.id) for p in paths))


def quoted(text: str) -> str:
    return t("plan.quoted", text=text)


def answers_line(kit: Kit, plan: Plan) -> str:
    return t("plan.answers", role=t(f"role.{plan.role}"), goal=goal_title(kit, plan.goal))


def start_line(plan: Plan) -> str:
    """One line on where to start: the first document, then the ones written for the user."""
    if not plan.items:
        return t("plan.empty")
    first = plan.items[0].document
    line = t("plan.start", title=quoted(pick(first.title, first.title_en)))
    if plan.highlights:
        numbers = ", ".join(str(i.number) for i in plan.highlights)
        line += " " + t("plan.highlights", count=len(plan.highlights), numbers=numbers)
    return line


def notes(plan: Plan) -> list[str]:
    """What the plan must say honestly: no document for this role, or the user's documents elsewhere."""
    out: list[str] = []
    if plan.goal == UNSURE:
        out.append(t("plan.unsure"))
    if plan.role == "other":
        out.append(t("plan.none_for_other"))
    elif not plan.role_in_kit:
        out.append(t("plan.none_for_role", role=_lower_first(t(f"role.{plan.role}"))))
    elif not plan.highlights:
        out.append(t("plan.none_in_path", role=_lower_first(t(f"role.{plan.role}"))))
    if plan.role != "other" and plan.elsewhere:
        items = ", ".join(f"{quoted(pick(d.title, d.title_en))} ({_path_names(paths)})" for d, paths in plan.elsewhere)
        out.append(t("plan.elsewhere", items=items))
    return out


# --- saving --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SaveChoice:
    path: Path
    fmt: str
    force: bool


def suggest_filename(path_id: str, fmt: str, exists: Callable[[Path], bool] = Path.exists) -> str:
    """« plan-<path>.<ext> », numbered when that name is taken, so the proposal never replaces a file."""
    name = f"plan-{path_id}.{fmt}"
    number = 2
    while exists(Path(name)) and number < 1000:
        name = f"plan-{path_id}-{number}.{fmt}"
        number += 1
    return name


def save_dialog(plan: Plan, ask: Ask, exists: Callable[[Path], bool] = Path.exists) -> SaveChoice | None:
    """Offer to save the plan; never replace an existing file without the user saying so."""
    fmt = ask(save_question())
    if fmt == SAVE_NO:
        return None
    default = suggest_filename(plan.path.id, fmt, exists)
    while True:
        target = Path(ask(filename_question(default)).strip()).expanduser()
        if not exists(target):
            return SaveChoice(target, fmt, force=False)
        if ask(overwrite_question(target)) == "replace":
            return SaveChoice(target, fmt, force=True)
        default = suggest_filename(plan.path.id, fmt, exists)
