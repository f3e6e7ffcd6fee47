"""The kit file format: pydantic models, with the cross-reference checks of a whole kit.

Every model is frozen and forbids unknown fields, so a typo in a kit file is reported instead of
silently ignored. Validation is strict, as the JSON Schema that `kit schema` prints (`kit_schema()`):
a year is a JSON number, never the string "2016"; only what JSON Schema itself counts as an integer
(2016.0) is taken as one, so that the schema and the loader accept the same files.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

SCHEMA_ID = "urn:coconstruct-cli:kit:1"
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
# The same rule for JSON Schema validators: `(?![\s\S])` is « end of text » in ECMA-262 and in Python's
# `re` alike, where `$` also matches before a final newline (pydantic's Rust engine has no lookaround).
_SLUG_SCHEMA_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*(?![\s\S])"
# A text must hold one visible character: not only whitespace, controls (C0, DEL, C1), zero-width or
# bidirectional formatting characters (a superset of what `text.strip_unsafe` removes).
VISIBLE_PATTERN = r"[^\x00-\x20\x7f-\xa0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]"


def _whole_number(value: object) -> object:
    """2016.0 is an integer for JSON Schema; strict mode alone would refuse it (and still refuses "2016")."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _not_a_boolean(value: object) -> object:
    """`Literal[1]` takes `true` for 1, even in strict mode (True == 1 in Python); JSON Schema does not."""
    if isinstance(value, bool):
        raise PydanticCustomError("literal_error", "Input should be {expected}", {"expected": "1"})
    return value


Role = Literal["association", "company", "public", "academic", "media", "facilitator", "other"]
Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=80),
    Field(json_schema_extra={"pattern": _SLUG_SCHEMA_PATTERN}),
]
Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000, pattern=VISIBLE_PATTERN)]
Year = Annotated[int, Field(ge=1900, le=2100), BeforeValidator(_whole_number)]
SchemaVersion = Annotated[Literal[1], BeforeValidator(_not_a_boolean)]

Presented = Literal["quote", "summary"]
"""How a text presents the seed: its words verbatim (« quote ») or our summary of them (« summary »)."""

# Only what a reader can safely follow: http(s), or a bare « www. » address as the seed writes one.
_URL = re.compile(
    r"(?:https?://|www\.)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+"
    # No `\"` or `\'`: ECMA-262 in unicode mode (JSON Schema's patterns) refuses an escape Python accepts.
    r"""(?::[0-9]{1,5})?(?:[/?#][^\s<>"'`\\]*)?""",
    re.ASCII,
)


def _check_url(value: str) -> str:
    if not _URL.fullmatch(value):
        raise PydanticCustomError(
            "kit_url",
            "not a link a reader may follow (http://, https:// or www. only): {url}",
            {"url": value},
        )
    return value


Url = Annotated[
    str,
    StringConstraints(max_length=2000),
    AfterValidator(_check_url),
    Field(json_schema_extra={"pattern": f"^(?:{_URL.pattern})(?![\\s\\S])"}),
]


class _Frozen(BaseModel):
    # strict: no "2016" for 2016, no `true` for 1 — what the JSON Schema says, JSON arrays still give tuples.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Subcategory(_Frozen):
    """A sub-heading of a category (« Se former », « Fiches outil »…)."""

    id: Slug
    label: Text
    label_en: Text | None = None


class Category(_Frozen):
    """One of the kit's natures of documents, in the kit's order."""

    id: Slug
    label: Text
    label_en: Text | None = None
    description: Text
    description_en: Text | None = None
    aliases: tuple[Slug, ...] = ()
    subcategories: tuple[Subcategory, ...] = ()


class Link(_Frozen):
    """A web address the seed gives, with the seed's words before it as written (`label`: a colon only where the
    seed puts one)."""

    url: Url
    label: Text
    label_en: Text | None = None


class WrittenFor(_Frozen):
    """The seed says the document is written for this role (« à destination de … »)."""

    role: Role
    quote: Text
    quote_en: Text | None = None


