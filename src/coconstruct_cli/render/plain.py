"""Plain text for pipes: tab-separated columns with a header, one record a line, no escape codes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..text import one_line


def tsv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    lines = ["\t".join(header)]
    for row in rows:
        lines.append("\t".join(one_line("" if v is None else str(v)).replace("\t", " ") for v in row))
    return "\n".join(lines) + "\n"
