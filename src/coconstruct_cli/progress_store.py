"""The reading-progress file: where it lives, reading it forgivingly, changing it without ever losing a mark.

Where: `KIT_HOME` when set, else the platform's folder for an application's user data, written by hand
(as platformdirs' `user_data_dir` would give it):

- Linux and other Unix: `$XDG_DATA_HOME/coconstruct-cli`, by default `~/.local/share/coconstruct-cli`;
- macOS: `~/Library/Application Support/coconstruct-cli`;
- Windows: `%APPDATA%\\coconstruct-cli` (the roaming profile, so progress follows the reader).

Why by hand: platformdirs would be a new dependency for three lines of rules, and click's
`get_app_dir` answers the configuration folder (`~/.config`) on Linux, while reading progress is the
reader's data, worth keeping and exporting, not a setting; importing click would also tie this core
module to the CLI framework. The XDG rules are the ones the freedesktop specification states.

How: every change is a read-modify-write under an exclusive lock (`fcntl.flock` on `progress.lock`
beside the state), written by the program's one atomic writer (`files.write_file`: a temporary file
in the same folder, synced, then `os.replace`d over the state, removed on a failure or a signal):
a reader sees the old file or the new one, never half of one, and two
processes marking at once both land. A state file that cannot be used is never written over: reading
gives an empty progress and a warning, changing it refuses with `ProgressStateError` until
`reset` moves it aside.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from .errors import (
    OutputError,
    ProgressBusyError,
    ProgressFolderError,
    ProgressImportError,
    ProgressNoHomeError,
    ProgressStateError,
    ProgressWriteError,
    Unusable,
    WriteError,
)
from .files import TEMP_SUFFIX, file_reason, read_limited
from .i18n import t
from .progress import (
    EMPTY,
    Answers,
    Change,
    KitId,
    MergeReport,
    State,
    dumps,
    mark,
    merge,
    parse,
    remember,
    unmark,
)

if TYPE_CHECKING:
    from datetime import datetime

APP_NAME = "coconstruct-cli"
STATE_NAME = "progress.json"
LOCK_NAME = "progress.lock"
TEMP_PREFIX = ".progress-"
LOCK_TIMEOUT = 10.0
"""Seconds to wait for another process's change before giving up."""
MAX_IMPORT_BYTES = 32 * 1024 * 1024

T = TypeVar("T")


# --- where ---------------------------------------------------------------------------------------


def home(env: Mapping[str, str] | None = None, platform: str | None = None) -> Path:
    """The folder of the state: `KIT_HOME`, else the platform's user-data folder (see the module's docstring)."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if env.get("KIT_HOME"):
        try:
            return Path(env["KIT_HOME"]).expanduser()
        except RuntimeError:  # `~` with no home to expand it to
            raise ProgressNoHomeError from None
    user = _user_home(env, platform)
    if platform == "win32":
        base = env.get("APPDATA") or str(user / "AppData" / "Roaming")
        return Path(base) / APP_NAME
    if platform == "darwin":
        return user / "Library" / "Application Support" / APP_NAME
    xdg = env.get("XDG_DATA_HOME", "")
    # The specification says a relative value is invalid and must be ignored.
    base_dir = Path(xdg) if xdg and Path(xdg).is_absolute() else user / ".local" / "share"
    return base_dir / APP_NAME


def _user_home(env: Mapping[str, str], platform: str) -> Path:
    """`HOME` when absolute, else the password entry's home (`USERPROFILE` on Windows); else `ProgressNoHomeError`."""
    given = env.get("HOME", "")
    # As for XDG_DATA_HOME, an empty or relative HOME is ignored: it would put the state under `/` or
    # under whatever folder the command is run from.
    if given and Path(given).is_absolute():
        return Path(given)
    if platform == "win32":  # pragma: no cover - not run in CI
        found = env.get("USERPROFILE", "")
    else:
        try:
            import pwd

            found = pwd.getpwuid(os.getuid()).pw_dir
        except (ImportError, KeyError):  # no password entry for this uid
            found = ""
    if found and Path(found).is_absolute():
        return Path(found)
    raise ProgressNoHomeError


