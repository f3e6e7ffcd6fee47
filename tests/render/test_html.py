"""HTML pages: well-formed, self-contained, inert kit text, the same documents as JSON, and a real browser."""

from __future__ import annotations

import datetime
import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from coconstruct_cli import guide, i18n, search
from coconstruct_cli import plan as plans
from coconstruct_cli.cli.app import app
from coconstruct_cli.i18n import MESSAGES, t
from coconstruct_cli.loader import load_kit
from coconstruct_cli.model import Kit
from coconstruct_cli.queries import select
from coconstruct_cli.render import html
from coconstruct_cli.render.common import href
from coconstruct_cli.results import DocumentList
from conftest import invoke, render_as, spaced

DAY = datetime.date(2026, 11, 1)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
HOSTILE = '<script>alert(1)</script> "><img src=x onerror=alert(1)> &amp; \x1b[31m\x07\x9b\u202eevil\u202c end'
SHOWN = '<script>alert(1)</script> "><img src=x onerror=alert(1)> &amp; [31mevil end'
"""HOSTILE as a reader must see it: every character kept as text, controls and bidi overrides removed."""
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
LOOSE = re.compile(r"[ \t\r\n][:;?!»]|«[ \t\r\n]")
"""A breakable space before « : ; ? ! » » or after « « »: where a line could start with « : » or end on « « »."""


class Page(HTMLParser):
    """Parses a page strictly: every non-void tag closed in order, and what a test needs collected."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.lang: str | None = None
        self.texts: list[str] = []
        self.ids: list[str] = []
        self.titles: list[str] = []
        self.style = ""
        self.headless_sections = 0
        self._sections: list[bool] = []
        self._capture: tuple[str, int] | None = None
        self._buffer: list[str] = []
        self.feed(text)
        self.close()
        if self.stack:
            self.errors.append(f"never closed: {self.stack}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)
        classes = (dict(attrs).get("class") or "").split()
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        if tag == "section":
            self._sections.append(False)
        if tag in ("h2", "h3", "h4", "h5", "h6") and self._sections:
            self._sections[-1] = True
        if tag in VOID:
            return
        self.stack.append(tag)
        if self._capture is None and (tag == "td" and "id" in classes or tag == "span" and "doc-title" in classes):
            self._capture = ("id" if tag == "td" else "title", len(self.stack))
            self._buffer = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.errors.append(f"self-closed <{tag}/>")
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            self.errors.append(f"end tag for void <{tag}>")
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        if tag == "section" and not self._sections.pop():
            self.headless_sections += 1
        if self._capture is not None and self._capture[1] == len(self.stack):
            text = spaced("".join(self._buffer).strip())
            if text:  # a sub-heading row keeps an empty id cell
                (self.ids if self._capture[0] == "id" else self.titles).append(text)
            self._capture = None
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == "style":
            self.style += data
            return
        self.texts.append(data)
        if self._capture is not None:
            self._buffer.append(data)

    @property
    def raw(self) -> str:
        """The page's text as written, non-breaking spaces included."""
        return "".join(self.texts)

    @property
    def text(self) -> str:
        """The page's text with its non-breaking spaces read as spaces, to find a kit text in it."""
        return spaced(self.raw)


KIT_LINKS = {href(link.url) for form in load_kit().about.forms for link in form.example.see_also} | {
    href(link.url) for document in load_kit().documents for link in document.links
}


def check_page(text: str, lang: str) -> Page:
    """Parse `text` and assert every property every page must have."""
    page = Page(text)
    assert text.startswith("<!DOCTYPE html>\n")
    assert page.errors == []
    assert page.tags.count("html") == page.tags.count("head") == page.tags.count("body") == 1
    assert page.lang == lang
    assert "script" not in page.tags and "link" not in page.tags and "img" not in page.tags
    for name, value in page.attrs:
        assert not name.startswith("on"), name
        if name in ("src", "href", "action", "srcset"):
            # The one way out of a page: a web address the kit file gives in a link field (the seed's footnotes).
            assert not re.match(r"\s*(https?:)?//", value or "") or (name == "href" and value in KIT_LINKS), value
    assert "url(" not in page.style and "@import" not in page.style
    assert "@media print" in page.style and "size: A4" in page.style
    assert "counter(page)" in page.style and "@bottom-left" in page.style  # page numbers, running title
    assert page.headless_sections == 0  # the Nu validator's « Section lacks heading »
    assert "overflow-x" not in page.style and "table-wrap" not in text  # nothing scrolls sideways
    assert not LOOSE.search(page.raw), LOOSE.search(page.raw)
    assert 'name="viewport"' in text and '<meta charset="utf-8">' in text
    assert not CONTROLS.search(text)
    return page


