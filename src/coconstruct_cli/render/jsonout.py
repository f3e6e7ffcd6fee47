"""JSON output: UTF-8, not ASCII-escaped, but never carrying raw control characters.

The document is written as pydantic_core's encoder makes it (bytes, already UTF-8: `text.Utf8`), and
looked at as bytes: only when it holds a character to escape is it decoded, escaped and encoded again.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from pydantic_core import PydanticSerializationError, to_json, to_jsonable_python

from ..text import Utf8, no_surrogates

if TYPE_CHECKING:
    from ..results import Result

# The encoder escapes C0 controls itself; C1 controls (a terminal reads U+009B as CSI), line separators and
# bidi overrides would pass through raw. They can only occur inside JSON strings, so escaping them after
# dumping keeps the document identical once parsed.
_RAW = re.compile("[\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
# The same characters in UTF-8, looked for in the bytes: a search that skips to a fixed first byte, or finds
# one byte (memchr) before looking for three. About 6 ms over a 9 MB export, against 50 ms to decode it,
# search it and encode it again.
_C1 = re.compile(b"\xc2[\x80-\x9f]")
_FORMAT = re.compile(b"\xe2(?:\x80[\x8e\x8f\xa8-\xae]|\x81[\xa6-\xa9])")  # marks, separators, embeddings, isolates


def _holds_raw(raw: bytes) -> bool:
    """Whether the UTF-8 text `raw` holds a character of `_RAW`."""
    return (
        b"\x7f" in raw
        or _C1.search(raw) is not None
        or _FORMAT.search(raw) is not None
        or (raw.find(b"\xef") >= 0 and b"\xef\xbb\xbf" in raw)  # zero-width no-break space
    )


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def _clean(value: Any) -> Any:
    """JSON values with each lone surrogate (from an argument that was not UTF-8) replaced by U+FFFD."""
    if isinstance(value, str):
        return no_surrogates(value)
    if isinstance(value, dict):
        return {_clean(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


CHUNK = 500
"""Items of a list encoded at a time (`dumps`)."""


def _encoded(data: Any) -> bytes:
    try:
        raw = to_json(data, indent=2)
    except PydanticSerializationError:  # a lone surrogate cannot be encoded: replaced, as everywhere
        raw = to_json(_clean(to_jsonable_python(data)), indent=2)
    if _holds_raw(raw):
        raw = _RAW.sub(_escape, raw.decode("utf-8")).encode("utf-8")
    return raw


def dumps(data: Any) -> Utf8:
    """`data` (JSON values, tuples, the model's objects) as an indented JSON document, UTF-8, ending with a newline.

    A long list is encoded `CHUNK` items at a time, into the same bytes: the encoder's buffer for 10,000
    documents (20 MB, grown by doubling, then copied) would be fresh memory to touch page by page, where a
    chunk's buffer is freed and taken again by the next one. A chunk is a list of its own, its items at
    the indentation they have in the whole list: its bracket lines are cut (views, no copy) and the chunks
    joined with a comma and a line break, as two items are.
    """
    if not isinstance(data, list) or len(data) <= CHUNK:
        return Utf8(_encoded(data), b"\n")
    pieces = [memoryview(_encoded(data[i : i + CHUNK])) for i in range(0, len(data), CHUNK)]
    chunks: list[bytes | memoryview] = [pieces[0][:-2]]
    for piece in pieces[1:-1]:
        chunks += [b",\n", piece[2:-2]]
    chunks += [b",\n", pieces[-1][2:], b"\n"]
    return Utf8(*chunks)


def generic(result: Result) -> Utf8:
    """Every result's JSON document (`Result.data()`)."""
    return dumps(result.data())


RENDERERS: dict[type[Any], Any] = {}
