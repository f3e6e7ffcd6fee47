"""The streams of one run and what is known of them: one object, created at the boundary and handed down.

Tests inject their own (`Console(stdout_tty=True, ask=script)`) instead of patching isatty helpers: a
field left to None is read from the process when it is needed (CliRunner swaps `sys.stdout` per run).
Results go to stdout, messages to stderr; machine formats are written as UTF-8 whatever the locale.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import shutil
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from ..text import Utf8, for_terminal, no_surrogates

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ..errors import KitError
    from ..guide import Question
    from ..render import Rendered


def _isatty(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def silence_stdout() -> None:
    """Point stdout at /dev/null, so that the interpreter's last flush cannot fail on a closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


class ClosedStream(io.TextIOBase):
    """What stands for a standard stream the process was started without (`kit >&-`): writing results to
    it fails as writing to a closed descriptor does, so that the boundary tells it (exit 5) instead of
    Python's `None` raising AttributeError. A closed stderr (`2>&-`) swallows what is written: nobody
    reads the messages, and the exit code still tells how the run ended."""

    def __init__(self, fails: bool = True) -> None:
        super().__init__()
        self.fails = fails

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if self.fails:
            raise OSError(errno.EBADF, os.strerror(errno.EBADF))
        return len(text)

    def isatty(self) -> bool:
        return False


def prepare_streams() -> None:
    """Make the process's streams safe to write, once, before anything is written.

    A closed stdout or stderr (`>&-`, `2>&-`) is None in Python; its descriptor is held on /dev/null so
    that no file opened later (a `--output` temporary) takes its number. An encoding that cannot hold
    the text (`PYTHONIOENCODING=ascii`, a latin-1 locale) degrades what the terminal shows (« ? »), never
    raises; machine formats are written as UTF-8 bytes by `Console.write`.
    """
    for fd, name in ((1, "stdout"), (2, "stderr")):
        stream = getattr(sys, name)
        if stream is None:
            with contextlib.suppress(OSError):
                os.fstat(fd)
                continue  # pragma: no cover - the descriptor is open after all
            with contextlib.suppress(OSError):
                held = os.open(os.devnull, os.O_WRONLY)
                if held != fd:  # pragma: no cover - another descriptor was free lower down
                    os.close(held)
            setattr(sys, name, ClosedStream(fails=name == "stdout"))
        elif not _is_utf8(stream) and hasattr(stream, "reconfigure"):
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(errors="replace")


def _wrap_line(line: str, width: int) -> list[str]:
    """A line cut between words to `width`, its indentation kept on each piece; a short line as it is."""
    if len(line) <= width:
        return [line]
    indent = line[: len(line) - len(line.lstrip(" "))]
    pieces: list[str] = textwrap.wrap(
        line.strip(" "), width, initial_indent=indent, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False
    )
    return pieces or [line]


def _is_utf8(stream: TextIO) -> bool:
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("_", "-")
    return encoding in ("utf-8", "utf8")


NARROWEST = 20
"""Columns under which a terminal gets the linear view: a box there holds a letter or two a line, or nothing."""