class Concern(_Frozen):
    """A reading: the document concerns this role, on the strength of a seed phrase (not a « written for »)."""

    role: Role
    reading: Text
    reading_en: Text | None = None
    rests_on: Text
    goals: tuple[Slug, ...] = ()
    """The guide's goals (`guide.goals[].id`) the reading holds for, by our reading; empty: every goal. The
    academics' tie to the kit's research is a tie to understanding: an academic who runs a dynamic or a
    partnership is told by the goal and the need."""

    def holds_for(self, goal: str) -> bool:
        return not self.goals or goal in self.goals


class Credit(_Frozen):
    """An organisation or person the seed names as making the document, beside the contents table's authors."""

    name: Text
    quote: Text
    quote_en: Text | None = None


class Mention(_Frozen):
    """Another passage of the seed about this document (a footnote, an annex), quoted verbatim; or, with
    `relation: related`, one that cites a related document the kit does not say is this one."""

    where: Text
    where_en: Text | None = None
    quote: Text
    quote_en: Text | None = None
    relation: Literal["related"] | None = None
    """« related »: the passage cites another document, related to this one; none: it is about this one."""


class Document(_Frozen):
    """One line item of the kit's contents table."""

    id: Slug
    title: Text
    title_en: Text | None = None
    category: Slug
    subcategory: Slug | None = None
    authors: tuple[Text, ...] = Field(min_length=1)
    year: Year
    date: Text | None = None
    date_en: Text | None = None
    kind: Text
    kind_en: Text | None = None
    description: Text
    description_en: Text | None = None
    description_kind: Presented = "quote"
    gives: Text | None = None
    """What the kit says the document gives, its informative part: words of `description`, exactly (the
    guide's « pourquoi » quotes them). None when the description says no more than the title."""
    gives_en: Text | None = None
    """The same words in `description_en`."""
    parts: tuple[Text, ...] = ()
    parts_en: tuple[Text, ...] = ()
    written_for: tuple[WrittenFor, ...] = ()
    concerns: tuple[Concern, ...] = ()
    notes: tuple[Text, ...] = ()
    notes_en: tuple[Text, ...] = ()
    credits: tuple[Credit, ...] = ()
    mentions: tuple[Mention, ...] = ()
    links: tuple[Link, ...] = ()

    # Read-only views of the former `audiences` fields, for code written before `written_for`.
    @property
    def audiences(self) -> tuple[Role, ...]:
        """The roles the seed literally says the document is written for."""
        return tuple(w.role for w in self.written_for)

    @property
    def audience_reason(self) -> str | None:
        return self.written_for[0].quote if self.written_for else None

    @property
    def audience_reason_en(self) -> str | None:
        return self.written_for[0].quote_en if self.written_for else None


class ReadingPath(_Frozen):
    """A reading path (« parcours »): its documents, as the kit lists them."""

    id: Slug
    alias: Slug
    title: Text
    title_en: Text | None = None
    purpose: Text
    purpose_en: Text | None = None
    purpose_source: Text | None = None
    purpose_source_en: Text | None = None
    documents: tuple[Slug, ...] = Field(min_length=1)


class Figure(_Frozen):
    """A headline figure and what it measures, as the kit states it."""

    value: Text
    value_en: Text | None = None
    measure: Text
    measure_en: Text | None = None
    year: Year | None = None
    scope: Text | None = None
    scope_en: Text | None = None
    quote: Text | None = None


class Example(_Frozen):
    title: Text
    title_en: Text | None = None
    kind: Presented = "quote"
    text: Text
    text_en: Text | None = None
    source: Text | None = None
    see_also: tuple[Link, ...] = ()


class Reference(_Frozen):
    """A passage or footnote of a form's text that points at documents of the kit, quoted verbatim; `where`
    says where the seed writes it when the form's text does not (a footnote: « Annexe 3, note 4 »)."""

    quote: Text
    quote_en: Text | None = None
    where: Text | None = None
    where_en: Text | None = None
    documents: tuple[Slug, ...] = ()


