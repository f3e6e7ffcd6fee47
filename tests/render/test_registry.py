"""One registry serves every result in every format its commands offer: a missing renderer fails here."""

from __future__ import annotations

from typing import Any

import pytest

from coconstruct_cli import progress
from coconstruct_cli.formats import OFFERED, Format, Medium, medium
from coconstruct_cli.guide import Answers
from coconstruct_cli.model import Kit
from coconstruct_cli.plan import build_plan
from coconstruct_cli.queries import select
from coconstruct_cli.render import MODULES, render, renderer
from coconstruct_cli.results import (
    RESULTS,
    AboutKit,
    CategoryList,
    DocumentDetail,
    DocumentList,
    PathList,
    PlanResult,
    ProgressResult,
    Result,
    SearchResult,
    build_progress,
)
from coconstruct_cli.search import search
from coconstruct_cli.text import Utf8

# What each command hands to the renderers.
PRODUCES: dict[str, type[Result]] = {
    "list": DocumentList,
    "path": DocumentList,
    "paths": PathList,
    "categories": CategoryList,
    "show": DocumentDetail,
    "about": AboutKit,
    "search": SearchResult,
    "guide": PlanResult,
    "progress": ProgressResult,
}


def example(kind: type[Result], kit: Kit) -> Result:
    made: dict[type[Result], Any] = {
        DocumentList: lambda: DocumentList(select(kit), "Titre"),
        PathList: lambda: PathList(kit),
        CategoryList: lambda: CategoryList(kit),
        DocumentDetail: lambda: DocumentDetail(kit, kit.documents[0]),
        AboutKit: lambda: AboutKit(kit),
        SearchResult: lambda: SearchResult(kit, search(kit.documents, "territoire")),
        PlanResult: lambda: PlanResult(build_plan(kit, Answers("company", "support", "toolbox"))),
        ProgressResult: lambda: build_progress(kit, progress.EMPTY),
    }
    result: Result = made[kind]()
    return result


def test_every_command_and_every_result_are_known() -> None:
    assert set(PRODUCES) == set(OFFERED)
    assert set(PRODUCES.values()) == set(RESULTS)
    assert set(MODULES) == set(Medium)


def unwritten(result: Result, formats: tuple[Format, ...]) -> list[str]:
    """The formats of `formats` in which `result` cannot be written, on a terminal or off it (« csv/csv »)."""
    missing = []
    for fmt in formats:
        for terminal in (True, False):
            chosen = medium(fmt, terminal)
            try:
                out = render(result, chosen, width=100) if renderer(type(result), chosen) is not None else None
            except NotImplementedError:  # a generic format, for a result without the machine form it reads
                out = None
            if out is None:
                missing.append(f"{fmt.value}/{chosen.value}")
            elif chosen is Medium.RICH:
                assert not isinstance(out, str) or out == ""
            else:
                assert isinstance(out, str | bytes | Utf8), (fmt, chosen)
                assert isinstance(out, bytes) is fmt.spec.binary, (fmt, chosen)  # the table's `binary` column
                assert (bytes(out) if isinstance(out, Utf8) else out).strip(), (fmt, chosen)
    return missing


@pytest.mark.parametrize("command", sorted(OFFERED))
def test_every_format_a_command_offers_renders_its_result(command: str, kit: Kit) -> None:
    assert unwritten(example(PRODUCES[command], kit), OFFERED[command]) == [], command


def test_a_command_offering_a_format_without_a_renderer_for_its_result_fails(kit: Kit) -> None:
    # `kit about` offering CSV: its result has no rows for it; a new format without a renderer is the same case.
    assert unwritten(AboutKit(kit), (*OFFERED["about"], Format.CSV)) == ["csv/csv", "csv/csv"]
    assert unwritten(AboutKit(kit), OFFERED["about"]) == []


def test_a_result_without_a_renderer_is_an_error_not_tab_separated_text(kit: Kit) -> None:
    class Orphan(Result):
        pass

    for chosen in (Medium.RICH, Medium.MD, Medium.HTML):
        assert renderer(Orphan, chosen) is None
        with pytest.raises(LookupError):
            render(Orphan(), chosen)
    # The generic formats serve it only through its machine form, which it must give.
    with pytest.raises(NotImplementedError):
        render(Orphan(), Medium.CSV)


def test_table_is_rich_on_a_terminal_and_text_elsewhere() -> None:
    assert medium(Format.TABLE, True) is Medium.RICH and medium(Format.TABLE, False) is Medium.TEXT
    assert all(medium(f, t) is Medium(f.value) for f in Format if f is not Format.TABLE for t in (True, False))
