"""Loading kit files: the bundled one from anywhere, and every kind of broken file, cleanly."""

from __future__ import annotations

import codecs
import io
import json
import os
import signal
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from typer.testing import CliRunner

from coconstruct_cli import i18n, loader
from coconstruct_cli.cli.app import app
from coconstruct_cli.errors import ExitCode, KitFileError
from coconstruct_cli.loader import load_kit
from coconstruct_cli.model import kit_schema
from coconstruct_cli.text import strip_unsafe
from conftest import spaced


def run_validate(runner: CliRunner, path: Path) -> Any:
    result = runner.invoke(app, ["validate", str(path)])
    assert "Traceback" not in result.output + result.stderr
    return SimpleNamespace(exit_code=result.exit_code, stdout=spaced(result.stdout), stderr=spaced(result.stderr))


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

    def deny(name: Any, flags: int, mode: int = 0o777) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", deny)  # root reads any file: the refusal is simulated
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


# --- inputs that exhaust or hang (issue 11, item 6) -------------------------------------------------


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_kit_file_that_is_a_device(runner: CliRunner, device: str, monkeypatch: pytest.MonkeyPatch) -> None:
    result = run_validate(runner, Path(device))
    assert result.exit_code == ExitCode.INVALID_KIT
    assert f"Impossible de lire le fichier de kit {device} : ce n'est pas un fichier ordinaire" in result.stderr
    monkeypatch.setenv("KIT_FILE", device)
    result = runner.invoke(app, ["list"])
    assert result.exit_code == ExitCode.INVALID_KIT
    assert device in result.stderr and "Traceback" not in result.stderr


def test_kit_file_that_is_a_fifo_with_no_writer(runner: CliRunner, tmp_path: Path) -> None:
    fifo = tmp_path / "kit.json"
    os.mkfifo(fifo)
    signal.signal(signal.SIGALRM, lambda *_: pytest.fail("blocked on a FIFO with no writer"))
    signal.alarm(5)
    try:
        result = runner.invoke(app, ["list", "--kit", str(fifo)])
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
    assert result.exit_code == ExitCode.INVALID_KIT
    assert "pas un fichier ordinaire" in result.stderr


def test_kit_file_too_big(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MAX_BYTES", 100)
    path = tmp_path / "big.json"
    path.write_bytes(b" " * 101)
    with pytest.raises(KitFileError, match="il dépasse 100 octets"):
        load_kit(path)


def test_kit_from_standard_input(kit_data: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(json.dumps(kit_data).encode())))
    assert len(load_kit(Path("-")).documents) == 36
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(b"{")))
    with pytest.raises(KitFileError, match=r"Le fichier de kit \(entrée standard\) n'est pas du JSON valide"):
        load_kit("-")


def test_names_the_system_refuses(tmp_path: Path) -> None:
    with pytest.raises(KitFileError, match="octet nul"):
        load_kit(tmp_path / "kit\x00.json")
    with pytest.raises(KitFileError, match="nom trop long"):
        load_kit(tmp_path / ("k" * 300))


# --- strict validation, as the schema says (items 8 and 9) ----------------------------------------


def doc0(**changes: Any) -> Any:
    return lambda data: data["documents"][0].update(changes)


LOCATION = "documents[0 = referentiel-co-construction-territoire]"


