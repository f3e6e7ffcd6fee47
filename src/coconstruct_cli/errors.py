"""One error hierarchy: every failure the user can cause carries its exit code and message.

Every ending of a run other than success is one of these, « nothing matched » included. The CLI catches
`KitError` once (`cli.app.KitGroup`) and prints its message on stderr; nothing below the CLI prints or exits.
Every exception class of the package is defined here (`tests/test_errors.py` walks the package to say so),
the few that are not endings included: they are at the end, each with the place that catches it.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


class ExitCode(IntEnum):
    """Documented exit codes (docs/contrat-scripts.md, « Codes de sortie »)."""

    OK = 0
    NO_MATCH = 1
    USAGE = 2
    INVALID_KIT = 3
    OUTPUT = 4
    STDOUT = 5
    INTERNAL = 70
    INTERRUPTED = 130


class KitError(Exception):
    """Base of every expected failure; `message` is already translated for the user."""

    exit_code: ExitCode = ExitCode.USAGE
    prefixed: bool = True
    """Whether the message is told as an error (« Erreur : … ») or as a plain line."""

    def __init__(self, message: str, *more: str) -> None:
        super().__init__(message)
        self.message = message
        self.more = more
        """Further lines told after the message (a hint, the nearest words…)."""


class NoMatch(KitError):
    """The command ran, and its result is empty: the result was written, then the run ends with 1."""

    exit_code = ExitCode.NO_MATCH
    prefixed = False


class UsageError(KitError):
    """Bad value on the command line (unknown name, missing answer, bad combination)."""

    exit_code = ExitCode.USAGE


class KitFileError(KitError):
    """The kit file is missing, unreadable, not JSON, or not a valid kit."""

    exit_code = ExitCode.INVALID_KIT


class OutputError(KitError):
    """The output file cannot be written (exists without --force, bad folder, permission)."""

    exit_code = ExitCode.OUTPUT


class OutputExists(OutputError):
    """The output file exists and replacing it was not asked (`--force`; in the guide, « Remplacer »)."""

    def __init__(self, message: str, path: str) -> None:
        super().__init__(message)
        self.path = path


class Interrupted(KitError):
    """The user pressed Ctrl-C (or closed a prompt)."""

    exit_code = ExitCode.INTERRUPTED
    prefixed = False


class StdoutError(KitError):
    """Standard output is closed or full: the result could not be written."""

    exit_code = ExitCode.STDOUT


class InternalError(KitError):
    """A bug of ours: told in one sentence (KIT_DEBUG=1 shows the traceback), never as a traceback."""

    exit_code = ExitCode.INTERNAL


class WriteError(OutputError):
    """A file could not be written for a reason of the system (no space, permission, read-only disk…).

    `path` is the file as the message shows it and `reason` the why, in the user's language, so that a
    caller with its own sentence (the reading progress) can tell the same failure in its words.
    """

    def __init__(self, path: str, reason: str) -> None:
        from .i18n import t

        super().__init__(t("err.output_write", path=path, reason=reason))
        self.path = path
        self.reason = reason


# --- the reading progress (`progress_store`) ----------------------------------------------------


class ProgressError(KitError):
    """The reading progress could not be saved; nothing was changed."""

    exit_code = ExitCode.OUTPUT


class ProgressWriteError(ProgressError):
    """The folder or a file in it cannot be written (read-only, missing and not creatable, no space)."""


class ProgressStateError(ProgressError):
    """The state file exists but cannot be used (corrupt, not UTF-8, newer, unreadable): it is left as it is."""

    def __init__(self, path: Path, reason: str) -> None:
        from .i18n import t

        super().__init__(t("progress.err_state", path=path, reason=reason))
        self.path = path
        self.reason = reason


class ProgressFolderError(ProgressStateError):
    """The state's folder cannot be reached (`KIT_HOME=/root/x` for another user): there is no file to
    leave as it is or to reset, so the message names the folder, as a write error does."""

    def __init__(self, path: Path, reason: str) -> None:
        from .i18n import t

        ProgressError.__init__(self, t("progress.err_write", path=path.parent, reason=reason))
        self.path = path
        self.reason = reason


class ProgressNoHomeError(ProgressWriteError):
    """Neither `KIT_HOME` nor the user's home folder is known (no `HOME` and no password entry, as under
    `docker run --user N`): there is nowhere to keep progress."""

    def __init__(self) -> None:
        from .i18n import t

        super().__init__(t("progress.err_no_home"))


class ProgressBusyError(ProgressError):
    """Another process held the lock for longer than `progress_store.LOCK_TIMEOUT`."""


class ProgressImportError(KitError):
    """A file given to import is missing, unreadable or not a valid progress export (a usage error, like `--answers`)."""

    exit_code = ExitCode.USAGE


# --- not endings: reasons and signals caught inside the program, never reaching the boundary --------


class InputFileError(OSError):
    """A file the program will not read: not a regular file, or over the size limit (`files.read_limited`).

    An `OSError` whose `strerror` is already in the user's language, so that `i18n.os_reason(exc)`
    and `files.file_reason(exc)` give it as they give the system's reasons.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(None, reason)


class Unusable(Exception):
    """A document that cannot be taken as progress (`progress.parse`); `reason` is the translated why,
    `newer` when its version is ahead; `progress_store` tells it as a `ProgressStateError` or a
    `ProgressImportError`."""

    def __init__(self, reason: str, *, newer: bool = False, problems: Sequence[str] = ()) -> None:
        super().__init__(reason)
        self.reason = reason
        self.newer = newer
        self.problems = tuple(problems)


class DuplicateKey(Exception):
    """A key given twice in one JSON object of a progress document (raised by its parser's hook)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


class Signalled(BaseException):
    """Raised by the atomic writer's signal handler, so that the `finally` clauses remove the temporary file
    (`files.write_atomic`); a `BaseException`, so that no `except Exception` stops it on its way."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
