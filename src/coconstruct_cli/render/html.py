"""HTML pages: one self-contained HTML5 document per result, for a browser, a phone or an A4 printer.

Inline CSS, no script, no external asset and no link to the network, so that the file can be mailed
and opened anywhere, offline. Every text, the kit's and the program's, enters through `esc`:
control and bidi characters removed (`text.strip_unsafe`), then `html.escape`, so a title holding
`<script>` shows as text. Each function returns the whole page as a str; `generated` is a parameter
(never `today()` here) so that a page is a pure function of its inputs.
"""

from __future__ import annotations

import datetime
import html
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, assert_never

from .. import __version__, results
from .. import plan as plans
from ..guide import goal_title, need_title
from ..i18n import MESSAGES, colon, get_lang, pick, t
from ..queries import Selection, documents_in, groups, reading_numbers, subcategory, when
from ..text import french_spaces, strip_unsafe
from .common import (
    Block,
    Line,
    about_outline,
    document_outline,
    href,
    next_groups,
    pointer_lines,
    purpose_source,
    read_as,
    record_lines,
    search_notes,
)

if TYPE_CHECKING:
    from ..model import Category, Document, Kit
    from ..plan import Plan
    from ..search import Hit, Marked

GENERATOR = f"coconstruct-cli {__version__}"
STAR = "★"

