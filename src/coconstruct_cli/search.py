"""Searching the kit: meaningful words, their forms, ranked partial matches, excerpts with match spans.

Pure functions over the kit's documents: no Typer, no rich, no pydantic import. A query is cut into
words folded like names (`text.fold`: case, accents and punctuation do not count); words that carry
no meaning (« comment », « le », « the »: `lexicon.STOP_WORDS`) are dropped unless the query has
nothing else, and at most `MAX_TERMS` distinct words (of at most `MAX_WORD_LENGTH` letters) are
searched (`Result.truncated` says when more were given). A query word finds, in the searched fields:

- the kit words equal to it (quality 1.0), the forms of the same word (`lexicon`: Snowball stems,
  « animer » finds « animation », « territoire » finds « territoriale »; 0.9), and from three letters
  on the kit words it starts (0.8);
- the names the table of equivalents gives for it (« collectivité » finds « pouvoirs publics »; 0.7);
- only when all that finds nothing, the kit words one typo away from it (one letter missing, added,
  changed, or two neighbours swapped; not for numbers) and their forms (0.6), so that a correct
  word never drags near misses into the results.

Documents are ranked by how many of the query's words they hold, then by score: each word counts
its best field (title, then authors and kind, id, parts, description), a little for its other
fields, more when it is rare in the searched documents, and a bonus when the words follow each other.
A document holding only some of the words is still a hit; `Result.complete` tells whether one holds
them all and `Result.unmatched()` which words no document holds.

`search_background` searches the same way the paths', the categories' and the kit's background texts
and returns pointers to them.

The searched text of all documents is joined and folded once (and kept for the same document tuple
within a process). All the query's words are looked for in one regular-expression pass over it,
which finds every kit word starting like one of their forms; each distinct kit word is then judged
once, not once per document. Only the words that found nothing are then read as typos, against the
vocabulary, which is built for that alone; and a query none of whose words is in the kit stops there.
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate
from operator import add
from typing import TYPE_CHECKING

from . import lexicon
from .lexicon import STOP_WORDS as STOP_WORDS  # re-exported: the words a query ignores
from .text import fold, one_line

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from .model import Document, Kit

# A word is a run of letters and digits (str.isalnum), in any script, once folded.
WORD = re.compile(r"[^\W_]+")
_SEP = "\x00"

# Searched fields, in the order a document's texts are laid out; the weight ranks a hit in the
# title above one in the authors or kind, above one in the parts, above one in the description.
FIELDS: tuple[str, ...] = ("title", "authors", "kind", "id", "parts", "description")
WEIGHTS: tuple[float, ...] = (10.0, 6.0, 6.0, 4.0, 3.0, 2.0)
_NF = len(FIELDS)

# How well a kit word matches a query word.
EXACT, FORM, PREFIX, EQUIVALENT, TYPO = 1.0, 0.9, 0.8, 0.7, 0.6
SUGGEST_ALL = 20_000
"""A vocabulary up to this many words is searched whole for the nearest words; a bigger one by first letter."""
MIN_PREFIX = 3  # « co » must not find every « collective » and « construction »
MIN_STEM = 3  # a shorter stem (« a », « co ») finds only the word itself
MIN_TYPO = 4  # one edit in a shorter word reaches too many other words
OTHER_FIELDS = 0.1  # share of a word's other matched fields added to its best one
PHRASE = 0.5  # share of a field's weight added when the query's words follow each other there
RARITY = 0.3  # how much more a word found in few documents counts than one found in all

# Bounds on a query: the distinct meaningful words searched, and the words read to find them.
MAX_TERMS = 20
MAX_WORDS = 10 * MAX_TERMS
# A longer query word is cut to its first letters: it then finds the kit words that start with them
# (no one types such a word; compiling it into a pattern would cost seconds at 100,000 letters).
MAX_WORD_LENGTH = 64
# A query of small words only (« de la ») is looked for as typed, side by side, in titles; when more
# titles than this hold it, it says nothing about which documents are meant and finds none.
MAX_SMALL_WORD_HITS = 3

# Between two words « side by side »: separators, and at most two small words (« animation du territoire »).
_GAP = r"[\W_]+(?:[^\W_]{1,3}[\W_]+){0,2}?"


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


def one_edit_away(word: str, alphabet: Iterable[str]) -> set[str]:
    """Every string one edit from `word` (deletion, transposition, substitution, insertion) over `alphabet`."""
    letters = tuple(alphabet)
    cuts = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in cuts if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in cuts if len(b) > 1)
    out.update(a + c + b[1:] for a, b in cuts if b for c in letters)
    out.update(a + c + b for a, b in cuts for c in letters)
    out.discard(word)
    return out


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
class Result:
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


_Trie = dict[str, "_Trie"]


def _alternation(words: Iterable[str]) -> str:
    """A regular expression matching exactly `words`, as a trie (one pass per position, whatever their number)."""
    trie: _Trie = {}
    long: list[str] = []
    for word in words:
        if len(word) > 60:  # kept out of the trie, whose pattern nests one group per letter
            long.append(re.escape(word))
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            body = f"(?:{body})?"
        return body

    parts = [emit(trie)] if trie else []
    return "|".join(sorted(long, key=len, reverse=True) + parts)


class Corpus:
    """Searched texts folded once: text `k` is field `k % fields` of item `k // fields`.

    The vocabulary (every folded word) and the typo alphabet are built only when a typo is looked for.
    """

    def __init__(self, texts: Sequence[str], fields: int) -> None:
        self.fields = fields
        self.size = len(texts) // fields
        # Identical texts (an author, a kind, an empty list of parts, on every other document) are folded
        # once: folding is character by character, so folding them joined is folding each.
        unique = list(dict.fromkeys(texts))
        raw = _SEP.join(unique)
        if raw.count(_SEP) != len(unique) - 1:  # a text holding the separator itself
            raw = _SEP.join(t.replace(_SEP, " ") for t in unique)
        folded = dict(zip(unique, fold(raw).split(_SEP), strict=True))
        self.texts = [folded[t] for t in texts]
        self.folded = _SEP.join(self.texts)
        # Text k starts after the k texts and k separators before it.
        self.starts = [0, *map(add, accumulate(map(len, self.texts[:-1])), range(1, len(self.texts)))]
        self._vocabulary: frozenset[str] | None = None
        self._alphabet: str | None = None

    def vocabulary(self) -> frozenset[str]:
        """Every folded word of the searched texts."""
        if self._vocabulary is None:
            # Splitting on spaces and deduplicating first leaves far fewer chunks to cut into words.
            chunks = " ".join(set(self.folded.split()))
            self._vocabulary = frozenset(WORD.findall(chunks))
        return self._vocabulary

    def alphabet(self) -> str:
        if self._alphabet is None:
            self._alphabet = "".join(sorted(set("".join(self.vocabulary()))))
        return self._alphabet

    def typos(self, word: str) -> list[str]:
        """The kit words one edit away from `word`, sorted; none for a number (« 2015 » is not a typo of « 2014 »)."""
        if len(word) < MIN_TYPO or len(word) > 40 or not word.isalpha():
            return []
        vocabulary = self.vocabulary()
        return sorted(w for w in one_edit_away(word, self.alphabet()) if w in vocabulary)

    def scan(self, prefixes: Iterable[str], exact: Iterable[str]) -> dict[str, list[int]]:
        """Where the kit words starting with one of `prefixes`, or equal to one of `exact`, occur: {word: [text index]}.

        One pass over all the texts, whatever the number of words.
        """
        parts = []
        starting = _alternation(prefixes)
        if starting:
            parts.append(f"(?:{starting})[^\\W_]*")
        whole = _alternation(exact)
        if whole:
            parts.append(f"(?:{whole})(?![^\\W_])")
        found: dict[str, list[int]] = {}
        if not parts:
            return found
        folded, starts = self.folded, self.starts
        for m in re.finditer("|".join(parts), folded):
            start = m.start()
            if start and folded[start - 1].isalnum():
                continue  # inside a word, not at its start
            k = bisect_right(starts, start) - 1
            word = m.group()
            into = found.get(word)
            if into is None:
                found[word] = [k]
            else:
                into.append(k)
        return found

    def scan_phrase(self, parts: Sequence[str], accept: Callable[[int, str], bool], whole: bool = False) -> dict[int, set[str]]:
        """Where words side by side occur, the i-th starting with `parts[i]` (or equal to it) and passing `accept(i, word)`.

        {text index: the kit words of those occurrences}.
        """
        word = "({})(?![^\\W_])" if whole else "({}[^\\W_]*)"
        pattern = _GAP.join(word.format(re.escape(p)) for p in parts) + r"(?![^\W_])"
        folded = self.folded
        found: dict[int, set[str]] = {}
        for m in re.finditer(pattern, folded):
            start = m.start()
            if start and folded[start - 1].isalnum():
                continue
            groups = m.groups()
            if all(accept(i, w) for i, w in enumerate(groups)):
                found.setdefault(bisect_right(self.starts, start) - 1, set()).update(groups)
        return found


def _stem_prefix(key: str) -> str:
    """What every word with stem `key` starts with: Snowball changes endings only (« city » -> citi)."""
    return key[: max(MIN_STEM, min(4, len(key) - 1))]


class _Plan:
    """What one query word looks for, and how well a kit word answers it."""

    __slots__ = ("english", "equivalents", "read_as", "word")

    def __init__(self, word: str, english: bool) -> None:
        self.word = word
        self.english = english
        self.equivalents: list[tuple[str, ...]] = []
        self.read_as: tuple[str, ...] = ()

    def _keys(self, word: str) -> tuple[str, ...]:
        return tuple(k for k in lexicon.keys(word, self.english) if len(k) >= MIN_STEM)

    def prefixes(self) -> tuple[list[str], list[str]]:
        """(prefixes, whole words) whose occurrences may answer this query word."""
        starting: list[str] = []
        whole: list[str] = []
        for source, may_start in ((self.word, True), *((n[0], False) for n in self.equivalents if len(n) == 1)):
            (starting if may_start and len(source) >= MIN_PREFIX else whole).append(source)
            starting.extend(_stem_prefix(k) for k in self._keys(source))
        for near in self.read_as:
            starting.append(near)
            starting.extend(_stem_prefix(k) for k in self._keys(near))
        return starting, whole

    def _same(self, a: str, b: str) -> bool:
        """`a` is `b` or one of its forms."""
        return a == b or bool(set(self._keys(a)) & set(self._keys(b)))

    def quality(self, kit_word: str) -> float:
        """How well `kit_word` answers the query word (0: not at all)."""
        word = self.word
        if kit_word == word:
            return EXACT
        if self._same(kit_word, word):
            return FORM
        if len(word) >= MIN_PREFIX and kit_word.startswith(word):
            return PREFIX
        if any(len(n) == 1 and self._same(kit_word, n[0]) for n in self.equivalents):
            return EQUIVALENT
        if any(kit_word.startswith(near) or self._same(kit_word, near) for near in self.read_as):
            return TYPO
        return 0.0

    def phrases(self) -> list[tuple[str, ...]]:
        """The names of several words to look for, side by side."""
        return [n for n in self.equivalents if len(n) > 1]

    def phrase_matcher(self, name: tuple[str, ...]) -> tuple[list[str], Callable[[int, str], bool]]:
        """The prefixes of the words of `name`, and the test that a kit word is the j-th word or one of its forms."""
        keys = [set(self._keys(w)) for w in name]

        def accept(j: int, kit_word: str) -> bool:
            return kit_word == name[j] or bool(keys[j] & set(self._keys(kit_word)))

        return [min([w, *map(_stem_prefix, k)], key=len) for w, k in zip(name, keys, strict=True)], accept


def _equivalent_names(terms: Sequence[str], english: bool) -> list[list[tuple[str, ...]]]:
    """For each query word, the names of the table of equivalents to search too (as folded meaningful words)."""
    out: list[list[tuple[str, ...]]] = [[] for _ in terms]
    term_keys = [set(lexicon.keys(t, english)) for t in terms]
    for group in _equivalent_groups(english):
        for name in group:
            n = len(name)
            for i in range(len(terms) - n + 1):
                if all(set(lexicon.keys(w, english)) & term_keys[i + j] for j, w in enumerate(name)):
                    others = [other for other in group if other != name]
                    for j in range(n):
                        out[i + j].extend(o for o in others if o not in out[i + j])
    return out


_GROUPS: dict[bool, list[list[tuple[str, ...]]]] = {}
_WRITTEN: dict[tuple[str, ...], str] = {}


def _equivalent_groups(english: bool) -> list[list[tuple[str, ...]]]:
    """The table of equivalents as folded meaningful words (« pouvoirs publics » -> (pouvoirs, publics))."""
    if english not in _GROUPS:
        groups = _GROUPS[english] = []
        for group in lexicon.equivalents(english):
            names = []
            for name in group:
                folded = tuple(w for w in words(name) if w not in STOP_WORDS)
                if folded:
                    names.append(folded)
                    _WRITTEN.setdefault(folded, name)
            groups.append(names)
    return _GROUPS[english]


class _Found:
    """Per query word: {text index: best quality} and the kit words that answered it."""

    __slots__ = ("seen", "where")

    def __init__(self, terms: int) -> None:
        self.where: list[dict[int, float]] = [{} for _ in range(terms)]
        self.seen: list[set[str]] = [set() for _ in range(terms)]


def _find_words(corpus: Corpus, plans: Sequence[_Plan], only: Sequence[int], found: _Found) -> None:
    """Look for the query words `only` (indexes into `plans`) in one pass, into `found`."""
    starting: set[str] = set()
    whole: set[str] = set()
    for i in only:
        s, w = plans[i].prefixes()
        starting.update(s)
        whole.update(w)
    for kit_word, texts in corpus.scan(starting, whole).items():
        for i in only:
            quality = plans[i].quality(kit_word)
            if quality:
                found.seen[i].add(kit_word)
                into = found.where[i]
                for k in texts:
                    if into.get(k, 0.0) < quality:
                        into[k] = quality


def _find_phrases(corpus: Corpus, plans: Sequence[_Plan], found: _Found) -> None:
    """Look for the names of several words that the table of equivalents gives, into `found`."""
    for i, plan in enumerate(plans):
        for name in plan.phrases():
            for k, kit_words in corpus.scan_phrase(*plan.phrase_matcher(name)).items():
                found.seen[i].update(kit_words)
                if found.where[i].get(k, 0.0) < EQUIVALENT:
                    found.where[i][k] = EQUIVALENT


def _find(corpus: Corpus, terms: Sequence[str], english: bool, only_small: bool) -> tuple[list[_Plan], _Found]:
    """What each query word finds: its forms and equivalents, and only when those find nothing, its typo readings."""
    plans = [_Plan(t, english) for t in terms]
    found = _Found(len(plans))
    if only_small:
        # Small words alone are only looked for as typed, side by side, in titles.
        texts = corpus.scan_phrase(terms, lambda j, w: True, whole=True)
        titles = {k: words_ for k, words_ in texts.items() if k % corpus.fields == 0}
        if 0 < len(titles) <= MAX_SMALL_WORD_HITS:
            for i in range(len(plans)):
                found.where[i].update(dict.fromkeys(titles, EXACT))
                found.seen[i].update(*titles.values())
        return plans, found
    for plan, names in zip(plans, _equivalent_names(terms, english), strict=True):
        plan.equivalents = names
    _find_words(corpus, plans, range(len(plans)), found)
    _find_phrases(corpus, plans, found)
    missing = [i for i in range(len(plans)) if not found.where[i]]
    for i in missing:
        plans[i].read_as = tuple(corpus.typos(plans[i].word))
    again = [i for i in missing if plans[i].read_as]
    if again:
        _find_words(corpus, plans, again, found)
    return plans, found


def _rank(corpus: Corpus, found: _Found, weights: Sequence[float]) -> list[tuple[int, float, int, int]]:
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


def _phrase_bonus(
    corpus: Corpus, found: _Found, weights: Sequence[float], scores: dict[int, float], held: dict[int, int]
) -> None:
    """A share of the best field where the query's words follow each other (« saint-maurice »), for items holding them all."""
    nf = corpus.fields
    all_held = (1 << len(found.where)) - 1
    pattern = _GAP.join(f"(?:{_alternation(seen)})" for seen in found.seen) + r"(?![^\W_])"
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


