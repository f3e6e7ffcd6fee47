"""Rich renderables for a terminal, one per kind of result. Kit text always enters as `Text`, never as markup.

This is the only module that imports rich (with `compat.rich`, which it imports), and it is imported only when
a table is drawn on a terminal.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, assert_never

from rich import box
from rich.cells import cell_len
from rich.console import Group
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .. import plan as plans
from .. import results
from ..compat.rich import column_widths, keep_words_joined
from ..i18n import colon, get_lang, pick, t
from ..queries import Selection, documents_in, groups, kind, reading_numbers, when
from ..search import Marked, SearchOutcome, mark, why
from ..text import french_spaces, one_line, strip_unsafe
from .common import (
    CONCERN,
    STAR,
    Block,
    about_outline,
    document_outline,
    fields_label,
    next_groups,
    pointer_lines,
    purpose_source,
    record_lines,
    search_lead,
    search_notes,
)

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ..model import About, Document, Kit

# rich cuts a line at any whitespace, a non-breaking space included, so that a French « : » or « « » could
# start or end a line: U+00A0, U+202F and U+2007 are kept inside the word they join (`compat.rich`); tests
# wrap French text at every width to check that rich still reads it.
_NON_BREAKING = "\u00a0\u202f\u2007"
keep_words_joined(_NON_BREAKING)

HIGHLIGHT = "bold yellow"
READ = "✓"
NOTHING: frozenset[str] = frozenset()


def plain(text: str | None, style: str = "") -> Text:
    """Kit text as a one-line rich Text: no markup, no control characters, French spaces (`text.french_spaces`)."""
    return Text(french_spaces(one_line(text or "")), style=style)


def block_text(text: str | None, style: str = "") -> Text:
    """Kit text as a multi-line rich Text."""
    return Text(french_spaces(strip_unsafe(text or "").replace("\r", "")), style=style)


def authors_year(document: Document) -> tuple[Text, Text]:
    return plain(", ".join(document.authors)), plain(when(document, get_lang()))


def title_cell(document: Document) -> Text:
    """The title in the current language; in English the French title stays visible beneath it."""
    if get_lang() == "en" and document.title_en:
        text = plain(document.title_en, "bold")
        text.append("\n")
        text.append_text(plain(document.title, "dim italic"))
        return text
    return plain(document.title, "bold")


def read_mark(document_id: str, read: frozenset[str]) -> Text:
    """« ✓ » before the title of a document the reader has marked read (`kit read`), nothing otherwise."""
    text = Text()
    if document_id in read:
        text.append(f"{READ} ", style="bold green")  # a span, not the Text's style: the title keeps its own
    return text


def documents_table(
    selection: Selection, title: str | None = None, width: int | None = None, read: frozenset[str] = NOTHING
) -> RenderableType:
    """Documents grouped by category, ✓ before the ones read: the widest table whose columns the screen holds
    whole (an id is never cut, a title keeps its words), else one document a block (`documents_stacked`)."""
    width = width or shutil.get_terminal_size().columns
    # The id gets a column of its own only where the title still keeps 40 columns beside it; below, it
    # goes under the title, then the kind column goes.
    for columns in ((True, True), (False, True), (False, False)):
        if columns[0] and width < 160:
            continue
        table = _documents_grid(selection, title, read, *columns)
        if fits(table, width):
            return table
    return documents_stacked(selection, title, read)


def _documents_grid(selection: Selection, title: str | None, read: frozenset[str], wide: bool, roomy: bool) -> Table:
    table = Table(title=plain(title, "bold") if title else None, box=box.SIMPLE_HEAVY, expand=True)
    table.add_column(t("col.number"), justify="right", style="dim", no_wrap=True)
    table.add_column(t("col.title"), ratio=1, min_width=24)
    if roomy:
        table.add_column(t("col.authors"), max_width=20)
        table.add_column(t("col.year"), no_wrap=True)
        table.add_column(t("col.kind"), max_width=16)
    else:  # the year under the authors: the title keeps the room an id needs
        table.add_column(t("col.authors_year"), max_width=16)
    if wide:
        table.add_column(t("col.id"), style="cyan", no_wrap=True)
    numbers = reading_numbers(selection)
    for category, docs in groups(selection):
        label = pick(category.label, category.label_en)
        table.add_row("", plain(label.upper(), "bold magenta"))
        for d in docs:
            who, when = authors_year(d)
            cell = read_mark(d.id, read).append_text(title_cell(d))
            if not wide:
                cell.append("\n")
                cell.append_text(plain(d.id, "cyan"))
            row: list[str | Text] = [str(numbers[d.id]), cell]
            row += [who, when, plain(kind(d, get_lang()))] if roomy else [Text("\n").join((who, when))]
            row += [plain(d.id)] if wide else []
            table.add_row(*row)
        table.add_section()
    return table


def fits(table: Table, width: int) -> bool:
    """Whether rich lays `table` out in `width` columns with every column at least as wide as its longest
    word: no id cut, no word cut or ended with « … ». Told by rich's own layout (`compat.rich.column_widths`;
    a rich that cannot tell gets the stacked layout, which always holds)."""
    widths = column_widths(table, width)
    if widths is None:
        return False
    left, right = table.padding[3], table.padding[1]  # each cell's padding is inside its column's width
    for column, given in zip(table.columns, widths, strict=True):
        cells = [column.header, *column.cells]
        measure = _cell_length if column.no_wrap else _longest_word
        if given - left - right < max((measure(cell) for cell in cells), default=0):
            return False
    return True


def _lines(cell: object) -> list[str]:
    return (cell.plain if isinstance(cell, Text) else str(cell)).split("\n")


def _longest_word(cell: object) -> int:
    return max((cell_len(word) for line in _lines(cell) for word in line.split()), default=0)


def _cell_length(cell: object) -> int:
    return max((cell_len(line) for line in _lines(cell)), default=0)


def whole(text: str, indent: str = "", style: str = "cyan") -> Text:
    """A word that must never be cut (an id): on a line of its own, never wrapped nor cropped; on a screen
    narrower than it, the terminal folds it, and a copy still gives it whole."""
    return Text(indent + one_line(text), style=style, no_wrap=True, overflow="ignore")


def documents_stacked(selection: Selection, title: str | None = None, read: frozenset[str] = NOTHING) -> RenderableType:
    """One document a block, for a screen too narrow for the table: number and title, then a line of
    details (authors, year, kind), then the id whole. The same words as the table, in its order."""
    parts: list[RenderableType] = []
    if title:
        parts.append(plain(title, "bold"))
    numbers = reading_numbers(selection)
    for category, docs in groups(selection):
        parts.append(Text())
        parts.append(plain(pick(category.label, category.label_en).upper(), "bold magenta"))
        for d in docs:
            head = Text(f"{numbers[d.id]}. ", style="dim")
            head.append_text(read_mark(d.id, read)).append_text(title_cell(d))
            who, when = authors_year(d)
            details = Text("   ")
            details.append_text(Text(" · ").join(part for part in (who, when, plain(kind(d, get_lang()))) if part.plain))
            parts += [head, details, whole(d.id, "   ")]
    return Group(*parts)


def paths_table(kit: Kit) -> Table:
    table = Table(box=box.SIMPLE_HEAVY)
    table.add_column(t("col.id"), style="cyan", no_wrap=True)
    table.add_column(t("col.aliases"), no_wrap=True)
    table.add_column(t("col.title"), ratio=3)
    table.add_column(t("col.documents"), justify="right")
    for p in kit.paths:
        title = plain(pick(p.title, p.title_en), "bold")
        title.append("\n")
        title.append_text(plain(pick(p.purpose, p.purpose_en), "dim"))
        if p.purpose_source:
            title.append("\n")
            title.append_text(plain(purpose_source(p), "dim italic"))
        table.add_row(plain(p.id), plain(p.alias), title, str(len(p.documents)))
    return table


def categories_table(kit: Kit) -> Table:
    table = Table(box=box.SIMPLE_HEAVY)
    table.add_column(t("col.id"), style="cyan", no_wrap=True)
    table.add_column(t("col.category"), ratio=3)
    table.add_column(t("col.subcategory"), ratio=2)
    table.add_column(t("col.documents"), justify="right")
    for c in kit.categories:
        label = plain(pick(c.label, c.label_en), "bold")
        label.append("\n")
        label.append_text(plain(pick(c.description, c.description_en), "dim"))
        subs = Text("\n").join(plain(pick(s.label, s.label_en)) for s in c.subcategories)
        table.add_row(plain(c.id), label, subs, str(len(documents_in(kit, c))))
    return table


def document_panel(kit: Kit, document: Document, width: int | None = None) -> RenderableType:
    """One document: its record as labelled fields, then the sections every format tells
    (`common.document_outline`): description, ★ written for / ◆ concerns, parts, makers, mentions, links,
    where `kit about` speaks of it, and last the notes on the transcription."""
    lang = get_lang()
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    # An empty line (no sub-category) is left out on a terminal; a page says « aucune ».
    rows: list[tuple[str, Text]] = [
        (line.label, plain(line.text, "cyan" if line.field == "id" else "")) for line in record_lines(kit, document) if line.text
    ]
    if lang == "en" and document.title_en:
        rows.insert(1, (t("col.title_fr"), plain(document.title, "italic")))
    for label, value in rows:
        grid.add_row(label, value)
    parts: list[RenderableType] = [grid]
    for section in document_outline(kit, document):
        parts.append(Text(""))
        if section.title:
            parts.append(plain(section.title, "bold"))
        inner: list[RenderableType] = []
        for block in section.blocks:
            inner += _rich_block(block)
        while inner and isinstance(inner[-1], Text) and not inner[-1].plain:
            inner.pop()
        parts += inner
    title = plain(pick(document.title, document.title_en), "bold")
    if title.cell_len > (width or shutil.get_terminal_size().columns) - 6:
        # rich cuts a panel's title at the border: a long one opens the panel instead, whole and wrapped.
        return Panel(Group(title, Text(""), *parts), border_style="blue")
    return Panel(Group(*parts), title=title, title_align="left", border_style="blue")


def _rich_block(block: Block) -> list[RenderableType]:
    match block.kind:
        case "p":
            return [block_text(block.text), Text("")]
        case "ol" | "ul":
            lines: list[RenderableType] = [
                Text(f"{n}. " if block.kind == "ol" else "  • ").append_text(plain(x)) for n, x in enumerate(block.items, 1)
            ]
            return [*lines, Text("")]
        case "h3":
            return [plain(block.text, "bold")]
        case "note":
            return [plain(block.text, "dim"), Text("")]
        case "labelled":
            return [Text(f"{colon(block.label)} ", style="bold").append_text(block_text(block.text)), Text("")]
        case "titled":
            return [plain(block.label, "bold"), block_text(block.text), Text("")]
        case "link":
            return [plain(block.text, "dim").append(" ").append_text(plain(block.url, "underline")), Text("")]
        case "docs":
            commands = ", ".join(f"kit show {d}" for d in block.items)
            return [
                plain(block.text, "dim")
                .append_text(Text(f" — {colon(block.label or t('about.documents'))} ", style="dim"))
                .append_text(plain(commands, "cyan")),
                Text(""),
            ]
        case unknown:
            assert_never(unknown)


def about_panels(about: About) -> RenderableType:
    """One panel per part of the background, from the same outline as Markdown and HTML."""
    lead, sections = about_outline(about)
    body: list[RenderableType] = []
    for block in lead:
        body += _rich_block(block)
    parts: list[RenderableType] = [
        Panel(
            Group(*body[:-1]),
            title=plain(about.title, "bold"),
            subtitle=plain(t("about.publisher", publisher=about.publisher), "dim"),
            title_align="left",
            subtitle_align="right",
            border_style="magenta",
        )
    ]
    for section in sections:
        inner: list[RenderableType] = []
        for block in section.blocks:
            inner += _rich_block(block)
        while inner and isinstance(inner[-1], Text) and not inner[-1].plain:
            inner.pop()
        border = "yellow" if section.css == "gaps" else "blue"
        parts.append(Panel(Group(*inner), title=plain(section.title, "bold"), title_align="left", border_style=border))
    return Group(*parts)


def mark_of(item: plans.Item) -> Text:
    """★ for a document written for the role, ◆ for one that concerns it by our reading, else a blank."""
    if item.highlight:
        return Text(f"{STAR} ", style="bold yellow")
    if item.concern:
        return Text(f"{CONCERN} ", style="yellow")
    return Text("  ")


def _id_cell(ident: str) -> RenderableType:
    """A document's id beside its title, two spaces away: a title that fills its column ends at one space
    from the id, and « … Communauté de commune de rex-charenton-saint-maurice » read as one line."""
    return Padding(plain(ident), (0, 0, 0, 1))


def plan_view(kit: Kit, plan: plans.Plan, width: int | None = None, read: frozenset[str] = NOTHING) -> RenderableType:
    """The plan for a screen, read from the bottom up: what a person acts on comes last, so that it is
    still on screen when the menu that follows appears — the answers on top, then the rest of the path,
    a line a document (a long title wraps between words), then the « Pour commencer » set with a
    « pourquoi » each, then the next step."""
    columns = width or shutil.get_terminal_size().columns
    show_ids = columns >= 100
    heading: list[RenderableType] = [
        plain(f"{pick(plan.path.title, plan.path.title_en)} ({plans.path_name(plan.path)})", "bold"),
        plain(plans.answers_line(kit, plan)),
    ]
    heading.extend(plain(line, "yellow") for line in plans.notes(plan))
    parts: list[RenderableType] = [
        Panel(Group(*heading), title=Text(t("plan.title"), style="bold"), title_align="left", border_style="blue")
    ]
    groups_ = plans.rest_groups(plan)
    if groups_:
        rest = Table.grid(padding=(0, 1), expand=True)
        rest.add_column(justify="right", style="dim", no_wrap=True, min_width=3)
        rest.add_column(ratio=3)  # a long title wraps between words, never cut with « … »
        if show_ids:
            rest.add_column(style="cyan", no_wrap=True)  # an id whole, never cut: the title gives way
        for category, items in groups_:
            rest.add_row("", plain(pick(category.label, category.label_en).upper(), "bold magenta"), *([""] if show_ids else []))
            for item in items:
                title = mark_of(item).append_text(read_mark(item.document.id, read))
                title.append_text(plain(pick(item.document.title, item.document.title_en)))
                rest.add_row(str(item.number), title, *([_id_cell(item.document.id)] if show_ids else []))
        parts += [Text(t("plan.rest_title"), style="bold"), rest]
    # The next step comes before the start set: on a small screen (80×24) the start set and the menu
    # that follows fill it, and what the person acts on first stays in view.
    parts.append(plain(plans.find_line(plan), "dim"))
    parts.append(plain(f"{plans.detail_line(plan)} · {plans.read_line(plan)}", "bold"))
    start = Table.grid(padding=(0, 1), expand=True)
    start.add_column(justify="right", style="bold", no_wrap=True, min_width=3)
    start.add_column(ratio=1)
    if show_ids:
        start.add_column(style="cyan", no_wrap=True)
    for item in plan.start:
        # Titles and « pourquoi » wrap between words, whole: nothing is cut at the panel's edge.
        line = mark_of(item).append_text(read_mark(item.document.id, read))
        line.append_text(plain(pick(item.document.title, item.document.title_en), "bold"))
        why = plain(item.why, "dim")
        start.add_row(str(item.number), Group(line, why), *([_id_cell(item.document.id)] if show_ids else []))
    body: list[RenderableType] = [plain(plans.start_line(plan)), start] if plan.start else [plain(plans.start_line(plan))]
    parts.append(Panel(Group(*body), title=Text(t("plan.start_title"), style="bold"), title_align="left", border_style="green"))
    return Group(*parts)


def _rich_marked(marked: Marked, style: str = "") -> Text:
    text = Text(marked.text, style=style)
    for start, end in marked.spans:
        text.stylize(HIGHLIGHT, start, end)
    return text


def title_text(result: SearchOutcome, index: int, read: frozenset[str] = NOTHING) -> Text:
    """The title with its matched words highlighted (in English, the French title beneath it), then the excerpt."""
    hit = result.hits[index]
    document = hit.document
    matched = result.matched
    english = get_lang() == "en"
    text = read_mark(document.id, read)
    text.append_text(_rich_marked(mark(pick(document.title, document.title_en), matched), "bold"))
    if english and document.title_en:
        text.append("\n")
        text.append_text(_rich_marked(mark(document.title, matched), "dim italic"))
    reason = why(hit, matched, english, width=100)
    if reason is not None:
        field, marked = reason
        text.append("\n")
        text.append_text(Text(f"{colon(t(f'field.{field}'))} ", "dim"))
        text.append_text(_rich_marked(marked, "dim"))
    return text


def result_table(result: SearchOutcome, read: frozenset[str] = NOTHING, shown: int | None = None) -> Table:
    caption = " · ".join(search_lead(result))
    table = Table(
        title=Text(t("search.title", query=one_line(result.query)), style="bold"),
        caption=Text(caption),
        box=box.SIMPLE_HEAVY,
        expand=False,
    )
    table.add_column(t("col.number"), justify="right", style="dim", no_wrap=True)
    table.add_column(t("col.title"), ratio=5)
    table.add_column(t("col.match"), ratio=1)
    table.add_column(t("col.id"), style="cyan", no_wrap=True)
    for index, hit in enumerate(result.hits[:shown]):
        table.add_row(str(index + 1), title_text(result, index, read), Text(fields_label(hit.fields)), Text(hit.document.id))
    return table


def result_stacked(result: SearchOutcome, read: frozenset[str] = NOTHING, shown: int | None = None) -> RenderableType:
    """The search's documents one a block (number and title with its excerpt, where the words are, the id
    whole), for a screen too narrow for the table."""
    parts: list[RenderableType] = [
        Text(t("search.title", query=one_line(result.query)), style="bold"),
        Text(" · ".join(search_lead(result))),
    ]
    for index, hit in enumerate(result.hits[:shown]):
        head = Text(f"{index + 1}. ", style="dim")
        head.append_text(title_text(result, index, read))
        where = Text(f"   {colon(t('col.match'))} ", style="dim")
        where.append_text(Text(fields_label(hit.fields)))
        parts += [Text(), head, where, whole(hit.document.id, "   ")]
    return Group(*parts)


def _documents(result: results.DocumentList, width: int | None) -> RenderableType:
    return documents_table(result.selection, result.title, width, result.read)


def _search(result: results.SearchResult, width: int | None) -> RenderableType | str:
    """The table, then the lines about it (words not found…), then where else the words are.

    Nothing found: nothing on stdout; the CLI says so on stderr, with those lines."""
    if not result.outcome.hits:
        return ""
    after: list[RenderableType] = [plain(line, "yellow") for line in search_notes(result.outcome)]
    hidden = len(result.outcome.hits) - (result.shown if result.shown is not None else len(result.outcome.hits))
    if hidden > 0:
        command = f"kit search {one_line(result.outcome.query)} --all"
        after.append(plain(t("search.more", count=hidden, command=command), "dim"))
    after += [plain(line) for line in pointer_lines(result.kit, result.pointers)]
    grid = result_table(result.outcome, result.read, result.shown)
    stacked = width is not None and not fits(grid, width)
    table: RenderableType = result_stacked(result.outcome, result.read, result.shown) if stacked else grid
    return Group(table, *after) if after else table


BAR_WIDTH = 30
NEXT_SHOWN = 5
"""Next documents shown per path when every path is shown (`kit progress PATH` shows them all)."""


def progress_bar(read: int, total: int) -> Text:
    """« ━━━━━━━━━───────── 6/17 lus »: the share read, then the count."""
    filled = round(BAR_WIDTH * read / total) if total else 0
    bar = Text("━" * filled, style="green")
    bar.append("━" * (BAR_WIDTH - filled), style="grey50")
    bar.append(f"  {t('progress.count', read=read, total=total, count=read)}", style="bold")
    return bar


def progress_view(result: results.ProgressResult, width: int | None = None) -> RenderableType:
    """One panel per path: its bar, then the next documents in reading order (the reader's plan first)."""
    parts: list[RenderableType] = []
    for standing in result.paths:
        path, done = standing.path, standing.progress
        body: list[RenderableType] = [plain(pick(path.title, path.title_en), "dim"), progress_bar(done.read, done.total)]
        if done.done:
            body.append(plain(t("progress.done"), "green"))
        else:
            body.append(Text(colon(t("progress.next")), style="bold"))
            shown = done.next if result.one_path else done.next[:NEXT_SHOWN]
            for label, idents in next_groups(shown, standing.start):
                if label is not None:
                    body.append(plain(label, "dim"))
                grid = Table.grid(padding=(0, 1))
                grid.add_column(justify="right", style="dim", no_wrap=True, min_width=3)
                grid.add_column(ratio=1)
                grid.add_column(style="cyan", no_wrap=True)
                for ident in idents:
                    document = result.documents[ident]
                    style = "bold" if ident in standing.start else ""
                    grid.add_row(
                        str(standing.numbers[ident]), plain(pick(document.title, document.title_en), style), plain(ident)
                    )
                body.append(grid)
            hidden = len(done.next) - len(shown)
            if hidden:
                command = f"kit progress {plans.path_name(path)}"
                body.append(plain(t("progress.more", count=hidden, command=command), "dim"))
        title = plain(plans.path_name(path), "bold")
        if standing.plan:
            title.append(f" — {t('progress.your_plan')}", style="green")
        border = "green" if done.done else "blue"
        parts.append(Panel(Group(*body), title=title, title_align="left", border_style=border))
    if result.orphans:
        from ..progress import orphans_line

        parts.append(plain(orphans_line(result.orphans), "yellow"))
    return Group(*parts)


RENDERERS: dict[type[Any], Callable[[Any, int | None], RenderableType | str]] = {
    results.DocumentList: _documents,
    results.DocumentDetail: lambda r, width: document_panel(r.kit, r.document, width),
    results.PathList: lambda r, width: paths_table(r.kit),
    results.CategoryList: lambda r, width: categories_table(r.kit),
    results.AboutKit: lambda r, width: about_panels(r.kit.about),
    results.SearchResult: _search,
    results.PlanResult: lambda r, width: plan_view(r.kit, r.plan, width, r.read),
    results.ProgressResult: progress_view,
}
