"""Pure questions asked of a kit: which documents, in which order, with which fields."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import Category, Document, Kit, ReadingPath, Subcategory


@dataclass(frozen=True)
class Selection:
    """Documents chosen by a command, in reading order, with the kit they come from."""

    kit: Kit
    documents: tuple[Document, ...]
    path: ReadingPath | None = None


def reading_order(kit: Kit, documents: list[Document] | tuple[Document, ...]) -> tuple[Document, ...]:
    """The kit's category order, then the kit's own order inside a category.

    `documents` are some of the kit's documents, in the kit's order (as every caller takes them): grouping
    them by category keeps that order inside each group, without sorting 10,000 documents by a key.
    """
    groups: dict[str, list[Document]] = {c.id: [] for c in kit.categories}
    first = next(iter(groups.values()))  # a kit has one category at least; an unknown one reads as the first
    for d in documents:
        groups.get(d.category, first).append(d)
    return tuple(chain.from_iterable(groups.values()))


def select(
    kit: Kit,
    category: Category | None = None,
    path: ReadingPath | None = None,
    audience: str | None = None,
) -> Selection:
    """Documents matching every filter given, in reading order."""
    if category is None and path is None and audience is None:  # the whole kit: nothing to test per document
        return Selection(kit, reading_order(kit, kit.documents))
    members = set(path.documents) if path else None
    chosen = [
        d
        for d in kit.documents
        if (category is None or d.category == category.id)
        and (members is None or d.id in members)
        and (audience is None or audience in d.audiences)
    ]
    return Selection(kit, reading_order(kit, chosen), path)


def reading_numbers(selection: Selection) -> dict[str, int]:
    """Each document's number, the one numbering of every format of `kit list` and `kit path`: its place in
    its path's reading order when the selection is a path's (the N of `kit show PATH:N`), else in the whole
    kit's. A filter leaves the numbers as they are: `kit list --category toolbox` keeps the numbers `kit list`
    gives (19, 20…), so that a number names one document whatever was left out."""
    ordered = selection.documents
    whole = len(selection.path.documents) if selection.path else len(selection.kit.documents)
    if len(ordered) != whole:  # a filter left some out (it never adds): number them in the unfiltered order
        ordered = select(selection.kit, path=selection.path).documents
    return {d.id: n for n, d in enumerate(ordered, 1)}


def listed_paths(kit: Kit) -> dict[str, list[str]]:
    """For each document a path lists (a few dozen of 10,000, say), the ids of those paths, in the kit's
    path order; the others are not keys."""
    out: dict[str, list[str]] = {}
    for p in kit.paths:
        for ref in p.documents:
            out.setdefault(ref, []).append(p.id)
    return out


def paths_by_document(kit: Kit) -> dict[str, list[str]]:
    """For each document id, the ids of the paths that list it, in the kit's path order."""
    listed = listed_paths(kit)
    return {d.id: listed.get(d.id, []) for d in kit.documents}


def typed_name(path: ReadingPath, lang: str = "fr") -> str:
    """The name of a path a reader types back in the interface's language: its French alias in French
    (« animer »), its id in English (« animate »). Machine records keep the ids."""
    return path.alias if lang == "fr" else path.id


def path_names(kit: Kit, document_id: str, lang: str = "fr") -> list[str]:
    """The paths that list a document, each by its `typed_name`, in the kit's path order."""
    return [typed_name(p, lang) for p in kit.paths if document_id in p.documents]


def when(document: Document, lang: str = "fr", compact: bool = False) -> str:
    """The date as the kit gives it (« novembre 2016 », « 2015-2016 »), in the language asked: in English
    `date_en` (« November 2016 »), never French words; the year alone where there is no date in that
    language, or where room is `compact` and the date is words."""
    date = document.date_en if lang == "en" else document.date
    if lang == "en" and not date and document.date and not any(c.isalpha() for c in document.date):
        date = document.date  # « 2015-2016 » is the same in both languages
    if date and not (compact and any(c.isalpha() for c in date)):
        return date
    return str(document.year)


