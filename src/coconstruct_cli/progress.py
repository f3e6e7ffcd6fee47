"""Reading progress as data: which documents of which kit the reader has read, and the guide's answers.

Pure: no file is touched here (`progress_store` reads and writes the state file), nothing prints.
The state and its export share one JSON format, checked by hand rather than by a pydantic model: it is
read at the start of every command, and the check must tell « from a newer version » apart from
« broken » before looking at any field.

Format, version 1 (the first)::

    {"format": "coconstruct-cli/progress", "version": 1,
     "kits": [{"title": "...", "publisher": "...", "read": ["doc-id", ...],
               "answers": {"role": "company", "goal": "support", "need": null}}],
     "report": <anything>}

Records are NamedTuples, not dataclasses: eight frozen dataclasses cost about 4 ms at every start of
`kit`, NamedTuples a fifth of that, with the same immutability.

`report` is optional and ignored when read: it is where `kit progress --format json` may add what it
shows (counts per path) while staying an importable export.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from typing import TYPE_CHECKING, Any, NamedTuple

from .errors import DuplicateKey, Unusable
from .i18n import t
from .text import shown

if TYPE_CHECKING:
    from .model import Kit

FORMAT = "coconstruct-cli/progress"
VERSION = 1
"""The version this program writes; it reads every version up to this one."""
ANSWER_FIELDS = ("role", "goal", "need", "situation")

MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}
"""`MIGRATIONS[n]` turns a version-n document into a version n+1 one. Empty while version 1 is the only one."""

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # the kit format's Slug
_ID_CHARS = re.compile(r"[a-z0-9-]*")
_MAX_ID = 80
_SURROGATE = re.compile("[\ud800-\udfff]")
_TOP_FIELDS = ("format", "version", "kits", "report")
_KIT_FIELDS = ("title", "publisher", "read", "answers")


# --- kit identity --------------------------------------------------------------------------------


class KitId(NamedTuple):
    """Which kit progress belongs to: its publisher and title, compared without case or spacing."""

    key: str
    title: str
    publisher: str


def _normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def kit_id(title: str, publisher: str) -> KitId:
    """The identity of a kit from its `about.title` and `about.publisher`.

    Not the file's path: the bundled kit moves with every install, and a reader who saves a newer
    edition of a kit elsewhere must keep their progress. Not a hash of the content: every correction
    would change it. The title and the publisher are what a person calls « the same kit »; a kit
    that changes its title starts afresh (its old progress stays in the file and can be imported
    back under the new identity by editing an export). Case, accents' composition and spacing
    (non-breaking spaces included) do not count.
    """
    return KitId(f"{_normal(publisher)} / {_normal(title)}", title, publisher)


def kit_identity(kit: Kit) -> KitId:
    """The identity of a loaded kit (the bundled one or a `--kit` file)."""
    return kit_id(kit.about.title, kit.about.publisher)


# --- the state -----------------------------------------------------------------------------------


class Answers(NamedTuple):
    """The guide's answers remembered for a kit; None when not given."""

    role: str | None = None
    goal: str | None = None
    need: str | None = None
    situation: str | None = None

    @property
    def empty(self) -> bool:
        return all(getattr(self, name) is None for name in ANSWER_FIELDS)


class KitProgress(NamedTuple):
    """What the reader did with one kit."""

    title: str
    publisher: str
    read: frozenset[str] = frozenset()
    answers: Answers = Answers()


class State(NamedTuple):
    """Every kit's progress, by `KitId.key`. Treat `kits` as read-only: operations return a new State."""

    kits: Mapping[str, KitProgress] = {}

    def kit(self, kid: KitId) -> KitProgress:
        return self.kits.get(kid.key) or KitProgress(kid.title, kid.publisher)

    def read(self, kid: KitId) -> frozenset[str]:
        """The ids marked read in this kit (including ids the kit no longer has)."""
        return self.kit(kid).read

    def answers(self, kid: KitId) -> Answers:
        return self.kit(kid).answers

    def with_kit(self, kid: KitId, progress: KitProgress) -> State:
        kits = dict(self.kits)
        # The newest title and publisher spellings win, so the file shows the kit as the reader sees it.
        kits[kid.key] = progress._replace(title=kid.title, publisher=kid.publisher)
        return State(kits)