CSS = """
:root { color-scheme: light; --ink: #1c2126; --muted: #57606a; --line: #d0d7de; --accent: #0b5a46;
  --mark: #fff5cc; --mark-line: #c99a06; }
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
/* Words never break inside (no hyphenation, no emergency cut): only ids and URLs may break anywhere. */
body { margin: 0; color: var(--ink); background: #fff; hyphens: manual; -webkit-hyphens: manual; overflow-wrap: normal;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif; }
.page { max-width: 80rem; margin: 0 auto; padding: 1rem clamp(0.75rem, 3vw, 2rem) 2rem; }
.masthead { border-bottom: 3px solid var(--accent); padding-bottom: 0.75rem; margin-bottom: 1.25rem; }
.kit-name { margin: 0; color: var(--accent); font-size: 0.875rem; font-weight: 600; }
h1 { font-size: clamp(1.4rem, 4vw, 2rem); line-height: 1.2; margin: 0.25rem 0 0.5rem; }
h2 { font-size: 1.3rem; line-height: 1.25; margin: 2rem 0 0.4rem; color: var(--accent); }
h3 { font-size: 1.1rem; line-height: 1.3; margin: 1.25rem 0 0.25rem; }
h4 { font-size: 1rem; margin: 0 0 0.25rem; }
p { margin: 0.4rem 0; }
code { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.85em;
  overflow-wrap: anywhere; }
.meta { display: flex; flex-wrap: wrap; gap: 0.2rem 1.5rem; margin: 0; }
.meta div { display: flex; gap: 0.35em; }
.meta dt { font-weight: 600; white-space: nowrap; }
.meta dd { margin: 0; }
:lang(fr) .meta dt::after { content: "\\a0:"; }
:lang(en) .meta dt::after { content: ":"; }
.lead { font-size: 1.05rem; }
.muted, .category-desc, .desc, .title-fr, .also, .source { color: var(--muted); }
.category-desc { margin-top: 0; }
.start-rule { font-style: italic; }
.note { border-left: 4px solid var(--mark-line); padding: 0.25rem 0.75rem; background: var(--mark); }
table { width: 100%; border-collapse: collapse; font-size: 0.95rem; }
th, td { text-align: left; vertical-align: top; padding: 0.5rem 0.6rem; border-bottom: 1px solid var(--line); }
thead th { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.03em; color: var(--muted);
  border-bottom: 2px solid var(--ink); white-space: nowrap; }
th.sub { font-size: 0.85rem; font-weight: 600; color: var(--accent); padding-top: 0.9rem; }
td.num { text-align: right; white-space: nowrap; color: var(--muted); font-variant-numeric: tabular-nums; }
/* Automatic layout: a column is never narrower than its longest word, so nothing is cut or clipped;
   the widths are what each column is offered, so that the tables of successive categories line up. */
.docs th.num, .docs th.year { width: 1%; }
.docs td.num, .docs td.year { white-space: nowrap; }
.docs th.authors { width: 11%; }
.docs th.kind { width: 10%; }
.docs th.for-you, .docs th.match { width: 17%; }
.docs th.id { width: 12%; }
/* An id breaks after its hyphens; `anywhere` (set on code) only if one part is wider than its column. */
.docs td.id code { overflow-wrap: break-word; }
/* Number and year shrink to their content and the title takes what is left; on a wide screen, a table
   without a reason column has room for every id on one line. */
@media screen and (min-width: 75.01rem) {
  .docs:not(:has(th.for-you, th.match)) td.id code { white-space: nowrap; }
}
.id-inline, .reason-inline { display: none; }
.doc-title { display: block; font-weight: 600; }
.title-fr { display: block; font-size: 0.9rem; }
.desc { display: block; font-size: 0.85rem; margin-top: 0.2rem; }
tr.highlight td { background: var(--mark); }
tr.highlight td:first-child { border-left: 4px solid var(--mark-line); }
tr.highlight td.num { color: var(--ink); font-weight: 600; }
td.for-you, td.match { font-size: 0.9rem; }
td.match .fields { display: block; font-weight: 600; }
mark { background: var(--mark); color: inherit; font-weight: 600; }
.form { margin-bottom: 1.5rem; }
.also { font-style: italic; }
.example { border-left: 3px solid var(--accent); padding: 0.25rem 0 0.25rem 0.9rem; margin: 0.6rem 0; }
.source { font-size: 0.85rem; }
.figures { list-style: none; padding: 0; margin: 0.5rem 0; display: grid; gap: 0.75rem;
  grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); }
.figure { border: 1px solid var(--line); border-radius: 6px; padding: 0.6rem 0.8rem; }
.figure .value { display: block; font-size: 1.4rem; font-weight: 700; color: var(--accent); }
.figure .year { color: var(--muted); }
footer { margin-top: 2.5rem; padding-top: 0.75rem; border-top: 1px solid var(--line); color: var(--muted);
  font-size: 0.85rem; }
footer p { margin: 0.15rem 0; }
/* Between cards and a wide screen, the id moves under the title (as on paper) to leave the title room. */
@media screen and (min-width: 60.01rem) and (max-width: 75rem) {
  .docs th.id, .docs td.id { display: none; }
  .docs .id-inline { display: block; }
}
/* Below 60rem a table of documents (seven columns) would scroll sideways: each document becomes a card,
   each cell a labelled line. The short tables (paths, categories) do so below 40rem only. */
@media screen and (max-width: 60rem) {
  .docs, .docs > thead, .docs > tbody, .docs tr, .docs th, .docs td { display: block; }
  .docs > thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  .docs tr { border-bottom: 1px solid var(--line); padding: 0.6rem 0 0.6rem 0.5rem; }
  .docs tr.sub { border: 0; padding: 0; }
  .docs th.sub { border: 0; padding: 0.9rem 0 0; }
  .docs td { border: 0; padding: 0.1rem 0; text-align: left; }
  .docs td.num { text-align: left; }
  .docs td:empty { display: none; }
  .docs tr.highlight td:first-child { border-left: 0; }
  .docs tr.highlight { border-left: 4px solid var(--mark-line); }
}
@media screen and (max-width: 40rem) {
  .simple, .simple > thead, .simple > tbody, .simple tr, .simple th, .simple td { display: block; }
  .simple > thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  .simple tr { border-bottom: 1px solid var(--line); padding: 0.6rem 0 0.6rem 0.5rem; }
  .simple td { border: 0; padding: 0.1rem 0; text-align: left; }
  .simple td:empty { display: none; }
}
/* On a card, a cell says what it holds (« Année : 2017 »); the title speaks for itself. */
@media screen and (max-width: 60rem) {
  .docs td[data-label]::before { content: attr(data-label); font-weight: 600; color: var(--muted); }
  :lang(fr) .docs td[data-label]::before { content: attr(data-label) "\\a0:\\a0"; }
  :lang(en) .docs td[data-label]::before { content: attr(data-label) ":\\a0"; }
}
@media screen and (max-width: 40rem) {
  .simple td[data-label]::before { content: attr(data-label); font-weight: 600; color: var(--muted); }
  :lang(fr) .simple td[data-label]::before { content: attr(data-label) "\\a0:\\a0"; }
  :lang(en) .simple td[data-label]::before { content: attr(data-label) ":\\a0"; }
}
@media print {
  /* Page numbers bottom right; the page's title, bottom left, comes with the page (`page`). */
  @page { size: A4; margin: 15mm 15mm 17mm;
    @bottom-right { content: counter(page) "\\a0/\\a0" counter(pages); font: 8pt/1 sans-serif; color: #333; } }
  /* Every size is in rem: one root size scales the whole page to paper. */
  html { font-size: 9pt; }
  body { font-size: 1rem; line-height: 1.35; color: #000; background: none; }
  *, *::before, *::after { background: transparent !important; box-shadow: none !important; }
  .page { max-width: none; padding: 0; }
  .masthead { border-bottom-width: 2pt; }
  h2 { font-size: 13pt; margin-top: 1.25rem; }
  h3 { font-size: 11pt; }
  h1, h2, h3, h4, .category-head, th.sub { break-after: avoid; page-break-after: avoid; }
  .category-head, tr, .figure, .example, .note { break-inside: avoid; page-break-inside: avoid; }
  table { font-size: 1rem; }
  thead { display: table-header-group; }
  th, td { padding: 2.5pt 4pt; }
  .desc { margin-top: 0; font-size: 0.9rem; }
  /* On A4 the id and the reason « pour vous » move under the title, where they take no column. */
  .docs th.id, .docs td.id, .docs th.for-you, .docs td.for-you { display: none; }
  .id-inline, .reason-inline { display: block; }
  .docs th.num { width: 2.5rem; }
  .docs th.title { width: 60%; }
  .docs th.authors { width: 12%; }
  .docs th.year { width: 4.5rem; }
  .docs th.kind { width: 11%; }
  .docs th.match { width: 21%; }
  .muted, .category-desc, .desc, .title-fr, .also, .source, thead th, td.num { color: #333; }
  .note { border-left: 2pt solid #000; }
  tr.highlight td:first-child { border-left: 3pt solid #000; }
  footer { color: #333; margin-top: 1rem; padding-top: 0.25rem; break-inside: avoid; }
}
""".strip()


