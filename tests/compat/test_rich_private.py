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