def state_path(env: Mapping[str, str] | None = None) -> Path:
    """The state file (`kit progress --where`); it may not exist yet."""
    return home(env) / STATE_NAME


# --- reading -------------------------------------------------------------------------------------


class Loaded(NamedTuple):
    """The progress as read for a command: `warning` is the one line to show when the file was ignored."""

    state: State
    path: Path | None
    warning: str | None = None


def load(path: Path | None = None) -> Loaded:
    """Read the state for display. Never fails: a missing file is an empty progress, a bad one too, with a warning.

    Without a home (`ProgressNoHomeError`) nothing was ever saved: an empty progress, and `path` is None.
    """
    if path is None:
        try:
            path = state_path()
        except ProgressNoHomeError:
            return Loaded(EMPTY, None)
    try:
        return Loaded(_read_strict(path), path)
    except ProgressStateError as exc:
        return Loaded(EMPTY, path, t("progress.warn_ignored", path=path, reason=exc.reason))


def _read_strict(path: Path) -> State:
    """The state in the file, EMPTY when there is none; `ProgressStateError` when it cannot be used."""
    try:
        raw = _read_file(path)
    except FileNotFoundError:
        return EMPTY
    except NotADirectoryError:  # a file where a folder of the path should be: nothing was ever saved here
        return EMPTY
    except OSError as exc:
        if isinstance(exc, PermissionError) and not os.path.lexists(path):
            raise ProgressFolderError(path, file_reason(exc)) from None
        raise ProgressStateError(path, file_reason(exc)) from None
    try:
        return parse(raw)
    except Unusable as exc:
        raise ProgressStateError(path, exc.reason) from None


def _read_file(path: Path) -> bytes:
    """The bytes of a regular file of at most `MAX_IMPORT_BYTES`: a FIFO or a device (`/dev/zero`) is refused
    without being read, so that neither can hang a command or fill the memory (`files.read_limited`)."""
    # `read_limited` reads standard input for « - »; here it is a file of that name.
    return read_limited(path if os.fspath(path) != "-" else f".{os.sep}-", MAX_IMPORT_BYTES)


# --- changing ------------------------------------------------------------------------------------


def update(change: Callable[[State], tuple[State, T]], path: Path | None = None, timeout: float = LOCK_TIMEOUT) -> T:
    """Apply `change` to the state under the lock and save the result atomically; return what `change` returns.

    When `change` leaves the state as it is, nothing is locked or written (so marking an id already
    read works on a read-only home).
    """
    path = state_path() if path is None else path
    current = _read_strict(path)
    new, result = change(current)
    if new == current:
        return result
    with _lock(path, timeout):
        _remove_leftovers(path.parent)
        current = _read_strict(path)  # again: another process may have written meanwhile
        new, result = change(current)
        if new != current:
            _write_atomic(path, dumps(new).encode("utf-8"))
    return result


def mark_read(kid: KitId, ids: Iterable[str], path: Path | None = None) -> tuple[Change, ...]:
    """Mark documents read (ids already checked against the kit by the caller); what happened to each."""
    wanted = tuple(ids)
    return update(lambda s: mark(s, kid, wanted), path)


def unmark_read(kid: KitId, ids: Iterable[str], path: Path | None = None) -> tuple[Change, ...]:
    """Unmark documents; what happened to each (ids the kit no longer has may be unmarked too)."""
    wanted = tuple(ids)
    return update(lambda s: unmark(s, kid, wanted), path)


def remember_answers(kid: KitId, answers: Answers, path: Path | None = None) -> None:
    """Remember the guide's answers for this kit (only when the CLI decides the plan is kept)."""
    update(lambda s: (remember(s, kid, answers), None), path)


