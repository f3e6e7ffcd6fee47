"""`kit progress` and the guide that remembers: in-process with a scripted user, then the issue's « Done
when » as a new user would try it, with the installed `kit` in a pseudo-terminal."""

from __future__ import annotations

import csv
import html
import io
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from coconstruct_cli.progress import Answers, kit_id
from coconstruct_cli.progress_store import load, state_path
from conftest import EXPECTED_PATHS, Script, interview, invoke, spaced, spawn_screen, terminal

KID = kit_id("Kit « co-construction territoriale »", "Le RAMEAU")
# The plan of a company that wants to support organisations, « un peu de tout »: its « Pour commencer » set.
START = [
    "accompagner-entreprises",
    "guide-construire-ensemble",
    "note-entreprise-responsable",
    "guide-engagement-associatif-salaries",
    "note-diversite-accompagnement",
]
THREE = ["guide-construire-ensemble", "referentiel-co-construction-territoire", "film-3-exemples"]


def save_plan(runner: CliRunner, tmp_path: Path) -> None:
    """`kit guide` at a terminal: an entreprise, accompagner, un peu de tout; « Enregistrer le plan » in Markdown."""
    script = interview(("next", "save"), ("save", "md"), ("filename", "plan.md"), ("next", "quit"), need="all")
    code, _, err = invoke(runner, "guide", console=terminal(ask=script, width=100))
    assert code == 0, err
    assert script.done() and (tmp_path / "plan.md").exists()


def export(runner: CliRunner, *args: str) -> dict[str, Any]:
    code, out, err = invoke(runner, "progress", *args, "--format", "json", raw=True)
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


