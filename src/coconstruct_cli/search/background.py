"""Beyond the documents: pointers to the `kit about` sections, paths and categories that hold the query's words.

`search_background` searches the paths', the categories' and the kit's background texts the same way
as the documents, and returns pointers to them (« Aussi dans kit about : … »).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ..text import one_line
from .corpus import Corpus, cached
from .excerpts import Marked, excerpt, mark
from .matching import find
from .query import parse_query
from .ranking import rank

if TYPE_CHECKING:
    from ..model import Kit


Where = Literal["about", "path", "category"]
"""The places a pointer leads to: a section of `kit about`, a path, a category."""


@dataclass(frozen=True)
class Pointer:
    """A place outside the documents that holds the query's words: a section of `kit about`, a path, a category."""

    where: Where
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


def background_units(kit: Kit, english: bool) -> list[tuple[Where, str, str, list[str]]]:
    """(where, key, label, texts) of every place `search_background` looks in, in the order `kit about` tells them."""
    about = kit.about
    units: list[tuple[Where, str, str, list[str]]] = [("about", "summary", "", _pick(english, about.summary, about.summary_en))]
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

    corpus = cached("background", kit, english, build)
    _, found = find(corpus, terms, english, False)
    if not any(found.where):
        return ()
    ranked = rank(corpus, found, (1.0,))
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


def pointer_heading(pointer: Pointer) -> str:
    """The message key naming where a pointer leads: a `kit about` section heading, or the kind of place."""
    if pointer.where == "about":
        return "search.about_summary" if pointer.key == "summary" else f"about.{pointer.key}"
    return "label.reading_path" if pointer.where == "path" else "col.category"
