"""Search results in every format: the document records best first, and why each one matched.

JSON and CSV give the same records as `kit list`, best first, with a `score`; Markdown, HTML and the
terminal table show the matched words highlighted in a short excerpt (and in the title on a terminal). rich is
imported only for the terminal table; kit text enters rich as `Text`, never as markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..i18n import get_lang, pick, t
from ..queries import RECORD_FIELDS, Selection, records
from ..search import Marked, Result, mark, why
from ..text import one_line

if TYPE_CHECKING:
    from rich.table import Table
    from rich.text import Text

    from ..model import Kit
    from .views import Rendered

HIGHLIGHT = "bold yellow"


def view(kit: Kit, result: Result, fmt: str, terminal: bool) -> Rendered:
    """The result in format `fmt`; a rich table only for `table` on a terminal."""
    if fmt == "json":
        from .jsonout import dumps

        return dumps(scored_records(kit, result))
    if fmt == "csv":
        from .csvout import records_csv

        return records_csv(scored_records(kit, result), (*RECORD_FIELDS, "score"))
    if fmt == "md":
        return result_md(result)
    if fmt == "html":
        import datetime

        from .html import search_html

        return search_html(result.query, result.hits, datetime.date.today(), result.matched, read_as(result))
    if terminal:
        return result_table(result) if result.hits else ""
    return result_tsv(result)


def scored_records(kit: Kit, result: Result) -> list[dict[str, Any]]:
    """The `kit list` record of each hit, best first, with its score."""
    out = records(Selection(kit, result.documents))
    for record, hit in zip(out, result.hits, strict=True):
        record["score"] = hit.score
    return out


def _english() -> bool:
    return get_lang() == "en"


def read_as(result: Result) -> list[str]:
    """« silvr » read as « silver », for every query word taken as a typo."""
    return [t("search.read_as", typed=term.word, words=", ".join(term.read_as)) for term in result.terms if term.read_as]


def fields_label(fields: tuple[str, ...]) -> str:
    return ", ".join(t(f"field.{f}") for f in fields)


def result_tsv(result: Result) -> str:
    """Tab-separated lines for pipes: the columns of `kit list`, then the score and the matched fields."""
    from .plain import tsv

    rows = (
        [d.id, d.category, d.year, ", ".join(d.authors), pick(d.title, d.title_en), h.score, ",".join(h.fields)]
        for h in result.hits
        for d in (h.document,)
    )
    return tsv(["id", "category", "year", "authors", "title", "score", "matched"], rows)


def _md_marked(marked: Marked) -> str:
    """A marked line as Markdown: kit text escaped, matched words in bold."""
    from .markdown import escape

    def part(text: str) -> str:
        # `escape` trims its text; the spaces around a highlighted word must stay.
        lead = " " if text[:1].isspace() else ""
        trail = " " if text[-1:].isspace() and text.strip() else ""
        return lead + escape(text) + trail

    spans: list[tuple[int, int]] = []
    for start, end in marked.spans:
        if spans and not marked.text[spans[-1][1] : start].strip():
            spans[-1] = (spans[-1][0], end)  # « **Saint Maurice** », not « **Saint** **Maurice** »
        else:
            spans.append((start, end))
    out: list[str] = []
    last = 0
    for start, end in spans:
        out.append(part(marked.text[last:start]))
        out.append(f"**{escape(marked.text[start:end])}**")
        last = end
    out.append(part(marked.text[last:]))
    return "".join(out)


def result_md(result: Result) -> str:
    from .markdown import document_line, escape, heading

    english = _english()
    matched = result.matched
    out = [heading(1, t("search.title", query=result.query)), "\n"]
    notes = [t("search.count", count=len(result.hits)), *read_as(result)]
    out.append(escape(". ".join(notes) + ".") + "\n")
    if result.hits:
        out.append("\n")
    for number, hit in enumerate(result.hits, 1):
        out.append(f"{number}. {document_line(hit.document)}  \n")
        line = f"{escape(t('col.match'))} : " if get_lang() == "fr" else f"{escape(t('col.match'))}: "
        line += escape(fields_label(hit.fields))
        reason = why(hit, matched, english)
        if reason is not None:
            line += f" — {_md_marked(reason[1])}"
        out.append(f"   {line}\n")
    return "".join(out)


def _rich_marked(marked: Marked, style: str = "") -> Text:
    from rich.text import Text

    text = Text(marked.text, style=style)
    for start, end in marked.spans:
        text.stylize(HIGHLIGHT, start, end)
    return text


def title_text(result: Result, index: int) -> Text:
    """The title with its matched words highlighted (in English, the French title beneath it), then the excerpt."""
    from rich.text import Text

    hit = result.hits[index]
    document = hit.document
    matched = result.matched
    english = _english()
    text = Text()
    text.append_text(_rich_marked(mark(pick(document.title, document.title_en), matched), "bold"))
    if english and document.title_en:
        text.append("\n")
        text.append_text(_rich_marked(mark(document.title, matched), "dim italic"))
    reason = why(hit, matched, english, width=100)
    if reason is not None:
        field, marked = reason
        text.append("\n")
        text.append_text(Text(f"{t(f'field.{field}')} : " if get_lang() == "fr" else f"{t(f'field.{field}')}: ", "dim"))
        text.append_text(_rich_marked(marked, "dim"))
    return text


def result_table(result: Result) -> Table:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    caption = " · ".join([t("search.count", count=len(result.hits)), *read_as(result)])
    table = Table(
        title=Text(t("search.title", query=one_line(result.query)), style="bold"),
        caption=Text(caption),
        box=box.SIMPLE_HEAVY,
        expand=False,
    )
    table.add_column(t("col.number"), justify="right", style="dim", no_wrap=True)
    table.add_column(t("col.title"), ratio=5)
    table.add_column(t("col.match"), ratio=1)
    table.add_column(t("col.id"), style="cyan", ratio=2, overflow="fold")
    for index, hit in enumerate(result.hits):
        table.add_row(str(index + 1), title_text(result, index), Text(fields_label(hit.fields)), Text(hit.document.id))
    return table
