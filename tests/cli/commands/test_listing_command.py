"""`kit list` and `kit path` number their documents once (`queries.reading_numbers`), the same in every format:
a filter keeps the numbers of the whole list, and a path's numbers are the N of `kit show PATH:N`."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from typer.testing import CliRunner

from conftest import invoke, terminal


def numbers_in(fmt: str, out: str) -> list[int]:
    """The numbers a reader sees, in the order shown, in the output of `--format fmt`."""
    match fmt:
        case "json":
            return [d["number"] for d in json.loads(out)]
        case "csv":
            return [int(r["number"]) for r in csv.DictReader(io.StringIO(out))]
        case "tsv":
            header, *lines = out.splitlines()
            at = header.split("\t").index("number")
            return [int(line.split("\t")[at]) for line in lines]
        case "md":
            return [int(n) for n in re.findall(r"^(\d+)\. ", out, re.M)]
        case "html":
            return [int(n) for n in re.findall(r'<td class="num"[^>]*>(\d+)</td>', out)]
        case "terminal":
            # Spaces, not \s: a year alone on its line must not reach the next line's number.
            return [int(n) for n in re.findall(r"^[ ]*(\d+)[ ]{2,}\S", out, re.M)]
    raise AssertionError(fmt)


def every_format(runner: CliRunner, *args: str) -> dict[str, list[int]]:
    shown = {}
    for fmt in ("json", "csv", "md", "html"):
        code, out, err = invoke(runner, *args, "--format", fmt)
        assert code == 0, err
        shown[fmt] = numbers_in(fmt, out)
    code, out, err = invoke(runner, *args)
    assert code == 0, err
    shown["tsv"] = numbers_in("tsv", out)
    code, out, err = invoke(runner, *args, console=terminal(width=200))
    assert code == 0, err
    shown["terminal"] = numbers_in("terminal", out)
    return shown


def kit_numbers(runner: CliRunner, *args: str) -> dict[str, int]:
    code, out, _ = invoke(runner, *args, "--format", "json")
    assert code == 0
    return {d["id"]: d["number"] for d in json.loads(out)}


def test_kit_list_of_a_category_numbers_alike_in_every_format_as_the_whole_list_does(runner: CliRunner) -> None:
    whole = kit_numbers(runner, "list")
    assert list(whole.values()) == list(range(1, len(whole) + 1))
    code, out, _ = invoke(runner, "list", "-c", "toolbox", "--format", "json")
    toolbox = [whole[d["id"]] for d in json.loads(out)]
    assert toolbox[0] > 1  # the toolbox comes after other categories: 19, 20…, not 1, 2…
    shown = every_format(runner, "list", "-c", "toolbox")
    assert {fmt: numbers for fmt, numbers in shown.items() if numbers != toolbox} == {}


@pytest.mark.parametrize("args", [("path", "animer"), ("list", "-p", "animer", "-c", "toolbox")])
def test_a_path_s_numbers_are_alike_in_every_format_and_are_those_kit_show_accepts(
    runner: CliRunner, args: tuple[str, ...]
) -> None:
    numbers = kit_numbers(runner, *args)
    path = kit_numbers(runner, "path", "animer")
    assert numbers == {ident: path[ident] for ident in numbers}
    shown = every_format(runner, *args)
    assert {fmt: n for fmt, n in shown.items() if n != list(numbers.values())} == {}
    for ident, number in list(numbers.items())[:3]:
        code, out, _ = invoke(runner, "show", f"animer:{number}", "--format", "json")
        assert code == 0 and json.loads(out)["id"] == ident


@pytest.mark.parametrize("width", [4, 3, 1, 19])
def test_kit_show_on_a_terminal_too_narrow_for_a_box_prints_plain_lines(runner: CliRunner, width: int) -> None:
    """At 4 columns or fewer a box held only its borders, silently: the linear view is printed instead."""
    code, out, err = invoke(runner, "show", "etudes-phare", console=terminal(width=width))
    assert code == 0 and err == ""
    assert not set(out) & set("╭╮╰╯│─"), out[:200]
    assert "Etudes PHARE sur les fragilités" in out and "Identifiant : etudes-phare" in out


def test_kit_show_on_a_terminal_wide_enough_still_draws_its_box(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "show", "etudes-phare", console=terminal(width=20))
    assert code == 0 and "╭" in out
