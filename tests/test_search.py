"""The search core beyond exact words: meaningless words, word forms, equivalents, partial matches,
pointers outside the documents, and the bounds on a query (issue 10, issue 11 item 7)."""

from __future__ import annotations

import random
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coconstruct_cli import lexicon
from coconstruct_cli import search as core
from coconstruct_cli.model import Document, Kit
from coconstruct_cli.search import MAX_TERMS, parse_query, query_terms, search, search_background


def ids(kit: Kit, query: str, english: bool = False) -> list[str]:
    return [h.document.id for h in search(kit.documents, query, english).hits]


# Words that carry no meaning ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "query,terms",
    [
        ("comment animer un territoire", ("animer", "territoire")),
        ("Quels sont les enjeux des territoires ruraux ?", ("enjeux", "territoires", "ruraux")),
        ("how to facilitate the territory", ("facilitate", "territory")),
        ("Pourquoi investir dans le secteur associatif", ("investir", "secteur", "associatif")),
        ("de la", ("de", "la")),  # nothing else: the small words are searched
        ("le le LE", ("le",)),
    ],
)
def test_meaningless_words_are_dropped_unless_alone(query: str, terms: tuple[str, ...]) -> None:
    assert query_terms(query) == terms


def test_the_dropped_words_are_told() -> None:
    parsed = parse_query("comment animer un territoire")
    assert parsed.ignored == ("comment", "un")
    assert not parsed.only_small_words
    assert parse_query("de la").only_small_words


def test_small_words_alone_match_only_side_by_side_in_few_titles(kit: Kit) -> None:
    result = search(kit.documents, "a")
    assert result.only_small_words
    assert len(result.hits) <= core.MAX_SMALL_WORD_HITS
    assert all(h.fields == ("title",) for h in result.hits)
    # « le » is in more titles than that: it says nothing about which document is meant.
    assert search(kit.documents, "le").hits == ()
    assert search_background(kit, "de la") == ()


# Word forms --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "family",
    [
        ("animer", "animation", "animateur", "animant", "animée"),
        ("territoire", "territoires", "territorial", "territoriale", "territoriaux"),
        ("partenariat", "partenariats", "partenarial", "partenariale"),
        ("évaluer", "évaluation", "évaluée", "evaluation"),
        ("entreprise", "entreprises"),
        ("se former", "formation", "formations"),
        ("région", "régional", "régionaux"),
    ],
)
def test_word_forms_meet(family: tuple[str, ...]) -> None:
    keys = {lexicon.french_key(query_terms(w)[-1]) for w in family}
    assert len(keys) == 1, keys


@pytest.mark.parametrize(
    "apart",
    [
        ("collectivité", "collective"),  # a local authority is not a collective experiment
        ("former", "formes"),  # to train is not the forms of co-construction
        ("commune", "communauté"),
    ],
)
def test_words_that_only_look_alike_stay_apart(apart: tuple[str, str]) -> None:
    a, b = (query_terms(w)[0] for w in apart)
    assert lexicon.french_key(a) != lexicon.french_key(b)


def test_english_forms_meet_in_english_only() -> None:
    assert lexicon.same_family("facilitating", "facilitation", english=True)
    assert lexicon.same_family("territory", "territories", english=True)
    assert not lexicon.same_family("territory", "territories", english=False)


def test_a_form_finds_what_the_word_finds(kit: Kit) -> None:
    for a, b in [("animer", "animation"), ("partenarial", "partenariats"), ("évaluer", "évaluation")]:
        assert set(ids(kit, a)) == set(ids(kit, b)), (a, b)
    # The exact word ranks above its other forms: « animation » in a title beats « animer ».
    assert ids(kit, "animer")[0] == "animer-co-construction-territoriale"
    assert ids(kit, "animation")[0] == "benchmark-animation-territoriale"


def test_english_search_uses_english_forms(kit: Kit) -> None:
    found = ids(kit, "facilitation", english=True)
    assert "animer-co-construction-territoriale" in found  # « Facilitating territorial co-construction »
    # The French fields say « animation »; « facilitation » meets only the French « facilitant ».
    assert "animer-co-construction-territoriale" not in ids(kit, "facilitation")


# Equivalents -------------------------------------------------------------------------------------


def test_the_table_of_equivalents_is_small_and_well_formed() -> None:
    assert 5 <= len(lexicon.EQUIVALENTS) <= 40
    for group in lexicon.EQUIVALENTS:
        assert len(group) >= 2 and len(set(group)) == len(group)
        for name in group:
            assert name == name.strip() and any(w not in lexicon.STOP_WORDS for w in core.words(name))


def test_an_equivalent_name_finds_what_the_kit_calls_it(kit: Kit) -> None:
    result = search(kit.documents, "collectivité")
    assert "rex-silver-geek" in [h.document.id for h in result.hits]  # « pouvoirs publics »
    assert "pouvoirs publics" in result.terms[0].equivalents
    # Names are told as the table writes them, English ones only in English.
    assert search(kit.documents, "association").terms[0].equivalents == ("secteur associatif", "ONG")
    assert "voluntary sector" in search(kit.documents, "association", english=True).terms[0].equivalents
    assert "pouvoirs" in result.matched and "publics" in result.matched  # highlighted as written
    assert set(ids(kit, "RSE")) == {"note-entreprise-responsable", "accompagner-entreprises"}
    assert ids(kit, "comité de pilotage") == ["fiche-supports-copil"]
    assert ids(kit, "CSR", english=True)[:2] and "accompagner-entreprises" in ids(kit, "CSR", english=True)


