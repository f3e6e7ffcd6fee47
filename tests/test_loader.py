"""Loading kit files: the bundled one from anywhere, and every kind of broken file, cleanly."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from coconstruct_cli.cli.app import app
from coconstruct_cli.errors import ExitCode, KitFileError
from coconstruct_cli.loader import load_kit
from conftest import spaced


def run_validate(runner: CliRunner, path: Path) -> Any:
    result = runner.invoke(app, ["validate", str(path)])
    assert "Traceback" not in result.output + result.stderr
    return result


def test_bundled_kit_loads_from_any_folder(tmp_path: Path) -> None:
    assert Path.cwd() == tmp_path
    assert len(load_kit().documents) == 36


def test_validate_accepts_the_bundled_kit(runner: CliRunner, write_kit: Any) -> None:
    result = run_validate(runner, write_kit())
    assert result.exit_code == 0
    assert "kit valide (36 documents, 3 parcours, 4 catégories)" in result.stdout


@pytest.mark.parametrize(
    "content,expected",
    [
        (b"", "ligne 1, colonne 1) : le fichier s'arrête au milieu d'une valeur"),
        (b'{"about": ', "ligne 1, colonne 10"),
        (b'{\n  "about": {},\n  oops\n}', "ligne 3"),
        (b"\xff\xfe{}", "n'est pas en UTF-8 (ligne 1, colonne 1)"),
        (b'{"a": 1}\n\xc3(', "n'est pas en UTF-8 (ligne 2, colonne 1)"),
        (b"[" * 100_000, "imbrication trop profonde"),
    ],
)
def test_syntax_and_encoding_errors_name_the_place(runner: CliRunner, tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(content)
    result = run_validate(runner, path)
    assert result.exit_code == ExitCode.INVALID_KIT
    assert str(path) in result.stderr
    assert expected in spaced(result.stderr)
    assert result.stdout == ""


def test_missing_file_and_folder(runner: CliRunner, tmp_path: Path) -> None:
    result = run_validate(runner, tmp_path / "absent.json")
    assert result.exit_code == ExitCode.INVALID_KIT
    assert "introuvable" in result.stderr and "absent.json" in result.stderr
    result = run_validate(runner, tmp_path)
    assert result.exit_code == ExitCode.INVALID_KIT
    assert "est un dossier" in result.stderr


def test_unreadable_file(runner: CliRunner, write_kit: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_kit()

    def deny(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", deny)
    result = run_validate(runner, path)
    assert result.exit_code == ExitCode.INVALID_KIT
    assert "permission refusée" in result.stderr


def test_every_problem_reported_at_once_with_locations(runner: CliRunner, write_kit: Any) -> None:
    def edit(data: dict[str, Any]) -> None:
        docs = data["documents"]
        docs[0]["year"] = 1066
        docs[1]["id"] = "Pas Un Slug"
        docs[2]["colour"] = "rouge"
        del docs[3]["title"]
        docs[4]["category"] = "recettes"
        docs[5]["subcategory"] = "fiches-outil"
        data["paths"][1]["documents"].append("document-fantome")
        data["documents"].append(dict(docs[6]))

    result = run_validate(runner, write_kit(edit))
    assert result.exit_code == ExitCode.INVALID_KIT
    err = spaced(result.stderr)
    assert "documents[0 = referentiel-co-construction-territoire].year" in err
    assert "documents[1 = Pas Un Slug].id: identifiant invalide" in err
    assert "documents[2 = note-co-construction-territoire].colour: champ inconnu" in err
    assert "documents[3 = film-3-exemples].title: champ obligatoire manquant" in err
    assert "documents[4 = etudes-territoriales-nord-poitou-charentes].category: catégorie inconnue « recettes »" in err
    assert "sous-catégorie inconnue « fiches-outil » pour « illustrations »" in err
    assert "paths[animate].documents: document inconnu « document-fantome »" in err
    assert "documents: identifiant en double « rex-charenton-saint-maurice »" in err


def test_reference_problems_of_a_valid_structure(write_kit: Any) -> None:
    path = write_kit(lambda d: d["paths"][0]["documents"].append("inconnu"))
    with pytest.raises(KitFileError) as caught:
        load_kit(path)
    assert "paths[understand].documents: document inconnu « inconnu »" in spaced(caught.value.message)


@pytest.mark.parametrize("payload", [[], 42, "kit", None, {"documents": "x"}])
def test_wrong_top_level_shapes(runner: CliRunner, tmp_path: Path, payload: object) -> None:
    path = tmp_path / "shape.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    result = run_validate(runner, path)
    assert result.exit_code == ExitCode.INVALID_KIT
    assert "n'est pas valide" in result.stderr


def test_kit_file_from_option_and_environment(runner: CliRunner, write_kit: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_kit(lambda d: d["documents"][0].update(title="Titre d'un autre kit"))
    result = runner.invoke(app, ["list", "--kit", str(path), "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)[0]["title"] == "Titre d'un autre kit"
    monkeypatch.setenv("KIT_FILE", str(path))
    result = runner.invoke(app, ["list", "--format", "json"])
    assert json.loads(result.stdout)[0]["title"] == "Titre d'un autre kit"
    monkeypatch.setenv("KIT_FILE", str(path.with_name("nope.json")))
    result = runner.invoke(app, ["list"])
    assert result.exit_code == ExitCode.INVALID_KIT
    assert "nope.json" in result.stderr


def test_schema_describes_the_format(runner: CliRunner, write_kit: Any) -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "Kit"
    assert "Document" in schema["$defs"]
    assert schema["$defs"]["Document"]["additionalProperties"] is False
