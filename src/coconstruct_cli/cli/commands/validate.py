"""`kit validate FILE`: check a kit file and report every problem at once."""

from pathlib import Path
from typing import Annotated

import typer

from .. import options


def validate(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="metavar.file", help="help.validate_file", show_default=False)],
    lang: options.LangOpt = None,
) -> None:
    from ...files import shown_path
    from ...i18n import t

    options.check_lang(lang)
    kit = options.load(file)
    counts = {"documents": len(kit.documents), "paths": len(kit.paths), "categories": len(kit.categories)}
    options.console(ctx).write(t("validate.ok", path=shown_path(file), **counts) + "\n", machine=False)
