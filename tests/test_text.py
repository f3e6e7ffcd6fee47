"""`text.for_terminal`, the one terminal sanitizer, the surrogate repair every output relies on, and
`text.french_spaces`, the one French typography of messages, pages and tables."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from coconstruct_cli import i18n, text
from coconstruct_cli.text import for_terminal, french_spaces, no_surrogates, one_line, strip_unsafe

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


LOOSE = re.compile(r"[ \t\r\n][:;?!»]|«[ \t\r\n]")


def test_french_spaces_keep_marks_with_their_words() -> None:
    assert french_spaces("Objectif : agir ; vraiment ? Oui !") == "Objectif\u00a0: agir\u00a0; vraiment\u00a0? Oui\u00a0!"
    assert french_spaces("« co-construction »") == "«\u00a0co-construction\u00a0»"
    assert french_spaces("Goal: act. http://x.org/a?b=c") == "Goal: act. http://x.org/a?b=c"  # nothing glued is touched
    assert french_spaces("a  :") == "a\u00a0:"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=" \tab:;?!«»\u00a0.-", max_size=40))
def test_french_spaces_only_turns_breakable_spaces_into_non_breaking_ones(raw: str) -> None:
    spaced = french_spaces(raw)
    assert not LOOSE.search(spaced)
    assert spaced.replace("\u00a0", " ") == re.sub(r"[ \t]+(?=[:;?!»])|(?<=«)[ \t]+", " ", raw).replace("\u00a0", " ")


def test_messages_and_kit_text_share_the_one_french_spacing() -> None:
    # The catalogue's French (`i18n.t`) and the pages' and tables' kit text are spaced by the same function.
    i18n.set_lang("fr")
    assert i18n.t("help.progress") == french_spaces(i18n.MESSAGES["help.progress"][0])
    package = Path(text.__file__).resolve().parent
    defined = [
        f"{path.relative_to(package)}:{node.name}"
        for path in sorted(package.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef) and node.name.startswith("french_spac")
    ]
    assert defined == ["text.py:french_spaces"]
