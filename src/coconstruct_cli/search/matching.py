"""What one query word finds in a corpus: its forms, its equivalents, and only failing those, its typos.

A query word finds, in the searched fields:

- the kit words equal to it (quality 1.0), the forms of the same word (`lexicon`: Snowball stems,
  « animer » finds « animation », « territoire » finds « territoriale »; 0.9), and from three letters
  on the kit words it starts (0.8);
- the names the table of equivalents gives for it (« collectivité » finds « pouvoirs publics »; 0.7);
- only when all that finds nothing, the kit words one typo away from it (one letter missing, added,
  changed, or two neighbours swapped; not for numbers) and their forms (0.6), so that a correct
  word never drags near misses into the results.

Each distinct kit word the scan finds is judged once, not once per document; only the words that
found nothing are then read as typos.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import lexicon
from .query import STOP_WORDS, words

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from .corpus import Corpus

# How well a kit word matches a query word.
EXACT, FORM, PREFIX, EQUIVALENT, TYPO = 1.0, 0.9, 0.8, 0.7, 0.6

MIN_PREFIX = 3  # « co » must not find every « collective » and « construction »
SENTENCE_MIN_TYPO = 7  # a sentence's shorter word is read as typed (`find`'s `whole_words`)
MIN_STEM = 3  # a shorter stem (« a », « co ») finds only the word itself

# A query of small words only (« de la ») is looked for as typed, side by side, in titles; when more
# titles than this hold it, it says nothing about which documents are meant and finds none.
MAX_SMALL_WORD_HITS = 3


def _stem_prefix(key: str) -> str:
    """What every word with stem `key` starts with: Snowball changes endings only (« city » -> citi)."""
    return key[: max(MIN_STEM, min(4, len(key) - 1))]


class _Plan:
    """What one query word looks for, and how well a kit word answers it."""

    __slots__ = ("english", "equivalents", "read_as", "whole", "word")

    def __init__(self, word: str, english: bool, whole: bool = False) -> None:
        self.word = word
        self.english = english
        self.whole = whole
        """A word of a sentence (`find`'s `whole_words`): it does not find longer kit words that start with it."""
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
        if not self.whole and len(word) >= MIN_PREFIX and kit_word.startswith(word):
            return PREFIX
        if any(len(n) == 1 and self._same(kit_word, n[0]) for n in self.equivalents):
            return EQUIVALENT
        if any((not self.whole and kit_word.startswith(near)) or self._same(kit_word, near) for near in self.read_as):
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
WRITTEN: dict[tuple[str, ...], str] = {}


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
                    WRITTEN.setdefault(folded, name)
            groups.append(names)
    return _GROUPS[english]


class Found:
    """Per query word: {text index: best quality} and the kit words that answered it."""

    __slots__ = ("seen", "where")

    def __init__(self, terms: int) -> None:
        self.where: list[dict[int, float]] = [{} for _ in range(terms)]
        self.seen: list[set[str]] = [set() for _ in range(terms)]


def _find_words(corpus: Corpus, plans: Sequence[_Plan], only: Sequence[int], found: Found) -> None:
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


def _find_phrases(corpus: Corpus, plans: Sequence[_Plan], found: Found) -> None:
    """Look for the names of several words that the table of equivalents gives, into `found`."""
    for i, plan in enumerate(plans):
        for name in plan.phrases():
            for k, kit_words in corpus.scan_phrase(*plan.phrase_matcher(name)).items():
                found.seen[i].update(kit_words)
                if found.where[i].get(k, 0.0) < EQUIVALENT:
                    found.where[i][k] = EQUIVALENT


def find(
    corpus: Corpus, terms: Sequence[str], english: bool, only_small: bool, whole_words: bool = False
) -> tuple[list[_Plan], Found]:
    """What each query word finds: its forms and equivalents, and only when those find nothing, its typo readings.

    `whole_words` reads the words of a sentence (the guide's situation) rather than of a query typed to
    search: each is a whole word, so it finds no longer word that starts with it (« all » is not
    « alliances »), and it is read as a typo only when it is long (`SENTENCE_MIN_TYPO`) and the word read
    carries meaning: a short word of a sentence is far more often a word the kit does not use than a typo
    (« sait » is not « saint », « older » not « order »); and a number finds nothing."""
    plans = [_Plan(t, english, whole_words) for t in terms]
    found = Found(len(plans))
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
    # A number of a sentence counts the person's things (« 3 quartiers », « 200 salariés »): it names no subject.
    searched = [i for i, t in enumerate(terms) if not (whole_words and t.isdigit())]
    _find_words(corpus, plans, searched, found)
    _find_phrases(corpus, plans, found)
    missing = [i for i in range(len(plans)) if not found.where[i]]
    for i in missing:
        if whole_words and len(plans[i].word) < SENTENCE_MIN_TYPO:
            continue
        plans[i].read_as = tuple(w for w in corpus.typos(plans[i].word) if not (whole_words and w in STOP_WORDS))
    again = [i for i in missing if plans[i].read_as]
    if again:
        _find_words(corpus, plans, again, found)
    return plans, found
