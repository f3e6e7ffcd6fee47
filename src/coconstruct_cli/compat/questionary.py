"""The one private part of questionary that `kit` uses: how a `select` writes a choice's description.

questionary's `select` draws its choices with `questionary.prompts.common.InquirerControl` (a module its
documentation does not list), a prompt_toolkit `FormattedTextControl` whose `text` is a function giving the
tokens drawn, the pointed choice's description as « `  Description: …` » among them. `relabel_descriptions`
writes that English label in the interface's language. The prompt_toolkit parts used (`Application.layout`,
`Window.content`, `FormattedTextControl.text`) are prompt_toolkit's public API. A questionary that draws
otherwise fails tests/compat/test_questionary.py by name.

Imported by `cli.prompts` only, so questionary is still imported only when the guide asks a question.
"""

from __future__ import annotations

from typing import Any

from questionary.prompts.common import InquirerControl

# The label questionary puts before a choice's description, as it writes it.
DESCRIPTION_LABEL = "  Description: "


def choice_controls(prompt: Any) -> list[InquirerControl]:
    """The controls that draw a `questionary.select` prompt's choices."""
    return [w.content for w in prompt.application.layout.find_all_windows() if isinstance(w.content, InquirerControl)]


def relabel_descriptions(prompt: Any, label: str) -> None:
    """questionary's « Description: » label replaced by `label` in a `select` prompt's choices."""
    for control in choice_controls(prompt):
        tokens = control.text

        def relabelled(tokens: Any = tokens) -> Any:
            return [(style, label + text[len(DESCRIPTION_LABEL) :]) if text.startswith(DESCRIPTION_LABEL) else (style, text)
                    for style, text in tokens()]  # fmt: skip

        control.text = relabelled
