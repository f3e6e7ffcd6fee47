"""The rich tables keep their titles readable at every terminal width."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from coconstruct_cli.model import Kit
from coconstruct_cli.queries import select
from coconstruct_cli.render.table import documents_table


@pytest.mark.parametrize("width", [60, 80, 100, 120, 140, 159, 160, 200, 300])
def test_the_title_column_never_shrinks_below_readable(kit: Kit, width: int) -> None:
    path = next(p for p in kit.paths if p.id == "animate")
    table = documents_table(select(kit, path=path), "T", width)
    console = Console(width=width, file=io.StringIO(), color_system=None)
    widths = table._calculate_column_widths(console, console.options.update_width(width))
    assert widths[1] >= min(24, width // 3), (width, widths)
    assert sum(widths) <= width