def support(data: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = next(p for p in data["report"]["paths"] if p["id"] == "support")
    return found


def test_saved_plan_then_three_read_gives_3_of_17_and_the_plan_s_order(runner: CliRunner, tmp_path: Path) -> None:
    save_plan(runner, tmp_path)
    assert load().state.answers(KID) == Answers("company", "support", "all")
    assert invoke(runner, "read", *THREE)[0] == 0
    data = export(runner)
    standing = support(data)
    assert (standing["read"], standing["total"], standing["plan"]) == (3, 17, True)
    rest = [i for i in EXPECTED_PATHS["support"] if i not in THREE and i not in START]
    assert standing["next"] == [*(i for i in START if i not in THREE), *rest]
    answers = {"role": "company", "goal": "support", "need": "all", "situation": None}
    assert data["report"]["plan"] == {"answers": answers, "path": "support", "start": START}
    others = [p for p in data["report"]["paths"] if p["id"] != "support"]
    counts = [(p["id"], p["read"], p["total"], p["plan"]) for p in others]
    assert counts == [("understand", 2, 15, False), ("animate", 1, 19, False)]
    # The other paths keep their own reading order: the plan's start set only leads on its own path.
    assert others[0]["next"] == [i for i in EXPECTED_PATHS["understand"] if i not in THREE]
    # On a terminal: a bar and « 3/17 lus », the plan's path named as such, the next documents by number.
    code, out, _ = invoke(runner, "progress", "accompagner", console=terminal(width=100))
    assert code == 0
    flat = " ".join(out.replace("│", " ").split())
    assert "accompagner — votre plan" in flat and "3/17 lus" in flat and "━" in out
    assert flat.index("Guide pratique sur l'engagement associatif") < flat.index("Se former aux enjeux et à la pratique")
    assert "… et" not in flat  # one path asked: every next document is shown
    code, out, _ = invoke(runner, "progress", console=terminal(width=100))
    assert "… et 9 autres : kit progress accompagner" in " ".join(out.replace("│", " ").split())


@pytest.mark.parametrize("fmt", ["table", "md", "html"])
def test_the_plan_s_start_is_introduced_above_the_documents_it_names(runner: CliRunner, tmp_path: Path, fmt: str) -> None:
    save_plan(runner, tmp_path)
    assert invoke(runner, "read", *THREE)[0] == 0
    console = terminal(width=100) if fmt == "table" else None
    code, out, err = invoke(runner, "progress", "accompagner", "--format", fmt, console=console)
    assert code == 0, err
    flat = " ".join(html.unescape(out).replace("│", " ").split())
    start = flat.index("Pour commencer, d'après votre plan :")
    then = flat.index("Puis, dans l'ordre du parcours :")
    # The plan's two unread start documents between the two notes, the rest of the path after them.
    assert start < flat.index("Guide pratique sur l'engagement associatif") < then
    assert start < flat.index("Note sur la diversité des modes d'accompagnement") < then
    assert then < flat.index("Se former aux enjeux et à la pratique")
    assert then < flat.index("Accompagner les associations")


def test_the_next_guide_offers_to_resume_and_a_new_answer_is_asked_as_before(runner: CliRunner, tmp_path: Path) -> None:
    save_plan(runner, tmp_path)
    assert invoke(runner, "read", *THREE)[0] == 0
    script = Script([("resume", "resume"), ("next", "quit")])
    code, out, _ = invoke(runner, "guide", console=terminal(ask=script, width=100))
    assert code == 0 and script.done()
    (offer,) = [q for q in script.asked if q.name == "resume"]
    assert spaced(offer.message) == "Vous avez déjà un plan de lecture."
    assert [spaced(o.title) for o in offer.options] == [
        "Reprendre votre plan (une entreprise → accompagner les organisations du territoire dans leur dynamique "
        "partenariale, 3/17 lus)",
        "Nouvelles réponses",
    ]
    assert out.count("✓") == 3 and "Accompagner les organisations" in out
    script = Script(
        [
            ("resume", "new"),
            ("role", "facilitator"),
            ("goal", "animate"),
            ("need", "all"),
            ("situation", ""),
            ("recap", "confirm"),
            ("next", "quit"),
        ]
    )
    code, out, _ = invoke(runner, "guide", console=terminal(ask=script, width=100))
    assert code == 0 and script.done()
    # Answers are remembered only when a plan is saved.
    assert load().state.answers(KID) == Answers("company", "support", "all")


def test_flags_neither_read_nor_change_the_remembered_answers(runner: CliRunner, tmp_path: Path) -> None:
    save_plan(runner, tmp_path)
    code, out, _ = invoke(runner, "guide", "--role", "facilitator", "--goal", "animate", "--format", "json", raw=True)
    assert code == 0 and json.loads(out)["answers"]["role"] == "facilitator"
    script = Script([("goal", "animate"), ("need", "all"), ("situation", ""), ("recap", "confirm"), ("next", "quit")])
    code, _, _ = invoke(runner, "guide", "--role", "association", console=terminal(ask=script, width=100))
    assert code == 0 and script.done()  # no offer to resume: an answer was given
    assert load().state.answers(KID) == Answers("company", "support", "all")


def test_where_import_and_export(runner: CliRunner, tmp_path: Path) -> None:
    code, out, err = invoke(runner, "progress", "--where")
    assert code == 0 and out == f"{tmp_path / 'kit-home' / 'progress.json'}\n" and err == ""
    assert invoke(runner, "read", "etudes-phare", "rex-silver-geek")[0] == 0
    exported = tmp_path / "export.json"
    exported.write_text(json.dumps(export(runner)), encoding="utf-8")
    code, out, _ = invoke(runner, "progress", "--reset", "--yes")
    assert code == 0 and out.startswith("Progression mise de côté dans ")
    assert export(runner)["kits"][0]["read"] == []
    code, out, _ = invoke(runner, "progress", "--import", str(exported))
    assert code == 0 and out == "Import : 2 documents de plus marqués comme lus.\n"
    assert export(runner)["kits"][0]["read"] == ["etudes-phare", "rex-silver-geek"]
    code, out, _ = invoke(runner, "progress", "--import", str(exported))
    assert code == 0 and out == "Import : aucune nouvelle marque de lecture.\n"
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "coconstruct-cli/progress", "version": 1, "kits": [{"title": "T"}]}', encoding="utf-8")
    code, out, err = invoke(runner, "progress", "--import", str(bad))
    assert code == 2 and out == ""
    assert "n'est pas valide" in err and "kits[0].publisher" in err
    code, _, err = invoke(runner, "progress", "--where", "--reset")
    assert code == 2 and "un seul à la fois" in err


