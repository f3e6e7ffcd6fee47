"""The `kit` application: the Typer app, its commands, and the one boundary where every run ends.

`KitGroup` is that boundary. When a run begins (`make_context` of the root) it chooses the language once,
makes the run's `Console` and writes every help text in that language; every ending other than success
— the program's own errors, « nothing matched » included, click's usage errors, Ctrl-C, a closed pipe —
is caught in `KitGroup` (or, for what happens while the root parses its own options, in `main`) and
told in one place, `fail`.

Start-up matters: this module imports Typer and nothing heavy; pydantic is imported when a kit is loaded,
rich when a table is drawn, questionary when the guide really asks a question. Command modules do not use
`from __future__ import annotations`: Typer would then evaluate every string annotation at each start.
"""

import sys
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperCommand, TyperGroup, TyperOption

from .. import compat, i18n, version_line
from ..compat.typer import Command as ClickCommand
from ..compat.typer import Context as ClickContext
from ..compat.typer import HelpFormatter, NoArgsIsHelpError
from ..compat.typer import Parameter as ClickParameter
from ..compat.typer import UsageError as ClickUsageError
from ..errors import ExitCode, InternalError, Interrupted, KitError, StdoutError, UsageError
from ..formats import OFFERED
from ..i18n import choose_language, os_reason, t
from ..text import no_surrogates
from . import options, shell_completion
from .click_text import KitHelpFormatter, unknown_command, usage_message, write_example
from .commands import COMMANDS
from .console import Console, prepare_streams, silence_stdout


def _key(holder: Any, attribute: str) -> str | None:
    """The catalogue key a help text or metavar was declared with (kept aside the first time it is translated).

    Every help text and metavar of `kit` is declared as a key: one that the catalogue lacks (`help="help.undoo"`)
    stops every run at its start, so that no test can pass while a help page prints the key itself.
    """
    keys: dict[str, str] = holder.__dict__.setdefault("_kit_help_keys", {})
    if attribute not in keys:
        value = getattr(holder, attribute, None)
        if value is None:
            return None
        if not isinstance(value, str) or not i18n.has(value):
            name = getattr(holder, "name", None) or type(holder).__name__
            raise LookupError(f"{name}: {attribute}={value!r} is not a key of the message catalogue (i18n.MESSAGES)")
        keys[attribute] = value
    return keys[attribute]


def translate_help(command: ClickCommand, name: str | None = None) -> None:
    """Write the help of `command`, its parameters and its subcommands in the run's language."""
    key = _key(command, "help")
    if key is not None:
        command.help = t(key)
    for param in command.params:
        metavar = _key(param, "metavar")
        if metavar is not None:
            param.metavar = t(metavar)
        key = _key(param, "help")
        if key == "help.format":
            formats = OFFERED.get(name or "")
            if formats is None:  # its help would say « Format de sortie : . » and its `--format` take nothing
                raise LookupError(f"{name}: a --format option, but no formats in formats.OFFERED")
            param.help = t(key, formats=", ".join(f.value for f in formats))  # type: ignore[attr-defined]
        elif key is not None:
            param.help = t(key)  # type: ignore[attr-defined]
    if isinstance(command, TyperGroup):
        command.subcommand_metavar = t("click.subcommand_metavar")
        for sub_name, sub in command.commands.items():
            translate_help(sub, sub_name)


class KitContext(typer.Context):
    """A context whose help pages are written with the catalogue's words (Usage, Options, default…)."""

    formatter_class = KitHelpFormatter


