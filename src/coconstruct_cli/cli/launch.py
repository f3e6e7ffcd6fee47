"""Entry point of the `kit` script and of `python -m coconstruct_cli`.

`kit --version` alone is answered here, before Typer (and through it pydantic) is imported: about
20 ms instead of 85. So is a shell's TAB for the kit's names (`quick_completion`: `kit show an<TAB>`):
about 25 ms instead of 130. Everything else, `--version` among other arguments included, and whatever
completion `quick_completion` leaves to Typer, goes to the Typer app, whose eager `--version` option prints
the same line and whose completion gives the same candidates.
"""

import os
import sys
from typing import NoReturn


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from .. import version_line

        try:
            if sys.stdout is None:  # started with stdout closed (`kit --version >&-`)
                import errno

                raise OSError(errno.EBADF, "stdout is closed")
            sys.stdout.write(version_line())  # ASCII: no encoding can refuse it
            sys.stdout.flush()
        except OSError as exc:
            # Closed, full or a closed pipe: told (or not) as every other command tells it. Only now is
            # the console imported: the fast path stays fast.
            from .. import i18n
            from ..i18n import choose_language
            from .app import stdout_failure
            from .console import Console, prepare_streams

            prepare_streams()
            i18n.set_lang(choose_language(sys.argv[1:]))
            stdout_failure(exc, Console())
        return
    if "_KIT_COMPLETE" in os.environ and complete_quickly():
        return
    try:
        from .app import main as run
    except Exception as exc:  # noqa: BLE001 - a library of the wrong version: one sentence, not a traceback
        from ..compat import fail_to_start

        fail_to_start(exc)
        raise  # pragma: no cover - fail_to_start always raises
    try:
        run()
    except SystemExit as end:
        leave(end.code)
    leave(0)


def complete_quickly() -> bool:
    """Answer the shell's completion request before Typer is imported, when `quick_completion` can;
    False leaves it to Typer. The candidates' text is the kit's, cleaned; written as UTF-8 whatever the
    locale, an encoding error replaced, as the shell reads bytes."""
    from .quick_completion import answer

    found = answer()
    if found is None:
        return False
    text, status = found
    try:
        if text:
            sys.stdout.buffer.write(text.encode("utf-8", "replace"))
            sys.stdout.flush()
    except (OSError, AttributeError, ValueError):
        pass  # the shell stopped reading: nothing to tell it
    leave(status)


def leave(code: object) -> NoReturn:
    """End the process with `code` without freeing what the run built.

    The interpreter's clean-up frees every object one by one: ~20 ms for a 10,000-document kit, for no
    one (mypy ends its runs the same way). No exit handler is registered by the program or the libraries
    it uses; every result and message has been written and flushed by then, and the streams are flushed
    once more here. Should that fail, the run ends the ordinary way, which tells it as before.
    """
    if code is None:
        code = 0
    if not isinstance(code, int):
        raise SystemExit(code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        raise SystemExit(code) from None
    os._exit(code)