def test_the_name_typed_ranks_above_its_equivalent(kit: Kit) -> None:
    # « secteur associatif » is in one title as typed; « association » titles come through the table only.
    assert ids(kit, "secteur associatif")[0] == "note-investir-secteur-associatif"


# Ranked partial matches --------------------------------------------------------------------------


def test_documents_holding_more_words_rank_higher(kit: Kit) -> None:
    result = search(kit.documents, "animer territoire benchmark")
    held = [len(h.matched) for h in result.hits]
    assert held == sorted(held, reverse=True)
    assert result.hits[0].document.id == "benchmark-animation-territoriale"
    assert result.hits[0].matched == ("animer", "territoire", "benchmark")
    assert result.complete
    scores = [h.score for h in result.hits]
    assert scores == sorted(scores, reverse=True)


def test_words_found_nowhere_are_named(kit: Kit) -> None:
    result = search(kit.documents, "formation en ligne")
    assert result.hits and not result.complete
    assert result.unmatched() == ("ligne",)
    assert all(h.matched == ("formation",) for h in result.hits)


def test_nothing_matches_any_word(kit: Kit) -> None:
    result = search(kit.documents, "zzzz qqqq")
    assert result.hits == () and not result.complete
    assert result.unmatched() == ("zzzz", "qqqq")


def test_a_typo_is_read_only_when_the_word_finds_nothing(kit: Kit) -> None:
    result = search(kit.documents, "partenairiat")
    assert result.terms[0].read_as == ("partenariat",)
    assert set(ids(kit, "partenairiat")) == set(ids(kit, "partenariat"))
    assert search(kit.documents, "animer").terms[0].read_as == ()


# Beyond the documents ----------------------------------------------------------------------------


def test_background_pointers_name_where_the_words_are(kit: Kit) -> None:
    pointers = search_background(kit, "mécénat")
    assert [(p.where, p.key, p.label) for p in pointers] == [
        ("about", "forms", "Le dialogue territorial"),
        ("about", "figures", "30 %"),
    ]
    figure = pointers[1].excerpt
    assert [figure.text[s:e] for s, e in figure.spans] == ["mécénat"]
    assert pointers[1].matched == ("mecenat",)


def test_paths_and_categories_are_pointed_to(kit: Kit) -> None:
    pointers = search_background(kit, "animer le territoire")
    assert ("path", "animate") in {(p.where, p.key) for p in pointers}
    assert all(p.matched == ("animer", "territoire") for p in pointers)
    assert ("category", "toolbox") in {(p.where, p.key) for p in search_background(kit, "outils")}


def test_background_in_english_shows_english_first(kit: Kit) -> None:
    pointers = search_background(kit, "corporate philanthropy", english=True)
    assert pointers and pointers[0].key == "figures"
    assert "corporate philanthropy" in pointers[0].excerpt.text
    assert search_background(kit, "zzzz") == ()


# Bounds ------------------------------------------------------------------------------------------


def big_kit(kit: Kit, size: int) -> tuple[Document, ...]:
    """`size` documents: the bundled ones repeated with new ids."""
    base = kit.documents
    return tuple(base[i % len(base)].model_copy(update={"id": f"{base[i % len(base)].id}-{i}"}) for i in range(size))


def test_a_long_query_keeps_its_first_words_and_says_so() -> None:
    query = " ".join(f"mot{i}" for i in range(MAX_TERMS + 5))
    parsed = parse_query(query)
    assert len(parsed.terms) == MAX_TERMS and parsed.truncated
    assert parsed.terms[0] == "mot0"
    assert not parse_query("animer le territoire").truncated
    # Repeats and small words do not use up the bound.
    assert not parse_query(" ".join(["le territoire"] * 50)).truncated


def test_a_huge_word_is_cut_to_its_first_letters(kit: Kit) -> None:
    assert parse_query("a" * 100_000).terms == ("a" * core.MAX_WORD_LENGTH,)
    word = "expérimentation" + "x" * 100_000
    start = time.process_time()
    assert search(kit.documents, word).hits == ()
    assert time.process_time() - start < 0.5
    assert parse_query("anticonstitutionnellement").terms == ("anticonstitutionnellement",)


def test_numbers_are_not_read_as_typos(kit: Kit) -> None:
    result = search(kit.documents, "2015")  # years are not searched fields: « 2014 » is not meant
    assert result.terms[0].read_as == () and result.hits == ()


