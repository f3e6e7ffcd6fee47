"""Every word of the bundled kit true to the seed: quotes found in it, readings marked, links checked.

These tests walk the whole kit, so a text added tomorrow is checked as today's are.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from coconstruct_cli.model import SLUG_PATTERN, Document, Kit
from conftest import spaced

SEED = Path(__file__).resolve().parent / "fixtures" / "seed.txt"
CONTRADICTIONS_PAGE = Path(__file__).resolve().parents[1] / "docs" / "seed-contradictions.md"

_SUPERSCRIPTS = str.maketrans("", "", "¹²³⁴⁵⁶⁷⁸⁹⁰")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " ", "\u202f": " ", "…": "..."})


def normalise(text: str) -> str:
    """Whitespace, typographic quotes, Markdown emphasis, HTML tags and footnote marks do not count."""
    text = re.sub(r"<(?!https?://)[^>]+>", " ", text)
    text = text.replace("**", "").replace("*", "").translate(_SUPERSCRIPTS).translate(_QUOTES)
    return re.sub(r"\s+", " ", text).strip().casefold()


def corrected_seed(kit: Kit) -> str:
    """The seed with the misspellings the kit records as corrections replaced by their correction."""
    text = SEED.read_text(encoding="utf-8")
    for choice in kit.choices:
        if choice.kind == "correction":
            for form in choice.seed_forms:
                assert form in text, form
                text = text.replace(form, choice.choice)
    return normalise(text)


def found(fragment: str, seed: str) -> bool:
    return normalise(fragment).rstrip(" .,;:") in seed


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý«])", text) if s.strip()]


def quotes(kit: Kit) -> Iterator[tuple[str, str]]:
    """(where, text) for every text the kit presents as the seed's own words."""
    about = kit.about
    yield "about.summary", about.summary
    if about.intended_for:
        yield "about.intended_for", about.intended_for
    for i, text in enumerate((*about.objectives, *about.objectives_in_contents)):
        yield f"about.objectives[{i}]", text
    for name, text in (("genesis", about.genesis), ("partners", about.partners)):
        for sentence in sentences(text or ""):
            yield f"about.{name}", sentence
    for form in about.forms:
        where = f"about.forms[{form.id}]"
        yield f"{where}.title", form.title
        if form.also_named:
            yield f"{where}.also_named", form.also_named
        for sentence in sentences(form.definition):
            yield f"{where}.definition", sentence
        if form.example.kind == "quote":
            for sentence in sentences(form.example.text):
                yield f"{where}.example.text", sentence
        if form.example.source:
            yield f"{where}.example.source", form.example.source
        for link in form.example.see_also:
            yield f"{where}.example.see_also", link.label
        for ref in form.references:
            yield f"{where}.references", ref.quote
    for figure in about.figures:
        if figure.quote:
            yield f"about.figures[{figure.value}].quote", figure.quote
    for work in about.research:
        yield "about.research.title", work.title
        for entry in work.entries:
            yield "about.research.entries", entry.text
    for path in kit.paths:
        yield f"paths[{path.id}].title", path.title
        yield f"paths[{path.id}].purpose", path.purpose
    if kit.guide is not None:
        # The seed phrases our readings rest on, shown quoted beside them.
        for goal in kit.guide.goals:
            yield f"guide.goals[{goal.id}].rests_on", goal.rests_on
            for key in (*goal.key, *goal.outside):
                yield f"guide.goals[{goal.id}].{key.document}.rests_on", key.rests_on
        for need in kit.guide.needs:
            yield f"guide.needs[{need.id}].rests_on", need.rests_on
    for category in kit.categories:
        yield f"categories[{category.id}].description", category.description
    for d in kit.documents:
        yield from document_quotes(d)


def document_quotes(d: Document) -> Iterator[tuple[str, str]]:
    where = f"documents[{d.id}]"
    if d.description_kind == "quote":
        for sentence in sentences(d.description):
            yield f"{where}.description", sentence
    if d.description_kind == "quote" and d.gives:
        # The plan's « pourquoi » quotes these words as the kit's (a summary's are labelled, not quoted).
        yield f"{where}.gives", d.gives
    for w in d.written_for:
        yield f"{where}.written_for", w.quote
    for c in d.concerns:
        yield f"{where}.concerns.rests_on", c.rests_on
    for credit in d.credits:
        yield f"{where}.credits", credit.quote
        assert credit.name in credit.quote, (where, credit.name)
    for mention in d.mentions:
        yield f"{where}.mentions", mention.quote
    for link in d.links:
        yield f"{where}.links", link.label


# --- quotations exact: the seed's letters, or the edits marked as French editing marks them ---------

