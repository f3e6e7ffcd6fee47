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
from conftest import Script, terminal
from conftest import invoke as invoke_kit


def invoke(runner: CliRunner, *args: str, console: Any = None) -> tuple[int, str, str]:
    """`kit guide ARGS`."""
    return invoke_kit(runner, "guide", *args, console=console)


def flat(screen: str) -> str:
    """The words of a rich panel or table, whatever the lines it was wrapped on."""
    return " ".join(screen.replace("│", " ").split())


def plan_json(runner: CliRunner, *args: str) -> dict[str, Any]:
    code, out, err = invoke(runner, *args, "--format", "json")
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


# --- for scripts ---------------------------------------------------------------------------------


def test_json_plan_is_kit_path_documents_with_highlight_and_reason(runner: CliRunner) -> None:
    data = plan_json(runner, "--role", "company", "--goal", "support")
    assert list(data) == ["answers", "path", "documents"]
    assert data["answers"] == {"role": "company", "goal": "support"}
    assert data["path"] == "support"
    path_docs = json.loads(runner.invoke(app, ["path", "support", "--format", "json"]).stdout)
    assert [{k: v for k, v in d.items() if k not in ("highlight", "reason")} for d in data["documents"]] == path_docs
    marked = {d["id"]: d["reason"] for d in data["documents"] if d["highlight"]}
    assert set(marked) == {"guide-engagement-associatif-salaries", "guide-construire-ensemble"}
    assert marked["guide-construire-ensemble"].startswith("Écrit à destination des chefs d'entreprise")
    assert all(d["reason"] == "" for d in data["documents"] if not d["highlight"])


def test_french_names_give_the_same_plan(runner: CliRunner) -> None:
    english = plan_json(runner, "--role", "company", "--goal", "support")
    french = plan_json(runner, "-r", "Entreprise", "-g", "accompagner")
    assert french == english


def test_je_ne_sais_pas_leads_to_understand_and_keeps_the_answer(runner: CliRunner) -> None:
    data = plan_json(runner, "--role", "animateur", "--goal", "ne-sais-pas")
    assert data["answers"] == {"role": "facilitator", "goal": "unsure"}
    assert data["path"] == "understand"


def test_english_reasons(runner: CliRunner) -> None:
    data = plan_json(runner, "--role", "association", "--goal", "support", "--lang", "en")
    (marked,) = [d for d in data["documents"] if d["highlight"]]
    assert marked["id"] == "referentiel-cides-partenariats"
    assert marked["reason"].startswith("Written for association leaders")


def test_markdown_plan(runner: CliRunner) -> None:
    code, out, err = invoke(runner, "--role", "company", "--goal", "support", "--format", "md")
    assert code == 0 and err == ""
    assert out.startswith("# Votre plan de lecture\n")
    assert "- **Vous êtes** : Une entreprise\n" in out
    assert "- **Parcours** : Accompagner les organisations du territoire dans leur dynamique partenariale (`support`)" in out
    assert "\n## Boîte à outils\n" in out
    assert "\n14. ★ **Guide « Construire ensemble » sur les partenariats associations-entreprises**" in out
    assert "\n    - **Pour vous** : Écrit à destination des chefs d'entreprise" in out
    assert out.count("★ **") == 2


def test_markdown_is_honest_when_nothing_is_written_for_the_role(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "--role", "media", "--goal", "animate", "--format", "md")
    assert code == 0
    assert "Le kit ne contient aucun document écrit spécialement pour un média" in out
    assert "★" not in out


