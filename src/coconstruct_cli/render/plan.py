"""The reading plan in every format: a rich panel and table on a terminal, tab-separated text in a
pipe, Markdown to keep or send, JSON to replay (`kit guide --answers`), CSV for a spreadsheet.

rich is imported only by `plan_view`, so `--format json` never loads it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import guide
from ..i18n import get_lang, pick, t
from ..queries import RECORD_FIELDS, groups
from . import csvout, jsonout, markdown, plain

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ..model import Document, Kit
    from .views import Rendered

CSV_FIELDS: tuple[str, ...] = (*RECORD_FIELDS, "highlight", "reason")
STAR = "★"


def render(kit: Kit, plan: guide.Plan, fmt: str, terminal: bool) -> Rendered:
    """The plan in `fmt`; `table` is drawn with rich on a terminal and is plain text otherwise."""
    if fmt == "json":
        return plan_json(plan)
    if fmt == "csv":
        return plan_csv(plan)
    if fmt == "md":
        return plan_md(kit, plan)
    if fmt == "html":
        from datetime import date

        from .html import plan_html

        return plan_html(plan, date.today())
    if terminal:
        return plan_view(kit, plan)
    return plan_tsv(plan)


def plan_json(plan: guide.Plan) -> str:
    return jsonout.dumps(guide.plan_data(plan))


def plan_csv(plan: guide.Plan) -> str:
    rows = [{**r, "highlight": "true" if r["highlight"] else "false"} for r in guide.plan_data(plan)["documents"]]
    return csvout.records_csv(rows, CSV_FIELDS)


def plan_tsv(plan: guide.Plan) -> str:
    header = ["number", "id", "category", "year", "authors", "title", "for_you"]
    rows = (
        [i.number, i.document.id, i.document.category, i.document.year, ", ".join(i.document.authors), _title(i), i.reason]
        for i in plan.items
    )
    return plain.tsv(header, rows)


def _when(document: Document) -> str:
    """« 2015-2016 » as the kit dates it, but « novembre 2016 » as just its year: the column stays narrow."""
    if document.date and not any(c.isalpha() for c in document.date):
        return document.date
    return str(document.year)


def _title(item: guide.Item) -> str:
    return pick(item.document.title, item.document.title_en)


def _labelled(label: str, value: str) -> str:
    """« **Label** : value » with the colon spacing of the current language."""
    return f"**{label}** : {value}" if get_lang() == "fr" else f"**{label}**: {value}"


def plan_md(kit: Kit, plan: guide.Plan) -> str:
    path_title = pick(plan.path.title, plan.path.title_en)
    out = [markdown.heading(1, t("plan.title")), "\n"]
    out.append(markdown.item(_labelled(t("label.role"), markdown.escape(t(f"role.{plan.role}")))))
    out.append(markdown.item(_labelled(t("label.goal"), markdown.escape(guide.goal_title(kit, plan.goal)))))
    out.append(markdown.item(_labelled(t("label.reading_path"), f"{markdown.escape(path_title)} (`{plan.path.id}`)")))
    out.append("\n" + markdown.escape(pick(plan.path.purpose, plan.path.purpose_en)) + "\n")
    for line in [guide.start_line(plan), *guide.notes(plan)]:
        out.append("\n" + markdown.escape(line) + "\n")
    items = iter(plan.items)
    for category, docs in groups(plan.selection):
        out.append("\n" + markdown.heading(2, pick(category.label, category.label_en)) + "\n")
        for _ in docs:
            item = next(items)
            marker = f"{item.number}. "
            star = f"{STAR} " if item.highlight else ""
            out.append(f"{marker}{star}{markdown.document_line(item.document)}\n")
            if item.highlight:
                # Indented to the item's text, so the reason nests under it whatever the number's width.
                indent = " " * len(marker)
                out.append(f"{indent}- {_labelled(t('col.for_you'), markdown.escape(item.reason))}\n")
    return "".join(out)


def plan_view(kit: Kit, plan: guide.Plan, width: int | None = None) -> RenderableType:
    """A heading panel (path, purpose, answers, where to start) above the table in reading order.

    As `kit list`'s table, it fits the screen: below 110 columns the kind goes and the reason « Pour
    vous » moves under the title, so that titles and reasons stay readable at 80 columns."""
    import shutil

    from rich import box
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    from .table import plain as cell
    from .table import title_cell

    heading: list[RenderableType] = [
        cell(pick(plan.path.title, plan.path.title_en), "bold"),
        cell(pick(plan.path.purpose, plan.path.purpose_en), "dim"),
        Text(""),
        cell(guide.answers_line(kit, plan)),
        cell(guide.start_line(plan), "bold"),
    ]
    heading.extend(cell(line, "yellow") for line in guide.notes(plan))
    panel = Panel(Group(*heading), title=Text(t("plan.title"), style="bold"), title_align="left", border_style="blue")

    roomy = (width or shutil.get_terminal_size().columns) >= 110
    # Without a document for the role there is nothing to say in « Pour vous »: the panel says why.
    for_you = bool(plan.highlights) and roomy
    # Expanded so that the titles and the reasons share the width left by the short columns.
    table = Table(box=box.SIMPLE_HEAVY, expand=True)
    table.add_column(t("col.number"), justify="right", style="dim", no_wrap=True)
    table.add_column(t("col.title"), ratio=3, min_width=24)
    table.add_column(t("col.authors"), ratio=1, max_width=24 if roomy else 16)
    table.add_column(t("col.year"), no_wrap=True)
    if roomy:
        table.add_column(t("col.kind"), max_width=20)
    if for_you:
        table.add_column(t("col.for_you"), ratio=2)
    columns = len(table.columns)
    items = iter(plan.items)
    for category, docs in groups(plan.selection):
        label = cell(pick(category.label, category.label_en).upper(), "bold magenta")
        table.add_row("", label, *[""] * (columns - 2))
        for _ in docs:
            item = next(items)
            document = item.document
            title = title_cell(document)
            if item.highlight:
                title = Text(f"{STAR} ", style="bold yellow").append_text(title)
                if not for_you:
                    colon = " : " if get_lang() == "fr" else ": "
                    title.append(f"\n{t('col.for_you')}{colon}", style="bold yellow")
                    title.append_text(cell(item.reason, "yellow"))
            row: list[RenderableType] = [str(item.number), title, cell(", ".join(document.authors)), cell(_when(document))]
            if roomy:
                row.append(cell(document.kind))
            if for_you:
                row.append(cell(item.reason, "yellow") if item.highlight else Text(""))
            table.add_row(*row)
        table.add_section()
    return Group(panel, table)