def plan_for(kit: Kit, role: str = "facilitator", goal: str = "animate", need: str = "method") -> plans.Plan:
    return plans.build_plan(kit, guide.Answers(role, goal, need))


def every_page(kit: Kit) -> dict[str, str]:
    """One page of each kind, in the current language."""
    result = search.search(kit.documents, "partenariat entreprise", english=i18n.get_lang() == "en")
    return {
        "list": html.documents_html(select(kit), kit.about.title, DAY),
        "path": html.documents_html(select(kit, path=kit.paths[1]), "Parcours", DAY),
        "empty": html.documents_html(select(kit, audience="media"), "Rien", DAY),
        "plan": html.plan_html(plan_for(kit), DAY),
        "plan-nothing-for-you": html.plan_html(plan_for(kit, "media", "unsure"), DAY),
        "about": html.about_html(kit, DAY),
        "search": html.search_html(result.query, result.hits, DAY, result.matched),
        "search-empty": html.search_html("zzzz", (), DAY),
        "paths": html.paths_html(kit, DAY),
        "categories": html.categories_html(kit, DAY),
    }


# --- the page itself -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_page_is_well_formed_and_self_contained(kit: Kit, lang: i18n.Lang) -> None:
    i18n.set_lang(lang)
    for name, text in every_page(kit).items():
        try:
            check_page(text, lang)
        except AssertionError as exc:
            raise AssertionError(f"page {name!r} ({lang}): {exc}") from exc


def test_the_checker_sees_broken_markup() -> None:
    assert Page("<html><body><p><b></p></b></body></html>").errors
    assert Page("<html><body><div>").errors
    assert Page("<html><body><br></br></body></html>").errors


def test_page_shell_escapes_its_title_and_meta() -> None:
    text = html.page("<b>T</b>", "<p>corps</p>\n", [("Qui <i>", "Quoi & <u>")])
    page = check_page(text, "fr")
    assert "<b>" not in text and "&lt;b&gt;T&lt;/b&gt;" in text
    assert "Qui <i>" in page.text and "Quoi & <u>" in page.text
    assert "Kit « co-construction territoriale » — Le RAMEAU" in page.text
    assert "coconstruct-cli" in page.text


def test_the_date_is_told_in_the_page_language() -> None:
    assert html.date_text(DAY) == "1er novembre 2026"
    assert html.date_text(datetime.date(2025, 8, 15)) == "15 août 2025"
    i18n.set_lang("en")
    assert html.date_text(DAY) == "1 November 2026"


def test_html_keys_exist_in_both_languages() -> None:
    keys = [k for k in MESSAGES if k.startswith("html.")]
    assert set(keys) >= {"html.kit_name", "html.made_by", "html.months", "html.first_day", "html.date", "html.french_title"}
    assert all(fr and en for fr, en in (MESSAGES[k] for k in keys))
    assert len(MESSAGES["html.months"][0].split()) == len(MESSAGES["html.months"][1].split()) == 12


def test_english_page_keeps_the_french_titles_beside_the_english(kit: Kit) -> None:
    i18n.set_lang("en")
    text = html.documents_html(select(kit), kit.about.title, DAY)
    page = check_page(text, "en")
    documents = select(kit).documents
    assert page.titles == [d.title_en or d.title for d in documents]
    assert all(d.title in page.text for d in documents)
    assert text.count("French title:") == text.count('<i lang="fr">') == sum(1 for d in documents if d.title_en) > 30