# « […] » a cut; « [p]résente » a letter whose case we changed at a word's start; « e[n] » letters we
# corrected, each inside a misspelling the data records as a correction (`kind: correction`).
_EDIT = re.compile(r"\[\.\.\.\]|\[[^\]]+\]")


def exact(text: str) -> str:
    """`normalise` without folding case: letters count."""
    text = re.sub(r"<(?!https?://)[^>]+>", " ", text)
    text = text.replace("**", "").replace("*", "").translate(_SUPERSCRIPTS).translate(_QUOTES)
    return re.sub(r"\s+", " ", text).strip()


def exact_problem(fragment: str, seed: str, kit: Kit) -> str | None:
    """Why a quotation is not the seed's words with its edits marked, or None when it is."""
    text = exact(fragment).rstrip(" .,;:")
    pattern, pos, corrected = [r"(?<!\w)"], 0, []
    for mark in _EDIT.finditer(text):
        inner = mark.group()[1:-1]
        if inner == "...":
            # A cut may take a comma or a full stop with the words (« économiques […] » for « économiques, au
            # travers »): the spaces beside the mark are not the seed's, the word ends are.
            before, after = text[pos : mark.start()].rstrip(), text[mark.end() :].lstrip()
            pattern.append(re.escape(before) + (r"(?!\w)" if before else ""))
            pattern.append(r".{1,600}?" + (r"(?<!\w)" if after[:1].isalnum() else ""))
            pos = len(text) - len(after)
            continue
        pattern.append(re.escape(text[pos : mark.start()]))
        at_word_start = mark.start() == 0 or not text[mark.start() - 1].isalnum()
        if len(inner) == 1 and inner.isalpha() and at_word_start:
            pattern.append(f"[{inner.lower()}{inner.upper()}]")
        else:
            word_start = re.search(r"[\w']*$", text[: mark.start()])
            word_end = re.match(r"[\w']*", text[mark.end() :])
            assert word_start and word_end
            ours = word_start.group() + inner + word_end.group()
            corrected.append((len(corrected), word_start.group(), word_end.group(), ours))
            pattern.append(rf"(?P<c{len(corrected) - 1}>[\w']{{0,8}})")
        pos = mark.end()
    pattern.append(re.escape(text[pos:]) + r"(?!\w)")
    matches = list(re.finditer("".join(pattern).replace(r"\ ", " "), seed))
    if not matches:
        return "not in the seed as written"
    forms = [(form.casefold(), c.choice.casefold()) for c in kit.choices if c.kind == "correction" for form in c.seed_forms]

    def recorded(match: re.Match[str]) -> str | None:
        for index, before, after, ours in corrected:
            theirs = before + match.group(f"c{index}") + after
            if theirs == ours or not any(theirs.casefold() in form and ours.casefold() in choice for form, choice in forms):
                return f"« {theirs} » made « {ours} » without a recorded correction"
        return None

    problems = [recorded(match) for match in matches]
    return None if None in problems else problems[0]


def test_every_quotation_is_the_seed_s_words_or_marks_its_edits(kit: Kit) -> None:
    """Case, the opening words and every letter count: « Présente l'état des lieux » is not the seed's
    « qui présente l'état des lieux », and « en 2012 » is not its « eu 2012 » unless written « e[n] 2012 »."""
    seed = exact(SEED.read_text(encoding="utf-8"))
    problems = [(where, text, why) for where, text in quotes(kit) if (why := exact_problem(text, seed, kit))]
    assert problems == []


def test_the_exact_check_sees_a_cut_opening_and_an_unmarked_correction(kit: Kit) -> None:
    seed = exact(SEED.read_text(encoding="utf-8"))
    assert exact_problem("qui présente l'état des lieux du mouvement de co-construction en territoire", seed, kit) is None
    assert exact_problem("Présente l'état des lieux du mouvement de co-construction en territoire", seed, kit)
    assert exact_problem("[P]résente l'état des lieux du mouvement de co-construction en territoire", seed, kit) is None
    assert exact_problem("résente l'état des lieux", seed, kit)  # a cut inside a word
    assert exact_problem("coproduit par l'ORSE et Le RAMEAU en 2012", seed, kit)
    assert exact_problem("coproduit par l'ORSE et Le RAMEAU e[n] 2012", seed, kit) is None
    assert exact_problem("Comisis – Opi[nion] Way", seed, kit) is None  # a recorded correction
    assert exact_problem("C[a]lavar / LR", seed, kit)  # no correction recorded: a name keeps its letters
    assert exact_problem("le Labo régional [...] d'Alsace, le CBE Lille Métropole", seed, kit) is None
    # A cut may take the punctuation beside it, never part of a word.
    assert exact_problem("[…] l'émergence collective d'activités économiques […]", seed, kit) is None
    assert exact_problem("[…] mergence collective d'activités économiques", seed, kit)
    assert exact_problem("l'émergence collective d'activités économi […]", seed, kit)
    assert exact_problem("Il est illustré d'exemples concrets de territoires", seed, kit) is None
    assert exact_problem("il est illustré d'exemples concrets", seed, kit)


