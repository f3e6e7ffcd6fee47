"""Excerpts: a line of kit text around the matched words, with their spans, and why a hit was found."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..text import fold, one_line
from .query import WORD

if TYPE_CHECKING:
    from ..model import Document
    from .ranking import Hit


@dataclass(frozen=True)
class Marked:
    """One line of kit text and the (start, end) spans of the matched words in it."""

    text: str
    spans: tuple[tuple[int, int], ...]


def mark(text: str, matched: frozenset[str]) -> Marked:
    """`text` as one line, with the spans of the words whose folded form is in `matched`."""
    line = one_line(text)
    if not matched:
        return Marked(line, ())
    folded: list[str] = []
    origin: list[int] = []
    cache: dict[str, str] = {}
    for i, ch in enumerate(line):
        f = cache.get(ch)
        if f is None:
            f = cache[ch] = fold(ch)
        folded.append(f)
        origin.extend([i] * len(f))
    flat = "".join(folded)
    spans: list[tuple[int, int]] = []
    for m in WORD.finditer(flat):
        if m.group() in matched:
            start, end = origin[m.start()], origin[m.end() - 1] + 1
            while end < len(line) and not folded[end]:  # combining marks left on the last letter
                end += 1
            if spans and start < spans[-1][1]:
                spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
            else:
                spans.append((start, end))
    return Marked(line, tuple(spans))


def excerpt(text: str, matched: frozenset[str], width: int = 120) -> Marked | None:
    """A window of about `width` characters of `text` around its first matched word; None without one."""
    whole = mark(text, matched)
    if not whole.spans:
        return None
    line = whole.text
    if len(line) <= width:
        return whole
    first_start, first_end = whole.spans[0]
    start = max(0, min(first_start - width // 3, len(line) - width))
    end = min(len(line), max(start + width, first_end))
    # Cut at spaces, not inside words.
    if start > 0:
        space = line.find(" ", start, first_start)
        start = space + 1 if space >= 0 else start
    if end < len(line):
        space = line.rfind(" ", first_end, end)
        end = space if space >= 0 else end
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(line) else ""
    shift = len(prefix) - start
    spans = tuple((max(s, start) + shift, min(e, end) + shift) for s, e in whole.spans if s < end and e > start)
    return Marked(prefix + line[start:end] + suffix, spans)


def field_texts(document: Document, field: str, english: bool) -> list[str]:
    """The texts of one searched field of a document, in the language shown first."""
    if field == "title":
        return [document.title_en, document.title] if english and document.title_en else [document.title]
    if field == "description":
        return [document.description_en, document.description] if english and document.description_en else [document.description]
    if field == "authors":
        return [", ".join(document.authors)]
    if field == "kind":
        return [document.kind]
    if field == "id":
        return [document.id]
    return list(document.parts)


def shown_texts(document: Document, field: str, english: bool) -> list[str]:
    """The texts of a field an excerpt may quote: in English, only the English ones (a word found in the
    French text alone is not quoted in French on an English screen)."""
    if not english:
        return field_texts(document, field, english)
    if field == "description":
        return [document.description_en] if document.description_en else []
    if field == "kind":
        return [document.kind_en] if document.kind_en else []
    if field == "parts":
        return list(document.parts_en)
    return field_texts(document, field, english)


def why(hit: Hit, matched: frozenset[str], english: bool, width: int = 120) -> tuple[str, Marked] | None:
    """The first field after the title where a matched word shows, with an excerpt around it."""
    for name in hit.fields:
        if name in ("title", "id"):
            continue
        for text in shown_texts(hit.document, name, english):
            found = excerpt(text, matched, width)
            if found is not None:
                return name, found
    return None