class Form(_Frozen):
    """One of the three forms of territorial co-construction."""

    id: Slug
    title: Text
    title_en: Text | None = None
    also_named: Text | None = None
    also_named_en: Text | None = None
    definition: Text
    definition_en: Text | None = None
    example: Example
    references: tuple[Reference, ...] = ()


class ResearchItem(_Frozen):
    """One research work of annex 1, with the kit documents it plainly is (read both ways by the renderers)."""

    text: Text
    text_en: Text | None = None
    documents: tuple[Slug, ...] = ()


class ResearchWork(_Frozen):
    title: Text
    title_en: Text | None = None
    entries: tuple[ResearchItem, ...] = ()

    @property
    def items(self) -> tuple[str, ...]:
        """The French texts of the entries (read-only view for code written before `entries`)."""
        return tuple(e.text for e in self.entries)


class Choice(_Frozen):
    """An editorial choice: where the seed contradicts itself, corrects a misspelling, or is read.

    `kind` tells which; a correction lists in `seed_forms` the spellings the seed writes, all replaced
    by `choice` wherever the data quotes the seed.
    """

    subject: Text
    subject_en: Text | None = None
    choice: Text
    choice_en: Text | None = None
    reason: Text
    reason_en: Text | None = None
    documents: tuple[Slug, ...] = ()
    kind: Literal["contradiction", "correction", "reading"] = "contradiction"
    seed_forms: tuple[Text, ...] = ()


class About(_Frozen):
    """The kit's own background (objectives, forms, figures, genesis, partners)."""

    title: Text
    publisher: Text
    summary: Text
    summary_en: Text | None = None
    intended_for: Text | None = None
    intended_for_en: Text | None = None
    objectives: tuple[Text, ...] = ()
    objectives_en: tuple[Text, ...] = ()
    objectives_in_contents: tuple[Text, ...] = ()
    objectives_in_contents_en: tuple[Text, ...] = ()
    forms: tuple[Form, ...] = ()
    figures: tuple[Figure, ...] = ()
    genesis: Text | None = None
    genesis_en: Text | None = None
    research: tuple[ResearchWork, ...] = ()
    partners: Text | None = None
    partners_en: Text | None = None
    gaps: tuple[Text, ...] = ()
    gaps_en: tuple[Text, ...] = ()
    # More of the kit's own sentences, each word for word as the seed writes it (a test finds it there).
    passages: tuple[Text, ...] = ()
    passages_en: tuple[Text, ...] = ()


class GoalDocument(_Frozen):
    """A document that a goal of the guide puts forward, by our reading, on the strength of a seed phrase."""

    document: Slug
    reading: Text
    reading_en: Text | None = None
    rests_on: Text


class Goal(_Frozen):
    """What a person wants to do, as the guide asks it: the path it leads to is our reading of the kit."""

    id: Slug
    path: Slug
    aliases: tuple[Slug, ...] = ()
    rests_on: Text
    key: tuple[GoalDocument, ...] = ()
    """The path's documents this goal puts forward first, in order."""
    outside: tuple[GoalDocument, ...] = ()
    """Documents of other paths that answer this goal: named beside the plan, never in it."""


class Need(_Frozen):
    """What a person needs first: some of the kit's natures or sub-headings, as the seed words them."""

    id: Slug
    categories: tuple[Slug, ...] = ()
    subcategories: tuple[Slug, ...] = ()
    aliases: tuple[Slug, ...] = ()
    rests_on: Text
    nearest: tuple[Slug, ...] = ()
    """The needs to offer instead, in order, when a path holds nothing of this one."""


class Guide(_Frozen):
    """The guide's reading of the kit: its goals and needs (our reading, each with the seed phrase it rests on)."""

    goals: tuple[Goal, ...] = ()
    needs: tuple[Need, ...] = ()


