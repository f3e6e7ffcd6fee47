"""The JSON writer: a long list, encoded a chunk at a time, is the bytes one encoding of it gives."""

from __future__ import annotations

import json

import pytest
from pydantic_core import to_json

from coconstruct_cli.loader import load_kit
from coconstruct_cli.queries import records, select
from coconstruct_cli.render.jsonout import CHUNK, _encoded, dumps


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 2 * CHUNK + 1, 3 * CHUNK + 7])
def test_a_list_in_chunks_is_the_list_encoded_at_once(size: int) -> None:
    # Escaped characters (a bidi override, a C1 control), a lone surrogate (replaced) and nested values in
    # some items only, so that the chunks differ from one another.
    items = [
        {"n": i, "t": "é\u202e" if i % 7 == 0 else "« a »", "s": "\udcff" if i == CHUNK + 1 else "", "l": [[i], {"k": None}]}
        for i in range(size)
    ]
    assert bytes(dumps(items)) == _encoded(items) + b"\n"
    assert json.loads(dumps(items).decode()) == json.loads(_encoded(items))


def test_the_kit_s_records_in_chunks_are_one_encoding_of_them() -> None:
    kit = load_kit()
    made = records(select(kit)) * (CHUNK // len(kit.documents) + 2)
    assert len(made) > CHUNK
    assert bytes(dumps(made)) == to_json(made, indent=2) + b"\n"
