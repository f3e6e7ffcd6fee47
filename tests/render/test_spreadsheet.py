"""The spreadsheet a double-click opens right (issue 14 item 10): an .xlsx read back by openpyxl and by
LibreOffice itself, headless, whose cells must be exactly what the CSV of the same command holds."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from coconstruct_cli import guide
from coconstruct_cli.errors import ExitCode
from coconstruct_cli.formats import EXTENSIONS, OFFERED, Format
from coconstruct_cli.render.xlsx import SHEET, cell, workbook
from coconstruct_cli.text import strip_unsafe
from conftest import Script, interview, invoke, terminal

COMMANDS = (
    ["list"],
    ["path", "animer"],
    ["guide", "--role", "entreprise", "--goal", "accompagner", "--need", "outils"],
    ["search", "territoire"],
)


def sheet_rows(data: bytes) -> list[list[Any]]:
    """The cells of the workbook's one sheet, as openpyxl reads them (numbers as numbers)."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True)
    assert book.sheetnames == [SHEET]
    return [["" if v is None else v for v in row] for row in book[SHEET].iter_rows(values_only=True)]


def csv_rows(runner: CliRunner, args: list[str]) -> list[list[str]]:
    code, _, _ = invoke(runner, *args, "-f", "csv", "-o", "same.csv")
    assert code == 0
    return list(csv.reader(io.StringIO(Path("same.csv").read_text(encoding="utf-8-sig"))))


def written(runner: CliRunner, args: list[str], name: str = "out.xlsx") -> bytes:
    code, out, err = invoke(runner, *args, "-o", name)
    assert code == 0, err
    assert out == ""
    return Path(name).read_bytes()


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0])
def test_the_workbook_holds_what_the_csv_holds(runner: CliRunner, args: list[str]) -> None:
    rows = sheet_rows(written(runner, args))
    expected = csv_rows(runner, args)
    assert rows[0] == expected[0]  # the header, as CSV writes it
    assert len(rows) == len(expected) > 1
    for got, want in zip(rows[1:], expected[1:], strict=True):
        # Same cells; CSV protects a leading « - » with « ' », a workbook needs not (its text is never a formula).
        assert [str(v) for v in got] == [w[1:] if w.startswith("'") else w for w in want]


def test_numbers_are_numbers_and_accents_are_accents(runner: CliRunner) -> None:
    rows = sheet_rows(written(runner, COMMANDS[2]))
    header = rows[0]
    first = dict(zip(header, rows[1], strict=True))
    assert isinstance(first["year"], int) and isinstance(first["number"], int)
    assert first["title"] == "Référentiel sur la co-construction en territoire"
    assert [r[header.index("number")] for r in rows[1:]] == list(range(1, len(rows)))


def test_kit_text_is_never_a_formula() -> None:
    data = workbook(["title", "year"], [["=1+1", 2016], ["http://example.org", None], ["+33 1 23", "0042"]])
    assert sheet_rows(data)[1:] == [["=1+1", 2016], ["http://example.org", ""], ["+33 1 23", "0042"]]
    assert cell(["a", "b"]) == "a ; b" and cell(True) == "true" and cell("\x1b[31mred") == "[31mred"


def test_a_workbook_is_not_written_onto_a_terminal(runner: CliRunner) -> None:
    code, out, err = invoke(runner, "list", "-f", "xlsx", console=terminal())
    assert code == ExitCode.USAGE and out == ""
    assert "Le format xlsx est un fichier de tableur" in err and "-o FICHIER.xlsx" in err
    code, _, err = invoke(runner, "list", "-f", "xlsx", "--lang", "en", console=terminal())
    assert "add -o FILE.xlsx" in " ".join(err.split())


def test_a_workbook_goes_down_a_pipe_as_bytes(runner: CliRunner) -> None:
    from coconstruct_cli.cli.app import app

    result = runner.invoke(app, ["paths", "-f", "xlsx"])
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"PK\x03\x04")
    assert sheet_rows(result.stdout_bytes)[0][:2] == ["id", "alias"]


def test_xlsx_is_offered_wherever_csv_is_and_named_by_its_extension() -> None:
    for command, formats in OFFERED.items():
        assert (Format.XLSX in formats) == (Format.CSV in formats), command
    assert EXTENSIONS[".xlsx"] is Format.XLSX
    assert guide.format_of_name("Plan.XLSX") == "xlsx"


def test_the_guide_saves_for_a_spreadsheet_as_xlsx(runner: CliRunner) -> None:
    from coconstruct_cli import i18n

    question = guide.save_question()
    titles = {o.value: o.title for o in question.options}
    assert titles["xlsx"] == "Oui, pour un tableur (.xlsx)"
    assert "pour un tableur" not in titles["csv"]
    i18n.set_lang("en")
    assert {o.value: o.title for o in guide.save_question().options}["xlsx"] == "Yes, for a spreadsheet (.xlsx)"
    i18n.set_lang("fr")
    script = Script([("save", "xlsx"), ("filename", "plan-support.xlsx")])
    assert guide.save_dialog("support", script) == guide.SaveChoice(Path("plan-support.xlsx"), "xlsx", force=False)
    # Typed « .csv » after choosing the spreadsheet: asked, never a workbook under a CSV name.
    script = Script([("save", "xlsx"), ("filename", "plan.csv"), ("mismatch", "chosen")])
    assert guide.save_dialog("support", script) == guide.SaveChoice(Path("plan.xlsx"), "xlsx", force=False)


