"""`kit read ID…`: mark documents read (`--undo`: unmark them), one line per document saying what changed.

Every id is checked against the kit before anything is written: one unknown id is the usual usage
error, with the nearest names, and nothing is recorded.
"""

from typing import Annotated

import typer

from .. import options
from ..completion import complete_document

IdsArg = Annotated[
    list[str],
    typer.Argument(metavar="ID…", help="help.read_ids", show_default=False, autocompletion=complete_document),
]


def read(
    ctx: typer.Context,
    ids: IdsArg,
    undo: Annotated[bool, typer.Option("--undo", help="help.undo")] = False,
    kit_file: options.KitOpt = None,
    lang: options.LangOpt = None,
) -> None:
    from ...i18n import pick, t
    from ...names import resolve_document
    from ...progress import describe, kit_identity
    from ...progress_store import load, mark_read, unmark_read
    from ...text import one_line

    options.check_lang(lang)
    kit = options.load(options.kit_path(ctx, kit_file))
    identity = kit_identity(kit)
    documents = {d.id: d for d in kit.documents}
    wanted: list[str] = []
    for raw in ids:
        if undo and raw not in documents and raw in load().state.read(identity):
            wanted.append(raw)  # an id this kit no longer has can still be unmarked
        else:
            wanted.append(resolve_document(kit, raw).id)
    changes = (unmark_read if undo else mark_read)(identity, wanted)
    lines = []
    for change in changes:
        document = documents.get(change.id)
        title = pick(document.title, document.title_en) if document is not None else t("progress.not_in_kit")
        lines.append(one_line(describe(change, title)))  # a --kit file's title cannot reach the terminal raw
    options.console(ctx).write("".join(f"{line}\n" for line in lines))
