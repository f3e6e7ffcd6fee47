"""Real questionary prompts, fed keystrokes through prompt_toolkit's pipe input (as questionary tests itself)."""

from __future__ import annotations

import io

import pytest
from prompt_toolkit.input import PipeInput
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.plain_text import PlainTextOutput

from coconstruct_cli import guide, i18n
from coconstruct_cli.cli import prompts
from coconstruct_cli.errors import Interrupted
from coconstruct_cli.guide import Answers, Question
from coconstruct_cli.model import Kit
from conftest import CTRL_C, CTRL_D, DOWN, ENTER, UP, spaced


def answer(pipe: PipeInput, question: Question, keys: str) -> str:
    pipe.send_text(keys)
    return prompts.ask(question, input=pipe, output=DummyOutput())


def test_enter_takes_the_first_role(pipe: PipeInput) -> None:
    assert answer(pipe, guide.role_question(), ENTER) == "association"


def test_arrow_keys_move_through_the_roles(pipe: PipeInput) -> None:
    assert answer(pipe, guide.role_question(), DOWN + DOWN + DOWN + UP + ENTER) == "public"


def test_the_goal_question_points_at_the_role_default(kit: Kit, pipe: PipeInput) -> None:
    question = guide.goal_question(kit, guide.default_goal(kit, "facilitator"))
    assert answer(pipe, question, ENTER) == "animate"


def test_je_ne_sais_pas_encore_is_the_last_goal(kit: Kit, pipe: PipeInput) -> None:
    assert answer(pipe, guide.goal_question(kit), DOWN * 5 + ENTER) == "unsure"


def test_free_text_keeps_the_proposed_name_or_takes_the_typed_one(pipe: PipeInput) -> None:
    assert answer(pipe, guide.filename_question("plan-support.md"), ENTER) == "plan-support.md"
    assert answer(pipe, guide.filename_question(""), "mon-plan.md" + ENTER) == "mon-plan.md"


def test_an_empty_file_name_is_refused_until_one_is_typed(pipe: PipeInput) -> None:
    assert answer(pipe, guide.filename_question(""), ENTER + "x.md" + ENTER) == "x.md"


def test_ctrl_c_reaches_the_caller(pipe: PipeInput) -> None:
    with pytest.raises(KeyboardInterrupt):
        answer(pipe, guide.role_question(), CTRL_C)


def test_ctrl_d_in_free_text_is_an_interruption(pipe: PipeInput) -> None:
    with pytest.raises(Interrupted):
        answer(pipe, guide.filename_question(""), CTRL_D)


def test_the_whole_interview_with_a_change_at_the_recap(kit: Kit, pipe: PipeInput) -> None:
    keys = {
        "role": [DOWN + ENTER, DOWN * 4 + ENTER],  # company, then facilitator (from company, four down)
        "goal": [DOWN * 2 + ENTER],  # support
        "need": [UP + UP + ENTER],  # from « Un peu de tout », two up: the toolbox
        "situation": ["petit réseau" + ENTER],  # typed, or Enter alone to skip
        "recap": [DOWN + ENTER, ENTER],  # change the role, then confirm
    }

    def ask(question: Question) -> str:
        return answer(pipe, question, keys[question.name].pop(0))

    assert guide.interview(kit, Answers(), ask) == Answers("facilitator", "support", "toolbox", "petit réseau")
    assert all(not left for left in keys.values())


def test_what_the_user_sees(kit: Kit, pipe: PipeInput) -> None:
    screen = io.StringIO()
    pipe.send_text(DOWN + ENTER)
    value = prompts.ask(guide.recap_question(kit, "company", "support"), input=pipe, output=PlainTextOutput(screen))
    assert value == "role"
    shown = spaced(screen.getvalue())
    assert "Récapitulatif" in shown
    assert "Vous êtes : Une entreprise" in shown
    assert "Est-ce bien cela ?" in shown
    assert "(↑ ↓ ou son numéro, Entrée pour valider)" in shown
    assert "Oui, voir mon plan de lecture" in shown
    assert "Changer mon rôle" in shown


def test_what_the_user_sees_in_english(kit: Kit, pipe: PipeInput) -> None:
    i18n.set_lang("en")
    screen = io.StringIO()
    pipe.send_text(ENTER)
    assert prompts.ask(guide.goal_question(kit), input=pipe, output=PlainTextOutput(screen)) == "understand"
    shown = spaced(screen.getvalue())
    assert "What do you want to do?" in shown and "(↑ ↓ or its number, Enter to confirm)" in shown
    assert "I don't know yet" in shown


def test_long_descriptions_are_wrapped_to_the_terminal() -> None:
    wrapped = prompts._wrap("mot " * 40, 60)
    assert wrapped is not None
    lines = wrapped.split("\n")
    assert len(lines) > 1
    label = len("  Description: ")  # questionary's own prefix on the first line
    assert len(lines[0]) + label <= 60
    assert all(line.startswith(" " * label) and len(line) <= 60 for line in lines[1:])
    assert prompts._wrap(None, 60) is None


def test_a_number_key_points_at_its_choice(pipe: PipeInput) -> None:
    """Issue 21, item 9: menus were arrow keys only."""
    assert answer(pipe, guide.role_question(), "3" + ENTER) == "public"
    assert answer(pipe, guide.role_question(), "3" + "1" + ENTER) == "association"


def test_letters_typed_filter_a_long_list_of_documents(kit: Kit, pipe: PipeInput) -> None:
    path = next(p for p in kit.paths if p.id == "animate")
    docs = {d.id: d for d in kit.documents}
    items = [(n, i, docs[i].title) for n, i in enumerate(path.documents, start=1)]
    question = guide.document_question(items)
    assert len(question.options) > prompts.SHORTCUTS
    assert answer(pipe, question, "Animer" + ENTER) == "animer-co-construction-territoriale"
    assert answer(pipe, question, "16." + ENTER) == "fiche-plan-questionnaire-etude"  # its number, as shown
    assert answer(pipe, question, "COPIL" + ENTER) == "fiche-supports-copil"  # case does not count


def test_the_keys_are_told(kit: Kit, pipe: PipeInput) -> None:
    screen = io.StringIO()
    pipe.send_text(ENTER)
    prompts.ask(guide.role_question(), input=pipe, output=PlainTextOutput(screen))
    shown = spaced(screen.getvalue())
    assert "(↑ ↓ ou son numéro, Entrée pour valider)" in shown and "1) Une association" in shown


def test_esc_at_a_free_text_prompt_answers_the_escape_value(pipe: PipeInput) -> None:
    """Issue 20, item 15: Esc did nothing at the file-name and search prompts."""
    assert answer(pipe, guide.filename_question("plan-animer.md"), "\x1b") == guide.ESCAPED
    assert answer(pipe, guide.search_question(), "\x1b") == guide.ESCAPED
    assert answer(pipe, guide.search_question(), ENTER) == ""  # nothing typed: accepted (back to the menu)
    assert answer(pipe, guide.save_question(), "\x1b") == guide.SAVE_NO
