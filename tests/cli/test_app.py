"""The kit commands in-process, as a script or a user meets them: stdout, stderr and exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coconstruct_cli import __version__
from coconstruct_cli.errors import ExitCode
from conftest import EXPECTED_PATHS, invoke

DOC_KEYS = {"id", "title", "category", "subcategory", "authors", "year", "kind", "description", "audiences", "paths"}


def test_version(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "--version")
    assert code == 0
    assert out == f"kit (coconstruct-cli) {__version__}\n"


def test_list_json_has_every_document_with_the_contract_fields(runner: CliRunner) -> None:
    code, out, err = invoke(runner, "list", "--format", "json")
    assert code == 0 and err == ""
    docs = json.loads(out)
    assert len(docs) == 36
    assert all(set(d) >= DOC_KEYS for d in docs)
    assert "Référentiel" in out  # UTF-8, not ASCII-escaped
    phare = next(d for d in docs if d["id"] == "etudes-phare")
    assert phare["paths"] == ["understand", "animate", "support"]
    assert phare["date"] == "2015-2016" and phare["year"] == 2016


@pytest.mark.parametrize("name", ["toolbox", "boite-a-outils", "boîte à outils", "outils", "Boîte À Outils", "TOOLBOX"])
def test_category_names_in_english_and_french(runner: CliRunner, name: str) -> None:
    code, out, _ = invoke(runner, "list", "--category", name, "--format", "json")
    assert code == 0
    docs = json.loads(out)
    assert len(docs) == 18 and {d["category"] for d in docs} == {"toolbox"}


@pytest.mark.parametrize("name,count", [("method", 9), ("methode", 9), ("méthode", 9), ("reference", 3), ("cadre", 3)])
def test_other_category_aliases(runner: CliRunner, name: str, count: int) -> None:
    code, out, _ = invoke(runner, "list", "-c", name, "-f", "json")
    assert code == 0 and len(json.loads(out)) == count


@pytest.mark.parametrize("path_id,alias", [("understand", "comprendre"), ("animate", "animer"), ("support", "accompagner")])
def test_path_by_id_and_alias_in_reading_order(runner: CliRunner, path_id: str, alias: str) -> None:
    for name in (path_id, alias, alias.upper()):
        code, out, _ = invoke(runner, "path", name, "--format", "json")
        assert code == 0
        assert [d["id"] for d in json.loads(out)] == EXPECTED_PATHS[path_id]


def test_list_filters_combine(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "list", "--path", "animer", "--category", "outils", "-f", "json")
    assert code == 0
    ids = [d["id"] for d in json.loads(out)]
    # The path's last nine documents are its toolbox (reading order puts the category last).
    assert ids == EXPECTED_PATHS["animate"][-9:]
    assert ids[0] == "etudes-phare" and all(i.startswith(("etud", "note", "rapport", "bench", "fiche")) for i in ids)
    code, out, _ = invoke(runner, "list", "--audience", "entreprise", "-f", "json")
    # Only what the kit says is written for companies (« à destination des chefs d'entreprise »).
    assert [d["id"] for d in json.loads(out)] == ["guide-construire-ensemble"]


def test_nothing_matched_exits_1_with_an_empty_result(runner: CliRunner) -> None:
    code, out, err = invoke(runner, "list", "--audience", "media", "--format", "json")
    assert code == ExitCode.NO_MATCH
    assert json.loads(out) == []
    assert "Aucun document ne correspond" in err
    code, out, _ = invoke(runner, "list", "--audience", "media", "--format", "csv")
    assert code == ExitCode.NO_MATCH and len(out.splitlines()) == 1


@pytest.mark.parametrize(
    "args,suggestion",
    [
        (["path", "animat"], "animate"),
        (["path", "comprend"], "comprendre"),
        (["list", "--category", "toolbx"], "toolbox"),
        (["list", "--audience", "entreprse"], "entreprise"),
        (["show", "etudes-phar"], "etudes-phare"),
        (["list", "--format", "jsn"], "json"),
    ],
)
def test_unknown_names_exit_2_with_the_nearest_valid_name(runner: CliRunner, args: list[str], suggestion: str) -> None:
    code, out, err = invoke(runner, *args)
    assert code == ExitCode.USAGE
    assert out == ""
    assert f"Vouliez-vous dire : {suggestion}" in err
    assert len(err.strip().splitlines()) == 1


def test_unknown_name_far_from_anything_lists_valid_values(runner: CliRunner) -> None:
    code, _, err = invoke(runner, "path", "zzz")
    assert code == ExitCode.USAGE
    assert "Parcours inconnu : « zzz ». Valeurs possibles : understand (comprendre), animate (animer)" in err


def test_show_formats(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "show", "guide-construire-ensemble", "-f", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["authors"] == ["MEDEF", "Le RAMEAU"] and doc["date"] == "avril 2014"
    code, out, _ = invoke(runner, "show", "guide-construire-ensemble", "-f", "md")
    assert out.startswith("# Guide « Construire ensemble »")
    code, out, _ = invoke(runner, "show", "guide-construire-ensemble", "-f", "csv")
    assert code == 0 and out.startswith("id,title,") and len(out.splitlines()) == 2
    code, out, _ = invoke(runner, "show", "guide-construire-ensemble", "-f", "html")
    assert code == 0 and out.startswith("<!DOCTYPE html>") and "MEDEF" in out
    code, _, err = invoke(runner, "show", "guide-construire-ensemble", "-f", "yaml")
    assert code == ExitCode.USAGE and "json" in err


def test_paths_and_categories(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "paths", "-f", "json")
    paths = json.loads(out)
    assert [p["id"] for p in paths] == ["understand", "animate", "support"]
    assert all({"id", "title", "description", "documents"} <= set(p) for p in paths)
    assert paths[1]["documents"] == EXPECTED_PATHS["animate"]
    code, out, _ = invoke(runner, "categories", "-f", "json")
    assert [c["id"] for c in json.loads(out)] == ["reference", "illustrations", "method", "toolbox"]
    code, out, _ = invoke(runner, "categories")
    assert out.splitlines()[0] == "id\tdocuments\tlabel"


def test_markdown_has_a_heading_per_category_and_an_item_per_document(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "path", "animate", "--format", "md")
    assert code == 0
    headings = [line for line in out.splitlines() if line.startswith("## ")]
    assert headings == ["## Cadre de référence", "## Illustrations", "## Méthode", "## Boîte à outils"]
    items = [line for line in out.splitlines() if line[:1].isdigit()]  # numbered in reading order
    assert len(items) == 19
    assert items[0] == (
        "1. **Référentiel sur la co-construction en territoire** — Le RAMEAU, novembre 2016 "
        "(`referentiel-co-construction-territoire`)"
    )


def test_csv_opens_as_a_table(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "list", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 36
    assert rows[0]["title"] == "Référentiel sur la co-construction en territoire"
    assert rows[0]["paths"] == "understand ; animate ; support"


def test_piped_table_is_plain_text(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "list")
    assert code == 0
    assert "\x1b" not in out
    lines = out.splitlines()
    assert lines[0] == "id\tcategory\tyear\tauthors\ttitle\tnumber"  # `number` added last: the first columns stay
    assert len(lines) == 37 and all(line.count("\t") == 5 for line in lines)


def test_output_file_is_written_once_and_never_replaced_without_force(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "parcours.md"
    code, out, err = invoke(runner, "path", "animer", "-f", "md", "-o", str(target))
    assert code == 0 and out == ""
    assert "parcours.md" in err
    first = target.read_text(encoding="utf-8")
    assert first.startswith("# Parcours")
    target.write_text("mes notes", encoding="utf-8")
    code, _, err = invoke(runner, "path", "animer", "-f", "md", "-o", str(target))
    assert code == ExitCode.OUTPUT
    assert "--force" in err
    assert target.read_text(encoding="utf-8") == "mes notes"
    code, _, _ = invoke(runner, "path", "animer", "-f", "md", "-o", str(target), "--force")
    assert code == 0 and target.read_text(encoding="utf-8") == first
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_csv_file_carries_a_bom_for_spreadsheets(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "kit.csv"
    code, _, _ = invoke(runner, "list", "-f", "csv", "-o", str(target))
    assert code == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid,title")
    assert "Référentiel".encode() in raw


def test_output_into_a_missing_folder(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = invoke(runner, "list", "-o", str(tmp_path / "nope" / "x.txt"))
    assert code == ExitCode.OUTPUT
    assert "Impossible d'écrire" in err


def test_lang_option_and_environment(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = invoke(runner, "list", "-f", "md", "--lang", "en")
    assert "## Reference framework" in out
    assert "Le RAMEAU, November 2016 (`referentiel-co-construction-territoire`)" in out  # not « novembre 2016 »
    assert "Comisis, Opinion Way, 2015-2016 (`etudes-phare`)" in out
    code, _, err = invoke(runner, "list", "--lang", "de")
    assert code == ExitCode.USAGE and "fr ou en" in err
    monkeypatch.setenv("KIT_LANG", "en")
    code, _, err = invoke(runner, "path", "nowhere")
    assert "Unknown path" in err


def test_interrupt_is_one_line_and_130(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    import coconstruct_cli.loader as loader

    def interrupted(path: object = None) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(loader, "load_kit", interrupted)
    code, out, err = invoke(runner, "list")
    assert code == ExitCode.INTERRUPTED
    assert err == "Interrompu\n" and out == ""


def test_output_file_has_ordinary_permissions(runner: CliRunner, tmp_path: Path) -> None:
    import os

    target = tmp_path / "plan.md"
    old = os.umask(0o022)
    try:
        code, _, _ = invoke(runner, "path", "animer", "-f", "md", "-o", str(target))
    finally:
        os.umask(old)
    assert code == 0
    assert target.stat().st_mode & 0o777 == 0o644


def test_help_is_written_in_the_language_of_each_run(runner: CliRunner) -> None:
    """In one process, run after run: the language is chosen per run, not when modules are imported."""
    for args, lang in (
        (["list", "--lang", "en", "--help"], "en"),
        (["list", "--help"], "fr"),
        (["--lang", "en", "list", "-h"], "en"),
    ):
        code, out, _ = invoke(runner, *args)
        assert code == 0
        if lang == "en":
            assert out.startswith("Usage: kit list") and "Write the result to this file." in out
            assert not any(word in out for word in ("Utilisation", "Écrit", "Fichier de kit", "par défaut"))
        else:
            assert out.startswith("Utilisation : kit list") and "Écrit le résultat dans ce fichier." in out
            assert "Write the result" not in out
