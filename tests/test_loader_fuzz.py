"""Fuzzing the loader: random bytes, random JSON shapes and mutations of the bundled kit.

Whatever the file holds, `load_kit` returns a kit or raises `KitFileError` (never another exception,
so never a traceback), its message carries no control or bidi character (`strip_unsafe` is the
definition), and it agrees with the JSON Schema: a kit the loader accepts, the schema accepts; a kit
the schema accepts, the loader refuses only for what the schema cannot say (references, duplicates).
Bounded by `max_examples` so that the whole file runs in seconds.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from coconstruct_cli import i18n
from coconstruct_cli.errors import KitFileError
from coconstruct_cli.loader import bundled_path, load_kit
from coconstruct_cli.model import kit_problems, kit_schema
from coconstruct_cli.text import strip_unsafe
from conftest import json_places, json_values, mutate

pytestmark = pytest.mark.slow  # a fuzzer

# KIT_FUZZ_EXAMPLES=5000 for a long hunt; the suite's default keeps the file within seconds.
FUZZ = settings(
    max_examples=int(os.environ.get("KIT_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
VALIDATOR = Draft202012Validator(kit_schema())


PIECES = ["\x1b", "\x07", "\x9b", "\x00", "\x7f", "\u202e", "\u2066", "\u200f", "\ufeff", "\u2028", "\n", "\t", " ",
          "\u00a0", "]0;pwned", "[5m", "[bold]", "a", "é", "2016", "-", "1)", "<b>"]  # fmt: skip
hostile_text = st.one_of(st.lists(st.sampled_from(PIECES), max_size=8).map("".join), st.text(max_size=20))
BUNDLED = json.loads(bundled_path().read_text(encoding="utf-8"))
KEYS = sorted({place[-1] for place in json_places(BUNDLED)[1:] if isinstance(place[-1], str)})
values = json_values(
    KEYS,
    st.sampled_from([1900, 2016, 2100, 1899, 2101, 0, 1]),
    st.sampled_from([2016.0, 1.0, 2016.5]),
    hostile_text,
    key_size=8,
    max_leaves=20,
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def load(path: Path) -> tuple[bool, str]:
    """(accepted, message); any exception but KitFileError fails the test with its traceback."""
    try:
        load_kit(path)
    except KitFileError as exc:
        assert exc.message.strip()
        assert strip_unsafe(exc.message) == exc.message, repr(exc.message)
        assert "Input should" not in exc.message and "String should" not in exc.message
        return False, exc.message
    return True, ""


@FUZZ
@given(raw=st.binary(max_size=300))
def test_random_bytes(folder: Path, raw: bytes) -> None:
    path = folder / "bytes.json"
    path.write_bytes(raw)
    load(path)


@FUZZ
@given(value=values, lang=st.sampled_from(i18n.LANGS))
def test_random_json_shapes(folder: Path, value: Any, lang: i18n.Lang) -> None:
    i18n.set_lang(lang)
    path = folder / "shape.json"
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    accepted, _ = load(path)
    if accepted:  # pragma: no cover - a random shape is hardly a kit
        assert VALIDATOR.is_valid(value)


# The places of the bundled kit that a mutation may touch, computed once: the strategy below draws from this
# fixed tuple only, so that the same choices always give the same mutations (drawing from a fixture's data
# inside the test, one draw at a time, was seen to make hypothesis report inconsistent data generation).
PLACES: tuple[tuple[Any, ...], ...] = tuple(json_places(json.loads(bundled_path().read_text(encoding="utf-8"))))
MUTATIONS = st.lists(  # a place by its index: the strategy's repr stays small (a tuple of PLACES would be 126 kB)
    st.tuples(st.integers(0, len(PLACES) - 1), st.sampled_from(["replace", "delete", "add"]), values),
    min_size=1,
    max_size=3,
)


@FUZZ
@given(mutations=MUTATIONS, lang=st.sampled_from(i18n.LANGS))
def test_mutations_of_the_bundled_kit(
    folder: Path, kit_data: dict[str, Any], mutations: list[tuple[int, str, Any]], lang: i18n.Lang
) -> None:
    i18n.set_lang(lang)
    kit = json.loads(json.dumps(kit_data))
    for place, operation, value in mutations:
        try:
            kit = mutate(kit, PLACES[place], operation, json.loads(json.dumps(value)))
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed the place
    path = folder / "kit.json"
    path.write_text(json.dumps(kit, ensure_ascii=False), encoding="utf-8")
    accepted, message = load(path)
    schema_ok = VALIDATOR.is_valid(kit)
    if accepted:
        assert schema_ok, "the loader accepts a kit the schema refuses"
    elif schema_ok:
        assert kit_problems(kit), f"the loader refuses a kit the schema accepts: {message}"


@FUZZ
@given(text=st.lists(st.sampled_from(PIECES[:14]), min_size=1, max_size=6).map("".join))
def test_a_text_of_controls_bidi_and_spaces_is_refused(folder: Path, kit_data: dict[str, Any], text: str) -> None:
    assert strip_unsafe(text).strip() == ""
    kit = json.loads(json.dumps(kit_data))
    kit["documents"][0]["title"] = text
    path = folder / "blank.json"
    path.write_text(json.dumps(kit, ensure_ascii=False), encoding="utf-8")
    accepted, message = load(path)
    assert not accepted and "title: doit contenir un caractère visible" in message
    assert not VALIDATOR.is_valid(kit)
