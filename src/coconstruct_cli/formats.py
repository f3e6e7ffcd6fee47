"""Output formats: the one typed list of what `--format` takes, and which formats each command offers.

`Format` is what the user names; `Medium` is what a renderer writes. They differ once: `table` is a rich
table on a terminal and tab-separated text elsewhere. The registry in `render/__init__.py` is keyed by
`Medium`, so adding a format is one member here, one module in `render/`, one line in the registry.
"""

from __future__ import annotations

from enum import StrEnum


class Format(StrEnum):
    """A value of `--format`."""

    TABLE = "table"
    MD = "md"
    JSON = "json"
    CSV = "csv"
    HTML = "html"
    XLSX = "xlsx"


class Medium(StrEnum):
    """What a renderer writes: rich renderables for a terminal, or one of the text formats."""

    RICH = "rich"
    TEXT = "text"
    MD = "md"
    JSON = "json"
    CSV = "csv"
    HTML = "html"
    XLSX = "xlsx"
    """A workbook, the one medium written as bytes."""


def medium(fmt: Format, terminal: bool) -> Medium:
    """The medium a format is written in: `table` is rich on a terminal, tab-separated text otherwise."""
    if fmt is Format.TABLE:
        return Medium.RICH if terminal else Medium.TEXT
    return Medium(fmt.value)


EXTENSIONS: dict[str, Format] = {".md": Format.MD, ".markdown": Format.MD, ".json": Format.JSON, ".csv": Format.CSV,
                                 ".html": Format.HTML, ".htm": Format.HTML, ".xlsx": Format.XLSX}  # fmt: skip
"""File extensions that name a format: `--output plan.html` writes HTML."""

ALL: tuple[Format, ...] = tuple(Format)
DOCUMENTS = ALL
"""list, path, paths, categories, search and guide; `xlsx` wherever `csv` is, for a spreadsheet."""
SHOW = ALL
ABOUT = (Format.TABLE, Format.MD, Format.JSON, Format.HTML)
PROGRESS = ALL
"""kit progress: `json` is the export `--import` takes back."""

OFFERED: dict[str, tuple[Format, ...]] = {
    "list": DOCUMENTS,
    "path": DOCUMENTS,
    "paths": DOCUMENTS,
    "categories": DOCUMENTS,
    "search": DOCUMENTS,
    "guide": DOCUMENTS,
    "show": SHOW,
    "about": ABOUT,
    "progress": PROGRESS,
}
"""The formats of each command: one table serves the option's help, its completion and the check."""
