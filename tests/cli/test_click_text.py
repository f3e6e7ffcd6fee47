"""What Typer's click writes by itself — usage errors and help pages — in the program's language."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from typing import NamedTuple

import pytest
import typer
from typer._click.exceptions import BadParameter, MissingParameter
from typer._click.exceptions import UsageError as ClickUsageError
from typer.core import TyperOption
from typer.testing import CliRunner

from coconstruct_cli import i18n
from coconstruct_cli.cli.app import KitCommand, app
from coconstruct_cli.cli.click_text import notes, usage_message
from coconstruct_cli.errors import ExitCode
from conftest import invoke, spaced

# English words click writes in its own messages and help pages, none of which a French user should meet.
ENGLISH = ("Error", "Usage", "Try", "No such", "Missing", "Did you mean", "Possible options", "Got unexpected",
           "requires", "Invalid value", "is a directory", "Show this message", "default:", "env var", "Commands",
           "[required]", "Install completion", "Show completion")  # fmt: skip


class Case(NamedTuple):
    args: list[str]
    lang_en: list[str] | None  # the same error asked in English with --lang (None: only KIT_LANG can say so)
    fr: list[str]
    en: list[str]


CASES = {
    "unknown option": Case(
        ["list", "--bogus"],
        ["list", "--lang", "en", "--bogus"],
        ["Erreur : Option inconnue : « --bogus ». Aide : kit list -h."],
        ["Error: Unknown option: '--bogus'. Help: kit list -h."],
    ),
    "unknown option, near a real one": Case(
        ["list", "--formt", "json"],
        ["list", "--formt", "json", "--lang", "en"],
        ["Option inconnue : « --formt ». Vouliez-vous dire : --format, --force ?", "Aide : kit list -h."],
        ["Unknown option: '--formt'. Did you mean: --format, --force?", "Help: kit list -h."],
    ),
    "unknown short option": Case(
        ["show", "-x", "a"], ["show", "--lang", "en", "-x", "a"], ["Option inconnue : « -x »."], ["Unknown option: '-x'."]
    ),
    "missing argument": Case(
        ["path"],
        ["path", "--lang", "en"],
        [
            "Erreur : Argument manquant : NOM (le parcours). Valeurs possibles : understand (comprendre), animate (animer), "
            "support (accompagner). Aide : kit path -h."
        ],
        [
            "Error: Missing argument: NAME (the path). Valid values: understand (comprendre), animate (animer), "
            "support (accompagner). Help: kit path -h."
        ],
    ),
    "option without its value": Case(
        ["list", "--format"],
        ["list", "--lang", "en", "--format"],
        ["Erreur : L'option --format attend une valeur. Aide : kit list -h."],
        ["Error: Option --format needs a value. Help: kit list -h."],
    ),
    "flag given a value": Case(
        ["schema", "--force=yes"],
        ["schema", "--lang", "en", "--force=yes"],
        ["L'option --force ne prend pas de valeur.", "Aide : kit schema -h."],
        ["Option --force does not take a value."],
    ),
    "extra arguments": Case(
        ["show", "a", "b", "c"],
        ["show", "--lang", "en", "a", "b", "c"],
        ["Erreur : Arguments en trop : « b c ». Aide : kit show -h."],
        ["Error: Unexpected extra arguments: 'b c'. Help: kit show -h."],
    ),
    "unknown command": Case(
        ["lst"],
        ["lst", "--lang", "en"],
        ["Erreur : Commande inconnue : « lst ». Vouliez-vous dire : list ? Aide : kit -h."],
        ["Error: Unknown command: 'lst'. Did you mean: list? Help: kit -h."],
    ),
    "unknown command, far from any": Case(
        ["zzzz"],
        ["zzzz", "--lang", "en"],
        ["Commande inconnue : « zzzz ». Valeurs possibles : guide, list, path, paths, categories, show, search, about,"],
        [
            "Unknown command: 'zzzz'. Valid values: guide, list, path, paths, categories, show, search, about, read, progress, "
            "validate, schema"
        ],
    ),
    "missing command": Case(
        ["--"],
        None,
        ["Erreur : Commande manquante ; les commandes : guide, list, path, paths, categories,", "Aide : kit -h."],
        ["Error: Missing command; the commands: guide, list, path, paths, categories,", "Help: kit -h."],
    ),
    "unknown option of the root": Case(
        ["--bogus"],
        ["--bogus", "--lang", "en"],
        ["Erreur : Option inconnue : « --bogus ». Aide : kit -h."],
        ["Error: Unknown option: '--bogus'. Help: kit -h."],
    ),
    "unknown root option, near a real one": Case(
        ["--verison"], None, ["Vouliez-vous dire : --version ?"], ["Did you mean: --version?"]
    ),
    "bad value from Typer's own check": Case(
        ["guide", "--answers", "."],
        ["guide", "--lang", "en", "--answers", "."],
        ["Erreur : Valeur invalide pour --answers : « . » est un dossier. Aide : kit guide -h."],
        ["Error: Invalid value for --answers: '.' is a folder. Help: kit guide -h."],
    ),
}


def check_french(code: int, out: str, err: str, case: Case) -> None:
    out, err = spaced(out), spaced(err)
    assert code == ExitCode.USAGE, err
    assert out == ""
    assert err.startswith("Erreur : ") and err.endswith("\n")
    assert len(err.splitlines()) == 1, err
    for text in case.fr:
        assert text in err
    for word in ENGLISH:
        assert word not in err


def check_english(code: int, out: str, err: str, case: Case) -> None:
    out, err = spaced(out), spaced(err)
    assert code == ExitCode.USAGE, err
    assert out == ""
    assert err.startswith("Error: ") and err.endswith("\n")
    assert len(err.splitlines()) == 1, err
    for text in case.en:
        assert text in err
    assert "Erreur" not in err and "Vouliez-vous" not in err and "Aide" not in err


def run(runner: CliRunner, args: list[str], env: dict[str, str] | None = None) -> tuple[int, str, str]:
    return invoke(runner, *args, env=env)


@pytest.mark.parametrize("name", CASES)
def test_usage_error_in_french_by_default(runner: CliRunner, name: str) -> None:
    case = CASES[name]
    check_french(*run(runner, case.args), case)


@pytest.mark.parametrize("name", CASES)
def test_usage_error_in_english_with_kit_lang(runner: CliRunner, name: str) -> None:
    case = CASES[name]
    check_english(*run(runner, case.args, {"KIT_LANG": "en"}), case)


@pytest.mark.parametrize("name", [name for name, case in CASES.items() if case.lang_en])
def test_usage_error_in_english_with_lang_option(runner: CliRunner, name: str) -> None:
    case = CASES[name]
    assert case.lang_en is not None
    check_english(*run(runner, case.lang_en), case)


def test_the_locale_chooses_english_for_usage_errors_too(runner: CliRunner) -> None:
    case = CASES["unknown option"]
    check_english(*run(runner, case.args, {"LANG": "en_GB.UTF-8"}), case)


def test_kit_debug_shows_where_a_usage_error_came_from(runner: CliRunner) -> None:
    result = runner.invoke(app, ["list", "--bogus"], env={"KIT_DEBUG": "1"}, prog_name="kit")
    assert result.exit_code == ExitCode.USAGE
    assert "NoSuchOption" in result.stderr
    assert spaced(result.stderr).endswith("Erreur : Option inconnue : « --bogus ». Aide : kit list -h.\n")


def test_what_the_user_typed_is_shown_on_one_line(runner: CliRunner) -> None:
    code, out, err = run(runner, ["list", "--bo\x1b[31mgus\nx"])
    assert code == ExitCode.USAGE and out == ""
    assert "\x1b" not in err and len(err.splitlines()) == 1


def run_installed(kit_exe: str, args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """The installed `kit` in a French-neutral environment (C locale) plus `env`."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("KIT_", "LC_", "LANG"))} | {"LANG": "C.UTF-8"}
    result = subprocess.run([kit_exe, *args], cwd=cwd, env=base | env, capture_output=True, text=True, timeout=60, check=False)
    assert "Traceback" not in result.stderr
    result.stdout, result.stderr = spaced(result.stdout), spaced(result.stderr)
    return result