class Kit(_Frozen):
    """A whole kit file."""

    schema_version: SchemaVersion = 1
    about: About
    categories: tuple[Category, ...] = Field(min_length=1)
    paths: tuple[ReadingPath, ...] = ()
    guide: Guide | None = None
    documents: tuple[Document, ...] = ()
    choices: tuple[Choice, ...] = ()


def kit_schema() -> dict[str, Any]:
    """The JSON Schema of a kit file, as `kit schema` prints it (draft 2020-12, the draft pydantic writes)."""
    return {"$schema": SCHEMA_DIALECT, "$id": SCHEMA_ID, **Kit.model_json_schema()}


def _get(node: object, name: str) -> Any:
    """Field of a model or of raw JSON data, so one check serves valid and invalid kits."""
    if isinstance(node, dict):
        return node.get(name)
    return getattr(node, name, None)


def _items(node: object, name: str) -> list[Any]:
    value = _get(node, name)
    return list(value) if isinstance(value, list | tuple) else []


def _strings(values: list[Any]) -> list[str]:
    return [v for v in values if isinstance(v, str)]


def _duplicates(ids: list[str]) -> list[str]:
    if len(set(ids)) == len(ids):
        return []
    seen: set[str] = set()
    dup: list[str] = []
    for i in ids:
        if i in seen and i not in dup:
            dup.append(i)
        seen.add(i)
    return dup


Problem = tuple[str, str, dict[str, str]]
"""A cross-reference problem: (location, message key of `i18n`, message parameters)."""


def kit_problems(kit: Kit | dict[str, Any]) -> list[Problem]:
    """Every cross-reference problem of a kit that the field types cannot see.

    Accepts a validated `Kit` or the raw JSON data of an invalid one: values of the wrong type
    are left to the field errors and skipped here.
    """
    problems: list[Problem] = []
    categories = {_get(c, "id"): c for c in _items(kit, "categories") if isinstance(_get(c, "id"), str)}
    documents = _items(kit, "documents")
    paths = _items(kit, "paths")
    # A validated kit's ids are strings: read them straight (one of the costs of a 10,000-document kit).
    document_ids = [d.id for d in kit.documents] if isinstance(kit, Kit) else _strings([_get(d, "id") for d in documents])
    category_ids = _strings([_get(c, "id") for c in _items(kit, "categories")])
    doubled_ids = _duplicates(category_ids)
    for dup in doubled_ids:
        problems.append(("categories", "val.duplicate", {"value": dup}))
    # `--category` and `--need` take an id or an alias: one name for two categories would pick one silently.
    aliases = [a for c in _items(kit, "categories") for a in _strings(_items(c, "aliases"))]
    for dup in _duplicates(category_ids + aliases):
        if dup not in doubled_ids:
            problems.append(("categories", "val.duplicate_alias", {"value": dup}))
    doc_ids = set(document_ids)
    for dup in _duplicates(document_ids) if len(doc_ids) < len(document_ids) else []:
        problems.append(("documents", "val.duplicate", {"value": dup}))
    for dup in _duplicates(_strings([_get(p, "id") for p in paths] + [_get(p, "alias") for p in paths])):
        problems.append(("paths", "val.duplicate", {"value": dup}))
    # A validated kit whose documents are all sound (the usual case) skips the checks one by one, which
    # cost tens of milliseconds on a 10,000-document kit at every start.
    if isinstance(kit, Kit) and _documents_sound(kit):
        documents_to_check: list[Any] = []
    else:
        documents_to_check = documents
    for index, d in enumerate(documents_to_check):
        where = f"documents[{index} = {_get(d, 'id')}]"
        category_id = _get(d, "category")
        if not isinstance(category_id, str):
            continue
        category = categories.get(category_id)
        if category is None:
            known = ", ".join(categories)
            problems.append((f"{where}.category", "val.unknown_category", {"value": category_id, "known": known}))
            continue
        subs = _strings([_get(s, "id") for s in _items(category, "subcategories")])
        sub = _get(d, "subcategory")
        if isinstance(sub, str) and sub not in subs:
            problems.append(
                (
                    f"{where}.subcategory",
                    "val.unknown_subcategory",
                    {"value": sub, "category": category_id, "known": ", ".join(subs) or "-"},
                )
            )
        written = _strings([_get(w, "role") for w in _items(d, "written_for")])
        concerned = _strings([_get(c, "role") for c in _items(d, "concerns")])
        for dup in _duplicates(written):
            problems.append((f"{where}.written_for", "val.duplicate_role", {"value": dup}))
        for dup in _duplicates(concerned):
            problems.append((f"{where}.concerns", "val.duplicate_role", {"value": dup}))
        for role in sorted(set(written) & set(concerned)):
            problems.append((f"{where}.concerns", "val.role_written_for", {"value": role}))
        for field, source in (("gives", "description"), ("gives_en", "description_en")):
            words, text = _get(d, field), _get(d, source)
            if isinstance(words, str) and not (isinstance(text, str) and _within(words, text)):
                problems.append((f"{where}.{field}", "val.gives_not_quoted", {"field": source}))
    problems += _research_problems(kit, doc_ids)
    for i, form in enumerate(_items(_get(kit, "about"), "forms")):
        for j, ref in enumerate(_items(form, "references")):
            for doc in _strings(_items(ref, "documents")):
                if doc not in doc_ids:
                    problems.append((f"about.forms[{i}].references[{j}].documents", "val.unknown_document", {"value": doc}))
    for p in paths:
        where = f"paths[{_get(p, 'id')}].documents"
        refs = _strings(_items(p, "documents"))
        for dup in _duplicates(refs):
            problems.append((where, "val.duplicate", {"value": dup}))
        for ref in refs:
            if ref not in doc_ids:
                problems.append((where, "val.unknown_document", {"value": ref}))
    problems += _guide_problems(kit, doc_ids)
    for i, c in enumerate(_items(kit, "choices")):
        for ref in _strings(_items(c, "documents")):
            if ref not in doc_ids:
                problems.append((f"choices[{i}].documents", "val.unknown_document", {"value": ref}))
    return problems


