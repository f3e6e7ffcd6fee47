"""The artefacts people install: the sdist holds the tracked files and nothing else, the wheel the
package and its kit, each built as pip builds them (the wheel from the unpacked sdist)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # builds the sdist and the wheel

ROOT = Path(__file__).resolve().parents[1]
GIT = ["git", "-c", "user.name=kit", "-c", "user.email=kit@example.invalid", "-c", "commit.gpgsign=false"]


def tracked() -> list[str]:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    return sorted(name.decode() for name in listed.split(b"\0") if name)


def build(source: Path, target: str, out: Path) -> Path:
    done = subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", target, "-d", str(out)],
        cwd=source,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    (built,) = out.glob("*.tar.gz" if target == "sdist" else "*.whl")
    return built


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git checkout of the project's tracked files, as after `.ci/run`: node_modules from `npm ci`, caches,
    and one stray untracked file."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    copy = tmp_path_factory.mktemp("checkout")
    for name in tracked():
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, copy / name)
    subprocess.run([*GIT, "init", "-q"], cwd=copy, check=True)
    subprocess.run([*GIT, "add", "-A"], cwd=copy, check=True)
    subprocess.run([*GIT, "commit", "-q", "-m", "tracked"], cwd=copy, check=True)
    for folder in ("tests/render/markdown", "tests/render/browser", "tests/schema"):
        (copy / folder / "node_modules" / "linkify-it").mkdir(parents=True)
        (copy / folder / "node_modules" / "linkify-it" / "index.js").write_text("//\n", encoding="utf-8")
    (copy / "tests" / "__pycache__").mkdir(exist_ok=True)
    (copy / "tests" / "__pycache__" / "conftest.cpython-311.pyc").write_bytes(b"")
    (copy / "tests" / "scratch-export.md").write_text("stray\n", encoding="utf-8")
    return copy


def test_the_sdist_holds_the_tracked_files_and_nothing_else(checkout: Path, tmp_path: Path) -> None:
    sdist = build(checkout, "sdist", tmp_path)
    with tarfile.open(sdist) as archive:
        names = sorted(m.name.split("/", 1)[1] for m in archive.getmembers() if m.isfile())
    print("\n".join(names))  # the listing, for whoever runs this with -s
    assert sorted(set(names) - {"PKG-INFO"}) == tracked()
    assert not [n for n in names if "node_modules" in n or "__pycache__" in n or "scratch" in n]


def test_the_wheel_built_from_the_sdist_holds_the_package_and_its_kit(checkout: Path, tmp_path: Path) -> None:
    sdist = build(checkout, "sdist", tmp_path / "sdist")
    with tarfile.open(sdist) as archive:
        archive.extractall(tmp_path / "unpacked", filter="data")
    (source,) = (tmp_path / "unpacked").iterdir()
    wheel = build(source, "wheel", tmp_path / "wheel")
    with zipfile.ZipFile(wheel) as archive:
        names = sorted(archive.namelist())
    print("\n".join(names))
    package = sorted(n for n in tracked() if n.startswith("src/coconstruct_cli/"))
    assert [n for n in names if not n.startswith("coconstruct_cli-")] == sorted(
        [n.removeprefix("src/") for n in package] + ["coconstruct_cli/data/kit.json"]
    )
    info = {n.split("/", 1)[1] for n in names if ".dist-info/" in n}
    assert {"METADATA", "WHEEL", "RECORD", "entry_points.txt", "licenses/LICENSE"} <= info
    metadata = archive_text(wheel, next(n for n in names if n.endswith(".dist-info/METADATA")))
    assert "Requires-Python: >=3.11" in metadata
    # The declared licence and its text agree (issue 19).
    assert "License-Expression: MIT" in metadata and "License-File: LICENSE" in metadata
    licence = archive_text(wheel, next(n for n in names if n.endswith(".dist-info/licenses/LICENSE")))
    assert licence.startswith("MIT License\n") and "Permission is hereby granted, free of charge" in licence
    # The long description is the users' page, README.md, whole; the rest of the docs stays in the sdist.
    assert "Description-Content-Type: text/markdown" in metadata
    assert metadata.split("\n\n", 1)[1].strip() == (ROOT / "README.md").read_text(encoding="utf-8").strip()


def archive_text(wheel: Path, name: str) -> str:
    with zipfile.ZipFile(wheel) as archive:
        return archive.read(name).decode("utf-8")