class _Translated(ClickCommand):
    """What KitCommand and KitGroup share: help in the catalogue's words, usage errors that know their command."""

    context_class = KitContext

    def get_help_option(self, ctx: ClickContext) -> TyperOption | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = t("click.help_option")
        return option

    def format_epilog(self, ctx: ClickContext, formatter: HelpFormatter) -> None:
        # Every page ends with examples (clig.dev), each what it does as a shell comment, then the command
        # line as it is typed: a reader may copy both lines into a shell.
        rows = i18n.examples(ctx.info_name if ctx.parent is not None and ctx.info_name else "kit")
        if rows:
            with formatter.section("Examples"):
                for number, (command, does) in enumerate(rows):
                    if number:
                        formatter.write_paragraph()
                    write_example(formatter, command, does)

    def parse_args(self, ctx: ClickContext, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except ClickUsageError as exc:
            # click's parser raises some (an option missing its value) without a context; the hint needs it.
            if exc.ctx is None:
                exc.ctx, exc.cmd = ctx, ctx.command
            raise


class KitCommand(_Translated, TyperCommand):
    """Every `kit` command: Typer's command, its help page in the program's language."""

    def get_short_help_str(self, limit: int = 45) -> str:
        # Whole, wrapped by the help formatter: click would cut it at `limit` (« …descriptions et... »).
        return " ".join((self.short_help or self.help or "").split())

    def collect_usage_pieces(self, ctx: ClickContext) -> list[str]:
        # `kit path [OPTIONS] NOM`: arguments by their name in the help's language, optional ones in brackets.
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = param.metavar or (param.name or "").upper()
                pieces.append(name if param.required else f"[{name}]")
        return pieces

    def format_options(self, ctx: ClickContext, formatter: HelpFormatter) -> None:
        # Typer's own, but an argument is listed by its name alone: its value's type (« <str> ») says nothing more.
        arguments, opts = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                arguments.append((param.metavar or (param.name or "").upper(), record[1]))
            else:
                opts.append(record)
        for heading, rows in (("Arguments", arguments), ("Options", opts)):
            if rows:
                with formatter.section(heading):
                    formatter.write_dl(rows)


class KitGroup(_Translated, TyperGroup):
    """The root of `kit`: where a run begins (language, console, help) and where every ending is told."""

    def make_context(
        self, info_name: str | None, args: list[str], parent: ClickContext | None = None, **extra: Any
    ) -> ClickContext:
        if parent is None:
            i18n.set_lang(choose_language(args))
            translate_help(self)
            if extra.get("obj") is None:
                extra["obj"] = Console()
            # Arguments that were not UTF-8 carry lone surrogates: made U+FFFD once, here, so that no
            # output (terminal, message, export) ever receives one.
            args = [no_surrogates(arg) for arg in args]
        given = extra.get("obj")
        console = given if isinstance(given, Console) else Console()
        try:
            return super().make_context(info_name, args, parent, **extra)
        except NoArgsIsHelpError:
            raise  # bare `kit`: click prints the help (translated) on stderr and exits 2
        except ClickUsageError as exc:
            # The root's own options (`kit --bogus`) fail here, before invoke: answer here, as invoke would.
            fail(UsageError(usage_message(exc)), console)
        except OSError as exc:
            # `--help` and `--version` write while the root parses its options, before invoke.
            stdout_failure(exc, console)

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        console = options.console(ctx)
        try:
            return super().invoke(ctx)
        except KitError as exc:
            fail(exc, console)
        except (NoArgsIsHelpError, typer.Exit):
            raise  # help pages and --version end the run themselves
        except ClickUsageError as exc:
            # A command's options and arguments are parsed here (and the command's name resolved).
            fail(UsageError(usage_message(exc)), console)
        except (KeyboardInterrupt, typer.Abort):
            fail(Interrupted(t("err.interrupted")), console)
        except OSError as exc:
            stdout_failure(exc, console)
        except Exception as exc:  # noqa: BLE001 - a bug must still end in one sentence, not a traceback
            fail(InternalError(compat.explain(exc) or t("err.internal", error=type(exc).__name__)), console)

    def resolve_command(self, ctx: ClickContext, args: list[str]) -> tuple[str | None, ClickCommand | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except ClickUsageError as exc:
            # Only click's plain UsageError means « no such command »; `kit -- --bogus` stays a NoSuchOption.
            if type(exc) is not ClickUsageError or not args:
                raise
            raise UsageError(unknown_command(ctx, args[0])) from None

    def list_commands(self, ctx: ClickContext) -> list[str]:
        # In the order they are declared: the guide first, then the reading commands, the kit-file tools last.
        return list(self.commands)

    def get_params(self, ctx: ClickContext) -> list[ClickParameter]:
        return super().get_params(ctx)


def stdout_failure(exc: OSError, console: Console) -> NoReturn:
    """End a run whose writing failed: a closed pipe silently (exit 0), stdout closed or full with one line."""
    import errno

    if isinstance(exc, BrokenPipeError):
        # The reader (e.g. `head`) stopped reading: not an error of ours, and nothing to say.
        silence_stdout()
        raise SystemExit(ExitCode.OK) from None
    if not _is_stdout_failure(exc):
        fail(InternalError(t("err.internal", error=type(exc).__name__)), console)
    silence_stdout()
    reason = t("err.stdout_closed") if exc.errno == errno.EBADF else os_reason(exc)
    fail(StdoutError(t("err.stdout", reason=reason)), console)


def _is_stdout_failure(exc: OSError) -> bool:
    """Whether an OSError came from writing the results (stdout closed or full), not from a file of the user."""
    import errno

    return exc.errno in (errno.ENOSPC, errno.EBADF, errno.EPIPE, errno.EIO) and getattr(exc, "filename", None) is None


def fail(exc: KitError, console: Console) -> NoReturn:
    """Tell how the run ends, on stderr, and end it with the exception's exit code (`Console.end`)."""
    console.end(exc)


app = typer.Typer(
    cls=KitGroup,
    help="help.app",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
shell_completion.install(app)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(version_line())
        sys.stdout.flush()
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", "-V", help="help.version", callback=_version, is_eager=True)] = False,
    kit_file: options.KitOpt = None,
    lang: options.LangOpt = None,
) -> None:
    """Guide du kit « co-construction territoriale » du RAMEAU."""
    options.check_lang(lang)


for _name, _function in COMMANDS:
    app.command(_name, help=f"help.{_name}", cls=KitCommand)(_function)


def main() -> None:
    """Entry point of the `kit` script and of `python -m coconstruct_cli`."""
    prepare_streams()
    try:
        app(prog_name="kit")
    except OSError as exc:  # pragma: no cover - the boundary above catches them first
        stdout_failure(exc, Console())
    except Exception as exc:  # noqa: BLE001 - Typer builds the commands before the boundary exists
        compat.fail_to_start(exc)
