"""Markdown lists read by real parsers: pandoc in CommonMark and in GitHub-flavoured Markdown (issue 14 item 8).

The documents of `kit path` and `kit list` are ordered lists, one per category, whose numbers are the
reading-order numbers (`kit show PATH:N`), as the guide's plan numbers them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from typing import Any

import pytest

from coconstruct_cli import i18n
from coconstruct_cli.formats import Medium
from coconstruct_cli.loader import load_kit
from coconstruct_cli.model import Kit
from coconstruct_cli.names import resolve_in_path
from coconstruct_cli.queries import Selection, reading_numbers, select
from coconstruct_cli.render.markdown import categories_md, documents_md, paths_md

DIALECTS = ("commonmark", "gfm")

needs_pandoc = pytest.mark.skipif(
    shutil.which("pandoc") is None and not os.environ.get("CI"), reason="pandoc is not installed (.ci/run installs it)"
)


@pytest.fixture(scope="module")
def kit() -> Kit:
    return load_kit()


def blocks(markdown: str, dialect: str) -> list[dict[str, Any]]:
    """The document as pandoc reads it in `dialect`: its top-level blocks (pandoc's JSON)."""
    done = subprocess.run(
        ["pandoc", "-f", dialect, "-t", "json"], input=markdown, capture_output=True, text=True, check=True, timeout=60
    )
    found: list[dict[str, Any]] = json.loads(done.stdout)["blocks"]
    return found


def text(inlines: list[dict[str, Any]]) -> str:
    """The plain text of pandoc inlines."""
    out = []
    for node in inlines:
        kind, content = node["t"], node.get("c")
        if kind == "Str":
            out.append(content)
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            out.append(" ")
        elif kind == "Code":
            out.append(content[1])
        elif kind in ("Strong", "Emph", "Quoted"):
            out.append(text(content if kind != "Quoted" else content[1]))
    return "".join(out)


def code_of(item: list[dict[str, Any]]) -> str:
    """The `id` written in backticks in a list item."""
    (plain,) = item
    codes = [node["c"][1] for node in plain["c"] if node["t"] == "Code"]
    return codes[-1]


def numbered_ids(found: list[dict[str, Any]]) -> list[tuple[int, str]]:
    """(number, document id) for every item of every ordered list, with the number a reader sees."""
    out = []
    for block in found:
        assert block["t"] != "BulletList", "documents are numbered"
        if block["t"] == "OrderedList":
            (start, _, _), items = block["c"]
            out.extend((start + i, code_of(item)) for i, item in enumerate(items))
    return out


def headings(found: list[dict[str, Any]], level: int) -> list[str]:
    return [text(b["c"][2]) for b in found if b["t"] == "Header" and b["c"][0] == level]


@needs_pandoc
@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_path_is_numbered_in_its_reading_order(kit: Kit, dialect: str, lang: str) -> None:
    i18n.set_lang(lang)
    for path in kit.paths:
        selection = select(kit, path=path)
        found = blocks(documents_md(selection, "Parcours"), dialect)
        numbered = numbered_ids(found)
        assert [doc_id for _, doc_id in numbered] == [d.id for d in selection.documents]
        for number, doc_id in numbered:
            assert resolve_in_path(kit, path, str(number)).id == doc_id  # `kit show PATH:N` is that document
        # One ordered list per category, under the category's heading.
        lists = [b for b in found if b["t"] == "OrderedList"]
        assert len(lists) == len(headings(found, 2))


@needs_pandoc
@pytest.mark.parametrize("dialect", DIALECTS)
def test_the_animate_path_starts_its_method_list_at_seven(kit: Kit, dialect: str) -> None:
    path = next(p for p in kit.paths if p.id == "animate")
    markdown = documents_md(select(kit, path=path), "Parcours")
    assert "\n7. **Se former aux enjeux" in markdown
    found = blocks(markdown, dialect)
    starts = [b["c"][0][0] for b in found if b["t"] == "OrderedList"]
    assert starts[:3] == [1, 2, 7]


@needs_pandoc
@pytest.mark.parametrize("dialect", DIALECTS)
def test_a_filtered_list_keeps_the_numbers_and_shows_its_gaps(kit: Kit, dialect: str) -> None:
    whole = select(kit)
    numbers = reading_numbers(whole)
    # Every other document: each category's list has gaps, and each number must still be the document's own.
    chosen = Selection(kit, whole.documents[::2])
    numbered = numbered_ids(blocks(documents_md(chosen, "Kit"), dialect))
    assert numbered == [(numbers[d.id], d.id) for d in chosen.documents]
    assert numbered[1][0] == 3


@needs_pandoc
@pytest.mark.parametrize("dialect", DIALECTS)
def test_the_whole_list_is_numbered_from_one_to_the_end(kit: Kit, dialect: str) -> None:
    numbered = numbered_ids(blocks(documents_md(select(kit), "Kit"), dialect))
    assert [n for n, _ in numbered] == list(range(1, len(kit.documents) + 1))


@needs_pandoc
@pytest.mark.parametrize("dialect", DIALECTS)
def test_paths_and_categories_read_as_written(kit: Kit, dialect: str) -> None:
    i18n.set_lang("fr")
    found = blocks(paths_md(kit), dialect)
    assert headings(found, 1) == ["Parcours"]
    assert [h.rsplit(" (", 1)[1] for h in headings(found, 2)] == [f"{p.id}, {p.alias})" for p in kit.paths]
    paragraphs = [text(b["c"]) for b in found if b["t"] == "Para"]
    assert f"{len(kit.paths[0].documents)} documents" in paragraphs
    found = blocks(categories_md(kit), dialect)
    assert headings(found, 1) == ["Catégories de documents"]
    assert len(headings(found, 2)) == len(kit.categories)
    bullets = [[text(item[0]["c"]) for item in b["c"]] for b in found if b["t"] == "BulletList"]
    assert bullets == [[s.label for s in c.subcategories] for c in kit.categories if c.subcategories]


def test_numbers_follow_the_path_when_the_list_is_filtered_by_one(kit: Kit) -> None:
    path = kit.paths[1]
    in_path = select(kit, path=path)
    numbers = reading_numbers(Selection(kit, in_path.documents[-2:], path))
    assert sorted(numbers.values())[-1] == len(in_path.documents)
    assert numbers[in_path.documents[-1].id] == len(in_path.documents)


def test_the_reading_number_reads_as_a_number_before_a_title_that_starts_with_one(kit: Kit) -> None:
    """« - **2** **2 études territoriales…** » was read « 2 2 études » once rendered: now « n° 2 — 2 études »."""
    from coconstruct_cli.guide import Answers
    from coconstruct_cli.plan import build_plan
    from coconstruct_cli.render import render
    from coconstruct_cli.results import PlanResult

    plan = build_plan(kit, Answers("association", "animate", "all"))
    text = render(PlanResult(plan), Medium.MD)
    assert "- n°\u00a02 — **2 études territoriales" in text
    assert not re.search(r"^- \*\*\d+\*\*", text, flags=re.M)


def test_kit_text_in_markdown_and_the_linear_view_has_french_spaces(kit: Kit) -> None:
    """Issue 22: the kit's own « Agir Ensemble sur le territoire » and « territoire : le Labo » broke at their
    spaces in Markdown and in `--plain` (read back from it), while the terminal and HTML kept them."""
    from coconstruct_cli.render import render
    from coconstruct_cli.render.linear import linear
    from coconstruct_cli.results import DocumentDetail
    from conftest import doc

    md = str(render(DocumentDetail(kit, doc(kit, "film-3-exemples")), Medium.MD))
    for out in (md, linear(md)):
        assert "«\u00a0Agir Ensemble sur le territoire\u00a0»" in out
        assert "co-construction en territoire\u00a0: le Labo" in out
        assert "« Agir" not in out and "territoire : le" not in out