@pytest.mark.e2e
@pytest.mark.parametrize("name", CASES)
def test_installed_kit_says_usage_errors_in_both_languages(kit_exe: str, tmp_path: Path, name: str) -> None:
    case = CASES[name]
    result = run_installed(kit_exe, case.args, tmp_path)
    check_french(result.returncode, result.stdout, result.stderr, case)
    result = run_installed(kit_exe, case.args, tmp_path, KIT_LANG="en")
    check_english(result.returncode, result.stdout, result.stderr, case)
    if case.lang_en:
        result = run_installed(kit_exe, case.lang_en, tmp_path)
        check_english(result.returncode, result.stdout, result.stderr, case)


# Help pages --------------------------------------------------------------------------------------------


def words(text: str) -> str:
    """The text with click's line wrapping undone."""
    return " ".join(text.split())


def test_command_help_in_french(runner: CliRunner) -> None:
    code, out, err = run(runner, ["list", "-h"])
    assert code == 0 and err == ""
    assert out.startswith("Utilisation : kit list [OPTIONS]\n")
    assert "\nOptions :\n" in out
    shown = words(out)
    for text in ("-h, --help Affiche cette aide et quitte.", "[par défaut : table]", "(ou variable KIT_FILE)",
                 "--format FORMAT", "--output FICHIER"):  # fmt: skip
        assert text in shown
    assert shown.count("KIT_FILE") == 1  # the environment variable is told once
    for word in ENGLISH:
        assert word not in out