_CACHE: dict[tuple[str, int, bool], tuple[object, Corpus]] = {}


def _cached(kind: str, owner: object, english: bool, build: Callable[[], Corpus]) -> Corpus:
    """The corpus of an immutable `owner` (a tuple of documents, a frozen kit), built once per process.

    The cache holds `owner` itself, so that its id cannot be reused by another object.
    """
    key = (kind, id(owner), english)
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is owner:
        return hit[1]
    if len(_CACHE) >= 8:
        _CACHE.pop(next(iter(_CACHE)))
    corpus = build()
    _CACHE[key] = (owner, corpus)
    return corpus


def search(documents: Sequence[Document], query: str, english: bool = False) -> Result:
    """The documents among `documents` (in reading order) that hold words of `query`, best first.

    `english` also searches the English title and description, with English word forms too. Hits
    holding more of the query's words come first, then higher scores, then the given order.
    """
    parsed = parse_query(query)
    terms = parsed.terms
    only_small = parsed.only_small_words
    if not terms or not documents:
        return Result(query, tuple(Term(w, frozenset()) for w in terms), (), parsed.ignored, parsed.truncated, only_small)

    def build() -> Corpus:
        return Corpus(searched_texts(documents, english), _NF)

    corpus = _cached("documents", documents, english, build) if isinstance(documents, tuple) else build()
    plans, found = _find(corpus, terms, english, only_small)
    if not any(found.where):
        # No query word is in these documents, typos included: nothing to rank.
        return Result(
            query, tuple(Term(p.word, frozenset(), p.read_as) for p in plans), (), parsed.ignored, parsed.truncated, only_small
        )
    ranked = _rank(corpus, found, WEIGHTS)
    names = {mask: tuple(FIELDS[f] for f in range(_NF) if mask >> f & 1) for mask in {r[2] for r in ranked}}
    holds = {held: tuple(t for i, t in enumerate(terms) if held >> i & 1) for held in {r[3] for r in ranked}}
    hits = tuple(Hit(documents[d], round(score, 2), names[mask], holds[held]) for d, score, mask, held in ranked)
    result_terms = tuple(
        Term(p.word, frozenset(found.seen[i]), p.read_as, tuple(_WRITTEN[n] for n in p.equivalents)) for i, p in enumerate(plans)
    )
    return Result(query, result_terms, hits, parsed.ignored, parsed.truncated, only_small)


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


