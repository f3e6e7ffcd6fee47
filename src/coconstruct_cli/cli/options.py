"""Options and first steps shared by every command: kit file, language, format, output.

Help texts are catalogue keys here; `app.translate_help` writes them in the run's language when the
help is written, not when this module is imported.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..errors import UsageError
from ..formats import DEFAULT, EXTENSIONS, OFFERED, Format
from ..i18n import parse_lang, t
from .completion import complete_format, complete_lang

if TYPE_CHECKING:
    from ..model import Kit
    from ..progress_store import Loaded
    from ..render import Rendered
    from ..results import Result
    from .console import Console

KitOpt = Annotated[
    Path | None,
    typer.Option(
        "--kit", envvar="KIT_FILE", help="help.kit", metavar="metavar.file", show_default=False, show_envvar=False, dir_okay=True
    ),
]
LangOpt = Annotated[
    str | None,
    typer.Option("--lang", envvar="KIT_LANG", help="help.lang", metavar="metavar.lang", show_default=False, show_envvar=False,
                 autocompletion=complete_lang),
]  # fmt: skip
# Text, not a Path: Typer's Path would drop a trailing slash, and `-o missing/` must not write a file `missing`.
OutputOpt = Annotated[str | None, typer.Option("--output", "-o", help="help.output", show_default=False, metavar="metavar.file")]
ForceOpt = Annotated[bool, typer.Option("--force", help="help.force")]
PlainOpt = Annotated[bool, typer.Option("--plain", help="help.plain")]


def format_option(formats: tuple[Format, ...]) -> Any:
    return typer.Option(
        "--format",
        "-f",
        help="help.format",
        metavar="metavar.format",
        show_default=DEFAULT.value,
        autocompletion=complete_format(formats),
    )


@dataclass(frozen=True)
class Out:
    """The options every command that writes a result shares: `--format`, `--output`, `--force`, `--kit`
    and `--lang`, declared once (`writes_result`) and handed to the command as one object."""

    fmt: str | None = None
    output: str | None = None
    force: bool = False
    kit_file: Path | None = None
    lang: str | None = None
    formats: tuple[Format, ...] = ()
    """The formats the command offers (`formats.OFFERED`), which `--format` is checked against."""
    plain: bool = False
    """`--plain`: the linear view on a terminal (`Console.is_linear`)."""


SHARED = ("fmt", "output", "force", "kit_file", "lang", "plain")
NO_OUT = Out()
"""The default of a command's `out` parameter: `writes_result` always passes the real one."""