def test_plan_page_has_the_answers_the_start_and_the_marked_rows(kit: Kit) -> None:
    plan = plan_for(kit, "company", "support", "toolbox")
    text = html.plan_html(plan, DAY)
    page = check_page(text, "fr")
    for shown in ("Vous êtes", "Une entreprise", "Objectif", "D'abord", "1er novembre 2026", "Pour commencer", "Pourquoi"):
        assert shown in page.text
    assert spaced(plans.start_line(plan)) in page.text
    assert text.count('<tr class="highlight">') == len(plan.highlights) > 0
    for item in plan.items:
        assert spaced(item.why if item.start else (item.reason or item.concern)) in page.text
    start = [i.document.id for i in plan.start]
    assert page.ids == start + [d["id"] for d in plans.plan_data(plan)["documents"] if d["id"] not in start]
    assert "kit show accompagner:<n° ou identifiant>" in page.text


def test_plan_without_a_document_for_the_role_says_why_and_has_no_empty_column(kit: Kit) -> None:
    plan = plan_for(kit, "media", "unsure")
    page = check_page(html.plan_html(plan, DAY), "fr")
    assert "Pour vous" not in page.text
    for note in plans.notes(plan):
        assert spaced(note) in page.text


def test_about_page_holds_the_kit_background(kit: Kit) -> None:
    about = kit.about
    page = check_page(html.about_html(kit, DAY), "fr")
    assert "Ce que la source ne contient pas" in page.text
    for text in (about.summary, about.genesis, about.partners, *about.objectives, *about.gaps):
        assert text is not None and spaced(text) in page.text
    for form in about.forms:
        assert spaced(form.definition) in page.text and spaced(form.example.title) in page.text
        assert form.example.source is None or spaced(form.example.source) in page.text
    for figure in about.figures:
        assert spaced(figure.value) in page.text and spaced(figure.measure) in page.text
    for work in about.research:
        assert spaced(work.title) in page.text and all(spaced(item) in page.text for item in work.items)


def test_search_page_marks_the_words_found(kit: Kit) -> None:
    result = search.search(kit.documents, "partenariat entreprise")
    text = html.search_html(result.query, result.hits, DAY, result.matched)
    page = check_page(text, "fr")
    assert page.ids == [h.document.id for h in result.hits]
    assert "<mark>" in text
    assert "Recherche « partenariat entreprise »" in page.text
    assert f"{len(result.hits)} documents, les plus pertinents d'abord" in page.text


def test_search_page_tells_the_words_read_as_typos(kit: Kit) -> None:
    result = search.search(kit.documents, "silvr")
    notes = [f"« {term.word} » lu comme « {', '.join(term.read_as)} »" for term in result.terms if term.read_as]
    assert notes and result.hits
    page = check_page(html.search_html(result.query, result.hits, DAY, result.matched, notes), "fr")
    assert notes[0] in page.text


# --- French typography, tables, print --------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_program_and_kit_text_keep_french_marks_with_their_words(kit: Kit, lang: i18n.Lang) -> None:
    i18n.set_lang(lang)
    spaced = set()
    for name, text in every_page(kit).items():
        page = Page(text)
        assert not LOOSE.search(page.raw), (name, LOOSE.search(page.raw))
        if "\u00a0:" in page.raw:
            spaced.add(name)
    # French text puts a space before its colons, and it cannot break (on English pages too, in French titles).
    assert spaced >= {"plan", "about", "path", "list"}


def test_subcategories_head_their_own_row_groups(kit: Kit) -> None:
    text = html.documents_html(select(kit), kit.about.title, DAY)
    assert 'scope="colgroup"' not in text
    groups = re.findall(r"<tbody>\n(.*?)</tbody>", text, re.S)
    headed = [g for g in groups if 'scope="rowgroup"' in g]
    labels = {s.label for c in kit.categories for s in c.subcategories}
    assert len(headed) == len({(d.category, d.subcategory) for d in kit.documents if d.subcategory}) >= 6
    for group in headed:
        first, *rest = group.splitlines()
        match = re.fullmatch(r'<tr class="sub"><th class="sub" colspan="(\d+)" scope="rowgroup">(.*)</th></tr>', first)
        assert match is not None, first
        assert int(match[1]) == 6  # N°, title, authors, year, kind, id: the row spans the whole table
        assert match[2].replace("\u00a0", " ") in labels
        assert rest and all(row.startswith("<tr") and 'scope="rowgroup"' not in row for row in rest)
    assert sum(g.count('<td class="id"') for g in groups) == 36


