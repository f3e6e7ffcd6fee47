"""Writing a result to a file: atomically, never replacing a file unless asked, never leaving a temporary file."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from .errors import OutputError
from .i18n import t

NAME_MAX = 255
"""Bytes in one file name on Linux, macOS and Windows file systems (used when pathconf cannot tell)."""
_TEMP_PREFIX = ".kit-"
_CLEANUP_SIGNALS = ("SIGTERM", "SIGHUP")


class _Signalled(BaseException):
    """Raised by the write's signal handler, so that the `finally` clauses remove the temporary file."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _SignalCleanup:
    """For the duration of a write, SIGTERM and SIGHUP remove the temporary file, then exit 128 + signal.

    Python's default for these signals is to die at once, leaving the hidden temporary file behind;
    here the handler raises `_Signalled`, the write's `finally` clauses run, and `__exit__` exits with
    `SystemExit(128 + signum)` (143 for SIGTERM, 129 for SIGHUP), as a shell reports a killed command.
    A signal that was ignored (`nohup`) stays ignored. Only one signal interrupts the write: others
    that arrive during the clean-up are remembered, not raised. SIGKILL cannot be caught: short of
    Linux's O_TMPFILE (a file with no name until it is linked), a `kill -9` during a write can leave
    the hidden `.kit-*.tmp` file in the target's folder, never a partial target.
    """

    def __init__(self) -> None:
        self.temporary: Path | None = None
        self.armed = False
        self.pending: int | None = None
        self.previous: dict[int, object] = {}

    def _handle(self, signum: int, frame: object) -> None:
        if self.pending is None:
            self.pending = signum
        if self.armed:
            self.armed = False
            raise _Signalled(signum)

    def __enter__(self) -> _SignalCleanup:
        import signal
        import threading

        if threading.current_thread() is not threading.main_thread():
            return self  # signal handlers can only be set from the main thread
        for name in _CLEANUP_SIGNALS:
            signum = getattr(signal, name, None)
            if signum is None:  # pragma: no cover - Windows has no SIGHUP
                continue
            previous = signal.getsignal(signum)
            if previous is signal.SIG_IGN:
                continue
            self.previous[signum] = previous
            signal.signal(signum, self._handle)
        self.armed = True
        return self

    def create(self, folder: Path) -> tuple[int, Path]:
        """The temporary file, created with the signals held back so that it is never unrecorded."""
        import signal

        held = set(self.previous) if hasattr(signal, "pthread_sigmask") else set()
        before = signal.pthread_sigmask(signal.SIG_BLOCK, held) if held else None
        try:
            fd, self.temporary = _create_temporary(folder)
        finally:
            if before is not None:
                signal.pthread_sigmask(signal.SIG_SETMASK, before)  # a held signal is handled here
        return fd, self.temporary

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        import signal

        self.armed = False
        if self.temporary is not None:
            self.temporary.unlink(missing_ok=True)
        for signum, previous in self.previous.items():
            signal.signal(signum, previous)  # type: ignore[arg-type]
        if self.pending is not None:
            raise SystemExit(128 + self.pending) from None


def _shown(path: Path | str) -> str:
    """A file name as messages show it: no control or bidi character, not at any length (`-` is a file here)."""
    from .loader import shown

    return shown(os.fspath(path), 400)


