"""`kit show` tells every field the kit holds, in every format and in both languages, true to the seed:
*written for* (★, the seed's words) apart from *concerns* (◆, our reading), links as links, summaries
labelled, `kit show` and `kit about` pointing to each other; in English no French but titles and quotes;
and the table of the seed's contradictions (docs/seed-contradictions.md) is the data's."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from itertools import count
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from coconstruct_cli.formats import Medium
from coconstruct_cli.guide import Answers
from coconstruct_cli.i18n import set_lang
from coconstruct_cli.model import Document, Kit
from coconstruct_cli.plan import build_plan
from coconstruct_cli.queries import document_fields, select
from coconstruct_cli.render import render
from coconstruct_cli.render.common import choices_table
from coconstruct_cli.results import (
    AboutKit,
    CategoryList,
    DocumentDetail,
    DocumentList,
    PathList,
    PlanResult,
    Result,
    SearchResult,
)
from coconstruct_cli.search import search
from conftest import doc

DOCS = Path(__file__).resolve().parents[2] / "docs"
ROOT_SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed.txt"
HUMAN = (Medium.RICH, Medium.TEXT, Medium.MD, Medium.HTML)


def text_of(result: Result, medium: Medium) -> str:
    """What a reader sees: rich drawn wide (no wrapping), HTML without tags, Markdown without escapes,
    non-breaking spaces as spaces, whitespace collapsed."""
    out: Any = render(result, medium, width=1000)
    if medium is Medium.RICH:
        console = Console(width=1000, record=True, file=io.StringIO())
        console.print(out)
        out = console.export_text()
    elif medium is Medium.HTML:
        out = re.sub(r"<style>.*?</style>", " ", out, flags=re.S)
        out = html.unescape(re.sub(r"<[^>]+>", " ", out))
    elif medium is Medium.MD:
        out = re.sub(r"\\(.)", r"\1", re.sub(r"(?<!\\)(\*\*|\*|`)", "", out))
    out = out.replace("\u00a0", " ").replace("\u202f", " ")
    # A rich panel draws borders at line ends: keep the words only.
    out = re.sub(r"[│╭╮╰╯─━┃]", " ", out)
    return re.sub(r"\s+", " ", out)


def show(kit: Kit, id_: str, medium: Medium) -> str:
    return text_of(DocumentDetail(kit, doc(kit, id_)), medium)


# --- written for, concerns, and the other fields of kit show -------------------------------------------


@pytest.mark.parametrize("medium", HUMAN[:1] + HUMAN[2:])
def test_written_for_quotes_the_seed_and_is_marked_with_a_star(kit: Kit, medium: Medium) -> None:
    out = show(kit, "guide-construire-ensemble", medium)
    assert "★ Écrit pour : Une entreprise — « à destination des chefs d'entreprise »" in out
    assert "◆" not in out and "notre lecture" not in out
    set_lang("en")
    out = show(kit, "guide-construire-ensemble", medium)
    # The translation is marked as one, the seed's words as the kit's text.
    assert (
        "★ Written for: A company — intended for business leaders (translation) — the kit's text: "
        "« à destination des chefs d'entreprise »"
    ) in out


@pytest.mark.parametrize("medium", HUMAN[:1] + HUMAN[2:])
def test_the_paths_are_named_in_the_interface_s_language(kit: Kit, medium: Medium) -> None:
    out = show(kit, "referentiel-co-construction-territoire", medium)
    assert re.search(r"Parcours( :)? comprendre, animer, accompagner", out)
    assert "animate" not in out
    set_lang("en")
    out = show(kit, "referentiel-co-construction-territoire", medium)
    assert re.search(r"Paths(:)? understand, animate, support", out)


@pytest.mark.parametrize("medium", HUMAN[:1] + HUMAN[2:])
def test_a_document_s_parts_are_our_breakdown_and_say_so(kit: Kit, medium: Medium) -> None:
    """The « Contenu » list cuts the kit's sentence into items: our reading of it, not a list the kit gives."""
    out = show(kit, "guide-orse-partenariats", medium)
    assert "Contenu (notre découpage)" in out and "les clés de réussite d'un partenariat en sept étapes" in out
    set_lang("en")
    assert "Parts (our breakdown)" in show(kit, "guide-orse-partenariats", medium)


