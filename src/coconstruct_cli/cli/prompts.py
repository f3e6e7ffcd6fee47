"""The one module that talks to questionary: it puts a `guide.Question` to the user.

Imported only when a question is really shown, so that scripts (`kit guide --role … --goal …`) never
pay for prompt_toolkit. `unsafe_ask()` lets Ctrl-C reach the CLI, which prints « Interrompu » and
exits with 130.
"""

from __future__ import annotations

import shutil
import sys
import textwrap
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import questionary
from prompt_toolkit.validation import ValidationError, Validator

from ..errors import Interrupted
from ..i18n import t

if TYPE_CHECKING:
    from prompt_toolkit.document import Document
    from prompt_toolkit.input import Input
    from prompt_toolkit.output import Output

    from ..guide import Question

STYLE = questionary.Style(
    [
        ("qmark", "fg:ansicyan bold"),
        ("question", "bold"),
        ("answer", "fg:ansicyan bold"),
        ("pointer", "fg:ansicyan bold"),
        ("highlighted", "fg:ansicyan bold"),
        ("instruction", "fg:ansibrightblack"),
        ("text", "fg:ansibrightblack"),
        # French typography puts non-breaking spaces before « ? » and « : »; prompt_toolkit shows them
        # underlined in yellow by default, as an editor would. Here they are ordinary text.
        ("nbsp", "nounderline fg:ansidefault"),
    ]
)


class _Check(Validator):
    """A `Question.validate` function as a prompt_toolkit validator."""

    def __init__(self, check: Callable[[str], str | None]) -> None:
        self.check = check

    def validate(self, document: Document) -> None:
        error = self.check(document.text)
        if error:
            raise ValidationError(message=error, cursor_position=len(document.text))


def _prompt_output() -> Output | None:
    """Where prompts are drawn: the terminal; on stderr when stdout is a pipe, so results stay clean."""
    try:
        if sys.stdout.isatty():
            return None
    except (AttributeError, ValueError):
        pass
    from prompt_toolkit.output import create_output

    return create_output(stdout=sys.stderr)


# questionary shows a description as « Description: … » on lines it does not wrap.
_DESCRIPTION_LABEL = len("  Description: ")


def _width(output: Output | None) -> int:
    if output is not None:
        try:
            return output.get_size().columns
        except OSError:  # pragma: no cover - a terminal gone away
            pass
    return shutil.get_terminal_size().columns


def _wrap(text: str | None, width: int) -> str | None:
    """A long description cut into lines that fit the terminal, aligned under its first word."""
    if text is None:
        return None
    usable = max(width - _DESCRIPTION_LABEL - 1, 20)
    return ("\n" + " " * _DESCRIPTION_LABEL).join(textwrap.wrap(text, usable)) or text


def ask(question: Question, *, input: Input | None = None, output: Output | None = None) -> str:
    """Ask `question` and return the chosen option's value, or the text typed."""
    if output is None:
        output = _prompt_output()
    io: dict[str, Any] = {"input": input, "output": output}
    for index, line in enumerate(question.preamble):
        questionary.print(line, style="bold" if index == 0 else "", output=output)
    if question.kind == "select":
        width = _width(output)
        choices = [questionary.Choice(o.title, value=o.value, description=_wrap(o.description, width)) for o in question.options]
        prompt = questionary.select(
            question.message,
            choices=choices,
            default=question.default,
            instruction=t("q.instruction"),
            style=STYLE,
            **io,
        )
    else:
        validator = _Check(question.validate) if question.validate else None
        prompt = questionary.text(question.message, default=question.default or "", validate=validator, style=STYLE, **io)
    try:
        answer = prompt.unsafe_ask()
    except EOFError:
        # Ctrl-D, or the terminal went away: the same as an interrupt for the user.
        raise Interrupted(t("err.interrupted")) from None
    return str(answer)
