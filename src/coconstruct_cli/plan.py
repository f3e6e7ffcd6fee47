"""The reading plan that complete answers give. Pure: no terminal, no Typer.

A plan is the chosen path's documents in reading order, numbered as `kit path` numbers them, each with a
one-line « pourquoi » from the kit's own words, and a short « Pour commencer » set chosen by one rule:

1. the path's documents the kit says are written for the user's role (« à destination de … »);
2. then those the kit's text ties to the role, by our reading (marked as such);
3. then the documents of the nature the user needs first, in reading order — for « un peu de tout »,
   the first document of each nature, in the kit's order of natures;
4. then, while there is room, the path's first document of the reference framework.

At most `START_SIZE` documents; the rest of the path follows, grouped by nature. Nothing of the path is
ever left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .guide import Answers, find_path, goal_title, need_title
from .i18n import get_lang, pick, t
from .names import ALL, UNSURE
from .queries import Selection, groups, records, select
from .text import fold

if TYPE_CHECKING:
    from .model import Document, Kit, ReadingPath
    from .progress import Answers as RememberedAnswers

START_SIZE = 5
WHY_LENGTH = 160
"""A « pourquoi » longer than this is cut at a clause boundary, with « … »."""

# Why a document is in the start set, in the order of the rule.
WRITTEN_FOR, CONCERNS, NEED, REFERENCE = "written_for", "concerns", "need", "reference"
RULES: tuple[str, ...] = (WRITTEN_FOR, CONCERNS, NEED, REFERENCE)
REFERENCE_CATEGORY = "reference"


@dataclass(frozen=True)
class Item:
    """One document of the plan."""

    number: int
    """Its number in the path's reading order, as `kit path` shows it (`kit show PATH:NUMBER`)."""
    document: Document
    highlight: bool
    """The kit says the document is written for the user's role."""
    reason: str
    """When highlighted, the kit's own words (« à destination des chefs d'entreprise »); empty otherwise."""
    concern: str
    """Our reading, when the kit's text ties the document to the role without saying it is written for it."""
    why: str
    """One line on what the document is, from the kit's description (or the kit's reason when it is written for the role)."""
    start: str = ""
    """Why it is in the « Pour commencer » set (one of `RULES`), empty when it is not."""


@dataclass(frozen=True)
class Plan:
    role: str
    goal: str
    need: str
    path: ReadingPath
    selection: Selection
    items: tuple[Item, ...]
    start: tuple[Item, ...]
    """The « Pour commencer » set, in the order of the rule."""
    elsewhere: tuple[tuple[Document, tuple[ReadingPath, ...]], ...]
    """Documents written for the role that sit in other paths, with those paths."""
    role_in_kit: bool
    """Whether any document of the kit is written for this role at all."""

    @property
    def highlights(self) -> tuple[Item, ...]:
        return tuple(i for i in self.items if i.highlight)

    @property
    def rest(self) -> tuple[Item, ...]:
        """The documents after the start set, in reading order."""
        return tuple(i for i in self.items if not i.start)

    @property
    def kit(self) -> Kit:
        return self.selection.kit


_SENTENCE_END = re.compile(r"(?<=[a-zà-ÿ0-9»)])\. (?=[A-ZÀ-Ý«])")
_CLAUSE = re.compile(r", | : | ; | — ")
_ARTICLE = re.compile(r"^(?:le |la |les |l'|un |une |the |a |an )")


def first_sentence(text: str, limit: int = WHY_LENGTH) -> str:
    """The first sentence of `text`, shortened at a clause boundary when it is long (« … » marks the cut)."""
    line = " ".join(text.split())
    sentence = _SENTENCE_END.split(line, maxsplit=1)[0].rstrip(".")
    if len(sentence) <= limit:
        return sentence
    cuts = [m.start() for m in _CLAUSE.finditer(sentence) if 40 <= m.start() <= limit]
    cut = cuts[-1] if cuts else sentence.rfind(" ", 0, limit)
    return sentence[: max(cut, 1)].rstrip(" ,;:") + " …"


def _why(document: Document, reason: str) -> str:
    """The kit's reason when it writes the document for the reader, else what its description says first —
    past its opening clause when that clause only repeats the title (« Se former aux enjeux…, en suivant… »)."""
    if reason:
        return t("plan.why_written_for", quote=reason)
    description = " ".join(pick(document.description, document.description_en).split())
    why = first_sentence(description)
    title = _ARTICLE.sub("", fold(pick(document.title, document.title_en)))
    opening = _ARTICLE.sub("", fold(why.removesuffix(" …")))
    if opening and (title.startswith(opening) or opening.startswith(title)):
        clause = _CLAUSE.search(description)
        if clause is not None:
            rest = description[clause.end() :]
            why = first_sentence(rest[:1].upper() + rest[1:])
    return why


def _start(items: tuple[Item, ...], kit: Kit, need: str) -> dict[str, str]:
    """Document id -> the rule that puts it in the start set (see the module's docstring)."""
    chosen: dict[str, str] = {}

    def take(candidates: list[Item], rule: str) -> None:
        for item in candidates:
            if len(chosen) < START_SIZE and item.document.id not in chosen:
                chosen[item.document.id] = rule

    take([i for i in items if i.highlight], WRITTEN_FOR)
    take([i for i in items if i.concern], CONCERNS)
    if need == ALL:
        firsts = [next((i for i in items if i.document.category == c.id), None) for c in kit.categories]
        take([i for i in firsts if i is not None], NEED)
    else:
        take([i for i in items if i.document.category == need], NEED)
    take([i for i in items if i.document.category == REFERENCE_CATEGORY][:1], REFERENCE)
    return chosen