def test_the_machine_record_keeps_the_path_ids(kit: Kit) -> None:
    record = json.loads(bytes(render(DocumentDetail(kit, doc(kit, "rex-labo-alsace")), Medium.JSON, width=80)))
    assert record["paths"] == ["animate"]


@pytest.mark.parametrize("medium", HUMAN[:1] + HUMAN[2:])
def test_concerns_is_our_reading_with_the_seed_phrase_it_rests_on(kit: Kit, medium: Medium) -> None:
    out = show(kit, "accompagner-associations", medium)
    assert "◆ Concerne aussi (notre lecture) : Une structure d'animation" in out
    assert "D'après le kit : « Accompagner les organisations dans leur dynamique partenariale" in out
    assert "★" not in out and "Écrit pour" not in out
    set_lang("en")
    out = show(kit, "accompagner-associations", medium)
    assert "◆ Also concerns (our reading): A facilitating" in out
    assert "a method for whoever supports organisations in their partnership dynamics." in out
    assert "Based on the kit's words: « Accompagner les organisations" in out


def test_the_machine_formats_keep_both_kinds_apart(kit: Kit) -> None:
    guide = DocumentDetail(kit, doc(kit, "guide-construire-ensemble"))
    data = json.loads(render(guide, Medium.JSON).decode())  # type: ignore[union-attr]
    assert data["written_for"][0]["role"] == "company" and data["concerns"] == []
    method = json.loads(render(DocumentDetail(kit, doc(kit, "accompagner-associations")), Medium.JSON).decode())  # type: ignore[union-attr]
    assert method["written_for"] == [] and method["audiences"] == [] and method["concerns"][0]["role"] == "facilitator"
    assert "written_for\tcompany: à destination des chefs d'entreprise\n" in str(render(guide, Medium.TEXT))
    csv = str(render(guide, Medium.CSV))
    assert ",company: à destination des chefs d'entreprise," in csv and "{" not in csv


def test_links_are_links_only_where_the_kit_file_gives_one(kit: Kit) -> None:
    # Issue 22, item 5: the address is shown as the seed writes it (« www.lalabo-partenariats.org »); only a
    # link's target gets our « http:// », which a browser needs.
    for id_, shown, href in (
        ("rex-labo-alsace", "www.lalabo-partenariats.org", "http://www.lalabo-partenariats.org"),
        ("rex-silver-geek", "http://collectifsilvergeek.tumblr.com/", "http://collectifsilvergeek.tumblr.com/"),
    ):
        result = DocumentDetail(kit, doc(kit, id_))
        md = str(render(result, Medium.MD))
        assert (f"<{href}>" if shown == href else f"[{shown.replace('.', chr(92) + '.')}]({href})") in md
        assert md.count("http") == 1
        page = str(render(result, Medium.HTML))
        assert f'<a href="{href}">{shown}</a>' in page and page.count("<a ") == 1
        terminal = show(kit, id_, Medium.RICH)
        assert shown in terminal and (shown == href or href not in terminal)
        # Tab-separated, the record: the address as the kit gives it.
        assert next(link.url for link in doc(kit, id_).links) in str(render(result, Medium.TEXT))
    # A document without links has no link at all.
    plain = DocumentDetail(kit, doc(kit, "guide-construire-ensemble"))
    assert "<a " not in str(render(plain, Medium.HTML)) and "<http" not in str(render(plain, Medium.MD))


