"""The TAB answered before Typer is imported (`quick_completion`) gives what the Typer path gives.

Every argument and option value the table completes is asked of both paths, in bash, zsh and fish (both
of fish's questions), in French and in English, with the bundled kit and with a kit named on the line; the
lines written must be the same. Whatever the quick path cannot tell is left to Typer (None).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from coconstruct_cli.cli import completion_table, quick_completion
from coconstruct_cli.cli.app import app
from coconstruct_cli.cli.completion import BY_METAVAR, COMPLETERS


def envs(line: str, shell: str) -> list[dict[str, str]]:
    """The environment each shell's script gives the program for `line` (the cursor at its end)."""
    if shell == "bash":
        # bash breaks words at « : » (COMP_WORDBREAKS), as the real shell does.
        words = line.replace(":", " : ").split()
        cword = len(words) if line.endswith((" ", ":")) else len(words) - 1
        return [{"_KIT_COMPLETE": "complete_bash", "COMP_WORDS": " ".join(words), "COMP_CWORD": str(cword)}]
    if shell == "zsh":
        return [{"_KIT_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": line}]
    return [
        {"_KIT_COMPLETE": "complete_fish", "_TYPER_COMPLETE_ARGS": line, "_TYPER_COMPLETE_FISH_ACTION": action}
        for action in ("get-args", "is-args")
    ]


Answer = tuple[str, int]


