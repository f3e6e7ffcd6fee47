"""Fuzzing the progress state and `kit progress --import`, as tests/test_loader_fuzz.py fuzzes kit files.

Whatever `KIT_HOME/progress.json` or an `--import` file holds (wrong types, integers of more than 4,300
digits, lone surrogates, duplicate keys, deep nesting, unknown ids, NUL and control characters, bytes that
are not UTF-8, huge arrays), every command that reads the state exits 0 with at most one warning, `kit read`
exits 0 or 4 and `--import` 0 or 2 with one paragraph, as `progress.parse` accepts or refuses the bytes; never
70, never a traceback, never a control character on stderr. Deterministic (`derandomize=True`, mutations drawn
from fixed lists) and bounded by `max_examples`, so that the whole file runs in seconds.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from coconstruct_cli.errors import Unusable
from coconstruct_cli.progress import parse
from coconstruct_cli.progress_store import state_path
from conftest import C1_OR_ESC, invoke, json_places, json_values, mutate

pytestmark = pytest.mark.slow  # a fuzzer

# KIT_FUZZ_EXAMPLES=2000 for a long hunt; the suite's default keeps the file within seconds.
FUZZ = settings(
    max_examples=int(os.environ.get("KIT_FUZZ_EXAMPLES", "15")),
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
TITLE = "Kit « co-construction territoriale »"
BASE: dict[str, Any] = {
    "format": "coconstruct-cli/progress",
    "version": 1,
    "kits": [
        {
            "title": TITLE,
            "publisher": "Le RAMEAU",
            "read": ["etudes-phare", "rex-silver-geek", "document-retire-depuis"],
            "answers": {"role": "company", "goal": "support", "need": None, "situation": None},
        },
        {"title": "Un autre kit", "publisher": "Quelqu'un", "read": []},
    ],
}


PLACES: tuple[tuple[Any, ...], ...] = tuple(json_places(BASE))
KEYS = sorted({place[-1] for place in PLACES[1:] if isinstance(place[-1], str)})


def _deep(n: int) -> bytes:
    return b"[" * n + b"]" * n


# JSON text that `json.dumps` cannot write (or that is not JSON at all), put in place of a value.
FRAGMENTS: tuple[bytes, ...] = (
    b"9" * 5000,  # more digits than Python converts
    b"-" + b"9" * 4301,
    b"1e400",  # a float that is infinite
    b"NaN",
    b"Infinity",
    b'"\\ud800"',  # lone surrogates
    b'"x\\udc00y"',
    b'"\\ud83d\\ude00"',  # a valid pair
    b'{"read": [], "read": ["etudes-phare"]}',  # duplicate keys
    b'{"title": "' + TITLE.encode() + b'", "publisher": "Le RAMEAU", "read": ["etudes-phare"], "read": []}',
    _deep(50),
    _deep(1000),
    _deep(100_000),
    b'{"a":' * 3000 + b"1" + b"}" * 3000,
    b'"\\u0000"',  # NUL and control characters, escaped (valid JSON) and raw (not)
    b'"a\x00b"',
    b'"\\u001b]0;pwned\\u0007\\u001b[31mred\\u009b31m\\u202eevil"',
    b'"\x1b]0;pwned\x07"',
    b'"\\r\\nFAUX\\tTITRE"',
    b"\xff\xfe",  # not UTF-8
    b'"\xc3("',
    b'"caf\xe9"',  # latin-1
    b"[" + b",".join([b"0"] * 20_000) + b"]",  # huge arrays
    b"[" + b",".join(b'"pas-un-id-%d"' % i for i in range(20_000)) + b"]",
    b'["pas-un-id", "etudes-phare", "etudes-phare", ""]',  # unknown, repeated and empty ids
    b'"' + b"a" * 100_000 + b'"',
    b"",  # nothing where a value should be
    b"true",
    b"{}",
)


class Raw(NamedTuple):
    """A fragment of FRAGMENTS, by its index (the strategy's repr stays small)."""

    index: int


PIECES = ["\x1b", "\x07", "\x9b", "\x00", "\x7f", "\u202e", "\u2066", "\ud800", "\ufeff", "\n", "é", "[bold]", "etudes-phare"]
any_json = json_values(
    KEYS,
    st.sampled_from([0, 1, 2, -1, 99]),
    st.lists(st.sampled_from(PIECES), max_size=6).map("".join),
    st.text(max_size=12),
    key_size=6,
    max_leaves=12,
)
values = st.one_of(any_json, st.integers(0, len(FRAGMENTS) - 1).map(Raw))
MUTATIONS = st.lists(
    st.tuples(st.integers(0, len(PLACES) - 1), st.sampled_from(["replace", "delete", "add"]), values),
    min_size=1,
    max_size=3,
)


def _placeholder(value: Any) -> Any:
    return f"@@RAW{value.index}@@" if isinstance(value, Raw) else value


def document(mutations: list[tuple[int, str, Any]]) -> bytes:
    """The base state with the mutations applied, as bytes, fragments written in place of their placeholders."""
    data = json.loads(json.dumps(BASE))
    for place, operation, value in mutations:
        try:
            data = mutate(data, PLACES[place], operation, _placeholder(value))
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed the place
    try:
        raw = json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate drawn as text: written as its escape, as JSON allows
        raw = json.dumps(data).encode("ascii")
    for index, fragment in enumerate(FRAGMENTS):
        raw = raw.replace(f'"@@RAW{index}@@"'.encode(), fragment)
    return raw


def usable(raw: bytes) -> bool:
    try:
        parse(raw)
    except Unusable:
        return False
    return True


def assert_told(err: str, code: int) -> None:
    """Stderr as a user sees it: no traceback (`invoke`), no control character, one paragraph."""
    assert code != 70, err
    assert not C1_OR_ESC.search(err), repr(err[:300])
    assert "\n\n" not in err.strip(), err[:300]


READING = [("list", "--format", "json"), ("show", "etudes-phare"), ("progress",), ("progress", "--format", "json")]


def check_state(runner: CliRunner, raw: bytes, lang: str) -> None:
    """Every command that reads the state: a warning at most, and `kit read` 0 or 4 as `parse` decides."""
    state = state_path()
    state.parent.mkdir(parents=True, exist_ok=True)
    ok = usable(raw)
    env = {"KIT_LANG": lang}
    for args in READING:
        state.write_bytes(raw)
        code, _, err = invoke(runner, *args, env=env, raw=True)
        assert_told(err, code)
        assert code == 0, (args, err[:300])
        assert len(err.strip().splitlines()) <= 1, (args, err[:300])
        if ok:  # no warning (`kit progress` may tell marks the kit no longer has, on one line)
            assert str(state) not in err, (args, err[:300])
        elif args[0] != "show":  # `kit show` does not read the state
            assert str(state) in err, (args, err[:300])
    state.write_bytes(raw)
    code, out, err = invoke(runner, "read", "film-3-exemples", env=env, raw=True)
    assert_told(err, code)
    assert code == (0 if ok else 4), err[:300]
    if not ok:
        assert out == "" and str(state) in err and state.read_bytes() == raw  # left as it is
    state.unlink()


def check_import(runner: CliRunner, tmp_path: Path, raw: bytes, lang: str) -> None:
    """`kit progress --import FILE`: 0 or 2 as `parse` decides, the message naming the file."""
    source = tmp_path / "export.json"
    source.write_bytes(raw)
    state_path().unlink(missing_ok=True)
    code, out, err = invoke(runner, "progress", "--import", str(source), env={"KIT_LANG": lang}, raw=True)
    assert_told(err, code)
    if usable(raw):
        assert code == 0, err[:300]
    else:
        assert code == 2 and out == "" and str(source) in err, (code, err[:300])
        assert len(err.splitlines()) <= 102, len(err.splitlines())  # the first hundred problems, the rest counted
        assert not state_path().exists()


@FUZZ
@given(mutations=MUTATIONS, lang=st.sampled_from(["fr", "en"]))
def test_mutations_of_a_state(runner: CliRunner, tmp_path: Path, mutations: list[tuple[int, str, Any]], lang: str) -> None:
    raw = document(mutations)
    check_state(runner, raw, lang)
    check_import(runner, tmp_path, raw, lang)


@FUZZ
@given(raw=st.binary(max_size=200), lang=st.sampled_from(["fr", "en"]))
def test_random_bytes_as_a_state(runner: CliRunner, tmp_path: Path, raw: bytes, lang: str) -> None:
    check_state(runner, raw, lang)
    check_import(runner, tmp_path, raw, lang)


@pytest.mark.parametrize("index", range(len(FRAGMENTS)))
def test_each_fragment_in_each_field_of_a_state(runner: CliRunner, tmp_path: Path, index: int) -> None:
    """Every fragment once in the fields a state's reader looks at first (a fixed list, beside the drawn ones)."""
    for place in (PLACES.index(("kits", 0, "read")), PLACES.index(("kits", 0, "title")), PLACES.index(("version",))):
        raw = document([(place, "replace", Raw(index))])
        check_state(runner, raw, "fr")
        check_import(runner, tmp_path, raw, "fr")
