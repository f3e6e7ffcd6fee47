"""The linear view (`--plain`, `TERM=dumb`): for a screen reader, no box, one fact a line, the same words."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from coconstruct_cli.cli.console import Console
from coconstruct_cli.model import Kit
from coconstruct_cli.render.linear import linear
from conftest import invoke

BOXES = set("─│━┃╭╮╰╯┏┓┗┛┡┩╇╈")


def test_markdown_is_read_back_as_plain_lines() -> None:
    markdown = (
        "# Titre\n\n## Boîte à outils\n\n19\\. **Etat des lieux** — Le RAMEAU, 2014 (`etat-des-lieux`)\n"
        "\n<!-- -->\n\n- **Identifiant** : `x\\_y`\n  - une \\*étoile\\* et \\[crochets\\]\n"
        "- [le site](https://example.org/a_b) et [sans adresse]()\n\n\n\nfin\n"
    )
    assert linear(markdown) == (
        "Titre\n\nBoîte à outils\n\n19. Etat des lieux — Le RAMEAU, 2014 (etat-des-lieux)\n\nIdentifiant : x_y\n"
        "  une *étoile* et [crochets]\nle site (https://example.org/a_b) et sans adresse\n\nfin\n"
    )
    assert linear("") == "" and linear("\n\n") == ""


def _screen(runner: CliRunner, *args: str, plain: bool | None = None, env: dict[str, str] | None = None, width: int = 80) -> str:
    console = Console(stdout_tty=True, stdin_tty=True, stderr_tty=True, width=width, linear=plain)
    code, out, err = invoke(runner, *args, console=console, env=env)
    assert code == 0, err
    return out


@pytest.mark.parametrize(
    "args", [("list",), ("path", "animer"), ("show", "etudes-phare"), ("search", "étude territoriale"), ("about",), ("paths",)]
)
def test_plain_gives_no_box_and_the_words_of_the_rich_view(runner: CliRunner, kit: Kit, args: tuple[str, ...]) -> None:
    plain = _screen(runner, *args, "--plain")
    rich = _screen(runner, *args, width=160)  # wide enough for every table
    assert BOXES & set(rich) and not BOXES & set(plain), args
    # The same words: every title the rich view shows is on one line of the linear view.
    for document in kit.documents:
        if document.title in " ".join(rich.split()):
            assert any(document.title in line for line in plain.splitlines()), (args, document.id)


def test_term_dumb_implies_the_linear_view_and_plain_wins_over_nothing(runner: CliRunner) -> None:
    dumb = _screen(runner, "list", env={"TERM": "dumb"})
    assert not BOXES & set(dumb) and "1. Référentiel sur la co-construction en territoire" in dumb
    assert BOXES & set(_screen(runner, "list", env={"TERM": "xterm-256color"}))
    assert not BOXES & set(_screen(runner, "list", plain=True, env={"TERM": "xterm-256color"}))


def test_the_guide_s_plan_and_menu_read_linearly(runner: CliRunner) -> None:
    from conftest import Script

    script = Script(
        [
            ("goal", "understand"),
            ("need", "all"),
            ("situation", ""),
            ("recap", "confirm"),
            ("next", "detail"),
            ("document", "etudes-phare"),
            ("next", "quit"),
        ]
    )
    console = Console(stdout_tty=True, stdin_tty=True, stderr_tty=True, width=80, ask=script)
    code, out, err = invoke(runner, "guide", "-r", "media", "--plain", console=console)
    assert code == 0, err
    assert not BOXES & set(out)
    lines = out.splitlines()
    assert "Pour commencer" in lines and "Votre plan de lecture" in lines
    assert "Identifiant : etudes-phare" in lines  # the detail asked from the menu, linear too


def test_plain_changes_nothing_piped_or_in_a_file(runner: CliRunner) -> None:
    assert invoke(runner, "list", "--plain") == invoke(runner, "list")