EMPTY = State()


class Change(NamedTuple):
    """What `mark` or `unmark` did to one id: `changed` is False when it was already so."""

    id: str
    read: bool
    """Whether the id is read after the operation."""
    changed: bool


def mark(state: State, kid: KitId, ids: Iterable[str]) -> tuple[State, tuple[Change, ...]]:
    """Mark ids read; one Change per distinct id, in the order given."""
    return _set_read(state, kid, ids, read=True)


def unmark(state: State, kid: KitId, ids: Iterable[str]) -> tuple[State, tuple[Change, ...]]:
    """Unmark ids; one Change per distinct id, in the order given."""
    return _set_read(state, kid, ids, read=False)


def _set_read(state: State, kid: KitId, ids: Iterable[str], *, read: bool) -> tuple[State, tuple[Change, ...]]:
    progress = state.kit(kid)
    done = set(progress.read)
    changes = []
    for ident in dict.fromkeys(ids):
        changes.append(Change(ident, read, (ident in done) != read))
        if read:
            done.add(ident)
        else:
            done.discard(ident)
    if not any(c.changed for c in changes):
        return state, tuple(changes)
    return state.with_kit(kid, progress._replace(read=frozenset(done))), tuple(changes)


def describe(change: Change, title: str) -> str:
    """The line telling the reader what happened to one document."""
    key = {
        (True, True): "progress.marked",
        (True, False): "progress.already_read",
        (False, True): "progress.unmarked",
        (False, False): "progress.was_not_read",
    }[(change.read, change.changed)]
    return t(key, id=change.id, title=title)


def remember(state: State, kid: KitId, answers: Answers) -> State:
    """The state with these guide answers remembered for the kit (replacing the previous ones)."""
    if state.answers(kid) == answers:
        return state
    return state.with_kit(kid, state.kit(kid)._replace(answers=answers))


class MergeReport(NamedTuple):
    kits_added: int
    """Kits the state knew nothing about."""
    marks_added: int
    """Ids marked read by the import that were not already read."""
    answers_added: int
    """Guide answers taken from the import (the reader's own answers are never replaced)."""


def merge(state: State, other: State) -> tuple[State, MergeReport]:
    """The union of two states: every read mark of both; an answer is taken from `other` only where `state` has none."""
    kits = dict(state.kits)
    kits_added = marks_added = answers_added = 0
    for key, theirs in other.kits.items():
        ours = kits.get(key)
        if ours is None:
            kits[key] = theirs
            kits_added += 1
            marks_added += len(theirs.read)
            answers_added += sum(getattr(theirs.answers, n) is not None for n in ANSWER_FIELDS)
            continue
        taken = {n: getattr(theirs.answers, n) for n in ANSWER_FIELDS if getattr(ours.answers, n) is None}
        taken = {n: v for n, v in taken.items() if v is not None}
        new_marks = theirs.read - ours.read
        marks_added += len(new_marks)
        answers_added += len(taken)
        if new_marks or taken:
            kits[key] = ours._replace(read=ours.read | new_marks, answers=ours.answers._replace(**taken))
    return State(kits), MergeReport(kits_added, marks_added, answers_added)


def merge_lines(report: MergeReport) -> list[str]:
    """What an import did, one line each, for the reader."""
    if report.marks_added == 0:
        lines = [t("progress.imported_none")]
    elif report.marks_added == 1:
        lines = [t("progress.imported_one")]
    else:
        lines = [t("progress.imported_many", count=report.marks_added)]
    if report.answers_added:
        lines.append(t("progress.imported_answers"))
    return lines


# --- reading along a path ------------------------------------------------------------------------


class PathProgress(NamedTuple):
    """Where the reader stands on one path."""

    read: int
    total: int
    next: tuple[str, ...]
    """Unread ids: the plan's « Pour commencer » ones first, then the rest in reading order."""

    @property
    def done(self) -> bool:
        return self.read == self.total