@dataclass
class Console:
    """stdout, stderr and stdin of a run, whether each is a terminal, the screen's size, and how to ask."""

    stdout: TextIO | None = None
    stderr: TextIO | None = None
    stdin: TextIO | None = None
    stdout_tty: bool | None = None
    stderr_tty: bool | None = None
    stdin_tty: bool | None = None
    width: int | None = None
    height: int | None = None
    ask: Callable[[Question], str] | None = None
    """Puts a question to the user; None: `cli.prompts.ask` (questionary), imported when first asked."""
    linear: bool | None = None
    """The linear view (`--plain`) for a screen reader; None: when the terminal is `TERM=dumb`."""

    # --- what is known ---------------------------------------------------------------------------

    @property
    def out(self) -> TextIO:
        return self.stdout if self.stdout is not None else sys.stdout

    @property
    def err(self) -> TextIO:
        return self.stderr if self.stderr is not None else sys.stderr

    def is_terminal(self) -> bool:
        """True when stdout is an interactive terminal (rich tables), False for pipes and files."""
        return self.stdout_tty if self.stdout_tty is not None else _isatty(self.out)

    def reads_messages(self) -> bool:
        """True when a person reads stderr: hints (« nearby words ») are for them."""
        return self.stderr_tty if self.stderr_tty is not None else _isatty(self.err)

    def is_linear(self) -> bool:
        """True when results for people are written as plain lines, no box (`--plain`, `TERM=dumb`, or a terminal
        narrower than `NARROWEST`, where a box leaves no room for its text: at 4 columns only its borders)."""
        if self.linear is not None:
            return self.linear
        return os.environ.get("TERM") == "dumb" or self.columns() < NARROWEST

    def can_ask(self) -> bool:
        """True when someone can answer questions: stdin is open and is a terminal."""
        return self.stdin_tty if self.stdin_tty is not None else _isatty(self.stdin if self.stdin is not None else sys.stdin)

    def columns(self) -> int:
        return self.width or shutil.get_terminal_size().columns

    def lines(self) -> int:
        return self.height or shutil.get_terminal_size().lines

    # --- writing ---------------------------------------------------------------------------------

    def write(self, text: str, machine: bool = True) -> None:
        """Text on stdout. A machine format (JSON, CSV, Markdown, HTML, a schema) is UTF-8 whatever the
        locale says (its documented encoding); text for people (tab-separated lines, messages) is written
        in the stream's encoding, what it cannot hold replaced. Never a lone surrogate."""
        stream = self.out
        text = no_surrogates(text)
        buffer = getattr(stream, "buffer", None)
        if not _is_utf8(stream):
            if machine and buffer is not None:
                stream.flush()
                buffer.write(text.encode("utf-8", "replace"))
                buffer.flush()
                return
            encoding = getattr(stream, "encoding", None) or "ascii"
            text = text.encode(encoding, "replace").decode(encoding)
        stream.write(text)
        stream.flush()

    def write_utf8(self, text: Utf8) -> None:
        """UTF-8 text on stdout as it is (a JSON document), whatever the stream's encoding (see `write`)."""
        stream = self.out
        buffer = getattr(stream, "buffer", None)
        if buffer is None:  # a stream of text only (a closed stdout, a test's): written as text
            self.write(text.decode())
            return
        stream.flush()
        for chunk in text.chunks:
            buffer.write(chunk)
        buffer.flush()

    def write_bytes(self, data: bytes) -> None:
        """A binary result (a workbook) on stdout, for a pipe or a redirection; never onto a terminal's screen."""
        if self.is_terminal():
            from ..errors import UsageError
            from ..i18n import t

            raise UsageError(t("err.binary_terminal"))
        stream = self.out
        buffer = getattr(stream, "buffer", None)
        stream.flush()
        if buffer is None:  # a closed stdout (`>&-`): told as every other write to it is
            stream.write("")
            raise OSError(errno.EBADF, os.strerror(errno.EBADF))
        buffer.write(data)
        buffer.flush()

    def message(self, text: str) -> None:
        """A line for the user on stderr (never mixed with results), safe for the terminal."""
        stream = self.err
        parts = [for_terminal(part) for part in text.split("\n")]
        if self.reads_messages():
            # On a terminal a long line is wrapped between words, never cut inside one at the screen's edge
            # (no-break spaces hold: « Aussi dans kit about : … » keeps its colon with its word).
            width = max(self.columns() - 1, 20)
            parts = [wrapped for part in parts for wrapped in _wrap_line(part, width)]
        line = "\n".join(parts) + "\n"
        try:
            stream.write(line)
        except UnicodeEncodeError:
            encoding = getattr(stream, "encoding", None) or "ascii"
            stream.write(line.encode(encoding, "replace").decode(encoding))
        stream.flush()

    def print_rich(self, renderable: RenderableType) -> None:
        from rich.console import Console as RichConsole

        stream = self.out
        encoding = (getattr(stream, "encoding", None) or "utf-8").lower()
        if "utf" not in encoding and hasattr(stream, "reconfigure"):
            # A terminal whose encoding cannot hold « ★ » or « — »: degrade those characters, never crash.
            stream.reconfigure(errors="replace")
        # rich reads NO_COLOR itself; highlight=False keeps it from colouring numbers and names in kit text.
        # crop=False: a word that must stay whole (an id wider than the screen) is folded by the terminal, not cut.
        RichConsole(file=stream, highlight=False, width=self.width, height=self.height).print(renderable, crop=False)

    def emit(
        self, rendered: Rendered, output: str | Path | None = None, force: bool = False, bom: bool = False, machine: bool = True
    ) -> None:
        """A rendered result: to the output file when there is one, else to stdout (`machine`: see `write`).

        Every export passes here, so a lone surrogate (from an argument that was not UTF-8) is replaced here.
        """
        if output is not None:
            if isinstance(rendered, str):
                rendered = no_surrogates(rendered)  # to stdout, `write` does it
            elif isinstance(rendered, Utf8):
                rendered = bytes(rendered)
            if not isinstance(rendered, str | bytes):  # pragma: no cover - text is rendered for files
                raise TypeError("a file output needs text")
            from ..files import shown_path, write_file
            from ..i18n import t

            write_file(rendered, output, force, bom=bom)
            self.message(t("msg.written", path=shown_path(output)))
        elif isinstance(rendered, str):
            self.write(rendered, machine)
        elif isinstance(rendered, Utf8):
            self.write_utf8(rendered)
        elif isinstance(rendered, bytes):
            self.write_bytes(rendered)
        else:
            self.print_rich(rendered)
        cut: tuple[str, ...] = getattr(rendered, "cut", ())
        if cut:  # a workbook's cells over Excel's limit (`render.xlsx.Workbook`)
            from ..i18n import t

            shown = "; ".join(cut[:10]) + ("; …" if len(cut) > 10 else "")
            self.message(t("msg.xlsx_cut", count=len(cut), cells=shown))

    def end(self, exc: KitError) -> NoReturn:
        """Tell how the run ends, on stderr, and end it with the exception's exit code (`KIT_DEBUG=1`: the traceback too)."""
        if os.environ.get("KIT_DEBUG"):
            import traceback

            traceback.print_exc()
        from ..i18n import colon, t

        text = f"{colon(t('err.prefix'))} {exc.message}" if exc.prefixed else exc.message
        self.message("\n".join([text, *exc.more]))
        raise SystemExit(int(exc.exit_code))

    def question(self, question: Question) -> str:
        """Ask the user `question` (questionary, imported only now) and return the answer."""
        if self.ask is not None:
            return self.ask(question)
        from .prompts import ask

        return ask(question)
