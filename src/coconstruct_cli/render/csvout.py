"""CSV output: RFC 4180 rows that a spreadsheet opens as text, never as a formula."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..queries import readable
from ..text import strip_unsafe

if TYPE_CHECKING:
    from ..results import Result

# A cell starting with one of these is run as a formula by Excel, LibreOffice and Google Sheets.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "|", "%")


def cell(value: Any) -> str:
    """One value as a safe CSV cell: lists joined with « ; », objects written readably
    (`queries.readable`: « company: à destination des chefs d'entreprise »)."""
    text = strip_unsafe(readable(value))
    if text.startswith(_FORMULA_START):
        text = "'" + text
    return text


def to_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([cell(h) for h in header])
    for row in rows:
        writer.writerow([cell(v) for v in row])
    return buffer.getvalue()


def records_csv(records: list[dict[str, Any]], fields: Sequence[str]) -> str:
    return to_csv(fields, ([r.get(f) for f in fields] for r in records))


def generic(result: Result) -> str:
    """Every result's rows (`Result.records()`), in `Result.fields` order."""
    return records_csv(result.records(), result.fields)


RENDERERS: dict[type[Any], Any] = {}