def test_csv_plan(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "--role", "facilitator", "--goal", "animate", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 19
    assert list(rows[0])[-2:] == ["highlight", "reason"]
    assert {r["id"] for r in rows if r["highlight"] == "true"} == {
        "animer-co-construction-territoriale",
        "fiche-diagnostic-structure-animation",
    }
    assert {r["highlight"] for r in rows} == {"true", "false"}


def test_piped_table_is_plain_text(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "--role", "company", "--goal", "support")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "number\tid\tcategory\tyear\tauthors\ttitle\tfor_you"
    assert len(lines) == 18
    assert lines[14].startswith("14\tguide-construire-ensemble\t") and "Écrit à destination" in lines[14]
    assert lines[1].endswith("\t")  # not highlighted: an empty « for you »
    assert "\x1b" not in out


def test_output_file_and_force(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    code, out, err = invoke(runner, "-r", "company", "-g", "support", "-f", "md", "-o", str(target))
    assert code == 0 and out == "" and f"Écrit : {target}" in err
    assert target.read_text(encoding="utf-8").startswith("# Votre plan de lecture")
    code, _, err = invoke(runner, "-r", "company", "-g", "animate", "-f", "md", "-o", str(target))
    assert code == 4 and "existe déjà" in err
    assert "(`support`)" in target.read_text(encoding="utf-8")
    code, _, _ = invoke(runner, "-r", "company", "-g", "animate", "-f", "md", "-o", str(target), "--force")
    assert code == 0 and "(`animate`)" in target.read_text(encoding="utf-8")


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
    assert data["answers"] == {"role": "company", "goal": "animate"}
    data = plan_json(runner, "--answers", str(saved), "--role", "association")
    assert data["answers"] == {"role": "association", "goal": "support"}


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
    assert message in err


# --- interactive, with a scripted user -----------------------------------------------------------


def test_interactive_plan_then_save_in_markdown(runner: CliRunner, tmp_path: Path) -> None:
    script = Script(
        [
            ("role", "company"),
            ("goal", "support"),
            ("recap", "confirm"),
            ("save", "md"),
            ("filename", "plan-support.md"),
        ]
    )
    code, out, err = invoke(runner, console=terminal(ask=script))
    assert code == 0, err
    assert "Votre plan de lecture" in out and "Pour vous" in out and "★" in out
    assert "Écrit : plan-support.md" in err
    saved = (tmp_path / "plan-support.md").read_text(encoding="utf-8")
    assert saved.startswith("# Votre plan de lecture") and "\x1b" not in saved
    assert not script.answers


def test_interactive_save_never_replaces_a_file_without_asking(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "plan-support.json").write_text("ancien", encoding="utf-8")
    script = Script(
        [
            ("goal", "support"),
            ("recap", "confirm"),
            ("save", "json"),
            ("filename", "plan-support.json"),
            ("overwrite", "rename"),
            ("filename", "plan-support-2.json"),
        ]
    )
    code, _, err = invoke(runner, "--role", "association", console=terminal(ask=script))
    assert code == 0, err
    assert (tmp_path / "plan-support.json").read_text(encoding="utf-8") == "ancien"
    replay = plan_json(runner, "--answers", str(tmp_path / "plan-support-2.json"))
    assert replay["answers"] == {"role": "association", "goal": "support"}


def test_answers_from_a_file_and_a_flag_ask_nothing_even_at_a_terminal(runner: CliRunner, tmp_path: Path) -> None:
    script = Script([])
    saved = tmp_path / "goal.json"
    saved.write_text(json.dumps({"answers": {"goal": "animate"}}), encoding="utf-8")
    code, out, err = invoke(runner, "--role", "public", "--answers", str(saved), console=terminal(ask=script))
    assert code == 0, err
    assert script.asked == []
    assert "Le kit ne contient aucun document écrit spécialement pour des pouvoirs publics" in flat(out)


def test_interactive_replace_after_asking(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "plan.csv").write_text("ancien", encoding="utf-8")
    script = Script(
        [("role", "public"), ("recap", "confirm"), ("save", "csv"), ("filename", "plan.csv"), ("overwrite", "replace")],
    )
    code, _, err = invoke(runner, "--goal", "animate", console=terminal(ask=script))
    assert code == 0, err
    assert (tmp_path / "plan.csv").read_bytes().startswith(b"\xef\xbb\xbfid,title")  # a BOM, as every CSV
    assert not script.answers


def test_no_save_offer_when_the_plan_goes_to_a_file(runner: CliRunner, tmp_path: Path) -> None:
    script = Script([("role", "media"), ("goal", "understand"), ("recap", "confirm")])
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


def screen(width: int, role: str, goal: str) -> str:
    from rich.console import Console

    from coconstruct_cli.guide import Answers
    from coconstruct_cli.loader import load_kit
    from coconstruct_cli.plan import build_plan
    from coconstruct_cli.render.table import plan_view

    kit = load_kit()
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    console.print(plan_view(kit, build_plan(kit, Answers(role, goal)), width=width))
    return console.export_text()


def test_wide_terminal_has_a_pour_vous_column() -> None:
    text = screen(160, "company", "support")
    header = next(line for line in text.splitlines() if "Titre" in line)
    assert header.split() == ["N°", "Titre", "Auteurs", "Année", "Nature", "Pour", "vous"]
    assert "★ Guide « Construire ensemble »" in text
    assert "Présente les modèles possibles pour" in text


def test_narrow_terminal_puts_the_reason_under_the_title() -> None:
    text = screen(80, "company", "support")
    header = next(line for line in text.splitlines() if "Titre" in line)
    assert header.split() == ["N°", "Titre", "Auteurs", "Année"]
    assert "Pour vous : Présente les modèles" in flat(text)
    assert max(len(line) for line in text.splitlines()) <= 80


def test_no_pour_vous_column_when_nothing_is_written_for_the_role() -> None:
    text = screen(160, "academic", "animate")
    assert "Pour vous" not in text and "★" not in text
    assert "Le kit ne contient aucun document écrit spécialement pour un acteur académique" in flat(text)


def test_plan_as_an_html_page_holds_the_json_plan_documents(tmp_path: Path) -> None:
    runner = CliRunner()
    as_json = runner.invoke(app, ["guide", "--role", "company", "--goal", "support", "--format", "json"])
    target = tmp_path / "plan.html"
    result = runner.invoke(app, ["guide", "-r", "entreprise", "-g", "accompagner", "-f", "html", "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="fr">' in page
    ids = [d["id"] for d in json.loads(as_json.stdout)["documents"]]
    positions = [page.find(f">{i}<") for i in ids]
    assert -1 not in positions and positions == sorted(positions)
    assert page.count("★") >= 2
