"""The pure questions of `queries.py`: dates and kinds in the reader's language, the record of a
document and of a path, and how a record value is written on one line."""

from __future__ import annotations

import json

from coconstruct_cli.model import Kit
from coconstruct_cli.queries import (
    PUBLISHED,
    document_fields,
    kind,
    path_record,
    paths_by_document,
    plain,
    readable,
    reading_order,
    record,
    when,
)
from coconstruct_cli.render.jsonout import dumps
from conftest import doc


def test_a_date_in_words_is_written_in_the_reader_s_language(kit: Kit) -> None:
    referentiel = doc(kit, "referentiel-co-construction-territoire")
    assert when(referentiel, "fr") == "novembre 2016"
    assert when(referentiel, "en") == "November 2016"
    # Where room is short, a date in words gives way to its year, in both languages.
    assert when(referentiel, "fr", compact=True) == when(referentiel, "en", compact=True) == "2016"


def test_a_period_in_figures_is_the_same_in_both_languages_and_a_year_alone_is_the_year(kit: Kit) -> None:
    phare = doc(kit, "etudes-phare")
    assert when(phare, "fr") == when(phare, "en") == when(phare, "en", compact=True) == "2015-2016"
    plain = doc(kit, "mooc-partenariats")
    assert plain.date is None and when(plain, "fr") == when(plain, "en") == str(plain.year)


def test_without_an_english_date_english_gets_the_year_never_french_words(kit: Kit) -> None:
    referentiel = doc(kit, "referentiel-co-construction-territoire").model_copy(update={"date_en": None})
    assert when(referentiel, "en") == "2016"
    period = doc(kit, "etudes-phare").model_copy(update={"date_en": None})
    assert when(period, "en") == "2015-2016"


def test_the_kind_in_the_reader_s_language(kit: Kit) -> None:
    referentiel = doc(kit, "referentiel-co-construction-territoire")
    assert (kind(referentiel, "fr"), kind(referentiel, "en")) == ("référentiel", "reference guide")
    assert kind(referentiel.model_copy(update={"kind_en": None}), "en") == "référentiel"


def test_a_record_holds_every_field_in_the_contract_s_order(kit: Kit) -> None:
    guide = doc(kit, "guide-construire-ensemble")
    data = json.loads(dumps(record(guide, ["support"], "Le RAMEAU")).decode())
    assert tuple(data) == document_fields() == PUBLISHED  # the bundled model adds no field yet
    assert data["written_for"] == [
        {"role": "company", "quote": "à destination des chefs d'entreprise", "quote_en": "intended for business leaders"}
    ]
    assert data["audiences"] == ["company"] and data["concerns"] == []
    assert data["date_en"] == "April 2014" and data["kind_en"] == "guide" and data["description_kind"] == "quote"
    assert [m["where_en"] for m in data["mentions"]][-1] == "Annex 3, footnote 2"
    links = plain(record(doc(kit, "rex-labo-alsace"), [], "Le RAMEAU"))["links"]
    assert [link["url"] for link in links] == ["www.lalabo-partenariats.org"]


def test_a_record_is_the_same_json_written_or_made_plain(kit: Kit) -> None:
    # Records hold the model's tuples and objects (no copy per document); the JSON writer and `plain`
    # must agree on every document of the kit, and `plain` gives only JSON values.
    by_document = paths_by_document(kit)
    written = [record(d, by_document[d.id], kit.about.publisher) for d in kit.documents]
    made_plain = [plain(r) for r in written]
    assert json.loads(dumps(written).decode()) == made_plain
    assert json.loads(json.dumps(made_plain)) == made_plain
    assert any(r["written_for"] for r in made_plain) and any(r["links"] for r in made_plain)


def test_a_path_record_says_where_its_purpose_comes_from(kit: Kit) -> None:
    support = next(p for p in kit.paths if p.id == "support")
    data = path_record(kit, support)
    assert list(data)[-2:] == ["purpose_source", "purpose_source_en"]
    assert data["purpose_source_en"].startswith("The path's title")


def test_a_record_value_is_one_readable_line() -> None:
    assert readable(None) == "" and readable(True) == "true" and readable(2014) == "2014"
    assert readable(["MEDEF", "Le RAMEAU"]) == "MEDEF ; Le RAMEAU"
    written = {"role": "company", "quote": "à destination des chefs d'entreprise", "quote_en": "intended for business leaders"}
    assert readable([written]) == "company: à destination des chefs d'entreprise"
    concern = {"role": "facilitator", "reading": "une lecture", "reading_en": "a reading", "rests_on": "les mots"}
    assert readable([concern, written]) == "facilitator: une lecture — les mots ; company: à destination des chefs d'entreprise"
    # A reading's goals are joined with « , » (« ; » parts the readings); none, they are left out.
    scoped = [{**concern, "goals": ["understand", "unsure"]}, {**concern, "goals": []}]
    assert readable(scoped) == "facilitator: une lecture — les mots — understand, unsure ; facilitator: une lecture — les mots"
    assert readable([{"url": "www.example.org", "label": "voir", "label_en": None}]) == "www.example.org: voir"


def test_reading_order_is_category_order_then_kit_order(kit: Kit) -> None:
    import random

    rank = {c.id: i for i, c in enumerate(kit.categories)}
    position = {d.id: i for i, d in enumerate(kit.documents)}
    chooser = random.Random(10)
    for size in (0, 1, 5, 20, len(kit.documents)):
        chosen = [d for d in kit.documents if d in chooser.sample(kit.documents, size)]
        expected = sorted(chosen, key=lambda d: (rank[d.category], position[d.id]))
        assert reading_order(kit, chosen) == tuple(expected)
    # a kit listing its documents in another order: grouped by category, the kit's order kept inside
    mixed = kit.model_copy(update={"documents": tuple(reversed(kit.documents))})
    ordered = reading_order(mixed, mixed.documents)
    assert ordered != mixed.documents
    assert [d.category for d in ordered] == sorted((d.category for d in ordered), key=rank.__getitem__)
    assert [d for d in ordered if d.category == "method"] == [d for d in mixed.documents if d.category == "method"]


def test_a_category_filter_shows_one_heading_no_empty_ones() -> None:
    from typer.testing import CliRunner

    from conftest import invoke

    code, out, err = invoke(CliRunner(), "list", "--category", "method", "--format", "md")
    assert code == 0, err
    headings = [line for line in out.splitlines() if line.startswith("## ")]
    assert headings == ["## Méthode"]