@pytest.mark.parametrize("medium", HUMAN[:1] + HUMAN[2:])
def test_makers_mentions_and_summaries_are_told_as_such(kit: Kit, medium: Medium) -> None:
    phare = show(kit, "etudes-phare", medium)
    assert "Réalisé aussi par, selon le kit" in phare
    assert "Observatoire des partenariats — « Ces études réalisées par l'Observatoire des partenariats et Comisis »" in phare
    assert "Le kit en parle aussi" in phare and "Annexe 1, études quantitatives et qualitatives : « Le programme PHARE" in phare
    charenton = show(kit, "rex-charenton-saint-maurice", medium)
    assert "Notre résumé : " in charenton  # our summary, not the seed's words
    # Footnote 1 cites another document, related to this one: not « the kit also mentions it ».
    assert "Le kit en parle aussi" not in charenton
    assert re.search(r"Un document lié, que le kit cite (• |- )?Annexe 3, note 1, source que l'annexe cite pour", charenton)
    assert "(Accenture, février 2016) »" in charenton
    assert "Résumé" not in show(kit, "guide-construire-ensemble", medium)


@pytest.mark.parametrize("lang,label", [("fr", "Notes sur la transcription"), ("en", "Notes on the transcription")])
@pytest.mark.parametrize("medium", HUMAN[:1] + HUMAN[2:])
def test_notes_on_the_transcription_come_apart_and_last(kit: Kit, medium: Medium, lang: str, label: str) -> None:
    """Issue 22, item 9: a reader meets the document first; how the seed was transcribed comes last, labelled."""
    set_lang(lang)
    phare = show(kit, "etudes-phare", medium)
    assert phare.count(label) == 1
    notes = phare.split(label, 1)[1]
    assert ("règle de la majorité" if lang == "fr" else "majority rule") in notes
    for before in ("Travaux de recherche liés", "Related research", "Le kit en parle aussi", "The kit also mentions it"):
        assert before not in notes
    # The machine record keeps its field names.
    record = json.loads(bytes(render(DocumentDetail(kit, doc(kit, "etudes-phare")), Medium.JSON, width=80)))
    assert record["notes"] and "notes_en" in record
    set_lang("fr")


@pytest.mark.parametrize("medium", HUMAN[:1] + HUMAN[2:])
def test_an_english_quoted_description_is_marked_as_a_translation(kit: Kit, medium: Medium) -> None:
    """Issue 22, item 8: the kit's words in English carry « (translation) », as credits and mentions do."""
    set_lang("en")
    guide = show(kit, "guide-construire-ensemble", medium)
    assert "partnerships between associations and companies. (translation)" in guide
    charenton = show(kit, "rex-charenton-saint-maurice", medium)
    assert "Our summary: " in charenton and "in Charenton Saint Maurice. (translation)" not in charenton  # ours
    set_lang("fr")
    assert "(traduction)" not in show(kit, "guide-construire-ensemble", medium)


@pytest.mark.parametrize("medium", HUMAN[:1] + HUMAN[2:])
def test_kit_show_and_kit_about_point_to_each_other(kit: Kit, medium: Medium) -> None:
    phare = show(kit, "etudes-phare", medium)
    assert "Travaux de recherche liés" in phare
    assert "Le programme PHARE de l'Observatoire des partenariats (Des études quantitatives et qualitatives)" in phare
    assert "Pour plus d'information : kit about" in phare
    orse = show(kit, "guide-orse-partenariats", medium)
    assert "Les formes de la co-construction territoriale" in orse and "kit about" in orse
    about = text_of(AboutKit(kit), medium)
    assert "Documents du kit rapprochés de ce travail (notre lecture) : kit show etudes-phare" in about
    assert "kit show etude-etat-des-lieux-co-construction" in about and "kit show guide-orse-partenariats" in about
    # Every document that kit about points to points back.
    pointed = {d for w in kit.about.research for e in w.entries for d in e.documents}
    pointed |= {d for f in kit.about.forms for r in f.references for d in r.documents}
    for id_ in pointed:
        assert "kit about" in show(kit, id_, medium), id_


