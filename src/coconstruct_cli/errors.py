"""One error hierarchy: every failure the user can cause carries its exit code and message.

Every ending of a run other than success is one of these, « nothing matched » included. The CLI catches
`KitError` once (`cli.app.KitGroup`) and prints its message on stderr; nothing below the CLI prints or exits.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Documented exit codes (README, « Codes de sortie »)."""

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
