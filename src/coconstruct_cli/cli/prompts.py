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

from ..compat.questionary import relabel_descriptions
from ..errors import Interrupted
from ..i18n import colon, t
from ..text import for_terminal

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
            raise ValidationError(message=for_terminal(error), cursor_position=len(document.text))


def _prompt_output() -> Output | None:
    """Where prompts are drawn: the terminal; on stderr when stdout is a pipe, so results stay clean."""
    try:
        if sys.stdout.isatty():
            return None
    except (AttributeError, ValueError):
        pass
    from prompt_toolkit.output import create_output

    return create_output(stdout=sys.stderr)


# questionary shows a description as « Description: … » on lines it does not wrap; the label is put in the
# interface's language (`_relabel`), and the lines are wrapped under its end.
_DESCRIPTION_LABEL = len("  Description\u00a0: ")


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
    return ("\n" + " " * _DESCRIPTION_LABEL).join(textwrap.wrap(text, usable, break_on_hyphens=False)) or text


# The pointer « » » and its spaces, before a choice's title.
_POINTER = 3


def _wrap_title(title: str, width: int, shortcut: bool = False) -> str:
    """A choice's title on as many lines as it needs, cut between words, continued under its first word
    (after questionary's « 1) » when the choice has a number key)."""
    indent = _POINTER + (_SHORTCUT if shortcut else 0)
    usable = max(width - indent - 1, 20)
    return ("\n" + " " * indent).join(textwrap.wrap(title, usable, break_on_hyphens=False)) or title


_SHORTCUT = 3
"""questionary's « 1) » before a choice that has a number key."""
SHORTCUTS = 9
"""A choice among at most this many has a number key (1 to 9); a longer list is filtered by typing."""


def _relabel(prompt: Any) -> None:
    """questionary's « Description: » label, written in the interface's language."""
    relabel_descriptions(prompt, f"  {colon(t('q.description'))} ".ljust(_DESCRIPTION_LABEL))


def _instruction(message: str, width: int, shortcuts: bool) -> str:
    """The keys to press, shortened (or left out) when the question line would not fit the screen."""
    for key in ("q.instruction_keys" if shortcuts else "q.instruction_filter", "q.instruction", "q.instruction_short"):
        if len(message) + len(t(key)) + 4 <= width:
            return t(key)
    return " "


def _escape_leaves(prompt: Any, value: str) -> None:
    """Esc answers `value` (« quit » in the menu, « back » in a sub-choice) instead of doing nothing."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    extra = KeyBindings()

    @extra.add("escape", eager=True)
    def _leave(event: Any) -> None:
        event.app.exit(result=value)

    app = prompt.application
    app.key_bindings = merge_key_bindings([app.key_bindings, extra]) if app.key_bindings else extra


def ask(question: Question, *, input: Input | None = None, output: Output | None = None) -> str:
    """Ask `question` and return the chosen option's value, or the text typed.

    Every text shown goes through the terminal sanitizer first: a kit file's titles cannot send control,
    C1 or bidi characters to the terminal through a prompt.
    """
    if output is None:
        output = _prompt_output()
    io: dict[str, Any] = {"input": input, "output": output}
    width = _width(output)
    for index, line in enumerate(question.preamble):
        questionary.print(_wrap_line(for_terminal(line), width), style="bold" if index == 0 else "", output=output)
    message = for_terminal(question.message)
    if question.kind == "select":
        # A short list: the number key of a choice points at it; a long one (« Quel document ? »): the letters
        # typed filter the titles (and their numbers). Never j and k, which would be taken for letters.
        shortcuts = len(question.options) <= SHORTCUTS
        choices = [
            questionary.Choice(
                _wrap_title(for_terminal(o.title), width, shortcuts),
                value=o.value,
                description=_wrap(for_terminal(o.description) if o.description else None, width),
                shortcut_key=str(index) if shortcuts else None,
            )
            for index, o in enumerate(question.options, start=1)
        ]
        prompt = questionary.select(
            message,
            choices=choices,
            default=question.default,
            instruction=_instruction(message, width, shortcuts),
            style=STYLE,
            use_shortcuts=shortcuts,
            use_jk_keys=False,
            use_search_filter=not shortcuts,
            **io,
        )
    else:
        validator = _Check(question.validate) if question.validate else None
        prompt = questionary.text(message, default=question.default or "", validate=validator, style=STYLE, **io)
    if question.escape is not None:
        _escape_leaves(prompt, question.escape)
    if question.kind == "select":
        _relabel(prompt)
    # questionary leaves « ? question answer » on one line that the terminal would cut inside a word:
    # the question is erased when answered, and the line written again, wrapped between words.
    prompt.application.erase_when_done = True
    try:
        answer = prompt.unsafe_ask()
    except EOFError:
        # Ctrl-D, or the terminal went away: the same as an interrupt for the user.
        raise Interrupted(t("err.interrupted")) from None
    shown = next((o.title for o in question.options if o.value == answer), str(answer))
    _echo(message, for_terminal(shown), width, output)
    return str(answer)


def _wrap_line(line: str, width: int) -> str:
    """A line of text cut between words to fit the terminal, continued under its first word."""
    indent = " " * (len(line) - len(line.lstrip(" ")) + 2)
    return "\n".join(textwrap.wrap(line, max(width - 1, 20), subsequent_indent=indent, break_on_hyphens=False)) or line


def _echo(message: str, answer: str, width: int, output: Output | None) -> None:
    """« ? Question Answer », as questionary writes it, wrapped between words."""
    from prompt_toolkit import print_formatted_text
    from prompt_toolkit.formatted_text import FormattedText

    lines = textwrap.wrap(f"? {message} {answer}", max(width - 1, 20), subsequent_indent="  ", break_on_hyphens=False)
    text = "\n".join(lines)
    head = len(message) + 2
    fragments = [("class:qmark", text[:1]), ("class:question", text[1:head]), ("class:answer", text[head:])]
    print_formatted_text(FormattedText(fragments), style=STYLE, output=output)
