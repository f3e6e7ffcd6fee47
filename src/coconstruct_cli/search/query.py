"""A query cut into the words to search.

A query is cut into words folded like names (`text.fold`: case, accents and punctuation do not count);
words that carry no meaning (« comment », « le », « the »: `lexicon.STOP_WORDS`) are dropped unless the
query has nothing else, and at most `MAX_TERMS` distinct words (of at most `MAX_WORD_LENGTH` letters)
are searched (`SearchOutcome.truncated` says when more were given).
"""

from __future__ import annotations

import re

from ..text import fold
from .lexicon import STOP_WORDS as STOP_WORDS  # re-exported: the words a query ignores

# A word is a run of letters and digits (str.isalnum), in any script, once folded.
WORD = re.compile(r"[^\W_]+")

# Bounds on a query: the distinct meaningful words searched, and the words read to find them.
MAX_TERMS = 20
MAX_WORDS = 10 * MAX_TERMS
# A longer query word is cut to its first letters: it then finds the kit words that start with them
# (no one types such a word; compiling it into a pattern would cost seconds at 100,000 letters).
MAX_WORD_LENGTH = 64


def words(text: str) -> list[str]:
    """The folded words of `text` (« Saint-Maurice, l'ÉTÉ » -> saint, maurice, l, ete)."""
    return WORD.findall(fold(text))


class Query:
    """A query cut into the words to search (a plain class: a dataclass costs a millisecond at import)."""

    __slots__ = ("ignored", "terms", "truncated")

    def __init__(self, terms: tuple[str, ...], ignored: tuple[str, ...] = (), truncated: bool = False) -> None:
        self.terms = terms
        """Distinct meaningful words, folded, in the order typed (only small words: those)."""
        self.ignored = ignored
        """Words dropped because they carry no meaning (folded, distinct)."""
        self.truncated = truncated
        """True when the query had more words than are searched (`MAX_TERMS`, `MAX_WORDS`)."""

    @property
    def only_small_words(self) -> bool:
        return bool(self.terms) and all(t in STOP_WORDS for t in self.terms)


def parse_query(query: str) -> Query:
    """The words of `query` to search: meaningful ones, at most `MAX_TERMS`, read from its first `MAX_WORDS`."""
    meaningful: dict[str, None] = {}
    small: dict[str, None] = {}
    truncated = False
    for count, match in enumerate(WORD.finditer(fold(query))):
        word = match.group()[:MAX_WORD_LENGTH]
        if count >= MAX_WORDS or (len(meaningful) >= MAX_TERMS and word not in meaningful and word not in STOP_WORDS):
            truncated = True
            break
        (small if word in STOP_WORDS else meaningful)[word] = None
    if meaningful:
        return Query(tuple(meaningful), tuple(small), truncated)
    return Query(tuple(small)[:MAX_TERMS], (), truncated or len(small) > MAX_TERMS)


def query_terms(query: str) -> tuple[str, ...]:
    """The query words that are searched: its folded words less stop words, without repeats."""
    return parse_query(query).terms