@pytest.mark.parametrize(
    "edit,expected_fr,expected_en",
    [
        (doc0(year="2016"), f"{LOCATION}.year: type attendu : entier", f"{LOCATION}.year: expected type: integer"),
        (doc0(year=" 2016 "), f"{LOCATION}.year: type attendu : entier", "expected type: integer"),
        (doc0(year="2016.0"), f"{LOCATION}.year: type attendu : entier", "expected type: integer"),
        (doc0(year=2016.5), f"{LOCATION}.year: type attendu : entier", "expected type: integer"),
        (doc0(year=True), f"{LOCATION}.year: type attendu : entier", "expected type: integer"),
        (doc0(year=1066), f"{LOCATION}.year: doit être supérieur ou égal à 1900", "year: must be at least 1900"),
        (doc0(year=2101.0), f"{LOCATION}.year: doit être inférieur ou égal à 2100", "year: must be at most 2100"),
        (
            lambda d: d["about"]["figures"][0].update(year="2015"),
            "about.figures[0].year: type attendu : entier",
            "about.figures[0].year: expected type: integer",
        ),
        (
            lambda d: d.update(schema_version=True),
            "schema_version: valeur non permise (attendu\u00a0: 1)",
            "schema_version: value not allowed (expected: 1)",
        ),
        (
            lambda d: d.update(schema_version="1"),
            "schema_version: valeur non permise (attendu\u00a0: 1)",
            "schema_version: value not allowed (expected: 1)",
        ),
        (
            doc0(written_for=[{"role": "robots", "quote": "à destination des robots"}]),
            "written_for[0].role: valeur non permise (valeurs possibles\u00a0: association, company, public, academic, media, "
            "facilitator, other)",
            "value not allowed (valid values: association, company, public, academic, media, facilitator, other)",
        ),
        (doc0(id="x" * 81), "id: texte trop long (longueur maximale\u00a0: 80)", "id: text too long (maximum length: 80)"),
        (doc0(title=""), f"{LOCATION}.title: ne doit pas être vide", "title: must not be empty"),
        (doc0(authors=[]), f"{LOCATION}.authors: ne doit pas être vide", "authors: must not be empty"),
        (doc0(title="\u202e\u2066\u200f"), f"{LOCATION}.title: doit contenir un caractère visible", "must hold a visible"),
        (doc0(title=" \t\n\u00a0\u3000"), f"{LOCATION}.title: doit contenir un caractère visible", "must hold a visible"),
        (doc0(title="\x1b\x07\x9b\x00"), f"{LOCATION}.title: doit contenir un caractère visible", "must hold a visible"),
        (doc0(kind="\u200b\ufeff"), f"{LOCATION}.kind: doit contenir un caractère visible", "must hold a visible"),
        (doc0(parts=["ok", "\u2028"]), f"{LOCATION}.parts[1]: doit contenir un caractère visible", "must hold a visible"),
    ],
)
def test_strict_values_with_messages_in_the_users_language(write_kit: Any, edit: Any, expected_fr: str, expected_en: str) -> None:
    path = write_kit(edit)
    with pytest.raises(KitFileError) as caught:
        load_kit(path)
    french = spaced(caught.value.message)
    assert spaced(expected_fr) in french
    for english in ("Input should", "String should", "should be", "List should", "valid integer"):
        assert english not in french
    i18n.set_lang("en")
    with pytest.raises(KitFileError) as caught:
        load_kit(path)
    assert expected_en in caught.value.message


@pytest.mark.parametrize(
    "edit",
    [
        doc0(year=2016.0),  # an integer for JSON Schema too
        lambda d: d.update(schema_version=1.0),
        doc0(title="\u202eTitre"),  # shown without the override, but there is something to show
        doc0(title="\u00a0A"),
    ],
)
def test_what_json_schema_accepts_is_accepted(write_kit: Any, edit: Any) -> None:
    load_kit(write_kit(edit))


def test_arrays_still_make_tuples_in_strict_mode(kit: Any) -> None:
    assert isinstance(kit.documents, tuple) and isinstance(kit.documents[0].authors, tuple)


HOSTILE = "\x1b]0;pwned\x07\x1b[5m\u009b31m\u202eevil\u2066"


@pytest.mark.parametrize(
    "edit",
    [
        doc0(id=HOSTILE),
        doc0(category=HOSTILE),
        doc0(subcategory=HOSTILE),
        lambda d: d["paths"][0]["documents"].append(HOSTILE),
        lambda d: d["documents"][0].update({HOSTILE: 1}),
        lambda d: d["documents"].append(dict(d["documents"][0], id=HOSTILE + "x", year="x")),
        lambda d: d["documents"].append(dict(d["documents"][0], id=HOSTILE)) or d["documents"].append(d["documents"][-1]),
        lambda d: d["choices"].append({"subject": "s", "choice": "c", "reason": "r", "documents": [HOSTILE]}),
    ],
)
def test_validation_messages_never_carry_controls_or_bidi(write_kit: Any, edit: Any) -> None:
    with pytest.raises(KitFileError) as caught:
        load_kit(write_kit(edit))
    message = caught.value.message
    assert strip_unsafe(message) == message
    assert "pwned" in message or "evil" in message or "[" in message


def test_long_values_are_cut_in_messages(write_kit: Any) -> None:
    with pytest.raises(KitFileError) as caught:
        load_kit(write_kit(doc0(category="c" * 10_000)))
    assert "c" * 199 + "…" in caught.value.message
    assert "c" * 201 not in caught.value.message


