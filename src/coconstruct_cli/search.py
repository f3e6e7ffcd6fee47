"""Searching the kit: folded words, one typo forgiven, title hits first, excerpts with match spans.

Pure functions over the kit's documents: no Typer, no rich, no pydantic import. A query is cut into
words folded like names (`text.fold`: case, accents and punctuation do not count). A query word
finds the kit words equal to it or, from three letters on, starting with it; only when a word finds
nothing at all in the searched documents is a kit word one typo away from it taken instead (one
letter missing, added, changed, or two neighbours swapped), so that a correct word never drags
near-misses into the results. Every significant query word must be found in a document.

The searched text of all documents is joined and folded in one pass and each query word is one
regular-expression scan over it: the work per document is a few C-level string operations, and
nothing is computed at import time.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate
from operator import add
from typing import TYPE_CHECKING

from .text import fold, one_line

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from .model import Document

# A word is a run of letters and digits (str.isalnum), in any script, once folded.
WORD = re.compile(r"[^\W_]+")
_SEP = "\x00"

# Searched fields, in the order a document's texts are laid out; the weight ranks a hit in the
# title above one in the authors or kind, above one in the parts, above one in the description.
FIELDS: tuple[str, ...] = ("title", "authors", "kind", "id", "parts", "description")
WEIGHTS: tuple[float, ...] = (10.0, 6.0, 6.0, 4.0, 3.0, 2.0)
_NF = len(FIELDS)

# How well a kit word matches a query word.
EXACT, PREFIX, TYPO = 1.0, 0.8, 0.6
MIN_PREFIX = 3  # « co » must not find every « collective » and « construction »
MIN_TYPO = 4  # one edit in a shorter word reaches too many other words
OTHER_FIELDS = 0.1  # share of a word's other matched fields added to its best one
PHRASE = 0.5  # share of a field's weight added when the query's words follow each other there

# Small words that carry no meaning on their own: not required to match, unless the query has
# nothing else (« de la » still searches « de » and « la »).
STOP_WORDS = frozenset(
    {
        *("a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "un", "une"),
        *("sur", "pour", "par", "dans", "avec", "ou"),
        *("an", "and", "for", "in", "of", "on", "or", "the", "to", "with"),
    }
)


def words(text: str) -> list[str]:
    """The folded words of `text` (« Saint-Maurice, l'ÉTÉ » -> saint, maurice, l, ete)."""
    return WORD.findall(fold(text))


def query_terms(query: str) -> tuple[str, ...]:
    """The query words that must match: its folded words less stop words, without repeats."""
    found = list(dict.fromkeys(words(query)))
    significant = [w for w in found if w not in STOP_WORDS]
    return tuple(significant or found)


def within_one_edit(a: str, b: str) -> bool:
    """True when `b` is `a` with at most one letter missing, added or changed, or two neighbours swapped.

    The optimal-string-alignment distance bounded at 1, in linear time.
    """
    la, lb = len(a), len(b)
    if la > lb:
        a, b, la, lb = b, a, lb, la
    if lb - la > 1:
        return False
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    if la < lb:
        return a[i:] == b[i + 1 :]
    if i >= la - 1 or a[i + 1 :] == b[i + 1 :]:
        return True
    return a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]


@dataclass(frozen=True)
class Term:
    """One query word and the kit words it found."""

    word: str
    matched: frozenset[str]
    read_as: tuple[str, ...] = ()
    """The kit words taken for it when it was a typo (empty when it matched as typed)."""


@dataclass(frozen=True)
class Hit:
    """A document found, its score and the fields where the query's words are."""

    document: Document
    score: float
    fields: tuple[str, ...]


@dataclass(frozen=True)
class Result:
    """The outcome of a search, best hit first."""

    query: str
    terms: tuple[Term, ...]
    hits: tuple[Hit, ...]

    @property
    def matched(self) -> frozenset[str]:
        """Every kit word (folded) that matched a query word: what an excerpt highlights."""
        return frozenset().union(*(t.matched for t in self.terms))

    @property
    def documents(self) -> tuple[Document, ...]:
        return tuple(h.document for h in self.hits)

    def unmatched(self) -> tuple[str, ...]:
        """Query words that found nothing in the searched documents."""
        return tuple(t.word for t in self.terms if not t.matched)


