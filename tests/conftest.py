"""Shared fixtures: a clean environment for every test, the bundled kit, and an in-process runner."""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from coconstruct_cli import i18n
from coconstruct_cli.loader import bundled_path, load_kit
from coconstruct_cli.model import Kit

ENV_VARS = ("KIT_FILE", "KIT_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "NO_COLOR", "KIT_DEBUG", "FORCE_COLOR")


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Every test starts in French, in an empty working folder, with no user setting leaking in."""
    for name in ENV_VARS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    i18n.set_lang("fr")
    yield
    i18n.set_lang("fr")


@pytest.fixture(scope="session")
def kit() -> Kit:
    return load_kit()


@pytest.fixture(scope="session")
def kit_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(bundled_path().read_text(encoding="utf-8"))
    return data


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def write_kit(tmp_path: Path, kit_data: dict[str, Any]) -> Any:
    """Write a copy of the bundled kit, changed by `edit(data)`, and return its path."""

    def make(edit: Any = None, name: str = "kit.json") -> Path:
        data = json.loads(json.dumps(kit_data))
        if edit is not None:
            edit(data)
        path = tmp_path / name
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return path

    return make


def installed_kit() -> str | None:
    """The `kit` script of the environment running the tests (the installed package)."""
    candidate = Path(sys.executable).parent / "kit"
    if candidate.exists():
        return str(candidate)
    return shutil.which("kit")


@pytest.fixture
def kit_exe() -> str:
    exe = installed_kit()
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("the `kit` command is not installed")
        pytest.skip("the `kit` command is not installed")
    return exe
