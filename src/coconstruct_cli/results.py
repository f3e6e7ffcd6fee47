"""What a command hands to the renderers: one small object per kind of result.

Each result knows its machine form — `data()` for JSON, `records()` and `fields` for CSV, `header` and
`rows()` for tab-separated text — so that those three formats are generic; the human formats (rich,
Markdown, HTML) have one renderer per result in their own module. Plain data, no rendering here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .i18n import pick
from .queries import (
    Selection,
    category_record,
    document_fields,
    path_record,
    paths_by_document,
    readable,
    reading_numbers,
    record,
    records,
)

if TYPE_CHECKING:
    from .model import Document, Kit, ReadingPath
    from .plan import Plan
    from .progress import KitId, PathProgress, State
    from .search import Hit, Pointer, SearchOutcome

NOTHING_READ: frozenset[str] = frozenset()


class Result:
    """Base of every result: the generic machine forms."""

    header: tuple[str, ...] = ()

    @property
    def fields(self) -> tuple[str, ...]:
        """The CSV columns (and the keys of each of `records()`), in order."""
        return ()

    def data(self) -> Any:
        """The JSON document."""
        return self.records()

    def records(self) -> list[dict[str, Any]]:
        """One dict per CSV row, with at least `fields`."""
        raise NotImplementedError

    def rows(self) -> Iterable[Sequence[object]]:
        """One sequence per tab-separated line, in `header` order."""
        raise NotImplementedError

    @property
    def empty(self) -> bool:
        return False


def as_typed(query: str, words: Sequence[str]) -> list[str]:
    """Folded query words (`search.Hit.matched`, `SearchOutcome.unmatched()`) as typed (« mecenat » -> « mécénat »)."""
    typed = _typed(query)
    return [typed.get(w, w) for w in words]


@lru_cache(maxsize=4)
def _typed(query: str) -> dict[str, str]:
    """{folded word: the word as first typed} of a query (asked once per hit: read once per query)."""
    import unicodedata

    from .search import WORD
    from .text import fold

    typed: dict[str, str] = {}
    for token in WORD.findall(unicodedata.normalize("NFC", query)):
        typed.setdefault(fold(token), token)
    return typed


def _document_row(d: Document) -> list[object]:
    return [d.id, d.category, d.year, ", ".join(d.authors), pick(d.title, d.title_en)]


@dataclass(frozen=True)
class DocumentList(Result):
    """Documents in reading order (`kit list`, `kit path`), under a title."""

    selection: Selection
    title: str
    read: frozenset[str] = NOTHING_READ
    """The ids the reader has marked read (`kit read`): ✓ on a terminal, `read` in JSON and CSV."""

    header = ("id", "category", "year", "authors", "title", "number")
    """The number (`queries.reading_numbers`, as every format gives it) last: it was added."""

    @property
    def fields(self) -> tuple[str, ...]:
        return (*document_fields(), "read", "number")

    def records(self) -> list[dict[str, Any]]:
        numbers = reading_numbers(self.selection)
        made = records(self.selection)  # fresh dicts: completed in place, no copy of each (10,000 of them)
        for r in made:
            r["read"] = r["id"] in self.read
            r["number"] = numbers[r["id"]]
        return made

    def rows(self) -> Iterable[Sequence[object]]:
        numbers = reading_numbers(self.selection)
        return ([*_document_row(d), numbers[d.id]] for d in self.selection.documents)

    @property
    def kit(self) -> Kit:
        return self.selection.kit

    @property
    def empty(self) -> bool:
        return not self.selection.documents


@dataclass(frozen=True)
class DocumentDetail(Result):
    """Everything about one document (`kit show`)."""

    kit: Kit
    document: Document

    header = ("field", "value")

    @property
    def fields(self) -> tuple[str, ...]:
        return document_fields()

    def data(self) -> Any:
        return self.records()[0]

    def records(self) -> list[dict[str, Any]]:
        return [record(self.document, paths_by_document(self.kit)[self.document.id], self.kit.about.publisher)]

    def rows(self) -> Iterable[Sequence[object]]:
        for name, value in self.records()[0].items():
            yield [name, readable(value)]


@dataclass(frozen=True)
class PathList(Result):
    """The reading paths (`kit paths`)."""

    kit: Kit

    fields = (
        "id",
        "alias",
        "title",
        "title_en",
        "description",
        "description_en",
        "documents",
        "purpose_source",
        "purpose_source_en",
    )
    header = ("id", "alias", "documents", "title")

    def records(self) -> list[dict[str, Any]]:
        return [path_record(self.kit, p) for p in self.kit.paths]

    def rows(self) -> Iterable[Sequence[object]]:
        return ([p.id, p.alias, len(p.documents), pick(p.title, p.title_en)] for p in self.kit.paths)


@dataclass(frozen=True)
class CategoryList(Result):
    """The categories (`kit categories`)."""

    kit: Kit

    fields = ("id", "label", "label_en", "description", "aliases", "subcategories", "documents")
    header = ("id", "documents", "label")

    def data(self) -> Any:
        return [category_record(self.kit, c) for c in self.kit.categories]

    def records(self) -> list[dict[str, Any]]:
        return [{**r, "subcategories": [s["id"] for s in r["subcategories"]]} for r in self.data()]

    def rows(self) -> Iterable[Sequence[object]]:
        return ([r["id"], len(r["documents"]), pick(r["label"], r["label_en"])] for r in self.data())


@dataclass(frozen=True)
class AboutKit(Result):
    """The kit's background (`kit about`)."""

    kit: Kit

    def data(self) -> Any:
        return self.kit.about.model_dump(mode="json")


