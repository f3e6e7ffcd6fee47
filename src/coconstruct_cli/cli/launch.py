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
            sys.stdout.write(version_line())
            sys.stdout.flush()
        except BrokenPipeError:
            from .console import silence_stdout

            silence_stdout()
        except (OSError, AttributeError, ValueError):
            from .app import main as run

            run()  # the boundary tells why stdout cannot be written
        return
    from .app import main as run

    run()
