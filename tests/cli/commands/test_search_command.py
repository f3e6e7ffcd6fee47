"""`kit search`: the pure core (folding, typos, ranking, excerpts) and the command in every format."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from coconstruct_cli import search as core
from coconstruct_cli.cli.console import Console as KitConsole
from coconstruct_cli.errors import ExitCode
from coconstruct_cli.i18n import set_lang
from coconstruct_cli.lexicon import french_key
from coconstruct_cli.model import Kit
from coconstruct_cli.queries import RECORD_FIELDS
from coconstruct_cli.results import SearchResult
from coconstruct_cli.search import Result, excerpt, mark, query_terms, search, suggestions, within_one_edit
from coconstruct_cli.text import fold
from conftest import invoke, render_as, spaced, spawn, terminal

WORD = re.compile(r"[^\W_]+")


def ids(result: Result) -> list[str]:
    return [h.document.id for h in result.hits]


def run(kit: Kit, query: str, english: bool = False) -> list[str]:
    return ids(search(kit.documents, query, english))


def searched_words(kit: Kit, doc_id: str) -> set[str]:
    d = next(d for d in kit.documents if d.id == doc_id)
    texts = [d.title, d.kind, d.id, d.description, *d.authors, *d.parts]
    return {w for text in texts for w in WORD.findall(fold(text))}


# Folding and words ----------------------------------------------------------------------------------


@given(st.text())
def test_fold_drops_every_combining_mark(text: str) -> None:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    reference = "".join(c for c in decomposed if not unicodedata.combining(c)).replace("œ", "oe").replace("æ", "ae")
    assert fold(text) == reference


@given(st.text(alphabet=st.characters(codec="utf-8")))
def test_folding_char_by_char_is_folding_the_whole(text: str) -> None:
    # `mark` folds one character at a time to keep track of positions; it must see the same words.
    assert "".join(fold(c) for c in text) == fold(text)


def test_query_words_ignore_case_accents_punctuation_and_small_words() -> None:
    assert query_terms("EXPÉRIMENTATION") == ("experimentation",)
    assert query_terms("saint-maurice") == ("saint", "maurice")
    assert query_terms("L'évaluation des partenariats !") == ("evaluation", "partenariats")
    assert query_terms("silver silver GEEK") == ("silver", "geek")
    assert query_terms("de la") == ("de", "la")  # only small words: they are searched
    assert query_terms(" -- !! ") == ()


@pytest.mark.parametrize(
    "a,b,expected",
    [
        ("silvr", "silver", True),  # one letter missing
        ("benchmrk", "benchmark", True),
        ("silverr", "silver", True),  # one letter added
        ("silvar", "silver", True),  # one letter changed
        ("slivre", "silver", False),
        ("silevr", "silver", True),  # two neighbours swapped
        ("silver", "silver", True),
        ("silv", "silver", False),  # two letters missing
        ("sliver", "silver", True),
        ("geek", "gkee", False),
        ("", "a", True),
        ("ab", "ba", True),
        ("abc", "cba", False),
    ],
)
def test_within_one_edit(a: str, b: str, expected: bool) -> None:
    assert within_one_edit(a, b) is expected
    assert within_one_edit(b, a) is expected


def _osa(a: str, b: str) -> int:
    """Reference optimal-string-alignment distance (the textbook dynamic programme)."""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


@given(st.text("abcde", max_size=8), st.text("abcde", max_size=8))
def test_within_one_edit_is_the_bounded_distance(a: str, b: str) -> None:
    assert within_one_edit(a, b) == (_osa(a, b) <= 1)


# Finding what a person means ------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["experimentation", "EXPÉRIMENTATION", "Expérimentation", "expérimentation !"])
def test_case_accents_and_punctuation_do_not_matter(kit: Kit, query: str) -> None:
    found = run(kit, query)
    assert found == run(kit, "experimentation")
    assert "piloter-experimentation-collective" in found and "rex-silver-geek" in found


def test_saint_maurice_finds_saint_maurice(kit: Kit) -> None:
    expected = {
        d.id
        for d in kit.documents
        if "saint maurice" in " ".join(WORD.findall(fold(" ".join([d.title, d.description, *d.parts, d.id]))))
    }
    assert expected >= {"film-3-exemples", "piloter-experimentation-collective"}
    for query in ("saint-maurice", "Saint Maurice", "SAINT MAURICE", "saint maurice"):
        assert set(run(kit, query)) >= expected
    # The document about Charenton « St » Maurice comes first: its id and title hold the words.
    assert run(kit, "saint-maurice")[0] == "rex-charenton-saint-maurice"


@pytest.mark.parametrize(
    "typo,meant",
    [
        ("silvr geek", "silver geek"),
        ("benchmrk", "benchmark"),
        ("expérimantation", "experimentation"),
        ("geek silevr", "silver geek"),
    ],
)
def test_one_typo_finds_what_the_word_finds_and_nothing_more(kit: Kit, typo: str, meant: str) -> None:
    found = run(kit, typo)
    assert found
    assert set(found) <= set(run(kit, meant))


def test_a_typo_is_reported_with_the_word_it_was_read_as(kit: Kit) -> None:
    result = search(kit.documents, "silvr geek")
    assert ids(result)[0] == "rex-silver-geek"
    silvr, geek = result.terms
    assert silvr.read_as == ("silver",) and geek.read_as == ()
    assert result.matched == {"silver", "geek"}


def test_a_correct_word_does_not_bring_its_near_misses(kit: Kit) -> None:
    # « note » is a kit word: one-letter neighbours (« notes », « nota », « vote »…) are not taken for it,
    # only the words that start with it.
    result = search(kit.documents, "note")
    assert result.terms[0].read_as == ()
    assert all(w.startswith("note") for w in result.matched)
    for doc_id in ids(result):
        assert any(w.startswith("note") for w in searched_words(kit, doc_id))


def test_short_words_and_long_typos_are_not_stretched(kit: Kit) -> None:
    assert run(kit, "zz") == []
    assert run(kit, "geak") == run(kit, "geek")  # four letters: one typo forgiven
    assert run(kit, "gek") == []  # three letters: too short to guess
    assert run(kit, "sivlre") == []  # two edits away from « silver »


def test_documents_holding_every_word_come_first(kit: Kit) -> None:
    assert run(kit, "silver geek") == ["rex-silver-geek", "film-3-exemples"]
    assert search(kit.documents, "silver geek").complete
    # No document holds both words: the documents holding one of them are found, title hits first.
    result = search(kit.documents, "silver benchmark")
    assert not result.complete and result.unmatched() == ()
    assert set(ids(result)[:2]) == {"rex-silver-geek", "benchmark-animation-territoriale"}
    assert {h.matched for h in result.hits} == {("silver",), ("benchmark",)}


def test_title_hits_rank_above_description_hits(kit: Kit) -> None:
    # « territoire » is in the title of every document that holds one of its forms: « partenariats » is not.
    result = search(kit.documents, "partenariats")
    in_title = ["title" in h.fields for h in result.hits]
    assert in_title.count(True) >= 5 and in_title.count(False) >= 1
    assert in_title == sorted(in_title, reverse=True)
    scores = [h.score for h in result.hits]
    assert scores == sorted(scores, reverse=True)


def test_the_query_s_words_together_rank_higher(kit: Kit) -> None:
    # Both documents hold « evaluation » and « partenariats »; only the check list has them side by side in its title.
    assert run(kit, "évaluation des partenariats")[0] == "fiche-checklist-evaluation"


def test_english_fields_are_searched_in_english_only(kit: Kit) -> None:
    assert run(kit, "stakeholders") == []
    assert run(kit, "stakeholders", english=True)
    assert "rex-silver-geek" in run(kit, "collective experiment", english=True)
    assert run(kit, "silver geek", english=True)[0] == "rex-silver-geek"  # French fields are searched too


def test_nothing_to_search() -> None:
    assert search((), "territoire").hits == ()


# Suggestions ----------------------------------------------------------------------------------------


def test_suggestions_are_kit_words_as_written(kit: Kit) -> None:
    near = suggestions(kit.documents, ["experimntaton"])
    assert "expérimentation" in near
    assert suggestions(kit.documents, ["qwxzv"]) == []
    assert suggestions((), ["territoire"]) == []


# Excerpts and spans ---------------------------------------------------------------------------------


def test_mark_finds_words_whatever_their_accents() -> None:
    marked = mark("L'ÉVALUATION de l'évaluation", frozenset({"evaluation"}))
    assert [marked.text[s:e] for s, e in marked.spans] == ["ÉVALUATION", "évaluation"]
    decomposed = "Expe\u0301rimentation"  # « é » written as « e » and a combining accent
    marked = mark(decomposed, frozenset({"experimentation"}))
    assert marked.spans == ((0, len(decomposed)),)


def test_excerpt_is_a_window_around_the_first_match() -> None:
    text = " ".join(["mot"] * 60 + ["Silver", "Geek"] + ["fin"] * 60)
    found = excerpt(text, frozenset({"silver", "geek"}), width=60)
    assert found is not None
    assert found.text.startswith("… ") and found.text.endswith(" …")
    assert len(found.text) <= 60 + 4
    assert [found.text[s:e] for s, e in found.spans] == ["Silver", "Geek"]
    assert excerpt(text, frozenset({"absent"})) is None
    assert excerpt("court Silver", frozenset({"silver"})) == mark("court Silver", frozenset({"silver"}))


kit_words = st.text(alphabet="aàbcçdeéèêfgilmnoôprstuœ -'’.ÉÀ", max_size=80)


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=200)
@given(text=kit_words, chosen=st.sets(st.text(alphabet="abcdeilmnorstu", min_size=1, max_size=6), max_size=4))
def test_spans_are_ordered_words_whose_folded_form_matched(text: str, chosen: set[str]) -> None:
    matched = frozenset(chosen | set(WORD.findall(fold(text))[:2]))
    marked = mark(text, matched)
    last = 0
    for start, end in marked.spans:
        assert last <= start < end <= len(marked.text)
        assert all(w in matched for w in WORD.findall(fold(marked.text[start:end])))
        last = end
    window = excerpt(text, matched, width=20)
    if window is not None:
        for start, end in window.spans:
            assert 0 <= start < end <= len(window.text)


# Properties over the bundled kit --------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_any_query_gives_a_ranked_subset_of_the_kit(kit: Kit, query: str) -> None:
    result = search(kit.documents, query)
    found = ids(result)
    assert len(found) == len(set(found))
    assert set(found) <= {d.id for d in kit.documents}
    scores = [h.score for h in result.hits]
    assert scores == sorted(scores, reverse=True)
    assert all(h.fields for h in result.hits)


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_a_title_word_finds_its_document_in_any_case(kit: Kit, data: Any) -> None:
    document = data.draw(st.sampled_from(kit.documents))
    words = [w for w in WORD.findall(document.title) if fold(w) not in core.STOP_WORDS]
    assume(words)
    word = data.draw(st.sampled_from(words))
    shaped = data.draw(st.sampled_from([word, word.upper(), word.lower(), fold(word), f"«{word}»"]))
    result = search(kit.documents, shaped)
    assert document.id in ids(result)
    assert "title" in next(h.fields for h in result.hits if h.document.id == document.id)


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_a_title_word_with_one_typo_still_finds_its_document(kit: Kit, data: Any) -> None:
    document = data.draw(st.sampled_from(kit.documents))
    words = [fold(w) for w in WORD.findall(document.title) if len(w) >= 6 and w.isalpha()]
    assume(words)
    word = data.draw(st.sampled_from(words))
    i = data.draw(st.integers(0, len(word) - 2))
    edit = data.draw(st.sampled_from(["delete", "swap", "change", "add"]))
    letter = data.draw(st.sampled_from("abcdefghijklmnopqrstuvwxyz"))
    typo = {
        "delete": word[:i] + word[i + 1 :],
        "swap": word[:i] + word[i + 1] + word[i] + word[i + 2 :],
        "change": word[:i] + letter + word[i + 1 :],
        "add": word[:i] + letter + word[i:],
    }[edit]
    vocabulary = {w for d in kit.documents for w in searched_words(kit, d.id)}
    # A typo that is itself a kit word, the start of one, or a form of one, is read as typed: that is the rule.
    assume(not any(w.startswith(typo) for w in vocabulary))
    assume(not any(french_key(w) == french_key(typo) for w in vocabulary))
    assert document.id in run(kit, typo)


# The command ----------------------------------------------------------------------------------------


def test_json_gives_the_list_records_best_first_with_a_score(runner: CliRunner) -> None:
    code, out, err = invoke(runner, "search", "territoire", "--format", "json")
    assert code == 0 and err == ""
    found = json.loads(out)
    _, listed, _ = invoke(runner, "list", "--format", "json")
    by_id = {d["id"]: d for d in json.loads(listed)}
    assert found and all({k: v for k, v in d.items() if k not in ("score", "matched")} == by_id[d["id"]] for d in found)
    assert list(found[0]) == [*RECORD_FIELDS, "score", "matched", "read"]
    scores = [d["score"] for d in found]
    assert scores == sorted(scores, reverse=True)


def test_words_may_be_given_without_quotes(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "search", "silvr", "geek", "-f", "json")
    assert code == 0
    assert [d["id"] for d in json.loads(out)] == ["rex-silver-geek", "film-3-exemples"]


def test_nothing_found_is_an_empty_result_and_exit_1(runner: CliRunner) -> None:
    code, out, err = invoke(runner, "search", "zzzz", "--format", "json")
    assert code == ExitCode.NO_MATCH
    assert json.loads(out) == []
    assert err == "Aucun document ne correspond.\n"  # no suggestion: nobody is reading a terminal
    code, out, _ = invoke(runner, "search", "zzzz", "--format", "csv")
    assert code == 1 and list(csv.reader(io.StringIO(out))) == [[*RECORD_FIELDS, "score", "matched", "read"]]
    code, out, _ = invoke(runner, "search", "zzzz")
    assert code == 1 and out == "id\tcategory\tyear\tauthors\ttitle\tscore\tmatched\twords\n"


def test_on_a_terminal_nothing_found_suggests_kit_words(runner: CliRunner) -> None:
    reader = KitConsole(stderr_tty=True)
    code, _, err = invoke(runner, "search", "experimntaton", "--format", "json", console=reader)
    assert code == 1
    first, hint = err.splitlines()
    assert first == "Aucun document ne correspond."
    assert hint.startswith("Mots proches dans le kit : expérimentation, ")
    # No document holds both words, but each is in the kit: the documents holding one are shown.
    code, _, err = invoke(runner, "search", "silver", "benchmark", console=reader)
    assert code == 0


def test_an_empty_query_is_a_usage_error(runner: CliRunner) -> None:
    code, out, err = invoke(runner, "search", "--", "- !")
    assert code == ExitCode.USAGE and out == ""
    assert "ne contient aucun mot" in err


def test_filters_narrow_the_search(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "search", "territoire", "--category", "outils", "-f", "json")
    assert code == 0 and {d["category"] for d in json.loads(out)} == {"toolbox"}
    code, out, _ = invoke(runner, "search", "territoire", "--path", "animer", "-f", "json")
    assert code == 0 and all("animate" in d["paths"] for d in json.loads(out))
    code, _, err = invoke(runner, "search", "territoire", "--category", "nope")
    assert code == ExitCode.USAGE and "Catégorie inconnue" in err


def test_english(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "search", "experiments", "--lang", "en", "-f", "md")
    assert code == 0
    assert out.startswith("# Search: experiments\n")
    assert "**experiments**" in out.lower() or "**experiment" in out.lower()


def test_markdown_shows_why_each_document_matched(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "search", "saint-maurice", "--format", "md")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "# Recherche « saint-maurice »"
    assert lines[2].startswith("3 documents, les plus pertinents d'abord")
    assert lines[4].startswith("1. **Retour d'expérience d'animation du territoire")
    assert "**Saint Maurice**" in out
    assert "Trouvé dans : titre, identifiant, description" in out


def test_html_page_marks_the_words(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "search", "silvr", "geek", "--format", "html")
    assert code == 0
    assert out.startswith("<!DOCTYPE html>")
    # The HTML page keeps « » with their words by non-breaking spaces (render/html.french_spaces).
    assert "<mark>Silver</mark>" in out and "« silvr » lu comme « silver »" in out.replace("\u00a0", " ")
    code, out, _ = invoke(runner, "search", "zzzz", "--format", "html")
    assert code == 1 and "Aucun document ne correspond." in out


def test_piped_table_is_tab_separated(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "search", "benchmrk")
    assert code == 0
    header, row = out.splitlines()
    assert header.split("\t") == ["id", "category", "year", "authors", "title", "score", "matched", "words"]
    cells = row.split("\t")
    assert cells[0] == "benchmark-animation-territoriale"
    assert cells[6] == "title,kind,id,description" and cells[7] == "benchmrk"  # fields, then the query words held
    assert "\x1b" not in out


def test_output_file(runner: CliRunner, tmp_path: Any) -> None:
    target = tmp_path / "found.csv"
    code, out, err = invoke(runner, "search", "silver", "-f", "csv", "-o", str(target))
    assert code == 0 and out == ""
    assert target.read_text(encoding="utf-8-sig").splitlines()[0].endswith(",score,matched,read")


# The terminal table ---------------------------------------------------------------------------------


def render(renderable: Any, width: int = 140) -> Any:
    from rich.console import Console

    console = Console(width=width, record=True, force_terminal=True, color_system="truecolor")
    console.print(renderable)
    return console


def test_terminal_table_highlights_the_matched_words(kit: Kit) -> None:
    from coconstruct_cli.render.table import HIGHLIGHT, title_text

    result = search(kit.documents, "silvr geek")
    text = title_text(result, 0)
    highlighted = [text.plain[s.start : s.end] for s in text.spans if s.style == HIGHLIGHT]
    assert highlighted.count("Silver") == 2 and highlighted.count("Geek") == 2  # title and excerpt
    console = render(render_as(SearchResult(kit, result), "table", True))
    shown = spaced(console.export_text())
    assert "Recherche « silvr geek »" in shown
    assert "« silvr » lu comme « silver »" in shown
    assert "description : … du document d'évaluation de Silver Geek" in shown


def test_terminal_shows_nothing_on_stdout_when_nothing_is_found(kit: Kit) -> None:
    assert render_as(SearchResult(kit, search(kit.documents, "zzzz")), "table", True) == ""


def test_kit_text_is_never_markup(write_kit: Any, runner: CliRunner) -> None:
    from coconstruct_cli.loader import load_kit

    def edit(data: dict[str, Any]) -> None:
        data["documents"][0]["title"] = "[bold red]Piège[/bold red] territoire \x1b[31m"

    kit = load_kit(write_kit(edit))
    shown = render(render_as(SearchResult(kit, search(kit.documents, "piège")), "table", True)).export_text()
    assert "[bold red]Piège[/bold red] territoire" in shown
    assert "\x1b" not in shown


def test_english_terminal_shows_both_titles(kit: Kit) -> None:
    from coconstruct_cli.render.table import title_text

    set_lang("en")
    result = search(kit.documents, "silver geek", english=True)
    text = title_text(result, 0).plain.splitlines()
    assert text[0] == "Report on a collective experiment (Silver Geek)"
    assert text[1] == "Retour d'expérimentation collective (Silver Geek)"
    assert text[2].startswith("description: ")


# In a real terminal -----------------------------------------------------------------------------------


@pytest.mark.e2e
def test_a_person_at_a_terminal(kit_exe: str, tmp_path: Any) -> None:
    import pexpect

    child = spawn(kit_exe, ["search", "silvr", "geek"], tmp_path, columns=140)
    child.expect(pexpect.EOF)
    child.close()
    screen = spaced(child.before or "")
    assert child.exitstatus == 0
    assert "Recherche « silvr geek »" in screen and "━" in screen
    assert "\x1b[1;33mSilver\x1b[0m" in screen or "\x1b[33mSilver" in screen  # the matched word stands out
    child = spawn(kit_exe, ["search", "experimntaton"], tmp_path, columns=140)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    assert "Aucun document ne correspond.\r\nMots proches dans le kit : expérimentation" in spaced(child.before or "")


def test_a_corrected_word_finds_what_the_right_spelling_finds(kit: Kit) -> None:
    ids = [h.document.id for h in search(kit.documents, "partenariat").hits]
    assert len(ids) > 10
    assert {h.document.id for h in search(kit.documents, "partenairiat").hits} == set(ids)


# The queries, end to end (issue 10) -----------------------------------------------------------

ANIMATION = {
    "animer-co-construction-territoriale",
    "rex-labo-alsace",
    "rex-charenton-saint-maurice",
    "benchmark-animation-territoriale",
    "fiche-diagnostic-structure-animation",
}
PUBLIC = {"rex-silver-geek", "rex-charenton-saint-maurice", "piloter-experimentation-collective", "rex-labo-alsace"}


@pytest.mark.parametrize("query", ["animer le territoire", "comment animer un territoire"])
def test_how_people_ask_finds_the_animation_documents_first(runner: CliRunner, query: str) -> None:
    code, out, err = invoke(runner, "search", *query.split(), "-f", "json")
    assert code == 0 and err == ""
    found = json.loads(out)
    assert {d["id"] for d in found[:3]} <= ANIMATION
    assert "animer-co-construction-territoriale" in [d["id"] for d in found[:5]]
    # The question word and the small words are not searched: every document holds both meaningful words.
    assert found[0]["matched"] == ["animer", "territoire"]


@pytest.mark.parametrize("query", ["a", "de la"])
def test_grammatical_words_do_not_flood_the_results(runner: CliRunner, query: str) -> None:
    code, out, _ = invoke(runner, "search", *query.split(), "-f", "json")
    assert code in (0, 1) and len(json.loads(out)) <= 3


def test_grammatical_words_only_found_nowhere_say_so(runner: CliRunner) -> None:
    # « le » is in too many titles to say which document is meant: exit 1, with the line that says why.
    code, out, err = invoke(runner, "search", "le", "-f", "json")
    assert code == 1 and json.loads(out) == []
    assert err.splitlines() == [
        "Aucun document ne correspond.",
        "La recherche ne contient que des mots grammaticaux (« le ») : ajoutez un mot qui porte le sens.",
    ]


def test_mecenat_points_to_kit_about_and_exits_1(runner: CliRunner) -> None:
    # No document holds the word: exit 1 (nothing matched); on a terminal the pointer says where it is.
    code, out, err = invoke(runner, "search", "mécénat", console=terminal(width=120))
    assert code == ExitCode.NO_MATCH and out == ""
    first, pointer = err.splitlines()
    assert first == "Aucun document ne correspond."
    assert pointer.startswith("Aussi dans kit about : ")
    assert "Les formes de la co-construction territoriale (Le dialogue territorial)" in pointer and "Chiffres clés" in pointer
    assert "Mots proches" not in err  # the word is in the kit: it is no typo
    # Piped, for a script: the empty result and the one line.
    code, out, err = invoke(runner, "search", "mécénat", "-f", "json")
    assert code == 1 and json.loads(out) == [] and err == "Aucun document ne correspond.\n"
    # A page carries the pointer itself.
    code, out, _ = invoke(runner, "search", "mécénat", "-f", "md")
    assert code == 1 and "Aussi dans kit about : Les formes" in out


def test_collectivite_finds_the_public_authorities(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "search", "collectivité", "-f", "json")
    assert code == 0
    found = json.loads(out)
    assert found[0]["id"] in PUBLIC and "rex-silver-geek" in [d["id"] for d in found]
    assert all(d["matched"] == ["collectivité"] for d in found)  # held through « pouvoirs publics », « communauté de communes »


def test_partial_matches_are_shown_with_the_words_not_found(runner: CliRunner) -> None:
    code, out, err = invoke(runner, "search", "territoire", "mécénatzz", "-f", "json")
    assert code == 0
    found = json.loads(out)
    assert found and all(d["matched"] == ["territoire"] for d in found)
    assert err == "Mot absent des documents du kit : mécénatzz.\n"  # as typed, accents kept
    code, out, err = invoke(runner, "search", "silver", "benchmark", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and {r["matched"] for r in rows} == {"silver", "benchmark"}
    assert err == "Aucun document ne contient tous les mots ; les documents qui en contiennent le plus viennent d'abord.\n"


def test_english_searches_the_english_fields(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "search", "how", "to", "evaluate", "partnerships", "--lang", "en", "-f", "json")
    assert code == 0
    found = json.loads(out)
    assert found[0]["id"] in {"fiche-checklist-evaluation", "evaluer-utilite-societale"}
    assert found[0]["matched"] == ["evaluate", "partnerships"]
    code, out, _ = invoke(runner, "search", "stakeholders", "-f", "json")
    assert code == 1  # only in `description_en`: not searched in French
    code, out, err = invoke(runner, "search", "stakeholders", "--lang", "en", "-f", "md")
    assert code == 0 and out.startswith("# Search: stakeholders\n")


def test_pages_tell_the_missing_words_and_the_pointers(runner: CliRunner) -> None:
    code, out, err = invoke(runner, "search", "animer", "territoire", "zzzz", "-f", "md")
    assert code == 0 and err == ""  # the page carries its lines
    lines = out.splitlines()
    assert lines[4] == "Mot absent des documents du kit : zzzz."
    pointers = [line for line in lines if line.startswith("Aussi dans")]
    assert pointers[0].startswith("Aussi dans kit about : ")
    assert "Aussi dans le parcours : Mettre en place une dynamique d'animation collective du territoire" in out
    assert "(kit path animer)" in out and "(kit list -c method)" in out
    assert out.index("1. **") < out.index("Aussi dans kit about")  # after the documents
    code, out, _ = invoke(runner, "search", "animer", "territoire", "zzzz", "-f", "html")
    assert code == 0
    assert '<p class="note">Mot absent des documents du kit' in out.replace("\u00a0", " ")
    assert '<p class="pointer">Aussi dans le parcours' in out
    assert out.index("</table>") < out.index('<p class="pointer">')


def test_english_pointers_name_the_path_by_its_id(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "search", "animate", "--lang", "en", "-f", "md")
    assert code == 0
    assert "(kit path animate)" in out and "Also in " in out
    assert "Aussi" not in out


def test_a_filtered_search_points_nowhere(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "search", "territoire", "--path", "animer", "-f", "md")
    assert code == 0 and "Aussi dans" not in out


def test_terminal_table_is_followed_by_the_notes_and_pointers(kit: Kit) -> None:
    from coconstruct_cli.search import search_background

    query = "animer territoire zzzz"
    result = SearchResult(kit, search(kit.documents, query), search_background(kit, query))
    shown = spaced(render(render_as(result, "table", True), width=100).export_text())
    table_end = shown.index("documents, les plus pertinents d'abord")
    assert table_end < shown.index("Mot absent des documents du kit : zzzz.") < shown.index("Aussi dans kit about")
    assert "Aussi dans le parcours" in shown


@pytest.mark.e2e
def test_a_person_at_a_terminal_sees_where_else_the_words_are(kit_exe: str, tmp_path: Any) -> None:
    import pexpect

    child = spawn(kit_exe, ["search", "comment", "animer", "un", "territoire"], tmp_path, columns=120)
    child.expect(pexpect.EOF)
    child.close()
    screen = spaced(re.sub(r"\x1b\[[0-9;]*m", "", child.before or "")).replace("\r\n", "\n")
    assert child.exitstatus == 0
    assert screen.index("Recherche « comment animer un territoire »") < screen.index("18 documents, les plus pertinents")
    assert screen.index("18 documents, les plus pertinents") < screen.index("Aussi dans kit about :")
    assert "Aussi dans le parcours : Mettre en place une dynamique" in screen
    child = spawn(kit_exe, ["search", "mécénat"], tmp_path, columns=120)
    child.expect(pexpect.EOF)
    child.close()
    screen = spaced(re.sub(r"\x1b\[[0-9;]*m", "", child.before or ""))
    assert child.exitstatus == 1
    assert "Aucun document ne correspond.\r\nAussi dans kit about : Les formes de la co-construction territoriale" in screen


def test_a_word_only_in_the_background_is_told_absent_from_the_documents_and_pointed_to(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "search", "mécénat", "territoire", "-f", "md")
    assert code == 0
    assert "\nMot absent des documents du kit : mécénat.\n" in out
    assert "Aussi dans kit about : Les formes de la co-construction territoriale (Le dialogue territorial)" in out


def test_suggestions_over_a_huge_vocabulary_compare_a_bounded_number_of_words(kit: Kit, monkeypatch: pytest.MonkeyPatch) -> None:
    import difflib
    import random

    from coconstruct_cli import search as core

    rng = random.Random(7)
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = {"".join(rng.choice(letters) for _ in range(rng.randint(6, 10))) for _ in range(300_000)}
    ordered = sorted(words)
    chunk = 1500  # words per description (under the 20,000-character limit of a text)
    documents = tuple(
        kit.documents[0].model_copy(update={"id": f"doc-{i}", "description": " ".join(ordered[i : i + chunk])})
        for i in range(0, len(ordered), chunk)
    ) + (kit.documents[0].model_copy(update={"description": "expérimentation"}),)
    compared: list[int] = []
    real = difflib.get_close_matches

    def counting(word: str, possibilities: list[str], **options: object) -> list[str]:
        compared.append(len(possibilities))
        return real(word, possibilities, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(difflib, "get_close_matches", counting)
    near = core.suggestions(documents, ["experimntaton", *(f"zzqq{i}" for i in range(19))])
    assert "expérimentation" in near
    assert len(compared) == 20
    assert max(compared) < 300_000 / 10  # one first letter's share of the vocabulary, not all of it


@pytest.mark.parametrize("query", ["pa", "te"])
def test_a_two_letter_query_is_no_prefix(query: str, runner: CliRunner) -> None:
    """« pa » must not find every « partenariat » and « parcours »: prefixes start at three letters."""
    code, out, _ = invoke(runner, "search", query, "--format", "json")
    assert code == 1 and json.loads(out) == []
    code, out, _ = invoke(runner, "search", "ter", "--format", "json")
    assert code == 0 and len(json.loads(out)) > 5


def test_oeuvre_typed_without_the_ligature_finds_what_the_kit_writes_with_it(runner: CliRunner) -> None:
    """The kit writes « œuvre »; a reader types « oeuvre »: « œ » folds to « oe »."""
    code, out, _ = invoke(runner, "search", "oeuvre", "--format", "md")
    assert code == 1
    assert "Aussi dans kit about : Les formes de la co-construction territoriale (Les expérimentations collectives)." in out
    assert "Aussi dans la catégorie : Méthode (kit list -c method)." in out
