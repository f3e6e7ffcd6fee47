"""Reading a kit file: the bundled one or the user's, with every failure turned into a `KitFileError`.

The file itself is read by the one bounded reader (`files.read_limited`), as every file the program reads.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import KitFileError
from .files import file_reason, read_limited, shown_path
from .i18n import t
from .text import shown

if TYPE_CHECKING:
    from pydantic import ValidationError

    from .model import Kit

MAX_BYTES = 64 * 1024 * 1024
MAX_PROBLEMS = 100
"""Problems listed in one report; the rest are counted (a broken 64 MiB kit could list millions)."""
_LINE_COL = re.compile(r"(?: at)? line (\d+) column (\d+)")
# The JSON parser's own words (pydantic_core), told in the user's language; never shown in English.
_JSON_DETAILS = (
    ("EOF while parsing", "json.eof"),
    ("key must be a string", "json.key"),
    ("trailing comma", "json.trailing_comma"),
    ("trailing characters", "json.trailing"),
    ("expected `,` or", "json.comma"),
    ("expected `:`", "json.colon"),
    ("expected value", "json.value"),
    ("expected ident", "json.value"),
    ("recursion limit exceeded", "json.depth"),
    ("invalid escape", "json.escape"),
    ("control character", "json.control"),
    ("invalid number", "json.number"),
    ("number out of range", "json.number"),
    ("invalid unicode code point", "json.unicode"),
    ("lone leading surrogate", "json.unicode"),
    ("unexpected end of hex escape", "json.unicode"),
)


def bundled_path() -> Path:
    """The kit shipped inside the package (falls back to the checkout's data/ when run from source)."""
    here = Path(__file__).resolve().parent
    packaged = here / "data" / "kit.json"
    if packaged.is_file():
        return packaged
    return here.parents[1] / "data" / "kit.json"


def load_kit(path: Path | str | None = None) -> Kit:
    """Load and fully validate a kit file; `None` means the bundled kit, `-` standard input.

    Raises `KitFileError` (exit code 3) and nothing else, whatever the file holds.
    """
    # pydantic looks up third-party plugins through package metadata when the first model class is
    # created (~12 ms at every start-up); a command-line tool has no use for them.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from pydantic import ValidationError

    from .model import Kit, kit_problems

    source: Path | str = bundled_path() if path is None else path
    raw = _read(source)
    try:
        # The bytes as they are (the JSON parser checks their UTF-8 itself): no decoded copy of a big kit.
        kit = Kit.model_validate_json(raw.removeprefix(codecs.BOM_UTF8))
    except ValidationError:
        # Something is wrong: the text, decoded, serves the messages (line and column, UTF-8 first).
        text = _decode(source, raw)
        try:
            kit = Kit.model_validate_json(text)
        except ValidationError as exc:
            raise _invalid(source, text, exc) from None
    problems = [_problem(loc, key, params) for loc, key, params in kit_problems(kit)]
    if path is not None:  # the bundled kit has no doubled key (the test suite says so): its start stays fast
        problems += [t("val.duplicate_key", value=shown(key, 80)) for key in _doubled_keys(raw)]
    if problems:
        raise KitFileError(_report(source, problems))
    return kit


def repeated_keys(pairs: Sequence[tuple[str, Any]]) -> list[str]:
    """The keys of one JSON object's pairs that are given more than once, each once, in the order their
    second time is met (the kit's validation and the progress state's reader both refuse them)."""
    seen: set[str] = set()
    repeated: dict[str, None] = {}
    for key, _ in pairs:
        if key in seen:
            repeated[key] = None
        seen.add(key)
    return list(repeated)


def _doubled_keys(raw: bytes | str) -> list[str]:
    """Keys given twice in one object, in the order met: the JSON parsers keep the last value silently,
    so that a kit file would not say what its author sees in it."""
    import json

    doubled: dict[str, None] = {}

    def pairs_hook(pairs: list[tuple[str, Any]]) -> None:
        # Nothing is built: only the keys are looked at (a third of the time on a 10,000-document kit).
        if len(pairs) > 1 and len(dict(pairs)) < len(pairs):  # dict() runs in C: the fastest count of distinct keys
            doubled.update(dict.fromkeys(repeated_keys(pairs)))

    if isinstance(raw, bytes):
        # The bytes of a kit the models validated: its keys are their field names, ASCII (an unknown one is
        # refused), and only keys are compared. Read as Latin-1, one character a byte, a key is the same
        # string as in UTF-8; decoded, one ’ or œ makes the whole text two bytes a character (17 MB of a
        # 10,000-document kit, 34 MB of fresh memory to touch, and 30 ms).
        raw = raw.removeprefix(codecs.BOM_UTF8).decode("latin-1")
    try:
        json.loads(raw, object_pairs_hook=pairs_hook)
    except (ValueError, RecursionError):  # told by the validation
        return []
    return list(doubled)


def _read(path: Path | str) -> bytes:
    shown_name = shown_path(path)
    try:
        return read_limited(path, MAX_BYTES)
    except FileNotFoundError:
        raise KitFileError(t("err.kit_missing", path=shown_name)) from None
    except IsADirectoryError:
        raise KitFileError(t("err.kit_is_dir", path=shown_name)) from None
    except (OSError, ValueError) as exc:
        raise KitFileError(t("err.kit_unreadable", path=shown_name, reason=file_reason(exc))) from None


def _decode(path: Path | str, raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise KitFileError(t("err.kit_encoding", path=shown_path(path), line=line, column=column)) from None


def _invalid(path: Path | str, text: str, exc: ValidationError) -> KitFileError:
    errors = exc.errors(include_url=False)
    for err in errors:
        if err["type"] == "json_invalid":
            detail = str(err.get("ctx", {}).get("error", err["msg"]))
            match = _LINE_COL.search(detail)
            line, column = (match.group(1), str(max(1, int(match.group(2))))) if match else ("?", "?")
            detail = _LINE_COL.sub("", detail).strip(" ,:")
            detail = next((t(key) for prefix, key in _JSON_DETAILS if detail.startswith(prefix)), t("json.syntax"))
            return KitFileError(t("err.kit_json", path=shown_path(path), line=line, column=column, detail=detail))
    data = _lenient_json(text)
    problems = [_problem(_location(err["loc"], data), *_message(err)) for err in errors]
    # The fields are wrong, but the references may be checked on what is there, so that one run
    # reports every problem at once.
    problems += [_problem(loc, key, params) for loc, key, params in _raw_reference_problems(data)]
    problems += [t("val.duplicate_key", value=shown(key, 80)) for key in _doubled_keys(text)]
    return KitFileError(_report(path, problems))


def _report(path: Path | str, problems: list[str]) -> str:
    count = len(problems)
    head = t("err.kit_invalid_one" if count == 1 else "err.kit_invalid_many", path=shown_path(path), count=count)
    lines = [f"  - {p}" for p in problems[:MAX_PROBLEMS]]
    rest = count - MAX_PROBLEMS
    if rest > 0:
        lines.append("  " + t("val.more_one" if rest == 1 else "val.more_many", count=rest))
    return head + "\n" + "\n".join(lines)


def _problem(location: str, key: str, params: Mapping[str, Any]) -> str:
    # Locations and values come from the file: shown without controls or bidi, and not at any length.
    safe = {name: shown(value) for name, value in params.items()}
    return f"{shown(location, 300)}: {t(key, **safe)}"


def _lenient_json(text: str) -> Any:
    import json

    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def _location(loc: Sequence[int | str], data: Any) -> str:
    """('documents', 3, 'year') -> 'documents[3 = etat-des-lieux].year', naming the id when known."""
    out = ""
    node = data
    for part in loc:
        if isinstance(part, int):
            ident = node[part].get("id") if _indexable(node, part) and isinstance(node[part], dict) else None
            out += f"[{part} = {shown(ident, 80)}]" if isinstance(ident, str) else f"[{part}]"
            node = node[part] if _indexable(node, part) else None
        else:
            out += f".{shown(part, 80)}" if out else shown(part, 80)
            node = node.get(part) if isinstance(node, dict) else None
    return out or t("val.root")


def _indexable(node: Any, index: int) -> bool:
    return isinstance(node, list) and 0 <= index < len(node)


_TYPE_NAMES = {
    "string_type": "type.text",
    "int_type": "type.integer",
    "int_parsing": "type.integer",
    "int_from_float": "type.integer",
    "tuple_type": "type.list",
    "list_type": "type.list",
    "model_type": "type.object",
    "model_attributes_type": "type.object",
    "dict_type": "type.object",
    "bool_type": "type.boolean",
}


def _message(err: Any) -> tuple[str, dict[str, Any]]:
    """A pydantic error as a catalogue key and its parameters, from its type and `ctx`, never its English `msg`."""
    from .model import VISIBLE_PATTERN

    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "missing":
        return "val.missing", {}
    if kind == "extra_forbidden":
        return "val.extra", {}
    if kind in _TYPE_NAMES:
        return "val.type", {"expected": t(_TYPE_NAMES[kind])}
    if kind in ("string_too_short", "too_short"):
        return "val.too_short", {}
    if kind == "string_pattern_mismatch":
        return ("val.blank", {}) if ctx.get("pattern") == VISIBLE_PATTERN else ("val.pattern", {})
    if kind == "greater_than_equal":
        return "val.min", {"limit": ctx.get("ge", "?")}
    if kind == "less_than_equal":
        return "val.max", {"limit": ctx.get("le", "?")}
    if kind == "string_too_long":
        return "val.too_long_text", {"limit": ctx.get("max_length", "?")}
    if kind == "too_long":
        return "val.too_long_list", {"limit": ctx.get("max_length", "?")}
    if kind == "kit_url":
        return "val.url", {"url": shown(ctx.get("url", ""), 80)}
    if kind == "literal_error":
        values = [quoted or number for quoted, number in _EXPECTED.findall(str(ctx.get("expected", "")))]
        if len(values) == 1:
            return "val.expected", {"value": values[0]}
        if values:
            return "val.one_of", {"values": ", ".join(values)}
    return "val.invalid", {}


# pydantic's `expected` of a literal error: "'association', 'company' or 'other'", or "1".
_EXPECTED = re.compile(r"'((?:[^'\\]|\\.)*)'|(-?\d+)")


def _raw_reference_problems(data: Any) -> list[tuple[str, str, dict[str, str]]]:
    """References that can still be checked in a kit whose fields are not all valid."""
    from .model import kit_problems

    if not isinstance(data, dict):
        return []
    return kit_problems(data)
