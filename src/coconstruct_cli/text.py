"""Plain-text helpers shared by every layer: name folding and making kit text safe to show."""

from __future__ import annotations

import re
import unicodedata

# C0/C1 controls, DEL, and the bidirectional overrides/isolates that can reorder what a terminal
# or an editor shows (the « Trojan Source » characters). Newlines and tabs are handled apart.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_SURROGATES = re.compile("[\ud800-\udfff]")
_BREAKS = re.compile("[\t\u2028\u2029]")
_SPACES = re.compile(r"[\t\n\r\x0b\x0c\u2028\u2029]+")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def strip_unsafe(text: str) -> str:
    """Remove control and bidi-override characters, keeping newlines and tabs; a lone surrogate (a byte of
    an argument or a variable that was not UTF-8) becomes U+FFFD, which every encoder can write."""
    return _UNSAFE.sub("", no_surrogates(text))


def no_surrogates(text: str) -> str:
    """`text` with each lone surrogate replaced by U+FFFD (the text is otherwise unchanged)."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")  # a C pass, three times faster than the regular expression on a clean text
    except UnicodeEncodeError:
        return _SURROGATES.sub("\ufffd", text)
    return text


# A space before « : ; ? ! » » or after « « » would let a line start with the mark, or end on « «  ».
_LOOSE_BEFORE = re.compile(r"[ \t]+(?=[:;?!»])")
_LOOSE_AFTER = re.compile(r"(?<=«)[ \t]+")


def french_spaces(text: str) -> str:
    """French typography on paper and screen: a non-breaking space inside « » and before : ; ? !.

    Applied to every text of a page or a terminal table, the kit's included: the words are unchanged, only the spaces
    that must not break become U+00A0 (a colon glued to its word, as in English, is left alone).
    """
    return _LOOSE_AFTER.sub("\u00a0", _LOOSE_BEFORE.sub("\u00a0", text))


def for_terminal(text: str) -> str:
    """The one sanitizer of everything that reaches a terminal (kit text, arguments, environment values,
    messages, prompts, completion): no control, C1 or bidi character, tabs and line separators as spaces."""
    return _BREAKS.sub(" ", strip_unsafe(text))


def one_line(text: str) -> str:
    """Kit text made safe for one terminal line or one table cell."""
    return _SPACES.sub(" ", strip_unsafe(text)).strip()


_ASCII = bytes(range(128))


def fold(text: str) -> str:
    """Lower-case, accent-free form used to compare names and search (« Écrire » -> « ecrire »).

    Equivalent to dropping every combining mark of the NFKD form one character at a time, but done
    with whole-string operations (about 3x faster on a 10,000-document kit): the few marks present
    are found among the non-ASCII characters and each is removed with one `str.replace`.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    if decomposed.isascii():
        return decomposed
    present = set(decomposed.encode("utf-8", "surrogatepass").translate(None, _ASCII).decode("utf-8", "surrogatepass"))
    for mark in (c for c in present if unicodedata.combining(c)):
        decomposed = decomposed.replace(mark, "")
    for ligature, letters in (("œ", "oe"), ("æ", "ae")):
        if ligature in present:
            decomposed = decomposed.replace(ligature, letters)
    return decomposed


def slug(text: str) -> str:
    """Folded, hyphen-separated form of a name (« Boîte à outils » -> « boite-a-outils »)."""
    return _NON_ALNUM.sub("-", fold(text)).strip("-")


class Utf8:
    """Text already encoded as UTF-8, in pieces written one after the other (a JSON document).

    A big export is written as the encoder made it: never decoded, copied or encoded again on its way out.
    """

    __slots__ = ("chunks",)

    def __init__(self, *chunks: bytes | memoryview) -> None:
        self.chunks = chunks

    def __bytes__(self) -> bytes:
        return b"".join(self.chunks)

    def decode(self) -> str:
        return b"".join(self.chunks).decode("utf-8")

    def __repr__(self) -> str:
        return f"Utf8({bytes(self)!r})"


def shown(value: object, limit: int = 200) -> str:
    """A value from a file or the command line, fit for one line of a message.

    No control or bidi character, no lone surrogate (from an undecodable file name) and at most
    `limit` characters, so that a hostile kit cannot drive the terminal or flood it.
    """
    text = one_line(str(value).encode("utf-8", "backslashreplace").decode("utf-8"))
    return text if len(text) <= limit else text[: limit - 1] + "…"