def test_kit_paths_says_where_each_purpose_comes_from(kit: Kit) -> None:
    for medium in (Medium.RICH, Medium.MD, Medium.HTML):  # tab-separated: ids, counts and titles only
        out = text_of(PathList(kit), medium)
        assert "Source de l'objectif : Titre du parcours" in out, medium
    data = json.loads(render(PathList(kit), Medium.JSON).decode())  # type: ignore[union-attr]
    assert all(p["purpose_source"] and p["purpose_source_en"] for p in data)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_terminal_leaves_out_an_empty_subcategory_line_a_page_says_none(kit: Kit, lang: str) -> None:
    from coconstruct_cli.i18n import t

    set_lang(lang)
    label, none = t("col.subcategory"), t("label.none").replace("\u00a0", " ")
    loose, filed = (
        DocumentDetail(kit, doc(kit, "referentiel-co-construction-territoire")),
        DocumentDetail(kit, doc(kit, "etudes-phare")),
    )
    assert label not in text_of(loose, Medium.RICH)
    assert re.search(rf"{label} (Documents contexte|Context documents)", text_of(filed, Medium.RICH))
    assert all(re.search(rf"{label} ?:? {none}", text_of(loose, m)) for m in (Medium.MD, Medium.HTML))


# --- a field added to the model -------------------------------------------------------------------


def _unused_field_name() -> str:
    """A field name the model does not have and the catalogue has no label for: the field this test adds
    never meets one a maintainer adds for real (a real `pages` field once made `Paged(**dict(d), pages=…)`
    pass the name twice)."""
    from coconstruct_cli.i18n import has

    taken = set(Document.model_fields) | set(Document.model_computed_fields)
    return next(name for n in count() if (name := f"added{n}") not in taken and not has(f"col.{name}"))


ADDED = _unused_field_name()
"""The field a reviewer adds to the model, in the tests below."""
BUNDLED = document_fields()
"""The record's fields of the bundled model, before the tests below grow it."""


@pytest.fixture
def grown(kit: Kit, monkeypatch: pytest.MonkeyPatch) -> Kit:
    """The kit with `Document` grown a field, `ADDED` (an int, as a page count would be), and a value for every document."""
    from pydantic import create_model

    from coconstruct_cli import model

    grown_document = create_model("GrownDocument", __base__=Document, **{ADDED: (int | None, None)})  # type: ignore[call-overload]
    monkeypatch.setattr(model, "Document", grown_document)
    documents = tuple(grown_document(**dict(d), **{ADDED: 400 + n}) for n, d in enumerate(kit.documents))
    return kit.model_copy(update={"documents": documents})


def written(result: Result, medium: Medium) -> str:
    """What a command prints for `result` in a text medium (JSON comes encoded)."""
    out: Any = render(result, medium)
    return str(out.decode() if hasattr(out, "decode") else out)


def unlabelled() -> list[str]:
    """The catalogue keys missing for the lines `kit show` opens with (`common.record_lines`)."""
    from coconstruct_cli.i18n import has
    from coconstruct_cli.render.common import TOLD_ELSEWHERE

    return [f"col.{f}" for f in document_fields() if f not in TOLD_ELSEWHERE and not has(f"col.{f}")]


def test_every_line_of_kit_show_has_a_label_in_the_catalogue() -> None:
    """A field added to the model is a line of `kit show`: it needs its label, « col.<field> », in `i18n.MESSAGES`."""
    assert unlabelled() == []


def test_every_field_kit_show_tells_elsewhere_is_a_record_field() -> None:
    from coconstruct_cli.render.common import TOLD_ELSEWHERE

    assert set(TOLD_ELSEWHERE) <= set(document_fields())


