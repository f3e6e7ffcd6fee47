"""Plain text for pipes: tab-separated columns with a header, one record a line, no escape codes.

Generic over results (`header` and `rows()`); `kit about`, which is prose, is plain paragraphs instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, assert_never

from .. import results
from ..i18n import colon, t
from ..text import french_spaces, one_line
from .common import Block, about_outline

if TYPE_CHECKING:
    from ..model import About


def tsv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    lines = ["\t".join(header)]
    for row in rows:
        lines.append("\t".join(one_line("" if v is None else str(v)).replace("\t", " ") for v in row))
    return "\n".join(lines) + "\n"


def generic(result: results.Result) -> str:
    return tsv(result.header, result.rows())


def _underlined(title: str, char: str = "-") -> list[str]:
    line = one_line(title)
    return ["", line, char * len(line)]


def _text_block(block: Block) -> list[str]:
    match block.kind:
        case "p" | "h3" | "note":
            return ["", one_line(block.text)]
        case "ol" | "ul":
            return ["", *((f"{n}. " if block.kind == "ol" else "  - ") + one_line(x) for n, x in enumerate(block.items, 1))]
        case "labelled":
            return ["", one_line(f"{colon(block.label)} {block.text}")]
        case "titled":
            return ["", one_line(f"{block.label} — {block.text}")]
        case "link":
            return ["", one_line(f"{block.text} {block.url}")]
        case "docs":
            commands = ", ".join(f"kit show {d}" for d in block.items)
            return ["", one_line(f"{block.text} — {colon(block.label or t('about.documents'))} {commands}")]
        case unknown:
            assert_never(unknown)


def about_text(about: About) -> str:
    """Plain text for a pipe or a pager: one paragraph a line, headings underlined, no escape codes."""
    lead, sections = about_outline(about)
    lines = [one_line(about.title), one_line(t("about.publisher", publisher=about.publisher))]
    for block in lead:
        lines += _text_block(block)
    for section in sections:
        lines += _underlined(section.title)
        for index, block in enumerate(section.blocks):
            lines += _text_block(block)[1 if index == 0 else 0 :]  # no blank line under a heading
    # French spaces, as every view people read has them: a pager may wrap a long paragraph.
    return french_spaces("\n".join(lines)) + "\n"


RENDERERS: dict[type[Any], Callable[[Any], str]] = {
    results.AboutKit: lambda r: about_text(r.kit.about),
}
