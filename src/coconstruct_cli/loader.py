"""Reading a kit file: the bundled one or the user's, with every failure turned into a `KitFileError`."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import KitFileError
from .i18n import os_reason, t

if TYPE_CHECKING:
    from pydantic import ValidationError

    from .model import Kit

MAX_BYTES = 64 * 1024 * 1024
_LINE_COL = re.compile(r"(?: at)? line (\d+) column (\d+)")
# The JSON parser's own words (pydantic_core), told in the user's language.
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
)


def bundled_path() -> Path:
    """The kit shipped inside the package (falls back to the checkout's data/ when run from source)."""
    here = Path(__file__).resolve().parent
    packaged = here / "data" / "kit.json"
    if packaged.is_file():
        return packaged
    return here.parents[1] / "data" / "kit.json"


def load_kit(path: Path | None = None) -> Kit:
    """Load and fully validate a kit file; `None` means the bundled kit."""
    # pydantic looks up third-party plugins through package metadata when the first model class is
    # created (~12 ms at every start-up); a command-line tool has no use for them.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from pydantic import ValidationError

    from .model import Kit, kit_problems

    source = bundled_path() if path is None else path
    raw = _read(source)
    text = _decode(source, raw)
    try:
        kit = Kit.model_validate_json(text)
    except ValidationError as exc:
        raise _invalid(source, text, exc) from None
    problems = [_problem(loc, key, params) for loc, key, params in kit_problems(kit)]
    if problems:
        raise KitFileError(_report(source, problems))
    return kit


def _read(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise KitFileError(t("err.kit_is_dir", path=path))
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise KitFileError(t("err.kit_too_big", path=path, size=size, limit=MAX_BYTES))
        return path.read_bytes()
    except FileNotFoundError:
        raise KitFileError(t("err.kit_missing", path=path)) from None
    except OSError as exc:
        raise KitFileError(t("err.kit_unreadable", path=path, reason=os_reason(exc))) from None


def _decode(path: Path, raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise KitFileError(t("err.kit_encoding", path=path, line=line, column=column)) from None


def _invalid(path: Path, text: str, exc: ValidationError) -> KitFileError:
    errors = exc.errors(include_url=False)
    for err in errors:
        if err["type"] == "json_invalid":
            detail = str(err.get("ctx", {}).get("error", err["msg"]))
            match = _LINE_COL.search(detail)
            line, column = (match.group(1), str(max(1, int(match.group(2))))) if match else ("?", "?")
            detail = _LINE_COL.sub("", detail).strip(" ,:")
            detail = next((t(key) for prefix, key in _JSON_DETAILS if detail.startswith(prefix)), detail)
            return KitFileError(t("err.kit_json", path=path, line=line, column=column, detail=detail))
    data = _lenient_json(text)
    problems = [_problem(_location(err["loc"], data), *_message(err)) for err in errors]
    # The fields are wrong, but the references may be checked on what is there, so that one run
    # reports every problem at once.
    problems += [_problem(loc, key, params) for loc, key, params in _raw_reference_problems(data)]
    return KitFileError(_report(path, problems))


def _report(path: Path, problems: list[str]) -> str:
    head = t("err.kit_invalid", path=path, count=len(problems))
    return head + "\n" + "\n".join(f"  - {p}" for p in problems)


def _problem(location: str, key: str, params: Mapping[str, Any]) -> str:
    return f"{location}: {t(key, **params)}"


def _lenient_json(text: str) -> Any:
    import json

    try:
        return json.loads(text)
    except ValueError:
        return None


def _location(loc: Sequence[int | str], data: Any) -> str:
    """('documents', 3, 'year') -> 'documents[3 = etat-des-lieux].year', naming the id when known."""
    out = ""
    node = data
    for part in loc:
        if isinstance(part, int):
            ident = node[part].get("id") if _indexable(node, part) and isinstance(node[part], dict) else None
            out += f"[{part} = {ident}]" if isinstance(ident, str) else f"[{part}]"
            node = node[part] if _indexable(node, part) else None
        else:
            out += f".{part}" if out else str(part)
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
    kind = err["type"]
    if kind == "missing":
        return "val.missing", {}
    if kind == "extra_forbidden":
        return "val.extra", {}
    if kind in _TYPE_NAMES:
        return "val.type", {"expected": t(_TYPE_NAMES[kind])}
    if kind in ("string_too_short", "too_short"):
        return "val.too_short", {}
    if kind == "string_pattern_mismatch":
        return "val.pattern", {}
    if kind in ("greater_than_equal", "less_than_equal", "string_too_long", "too_long"):
        return "val.range", {"detail": err["msg"]}
    if kind == "literal_error":
        return "val.literal", {"detail": err["msg"]}
    return "val.literal", {"detail": err["msg"]}


def _raw_reference_problems(data: Any) -> list[tuple[str, str, dict[str, str]]]:
    """References that can still be checked in a kit whose fields are not all valid."""
    from .model import kit_problems

    if not isinstance(data, dict):
        return []
    return kit_problems(data)
