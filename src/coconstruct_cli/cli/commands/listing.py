"""`kit list`: the kit's documents, filtered by category, path or audience."""

from typing import Annotated

import typer

from ... import i18n
from .. import options
from ..completion import complete_category, complete_path, complete_role


@options.writes_result("list")
def list_(
    ctx: typer.Context,
    category: Annotated[
        str | None,
        typer.Option("--category", "-c", help="help.category", metavar="metavar.category", autocompletion=complete_category),
    ] = None,
    path: Annotated[
        str | None, typer.Option("--path", "-p", help="help.path_filter", metavar="metavar.path", autocompletion=complete_path)
    ] = None,
    audience: Annotated[
        str | None, typer.Option("--audience", "-a", help="help.audience", metavar="metavar.role", autocompletion=complete_role)
    ] = None,
    out: options.Out = options.NO_OUT,
) -> None:
    from ...errors import NoMatch
    from ...names import resolve_category, resolve_path, resolve_role
    from ...queries import select
    from ...results import DocumentList

    chosen, kit = options.prepare(ctx, out)
    selection = select(
        kit,
        category=resolve_category(kit, category) if category else None,
        path=resolve_path(kit, path) if path else None,
        audience=resolve_role(audience) if audience else None,
    )
    result = DocumentList(selection, i18n.pick(kit.about.title, None), options.read_set(ctx, kit))
    options.show(ctx, result, chosen, out)
    if result.empty:
        raise NoMatch(i18n.t("msg.no_match"))
