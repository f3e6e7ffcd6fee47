"""Shell completion of real names, tested as Typer tests it: `_KIT_COMPLETE`, `COMP_WORDS`, `COMP_CWORD`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from coconstruct_cli.cli.app import app
from coconstruct_cli.cli.completion import complete_goal, complete_role
from coconstruct_cli.formats import OFFERED, Format


def bash(runner: CliRunner, line: str, **env: str) -> list[str]:
    """What bash offers for the last word of `line` (a trailing space: a new, empty word)."""
    words = line.split()
    cword = len(words) if line.endswith(" ") else len(words) - 1
    result = runner.invoke(
        app, [], env={"_KIT_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(cword), **env}, prog_name="kit"
    )
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.stdout + result.stderr
    return [v for v in result.stdout.split("\n") if v]


def zsh(runner: CliRunner, line: str, **env: str) -> str:
    """What the zsh script reads: one `value<TAB>help` line per candidate."""
    result = runner.invoke(app, [], env={"_KIT_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": line, **env}, prog_name="kit")
    assert result.exit_code == 0
    return result.stdout


PATHS = ["understand", "comprendre", "animate", "animer", "support", "accompagner"]
ROLES = ["association", "company", "public", "academic", "media", "facilitator", "other"]
# Both forms, as the commands accept both: each English id, then its French name.
ROLE_NAMES = [
    "association",
    "company",
    "entreprise",
    "public",
    "collectivite",
    "academic",
    "academique",
    "media",
    "facilitator",
    "animateur",
    "other",
    "autre",
]
CATEGORY_NAMES = ["reference", "cadre-de-reference", "illustrations", "method", "methode", "toolbox", "boite-a-outils"]


def test_commands(runner: CliRunner) -> None:
    assert {"list", "path", "show", "search", "about"} <= set(bash(runner, "kit "))


def test_path_ids_and_aliases_after_kit_path(runner: CliRunner) -> None:
    assert bash(runner, "kit path ") == PATHS
    assert bash(runner, "kit path an") == ["animate", "animer"]
    assert bash(runner, "kit path comp") == ["comprendre"]
    assert bash(runner, "kit path zz") == []


@pytest.mark.parametrize("command", ["list", "search territoire"])
def test_path_after_the_path_option(runner: CliRunner, command: str) -> None:
    assert bash(runner, f"kit {command} --path ") == PATHS
    assert bash(runner, f"kit {command} -p sup") == ["support"]


@pytest.mark.parametrize("command", ["list", "search territoire"])
def test_categories_in_both_forms_then_their_aliases(runner: CliRunner, command: str) -> None:
    assert bash(runner, f"kit {command} --category ") == CATEGORY_NAMES
    assert bash(runner, f"kit {command} -c meth") == ["method", "methode"]
    assert bash(runner, f"kit {command} -c cad") == ["cadre-de-reference"]
    assert bash(runner, f"kit {command} -c outi") == ["outils"]  # neither form starts so: the other aliases
    assert bash(runner, f"kit {command} -c boi") == ["boite-a-outils"]


def test_roles_in_both_forms_after_audience(runner: CliRunner) -> None:
    assert bash(runner, "kit list --audience ") == ROLE_NAMES
    assert bash(runner, "kit list -a entr") == ["entreprise"]
    assert bash(runner, "kit list -a co") == ["company", "collectivite"]
    assert bash(runner, "kit list -a asso") == ["association"]
    assert bash(runner, "kit list -a res") == ["reseau"]  # neither form starts so: the other aliases
    assert bash(runner, "kit list -a anim") == ["animateur"]


def test_every_completed_name_is_accepted(runner: CliRunner) -> None:
    """Each form offered is one the command takes (no name offered that `kit list` would refuse)."""
    for name in CATEGORY_NAMES:
        assert runner.invoke(app, ["list", "-c", name, "-f", "json"]).exit_code == 0, name
    for name in ROLE_NAMES:
        assert runner.invoke(app, ["list", "-a", name, "-f", "json"]).exit_code in (0, 1), name
    for name in PATHS:
        assert runner.invoke(app, ["path", name, "-f", "json"]).exit_code == 0, name


def test_kit_help_offers_each_command_with_its_help_in_the_language_of_the_line(runner: CliRunner) -> None:
    # Through the catalogue's own function: French typography too (no breakable space before « : »).
    french = "progress\tVotre progression\u00a0: documents lus par parcours, et quoi lire ensuite.\n"
    assert zsh(runner, "kit help prog") == french
    assert zsh(runner, "kit help --lang en prog") == "progress\tYour progress: documents read per path, and what to read next.\n"


def test_completion_reads_the_catalogue_through_its_functions() -> None:
    import ast

    from coconstruct_cli.cli import completion

    tree = ast.parse(Path(completion.__file__).read_text(encoding="utf-8"))
    assert [n.lineno for n in ast.walk(tree) if isinstance(n, ast.Attribute) and n.attr == "MESSAGES"] == []


def test_document_ids_after_show_with_titles_for_zsh(runner: CliRunner, kit_data: dict[str, Any]) -> None:
    everything = bash(runner, "kit show ")
    assert everything == [d["id"] for d in kit_data["documents"]]
    assert bash(runner, "kit show rex-s") == ["rex-silver-geek"]
    assert zsh(runner, "kit show rex-s") == "rex-silver-geek\tRetour d'expérimentation collective (Silver Geek)\n"


def test_titles_follow_the_language(runner: CliRunner) -> None:
    assert "Report on a collective experiment" in zsh(runner, "kit show --lang en rex-s")
    assert "Understand the co-construction movement" in zsh(runner, "kit path --lang en und")


# The words after the command name that its completion needs to reach `--format`.
ARGUMENTS = {"path": "animate", "show": "etudes-phare", "search": "territoire"}


@pytest.mark.parametrize("name", sorted(OFFERED))
def test_formats_of_each_command(runner: CliRunner, name: str) -> None:
    command = f"{name} {ARGUMENTS[name]}" if name in ARGUMENTS else name
    # The command's row of the table, in the table's order.
    assert bash(runner, f"kit {command} --format ") == [f.value for f in Format if f in OFFERED[name]]
    assert bash(runner, f"kit {command} -f j") == ["json"]


def test_languages(runner: CliRunner) -> None:
    assert bash(runner, "kit about --lang ") == ["fr", "en"]


def test_names_come_from_the_kit_on_the_command_line(runner: CliRunner, write_kit: Any, tmp_path: Path) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["documents"] = data["documents"][:1]
        data["documents"][0]["id"] = "mon-document"
        data["paths"] = [{**data["paths"][0], "id": "lire", "alias": "read", "documents": ["mon-document"]}]

    other = write_kit(edit, "other.json")
    assert bash(runner, f"kit show --kit {other} ") == ["mon-document"]
    assert bash(runner, f"kit path --kit {other} ") == ["lire", "read"]
    assert bash(runner, "kit show ", KIT_FILE=str(other)) == ["mon-document"]


def test_a_broken_kit_completes_nothing_and_says_nothing(runner: CliRunner, tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{ not json", encoding="utf-8")
    assert bash(runner, f"kit show --kit {broken} ") == []
    assert bash(runner, f"kit show --kit {tmp_path / 'missing.json'} ") == []
    odd = tmp_path / "odd.json"
    odd.write_text(json.dumps({"documents": [1, {"id": 2}, {"id": "ok", "title": ["x"]}], "paths": "no"}), encoding="utf-8")
    assert bash(runner, f"kit show --kit {odd} ") == ["ok"]
    assert bash(runner, f"kit path --kit {odd} ") == []


def test_guide_completion_functions() -> None:
    goals = [value for value, _ in complete_goal(None, "")]  # type: ignore[arg-type]
    assert goals[:5] == ["understand", "animate", "support", "partner", "evaluate"] and "unsure" in goals
    assert {"comprendre", "animer", "accompagner"} <= set(goals)
    assert [v for v, _ in complete_goal(None, "part")] == ["partner"]  # type: ignore[arg-type]
    assert [v for v, _ in complete_goal(None, "parten")] == ["partenariat", "partenaire", "partenaires"]  # type: ignore[arg-type]
    assert [v for v, _ in complete_goal(None, "uns")] == ["unsure"]  # type: ignore[arg-type]
    roles = complete_role(None, "fa")  # type: ignore[arg-type]
    assert roles == [("facilitator", "Une structure d'animation ou d'accompagnement")]


def test_guide_options_complete_real_names(runner: CliRunner) -> None:
    assert "guide" in bash(runner, "kit ")
    assert bash(runner, "kit guide --role ") == ROLE_NAMES
    goals = ["understand", "animate", "support", "partner", "evaluate", *PATHS[1::2], "unsure", "ne-sais-pas"]
    assert bash(runner, "kit guide --goal ") == goals
    assert "unsure" in bash(runner, "kit guide --goal ")


def test_show_completion_prints_the_current_shell_s_script(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    import shellingham

    # Typer asks shellingham which shell runs the tests; under CI that may be none it knows.
    monkeypatch.setattr(shellingham, "detect_shell", lambda *args, **kwargs: ("bash", "/bin/bash"))
    result = runner.invoke(app, ["--show-completion"], prog_name="kit")
    assert result.exit_code == 0
    assert "_KIT_COMPLETE=complete_bash" in result.stdout


@pytest.mark.e2e
def test_completion_stays_light(tmp_path: Path) -> None:
    """A TAB runs the real program: it reads the kit as plain JSON, without building the models, and draws nothing."""
    probe = (
        "import atexit, sys\n"
        "heavy = ('coconstruct_cli.model', 'rich')\n"
        "atexit.register(lambda: print(sorted(m for m in heavy if m in sys.modules), file=sys.stderr))\n"
        "from coconstruct_cli.cli.app import main\n"
        "sys.argv = ['kit']\n"
        "main()\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIT_")}
    env |= {"_KIT_COMPLETE": "complete_bash", "COMP_WORDS": "kit show rex-s", "COMP_CWORD": "2"}
    result = subprocess.run([sys.executable, "-c", probe], env=env, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert result.stdout.split() == ["rex-silver-geek"]
    assert result.stderr.strip() == "[]"


def test_path_and_number_complete_in_bash(runner: CliRunner) -> None:
    """`kit show animer:<TAB>`: bash breaks the word at « : », and replaces only what follows it."""
    assert bash(runner, "kit show animer :") == [str(n) for n in range(1, 20)]
    assert bash(runner, "kit show animer : 1") == ["1", *(str(n) for n in range(10, 20))]
    assert bash(runner, "kit read comprendre : 1 animate : 1") == ["1", *(str(n) for n in range(10, 20))]
    assert bash(runner, "kit show nowhere :") == []
    # With « : » taken out of COMP_WORDBREAKS, the word arrives whole and so do the candidates.
    assert bash(runner, "kit show support:1") == ["support:1", *(f"support:{n}" for n in range(10, 18))]


def test_path_and_number_complete_in_zsh_with_the_titles(runner: CliRunner) -> None:
    lines = zsh(runner, "kit show animer:").splitlines()
    assert len(lines) == 19
    assert lines[0] == "animer:1\tRéférentiel sur la co-construction en territoire"
    assert lines[9] == "animer:10\tLancer et piloter une expérimentation collective sur le territoire"
    assert zsh(runner, "kit show understand:2", KIT_LANG="en").splitlines() == [
        "understand:2\tForesight paper on territorial co-construction models"
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_kit_that_is_a_fifo_completes_nothing_without_blocking_tab(runner: CliRunner, tmp_path: Path) -> None:
    import signal

    fifo = tmp_path / "kit.fifo"
    os.mkfifo(fifo)

    def hung(signum: int, frame: object) -> None:
        raise AssertionError("completion blocked on a FIFO named as the kit")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(10)
    try:
        assert bash(runner, f"kit show --kit {fifo} ") == []
        assert bash(runner, "kit show ", KIT_FILE=str(fifo)) == []
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