def _within(words: str, text: str) -> bool:
    """Whether `words` are words of `text`, exactly, spaces aside (as they are, most often: no copy then)."""
    return words in text or " ".join(words.split()) in " ".join(text.split())


def _documents_sound(kit: Kit) -> bool:
    """Whether every document of a validated kit names a known category and sub-category and gives each
    role once: what the checks one by one would find nothing in."""
    subcategories = {c.id: {s.id for s in c.subcategories} for c in kit.categories}
    # One pass that keeps the distinct (category, sub-category) pairs, then a check per pair and per
    # document that names roles: a few milliseconds on a 10,000-document kit.
    for category, sub in {(d.category, d.subcategory) for d in kit.documents}:
        subs = subcategories.get(category)
        if subs is None or (sub is not None and sub not in subs):
            return False
    # Then one pass over the documents for what each says of itself.
    for d in kit.documents:
        gives, gives_en = d.gives, d.gives_en
        # `in` first: the words as written, most often (no call then).
        if gives is not None and gives not in d.description and not _within(gives, d.description):
            return False
        if gives_en is not None and gives_en not in (d.description_en or "") and not _within(gives_en, d.description_en or ""):
            return False
        if d.written_for or d.concerns:
            written = [w.role for w in d.written_for]
            concerned = [c.role for c in d.concerns]
            if len(set(written)) < len(written) or len(set(concerned)) < len(concerned) or set(written) & set(concerned):
                return False
    return True


