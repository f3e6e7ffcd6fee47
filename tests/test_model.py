"""`kit schema` and `kit validate` agree: a corpus of broken and borderline kit files goes through an
independent JSON Schema validator (Draft 2020-12) and through the loader, and both give one verdict.

Only what JSON Schema cannot say (references between documents, paths and categories; duplicate ids)
is refused by the loader alone: those files are listed apart, and the difference is asserted too.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from coconstruct_cli.errors import KitFileError
from coconstruct_cli.loader import load_kit
from coconstruct_cli.model import kit_schema

Edit = Callable[[dict[str, Any]], Any]

VALIDATOR = Draft202012Validator(kit_schema())


def edit_doc(**changes: Any) -> Edit:
    return lambda data: data["documents"][0].update(changes)


def drop(*keys: str) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        node: Any = data
        for key in keys[:-1]:
            node = node[int(key)] if isinstance(node, list) else node[key]
        del node[keys[-1]]

    return edit


class Whole:
    """What an edit returns to replace the whole file, not change it."""

    def __init__(self, value: Any) -> None:
        self.value = value


def replace(value: Any) -> Edit:
    return lambda data: Whole(value)


def rename_first_document(new_id: str) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        old = data["documents"][0]["id"]
        data["documents"][0]["id"] = new_id
        for holder in data["paths"] + data["choices"]:
            holder["documents"] = [new_id if ref == old else ref for ref in holder.get("documents", [])]
        for goal in data.get("guide", {}).get("goals", []):
            for entry in goal.get("key", []) + goal.get("outside", []):
                entry["document"] = new_id if entry["document"] == old else entry["document"]

    return edit


# Files both must refuse: every field rule of the format, as the schema states it.
REFUSED: dict[str, Edit] = {
    "year as a string": edit_doc(year="2016"),
    "year with spaces": edit_doc(year=" 2016 "),
    "year as a decimal string": edit_doc(year="2016.0"),
    "year with a fraction": edit_doc(year=2016.5),
    "year as a boolean": edit_doc(year=True),
    "year too early": edit_doc(year=1899),
    "year too late": edit_doc(year=2101),
    "year null": edit_doc(year=None),
    "figure year as a string": lambda d: d["about"]["figures"][0].update(year="2015"),
    "schema_version true": lambda d: d.update(schema_version=True),
    "schema_version 2": lambda d: d.update(schema_version=2),
    "schema_version as a string": lambda d: d.update(schema_version="1"),
    "empty title": edit_doc(title=""),
    "title of bidi overrides": edit_doc(title="\u202e\u2066"),
    "title of controls": edit_doc(title="\x1b\x07\x9b"),
    "title of whitespace": edit_doc(title=" \t\n\u00a0\u2028\u3000"),
    "title of zero-width characters": edit_doc(title="\u200b\u200d\ufeff"),
    "title too long": edit_doc(title="t" * 20_001),
    "title as a number": edit_doc(title=12),
    "title as a list": edit_doc(title=["Titre"]),
    "optional text null where not optional": edit_doc(kind=None),
    "id not a slug": edit_doc(id="Pas Un Slug"),
    "id with a trailing hyphen": edit_doc(id="abc-"),
    "id with a trailing newline": edit_doc(id="abc\n"),
    "id too long": edit_doc(id="a" * 81),
    "id with an accent": edit_doc(id="été"),
    "unknown field": edit_doc(colour="rouge"),
    "unknown top-level field": lambda d: d.update(version=2),
    "missing title": drop("documents", "0", "title"),
    "missing about": drop("about"),
    "missing categories": drop("categories"),
    "no categories": lambda d: d.update(categories=[]),
    "no authors": edit_doc(authors=[]),
    "blank author": edit_doc(authors=["\u200e"]),
    "unknown audience": edit_doc(written_for=[{"role": "robots", "quote": "à destination des robots"}]),
    "audiences as a string": edit_doc(written_for="association"),
    "path without documents": lambda d: d["paths"][0].update(documents=[]),
    "document as a string": lambda d: d["documents"].append("doc"),
    "documents as an object": lambda d: d.update(documents={"a": 1}),
    "about as a list": lambda d: d.update(about=[]),
    "top level array": replace([]),
    "top level number": replace(42),
    "top level string": replace("kit"),
    "top level null": replace(None),
    "empty object": replace({}),
}

# Files both must accept: borderline values that the format allows.
ACCEPTED: dict[str, Edit] = {
    "the bundled kit": lambda d: None,
    "year 2016.0 is an integer for JSON Schema": edit_doc(year=2016.0),
    "year at the limits": edit_doc(year=1900),
    "schema_version 1.0": lambda d: d.update(schema_version=1.0),
    "schema_version omitted": drop("schema_version"),
    "optional fields null": edit_doc(title_en=None, subcategory=None, date=None),
    "text with an override and letters": edit_doc(title="\u202eTitre"),
    "text with a visible character after spaces": edit_doc(title="   A"),
    "text of 20,000 characters": edit_doc(title="t" * 20_000),
    "id of 80 characters": rename_first_document("a" * 80),
    "id of digits and hyphens": rename_first_document("2016-1-a"),
}

# What JSON Schema cannot express: the loader alone refuses these.
REFERENCES: dict[str, Edit] = {
    "unknown category": edit_doc(category="recettes"),
    "unknown subcategory": edit_doc(subcategory="fiches-outil"),
    "duplicate document id": lambda d: d["documents"].append(dict(d["documents"][1])),
    "unknown document in a path": lambda d: d["paths"][0]["documents"].append("fantome"),
    "a role written for twice": edit_doc(
        written_for=[{"role": "association", "quote": "à destination des dirigeants associatifs"}] * 2
    ),
}


def write(tmp_path: Path, kit_data: dict[str, Any], edit: Edit) -> Path:
    data = json.loads(json.dumps(kit_data))
    result = edit(data)
    if isinstance(result, Whole):
        data = result.value
    path = tmp_path / "kit.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def schema_accepts(path: Path) -> bool:
    return VALIDATOR.is_valid(json.loads(path.read_text(encoding="utf-8-sig")))


def loader_accepts(path: Path) -> bool:
    try:
        load_kit(path)
    except KitFileError:
        return False
    return True


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(kit_schema())


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_both_refuse(tmp_path: Path, kit_data: dict[str, Any], name: str) -> None:
    path = write(tmp_path, kit_data, REFUSED[name])
    assert (schema_accepts(path), loader_accepts(path)) == (False, False)


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_both_accept(tmp_path: Path, kit_data: dict[str, Any], name: str) -> None:
    path = write(tmp_path, kit_data, ACCEPTED[name])
    assert (schema_accepts(path), loader_accepts(path)) == (True, True)


@pytest.mark.parametrize("name", sorted(REFERENCES))
def test_references_are_the_loaders_alone(tmp_path: Path, kit_data: dict[str, Any], name: str) -> None:
    path = write(tmp_path, kit_data, REFERENCES[name])
    assert (schema_accepts(path), loader_accepts(path)) == (True, False)
