"""The private parts of rich that `kit` uses: the word pattern of `rich._wrap`, and the column widths rich
gives a table (`Table._calculate_column_widths`, `Table._extra_width`).

rich cuts a line at any whitespace, a non-breaking space included, so that a French « : » or « « » could
start or end a line. `rich._wrap.words` reads its module's `re_word` (leading spaces, a word, trailing
spaces) each time it is called; `keep_words_joined` puts in its place the same pattern in which the given
non-breaking spaces belong to the word they join. A rich without that name wraps as it does: the tables are
drawn all the same, and tests/compat/test_rich.py fails by name.

Imported by `render.table` only, so rich is still imported only when a table is drawn.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.table import Table


def keep_words_joined(non_breaking: str) -> bool:
    """Make rich's wrapping keep the characters of `non_breaking` inside words; False when this rich cannot."""
    try:
        from rich import _wrap
    except ImportError:  # pragma: no cover - another version of rich
        return False
    if not isinstance(getattr(_wrap, "re_word", None), re.Pattern):  # pragma: no cover - another version of rich
        return False
    _wrap.re_word = re.compile(f"[^\\S{non_breaking}]*[\\S{non_breaking}]+[^\\S{non_breaking}]*")
    return True


def column_widths(table: Table, width: int) -> list[int] | None:
    """The width of each column of `table` as rich lays it out in `width` columns (padding included), or
    None when this rich cannot tell (the caller then takes the layout that always holds)."""
    from rich.console import Console

    calculate = getattr(table, "_calculate_column_widths", None)
    edges = getattr(table, "_extra_width", None)
    if calculate is None or not isinstance(edges, int):  # pragma: no cover - another version of rich
        return None
    console = Console(width=width, file=io.StringIO(), color_system=None)
    widths: list[int] = calculate(console, console.options.update_width(width - edges))
    return widths if sum(widths) + edges <= width else None
