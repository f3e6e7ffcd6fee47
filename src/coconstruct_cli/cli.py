"""The `kit` command: a thin Typer adapter over the loader, the queries and the renderers.

Startup matters: this module imports Typer and nothing heavy; pydantic is imported when a kit is
loaded, rich when a table is drawn, questionary when the guide really asks a question. Command
modules do not use `from __future__ import annotations`: Typer would then evaluate every string
annotation of every command at each start (~5 ms).
"""

import os
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from typer._click import Command as ClickCommand
from typer._click import Context as ClickContext
from typer._click import Parameter as ClickParameter
from typer.core import TyperCommand, TyperGroup, TyperOption

from . import formats, i18n
from .click_text import KitHelpFormatter, unknown_command, usage_message
from .completion import complete_category, complete_document, complete_path, complete_role
from .errors import ExitCode, Interrupted, KitError, UsageError
from .i18n import t
from .launch import version_line
from .output import message, write_stdout

# Help texts are written when the commands and the shared options are declared, before Typer parses
# --lang: look for it, before `options` is imported.
i18n.set_lang(i18n.from_argv(sys.argv[1:]) or i18n.detect())

from . import options  # noqa: E402  (its help texts are written at import, in the language just chosen)

# Typer's --install-completion and --show-completion, by the names of its placeholder parameters.
_COMPLETION_HELP = {"install_completion": "click.install_completion", "show_completion": "click.show_completion"}


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

    def parse_args(self, ctx: ClickContext, args: list[str]) -> list[str]:
        from typer._click.exceptions import UsageError as ClickUsageError

        try:
            return super().parse_args(ctx, args)
        except ClickUsageError as exc:
            # click's parser raises some (an option missing its value) without a context; the hint needs it.
            if exc.ctx is None:
                exc.ctx, exc.cmd = ctx, ctx.command
            raise


class KitCommand(_Translated, TyperCommand):
    """Every `kit` command: Typer's command, its help page in the program's language."""


class KitGroup(_Translated, TyperGroup):
    """Catches the program's own errors and click's usage errors once, for every command, in-process and installed alike."""

    def make_context(
        self, info_name: str | None, args: list[str], parent: ClickContext | None = None, **extra: Any
    ) -> ClickContext:
        from typer._click.exceptions import NoArgsIsHelpError
        from typer._click.exceptions import UsageError as ClickUsageError

        if parent is None:
            # An in-process run (CliRunner) starts here without importing this module again.
            i18n.set_lang(i18n.from_argv(args) or i18n.detect())
        try:
            return super().make_context(info_name, args, parent, **extra)
        except NoArgsIsHelpError:
            raise  # bare `kit`: click prints the help (translated) on stderr and exits 2
        except ClickUsageError as exc:
            # The root's own options (`kit --bogus`) fail here, before invoke: answer here, as invoke would.
            _fail(UsageError(usage_message(exc)))

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        from typer._click.exceptions import NoArgsIsHelpError
        from typer._click.exceptions import UsageError as ClickUsageError

        try:
            return super().invoke(ctx)
        except KitError as exc:
            _fail(exc)
        except NoArgsIsHelpError:
            raise
        except ClickUsageError as exc:
            # A command's options and arguments are parsed here (and the command's name resolved).
            _fail(UsageError(usage_message(exc)))
        except (KeyboardInterrupt, typer.Abort):
            _fail(Interrupted(t("err.interrupted")))
        except BrokenPipeError:
            # The reader (e.g. `head`) stopped reading: not an error of ours, and nothing to say.
            _silence_stdout()
            raise SystemExit(ExitCode.OK) from None

    def resolve_command(self, ctx: ClickContext, args: list[str]) -> tuple[str | None, ClickCommand | None, list[str]]:
        from typer._click.exceptions import UsageError as ClickUsageError

        try:
            return super().resolve_command(ctx, args)
        except ClickUsageError as exc:
            # Only click's plain UsageError means « no such command »; `kit -- --bogus` stays a NoSuchOption.
            if type(exc) is not ClickUsageError or not args:
                raise
            raise UsageError(unknown_command(ctx, args[0])) from None

    def collect_usage_pieces(self, ctx: ClickContext) -> list[str]:
        # « COMMAND [ARGS]... » is written when the help is, in the language of this run.
        self.subcommand_metavar = t("click.subcommand_metavar")
        return super().collect_usage_pieces(ctx)

    def get_params(self, ctx: ClickContext) -> list[ClickParameter]:
        params = super().get_params(ctx)
        for param in params:
            key = _COMPLETION_HELP.get(param.name)
            if key is not None and isinstance(param, TyperOption):
                param.help = t(key)
        return params


def _fail(exc: KitError) -> NoReturn:
    if os.environ.get("KIT_DEBUG"):
        import traceback

        traceback.print_exc()
    if isinstance(exc, Interrupted):
        message(exc.message)
    else:
        colon = " :" if i18n.get_lang() == "fr" else ":"
        message(f"{t('err.prefix')}{colon} {exc.message}")
    raise SystemExit(int(exc.exit_code))


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


app = typer.Typer(
    cls=KitGroup,
    help=t("help.app"),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        write_stdout(version_line())
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", "-V", help=t("help.version"), callback=_version, is_eager=True)] = False,
) -> None:
    """Guide du kit « co-construction territoriale » du RAMEAU."""


