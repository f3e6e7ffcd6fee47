"""A Typer (or rich) whose private parts moved: one sentence naming the package, the version installed and
the versions tested, exit 70; and the versions told are pyproject.toml's bounds."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from packaging.specifiers import SpecifierSet
from packaging.version import Version

from coconstruct_cli import compat, i18n

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def kit_without(module: str, *args: str) -> subprocess.CompletedProcess[str]:
    """`kit ARGS` in a fresh interpreter where `module` cannot be imported, as with a Typer that lacks it."""
    code = f"import sys; sys.modules[{module!r}] = None; sys.argv = ['kit', *{list(args)!r}]\n" + (
        "from coconstruct_cli.cli.launch import main; main()"
    )
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)


@pytest.mark.parametrize("module", ["typer._coercion", "typer._click"])
def test_a_missing_private_module_is_told_in_one_sentence(module: str) -> None:
    done = kit_without(module, "list")
    assert done.returncode == 70
    assert done.stdout == "" and "Traceback" not in done.stderr
    low, high, bounds = compat.TESTED["typer"]
    version = compat.installed("typer")
    assert done.stderr.startswith(f"Erreur\u00a0: kit ne fonctionne pas avec typer {version}, installé ici ({module}")
    assert done.stderr.count("\n") == 1
    assert f"testé avec typer {low} à {high}" in done.stderr and f"pip install 'typer{bounds}'" in done.stderr


def test_the_sentence_follows_the_language_asked() -> None:
    done = kit_without("typer._coercion", "--lang", "en", "list")
    assert done.returncode == 70
    assert done.stderr.startswith(f"Error: kit does not work with the typer {compat.installed('typer')} installed here")


def test_a_bug_of_ours_is_not_blamed_on_a_library() -> None:
    try:
        raise ValueError("ours")
    except ValueError as exc:
        assert compat.explain(exc) is None
    try:
        import typer._click.no_such_module  # type: ignore[import-not-found]  # noqa: F401
    except ImportError as exc:
        i18n.set_lang("en")
        assert (compat.explain(exc) or "").startswith("kit does not work with the typer")


def test_the_versions_told_are_the_bounds_declared() -> None:
    declared = {re.match(r"[A-Za-z0-9_.-]+", d)[0].lower(): d for d in PYPROJECT["project"]["dependencies"]}  # type: ignore[index]
    for package, (low, high, bounds) in compat.TESTED.items():
        assert declared[package] == package + bounds
        allowed = SpecifierSet(bounds)
        # The lowest tested is the bound's own floor (the lowest-direct run of .ci/run), the highest inside it.
        assert [Version(s.version) for s in allowed if s.operator == ">="] == [Version(low)]
        assert low in allowed and high in allowed


def test_the_classifiers_name_the_interpreters_ci_runs() -> None:
    classifiers = PYPROJECT["project"]["classifiers"]
    versions = sorted(c.rsplit(" ", 1)[1] for c in classifiers if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c))
    assert PYPROJECT["project"]["requires-python"] == f">={versions[0]}"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    (others,) = re.findall(r"^other_pythons=\(([^)]*)\)", ci, flags=re.M)
    assert versions == [versions[0], *others.split()]


def test_an_error_of_kit_s_own_code_under_typer_is_not_typer_s() -> None:
    """Every command runs under Typer's frames: only an error raised inside Typer itself is Typer's."""

    under: dict[str, Any] = {}
    exec(compile("def call(f):\n    return f()\n", "/x/site-packages/typer/core.py", "exec"), under)

    def ours() -> None:
        raise AssertionError("a bug of kit's own, or a test's scripted user")

    with pytest.raises(AssertionError) as ours_raised:
        under["call"](ours)
    assert compat.culprit(ours_raised.value) is None
    inside: dict[str, Any] = {}
    exec(compile("def boom():\n    raise TypeError('changed')\n", "/x/site-packages/typer/core.py", "exec"), inside)
    with pytest.raises(TypeError) as typer_raised:
        inside["boom"]()
    assert compat.culprit(typer_raised.value) == ("typer", "typer (TypeError)")