def test_arguments_in_french(runner: CliRunner) -> None:
    code, out, _ = run(runner, ["path", "-h"])
    assert code == 0
    assert "\nArguments :\n" in out
    assert "[obligatoire]" in words(out)
    code, out, _ = run(runner, ["search", "-h"])
    assert "\n  REQUÊTE…  Mots à chercher" in out
    code, out, _ = run(runner, ["guide", "-h"])
    assert "--answers FICHIER" in out


def test_root_help_in_french(runner: CliRunner) -> None:
    code, out, _ = run(runner, ["-h"])
    assert code == 0
    assert out.startswith("Utilisation : kit [OPTIONS] COMMANDE [ARGUMENTS]…\n")
    assert "\nCommandes :\n" in out
    shown = words(out)
    assert (
        "--install-completion Installe la complétion pour le shell nommé (bash, zsh ou fish), sinon pour le shell courant."
        in shown
    )
    assert "--show-completion Affiche le script de complétion du shell nommé" in shown
    for word in ENGLISH:
        assert word not in out


def test_help_in_english(runner: CliRunner) -> None:
    code, out, _ = run(runner, ["list", "-h", "--lang", "en"])
    assert code == 0
    assert out.startswith("Usage: kit list [OPTIONS]\n")
    shown = words(out)
    for text in ("Options:", "-h, --help Show this message and exit.", "[default: table]", "(or KIT_FILE)",
                 "--format FORMAT"):  # fmt: skip
        assert text in shown
    assert "Utilisation" not in out and "défaut" not in out and "Affiche cette aide" not in out
    code, out, _ = run(runner, ["-h"], {"KIT_LANG": "en"})
    assert out.startswith("Usage: kit [OPTIONS] COMMAND [ARGS]…\n")
    assert "\nCommands:\n" in out
    assert (
        "--install-completion Install completion for the shell named (bash, zsh or fish), else for the current shell."
        in words(out)
    )


@pytest.mark.parametrize("env,expected", [({}, "Utilisation : kit [OPTIONS]"), ({"KIT_LANG": "en"}, "Usage: kit [OPTIONS]")])
def test_bare_kit_still_prints_the_help_on_stderr_and_exits_2(runner: CliRunner, env: dict[str, str], expected: str) -> None:
    code, out, err = run(runner, [], env)
    assert code == ExitCode.USAGE
    assert out == ""
    assert err.startswith(expected)
    assert ("Commandes :" if not env else "Commands:") in err


