"""The guide as data: its questions and the answers they take (the plan they lead to is `plan.py`).

Nothing here talks to a terminal. A question is a plain `Question`; the conversation is
`interview(kit, answers, ask)` and `save_dialog(path_id, ask)`, where `ask` is whatever puts a question
to the user (`cli.prompts.ask` in real life, a scripted function in tests).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from .errors import UsageError
from .formats import SAVED
from .i18n import MESSAGES, os_reason, pick, t
from .names import ALL, ROLE_ALIASES, UNSURE, UNSURE_PATH, goal_ids, need_ids, resolve_goal, resolve_need, resolve_role

if TYPE_CHECKING:
    from .model import Document, Goal, Kit, Need, ReadingPath

ROLES: tuple[str, ...] = tuple(ROLE_ALIASES)
DEFAULT_GOALS: dict[str, str] = {"facilitator": "animate"}
"""The goal a role most likely has, pointed at first in the goal question."""

SAVE_FORMATS: tuple[str, ...] = tuple(fmt.value for fmt in SAVED)
"""What the save dialog offers, read from the table of formats (`formats.Format`, its `saved` column)."""
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
    escape: str | None = None
    """The value Esc gives (« quit » in the menu, « back » in a sub-choice); None: Esc does nothing."""

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
    """« Que voulez-vous faire ? »: the guide's goals, each with the path it leads to."""
    options = []
    for goal in goal_ids(kit):
        path = find_path(kit, goal)
        if goal == UNSURE:
            description = t("goal.unsure_description", title=pick(path.title, path.title_en))
        elif f"goal.{goal}.description" in MESSAGES:
            description = t(f"goal.{goal}.description", title=pick(path.title, path.title_en))
        else:
            description = pick(path.purpose, path.purpose_en)
        options.append(Option(goal, goal_title(kit, goal), description))
    return Question("goal", t("q.goal"), tuple(options), default)


def recap_question(kit: Kit, role: str, goal: str, need: str = "all", situation: str = "") -> Question:
    preamble = (
        t("q.recap_title"),
        "  " + t("q.recap_role", value=t(f"role.{role}")),
        "  " + t("q.recap_goal", value=goal_title(kit, goal)),
        "  " + t("q.recap_need", value=need_title(kit, need, goal)),
        "  " + t("q.recap_situation", value=situation or t("label.none")),
    )
    options = (
        Option("confirm", t("recap.confirm")),
        Option("role", t("recap.role")),
        Option("goal", t("recap.goal")),
        Option("need", t("recap.need")),
        Option("situation", t("recap.situation")),
    )
    return Question("recap", t("q.recap"), options, "confirm", preamble)


def goal_of(kit: Kit, goal: str) -> Goal | None:
    """The guide's goal of this id, None in a kit without one (the goal is then a path id)."""
    goals = kit.guide.goals if kit.guide is not None else ()
    return next((g for g in goals if g.id == goal), None)


def need_of(kit: Kit, need: str) -> Need | None:
    """The guide's need of this id, None for « all » or in a kit without one (the need is then a category id)."""
    needs = kit.guide.needs if kit.guide is not None else ()
    return next((n for n in needs if n.id == need), None)


def serves(kit: Kit, need: str, document: Document) -> bool:
    """Whether `document` answers `need`: its nature or sub-heading is the need's (a category id in a kit
    without a guide section)."""
    found = need_of(kit, need)
    if found is None:
        return document.category == need
    return document.category in found.categories or (
        document.subcategory is not None and document.subcategory in found.subcategories
    )


def nearest_needs(kit: Kit, need: str, path: ReadingPath) -> list[str]:
    """The needs to offer instead of `need` in `path`, nearest first, that the path can serve."""
    found = need_of(kit, need)
    if found is None:
        return []
    documents = [d for d in kit.documents if d.id in path.documents]
    return [n for n in found.nearest if any(serves(kit, n, d) for d in documents)]


def need_title(kit: Kit, need: str, goal: str | None = None) -> str:
    """The need told in words fitting the goal (« Une méthode pour animer » under « animer » only), or the
    category's label in another kit."""
    if need == ALL:
        return t("need.all")
    path = find_path(kit, goal).id if goal is not None and kit.paths else None
    if path is not None and f"need.{need}.{path}" in MESSAGES:
        return t(f"need.{need}.{path}")
    if f"need.{need}" in MESSAGES:
        return t(f"need.{need}")
    category = next((c for c in kit.categories if c.id == need), None)
    return pick(category.label, category.label_en) if category is not None else need