def test_a_document_outside_any_subcategory_is_not_in_the_group_before_it(kit: Kit) -> None:
    method = [d for d in kit.documents if d.subcategory is not None][:2]
    loose = method[0].model_copy(update={"subcategory": None})
    rows = [html.Row(1, method[0]), html.Row(2, loose), html.Row(3, method[1])]
    groups = re.findall(r"<tbody>\n(.*?)</tbody>", html.documents_table(kit, rows), re.S)
    assert [g.count('<td class="num"') for g in groups] == [1, 1, 1]
    assert 'scope="rowgroup"' in groups[0] and 'scope="rowgroup"' not in groups[1] and 'scope="rowgroup"' in groups[2]


@pytest.mark.parametrize(("lang", "shown", "hidden"), [("fr", "animer", "animate"), ("en", "animate", "animer")])
def test_plan_heading_names_the_path_as_the_reader_types_it(kit: Kit, lang: i18n.Lang, shown: str, hidden: str) -> None:
    i18n.set_lang(lang)
    text = html.plan_html(plan_for(kit), DAY)
    headings = re.findall(r"<h2>(.*?)</h2>", text)
    assert f"<code>{shown}</code>" in headings[0]
    assert not any(hidden in h for h in headings)


def test_the_reason_for_you_is_printed_under_the_title(kit: Kit) -> None:
    plan = plan_for(kit, "company", "support", "toolbox")
    text = html.plan_html(plan, DAY)
    notes = [spaced(unescape(n)) for n in re.findall(r'<span class="reason-inline">(.*?)</span>', text)]
    # The start set's « pourquoi », then, for the rest, what ties a document to the reader.
    said = lambda i: i.concern and i.concern not in i.why  # noqa: E731 - a concern the « pourquoi » does not quote
    whys = [spaced(i.why + (f"<br>{t('plan.concern', reading=i.concern)}" if said(i) else "")) for i in plan.start]
    ties = [
        spaced(f"★ {t('html.for_you_note', reason=i.reason)}" if i.highlight else f"◆ {t('plan.concern', reading=i.concern)}")
        for i in plan.rest
        if i.highlight or i.concern
    ]
    assert notes[: len(whys)] == whys and notes[len(whys) :] == ties
    # On paper the column goes, the notes show: the print CSS says so.
    style = Page(text).style
    print_css = style[style.index("@media print") :]
    assert re.search(r"[^{}]*\.docs td\.for-you[^{}]*\{ display: none; \}", print_css)
    assert re.search(r"[^{}]*\.reason-inline[^{}]*\{ display: block; \}", print_css)


def test_the_running_title_cannot_leave_its_style_element() -> None:
    title = 'Fin</style><script>alert(1)</script> "x" \\ « y »'
    text = html.page(title, "<p>corps</p>\n")
    page = check_page(text, "fr")
    assert text.count("</style>") == 2 and "<script" not in text.lower()
    footer = re.search(r"@bottom-left \{ content: (\"[^\"]*\")", page.style)
    assert footer is not None
    decoded = re.sub(r"\\([0-9a-f]+) ", lambda m: chr(int(m[1], 16)), footer[1][1:-1])
    assert decoded == html.french_spaces(title)


# --- hostile kit text ----------------------------------------------------------------------------


