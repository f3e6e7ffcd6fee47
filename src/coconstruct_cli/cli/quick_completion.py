"""Shell completion answered before Typer and pydantic are imported: the TAB people press most.

`kit show an<TAB>`, `kit show animer:<TAB>`, `kit path <TAB>`, `kit list -c <TAB>`, `kit guide --role <TAB>`:
`launch` hands the command line the shell sends (`_KIT_COMPLETE=complete_<shell>`) to `answer`, which finds
what is being typed — a command's argument or an option's value — in `completion_table.TABLE` (generated
from the Typer app, a test keeps them equal), calls the function the Typer app calls for it
(`completion.COMPLETERS`), and writes the candidates as the Typer path writes them (`line`, `bash_word`).
About 25 ms instead of 130.

Whatever it cannot tell for sure it leaves to Typer, which answers as it always has (`answer` returns
None): a command's or an option's name, the root's own options (`kit --kit F show …`), `--`, `-fjson`,
`=`, an option the table does not know, a value without a completion function (a file, a query),
`kit help <TAB>`. The two paths give the same lines: tests/cli/test_quick_completion.py compares them
for every command, argument and option of the table, in the three shells.

This module imports no Typer, no pydantic and no rich; `shell_completion` (the Typer path) takes its
line formatting and word splitting from here, so that both paths write candidates one way.
"""

from __future__ import annotations

import os
import re
import shlex
from collections.abc import Mapping
from typing import Any

SHELL_OF: dict[str, str] = {"complete_bash": "bash", "complete_zsh": "zsh", "complete_fish": "fish"}
"""The instruction in `_KIT_COMPLETE` and the shell it is for."""

# What bash must not see unescaped in a word it inserts: anything but letters, digits and a few
# harmless signs (`;`, `|`, `$`, quotes, spaces, globs… would change the command line's meaning).
_BASH_SAFE = re.compile(r"[\w\-.,:/@+=%]")


def bash_word(value: str) -> str:
    """`value` as one bash word, each unsafe character escaped with a backslash (like printf %q)."""
    return "".join(c if _BASH_SAFE.fullmatch(c) else f"\\{c}" for c in value)


def line(value: object, help_text: object, with_help: bool) -> str:
    """One line for the shell: the value, then a tab and the help when there is one (both cleaned)."""
    from .completion import clean

    shown = clean(str(value))
    if not shown:
        return ""
    described = clean(help_text) if with_help and isinstance(help_text, str) else ""
    return f"{shown}\t{described}" if described else shown


def split_arg_string(string: str) -> list[str]:
    """The words of a command line as a POSIX shell splits them, the last one kept as typed when a quote
    or an escape is left open (the word being typed). The splitting click's completion uses."""
    lex = shlex.shlex(string, posix=True)
    lex.whitespace_split = True
    lex.commenters = ""
    out: list[str] = []
    try:
        for token in lex:
            out.append(token)
    except ValueError:  # the end came inside a quote or after a backslash: the partial word as it is
        out.append(lex.token)
    return out


class BashLine:
    """The command line bash hands over (COMP_WORDS, COMP_CWORD), with « animer:1 » glued back whole.

    A plain class, not a dataclass: `dataclasses` (and `inspect` through it) would double the import time.
    """

    def __init__(self, args: list[str], incomplete: str, replaced_from: int) -> None:
        self.args = args
        """The words before the one being typed, the program's name left out."""
        self.incomplete = incomplete
        self.replaced_from = replaced_from
        """Where, in a candidate, the part bash replaces begins (after « animer: »): bash breaks words at « : »."""


def bash_line(env: Mapping[str, str]) -> BashLine:
    words = split_arg_string(env.get("COMP_WORDS", ""))
    try:
        cword = int(env.get("COMP_CWORD", ""))
    except ValueError:
        cword = len(words)
    if not 0 <= cword <= len(words):
        cword = len(words)
    # bash breaks words at « : » (COMP_WORDBREAKS): « animer:1 » arrives as « animer », « : », « 1 ».
    # Glued back, it is completed whole; bash replaces only the text after the last « : ».
    tokens = [*words[:cword], words[cword] if cword < len(words) else ""]
    glued: list[str] = []
    colon = False
    for token in tokens:
        if token == ":" and glued:
            glued[-1] += ":"
            colon = True
        elif colon:
            glued[-1] += token
            colon = False
        else:
            glued.append(token)
    incomplete = glued[-1]
    replaced_from = incomplete.rfind(":") + 1 if ":" in tokens[1:] else 0
    return BashLine(glued[1:-1], incomplete, replaced_from)