def test_a_flood_of_problems_is_counted(write_kit: Any) -> None:
    def flood(data: dict[str, Any]) -> None:
        data["documents"] = [dict(d, year="x") for d in data["documents"] * 4]  # 144 wrong years, 36 duplicated ids

    with pytest.raises(KitFileError) as caught:
        load_kit(write_kit(flood))
    lines = caught.value.message.splitlines()
    assert lines[0].endswith("n'est pas valide (180 problèmes)\u00a0:")
    assert len(lines) == 1 + loader.MAX_PROBLEMS + 1
    assert lines[-1] == "  … et 80 autres problèmes."


def test_one_problem_is_singular(write_kit: Any) -> None:
    with pytest.raises(KitFileError) as caught:
        load_kit(write_kit(doc0(year="x")))
    assert "n'est pas valide (un problème)\u00a0:" in caught.value.message


@pytest.mark.parametrize(
    "content,expected",
    [
        (b'{"about": 1.}', "nombre invalide"),
        (b'{"about": "\\ud800"}', "échappement Unicode invalide"),
        (b'{"about": "\\uZZZZ"}', "séquence d'échappement invalide"),
    ],
)
def test_json_parser_reasons_are_never_english(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "k.json"
    path.write_bytes(content)
    with pytest.raises(KitFileError) as caught:
        load_kit(path)
    assert expected in caught.value.message


def test_kit_schema_names_its_draft_and_itself() -> None:
    schema = kit_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == "urn:coconstruct-cli:kit:1"
    assert schema["title"] == "Kit"


def test_a_symbolic_link_loop(tmp_path: Path) -> None:
    loop = tmp_path / "loop.json"
    loop.symlink_to(loop)
    with pytest.raises(KitFileError, match="trop de liens symboliques"):
        load_kit(loop)


def test_a_link_a_reader_may_not_follow_is_refused_in_the_user_s_words(write_kit: Any) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["about"]["forms"][1]["example"]["see_also"][0]["url"] = "javascript:alert(1)"

    with pytest.raises(KitFileError) as caught:
        load_kit(write_kit(edit))
    message = spaced(caught.value.message)
    assert "example.see_also[0].url: lien refusé « javascript:alert(1) »" in message
    assert "http" in message and "not a link" not in message


@pytest.mark.parametrize(
    "alias,expected",
    [("methode", "categories: alias en double « methode »"), ("method", "categories: alias en double « method »")],
)
def test_a_category_alias_that_names_another_category_is_refused(
    alias: str, expected: str, runner: CliRunner, write_kit: Any
) -> None:
    def edit(data: dict[str, Any]) -> None:
        illustrations = next(c for c in data["categories"] if c["id"] == "illustrations")
        illustrations["aliases"].append(alias)

    path = write_kit(edit)
    result = run_validate(runner, path)
    assert result.exit_code == ExitCode.INVALID_KIT
    assert expected in spaced(result.stderr)
    code = runner.invoke(app, ["list", "--kit", str(path), "-c", "methode"]).exit_code
    assert code == ExitCode.INVALID_KIT


def test_a_key_given_twice_in_a_kit_file_is_refused_not_silently_the_last(runner: CliRunner, write_kit: Any) -> None:
    path = write_kit()
    text = path.read_text(encoding="utf-8")
    # The first document's year twice: json and pydantic keep the last one without a word.
    doubled = text.replace('"year": ', '"year": 1901, "year": ', 1)
    path.write_text(doubled, encoding="utf-8")
    result = run_validate(runner, path)
    assert result.exit_code == ExitCode.INVALID_KIT
    assert "la clé « year » apparaît deux fois dans un même objet (seule la dernière serait lue)" in spaced(result.stderr)
    # Also beside other problems, in a kit that does not validate.
    path.write_text(doubled.replace('"documents": [', '"colour": 1, "documents": [', 1), encoding="utf-8")
    result = run_validate(runner, path)
    assert result.exit_code == ExitCode.INVALID_KIT
    err = spaced(result.stderr)
    assert "colour: champ inconnu" in err and "la clé « year » apparaît deux fois" in err


@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8])
def test_a_key_twice_is_found_in_the_bytes_of_a_valid_kit_whatever_its_writing(write_kit: Any, bom: bytes) -> None:
    # The bytes of a kit that validates are read as Latin-1 for the keys: a key escaped once and not the
    # other time is the same key, after a byte order mark too, and the French text around changes nothing.
    path = write_kit()
    text = path.read_text(encoding="utf-8")
    doubled = text.replace('"year": ', '"\\u0079ear": 1901, "year": ', 1).replace('"kind": ', '"kind": "’", "kind": ', 1)
    path.write_bytes(bom + doubled.encode("utf-8"))
    with pytest.raises(KitFileError) as caught:
        load_kit(path)
    message = spaced(str(caught.value))
    assert "la clé « year » apparaît deux fois" in message and "la clé « kind » apparaît deux fois" in message


