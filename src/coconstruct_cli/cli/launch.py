"""Entry point of the `kit` script and of `python -m coconstruct_cli`.

`kit --version` alone is answered here, before Typer (and through it pydantic) is imported: about
20 ms instead of 85. Everything else, `--version` among other arguments included, goes to the Typer
app, whose eager `--version` option prints the same line.
"""

import sys


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
            from .app import choose_language, stdout_failure
            from .console import Console, prepare_streams

            prepare_streams()
            i18n.set_lang(choose_language(sys.argv[1:]))
            stdout_failure(exc, Console())
        return
    from .app import main as run

    run()