def shown_texts(document: Document, field: str, english: bool) -> list[str]:
    """The texts of a field an excerpt may quote: in English, only the English ones (a word found in the
    French text alone is not quoted in French on an English screen)."""
    if not english:
        return field_texts(document, field, english)
    if field == "description":
        return [document.description_en] if document.description_en else []
    if field == "kind":
        return [document.kind_en] if document.kind_en else []
    if field == "parts":
        return list(document.parts_en)
    return field_texts(document, field, english)


def why(hit: Hit, matched: frozenset[str], english: bool, width: int = 120) -> tuple[str, Marked] | None:
    """The first field after the title where a matched word shows, with an excerpt around it."""
    for name in hit.fields:
        if name in ("title", "id"):
            continue
        for text in shown_texts(hit.document, name, english):
            found = excerpt(text, matched, width)
            if found is not None:
                return name, found
    return None


# Beyond the documents ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Pointer:
    """A place outside the documents that holds the query's words: a section of `kit about`, a path, a category."""

    where: str
    """« about », « path » or « category »."""
    key: str
    """The `kit about` section (summary, objectives, forms, figures, genesis, research, partners), or the path or category id."""
    label: str
    """Its own name in the kit (a form's or a research work's title, a figure's value, a path's title,
    a category's label), in the language shown first; empty for a section that has none (the CLI names it from `key`)."""
    excerpt: Marked
    """A line of its text around the first matched word, with the spans of the matched words."""
    matched: tuple[str, ...]
    """The query words it holds (folded, as typed)."""


