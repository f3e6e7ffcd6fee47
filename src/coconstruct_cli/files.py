"""Every read and write of a file the program makes goes through here: one bounded reader, one atomic writer.

- `read_limited` reads a kit, an `--answers` plan, the progress state, a progress `--import`, a shell's
  start-up file: only a regular file (or standard input), never more than a limit, and a FIFO or a
  device is refused without blocking.
- `write_file` writes an export (`-o`), the progress state and a completion script: atomically
  (a hidden temporary file beside the target, synced, then linked or renamed), never over a file
  unless asked, keeping the permissions of the file it replaces, and never leaving its temporary
  file behind on a failure, Ctrl-C, SIGTERM or SIGHUP.
- `append_text` adds lines to a shell's start-up file, the one file of the user's that is added to
  and never rewritten (it may be a link into a dotfiles folder).

Failures are told with `file_reason` (the system's reasons in the user's language) and names with
`shown_path`; the writers raise `OutputError` (exit code 4), a system failure as its `WriteError`.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path

from .errors import InputFileError, OutputError, OutputExists, Signalled, WriteError
from .i18n import os_reason, t
from .text import one_line, shown

STDIN = "-"
_CHUNK = 1024 * 1024


# --- reading -------------------------------------------------------------------------------------


def read_limited(path: Path | str, limit: int) -> bytes:
    """The bytes of the file `path` (`-`: standard input), refused past `limit` bytes.

    Only a regular file is read (or standard input, whatever it is): a folder raises
    `IsADirectoryError`; a device (/dev/zero, /dev/urandom), FIFO or socket raises `InputFileError`
    without being read, and a FIFO with no writer never blocks (it is opened with O_NONBLOCK, then
    checked). At most `limit + 1` bytes are ever read, so a file that grows, or a pipe that never
    ends, costs no more memory than the limit. Other failures are the system's `OSError`s
    (`FileNotFoundError`, `PermissionError`…); a name with a NUL byte raises `ValueError`.
    """
    if os.fspath(path) == STDIN:
        return _read_stdin(limit)
    info = Path(path).stat()
    _check_regular(info.st_mode, path)
    if info.st_size > limit:
        raise InputFileError(t("reason.too_big", limit=limit))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        # The name may have been swapped for a FIFO or a device since the stat: check what was opened.
        opened = os.fstat(fd)
        _check_regular(opened.st_mode, path)
        return _read_fd(fd, limit, opened.st_size)
    finally:
        os.close(fd)


def _check_regular(mode: int, path: Path | str) -> None:
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), os.fspath(path))
    if not stat.S_ISREG(mode):
        raise InputFileError(t("reason.not_regular"))


def _read_fd(fd: int, limit: int, size: int) -> bytes:
    # The first read asks for the whole file and one byte more (to see that it did not grow): a big kit
    # is then neither copied chunk by chunk nor once more at the end.
    chunks: list[bytes] = []
    total = 0
    want = min(size, limit) + 1
    while total <= limit:
        try:
            chunk = os.read(fd, want)
        except BlockingIOError:  # pragma: no cover - only a non-regular file can block, and it was refused
            raise InputFileError(t("reason.not_regular")) from None
        if not chunk:
            return chunks[0] if len(chunks) == 1 else b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        want = min(_CHUNK, limit + 1 - total)
    raise InputFileError(t("reason.too_big", limit=limit))


def _read_stdin(limit: int) -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # `<&-`: Python sets sys.stdin to None
        raise InputFileError(t("reason.stdin_closed"))
    data = bytearray()
    while len(data) <= limit:
        chunk = stream.read(min(_CHUNK, limit + 1 - len(data)))
        if not chunk:
            return bytes(data)
        data += chunk
    raise InputFileError(t("reason.too_big", limit=limit))


# --- telling what went wrong ---------------------------------------------------------------------

_REASONS = {
    errno.ENAMETOOLONG: "reason.name_too_long",
    errno.ELOOP: "reason.loop",
    errno.EIO: "reason.io",
    errno.EFBIG: "reason.file_too_big",
    errno.EDQUOT: "reason.quota",
}


def file_reason(exc: BaseException) -> str:
    """Why a file cannot be read or written, in the user's language (`i18n.os_reason`, and a few more)."""
    code = getattr(exc, "errno", None)
    if code in _REASONS:
        return t(_REASONS[code])
    if isinstance(exc, ValueError):  # a NUL byte, or a name that cannot be encoded for the system
        return t("reason.bad_name")
    return one_line(os_reason(exc))


