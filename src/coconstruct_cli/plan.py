"""The reading plan that complete answers give. Pure: no terminal, no Typer.

A plan is the chosen path's documents in reading order, numbered as `kit path` numbers them, and a short
« Pour commencer » set: the documents a careful reader of the kit would hand this person first. Each of
the path's documents is weighed by what ties it to the answers (`WEIGHTS`):

- the kit says it is written for the user's role (« à destination des chefs d'entreprise »);
- the kit's text ties it to the role, by our reading (`Document.concerns`, each with its seed phrase, for
  the goals the reading holds for: `Concern.goals`);
- the goal puts it forward, by our reading (`Goal.key`, in order, each with its seed phrase);
- the words of the user's situation are in it (read by the search engine as a sentence: whole words,
  their forms, equivalents, long words' typos; a word found in many of the path's documents, or of the
  kit's, tells nothing and is left out);
- it answers the need the user has first (the kit's sub-headings: `Need`), or, when the path holds
  fewer than `START_MIN` documents of that need, the nearest need;
- for « un peu de tout », it is its nature's first document; the path's first reference document
  counts a little in every plan;
- for a company or an association, written for the other kind of organisation, it counts less (the kit
  writes for no other role: for a public authority, an academic, a media outlet, a facilitator, these
  documents are the two sides of the partnerships they look at, not someone else's); tied by the kit to
  the other kind of organisation only (a company's side of a partnership, for an association), a
  little less.

A goal that borrows another goal's path (`borrows_path`: « partner » and « evaluate » read « support »,
« unsure » reads « understand ») weighs more (`BORROWED_GOAL`): the path does not tell it, its key
documents do.

The start set is the best `START_SIZE` documents weighing at least `START_FLOOR`, at least `START_MIN`
(filled in reading order), best first. With a need named, the documents that answer the person (their
role, need, situation, the path's cornerstone: `answers_person`) come before those that only the goal's
path puts forward. Always in it: the need's best `NEED_SURE` documents, the goal's first document (with
a need named, when it answers the person too; for a goal that borrows its path, its first `BORROWED_SURE`),
and one document the situation's words bring, none of them ever in place of a document the kit writes for
the person's role. Its « pourquoi » says the reason that weighed most, then what the kit says the document gives
(`Document.gives`, quoted). Nothing of the path is ever left out: the rest follows, grouped by nature.
Documents of other paths are never in the plan; one line names those that answer the person (`outside`),
among them, when the path holds too few documents of the need asked first, the kit's others of that need.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .guide import Answers, find_path, goal_of, goal_title, nearest_needs, need_title, serves
from .i18n import get_lang, pick, t
from .names import ALL, UNSURE
from .queries import Selection, groups, records, select
from .text import fold

if TYPE_CHECKING:
    from .model import Document, Kit, ReadingPath
    from .progress import Answers as RememberedAnswers
    from .search.ranking import Hit

START_SIZE = 5
START_MIN = 3
START_FLOOR = 3.0
"""The weight a document needs to be in the start set before the set is filled up to `START_MIN`."""
NEED_SURE = 2
"""Documents of the need asked first that the start set always holds (when the path has them)."""
OUTSIDE_SIZE = 4
"""Documents of other paths named beside the plan, at most."""
OUTSIDE_WORDS = 3
"""Telling words of the situation a document of another path must hold to be named beside the plan."""

# Why a document is in the start set: the reason that weighed most (see the module's docstring).
WRITTEN_FOR, CONCERNS, GOAL, SITUATION, NEED, NEAREST, VARIETY, REFERENCE, FILL = (
    "written_for",
    "concerns",
    "goal",
    "situation",
    "need",
    "nearest",
    "variety",
    "reference",
    "fill",
)
RULES: tuple[str, ...] = (WRITTEN_FOR, CONCERNS, GOAL, SITUATION, NEED, NEAREST, VARIETY, REFERENCE, FILL)
WEIGHTS: dict[str, float] = {
    WRITTEN_FOR: 10,
    CONCERNS: 6,
    GOAL: 5,
    NEED: 6,
    NEAREST: 3,
    VARIETY: 2,
    REFERENCE: 1,
}
BORROWED_GOAL = 7.0
"""The first key document of a goal that borrows another goal's path (« Construire un partenariat » reads
the « accompagner » path): the path does not tell that goal, its key documents do."""
BORROWED_SURE = 2
"""Key documents of a goal that borrows its path that the start set always holds (the check list, for « Évaluer »)."""
ANSWERING = frozenset({WRITTEN_FOR, CONCERNS, SITUATION, NEED, REFERENCE})
"""The reasons that answer the person beyond the goal's path (`answers_person`). The nearest need is not
one: the person did not ask for it, it only fills a need the path has too few documents of."""
GOAL_STEP = 0.2
"""Each later key document of a goal weighs this much less: the first is the one to open first."""
SITUATION_WEIGHTS: tuple[float, ...] = (6, 5, 4)
"""The path's three documents that best answer the situation's words, best first."""
OTHER_ROLE = -4.0
"""For a company or an association, a document the kit writes for the other kind of organisation."""
COMMON_SHARE = 3
"""A situation word found in more than a `COMMON_SHARE`th of the path's documents, or of the kit's (and in more
than 3), tells nothing: « territoire », « associations » are the kit's subject, not the person's."""
OTHER_TIE = -2.0
"""A document the kit ties to the other kind of organisation (a company's side of a partnership, for an association)."""
ORGANISATIONS = frozenset({"company", "association"})
REFERENCE_CATEGORY = "reference"


@dataclass(frozen=True)
class Reason:
    """One thing that ties a document to the answers."""

    kind: str
    """One of `RULES`."""
    weight: float
    text: str = ""
    """Our reading (goal, role) or the kit's quote (written for), as it is shown."""
    matched: tuple[str, ...] = ()
    """For the situation: its words that the document holds, as the user typed them."""


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
    """The « pourquoi »: the reason that weighed most for these answers, then what the kit says it gives."""
    start: str = ""
    """Why it is in the « Pour commencer » set (one of `RULES`), empty when it is not."""
    reasons: tuple[Reason, ...] = ()
    """Everything that ties it to the answers, heaviest first."""
    score: float = 0.0

    @property
    def matched(self) -> tuple[str, ...]:
        """The situation's words it holds."""
        return next((r.matched for r in self.reasons if r.kind == SITUATION), ())


@dataclass(frozen=True)
class Plan:
    role: str
    goal: str
    need: str
    path: ReadingPath
    selection: Selection
    items: tuple[Item, ...]
    start: tuple[Item, ...]
    """The « Pour commencer » set, best first."""
    elsewhere: tuple[tuple[Document, tuple[ReadingPath, ...]], ...]
    """Documents of other paths that answer the person (put forward by the goal, of a need the path holds
    too few documents of, written for or tied to the role, holding the situation's words), with their paths."""
    situation: str = ""
    instead: str = ""
    """The need the plan starts from when the path holds nothing of the one asked (empty otherwise)."""
    role_tied: bool = True
    """Whether the kit writes for or ties to this role any document at all."""

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

    @property
    def answers(self) -> Answers:
        return Answers(self.role, self.goal, self.need, self.situation or None)


_SENTENCE_END = re.compile(r"(?<=[a-zà-ÿ0-9»)])\. (?=[A-ZÀ-Ý«])")
_CLAUSE = re.compile(r", | : | ; | — ")
WHY_LENGTH = 160


def first_sentence(text: str, limit: int = WHY_LENGTH) -> str:
    """The first sentence of `text`, shortened at a clause boundary when it is long (« … » marks the cut)."""
    line = " ".join(text.split())
    sentence = _SENTENCE_END.split(line, maxsplit=1)[0].rstrip(".")
    if len(sentence) <= limit:
        return sentence
    cuts = [m.start() for m in _CLAUSE.finditer(sentence) if 40 <= m.start() <= limit]
    cut = cuts[-1] if cuts else sentence.rfind(" ", 0, limit)
    return sentence[: max(cut, 1)].rstrip(" ,;:") + " …"


def gives(document: Document) -> str:
    """What the kit says the document gives, as one « pourquoi » sentence (« Le kit : « … » »); empty when
    the kit says no more than its title; its cuts marked « […] », a summary of ours labelled (`quotation`)."""
    from .quotation import gives_line

    return gives_line(document)


def _reason_line(kit: Kit, reason: Reason, need: str, goal: str) -> str:
    if reason.kind == WRITTEN_FOR:
        return t("why.written_for", quote=reason.text)
    if reason.kind in (CONCERNS, GOAL):
        return t(f"why.{reason.kind}", reading=reason.text)
    if reason.kind == SITUATION:
        return t("why.situation", words=", ".join(quoted(w) for w in reason.matched))
    if reason.kind in (NEED, NEAREST):
        return t(f"why.{reason.kind}", need=_lower_first(need_title(kit, reason.text or need, goal)))
    if reason.kind == VARIETY:
        return t("why.variety", category=reason.text)
    return t(f"why.{reason.kind}")


def _why(kit: Kit, document: Document, reasons: tuple[Reason, ...], need: str, goal: str) -> str:
    """The « pourquoi »: the heaviest reason, then what the kit says the document gives."""
    shown = [r for r in reasons if r.weight > 0][:1] or [Reason(FILL, 0)]
    # The situation's words are always told when the document holds them, even when another reason weighed more.
    shown += [r for r in reasons if r.kind == SITUATION and r not in shown]
    return " ".join([*(_reason_line(kit, r, need, goal) for r in shown), *filter(None, [gives(document)])])


def _common(hits: Sequence[Hit], among: int) -> set[str]:
    """The words held by more than a `COMMON_SHARE`th of `among` documents (and by more than 3)."""
    held = Counter(word for hit in hits for word in hit.matched)
    return {w for w, n in held.items() if n > max(3, among // COMMON_SHARE)}


def kit_common(kit: Kit, situation: str) -> frozenset[str]:
    """The situation's words that too many of the kit's documents hold to tell anything (`COMMON_SHARE`)."""
    from .search import search

    if not situation.strip():
        return frozenset()
    return frozenset(_common(search(kit.documents, situation, get_lang() == "en", whole_words=True).hits, len(kit.documents)))


def _situation_hits(
    documents: tuple[Document, ...], situation: str, told: frozenset[str]
) -> list[tuple[Document, tuple[str, ...]]]:
    """The documents that hold the situation's telling words, best first, with those words (`told`: the
    words common in the whole kit, `kit_common`)."""
    from .search import WORD, search

    if not situation.strip() or not documents:
        return []
    result = search(documents, situation, get_lang() == "en", whole_words=True)
    common = _common(result.hits, len(documents)) | told
    ranked = []
    for order, hit in enumerate(result.hits):
        telling = tuple(w for w in hit.matched if w not in common)
        if telling:
            ranked.append((-len(telling), order, hit.document, telling))
    ranked.sort(key=lambda r: (r[0], r[1]))
    # The words as the user typed them (« salariés », not the folded « salaries »).
    typed: dict[str, str] = {}
    for word in WORD.findall(situation):
        typed.setdefault(fold(word), word)
    return [(d, tuple(typed.get(w, w) for w in words)) for _, _, d, words in ranked]


def _weigh(
    kit: Kit,
    path: ReadingPath,
    documents: tuple[Document, ...],
    answers: tuple[str, str, str, str],
    borrowed: bool,
    told: frozenset[str],
    serving: tuple[Document, ...],
) -> tuple[dict[str, list[Reason]], str]:
    """Every document's reasons (see the module's docstring), and the need the plan falls back on (or "");
    `serving`: the path's documents of the need asked first."""
    role, goal, need, situation = answers
    reasons: dict[str, list[Reason]] = {d.id: [] for d in documents}
    for d in documents:
        written = next((w for w in d.written_for if w.role == role), None)
        concern = next((c for c in d.concerns if c.role == role and c.holds_for(goal)), None)
        if written is not None:
            reasons[d.id].append(Reason(WRITTEN_FOR, WEIGHTS[WRITTEN_FOR], pick(written.quote, written.quote_en)))
        elif d.written_for and role in ORGANISATIONS:
            reasons[d.id].append(Reason("other_role", OTHER_ROLE))
        elif concern is None and role in ORGANISATIONS and any(c.role in ORGANISATIONS for c in d.concerns):
            reasons[d.id].append(Reason("other_role", OTHER_TIE))
        if concern is not None:
            reasons[d.id].append(Reason(CONCERNS, WEIGHTS[CONCERNS], pick(concern.reading, concern.reading_en)))
    found = goal_of(kit, goal)
    first = BORROWED_GOAL if borrowed else WEIGHTS[GOAL]
    for rank, key in enumerate(found.key if found is not None else ()):
        if key.document in reasons:
            reasons[key.document].append(Reason(GOAL, first - GOAL_STEP * rank, pick(key.reading, key.reading_en)))
    instead = ""
    if need == ALL:
        seen: set[str] = set()
        for d in documents:
            if d.category not in seen:
                seen.add(d.category)
                category = next(c for c in kit.categories if c.id == d.category)
                reasons[d.id].append(Reason(VARIETY, WEIGHTS[VARIETY], pick(category.label, category.label_en)))
    else:
        for d in serving:
            reasons[d.id].append(Reason(NEED, WEIGHTS[NEED]))
        if len(serving) < START_MIN:
            for other in nearest_needs(kit, need, path):
                if not serving:
                    instead = other
                for d in documents:
                    if serves(kit, other, d) and not serves(kit, need, d):
                        reasons[d.id].append(Reason(NEAREST, WEIGHTS[NEAREST], other))
                break
    reference = next((d for d in documents if d.category == REFERENCE_CATEGORY), None)
    if reference is not None:
        reasons[reference.id].append(Reason(REFERENCE, WEIGHTS[REFERENCE]))
    for rank, (d, words) in enumerate(_situation_hits(documents, situation, told)[: len(SITUATION_WEIGHTS)]):
        reasons[d.id].append(Reason(SITUATION, SITUATION_WEIGHTS[rank], matched=words))
    return reasons, instead


def borrows_path(kit: Kit, goal: str) -> bool:
    """Whether the goal reads another goal's path (« partner » and « evaluate » read « support »'s)."""
    found = goal_of(kit, goal)
    goals = kit.guide.goals if kit.guide is not None else ()
    return found is not None and any(g.id == found.path and g.id != found.id for g in goals)


def _outside(
    kit: Kit, path: ReadingPath, answers: tuple[str, str, str, str], told: frozenset[str], too_few: bool
) -> list[Document]:
    """Documents of other paths that answer the person: the goal's; when the path holds too few documents of
    the need asked first (`too_few`: fewer than `START_MIN`), the kit's others of that need (concrete cases
    asked under « comprendre », which holds one); those written for or tied to the role; and those holding
    several of the situation's telling words."""
    role, goal, need, situation = answers
    found = goal_of(kit, goal)
    others = tuple(d for d in kit.documents if d.id not in path.documents)
    wanted: list[str] = [o.document for o in found.outside] if found is not None else []
    if too_few:
        wanted += [d.id for d in others if serves(kit, need, d)]
    wanted += [d.id for d in others if any(w.role == role for w in d.written_for)]
    wanted += [d.id for d in others if any(c.role == role and c.holds_for(goal) for c in d.concerns)]
    wanted += [d.id for d, words in _situation_hits(others, situation, told) if len(words) >= OUTSIDE_WORDS][:2]
    by_id = {d.id: d for d in others}
    return [by_id[i] for i in dict.fromkeys(wanted) if i in by_id][:OUTSIDE_SIZE]


def answers_person(item: Item, borrowed: bool) -> bool:
    """Whether something the person said, beyond the goal's path, ties them to the document: their role,
    their need, their situation's words; the path's cornerstone (its first reference document); the goal
    itself when it borrows another goal's path, whose key documents are then all that tells it."""
    return any(r.weight > 0 and (r.kind in ANSWERING or (borrowed and r.kind == GOAL)) for r in item.reasons)


def _choose(drafts: list[Item], keys: Sequence[str], named_need: bool, borrowed: bool) -> list[Item]:
    """The start set, best first: see the module's docstring."""

    def order(item: Item) -> tuple[bool, float, int]:
        # With a need named, what answers the person comes before what only the goal's path puts forward.
        return (named_need and not answers_person(item, borrowed), -item.score, item.number)

    best = sorted(drafts, key=order)
    chosen = [i for i in best if i.score >= START_FLOOR][:START_SIZE]
    chosen += [i for i in best if i not in chosen][: max(0, START_MIN - len(chosen))]
    # Always in the start set, in place of the lightest others: the best `NEED_SURE` documents of the need
    # asked first; the goal's first document (with a need named, when it answers the person too); and one
    # document that the situation's words bring: the one that best answers them among the others. None of
    # them takes the place of a document the kit writes for the person's role (« à destination de … »).
    sure = [i for i in best if any(r.kind == NEED for r in i.reasons)][:NEED_SURE]
    # `keys`: the goal's key documents in the path, in the goal's order. A goal that borrows its path is told by
    # its key documents alone: its first `BORROWED_SURE` are always in.
    by_id = {i.document.id: i for i in drafts}
    first = [by_id[k] for k in keys[:1] if not named_need or answers_person(by_id[k], borrowed)]
    first += [by_id[k] for k in keys[:BORROWED_SURE] if borrowed and by_id[k] not in first]
    sure += [i for i in first if i not in sure]
    situated = sorted((i for i in drafts if i.matched), key=lambda i: (-_weight(i, SITUATION), i.number))
    sure += [i for i in situated if i not in sure][:1]
    for item in sure:
        if item not in chosen:
            lightest = next((c for c in reversed(chosen) if c not in sure and not c.highlight), None)
            if lightest is None:
                break
            chosen[chosen.index(lightest)] = item
    chosen.sort(key=order)
    return chosen


def _weight(item: Item, kind: str) -> float:
    return sum(r.weight for r in item.reasons if r.kind == kind)


def build_plan(kit: Kit, answers: Answers) -> Plan:
    """The reading plan for complete answers (a missing need counts as « un peu de tout »)."""
    if answers.role is None or answers.goal is None:
        raise ValueError("answers are not complete")
    role, goal, need = answers.role, answers.goal, answers.need or ALL
    situation = " ".join((answers.situation or "").split())
    path = find_path(kit, goal)
    selection = select(kit, path=path)
    documents = tuple(selection.documents)
    borrowed = borrows_path(kit, goal)
    told = kit_common(kit, situation)
    serving = tuple(d for d in documents if serves(kit, need, d)) if need != ALL else ()
    weighed, instead = _weigh(kit, path, documents, (role, goal, need, situation), borrowed, told, serving)
    drafts = []
    for number, d in enumerate(documents, start=1):
        reasons = tuple(sorted(weighed[d.id], key=lambda r: -r.weight))
        written = next((r for r in reasons if r.kind == WRITTEN_FOR), None)
        concern = next((r for r in reasons if r.kind == CONCERNS), None)
        drafts.append(
            Item(
                number,
                d,
                written is not None,
                written.text if written is not None else "",
                concern.text if concern is not None else "",
                "",
                reasons=reasons,
                score=round(sum(r.weight for r in reasons), 2),
            )
        )
    found = goal_of(kit, goal)
    keys = [k.document for k in found.key if k.document in path.documents] if found is not None else []
    chosen = _choose(drafts, keys, need != ALL, borrowed)
    rules = {i.document.id: (next((r.kind for r in i.reasons if r.weight > 0), FILL)) for i in chosen}
    items = tuple(
        Item(
            **{
                **i.__dict__,
                "start": rules.get(i.document.id, ""),
                "why": _why(kit, i.document, () if rules.get(i.document.id) == FILL else i.reasons, need, goal),
            }
        )
        for i in drafts
    )
    by_id = {i.document.id: i for i in items}
    start = tuple(by_id[i.document.id] for i in chosen)
    outside = _outside(kit, path, (role, goal, need, situation), told, need != ALL and len(serving) < START_MIN)
    elsewhere = tuple((d, tuple(p for p in kit.paths if d.id in p.documents)) for d in outside)
    role_tied = any(w.role == role for d in kit.documents for w in d.written_for) or any(
        c.role == role for d in kit.documents for c in d.concerns
    )
    return Plan(role, goal, need, path, selection, items, start, elsewhere, situation, instead, role_tied)


def answers_data(plan: Plan) -> dict[str, str | None]:
    """The answers as machine output and answers files write them (`kit guide --answers` reads them back)."""
    return {"role": plan.role, "goal": plan.goal, "need": plan.need, "situation": plan.situation or None}


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
        "answers": answers_data(plan),
        "path": plan.path.id,
        "start": [
            {
                "id": i.document.id,
                "why": i.why,
                "number": i.number,
                "rule": i.start,
                "reason": _reason_line(plan.kit, i.reasons[0], plan.need, plan.goal) if i.start != FILL else t("why.fill"),
                "matched": list(i.matched),
                "gives": gives(i.document) or None,
            }
            for i in plan.start
        ],
        "outside": [{"id": d.id, "paths": [p.id for p in paths]} for d, paths in plan.elsewhere],
        "documents": documents,
    }


# --- what the plan says ---------------------------------------------------------------------------


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


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
    """One sentence on why these documents come first, true to the reason that weighed most for each."""
    if not plan.items:
        return t("plan.empty")
    counts = {rule: sum(1 for i in plan.start if i.start == rule) for rule in RULES}
    parts = []
    for rule in RULES:
        if not counts[rule]:
            continue
        if rule == NEED:
            parts.append(t("start.need", count=counts[rule], need=need_title(plan.kit, plan.need, plan.goal)))
        else:
            parts.append(t(f"start.{rule}", count=counts[rule]))
    return t("start.sentence", count=len(plan.start), parts=_join(parts))


def detail_command(plan: Plan) -> str:
    """« kit show animer:<n° ou identifiant> »: the command that opens one document of the plan."""
    return t("plan.detail_command", path=path_name(plan.path))


def detail_line(plan: Plan) -> str:
    """« Détail : kit show animer:<n° ou identifiant> », the next step that opens one document of the plan."""
    return t("plan.detail", command=detail_command(plan))


def show_command(document: Document) -> str:
    return f"kit show {document.id}"


def notes(plan: Plan) -> list[str]:
    """What the plan must say honestly: a need the path cannot serve, a role the kit ties nothing to, and
    the documents of other paths that answer the person (with the command that opens each)."""
    out: list[str] = []
    if plan.goal == UNSURE:
        out.append(t("plan.unsure"))
    if plan.instead:
        need, instead = need_title(plan.kit, plan.need, plan.goal), need_title(plan.kit, plan.instead, plan.goal)
        out.append(t("plan.need_not_in_path", need=need, instead=instead))
    if plan.role == "other":
        out.append(t("plan.none_for_other"))
    elif not plan.role_tied:
        out.append(t("plan.no_tie", role=_lower_first(t(f"role.{plan.role}"))))
    if plan.elsewhere:
        items = ", ".join(f"{quoted(pick(d.title, d.title_en))} ({show_command(d)})" for d, _ in plan.elsewhere)
        out.append(t("plan.outside", items=items))
    return out


def find_line(plan: Plan) -> str:
    """How to get a document, which the kit gives a web address for only twice (`queries.lookup`)."""
    return t("plan.find", publisher=plan.kit.about.publisher)


def read_command(plan: Plan) -> str:
    """« kit read animer:<n°> »: the command that marks one document of the plan read."""
    return t("plan.read_command", path=path_name(plan.path))


def read_line(plan: Plan) -> str:
    """« Une fois lu : kit read animer:<n°> », the step after reading one document of the plan."""
    return t("plan.read", command=read_command(plan))


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
        answers = resolve_answers(kit, Answers(remembered.role, remembered.goal, remembered.need, remembered.situation))
    except UsageError:
        return None
    return build_plan(kit, answers)