def esc(text: object) -> str:
    """Any text as inert HTML: control and bidi characters removed, French spaces, `& < > " '` escaped."""
    return html.escape(french_spaces(strip_unsafe(str(text))), quote=True)


def css_string(text: str) -> str:
    """Text as a quoted CSS string: every character but letters, digits and spaces escaped as hex."""
    body = "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in french_spaces(strip_unsafe(text)))
    return f'"{body}"'


def kit_text(fr: str | None, en: str | None = None) -> str:
    """Kit text in the current language, escaped; marked `lang="fr"` when an English page falls back on French."""
    if not fr:
        return esc(en or "")
    if get_lang() == "en" and not en:
        return f'<span lang="fr">{esc(fr)}</span>'
    return esc(pick(fr, en))


def kit_items(fr: Sequence[str], en: Sequence[str]) -> list[str]:
    """A list of kit texts in the current language (the English list when there is one), escaped."""
    if get_lang() == "en" and en:
        return [esc(item) for item in en]
    return [kit_text(item) for item in fr]


def french_title(fr: str, en: str | None) -> str:
    """In English, the French title beside the English one: the documents are found by their French names."""
    if get_lang() != "en" or not en:
        return ""
    return f'<span class="title-fr">{esc(t("html.french_title"))} <i lang="fr">{esc(fr)}</i></span>'


def french_title_block(fr: str, en: str | None) -> str:
    """`french_title` as its own paragraph, or nothing."""
    inner = french_title(fr, en)
    return f"<p>{inner}</p>\n" if inner else ""


def date_text(day: datetime.date) -> str:
    """« 1er novembre 2026 », « 1 November 2026 »."""
    months = t("html.months").split()
    number = t("html.first_day") if day.day == 1 else str(day.day)
    return t("html.date", day=number, month=months[day.month - 1], year=day.year)