def shown_path(path: Path | str) -> str:
    """A file name as messages show it; `-` is standard input."""
    return t("file.stdin") if os.fspath(path) == STDIN else shown(os.fspath(path), 400)


def _shown(path: Path | str) -> str:
    """A file name as the writers' messages show it (`-` is a file of that name here)."""
    return shown(os.fspath(path), 400)


# --- writing -------------------------------------------------------------------------------------

NAME_MAX = 255
"""Bytes in one file name on Linux, macOS and Windows file systems (used when pathconf cannot tell)."""
TEMP_PREFIX = ".kit-"
TEMP_SUFFIX = ".tmp"
_CLEANUP_SIGNALS = ("SIGTERM", "SIGHUP")


class _SignalCleanup:
    """For the duration of a write, SIGTERM and SIGHUP remove the temporary file, then exit 128 + signal.

    Python's default for these signals is to die at once, leaving the hidden temporary file behind;
    here the handler raises `Signalled`, the write's `finally` clauses run, and `__exit__` exits with
    `SystemExit(128 + signum)` (143 for SIGTERM, 129 for SIGHUP), as a shell reports a killed command.
    A signal that was ignored (`nohup`) stays ignored. Only one signal interrupts the write: others
    that arrive during the clean-up are remembered, not raised. Ctrl-C (SIGINT) keeps Python's own
    `KeyboardInterrupt`, which runs the same `finally` clauses; while the temporary file is created,
    all three are held back, so that it is never created without being recorded for removal.
    SIGKILL cannot be caught: short of Linux's O_TMPFILE (a file with no name until it is linked), a
    `kill -9` during a write can leave the hidden temporary file in the target's folder, never a
    partial target.
    """

    def __init__(self) -> None:
        self.temporary: Path | None = None
        self.fd = -1
        self.armed = False
        self.pending: int | None = None
        self.previous: dict[int, object] = {}
        self.held: set[int] = set()

    def _handle(self, signum: int, frame: object) -> None:
        if self.pending is None:
            self.pending = signum
        if self.armed:
            self.armed = False
            raise Signalled(signum)

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
        if hasattr(signal, "pthread_sigmask"):
            self.held = {*self.previous, signal.SIGINT}
        self.armed = True
        return self

    def create(self, folder: Path, prefix: str, mode: int) -> tuple[int, Path]:
        """The temporary file, created with the signals held back so that it is never unrecorded."""
        import signal

        before = signal.pthread_sigmask(signal.SIG_BLOCK, self.held) if self.held else None
        try:
            self.fd, self.temporary = _create_temporary(folder, prefix, mode)
        finally:
            if before is not None:
                signal.pthread_sigmask(signal.SIG_SETMASK, before)  # a held signal is handled here
        return self.fd, self.temporary

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        import signal

        self.armed = False
        if self.temporary is not None:
            self.temporary.unlink(missing_ok=True)
        for signum, previous in self.previous.items():
            signal.signal(signum, previous)  # type: ignore[arg-type]
        if self.pending is not None:
            raise SystemExit(128 + self.pending) from None