def _guide_problems(kit: Kit | dict[str, Any], doc_ids: set[str]) -> list[Problem]:
    """The guide's goals lead to known paths and name known documents (a goal's key documents in its path);
    its needs name known categories and sub-categories; no name is given twice."""
    problems: list[Problem] = []
    guide = _get(kit, "guide")
    if guide is None:
        return problems
    # A raw kit (told after a failed validation) may give any JSON value as an id: only strings name a path.
    paths = {ident: p for p in _items(kit, "paths") if isinstance(ident := _get(p, "id"), str)}
    categories = _strings([_get(c, "id") for c in _items(kit, "categories")])
    subcategories = _strings([_get(s, "id") for c in _items(kit, "categories") for s in _items(c, "subcategories")])
    goals = _items(guide, "goals")
    for dup in _duplicates(_strings([_get(g, "id") for g in goals] + [a for g in goals for a in _strings(_items(g, "aliases"))])):
        problems.append(("guide.goals", "val.duplicate", {"value": dup}))
    goal_ids = _strings([_get(g, "id") for g in goals])
    # The readings scoped to goals: a validated kit's are read straight (10,000 documents at every start).
    if isinstance(kit, Kit):
        scoped = [(i, d, j, c) for i, d in enumerate(kit.documents) if d.concerns for j, c in enumerate(d.concerns) if c.goals]
    else:
        scoped = [(i, d, j, c) for i, d in enumerate(_items(kit, "documents")) for j, c in enumerate(_items(d, "concerns"))]
    for index, d, j, concern in scoped:
        for named in _strings(_items(concern, "goals")):
            if named not in goal_ids:
                where = f"documents[{index} = {_get(d, 'id')}].concerns[{j}].goals"
                problems.append((where, "val.unknown_goal", {"value": named, "known": ", ".join(goal_ids)}))
    for i, goal in enumerate(goals):
        named = _get(goal, "path")
        path = paths.get(named) if isinstance(named, str) else None
        if path is None and isinstance(named, str):
            problems.append(
                (f"guide.goals[{i}].path", "val.unknown_path", {"value": _get(goal, "path"), "known": ", ".join(map(str, paths))})
            )
        members = set(_strings(_items(path, "documents"))) if path is not None else set()
        for field in ("key", "outside"):
            for j, entry in enumerate(_items(goal, field)):
                doc = _get(entry, "document")
                if not isinstance(doc, str):
                    continue
                where = f"guide.goals[{i}].{field}[{j}].document"
                if doc not in doc_ids:
                    problems.append((where, "val.unknown_document", {"value": doc}))
                elif path is not None and (doc in members) != (field == "key"):
                    key = "val.goal_key" if field == "key" else "val.goal_outside"
                    problems.append((where, key, {"value": doc, "path": str(_get(goal, "path"))}))
    needs = _items(guide, "needs")
    need_ids = _strings([_get(n, "id") for n in needs])
    for dup in _duplicates(need_ids + [a for n in needs for a in _strings(_items(n, "aliases"))]):
        problems.append(("guide.needs", "val.duplicate", {"value": dup}))
    for i, need in enumerate(needs):
        for value in _strings(_items(need, "categories")):
            if value not in categories:
                problems.append(
                    (f"guide.needs[{i}].categories", "val.unknown_category", {"value": value, "known": ", ".join(categories)})
                )
        for value in _strings(_items(need, "subcategories")):
            if value not in subcategories:
                problems.append(
                    (
                        f"guide.needs[{i}].subcategories",
                        "val.unknown_subcategory_any",
                        {"value": value, "known": ", ".join(subcategories)},
                    )
                )
        for value in _strings(_items(need, "nearest")):
            if value not in need_ids:
                problems.append((f"guide.needs[{i}].nearest", "val.unknown_need", {"value": value, "known": ", ".join(need_ids)}))
    return problems


def _research_problems(kit: Kit | dict[str, Any], doc_ids: set[str]) -> list[Problem]:
    """Every document a research item of annex 1 points at exists."""
    problems: list[Problem] = []
    for i, work in enumerate(_items(_get(kit, "about"), "research")):
        for j, entry in enumerate(_items(work, "entries")):
            for doc in _strings(_items(entry, "documents")):
                if doc not in doc_ids:
                    where = f"about.research[{i}].entries[{j}].documents"
                    problems.append((where, "val.unknown_document", {"value": doc}))
    return problems
