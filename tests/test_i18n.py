"""The message catalogue: both languages for every key, and the language chosen as documented."""

from __future__ import annotations

import string
from typing import Any

import pytest
from typer.testing import CliRunner

from coconstruct_cli import i18n
from coconstruct_cli.cli.app import app


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(i18n.MESSAGES))
def test_every_message_exists_in_both_languages_with_the_same_fields(key: str) -> None:
    fr, en = i18n.MESSAGES[key]
    assert fr.strip() and en.strip()
    assert placeholders(fr) == placeholders(en)


@pytest.mark.parametrize(
    "env,expected",
    [
        ({}, "fr"),
        ({"LANG": "C"}, "fr"),
        ({"LANG": "POSIX"}, "fr"),
        ({"LANG": "C.UTF-8"}, "fr"),
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "fr"),
        ({"LC_MESSAGES": "en_US.UTF-8", "LANG": "fr_FR.UTF-8"}, "en"),
        ({"LC_ALL": "fr_FR.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, "fr"),
        ({"KIT_LANG": "en", "LC_ALL": "fr_FR.UTF-8"}, "en"),
        ({"KIT_LANG": "FR", "LANG": "en_US.UTF-8"}, "fr"),
        ({"KIT_LANG": "klingon", "LANG": "en_US.UTF-8"}, "en"),
    ],
)
def test_language_from_the_environment(env: dict[str, str], expected: str) -> None:
    assert i18n.detect(env) == expected


def test_the_locale_decides_when_nothing_else_does(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    result = CliRunner().invoke(app, ["path", "nowhere"])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: Unknown path: 'nowhere'.")


def test_validation_problems_are_translated(write_kit: Any) -> None:
    path = write_kit(lambda d: d["documents"][0].update(year="deux mille"))
    result = CliRunner().invoke(app, ["validate", str(path), "--lang", "en"])
    assert result.exit_code == 3
    assert "documents[0 = referentiel-co-construction-territoire].year: expected type: integer" in result.stderr


@pytest.mark.parametrize(
    "argv,expected",
    [
        (["list", "--lang", "en", "--help"], "en"),
        (["list", "--lang=EN"], "en"),
        (["--lang", "fr"], "fr"),
        (["list", "--lang"], None),
        (["list", "--lang", "de"], None),
        (["search", "lang", "en"], None),
    ],
)
def test_language_asked_on_the_command_line(argv: list[str], expected: str | None) -> None:
    from coconstruct_cli.cli.app import choose_language

    assert choose_language(argv, {}) == (expected or "fr")
    assert choose_language(argv, {"KIT_LANG": "en"}) == (expected or "en")


def test_help_follows_lang_given_on_the_command_line(tmp_path: Any) -> None:
    import subprocess
    import sys

    # The command's own help, and the shared options' (options.py), both written at import.
    for lang, expected in (
        ("en", ("List the kit's documents.", "Write the result to this file.", "Kit file to use instead")),
        ("fr", ("Liste les documents du kit.", "Écrit le résultat dans ce fichier.", "Fichier de kit à utiliser")),
    ):
        result = subprocess.run(
            [sys.executable, "-m", "coconstruct_cli", "list", "--lang", lang, "--help"],
            capture_output=True,
            text=True,
            check=False,
            env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
        )
        assert result.returncode == 0
        assert all(text in result.stdout for text in expected), result.stdout


def test_one_list_of_roles() -> None:
    from typing import get_args

    from coconstruct_cli.guide import ROLES
    from coconstruct_cli.model import Role
    from coconstruct_cli.names import ROLE_ALIASES

    # The model's Literal (for validation) and the names' table (for aliases) must name the same roles.
    assert get_args(Role) == tuple(ROLE_ALIASES) == ROLES
    assert all(f"role.{role}" in i18n.MESSAGES for role in ROLES)


def test_a_message_in_a_language_other_than_the_runs() -> None:
    # Shell completion answers in the language of the line being completed, not the run's.
    i18n.set_lang("en")
    assert i18n.message("fr", "label.documents_count", count=0) == "0 document"
    assert i18n.message("fr", "help.progress").startswith("Votre progression\u00a0: ")
    i18n.set_lang("fr")
    assert i18n.message("en", "label.documents_count", count=0) == "0 documents"
    assert i18n.get_lang() == "fr"
    assert i18n.has("help.progress") and not i18n.has("help.undoo")


def test_english_keeps_the_kit_s_meaning() -> None:
    """Issue 22, item 8: « Un acteur académique » is an actor, not an institution; a translated quote is
    marked as ours, not given in quotation marks as the kit's words."""
    assert i18n.MESSAGES["role.academic"][1] == "An academic actor"
    assert i18n.MESSAGES["why.written_for"][1].endswith("“{quote}” (our translation).")