def _pick(english: bool, french: str, translated: str | None) -> list[str]:
    """The texts of a field in the language shown first: the English one, then the French."""
    return [translated, french] if english and translated else [french]


def background_units(kit: Kit, english: bool) -> list[tuple[str, str, str, list[str]]]:
    """(where, key, label, texts) of every place `search_background` looks in, in the order `kit about` tells them."""
    about = kit.about
    units: list[tuple[str, str, str, list[str]]] = [("about", "summary", "", _pick(english, about.summary, about.summary_en))]
    objectives = list(about.objectives_en) + list(about.objectives) if english else list(about.objectives)
    if objectives:
        units.append(("about", "objectives", "", objectives))
    for form in about.forms:
        texts = _pick(english, form.title, form.title_en)
        texts += [form.also_named] if form.also_named else []
        texts += _pick(english, form.definition, form.definition_en)
        texts += [form.example.title, *_pick(english, form.example.text, form.example.text_en)]
        texts += [form.example.source] if form.example.source else []
        units.append(("about", "forms", texts[0], texts))
    for figure in about.figures:
        measures = _pick(english, figure.measure, figure.measure_en)
        units.append(("about", "figures", figure.value, [f"{figure.value} {m}" for m in measures]))
    if about.genesis:
        units.append(("about", "genesis", "", _pick(english, about.genesis, about.genesis_en)))
    for work in about.research:
        titles = _pick(english, work.title, work.title_en)
        units.append(("about", "research", titles[0], [*titles, *work.items]))
    if about.partners:
        units.append(("about", "partners", "", _pick(english, about.partners, about.partners_en)))
    for path in kit.paths:
        titles = _pick(english, path.title, path.title_en)
        units.append(("path", path.id, titles[0], [*titles, *_pick(english, path.purpose, path.purpose_en)]))
    for category in kit.categories:
        labels = _pick(english, category.label, category.label_en)
        subs = [s for sub in category.subcategories for s in _pick(english, sub.label, sub.label_en)]
        units.append(
            ("category", category.id, labels[0], [*labels, *_pick(english, category.description, category.description_en), *subs])
        )
    return units