def test_every_command_is_a_kit_command() -> None:
    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    assert group.commands
    assert all(isinstance(command, KitCommand) for command in group.commands.values())


@pytest.mark.e2e
def test_installed_kit_help_in_both_languages(kit_exe: str, tmp_path: Path) -> None:
    fr = run_installed(kit_exe, ["list", "-h"], tmp_path)
    assert fr.returncode == 0
    assert fr.stdout.startswith("Utilisation : kit list [OPTIONS]") and "[par défaut : table]" in words(fr.stdout)
    assert "Show this message" not in fr.stdout
    en = run_installed(kit_exe, ["list", "-h", "--lang", "en"], tmp_path)
    assert en.returncode == 0
    assert en.stdout.startswith("Usage: kit list [OPTIONS]") and "Show this message and exit." in en.stdout


# The help page's notes, one by one ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,fr,en",
    [
        ("Format.  [default: table]", "Format.  [par défaut : table]", "Format.  [default: table]"),
        ("Kit.  [env var: KIT_FILE; default: x]", "Kit.  [variable d'environnement : KIT_FILE; par défaut : x]", None),
        ("[required]", "[obligatoire]", None),
        ("Name.  [required]", "Name.  [obligatoire]", None),
        ("Plain help.", "Plain help.", None),
        ("A [bracket] inside.", "A [bracket] inside.", None),
        ("Half.  [default: x; 1<=x<=5]", "Half.  [default: x; 1<=x<=5]", None),
    ],
)
def test_notes(text: str, fr: str, en: str | None) -> None:
    assert spaced(notes(text)) == fr
    i18n.set_lang("en")
    assert notes(text) == (en or text)


# Messages built from click's exceptions directly -----------------------------------------------------


def guide_option(name: str) -> TyperOption:
    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    (option,) = (p for p in group.commands["guide"].params if p.name == name)
    assert isinstance(option, TyperOption)
    return option


@pytest.mark.parametrize(
    "problem,fr,en",
    [
        ("file '/x' is a directory.", "« /x » est un dossier", "'/x' is a folder"),
        ("file '/x' is a file.", "« /x » est un fichier", "'/x' is a file"),
        ("file '/x' does not exist.", "« /x » n'existe pas", "'/x' does not exist"),
        ('path "it\'s" is not readable.', "« it's » ne peut pas être lu", "'it's' cannot be read"),
        ("dir '/x' is not writable.", "« /x » ne peut pas être écrit", "'/x' cannot be written"),
    ],
)
def test_typer_path_checks_are_translated(problem: str, fr: str, en: str) -> None:
    exc = BadParameter(problem, param=guide_option("answers_file"))
    assert spaced(usage_message(exc)) == f"Valeur invalide pour --answers : {fr}."
    i18n.set_lang("en")
    assert usage_message(exc) == f"Invalid value for --answers: {en}."


def test_other_typer_checks_keep_their_words() -> None:
    exc = BadParameter("Input should be a valid integer.", param=guide_option("answers_file"))
    assert spaced(usage_message(exc)) == "Valeur invalide pour --answers : Input should be a valid integer."


def test_a_missing_option_is_named() -> None:
    assert spaced(usage_message(MissingParameter(param=guide_option("role")))) == "Option obligatoire manquante : --role / -r."


def test_an_error_click_has_no_data_for_keeps_its_own_text() -> None:
    assert usage_message(ClickUsageError("Something new.")) == "Something new."


def test_every_key_the_translation_uses_is_in_the_catalogue() -> None:
    from coconstruct_cli.cli import click_text

    keys = [*click_text._HEADINGS.values(), *click_text._ARGUMENTS.values(), *click_text._PATH_PROBLEMS.values()]
    assert all(key in i18n.MESSAGES for key in keys)


# One style for the names in usage lines and help pages (issue 14 items 12-14) ---------------------------