def test_one_rule_for_misspellings_inside_quotations_stated_and_applied(kit: Kit) -> None:
    """A misspelling the data corrects is corrected in brackets inside a quotation (« e[n] 2012 »); any other
    letters stay as written (« CALAVAR »); the rule is a choice, and the page the README points to says it."""
    rule = next(c for c in kit.choices if c.subject.startswith("Coquilles et graphies dans les citations"))
    assert "e[n] 2012" in rule.reason and "CALAVAR" in rule.reason
    # Each kind of edit the data makes is named: a cut, a capital put at a quotation's head or made small.
    assert all(
        mark in rule.reason and mark in (rule.reason_en or "") for mark in ("[…]", "[A]u travers de", "[l]e développement")
    )
    page = " ".join(CONTRADICTIONS_PAGE.read_text(encoding="utf-8").split())
    assert f"| {rule.kind} | {rule.subject_en} |" in page and "« e[n] 2012 »" in page and "« CALAVAR »" in page
    orse = next(d for d in kit.documents if d.id == "guide-orse-partenariats")
    rural = next(d for d in kit.documents if d.id == "note-territoires-ruraux")
    assert "Le RAMEAU e[n] 2012." in orse.description and "le CALAVAR," in rural.description
    # Applied to every quotation: where a quotation holds a misspelling the data corrects, it is corrected
    # with its letters in brackets, never silently, nor left as the kit wrote it.
    seed = exact(SEED.read_text(encoding="utf-8"))
    corrections = [(form, c.choice) for c in kit.choices if c.kind == "correction" for form in c.seed_forms]
    for where, text in quotes(kit):
        for form, fixed in corrections:
            plain = exact(text).rstrip(" .,;:")
            assert form.casefold() not in plain.casefold(), (where, form)
            held = re.search(re.escape(fixed), plain, flags=re.IGNORECASE)
            silently = held is not None and plain[: held.start()] + form + plain[held.end() :] in seed
            assert not silently, (where, fixed)


def test_the_check_sees_an_edited_quote(kit: Kit) -> None:
    """The issue's own examples of drift are caught."""
    seed = corrected_seed(kit)
    assert found("La co-construction de la solution Silver Geek a pu être réalisée en atelier de travail", seed)
    assert not found("La co-construction de la solution Silver Geek a été réalisée en atelier de travail", seed)
    assert not found("Les 4 dimensions de l'animation territoriale, mais leur détail figurait dans un schéma", seed)


def test_words_in_guillemets_in_gaps_and_notes_are_the_seed_s(kit: Kit) -> None:
    """What our own sentences quote (« … ») is the seed's, letter for letter, case included (a capital made
    small is marked: « [l]e développement »), as written or as corrected."""
    text = SEED.read_text(encoding="utf-8")
    for choice in kit.choices:
        if choice.kind == "correction":
            for form in choice.seed_forms:
                text = text.replace(form, choice.choice)
    corrected = exact(text)
    texts = [*kit.about.gaps, *kit.about.gaps_en, *(n for d in kit.documents for n in (*d.notes, *d.notes_en))]
    quoted = [q for text in texts for q in re.findall(r"«\s*([^«»]+?)\s*»", text)]
    assert len(quoted) > 80
    exact_seed = exact(SEED.read_text(encoding="utf-8"))
    assert [q for q in quoted if exact_problem(q, exact_seed, kit) and exact_problem(q, corrected, kit)] == []


def test_the_gaps_quote_exactly_and_infer_nothing(kit: Kit) -> None:
    gaps = " ".join(kit.about.gaps).replace("\u00a0", " ")
    assert "« Les 4 dimensions de l'animation territoriale sur la co-construction »" in gaps
    assert "schéma" not in gaps and "figurait" not in gaps
    assert len(kit.about.gaps_en) == len(kit.about.gaps)


def test_summaries_are_marked_and_few(kit: Kit) -> None:
    summaries = [d.id for d in kit.documents if d.description_kind == "summary"]
    assert summaries == ["rex-labo-alsace", "rex-charenton-saint-maurice"]
    seed = corrected_seed(kit)
    for d in kit.documents:
        if d.description_kind == "summary":
            # A summary is not a quote in disguise: at least one of its sentences is not in the seed.
            assert not all(found(s, seed) for s in sentences(d.description)), d.id


