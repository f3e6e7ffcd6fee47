"""The table of formats (`formats.Format`): every row complete, and everything derived from it agrees with it."""

from __future__ import annotations

import re

import pytest

from coconstruct_cli import guide
from coconstruct_cli.formats import DEFAULT, EXTENSIONS, SAVED, Format, Medium, medium
from coconstruct_cli.i18n import MESSAGES

NAMED = [f for f in Format if f is not DEFAULT]


@pytest.mark.parametrize("fmt", NAMED)
def test_every_format_but_the_default_has_an_extension(fmt: Format) -> None:
    # Without one, `-o plan.<it>` would silently write the default format, and the guide could not name its file.
    assert fmt.spec.extensions, fmt
    assert all(e.startswith(".") and e == e.lower() and len(e) > 1 for e in fmt.spec.extensions), fmt
    assert f".{fmt.value}" in fmt.spec.extensions  # the save dialog proposes « plan-<path>.<name> »


def test_only_the_default_has_no_extension_and_no_extension_names_two_formats() -> None:
    assert DEFAULT.spec.extensions == ()
    assert len(EXTENSIONS) == sum(len(f.spec.extensions) for f in Format)
    assert {e: f for f in Format for e in f.spec.extensions} == EXTENSIONS


@pytest.mark.parametrize("fmt", NAMED)
def test_every_format_but_the_default_has_a_catalogue_label(fmt: Format) -> None:
    # The guide names a format by its label when a file name says another (`guide.mismatch_question`).
    assert fmt.spec.label == f"format.{fmt.value}"
    assert fmt.spec.label in MESSAGES and all(MESSAGES[fmt.spec.label]), fmt


def test_the_save_dialog_offers_exactly_the_formats_the_table_marks_offered() -> None:
    offered = [f for f in Format if f.spec.saved is not None]
    assert set(SAVED) == set(offered) and len(SAVED) == len(offered)
    assert [f.spec.saved for f in SAVED] == sorted(f.spec.saved or 0 for f in offered)
    assert tuple(f.value for f in SAVED) == guide.SAVE_FORMATS
    question = guide.save_question()
    assert [o.value for o in question.options] == [*guide.SAVE_FORMATS, guide.SAVE_NO]
    for fmt in SAVED:
        assert f"format.{fmt.value}" in MESSAGES and f"save.{fmt.value}" in MESSAGES, fmt
    assert question.default in guide.SAVE_FORMATS


def test_the_facts_of_each_format() -> None:
    # What the commands ask the rows: a change here changes what they write, and must be meant.
    assert [f for f in Format if f.bom] == [Format.CSV]
    assert [f for f in Format if f.page] == [Format.MD, Format.HTML]
    assert [f for f in Format if f.whole] == [Format.JSON]
    assert [f for f in Format if f.spec.binary] == [Format.XLSX]
    assert [f for f in Format if not f.spec.utf8] == [DEFAULT]
    assert [f for f in Format if f.drawn(terminal=True)] == [DEFAULT]
    assert not any(f.drawn(terminal=False) for f in Format)
    assert medium(Format.XLSX, True) is Medium.XLSX


def test_a_row_needs_its_facts() -> None:
    with pytest.raises(TypeError, match="needs its Spec"):
        Format._new_member_(Format, "odt")  # what the class calls for each row when it is made


def test_commands_ask_the_format_what_it_is_never_list_formats_or_media() -> None:
    # `chosen in (Format.MD, Format.HTML)` would miss a page format added to the table.
    from pathlib import Path

    import coconstruct_cli.cli as cli

    listing = re.compile(r"\bin \(?\s*(Format|Medium)\.[A-Z]+\s*,")
    found = [
        f"{path.name}:{number}"
        for path in sorted(Path(cli.__file__).parent.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if listing.search(line)
    ]
    assert found == []
