"""Each name `compat.questionary` takes from questionary's undocumented parts exists and draws as `kit`
relies on: a questionary release that changes one fails the test named after it."""

from __future__ import annotations

import questionary
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.layout.controls import FormattedTextControl
from prompt_toolkit.output import DummyOutput

from coconstruct_cli.compat import questionary as private


def _select() -> questionary.Question:
    with create_pipe_input() as pipe:
        return questionary.select(
            "Vous êtes ?",
            choices=[questionary.Choice("Une entreprise", value="company", description="Une description")],
            input=pipe,
            output=DummyOutput(),
        )


def test_InquirerControl() -> None:
    from questionary.prompts.common import InquirerControl

    assert private.InquirerControl is InquirerControl
    assert issubclass(InquirerControl, FormattedTextControl)
    (control,) = private.choice_controls(_select())
    assert isinstance(control, InquirerControl)
    # Its `text` is a function giving the tokens drawn, (style, text) pairs: `relabel_descriptions` wraps it.
    assert callable(control.text)
    tokens = control.text()
    assert all(isinstance(style, str) and isinstance(text, str) for style, text, *_ in tokens)


def test_DESCRIPTION_LABEL() -> None:
    (control,) = private.choice_controls(_select())
    texts = [text for _, text, *_ in control.text()]
    assert private.DESCRIPTION_LABEL + "Une description" in texts


def test_relabel_descriptions() -> None:
    prompt = _select()
    private.relabel_descriptions(prompt, "  Description\u00a0: ")
    (control,) = private.choice_controls(prompt)
    texts = [text for _, text, *_ in control.text()]
    assert "  Description\u00a0: Une description" in texts
    assert private.DESCRIPTION_LABEL + "Une description" not in texts
