"""Searching the kit: meaningful words, their forms, ranked partial matches, excerpts with match spans.

Pure functions over the kit's documents: no Typer, no rich, no pydantic import. One module per step:

- `query`: a query cut into the words to search (`parse_query`, `query_terms`);
- `lexicon`: which words carry no meaning, which forms meet (Snowball stems), which names are equivalent;
- `corpus`: the searched texts folded once, and the one-pass scans over them;
- `matching`: what one query word finds (its forms, equivalents, typos) and how well;
- `ranking`: the documents found, best first (`search`), the nearest words when none is (`suggestions`),
  and the lines told around the hits (`notes`);
- `excerpts`: a line of kit text around the matched words (`mark`, `excerpt`, `why`);
- `background`: pointers to the `kit about` sections, paths and categories that hold the words
  (`search_background`).

The names below are the package's interface: the rest of the program imports them from here.
"""

from __future__ import annotations

from .background import Pointer, background_units, pointer_heading, search_background
from .corpus import FIELDS, Corpus, one_edit_away, searched_texts, within_one_edit
from .excerpts import Marked, excerpt, field_texts, mark, shown_texts, why
from .matching import EQUIVALENT, EXACT, FORM, MAX_SMALL_WORD_HITS, PREFIX, TYPO
from .query import MAX_TERMS, MAX_WORD_LENGTH, MAX_WORDS, STOP_WORDS, WORD, Query, parse_query, query_terms, words
from .ranking import SUGGEST_ALL, WEIGHTS, Hit, Note, SearchOutcome, Term, notes, search, suggestions

__all__ = [
    "EQUIVALENT",
    "EXACT",
    "FIELDS",
    "FORM",
    "MAX_SMALL_WORD_HITS",
    "MAX_TERMS",
    "MAX_WORDS",
    "MAX_WORD_LENGTH",
    "PREFIX",
    "STOP_WORDS",
    "SUGGEST_ALL",
    "TYPO",
    "WEIGHTS",
    "WORD",
    "Corpus",
    "Hit",
    "Marked",
    "Note",
    "Pointer",
    "Query",
    "SearchOutcome",
    "Term",
    "background_units",
    "excerpt",
    "field_texts",
    "mark",
    "notes",
    "one_edit_away",
    "parse_query",
    "pointer_heading",
    "query_terms",
    "search",
    "search_background",
    "searched_texts",
    "shown_texts",
    "suggestions",
    "why",
    "within_one_edit",
    "words",
]