def kind(document: Document, lang: str = "fr") -> str:
    """The document's nature in the language asked (« référentiel », « reference guide »)."""
    return document.kind_en if lang == "en" and document.kind_en else document.kind


def category_of(kit: Kit, document: Document) -> Category:
    return next(c for c in kit.categories if c.id == document.category)


def subcategory(kit: Kit, document: Document) -> Subcategory | None:
    """The document's sub-category object (« Se former »…), None when it has none."""
    if document.subcategory is None:
        return None
    return next((s for s in category_of(kit, document).subcategories if s.id == document.subcategory), None)


def subcategory_label(kit: Kit, document: Document, lang: str = "fr") -> str | None:
    sub = subcategory(kit, document)
    if sub is None:
        return None
    return sub.label_en if lang == "en" and sub.label_en else sub.label


def documents_in(kit: Kit, category: Category) -> list[str]:
    """The ids of a category's documents, in the kit's order."""
    return [d.id for d in kit.documents if d.category == category.id]


def groups(selection: Selection) -> list[tuple[Category, list[Document]]]:
    """The selection split by category, in the kit's category order (empty ones left out)."""
    out: list[tuple[Category, list[Document]]] = []
    for c in selection.kit.categories:
        docs = [d for d in selection.documents if d.category == c.id]
        if docs:
            out.append((c, docs))
    return out


PUBLISHED: tuple[str, ...] = (
    "id",
    "title",
    "title_en",
    "category",
    "subcategory",
    "authors",
    "year",
    "date",
    "kind",
    "description",
    "description_en",
    "parts",
    "audiences",
    "paths",
    "notes",
    "written_for",
    "concerns",
    "links",
    "credits",
    "mentions",
    "kind_en",
    "date_en",
    "parts_en",
    "notes_en",
    "description_kind",
    "lookup",
)
"""The record's fields as scripts first read them, in that order: a contract (fields are added, never renamed
or moved). Only the order is written here; which fields there are comes from the model (`document_fields`)."""

DERIVED: frozenset[str] = frozenset({"audiences", "paths", "lookup"})
"""Record fields that are not fields of `model.Document`: `audiences` is its read-only view of `written_for`
(the former field), `paths` comes from the kit (`paths_by_document`), `lookup` from its title and the kit's
publisher (`lookup`)."""


def lookup(document: Document, publisher: str) -> str:
    """The exact phrase to look a document up with: its title and the kit's publisher, each in straight
    double quotes, as search engines read an exact phrase (« "Guide pratique …" "Le RAMEAU" »). The seed
    gives a web address for 2 of its documents and none for the others: this phrase is what it gives to
    find them; no address is made up."""
    return f'"{document.title}" "{publisher}"'


UNPUBLISHED: frozenset[str] = frozenset({"gives", "gives_en"})
"""Fields of `model.Document` the record leaves out: words of `description` the guide quotes for its
« pourquoi », not a fact of the document of their own."""


def document_fields() -> tuple[str, ...]:
    """The fields of a document's record (`record`, `--format json|csv`), the one list every format uses:
    the model's fields and computed fields, with `DERIVED`, in the `PUBLISHED` order; a field added to the
    model follows, in the model's order. A `PUBLISHED` field the model no longer has is an error: renaming
    one would break the scripts that read it."""
    from . import model

    return _fields_of(model.Document)


@cache
def _fields_of(document_model: type[Document]) -> tuple[str, ...]:
    names = [n for n in (*document_model.model_fields, *document_model.model_computed_fields) if n not in UNPUBLISHED]
    gone = [n for n in PUBLISHED if n not in names and n not in DERIVED]
    if gone:
        raise RuntimeError(f"record fields {gone} are published but {document_model.__name__} lacks them")
    return (*PUBLISHED, *(n for n in names if n not in PUBLISHED))


