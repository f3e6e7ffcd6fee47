"""The installed `kit guide` in a real pseudo-terminal, driven with the keys a user presses."""

from __future__ import annotations

import json
import re
import subprocess
import time
from pathlib import Path

import pexpect
import pytest

from conftest import spawn, terminal_env

pytestmark = pytest.mark.e2e

DOWN = "\x1b[B"
ENTER = "\r"
CTRL_U = "\x15"  # clears the proposed file name (emacs key binding of prompt_toolkit)


def words(screen: str) -> str:
    """The text of a terminal screen: no escape codes, no box lines, one space between words."""
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen)
    return " ".join(text.replace("│", " ").split())


def guide(kit_exe: str, args: list[str], cwd: Path, lang: str = "fr") -> pexpect.spawn:
    """`kit ARGS` at a 160x40 terminal, in `lang`."""
    return spawn(kit_exe, args, cwd, rows=40, KIT_LANG=lang)


def press(child: pexpect.spawn, keys: str, then: str) -> None:
    """Send keys once the screen shows what they answer, then wait for `then`."""
    child.send(keys)
    expect(child, then)


def expect(child: pexpect.spawn, text: str) -> None:
    """Wait for `text` on the screen: its spaces may be non-breaking (French typography) and carry colour codes."""
    space = r"(?:\x1b\[[0-9;]*m)*[ \xa0\u202f](?:\x1b\[[0-9;]*m)*"
    child.expect(space.join(re.escape(word) for word in text.split(" ")))


def finish(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    assert isinstance(child.exitstatus, int)
    return child.exitstatus


def test_choose_with_the_arrows_change_an_answer_at_the_recap_and_read_the_plan(kit_exe: str, tmp_path: Path) -> None:
    child = guide(kit_exe, ["guide"], tmp_path)
    expect(child, "Vous êtes…")
    expect(child, "Autre")
    press(child, DOWN + ENTER, "Que voulez-vous faire ?")  # une entreprise
    expect(child, "Je ne sais pas encore")
    press(child, DOWN + DOWN + ENTER, "Est-ce bien cela ?")  # accompagner
    expect(child, "Changer mon objectif")
    press(child, DOWN + ENTER, "Vous êtes…")  # changer mon rôle
    expect(child, "Autre")
    # The pointer starts on the current answer (une entreprise): four down is the facilitator.
    press(child, DOWN * 4 + ENTER, "Est-ce bien cela ?")
    expect(child, "Changer mon objectif")
    press(child, ENTER, "Votre plan de lecture")
    expect(child, "Enregistrer ce plan dans un fichier ?")
    screen = words(child.before or "")
    for text in (
        "Accompagner les organisations du territoire dans leur dynamique partenariale",
        "Par où commencer : n° 1",
        "Marqués ★, écrits pour vous : n° 4, 5, 6.",
        "Pour vous",
        "4 ★ Accompagner les entreprises",
        "Une méthode pour accompagner les",
        "BOÎTE À OUTILS",
        "━",
    ):
        assert text in screen, text
    expect(child, "Non, merci")
    child.send(DOWN * 4 + ENTER)  # « Non, merci », after md, json, csv and html
    assert finish(child) == 0
    assert list(tmp_path.iterdir()) == []


def test_in_english_save_as_json_and_replay(kit_exe: str, tmp_path: Path) -> None:
    child = guide(kit_exe, ["guide"], tmp_path, lang="en")
    expect(child, "You are…")
    expect(child, "Other")
    press(child, ENTER, "What do you want to do?")  # an association
    expect(child, "I don't know yet")
    press(child, DOWN * 2 + ENTER, "Is that right?")  # support
    expect(child, "Change my goal")
    press(child, ENTER, "Your reading plan")
    expect(child, "Save this plan to a file?")
    assert "Written for association leaders" in words(child.before or "")
    expect(child, "No, thanks")
    press(child, DOWN + ENTER, "File name:")  # JSON
    expect(child, "plan-support.json")
    press(child, ENTER, "Written: plan-support.json")
    assert finish(child) == 0

    saved = tmp_path / "plan-support.json"
    plan = json.loads(saved.read_text(encoding="utf-8"))
    assert plan["answers"] == {"role": "association", "goal": "support"}
    replay = subprocess.run(
        [kit_exe, "guide", "--answers", str(saved), "--format", "json", "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert replay.returncode == 0, replay.stderr
    assert json.loads(replay.stdout) == plan


def test_an_existing_file_is_only_replaced_when_the_user_says_so(kit_exe: str, tmp_path: Path) -> None:
    (tmp_path / "plan-animate.md").write_text("mon plan à moi\n", encoding="utf-8")
    child = guide(kit_exe, ["guide", "--role", "animateur"], tmp_path)
    expect(child, "Que voulez-vous faire ?")
    expect(child, "Je ne sais pas encore")
    press(child, ENTER, "Est-ce bien cela ?")  # animer, pre-selected for a facilitator
    expect(child, "Changer mon objectif")
    press(child, ENTER, "Enregistrer ce plan dans un fichier ?")
    expect(child, "Non, merci")
    press(child, ENTER, "Nom du fichier :")  # Markdown
    expect(child, "plan-animate-2.md")  # the proposal never names a file that exists
    press(child, CTRL_U + "plan-animate.md" + ENTER, "Le fichier plan-animate.md existe déjà.")
    expect(child, "Le remplacer")
    press(child, ENTER, "Nom du fichier :")  # choisir un autre nom
    expect(child, "plan-animate-2.md")
    press(child, ENTER, "Écrit : plan-animate-2.md")
    assert finish(child) == 0
    assert (tmp_path / "plan-animate.md").read_text(encoding="utf-8") == "mon plan à moi\n"
    assert (tmp_path / "plan-animate-2.md").read_text(encoding="utf-8").startswith("# Votre plan de lecture")


def test_ctrl_c_at_the_first_question(kit_exe: str, tmp_path: Path) -> None:
    child = guide(kit_exe, ["guide"], tmp_path)
    expect(child, "Vous êtes…")
    expect(child, "Autre")
    child.sendcontrol("c")
    expect(child, "Interrompu")
    assert finish(child) == 130
    assert "Traceback" not in (child.before or "")


def test_the_first_question_shows_quickly(kit_exe: str, tmp_path: Path) -> None:
    # The target is 0.5 s (bench/startup.py measures it); here only a bound no loaded machine misses.
    start = time.perf_counter()
    child = guide(kit_exe, ["guide"], tmp_path)
    expect(child, "Vous êtes…")
    elapsed = time.perf_counter() - start
    child.sendcontrol("c")
    assert finish(child) == 130
    assert elapsed < 3.0


@pytest.mark.parametrize("stdin", ["devnull", "closed"])
def test_no_terminal_exits_2_naming_the_options(kit_exe: str, tmp_path: Path, stdin: str) -> None:
    script = f"'{kit_exe}' guide --role entreprise " + ("</dev/null" if stdin == "devnull" else "<&-")
    result = subprocess.run(
        ["bash", "-c", script],
        cwd=tmp_path,
        env=terminal_env(KIT_LANG="fr"),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert "--role" in result.stderr and "--goal" in result.stderr
    assert "Traceback" not in result.stderr