def search_background(kit: Kit, query: str, english: bool = False) -> tuple[Pointer, ...]:
    """Pointers to the paths, categories and `kit about` sections that hold the most of the query's words.

    Searched like the documents (word forms, equivalents, one typo); only the places holding the
    largest number of the query's words are returned, in the order `kit about`, paths, categories.
    A query of small words only (« de la ») points nowhere.
    """
    parsed = parse_query(query)
    terms = parsed.terms
    if not terms or parsed.only_small_words:
        return ()
    units = background_units(kit, english)

    def build() -> Corpus:
        return Corpus(["\n".join(texts) for _, _, _, texts in units], 1)

    corpus = _cached("background", kit, english, build)
    _, found = _find(corpus, terms, english, False)
    if not any(found.where):
        return ()
    ranked = _rank(corpus, found, (1.0,))
    if not ranked:
        return ()
    most = ranked[0][3].bit_count()
    matched = frozenset().union(*found.seen)
    pointers: list[Pointer] = []
    for u in sorted(d for d, _, _, held in ranked if held.bit_count() == most):
        where, key, label, texts = units[u]
        marked = next((m for m in (excerpt(t, matched) for t in texts) if m is not None), None)
        if marked is None:  # a match across two texts of the unit: show the first text
            marked = mark(texts[0], matched)
        held = next(h for d, _, _, h in ranked if d == u)
        pointers.append(Pointer(where, key, one_line(label), marked, tuple(t for i, t in enumerate(terms) if held >> i & 1)))
    return tuple(pointers)


# What the CLI tells around the results ----------------------------------------------------------

Note = tuple[str, dict[str, object]]
"""A line to print: a message key of `i18n.MESSAGES` and its parameters (for `i18n.t(key, **params)`)."""


def notes(result: Result) -> list[Note]:
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


def pointer_heading(pointer: Pointer) -> str:
    """The message key naming where a pointer leads: a `kit about` section heading, or the kind of place."""
    if pointer.where == "about":
        return "search.about_summary" if pointer.key == "summary" else f"about.{pointer.key}"
    return "label.reading_path" if pointer.where == "path" else "col.category"
