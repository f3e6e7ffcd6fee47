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
from typing import TYPE_CHECKING, Any

from .. import __version__, results
from .. import plan as plans
from ..guide import goal_title
from ..i18n import MESSAGES, colon, get_lang, pick, t
from ..queries import Selection, category_of, documents_in, groups, paths_by_document, subcategory, when
from ..text import strip_unsafe
from .common import figure_year, has_missing_year, read_as

if TYPE_CHECKING:
    from ..model import Category, Document, Form, Kit
    from ..plan import Plan
    from ..search import Hit, Marked

GENERATOR = f"coconstruct-cli {__version__}"
STAR = "★"

CSS = """
:root { color-scheme: light; --ink: #1c2126; --muted: #57606a; --line: #d0d7de; --accent: #0b5a46;
  --mark: #fff5cc; --mark-line: #c99a06; }
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif; }
.page { max-width: 80rem; margin: 0 auto; padding: 1rem clamp(0.75rem, 3vw, 2rem) 2rem; }
.masthead { border-bottom: 3px solid var(--accent); padding-bottom: 0.75rem; margin-bottom: 1.25rem; }
.kit-name { margin: 0; color: var(--accent); font-size: 0.875rem; font-weight: 600; }
h1 { font-size: clamp(1.4rem, 4vw, 2rem); line-height: 1.2; margin: 0.25rem 0 0.5rem; overflow-wrap: break-word; }
h2 { font-size: 1.3rem; line-height: 1.25; margin: 2rem 0 0.4rem; color: var(--accent); }
h3 { font-size: 1.1rem; line-height: 1.3; margin: 1.25rem 0 0.25rem; }
h4 { font-size: 1rem; margin: 0 0 0.25rem; }
p { margin: 0.4rem 0; }
code { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.85em; }
.meta { display: flex; flex-wrap: wrap; gap: 0.2rem 1.5rem; margin: 0; }
.meta div { display: flex; gap: 0.35em; }
.meta dt { font-weight: 600; white-space: nowrap; }
.meta dd { margin: 0; }
:lang(fr) .meta dt::after { content: "\\a0:"; }
:lang(en) .meta dt::after { content: ":"; }
.lead { font-size: 1.05rem; }
.muted, .category-desc, .desc, .title-fr, .also, .source { color: var(--muted); }
.category-desc { margin-top: 0; }
.start { font-weight: 600; }
.note { border-left: 4px solid var(--mark-line); padding: 0.25rem 0.75rem; background: var(--mark); }
.table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { width: 100%; border-collapse: collapse; font-size: 0.95rem; }
th, td { text-align: left; vertical-align: top; padding: 0.5rem 0.6rem; border-bottom: 1px solid var(--line); }
thead th { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.03em; color: var(--muted);
  border-bottom: 2px solid var(--ink); white-space: nowrap; }
tr.sub th { font-size: 0.85rem; font-weight: 600; color: var(--accent); padding-top: 0.9rem; }
td.num { text-align: right; white-space: nowrap; color: var(--muted); font-variant-numeric: tabular-nums; }
/* Fixed widths, so that the tables of successive categories line up; the title takes the rest. */
table.docs { table-layout: fixed; }
.docs td { overflow-wrap: break-word; }
.docs code { overflow-wrap: anywhere; }
.docs th.num { width: 3rem; }
.docs th.authors { width: 11%; }
.docs th.year { width: 6.5rem; }
.docs th.kind { width: 10%; }
.docs th.for-you, .docs th.match { width: 20%; }
.docs th.id { width: 12%; }
.id-inline { display: none; }
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
@media screen and (max-width: 40rem) {
  .table-wrap { overflow-x: visible; }
  table, thead, tbody, tr, th, td { display: block; }
  thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  tbody tr { border-bottom: 1px solid var(--line); padding: 0.6rem 0 0.6rem 0.5rem; }
  tr.sub th { border: 0; padding: 0.9rem 0 0; }
  td { border: 0; padding: 0.1rem 0; text-align: left; }
  td.num { text-align: left; }
  td:empty { display: none; }
  td[data-label]::before { content: attr(data-label); font-weight: 600; color: var(--muted); }
  :lang(fr) td[data-label]::before { content: attr(data-label) "\\a0:\\a0"; }
  :lang(en) td[data-label]::before { content: attr(data-label) ":\\a0"; }
  tr.highlight td:first-child { border-left: 0; }
  tr.highlight { border-left: 4px solid var(--mark-line); }
}
@media print {
  @page { size: A4; margin: 15mm; }
  /* Every size is in rem: one root size scales the whole page to paper. */
  html { font-size: 10pt; }
  body { font-size: 1rem; color: #000; background: none; }
  *, *::before, *::after { background: transparent !important; box-shadow: none !important; }
  .page { max-width: none; padding: 0; }
  .masthead { border-bottom-width: 2pt; }
  h2 { font-size: 13pt; }
  h3 { font-size: 11pt; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  .table-wrap { overflow: visible; }
  table { font-size: 0.9rem; }
  thead { display: table-header-group; }
  tr, .figure, .example, .note { break-inside: avoid; page-break-inside: avoid; }
  th, td { padding: 3pt 4pt; }
  /* On A4 the id moves under the title, to leave the title column room: it is still printed. */
  .docs th.id, .docs td.id { display: none; }
  .id-inline { display: block; }
  .docs th.num { width: 3rem; }
  .docs th.authors { width: 12%; }
  .docs th.year { width: 6rem; }
  .docs th.kind { width: 13%; }
  .docs th.for-you, .docs th.match { width: 21%; }
  tr.sub { break-after: avoid; page-break-after: avoid; }
  .category-head { break-inside: avoid; page-break-inside: avoid; }
  .category-head, .intro p { break-after: avoid; page-break-after: avoid; }
  .muted, .category-desc, .desc, .title-fr, .also, .source, thead th, td.num { color: #333; }
  .note { border-left: 2pt solid #000; }
  tr.highlight td:first-child { border-left: 3pt solid #000; }
  footer { color: #333; }
}
""".strip()