@dataclass(frozen=True)
class SearchResult(Result):
    """The documents a search found, best first (`kit search`), and where else its words are.

    JSON and CSV add `matched` after `score`: the query words (as typed) each document holds. The
    tab-separated text keeps its `matched` column (the fields where words were found) and adds
    `words` (those query words) at the end. `pointers` (`search.search_background`) are told by the
    human formats only (terminal, Markdown, HTML): the machine forms stay one record per document.
    """

    kit: Kit
    outcome: SearchOutcome
    pointers: tuple[Pointer, ...] = ()
    read: frozenset[str] = NOTHING_READ
    """The ids the reader has marked read (see `DocumentList.read`)."""
    shown: int | None = None
    """On a terminal, the best hits shown (a screen of them; `kit search --all`: None, every one); the
    other formats always hold every hit."""

    header = ("id", "category", "year", "authors", "title", "score", "matched", "words")

    @property
    def fields(self) -> tuple[str, ...]:
        return (*document_fields(), "score", "matched", "read")

    def words(self, hit: Hit) -> list[str]:
        """The query words `hit` holds, as the user typed them."""
        return as_typed(self.outcome.query, hit.matched)

    def records(self) -> list[dict[str, Any]]:
        out = records(Selection(self.kit, self.outcome.documents))
        # The hits hold a few distinct sets of query words (5,001 hits, one set): each is made typed once.
        typed = {held: as_typed(self.outcome.query, held) for held in {hit.matched for hit in self.outcome.hits}}
        for item, hit in zip(out, self.outcome.hits, strict=True):
            item["score"] = hit.score
            item["matched"] = typed[hit.matched].copy()
            item["read"] = hit.document.id in self.read
        return out

    def rows(self) -> Iterable[Sequence[object]]:
        return ([*_document_row(h.document), h.score, ",".join(h.fields), ",".join(self.words(h))] for h in self.outcome.hits)

    @property
    def empty(self) -> bool:
        return not self.outcome.hits


@dataclass(frozen=True)
class PlanResult(Result):
    """The guide's reading plan (`kit guide`)."""

    plan: Plan
    read: frozenset[str] = NOTHING_READ
    """The ids the reader has marked read (see `DocumentList.read`)."""

    header = ("number", "id", "category", "year", "authors", "title", "for_you", "start", "why")
    """Piped: `kit path`'s columns, then the place in the « Pour commencer » set (1 first, empty when not
    in it) and the « pourquoi »."""

    @property
    def fields(self) -> tuple[str, ...]:
        return (*document_fields(), "highlight", "reason", "number", "for_you", "why", "concern", "start", "read")

    def data(self) -> Any:
        from .plan import plan_data

        data = plan_data(self.plan)
        data["documents"] = [{**d, "read": d["id"] in self.read} for d in data["documents"]]
        return data

    def records(self) -> list[dict[str, Any]]:
        return [{**d, "for_you": d["reason"] or d["concern"]} for d in self.data()["documents"]]

    def rows(self) -> Iterable[Sequence[object]]:
        rank = {i.document.id: n for n, i in enumerate(self.plan.start, start=1)}
        return (
            [i.number, i.document.id, i.document.category, i.document.year, ", ".join(i.document.authors),
             pick(i.document.title, i.document.title_en), i.reason or i.concern, rank.get(i.document.id, ""),
             i.why if i.start else ""]
            for i in self.plan.items
        )  # fmt: skip

    @property
    def kit(self) -> Kit:
        return self.plan.selection.kit