def test_the_bundled_kit_gives_no_key_twice() -> None:
    assert loader._doubled_keys(loader.bundled_path().read_bytes()) == []


def test_a_path_alias_equal_to_another_path_s_id_is_refused(runner: CliRunner, write_kit: Any) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["paths"][1]["alias"] = data["paths"][0]["id"]

    result = run_validate(runner, write_kit(edit))
    assert result.exit_code == ExitCode.INVALID_KIT
    assert "paths: identifiant en double « understand »" in spaced(result.stderr)


def test_a_path_that_starts_with_an_unknown_document_is_refused(runner: CliRunner, write_kit: Any) -> None:
    path = write_kit(lambda d: d["paths"][0]["documents"].insert(0, "document-fantome"))
    result = run_validate(runner, path)
    assert result.exit_code == ExitCode.INVALID_KIT
    assert "paths[understand].documents: document inconnu « document-fantome »" in spaced(result.stderr)


def test_a_reading_for_an_unknown_goal_is_refused(runner: CliRunner, write_kit: Any) -> None:
    """A role tie scoped to goals (`concerns[].goals`) names goals of the guide; a typo is told, with the known ones."""

    def edit(data: dict[str, Any]) -> None:
        phare = next(d for d in data["documents"] if d["id"] == "etudes-phare")
        phare["concerns"][0]["goals"] = ["understand", "comprendre-tout"]

    result = run_validate(runner, write_kit(edit))
    assert result.exit_code == ExitCode.INVALID_KIT
    told = spaced(result.stderr)
    assert "documents[" in told and "= etudes-phare].concerns[0].goals: objectif inconnu « comprendre-tout »" in told
    assert "(connus : understand, animate, support, partner, evaluate, unsure)" in told


def test_a_path_id_that_is_not_a_string_is_told_not_a_crash(tmp_path: Path, kit_data: dict[str, Any]) -> None:
    """Found by tests/test_loader_fuzz.py: `paths[2].id = []` made the guide's checks hash a list (TypeError)."""
    kit = json.loads(json.dumps(kit_data))  # the fixture is the session's: never edited in place
    kit["paths"][2]["id"] = []
    path = tmp_path / "kit.json"
    path.write_text(json.dumps(kit, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(KitFileError) as caught:
        load_kit(path)
    assert "paths[2].id" in caught.value.message


REFERENCES = frozenset(
    {"id", "path", "document", "documents", "role", "category", "subcategory", "categories", "subcategories", "goals"}
)


def _references(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place of a kit whose value names something else (an id, a path, a document, a role…)."""
    found: list[tuple[Any, ...]] = []
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in children:
        if isinstance(key, str) and key in REFERENCES:
            found.append((*prefix, key))
        found += _references(value, (*prefix, key))
    return found


def test_every_reference_given_a_list_or_an_object_is_told_never_a_crash(tmp_path: Path, kit_data: dict[str, Any]) -> None:
    """The checks that run after a failed validation read the raw JSON: a list or an object where a name is
    expected (as `guide.goals[1].path = []`, which crashed) is told in the report, whatever the place."""
    places = _references(kit_data)
    assert len(places) > 200
    path = tmp_path / "kit.json"
    for where in places:
        for value in ([], {}):
            kit = json.loads(json.dumps(kit_data))
            parent = kit
            for step in where[:-1]:
                parent = parent[step]
            # A list of names may be empty: there, the list holds the list or the object instead.
            parent[where[-1]] = [value] if isinstance(parent[where[-1]], list) else value
            path.write_text(json.dumps(kit, ensure_ascii=False), encoding="utf-8")
            with pytest.raises(KitFileError):
                load_kit(path)
