"""The reading plan that complete answers give: the path's documents in reading order, marked for the
role, and the sentences that tell where to start. Pure: no terminal, no Typer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .guide import Answers, find_path, goal_title
from .i18n import pick, t
from .names import UNSURE
from .queries import Selection, records, select

if TYPE_CHECKING:
    from .model import Document, Kit, ReadingPath

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
