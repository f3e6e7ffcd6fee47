"""Entry point of the `kit` script and of `python -m coconstruct_cli`.

`kit --version` alone is answered here, before Typer (and through it pydantic) is imported: about
20 ms instead of 85. Everything else, `--version` among other arguments included, goes to the Typer
app, whose eager `--version` option prints the same line.
"""

import sys


def version_line() -> str:
    from . import __version__

    return f"kit (coconstruct-cli) {__version__}\n"


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        sys.stdout.write(version_line())
        return
    from .cli import main as run

    run()