# --- audiences: written for (the seed says so) and concerns (a reading) ---------------------------


def test_written_for_only_where_the_seed_says_a_destination_de(kit: Kit) -> None:
    raw = normalise(SEED.read_text(encoding="utf-8"))
    said = re.findall(r"à destination (?:des?|du) [^,]+", raw)
    written = [(d.id, w) for d in kit.documents for w in d.written_for]
    # As many « written for » as the seed has « à destination de », each quoting one of them.
    assert len(written) == len(said) == 2
    for doc_id, w in written:
        assert w.quote.startswith("à destination d"), doc_id
        assert normalise(w.quote) in said, doc_id
        assert normalise(w.quote) in normalise(next(d.description for d in kit.documents if d.id == doc_id))
    roles = {doc_id: w.role for doc_id, w in written}
    assert roles == {"guide-construire-ensemble": "company", "referentiel-cides-partenariats": "association"}


def test_concerns_are_readings_resting_on_a_seed_phrase(kit: Kit) -> None:
    seed = corrected_seed(kit)
    concerned = {d.id: [c.role for c in d.concerns] for d in kit.documents if d.concerns}
    assert concerned == {
        "referentiel-co-construction-territoire": ["academic"],
        "rex-labo-alsace": ["facilitator"],
        "rex-charenton-saint-maurice": ["public"],
        "animer-co-construction-territoriale": ["facilitator"],
        "piloter-experimentation-collective": ["public"],
        "accompagner-entreprises": ["facilitator", "company"],
        "accompagner-associations": ["facilitator", "association"],
        "accompagner-partenariat": ["facilitator"],
        "etudes-phare": ["academic"],
        "etude-etat-des-lieux-co-construction": ["academic"],
        "note-diversite-accompagnement": ["facilitator"],
        "note-entreprise-responsable": ["company"],
        "note-investir-secteur-associatif": ["association"],
        "guide-engagement-associatif-salaries": ["company"],
        "fiche-diagnostic-structure-animation": ["facilitator"],
    }
    # The media: the kit ties nothing to them, and the data invents no tie.
    assert not any(c.role == "media" for d in kit.documents for c in d.concerns)
    for d in kit.documents:
        for c in d.concerns:
            assert found(c.rests_on, seed) and "destination" not in c.rests_on, d.id
            assert c.reading != c.rests_on and c.reading_en, d.id
            # A reading says nothing the seed phrase does not: « animer » is not « investiguer l'animation ».
            assert "animer la co-construction" not in c.reading, d.id


def test_compatibility_views_follow_written_for(kit: Kit) -> None:
    docs = {d.id: d for d in kit.documents}
    guide = docs["guide-construire-ensemble"]
    assert guide.audiences == ("company",)
    assert guide.audience_reason == "à destination des chefs d'entreprise"
    assert guide.audience_reason_en == "intended for business leaders"
    assert docs["accompagner-entreprises"].audiences == () and docs["accompagner-entreprises"].audience_reason is None
    phare = kit.about.research[1]
    assert phare.items == tuple(e.text for e in phare.entries)


# --- the figures, the research, the links --------------------------------------------------------


def test_the_four_modes_of_action_have_their_scope(kit: Kit) -> None:
    modes = [f for f in kit.about.figures if f.quote and "modes d'actions" in f.quote and f.value.endswith("%")]
    assert [f.value for f in modes] == ["42 %", "30 %", "25 %", "16 %"]
    assert sum(int(f.value.split()[0]) for f in modes) > 100
    for f in modes:
        assert "au moins dix salariés" in f.measure and "at least ten employees" in (f.measure_en or "")
        assert f.scope and "100\u00a0%" in f.scope and f.scope_en and "100%" in f.scope_en
        assert "des partenariats sont" not in f.measure  # not a share of all partnerships


def test_research_items_point_at_the_documents_they_plainly_are(kit: Kit) -> None:
    linked = {e.text: e.documents for w in kit.about.research for e in w.entries if e.documents}
    assert linked == {
        "Le programme PHARE de l'Observatoire des partenariats": ("etudes-phare",),
        "Une étude sur la co-construction en territoire réalisée auprès des pionniers des alliances en territoire": (
            "etude-etat-des-lieux-co-construction",
        ),
    }


def test_phare_carries_the_observatoire_and_opinion_way_is_a_recorded_correction(kit: Kit) -> None:
    phare = next(d for d in kit.documents if d.id == "etudes-phare")
    assert [c.name for c in phare.credits] == ["Observatoire des partenariats"]
    correction = next(c for c in kit.choices if c.choice == "Opinion Way")
    assert correction.kind == "correction" and set(correction.seed_forms) == {"Opionion Way", "Opinionion Way"}


