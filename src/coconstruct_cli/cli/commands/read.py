"""`kit read ID…`: mark documents read (`--undo`: unmark them), one line per document saying what changed.

Every id is checked against the kit before anything is written: one unknown id is the usual usage
error, with the nearest names, and nothing is recorded.

Marking is a thing done many times a week, so it starts fast: with the bundled kit (valid by
construction, checked by the test suite) and exact ids, the kit is read as plain JSON, as completion
reads it, without building the kit's pydantic models (the larger part of `kit show`'s time); a `--kit`
file, a `PATH:N` or an id to correct goes through the validated kit and `names.resolve_document`, as
`kit show` does.
"""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .. import options
from ..completion import complete_document

if TYPE_CHECKING:
    from ...progress import KitId

IdsArg = Annotated[
    list[str],
    typer.Argument(metavar="metavar.ids", help="help.read_ids", show_default=False, autocompletion=complete_document),
]


def read(
    ctx: typer.Context,
    ids: IdsArg,
    undo: Annotated[bool, typer.Option("--undo", help="help.undo")] = False,
    kit_file: options.KitOpt = None,
    lang: options.LangOpt = None,
) -> None:
    from ...i18n import pick, t
    from ...progress import describe
    from ...progress_store import mark_read, unmark_read
    from ...text import one_line

    options.check_lang(lang)
    identity, titles, wanted = _resolve(ids, undo, options.kit_path(ctx, kit_file))
    changes = (unmark_read if undo else mark_read)(identity, wanted)
    lines = []
    for change in changes:
        title = pick(*titles[change.id]) if change.id in titles else t("progress.not_in_kit")
        lines.append(one_line(describe(change, title)))  # a --kit file's title cannot reach the terminal raw
    options.console(ctx).write("".join(f"{line}\n" for line in lines))


Titles = dict[str, tuple[str, str | None]]


def _resolve(ids: list[str], undo: bool, kit_file: Path | None) -> tuple["KitId", Titles, list[str]]:
    """The kit's identity, its documents' titles (French, English) and the ids meant; a UsageError for an unknown one."""
    from ...progress import kit_identity
    from ...progress_store import load

    if kit_file is None:
        plain = _bundled()
        if plain is not None:
            identity, titles = plain
            read = load().state.read(identity) if undo else frozenset()
            if all(i in titles or i in read for i in ids):
                return identity, titles, list(ids)
    kit = options.load(kit_file)
    identity = kit_identity(kit)
    titles = {d.id: (d.title, d.title_en) for d in kit.documents}
    read = load().state.read(identity) if undo else frozenset()
    from ...names import resolve_document

    # An id this kit no longer has can still be unmarked.
    wanted = [raw if undo and raw not in titles and raw in read else resolve_document(kit, raw).id for raw in ids]
    return identity, titles, wanted


def _bundled() -> tuple["KitId", Titles] | None:
    """The bundled kit's identity and titles read as plain JSON; None if it cannot be read so (then the
    validated kit says why)."""
    import json

    from ...files import read_limited
    from ...loader import MAX_BYTES, bundled_path
    from ...progress import kit_id

    try:
        data: Any = json.loads(read_limited(bundled_path(), MAX_BYTES))
        about = data["about"]
        titles = {d["id"]: (d["title"], d.get("title_en")) for d in data["documents"]}
        return kit_id(about["title"], about["publisher"]), titles
    except (OSError, ValueError, KeyError, TypeError):
        return None