def _need_description(kit: Kit, need: str) -> str:
    if f"need.{need}.description" in MESSAGES:
        return t(f"need.{need}.description")
    category = next((c for c in kit.categories if c.id == need), None)
    return pick(category.description, category.description_en) if category is not None else ""


def need_question(kit: Kit, default: str | None = None, goal: str | None = None) -> Question:
    """« De quoi avez-vous besoin d'abord ? »: the guide's needs in the kit's own sub-headings, worded for the
    goal; a need the goal's path cannot serve says so, and which need the plan will start from instead."""
    path = find_path(kit, goal) if goal is not None and kit.paths else None
    options = []
    for need in need_ids(kit):
        if need == ALL:
            options.append(Option(ALL, t("need.all"), t("need.all_description")))
            continue
        description = _need_description(kit, need)
        if path is not None and not any(serves(kit, need, d) for d in kit.documents if d.id in path.documents):
            nearest = nearest_needs(kit, need, path)
            instead = need_title(kit, nearest[0], goal) if nearest else t("need.all")
            description = t("need.not_in_path", instead=instead)
        options.append(Option(need, need_title(kit, need, goal), description))
    return Question("need", t("q.need"), tuple(options), default or ALL)


SITUATION_MAX = 300
"""Characters of the optional situation the guide reads (a few words, not a letter)."""


def check_situation(text: str) -> str | None:
    return t("err.situation_long", limit=SITUATION_MAX) if len(text.strip()) > SITUATION_MAX else None


def situation_question(default: str = "") -> Question:
    """« En quelques mots, votre situation ? »: optional free text; Enter alone skips it."""
    return Question("situation", t("q.situation"), default=default, validate=check_situation)


ESCAPED = "\x00"
"""What a free-text question answers when Esc is pressed: no typed text holds it (a file name cannot)."""


def save_question() -> Question:
    """In which format to save the plan, or not at all (Esc: not at all)."""
    options = tuple(Option(fmt, t(f"save.{fmt}")) for fmt in SAVE_FORMATS) + (Option(SAVE_NO, t("save.no")),)
    return Question("save", t("q.save"), options, "md", escape=SAVE_NO)


NAME_MAX = 255
"""Bytes in one file name (Linux, macOS and Windows file systems)."""


def check_filename(text: str) -> str | None:
    """The error for a file name the plan cannot be saved under, None when it will do."""
    name = text.strip()
    if not name:
        return t("err.filename_empty")
    if "\x00" in name:
        return t("err.filename_nul")
    try:
        target = Path(name).expanduser()
    except RuntimeError:  # « ~nosuchuser/plan.md »
        return t("err.filename_home", path=name.split("/")[0])
    if len(target.name.encode("utf-8", "surrogateescape")) > NAME_MAX:
        return t("err.filename_long", limit=NAME_MAX)
    if name.endswith(("/", "\\")):
        return t("err.filename_dir", path=name)
    try:
        if target.is_dir():
            return t("err.filename_dir", path=name)
        if not target.parent.is_dir():
            return t("err.filename_folder", path=target.parent)
    except OSError as exc:  # a name the system refuses, a folder it cannot search
        return t("err.filename_unusable", path=name, reason=os_reason(exc))
    return None


def filename_question(default: str) -> Question:
    """The file name to save under (Esc: back to the choice of format)."""
    return Question("filename", t("q.filename"), default=default, validate=check_filename, escape=ESCAPED)


def overwrite_question(path: Path) -> Question:
    """The name is taken: another name, or replace the file (Esc: another name)."""
    options = (Option("rename", t("overwrite.rename")), Option("replace", t("overwrite.replace")))
    return Question("overwrite", t("q.overwrite", path=path), options, "rename", escape="rename")


