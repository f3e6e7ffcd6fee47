"""The one name `compat.rich` takes from rich's private parts, `rich._wrap.re_word`, exists and is read the way
`kit` relies on: a rich release that changes it fails this test by name (tests/render/test_table.py then
shows what it does to French text)."""

from __future__ import annotations

import re

import pytest


def test_re_word(monkeypatch: pytest.MonkeyPatch) -> None:
    from rich import _wrap

    assert isinstance(_wrap.re_word, re.Pattern)
    # `words` reads the module's pattern at each call: replacing it (as `compat.rich.keep_words_joined` does)
    # changes how a line is cut into words.
    monkeypatch.setattr(_wrap, "re_word", re.compile(r"\s*\S+\s*"))
    assert [word for _, _, word in _wrap.words("a\u00a0: b")] == ["a\u00a0", ": ", "b"]
    monkeypatch.setattr(_wrap, "re_word", re.compile("[^\\S\u00a0]*[\\S\u00a0]+[^\\S\u00a0]*"))
    assert [word for _, _, word in _wrap.words("a\u00a0: b")] == ["a\u00a0: ", "b"]


def test_keep_words_joined_keeps_french_spaces_inside_words() -> None:
    from rich import _wrap
    from rich.console import Console
    from rich.text import Text

    from coconstruct_cli.compat.rich import keep_words_joined

    assert keep_words_joined("\u00a0\u202f\u2007")
    assert [word for _, _, word in _wrap.words("a\u00a0: b")] == ["a\u00a0: ", "b"]
    # Through rich's public wrapping: « : » never starts a line.
    lines = Text("mot\u00a0: suite").wrap(Console(width=5), 5)
    assert [line.plain.rstrip() for line in lines] == ["mot\u00a0:", "suite"]


def test_calculate_column_widths_and_extra_width() -> None:
    """`compat.rich.column_widths` reads rich's own layout: a release that renames it fails here by name."""
    import io

    from rich.console import Console
    from rich.table import Table

    from coconstruct_cli.compat.rich import column_widths

    table = Table(box=None)
    table.add_column("a", no_wrap=True)
    table.add_column("b", ratio=1)
    table.add_row("x" * 10, "mot " * 30)
    assert isinstance(table._extra_width, int)
    console = Console(width=60, file=io.StringIO(), color_system=None)
    assert len(table._calculate_column_widths(console, console.options.update_width(60))) == 2
    widths = column_widths(table, 60)
    assert widths is not None and widths[0] >= 10 and sum(widths) <= 60
    narrow = column_widths(table, 8)  # rich squeezes even a no-wrap column: `render.table.fits` sees it
    assert narrow is not None and narrow[0] < 10