def writes_result(name: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Give the command `name` the shared options, offering its formats (`formats.OFFERED[name]`; a command
    missing there is a KeyError when its module is imported): the command takes them as `out: Out`.

    Typer reads a command's parameters from its signature; Typer has no groups of options, so the
    signature Typer sees is the command's own (less `out`) followed by the six shared options.
    """
    if name not in OFFERED:
        raise KeyError(f"command {name!r} writes a result but has no formats in formats.OFFERED: add its row there")
    formats = OFFERED[name]
    declared = {
        "fmt": (None, Annotated[str | None, format_option(formats)]),
        "output": (None, OutputOpt),
        "force": (False, ForceOpt),
        "kit_file": (None, KitOpt),
        "lang": (None, LangOpt),
        "plain": (False, PlainOpt),
    }
    shared = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)
        for name, (default, annotation) in declared.items()
    ]

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        signature = inspect.signature(command)
        own = [p for p in signature.parameters.values() if p.name != "out"]

        @functools.wraps(command)
        def run(**params: Any) -> None:
            own_params = {k: v for k, v in params.items() if k not in SHARED}
            out = Out(
                params.get("fmt"),
                params.get("output"),
                bool(params.get("force")),
                params.get("kit_file"),
                params.get("lang"),
                formats,
                bool(params.get("plain")),
            )
            command(**own_params, out=out)

        parameters = [*own, *shared]
        run.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
        run.__annotations__ = {p.name: p.annotation for p in parameters} | {"return": None}
        del run.__wrapped__  # Typer must read `__signature__`, not the command's
        return run

    return decorate


def console(ctx: typer.Context) -> Console:
    """The run's console, made at the boundary (`app.KitGroup.make_context`)."""
    from .console import Console

    found = ctx.find_object(Console)
    return found if found is not None else Console()


def check_lang(lang: str | None) -> None:
    """The language was chosen when the run began; an unknown one is still a usage error."""
    if lang is not None and parse_lang(lang) is None:
        raise UsageError(t("err.lang", value=lang[:80]))


def kit_path(ctx: typer.Context, kit_file: Path | None) -> Path | None:
    """The kit to read: the command's `--kit`, else the one given before the command, else KIT_FILE."""
    from ..compat.typer import ParameterSource

    root = ctx.find_root()
    before = root.params.get("kit_file")
    if before is not None and (kit_file is None or ctx.get_parameter_source("kit_file") is ParameterSource.ENVIRONMENT):
        return Path(before)
    return kit_file


def choose_format(fmt: str | None, formats: tuple[Format, ...], output: str | None) -> Format:
    """The format asked for; without `--format`, the one `--output`'s extension names, else the default (`table`).

    An explicit format that disagrees with the extension is a usage error: `-o list.html -f csv` would
    write CSV into a file every program opens as a web page.
    """
    from ..names import resolve_choice

    named = EXTENSIONS.get(Path(output).suffix.lower()) if output else None
    if named is not None and named not in formats:
        named = None
    if fmt is None:
        return named or DEFAULT
    chosen = Format(resolve_choice(fmt, [f.value for f in formats], "format"))
    if named is not None and chosen is not named and output is not None:
        raise UsageError(t("err.format_extension", format=chosen.value, path=output, named=named.value))
    return chosen


_KEPT: list[Kit] = []
"""The kit the run loaded last, kept to the end of the process (see `load`)."""


def load(path: Path | None) -> Kit:
    import gc

    from ..loader import load_kit

    # The kit lives until the run ends and holds no cycle to collect: the collector is paused while its
    # objects are made, then they are moved out of its sight, so that its full collections do not walk the
    # whole kit again and again (on a 10,000-document kit, a quarter of a search's time).
    gc.disable()
    try:
        kit = load_kit(path)
    finally:
        gc.freeze()
        gc.enable()
    # Held here, the kit is not freed object by object when the command returns (~30 ms for 10,000
    # documents, for no one): the process ends without clean-up (`launch.leave`). One kit only, so that
    # in-process runs (the tests) free the previous one.
    _KEPT[:] = [kit]
    return kit


def prepare(ctx: typer.Context, out: Out) -> tuple[Format, Kit]:
    """What every command does first, in this order: language check, format, then the kit."""
    check_lang(out.lang)
    chosen = choose_format(out.fmt, out.formats, out.output)
    return chosen, load(kit_path(ctx, out.kit_file))


def show(ctx: typer.Context, result: Result, fmt: Format, out: Out) -> None:
    """Render `result` for where it goes (a file, a terminal, a pipe) and write it."""
    from ..formats import medium
    from ..render import render

    screen = console(ctx)
    if out.plain:  # and so for the rest of the run (the guide's menu)
        screen.linear = True
    terminal = out.output is None and screen.is_terminal()
    if fmt.drawn(terminal):
        screen.emit(for_screen(screen, result), machine=False)
        return
    rendered: Rendered = render(result, medium(fmt, terminal), width=screen.columns())
    screen.emit(rendered, out.output, out.force, bom=fmt.bom, machine=fmt.spec.utf8)


def for_screen(screen: Console, result: Result) -> Rendered:
    """`result` for a person at the terminal: rich tables, or plain lines in the linear view (`--plain`)."""
    from ..formats import Medium
    from ..render import render

    if screen.is_linear():
        from ..render.linear import linear

        markdown = render(result, Medium.MD)
        assert isinstance(markdown, str)
        return linear(markdown)
    return render(result, Medium.RICH, width=screen.columns())


_PROGRESS = "coconstruct_cli.progress"


def progress(ctx: typer.Context) -> Loaded:
    """The reading progress, read once per run; a state file that cannot be used is told once on stderr."""
    meta = ctx.find_root().meta
    loaded: Loaded | None = meta.get(_PROGRESS)
    if loaded is None:
        from ..progress_store import load as load_progress

        loaded = meta[_PROGRESS] = load_progress()
        if loaded.warning:
            console(ctx).message(loaded.warning)
    return loaded


def read_set(ctx: typer.Context, kit: Kit) -> frozenset[str]:
    """The ids the reader has marked read in `kit` (`kit read`), for the ✓ and the `read` field."""
    from ..progress import kit_identity

    return progress(ctx).state.read(kit_identity(kit))