def test_the_guide_menu_writes_the_workbook(runner: CliRunner) -> None:
    script = interview(("next", "save"), ("save", "xlsx"), ("filename", "plan-support.xlsx"), ("next", "quit"))
    code, _, err = invoke(runner, "guide", console=terminal(ask=script, width=100))
    assert code == 0, err
    assert "Écrit : plan-support.xlsx" in err
    rows = sheet_rows(Path("plan-support.xlsx").read_bytes())
    assert "number" in rows[0] and len(rows) > 5
    assert script.done()


# LibreOffice, headless: the program people double-click the file into -----------------------------------

needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None and not os.environ.get("CI"), reason="LibreOffice is not installed (.ci/run installs it)"
)


def libreoffice_csv(xlsx: Path) -> list[list[str]]:
    """The workbook as LibreOffice opens it, saved as CSV (comma, double quotes, UTF-8: filter options 44,34,76)."""
    out = xlsx.parent / "lo"
    profile = xlsx.parent / "lo-profile"
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", str(out), str(xlsx)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    converted = out / f"{xlsx.stem}.csv"
    assert converted.exists(), done.stdout + done.stderr
    return list(csv.reader(io.StringIO(converted.read_text(encoding="utf-8"))))


@needs_libreoffice
@pytest.mark.e2e
def test_libreoffice_opens_the_workbook_right(runner: CliRunner, tmp_path: Path) -> None:
    args = COMMANDS[2]
    path = tmp_path / "plan.xlsx"
    path.write_bytes(written(runner, args))
    opened = libreoffice_csv(path)
    expected = csv_rows(runner, args)
    assert opened[0] == expected[0]  # the header: no « ï»¿id », no stray byte
    assert opened[1:] == [[w[1:] if w.startswith("'") else w for w in row] for row in expected[1:]]
    header = opened[0]
    titles = [row[header.index("title")] for row in opened[1:]]
    assert "Référentiel sur la co-construction en territoire" in titles  # accents as written
    assert not any("Ã" in value for row in opened for value in row)
    years = [row[header.index("year")] for row in opened[1:]]
    assert all(year.isdigit() for year in years if year)  # numbers read as numbers, not dates nor text with « ' »


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1, max_size=60))
def test_any_text_comes_back_as_written(title: str) -> None:
    (row,) = sheet_rows(workbook(["title"], [[title]]))[1:]
    assert row == [strip_unsafe(title)]


def test_a_cell_over_excel_s_limit_is_cut_with_a_mark_and_said_on_stderr(runner: CliRunner, write_kit: Any) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["documents"][0]["notes"] = ["a" * 20_000, "b" * 20_000]

    path = write_kit(edit)
    code, out, err = invoke(runner, "list", "--kit", str(path), "-o", "long.xlsx")
    assert code == 0 and out == "", err
    rows = sheet_rows(Path("long.xlsx").read_bytes())
    notes = rows[1][rows[0].index("notes")]
    assert len(notes) == 32_767 and notes.endswith("b…") and notes.startswith("a" * 20_000)
    assert "Tableur : une cellule dépassait la limite d'Excel (32 767 caractères)" in err
    assert "coupée et finit par « … » (colonne, ligne : notes, 2)" in err
    # A text at the limit exactly is left whole.
    assert cell("c" * 32_767) == "c" * 32_767
    assert workbook(["t"], [["c" * 32_767]]).cut == ()
    assert workbook(["t", "u"], [["c" * 40_000, "d" * 40_000]]).cut == ("t, 2", "u, 2")


# Each character that makes a spreadsheet run a cell as a formula (or its start, for tab and CR).
FORMULA_STARTS = ("+", "-", "=", "@", "\t", "\r")


@pytest.mark.parametrize("start", FORMULA_STARTS, ids=repr)
def test_a_cell_starting_like_a_formula_is_guarded_in_csv_and_is_text_in_xlsx(start: str) -> None:
    from openpyxl import load_workbook

    from coconstruct_cli.render.csvout import to_csv

    value = f"{start}SUM(A1:A9)"
    (row,) = list(csv.reader(io.StringIO(to_csv(["title"], [[value]]))))[1:]
    # Guarded with « ' », or the character is not kept (a CR is dropped as a control character): never a formula.
    assert row[0].startswith("'") or not row[0].startswith(FORMULA_STARTS), row
    assert row[0].endswith("SUM(A1:A9)"), row
    book = load_workbook(io.BytesIO(workbook(["title"], [[value]])))
    written = book[SHEET]["A2"]
    assert written.data_type == "s" and written.value == cell(value)


@pytest.mark.parametrize("start", ["+", "-", "=", "@"])
def test_a_title_starting_like_a_formula_is_guarded_by_kit_list(start: str, runner: CliRunner, write_kit: Any) -> None:
    from openpyxl import load_workbook

    def edit(data: dict[str, Any]) -> None:
        data["documents"][0]["title"] = f"{start}33 1 23 45 67"

    path = write_kit(edit)
    rows = csv_rows(runner, ["--kit", str(path), "list"])
    titles = [r[rows[0].index("title")] for r in rows[1:]]
    assert f"'{start}33 1 23 45 67" in titles
    book = load_workbook(io.BytesIO(written(runner, ["--kit", str(path), "list"])))
    cells = [c for c in book[SHEET].iter_rows(min_row=2) for c in c if c.value == f"{start}33 1 23 45 67"]
    assert len(cells) == 1 and cells[0].data_type == "s"
