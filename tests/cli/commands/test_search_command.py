"""`kit search`: the command in every format, the terminal table, and the issue's queries end to end.

The search core itself (folding, typos, ranking, excerpts) is tested in tests/test_search.py."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

import pytest
from typer.testing import CliRunner

from coconstruct_cli.cli.console import Console as KitConsole
from coconstruct_cli.errors import ExitCode
from coconstruct_cli.i18n import set_lang
from coconstruct_cli.model import Kit
from coconstruct_cli.queries import document_fields
from coconstruct_cli.results import SearchResult
from coconstruct_cli.search import search
from conftest import invoke, render_as, spaced, spawn, terminal

# The command ----------------------------------------------------------------------------------------


def test_json_gives_the_list_records_best_first_with_a_score(runner: CliRunner) -> None:
    code, out, err = invoke(runner, "search", "territoire", "--format", "json")
    assert code == 0 and err == ""
    found = json.loads(out)
    _, listed, _ = invoke(runner, "list", "--format", "json")
    by_id = {d["id"]: {k: v for k, v in d.items() if k != "number"} for d in json.loads(listed)}  # a rank, not a number
    assert found and all({k: v for k, v in d.items() if k not in ("score", "matched")} == by_id[d["id"]] for d in found)
    assert list(found[0]) == [*document_fields(), "score", "matched", "read"]
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
    assert code == 1 and list(csv.reader(io.StringIO(out))) == [[*document_fields(), "score", "matched", "read"]]
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


def test_a_terminal_shows_a_screen_of_the_best_documents_and_says_how_many_more(runner: CliRunner) -> None:
    """Issue 21: a natural question listed 31 documents, about 290 lines at 80 columns."""
    from coconstruct_cli.cli.console import Console

    query = ("dialogue", "territorial", "entre", "associations", "et", "entreprises")
    code, piped, _ = invoke(runner, "search", *query)
    assert code == 0
    found = len(piped.splitlines()) - 1  # tab-separated, a header then one line a document: every one
    assert found > 20

    def screen(rows: int, *extra: str) -> str:
        console = Console(stdout_tty=True, stdin_tty=True, stderr_tty=True, width=100, height=rows)
        code, out, _ = invoke(runner, "search", *query, *extra, console=console)
        assert code == 0
        return " ".join(out.split())

    short, tall, every = screen(24), screen(60), screen(24, "--all")
    assert f"… et {found - 3} autres, moins pertinents : kit search {' '.join(query)} --all" in short
    assert " 3. " in f" {short}" and " 4. " not in f" {short}"
    assert f"… et {found - 10} autres" in tall and " 10. " in tall and " 11. " not in tall
    assert "autres, moins pertinents" not in every and f" {found}. " in f" {every}"
    # Machine formats always hold every document.
    code, out, _ = invoke(runner, "search", *query, "--format", "json", console=Console(stdout_tty=True, height=24))
    assert code == 0 and len(json.loads(out)) == found