def page(title: str, body: str, meta: list[tuple[str, str]] | None = None) -> str:
    """The page shell around `body` (already HTML): `title` and the `meta` pairs (label, value) are plain text."""
    meta_html = ""
    if meta:
        pairs = "".join(f"<div><dt>{esc(label)}</dt><dd>{esc(value)}</dd></div>" for label, value in meta)
        meta_html = f'<dl class="meta">{pairs}</dl>\n'
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{esc(get_lang())}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="{esc(GENERATOR)}">\n'
        f"<title>{esc(title)}</title>\n"
        f"<style>\n{CSS}\n</style>\n"
        f"<style>\n{_running_footer(title)}\n</style>\n"
        "</head>\n"
        "<body>\n"
        '<div class="page">\n'
        '<header class="masthead">\n'
        f'<p class="kit-name">{esc(t("html.kit_name"))}</p>\n'
        f"<h1>{esc(title)}</h1>\n"
        f"{meta_html}"
        "</header>\n"
        f"<main>\n{body}</main>\n"
        "<footer>\n"
        f"<p>{esc(t('html.kit_name'))}</p>\n"
        f"<p>{esc(t('html.made_by', generator=GENERATOR))}</p>\n"
        "</footer>\n"
        "</div>\n"
        "</body>\n"
        "</html>\n"
    )


def _running_footer(title: str) -> str:
    """On paper, every page names the page's title at its foot (the numbers are in `CSS`)."""
    return (
        f"@media print {{ @page {{ @bottom-left {{ content: {css_string(title)}; font: 8pt/1.2 sans-serif; color: #333; }} }} }}"
    )


# --- tables of documents -------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One document line: its number, and for a plan or a search the extra cells (already HTML).

    `note` (already HTML) is printed under the title on paper, where the extra columns do not fit.
    """

    number: int
    document: Document
    highlight: bool = False
    extra: tuple[str, ...] = ()
    note: str = ""
    description: bool = True
    """Whether the kit's description goes under the title (not in the start set: its « pourquoi » quotes it)."""


def _table(head: str, body: str, css: str) -> str:
    """A table that fits its page: no sideways scrolling, its rows become cards on a narrow screen.

    `body` is one or more `<tbody>` elements.
    """
    return f'<table class="{css}">\n<thead><tr>{head}</tr></thead>\n{body}</table>\n'


def _cell(name: str, label: str | None, content: str) -> str:
    data = f' data-label="{esc(label)}"' if label else ""
    return f'<td class="{name}"{data}>{content}</td>'


def _title_cell(document: Document, note: str = "", description: bool = True) -> str:
    desc = f'<span class="desc">{kit_text(document.description, document.description_en)}</span>' if description else ""
    return (
        f'<span class="doc-title">{kit_text(document.title, document.title_en)}</span>'
        f"{french_title(document.title, document.title_en)}"
        + desc
        + (f'<span class="reason-inline">{note}</span>' if note else "")
        + f'<code class="id-inline">{esc(document.id)}</code>'
    )


def _row(row: Row, extra: Sequence[tuple[str, str]]) -> str:
    d = row.document
    number = f"{STAR}\u00a0{row.number}" if row.highlight else str(row.number)
    cells = [
        _cell("num", t("col.number"), esc(number)),
        _cell("title", None, _title_cell(d, row.note, row.description)),
        _cell("authors", t("col.authors"), esc(", ".join(d.authors))),
        _cell("year", t("col.year"), esc(when(d, get_lang()))),
        _cell("kind", t("col.kind"), kit_text(d.kind, d.kind_en)),
        *(_cell(name, label, content) for (name, label), content in zip(extra, row.extra, strict=True)),
        _cell("id", t("col.id"), f"<code>{esc(d.id)}</code>"),
    ]
    css = ' class="highlight"' if row.highlight else ""
    return f"<tr{css}>{''.join(cells)}</tr>\n"


def documents_table(kit: Kit | None, rows: Sequence[Row], extra: Sequence[tuple[str, str]] = (), subheadings: bool = True) -> str:
    """The documents as one table: N°, title (and description), authors, year, kind, `extra` columns, id.

    `extra` names the added columns as (CSS class, header); each row brings their cells in `Row.extra`.
    With a `kit` and `subheadings`, a row names each sub-category (« Se former »…) where it starts.
    """
    headers = [("num", t("col.number")), ("title", t("col.title")), ("authors", t("col.authors"))]
    headers += [("year", t("col.year")), ("kind", t("col.kind"))]
    headers += extra
    headers.append(("id", t("col.id")))
    head = "".join(f'<th class="{name}" scope="col">{esc(label)}</th>' for name, label in headers)
    # Each sub-category (« Se former »…) is a row group of its own, headed by a `rowgroup` header.
    groups_html: list[list[str]] = [[]]
    current: str | None = None
    for row in rows:
        sub = row.document.subcategory
        if kit is not None and subheadings and sub != current:
            label = _subcategory_label(kit, row.document) if sub is not None else ""
            if label:
                span = len(headers)
                groups_html.append([f'<tr class="sub"><th class="sub" colspan="{span}" scope="rowgroup">{label}</th></tr>\n'])
            else:  # after a sub-category, a document outside any is not in that group
                groups_html.append([])
        current = sub
        groups_html[-1].append(_row(row, extra))
    body = "".join(f"<tbody>\n{''.join(group)}</tbody>\n" for group in groups_html if group)
    return _table(head, body, "docs")


