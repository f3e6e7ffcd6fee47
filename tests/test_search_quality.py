"""Search quality, measured: natural queries and the documents a reader of the seed expects.

The expectations were written from the kit's « mode opératoire » (`shared/seed/`) before the
ranking was looked at: for each query, the documents whose title or description, as the seed words
them, answer it. A query counts as found in the top k when one of its expected documents is among
the first k hits. The floor below is the issue's (top 3 ≥ 90 %); `quality()` gives the figures
reported in docs/architecture.md.
"""

from __future__ import annotations

import pytest

from coconstruct_cli.model import Kit
from coconstruct_cli.search import search, search_background

# The documents about facilitating (« animer ») a territory, as their titles say.
ANIMATION = (
    "animer-co-construction-territoriale",
    "rex-labo-alsace",
    "rex-charenton-saint-maurice",
    "benchmark-animation-territoriale",
    "fiche-diagnostic-structure-animation",
)
# Documents about public authorities: Silver Geek gathered « pouvoirs publics »; Charenton is a
# « communauté de communes »; Alsace and Nord / Poitou-Charentes are regions.
PUBLIC = (
    "rex-silver-geek",
    "rex-charenton-saint-maurice",
    "piloter-experimentation-collective",
    "rex-labo-alsace",
    "etudes-territoriales-nord-poitou-charentes",
)
EVALUATION = ("evaluer-utilite-societale", "fiche-checklist-evaluation")
EXPERIMENT = ("piloter-experimentation-collective", "fiche-demarche-experimentation", "rex-silver-geek")
MOOCS = ("mooc-partenariats", "mooc-alliances-territoires")
STUDY = ("realiser-etude-territoriale", "fiche-plan-questionnaire-etude", "etudes-territoriales-nord-poitou-charentes")
ASSOCIATION_COMPANY = (
    "referentiel-cides-partenariats",
    "guide-construire-ensemble",
    "guide-orse-partenariats",
    "evaluer-utilite-societale",
    "mooc-partenariats",
    "etat-des-lieux-partenariats",
)
RSE = ("accompagner-entreprises", "note-entreprise-responsable")

FRENCH: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("animer le territoire", ANIMATION),
    ("comment animer un territoire", ANIMATION),
    ("animation territoriale", ANIMATION),
    ("collectivité", PUBLIC),
    ("évaluer un partenariat", EVALUATION),
    ("évaluation des partenariats", EVALUATION),
    ("evaluation", (*EVALUATION, "rex-silver-geek")),
    ("expérimentation collective", EXPERIMENT),
    ("lancer une experimentation", EXPERIMENT[:2]),
    ("accompagner les entreprises", ("accompagner-entreprises",)),
    ("accompagnement des associations", ("accompagner-associations",)),
    ("partenariats associations entreprises", ASSOCIATION_COMPANY),
    (
        "partenarial",
        (
            "accompagner-partenariat",
            "accompagner-entreprises",
            "accompagner-associations",
            "referentiel-cides-partenariats",
            "guide-orse-partenariats",
        ),
    ),
    ("territoires ruraux", ("note-territoires-ruraux",)),
    ("rural", ("note-territoires-ruraux",)),
    ("étude territoriale", STUDY),
    ("questionnaire", ("fiche-plan-questionnaire-etude",)),
    ("comité de pilotage", ("fiche-supports-copil",)),
    ("COPIL", ("fiche-supports-copil",)),
    ("se former", MOOCS),
    ("formation en ligne", MOOCS),
    ("MOOC", MOOCS),
    ("intérêt général", ("rapport-interet-general",)),
    ("interet general", ("rapport-interet-general",)),
    ("RSE", RSE),
    ("entreprise responsable", ("note-entreprise-responsable",)),
    ("secteur associatif", ("note-investir-secteur-associatif",)),
    ("pourquoi investir dans les associations", ("note-investir-secteur-associatif",)),
    ("engagement des salariés", ("guide-engagement-associatif-salaries",)),
    ("bénévolat des salariés", ("guide-engagement-associatif-salaries",)),
    ("Silver Geek", ("rex-silver-geek",)),
    ("silvr geek", ("rex-silver-geek",)),
    ("Charenton", ("rex-charenton-saint-maurice",)),
    ("Alsace", ("rex-labo-alsace",)),
    ("District Solidaire", ("rex-district-solidaire",)),
    ("PHARE", ("etudes-phare",)),
    ("fragilités des territoires", ("etudes-phare",)),
    ("état des lieux des partenariats en France", ("etat-des-lieux-partenariats",)),
    ("chiffres clés des partenariats", ("etat-des-lieux-partenariats",)),
    ("cartographie des dispositifs", ("benchmark-animation-territoriale",)),
    ("benchmark", ("benchmark-animation-territoriale",)),
    ("diagnostic d'une structure d'animation", ("fiche-diagnostic-structure-animation", "animer-co-construction-territoriale")),
    ("check list", ("fiche-checklist-evaluation",)),
    ("modèles de co-construction", ("note-modeles-co-construction-territoriale", "mooc-alliances-territoires")),
    ("définition de la co-construction", ("note-co-construction-territoire",)),
    ("référentiel co-construction", ("referentiel-co-construction-territoire",)),
    ("quels sont les enjeux des territoires ruraux ?", ("note-territoires-ruraux",)),
    ("diversité de l'accompagnement", ("note-diversite-accompagnement",)),
    ("économie sociale et solidaire", ("etudes-territoriales-nord-poitou-charentes",)),
    ("La Poste", ("etudes-territoriales-nord-poitou-charentes",)),
    ("étapes d'un partenariat", ("accompagner-partenariat", "guide-orse-partenariats")),
    ("film", ("film-3-exemples",)),
    ("exemples de co-construction", ("film-3-exemples", "referentiel-co-construction-territoire")),
    ("évaluer l'utilité sociale", ("evaluer-utilite-societale",)),
)

