"""What Typer's vendored click writes by itself, in the program's language: usage errors and help pages.

Typer builds these texts from fixed English words (`gettext` with no catalogue). The help page is
translated piece by piece as click writes it, through a `HelpFormatter`: the finished page could not
be, since click has by then wrapped « [env var: KIT_LANG] » over two lines, and the French words
are then wrapped to their own length. A usage error becomes one sentence of the catalogue, built from
the exception's data (option name, close matches, parameter) wherever click gives it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from typer.core import TyperGroup, TyperOption

from ..compat.typer import BadOptionUsage, BadParameter, Context, HelpFormatter, MissingParameter, NoSuchOption, UsageError
from ..i18n import t

# Headings click writes with `formatter.section(...)`, as Typer spells them.
_HEADINGS = {"Arguments": "click.arguments", "Options": "click.options", "Commands": "click.commands",
             "Examples": "click.examples"}  # fmt: skip
# Patterns as text: `re` compiles them the first time a help page or an error needs one, not at start-up.
# A hyphen inside a word (« ne-sais-pas »): the help is wrapped as if it could not break there.
_WORD_HYPHEN = r"(?<=\w)-(?=\w)"
_NO_BREAK_HYPHEN = "\u2011"
# A missing argument, told with what it names: (command, parameter) -> catalogue key.
_ARGUMENTS = {("path", "name"): "arg.path_name", ("show", "doc_id"): "arg.doc_id", ("search", "query"): "arg.search_query",
              ("validate", "file"): "arg.validate_file"}  # fmt: skip
# click's own wording for the two usage errors it raises without data of their own.
_MISSING_COMMAND = "Missing command."
_EXTRA_ARGS = ("Got unexpected extra argument(s) (", ")")
# Typer's path checks (`_param_types.coerce_cli_path`): « file '/tmp' is a directory. »
_PATH_PROBLEM = (r"^(?:file|dir|path) (?P<path>'.*'|\".*\") (?P<problem>is a directory|is a file|does not exist|"
                 r"is not readable|is not writable)\.$")  # fmt: skip
_PATH_PROBLEMS = {"is a directory": "click.path_is_dir", "is a file": "click.path_is_file",
                  "does not exist": "click.path_missing", "is not readable": "click.path_unreadable",
                  "is not writable": "click.path_unwritable"}  # fmt: skip


class KitHelpFormatter(HelpFormatter):
    """click's help formatter, writing its fixed words from the catalogue."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, f"{t('click.usage')} " if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        key = _HEADINGS.get(heading)
        if key is None:
            super().write_heading(heading)
        else:
            self.write(f"{'':>{self.current_indent}}{t(key)}\n")

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        start = len(self.buffer)
        super().write_dl([(term, _unbreakable(notes(text))) for term, text in rows], col_max, col_spacing)
        self._restore_hyphens(start)

    def write_text(self, text: str) -> None:
        start = len(self.buffer)
        super().write_text(_unbreakable(text))
        self._restore_hyphens(start)

    def _restore_hyphens(self, start: int) -> None:
        # Wrapped: the words are whole on their lines, and a reader who copies « ne-sais-pas » gets a real hyphen.
        self.buffer[start:] = [part.replace(_NO_BREAK_HYPHEN, "-") for part in self.buffer[start:]]


def write_example(formatter: HelpFormatter, command: str, does: str) -> None:
    """One example of a help page: what it does as shell comments (each wrapped line one), then the command whole."""
    import textwrap

    indent = " " * formatter.current_indent
    width = max((formatter.width or 80) - formatter.current_indent, 20)
    for line in textwrap.wrap(does, width, initial_indent="# ", subsequent_indent="# ", break_on_hyphens=False):
        formatter.write(f"{indent}{line}\n")
    formatter.write(f"{indent}{command}\n")


def _unbreakable(text: str) -> str:
    """`text` with its in-word hyphens made non-breaking, so that click's wrapping keeps « ne-sais-pas » whole."""
    return re.sub(_WORD_HYPHEN, _NO_BREAK_HYPHEN, text)


def notes(text: str) -> str:
    """A parameter's help with click's closing « [env var: X; default: Y; required] » translated.

    Left as it is when a part is not one click writes, so that nothing is half translated.
    """
    if not text.endswith("]"):
        return text
    start = text.rfind("  [")
    if start >= 0:
        body, inside = text[: start + 2], text[start + 3 : -1]
    elif text.startswith("["):
        body, inside = "", text[1:-1]
    else:
        return text
    parts = []
    for part in inside.split("; "):
        name, colon, value = part.partition(": ")
        if part == "required":
            parts.append(t("click.required"))
        elif colon and name == "default":
            # Typer puts a default given as text in parentheses: « (table) ».
            shown = value[1:-1] if value.startswith("(") and value.endswith(")") else value
            parts.append(t("click.default", value=shown))
        elif colon and name == "env var":
            parts.append(t("click.envvar", name=value))
        else:
            return text
    return f"{body}[{'; '.join(parts)}]"