def _subcategory_label(kit: Kit, document: Document) -> str:
    sub = subcategory(kit, document)
    return kit_text(sub.label, sub.label_en) if sub is not None else ""


def category_section(kit: Kit, category: Category, rows: Sequence[Row], extra: Sequence[tuple[str, str]] = ()) -> str:
    """One category: its heading and description kept together (also on paper), then its table."""
    return (
        '<section class="category">\n'
        '<header class="category-head">\n'
        f"<h2>{kit_text(category.label, category.label_en)}</h2>\n"
        f'<p class="category-desc">{kit_text(category.description, category.description_en)}</p>\n'
        "</header>\n"
        f"{documents_table(kit, rows, extra)}"
        "</section>\n"
    )


def _generated(day: datetime.date) -> tuple[str, str]:
    return (t("col.date"), date_text(day))


def documents_html(selection: Selection, title: str, generated: datetime.date) -> str:
    """A list of documents (`kit list`, `kit path`): a table per category, in the kit's order."""
    kit = selection.kit
    parts: list[str] = []
    if selection.path is not None:
        path = selection.path
        parts.append(f'<div class="intro">\n{french_title_block(path.title, path.title_en)}')
        parts.append(f'<p class="lead">{kit_text(path.purpose, path.purpose_en)}</p>\n</div>\n')
    numbers = reading_numbers(selection)
    for category, docs in groups(selection):
        rows = [Row(numbers[document.id], document) for document in docs]
        parts.append(category_section(kit, category, rows))
    if not selection.documents:
        parts.append(f'<p class="empty">{esc(t("msg.no_match"))}</p>\n')
    meta = [(t("col.documents"), str(len(selection.documents))), _generated(generated)]
    return page(title, "".join(parts), meta)


# --- one document --------------------------------------------------------------------------------


def _record_value(line: Line) -> str:
    if line.field == "id":
        return f"<code>{esc(line.text)}</code>"
    if line.fr is not None:
        return kit_text(line.fr, line.en)
    return esc(line.text or t("label.none"))


def document_html(kit: Kit, document: Document, generated: datetime.date) -> str:
    """One document (`kit show`): its record as a list of labelled fields, then the sections of
    `common.document_outline` (the only links are the kit file's `links`, checked by the model)."""
    fields = [(line.label, _record_value(line)) for line in record_lines(kit, document)]
    rows = "".join(f"<div><dt>{esc(label)}</dt><dd>{value}</dd></div>\n" for label, value in fields)
    parts = [french_title_block(document.title, document.title_en), f'<dl class="meta record">\n{rows}</dl>\n']
    for section in document_outline(kit, document):
        body = "".join(_html_block(block) for block in section.blocks)
        if section.title:
            parts.append(_section(section.title, body, section.css))
        else:
            parts.append(f'<div class="lead">\n{body}</div>\n')
    return page(pick(document.title, document.title_en), "".join(parts), [_generated(generated)])


# --- the reading plan ----------------------------------------------------------------------------


def _for_you(item: plans.Item) -> str:
    if item.highlight:
        return esc(item.reason)
    if item.concern:
        return esc(t("plan.concern", reading=item.concern))
    return ""


def _for_you_note(item: plans.Item) -> str:
    """What ties a document to the reader, under its title on paper: « ★ Pour vous : … » or « ◆ Vous concerne … »."""
    if item.highlight:
        return f"{STAR}\u00a0{esc(t('html.for_you_note', reason=item.reason))}"
    if item.concern:
        return f"◆\u00a0{esc(t('plan.concern', reading=item.concern))}"
    return ""