def build_plan(kit: Kit, answers: Answers) -> Plan:
    """The reading plan for complete answers (a missing need counts as « un peu de tout »)."""
    if answers.role is None or answers.goal is None:
        raise ValueError("answers are not complete")
    role, goal, need = answers.role, answers.goal, answers.need or ALL
    path = find_path(kit, goal)
    selection = select(kit, path=path)
    drafts = []
    for number, d in enumerate(selection.documents, start=1):
        written = next((w for w in d.written_for if w.role == role), None)
        concern = next((c for c in d.concerns if c.role == role), None)
        reason = pick(written.quote, written.quote_en) if written else ""
        drafts.append(
            Item(
                number,
                d,
                written is not None,
                reason,
                pick(concern.reading, concern.reading_en) if concern else "",
                _why(d, reason),
            )
        )
    rules = _start(tuple(drafts), kit, need)
    items = tuple(Item(**{**i.__dict__, "start": rules.get(i.document.id, "")}) for i in drafts)
    by_id = {i.document.id: i for i in items}
    start = tuple(by_id[doc_id] for doc_id in rules)
    elsewhere = tuple(
        (d, tuple(p for p in kit.paths if d.id in p.documents))
        for d in kit.documents
        if any(w.role == role for w in d.written_for) and d.id not in path.documents
    )
    role_in_kit = any(w.role == role for d in kit.documents for w in d.written_for)
    return Plan(role, goal, need, path, selection, items, start, elsewhere, role_in_kit)


def plan_data(plan: Plan) -> dict[str, Any]:
    """The plan's machine form (`--format json`): answers, path id, the start set, and `kit path`'s
    documents with their number, mark and reasons."""
    documents = [
        {
            **r,
            "highlight": item.highlight,
            "reason": item.reason,
            "number": item.number,
            "why": item.why,
            "concern": item.concern,
            "start": bool(item.start),
        }
        for r, item in zip(records(plan.selection), plan.items, strict=True)
    ]
    return {
        "answers": {"role": plan.role, "goal": plan.goal, "need": plan.need},
        "path": plan.path.id,
        "start": [{"id": i.document.id, "why": i.why, "number": i.number, "rule": i.start} for i in plan.start],
        "documents": documents,
    }


# --- what the plan says ---------------------------------------------------------------------------


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _path_names(paths: tuple[ReadingPath, ...]) -> str:
    """« parcours animer » in French, « path animate » in English: a name the user can type back."""
    if not paths:
        return t("plan.in_no_path")
    return t("plan.in_paths", names=", ".join(pick(p.alias, p.id) for p in paths))


def path_name(path: ReadingPath) -> str:
    """The name of a path the user types back: its French alias in French, its id in English."""
    return path.alias if get_lang() == "fr" else path.id


def quoted(text: str) -> str:
    return t("plan.quoted", text=text)


def answers_line(kit: Kit, plan: Plan) -> str:
    return t("plan.answers", role=t(f"role.{plan.role}"), goal=goal_title(kit, plan.goal), need=need_title(kit, plan.need))


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + t("word.and") + parts[-1]


def start_line(plan: Plan) -> str:
    """One sentence on why these documents come first, true to what the rule chose."""
    if not plan.items:
        return t("plan.empty")
    counts = {rule: sum(1 for i in plan.start if i.start == rule) for rule in RULES}
    parts = []
    if counts[WRITTEN_FOR]:
        parts.append(t("start.written_for", count=counts[WRITTEN_FOR]))
    if counts[CONCERNS]:
        parts.append(t("start.concerns", count=counts[CONCERNS]))
    if counts[NEED]:
        if plan.need == ALL:
            parts.append(t("start.variety", count=counts[NEED]))
        else:
            category = next((c for c in plan.kit.categories if c.id == plan.need), None)
            label = pick(category.label, category.label_en) if category is not None else plan.need
            parts.append(t("start.need", count=counts[NEED], need=label))
    if counts[REFERENCE]:
        parts.append(t("start.reference", count=counts[REFERENCE]))
    return t("start.sentence", count=len(plan.start), parts=_join(parts))


def detail_command(plan: Plan) -> str:
    """« kit show animer:<n° ou identifiant> »: the command that opens one document of the plan."""
    return t("plan.detail_command", path=path_name(plan.path))


def detail_line(plan: Plan) -> str:
    """« Détail : kit show animer:<n° ou identifiant> », the next step that opens one document of the plan."""
    return t("plan.detail", command=detail_command(plan))


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


def rest_groups(plan: Plan) -> list[tuple[Any, list[Item]]]:
    """The documents after the start set, by nature in the kit's order (empty natures left out)."""
    by_id = {i.document.id: i for i in plan.rest}
    out = []
    for category, docs in groups(plan.selection):
        members = [by_id[d.id] for d in docs if d.id in by_id]
        if members:
            out.append((category, members))
    return out


def remembered_plan(kit: Kit, remembered: RememberedAnswers) -> Plan | None:
    """The plan the guide's remembered answers lead to in `kit` (`kit progress`, the guide's offer to resume);
    None without answers, or when they no longer fit the kit (a path or category it no longer has)."""
    from .errors import UsageError
    from .guide import resolve_answers

    if remembered.role is None or remembered.goal is None:
        return None
    try:
        answers = resolve_answers(kit, Answers(remembered.role, remembered.goal, remembered.need))
    except UsageError:
        return None
    return build_plan(kit, answers)
