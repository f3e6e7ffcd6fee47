"""Output formats: one table, `Format`, of everything the program knows about each format.

Each member of `Format` is a row: the name `--format` takes, then the facts of that format (`Spec`): the
file extensions that name it, the medium its renderer writes, whether it is bytes, whether a file of it
starts with a byte-order mark, whether it is a page for people, its name in the message catalogue and
whether the guide's save dialog offers it. Everything else is read from the rows, never listed again: the
extension rule (`EXTENSIONS`), the save dialog (`SAVED`, `guide.SAVE_FORMATS`), the byte-order mark of a
written file, what a command tells inside its result rather than on stderr (`Format.page`).

`Format` is what the user names; `Medium` is what a renderer writes. They differ once: `table` is a rich
table on a terminal and tab-separated text elsewhere. The registry in `render/__init__.py` is keyed by
`Medium`. Adding a format: one row here (with a `Medium` member), one module in `render/`, one line in the
registry, its `format.*` label in the catalogue (and its `save.*` line if the dialog offers it);
`tests/test_formats.py` says what is missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Medium(StrEnum):
    """What a renderer writes: rich renderables for a terminal, or one of the text formats."""

    RICH = "rich"
    TEXT = "text"
    MD = "md"
    JSON = "json"
    CSV = "csv"
    HTML = "html"
    XLSX = "xlsx"


@dataclass(frozen=True)
class Spec:
    """The facts of one format (one row of `Format`)."""

    medium: Medium
    """What its renderer writes off a terminal, and into a file."""
    extensions: tuple[str, ...] = ()
    """The file extensions that name it, lower case: `--output plan.html` writes HTML. Only the default has none."""
    label: str | None = None
    """The catalogue key of its name (« Markdown »), as the guide's questions say it; only the default has none."""
    binary: bool = False
    """Written as bytes (a workbook); text otherwise."""
    bom: bool = False
    """A file of it starts with a UTF-8 byte-order mark (CSV: for a spreadsheet that would read it as Windows-1252)."""
    page: bool = False
    """A page for people (Markdown, HTML): it tells inside what a table or a machine form leaves to stderr."""
    whole: bool = False
    """It holds the result's whole machine form (`Result.data()`), not one row per record: what rows leave out
    (ids no longer in the kit) is in it."""
    saved: int | None = None
    """Its place in the guide's save dialog (`save.<name>` in the catalogue); None: the dialog does not offer it."""
    on_screen: Medium | None = None
    """What it is on a terminal's screen when that is not `medium` (`table`: drawn with rich)."""
    utf8: bool = True
    """Written as UTF-8 whatever the locale (its documented encoding); False: text for people, in the stream's encoding."""


class Format(StrEnum):
    """A value of `--format`, in the order the help and the completion list them: the table of formats."""

    spec: Spec

    # Called once per row, when the class is made; afterwards `Format("md")` looks a row up by its name
    # (the default of `spec` is for that call's type only).
    def __new__(cls, value: str, spec: Spec | None = None) -> Format:
        if spec is None:
            raise TypeError(f"format {value}: a row of the table needs its Spec")
        member = str.__new__(cls, value)
        member._value_ = value
        member.spec = spec
        return member

    TABLE = "table", Spec(Medium.TEXT, on_screen=Medium.RICH, utf8=False)
    MD = "md", Spec(Medium.MD, (".md", ".markdown"), "format.md", page=True, saved=1)
    JSON = "json", Spec(Medium.JSON, (".json",), "format.json", whole=True, saved=5)
    CSV = "csv", Spec(Medium.CSV, (".csv",), "format.csv", bom=True, saved=4)
    HTML = "html", Spec(Medium.HTML, (".html", ".htm"), "format.html", page=True, saved=2)
    XLSX = "xlsx", Spec(Medium.XLSX, (".xlsx",), "format.xlsx", binary=True, saved=3)

    @property
    def page(self) -> bool:
        """A page for people: it tells inside what a table or a machine form leaves to stderr."""
        return self.spec.page

    @property
    def whole(self) -> bool:
        """It holds the result's whole machine form, not one row per record."""
        return self.spec.whole

    @property
    def bom(self) -> bool:
        """A file of it starts with a UTF-8 byte-order mark."""
        return self.spec.bom

    def drawn(self, terminal: bool) -> bool:
        """Drawn with rich where it goes (`terminal`: a terminal's screen, not a file or a pipe)."""
        return medium(self, terminal) is Medium.RICH


DEFAULT = Format.TABLE
"""The format without `--format` or an extension that names one."""


def medium(fmt: Format, terminal: bool) -> Medium:
    """The medium a format is written in: on a terminal its screen medium if it has one, else its medium."""
    spec = fmt.spec
    return spec.on_screen if terminal and spec.on_screen is not None else spec.medium


EXTENSIONS: dict[str, Format] = {extension: fmt for fmt in Format for extension in fmt.spec.extensions}
"""File extensions that name a format: `--output plan.html` writes HTML."""

SAVED: tuple[Format, ...] = tuple(sorted((f for f in Format if f.spec.saved is not None), key=lambda f: f.spec.saved or 0))
"""The formats the guide's save dialog offers, in its order: to read first (Markdown, HTML), then the
spreadsheet, then the machine forms."""

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
"""The formats of each command: `cli.options.writes_result(name)` reads its row (a KeyError for a command
missing here), and one table serves the option's help, its completion and the check."""