def hostile_page(data: dict[str, Any]) -> None:
    """Put HOSTILE in every kind of kit text a page shows."""
    doc = data["documents"][0]
    doc.update(
        title=HOSTILE,
        title_en=HOSTILE,
        description=HOSTILE,
        description_en=HOSTILE,
        kind=HOSTILE,
        gives=HOSTILE,
        gives_en=HOSTILE,
    )
    doc["authors"] = [HOSTILE]
    doc["date"] = HOSTILE
    doc["written_for"] = [{"role": "facilitator", "quote": HOSTILE, "quote_en": HOSTILE}]
    doc["concerns"] = [{"role": "company", "reading": HOSTILE, "reading_en": HOSTILE, "rests_on": HOSTILE}]
    category = data["categories"][0]
    category.update(label=HOSTILE, label_en=HOSTILE, description=HOSTILE)
    data["categories"][2]["subcategories"][0]["label"] = HOSTILE
    path = data["paths"][1]
    path.update(title=HOSTILE, title_en=HOSTILE, purpose=HOSTILE, purpose_en=HOSTILE)
    about = data["about"]
    about.update(title=HOSTILE, publisher=HOSTILE, summary=HOSTILE, genesis=HOSTILE, partners=HOSTILE)
    about["objectives"] = about["gaps"] = [HOSTILE]
    about["objectives_en"] = about["gaps_en"] = []
    about["figures"][0].update(value=HOSTILE, measure=HOSTILE)
    about["research"][0].update(title=HOSTILE, entries=[{"text": HOSTILE, "text_en": HOSTILE}])
    about["intended_for"] = about["intended_for_en"] = HOSTILE
    form = about["forms"][0]
    form.update(title=HOSTILE, also_named=HOSTILE, definition=HOSTILE)
    form["example"].update(title=HOSTILE, text=HOSTILE, source=HOSTILE)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_hostile_kit_text_shows_as_text_never_as_markup(write_kit: Callable[..., Path], lang: i18n.Lang) -> None:
    kit = load_kit(write_kit(hostile_page))
    i18n.set_lang(lang)
    pages = every_page(kit)
    pages["search-hostile"] = html.search_html(HOSTILE, search.search(kit.documents, "alert").hits, DAY)
    for name, text in pages.items():
        page = check_page(text, lang)  # no <script>, no <img>, no on* attribute, no control character
        assert "<script" not in text.lower() and "<img" not in text.lower(), name
        if name in ("list", "path", "plan", "about", "search-hostile"):
            assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text, name
            assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in text, name
            assert "&amp;amp;" in text, name
            assert SHOWN in page.text, name


def test_hostile_title_in_the_page_title_and_headings(write_kit: Callable[..., Path]) -> None:
    kit = load_kit(write_kit(hostile_page))
    page = check_page(html.about_html(kit, DAY), "fr")
    assert page.tags.count("title") == 1 and page.tags.count("h1") == 1
    assert page.text.count(SHOWN) >= 10


# --- the same documents as JSON, through the command line ----------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_kit_list_html_file_holds_the_json_documents(runner: CliRunner, tmp_path: Path, lang: str) -> None:
    code, out, _ = invoke(runner, "list", "--format", "json", "--lang", lang)
    assert code == 0
    expected = [d["id"] for d in json.loads(out)]
    target = tmp_path / "liste.html"
    code, out, err = invoke(runner, "list", "--format", "html", "-o", str(target), "--lang", lang)
    assert code == 0 and out == ""
    assert "liste.html" in err
    page = check_page(target.read_text(encoding="utf-8"), lang)
    assert page.ids == expected and len(expected) == 36


@pytest.mark.parametrize("name", ["animate", "animer", "understand", "support"])
def test_kit_path_html_holds_the_path_documents_in_order(runner: CliRunner, name: str) -> None:
    code, out, _ = invoke(runner, "path", name, "--format", "json")
    assert code == 0
    expected = [d["id"] for d in json.loads(out)]
    code, out, err = invoke(runner, "path", name, "--format", "html", raw=True)
    assert code == 0 and err == ""
    page = check_page(out, "fr")
    assert page.ids == expected
    assert [int(n) for n in re.findall(r'<td class="num" data-label="N°">(\d+)</td>', out)] == list(range(1, len(expected) + 1))


def test_kit_path_html_in_english(runner: CliRunner, kit: Kit) -> None:
    code, out, _ = invoke(runner, "path", "animate", "--format", "html", "--lang", "en", raw=True)
    assert code == 0
    page = check_page(out, "en")
    path = next(p for p in kit.paths if p.id == "animate")
    assert path.title_en is not None and path.title_en in page.text and path.title in page.text
    assert "French title:" in page.text


def test_list_html_with_no_match_still_writes_a_page(runner: CliRunner) -> None:
    code, out, err = invoke(runner, "list", "--audience", "media", "--format", "html", raw=True)
    assert code == 1
    page = check_page(out, "fr")
    assert page.ids == [] and "Aucun document ne correspond." in page.text
    assert "Aucun document ne correspond." in err


@pytest.mark.parametrize("command", ["paths", "categories"])
def test_paths_and_categories_html(runner: CliRunner, command: str) -> None:
    code, out, _ = invoke(runner, command, "--format", "html", raw=True)
    assert code == 0
    check_page(out, "fr")