def test_a_field_added_to_the_model_is_in_the_record_the_machine_formats_and_kit_show(
    grown: Kit, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coconstruct_cli.i18n import MESSAGES
    from coconstruct_cli.queries import record

    assert unlabelled() == [f"col.{ADDED}"]  # the test above names what a reviewer must add
    monkeypatch.setitem(MESSAGES, f"col.{ADDED}", ("Champ ajouté", "Added field"))
    document = doc(grown, "etudes-phare")
    value = getattr(document, ADDED)
    assert document_fields() == (*BUNDLED, ADDED)
    made = record(document, [], "Le RAMEAU")
    assert list(made) == [*BUNDLED, ADDED] and made[ADDED] == value
    listed = DocumentList(select(grown), "Kit")
    data = json.loads(written(listed, Medium.JSON))
    assert list(data[0])[-3:] == [ADDED, "read", "number"] and {d["id"]: d[ADDED] for d in data}["etudes-phare"] == value
    rows = list(csv.DictReader(io.StringIO(written(listed, Medium.CSV))))
    assert {r["id"]: r[ADDED] for r in rows}["etudes-phare"] == str(value)
    detail = DocumentDetail(grown, document)
    assert json.loads(written(detail, Medium.JSON))[ADDED] == value
    shown = (Medium.RICH, Medium.MD, Medium.HTML)
    missing = [m.value for m in shown if not re.search(rf"\bChamp ajouté :? ?{value}\b", text_of(detail, m))]
    assert missing == [], f"kit show does not tell the added field in {missing}"
    assert f"{ADDED}\t{value}" in written(detail, Medium.TEXT)


# --- English that is English ----------------------------------------------------------------------


def _every_result(kit: Kit) -> list[Result]:
    results: list[Result] = [DocumentDetail(kit, d) for d in kit.documents]
    results += [DocumentList(select(kit), "Kit"), PathList(kit), CategoryList(kit), AboutKit(kit)]
    results += [DocumentList(select(kit, path=p), p.title) for p in kit.paths]
    results.append(SearchResult(kit, search(kit.documents, "territoire")))
    results += [
        PlanResult(build_plan(kit, Answers(role, goal, "toolbox")))
        for role in ("company", "facilitator")
        for goal in ("understand", "support")
    ]
    return results


def _pairs(kit: Kit) -> tuple[list[tuple[str, str | None]], list[str]]:
    """(French text, its English) for every kit text a renderer may show, and the French that English
    output may show: titles (beside their English) and the seed's words quoted."""
    pairs: list[tuple[str, str | None]] = []
    allowed: list[str] = []
    for d in kit.documents:
        allowed.append(d.title)
        pairs += [(d.kind, d.kind_en), (d.description, d.description_en)]
        if d.date:
            pairs.append((d.date, d.date_en or ("" if any(c.isalpha() for c in d.date) else d.date)))
        pairs += list(zip(d.parts, d.parts_en or [None] * len(d.parts), strict=True))
        pairs += list(zip(d.notes, d.notes_en or [None] * len(d.notes), strict=True))
        pairs += [(c.reading, c.reading_en) for c in d.concerns]
        pairs += [(m.where, m.where_en) for m in d.mentions] + [(link.label, link.label_en) for link in d.links]
        allowed += [w.quote for w in d.written_for] + [c.rests_on for c in d.concerns]
        allowed += [c.quote for c in d.credits] + [m.quote for m in d.mentions]
    for c in kit.categories:
        pairs += [(c.label, c.label_en), (c.description, c.description_en)] + [(s.label, s.label_en) for s in c.subcategories]
    for p in kit.paths:
        allowed.append(p.title)
        pairs += [(p.purpose, p.purpose_en), (p.purpose_source or "", p.purpose_source_en)]
    a = kit.about
    pairs += [(a.summary, a.summary_en), (a.intended_for or "", a.intended_for_en), (a.genesis or "", a.genesis_en)]
    pairs += [(a.partners or "", a.partners_en)]
    for fr, en in ((a.objectives, a.objectives_en), (a.objectives_in_contents, a.objectives_in_contents_en), (a.gaps, a.gaps_en)):
        pairs += list(zip(fr, en or [None] * len(fr), strict=True))
    for f in a.forms:
        pairs += [(f.title, f.title_en), (f.also_named or "", f.also_named_en), (f.definition, f.definition_en)]
        pairs += [(f.example.title, f.example.title_en), (f.example.text, f.example.text_en)]
        pairs += [(link.label, link.label_en) for link in f.example.see_also]
        pairs += [(r.where or "", r.where_en) for r in f.references]
        allowed += [r.quote for r in f.references] + ([f.example.source] if f.example.source else [])
    for fig in a.figures:
        pairs += [(fig.value, fig.value_en), (fig.measure, fig.measure_en), (fig.scope or "", fig.scope_en)]
    for w in a.research:
        pairs.append((w.title, w.title_en))
        pairs += [(e.text, e.text_en) for e in w.entries]
    allowed += [a.title, a.publisher, *a.passages]  # the passages: the kit's words, quoted beside their English
    # Names that are no language: ids and aliases.
    allowed += [d.id for d in kit.documents] + [c.id for c in kit.categories] + [x for p in kit.paths for x in (p.id, p.alias)]
    return [(fr, en) for fr, en in pairs if fr], allowed


def test_every_french_text_a_reader_may_see_has_its_english(kit: Kit) -> None:
    pairs, _ = _pairs(kit)
    assert [fr for fr, en in pairs if en is None] == []


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def french_shown(kit: Kit, results: list[Result]) -> list[tuple[str, str, str]]:
    """(result, format, French text) for every French kit text shown in English where its English exists."""
    pairs, allowed = _pairs(kit)
    english = [_words(en) for _, en in pairs if en] + [_words(x) for x in allowed]
    # A French text that is also part of an English one (a name, « MOOC », « 2015-2016 ») proves nothing.
    french = {
        _words(fr)
        for fr, en in pairs
        if en and _words(fr) != _words(en) and not any(re.search(rf"(?<!\w){re.escape(_words(fr))}(?!\w)", e) for e in english)
    }
    assert len(french) > 150
    set_lang("en")
    found: set[tuple[str, str, str]] = set()
    for result in results:
        for medium in HUMAN:
            if medium is Medium.TEXT and not isinstance(result, AboutKit):
                continue  # tab-separated: ids, years and titles, or the record with every field (as JSON and CSV)
            out = text_of(result, medium)
            for text in sorted(allowed, key=len, reverse=True):
                out = out.replace(_words(text), " ")
            for fr in french:
                if re.search(rf"(?<!\w){re.escape(fr)}(?!\w)", out):
                    found.add((type(result).__name__, medium.value, fr))
    return sorted(found)


@pytest.mark.slow  # every command in every format, several seconds
def test_english_output_shows_no_french_but_titles_and_quotes(kit: Kit) -> None:
    """Every command × human format in English: a French kit text shown where its English exists fails."""
    set_lang("en")  # a plan is told in the language it is made in
    results = [r for r in _every_result(kit) if not isinstance(r, SearchResult)]
    assert french_shown(kit, results) == []


@pytest.mark.slow  # every command in every format, several seconds
def test_english_search_results_show_no_french_excerpt(kit: Kit) -> None:
    set_lang("en")
    results = [r for r in _every_result(kit) if isinstance(r, SearchResult)]
    assert french_shown(kit, results) == []


def test_the_machine_records_carry_an_english_twin_for_every_french_field(kit: Kit) -> None:
    fields = document_fields()
    twins = [f for f in fields if f"{f}_en" in fields]
    assert set(twins) >= {"title", "description", "kind", "date", "parts", "notes"}
    data = json.loads(render(DocumentList(select(kit), "Kit"), Medium.JSON).decode())  # type: ignore[union-attr]
    missing = [(r["id"], f) for r in data for f in twins if r[f] and not r[f"{f}_en"] and re.search(r"[^\W\d]", str(r[f]))]
    assert missing == []


# --- the maintainers' pages -------------------------------------------------------------------------


def test_the_table_of_contradictions_is_the_data_s(kit: Kit) -> None:
    """Regenerate with: python -c "from coconstruct_cli.i18n import set_lang; set_lang('en');
    from coconstruct_cli.loader import load_kit; from coconstruct_cli.render.common import choices_table;
    print(choices_table(load_kit()), end='')" and paste it between the « choices » markers of docs/seed-contradictions.md."""
    set_lang("en")
    page = (DOCS / "seed-contradictions.md").read_text(encoding="utf-8")
    table = re.search(r"<!-- choices:[^>]*-->\n(.*?)<!-- /choices -->", page, re.S)
    assert table is not None
    assert table.group(1) == choices_table(kit)
    # Each choice says its kind (`kind` in the data), and a correction what the seed writes.
    assert "| correction | Spelling of Opinion Way |" in table.group(1)
    assert "The kit writes: « Opionion Way », « Opinionion Way »." in table.group(1)
    assert {c.kind for c in kit.choices} == {"contradiction", "correction", "reading"}


def contract_fields() -> list[str]:
    """The document fields the scripts' contract lists, between its `<!-- fields -->` markers."""
    found = re.search(r"<!-- fields -->(.*?)<!-- /fields -->", (DOCS / "contrat-scripts.md").read_text(encoding="utf-8"), re.S)
    assert found, "docs/contrat-scripts.md has lost its <!-- fields --> … <!-- /fields --> markers"
    return [f.strip() for f in found.group(1).strip().strip("`").split(",")]


def test_the_contract_lists_the_document_fields_of_the_model() -> None:
    assert contract_fields() == list(document_fields())


def test_the_contract_s_list_follows_a_field_added_to_the_model(grown: Kit) -> None:
    assert ADDED in document_fields() and ADDED not in contract_fields()  # the test above fails


def test_the_weights_say_written_for_only_where_the_seed_does(kit: Kit) -> None:
    page = (DOCS / "architecture.md").read_text(encoding="utf-8")
    written = sorted(d.id for d in kit.documents if d.written_for)
    assert written == ["guide-construire-ensemble", "referentiel-cides-partenariats"]
    assert (
        "| the seed says it is written for the role (« à destination de … »: only the « Construire ensemble » guide for "
        "companies and the CIDES référentiel for associations), marked ★ |"
    ) in page


# --- where to get a document (issue 21, item 18) --------------------------------------------------------


def test_every_document_says_how_to_look_it_up_with_no_address_made_up(kit: Kit) -> None:
    """The seed gives a web address for 2 documents; for every one it gives the title and the publisher."""
    data = json.loads(written(DocumentList(select(kit), "Kit"), Medium.JSON))
    assert {d["id"]: d["lookup"] for d in data} == {d.id: f'"{d.title}" "{kit.about.publisher}"' for d in kit.documents}
    rows = list(csv.DictReader(io.StringIO(written(DocumentList(select(kit), "Kit"), Medium.CSV).lstrip("\ufeff"))))
    assert [r["lookup"] for r in rows] == [d["lookup"] for d in data]
    assert sum(1 for d in kit.documents if d.links) == 2


@pytest.mark.parametrize("medium", HUMAN[:1] + HUMAN[2:])
def test_kit_show_tells_where_to_get_the_document_in_every_format(kit: Kit, medium: Medium) -> None:
    text = show(kit, "etudes-phare", medium)
    assert '"Etudes PHARE sur les fragilités et la co-construction en territoire" "Le RAMEAU"' in text
    assert "Pour se le procurer" in text and "CGET" in text and "centre de ressources" in text


def test_where_to_get_it_quotes_annex_1_as_it_is_written(kit: Kit) -> None:
    """The sentence about the CGET quotes the seed's annex 1 (kept in `about.partners`) word for word."""
    from coconstruct_cli.i18n import MESSAGES

    (quote,) = re.findall(r"« (.+?) »", MESSAGES["label.find_carried"][0])
    assert kit.about.partners is not None and quote in kit.about.partners
    assert f"{kit.about.publisher} met à disposition ce kit" in (ROOT_SEED.read_text(encoding="utf-8"))


@pytest.mark.parametrize("medium", HUMAN[:1] + HUMAN[2:])
def test_the_plan_says_how_to_get_its_documents(kit: Kit, medium: Medium) -> None:
    plan = build_plan(kit, Answers("public", "animate", "method"))
    text = text_of(PlanResult(plan), medium)
    assert "Pour se procurer un document : cherchez son titre et « Le RAMEAU » entre guillemets" in text


@pytest.mark.parametrize("medium", HUMAN[:1] + HUMAN[2:])
def test_a_link_caption_in_english_is_marked_as_a_translation_of_the_seed(kit: Kit, medium: Medium) -> None:
    """The captions are the seed's footnotes (« Pour plus d'informations voir le site du Labo… »)."""
    set_lang("en")
    try:
        for id_ in ("rex-labo-alsace", "rex-silver-geek"):
            link = doc(kit, id_).links[0]
            assert link.label_en is not None and f"{link.label_en.removesuffix(':')} (translation)" in show(kit, id_, medium)
    finally:
        set_lang("fr")
    assert f"{doc(kit, 'rex-labo-alsace').links[0].label} " in show(kit, "rex-labo-alsace", medium)


# Each seed footnote that gives an address, as the seed writes it up to the address: footnote 3 puts a colon
# before it, footnote 5 none (« voir <http://…> »).
SEED_LINKS = {
    "rex-labo-alsace": (
        "Pour plus d'informations voir le site du Labo régional des partenariats d'Alsace : www.lalabo-partenariats.org"
    ),
    "rex-silver-geek": (
        "Pour plus d'information sur l'évaluation de l'utilité sociétale de Silver Geek, menée en partenariat "
        "avec Le RAMEAU, voir http://collectifsilvergeek.tumblr.com/"
    ),
}


@pytest.mark.parametrize("medium", HUMAN[:1] + HUMAN[2:])
@pytest.mark.parametrize(("id_", "words"), SEED_LINKS.items())
def test_a_link_caption_is_the_seed_s_words_with_its_own_punctuation(kit: Kit, medium: Medium, id_: str, words: str) -> None:
    """Issue 22: « voir : <http://…> » added a colon the seed does not write; footnote 3's colon stays."""
    assert words in bare_links(ROOT_SEED.read_text(encoding="utf-8"))
    shown = bare_links(show(kit, id_, medium))
    assert words in shown
    assert "voir : " not in shown and "d'Alsace www" not in shown
    set_lang("en")
    english = bare_links(show(kit, id_, medium))
    # The mark goes on the translated words, before the seed's own punctuation.
    assert " (translation): http" not in english and "see: " not in english
    assert re.search(r"d'Alsace \(translation\): www|Le RAMEAU, see \(translation\) http", english), english


def bare_links(text: str) -> str:
    """Addresses as words: « <http://…> » and Markdown's « [www.…](http://www.…) » as their text."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return " ".join(re.sub(r"<(https?://[^>\s]+)>", r"\1", text).split())


@pytest.mark.parametrize(("id_", "words"), SEED_LINKS.items())
def test_the_linear_view_writes_the_caption_and_the_address_once(kit: Kit, id_: str, words: str) -> None:
    """`--plain` reads the Markdown back: a bare « www.… » is not followed by our « (http://www.…) »."""
    from coconstruct_cli.render.linear import linear

    out = " ".join(linear(str(render(DocumentDetail(kit, doc(kit, id_)), Medium.MD))).replace("\u00a0", " ").split())
    assert words in bare_links(out)
    assert "(http://www." not in out


@pytest.mark.parametrize("medium", HUMAN[:1] + HUMAN[2:])
def test_a_form_that_cites_a_document_twice_is_named_once(kit: Kit, medium: Medium) -> None:
    """Annex 3 points at the ORSE guide twice (the sentence, footnote 4): `kit show` names the form once."""
    out = show(kit, "guide-orse-partenariats", medium)
    assert out.count("Les partenariats entre organisations") == 1


@pytest.mark.parametrize("medium", HUMAN[:1] + HUMAN[2:])
def test_a_related_research_item_in_english_is_marked_as_a_translation(kit: Kit, medium: Medium) -> None:
    """Annex 1's words (« Le programme PHARE de l'Observatoire des partenariats ») translated in `kit show`."""
    set_lang("en")
    out = show(kit, "etudes-phare", medium)
    assert "The PHARE programme of the Observatoire des partenariats (Quantitative and qualitative studies) (translation)" in out
    set_lang("fr")
    assert "(Des études quantitatives et qualitatives) (" not in show(kit, "etudes-phare", medium)


def test_the_terminal_keeps_footnote_3_s_colon_with_its_word(kit: Kit) -> None:
    """The caption's colon is the seed's; on a terminal it is French, glued by a no-break space."""
    console = Console(width=1000, record=True, file=io.StringIO())
    console.print(render(DocumentDetail(kit, doc(kit, "rex-labo-alsace")), Medium.RICH, width=1000))
    assert "partenariats d'Alsace\u00a0: www.lalabo-partenariats.org" in console.export_text()
