"""`Block` kinds are closed: every renderer writes each kind, and a misspelt kind is an error, never « docs »."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, get_args

import pytest

from coconstruct_cli.render import html, markdown, plain, table
from coconstruct_cli.render.common import Block, BlockKind

WRITERS: dict[str, Callable[[Block], Any]] = {
    "markdown": markdown._md_block,
    "html": html._html_block,
    "table": table._rich_block,
    "plain": plain._text_block,
}


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_every_kind_is_written_by_every_renderer(writer: str) -> None:
    for kind in get_args(BlockKind):
        block = Block(kind, "texte", items=("guide-construire-ensemble",), label="Étiquette", url="https://example.org")
        assert WRITERS[writer](block), (writer, kind)


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_a_misspelt_kind_fails_instead_of_being_written_as_documents(writer: str) -> None:
    misspelt = Block("dcos", "texte", items=("guide-construire-ensemble",))  # type: ignore[arg-type]
    with pytest.raises(AssertionError):
        WRITERS[writer](misspelt)


def test_a_misspelt_pointer_place_fails_instead_of_being_told_as_a_category(kit: Any) -> None:
    from coconstruct_cli.render.common import pointer_lines
    from coconstruct_cli.search import Marked, Pointer

    pointer = Pointer("categorie", "toolbox", "Boîte à outils", Marked("", ()), ())  # type: ignore[arg-type]
    with pytest.raises(AssertionError, match="categorie"):
        pointer_lines(kit, [pointer])


def test_a_pointer_place_is_a_closed_type_that_every_place_searched_belongs_to(kit: Any) -> None:
    """`Pointer.where` is a Literal (strict mypy refuses a misspelt place and checks the renderer's `match`)."""
    import typing

    from coconstruct_cli.search import Pointer
    from coconstruct_cli.search.background import background_units

    places = typing.get_args(typing.get_type_hints(Pointer)["where"])
    assert places == ("about", "path", "category")
    for english in (False, True):
        assert {where for where, *_ in background_units(kit, english)} == set(places)
