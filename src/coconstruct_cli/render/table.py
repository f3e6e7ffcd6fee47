"""Rich renderables for a terminal. Kit text always enters as `Text`, never as markup."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

from rich import box
from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..i18n import get_lang, pick, t
from ..queries import Selection, groups, paths_by_document, subcategory_label, when
from ..text import one_line, strip_unsafe

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ..model import Document, Kit


def plain(text: str | None, style: str = "") -> Text:
    """Kit text as a one-line rich Text: no markup, no control characters."""
    return Text(one_line(text or ""), style=style)


def block(text: str | None, style: str = "") -> Text:
    """Kit text as a multi-line rich Text."""
    return Text(strip_unsafe(text or "").replace("\r", ""), style=style)


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


def documents_table(selection: Selection, title: str | None = None, width: int | None = None) -> Table:
    """Documents grouped by category. On a narrow screen the id moves under the title and the kind
    column goes, so that titles stay readable at 80 columns."""
    width = width or shutil.get_terminal_size().columns
    wide, roomy = width >= 120, width >= 90
    table = Table(title=plain(title, "bold") if title else None, box=box.SIMPLE_HEAVY, expand=True)
    table.add_column(t("col.number"), justify="right", style="dim", no_wrap=True)
    table.add_column(t("col.title"), ratio=1, min_width=24, overflow="fold")
    table.add_column(t("col.authors"), max_width=24 if roomy else 16)
    table.add_column(t("col.year"), no_wrap=roomy)
    if roomy:
        table.add_column(t("col.kind"), max_width=20)
    if wide:
        table.add_column(t("col.id"), style="cyan", overflow="fold", max_width=44)
    number = 0
    for category, docs in groups(selection):
        label = pick(category.label, category.label_en)
        table.add_row("", plain(label.upper(), "bold magenta"))
        for d in docs:
            number += 1
            who, when = authors_year(d)
            cell = title_cell(d)
            if not wide:
                cell.append("\n")
                cell.append_text(plain(d.id, "cyan"))
            row: list[str | Text] = [str(number), cell, who, when]
            row += [plain(d.kind)] if roomy else []
            row += [plain(d.id)] if wide else []
            table.add_row(*row)
        table.add_section()
    return table


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
        count = sum(1 for d in kit.documents if d.category == c.id)
        table.add_row(plain(c.id), label, subs, str(count))
    return table


def document_panel(kit: Kit, document: Document) -> RenderableType:
    lang = get_lang()
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    category = next(c for c in kit.categories if c.id == document.category)
    rows: list[tuple[str, Text]] = [
        (t("col.id"), plain(document.id, "cyan")),
        (t("col.category"), plain(pick(category.label, category.label_en))),
    ]
    sub = subcategory_label(kit, document, lang)
    if sub:
        rows.append((t("col.subcategory"), plain(sub)))
    rows += [
        (t("col.authors"), plain(", ".join(document.authors))),
        (t("col.year"), plain(when(document, get_lang()))),
        (t("col.kind"), plain(document.kind)),
        (t("col.paths"), plain(", ".join(paths_by_document(kit)[document.id]) or t("label.none"))),
    ]
    if document.audiences:
        rows.append((t("col.audiences"), plain(", ".join(t(f"role.{a}") for a in document.audiences))))
    if lang == "en" and document.title_en:
        rows.insert(1, (t("col.title_fr"), plain(document.title, "italic")))
    for label, value in rows:
        grid.add_row(label, value)
    parts: list[RenderableType] = [grid, Text(""), block(pick(document.description, document.description_en))]
    if document.parts:
        parts.append(Text(""))
        parts.append(Text(t("col.parts"), style="bold"))
        parts.extend(Text("  • ").append_text(plain(p)) for p in document.parts)
    if document.notes:
        parts.append(Text(""))
        parts.append(Text(t("col.notes"), style="bold"))
        parts.extend(Text("  • ", style="dim").append_text(plain(n, "dim")) for n in document.notes)
    title = plain(pick(document.title, document.title_en), "bold")
    return Panel(Group(*parts), title=title, title_align="left", border_style="blue")