def test_the_seed_s_links_are_on_their_documents(kit: Kit) -> None:
    links = {d.id: [link.url for link in d.links] for d in kit.documents if d.links}
    assert links == {
        "rex-labo-alsace": ["www.lalabo-partenariats.org"],
        "rex-silver-geek": ["http://collectifsilvergeek.tumblr.com/"],
    }
    seed = SEED.read_text(encoding="utf-8")
    every = [link for d in kit.documents for link in d.links] + [link for f in kit.about.forms for link in f.example.see_also]
    for link in every:
        assert link.url in seed
        assert re.match(r"(?:https?://|www\.)", link.url)


def test_footnotes_3_and_5_are_pointers_not_sources(kit: Kit) -> None:
    for form in kit.about.forms:
        source = form.example.source or ""
        assert "www." not in source and "http" not in source, form.id
    assert [len(f.example.see_also) for f in kit.about.forms] == [0, 1, 1]


def test_footnote_1_is_a_related_document_not_the_charenton_report(kit: Kit) -> None:
    """The annex cites an Accenture report for its example; the kit never says it is `rex-charenton-…` (LR, 2013)."""
    rex = next(d for d in kit.documents if d.id == "rex-charenton-saint-maurice")
    (footnote,) = rex.mentions
    assert footnote.relation == "related" and "(Accenture, février 2016)" in footnote.quote
    assert "L'évaluation de l'initiative réalisée en 2016 par Accenture" in footnote.where
    assert (rex.authors, rex.year) == (("Le RAMEAU",), 2013)
    choice = next(c for c in kit.choices if "note 1 de l'annexe 3" in c.subject)
    assert choice.kind == "reading" and "notre lecture" in choice.reason
    # Nothing calls the footnote a conflicting author or date any more.
    texts = [c.reason for c in kit.choices if c.kind == "contradiction"] + list(rex.notes)
    assert not any("Accenture" in text and "majorité" in text for text in texts)
    # Every other mention is about its own document.
    assert [d.id for d in kit.documents for m in d.mentions if m.relation] == ["rex-charenton-saint-maurice"]


def test_who_the_kit_is_for_and_footnote_2(kit: Kit) -> None:
    assert kit.about.intended_for and "acteurs territoriaux ou nationaux" in kit.about.intended_for
    guide = next(d for d in kit.documents if d.id == "guide-construire-ensemble")
    assert any("typologie de 9 modalités" in m.quote for m in guide.mentions)
    assert any(m.where == "Annexe 3, note 2" for m in guide.mentions)


def test_path_purposes_say_where_they_come_from(kit: Kit) -> None:
    for path in kit.paths:
        assert path.purpose_source and path.purpose_source_en, path.id
    support = next(p for p in kit.paths if p.id == "support")
    assert support.purpose == support.title


# --- choices and their page -------------------------------------------------------------------------

CONTRADICTIONS = (
    "Année de l'",
    "Nom de l'initiative de Charenton",
    "Charenton : dialogue territorial",
    "Titres donnés différemment",
    "Deux ou trois objectifs",
    "Auteur de l'évaluation de Silver Geek",
    "Graphie du Celavar",
)


def test_every_contradiction_of_the_issue_is_a_choice(kit: Kit) -> None:
    subjects = [c.subject.replace("\u00a0", " ") for c in kit.choices]
    for needle in CONTRADICTIONS:
        assert any(s.startswith(needle) for s in subjects), needle
    titles = next(c for c in kit.choices if c.subject.startswith("Titres"))
    for doc in ("referentiel-co-construction-territoire", "guide-orse-partenariats", "guide-engagement-associatif-salaries"):
        assert doc in titles.documents
    majority = [c for c in kit.choices if "règle de la majorité" in c.reason.casefold()]
    assert len(majority) >= 7


