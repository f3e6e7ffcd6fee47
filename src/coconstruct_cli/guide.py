"""The guide as data: its questions and the answers they take (the plan they lead to is `plan.py`).

Nothing here talks to a terminal. A question is a plain `Question`; the conversation is
`interview(kit, answers, ask)` and `save_dialog(path_id, ask)`, where `ask` is whatever puts a question
to the user (`cli.prompts.ask` in real life, a scripted function in tests).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from .errors import UsageError
from .i18n import MESSAGES, pick, t
from .names import ROLE_ALIASES, UNSURE, UNSURE_PATH, resolve_goal, resolve_role

if TYPE_CHECKING:
    from .model import Kit, ReadingPath

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


def save_dialog(path_id: str, ask: Ask, exists: Callable[[Path], bool] = Path.exists) -> SaveChoice | None:
    """Offer to save the plan; never replace an existing file without the user saying so."""
    fmt = ask(save_question())
    if fmt == SAVE_NO:
        return None
    default = suggest_filename(path_id, fmt, exists)
    while True:
        target = Path(ask(filename_question(default)).strip()).expanduser()
        if not exists(target):
            return SaveChoice(target, fmt, force=False)
        if ask(overwrite_question(target)) == "replace":
            return SaveChoice(target, fmt, force=True)
        default = suggest_filename(path_id, fmt, exists)