@app.command("list", help=t("help.list"), cls=KitCommand)
def list_(
    category: Annotated[
        str | None, typer.Option("--category", "-c", help=t("help.category"), autocompletion=complete_category)
    ] = None,
    path: Annotated[str | None, typer.Option("--path", "-p", help=t("help.path_filter"), autocompletion=complete_path)] = None,
    audience: Annotated[
        str | None, typer.Option("--audience", "-a", help=t("help.audience"), autocompletion=complete_role)
    ] = None,
    fmt: Annotated[str, options.format_option(formats.DOCUMENTS)] = "table",
    output: options.OutputOpt = None,
    force: options.ForceOpt = False,
    kit_file: options.KitOpt = None,
    lang: options.LangOpt = None,
) -> None:
    from .names import resolve_category, resolve_path, resolve_role
    from .queries import select
    from .render import views

    fmt, kit = options.prepare(lang, fmt, formats.DOCUMENTS, kit_file)
    selection = select(
        kit,
        category=resolve_category(kit, category) if category else None,
        path=resolve_path(kit, path) if path else None,
        audience=resolve_role(audience) if audience else None,
    )
    title = i18n.pick(kit.about.title, None)
    options.emit(views.documents(selection, fmt, title, options.terminal(output)), output, force, fmt)
    if not selection.documents:
        options.no_match()


@app.command("path", help=t("help.path"), cls=KitCommand)
def path_(
    name: Annotated[str, typer.Argument(help=t("help.path_name"), show_default=False, autocompletion=complete_path)],
    fmt: Annotated[str, options.format_option(formats.DOCUMENTS)] = "table",
    output: options.OutputOpt = None,
    force: options.ForceOpt = False,
    kit_file: options.KitOpt = None,
    lang: options.LangOpt = None,
) -> None:
    from .names import resolve_path
    from .queries import select
    from .render import views

    fmt, kit = options.prepare(lang, fmt, formats.DOCUMENTS, kit_file)
    chosen = resolve_path(kit, name)
    selection = select(kit, path=chosen)
    title = t("label.path", title=i18n.pick(chosen.title, chosen.title_en))
    options.emit(views.documents(selection, fmt, title, options.terminal(output)), output, force, fmt)


@app.command("paths", help=t("help.paths"), cls=KitCommand)
def paths_(
    fmt: Annotated[str, options.format_option(formats.DOCUMENTS)] = "table",
    output: options.OutputOpt = None,
    force: options.ForceOpt = False,
    kit_file: options.KitOpt = None,
    lang: options.LangOpt = None,
) -> None:
    from .render import views

    fmt, kit = options.prepare(lang, fmt, formats.DOCUMENTS, kit_file)
    options.emit(views.paths(kit, fmt, options.terminal(output)), output, force, fmt)


@app.command("categories", help=t("help.categories"), cls=KitCommand)
def categories_(
    fmt: Annotated[str, options.format_option(formats.DOCUMENTS)] = "table",
    output: options.OutputOpt = None,
    force: options.ForceOpt = False,
    kit_file: options.KitOpt = None,
    lang: options.LangOpt = None,
) -> None:
    from .render import views

    fmt, kit = options.prepare(lang, fmt, formats.DOCUMENTS, kit_file)
    options.emit(views.categories(kit, fmt, options.terminal(output)), output, force, fmt)


@app.command("show", help=t("help.show"), cls=KitCommand)
def show(
    doc_id: Annotated[
        str, typer.Argument(metavar="ID", help=t("help.doc_id"), show_default=False, autocompletion=complete_document)
    ],
    fmt: Annotated[str, options.format_option(formats.SHOW)] = "table",
    output: options.OutputOpt = None,
    force: options.ForceOpt = False,
    kit_file: options.KitOpt = None,
    lang: options.LangOpt = None,
) -> None:
    from .names import resolve_document
    from .render import views

    fmt, kit = options.prepare(lang, fmt, formats.SHOW, kit_file)
    document = resolve_document(kit, doc_id)
    options.emit(views.document(kit, document, fmt, options.terminal(output)), output, force, fmt)


@app.command("validate", help=t("help.validate"), cls=KitCommand)
def validate(
    file: Annotated[Path, typer.Argument(help=t("help.validate_file"), show_default=False)],
    lang: options.LangOpt = None,
) -> None:
    options.setup(lang)
    kit = options.load(file)
    write_stdout(
        t(
            "validate.ok",
            path=file,
            documents=len(kit.documents),
            paths=len(kit.paths),
            categories=len(kit.categories),
        )
        + "\n"
    )


@app.command("schema", help=t("help.schema"), cls=KitCommand)
def schema(output: options.OutputOpt = None, force: options.ForceOpt = False, lang: options.LangOpt = None) -> None:
    from .model import Kit
    from .render.jsonout import dumps

    options.setup(lang)
    options.emit(dumps(Kit.model_json_schema()), output, force, "json")


def main() -> None:
    """Entry point of the `kit` script and of `python -m coconstruct_cli`."""
    app(prog_name="kit")


from .commands import guide as _guide  # noqa: E402  (registered after the app exists; the module is light)

app.command("guide", help=t("help.guide"), cls=KitCommand)(_guide.guide)

from .commands import about as _about  # noqa: E402  (registered after the app exists; the modules are light)
from .commands import search as _search  # noqa: E402

app.command("search", help=t("help.search"), cls=KitCommand)(_search.search)
app.command("about", help=t("help.about"), cls=KitCommand)(_about.about)