def test_reset_asks_first_and_moves_the_file_aside(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "progress", "--reset", "--yes")
    assert code == 0 and out.startswith("Aucune progression enregistrée, rien à remettre à zéro")
    assert invoke(runner, "read", "etudes-phare")[0] == 0
    code, out, err = invoke(runner, "progress", "--reset")
    assert code == 2 and out == "" and "--yes" in err  # no terminal to ask
    script = Script([("reset", "no")])
    code, out, _ = invoke(runner, "progress", "--reset", console=terminal(ask=script))
    assert code == 0 and out == "Rien n'a été changé.\n" and state_path().exists()
    (question,) = script.asked
    assert question.default == "no" and question.escape == "no"
    script = Script([("reset", "yes")])
    code, out, _ = invoke(runner, "progress", "--reset", console=terminal(ask=script))
    assert code == 0 and not state_path().exists()
    (aside,) = state_path().parent.glob("progress.json.*.bak")
    assert out == f"Progression mise de côté dans {aside}.\n"
    assert "etudes-phare" in aside.read_text(encoding="utf-8")


def test_a_corrupt_file_is_moved_aside_by_reset(runner: CliRunner) -> None:
    state_path().parent.mkdir(parents=True)
    state_path().write_bytes(b"\xff\xfe not utf-8")
    code, out, err = invoke(runner, "progress", "--format", "json")
    assert code == 0 and "Progression de lecture ignorée : le fichier n'est pas en UTF-8" in err
    code, out, _ = invoke(runner, "progress", "--reset", "--yes")
    assert code == 0
    (aside,) = state_path().parent.glob("progress.json.*.bak")
    assert aside.read_bytes() == b"\xff\xfe not utf-8"
    assert invoke(runner, "read", "etudes-phare")[0] == 0


def test_orphans_are_kept_and_listed(runner: CliRunner) -> None:
    state_path().parent.mkdir(parents=True)
    document = {"format": "coconstruct-cli/progress", "version": 1,
                "kits": [{"title": KID.title, "publisher": KID.publisher, "read": ["etudes-phare", "zz-ancien"]}]}  # fmt: skip
    state_path().write_text(json.dumps(document), encoding="utf-8")
    data = export(runner)
    assert data["report"]["orphans"] == ["zz-ancien"] and data["kits"][0]["read"] == ["etudes-phare", "zz-ancien"]
    code, out, err = invoke(runner, "progress", console=terminal(width=100))
    assert "Marqués comme lus mais absents de cette version du kit : zz-ancien" in " ".join(out.split())
    code, out, err = invoke(runner, "progress")  # tab-separated: the line goes to stderr
    assert code == 0 and out.splitlines()[0] == "path\tread\ttotal\tnext"
    assert "zz-ancien" in err and "zz-ancien" not in out
    code, out, _ = invoke(runner, "progress", "--format", "md")
    assert "zz-ancien" in out and "**1/15 lu**" in out


def test_every_format_tells_the_counts(runner: CliRunner, tmp_path: Path) -> None:
    assert invoke(runner, "read", *THREE, "--lang", "en")[0] == 0
    code, out, _ = invoke(runner, "progress", "support", "--format", "csv", raw=True)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["path"], r["read"], r["total"], r["plan"]) for r in rows] == [("support", "3", "17", "false")]
    assert rows[0]["next"].split(" ; ")[0] == "mooc-partenariats"  # no plan: the reading order
    code, out, _ = invoke(runner, "progress", "--format", "md", "--lang", "en")
    assert "**3/17 read**" in out and "Read next:" in out
    code, out, _ = invoke(runner, "progress", "--format", "html", "--output", "p.html")
    page = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert '<progress value="3" max="17">' in page and "3/17\u00a0lus" not in page.replace("3/17 lus", "")
    # The export is what --import takes back.
    saved = tmp_path / "export.json"
    assert invoke(runner, "progress", "--format", "json", "--output", str(saved))[0] == 0
    assert invoke(runner, "progress", "--import", str(saved))[2] == ""


