"""`kit read ID…` in-process: one line per change, nothing recorded on a bad id, and the ✓ / `read` field
that every listing of documents then carries."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from coconstruct_cli.progress import kit_id
from coconstruct_cli.progress_store import load, state_path
from conftest import Script, invoke, terminal

KID = kit_id("Kit « co-construction territoriale »", "Le RAMEAU")
ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False


def read_ids() -> frozenset[str]:
    return load().state.read(KID)


def test_read_marks_documents_one_line_each(runner: CliRunner) -> None:
    code, out, err = invoke(runner, "read", "etudes-phare", "accompagner:4")
    assert code == 0, err
    assert out.splitlines() == [
        "Marqué comme lu : Etudes PHARE sur les fragilités et la co-construction en territoire (etudes-phare)",
        "Marqué comme lu : Accompagner les entreprises (accompagner-entreprises)",
    ]
    assert err == ""
    assert read_ids() == {"etudes-phare", "accompagner-entreprises"}
    code, out, _ = invoke(runner, "read", "etudes-phare", "ETUDES-PHARE", "--lang", "en")
    assert code == 0
    title = "PHARE studies on vulnerabilities and co-construction in the territories"
    assert out.splitlines() == [f"Already marked as read: {title} (etudes-phare)"]


def test_an_unknown_id_is_a_usage_error_and_nothing_is_recorded(runner: CliRunner) -> None:
    code, out, err = invoke(runner, "read", "etudes-phare", "etudes-phar")
    assert code == 2 and out == ""
    assert "Document inconnu : « etudes-phar ». Vouliez-vous dire : etudes-phare" in err
    assert not state_path().exists()
    code, out, err = invoke(runner, "read", "animer:99")
    assert code == 2 and out == "" and not state_path().exists()
    code, _, err = invoke(runner, "read")
    assert code == 2 and "ID" in err


def test_undo_says_what_changed_also_for_an_id_the_kit_no_longer_has(runner: CliRunner) -> None:
    state_path().parent.mkdir(parents=True)
    state_path().write_text(
        json.dumps(
            {
                "format": "coconstruct-cli/progress",
                "version": 1,
                "kits": [{"title": KID.title, "publisher": KID.publisher, "read": ["etudes-phare", "ancien-document"]}],
            }
        ),
        encoding="utf-8",
    )
    code, out, err = invoke(runner, "read", "--undo", "etudes-phare", "rex-labo-alsace", "ancien-document")
    assert code == 0, err
    assert out.splitlines() == [
        "Marque de lecture retirée : Etudes PHARE sur les fragilités et la co-construction en territoire (etudes-phare)",
        "Pas marqué comme lu, rien à retirer : Retour d'expérience d'animation du territoire : Région Alsace, "
        "Le Labo régional des partenariats en Alsace (rex-labo-alsace)",
        "Marque de lecture retirée : (absent de ce kit) (ancien-document)",
    ]
    assert read_ids() == frozenset()
    code, _, err = invoke(runner, "read", "--undo", "ancien-document")
    assert code == 2 and "Document inconnu" in err  # no longer marked: an unknown id again


def test_a_corrupt_state_is_never_overwritten_and_reading_commands_still_work(runner: CliRunner) -> None:
    state_path().parent.mkdir(parents=True)
    state_path().write_bytes(b"{not json")
    code, out, err = invoke(runner, "read", "etudes-phare")
    assert code == 4 and out == ""
    assert "Progression non enregistrée : le fichier n'est pas du JSON valide" in err
    assert "kit progress --reset" in err
    assert state_path().read_bytes() == b"{not json"
    code, out, err = invoke(runner, "path", "animer", "--format", "json")
    assert code == 0
    assert all(d["read"] is False for d in json.loads(out))
    assert err.count("Progression de lecture ignorée") == 1 and str(state_path()) in err


@pytest.mark.skipif(ROOT, reason="root writes into read-only folders")
def test_a_read_only_home_says_where_it_tried_to_write(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    monkeypatch.setenv("KIT_HOME", str(locked / "kit"))
    try:
        code, out, err = invoke(runner, "read", "etudes-phare")
        assert code == 4 and out == ""
        assert f"impossible d'écrire {locked / 'kit'}" in err
        code, _, _ = invoke(runner, "list", "--format", "json")
        assert code == 0
    finally:
        locked.chmod(0o700)


def test_a_home_that_cannot_be_made_says_where_it_tried_to_write(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("KIT_HOME", str(blocker / "kit"))  # not creatable, even by root
    code, out, err = invoke(runner, "read", "etudes-phare")
    assert code == 4 and out == ""
    assert f"Progression non enregistrée : impossible d'écrire {blocker / 'kit'}" in err
    code, out, err = invoke(runner, "path", "animer", "--format", "json")
    assert code == 0 and err == "" and not any(d["read"] for d in json.loads(out))


def test_exact_ids_of_the_bundled_kit_are_marked_without_building_the_kit_model(tmp_path: Path) -> None:
    """The fast path (plain JSON) and the validated kit record the same marks under the same kit."""
    script = (
        "import sys\n"
        "from coconstruct_cli.cli.app import main\n"
        "sys.argv = ['kit', 'read', 'etudes-phare', 'rex-silver-geek']\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
        "assert 'coconstruct_cli.model' not in sys.modules\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, env=os.environ | {"KIT_LANG": "en"}
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1] == "Marked as read: Report on a collective experiment (Silver Geek) (rex-silver-geek)"
    assert read_ids() == {"etudes-phare", "rex-silver-geek"}


def test_a_kit_file_keeps_its_own_progress(runner: CliRunner, write_kit: Any) -> None:
    other = write_kit(lambda data: data["about"].update(title="Un autre kit"))
    code, out, err = invoke(runner, "read", "--kit", str(other), "animer:5")
    assert code == 0, err
    assert out == "Marqué comme lu : Retour d'expérimentation collective (Silver Geek) (rex-silver-geek)\n"
    assert read_ids() == frozenset()
    assert load().state.read(kit_id("Un autre kit", "Le RAMEAU")) == {"rex-silver-geek"}
    code, out, _ = invoke(runner, "path", "animer", "--kit", str(other), "--format", "json")
    assert [d["id"] for d in json.loads(out) if d["read"]] == ["rex-silver-geek"]


# --- everywhere a document is listed -------------------------------------------------------------


def test_read_ends_the_fields_of_json_and_csv_records_before_what_was_added_after_it(runner: CliRunner) -> None:
    assert invoke(runner, "read", "etudes-phare", "rex-silver-geek")[0] == 0
    for args in (["list"], ["path", "animer"], ["search", "phare"]):
        code, out, err = invoke(runner, *args, "--format", "json", raw=True)
        assert code == 0, err
        documents = json.loads(out)
        # `list` and `path` have added `number` (their reading-order numbers) after it.
        last = ["read"] if args[0] == "search" else ["read", "number"]
        assert all(list(d)[-len(last) :] == last for d in documents), args
        assert {d["id"] for d in documents if d["read"]} == {"etudes-phare", "rex-silver-geek"} & {d["id"] for d in documents}
        code, out, _ = invoke(runner, *args, "--format", "csv", raw=True)
        rows = list(csv.DictReader(io.StringIO(out)))
        assert out.splitlines()[0].endswith("," + ",".join(last))
        assert {r["id"] for r in rows if r["read"] == "true"} <= {"etudes-phare", "rex-silver-geek"}
        assert {r["read"] for r in rows} <= {"true", "false"}
    code, out, _ = invoke(runner, "guide", "--role", "facilitator", "--goal", "animate", "--format", "json", raw=True)
    plan = json.loads(out)
    assert [d["id"] for d in plan["documents"] if d["read"]] == ["rex-silver-geek", "etudes-phare"]
    assert all(list(d)[-1] == "read" for d in plan["documents"])
    code, out, _ = invoke(runner, "guide", "--role", "facilitator", "--goal", "animate", "--format", "csv", raw=True)
    assert out.splitlines()[0].endswith(",read")


def test_a_terminal_shows_a_check_mark_before_what_was_read(runner: CliRunner) -> None:
    assert invoke(runner, "read", "rex-silver-geek")[0] == 0
    code, out, _ = invoke(runner, "path", "animer", console=terminal(width=100))
    assert code == 0
    assert [line.split()[:4] for line in out.splitlines() if "✓" in line] == [["5", "✓", "Retour", "d'expérimentation"]]
    code, out, _ = invoke(runner, "search", "silver", "geek", console=terminal(width=100))
    assert code == 0 and "✓" in out
    script = Script(
        [("role", "facilitator"), ("goal", "animate"), ("need", "all"), ("situation", ""), ("recap", "confirm"), ("next", "quit")]
    )
    code, out, _ = invoke(runner, "guide", console=terminal(ask=script, width=100))
    assert code == 0 and script.done()
    # The mark before the title, in the plan's list (at 100 columns the title wraps before « Geek) »).
    assert "✓ Retour d'expérimentation collective (Silver" in out
    # Nothing read, no mark: a pipe gets the same columns as before (`number`, added last, is the path's).
    code, out, _ = invoke(runner, "path", "animer")
    assert "✓" not in out and out.splitlines()[0] == "id\tcategory\tyear\tauthors\ttitle\tnumber"


@pytest.mark.parametrize("command", ["show", "read"])
@pytest.mark.parametrize(
    "number,expected",
    [
        ("²", "Document inconnu : « ² »."),
        ("①", "Document inconnu : « ① »."),
        ("٣", "Document inconnu : « ٣ »."),
        ("9" * 5000, "Pas de document n° 99999999999… dans le parcours « animer » : il en a 19"),
        ("99999999999999999999999999999", "Pas de document n° 99999999999… dans le parcours « animer »"),
        ("999999999999", "Pas de document n° 999999999999 dans le parcours « animer »"),
        ("0", "Pas de document n° 0 dans le parcours « animer »"),
    ],
)
def test_a_path_number_that_is_not_one_is_a_usage_error_never_exit_70(
    command: str, number: str, expected: str, runner: CliRunner
) -> None:
    code, out, err = invoke(runner, command, f"animer:{number}")
    assert code == 2 and out == "", err
    assert expected in err
    assert not state_path().exists()


def test_a_path_number_with_leading_zeros_is_that_number(runner: CliRunner) -> None:
    code, out, err = invoke(runner, "read", "animer:0005")
    assert code == 0, err
    assert "(rex-silver-geek)" in out
