"""One error hierarchy: every failure the user can cause carries its exit code and message.

The CLI catches `KitError` once (see `cli.KitGroup.invoke`) and prints the message on stderr; nothing below
the CLI prints or exits.
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
    INTERRUPTED = 130


class KitError(Exception):
    """Base of every expected failure; `message` is already translated for the user."""

    exit_code: ExitCode = ExitCode.USAGE

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


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
