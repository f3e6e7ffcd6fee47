"""The rich tables keep their titles readable at every terminal width."""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from rich.table import Table

from coconstruct_cli.model import Kit
from coconstruct_cli.queries import select
from coconstruct_cli.render.table import documents_table


@pytest.mark.parametrize("width", [70, 80, 100, 120, 140, 159, 160, 200, 300])
def test_the_title_column_never_shrinks_below_readable(kit: Kit, width: int) -> None:
    path = next(p for p in kit.paths if p.id == "animate")
    table = documents_table(select(kit, path=path), "T", width)
    assert isinstance(table, Table), width  # 70 columns and more hold the table
    console = Console(width=width, file=io.StringIO(), color_system=None)
    widths = table._calculate_column_widths(console, console.options.update_width(width))
    assert widths[1] >= min(24, width // 3), (width, widths)
    assert sum(widths) <= width


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("width", [30, 40, 52, 60, 69, 70, 80, 89, 90, 100, 120, 159, 160, 200])
def test_an_id_is_never_cut_and_a_narrow_screen_gets_one_document_a_block(kit: Kit, lang: str, width: int) -> None:
    """Issue 21: at 40 columns « Le RAM » and split ids; at 80, 100 and 160 ids cut mid-word."""
    from coconstruct_cli.i18n import set_lang

    set_lang(lang)
    try:
        rendered = documents_table(select(kit), "Kit", width)
        console = Console(width=width, file=io.StringIO(), color_system=None)
        console.print(rendered, crop=False)
        assert isinstance(console.file, io.StringIO)
        screen = console.file.getvalue()
    finally:
        set_lang("fr")
    lines = screen.splitlines()
    for document in kit.documents:  # each id whole on one line, never folded nor ended with « … »
        assert any(document.id in line.split() for line in lines), (document.id, width)
    assert "…" not in screen
    if width >= 90 or (width >= 70 and lang == "fr"):
        assert isinstance(rendered, Table), width
    if width < 60:
        assert not isinstance(rendered, Table), width
    if not isinstance(rendered, Table):  # stacked: number and title, a line of details, the id
        assert "\n1. " in screen and "\n   referentiel-co-construction-territoire\n" in screen
        assert all(len(line) <= width for line in lines if not any(d.id in line for d in kit.documents))
    else:
        assert all(len(line) <= width for line in lines)


def _screen(renderable: object, width: int) -> list[str]:
    console = Console(width=width, file=io.StringIO(), color_system=None)
    console.print(renderable)
    assert isinstance(console.file, io.StringIO)
    # The text of each line, without the boxes' borders.
    return [line.strip(" │╭╮╰╯─┃┏┓┗┛━") for line in console.file.getvalue().splitlines()]


# French typography (shared style): no line starts with « : ; ? ! » » nor ends with « « ».
BAD_START = ("»", ":", ";", "?", "!")


@pytest.mark.parametrize("width", [40, 52, 60, 71, 80, 97, 120])
def test_a_terminal_line_never_starts_or_ends_on_a_french_mark(kit: Kit, width: int) -> None:
    from coconstruct_cli.formats import Medium
    from coconstruct_cli.render import render
    from coconstruct_cli.results import AboutKit, DocumentList

    lines: list[str] = []
    for result in (AboutKit(kit), DocumentList(select(kit), "Kit")):
        lines += _screen(render(result, Medium.RICH, width=width), width)
    assert sum("«" in line for line in lines) > 10  # the kit's text has guillemets to keep together
    assert not [line for line in lines if line.startswith(BAD_START) or line.endswith("«")], width


def test_rich_still_wraps_between_words_and_keeps_non_breaking_spaces_inside(kit: Kit) -> None:
    from coconstruct_cli.render.table import plain

    text = "Le MOOC « Les partenariats qui changent le monde » : un guide ; vraiment ? oui !"
    for width in range(14, 90):
        lines = _screen(plain(text), width)
        assert " ".join(line.strip() for line in lines).replace("\u00a0", " ") == text, width
        assert not [line for line in lines if line.startswith(BAD_START) or line.rstrip().endswith("«")], width
        assert all(len(line) <= width for line in lines)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("width", [60, 80, 120])
def test_a_document_s_title_is_shown_whole_at_any_width(kit: Kit, lang: str, width: int) -> None:
    # rich cuts a panel's title at the border: a title longer than the border opens the panel instead.
    from coconstruct_cli.formats import Medium
    from coconstruct_cli.i18n import pick, set_lang
    from coconstruct_cli.render import render
    from coconstruct_cli.results import DocumentDetail

    set_lang(lang)
    try:
        for document in kit.documents:
            screen = " ".join(_screen(render(DocumentDetail(kit, document), Medium.RICH, width=width), width))
            words = " ".join(screen.split()).replace("\u00a0", " ")
            assert " ".join(pick(document.title, document.title_en).split()) in words, (document.id, width)
    finally:
        set_lang("fr")


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("width", [100, 110, 120, 140, 160, 200])
def test_a_plan_s_titles_stand_apart_from_their_ids(kit: Kit, lang: str, width: int) -> None:
    """Issue 18, item 7: at 100 columns and more a start title never runs into its id; a title that fills
    its column (« … Communauté de commune de rex-charenton-saint-maurice » at 120) is two spaces away."""
    from coconstruct_cli.guide import Answers, resolve_answers
    from coconstruct_cli.i18n import set_lang
    from coconstruct_cli.plan import build_plan
    from coconstruct_cli.render.table import plan_view

    set_lang(lang)
    try:
        answers = Answers("public", "animate", "method", "Nous voulons lancer un dialogue territorial")
        plan = build_plan(kit, resolve_answers(kit, answers))
        lines = _screen(plan_view(kit, plan, width), width)
    finally:
        set_lang("fr")
    for item in plan.items:
        ident = item.document.id
        shown = [line for line in lines if f" {ident} " in f"{line} "]
        assert shown, (ident, width)
        for line in shown:
            before = line[: line.index(ident)]
            assert before.endswith("  "), (line, width)
