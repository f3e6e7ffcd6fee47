"""`kit guide` in-process: for scripts (flags, formats, files, replay), and the interactive path with a
scripted user in place of questionary (the real prompts are covered by test_prompts and test_guide_e2e)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from coconstruct_cli.cli.app import app
from coconstruct_cli.guide import Question
from conftest import Script, interview, spaced, terminal
from conftest import invoke as invoke_kit


def invoke(runner: CliRunner, *args: str, console: Any = None, raw: bool = False) -> tuple[int, str, str]:
    """`kit guide ARGS`."""
    return invoke_kit(runner, "guide", *args, console=console, raw=raw)


def flat(screen: str) -> str:
    """The words of a rich panel or table, whatever the lines it was wrapped on."""
    return " ".join(screen.replace("│", " ").split())


def plan_json(runner: CliRunner, *args: str) -> dict[str, Any]:
    code, out, err = invoke(runner, *args, "--format", "json", raw=True)
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


# --- for scripts ---------------------------------------------------------------------------------


def test_json_plan_is_kit_path_documents_with_marks_and_the_start(runner: CliRunner) -> None:
    data = plan_json(runner, "--role", "company", "--goal", "support", "--need", "toolbox")
    assert list(data) == ["answers", "path", "start", "outside", "documents"]
    assert data["answers"] == {"role": "company", "goal": "support", "need": "toolbox", "situation": None}
    assert data["path"] == "support"
    path_docs = json.loads(runner.invoke(app, ["path", "support", "--format", "json"]).stdout)
    added = ("highlight", "reason", "number", "why", "concern", "start")
    assert [{k: v for k, v in d.items() if k not in added} for d in data["documents"]] == [
        {k: v for k, v in d.items() if k != "number"} for d in path_docs
    ]
    assert [d["number"] for d in data["documents"]] == [d["number"] for d in path_docs] == list(range(1, 18))
    marked = {d["id"]: d["reason"] for d in data["documents"] if d["highlight"]}
    assert marked == {"guide-construire-ensemble": "à destination des chefs d'entreprise"}
    assert all(d["reason"] == "" for d in data["documents"] if not d["highlight"])
    assert all(d["why"] for d in data["documents"])
    # Written for companies first, then what the goal, the role's ties and « outils » put forward.
    start = [s["id"] for s in data["start"]]
    assert start[0] == "guide-construire-ensemble" and "guide-orse-partenariats" in start
    assert {s["id"] for s in data["start"]} == {d["id"] for d in data["documents"] if d["start"]}
    # Each start item says the reason that chose it, the words matched (none without a situation), what the kit says it gives.
    first = data["start"][0]
    assert first["rule"] == "written_for"
    assert spaced(first["reason"]) == "Écrit « à destination des chefs d'entreprise », dit le kit."
    assert first["matched"] == [] and spaced(first["gives"]).startswith("Le kit : « […] le contexte, les enjeux")
    assert all(set(s) >= {"id", "why", "number", "rule", "reason", "matched", "gives"} for s in data["start"])


def test_french_names_give_the_same_plan(runner: CliRunner) -> None:
    english = plan_json(runner, "--role", "company", "--goal", "support", "--need", "method")
    french = plan_json(runner, "-r", "Entreprise", "-g", "accompagner", "-n", "méthode")
    assert french == english


def test_a_script_without_need_gets_a_bit_of_everything(runner: CliRunner) -> None:
    assert plan_json(runner, "--role", "company", "--goal", "support")["answers"]["need"] == "all"
    assert plan_json(runner, "-r", "company", "-g", "support", "-n", "tout")["answers"]["need"] == "all"


def test_unknown_need_names_the_nearest(runner: CliRunner) -> None:
    code, out, err = invoke(runner, "-r", "company", "-g", "support", "-n", "outills")
    assert code == 2 and out == ""
    assert "Besoin inconnu : « outills ». Vouliez-vous dire : outils" in err


def test_je_ne_sais_pas_leads_to_understand_and_keeps_the_answer(runner: CliRunner) -> None:
    data = plan_json(runner, "--role", "animateur", "--goal", "ne-sais-pas")
    assert data["answers"] == {"role": "facilitator", "goal": "unsure", "need": "all", "situation": None}
    assert data["path"] == "understand"


def test_english_reasons(runner: CliRunner) -> None:
    data = plan_json(runner, "--role", "association", "--goal", "support", "--lang", "en")
    (marked,) = [d for d in data["documents"] if d["highlight"]]
    assert marked["id"] == "referentiel-cides-partenariats"
    assert marked["reason"] == "intended for association leaders"


def test_markdown_plan(runner: CliRunner) -> None:
    code, out, err = invoke(runner, "--role", "company", "--goal", "support", "--need", "toolbox", "--format", "md")
    assert code == 0 and err == ""
    assert out.startswith("# Votre plan de lecture\n")
    assert "- **Vous êtes** : Une entreprise\n" in out
    assert "- **D'abord** : Des outils pour passer à la pratique\n" in out
    assert "- **Parcours** : Accompagner les organisations du territoire dans leur dynamique partenariale (`accompagner`)" in out
    start, rest = out.split("\n## Ensuite, dans l'ordre du parcours\n")
    assert "\n## Pour commencer\n\n5 documents, choisis ainsi : 1 écrit pour vous" in start
    assert "\n- n° 14 — ★ **Guide « Construire ensemble » sur les partenariats associations-entreprises**" in start
    why = "\n  - **Pourquoi** : Écrit « à destination des chefs d'entreprise », dit le kit. Le kit : « \\[…\\] le contexte"
    assert why in start
    assert start.count("\n  - **Pourquoi** : ") == 5
    assert "\n### Boîte à outils\n" in rest and "**14**" not in rest
    assert out.endswith("\nDétail : `kit show accompagner:<n° ou identifiant>`\n\nUne fois lu : `kit read accompagner:<n°>`\n")


def test_markdown_is_honest_when_nothing_is_tied_to_the_role(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "--role", "media", "--goal", "animate", "--format", "md")
    assert code == 0
    assert "Le kit ne lie aucun document à un média : votre objectif et votre besoin ont choisi." in out
    assert "★" not in out and "◆" not in out


def test_csv_plan(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "--role", "facilitator", "--goal", "animate", "--need", "method", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 19
    assert list(rows[0])[-8:] == ["highlight", "reason", "number", "for_you", "why", "concern", "start", "read"]
    assert [r["number"] for r in rows] == [str(n) for n in range(1, 20)]
    assert {r["highlight"] for r in rows} == {"false"}
    assert {r["id"] for r in rows if r["for_you"]} == {
        "rex-labo-alsace",
        "animer-co-construction-territoriale",
        "fiche-diagnostic-structure-animation",
    }
    assert all(r["why"] for r in rows)
    assert {r["id"] for r in rows if r["start"] == "true"} >= {"animer-co-construction-territoriale"}


def test_piped_table_is_plain_text(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "--role", "company", "--goal", "support")
    assert code == 0
    lines = out.splitlines()
    # `kit path`'s columns, then the place in the start set and the « pourquoi » (issue 18: piped, they were lost).
    assert lines[0] == "number\tid\tcategory\tyear\tauthors\ttitle\tfor_you\tstart\twhy"
    assert len(lines) == 18
    row = lines[14].split("\t")
    assert row[:2] == ["14", "guide-construire-ensemble"] and row[6] == "à destination des chefs d'entreprise"
    assert row[7] in {"1", "2", "3", "4", "5"}
    assert row[8].startswith("Écrit « à destination des chefs d'entreprise », dit le kit. Le kit : « ")
    assert lines[2].split("\t")[6:] == ["", "", ""]  # the film: nothing for the role, not in the start set
    assert sorted(int(line.split("\t")[7]) for line in lines[1:] if line.split("\t")[7]) == [1, 2, 3, 4, 5]
    assert "\x1b" not in out


def test_output_file_and_force(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    code, out, err = invoke(runner, "-r", "company", "-g", "support", "-f", "md", "-o", str(target))
    assert code == 0 and out == "" and f"Écrit : {target}" in err
    assert target.read_text(encoding="utf-8").startswith("# Votre plan de lecture")
    code, _, err = invoke(runner, "-r", "company", "-g", "animate", "-f", "md", "-o", str(target))
    assert code == 4 and "existe déjà" in err
    assert "(`accompagner`)" in target.read_text(encoding="utf-8")


def test_the_output_s_extension_chooses_the_format(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = invoke(runner, "-r", "company", "-g", "support", "-o", str(tmp_path / "plan.html"))
    assert code == 0, err
    assert (tmp_path / "plan.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    code, out, err = invoke(runner, "-r", "company", "-g", "support", "-f", "csv", "-o", str(tmp_path / "other.html"))
    assert code == 2 and out == "" and not (tmp_path / "other.html").exists()
    assert "other.html" in err and "html" in err


def test_unknown_role_or_goal_exits_2_with_the_nearest_names(runner: CliRunner) -> None:
    code, out, err = invoke(runner, "--role", "entrprise", "--goal", "support")
    assert code == 2 and out == ""
    assert "Rôle inconnu : « entrprise ». Vouliez-vous dire : entreprise" in err
    code, out, err = invoke(runner, "--role", "company", "--goal", "acompagner")
    assert code == 2 and out == ""
    assert "Vouliez-vous dire : accompagner" in err


def test_unknown_format(runner: CliRunner) -> None:
    code, out, err = invoke(runner, "-r", "company", "-g", "support", "-f", "yaml")
    assert code == 2 and out == "" and "Format inconnu" in err


@pytest.mark.parametrize("args", [[], ["--role", "company"], ["--goal", "support"]])
def test_no_terminal_and_an_answer_missing_exits_2_naming_both_options(runner: CliRunner, args: list[str]) -> None:
    code, out, err = invoke(runner, *args)
    assert code == 2
    assert out == ""
    assert "--role" in err and "--goal" in err
    assert "pas de terminal" in err


def test_no_terminal_message_in_english(runner: CliRunner) -> None:
    code, out, err = invoke(runner, "--lang", "en")
    assert code == 2 and out == ""
    assert "Missing --role and --goal, and there is no terminal to ask: give --role and --goal" in err
    code, out, err = invoke(runner, "--role", "media")
    assert code == 2 and out == ""
    assert err.startswith("Erreur : Il manque --goal, et il n'y a pas de terminal pour poser la question")


# --- replaying a saved plan ----------------------------------------------------------------------


def test_a_saved_plan_replays_to_the_same_result(runner: CliRunner, tmp_path: Path) -> None:
    saved = tmp_path / "plan.json"
    code, _, _ = invoke(runner, "-r", "entreprise", "-g", "accompagner", "-f", "json", "-o", str(saved))
    assert code == 0
    replayed = plan_json(runner, "--answers", str(saved))
    assert replayed == json.loads(saved.read_text(encoding="utf-8"))


def test_flags_override_the_saved_answers(runner: CliRunner, tmp_path: Path) -> None:
    saved = tmp_path / "plan.json"
    saved.write_text(json.dumps({"answers": {"role": "company", "goal": "support"}}), encoding="utf-8")
    data = plan_json(runner, "--answers", str(saved), "--goal", "animer")
    assert data["answers"] == {"role": "company", "goal": "animate", "need": "all", "situation": None}
    data = plan_json(runner, "--answers", str(saved), "--role", "association", "--need", "cas")
    assert data["answers"] == {"role": "association", "goal": "support", "need": "illustrations", "situation": None}


def test_a_plan_saved_before_the_need_question_replays_as_a_bit_of_everything(runner: CliRunner, tmp_path: Path) -> None:
    saved = tmp_path / "old-plan.json"
    old = {"answers": {"role": "company", "goal": "support"}, "path": "support", "documents": []}
    saved.write_text(json.dumps(old), encoding="utf-8")
    data = plan_json(runner, "--answers", str(saved))
    assert data["answers"] == {"role": "company", "goal": "support", "need": "all", "situation": None}
    assert [s["id"] for s in data["start"]] == [
        s["id"] for s in plan_json(runner, "-r", "company", "-g", "support", "-n", "all")["start"]
    ]


def test_saved_answers_may_be_partial(runner: CliRunner, tmp_path: Path) -> None:
    saved = tmp_path / "role.json"
    saved.write_text(json.dumps({"answers": {"role": "media"}}), encoding="utf-8")
    assert plan_json(runner, "--answers", str(saved), "--goal", "understand")["answers"]["role"] == "media"
    code, out, err = invoke(runner, "--answers", str(saved))
    assert code == 2 and out == "" and "--goal" in err


@pytest.mark.parametrize(
    "content,message",
    [
        (None, "Fichier de réponses introuvable"),
        ("pas du json", "n'est pas un plan enregistré par kit guide --format json"),
        ('{"answers": {"role": 1}}', "n'est pas un plan enregistré"),
        (b"\xff\xfe\x00", "Impossible de lire le fichier de réponses"),
        ('{"answers": {"role": "caf\u00e9"}}'.encode("latin-1"), "n'est pas en UTF-8 (ligne 1, colonne 26)."),
        ('{"answers": {}}'.encode("utf-16"), "réponses {path} : le fichier n'est pas en UTF-8 (ligne 1, colonne 1)."),
        ('{"answers": {"role": "astronaute", "goal": "support"}}', "Rôle inconnu : « astronaute »"),
    ],
)
def test_bad_answers_files_exit_2(runner: CliRunner, tmp_path: Path, content: str | bytes | None, message: str) -> None:
    saved = tmp_path / "answers.json"
    if isinstance(content, bytes):
        saved.write_bytes(content)
    elif content is not None:
        saved.write_text(content, encoding="utf-8")
    code, out, err = invoke(runner, "--answers", str(saved))
    assert code == 2 and out == ""
    assert message.format(path=saved) in err
    assert "codec" not in err and "position" not in err


# --- interactive, with a scripted user -----------------------------------------------------------


@pytest.mark.parametrize(("lang", "proposed"), [("fr", "plan-accompagner.md"), ("en", "plan-support.md")])
def test_the_proposed_file_name_names_the_path_in_the_interface_s_language(
    runner: CliRunner, tmp_path: Path, lang: str, proposed: str
) -> None:
    script = interview(("next", "save"), ("save", "md"), ("filename", "mine.md"), ("next", "quit"))
    code, _, err = invoke(runner, "--lang", lang, console=terminal(ask=script))
    assert code == 0, err
    assert [q.default for q in script.asked if q.name == "filename"] == [proposed]


def test_interactive_plan_then_save_in_markdown(runner: CliRunner, tmp_path: Path) -> None:
    script = interview(("next", "save"), ("save", "md"), ("filename", "plan-support.md"), ("next", "quit"))
    code, out, err = invoke(runner, console=terminal(ask=script))
    assert code == 0, err
    assert "Votre plan de lecture" in out and "Pour commencer" in out and "★" in out
    assert "Détail : kit show accompagner:<n° ou identifiant> · Une fois lu : kit read accompagner:<n°>" in flat(out)
    assert flat(out).rsplit("Pour commencer", 1)[1].endswith("╯")  # the start set ends the screen
    assert "Écrit : plan-support.md" in err
    saved = (tmp_path / "plan-support.md").read_text(encoding="utf-8")
    assert saved.startswith("# Votre plan de lecture") and "\x1b" not in saved
    assert script.done()


def test_the_menu_opens_a_document_searches_changes_an_answer_and_comes_back(runner: CliRunner) -> None:
    script = Script(
        [
            ("goal", "animate"),
            ("need", "method"),
            ("situation", ""),
            ("recap", "confirm"),
            ("next", "detail"),
            ("document", "animer-co-construction-territoriale"),
            ("next", "search"),
            ("query", "silver geek"),
            ("next", "detail"),
            ("document", "back"),
            ("next", "change"),
            ("recap", "need"),
            ("need", "toolbox"),
            ("recap", "confirm"),
            ("next", "quit"),
        ]
    )
    code, out, err = invoke(runner, "-r", "animateur", console=terminal(ask=script))
    assert code == 0, err
    assert script.done()
    menu = next(q for q in script.asked if q.name == "next")
    assert [o.value for o in menu.options] == ["detail", "search", "change", "save", "quit"] and menu.escape == "quit"
    document = next(q for q in script.asked if q.name == "document")
    assert document.default == "animer-co-construction-territoriale" and document.escape == "back"
    assert document.options[0].title == "1. Référentiel sur la co-construction en territoire"
    shown = flat(out)
    assert "au travers d'un diagnostic permettant de préciser l'ambition des structures" in shown  # the document's detail
    assert "Recherche « silver geek »" in shown  # the search's results
    assert shown.count("Votre plan de lecture") == 2  # the plan again, with the new answer
    assert "Des outils pour passer à la pratique" in shown


def test_a_failed_save_lets_the_user_choose_another_name(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "plan.md").mkdir()  # a folder where the file would go: the write fails
    script = Script(
        [
            ("goal", "support"),
            ("need", "all"),
            ("situation", ""),
            ("recap", "confirm"),
            ("next", "save"),
            ("save", "md"),
            ("filename", "locked/plan.md"),
            ("overwrite", "replace"),
            ("save", "md"),
            ("filename", "plan.md"),
            ("next", "quit"),
        ]
    )
    code, _, err = invoke(runner, "-r", "company", console=terminal(ask=script))
    assert code == 0, err
    assert "Le plan n'a pas été enregistré" in err and "Choisissez un autre nom" in err
    assert (tmp_path / "plan.md").read_text(encoding="utf-8").startswith("# Votre plan de lecture")


def test_interactive_save_never_replaces_a_file_without_asking(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "plan-support.json").write_text("ancien", encoding="utf-8")
    script = Script(
        [
            ("goal", "support"),
            ("need", "all"),
            ("situation", ""),
            ("recap", "confirm"),
            ("next", "save"),
            ("save", "json"),
            ("filename", "plan-support.json"),
            ("overwrite", "rename"),
            ("filename", "plan-support-2.json"),
            ("next", "quit"),
        ]
    )
    code, _, err = invoke(runner, "--role", "association", console=terminal(ask=script))
    assert code == 0, err
    assert (tmp_path / "plan-support.json").read_text(encoding="utf-8") == "ancien"
    replay = plan_json(runner, "--answers", str(tmp_path / "plan-support-2.json"))
    assert replay["answers"] == {"role": "association", "goal": "support", "need": "all", "situation": None}


def test_answers_from_a_file_and_a_flag_ask_nothing_even_at_a_terminal(runner: CliRunner, tmp_path: Path) -> None:
    script = Script([])
    saved = tmp_path / "goal.json"
    saved.write_text(json.dumps({"answers": {"goal": "animate"}}), encoding="utf-8")
    code, out, err = invoke(runner, "--role", "public", "--answers", str(saved), console=terminal(ask=script))
    assert code == 0, err
    assert script.asked == []
    # Nothing is written for public authorities, but the kit ties the Charenton report to them (our reading).
    assert "◆ Retour d'expérience d'animation du territoire : Communauté de commune de Charenton St Maurice" in flat(out)


def test_interactive_replace_after_asking(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "plan.csv").write_text("ancien", encoding="utf-8")
    script = Script(
        [
            ("role", "public"),
            ("need", "all"),
            ("situation", ""),
            ("recap", "confirm"),
            ("next", "save"),
            ("save", "csv"),
            ("filename", "plan.csv"),
            ("overwrite", "replace"),
            ("next", "quit"),
        ],
    )
    code, _, err = invoke(runner, "--goal", "animate", console=terminal(ask=script))
    assert code == 0, err
    assert (tmp_path / "plan.csv").read_bytes().startswith(b"\xef\xbb\xbfid,title")  # a BOM, as every CSV
    assert script.done()


def test_no_next_step_when_the_plan_goes_to_a_file(runner: CliRunner, tmp_path: Path) -> None:
    script = Script([("role", "media"), ("goal", "understand"), ("need", "all"), ("situation", ""), ("recap", "confirm")])
    code, out, _ = invoke(runner, "-o", str(tmp_path / "p.md"), "-f", "md", console=terminal(ask=script))
    assert code == 0 and out == ""
    assert (tmp_path / "p.md").is_file()


def test_ctrl_c_at_a_question_is_one_line_and_130(runner: CliRunner) -> None:
    def interrupted(question: Question, **_: Any) -> str:
        raise KeyboardInterrupt

    code, out, err = invoke(runner, console=terminal(ask=interrupted))
    assert code == 130
    assert out == ""
    assert err == "Interrompu\n"


# --- start-up cost -------------------------------------------------------------------------------


def test_scripts_never_load_questionary_or_rich() -> None:
    code = (
        "import sys\n"
        "from coconstruct_cli.cli.app import main\n"
        "sys.argv = ['kit', 'guide', '--role', 'company', '--goal', 'support', '--format', 'json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "loaded = sorted({m.split('.')[0] for m in sys.modules} & {'questionary', 'prompt_toolkit', 'rich'})\n"
        "sys.stderr.write(repr(loaded))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0
    assert json.loads(result.stdout)["path"] == "support"
    assert result.stderr == "[]"


def test_the_cli_module_stays_light() -> None:
    code = "import sys, coconstruct_cli.cli.app; sys.stdout.write(repr(sorted({m.split('.')[0] for m in sys.modules}" + (
        " & {'questionary', 'prompt_toolkit', 'rich', 'pydantic'})))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert result.stdout == "[]", result.stderr


# --- the terminal view ---------------------------------------------------------------------------


def screen(width: int, role: str, goal: str, need: str = "all") -> str:
    from rich.console import Console

    from coconstruct_cli.guide import Answers
    from coconstruct_cli.loader import load_kit
    from coconstruct_cli.plan import build_plan
    from coconstruct_cli.render.table import plan_view

    kit = load_kit()
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    console.print(plan_view(kit, build_plan(kit, Answers(role, goal, need)), width=width))
    return spaced(console.export_text())


@pytest.mark.parametrize("width", [60, 80, 160])
def test_the_plan_ends_with_the_start_set_and_the_next_step(width: int) -> None:
    text = screen(width, "company", "support", "toolbox")
    lines = text.rstrip("\n").splitlines()
    assert max(len(line) for line in lines) <= width
    start = lines.index(next(line for line in lines if "Pour commencer" in line))
    # The next step comes just before the start set, which ends the screen: at 80×24 the start set and
    # the menu that follows are what stays in view.
    assert "Détail : kit show accompagner:<n° ou identifiant>" in flat("\n".join(lines[start - 2 : start]))
    assert "Une fois lu : kit read accompagner:<n°>" in flat("\n".join(lines[start - 2 : start]))
    assert lines[-1].startswith("╰")
    tail = flat("\n".join(lines[start:]))
    # Whole titles and « pourquoi », wrapped between words: nothing cut with « … » (the kit's words cut from a
    # description are marked « […] », as a quotation's cuts are).
    assert "…" not in tail.replace("[…]", "")
    assert "14 ★ Guide « Construire ensemble » sur les partenariats associations-entreprises" in tail
    assert "Écrit « à destination des chefs d'entreprise », dit le kit." in tail
    # The rest of the path comes before, one line a document, numbered as `kit path` numbers them.
    rest = "\n".join(lines[:start])
    assert "Ensuite, dans l'ordre du parcours" in rest and "  1   Référentiel sur la co-construction" in rest
    assert "…" not in rest  # a long title wraps between words, never cut
    assert "Référentiel sur les partenariats" in rest and "associations/entreprises" in rest
    assert ("referentiel-co-construction-territoire" in rest) == (width >= 100)  # ids when the width allows


def test_no_mark_when_nothing_is_written_for_the_role() -> None:
    text = screen(160, "media", "animate")
    assert "★" not in text and "◆" not in text
    assert "Le kit ne lie aucun document à un média : votre objectif et votre besoin ont choisi." in flat(text)


def test_plan_as_an_html_page_holds_the_json_plan_documents(tmp_path: Path) -> None:
    runner = CliRunner()
    as_json = runner.invoke(app, ["guide", "--role", "company", "--goal", "support", "--format", "json"])
    target = tmp_path / "plan.html"
    result = runner.invoke(app, ["guide", "-r", "entreprise", "-g", "accompagner", "-f", "html", "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="fr">' in page
    data = json.loads(as_json.stdout)
    start = [s["id"] for s in data["start"]]
    ids = start + [d["id"] for d in data["documents"] if d["id"] not in start]
    positions = [page.find(f">{i}<") for i in ids]
    assert -1 not in positions and positions == sorted(positions)
    assert page.count("★") >= 1


def test_the_menu_s_search_points_where_kit_about_speaks_of_the_words(runner: CliRunner) -> None:
    """As `kit search` on a terminal: no document holds « mécénat de compétences », `kit about` does."""
    script = Script(
        [
            ("goal", "partner"),
            ("need", "all"),
            ("situation", ""),
            ("recap", "confirm"),
            ("next", "search"),
            ("query", "mécénat de compétences"),
            ("next", "quit"),
        ]
    )
    code, _, err = invoke(runner, "-r", "company", console=terminal(ask=script))
    assert code == 0, err
    assert script.done()
    said = " ".join(spaced(err).split())  # wrapped between words at the terminal's width
    assert "Aucun document ne correspond." in said
    assert "Aussi dans kit about : Les formes de la co-construction territoriale (Le dialogue territorial)." in said


def test_the_situation_flag_is_saved_and_replayed(runner: CliRunner, tmp_path: Path) -> None:
    saved = tmp_path / "plan.json"
    situation = "Nous voulons développer le bénévolat de nos salariés"
    code, _, err = invoke(runner, "-r", "company", "-g", "partner", "-s", situation, "-f", "json", "-o", str(saved))
    assert code == 0, err
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["answers"]["situation"] == situation
    first = next(s for s in data["start"] if s["id"] == "guide-engagement-associatif-salaries")
    assert first["matched"] == ["bénévolat", "salariés"]
    assert plan_json(runner, "--answers", str(saved)) == data


def test_an_empty_search_or_esc_goes_back_to_the_menu(runner: CliRunner) -> None:
    from coconstruct_cli import guide as core

    script = Script(
        [
            ("goal", "partner"),
            ("need", "all"),
            ("situation", ""),
            ("recap", "confirm"),
            ("next", "search"),
            ("query", ""),
            ("next", "search"),
            ("query", core.ESCAPED),
            ("next", "quit"),
        ]
    )
    code, _, err = invoke(runner, "-r", "company", console=terminal(ask=script))
    assert code == 0, err
    assert script.done() and "Aucun document" not in err


def test_a_file_that_appears_during_the_save_dialog_is_told_without_a_command_line_flag(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coconstruct_cli import guide as core

    monkeypatch.chdir(tmp_path)
    # The dialog looked when nothing was there; the file is there when the plan is written.
    monkeypatch.setattr(core, "taken", lambda path: False)
    (tmp_path / "mine.md").write_text("the user's own file", encoding="utf-8")
    script = Script(
        [
            ("goal", "partner"),
            ("need", "all"),
            ("situation", ""),
            ("recap", "confirm"),
            ("next", "save"),
            ("save", "md"),
            ("filename", "mine.md"),
            ("save", "md"),
            ("filename", "other.md"),
            ("next", "quit"),
        ]
    )
    code, _, err = invoke(runner, "-r", "company", console=terminal(ask=script))
    assert code == 0, err
    said = " ".join(err.split())
    assert "le fichier mine.md vient d'apparaître" in said and "--force" not in said
    assert (tmp_path / "mine.md").read_text(encoding="utf-8") == "the user's own file"
    assert (tmp_path / "other.md").exists()