def _name_max(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        return NAME_MAX


def _check_target(raw: str, target: Path, force: bool) -> None:
    """Every reason to refuse `target` before anything is created; raises `OutputError`."""
    shown_target = _shown(target)
    if raw.endswith(("/", os.sep)):
        raise OutputError(t("err.output_trailing_slash", path=_shown(raw)))
    try:
        size = len(os.fsencode(target.name))
    except (UnicodeError, ValueError) as exc:
        raise WriteError(shown_target, file_reason(exc)) from None
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
        raise WriteError(shown_target, file_reason(exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(t("err.output_is_dir", path=shown_target))
    if not force:
        raise OutputExists(t("err.output_exists", path=shown_target), shown_target)
    if not (stat.S_ISREG(info.st_mode) or stat.S_ISLNK(info.st_mode)):
        raise OutputError(t("err.output_special", path=shown_target))


def _create_temporary(folder: Path, prefix: str, mode: int) -> tuple[int, Path]:
    """A new hidden file beside the target, with a short name: the target's name may use all of NAME_MAX."""
    import secrets

    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
    for _ in range(100):
        temporary = folder / f"{prefix}{secrets.token_hex(6)}{TEMP_SUFFIX}"
        try:
            return os.open(temporary, flags, mode), temporary
        except FileExistsError:  # pragma: no cover - 48 random bits
            continue
    raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST))  # pragma: no cover


def write_file(
    data: str | bytes,
    path: Path | str,
    force: bool = False,
    bom: bool = False,
    *,
    new_mode: int = 0o666,
    temp_prefix: str = TEMP_PREFIX,
) -> None:
    """Write `data` (UTF-8, with a BOM if `bom`, or bytes as they are) to `path` atomically; refuse to
    replace an existing file unless `force`.

    `path` should be the user's own string: `Path("missing/")` loses the slash that says « a folder ».
    Raises `OutputError` (exit code 4), never a bare `OSError`: a name over NAME_MAX bytes, a folder
    that is missing or cannot be searched, a name ending in `/`, a folder as target, an existing file
    without `force`, and with `force` anything but a regular file or a symbolic link (a device, FIFO
    or socket is never replaced); a failure of the system is its `WriteError`. The data goes to a
    hidden temporary file (`temp_prefix`…`.tmp`) in the same folder, is synced, then linked to the
    target (`os.link` fails if the target appeared meanwhile) or, with `force`, renamed over it; the
    folder is then synced, so that the new name survives a crash. A new file gets `new_mode` less the
    umask; a replaced file keeps its permissions (a private file stays private). The temporary file
    is removed on any failure, on Ctrl-C, and on SIGTERM or SIGHUP, after which the process exits
    with 128 + the signal's number (see `_SignalCleanup`).
    """
    raw = os.fspath(path)
    target = Path(raw)
    shown_target = _shown(target)
    _check_target(raw, target, force)
    kept_mode = _replaced_mode(target) if force else None
    try:
        encoded = data if isinstance(data, bytes) else data.encode("utf-8-sig" if bom else "utf-8")
    except UnicodeEncodeError:
        raise OutputError(t("err.output_encoding", path=shown_target)) from None
    try:
        with _SignalCleanup() as cleanup:
            fd, temporary = cleanup.create(target.parent, temp_prefix, new_mode)
            try:
                if kept_mode is not None:
                    os.fchmod(fd, kept_mode)
                _write_all(fd, encoded)
                os.fsync(fd)
                os.close(fd)
                fd = -1
                _publish(temporary, target, force, shown_target)
            finally:
                if fd >= 0:
                    os.close(fd)
        _fsync_folder(target.parent)
    except OSError as exc:
        raise WriteError(shown_target, file_reason(exc)) from None


def _replaced_mode(target: Path) -> int | None:
    """The permissions of the file `--force` replaces, so that a private file (0600) stays private;
    None when there is none (a new file gets its `new_mode` less the umask)."""
    try:
        info = os.lstat(target)  # a link is replaced by a new file, not by a copy of what it points to
    except (OSError, ValueError):
        return None
    return stat.S_IMODE(info.st_mode) if stat.S_ISREG(info.st_mode) else None


def _write_all(fd: int, data: bytes) -> None:
    """Write every byte (a seam for the tests that interrupt a write in its middle)."""
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
        raise OutputExists(t("err.output_exists", path=shown_target), shown_target) from None
    except OSError:
        # No hard links on this file system (FAT, some network mounts): check, then rename.
        if os.path.lexists(target):
            raise OutputExists(t("err.output_exists", path=shown_target), shown_target) from None
        temporary.replace(target)


def _fsync_folder(folder: Path) -> None:
    """Make the new name itself durable (POSIX); not possible on every system, so best effort."""
    if sys.platform == "win32":  # pragma: no cover
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def append_text(path: Path, text: str) -> None:
    """Add `text` (UTF-8) at the end of the file `path`, created when missing; raises `WriteError`.

    For the user's own files (a shell's start-up file): added to, never rewritten, so that a link
    into a dotfiles folder stays a link. Only a regular file is appended to: a FIFO or a device is
    refused without blocking (an open for writing of a FIFO with no reader waits for one).
    """
    shown_target = _shown(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        pass
    except (OSError, ValueError) as exc:
        raise WriteError(shown_target, file_reason(exc)) from None
    else:
        if not stat.S_ISREG(info.st_mode):
            raise WriteError(shown_target, t("os.EISDIR" if stat.S_ISDIR(info.st_mode) else "reason.not_regular"))
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0), 0o666)
    except (OSError, ValueError) as exc:
        raise WriteError(shown_target, file_reason(exc)) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped since the stat
            raise WriteError(shown_target, t("reason.not_regular"))
        _write_all(fd, text.encode("utf-8"))
        os.fsync(fd)
    except OSError as exc:
        raise WriteError(shown_target, file_reason(exc)) from None
    finally:
        os.close(fd)