@pytest.mark.parametrize("kind", ["nonsense", "kit words", "typos"])
def test_a_huge_query_on_10000_documents_takes_well_under_a_second(kit: Kit, kind: str) -> None:
    documents = big_kit(kit, 10_000)
    rng = random.Random(kind)
    vocabulary = sorted({w for d in kit.documents for w in core.words(d.title) if len(w) > 4})
    if kind == "nonsense":
        words = [f"zz{rng.randrange(10**4):04d}zz" for _ in range(20_000)]
    elif kind == "kit words":
        words = [rng.choice(vocabulary) for _ in range(20_000)]
    else:
        words = [w[:-1] + "z" for w in (rng.choice(vocabulary) for _ in range(20_000))]
    query = " ".join(words)
    assert len(query) >= 100_000
    start = time.process_time()
    result = search(documents, query)
    elapsed = time.process_time() - start
    assert result.truncated and len(result.terms) == MAX_TERMS
    assert elapsed < 1.0, f"{elapsed:.2f} s"
    assert bool(result.hits) == (kind != "nonsense")


def test_a_query_found_nowhere_stops_before_ranking(kit: Kit, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_ranking(*args: object) -> None:
        raise AssertionError("ranked although nothing was found")

    monkeypatch.setattr(core, "_rank", no_ranking)
    assert search(kit.documents, "zzzz qqqq wwww").hits == ()


def test_the_folded_text_is_built_once_per_document_tuple(kit: Kit, monkeypatch: pytest.MonkeyPatch) -> None:
    documents = tuple(kit.documents)
    first = search(documents, "territoire")
    built: list[int] = []
    real = core.Corpus.__init__

    def counting(self: core.Corpus, *args: object) -> None:
        built.append(1)
        real(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(core.Corpus, "__init__", counting)
    search(documents, "animer territoire")
    assert built == []  # the same tuple: the cached corpus
    assert search(documents, "territoire") == first
    search(list(documents), "territoire")  # a list may change: never cached
    assert built == [1]


# Properties --------------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(["animer", "territoire", "zzzz", "le", "évaluation", "silvr", "RSE", "a"]), min_size=1, max_size=5)
)
def test_hits_are_ranked_by_words_held_then_score(kit: Kit, chosen: list[str]) -> None:
    result = search(kit.documents, " ".join(chosen))
    keys = [(len(h.matched), h.score) for h in result.hits]
    assert keys == sorted(keys, reverse=True)
    terms = [t.word for t in result.terms]
    for hit in result.hits:
        assert hit.matched and set(hit.matched) <= set(terms)
    assert set(result.unmatched()).isdisjoint({w for h in result.hits for w in h.matched})


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=80))
def test_background_search_never_fails(kit: Kit, query: str) -> None:
    for pointer in search_background(kit, query):
        assert pointer.where in ("about", "path", "category")
        for start, end in pointer.excerpt.spans:
            assert 0 <= start < end <= len(pointer.excerpt.text)


# The lines told around the results ---------------------------------------------------------------


@pytest.mark.parametrize(
    "query,expected",
    [
        ("animer le territoire", []),
        ("formation en ligne", [("search.unmatched", {"words": "ligne", "count": 1})]),
        ("formation ligne zzzz", [("search.unmatched", {"words": "ligne, zzzz", "count": 2})]),
        ("silver benchmark", [("search.partial", {})]),
        ("le", [("search.only_small_words", {"words": "le"})]),
        ("zzzz", []),  # nothing at all: the CLI's « no document matches », exit 1
    ],
)
def test_notes_tell_what_the_reader_must_know(kit: Kit, query: str, expected: list[core.Note]) -> None:
    from coconstruct_cli.i18n import MESSAGES, t

    notes = core.notes(search(kit.documents, query))
    assert notes == expected
    for key, params in notes:
        assert key in MESSAGES or f"{key}.one" in MESSAGES
        assert t(key, **params)


def test_a_cut_query_is_told_first(kit: Kit) -> None:
    notes = core.notes(search(kit.documents, "territoire " + " ".join(f"mot{i}" for i in range(30))))
    assert notes[0] == ("search.truncated", {"limit": MAX_TERMS})
    assert notes[1][0] == "search.unmatched" and notes[1][1]["count"] == MAX_TERMS - 1


def test_every_pointer_has_a_heading(kit: Kit) -> None:
    from coconstruct_cli.i18n import MESSAGES, t

    queries = ("territoire", "mécénat", "outils", "partenaires", "Hubert", "2008")
    pointers = {p for q in queries for p in search_background(kit, q)}
    assert {p.where for p in pointers} == {"about", "path", "category"}
    for pointer in pointers:
        assert core.pointer_heading(pointer) in MESSAGES
    for key in ("search.also_about", "search.also_paths", "search.also_categories"):
        assert t(key, places="x", count=1) != t(key, places="x", count=2) or key == "search.also_about"


@given(st.lists(st.sampled_from(["Le RAMEAU", "note", "", "Évaluer l'ŒUVRE", "a\x00b", "Saint-Maurice"]), max_size=12))
def test_identical_texts_folded_once_read_as_each_folded(texts: list[str]) -> None:
    from coconstruct_cli.search import Corpus
    from coconstruct_cli.text import fold

    corpus = Corpus(texts or [""], 1)
    assert corpus.texts == [fold(t.replace("\x00", " ")) for t in texts or [""]]
    assert corpus.folded == "\x00".join(corpus.texts)
