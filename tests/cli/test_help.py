"""Help pages: every command's page ends with examples that work, `kit help [CMD]` prints the same pages."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from test_completion import bash, zsh
from typer.testing import CliRunner

from coconstruct_cli import i18n
from coconstruct_cli.cli.commands import COMMANDS
from coconstruct_cli.guide import Question
from coconstruct_cli.i18n import MESSAGES
from coconstruct_cli.loader import bundled_path
from conftest import invoke, spaced, terminal

PAGES = ["kit", *(name for name, _ in COMMANDS)]
LANGS = {"fr": "Exemples :", "en": "Examples:"}


def page(runner: CliRunner, name: str, lang: str) -> str:
    args = ["--help"] if name == "kit" else [name, "--help"]
    code, out, err = invoke(runner, *args, "--lang", lang)
    assert (code, err) == (0, "")
    return out


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PAGES)
def test_every_help_page_ends_with_its_examples(runner: CliRunner, name: str, lang: str) -> None:
    i18n.set_lang(lang)  # type: ignore[arg-type]
    examples = i18n.examples(name)
    assert len(examples) >= 1
    text = page(runner, name, lang)
    heading = spaced(LANGS[lang])
    assert text.count(heading) == 1
    tail = text.split(heading)[1]
    for command, does in examples:
        assert f"\n  {command}\n" in tail  # whole, on its own line, to be copied
        assert spaced(" ".join(does.split()[:2])) in tail.replace("\n  # ", " ")


def metavar_words(lang: int) -> set[str]:
    """The words of the catalogue's metavars (and of `COMMANDE [ARGUMENTS]…`) in one language (0 French, 1 English)
    that the other language writes differently."""
    keys = [k for k in MESSAGES if k.startswith("metavar.")] + ["click.subcommand_metavar"]
    words = [set(re.findall(r"[A-ZÀ-Ý]{2,}", MESSAGES[k][lang])) for k in keys]
    others = [set(re.findall(r"[A-ZÀ-Ý]{2,}", MESSAGES[k][1 - lang])) for k in keys]
    return set().union(*words) - set().union(*others)


# click's and Typer's own names for a value, written when a parameter declares no metavar: English only.
CLICK_METAVARS = {"TEXT", "INTEGER", "FLOAT", "BOOLEAN", "PATH", "FILENAME", "FILE", "DIRECTORY", "CHOICE", "UUID", "ARGS"}
FOREIGN = {"fr": metavar_words(1) | CLICK_METAVARS, "en": metavar_words(0)}
NAMESPACES = "|".join(sorted({k.partition(".")[0] for k in MESSAGES}))
RAW_KEY = re.compile(rf"\b(?:{NAMESPACES})\.[a-z_]+(?:\.[a-z_]+)*\b(?<!\.json)(?<!\.md)(?<!\.csv)(?<!\.html)(?<!\.xlsx)")


def test_foreign_words_are_known() -> None:
    # The sweep below looks for these: a change to the catalogue's metavars cannot empty it silently.
    assert {"PATH", "FILE", "COMMAND", "QUERY", "TEXT"} <= FOREIGN["fr"]
    assert {"PARCOURS", "FICHIER", "COMMANDE", "REQUÊTE", "TEXTE"} <= FOREIGN["en"]
    assert RAW_KEY.search("--undo  help.undoo") and RAW_KEY.search("metavar.ids")
    assert not RAW_KEY.search("kit progress -f json -o progress.json") and not RAW_KEY.search("plan.json")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PAGES)
def test_every_help_page_speaks_one_language(runner: CliRunner, name: str, lang: str) -> None:
    # French is the default (no switch); English comes with the project's switch, --lang en.
    args = (["--help"] if name == "kit" else [name, "--help"]) + (["--lang", "en"] if lang == "en" else [])
    code, out, err = invoke(runner, *args)
    assert (code, err) == (0, "")
    assert out.startswith("Utilisation : " if lang == "fr" else "Usage: ")
    assert RAW_KEY.findall(out) == []  # a help or metavar that is not in the catalogue would be printed as its key
    assert re.findall(r"<[a-z_]+>", out) == []  # Typer's « <path> », « <str> »
    assert sorted(set(re.findall(r"[A-ZÀ-Ý][A-ZÀ-Ý_]+", out)) & FOREIGN[lang]) == []


def answer_first(question: Question, **_: object) -> str:
    """A user who takes each question's default (the guide run by its bare example), and leaves where it can."""
    if question.escape is not None:
        return str(question.escape)
    if question.default is not None:
        return str(question.default)
    return str(question.options[0].value)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PAGES)
