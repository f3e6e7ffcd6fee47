"""A progress state or an `--import` file that is hostile (a FIFO, a device, a huge number, a lone
surrogate, a duplicate key…): every command that reads the state warns once and goes on, `kit read`
refuses with exit 4, `--import` with exit 2, and none of them hangs, fills the memory or exits 70."""

from __future__ import annotations

import json
import os
import signal
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coconstruct_cli.progress_store import state_path
from conftest import invoke

# Every command that reads the state, with arguments that make each read it (JSON, so nothing prompts).
READING = [
    ("list", "--format", "json"),
    ("path", "animer", "--format", "json"),
    ("search", "territoire", "--format", "json"),
    ("progress", "--format", "json"),
    ("guide", "--role", "company", "--goal", "support", "--need", "all", "--format", "json"),
]
NOT_REGULAR = "ce n'est pas un fichier ordinaire"


def fifo(path: Path) -> None:
    os.mkfifo(path)


def dev_zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


SPECIAL = {"fifo": fifo, "dev-zero": dev_zero}


def put_state(make: Callable[[Path], None]) -> Path:
    state = state_path()
    state.parent.mkdir(parents=True, exist_ok=True)
    make(state)
    return state


def assert_reading_commands_warn_once(runner: CliRunner, reason: str) -> None:
    for args in READING:
        code, out, err = invoke(runner, *args)
        assert code == 0, (args, err)
        json.loads(out)
        assert err.count("Progression de lecture ignorée") == 1, (args, err)
        assert reason in err and str(state_path()) in err, (args, err)


@pytest.fixture
def deadline() -> Iterator[None]:
    """A command that hangs fails the test after a minute instead of hanging the suite."""

    def expire(*_: object) -> None:
        raise TimeoutError("the command hung")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.mark.usefixtures("deadline")
@pytest.mark.parametrize("kind", sorted(SPECIAL))
def test_a_state_that_is_a_fifo_or_a_device_is_ignored_by_reading_and_refused_by_kit_read(kind: str, runner: CliRunner) -> None:
    put_state(SPECIAL[kind])
    assert_reading_commands_warn_once(runner, NOT_REGULAR)
    code, out, err = invoke(runner, "read", "etudes-phare")
    assert code == 4 and out == ""
    assert NOT_REGULAR in err and str(state_path()) in err
    code, _, err = invoke(runner, "read", "--undo", "etudes-phare")
    assert code == 4 and NOT_REGULAR in err


@pytest.mark.usefixtures("deadline")
@pytest.mark.parametrize("kind", sorted(SPECIAL))
def test_import_of_a_fifo_or_a_device_is_a_usage_error(kind: str, runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "export.json"
    SPECIAL[kind](source)
    code, out, err = invoke(runner, "progress", "--import", str(source))
    assert code == 2 and out == ""
    assert f"Impossible de lire le fichier de progression {source} : {NOT_REGULAR}" in err
    assert not state_path().exists()


@pytest.mark.e2e
def test_import_of_dev_stdin_fed_by_dev_urandom_is_a_usage_error(kit_exe: str) -> None:
    with Path("/dev/urandom").open("rb") as noise:
        done = subprocess.run(
            [kit_exe, "progress", "--import", "/dev/stdin"], stdin=noise, capture_output=True, text=True, timeout=60
        )
    assert done.returncode == 2, done.stderr
    assert f"/dev/stdin : {NOT_REGULAR}" in done.stderr.replace("\u00a0", " ").replace("\u202f", " ")


def document(kits: str = "[]", version: str = "1") -> bytes:
    return f'{{"format": "coconstruct-cli/progress", "version": {version}, "kits": {kits}}}'.encode()


# Contents that cannot be taken as progress, each with the words that must say why.
UNUSABLE = {
    "huge-integer": (document(version="9" * 5000), "le fichier contient un nombre trop long pour être lu"),
    "duplicate-key": (
        document(
            '[{"title": "Kit « co-construction territoriale »", "publisher": "Le RAMEAU", '
            '"read": ["etudes-phare"], "read": ["rex-silver-geek"]}]'
        ),
        "la clé « read » apparaît deux fois dans un même objet",
    ),
    "lone-surrogate": (
        document('[{"title": "T\\ud800", "publisher": "P", "read": [], "answers": {"role": "\\udc00"}}]'),
        "kits[0].title: échappement Unicode invalide",
    ),
}


@pytest.mark.parametrize("name", sorted(UNUSABLE))
def test_an_unusable_state_is_told_by_every_command_and_never_exits_70(name: str, runner: CliRunner) -> None:
    content, reason = UNUSABLE[name]
    state = put_state(lambda path: path.write_bytes(content))
    assert_reading_commands_warn_once(runner, reason)
    code, out, err = invoke(runner, "read", "etudes-phare")
    assert code == 4 and out == "", err
    assert reason in err and str(state) in err
    assert state.read_bytes() == content


@pytest.mark.parametrize("name", sorted(UNUSABLE))
def test_an_unusable_import_is_a_usage_error_naming_the_file(name: str, runner: CliRunner, tmp_path: Path) -> None:
    content, reason = UNUSABLE[name]
    source = tmp_path / "export.json"
    source.write_bytes(content)
    code, out, err = invoke(runner, "progress", "--import", str(source))
    assert code == 2 and out == "", err
    assert str(source) in err and reason in err
    assert not state_path().exists()


# --- no home -------------------------------------------------------------------------------------


@pytest.fixture
def no_home(monkeypatch: pytest.MonkeyPatch) -> None:
    """No HOME and a uid with no password entry (`docker run --user N`): `Path.home()` cannot answer."""
    import pwd

    def missing(uid: int) -> pwd.struct_passwd:
        raise KeyError(f"getpwuid(): uid not found: {uid}")

    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.delenv("KIT_HOME", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setattr(pwd, "getpwuid", missing)


NO_HOME = "aucun dossier personnel connu"


@pytest.mark.usefixtures("no_home")
def test_without_a_home_reading_commands_work_and_writing_ones_name_kit_home(runner: CliRunner, tmp_path: Path) -> None:
    for args in READING:
        code, out, err = invoke(runner, *args)
        assert code == 0, (args, err)
        json.loads(out)
        assert err == "", (args, err)
    export = tmp_path / "export.json"
    export.write_bytes(document())
    for args in (
        ("read", "etudes-phare"),
        ("read", "--undo", "etudes-phare"),
        ("progress", "--where"),
        ("progress", "--reset", "--yes"),
        ("progress", "--import", str(export)),
    ):
        code, out, err = invoke(runner, *args)
        assert code == 4 and out == "", (args, err)
        assert NO_HOME in err and "KIT_HOME=DOSSIER" in err, (args, err)
    code, out, err = invoke(runner, "guide", "--role", "company", "--goal", "support", "--need", "all", "-o", "plan.json")
    assert code == 0 and (tmp_path / "plan.json").exists(), err


@pytest.mark.usefixtures("no_home")
def test_a_kit_home_with_a_tilde_and_no_home_is_told_not_a_crash(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIT_HOME", "~/kit")
    code, _, err = invoke(runner, "list", "--format", "json")
    assert code == 0 and err == ""
    code, _, err = invoke(runner, "read", "etudes-phare")
    assert code == 4 and NO_HOME in err