def typed_words(env: Mapping[str, str], variable: str = "_TYPER_COMPLETE_ARGS") -> tuple[list[str], str]:
    """The words before the cursor, and the one being typed, from zsh's or fish's command line."""
    text = env.get(variable, "")
    words = split_arg_string(text)[1:]
    if words and not text.endswith(" "):
        return words[:-1], words[-1]
    return words, ""


class Given:
    """The values the command line already gives, as a completion function reads them (`completion.Line`)."""

    def __init__(self) -> None:
        self.params: dict[str, Any] = {}


def _target(args: list[str], incomplete: str) -> tuple[str, str, Given] | None:
    """The command and the completion function for what is being typed, with the values given before
    it; None when only Typer can tell (see the module's docstring)."""
    from .completion_table import TABLE

    if not args or args[0] not in TABLE or incomplete.startswith("-") or "=" in incomplete:
        return None
    command = TABLE[args[0]]
    options: dict[str, list[Any]] = command["options"]
    given = Given()
    positionals = 0
    rest = args[1:]
    index = 0
    while index < len(rest):
        word = rest[index]
        index += 1
        if word == "--" or word == "=" or (word.startswith("-") and not word.startswith("--") and len(word) > 2):
            return None
        if not word.startswith("-") or word == "-":
            positionals += 1
            continue
        name, equals, value = word.partition("=")
        if name not in options:
            return None
        param, takes_value, completer = options[name]
        if not takes_value:
            if equals:
                return None
            continue
        if not equals:
            if index == len(rest):  # the option's value is what is being typed
                return (args[0], completer, given) if completer else None
            value = rest[index]
            index += 1
            if value.startswith("-"):  # « --format --kit »: which one click completes is its call
                return None
        given.params[param] = value
    arguments: list[list[Any]] = command["arguments"]
    for _, nargs, completer in arguments:
        if nargs == -1 or positionals == 0:
            return (args[0], completer, given) if completer else None
        positionals -= 1
    return None


def candidates(shell: str, args: list[str], incomplete: str, replaced_from: int = 0) -> str | None:
    """The lines the shell reads for what is being typed, or None to leave it to Typer."""
    found = _target(args, incomplete)
    if found is None:
        return None
    command, completer, given = found
    from .. import i18n
    from ..text import no_surrogates
    from .completion import COMPLETERS, complete_format

    # The language as the Typer path chooses it (`KitGroup.make_context`): --lang on the line, else the environment.
    i18n.set_lang(i18n.choose_language([no_surrogates(a) for a in args]))
    if completer == "format":
        from ..formats import OFFERED

        items: list[Any] = list(complete_format(tuple(OFFERED[command]))(incomplete))
    else:
        items = list(COMPLETERS[completer](given, incomplete))
    lines = []
    for item in items:
        value, help_text = item if isinstance(item, tuple) else (item, None)
        if not str(value).startswith(incomplete):
            continue
        if shell == "bash":
            lines.append(bash_word(line(value, None, with_help=False)[replaced_from:]))
        else:
            lines.append(line(value, help_text, with_help=True))
    return "\n".join(shown for shown in lines if shown)


def answer(env: Mapping[str, str] | None = None) -> tuple[str, int] | None:
    """What to write and the exit status, for the completion request in `env` (`_KIT_COMPLETE`), or None
    to leave it to Typer. fish asks twice: « is there anything? » (the status alone), then the candidates."""
    env = os.environ if env is None else env
    shell = SHELL_OF.get(env.get("_KIT_COMPLETE", ""))
    if shell is None:
        return None
    if shell == "bash":
        bash = bash_line(env)
        found = candidates(shell, bash.args, bash.incomplete, bash.replaced_from)
    else:
        args, incomplete = typed_words(env)
        found = candidates(shell, args, incomplete)
    if found is None:
        return None
    if shell == "fish" and env.get("_TYPER_COMPLETE_FISH_ACTION") == "is-args":
        return "", 0 if found else 1
    return f"{found}\n", 0
