"""One entry per result kind: picks the renderer for the chosen format.

Each function returns either text (written as is) or, for `table` on a terminal, a rich renderable.
Renderers are imported only for the format asked for; rich only for a table on a terminal.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from ..i18n import pick
from ..queries import (
    RECORD_FIELDS,
    Selection,
    category_record,
    path_record,
    paths_by_document,
    record,
    records,
)

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ..model import Document, Kit

    Rendered = str | RenderableType


def documents(selection: Selection, fmt: str, title: str, terminal: bool) -> Rendered:
    if fmt == "json":
        from . import jsonout

        return jsonout.dumps(records(selection))
    if fmt == "csv":
        from . import csvout

        return csvout.records_csv(records(selection), RECORD_FIELDS)
    if fmt == "md":
        from . import markdown

        return markdown.documents_md(selection, title)
    if fmt == "html":
        from . import html

        return html.documents_html(selection, title, datetime.date.today())
    if terminal:
        from .table import documents_table

        return documents_table(selection, title)
    from . import plain

    header = ["id", "category", "year", "authors", "title"]
    rows = ([d.id, d.category, d.year, ", ".join(d.authors), pick(d.title, d.title_en)] for d in selection.documents)
    return plain.tsv(header, rows)


def paths(kit: Kit, fmt: str, terminal: bool) -> Rendered:
    data = [path_record(kit, p) for p in kit.paths]
    if fmt == "json":
        from . import jsonout

        return jsonout.dumps(data)
    if fmt == "csv":
        from . import csvout

        fields = ("id", "alias", "title", "title_en", "description", "description_en", "documents")
        return csvout.records_csv(data, fields)
    if fmt == "md":
        from . import markdown

        return markdown.paths_md(kit)
    if fmt == "html":
        from . import html

        return html.paths_html(kit, datetime.date.today())
    if terminal:
        from .table import paths_table

        return paths_table(kit)
    from . import plain

    rows = ([p.id, p.alias, len(p.documents), pick(p.title, p.title_en)] for p in kit.paths)
    return plain.tsv(["id", "alias", "documents", "title"], rows)


def categories(kit: Kit, fmt: str, terminal: bool) -> Rendered:
    data = [category_record(kit, c) for c in kit.categories]
    if fmt == "json":
        from . import jsonout

        return jsonout.dumps(data)
    if fmt == "csv":
        from . import csvout

        rows: list[dict[str, Any]] = [{**r, "subcategories": [s["id"] for s in r["subcategories"]]} for r in data]
        return csvout.records_csv(rows, ("id", "label", "label_en", "description", "aliases", "subcategories", "documents"))
    if fmt == "md":
        from . import markdown

        return markdown.categories_md(kit)
    if fmt == "html":
        from . import html

        return html.categories_html(kit, datetime.date.today())
    if terminal:
        from .table import categories_table

        return categories_table(kit)
    from . import plain

    tsv_rows = ([r["id"], len(r["documents"]), pick(r["label"], r["label_en"])] for r in data)
    return plain.tsv(["id", "documents", "label"], tsv_rows)


def document(kit: Kit, doc: Document, fmt: str, terminal: bool) -> Rendered:
    if fmt == "json":
        from . import jsonout

        return jsonout.dumps(record(doc, paths_by_document(kit)[doc.id]))
    if fmt == "md" or not terminal:
        from . import markdown

        return markdown.document_md(kit, doc)
    from .table import document_panel

    return document_panel(kit, doc)
