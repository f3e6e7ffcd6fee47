"""`text.for_terminal`, the one terminal sanitizer, and the surrogate repair every output relies on."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from coconstruct_cli.text import for_terminal, no_surrogates, one_line, strip_unsafe

UNSAFE = "\x1b]0;pwned\x07\x1b[5m\x9b31m\u202e\u2066\u200f\x7f\x00"


def test_controls_c1_and_bidi_characters_are_removed() -> None:
    assert for_terminal(f"a{UNSAFE}b") == "a]0;pwned[5m31mb"
    assert one_line(f" a\n{UNSAFE}\tb ") == "a ]0;pwned[5m31m b"


def test_tabs_and_line_separators_become_spaces_newlines_stay_for_messages() -> None:
    assert for_terminal("a\tb\u2028c") == "a b c"
    assert strip_unsafe("a\nb\tc") == "a\nb\tc"


def test_a_lone_surrogate_becomes_the_replacement_character() -> None:
    # `kit search $'territoire\xff'`: Python hands the byte over as U+DCFF.
    assert for_terminal("territoire\udcff") == "territoire\ufffd"
    assert one_line("\ud800x") == "\ufffdx"
    assert no_surrogates("déjà \udcff") == "déjà \ufffd"
    assert no_surrogates("plain") == "plain"


@given(st.text(alphabet=st.characters(codec=None, exclude_categories=())))
def test_what_for_terminal_returns_can_always_be_written_as_utf8(text: str) -> None:
    shown = for_terminal(text)
    shown.encode("utf-8")  # never a lone surrogate
    assert not any(c in shown for c in "\x1b\x07\x9b\u202e\t\r")
