"""What the kit says a document gives, as the guide's « pourquoi » shows it. Pure: no terminal.

A quotation is the kit's words as written, or its edits marked as French editing marks them: the words of
`Document.gives` are cut from the description, so a cut at their head or at their end is marked « […] »
(« Le kit : « […] le MOOC ESSEC/Le RAMEAU … 2 heures […] » »). A description that is ours (`description_kind:
summary`) is not the kit's words: its part is labelled « Résumé », as `kit show` labels the description,
and nothing in it is marked as cut.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .i18n import get_lang, t

if TYPE_CHECKING:
    from .model import Document

CUT = "[…]"
"""The mark of words left out of a quotation."""

_SENTENCE_END = re.compile(r"[.!?…]\s*$")


def marked_cuts(words: str, text: str) -> str:
    """`words`, a part of `text`, with « […] » where they start or stop inside one of its sentences.

    Spaces do not count (`text` may wrap); words that are not found in `text` are given as they are."""
    words, text = " ".join(words.split()).rstrip("."), " ".join(text.split())
    at = text.find(words)
    if at < 0:
        return words
    before, after = text[:at].rstrip(), text[at + len(words) :].strip()
    # Non-breaking spaces keep the mark with its words: no line starts with « […] » ».
    head = f"{CUT}\u00a0" if before and not _SENTENCE_END.search(before) else ""
    tail = f"\u00a0{CUT}" if after and not after.startswith((".", "!", "?")) else ""
    return f"{head}{words}{tail}"


def gives_line(document: Document) -> str:
    """The « pourquoi »'s last sentence: « Le kit : « … » » quoting `Document.gives`, its cuts marked, or
    « Résumé : … » when the description is our summary; empty when the kit says no more than the title."""
    english = get_lang() == "en" and bool(document.gives_en)
    words, description = (document.gives_en, document.description_en) if english else (document.gives, document.description)
    if not words:
        return ""
    if document.description_kind == "summary":
        # Our words: nothing to mark as cut from the kit's.
        return t("why.summary", text=" ".join(words.split()).rstrip("."))
    return t("why.gives_en" if english else "why.gives", text=marked_cuts(words, description or ""))
