"""The kit format's new fields: links that are safe to follow, audiences checked, research links, records."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from coconstruct_cli.errors import KitFileError
from coconstruct_cli.loader import load_kit
from coconstruct_cli.model import Kit, Link, kit_problems
from coconstruct_cli.queries import document_fields, plain, record

GOOD_URLS = [
    "http://collectifsilvergeek.tumblr.com/",
    "https://example.org",
    "www.lalabo-partenariats.org",
    "https://a.example.org:8443/path?q=1#part",
]
BAD_URLS = [
    "javascript:alert(1)",
    "JAVASCRIPT://example.org",
    "data:text/html,<script>",
    "ftp://example.org/file",
    "mailto:someone@example.org",
    "//example.org",
    "example.org",
    "www.",
    "wwwexample.org",
    "http://",
    "http://exa mple.org",
    'https://example.org/"onmouseover=x',
    "https://example.org/<script>",
    "http://localhost",
    " https://example.org",
]


@pytest.mark.parametrize("url", GOOD_URLS)
def test_a_link_may_be_http_https_or_a_bare_www(url: str) -> None:
    assert Link(url=url, label="voir").url == url


@pytest.mark.parametrize("url", BAD_URLS)
def test_any_other_link_is_refused(url: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Link(url=url, label="voir")
    assert caught.value.errors()[0]["type"] in ("kit_url", "string_too_long")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_no_text_without_a_web_scheme_becomes_a_link(text: str) -> None:
    try:
        link = Link(url=text, label="voir")
    except ValidationError:
        return
    assert link.url.startswith(("http://", "https://", "www."))
    assert not any(c.isspace() or c in "<>\"'`\\" for c in link.url)


def test_a_kit_file_with_a_bad_link_is_invalid(write_kit: Any) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["documents"][5]["links"][0]["url"] = "javascript:alert(1)"

    with pytest.raises(KitFileError) as caught:
        load_kit(write_kit(edit))
    assert "documents[5 = rex-labo-alsace].links[0].url" in str(caught.value)


def test_the_former_audience_fields_are_gone_from_the_format(write_kit: Any) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["documents"][0]["audiences"] = ["company"]

    with pytest.raises(KitFileError) as caught:
        load_kit(write_kit(edit))
    assert "audiences" in str(caught.value)


def test_roles_are_checked(kit_data: dict[str, Any]) -> None:
    data: dict[str, Any] = {**kit_data, "documents": [dict(d) for d in kit_data["documents"]]}
    guide = next(d for d in data["documents"] if d["id"] == "guide-construire-ensemble")
    quote = guide["written_for"][0]
    guide["written_for"] = [quote, quote]
    guide["concerns"] = [{"role": "company", "reading": "lecture", "rests_on": "mots"}]
    problems = [(where, key) for where, key, _ in kit_problems(data)]
    where = "documents[28 = guide-construire-ensemble]"
    assert (f"{where}.written_for", "val.duplicate_role") in problems
    assert (f"{where}.concerns", "val.role_written_for") in problems


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d.update(gives="des mots absents"), "cite la description"),
        (lambda d: d.update(gives_en="words that are not there"), "cite la description"),
        (lambda d: d.update(written_for=[*d["written_for"], d["written_for"][0]]), "rôle en double"),
        (
            lambda d: d.update(concerns=[{"role": d["written_for"][0]["role"], "reading": "x", "rests_on": "y"}]),
            "un document écrit pour un rôle",
        ),
    ],
)
def test_a_validated_kit_s_documents_are_checked_one_by_one_when_one_is_unsound(write_kit: Any, edit: Any, message: str) -> None:
    # The quick pass over a validated kit (`model._documents_sound`) must see what the checks one by one
    # report: each of these, on the last document that names a role, is told.
    def change(data: dict[str, Any]) -> None:
        edit(next(d for d in reversed(data["documents"]) if d.get("written_for") and d.get("gives_en")))

    with pytest.raises(KitFileError) as caught:
        load_kit(write_kit(change))
    assert message in str(caught.value)


def test_gives_may_differ_from_the_description_in_its_spaces_only(write_kit: Any) -> None:
    def change(data: dict[str, Any]) -> None:
        document = next(d for d in data["documents"] if d.get("gives") and " " in d["gives"])
        document["gives"] = document["gives"].replace(" ", "  \n ", 1)

    load_kit(write_kit(change))


def test_research_and_form_references_point_at_real_documents(kit_data: dict[str, Any]) -> None:
    import copy

    data = copy.deepcopy(kit_data)
    data["about"]["research"][1]["entries"][0]["documents"] = ["etudes-phares"]
    data["about"]["forms"][1]["references"][0]["documents"] = ["guide"]
    problems = [(where, key, params["value"]) for where, key, params in kit_problems(data)]
    assert ("about.research[1].entries[0].documents", "val.unknown_document", "etudes-phares") in problems
    assert ("about.forms[1].references[0].documents", "val.unknown_document", "guide") in problems


def test_the_bundled_kit_has_no_problem(kit: Kit) -> None:
    assert kit_problems(kit) == []


def test_records_keep_audiences_and_add_the_new_fields_at_the_end(kit: Kit) -> None:
    assert document_fields()[:15] == (
        "id", "title", "title_en", "category", "subcategory", "authors", "year", "date", "kind",
        "description", "description_en", "parts", "audiences", "paths", "notes",
    )  # fmt: skip
    assert document_fields()[15:17] == ("written_for", "concerns")
    guide = next(d for d in kit.documents if d.id == "guide-construire-ensemble")
    out = plain(record(guide, ["support"], "Le RAMEAU"))
    assert list(out) == list(document_fields())
    assert out["audiences"] == ["company"]
    assert out["written_for"] == [
        {"role": "company", "quote": "à destination des chefs d'entreprise", "quote_en": "intended for business leaders"}
    ]
    silver = plain(record(next(d for d in kit.documents if d.id == "rex-silver-geek"), [], "Le RAMEAU"))
    assert silver["links"][0]["url"] == "http://collectifsilvergeek.tumblr.com/"
    assert silver["audiences"] == [] and silver["concerns"] == []


def test_the_schema_tells_the_link_rule() -> None:
    import re

    pattern = Kit.model_json_schema()["$defs"]["Link"]["properties"]["url"]["pattern"]
    assert all(re.fullmatch(pattern, url) for url in GOOD_URLS)
    assert not any(re.fullmatch(pattern, url) for url in BAD_URLS)