# Each document the seed names otherwise than its title, with the seed's phrase that names it so.
TITLE_VARIANTS = {
    "referentiel-co-construction-territoire": "Le référentiel « co-construction territoriale »",
    "note-co-construction-territoire": "note de réflexion stratégique",
    "note-modeles-co-construction-territoriale": "note prospective sur les modèles de co-construction en territoire",
    "evaluer-utilite-societale": "Evaluer l'utilité sociétale d'un partenariat",
    "note-diversite-accompagnement": "formes d'accompagnement",
    "note-entreprise-responsable": "note stratégique",
    "guide-engagement-associatif-salaries": "Construire ensemble l'engagement associatif des salariés",
    "guide-orse-partenariats": "guide pratique sur les partenariats",
    "film-3-exemples": "Un film court sur 3 exemples complémentaires de co-construction en territoire",
    "guide-construire-ensemble": "Le guide « Construire Ensemble » à destination des chefs d'entreprise",
    "mooc-partenariats": "Se former aux enjeux et à la pratique des partenariats associations-entreprises",
    "mooc-alliances-territoires": "MOOC ESSEC / LR, 2016",  # the « Comprendre » table: no MOOC title
    "rex-labo-alsace": "celui du lancement du Labo régional des partenariats d'Alsace en 2012",
}


@pytest.mark.parametrize(("doc_id", "phrase"), TITLE_VARIANTS.items())
def test_every_title_variant_is_recorded_with_its_seed_phrase(kit: Kit, doc_id: str, phrase: str) -> None:
    """Recorded as the others are: the title choice names the phrase and the document, the document's notes
    quote it in both languages (`kit show` tells it), and the phrase is the seed's, letter for letter."""
    seed = exact(SEED.read_text(encoding="utf-8"))
    assert exact_problem(phrase, seed, kit) is None
    titles = next(c for c in kit.choices if c.subject.startswith("Titres"))
    assert doc_id in titles.documents

    def holds(text: str) -> bool:
        return phrase.casefold() in spaced(text).casefold()

    assert holds(titles.reason) and holds(titles.reason_en or "")
    d = next(d for d in kit.documents if d.id == doc_id)
    assert not holds(d.title)
    assert any(holds(note) for note in d.notes), d.notes
    assert any(holds(note) for note in d.notes_en), d.notes_en


def test_the_labo_keeps_each_of_its_two_names_where_the_seed_writes_it(kit: Kit) -> None:
    """« en Alsace » (the tables, annex 3's example) and « d'Alsace » (the film, the report's description, annex 1,
    footnote 3): the title follows the tables, and the note says both."""
    seed = SEED.read_text(encoding="utf-8")
    assert seed.count("partenariats en Alsace") == 3 and seed.count("partenariats d'Alsace") == 4
    alsace = next(d for d in kit.documents if d.id == "rex-labo-alsace")
    assert alsace.title.endswith("Le Labo régional des partenariats en Alsace")
    note = next(spaced(n) for n in alsace.notes if "chaque citation garde le sien" in n)
    assert "« Labo régional des partenariats en Alsace »" in note and "« Labo régional des partenariats d'Alsace »" in note


def test_the_contradictions_page_table_is_the_kit_s_choices(kit: Kit) -> None:
    page = CONTRADICTIONS_PAGE.read_text(encoding="utf-8")
    section = page.split("## Where the seed contradicts itself", 1)[1].split("\n## ", 1)[0]
    assert "majority rule" in section
    rows = [line for line in section.splitlines() if line.startswith("| ") and not line.startswith("| ---")][1:]
    assert len(rows) == len(kit.choices)
    for row, choice in zip(rows, kit.choices, strict=True):
        assert row.startswith(f"| {choice.kind} | {choice.subject_en} |"), row


# --- English that is English ---------------------------------------------------------------------

# Texts that are the same word in both languages (names, numbers).
SAME_IN_ENGLISH = {
    "Illustrations",
    "Silver Geek",
    "Charenton Saint Maurice",
    "2015-2016",
    "film",
    "MOOC",
    "benchmark",
    "guide",
    "Opinion Way",
    "Celavar",
    "CIDES Chorum",
    "2014",
    "Le RAMEAU",
    # corrections and choices that are the seed's own French words
    "s'approprier",
    "en 2012",
    "COPILS",
    "Le RAMEAU, 2013",
}


def pairs(node: object, where: str = "kit") -> Iterator[tuple[str, object, object]]:
    """(where, French value, English value) for every field that has an `_en` sibling, kit-wide."""
    from pydantic import BaseModel

    if isinstance(node, BaseModel):
        fields = type(node).model_fields
        for name in fields:
            value = getattr(node, name)
            if f"{name}_en" in fields:
                yield f"{where}.{name}", value, getattr(node, f"{name}_en")
            yield from pairs(value, f"{where}.{name}")
    elif isinstance(node, tuple):
        for i, item in enumerate(node):
            yield from pairs(item, f"{where}[{i}]")


def test_every_field_shown_in_english_has_its_english(kit: Kit) -> None:
    missing = []
    for where, french, english in pairs(kit):
        if isinstance(french, tuple):
            if french and len(english or ()) != len(french):  # type: ignore[arg-type]
                missing.append(where)
        elif french and not english:
            missing.append(where)
    assert missing == []