def _name_max(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        return NAME_MAX


def _check_target(raw: str, target: Path, force: bool) -> None:
    """Every reason to refuse `target` before anything is created; raises `OutputError`."""
    from .loader import file_reason, shown

    shown_target = _shown(target)
    if raw.endswith(("/", os.sep)):
        raise OutputError(t("err.output_trailing_slash", path=_shown(raw)))
    try:
        size = len(os.fsencode(target.name))
    except (UnicodeError, ValueError) as exc:
        raise OutputError(t("err.output_write", path=shown_target, reason=file_reason(exc))) from None
    limit = _name_max(target.parent)
    if size > limit:
        raise OutputError(t("err.output_name_too_long", name=shown(target.name, 80), size=size, limit=limit))
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        if not target.parent.is_dir():
            # lstat found no file: the folder itself is missing (`missing/plan.md`), or is not a folder.
            folder = _shown(target.parent)
            raise OutputError(t("err.output_no_folder", path=shown_target, folder=folder)) from None
        return
    except (OSError, ValueError) as exc:  # EACCES (a folder that cannot be searched), ENAMETOOLONG, ELOOP, NUL
        raise OutputError(t("err.output_write", path=shown_target, reason=file_reason(exc))) from None
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(t("err.output_is_dir", path=shown_target))
    if not force:
        raise OutputError(t("err.output_exists", path=shown_target))
    if not (stat.S_ISREG(info.st_mode) or stat.S_ISLNK(info.st_mode)):
        raise OutputError(t("err.output_special", path=shown_target))


def _create_temporary(folder: Path) -> tuple[int, Path]:
    """A new hidden file beside the target, with a short name: the target's name may use all of NAME_MAX."""
    import secrets

    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
    for _ in range(100):
        temporary = folder / f"{_TEMP_PREFIX}{secrets.token_hex(6)}.tmp"
        try:
            # 0o666 less the umask: a saved plan is an ordinary file, readable as the user's files are.
            return os.open(temporary, flags, 0o666), temporary
        except FileExistsError:  # pragma: no cover - 48 random bits
            continue
    raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST))  # pragma: no cover


def write_file(text: str | bytes, path: Path | str, force: bool, bom: bool = False) -> None:
    """Write `text` (UTF-8, or bytes as they are) to `path` atomically; refuse to replace an existing file unless `force`.

    `path` should be the user's own string: `Path("missing/")` loses the slash that says « a folder ».
    Raises `OutputError` (exit code 4), never a bare `OSError`: a name over NAME_MAX bytes, a folder
    that is missing or cannot be searched, a name ending in `/`, a folder as target, an existing file
    without `force`, and with `force` anything but a regular file or a symbolic link (a device, FIFO
    or socket is never replaced). The text goes to a hidden temporary file in the same folder, is
    synced, then linked to the target (`os.link` fails if the target appeared meanwhile) or, with
    `force`, renamed over it; the temporary file is removed on any failure, on Ctrl-C, and on SIGTERM
    or SIGHUP, after which the process exits with 128 + the signal's number (see `_SignalCleanup`).
    """
    from .loader import file_reason

    raw = os.fspath(path)
    target = Path(raw)
    shown_target = _shown(target)
    _check_target(raw, target, force)
    kept_mode = _replaced_mode(target) if force else None
    try:
        data = text if isinstance(text, bytes) else text.encode("utf-8-sig" if bom else "utf-8")
    except UnicodeEncodeError:
        raise OutputError(t("err.output_encoding", path=shown_target)) from None
    try:
        with _SignalCleanup() as cleanup:
            fd, temporary = cleanup.create(target.parent)
            try:
                if kept_mode is not None:
                    os.fchmod(fd, kept_mode)
                _write_all(fd, data)
                os.fsync(fd)
                os.close(fd)
                fd = -1
                _publish(temporary, target, force, shown_target)
            finally:
                if fd >= 0:
                    os.close(fd)
                temporary.unlink(missing_ok=True)
    except OSError as exc:
        raise OutputError(t("err.output_write", path=shown_target, reason=file_reason(exc))) from None


def _replaced_mode(target: Path) -> int | None:
    """The permissions of the file `--force` replaces, so that a private file (0600) stays private;
    None when there is none (a new file gets 0666 less the umask)."""
    try:
        info = os.lstat(target)  # a link is replaced by a new file, not by a copy of what it points to
    except (OSError, ValueError):
        return None
    return stat.S_IMODE(info.st_mode) if stat.S_ISREG(info.st_mode) else None


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _publish(temporary: Path, target: Path, force: bool, shown_target: str) -> None:
    if force:
        temporary.replace(target)
        return
    # A hard link fails if the target appeared meanwhile, so nothing is ever replaced by accident.
    try:
        os.link(temporary, target, follow_symlinks=False)
    except FileExistsError:
        raise OutputError(t("err.output_exists", path=shown_target)) from None
    except OSError:
        # No hard links on this file system (FAT, some network mounts): check, then rename.
        if os.path.lexists(target):
            raise OutputError(t("err.output_exists", path=shown_target)) from None
        temporary.replace(target)