def usage_message(exc: UsageError) -> str:
    """One sentence (or two) for a click usage error, with the nearest names and where to find help."""
    if isinstance(exc, NoSuchOption):
        text = t("err.unknown", what=t("what.option"), value=_shown(exc.option_name))
        if exc.possibilities:
            text += t("err.did_you_mean", names=", ".join(exc.possibilities))
    elif isinstance(exc, MissingParameter):
        text = _missing(exc)
    elif isinstance(exc, BadParameter):
        text = _bad_value(exc)
    elif isinstance(exc, BadOptionUsage):
        text = _bad_option_usage(exc)
    elif exc.message == _MISSING_COMMAND and exc.ctx is not None:
        text = t("click.missing_command", names=", ".join(visible_commands(exc.ctx)))
    elif exc.message.startswith(_EXTRA_ARGS[0]) and exc.message.endswith(_EXTRA_ARGS[1]):
        extra = exc.message[len(_EXTRA_ARGS[0]) : -len(_EXTRA_ARGS[1])]
        text = t("click.extra_arguments", args=_shown(extra), count=len(extra.split()))
    else:
        text = exc.format_message()
    return text + help_hint(exc.ctx)


def unknown_command(ctx: Context, name: str) -> str:
    """« Unknown command: 'lst'. Did you mean: list? Help: kit -h. »"""
    from ..names import unknown_message

    commands = visible_commands(ctx)
    return unknown_message(name, commands, "command", commands) + help_hint(ctx)


def visible_commands(ctx: Context) -> list[str]:
    group = ctx.command
    if not isinstance(group, TyperGroup):
        return []
    return [name for name, command in group.commands.items() if not command.hidden]


def help_hint(ctx: Context | None) -> str:
    """« Help: kit list -h. », when the command has a help option."""
    if ctx is None or ctx.command.get_help_option(ctx) is None:
        return ""
    return t("click.help_hint", command=f"{ctx.command_path} {ctx.help_option_names[0]}")


def _shown(value: str) -> str:
    """Something the user typed, safe for one line of the terminal."""
    from ..text import one_line

    return one_line(value)[:80]


def _missing(exc: MissingParameter) -> str:
    param = exc.param
    if param is None:
        return exc.format_message()
    if param.param_type_name == "option":
        return t("click.missing_option", name=" / ".join(param.opts))
    name = param.display_name_raw
    command = exc.ctx.info_name if exc.ctx is not None else None
    what = _ARGUMENTS.get((command or "", param.name or ""))
    if what is None:
        return t("click.missing_argument", name=name)
    text = t("click.missing_named", name=name, what=t(what))
    if what == "arg.path_name":
        values = _path_values(exc.ctx)
        if values:
            text += " " + t("arg.values", values=values)
    elif what == "arg.doc_id":
        text += " " + t("arg.see_list")
    return text


def _path_values(ctx: Context | None) -> str:
    """The kit's reading paths, « understand (comprendre), … », or nothing when the kit cannot be read."""
    from ..errors import KitError
    from .options import kit_path

    if ctx is None:
        return ""
    path = kit_path(ctx, ctx.params.get("kit_file"))  # type: ignore[arg-type]
    if path is not None and str(path) == "-":
        return ""  # standard input is the user's to give, not ours to read for an error message
    try:
        from ..loader import load_kit

        kit = load_kit(path)
    except KitError:
        return ""
    return ", ".join(f"{p.id} ({p.alias})" for p in kit.paths)


def _bad_value(exc: BadParameter) -> str:
    param = exc.param
    if param is None:
        return exc.format_message()
    name = " / ".join(param.opts) if param.param_type_name == "option" else param.display_name_raw
    problem = re.match(_PATH_PROBLEM, exc.message)
    if problem is None:
        # Another check of Typer's (none of kit's options has one today): its words, as they are.
        return t("click.bad_value", name=name, reason=exc.message.rstrip("."))
    return t("click.bad_value", name=name, reason=t(_PATH_PROBLEMS[problem["problem"]], path=_shown(problem["path"][1:-1])))


def _bad_option_usage(exc: BadOptionUsage) -> str:
    name = _shown(exc.option_name)
    ctx = exc.ctx
    if ctx is None:
        return exc.format_message()
    for param in ctx.command.get_params(ctx):
        if isinstance(param, TyperOption) and exc.option_name in (*param.opts, *param.secondary_opts):
            return t("click.takes_no_value" if param.is_flag else "click.needs_value", name=name)
    return exc.format_message()
