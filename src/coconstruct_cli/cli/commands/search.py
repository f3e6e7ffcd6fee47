"""`kit search QUERY`: the documents that hold the query's words, best first.

Module-level imports stay light (no pydantic, no rich): the kit is loaded in the function, and the
search core is plain Python.
"""

from typing import Annotated

import typer

from ...formats import DOCUMENTS
from .. import options
from ..completion import complete_category, complete_path

QueryArg = Annotated[list[str], typer.Argument(metavar="QUERY", help="help.search_query", show_default=False)]
CategoryOpt = Annotated[
    str | None,
    typer.Option("--category", "-c", help="help.category", show_default=False, autocompletion=complete_category),
]
PathOpt = Annotated[
    str | None,
    typer.Option("--path", "-p", help="help.path_filter", show_default=False, autocompletion=complete_path),
]


def search(
    ctx: typer.Context,
    query: QueryArg,
    category: CategoryOpt = None,
    path: PathOpt = None,
    fmt: Annotated[str | None, options.format_option(DOCUMENTS)] = None,
    output: options.OutputOpt = None,
    force: options.ForceOpt = False,
    kit_file: options.KitOpt = None,
    lang: options.LangOpt = None,
) -> None:
    from ...errors import NoMatch, UsageError
    from ...i18n import get_lang, t
    from ...names import resolve_category, resolve_path
    from ...queries import select
    from ...results import SearchResult
    from ...search import query_terms, search, suggestions
    from ...text import one_line

    options.check_lang(lang)
    text = " ".join(query)
    if not query_terms(text):
        raise UsageError(t("err.empty_query", query=one_line(text)[:80]))
    chosen, kit = options.prepare(ctx, lang, fmt, DOCUMENTS, output, kit_file)
    selection = select(
        kit,
        category=resolve_category(kit, category) if category else None,
        path=resolve_path(kit, path) if path else None,
    )
    english = get_lang() == "en"
    outcome = search(selection.documents, text, english)
    options.show(ctx, SearchResult(kit, outcome, options.read_set(ctx, kit)), chosen, output, force)
    if outcome.hits:
        return
    hints: list[str] = []
    if options.console(ctx).reads_messages():
        unmatched = outcome.unmatched()
        if unmatched:
            near = suggestions(selection.documents, unmatched, english)
            hints = [t("search.suggest", words=", ".join(near))] if near else []
        else:
            hints = [t("search.not_together")]
    raise NoMatch(t("msg.no_match"), *hints)
