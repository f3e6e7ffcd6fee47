"""Entry point of the `kit` script and of `python -m coconstruct_cli`.

`kit --version` alone is answered here, before Typer (and through it pydantic) is imported: about
20 ms instead of 85. Everything else, `--version` among other arguments included, goes to the Typer
app, whose eager `--version` option prints the same line.
"""

import sys


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from .. import version_line
        from .console import prepare_streams

        prepare_streams()
        try:
            sys.stdout.write(version_line())
            sys.stdout.flush()
        except OSError as exc:
            # Closed, full or a closed pipe: told (or not) as every other command tells it.
            from .. import i18n
            from .app import choose_language, stdout_failure
            from .console import Console

            i18n.set_lang(choose_language(sys.argv[1:]))
            stdout_failure(exc, Console())
        return
    from .app import main as run

    run()