def plan_html(plan: Plan, generated: datetime.date) -> str:
    """The guide's reading plan: the answers and date on top, the « Pour commencer » set with a « pourquoi »
    each, then the rest of the path by nature, then how to open one document."""
    kit = plan.selection.kit
    path = plan.path
    title = pick(path.title, path.title_en)
    purpose = pick(path.purpose, path.purpose_en)
    parts = [
        '<section class="intro">\n',
        f"<h2>{kit_text(path.title, path.title_en)} <code>{esc(plans.path_name(path))}</code></h2>\n",
        french_title_block(path.title, path.title_en),
        f'<p class="lead">{kit_text(path.purpose, path.purpose_en)}</p>\n' if purpose != title else "",
        *(f'<p class="note">{esc(line)}</p>\n' for line in plans.notes(plan)),
        "</section>\n",
        '<section class="start">\n',
        f"<h2>{esc(t('plan.start_title'))}</h2>\n",
        f'<p class="start-rule">{esc(plans.start_line(plan))}</p>\n',
    ]
    # On paper the « pourquoi » and the « pour vous » go under the title (`Row.note`), not in a column.
    start_rows = []
    for i in plan.start:
        # A concern already quoted in the « pourquoi » is not said a second time.
        why = esc(i.why) + (f"<br>{_for_you(i)}" if i.concern and i.concern not in i.why else "")
        # The « pourquoi » quotes what the kit says the document gives: the description would say it twice.
        start_rows.append(Row(i.number, i.document, i.highlight, (why,), why, description=False))
    if start_rows:
        parts.append(documents_table(kit, start_rows, (("for-you", t("col.why")),), subheadings=False))
    parts.append("</section>\n")
    rest = plans.rest_groups(plan)
    if rest:
        # Without a document written for the role, or tied to it, the column would stay empty.
        extra = (("for-you", t("col.for_you")),) if any(i.highlight or i.concern for _, items in rest for i in items) else ()
        parts.append(f'<h2 class="rest">{esc(t("plan.rest_title"))}</h2>\n')
        for category, items in rest:
            rows = [Row(i.number, i.document, i.highlight, (_for_you(i),) if extra else (), _for_you_note(i)) for i in items]
            parts.append(category_section(kit, category, rows, extra))
    parts.append(f'<p class="next">{esc(plans.find_line(plan))}</p>\n')
    parts.append(f'<p class="next">{esc(colon(t("plan.detail_label")))} <code>{esc(plans.detail_command(plan))}</code></p>\n')
    parts.append(f'<p class="next">{esc(colon(t("plan.read_label")))} <code>{esc(plans.read_command(plan))}</code></p>\n')
    meta = [
        (t("label.role"), t(f"role.{plan.role}")),
        (t("label.goal"), goal_title(kit, plan.goal)),
        (t("label.need"), need_title(kit, plan.need)),
        _generated(generated),
    ]
    return page(t("plan.title"), "".join(parts), meta)


# --- search results ------------------------------------------------------------------------------


def marked(found: Marked) -> str:
    """An excerpt with its matched words in `<mark>`, every piece escaped."""
    out: list[str] = []
    last = 0
    for start, end in found.spans:
        out.append(esc(found.text[last:start]))
        out.append(f"<mark>{esc(found.text[start:end])}</mark>")
        last = end
    out.append(esc(found.text[last:]))
    return "".join(out)


def _match_cell(hit: Hit, matched: frozenset[str]) -> str:
    """Where the query's words were found, and an excerpt of the first field after the title."""
    from ..search import why

    names = ", ".join(t(f"field.{field}") if f"field.{field}" in MESSAGES else field for field in hit.fields)
    out = f'<span class="fields">{esc(names)}</span>'
    found = why(hit, matched, english=get_lang() == "en") if matched else None
    if found is not None:
        out += f'<span class="desc">{marked(found[1])}</span>'
    return out


