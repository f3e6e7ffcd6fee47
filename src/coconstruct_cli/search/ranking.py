"""Searching the documents: the hits ranked, the nearest kit words when none is found, the lines told around them.

Documents are ranked by how many of the query's words they hold, then by score: each word counts
its best field (title, then authors and kind, id, parts, description), a little for its other
fields, more when it is rare in the searched documents, and a bonus when the words follow each other.
A document holding only some of the words is still a hit; `SearchOutcome.complete` tells whether one
holds them all and `SearchOutcome.unmatched()` which words no document holds. A query none of whose
words is in the kit stops before ranking.
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..text import fold
from .corpus import FIELDS, GAP, Corpus, alternation, cached, searched_texts
from .matching import WRITTEN, Found, find
from .query import MAX_TERMS, WORD, parse_query

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from ..model import Document

# The weight of a hit in each field of `FIELDS`: the title above the authors or kind, above the parts,
# above the description.
WEIGHTS: tuple[float, ...] = (10.0, 6.0, 6.0, 4.0, 3.0, 2.0)
_NF = len(FIELDS)
SUGGEST_ALL = 20_000
"""A vocabulary up to this many words is searched whole for the nearest words; a bigger one by first letter."""
OTHER_FIELDS = 0.1  # share of a word's other matched fields added to its best one
PHRASE = 0.5  # share of a field's weight added when the query's words follow each other there
RARITY = 0.3  # how much more a word found in few documents counts than one found in all


@dataclass(frozen=True)
class Term:
    """One query word and the kit words it found."""

    word: str
    matched: frozenset[str]
    read_as: tuple[str, ...] = ()
    """The kit words taken for it when it was a typo (empty when it matched as typed)."""
    equivalents: tuple[str, ...] = ()
    """The names of the table of equivalents that were searched for it, as the table writes them (« pouvoirs publics »)."""


@dataclass(frozen=True)
class Hit:
    """A document found, its score, the fields where the query's words are, and which words it holds."""

    document: Document
    score: float
    fields: tuple[str, ...]
    matched: tuple[str, ...] = ()
    """The query words (folded, as typed) that the document holds, in the query's order."""


@dataclass(frozen=True)
class SearchOutcome:
    """The outcome of a search, best hit first: most query words held, then highest score."""

    query: str
    terms: tuple[Term, ...]
    hits: tuple[Hit, ...]
    ignored: tuple[str, ...] = ()
    """Query words not searched because they carry no meaning (« comment », « le »)."""
    truncated: bool = False
    """True when only the first `MAX_TERMS` meaningful words of the query were searched."""
    only_small_words: bool = False
    """True when the query had only words that carry no meaning: they were looked for side by side in
    titles, and found nothing when more than `MAX_SMALL_WORD_HITS` titles hold them."""

    @property
    def matched(self) -> frozenset[str]:
        """Every kit word (folded) that matched a query word: what an excerpt highlights."""
        return frozenset().union(*(t.matched for t in self.terms))

    @property
    def documents(self) -> tuple[Document, ...]:
        return tuple(h.document for h in self.hits)

    @property
    def complete(self) -> bool:
        """True when some document holds every searched word."""
        return bool(self.hits) and len(self.hits[0].matched) == len(self.terms)

    def unmatched(self) -> tuple[str, ...]:
        """Query words that no searched document holds (the line « not found: … »)."""
        return tuple(t.word for t in self.terms if not t.matched)


def rank(corpus: Corpus, found: Found, weights: Sequence[float]) -> list[tuple[int, float, int, int]]:
    """(item, score, fields mask, words-held mask) of every item holding a query word, best first."""
    n = corpus.size
    nf = corpus.fields
    scores: dict[int, float] = {}
    fields: dict[int, int] = {}
    held: dict[int, int] = {}
    for i, where in enumerate(found.where):
        if not where:
            continue
        best: dict[int, float] = {}
        total: dict[int, float] = {}
        for k, quality in where.items():
            d, f = divmod(k, nf)
            value = weights[f] * quality
            total[d] = total.get(d, 0.0) + value
            if value > best.get(d, 0.0):
                best[d] = value
            fields[d] = fields.get(d, 0) | 1 << f
        rarity = 1.0 + RARITY * math.log(n / len(best))
        for d, b in best.items():
            scores[d] = scores.get(d, 0.0) + rarity * (b + OTHER_FIELDS * (total[d] - b))
            held[d] = held.get(d, 0) | 1 << i
    terms = len(found.where)
    if terms > 1 and all(found.seen):
        _phrase_bonus(corpus, found, weights, scores, held)
    order = sorted(scores, key=lambda d: (-held[d].bit_count(), -scores[d], d))
    if not order:
        return []
    # The score tells the order: each further word held adds a power of ten above any score of the
    # words themselves (hundreds = words held - 1, typically), so that scores decrease down the list.
    step = 10 ** math.ceil(math.log10(max(scores.values()) + 1))
    return [(d, scores[d] + step * (held[d].bit_count() - 1), fields[d], held[d]) for d in order]


