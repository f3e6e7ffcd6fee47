"""`kit search QUERY`: the documents that hold the query's words, best first.

Module-level imports stay light (no pydantic, no rich): the kit is loaded in the function, and the
search core is plain Python.
"""

import sys
from typing import Annotated

import typer

from .. import formats, i18n, options
from ..completion import complete_category, complete_path
from ..errors import UsageError
from ..i18n import t
from ..output import message
from ..text import one_line

QueryArg = Annotated[list[str], typer.Argument(metavar="QUERY", help=t("help.search_query"), show_default=False)]
CategoryOpt = Annotated[
    str | None,
    typer.Option("--category", "-c", help=t("help.category"), show_default=False, autocompletion=complete_category),
]
PathOpt = Annotated[
    str | None,
    typer.Option("--path", "-p", help=t("help.path_filter"), show_default=False, autocompletion=complete_path),
]


def stderr_is_terminal() -> bool:
    """True when a person reads the messages: the suggestions for « nothing found » are for them."""
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def search(
    query: QueryArg,
    category: CategoryOpt = None,
    path: PathOpt = None,
    fmt: Annotated[str, options.format_option(formats.DOCUMENTS)] = "table",
    output: options.OutputOpt = None,
    force: options.ForceOpt = False,
    kit_file: options.KitOpt = None,
    lang: options.LangOpt = None,
) -> None:
    from ..names import resolve_category, resolve_path
    from ..queries import select
    from ..render import search as views
    from ..search import query_terms, search, suggestions

    options.setup(lang)
    fmt = options.check_format(fmt, formats.DOCUMENTS)
    text = " ".join(query)
    if not query_terms(text):
        raise UsageError(t("err.empty_query", query=one_line(text)[:80]))
    kit = options.load(kit_file)
    selection = select(
        kit,
        category=resolve_category(kit, category) if category else None,
        path=resolve_path(kit, path) if path else None,
    )
    english = i18n.get_lang() == "en"
    result = search(selection.documents, text, english)
    options.emit(views.view(kit, result, fmt, options.terminal(output)), output, force, fmt)
    if result.hits:
        return
    hint = None
    if stderr_is_terminal():
        unmatched = result.unmatched()
        if unmatched:
            near = suggestions(selection.documents, unmatched, english)
            hint = t("search.suggest", words=", ".join(near)) if near else None
        else:
            hint = t("search.not_together")
    try:
        options.no_match()
    finally:
        # After « No document matches. », and before the exit that `no_match` raises.
        if hint:
            message(hint)
