"""Options and steps shared by every command: kit file, language, format, output.

Kept apart from `cli` so that command modules (`commands/`) can use them without importing the app.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from . import i18n
from .completion import complete_format, complete_lang
from .errors import ExitCode, UsageError
from .i18n import t
from .output import is_terminal, message, print_rich, write_file, write_stdout

if TYPE_CHECKING:
    from .model import Kit
    from .render.views import Rendered

KitOpt = Annotated[
    Path | None,
    typer.Option("--kit", envvar="KIT_FILE", help=t("help.kit"), show_default=False, dir_okay=True),
]
LangOpt = Annotated[
    str | None,
    typer.Option("--lang", envvar="KIT_LANG", help=t("help.lang"), show_default=False, autocompletion=complete_lang),
]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help=t("help.output"), show_default=False)]
ForceOpt = Annotated[bool, typer.Option("--force", help=t("help.force"))]


def format_option(formats: tuple[str, ...]) -> Any:
    return typer.Option(
        "--format", "-f", help=t("help.format", formats=", ".join(formats)), autocompletion=complete_format(formats)
    )


def setup(lang: str | None) -> None:
    """Apply --lang (Typer already merged it with KIT_LANG), else the locale, before anything is written."""
    if not lang:
        i18n.set_lang(i18n.detect())
        return
    key = lang.strip().lower()
    if key not in i18n.LANGS:
        i18n.set_lang(i18n.detect())
        raise UsageError(t("err.lang", value=lang))
    i18n.set_lang(key)


def prepare(lang: str | None, fmt: str, formats: tuple[str, ...], kit_file: Path | None) -> tuple[str, Kit]:
    """What every command does first, in this order: language, format check, then the kit."""
    setup(lang)
    fmt = check_format(fmt, formats)
    return fmt, load(kit_file)


def load(path: Path | None) -> Kit:
    from .loader import load_kit

    return load_kit(path)


def check_format(fmt: str, formats: tuple[str, ...]) -> str:
    from .names import resolve_choice

    return resolve_choice(fmt, formats, "format")


def emit(rendered: Rendered, output: Path | None, force: bool, fmt: str) -> None:
    if output is not None:
        if not isinstance(rendered, str):  # pragma: no cover - views return text when not on a terminal
            raise TypeError("a file output needs text")
        write_file(rendered, output, force, bom=fmt == "csv")
    elif isinstance(rendered, str):
        write_stdout(rendered)
    else:
        print_rich(rendered)


def terminal(output: Path | None) -> bool:
    return output is None and is_terminal()


def no_match() -> None:
    message(t("msg.no_match"))
    raise typer.Exit(ExitCode.NO_MATCH)