# --- answers -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Answers:
    """What the user answered: a role slug, a goal (a path id or `UNSURE`) and a need (a category id or
    `ALL`); None when not yet. Only role and goal are required: a script that gives no need gets « all »."""

    role: str | None = None
    goal: str | None = None
    need: str | None = None
    situation: str | None = None
    """The person's situation in their own words (optional; its words raise the documents that answer them)."""

    @property
    def complete(self) -> bool:
        return self.role is not None and self.goal is not None

    def missing(self) -> list[str]:
        """The command-line options that would give the missing answers."""
        return [f"--{name}" for name in ("role", "goal") if getattr(self, name) is None]

    def merged(self, other: Answers) -> Answers:
        """These answers, with the ones `other` gives taking precedence (flags over a saved plan)."""
        return Answers(
            other.role or self.role, other.goal or self.goal, other.need or self.need, other.situation or self.situation
        )


def find_path(kit: Kit, goal: str) -> ReadingPath:
    """The path a goal leads to (the guide's reading, `Goal.path`): « unsure » leads to `understand` (or
    the kit's first path)."""
    if not kit.paths:
        raise UsageError(t("err.no_paths"))
    found = goal_of(kit, goal)
    wanted = found.path if found is not None else UNSURE_PATH if goal == UNSURE else goal
    return next((p for p in kit.paths if p.id == wanted), kit.paths[0])


def resolve_answers(kit: Kit, given: Answers) -> Answers:
    """Answers as typed (any case, French aliases) turned into ids; UsageError if unknown."""
    role = resolve_role(given.role) if given.role else None
    goal = resolve_goal(kit, given.goal) if given.goal else None
    need = resolve_need(kit, given.need) if given.need else None
    situation = " ".join(given.situation.split())[:SITUATION_MAX] if given.situation else None
    return Answers(role, goal, need, situation or None)


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
    role, goal, need, situation = (answers.get(name) for name in ("role", "goal", "need", "situation"))
    values = (role, goal, need, situation)
    if not all(value is None or isinstance(value, str) for value in values) or (role is None and goal is None):
        raise ValueError("bad answers")
    # A plan saved before the need question existed has none: it replays as « Un peu de tout ».
    return Answers(role or None, goal or None, need or None, situation or None)


def interview(kit: Kit, answers: Answers, ask: Ask) -> Answers:
    """Ask what is missing, then recap until the user confirms; every answer can be changed there."""
    role = answers.role if answers.role is not None else ask(role_question())
    goal = answers.goal if answers.goal is not None else ask(goal_question(kit, default_goal(kit, role)))
    need = answers.need if answers.need is not None else ask(need_question(kit, goal=goal))
    situation = answers.situation if answers.situation is not None else ask(situation_question())
    return confirm(kit, Answers(role, goal, need, situation), ask)


def confirm(kit: Kit, answers: Answers, ask: Ask) -> Answers:
    """The recap, until the user confirms: any of the answers can be changed there."""
    role, goal, need = answers.role or "other", answers.goal or UNSURE, answers.need or ALL
    situation = " ".join((answers.situation or "").split())
    while True:
        choice = ask(recap_question(kit, role, goal, need, situation))
        if choice == "role":
            role = ask(role_question(role))
        elif choice == "goal":
            goal = ask(goal_question(kit, goal))
        elif choice == "need":
            need = ask(need_question(kit, need, goal))
        elif choice == "situation":
            situation = " ".join(ask(situation_question(situation)).split())
        else:
            return Answers(role, goal, need, situation or None)


# --- saving --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SaveChoice:
    path: Path
    fmt: str
    force: bool


def taken(path: Path) -> bool:
    """Whether a name is taken, a link to nothing included (`Path.exists` does not see it, writing would
    replace it)."""
    return os.path.lexists(path)


def suggest_filename(path_id: str, fmt: str, exists: Callable[[Path], bool] | None = None) -> str:
    """« plan-<path>.<ext> », numbered when that name is taken (`taken`, unless told otherwise) as far as
    needed, so that the proposal never names an existing file."""
    exists = exists or taken
    name = f"plan-{path_id}.{fmt}"
    number = 2
    while exists(Path(name)):
        name = f"plan-{path_id}-{number}.{fmt}"
        number += 1
    return name


def format_of_name(name: str) -> str | None:
    """The format a file name's extension names (« plan.html » -> « html »), None when it names none."""
    from .formats import EXTENSIONS

    named = EXTENSIONS.get(Path(name).suffix.lower())
    return None if named is None else named.value