def searched_texts(documents: Sequence[Document], english: bool) -> list[str]:
    """The six searched fields of each document, in `FIELDS` order, lists joined by line breaks."""
    texts: list[str] = []
    for d in documents:
        title, description = d.title, d.description
        if english:
            title = f"{title}\n{d.title_en}" if d.title_en else title
            description = f"{description}\n{d.description_en}" if d.description_en else description
        texts.extend((title, "\n".join(d.authors), d.kind, d.id, "\n".join(d.parts), description))
    return texts


class _Corpus:
    """The searched text of a list of documents, folded once; text `k` is field `k % 6` of document `k // 6`."""

    def __init__(self, documents: Sequence[Document], english: bool) -> None:
        texts = searched_texts(documents, english)
        raw = _SEP.join(texts)
        if raw.count(_SEP) != len(texts) - 1:  # a text holding the separator itself
            raw = _SEP.join(t.replace(_SEP, " ") for t in texts)
        self.folded = fold(raw)
        self.texts = self.folded.split(_SEP)
        # Text k starts after the k texts and k separators before it.
        self.starts = [0, *map(add, accumulate(map(len, self.texts[:-1])), range(1, len(self.texts)))]
        self._vocabulary: frozenset[str] | None = None

    def vocabulary(self) -> frozenset[str]:
        """Every folded word of the searched texts."""
        if self._vocabulary is None:
            # Splitting on spaces and deduplicating first leaves far fewer chunks to cut into words.
            chunks = " ".join(set(self.folded.split()))
            self._vocabulary = frozenset(WORD.findall(chunks))
        return self._vocabulary

    def scan(self, words: Iterable[str], prefix: bool) -> tuple[dict[int, float], set[str]]:
        """Where `words` occur as whole words (or start one, if `prefix`): {text index: best quality}, kit words found."""
        ordered = sorted(words, key=len, reverse=True)
        pattern = "|".join(re.escape(w) for w in ordered)
        regex = re.compile(f"(?:{pattern})" + (r"[^\W_]*" if prefix else r"(?![^\W_])"))
        folded, starts = self.folded, self.starts
        found: dict[int, float] = {}
        seen: set[str] = set()
        exact = set(ordered)
        for m in regex.finditer(folded):
            start = m.start()
            if start and folded[start - 1].isalnum():
                continue  # inside a word, not at its start
            word = m.group()
            seen.add(word)
            quality = EXACT if word in exact else PREFIX
            k = bisect_right(starts, start) - 1
            if found.get(k, 0.0) < quality:
                found[k] = quality
        return found, seen


def search(documents: Sequence[Document], query: str, english: bool = False) -> Result:
    """The documents among `documents` (in reading order) that hold every significant word of `query`.

    `english` also searches the English title and description. Hits are sorted by score, best
    first, then in the given order.
    """
    terms = query_terms(query)
    if not terms or not documents:
        return Result(query, tuple(Term(w, frozenset()) for w in terms), ())
    corpus = _Corpus(documents, english)
    found_terms: list[Term] = []
    per_term: list[dict[int, float]] = []
    fields: dict[int, int] = {}
    for word in terms:
        found, seen = corpus.scan([word], prefix=len(word) >= MIN_PREFIX)
        read_as: tuple[str, ...] = ()
        if not found and len(word) >= MIN_TYPO:
            size = len(word)
            near = sorted(w for w in corpus.vocabulary() if abs(len(w) - size) <= 1 and within_one_edit(word, w))
            if near:
                # The corrected word then matches as a typed one would: « partenairiat » is read as
                # « partenariat », which also finds « partenariats ».
                found, seen = corpus.scan(near, prefix=True)
                found = dict.fromkeys(found, TYPO)
                read_as = tuple(near)
        found_terms.append(Term(word, frozenset(seen), read_as))
        per_term.append(_term_scores(found, fields))
    common = set(per_term[0]).intersection(*per_term[1:]) if per_term else set()
    scores = {d: sum(p[d] for p in per_term) for d in common}
    if len(terms) > 1:
        phrase = re.compile(r"(?<![^\W_])" + r"[\W_]+".join(map(re.escape, terms)) + r"(?![^\W_])")
        for d in common:
            scores[d] += _phrase_bonus(corpus, d, phrase)
    order = sorted(common, key=lambda d: (-scores[d], d))
    names = {mask: tuple(FIELDS[f] for f in range(_NF) if mask >> f & 1) for mask in set(fields.values())}
    hits = tuple(Hit(documents[d], round(scores[d], 2), names[fields[d]]) for d in order)
    return Result(query, tuple(found_terms), hits)