def _phrase_bonus(corpus: Corpus, found: Found, weights: Sequence[float], scores: dict[int, float], held: dict[int, int]) -> None:
    """A share of the best field where the query's words follow each other (« saint-maurice »), for items holding them all."""
    nf = corpus.fields
    all_held = (1 << len(found.where)) - 1
    pattern = GAP.join(f"(?:{alternation(seen)})" for seen in found.seen) + r"(?![^\W_])"
    best: dict[int, int] = {}
    folded = corpus.folded
    for m in re.finditer(pattern, folded):
        start = m.start()
        if start and folded[start - 1].isalnum():
            continue
        d, f = divmod(bisect_right(corpus.starts, start) - 1, nf)
        if held.get(d) == all_held and f < best.get(d, nf):
            best[d] = f
    for d, f in best.items():
        scores[d] += PHRASE * weights[f]


def search(documents: Sequence[Document], query: str, english: bool = False, whole_words: bool = False) -> SearchOutcome:
    """The documents among `documents` (in reading order) that hold words of `query`, best first.

    `english` also searches the English title and description, with English word forms too. Hits
    holding more of the query's words come first, then higher scores, then the given order.
    `whole_words` reads `query` as a sentence, not as words typed to search (see `matching.find`).
    """
    parsed = parse_query(query)
    terms = parsed.terms
    only_small = parsed.only_small_words
    if not terms or not documents:
        return SearchOutcome(query, tuple(Term(w, frozenset()) for w in terms), (), parsed.ignored, parsed.truncated, only_small)

    def build() -> Corpus:
        return Corpus(searched_texts(documents, english), _NF)

    corpus = cached("documents", documents, english, build) if isinstance(documents, tuple) else build()
    plans, found = find(corpus, terms, english, only_small, whole_words)
    if not any(found.where):
        # No query word is in these documents, typos included: nothing to rank.
        return SearchOutcome(
            query, tuple(Term(p.word, frozenset(), p.read_as) for p in plans), (), parsed.ignored, parsed.truncated, only_small
        )
    ranked = rank(corpus, found, WEIGHTS)
    names = {mask: tuple(FIELDS[f] for f in range(_NF) if mask >> f & 1) for mask in {r[2] for r in ranked}}
    holds = {held: tuple(t for i, t in enumerate(terms) if held >> i & 1) for held in {r[3] for r in ranked}}
    hits = tuple(Hit(documents[d], round(score, 2), names[mask], holds[held]) for d, score, mask, held in ranked)
    result_terms = tuple(
        Term(p.word, frozenset(found.seen[i]), p.read_as, tuple(WRITTEN[n] for n in p.equivalents)) for i, p in enumerate(plans)
    )
    return SearchOutcome(query, result_terms, hits, parsed.ignored, parsed.truncated, only_small)


def suggestions(documents: Sequence[Document], words: Iterable[str], english: bool = False, n: int = 3) -> list[str]:
    """Words of the kit, as written there, nearest to `words` (for « nothing found »).

    Looser than the typo rule on purpose: a suggestion is read by a person, not matched.
    """
    import difflib

    wanted = [w for w in words if w]
    if not wanted or not documents:
        return []
    written = _written_forms(searched_texts(documents, english))
    vocabulary = list(written)
    by_initial: dict[str, list[str]] = {}
    if len(vocabulary) > SUGGEST_ALL:
        for key in vocabulary:
            by_initial.setdefault(key[0], []).append(key)
    out: list[str] = []
    for word in wanted:
        # difflib compares the word with every candidate (about 3 µs each): over a vocabulary of
        # 300,000 words, a second per unmatched word. A big vocabulary is searched among the words of
        # the same first letter only, the typo a person is least likely to make.
        candidates = by_initial.get(fold(word)[:1], []) if by_initial else vocabulary
        for near in difflib.get_close_matches(word, candidates, n=n, cutoff=0.7):
            form = written[near]
            if form not in out:
                out.append(form)
    return out


def _written_forms(texts: Sequence[str]) -> dict[str, str]:
    """Folded word -> its most frequent spelling in the kit (« experimentation » -> « expérimentation »)."""
    counts = Counter(WORD.findall(unicodedata.normalize("NFC", "\n".join(texts))))
    forms: dict[str, str] = {}
    best: dict[str, int] = {}
    for form, count in counts.items():
        key = fold(form)
        # Lower case wins a tie, so that a word seen at the start of a sentence is not capitalised.
        rank = count * 2 + (form == form.lower())
        if key and rank > best.get(key, -1) and WORD.fullmatch(key):
            forms[key], best[key] = form, rank
    return forms


# What the CLI tells around the results ----------------------------------------------------------

Note = tuple[str, dict[str, object]]
"""A line to print: a message key of `i18n.MESSAGES` and its parameters (for `i18n.t(key, **params)`)."""


def notes(result: SearchOutcome) -> list[Note]:
    """The lines to print with the results (on stderr, or under the table), in order.

    A query cut to its first words; the words no document holds (when others were found); that no
    document holds them all (when each is somewhere); a query of grammatical words only that found
    nothing. « Nothing found » itself (exit 1, no hit) is the CLI's own message.
    """
    out: list[Note] = []
    if result.truncated:
        out.append(("search.truncated", {"limit": MAX_TERMS}))
    if result.only_small_words:
        if not result.hits:
            out.append(("search.only_small_words", {"words": " ".join(t.word for t in result.terms)}))
        return out
    if result.hits and not result.complete:
        missing = result.unmatched()
        if missing:
            out.append(("search.unmatched", {"words": ", ".join(missing), "count": len(missing)}))
        else:
            out.append(("search.partial", {}))
    return out
