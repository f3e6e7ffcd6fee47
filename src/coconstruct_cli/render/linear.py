"""The linear view for screen readers and dumb terminals (`--plain`, `TERM=dumb`): no boxes, one fact a
line, in reading order, with the same words as the other views.

It is the Markdown view (which reads top-down: headings, then one line a document or a fact) read back
as plain text: headings and list marks dropped, emphasis and code marks dropped, links told as
« text (address) » (a bare address once), Markdown's escapes undone. Pure: a string in, a string out.
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"^#{1,6} ")
_BULLET = re.compile(r"^(\s*)[-*+] ")
_LINK = re.compile(r"(?<!\\)\[((?:\\.|[^\]\\])*)\]\(([^)\s]*)\)")
_MARK = re.compile(r"(?<!\\)[*`]")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_SEPARATOR = "<!-- -->"


def _told(link: re.Match[str]) -> str:
    # « text (address) »; a bare « www.… » the seed writes is its own address: our scheme is not repeated.
    text, target = link.group(1), link.group(2)
    if not target or target in (text, "http://" + _ESCAPED.sub(r"\1", text)):
        return text
    return f"{text} ({target})"


def linear(markdown: str) -> str:
    """`markdown` (as the Markdown renderer writes it) as plain lines, blank lines kept single."""
    lines: list[str] = []
    for raw in markdown.splitlines():
        line = raw.rstrip()
        if line.strip() == _SEPARATOR:
            continue
        line = _BULLET.sub(r"\1", _HEADING.sub("", line))
        line = _LINK.sub(_told, line)
        line = _ESCAPED.sub(r"\1", _MARK.sub("", line))
        if line or (lines and lines[-1]):
            lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n" if lines else ""