def search_html(
    query: str,
    hits: Sequence[Hit],
    generated: datetime.date,
    matched: frozenset[str] = frozenset(),
    notes: Sequence[str] = (),
    remarks: Sequence[str] = (),
    pointers: Sequence[str] = (),
) -> str:
    """Search results (`kit search`), best first, with the fields where the words were found.

    `matched` (`search.SearchOutcome.matched`) marks the query's words in the excerpts; `notes` are plain
    lines told after the count (`render.common.read_as(result)`: « silvr » read as « silver »);
    `remarks` are whole sentences told under it (`render.common.search_notes`: words not found…);
    `pointers` are told after the documents (`render.common.pointer_lines`: « Aussi dans kit about : … »).
    """
    rows = [Row(rank, hit.document, extra=(_match_cell(hit, matched),)) for rank, hit in enumerate(hits, start=1)]
    lead = ". ".join([t("search.count", count=len(rows)), *notes]) + "."
    body = f'<p class="lead">{esc(lead)}</p>\n'
    body += "".join(f'<p class="note">{esc(line)}</p>\n' for line in remarks)
    if rows:
        body += documents_table(None, rows, (("match", t("col.match")),))
    else:
        body += f'<p class="empty">{esc(t("msg.no_match"))}</p>\n'
    body += "".join(f'<p class="pointer">{esc(line)}</p>\n' for line in pointers)
    return page(t("search.title", query=query), body, [_generated(generated)])


# --- the kit's background ------------------------------------------------------------------------


def _section(title: str, body: str, css: str = "") -> str:
    attr = f' class="{css}"' if css else ""
    return f"<section{attr}>\n<h2>{esc(title)}</h2>\n{body}</section>\n"


def _list(items: Iterable[str], tag: str = "ul") -> str:
    return f"<{tag}>\n" + "".join(f"<li>{item}</li>\n" for item in items) + f"</{tag}>\n"


def _html_block(block: Block) -> str:
    match block.kind:
        case "p":
            return f"<p>{esc(block.text)}</p>\n"
        case "ol" | "ul":
            return _list((esc(x) for x in block.items), block.kind)
        case "h3":
            return f"<h3>{esc(block.text)}</h3>\n"
        case "note":
            return f'<p class="muted">{esc(block.text)}</p>\n'
        case "labelled":
            return f"<p><strong>{esc(colon(block.label))}</strong> {esc(block.text)}</p>\n"
        case "titled":
            return f'<div class="example"><h4>{esc(block.label)}</h4>\n<p>{esc(block.text)}</p></div>\n'
        case "link":
            # The one place a page links out: a web address from a link field of the kit file, checked by the model.
            return f'<p class="source">{esc(block.text)} <a href="{esc(href(block.url))}">{esc(block.url)}</a></p>\n'
        case "docs":
            commands = ", ".join(f"<code>kit show {esc(d)}</code>" for d in block.items)
            return f'<p class="source">{esc(block.text)} — {esc(colon(block.label or t("about.documents")))} {commands}</p>\n'
        case unknown:
            assert_never(unknown)


def about_html(kit: Kit, generated: datetime.date) -> str:
    """The kit's background (`kit about`), from the same outline as its Markdown and terminal forms."""
    about = kit.about
    lead, sections = about_outline(about)
    parts = ['<div class="lead">\n', *(_html_block(b) for b in lead), "</div>\n"]
    for section in sections:
        parts.append(_section(section.title, "".join(_html_block(b) for b in section.blocks), section.css))
    meta = [
        (t("html.publisher"), about.publisher),
        (t("col.documents"), str(len(kit.documents))),
        _generated(generated),
    ]
    return page(about.title, "".join(parts), meta)


# --- paths and categories ------------------------------------------------------------------------


def _simple_table(headers: Sequence[tuple[str, str]], rows: Iterable[Sequence[str]]) -> str:
    """A table whose cells are labelled on a phone, except the title cell, which speaks for itself."""
    head = "".join(f'<th class="{name}" scope="col">{esc(label)}</th>' for name, label in headers)
    body = "".join(
        "<tr>"
        + "".join(_cell(name, None if name == "title" else label, cell) for (name, label), cell in zip(headers, row, strict=True))
        + "</tr>\n"
        for row in rows
    )
    return _table(head, f"<tbody>\n{body}</tbody>\n", "simple")