_VALUES: dict[str, str] = {
    "paths": "paths",
    "audiences": "d.audiences if d.written_for else ()",
    "lookup": "lookup(d, publisher)",
}
"""How `record` reads a field that is not an attribute of the document (`paths`), or reads one faster."""


@cache
def _builder(fields: tuple[str, ...]) -> Callable[[Document, Sequence[str], str], dict[str, Any]]:
    """`record` for `fields`: one dict display compiled once, as `dataclasses` writes `__init__`, so that a
    record of 10,000 documents costs what the hand-written display did (a loop over the fields, twice)."""
    assert all(f.isidentifier() for f in fields), fields  # pydantic field names; nothing else is compiled
    display = ", ".join(f"{f!r}: {_VALUES.get(f, 'd.' + f)}" for f in fields)
    built: Callable[[Document, Sequence[str], str], dict[str, Any]] = eval(f"lambda d, paths, publisher: {{{display}}}")  # noqa: S307
    return built


def record(document: Document, paths: Sequence[str], publisher: str) -> dict[str, Any]:
    """The stable machine form of a document (JSON object, CSV row), fields in `document_fields` order.

    Values are what the model holds, not copies: a list field is a tuple, `written_for`, `concerns`,
    `links`, `credits` and `mentions` are tuples of the model's objects. The JSON encoder writes them as
    arrays and objects (the same text as their `model_dump(mode="json")`), `readable` as one line, and
    `plain` gives the JSON values themselves; a 10,000-document export copies nothing per document.
    """
    return _builder(document_fields())(document, paths, publisher)


def plain(value: Any) -> Any:
    """A record's value (`record`) as JSON values: lists for tuples, objects for the model's objects."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    dump = getattr(value, "model_dump", None)
    return dump(mode="json") if dump is not None else value


def readable(value: Any) -> str:
    """A record value as one line of text (CSV cell, tab-separated value): lists joined with « ; », an
    object as its first value, a colon, then its other values that are not English twins
    (« company: à destination des chefs d'entreprise »)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "model_dump"):
        value = plain(value)
    if isinstance(value, dict):
        # A list inside an object (a reading's goals) is joined with « , », empty ones left out: « ; » parts the
        # objects of the list the object is in.
        values = [
            ", ".join(map(readable, v)) if isinstance(v, list | tuple) else str(v)
            for k, v in value.items()
            if v is not None and v != [] and v != () and not k.endswith("_en")
        ]
        return f"{values[0]}: {' — '.join(values[1:])}" if len(values) > 1 else "".join(values)
    if isinstance(value, list | tuple):
        return " ; ".join(readable(v) for v in value)
    return str(value)


def records(selection: Selection) -> list[dict[str, Any]]:
    # The documents no path lists share one empty tuple, written `[]` as a fresh empty list would be.
    listed = listed_paths(selection.kit)
    build = _builder(document_fields())  # once, not per document
    publisher = selection.kit.about.publisher
    return [build(d, listed.get(d.id, _NO_PATHS), publisher) for d in selection.documents]


_NO_PATHS: tuple[str, ...] = ()


def path_record(kit: Kit, path: ReadingPath) -> dict[str, Any]:
    return {
        "id": path.id,
        "alias": path.alias,
        "title": path.title,
        "title_en": path.title_en,
        "description": path.purpose,
        "description_en": path.purpose_en,
        "documents": [d.id for d in reading_order(kit, [d for d in kit.documents if d.id in path.documents])],
        "purpose_source": path.purpose_source,
        "purpose_source_en": path.purpose_source_en,
    }


def category_record(kit: Kit, category: Category) -> dict[str, Any]:
    return {
        "id": category.id,
        "label": category.label,
        "label_en": category.label_en,
        "description": category.description,
        "aliases": list(category.aliases),
        "subcategories": [{"id": s.id, "label": s.label, "label_en": s.label_en} for s in category.subcategories],
        "documents": documents_in(kit, category),
    }
