"""The searched texts of a search, folded once, and the one-pass scans over them.

The searched text of all documents is joined and folded once (and kept for the same document tuple
within a process: `cached`). All the query's words are looked for in one regular-expression pass over
it, which finds every kit word starting like one of their forms. The vocabulary, against which a word
that found nothing is read as a typo, is built for that alone.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from operator import add
from typing import TYPE_CHECKING

from ..text import fold
from .query import WORD

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from ..model import Document

_SEP = "\x00"

# Searched fields, in the order a document's texts are laid out (`ranking.WEIGHTS` gives each its weight).
FIELDS: tuple[str, ...] = ("title", "authors", "kind", "id", "parts", "description")

MIN_TYPO = 4  # one edit in a shorter word reaches too many other words

# Between two words « side by side »: separators, and at most two small words (« animation du territoire »).
GAP = r"[\W_]+(?:[^\W_]{1,3}[\W_]+){0,2}?"


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


def alternation(words: Iterable[str]) -> str:
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
        starting = alternation(prefixes)
        if starting:
            parts.append(f"(?:{starting})[^\\W_]*")
        whole = alternation(exact)
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
        pattern = GAP.join(word.format(re.escape(p)) for p in parts) + r"(?![^\W_])"
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


_CACHE: dict[tuple[str, int, bool], tuple[object, Corpus]] = {}


def cached(kind: str, owner: object, english: bool, build: Callable[[], Corpus]) -> Corpus:
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