def both(runner: CliRunner, monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> tuple[Answer | None, Answer]:
    """The quick path's answer (None: left to Typer) and the Typer path's, for the same environment."""
    with monkeypatch.context() as m:
        for name, value in env.items():
            m.setenv(name, value)
        quick = quick_completion.answer(dict(os.environ))
    result = runner.invoke(app, [], env=env, prog_name="kit")
    assert "Traceback" not in result.output
    return quick, (result.stdout, result.exit_code)


def completed_places() -> list[tuple[str, str, str]]:
    """(command, what precedes the value on the line, completion function) for each place the table completes."""
    places = []
    for command, entry in completion_table.TABLE.items():
        seen: set[str] = set()
        for option, (param, takes_value, completer) in entry["options"].items():
            if takes_value and completer and param not in seen:
                seen.add(param)
                places.append((command, f"{option} ", completer))
        for _, _, completer in entry["arguments"][:1]:
            if completer:
                places.append((command, "", completer))
    return places


PLACES = completed_places()


def test_the_table_is_the_app_s() -> None:
    assert completion_table.build(get_command(app)) == completion_table.TABLE, (
        "completion_table.TABLE differs from the Typer app: run `python -m coconstruct_cli.cli.regenerate`"
    )


def test_every_completed_parameter_is_answered_quickly_but_kit_help_s() -> None:
    """A parameter given a completion function is answered before Typer is imported, unless it needs the
    app itself (`kit help`'s command names): a new one without a name in `BY_METAVAR` fails here."""
    group = get_command(app)
    table = completion_table.build(group)
    slow = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        for param in command.params:
            if getattr(param, "_custom_shell_complete", None) is None:
                continue
            entries = [e for e in table[name]["options"].values() if e[0] == param.name] + [
                e for e in table[name]["arguments"] if e[0] == param.name
            ]
            if not any(e[2] for e in entries):
                slow.append(f"{name} {param.name}")
    assert slow == ["help command"]
    assert set(BY_METAVAR.values()) == {*COMPLETERS, "format"}


@pytest.mark.slow
@pytest.mark.parametrize(("command", "before", "completer"), PLACES, ids=[f"{c}-{b.strip() or 'arg'}" for c, b, _ in PLACES])
def test_both_paths_write_the_same_candidates(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, command: str, before: str, completer: str
) -> None:
    prefix = f"kit {command} {'territoire ' if command == 'search' and before else ''}{before}"
    for lang in ("", "--lang en "):
        line = f"kit {command} {lang}{prefix[len(f'kit {command} ') :]}"
        quick, _ = both(runner, monkeypatch, envs(line, "zsh")[0])
        assert quick is not None, line
        firsts = sorted({c[0] for c in quick[0].splitlines() if c})
        typed = ["", *firsts, "zz"] + (["animer:", "support:1", "nowhere:"] if completer == "document" else [])
        for incomplete in typed:
            for shell in ("bash", "zsh", "fish"):
                for env in envs(line + incomplete, shell):
                    quick, typer_path = both(runner, monkeypatch, env)
                    assert quick == typer_path, (shell, line + incomplete)


@pytest.mark.parametrize(
    "line", ["kit show an", "kit show animer:", "kit read support:1", "kit list --lang en -c m", "kit guide -g ", "kit path "]
)
def test_both_paths_agree_on_the_tabs_people_press_most(runner: CliRunner, monkeypatch: pytest.MonkeyPatch, line: str) -> None:
    """The fast subset's sample of the slow test above."""
    for shell in ("bash", "zsh", "fish"):
        for env in envs(line, shell):
            quick, typer_path = both(runner, monkeypatch, env)
            assert quick is not None and quick == typer_path, (shell, line)


def test_a_kit_named_on_the_line_or_in_the_environment_is_the_one_completed(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, write_kit: Any
) -> None:
    def rename(data: dict[str, Any]) -> None:
        data["documents"][0]["id"] = "zz-\x1b[31m-named"

    path = write_kit(rename)
    for env in (
        *envs(f"kit show --kit {path} zz", "zsh"),
        *envs(f"kit show --kit {path} zz", "bash"),
        {**envs("kit show zz", "fish")[0], "KIT_FILE": str(path)},
    ):
        quick, typer_path = both(runner, monkeypatch, env)
        assert quick == typer_path
        assert quick is not None and quick[0].startswith("zz-"), quick
        assert "\x1b" not in quick[0]


@pytest.mark.parametrize(
    "line",
    [
        "kit ",  # command names: their help comes from the app
        "kit sh",
        "kit list --",  # option names
        "kit list -",
        "kit --kit other.json show ",  # the root's own options
        "kit help ",  # the app's commands
        "kit guide --situation ",  # no completion function: Typer's default
        "kit guide --answers ",
        "kit list --category=",  # « = » forms
        "kit list -cmeth",
        "kit show -- ",
        "kit show animer:1 ",  # the argument is given: nothing left to complete
        "kit list --bogus ",  # an option the table does not know
        "kit unknown ",
        "kit search ",  # a query: no completion function
    ],
)
def test_what_only_typer_can_tell_is_left_to_it(runner: CliRunner, monkeypatch: pytest.MonkeyPatch, line: str) -> None:
    for shell in ("bash", "zsh", "fish"):
        for env in envs(line, shell):
            quick, _ = both(runner, monkeypatch, env)
            assert quick is None, (shell, line)


@pytest.mark.e2e
def test_a_tab_for_the_kit_s_names_imports_neither_typer_nor_pydantic_nor_rich(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from coconstruct_cli.cli import launch\n"
        "def leave(code):\n"
        "    sys.stdout.flush()\n"
        "    heavy = ('typer', 'pydantic', 'rich', 'coconstruct_cli.cli.app')\n"
        "    print(sorted(m for m in heavy if m in sys.modules), file=sys.stderr)\n"
        "    raise SystemExit(code)\n"
        "launch.leave = leave\n"
        "sys.argv = ['kit']\n"
        "launch.main()\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KIT_", "_KIT", "COMP_", "_TYPER"))}
    for line in ("kit show rex-s", "kit path anim", "kit list -c meth", "kit guide --role entr", "kit show animer:1"):
        words = line.split()
        cases = {"_KIT_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1)}
        result = subprocess.run(
            [sys.executable, "-c", probe], env=env | cases, cwd=tmp_path, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip(), line
        assert result.stderr.strip() == "[]", line


@pytest.mark.slow
def test_random_lines_get_the_same_answer_or_are_left_to_typer(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    """Lines drawn from the commands' own words, flags, values and odd tokens (a fixed seed, 300 lines):
    wherever the quick path answers, it writes what Typer writes."""
    import random

    draw = random.Random(20261204)
    options = sorted({o for entry in completion_table.TABLE.values() for o in entry["options"]})
    tokens = [*options, "--", "-", "=", ":", "-fjson", "--bogus", "animer", "animer:1", "toolbox", "en", "fr", "x y", "'a", "é"]
    answered = 0
    for _ in range(300):
        command = draw.choice(sorted(completion_table.TABLE))
        words = [draw.choice(tokens) for _ in range(draw.randint(0, 4))]
        incomplete = draw.choice(["", "a", "an", "c", "animer:", "m", "e"])
        line = " ".join(["kit", command, *words, incomplete])
        for shell in ("bash", "zsh", "fish"):
            for env in envs(line, shell):
                quick, typer_path = both(runner, monkeypatch, env)
                if quick is not None:
                    answered += 1
                    assert quick == typer_path, (shell, line)
    assert answered > 80  # the draw reaches the quick path often, not only its refusals
