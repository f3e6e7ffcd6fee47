"""The kit file format: pydantic models, with the cross-reference checks of a whole kit.

Every model is frozen and forbids unknown fields, so a typo in a kit file is reported instead of
silently ignored. Validation is strict, as the JSON Schema that `kit schema` prints (`kit_schema()`):
a year is a JSON number, never the string "2016"; only what JSON Schema itself counts as an integer
(2016.0) is taken as one, so that the schema and the loader accept the same files.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
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
    kind: Text
    description: Text
    description_en: Text | None = None
    parts: tuple[Text, ...] = ()
    audiences: tuple[Role, ...] = ()
    audience_reason: Text | None = None
    audience_reason_en: Text | None = None
    notes: tuple[Text, ...] = ()


class ReadingPath(_Frozen):
    """A reading path (« parcours »): its documents, as the kit lists them."""

    id: Slug
    alias: Slug
    title: Text
    title_en: Text | None = None
    purpose: Text
    purpose_en: Text | None = None
    documents: tuple[Slug, ...] = Field(min_length=1)


class Figure(_Frozen):
    """A headline figure and what it measures, as the kit states it."""

    value: Text
    measure: Text
    measure_en: Text | None = None
    year: Year | None = None


class Example(_Frozen):
    title: Text
    text: Text
    text_en: Text | None = None
    source: Text | None = None


class Form(_Frozen):
    """One of the three forms of territorial co-construction."""

    id: Slug
    title: Text
    title_en: Text | None = None
    also_named: Text | None = None
    definition: Text
    definition_en: Text | None = None
    example: Example


class ResearchWork(_Frozen):
    title: Text
    title_en: Text | None = None
    items: tuple[Text, ...] = ()


class Choice(_Frozen):
    """An editorial choice made where the source contradicts itself."""

    subject: Text
    choice: Text
    reason: Text
    documents: tuple[Slug, ...] = ()


class About(_Frozen):
    """The kit's own background (objectives, forms, figures, genesis, partners)."""

    title: Text
    publisher: Text
    summary: Text
    summary_en: Text | None = None
    objectives: tuple[Text, ...] = ()
    objectives_en: tuple[Text, ...] = ()
    forms: tuple[Form, ...] = ()
    figures: tuple[Figure, ...] = ()
    genesis: Text | None = None
    genesis_en: Text | None = None
    research: tuple[ResearchWork, ...] = ()
    partners: Text | None = None
    partners_en: Text | None = None
    gaps: tuple[Text, ...] = ()
    gaps_en: tuple[Text, ...] = ()


class Kit(_Frozen):
    """A whole kit file."""

    schema_version: SchemaVersion = 1
    about: About
    categories: tuple[Category, ...] = Field(min_length=1)
    paths: tuple[ReadingPath, ...] = ()
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
    for dup in _duplicates(_strings([_get(c, "id") for c in _items(kit, "categories")])):
        problems.append(("categories", "val.duplicate", {"value": dup}))
    for dup in _duplicates(_strings([_get(d, "id") for d in documents])):
        problems.append(("documents", "val.duplicate", {"value": dup}))
    for dup in _duplicates(_strings([_get(p, "id") for p in paths] + [_get(p, "alias") for p in paths])):
        problems.append(("paths", "val.duplicate", {"value": dup}))
    for index, d in enumerate(documents):
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
        if _items(d, "audiences") and not _get(d, "audience_reason"):
            problems.append((f"{where}.audience_reason", "val.reason_required", {}))
    doc_ids = set(_strings([_get(d, "id") for d in documents]))
    for p in paths:
        where = f"paths[{_get(p, 'id')}].documents"
        refs = _strings(_items(p, "documents"))
        for dup in _duplicates(refs):
            problems.append((where, "val.duplicate", {"value": dup}))
        for ref in refs:
            if ref not in doc_ids:
                problems.append((where, "val.unknown_document", {"value": ref}))
    for i, c in enumerate(_items(kit, "choices")):
        for ref in _strings(_items(c, "documents")):
            if ref not in doc_ids:
                problems.append((f"choices[{i}].documents", "val.unknown_document", {"value": ref}))
    return problems