def _term_scores(found: dict[int, float], fields: dict[int, int]) -> dict[int, float]:
    """Score of one query word in each document: its best field, plus a little for the others."""
    best: dict[int, float] = {}
    total: dict[int, float] = {}
    for k, quality in found.items():
        d, f = divmod(k, _NF)
        value = WEIGHTS[f] * quality
        total[d] = total.get(d, 0.0) + value
        if value > best.get(d, 0.0):
            best[d] = value
        fields[d] = fields.get(d, 0) | 1 << f
    return {d: b + OTHER_FIELDS * (total[d] - b) for d, b in best.items()}


def _phrase_bonus(corpus: _Corpus, d: int, phrase: re.Pattern[str]) -> float:
    """A share of the best field where the query's words follow each other (« saint-maurice »)."""
    for f in range(_NF):  # fields come best first
        if phrase.search(corpus.texts[d * _NF + f]):
            return PHRASE * WEIGHTS[f]
    return 0.0


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
    out: list[str] = []
    for word in wanted:
        for near in difflib.get_close_matches(word, vocabulary, n=n, cutoff=0.7):
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


# Excerpts ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Marked:
    """One line of kit text and the (start, end) spans of the matched words in it."""

    text: str
    spans: tuple[tuple[int, int], ...]


def mark(text: str, matched: frozenset[str]) -> Marked:
    """`text` as one line, with the spans of the words whose folded form is in `matched`."""
    line = one_line(text)
    if not matched:
        return Marked(line, ())
    folded: list[str] = []
    origin: list[int] = []
    cache: dict[str, str] = {}
    for i, ch in enumerate(line):
        f = cache.get(ch)
        if f is None:
            f = cache[ch] = fold(ch)
        folded.append(f)
        origin.extend([i] * len(f))
    flat = "".join(folded)
    spans: list[tuple[int, int]] = []
    for m in WORD.finditer(flat):
        if m.group() in matched:
            start, end = origin[m.start()], origin[m.end() - 1] + 1
            while end < len(line) and not folded[end]:  # combining marks left on the last letter
                end += 1
            if spans and start < spans[-1][1]:
                spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
            else:
                spans.append((start, end))
    return Marked(line, tuple(spans))


def excerpt(text: str, matched: frozenset[str], width: int = 120) -> Marked | None:
    """A window of about `width` characters of `text` around its first matched word; None without one."""
    whole = mark(text, matched)
    if not whole.spans:
        return None
    line = whole.text
    if len(line) <= width:
        return whole
    first_start, first_end = whole.spans[0]
    start = max(0, min(first_start - width // 3, len(line) - width))
    end = min(len(line), max(start + width, first_end))
    # Cut at spaces, not inside words.
    if start > 0:
        space = line.find(" ", start, first_start)
        start = space + 1 if space >= 0 else start
    if end < len(line):
        space = line.rfind(" ", first_end, end)
        end = space if space >= 0 else end
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(line) else ""
    shift = len(prefix) - start
    spans = tuple((max(s, start) + shift, min(e, end) + shift) for s, e in whole.spans if s < end and e > start)
    return Marked(prefix + line[start:end] + suffix, spans)


def field_texts(document: Document, field: str, english: bool) -> list[str]:
    """The texts of one searched field of a document, in the language shown first."""
    if field == "title":
        return [document.title_en, document.title] if english and document.title_en else [document.title]
    if field == "description":
        return [document.description_en, document.description] if english and document.description_en else [document.description]
    if field == "authors":
        return [", ".join(document.authors)]
    if field == "kind":
        return [document.kind]
    if field == "id":
        return [document.id]
    return list(document.parts)


def why(hit: Hit, matched: frozenset[str], english: bool, width: int = 120) -> tuple[str, Marked] | None:
    """The first field after the title where a matched word shows, with an excerpt around it."""
    for field in hit.fields:
        if field in ("title", "id"):
            continue
        for text in field_texts(hit.document, field, english):
            found = excerpt(text, matched, width)
            if found is not None:
                return field, found
    return None
