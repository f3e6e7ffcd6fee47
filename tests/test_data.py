"""The bundled kit against its source: every document, year and path member of the seed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coconstruct_cli.model import Kit
from coconstruct_cli.queries import select
from coconstruct_cli.text import slug
from conftest import EXPECTED_PATHS

# The seed is the team's shared file (`../shared/seed/…` beside the checkout); a verbatim copy is kept
# in tests/fixtures so that the checks run from any clone, and a test keeps the two identical.
SHARED_SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_31a221fa4027225d.txt"
SEED = Path(__file__).resolve().parent / "fixtures" / "seed.txt"

ALIASES = {"understand": "comprendre", "animate": "animer", "support": "accompagner"}

_ITEM = re.compile(r"\((?P<inside>[^()]*(?:\([^()]*\)[^()]*)*)\)\s*$")


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def test_fixture_is_the_shared_seed_verbatim() -> None:
    if not SHARED_SEED.is_file():
        pytest.skip(f"no shared seed beside this checkout ({SHARED_SEED})")
    assert SEED.read_bytes() == SHARED_SEED.read_bytes()


def match(kit: Kit, item: str) -> tuple[str, int]:
    """The document a seed line names, and the year the line gives."""
    found = _ITEM.search(item)
    assert found, item
    label = slug(item[: found.start()].replace("*", ""))
    year = int(re.findall(r"(?:19|20)\d{2}", found.group("inside"))[-1])
    hits = [d.id for d in kit.documents if label in slug(d.title)]
    assert len(hits) == 1, f"{item!r} -> {hits}"
    return hits[0], year


def contents_items(text: str) -> list[str]:
    section = text[text.index("Contenu du Kit") : text.index("Le contenu du kit")]
    return [m.group(1) for m in re.finditer(r"^\s*-\s+(.*\((?:[^()]|\([^()]*\))*\d{4}\))\s*$", section, re.M)]


def path_items(text: str) -> list[list[str]]:
    usage = text[text.index("Comment utiliser le kit") : text.index("ANNEXE 1")]
    chunks = usage.split("A cette fin, sont à disposition dans ce kit les documents suivants :")[1:]
    out = []
    for chunk in chunks:
        flat = re.sub(r"<[^>]+>", "", chunk)
        pieces = re.split(r"•|\t|\n|(?<=[:)])-\s*", flat)
        out.append([p.strip() for p in pieces if re.search(r"\d{4}\)\s*$", p.strip())])
    return out


def test_every_document_of_the_contents_table_is_there_with_its_year(kit: Kit) -> None:
    items = contents_items(seed_text())
    assert len(items) == 36
    matched = [match(kit, item) for item in items]
    assert sorted(i for i, _ in matched) == sorted(d.id for d in kit.documents)
    docs = {d.id: d for d in kit.documents}
    differ = [doc_id for doc_id, year in matched if docs[doc_id].year != year]
    # Only the one year the majority rule takes from the path tables differs, and its notes keep the other.
    assert differ == ["etat-des-lieux-partenariats"]
    assert any("2016" in note for note in docs["etat-des-lieux-partenariats"].notes)


def test_kit_order_follows_the_contents_table(kit: Kit) -> None:
    assert [match(kit, i)[0] for i in contents_items(seed_text())] == [d.id for d in kit.documents]


@pytest.mark.parametrize("index,path_id", [(0, "understand"), (1, "animate"), (2, "support")])
def test_path_membership_matches_the_seed_tables(kit: Kit, index: int, path_id: str) -> None:
    items = path_items(seed_text())[index]
    matched = [match(kit, item) for item in items]
    assert [i for i, _ in matched] == EXPECTED_PATHS[path_id]
    path = next(p for p in kit.paths if p.id == path_id)
    assert set(path.documents) == {i for i, _ in matched}
    docs = {d.id: d for d in kit.documents}
    for doc_id, year in matched:
        if docs[doc_id].year != year:
            # Only a contradiction recorded in the document's notes may differ from the table.
            assert any(str(year) in note for note in docs[doc_id].notes), doc_id


@pytest.mark.parametrize("path_id", list(EXPECTED_PATHS))
def test_paths_in_reading_order_by_id_and_alias(kit: Kit, path_id: str) -> None:
    by_name = {p.id: p for p in kit.paths} | {p.alias: p for p in kit.paths}
    assert by_name[path_id] is by_name[ALIASES[path_id]]
    assert [d.id for d in select(kit, path=by_name[path_id]).documents] == EXPECTED_PATHS[path_id]


def test_categories_in_kit_order_with_french_labels(kit: Kit) -> None:
    assert [(c.id, c.label) for c in kit.categories] == [
        ("reference", "Cadre de référence"),
        ("illustrations", "Illustrations"),
        ("method", "Méthode"),
        ("toolbox", "Boîte à outils"),
    ]
    counts = {c.id: sum(d.category == c.id for d in kit.documents) for c in kit.categories}
    assert counts == {"reference": 3, "illustrations": 6, "method": 9, "toolbox": 18}


def test_contradictions_are_recorded(kit: Kit) -> None:
    docs = {d.id: d for d in kit.documents}
    assert docs["etat-des-lieux-partenariats"].year == 2014
    assert any("2016" in n for n in docs["etat-des-lieux-partenariats"].notes)
    assert docs["etudes-phare"].authors == ("Comisis", "Opinion Way")
    assert any("Opionion" in n and "Opinionion" in n for n in docs["etudes-phare"].notes)
    assert any("CALAVAR" in n for n in docs["note-territoires-ruraux"].notes)
    subjects = " ".join(c.subject + c.reason for c in kit.choices)
    for needle in ("2014", "Opinion Way", "Celavar", "accompagnement des associations", "CIDES Chorum"):
        assert needle in subjects


def test_audiences_only_where_the_seed_names_the_reader(kit: Kit) -> None:
    addressed = {d.id: d.audiences for d in kit.documents if d.audiences}
    assert addressed == {"guide-construire-ensemble": ("company",), "referentiel-cides-partenariats": ("association",)}
    assert not {"public", "academic", "media", "other"} & {a for aud in addressed.values() for a in aud}
    text = seed_text()
    assert "à destination des chefs d'entreprise" in text and "à destination des dirigeants associatifs" in text


def test_no_url_the_seed_does_not_give(kit_data: dict[str, object]) -> None:
    import json

    dumped = json.dumps(kit_data, ensure_ascii=False)
    seed = seed_text()
    for url in re.findall(r"(?:https?://|www\.)[^\s\"»)]+", dumped):
        assert url.rstrip(".,;") in seed


def test_every_figure_comes_from_the_seed(kit: Kit) -> None:
    seed = seed_text().replace("\u00a0", " ")
    folded_seed = slug(seed)
    for figure in kit.about.figures:
        assert figure.value.replace(" %", "%").lower() in seed.lower()
        # Every long word of what the figure measures is a word of the seed.
        for word in re.findall(r"\w{6,}", figure.measure):
            assert slug(word) in folded_seed, (figure.value, word)
        if figure.year is not None:
            assert f"En {figure.year}, c'est 1,2 million" in seed
    assert [f.year for f in kit.about.figures].count(None) == 3


def test_forms_quote_the_seed_definitions(kit: Kit) -> None:
    folded_seed = slug(seed_text())
    for form in kit.about.forms:
        for sentence in re.split(r"(?<=[.!?])\s+", form.definition):
            words = slug(sentence).split("-")
            # Each sentence of a definition follows the seed: its words in order, a few at a time.
            for start in range(0, max(1, len(words) - 3), 4):
                assert "-".join(words[start : start + 4]) in folded_seed, sentence


def test_english_beside_french_everywhere(kit: Kit) -> None:
    assert all(d.title_en and d.description_en for d in kit.documents)
    assert all(p.title_en and p.purpose_en for p in kit.paths)
    assert [c.label_en for c in kit.categories] == ["Reference framework", "Illustrations", "Method", "Toolbox"]


def test_every_year_follows_the_majority_rule(kit: Kit) -> None:
    """The year kept is the one the seed's tables give most often; on a tie, the contents table's."""
    from collections import Counter

    text = seed_text()
    given: dict[str, list[int]] = {}
    for items in [contents_items(text), *path_items(text)]:
        for item in items:
            doc_id, year = match(kit, item)
            given.setdefault(doc_id, []).append(year)
    for d in kit.documents:
        counts = Counter(given[d.id]).most_common()
        top = [year for year, n in counts if n == counts[0][1]]
        expected = top[0] if len(top) == 1 else given[d.id][0]
        assert d.year == expected, (d.id, given[d.id])
    assert given["etat-des-lieux-partenariats"] == [2016, 2014, 2014]
