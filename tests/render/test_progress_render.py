"""`kit progress` in every human format, with a hostile kit: its text stays text, and the counts are right."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console
from typer.testing import CliRunner

from coconstruct_cli.progress import EMPTY, kit_identity, mark
from coconstruct_cli.results import build_progress
from conftest import C1_OR_ESC, HOSTILE, invoke, render_as, titled_kit


def test_hostile_titles_stay_text_in_every_progress_format(write_kit: Any) -> None:
    kit = titled_kit(HOSTILE, write_kit)
    first = kit.documents[0].id
    state, _ = mark(EMPTY, kit_identity(kit), ["rex-silver-geek", "zz-ancien"])
    result = build_progress(kit, state)
    assert result.orphans == ("zz-ancien",)
    html = render_as(result, "html")
    assert "<script>" not in html and "&lt;script&gt;" in html and not C1_OR_ESC.search(html)
    assert '<progress value="1" max="19">' in html  # rex-silver-geek is on the animate path only
    md = render_as(result, "md")
    assert "<script>" not in md and "\\<script\\>" in md and "\n# faux titre" not in md
    assert "zz-ancien" in md and "**1/19 lu**" in md
    console = Console(file=io.StringIO(), width=200, color_system=None, force_terminal=True)
    console.print(render_as(result, "table", terminal=True, width=200))
    shown = console.file.getvalue()  # type: ignore[attr-defined]
    assert "[bold red]rouge[/]" in shown and "\x1b" not in shown and "\u202e" not in shown
    assert first in shown and "zz-ancien" in shown


def test_read_lines_of_a_hostile_kit_are_one_safe_line(runner: CliRunner, write_kit: Any) -> None:
    kit = titled_kit(HOSTILE, write_kit)
    path = write_kit(lambda data: data["documents"][0].update(title=HOSTILE))
    code, out, err = invoke(runner, "read", "--kit", str(path), kit.documents[0].id, raw=True)
    assert code == 0, err
    assert len(out.splitlines()) == 1 and not C1_OR_ESC.search(out)