def path_progress(order: Sequence[str], read: Set[str], start: Sequence[str] = ()) -> PathProgress:
    """Read/total over a path's reading order, and what to read next.

    `start` (the guide's « Pour commencer » set, in its order) comes first; ids of `start` that are not
    on the path are ignored, so that the next documents and the counts speak of the same documents.
    """
    ids = tuple(dict.fromkeys(order))
    on_path = set(ids)
    first = tuple(i for i in dict.fromkeys(start) if i in on_path and i not in read)
    rest = tuple(i for i in ids if i not in read and i not in first)
    return PathProgress(sum(1 for i in ids if i in read), len(ids), first + rest)


def orphans(read: Set[str], known: Iterable[str]) -> tuple[str, ...]:
    """Ids marked read that the kit no longer has (kept, never dropped), sorted."""
    return tuple(sorted(read - set(known)))


def orphans_line(ids: Sequence[str]) -> str:
    """The line listing them (`kit progress`)."""
    return t("progress.orphans", ids=", ".join(ids))


# --- the JSON document ---------------------------------------------------------------------------


def to_document(state: State, only: KitId | None = None, report: Any = None) -> dict[str, Any]:
    """The JSON document of a state (the state file, or an export of one kit with `only`)."""
    kits = [state.kit(only)] if only is not None else [state.kits[k] for k in sorted(state.kits)]
    doc: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "kits": [
            {
                "title": p.title,
                "publisher": p.publisher,
                "read": sorted(p.read),
                "answers": {n: getattr(p.answers, n) for n in ANSWER_FIELDS},
            }
            for p in kits
        ],
    }
    if report is not None:
        doc["report"] = report
    return doc


def dumps(state: State, only: KitId | None = None, report: Any = None) -> str:
    """The document as text: the state file, or with `only`/`report` the export `kit progress --format json` prints."""
    return json.dumps(to_document(state, only, report), ensure_ascii=False, indent=1) + "\n"


