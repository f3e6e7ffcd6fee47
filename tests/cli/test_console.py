"""The console's messages on stderr: wrapped between words on a terminal, as they are elsewhere."""

from __future__ import annotations

import io

from coconstruct_cli.cli.console import Console

POINTER = "Aussi dans kit about\u00a0: Les formes de la co-construction territoriale (Le dialogue territorial)."


def test_a_long_message_on_a_terminal_is_wrapped_between_words() -> None:
    err = io.StringIO()
    Console(stderr=err, stderr_tty=True, width=40).message(f"Aucun document ne correspond.\n  {POINTER}")
    lines = err.getvalue().splitlines()
    assert lines[0] == "Aucun document ne correspond."
    assert all(len(line) < 40 for line in lines), lines
    # No word cut, the indentation kept on each piece, the no-break space held with its colon.
    assert all(line.startswith("  ") for line in lines[1:])
    assert " ".join(line.strip() for line in lines[1:]) == POINTER
    assert any(line.strip().startswith("Aussi dans kit about\u00a0:") for line in lines)


def test_a_message_read_by_a_script_is_not_wrapped() -> None:
    err = io.StringIO()
    Console(stderr=err, stderr_tty=False, width=40).message(POINTER)
    assert err.getvalue() == POINTER + "\n"


def test_a_word_longer_than_the_screen_is_not_cut() -> None:
    err = io.StringIO()
    word = "x" * 60
    Console(stderr=err, stderr_tty=True, width=30).message(f"voir {word} fin")
    assert err.getvalue().splitlines() == ["voir", word, "fin"]