def test_the_english_check_fails_on_a_missing_translation(kit: Kit) -> None:
    doc = kit.documents[0].model_copy(update={"kind_en": None, "notes_en": ()})
    broken = kit.model_copy(update={"documents": (doc,)})
    flagged = [w for w, fr, en in pairs(broken) if (fr and not en) or (isinstance(fr, tuple) and len(en or ()) != len(fr))]  # type: ignore[arg-type]
    assert "kit.documents[0].kind" in flagged and "kit.documents[0].notes" in flagged


def test_every_kind_and_date_has_an_english_form(kit: Kit) -> None:
    for d in kit.documents:
        assert d.kind_en, d.id
        assert (d.date is None) == (d.date_en is None), d.id
        assert not re.search(r"[a-zéû]+ \d{4}", d.date_en or "") or d.date_en[0].isupper(), d.id


def test_english_is_not_french_copied(kit: Kit) -> None:
    same = [(w, fr) for w, fr, en in pairs(kit) if isinstance(fr, str) and fr == en and fr not in SAME_IN_ENGLISH]
    assert same == []


def test_translations_stay_faithful(kit: Kit) -> None:
    for where, french, english in pairs(kit):
        if not isinstance(french, str) or not isinstance(english, str):
            continue
        low = english.lower()
        assert "recall" not in low, where  # « rappelle » is not « recalls »
        assert "residential" not in low, where  # « structures d'accueil »
        if "mobilis" not in french.lower():
            assert "mobilis" not in low, where
        # An open list stays open.
        opened = french.count("...") + french.count("…")
        assert english.count("...") + english.count("…") >= opened, where


@pytest.mark.parametrize("field", ["subject_en", "choice_en", "reason_en"])
def test_choices_in_english(kit: Kit, field: str) -> None:
    assert all(getattr(c, field) for c in kit.choices)


# Text fields shown as they are in English mode, and why: names, ids, or the seed's words shown as a quote.
SHOWN_AS_IS = {
    ("About", "title"): "the kit's French title",
    ("About", "publisher"): "a name",
    ("Document", "authors"): "names",
    ("Credit", "name"): "a name",
    ("Concern", "rests_on"): "the seed's words, shown as a quote",
    ("Goal", "rests_on"): "the seed's words, shown as a quote",
    ("GoalDocument", "rests_on"): "the seed's words, shown as a quote",
    ("Need", "rests_on"): "the seed's words, shown as a quote",
    ("Figure", "quote"): "the seed's sentence, shown as a quote",
    ("Example", "source"): "a reference to a French document, quoted",
    ("Link", "url"): "an address",
    ("Choice", "seed_forms"): "the seed's own spellings",
}


def text_fields() -> Iterator[tuple[str, str, set[str]]]:
    """(model name, field name, sibling field names) for every text field of the kit format."""
    import typing

    from pydantic import BaseModel

    seen: set[type[BaseModel]] = set()

    def models(annotation: object) -> Iterator[type[BaseModel]]:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            yield annotation
        for arg in typing.get_args(annotation):
            yield from models(arg)

    def is_text(annotation: object) -> bool:
        if annotation is str:
            return True
        if typing.get_origin(annotation) is typing.Literal:
            return False
        args = typing.get_args(annotation)
        if typing.get_origin(annotation) is typing.Annotated:
            # Slugs (ids) carry the slug pattern; texts carry only the « one visible character » one.
            return args[0] is str and not any(getattr(m, "pattern", None) == SLUG_PATTERN for m in args[1:])
        return any(is_text(a) for a in args)

    todo: list[type[BaseModel]] = [Kit]
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        fields = model.model_fields
        for name, info in fields.items():
            todo.extend(models(info.annotation))
            patterned = any(getattr(m, "pattern", None) == SLUG_PATTERN for m in info.metadata)  # a Slug: an id, not text
            if is_text(info.annotation) and not patterned and not name.endswith("_en"):
                yield model.__name__, name, set(fields)


def test_every_text_field_of_the_format_has_its_english_or_a_reason_not_to() -> None:
    missing = [
        (model, name)
        for model, name, siblings in text_fields()
        if f"{name}_en" not in siblings and (model, name) not in SHOWN_AS_IS
    ]
    assert missing == []
    # The check sees the fields it should: a few known ones are among them.
    names = {(model, name) for model, name, _ in text_fields()}
    assert {("Document", "kind"), ("Figure", "value"), ("Form", "also_named"), ("Choice", "reason")} <= names
    assert ("Document", "id") not in names and ("Document", "category") not in names


