"""Spreadsheet output: an .xlsx workbook that LibreOffice and Excel open right with a double-click.

A CSV file cannot promise it: LibreOffice's default import ignores the byte-order mark and reads the
file as Windows-1252. A workbook says its encoding and its cell types itself. Every result is written
through its machine form (`Result.records()`, `Result.fields`), as CSV is: one header row, one row per
record. XlsxWriter (pure Python) is imported here only, when this format is asked for.

Text is always written as text: the workbook is built with no conversion of strings to formulas,
numbers or links, so kit text that starts with « = » stays text. Numbers (a year, a reading-order
number, a score) are numbers.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..queries import readable
from ..text import strip_unsafe

if TYPE_CHECKING:
    from ..results import Result

SHEET = "kit"
_WIDEST = 60
"""Characters: a column is as wide as its longest cell up to this, the rest wraps in the cell."""
CELL_LIMIT = 32767
"""Excel's most characters in one cell (XlsxWriter cuts a longer text there, without a mark)."""
CUT_MARK = "…"


class Workbook(bytes):
    """The bytes of an .xlsx file; `cut` names the cells cut at `CELL_LIMIT` (« field, row N »), for the
    CLI to say so on stderr (a renderer prints nothing)."""

    cut: tuple[str, ...] = ()


def cell(value: Any) -> str | int | float:
    """One value as a cell: numbers stay numbers, the rest is text written as in CSV (`queries.readable`),
    cut at Excel's limit with « … » as its last character."""
    return _cell(value)[0]


def _cell(value: Any) -> tuple[str | int | float, bool]:
    """The cell and whether its text was cut."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value, False
    text = strip_unsafe(readable(value))
    if len(text) > CELL_LIMIT:
        return text[: CELL_LIMIT - len(CUT_MARK)] + CUT_MARK, True
    return text, False


def workbook(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> Workbook:
    """The rows under their header, in one sheet, as the bytes of an .xlsx file."""
    import xlsxwriter

    buffer = io.BytesIO()
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False}
    book = xlsxwriter.Workbook(buffer, options)
    sheet = book.add_worksheet(SHEET)
    bold = book.add_format({"bold": True})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    cells: list[list[str | int | float]] = []
    cut: list[str] = []
    for number, row in enumerate(rows, 2):  # the row numbers a spreadsheet shows, under the header
        cells.append([])
        for column, value in enumerate(row):
            written, was_cut = _cell(value)
            cells[-1].append(written)
            if was_cut:
                cut.append(f"{header[column] if column < len(header) else column + 1}, {number}")
    for column, name in enumerate(header):
        sheet.write_string(0, column, strip_unsafe(name), bold)
        longest = max([len(name), *(len(str(row[column])) for row in cells)])
        sheet.set_column(column, column, min(longest, _WIDEST) + 2, wrap)
    for number, row in enumerate(cells, 1):
        for column, value in enumerate(row):
            if isinstance(value, str):
                sheet.write_string(number, column, value)
            else:
                sheet.write_number(number, column, value)
    sheet.freeze_panes(1, 0)
    if header:
        sheet.autofilter(0, 0, max(len(cells), 1), len(header) - 1)
    book.close()
    done = Workbook(buffer.getvalue())
    done.cut = tuple(cut)
    return done


def generic(result: Result) -> Workbook:
    """Every result's rows (`Result.records()`), in `Result.fields` order, as CSV gives them."""
    fields = result.fields
    return workbook(fields, [[record.get(f) for f in fields] for record in result.records()])


RENDERERS: dict[type[Any], Any] = {}