ENGLISH: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("facilitating the territory", ANIMATION),
    ("how to facilitate co-construction", ANIMATION),
    ("local authorities", PUBLIC),
    ("CSR", RSE),
    ("responsible company", ("note-entreprise-responsable",)),
    ("evaluate a partnership", EVALUATION),
    ("collective experiment", EXPERIMENT),
    ("supporting companies", ("accompagner-entreprises",)),
    ("supporting associations", ("accompagner-associations",)),
    ("non-profit sector", ("note-investir-secteur-associatif",)),
    ("rural territories", ("note-territoires-ruraux",)),
    ("steering committee", ("fiche-supports-copil",)),
    ("employee volunteering", ("guide-engagement-associatif-salaries",)),
    ("general interest", ("rapport-interet-general",)),
    ("territorial study", STUDY),
    ("online training", MOOCS),
    ("key figures on partnerships", ("etat-des-lieux-partenariats",)),
    ("what are the vulnerabilities of territories?", ("etudes-phare",)),
    ("partnerships between associations and companies", ASSOCIATION_COMPANY),
    ("map of schemes", ("benchmark-animation-territoriale",)),
)

CASES = [(q, e, False) for q, e in FRENCH] + [(q, e, True) for q, e in ENGLISH]


def ranked(kit: Kit, query: str, english: bool) -> list[str]:
    return [h.document.id for h in search(kit.documents, query, english).hits]


def quality(kit: Kit) -> tuple[float, float, list[str]]:
    """Share of the queries whose expected document comes first, and within the first three; the misses."""
    top1 = top3 = 0
    misses: list[str] = []
    for query, expected, english in CASES:
        found = ranked(kit, query, english)
        top1 += bool(found[:1]) and found[0] in expected
        if set(found[:3]) & set(expected):
            top3 += 1
        else:
            misses.append(f"{query!r}: {found[:3]}")
    return top1 / len(CASES), top3 / len(CASES), misses


def test_the_set_is_large_enough_and_expects_real_documents(kit: Kit) -> None:
    assert len(CASES) >= 40
    ids = {d.id for d in kit.documents}
    for query, expected, _ in CASES:
        assert expected and set(expected) <= ids, query


def test_top_3_holds_the_expected_document_for_nine_queries_in_ten(kit: Kit) -> None:
    top1, top3, misses = quality(kit)
    assert top3 >= 0.9, misses
    assert top1 >= 0.75, misses


# The five queries of the issue ---------------------------------------------------------------------


@pytest.mark.parametrize("query", ["animer le territoire", "comment animer un territoire", "animation territoriale"])
def test_animation_documents_come_first(kit: Kit, query: str) -> None:
    found = ranked(kit, query, False)
    assert set(found[:3]) <= set(ANIMATION), found[:5]


@pytest.mark.parametrize("query", ["a", "de la", "le", "the of"])
def test_grammatical_words_do_not_flood(kit: Kit, query: str) -> None:
    assert len(ranked(kit, query, False)) <= 3


def test_mecenat_points_to_kit_about(kit: Kit) -> None:
    result = search(kit.documents, "mécénat")
    assert result.hits == ()
    pointers = search_background(kit, "mécénat")
    assert pointers and all(p.where == "about" for p in pointers)
    assert {p.key for p in pointers} >= {"figures"}
    for pointer in pointers:
        assert any(pointer.excerpt.text[s:e].lower() == "mécénat" for s, e in pointer.excerpt.spans)


def test_collectivite_finds_public_authorities(kit: Kit) -> None:
    result = search(kit.documents, "collectivité")
    found = [h.document.id for h in result.hits]
    assert found and found[0] in PUBLIC
    assert "rex-silver-geek" in found
    # « collectivité » is not « collective »: the collective experiments are not brought by that word alone.
    assert "fiche-demarche-experimentation" not in found