def mismatch_question(name: str, named: str, chosen: str) -> Question:
    """The name says one format, the user chose another: ask, never write one in the other's name."""
    options = (
        Option("named", t("mismatch.named", format=t(f"format.{named}"))),
        Option("chosen", t("mismatch.chosen", format=t(f"format.{chosen}"), name=str(Path(name).with_suffix(f".{chosen}")))),
        Option("rename", t("overwrite.rename")),
    )
    return Question(
        "mismatch",
        t("q.mismatch", name=name, named=t(f"format.{named}"), chosen=t(f"format.{chosen}")),
        options,
        "named",
        escape="rename",
    )


def save_dialog(path_id: str, ask: Ask, exists: Callable[[Path], bool] | None = None) -> SaveChoice | None:
    """Offer to save the plan; never replace an existing file without the user saying so, and never
    write a format under a name whose extension says another. Esc goes back one step: from the name to
    the format, from the format out of the dialog."""
    exists = exists or taken
    while True:
        fmt = ask(save_question())
        if fmt == SAVE_NO:
            return None
        chosen = _save_as(path_id, fmt, ask, exists)
        if chosen is not None:
            return chosen


def _save_as(path_id: str, fmt: str, ask: Ask, exists: Callable[[Path], bool]) -> SaveChoice | None:
    """The name (and format) to save under; None when the user goes back (Esc at the name)."""
    default = suggest_filename(path_id, fmt, exists)
    while True:
        typed = ask(filename_question(default))
        if typed == ESCAPED:
            return None
        typed = typed.strip()
        named = format_of_name(typed)
        if named is not None and named != fmt:
            answer = ask(mismatch_question(typed, named, fmt))
            if answer == "rename":
                continue
            if answer == "named":
                fmt = named
            else:
                typed = str(Path(typed).with_suffix(f".{fmt}"))
        target = Path(typed).expanduser()
        if not exists(target):
            return SaveChoice(target, fmt, force=False)
        if ask(overwrite_question(target)) == "replace":
            return SaveChoice(target, fmt, force=True)
        default = suggest_filename(path_id, fmt, exists)


# --- after the plan: the next step ----------------------------------------------------------------

NEXT_STEPS: tuple[str, ...] = ("detail", "search", "change", "save", "quit")
QUIT, BACK = "quit", "back"


def next_question() -> Question:
    """The menu after the plan: open a document, search, change an answer, save, quit (Esc quits too)."""
    options = tuple(Option(step, t(f"next.{step}")) for step in NEXT_STEPS)
    return Question("next", t("q.next"), options, "detail", escape=QUIT)


def document_question(items: Sequence[tuple[int, str, str]], default: str | None = None) -> Question:
    """Pick one document of the plan: (number, id, title) each; Esc goes back to the menu."""
    options = tuple(Option(doc_id, f"{number}. {title}") for number, doc_id, title in items)
    options += (Option(BACK, t("next.back")),)
    return Question("document", t("q.document"), options, default, escape=BACK)


def search_question() -> Question:
    """The words to search for; an empty answer or Esc goes back to the menu."""
    return Question("query", t("q.query"), escape=ESCAPED)


# --- reading progress: resuming the remembered plan, starting afresh ----------------------------------

RESUME, NEW_ANSWERS = "resume", "new"
YES, NO = "yes", "no"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def resume_question(role: str, path: ReadingPath, read: int, total: int) -> Question:
    """« Reprendre votre plan (une entreprise → accompagner les organisations…, 6/17 lus) » or « Nouvelles réponses »."""
    label = t(
        "progress.resume",
        role=_lower_first(t(f"role.{role}")),
        path=_lower_first(pick(path.title, path.title_en)),
        read=read,
        total=total,
        count=read,
    )
    options = (Option(RESUME, label), Option(NEW_ANSWERS, t("progress.new_answers")))
    return Question("resume", t("q.resume"), options, RESUME)


def reset_question(path: Path) -> Question:
    """`kit progress --reset` asks before moving the progress aside; No is the default and what Esc says."""
    options = (Option(NO, t("reset.no")), Option(YES, t("reset.yes")))
    return Question("reset", t("q.reset", path=path), options, NO, escape=NO)
