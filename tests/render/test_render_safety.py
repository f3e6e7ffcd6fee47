"""Kit text is data: hostile titles cannot style the terminal or break any export."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

from coconstruct_cli.loader import load_kit
from coconstruct_cli.queries import select
from coconstruct_cli.render.jsonout import dumps
from coconstruct_cli.results import DocumentDetail, DocumentList
from coconstruct_cli.text import Utf8, strip_unsafe
from conftest import C1_OR_ESC, HOSTILE, render_as, titled_kit


def test_json_keeps_the_text_exactly_and_escapes_controls(write_kit: Any) -> None:
    kit = titled_kit(HOSTILE, write_kit)
    rendered = render_as(DocumentList(select(kit), "t"), "json", False)
    assert isinstance(rendered, Utf8)
    out = rendered.decode()
    assert not C1_OR_ESC.search(out)
    assert json.loads(out)[0]["title"] == HOSTILE


@pytest.mark.slow  # every code point, several seconds
def test_the_bytes_check_finds_exactly_the_characters_json_escapes() -> None:
    # The JSON writer looks for the characters to escape in the encoded bytes, not in the text: for every
    # code point, alone and between French text, the bytes check and the text pattern must agree.
    from coconstruct_cli.render.jsonout import _RAW, _holds_raw

    missed = []
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        if _holds_raw(char.encode()) != bool(_RAW.search(char)):
            missed.append(hex(code))
    assert not missed
    assert _holds_raw(" « été » ".join(["x", "‮", "y"]).encode())
    assert not _holds_raw(" « été » ’ ﬁ".encode())
    # and the escaped document parses back to the same text
    text = "a bc﻿d⁦e « f »"
    assert json.loads(dumps({"t": text}).decode()) == {"t": text}
    assert not C1_OR_ESC.search(dumps({"t": text}).decode())


def test_csv_rows_stay_rows_and_formulas_stay_text(write_kit: Any) -> None:
    kit = titled_kit(HOSTILE, write_kit)
    out = render_as(DocumentList(select(kit), "t"), "csv", False)
    assert isinstance(out, str)
    rows = list(csv.reader(io.StringIO(out)))
    assert len(rows) == 37 and {len(r) for r in rows} == {len(rows[0])}
    assert rows[1][1].startswith("'=HYPERLINK")
    assert not C1_OR_ESC.search(out)


def test_markdown_structure_cannot_be_changed_by_kit_text(write_kit: Any) -> None:
    kit = titled_kit(HOSTILE, write_kit)
    out = render_as(DocumentList(select(kit), "Titre"), "md", False)
    assert isinstance(out, str)
    lines = out.splitlines()
    assert sum(bool(re.match(r"\d+\. ", line)) for line in lines) == 36
    assert [line for line in lines if line.startswith("#")] == [
        "# Titre",
        "## Cadre de référence",
        "## Illustrations",
        "## Méthode",
        "## Boîte à outils",
    ]
    assert "<script>" not in out and "\\<script\\>" in out
    assert not C1_OR_ESC.search(out)


def test_plain_text_is_one_line_per_document(write_kit: Any) -> None:
    kit = titled_kit(HOSTILE, write_kit)
    out = render_as(DocumentList(select(kit), "t"), "table", False)
    assert isinstance(out, str)
    assert len(out.splitlines()) == 37
    assert not C1_OR_ESC.search(out)


def test_rich_table_shows_markup_as_text(write_kit: Any) -> None:
    kit = titled_kit(HOSTILE, write_kit)
    table = render_as(DocumentList(select(kit), "t"), "table", True)
    console = Console(file=io.StringIO(), width=400, color_system=None, force_terminal=True)
    console.print(table)
    shown = console.file.getvalue()  # type: ignore[attr-defined]
    assert "[bold red]rouge[/]" in shown
    assert "\x1b" not in shown and "\x9b" not in shown and "\u202e" not in shown


def test_show_panel_shows_markup_as_text(write_kit: Any) -> None:
    kit = titled_kit(HOSTILE, write_kit)
    panel = render_as(DocumentDetail(kit, kit.documents[0]), "table", True)
    console = Console(file=io.StringIO(), width=400, color_system=None, force_terminal=True)
    console.print(panel)
    shown = console.file.getvalue()  # type: ignore[attr-defined]
    assert "[bold red]rouge[/]" in shown and "\x1b" not in shown


BASE = load_kit()
OWASP_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.text(min_size=1, max_size=60))
def test_any_title_round_trips_in_every_format(title: str) -> None:
    doc = BASE.documents[0].model_copy(update={"title": title})
    kit = BASE.model_copy(update={"documents": (doc, *BASE.documents[1:])})
    selection = select(kit)
    as_json = render_as(DocumentList(selection, "t"), "json", False)
    assert isinstance(as_json, Utf8)
    assert json.loads(as_json.decode())[0]["title"] == title
    assert not C1_OR_ESC.search(as_json.decode())
    as_csv = render_as(DocumentList(selection, "t"), "csv", False)
    assert isinstance(as_csv, str)
    rows = list(csv.reader(io.StringIO(as_csv)))
    assert len(rows) == 37
    shown = strip_unsafe(title)
    cell = rows[1][1]
    # The spec, not the code's list: OWASP's CSV injection triggers never start a cell, and the text is
    # kept whole, at most behind one quote.
    assert not cell.startswith(OWASP_TRIGGERS)
    assert cell in (shown, "'" + shown)
    as_md = render_as(DocumentList(selection, "t"), "md", False)
    assert isinstance(as_md, str)
    assert sum(bool(re.match(r"\d+\. ", line)) for line in as_md.splitlines()) == 36
    plain = render_as(DocumentList(selection, "t"), "table", False)
    assert isinstance(plain, str)
    assert len(plain.splitlines()) == 37
