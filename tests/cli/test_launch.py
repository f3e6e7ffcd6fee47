"""The installed `kit`, run as a user runs it: from another folder, piped, and in a real terminal."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from conftest import spaced, spawn

pytestmark = pytest.mark.e2e


def run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("KIT_", "LC_"))} | env
    return subprocess.run(args, cwd=cwd, env=full_env, capture_output=True, text=True, timeout=60, check=False)


def test_installed_kit_from_a_folder_outside_the_checkout(kit_exe: str, tmp_path: Path) -> None:
    result = run([kit_exe, "list", "--format", "json"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 36
    result = run([kit_exe, "path", "animer", "--format", "md"], tmp_path)
    assert result.returncode == 0
    assert len(re.findall(r"\n\d+\. ", result.stdout)) == 19  # the path's documents, numbered in reading order


def test_bundled_data_ships_inside_the_package(tmp_path: Path) -> None:
    code = "from coconstruct_cli.loader import bundled_path; print(bundled_path())"
    result = run([sys.executable, "-c", code], tmp_path)
    location = Path(result.stdout.strip())
    assert location.is_file()
    if os.environ.get("CI"):
        assert location.parent.parent.name == "coconstruct_cli", location


def test_python_dash_m_behaves_as_kit(kit_exe: str, tmp_path: Path) -> None:
    as_module = run([sys.executable, "-m", "coconstruct_cli", "path", "support", "-f", "json"], tmp_path)
    as_script = run([kit_exe, "path", "support", "-f", "json"], tmp_path)
    assert as_module.returncode == as_script.returncode == 0
    assert as_module.stdout == as_script.stdout
    bad = run([sys.executable, "-m", "coconstruct_cli", "path", "nulle-part"], tmp_path)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_pipe_into_head_ends_quietly(kit_exe: str, tmp_path: Path) -> None:
    result = run(["bash", "-o", "pipefail", "-c", f"'{kit_exe}' list --format csv | head -n 2"], tmp_path)
    assert len(result.stdout.splitlines()) == 2
    assert result.stderr == ""


def test_invalid_kit_file_never_shows_a_traceback(kit_exe: str, tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text('{"documents": [', encoding="utf-8")
    result = run([kit_exe, "list"], tmp_path, KIT_FILE=str(tmp_path / "bad.json"))
    assert result.returncode == 3
    assert "bad.json" in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_table_in_a_real_terminal(kit_exe: str, tmp_path: Path) -> None:
    child = spawn(kit_exe, ["path", "animate"], tmp_path)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    screen = spaced(child.before or "")
    for text in ("Parcours « Mettre en place", "CADRE DE RÉFÉRENCE", "Référentiel sur la co-construction"):
        assert text in screen
    assert "━" in screen  # a drawn rich table, not the plain text of pipes
    assert "\t" not in screen


def test_no_color_is_honoured(kit_exe: str, tmp_path: Path) -> None:
    coloured = spawn(kit_exe, ["list", "-c", "cadre"], tmp_path)
    coloured.expect(pexpect.EOF)
    with_colour = coloured.before or ""
    plain = spawn(kit_exe, ["list", "-c", "cadre"], tmp_path, NO_COLOR="1")
    plain.expect(pexpect.EOF)
    without = plain.before or ""
    assert "Référentiel sur la co-construction" in without
    colour_codes = ("\x1b[35m", "\x1b[36m", "\x1b[1;35m", "\x1b[2;36m")
    assert any(code in with_colour for code in colour_codes)
    assert not any(code in without for code in colour_codes)


def test_version_of_the_installed_script_answers_without_typer(kit_exe: str, tmp_path: Path) -> None:
    from coconstruct_cli import __version__

    expected = f"kit (coconstruct-cli) {__version__}\n"
    for args in ([kit_exe, "--version"], [kit_exe, "-V"], [sys.executable, "-m", "coconstruct_cli", "--version"]):
        result = run(args, tmp_path)
        assert (result.returncode, result.stdout, result.stderr) == (0, expected, "")
    probe = (
        "import sys; sys.argv = ['kit', '--version']\n"
        "from coconstruct_cli.cli.launch import main\n"
        "main()\n"
        "print(sorted(m for m in ('typer', 'pydantic', 'rich') if m in sys.modules))"
    )
    result = run([sys.executable, "-c", probe], tmp_path)
    assert result.stdout == expected + "[]\n"


def test_a_big_export_reaches_the_pipe_whole_and_the_exit_code_is_kept(kit_exe: str, kit_data: dict, tmp_path: Path) -> None:
    # The process ends without the interpreter's clean-up (`launch.leave`): nothing written may be lost,
    # through a pipe or into a file, and each ending keeps its exit code.
    data = json.loads(json.dumps(kit_data))
    base = data["documents"]
    data["documents"] = base + [dict(base[i % len(base)], id=f"{base[i % len(base)]['id']}-{i}") for i in range(2000 - len(base))]
    data["choices"] = []
    big = tmp_path / "big.json"
    big.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    piped = run([kit_exe, "list", "--format", "json", "--kit", str(big)], tmp_path)
    assert piped.returncode == 0 and len(json.loads(piped.stdout)) == 2000
    csv_file = tmp_path / "all.csv"
    written = run([kit_exe, "list", "--format", "csv", "--kit", str(big), "--output", str(csv_file)], tmp_path)
    assert written.returncode == 0 and len(csv_file.read_text(encoding="utf-8-sig").splitlines()) == 2001
    assert run([kit_exe, "search", "zzzqqq", "--kit", str(big)], tmp_path).returncode == 1
    assert run([kit_exe, "path", "nulle-part"], tmp_path).returncode == 2
    assert run([kit_exe, "list", "--kit", str(tmp_path / "none.json")], tmp_path).returncode == 3


def test_leaving_falls_back_to_the_ordinary_exit_when_a_stream_cannot_be_flushed(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from coconstruct_cli.cli import launch

    class Full(io.StringIO):
        def flush(self) -> None:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(sys, "stdout", Full())
    with pytest.raises(SystemExit) as ended:
        launch.leave(0)
    assert ended.value.code == 0
    with pytest.raises(SystemExit) as ended:
        launch.leave("a message")
    assert ended.value.code == "a message"