def esc(text: object) -> str:
    """Any text as inert HTML: control and bidi characters removed, then `& < > " '` escaped."""
    return html.escape(strip_unsafe(str(text)), quote=True)


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


# --- tables of documents -------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One document line: its number, and for a plan or a search the extra cells (already HTML)."""

    number: int
    document: Document
    highlight: bool = False
    extra: tuple[str, ...] = ()


def _table(head: str, body: str, css: str = "") -> str:
    """A table in a wrapper that scrolls sideways when a screen is too narrow for it."""
    attr = f' class="{css}"' if css else ""
    return f'<div class="table-wrap"><table{attr}>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table></div>\n'


def _cell(name: str, label: str | None, content: str) -> str:
    data = f' data-label="{esc(label)}"' if label else ""
    return f'<td class="{name}"{data}>{content}</td>'


def _title_cell(document: Document) -> str:
    return (
        f'<span class="doc-title">{kit_text(document.title, document.title_en)}</span>'
        f"{french_title(document.title, document.title_en)}"
        f'<span class="desc">{kit_text(document.description, document.description_en)}</span>'
        f'<code class="id-inline">{esc(document.id)}</code>'
    )


def _row(row: Row, extra: Sequence[tuple[str, str]]) -> str:
    d = row.document
    number = f"{STAR}\u00a0{row.number}" if row.highlight else str(row.number)
    cells = [
        _cell("num", t("col.number"), esc(number)),
        _cell("title", None, _title_cell(d)),
        _cell("authors", t("col.authors"), esc(", ".join(d.authors))),
        _cell("year", t("col.year"), esc(when(d, get_lang()))),
        _cell("kind", t("col.kind"), esc(d.kind)),
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
    body: list[str] = []
    current: str | None = None
    for row in rows:
        sub = row.document.subcategory
        if kit is not None and subheadings and sub is not None and sub != current:
            label = _subcategory_label(kit, row.document)
            if label:
                # The id cell stays apart: print hides the id column, and the spans must still add up.
                span = len(headers) - 1
                body.append(f'<tr class="sub"><th colspan="{span}" scope="colgroup">{label}</th><td class="id"></td></tr>\n')
        current = sub
        body.append(_row(row, extra))
    return _table(head, "".join(body), "docs")


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
        parts.append(f'<section class="intro">\n{french_title_block(path.title, path.title_en)}')
        parts.append(f'<p class="lead">{kit_text(path.purpose, path.purpose_en)}</p>\n</section>\n')
    number = 0
    for category, docs in groups(selection):
        rows = []
        for document in docs:
            number += 1
            rows.append(Row(number, document))
        parts.append(category_section(kit, category, rows))
    if not selection.documents:
        parts.append(f'<p class="empty">{esc(t("msg.no_match"))}</p>\n')
    meta = [(t("col.documents"), str(len(selection.documents))), _generated(generated)]
    return page(title, "".join(parts), meta)


# --- one document --------------------------------------------------------------------------------


def document_html(kit: Kit, document: Document, generated: datetime.date) -> str:
    """One document (`kit show`): its record as a list of labelled fields, its description, parts and notes."""
    lang = get_lang()
    category = category_of(kit, document)
    fields = [
        (t("col.id"), f"<code>{esc(document.id)}</code>"),
        (t("col.category"), kit_text(category.label, category.label_en)),
        (t("col.subcategory"), _subcategory_label(kit, document) or esc(t("label.none"))),
        (t("col.authors"), esc(", ".join(document.authors))),
        (t("col.year"), esc(when(document, lang))),
        (t("col.kind"), kit_text(document.kind)),
        (t("col.paths"), esc(", ".join(paths_by_document(kit)[document.id]) or t("label.none"))),
    ]
    if document.audiences:
        fields.append((t("col.audiences"), esc(", ".join(t(f"role.{a}") for a in document.audiences))))
    rows = "".join(f"<div><dt>{esc(label)}</dt><dd>{value}</dd></div>\n" for label, value in fields)
    parts = [
        french_title_block(document.title, document.title_en),
        f'<dl class="meta record">\n{rows}</dl>\n',
        f'<p class="lead">{kit_text(document.description, document.description_en)}</p>\n',
    ]
    if document.parts:
        parts.append(_section(t("col.parts"), _list(kit_text(p) for p in document.parts)))
    if document.notes:
        parts.append(_section(t("col.notes"), _list(kit_text(n) for n in document.notes)))
    return page(pick(document.title, document.title_en), "".join(parts), [_generated(generated)])


# --- the reading plan ----------------------------------------------------------------------------


def plan_html(plan: Plan, generated: datetime.date) -> str:
    """The guide's reading plan: the answers and date on top, the path, where to start, the marked table."""
    kit = plan.selection.kit
    path = plan.path
    parts = [
        '<section class="intro">\n',
        f"<h2>{kit_text(path.title, path.title_en)} <code>{esc(path.id)}</code></h2>\n",
        french_title_block(path.title, path.title_en),
        f'<p class="lead">{kit_text(path.purpose, path.purpose_en)}</p>\n',
        f'<p class="start">{esc(plans.start_line(plan))}</p>\n',
        *(f'<p class="note">{esc(line)}</p>\n' for line in plans.notes(plan)),
        "</section>\n",
    ]
    # Without a document written for the role the column would stay empty: the notes say why.
    extra = (("for-you", t("col.for_you")),) if plan.highlights else ()
    items = iter(plan.items)
    for category, docs in groups(plan.selection):
        rows = []
        for _ in docs:
            item = next(items)
            cells = (esc(item.reason) if item.highlight else "",) if extra else ()
            rows.append(Row(item.number, item.document, item.highlight, cells))
        parts.append(category_section(kit, category, rows, extra))
    meta = [
        (t("label.role"), t(f"role.{plan.role}")),
        (t("label.goal"), goal_title(kit, plan.goal)),
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
) -> str:
    """Search results (`kit search`), best first, with the fields where the words were found.

    `matched` (`search.Result.matched`) marks the query's words in the excerpts; `notes` are plain
    lines told after the count (`render.search.read_as(result)`: « silvr » read as « silver »).
    """
    rows = [Row(rank, hit.document, extra=(_match_cell(hit, matched),)) for rank, hit in enumerate(hits, start=1)]
    lead = ". ".join([t("search.count", count=len(rows)), *notes]) + "."
    body = f'<p class="lead">{esc(lead)}</p>\n'
    if rows:
        body += documents_table(None, rows, (("match", t("col.match")),))
    else:
        body += f'<p class="empty">{esc(t("msg.no_match"))}</p>\n'
    return page(t("search.title", query=query), body, [_generated(generated)])


# --- the kit's background ------------------------------------------------------------------------


def _section(title: str, body: str, css: str = "") -> str:
    attr = f' class="{css}"' if css else ""
    return f"<section{attr}>\n<h2>{esc(title)}</h2>\n{body}</section>\n"


def _list(items: Iterable[str], tag: str = "ul") -> str:
    return f"<{tag}>\n" + "".join(f"<li>{item}</li>\n" for item in items) + f"</{tag}>\n"


def _form(form: Form) -> str:
    example = form.example
    parts = [
        '<article class="form">\n',
        f"<h3>{kit_text(form.title, form.title_en)}</h3>\n",
        french_title_block(form.title, form.title_en),
        f'<p class="also">{esc(colon(t("about.also_named")))} {kit_text(form.also_named)}</p>\n' if form.also_named else "",
        f"<p>{kit_text(form.definition, form.definition_en)}</p>\n",
        '<div class="example">\n',
        f"<h4>{esc(t('about.example', title=example.title))}</h4>\n",
        f"<p>{kit_text(example.text, example.text_en)}</p>\n",
        f'<p class="source">{esc(colon(t("about.source")))} {kit_text(example.source)}</p>\n' if example.source else "",
        "</div>\n</article>\n",
    ]
    return "".join(parts)


def about_html(kit: Kit, generated: datetime.date) -> str:
    """The kit's background (`kit about`), in the same parts and words as its Markdown and terminal forms:
    objectives, forms, figures, genesis and research, partners, what the source lacks."""
    about = kit.about
    parts = [f'<p class="lead">{kit_text(about.summary, about.summary_en)}</p>\n']
    if about.objectives:
        parts.append(_section(t("about.objectives"), _list(kit_items(about.objectives, about.objectives_en), "ol")))
    if about.forms:
        parts.append(_section(t("about.forms"), "".join(_form(f) for f in about.forms)))
    if about.figures:
        figures = [
            f'<span class="value">{kit_text(f.value)}</span> <span class="measure">{kit_text(f.measure, f.measure_en)}</span>'
            f' <span class="year">({esc(figure_year(f))})</span>'
            for f in about.figures
        ]
        items = "".join(f'<li class="figure">{figure}</li>\n' for figure in figures)
        note = f'<p class="muted">{esc(t("about.no_year"))}</p>\n' if has_missing_year(about) else ""
        parts.append(_section(t("about.figures"), f'<ul class="figures">\n{items}</ul>\n{note}'))
    if about.genesis or about.research:
        body = f"<p>{kit_text(about.genesis, about.genesis_en)}</p>\n" if about.genesis else ""
        body += "".join(
            f"<h3>{kit_text(w.title, w.title_en)}</h3>\n" + (_list(kit_text(i) for i in w.items) if w.items else "")
            for w in about.research
        )
        parts.append(_section(t("about.genesis"), body))
    if about.partners:
        parts.append(_section(t("about.partners"), f"<p>{kit_text(about.partners, about.partners_en)}</p>\n"))
    if about.gaps:
        body = f'<p class="muted">{esc(t("about.gaps_note"))}</p>\n' + _list(kit_items(about.gaps, about.gaps_en))
        parts.append(_section(t("about.gaps"), body, "gaps"))
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
    return _table(head, body)


def paths_html(kit: Kit, generated: datetime.date) -> str:
    """The reading paths (`kit paths`): id and alias, title and purpose, number of documents."""
    headers = [("id", t("col.id")), ("alias", t("col.aliases")), ("title", t("col.title")), ("count", t("col.documents"))]
    rows = [
        [
            f"<code>{esc(p.id)}</code>",
            f"<code>{esc(p.alias)}</code>",
            f'<span class="doc-title">{kit_text(p.title, p.title_en)}</span>{french_title(p.title, p.title_en)}'
            f'<span class="desc">{kit_text(p.purpose, p.purpose_en)}</span>',
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


def _today() -> datetime.date:
    return datetime.date.today()


RENDERERS: dict[type[Any], Callable[[Any], str]] = {
    results.DocumentList: lambda r: documents_html(r.selection, r.title, _today()),
    results.DocumentDetail: lambda r: document_html(r.kit, r.document, _today()),
    results.PathList: lambda r: paths_html(r.kit, _today()),
    results.CategoryList: lambda r: categories_html(r.kit, _today()),
    results.AboutKit: lambda r: about_html(r.kit, _today()),
    results.SearchResult: lambda r: search_html(r.outcome.query, r.outcome.hits, _today(), r.outcome.matched, read_as(r.outcome)),
    results.PlanResult: lambda r: plan_html(r.plan, _today()),
}
