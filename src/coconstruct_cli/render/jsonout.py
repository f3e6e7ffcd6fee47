"""JSON output: UTF-8 text, not ASCII-escaped, but never carrying raw control characters."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from pydantic_core import to_json

if TYPE_CHECKING:
    from ..results import Result

# json.dumps escapes C0 controls itself; C1 controls (a terminal reads U+009B as CSI), line
# separators and bidi overrides would pass through raw with ensure_ascii=False. They can only occur
# inside JSON strings, so escaping them after dumping keeps the document identical once parsed.
_RAW = re.compile("[\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def dumps(data: Any) -> str:
    # pydantic_core's encoder is already loaded with the kit and is ~8x faster than json.dumps
    # with indent (which falls back to the pure-Python encoder) on a 10,000-document kit.
    text = to_json(data, indent=2).decode("utf-8")
    return _RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


def generic(result: Result) -> str:
    """Every result's JSON document (`Result.data()`)."""
    return dumps(result.data())


RENDERERS: dict[type[Any], Any] = {}