def parse(raw: bytes) -> State:
    """The state a document's bytes hold, migrated to the current version; `Unusable` otherwise."""
    body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw  # a BOM, as some Windows editors write
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = body[: exc.start]
        line, column = before.count(b"\n") + 1, exc.start - (before.rfind(b"\n") + 1) + 1
        raise Unusable(t("progress.why_encoding", line=line, column=column)) from None
    try:
        data = json.loads(text, object_pairs_hook=_object)
    except DuplicateKey as exc:
        raise Unusable(t("progress.why_duplicate", key=exc.key[:80])) from None
    except json.JSONDecodeError as exc:
        raise Unusable(t("progress.why_json", line=exc.lineno, column=exc.colno)) from None
    except RecursionError:
        raise Unusable(t("progress.why_json", line="?", column="?")) from None
    except ValueError:  # an integer of more digits than Python converts (`sys.get_int_max_str_digits`)
        raise Unusable(t("progress.why_number")) from None
    return from_data(data)


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refused when a key appears twice: `json` keeps the last one, and a mark of the
    first (`"read": [...]` twice) would be lost at the next write."""
    found = dict(pairs)
    if len(found) < len(pairs):
        from .loader import repeated_keys

        raise DuplicateKey(repeated_keys(pairs)[0])
    return found


def from_data(data: Any) -> State:
    """The state held by parsed JSON; `Unusable` with every problem found otherwise."""
    version = data.get("version") if isinstance(data, dict) else None
    if isinstance(version, int) and not isinstance(version, bool):
        if version > VERSION:
            raise Unusable(t("progress.why_newer", version=version, current=VERSION), newer=True)
        # Older documents are brought up to date first, then checked as the current version: a
        # migration passes through what it does not understand, so that the check reports it.
        while 1 <= version < VERSION:
            data = MIGRATIONS[version](data)
            version = data["version"]
    problems = _problems(data)
    if problems:
        lines = [f"{where}: {message}" for where, message in problems]
        raise Unusable(t("progress.why_invalid", first=lines[0]), problems=lines)
    kits: dict[str, KitProgress] = {}
    for entry in data["kits"]:
        kid = kit_id(entry["title"], entry["publisher"])
        answers = entry.get("answers") or {}
        progress = KitProgress(
            entry["title"], entry["publisher"], frozenset(entry["read"]), Answers(**{n: answers.get(n) for n in ANSWER_FIELDS})
        )
        if kid.key in kits:  # the same kit twice (a hand-edited file): keep both
            progress = merge(State({kid.key: kits[kid.key]}), State({kid.key: progress}))[0].kits[kid.key]
        kits[kid.key] = progress
    return State(kits)


def _type(expected: str) -> str:
    return t("val.type", expected=t(expected))


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _text_problem(value: Any) -> str | None:
    """Why `value` is not a text the state can keep, None when it is one.

    JSON lets `"\\ud800"` stand for a lone surrogate, which no file can hold in UTF-8: kept, it would
    make the next write of the state fail.
    """
    if not _text(value):
        return _type("type.text")
    if not value.isascii() and _SURROGATE.search(value):
        return t("json.unicode")
    return None


def _problems(data: Any) -> list[tuple[str, str]]:
    """(location, message) for every way `data` is not a progress document of a version we read."""
    if not isinstance(data, dict):
        return [(t("val.root"), _type("type.object"))]
    out = [(shown(name, 80), t("val.extra")) for name in data if name not in _TOP_FIELDS]
    if "format" not in data:
        out.append(("format", t("val.missing")))
    elif data["format"] != FORMAT:
        out.append(("format", t("progress.why_format", expected=FORMAT)))
    version = data.get("version")
    if "version" not in data:
        out.append(("version", t("val.missing")))
    elif not isinstance(version, int) or isinstance(version, bool):
        out.append(("version", _type("type.integer")))
    elif version < 1:
        out.append(("version", t("val.range", detail=f"1..{VERSION}")))
    kits = data.get("kits")
    if "kits" not in data:
        out.append(("kits", t("val.missing")))
    elif not isinstance(kits, list):
        out.append(("kits", _type("type.list")))
    else:
        for index, entry in enumerate(kits):
            out += _kit_problems(f"kits[{index}]", entry)
    return out


def _all_ids(values: list[Any]) -> bool:
    """Whether every value is a well-formed id, checked over all of them at once.

    Same answer as `_ID.fullmatch` on each (a property test says so), in a third of the time (1 ms for
    10,000 ids): joined by hyphens and framed by two more, the ids hold only [a-z0-9-], and a doubled
    hyphen appears exactly when an id is empty or has a leading, trailing or double hyphen.
    """
    if not values:
        return True
    try:
        joined = "-" + "-".join(values) + "-"
    except TypeError:  # a value that is not a string
        return False
    return max(map(len, values)) <= _MAX_ID and _ID_CHARS.fullmatch(joined) is not None and "--" not in joined


def _kit_problems(where: str, entry: Any) -> list[tuple[str, str]]:
    if not isinstance(entry, dict):
        return [(where, _type("type.object"))]
    out = [(f"{where}.{shown(name, 80)}", t("val.extra")) for name in entry if name not in _KIT_FIELDS]
    for name in ("title", "publisher"):
        if name not in entry:
            out.append((f"{where}.{name}", t("val.missing")))
        elif (problem := _text_problem(entry[name])) is not None:
            out.append((f"{where}.{name}", problem))
    read = entry.get("read")
    if "read" not in entry:
        out.append((f"{where}.read", t("val.missing")))
    elif not isinstance(read, list):
        out.append((f"{where}.read", _type("type.list")))
    elif not _all_ids(read):
        # Each message is written once: a list of 200,000 bad marks asked for it 400,000 times (1.8 s).
        not_text, not_id = _type("type.text"), t("val.pattern")
        for i, ident in enumerate(read):
            if not isinstance(ident, str):
                out.append((f"{where}.read[{i}]", not_text))
            elif len(ident) > _MAX_ID or not _ID.fullmatch(ident):
                out.append((f"{where}.read[{i}]", not_id))
    answers = entry.get("answers")
    if answers is None:
        return out
    if not isinstance(answers, dict):
        return [*out, (f"{where}.answers", _type("type.object"))]
    for name, value in answers.items():
        if name not in ANSWER_FIELDS:
            out.append((f"{where}.answers.{shown(name, 80)}", t("val.extra")))
        elif value is not None and (problem := _text_problem(value)) is not None:
            out.append((f"{where}.answers.{name}", problem))
    return out