def test_every_example_runs(runner: CliRunner, name: str, lang: str, tmp_path: Path) -> None:
    # The example kit files exist where a reader would have them: a copy of the bundled kit.
    for kit_name in ("mon-kit.json", "my-kit.json"):
        shutil.copy(bundled_path(), tmp_path / kit_name)
    i18n.set_lang(lang)  # type: ignore[arg-type]
    for command, _ in i18n.examples(name):
        args = shlex.split(command)
        assert args[0] == "kit"
        console = terminal(ask=answer_first) if args == ["kit", "guide"] else None
        code, out, err = invoke(runner, *args[1:], "--lang", lang, console=console)
        assert code == 0, (command, err)
        assert out or "-o" in args, command


@pytest.mark.slow  # every help page twice, seconds
def test_kit_help_prints_the_same_pages_as_help_options(runner: CliRunner) -> None:
    for name in PAGES:
        for lang in LANGS:
            args = ["help"] if name == "kit" else ["help", name]
            code, out, err = invoke(runner, *args, "--lang", lang)
            assert (code, err) == (0, "")
            assert out == page(runner, name, lang), name


def test_kit_help_of_an_unknown_command_is_a_usage_error(runner: CliRunner) -> None:
    code, out, err = invoke(runner, "help", "lst")
    assert (code, out) == (2, "")
    assert err == "Erreur : Commande inconnue : « lst ». Vouliez-vous dire : list ? Aide : kit -h.\n"


def test_the_guide_help_counts_its_three_questions(runner: CliRunner) -> None:
    for lang, words in (("fr", "trois questions"), ("en", "three questions")):
        root, guide = page(runner, "kit", lang), page(runner, "guide", lang)
        for text in (root, guide):
            assert words in " ".join(text.split())
            assert "deux questions" not in text and "two questions" not in text


@pytest.mark.parametrize("name", ["show", "read"])
def test_where_ids_are_taken_the_path_and_number_form_is_told(runner: CliRunner, name: str) -> None:
    for lang, form in (("fr", "PARCOURS:N"), ("en", "PATH:N")):
        arguments = page(runner, name, lang).split(spaced(LANGS[lang]))[0]
        assert form in arguments


def test_kit_help_completes_the_commands(runner: CliRunner) -> None:
    assert bash(runner, "kit help s") == ["show", "search", "schema"]
    assert zsh(runner, "kit help sh") == "show\tFiche complète d'un document.\n"


@pytest.mark.parametrize("declared", [{"help": "help.undoo"}, {"metavar": "ID…"}])
def test_a_help_text_or_metavar_missing_from_the_catalogue_stops_every_run(declared: dict[str, str]) -> None:
    import typer
    from typer.main import get_command

    from coconstruct_cli.cli.app import translate_help

    sketch = typer.Typer()

    @sketch.command(help="help.read")
    def read(ids: list[str] = typer.Argument(**{"help": "help.read_ids", "metavar": "metavar.ids", **declared})) -> None:
        """Not run."""

    with pytest.raises(LookupError, match=re.escape(repr(next(iter(declared.values()))))):
        translate_help(get_command(sketch))


@pytest.mark.parametrize("lang", LANGS)
def test_every_command_with_a_format_option_lists_its_own_formats(runner: CliRunner, lang: str) -> None:
    from typer.main import get_command

    from coconstruct_cli.cli.app import app
    from coconstruct_cli.formats import OFFERED

    group = get_command(app)
    with_format = {name for name, _ in COMMANDS if any("--format" in p.opts for p in group.commands[name].params)}  # type: ignore[attr-defined]
    assert with_format == set(OFFERED)
    said = {"fr": "Format de sortie : {}.", "en": "Output format: {}."}[lang]
    for name in sorted(with_format):
        text = " ".join(spaced(page(runner, name, lang)).split())
        assert said.format(", ".join(OFFERED[name])) in text, name


def test_a_command_missing_from_the_formats_table_stops_at_once() -> None:
    import typer
    from typer.main import get_command

    from coconstruct_cli.cli import options
    from coconstruct_cli.cli.app import translate_help

    with pytest.raises(KeyError, match="'sketch' writes a result but has no formats in formats.OFFERED"):
        options.writes_result("sketch")

    sketch = typer.Typer()

    @sketch.command("sketch", help="help.list")
    def run(fmt: str = typer.Option(None, "--format", help="help.format", metavar="metavar.format")) -> None:
        """Not run."""

    with pytest.raises(LookupError, match="no formats in formats.OFFERED"):
        translate_help(get_command(sketch), "sketch")