@dataclass(frozen=True)
class PathStanding:
    """Where the reader stands on one path: counts and next ids (`progress.PathProgress`), and numbers."""

    path: ReadingPath
    progress: PathProgress
    numbers: dict[str, int]
    """Each document's number in the path's reading order, as `kit path` shows it (`kit show animer:9`)."""
    plan: bool
    """The reader's own plan (the guide's remembered answers) is on this path."""
    start: frozenset[str] = frozenset()
    """The unread ids of the plan's « Pour commencer » set, which come first in `progress.next`."""


@dataclass(frozen=True)
class ProgressResult(Result):
    """The reader's progress in one kit (`kit progress`): per path read/total and what to read next.

    Its JSON is the export that `kit progress --import` takes back: the progress document of this kit
    (`progress.to_document`), with what is shown under `report`.
    """

    kit: Kit
    state: State
    identity: KitId
    paths: tuple[PathStanding, ...]
    orphans: tuple[str, ...] = ()
    """Ids marked read that the kit no longer has: kept, and listed."""
    plan: Plan | None = None
    """The plan rebuilt from the remembered answers, None when there are none (or they no longer fit the kit)."""
    one_path: bool = False
    """A path was asked for: every next document is shown, not the first few."""
    documents: dict[str, Document] = field(default_factory=dict)

    fields = ("path", "alias", "title", "title_en", "read", "total", "plan", "next")
    header = ("path", "read", "total", "next")

    def report(self) -> dict[str, Any]:
        from .plan import answers_data

        plan = self.plan
        return {
            "paths": [
                {
                    "id": s.path.id,
                    "alias": s.path.alias,
                    "title": s.path.title,
                    "title_en": s.path.title_en,
                    "read": s.progress.read,
                    "total": s.progress.total,
                    "plan": s.plan,
                    "next": list(s.progress.next),
                }
                for s in self.paths
            ],
            "orphans": list(self.orphans),
            "plan": None
            if plan is None
            else {
                "answers": answers_data(plan),
                "path": plan.path.id,
                "start": [i.document.id for i in plan.start],
            },
        }

    def data(self) -> Any:
        from .progress import to_document

        return to_document(self.state, self.identity, self.report())

    def records(self) -> list[dict[str, Any]]:
        return [{**{k: v for k, v in p.items() if k != "id"}, "path": p["id"]} for p in self.report()["paths"]]

    def rows(self) -> Iterable[Sequence[object]]:
        return ([s.path.id, s.progress.read, s.progress.total, ",".join(s.progress.next)] for s in self.paths)


def build_progress(kit: Kit, state: State, only: ReadingPath | None = None) -> ProgressResult:
    """The reader's standing on every path of `kit` (or on `only`), their own plan's start set first."""
    from .plan import remembered_plan
    from .progress import kit_identity, orphans, path_progress
    from .queries import select

    identity = kit_identity(kit)
    read = state.read(identity)
    plan = remembered_plan(kit, state.answers(identity))
    standings = []
    for path in kit.paths:
        if only is not None and path.id != only.id:
            continue
        order = [d.id for d in select(kit, path=path).documents]
        mine = plan is not None and plan.path.id == path.id
        start = [i.document.id for i in plan.start] if plan is not None and mine else []
        standing = path_progress(order, read, start)
        numbers = {ident: number for number, ident in enumerate(order, start=1)}
        standings.append(PathStanding(path, standing, numbers, mine, frozenset(start) - read))
    return ProgressResult(
        kit,
        state,
        identity,
        tuple(standings),
        orphans(read, (d.id for d in kit.documents)),
        plan,
        only is not None,
        {d.id: d for d in kit.documents},
    )


RESULTS: tuple[type[Result], ...] = (
    DocumentList, DocumentDetail, PathList, CategoryList, AboutKit, SearchResult, PlanResult, ProgressResult,
)  # fmt: skip
"""Every kind of result: a test checks that each has a renderer for every format its commands offer."""
