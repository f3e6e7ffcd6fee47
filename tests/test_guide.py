"""The guide without a terminal: questions as data, answers -> plan for every role and goal, saving."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from coconstruct_cli import guide, i18n
from coconstruct_cli import plan as plans
from coconstruct_cli.errors import UsageError
from coconstruct_cli.guide import Answers
from coconstruct_cli.model import Kit
from coconstruct_cli.queries import records, select
from conftest import Script, spaced

ROLES = ("association", "company", "public", "academic", "media", "facilitator", "other")
GOALS = ("understand", "animate", "support", "unsure")

# What the kit says each role should read, path by path (the seed's « écrit à destination de… »).
WRITTEN_FOR: dict[str, set[str]] = {
    "association": {"referentiel-cides-partenariats"},
    "company": {"guide-construire-ensemble", "guide-engagement-associatif-salaries"},
    "facilitator": {
        "animer-co-construction-territoriale",
        "fiche-diagnostic-structure-animation",
        "accompagner-entreprises",
        "accompagner-associations",
        "accompagner-partenariat",
    },
}


# --- answers -> plan, for every role and goal -----------------------------------------------------


@pytest.mark.parametrize("goal", GOALS)
@pytest.mark.parametrize("role", ROLES)
def test_plan_for_every_role_and_goal(kit: Kit, role: str, goal: str) -> None:
    plan = plans.build_plan(kit, Answers(role, goal))
    path_id = "understand" if goal == "unsure" else goal
    path = next(p for p in kit.paths if p.id == path_id)

    assert plan.path == path and plan.role == role and plan.goal == goal
    # Exactly `kit path`'s documents, in its reading order, numbered from 1.
    assert [i.document for i in plan.items] == list(select(kit, path=path).documents)
    assert [i.number for i in plan.items] == list(range(1, len(path.documents) + 1))

    written_for = WRITTEN_FOR.get(role, set())
    expected = written_for & set(path.documents)
    assert {i.document.id for i in plan.highlights} == expected
    for item in plan.items:
        if item.highlight:
            assert item.reason == item.document.audience_reason and item.reason
        else:
            assert item.reason == ""
            assert role not in item.document.audiences
    assert {d.id for d, _ in plan.elsewhere} == written_for - set(path.documents)

    notes = spaced(" ".join(plans.notes(plan)))
    if role in ("public", "academic", "media"):
        # The kit addresses nothing to them: say so, highlight nothing.
        assert not plan.highlights and not plan.role_in_kit
        assert "aucun document écrit spécialement pour" in notes
    if role == "other":
        assert not plan.highlights and "Autre" in notes
    if goal == "unsure":
        assert "point de départ" in notes
    start = spaced(plans.start_line(plan))
    assert start.startswith("Par où commencer : n° 1")
    if expected:
        numbers = ", ".join(str(i.number) for i in plan.highlights)
        assert start.endswith(f"écrits pour vous : n° {numbers}.")


def test_company_support_highlights_the_guides_written_for_company_heads(kit: Kit) -> None:
    plan = plans.build_plan(kit, Answers("company", "support"))
    reasons = {i.document.id: i.reason for i in plan.highlights}
    assert set(reasons) == {"guide-construire-ensemble", "guide-engagement-associatif-salaries"}
    assert reasons["guide-construire-ensemble"].startswith("Écrit à destination des chefs d'entreprise")
    assert not plan.elsewhere


def test_association_support_highlights_the_cides_referentiel(kit: Kit) -> None:
    plan = plans.build_plan(kit, Answers("association", "support"))
    assert [(i.number, i.document.id) for i in plan.highlights] == [(16, "referentiel-cides-partenariats")]
    assert "dirigeants associatifs" in plan.highlights[0].reason


def test_a_role_whose_documents_are_elsewhere_is_told_where(kit: Kit) -> None:
    plan = plans.build_plan(kit, Answers("association", "animate"))
    notes = [spaced(n) for n in plans.notes(plan)]
    assert notes == [
        "Aucun document de ce parcours n'est écrit spécialement pour une association.",
        "Écrits pour vous, hors de ce parcours : « Référentiel sur les partenariats associations/entreprises » "
        "(parcours accompagner).",
    ]


def test_reasons_and_notes_in_english(kit: Kit) -> None:
    i18n.set_lang("en")
    plan = plans.build_plan(kit, Answers("company", "animate"))
    assert not plan.highlights
    assert plans.notes(plan)[-1].startswith("Written for you, outside this path: “Practical guide")
    assert "(path understand, support)" in plans.notes(plan)[-1]
    plan = plans.build_plan(kit, Answers("company", "support"))
    assert plan.highlights[-1].reason.startswith("Written for business leaders")
    assert plans.start_line(plan).startswith("Where to start: no. 1, “Reference guide")


def test_plan_data_is_kit_path_documents_plus_highlight_and_reason(kit: Kit) -> None:
    plan = plans.build_plan(kit, Answers("facilitator", "unsure"))
    data = plans.plan_data(plan)
    assert data["answers"] == {"role": "facilitator", "goal": "unsure"}
    assert data["path"] == "understand"
    base = records(select(kit, path=plan.path))
    assert [{k: v for k, v in d.items() if k not in ("highlight", "reason")} for d in data["documents"]] == base
    assert all(list(d)[-2:] == ["highlight", "reason"] for d in data["documents"])
    assert not any(d["highlight"] for d in data["documents"])


def test_build_plan_needs_both_answers(kit: Kit) -> None:
    with pytest.raises(ValueError):
        plans.build_plan(kit, Answers("company", None))


# --- names the user types ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw,role",
    [
        ("entreprise", "company"),
        ("Entreprise", "company"),
        ("collectivité", "public"),
        ("pouvoirs publics", "public"),
        ("académique", "academic"),
        ("animateur", "facilitator"),
        ("autre", "other"),
        ("media", "media"),
        ("association", "association"),
    ],
)
def test_role_aliases(kit: Kit, raw: str, role: str) -> None:
    assert guide.resolve_answers(kit, Answers(raw, None)).role == role


@pytest.mark.parametrize(
    "raw,goal",
    [
        ("comprendre", "understand"),
        ("animer", "animate"),
        ("Accompagner", "support"),
        ("support", "support"),
        ("unsure", "unsure"),
        ("ne-sais-pas", "unsure"),
        ("je ne sais pas encore", "unsure"),
    ],
)
def test_goal_aliases(kit: Kit, raw: str, goal: str) -> None:
    assert guide.resolve_answers(kit, Answers(None, raw)).goal == goal


def test_unknown_role_and_goal_name_the_nearest_values(kit: Kit) -> None:
    with pytest.raises(UsageError, match=r"Rôle inconnu\s:\s«\sentrprise\s»\. Vouliez-vous dire\s:\sentreprise"):
        guide.resolve_answers(kit, Answers("entrprise", None))
    with pytest.raises(UsageError, match=r"Objectif inconnu\s:\s«\sanmer\s»\. Vouliez-vous dire\s:\sanimer"):
        guide.resolve_answers(kit, Answers(None, "anmer"))
    with pytest.raises(UsageError, match=r"Valeurs possibles\s:\sunderstand \(comprendre\), .*unsure \(ne-sais-pas\)"):
        guide.resolve_answers(kit, Answers(None, "zzz"))


def test_answers_merge_and_missing() -> None:
    saved = Answers("company", "support")
    assert saved.merged(Answers(None, "animate")) == Answers("company", "animate")
    assert saved.merged(Answers()) == saved
    assert Answers("company").missing() == ["--goal"]
    assert Answers().missing() == ["--role", "--goal"]


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            '{"answers": {"role": "company", "goal": "support"}, "path": "support", "documents": []}',
            Answers("company", "support"),
        ),
        ('{"answers": {"role": "entreprise"}}', Answers("entreprise", None)),
    ],
)
def test_parse_answers(text: str, expected: Answers) -> None:
    assert guide.parse_answers(text) == expected


@pytest.mark.parametrize(
    "text",
    ["not json", "[]", '{"path": "support"}', '{"answers": {}}', '{"answers": {"role": 3}}', '{"answers": "company"}'],
)
def test_parse_answers_refuses_what_is_not_a_saved_plan(text: str) -> None:
    with pytest.raises(ValueError):
        guide.parse_answers(text)


# --- questions as data ---------------------------------------------------------------------------


def test_role_question_in_french() -> None:
    q = guide.role_question()
    assert q.message == "Vous êtes…" and q.kind == "select"
    assert [o.value for o in q.options] == list(ROLES)
    assert [o.title for o in q.options][:3] == [
        "Une association",
        "Une entreprise",
        "Des pouvoirs publics / une collectivité",
    ]
    assert q.options[5].title.startswith("Une structure d'animation ou d'accompagnement (réseau, fondation, agence")


def test_goal_question_tells_the_paths_as_needs_with_their_purpose(kit: Kit) -> None:
    q = guide.goal_question(kit)
    assert [o.value for o in q.options] == list(GOALS)
    assert q.options[1].title == "Animer une dynamique de co-construction sur mon territoire"
    assert q.options[1].description == kit.paths[1].purpose
    assert q.options[3].title == "Je ne sais pas encore"
    assert q.options[3].description is not None and "Commencez par comprendre" in q.options[3].description


def test_goal_question_in_english(kit: Kit) -> None:
    i18n.set_lang("en")
    q = guide.goal_question(kit)
    assert q.message == "What do you want to do?"
    assert q.options[2].description == kit.paths[2].purpose_en
    assert q.options[3].title == "I don't know yet"


def test_a_facilitator_is_pointed_at_animate(kit: Kit) -> None:
    assert guide.default_goal(kit, "facilitator") == "animate"
    assert all(guide.default_goal(kit, r) is None for r in ROLES if r != "facilitator")


def test_a_kit_without_paths_cannot_make_a_plan(kit: Kit) -> None:
    empty = kit.model_copy(update={"paths": ()})
    with pytest.raises(UsageError, match="aucun parcours"):
        plans.build_plan(empty, Answers("company", "support"))


def test_goal_title_falls_back_on_the_kit_path_title(kit: Kit) -> None:
    renamed = kit.model_copy(update={"paths": (kit.paths[0].model_copy(update={"id": "lire", "alias": "read"}),)})
    assert guide.goal_title(renamed, "lire") == kit.paths[0].title
    assert guide.find_path(renamed, "unsure").id == "lire"  # « unsure » falls back on the first path


# --- the conversation ----------------------------------------------------------------------------


def test_interview_asks_both_then_confirms(kit: Kit) -> None:
    ask = Script([("role", "company"), ("goal", "support"), ("recap", "confirm")])
    assert guide.interview(kit, Answers(), ask) == Answers("company", "support")
    assert ask.done()
    recap = ask.asked[-1]
    assert tuple(spaced(line) for line in recap.preamble) == (
        "Récapitulatif",
        "  Vous êtes : Une entreprise",
        "  Votre objectif : Accompagner des organisations (entreprises, associations) dans leurs partenariats",
    )
    assert recap.default == "confirm"


def test_interview_lets_each_answer_be_changed_at_the_recap(kit: Kit) -> None:
    ask = Script(
        [
            ("role", "company"),
            ("goal", "support"),
            ("recap", "role"),
            ("role", "facilitator"),
            ("recap", "goal"),
            ("goal", "unsure"),
            ("recap", "confirm"),
        ]
    )
    assert guide.interview(kit, Answers(), ask) == Answers("facilitator", "unsure")
    # Going back points at the current answer.
    assert ask.asked[3].default == "company"
    assert ask.asked[5].default == "support"


def test_interview_asks_only_what_is_missing_and_defaults_the_goal_from_the_role(kit: Kit) -> None:
    ask = Script([("goal", "animate"), ("recap", "confirm")])
    assert guide.interview(kit, Answers("facilitator", None), ask) == Answers("facilitator", "animate")
    assert ask.asked[0].default == "animate"
    ask = Script([("role", "media"), ("recap", "confirm")])
    assert guide.interview(kit, Answers(None, "support"), ask) == Answers("media", "support")


# --- saving --------------------------------------------------------------------------------------


def exists_in(names: set[str]) -> Callable[[Path], bool]:
    return lambda path: str(path) in names


def test_save_declined(kit: Kit) -> None:
    plan = plans.build_plan(kit, Answers("company", "support"))
    assert guide.save_dialog(plan.path.id, Script([("save", "no")])) is None


def test_save_proposes_markdown_and_a_free_name(kit: Kit) -> None:
    plan = plans.build_plan(kit, Answers("company", "support"))
    ask = Script([("save", "md"), ("filename", "plan-support.md")])
    choice = guide.save_dialog(plan.path.id, ask, exists_in(set()))
    assert choice == guide.SaveChoice(Path("plan-support.md"), "md", force=False)
    assert ask.asked[0].default == "md"
    assert ask.asked[1].default == "plan-support.md"

    ask = Script([("save", "json"), ("filename", "plan-support-3.json")])
    guide.save_dialog(plan.path.id, ask, exists_in({"plan-support.json", "plan-support-2.json"}))
    assert ask.asked[1].default == "plan-support-3.json"


def test_save_never_replaces_a_file_without_asking(kit: Kit) -> None:
    plan = plans.build_plan(kit, Answers("company", "support"))
    taken = exists_in({"mine.md"})
    ask = Script([("save", "md"), ("filename", "mine.md"), ("overwrite", "rename"), ("filename", "other.md")])
    assert guide.save_dialog(plan.path.id, ask, taken) == guide.SaveChoice(Path("other.md"), "md", force=False)
    assert ask.asked[2].message == "Le fichier mine.md existe déjà." and ask.asked[2].default == "rename"

    ask = Script([("save", "csv"), ("filename", " mine.md "), ("overwrite", "replace")])
    assert guide.save_dialog(plan.path.id, ask, taken) == guide.SaveChoice(Path("mine.md"), "csv", force=True)


def test_check_filename(tmp_path: Path) -> None:
    assert guide.check_filename("plan.md") is None
    assert guide.check_filename("  ") == "Donnez un nom de fichier."
    (tmp_path / "plans").mkdir()
    assert spaced(guide.check_filename("plans") or "") == "plans est un dossier : donnez un nom de fichier."


def test_check_filename_needs_an_existing_folder(tmp_path: Path) -> None:
    assert guide.check_filename("absent/plan.md") == "Le dossier absent n'existe pas."
    (tmp_path / "ici").mkdir()
    assert guide.check_filename("ici/plan.md") is None
