"""Renderers: one module per medium, one registry.

A command builds a result (`results.py`) and calls `render(result, medium)`; the module of that medium
is imported then (rich only for a terminal table) and its `RENDERERS` table gives the function for the
result's kind; `plain`, `jsonout` and `csvout` also have a `generic` renderer that serves every result
through its machine form. Renderers return text (or, for a terminal, a rich renderable) and print
nothing; JSON is text already encoded (`text.Utf8`), a workbook (`xlsx`) bytes. To add a format: a row
of the table `formats.Format` and a `Medium` member, a module here, a line in `MODULES`.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING, TypeAlias

from ..formats import Medium

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ..results import Result
    from ..text import Utf8

    Rendered: TypeAlias = str | bytes | Utf8 | RenderableType

MODULES: dict[Medium, str] = {
    Medium.RICH: "table",
    Medium.TEXT: "plain",
    Medium.MD: "markdown",
    Medium.JSON: "jsonout",
    Medium.CSV: "csvout",
    Medium.HTML: "html",
    Medium.XLSX: "xlsx",
}


def renderer(kind: type[Result], medium: Medium) -> Callable[..., Rendered] | None:
    """The function that writes a `kind` of result in `medium`, None when there is none."""
    module = import_module(f"{__name__}.{MODULES[medium]}")
    found: Callable[..., Rendered] | None = module.RENDERERS.get(kind) or getattr(module, "generic", None)
    return found


def render(result: Result, medium: Medium, width: int | None = None) -> Rendered:
    """`result` written in `medium`; a `LookupError` when no renderer serves it (a bug, caught by a test).

    `width` is the terminal's, for the rich renderers, which lay their columns out to fit it.
    """
    write = renderer(type(result), medium)
    if write is None:
        raise LookupError(f"no {medium.value} renderer for {type(result).__name__}")
    return write(result, width) if medium is Medium.RICH else write(result)