COMMAND_NAMES = ("guide", "list", "path", "paths", "categories", "show", "search", "about", "validate", "schema")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_help_page_names_values_in_one_style(runner: CliRunner, lang: str) -> None:
    for command in ("", *COMMAND_NAMES):
        code, out, _ = run(runner, [*command.split(), "-h", "--lang", lang])
        assert code == 0
        # Names in capitals in the help's language; no Typer type label (« <str> ») nor brace (« {name} »).
        assert not re.search(r"[<>{}]|\.\.\.", out), (command, out)


@pytest.mark.parametrize(
    "command,fr,en",
    [
        ("path", "kit path [OPTIONS] NOM\n", "kit path [OPTIONS] NAME\n"),
        ("show", "kit show [OPTIONS] ID\n", "kit show [OPTIONS] ID\n"),
        ("search", "kit search [OPTIONS] REQUÊTE…\n", "kit search [OPTIONS] QUERY…\n"),
        ("validate", "kit validate [OPTIONS] FICHIER\n", "kit validate [OPTIONS] FILE\n"),
    ],
)
def test_usage_lines_in_the_interface_language(runner: CliRunner, command: str, fr: str, en: str) -> None:
    assert fr in run(runner, [command, "-h"])[1]
    assert en in run(runner, [command, "-h", "--lang", "en"])[1]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_root_help_gives_every_summary_whole(runner: CliRunner, lang: str) -> None:
    i18n.set_lang(lang)
    _, out, _ = run(runner, ["-h", "--lang", lang], {"COLUMNS": "80"})
    listed = words(out[out.index(spaced(i18n.t("click.commands"))) :])
    assert "..." not in out
    for command in COMMAND_NAMES:
        assert words(f"{command} {spaced(i18n.t(f'help.{command}'))}") in listed, command


@pytest.mark.parametrize("width", range(40, 121, 3))
def test_help_never_breaks_a_hyphenated_word(runner: CliRunner, width: int) -> None:
    code, out, _ = run(runner, ["guide", "-h"], {"COLUMNS": str(width)})
    assert code == 0
    assert "ne-sais-pas" in out  # whole on its line, with a real hyphen one can copy
    assert not re.search(r"\w-\n", out) and "\u2011" not in out


@pytest.mark.parametrize(
    "args,fr,en",
    [
        (["show"], "Argument manquant : ID (le document). Les identifiants sont dans kit list",
         "Missing argument: ID (the document). The ids are in kit list"),
        (["search"], "Argument manquant : REQUÊTE… (les mots à chercher).",
         "Missing argument: QUERY… (the words to search for)."),
        (["validate"], "Argument manquant : FICHIER (le fichier de kit à vérifier).",
         "Missing argument: FILE (the kit file to check)."),
    ],
)  # fmt: skip
def test_a_missing_argument_says_what_it_names(runner: CliRunner, args: list[str], fr: str, en: str) -> None:
    code, _, err = run(runner, args)
    assert code == ExitCode.USAGE and fr in err
    code, _, err = run(runner, [*args, "--lang", "en"])
    assert code == ExitCode.USAGE and en in err


def test_a_missing_path_lists_the_paths_of_the_kit_in_use(runner: CliRunner, tmp_path: Path) -> None:
    import json

    from coconstruct_cli.loader import bundled_path

    data = json.loads(bundled_path().read_text(encoding="utf-8"))
    data["paths"][0]["alias"] = "decouvrir"
    kit = tmp_path / "kit.json"
    kit.write_text(json.dumps(data), encoding="utf-8")
    for args in (["--kit", str(kit), "path"], ["path", "--kit", str(kit)]):
        code, _, err = run(runner, args)
        assert code == ExitCode.USAGE and "Valeurs possibles : understand (decouvrir), animate (animer)" in err, err
    # A kit that cannot be read: the sentence without the values, never a second error.
    code, _, err = run(runner, ["--kit", str(tmp_path / "missing.json"), "path"])
    assert code == ExitCode.USAGE and "Argument manquant : NOM (le parcours). Aide : kit path -h." in err