def paths_html(kit: Kit, generated: datetime.date) -> str:
    """The reading paths (`kit paths`): id and alias, title and purpose, number of documents."""
    headers = [("id", t("col.id")), ("alias", t("col.aliases")), ("title", t("col.title")), ("count", t("col.documents"))]
    rows = [
        [
            f"<code>{esc(p.id)}</code>",
            f"<code>{esc(p.alias)}</code>",
            f'<span class="doc-title">{kit_text(p.title, p.title_en)}</span>{french_title(p.title, p.title_en)}'
            f'<span class="desc">{kit_text(p.purpose, p.purpose_en)}</span>'
            + (f'<span class="desc source">{esc(purpose_source(p))}</span>' if p.purpose_source else ""),
            esc(len(p.documents)),
        ]
        for p in kit.paths
    ]
    return page(t("col.paths"), _simple_table(headers, rows), [_generated(generated)])


def categories_html(kit: Kit, generated: datetime.date) -> str:
    """The categories (`kit categories`): id, label and description, sub-categories, number of documents."""
    headers = [("id", t("col.id")), ("title", t("col.category")), ("subs", t("col.subcategory")), ("count", t("col.documents"))]
    rows = [
        [
            f"<code>{esc(c.id)}</code>",
            f'<span class="doc-title">{kit_text(c.label, c.label_en)}</span>'
            f'<span class="desc">{kit_text(c.description, c.description_en)}</span>',
            "<br>".join(kit_text(s.label, s.label_en) for s in c.subcategories),
            esc(len(documents_in(kit, c))),
        ]
        for c in kit.categories
    ]
    return page(t("col.category"), _simple_table(headers, rows), [_generated(generated)])


# --- reading progress ----------------------------------------------------------------------------

NEXT_SHOWN = 5
"""Next documents listed per path when every path is shown (`kit progress PATH` lists them all)."""


def progress_html(result: results.ProgressResult, generated: datetime.date) -> str:
    """`kit progress`: per path a bar and « 6/17 lus », then the next documents (the reader's plan first)."""
    kit = result.kit
    parts: list[str] = []
    for standing in result.paths:
        path, done = standing.path, standing.progress
        mine = f' <span class="muted">— {esc(t("progress.your_plan"))}</span>' if standing.plan else ""
        count = t("progress.count", read=done.read, total=done.total, count=done.read)
        parts.append(
            '<section class="path-progress">\n'
            f"<h2>{kit_text(path.title, path.title_en)} <code>{esc(plans.path_name(path))}</code>{mine}</h2>\n"
            f'<p><progress value="{done.read}" max="{done.total}">{esc(count)}</progress> <strong>{esc(count)}</strong></p>\n'
        )
        if done.done:
            parts.append(f"<p>{esc(t('progress.done'))}</p>\n")
        else:
            shown = done.next if result.one_path else done.next[:NEXT_SHOWN]
            parts.append(f"<h3>{esc(t('progress.next'))}</h3>\n")
            for label, idents in next_groups(shown, standing.start):
                if label is not None:
                    parts.append(f'<p class="muted">{esc(label)}</p>\n')
                parts.append(
                    documents_table(kit, [Row(standing.numbers[i], result.documents[i]) for i in idents], subheadings=False)
                )
            hidden = len(done.next) - len(shown)
            if hidden:
                command = f"kit progress {plans.path_name(path)}"
                parts.append(f'<p class="muted">{esc(t("progress.more", count=hidden, command=command))}</p>\n')
        parts.append("</section>\n")
    if result.orphans:
        from ..progress import orphans_line

        parts.append(f'<p class="note">{esc(orphans_line(result.orphans))}</p>\n')
    return page(t("progress.title"), "".join(parts), [_generated(generated)])


def _today() -> datetime.date:
    return datetime.date.today()


RENDERERS: dict[type[Any], Callable[[Any], str]] = {
    results.DocumentList: lambda r: documents_html(r.selection, r.title, _today()),
    results.DocumentDetail: lambda r: document_html(r.kit, r.document, _today()),
    results.PathList: lambda r: paths_html(r.kit, _today()),
    results.CategoryList: lambda r: categories_html(r.kit, _today()),
    results.AboutKit: lambda r: about_html(r.kit, _today()),
    results.SearchResult: lambda r: search_html(
        r.outcome.query,
        r.outcome.hits,
        _today(),
        r.outcome.matched,
        read_as(r.outcome),
        search_notes(r.outcome),
        pointer_lines(r.kit, r.pointers),
    ),
    results.PlanResult: lambda r: plan_html(r.plan, _today()),
    results.ProgressResult: lambda r: progress_html(r, _today()),
}
