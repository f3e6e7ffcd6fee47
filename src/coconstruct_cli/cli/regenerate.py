"""For maintainers: rewrite what is generated from the Typer app, `python -m coconstruct_cli.cli.regenerate`.

Today one file, `completion_table.py` (the commands' options and arguments as the quick completion path
reads them); tests/cli/test_quick_completion.py fails while it differs from the app. This module sits
above the app: the generated file never imports the app it is generated from.
"""

from typer.main import get_command

from . import completion_table
from .app import app


def main() -> None:
    completion_table.rewrite(get_command(app))


if __name__ == "__main__":
    main()