def test_the_guide_s_readings_rest_on_seed_phrases(kit: Kit) -> None:
    """Goals and needs are our reading of the kit: each rests on a phrase of the seed, as it writes it."""
    seed = corrected_seed(kit)
    assert kit.guide is not None
    for goal in kit.guide.goals:
        assert found(goal.rests_on, seed), goal.id
        for entry in (*goal.key, *goal.outside):
            assert found(entry.rests_on, seed), (goal.id, entry.document)
            assert entry.reading and entry.reading_en, (goal.id, entry.document)
    for need in kit.guide.needs:
        assert found(need.rests_on, seed), need.id


def test_what_the_kit_says_a_document_gives_is_its_own_words_and_not_its_title(kit: Kit) -> None:
    from coconstruct_cli.search import WORD
    from coconstruct_cli.text import fold

    def words(text: str) -> set[str]:
        return set(WORD.findall(fold(text)))

    for d in kit.documents:
        if d.gives is None:
            # Only where the description says no more than the title.
            assert words(d.description) <= words(d.title) | {"une", "des", "d", "l"}, d.id
            continue
        assert " ".join(d.gives.split()) in " ".join(d.description.split()), d.id
        assert d.gives_en and " ".join(d.gives_en.split()) in " ".join((d.description_en or "").split()), d.id
        # Not a restatement of the title: it holds words the title does not.
        assert words(d.gives) - words(d.title), d.id
    givens = [d.gives for d in kit.documents if d.gives]
    assert len(set(givens)) == len(givens)


def test_the_guide_s_labels_add_nothing_the_seed_does_not_say() -> None:
    """Issue 22, item 5: « (réseau, fondation, agence…) » and « (entreprises, associations) » were ours."""
    from coconstruct_cli.i18n import MESSAGES

    seed = " ".join(SEED.read_text(encoding="utf-8").split())
    assert MESSAGES["goal.support"][0] in seed  # the third path's own words
    assert MESSAGES["role.facilitator"][0] == "Une structure d'animation ou d'accompagnement"


def test_the_diagnostic_sheet_is_translated_with_its_meaning(kit_data: dict[str, Any]) -> None:
    """Issue 22, item 8: « animant le territoire sur les partenariats »: it facilitates the territory, on partnerships."""
    sheet = next(d for d in kit_data["documents"] if d["id"] == "fiche-diagnostic-structure-animation")
    assert sheet["title_en"] == "Diagnostic of an organisation facilitating the territory on partnerships"
    assert "facilitating partnerships in the territory" not in sheet["description_en"]
    # The reading says it as the title does: the organisation facilitates the territory, on partnerships.
    (concern,) = sheet["concerns"]
    assert "facilitates the territory on partnerships" in concern["reading_en"]
    assert "partnerships in the territory" not in concern["reading_en"]


@pytest.mark.parametrize("said", ["institut", "polling institute", "autre kit", "another kit"])
def test_nothing_the_seed_does_not_say_about_names(kit_data: dict[str, Any], said: str) -> None:
    """Issue 22, item 5: the seed calls Opinion Way nothing but its name, and never says what the
    « Kit accompagnement des associations » is."""
    everything = json.dumps({k: v for k, v in kit_data.items() if k != "guide"}, ensure_ascii=False)
    assert said not in everything.casefold()


@pytest.mark.parametrize(
    "id_,kind,seed_words",
    [
        ("rex-silver-geek", "retour d'expérimentation", "Retour d'expérimentation collective"),
        ("etat-des-lieux-partenariats", "document contexte", "Documents contexte"),
    ],
)
def test_a_kind_is_the_seed_s_word(kit_data: dict[str, Any], id_: str, kind: str, seed_words: str) -> None:
    """Issue 22, item 5: Silver Geek's report is an « expérimentation »'s; the seed names the État des lieux a
    context document (« Documents contexte »), never a study."""
    document = next(d for d in kit_data["documents"] if d["id"] == id_)
    assert document["kind"] == kind
    assert seed_words in SEED.read_text(encoding="utf-8")


def test_the_animer_path_s_purpose_is_a_reading_with_its_phrases(kit: Kit) -> None:
    """Issue 22, item 5: the contents table's second objective is not said to be this path's: our reading,
    marked, with the seed's phrases it rests on."""
    path = next(p for p in kit.paths if p.id == "animate")
    assert path.purpose_source is not None and path.purpose_source.startswith("Notre lecture")
    assert path.purpose_source_en is not None and path.purpose_source_en.startswith("Our reading")
    seed = normalise(SEED.read_text(encoding="utf-8"))
    for phrase in re.findall(r"«\s*(.+?)\s*»", path.purpose_source):
        assert normalise(phrase) in seed, phrase
