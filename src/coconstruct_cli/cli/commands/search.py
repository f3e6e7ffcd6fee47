"""`kit search QUERY`: the documents that hold the query's words, best first.

Module-level imports stay light (no pydantic, no rich): the kit is loaded in the function, and the
search core is plain Python.
"""

from typing import TYPE_CHECKING, Annotated

import typer

from .. import options
from ..completion import complete_category, complete_path

if TYPE_CHECKING:
    from ..console import Console

QueryArg = Annotated[list[str], typer.Argument(metavar="metavar.query", help="help.search_query", show_default=False)]
CategoryOpt = Annotated[
    str | None,
    typer.Option(
        "--category", "-c", help="help.category", metavar="metavar.category", show_default=False, autocompletion=complete_category
    ),
]
AllOpt = Annotated[bool, typer.Option("--all", "-a", help="help.search_all")]
PathOpt = Annotated[
    str | None,
    typer.Option(
        "--path", "-p", help="help.path_filter", metavar="metavar.path", show_default=False, autocompletion=complete_path
    ),
]


SHOWN_MIN = 3
"""The fewest documents a terminal shows before « … et N autres » (a screen of 25 lines or less)."""


def screenful(console: "Console") -> int:
    """How many found documents a terminal shows: a screen of them (about five lines each, ten lines
    kept for the heading, the notes and the pointers), then a line saying how many more (`--all`)."""
    return max(SHOWN_MIN, (console.lines() - 10) // 5)


@options.writes_result("search")
def search(
    ctx: typer.Context,
    query: QueryArg,
    category: CategoryOpt = None,
    path: PathOpt = None,
    every: AllOpt = False,
    out: options.Out = options.NO_OUT,
) -> None:
    from ...errors import NoMatch, UsageError
    from ...i18n import get_lang, t
    from ...names import resolve_category, resolve_path
    from ...queries import select
    from ...render.common import pointer_lines, search_notes
    from ...results import SearchResult
    from ...search import query_terms, search, search_background, suggestions
    from ...text import one_line

    options.check_lang(out.lang)
    text = " ".join(query)
    if not query_terms(text):
        raise UsageError(t("err.empty_query", query=one_line(text)[:80]))
    chosen, kit = options.prepare(ctx, out)
    selection = select(
        kit,
        category=resolve_category(kit, category) if category else None,
        path=resolve_path(kit, path) if path else None,
    )
    english = get_lang() == "en"
    outcome = search(selection.documents, text, english)
    console = options.console(ctx)
    drawn = chosen.drawn(out.output is None and console.is_terminal())
    reads = console.reads_messages()
    # A page or a terminal table tells the lines about the search and where else its words are; the machine
    # forms stay one record per document, and those lines go to stderr (the pointers only when no document
    # was found and a person reads them). A filtered search is about documents only: no pointers.
    page = chosen.page
    inside = page or (drawn and bool(outcome.hits))
    wanted = category is None and path is None and (page or drawn or (not outcome.hits and reads))
    pointers = search_background(kit, text, english) if wanted else ()
    shown = None if every or not drawn else screenful(console)
    options.show(ctx, SearchResult(kit, outcome, pointers, options.read_set(ctx, kit), shown), chosen, out)
    lines = [] if inside else search_notes(outcome)
    if outcome.hits:
        for line in lines:
            console.message(line)
        return
    if reads:
        if not inside:
            lines += pointer_lines(kit, pointers)
        unmatched = outcome.unmatched()
        if unmatched and not pointers and not outcome.only_small_words:
            near = suggestions(selection.documents, unmatched, english)
            lines += [t("search.suggest", words=", ".join(near))] if near else []
    raise NoMatch(t("msg.no_match"), *lines)