# --- the issue's « Done when », as a new user would try it ---------------------------------------


@pytest.mark.e2e
def test_a_new_user_saves_a_plan_reads_three_and_a_new_terminal_shows_where_they_are(kit_exe: str, tmp_path: Path) -> None:
    from conftest import DOWN, ENTER, ESC, expect, finish, press, settle

    child, _ = spawn_screen(kit_exe, ["guide"], tmp_path, rows=40, columns=120, KIT_LANG="fr")
    expect(child, "Vous êtes…")
    press(child, DOWN + ENTER, "Que voulez-vous faire ?")  # une entreprise
    press(child, DOWN * 2 + ENTER, "De quoi avez-vous besoin d'abord ?")  # accompagner
    press(child, ENTER, "votre situation ?")  # un peu de tout
    press(child, ENTER, "Est-ce bien cela ?")  # no situation: Enter skips
    press(child, ENTER, "Et maintenant ?")
    press(child, DOWN * 3 + ENTER, "Enregistrer ce plan dans un fichier ?")
    press(child, ENTER, "Nom du fichier :")
    press(child, ENTER, "Écrit : plan-accompagner.md")
    expect(child, "Et maintenant ?")
    settle(child)
    child.send(ESC)
    assert finish(child) == 0

    done = subprocess.run([kit_exe, "read", *THREE], capture_output=True, text=True, check=False, cwd=tmp_path)
    assert done.returncode == 0 and len(done.stdout.splitlines()) == 3

    child, screen = spawn_screen(kit_exe, ["progress"], tmp_path, rows=60, columns=100)
    assert finish(child) == 0
    shown = " ".join(spaced(screen.text()).replace("│", " ").split())
    assert "accompagner — votre plan" in shown and "3/17 lus" in shown
    after = shown[shown.index("accompagner — votre plan") :]
    assert after.index("Guide pratique sur l'engagement") < after.index("Se former aux enjeux et à la pratique")

    child, screen = spawn_screen(kit_exe, ["path", "support"], tmp_path, rows=120, columns=100)
    assert finish(child) == 0
    assert [line.split()[:3] for line in screen.text().splitlines() if "✓" in line] == [
        ["1", "✓", "Référentiel"],
        ["2", "✓", "Film"],
        ["14", "✓", "Guide"],
    ]

    child, _ = spawn_screen(kit_exe, ["guide"], tmp_path, rows=40, columns=160, KIT_LANG="fr")
    expect(child, "Vous avez déjà un plan de lecture.")
    expect(child, "3/17 lus)")
    expect(child, "Nouvelles réponses")
    press(child, ENTER, "Et maintenant ?")
    settle(child)
    child.send(ESC)
    assert finish(child) == 0


HOSTILE = "esc\x1b]0;PWN\x07\x1b[31mred\u202egnp.exe\x9b"


def test_where_and_reset_never_print_kit_home_s_control_characters(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / HOSTILE
    monkeypatch.setenv("KIT_HOME", str(folder))
    outputs = []
    reset = ("progress", "--reset", "--yes")
    steps = (("progress", "--where"), reset, ("read", "etudes-phare"), reset)
    for args in steps:
        code, out, err = invoke(runner, *args, raw=True)
        assert code == 0, (args, err)
        outputs.append(out + err)
    assert (folder / "progress.json").parent == folder and any(folder.glob("progress.json.*.bak"))
    for text in outputs:
        assert not any(c in text for c in "\x1b\x07\u202e\x9b"), text
    assert outputs[0] == f"{tmp_path}/esc]0;PWN[31mredgnp.exe/progress.json\n"
    assert "Aucune progression enregistrée" in outputs[1] and "[31mred" in outputs[1]
    assert "Progression mise de côté dans" in outputs[3] and "[31mred" in outputs[3]