def test_views_documents_html_is_dated_today(kit: Kit) -> None:
    out = render_as(DocumentList(select(kit), "Titre"), "html", True)
    assert isinstance(out, str)
    assert html.date_text(datetime.date.today()) in check_page(out, "fr").text


# --- a real browser ------------------------------------------------------------------------------


@pytest.fixture
def chromium() -> str:
    exe = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed (.ci/run installs Debian's package)")
        pytest.skip("chromium is not installed")
    return exe


def browse(chromium: str, tmp_path: Path, page: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """Run headless Chromium on a local file, isolated (fresh profile) and kept off the network."""
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    command = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        *args,
        page.as_uri(),
    ]
    result = subprocess.run(command, capture_output=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
    return result


@pytest.mark.e2e
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_plan_page_in_a_real_browser(chromium: str, tmp_path: Path, kit: Kit, lang: i18n.Lang) -> None:
    i18n.set_lang(lang)
    plan = plan_for(kit)
    source = tmp_path / f"plan-{lang}.html"
    source.write_text(html.plan_html(plan, DAY), encoding="utf-8")

    dom = browse(chromium, tmp_path, source, "--dump-dom").stdout.decode("utf-8")
    rendered = Page(dom)
    assert rendered.lang == lang
    in_order = [*plan.start, *plan.rest]  # the « Pour commencer » set first, then the rest of the path
    assert rendered.titles == [i18n.pick(i.document.title, i.document.title_en) for i in in_order]
    assert rendered.ids == [i.document.id for i in in_order]
    if lang == "en":
        assert all(i.document.title in rendered.text for i in plan.items)
    assert "script" not in rendered.tags

    shot = tmp_path / "page.png"
    browse(chromium, tmp_path, source, f"--screenshot={shot}", "--window-size=1280,2000")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # a blank page compresses to a few kB

    pdf = tmp_path / "page.pdf"
    browse(chromium, tmp_path, source, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and len(data) > 10_000
    assert re.search(rb"/MediaBox \[0 0 59[45]\.?\d* 84[12]\.?\d*\]", data)  # A4: 210 x 297 mm in points


@pytest.mark.e2e
def test_hostile_page_runs_nothing_in_a_real_browser(chromium: str, tmp_path: Path, write_kit: Callable[..., Path]) -> None:
    kit = load_kit(write_kit(hostile_page))
    source = tmp_path / "hostile.html"
    source.write_text(html.documents_html(select(kit), kit.about.title, DAY), encoding="utf-8")
    dom = browse(chromium, tmp_path, source, "--dump-dom").stdout.decode("utf-8")
    rendered = Page(dom)
    assert "script" not in rendered.tags and "img" not in rendered.tags
    assert rendered.titles[0] == SHOWN


def test_french_fallback_text_of_an_english_page_is_marked_french(runner: CliRunner, write_kit: Any) -> None:
    """A kit without English texts: on an English page, screen readers must read its French as French."""

    def edit(data: dict[str, Any]) -> None:
        for document in data["documents"]:
            for name in [n for n in document if n.endswith("_en")]:
                del document[name]

    path = write_kit(edit)
    result = runner.invoke(app, ["list", "--kit", str(path), "--lang", "en", "--format", "html"])
    assert result.exit_code == 0, result.stderr
    page = result.stdout
    first = load_kit(path).documents[0]
    assert page.count('<span lang="fr">') >= 36
    assert re.search(r'<span lang="fr">[^<]*' + re.escape(first.title.split("«")[0].strip()[:20]), unescape(page))


def test_the_start_set_never_says_the_same_reading_twice(kit: Kit) -> None:
    """Issue 21, item 15: the « pourquoi » quoted the reading, then « Vous concerne » said it again."""
    plan = plan_for(kit, "public", "animate", "method")
    assert any(i.concern and i.concern in i.why for i in plan.start)  # the case the page must not repeat
    text = html.plan_html(plan, DAY)
    for note in re.findall(r'<td class="for-you" data-label="[^"]*">(.*?)</td>', text):
        parts = [spaced(unescape(p)) for p in note.split("<br>")]
        readings = [i.concern for i in plan.start if i.concern and spaced(i.concern) in parts[0]]
        assert not any(spaced(r) in part for r in readings for part in parts[1:]), parts