def import_file(source: Path, path: Path | None = None) -> MergeReport:
    """Merge a progress export into the state (see `progress.merge`); `ProgressImportError` if it is not one."""
    other = read_export(source)
    return update(lambda s: merge(s, other), path)


def read_export(source: Path) -> State:
    """The state an export file holds, validated like any input: errors name the file and the field."""
    try:
        if source.is_dir():
            raise ProgressImportError(t("progress.err_import_read", path=source, reason=t("os.EISDIR")))
        size = source.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise ProgressImportError(t("progress.err_import_big", path=source, size=size, limit=MAX_IMPORT_BYTES))
        raw = _read_file(source)
    except OSError as exc:
        raise ProgressImportError(t("progress.err_import_read", path=source, reason=file_reason(exc))) from None
    try:
        return parse(raw)
    except Unusable as exc:
        if exc.problems:
            from .loader import MAX_PROBLEMS

            # As for kit files: the first hundred problems, the rest counted (a broken export could list millions).
            listed = [f"  - {p}" for p in exc.problems[:MAX_PROBLEMS]]
            rest = len(exc.problems) - MAX_PROBLEMS
            if rest > 0:
                listed.append("  " + t("val.more_one" if rest == 1 else "val.more_many", count=rest))
            lines = "\n".join(listed)
            raise ProgressImportError(t("progress.err_import_invalid", path=source) + "\n" + lines) from None
        raise ProgressImportError(t("progress.err_import", path=source, reason=exc.reason)) from None


def reset(path: Path | None = None, now: datetime | None = None) -> Path | None:
    """Move the state file aside (even a bad one) and return its new name; None when there was none."""
    path = state_path() if path is None else path
    if not path.exists() and not path.is_symlink():
        return None
    from datetime import UTC, datetime

    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    with _lock(path, LOCK_TIMEOUT):
        if not path.exists() and not path.is_symlink():
            return None
        aside = path.with_name(f"{path.name}.{stamp}.bak")
        n = 1
        while aside.exists():
            aside = path.with_name(f"{path.name}.{stamp}-{n}.bak")
            n += 1
        try:
            path.rename(aside)
        except OSError as exc:
            raise ProgressWriteError(t("progress.err_write", path=path, reason=file_reason(exc))) from None
    return aside


# --- the lock and the write ---------------------------------------------------------------


@contextmanager
def _lock(path: Path, timeout: float) -> Iterator[None]:
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:  # a file, or a link to nowhere, where the folder should be
        raise ProgressWriteError(t("progress.err_write", path=folder, reason=t("progress.why_not_folder"))) from None
    except OSError as exc:
        raise ProgressWriteError(t("progress.err_write", path=folder, reason=file_reason(exc))) from None
    try:
        fd = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise ProgressWriteError(t("progress.err_write", path=folder / LOCK_NAME, reason=file_reason(exc))) from None
    try:
        deadline = time.monotonic() + timeout
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                raise ProgressBusyError(t("progress.err_busy", path=folder / LOCK_NAME, seconds=round(timeout)))
            time.sleep(0.01)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock, also when the process is killed


if sys.platform == "win32":  # pragma: no cover - not run in CI
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


def _write_atomic(path: Path, data: bytes) -> None:
    """The state written by the one atomic writer (`files.write_file`): replaced whole, synced, and a new
    state private to its user (0600), as it holds the guide's answers; a replaced one keeps its permissions."""
    from .files import write_file

    try:
        write_file(data, path, force=True, new_mode=0o600, temp_prefix=TEMP_PREFIX)
    except WriteError as exc:
        raise ProgressWriteError(t("progress.err_write", path=path, reason=exc.reason)) from None
    except OutputError as exc:  # a folder or a device where the state should be: told as the writer says it
        raise ProgressWriteError(exc.message) from None


def _remove_leftovers(folder: Path) -> None:
    """Temporary files of writers that were killed: under the lock, no live writer owns one."""
    for leftover in folder.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
        leftover.unlink(missing_ok=True)
