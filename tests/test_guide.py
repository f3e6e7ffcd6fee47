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
from coconstruct_cli.render import common as render_common
from coconstruct_cli.text import fold
from conftest import Script, spaced

ROLES = ("association", "company", "public", "academic", "media", "facilitator", "other")
PATH_OF = {
    "understand": "understand",
    "animate": "animate",
    "support": "support",
    "partner": "support",
    "evaluate": "support",
    "unsure": "understand",
}
GOALS = tuple(PATH_OF)
NEEDS = ("reference", "illustrations", "training", "method", "toolbox", "figures", "all")
SITUATIONS = (None, "Nous voulons monter une expérimentation collective avec des entreprises et la mairie")

# What the seed says a document is written for (« à destination de… »), and what it ties to a role by our
# reading (the kit's `concerns`, each with its seed phrase), as a reader of the seed finds them.
WRITTEN_FOR: dict[str, set[str]] = {
    "association": {"referentiel-cides-partenariats"},
    "company": {"guide-construire-ensemble"},
}
CONCERNS: dict[str, set[str]] = {
    "association": {"accompagner-associations", "note-investir-secteur-associatif"},
    "company": {"accompagner-entreprises", "note-entreprise-responsable", "guide-engagement-associatif-salaries"},
    "public": {"rex-charenton-saint-maurice", "piloter-experimentation-collective"},
    "academic": {"referentiel-co-construction-territoire", "etudes-phare", "etude-etat-des-lieux-co-construction"},
    "facilitator": {
        "rex-labo-alsace",
        "animer-co-construction-territoriale",
        "fiche-diagnostic-structure-animation",
        "accompagner-entreprises",
        "accompagner-associations",
        "accompagner-partenariat",
        "note-diversite-accompagnement",
    },
}
SENTENCE_WORDS = {  # how the start sentence counts each rule
    plans.WRITTEN_FOR: "écrit",
    plans.CONCERNS: "qui vous concern",
    plans.GOAL: "pour votre objectif",
    plans.SITUATION: "qui contien",
    plans.NEED: "pour « ",
    plans.NEAREST: "au plus près",
    plans.VARIETY: "pour un peu de tout",
    plans.REFERENCE: "du cadre de référence",
    plans.FILL: "dans l'ordre du parcours",
}


# --- answers -> plan, for every role, goal, need and situation ------------------------------------------


@pytest.mark.parametrize("situation", SITUATIONS)
@pytest.mark.parametrize("need", NEEDS)
@pytest.mark.parametrize("goal", GOALS)
@pytest.mark.parametrize("role", ROLES)
def test_plan_for_every_role_goal_need_and_situation(kit: Kit, role: str, goal: str, need: str, situation: str | None) -> None:
    plan = plans.build_plan(kit, Answers(role, goal, need, situation))
    path = next(p for p in kit.paths if p.id == PATH_OF[goal])

    assert plan.path == path and (plan.role, plan.goal, plan.need, plan.situation) == (role, goal, need, situation or "")
    # Exactly `kit path`'s documents, in its reading order, numbered as `kit path` numbers them.
    assert [i.document for i in plan.items] == list(select(kit, path=path).documents)
    assert [i.number for i in plan.items] == list(range(1, len(path.documents) + 1))
    # The start set: 3 to 5 (every path has more), all of the path, best first; nothing of the path is hidden.
    start = [i.document.id for i in plan.start]
    assert plans.START_MIN <= len(start) <= plans.START_SIZE and len(set(start)) == len(start)
    assert set(start) <= set(path.documents)
    assert sorted([*start, *(i.document.id for i in plan.rest)]) == sorted(path.documents)
    # Best first: with a need named, what answers the person (role, need, situation, cornerstone) before
    # what only the goal's path puts forward; then by weight.
    borrowed = plans.borrows_path(kit, goal)
    tiers = [need != "all" and not plans.answers_person(i, borrowed) for i in plan.start]
    assert tiers == sorted(tiers)
    for tier in (False, True):
        scores = [i.score for i, t in zip(plan.start, tiers, strict=True) if t == tier]
        assert scores == sorted(scores, reverse=True)
    # A document only the goal's path puts forward never takes the place of one that answers the person.
    if any(tiers):
        answering = [i for i in plan.items if plans.answers_person(i, borrowed) and i.score >= plans.START_FLOOR]
        assert all(i in plan.start for i in answering), [i.document.id for i in answering if i not in plan.start]
    # The situation's words always bring a document into the set, when the path holds them.
    if any(i.matched for i in plan.items):
        assert any(i.matched for i in plan.start)
    # Never a document of another path in the plan; those named beside it are of other paths.
    assert not {d.id for d, _ in plan.elsewhere} & set(path.documents)

    assert {i.document.id for i in plan.highlights} == WRITTEN_FOR.get(role, set()) & set(path.documents)
    # The academics' ties to the kit's research hold for understanding only (`Concern.goals`).
    concerned = CONCERNS.get(role, set()) if role != "academic" or goal in ("understand", "unsure") else set()
    assert {i.document.id for i in plan.items if i.concern} == concerned & set(path.documents)
    goal_keys = {k.document for g in kit.guide.goals if g.id == goal for k in g.key} if kit.guide else set()
    serving = [i for i in plan.items if guide.serves(kit, need, i.document)] if need != "all" else []
    for item in plan.start:
        heaviest = next((r.kind for r in item.reasons if r.weight > 0), plans.FILL)
        assert item.start == heaviest, item.document.id
        if item.start == plans.WRITTEN_FOR:
            assert item.highlight
        elif item.start == plans.CONCERNS:
            assert item.concern and not item.highlight
        elif item.start == plans.GOAL:
            assert item.document.id in goal_keys
        elif item.start == plans.NEED:
            assert guide.serves(kit, need, item.document)
        elif item.start == plans.NEAREST:
            assert len(serving) < plans.START_MIN and not guide.serves(kit, need, item.document)
        elif item.start == plans.SITUATION:
            assert situation and item.matched and all(w in situation for w in item.matched)
        elif item.start == plans.REFERENCE:
            assert item.document.category == "reference"
    if serving:  # what the person needs first is in the start set
        assert any(guide.serves(kit, need, i.document) for i in plan.start)
    # The sentence tells what was chosen, count by count.
    sentence = spaced(plans.start_line(plan))
    assert sentence.startswith(f"{len(start)} document")
    rules = [i.start for i in plan.start]
    for rule, words in SENTENCE_WORDS.items():
        count = rules.count(rule)
        assert (f"{count} {words}" in sentence) == bool(count), (rule, sentence)
    # A « pourquoi » never echoes its title, and no two documents of the plan share one.
    whys = [fold(i.why) for i in plan.start]
    assert len(set(whys)) == len(whys)
    for item in plan.start:
        title = fold(item.document.title)
        assert not fold(item.why).startswith(title[:40]) and title not in fold(item.why)
        if item.document.gives:
            assert spaced(item.document.gives).rstrip(".") in spaced(item.why)

    notes = spaced(" ".join(plans.notes(plan)))
    if role == "media":  # the kit ties nothing to the media: say so, in one line, mark nothing
        assert not plan.highlights and not any(i.concern for i in plan.items)
        assert "Le kit ne lie aucun document à un média" in notes
    if role == "other":
        assert not plan.highlights and "Autre" in notes
    if goal == "unsure":
        assert "point de départ" in notes


def test_a_goal_that_borrows_its_path_weighs_more_and_the_other_organisation_s_side_less(kit: Kit) -> None:
    assert [g.id for g in kit.guide.goals if plans.borrows_path(kit, g.id)] == ["partner", "evaluate", "unsure"]
    items = {goal: plans.build_plan(kit, Answers("public", goal)).items for goal in ("animate", "evaluate")}
    first = {goal: max(r.weight for i in found for r in i.reasons if r.kind == plans.GOAL) for goal, found in items.items()}
    assert first == {"animate": plans.WEIGHTS[plans.GOAL], "evaluate": plans.BORROWED_GOAL}
    plan = plans.build_plan(kit, Answers("association", "support"))
    other = {i.document.id for i in plan.items if any(r.kind == "other_role" for r in i.reasons)}
    # The companies' side of a partnership, for an association; never for a facilitator.
    assert other == {
        "accompagner-entreprises",
        "note-entreprise-responsable",
        "guide-engagement-associatif-salaries",
        "guide-construire-ensemble",
    }
    plan = plans.build_plan(kit, Answers("facilitator", "support"))
    assert not any(r.kind == "other_role" for i in plan.items for r in i.reasons)
    # The kit writes for companies and associations only: for the other roles, those documents are the two
    # sides of the partnerships they look at, not someone else's (a media outlet building a partnership).
    for role in ("public", "academic", "media", "other"):
        plan = plans.build_plan(kit, Answers(role, "partner", "toolbox"))
        assert not any(r.kind == "other_role" for i in plan.items for r in i.reasons), role
    plan = plans.build_plan(kit, Answers("media", "partner", "toolbox"))
    assert {"guide-construire-ensemble", "referentiel-cides-partenariats"} <= {i.document.id for i in plan.start}


def test_the_nearest_need_does_not_put_its_documents_before_the_goal_s(kit: Kit) -> None:
    """Under « accompagner », « Se former » has one document (the MOOC); the nearest need, the method, fills
    the start set but does not count as what the person asked: the MOOC comes first, and the goal's first
    document, the note on what support can be, is not pushed out by the evaluation method the nearest need
    alone brings."""
    plan = plans.build_plan(kit, Answers("media", "support", "training"))
    start = [i.document.id for i in plan.start]
    assert start[0] == "mooc-partenariats" and "note-diversite-accompagnement" in start
    assert "evaluer-utilite-societale" not in start
    near = next(i for i in plan.items if i.document.id == "evaluer-utilite-societale")
    assert [r.kind for r in near.reasons] == [plans.NEAREST] and not plans.answers_person(near, borrowed=False)


def test_a_situation_document_never_takes_the_place_of_one_written_for_the_role(kit: Kit) -> None:
    """A company's regional office helping SMEs: the PHARE studies hold « regional », « national », but the
    guide the kit writes for company heads stays in the start set."""
    situation = (
        "I head the regional office of a national group with branches all over; we want to help the local SMEs we "
        "work with set up partnerships with associations."
    )
    i18n.set_lang("en")
    plan = plans.build_plan(kit, Answers("company", "support", "method", situation))
    start = {i.document.id for i in plan.start}
    assert "guide-construire-ensemble" in start and any(i.matched for i in plan.start)


def test_different_needs_give_different_starts(kit: Kit) -> None:
    for role in ROLES:
        for goal in GOALS:
            starts = {tuple(i.document.id for i in plans.build_plan(kit, Answers(role, goal, need)).start) for need in NEEDS}
            assert len(starts) >= len(NEEDS) - 2, (role, goal)
    facilitator = plans.build_plan(kit, Answers("facilitator", "animate", "method")).start
    assert facilitator[0].document.id == "animer-co-construction-territoriale"


def test_the_toolbox_need_gives_tools_not_context_studies(kit: Kit) -> None:
    plan = plans.build_plan(kit, Answers("public", "animate", "toolbox"))
    subs = [i.document.subcategory for i in plan.start if i.start == plans.NEED]
    assert subs and set(subs) <= {"guides-pratiques", "fiches-outil"}
    assert not {"etudes-phare", "etude-etat-des-lieux-co-construction"} & {i.document.id for i in plan.start}


def test_a_need_the_path_cannot_serve_says_so_and_starts_from_the_nearest(kit: Kit) -> None:
    plan = plans.build_plan(kit, Answers("company", "understand", "method"))
    assert plan.instead == "toolbox" or plan.instead == "training"
    notes = spaced(" ".join(plans.notes(plan)))
    assert "Ce parcours ne contient aucun document « Une méthode » : le plan part de" in notes
    question = guide.need_question(kit, goal="understand")
    method = next(o for o in question.options if o.value == "method")
    assert method.description is not None and method.description.startswith("Ce parcours n'en contient pas")


def test_the_method_need_is_worded_for_the_goal(kit: Kit) -> None:
    titles = {goal: guide.need_title(kit, "method", goal) for goal in ("animate", "support", "understand")}
    assert titles == {
        "animate": "Une méthode pour animer",
        "support": "Une méthode pour accompagner ou évaluer",
        "understand": "Une méthode",
    }


def test_the_situation_raises_the_documents_holding_its_words(kit: Kit) -> None:
    situation = "Nous voulons réaliser une étude territoriale avec un questionnaire aux acteurs du territoire"
    plan = plans.build_plan(kit, Answers("public", "animate", "toolbox", situation))
    first = plan.start[0]
    assert first.document.id == "fiche-plan-questionnaire-etude"
    assert "questionnaire" in first.matched
    assert "« questionnaire »" in spaced(first.why)
    without = plans.build_plan(kit, Answers("public", "animate", "toolbox"))
    assert [i.document.id for i in without.start] != [i.document.id for i in plan.start]


def test_a_word_common_in_the_kit_tells_nothing_even_where_the_path_holds_it_rarely(kit: Kit) -> None:
    """« territoire » is the kit's subject: in the « accompagner » path few documents hold it, but it brings
    none of them into the start set; the evaluation documents the goal puts forward stay there."""
    situation = (
        "Notre fondation d'entreprise soutient des associations du territoire et veut savoir ce que ces soutiens apportent"
    )
    assert "territoire" in plans.kit_common(kit, situation)
    path = next(p for p in kit.paths if p.id == "support")
    holding = [d.id for d in kit.documents if d.id in path.documents and "territoire" in fold(d.description)]
    assert 0 < len(holding) <= len(path.documents) // plans.COMMON_SHARE
    plan = plans.build_plan(kit, Answers("company", "evaluate", "all", situation))
    assert not any("territoire" in i.matched for i in plan.items)
    assert {"evaluer-utilite-societale", "fiche-checklist-evaluation"} <= {i.document.id for i in plan.start}


def test_the_situation_s_words_are_shown_as_typed(kit: Kit) -> None:
    plan = plans.build_plan(kit, Answers("company", "partner", "all", "Nous voulons développer le bénévolat de nos salariés"))
    item = next(i for i in plan.start if i.document.id == "guide-engagement-associatif-salaries")
    assert "« bénévolat »" in spaced(item.why) and "« salariés »" in spaced(item.why)


def test_company_support_starts_with_the_guide_written_for_company_heads(kit: Kit) -> None:
    plan = plans.build_plan(kit, Answers("company", "support", "toolbox"))
    assert plan.start[0].document.id == "guide-construire-ensemble" and plan.start[0].start == plans.WRITTEN_FOR
    assert plan.start[0].reason == "à destination des chefs d'entreprise"
    assert spaced(plan.start[0].why) == (
        "Écrit « à destination des chefs d'entreprise », dit le kit. Le kit : « […] le contexte, les enjeux et les "
        "modalités pratiques des partenariats entre associations et entreprises »."
    )


def test_partner_and_evaluate_lead_to_the_support_path_with_their_own_documents(kit: Kit) -> None:
    partner = plans.build_plan(kit, Answers("association", "partner", "all"))
    assert partner.path.id == "support"
    assert {"referentiel-cides-partenariats", "guide-orse-partenariats"} <= {i.document.id for i in partner.start}
    evaluate = plans.build_plan(kit, Answers("facilitator", "evaluate", "toolbox"))
    assert evaluate.path.id == "support"
    assert {"evaluer-utilite-societale", "fiche-checklist-evaluation"} <= {i.document.id for i in evaluate.start}
    assert "rex-silver-geek" in {d.id for d, _ in evaluate.elsewhere}  # the evaluation of Silver Geek, in « animer »
    assert "(kit show rex-silver-geek)" in plans.notes(evaluate)[-1]


def test_association_support_highlights_the_cides_referentiel(kit: Kit) -> None:
    plan = plans.build_plan(kit, Answers("association", "support"))
    assert [(i.number, i.document.id) for i in plan.highlights] == [(16, "referentiel-cides-partenariats")]
    assert "dirigeants associatifs" in plan.highlights[0].reason


def test_a_role_whose_documents_are_elsewhere_is_told_where(kit: Kit) -> None:
    plan = plans.build_plan(kit, Answers("association", "animate"))
    notes = [spaced(n) for n in plans.notes(plan)]
    assert notes == [
        "Hors de ce parcours, pour vous aussi : « Référentiel sur les partenariats associations/entreprises » "
        "(kit show referentiel-cides-partenariats), « Accompagner les associations » (kit show accompagner-associations), "
        "« Note prospective « Pourquoi investir dans le secteur associatif » » (kit show note-investir-secteur-associatif)."
    ]


def test_the_first_sentence_shortened_at_a_clause(kit: Kit) -> None:
    assert plans.first_sentence("Une phrase courte. Une autre.") == "Une phrase courte"
    long = "Une première proposition assez longue pour compter, " + "suite " * 40 + "fin."
    cut = plans.first_sentence(long)
    assert cut == "Une première proposition assez longue pour compter …" and len(cut) <= plans.WHY_LENGTH + 2


def test_reasons_and_notes_in_english(kit: Kit) -> None:
    i18n.set_lang("en")
    plan = plans.build_plan(kit, Answers("company", "animate"))
    assert not plan.highlights
    assert plans.notes(plan)[-1].startswith(
        "Outside this path, for you too: “« Construire ensemble » (“Building together”) guide"
    )
    assert "(kit show guide-construire-ensemble)" in plans.notes(plan)[-1]
    plan = plans.build_plan(kit, Answers("company", "support", "toolbox"))
    assert plan.highlights[-1].reason == "intended for business leaders"
    sentence = plans.start_line(plan)
    assert sentence.startswith("5 documents, chosen this way: 1 written for you (the kit says so), 3 that concern you (our")
    assert sentence.endswith("and 1 from “Tools to put it into practice”, what you need first.")
    assert plan.start[0].why.endswith("(our translation).")  # the kit's words, translated, marked as ours
    assert plans.detail_line(plan) == "Details: kit show support:<no. or id>"


def test_plan_data_is_kit_path_documents_plus_marks_and_the_start(kit: Kit) -> None:
    plan = plans.build_plan(kit, Answers("facilitator", "unsure"))
    data = plans.plan_data(plan)
    assert data["answers"] == {"role": "facilitator", "goal": "unsure", "need": "all", "situation": None}
    assert data["path"] == "understand"
    base = records(select(kit, path=plan.path))
    added = ["highlight", "reason", "number", "why", "concern", "start"]
    assert [{k: v for k, v in d.items() if k not in added} for d in data["documents"]] == base
    assert all(list(d)[-len(added) :] == added for d in data["documents"])
    assert not any(d["highlight"] for d in data["documents"])
    assert [s["id"] for s in data["start"]] == [i.document.id for i in plan.start]
    assert all(set(s) >= {"id", "why", "number", "rule", "reason", "matched", "gives"} for s in data["start"])


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
    assert q.options[5].title == "Une structure d'animation ou d'accompagnement"


def test_goal_question_tells_the_paths_as_needs_with_their_purpose(kit: Kit) -> None:
    q = guide.goal_question(kit)
    assert [o.value for o in q.options] == list(GOALS)
    assert q.options[1].title == "Animer une dynamique de co-construction sur mon territoire"
    assert q.options[1].description == kit.paths[1].purpose
    assert q.options[3].title == "Construire un partenariat pour mon organisation"
    assert q.options[4].title == "Évaluer un partenariat ou une démarche"
    assert q.options[5].title == "Je ne sais pas encore"
    assert q.options[5].description is not None and "Commencez par comprendre" in q.options[5].description


def test_goal_question_in_english(kit: Kit) -> None:
    i18n.set_lang("en")
    q = guide.goal_question(kit)
    assert q.message == "What do you want to do?"
    assert q.options[2].description == kit.paths[2].purpose_en
    assert q.options[5].title == "I don't know yet"


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


def test_interview_asks_the_three_then_confirms(kit: Kit) -> None:
    ask = Script([("role", "company"), ("goal", "support"), ("need", "toolbox"), ("situation", ""), ("recap", "confirm")])
    assert guide.interview(kit, Answers(), ask) == Answers("company", "support", "toolbox")
    assert ask.done()
    recap = ask.asked[-1]
    assert tuple(spaced(line) for line in recap.preamble) == (
        "Récapitulatif",
        "  Vous êtes : Une entreprise",
        "  Votre objectif : Accompagner les organisations du territoire dans leur dynamique partenariale",
        "  D'abord : Des outils pour passer à la pratique",
        "  Votre situation : —",
    )
    assert recap.default == "confirm"
    assert [o.value for o in recap.options] == ["confirm", "role", "goal", "need", "situation"]


def test_the_need_question_speaks_the_kit_s_words(kit: Kit) -> None:
    question = guide.need_question(kit, goal="animate")
    assert spaced(question.message) == "De quoi avez-vous besoin d'abord ?"
    assert [o.value for o in question.options] == list(NEEDS)
    assert [o.title for o in question.options] == [
        "Comprendre les enjeux et le cadre",
        "Des cas concrets",
        "Se former",
        "Une méthode pour animer",
        "Des outils pour passer à la pratique",
        "Des chiffres et des études",
        "Un peu de tout",
    ]
    # The natures are told by the seed's own definition; the sub-headings by what they hold.
    assert [o.description for o in question.options[:2]] == [c.description for c in kit.categories[:2]]
    assert "fiches outil" in str(question.options[4].description)
    assert "permettant de comprendre le contexte" in str(question.options[5].description)
    assert question.default == "all"


def test_interview_lets_each_answer_be_changed_at_the_recap(kit: Kit) -> None:
    ask = Script(
        [
            ("role", "company"),
            ("goal", "support"),
            ("need", "method"),
            ("situation", ""),
            ("recap", "role"),
            ("role", "facilitator"),
            ("recap", "goal"),
            ("goal", "unsure"),
            ("recap", "need"),
            ("need", "all"),
            ("recap", "situation"),
            ("situation", "  Une fondation   qui finance des partenariats "),
            ("recap", "confirm"),
        ]
    )
    situation = "Une fondation qui finance des partenariats"
    assert guide.interview(kit, Answers(), ask) == Answers("facilitator", "unsure", "all", situation)
    assert spaced(ask.asked[-1].preamble[-1]) == f"  Votre situation : {situation}"
    # Going back points at the current answer.
    assert ask.asked[5].default == "company"
    assert ask.asked[7].default == "support"
    assert ask.asked[9].default == "method"


def test_interview_asks_only_what_is_missing_and_defaults_the_goal_from_the_role(kit: Kit) -> None:
    ask = Script([("goal", "animate"), ("need", "method"), ("situation", ""), ("recap", "confirm")])
    assert guide.interview(kit, Answers("facilitator", None), ask) == Answers("facilitator", "animate", "method")
    assert ask.asked[0].default == "animate"
    ask = Script([("role", "media"), ("situation", ""), ("recap", "confirm")])
    assert guide.interview(kit, Answers(None, "support", "all"), ask) == Answers("media", "support", "all")


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

    ask = Script([("save", "md"), ("filename", " mine.md "), ("overwrite", "replace")])
    assert guide.save_dialog(plan.path.id, ask, taken) == guide.SaveChoice(Path("mine.md"), "md", force=True)


def test_an_extension_that_names_another_format_is_asked_about(kit: Kit) -> None:
    ask = Script([("save", "md"), ("filename", "plan.html"), ("mismatch", "named")])
    assert guide.save_dialog("support", ask, exists_in(set())) == guide.SaveChoice(Path("plan.html"), "html", force=False)
    assert spaced(ask.asked[2].message) == "Le nom plan.html annonce du HTML, mais vous avez choisi du Markdown."
    ask = Script([("save", "md"), ("filename", "plan.html"), ("mismatch", "chosen")])
    assert guide.save_dialog("support", ask, exists_in(set())) == guide.SaveChoice(Path("plan.md"), "md", force=False)
    ask = Script([("save", "csv"), ("filename", "plan.json"), ("mismatch", "rename"), ("filename", "plan.csv")])
    assert guide.save_dialog("support", ask, exists_in(set())) == guide.SaveChoice(Path("plan.csv"), "csv", force=False)
    # A name that names no format keeps the format chosen.
    ask = Script([("save", "json"), ("filename", "plan")])
    assert guide.save_dialog("support", ask, exists_in(set())) == guide.SaveChoice(Path("plan"), "json", force=False)


def test_check_filename(tmp_path: Path) -> None:
    assert guide.check_filename("plan.md") is None
    assert guide.check_filename("  ") == "Donnez un nom de fichier."
    (tmp_path / "plans").mkdir()
    assert spaced(guide.check_filename("plans") or "") == "plans est un dossier : donnez un nom de fichier."


def test_check_filename_says_what_is_wrong_instead_of_failing(tmp_path: Path) -> None:
    assert spaced(guide.check_filename("a" * 256 + ".md") or "") == "Nom trop long : au plus 255 octets pour un nom de fichier."
    assert guide.check_filename("a" * 252 + ".md") is None
    assert spaced(guide.check_filename("~nosuchuser-kit/plan.md") or "") == "Dossier personnel inconnu : ~nosuchuser-kit."
    assert guide.check_filename("plan\x00.md") == "Un nom de fichier ne peut pas contenir de caractère nul."
    assert "dossier" in (guide.check_filename("plans/") or "")


def test_check_filename_needs_an_existing_folder(tmp_path: Path) -> None:
    assert guide.check_filename("absent/plan.md") == "Le dossier absent n'existe pas."
    (tmp_path / "ici").mkdir()
    assert guide.check_filename("ici/plan.md") is None


@pytest.mark.parametrize("limit", [40, 60, plans.WHY_LENGTH])
def test_a_first_sentence_exactly_as_long_as_the_limit_is_whole(limit: int) -> None:
    sentence = ("mot " * limit)[: limit - 1] + "x"  # words, and no space at the end
    assert len(sentence) == limit
    assert plans.first_sentence(sentence + ". Suite.", limit) == sentence
    longer = sentence + "z"
    assert plans.first_sentence(longer + ". Suite.", limit).endswith(" …")


def test_the_proposed_name_never_names_an_existing_file_not_even_after_999(kit: Kit) -> None:
    """Issue 20, item 14: with plan-understand.md … plan-understand-999.md present, the 999th was proposed."""
    names = {"plan-understand.md", *(f"plan-understand-{n}.md" for n in range(2, 1000))}
    assert guide.suggest_filename("understand", "md", exists_in(names)) == "plan-understand-1000.md"
    ask = Script([("save", "md"), ("filename", "plan-understand-999.md"), ("overwrite", "rename"), ("filename", "x.md")])
    guide.save_dialog("understand", ask, exists_in(names))
    assert ask.asked[1].default == ask.asked[3].default == "plan-understand-1000.md"


def test_a_link_to_nothing_is_a_taken_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`Path.exists` does not see a dangling symbolic link; writing there would replace it."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan-animer.md").symlink_to(tmp_path / "nowhere")
    assert not (tmp_path / "plan-animer.md").exists() and guide.taken(Path("plan-animer.md"))
    assert guide.suggest_filename("animer", "md") == "plan-animer-2.md"
    ask = Script([("save", "md"), ("filename", "plan-animer.md"), ("overwrite", "replace")])
    assert guide.save_dialog("animer", ask) == guide.SaveChoice(Path("plan-animer.md"), "md", force=True)


def test_esc_goes_back_one_step_in_the_save_dialog() -> None:
    """Issue 20, item 15: once inside, the only ways out were to write a file or Ctrl-C."""
    assert guide.save_question().escape == guide.SAVE_NO  # out of the dialog
    assert guide.filename_question("x.md").escape == guide.ESCAPED
    assert guide.overwrite_question(Path("x.md")).escape == "rename"
    assert guide.mismatch_question("x.html", "html", "md").escape == "rename"
    # Esc at the name: back to the format, then another format and a name.
    ask = Script([("save", "md"), ("filename", guide.ESCAPED), ("save", "html"), ("filename", "plan.html")])
    assert guide.save_dialog("support", ask, exists_in(set())) == guide.SaveChoice(Path("plan.html"), "html", force=False)
    ask = Script([("save", "md"), ("filename", guide.ESCAPED), ("save", guide.SAVE_NO)])
    assert guide.save_dialog("support", ask, exists_in(set())) is None
    assert guide.search_question().escape == guide.ESCAPED and guide.search_question().validate is None
    assert guide.check_filename(guide.ESCAPED) is not None  # no file name can be the Esc answer


def test_a_goal_that_borrows_its_path_keeps_its_first_two_key_documents(kit: Kit) -> None:
    """An incubator evaluating the partnerships it brokered: its role ties it to the three support methods,
    its words to the note on support, but the check list of « Évaluer » stays in the start set."""
    situation = (
        "we're an ESS incubator in Lyon, we brokered about 12 nonprofit-business partnerships in 2 years and our "
        "board wants to know if they had real impact"
    )
    i18n.set_lang("en")
    plan = plans.build_plan(kit, Answers("facilitator", "evaluate", "method", situation))
    start = [i.document.id for i in plan.start]
    assert {"evaluer-utilite-societale", "fiche-checklist-evaluation"} <= set(start), start
    # « 12 » and « 2 » count the person's things: no document is brought by them.
    assert not any(w.isdigit() for i in plan.items for w in i.matched)


def test_a_need_the_path_holds_too_few_of_is_found_beside_it(kit: Kit) -> None:
    """Concrete cases under « comprendre », which holds one (the film): the retours d'expérience of the other
    paths are named beside the plan, with the command that opens each; a need the path holds enough of
    names nothing else (the guides pratiques are not offered to a media outlet asking for tools under
    « animer », which has four fiches outil)."""
    plan = plans.build_plan(kit, Answers("media", "understand", "illustrations"))
    beside = [d.id for d, _ in plan.elsewhere]
    assert "rex-silver-geek" in beside and "rex-charenton-saint-maurice" in beside
    assert all(guide.serves(kit, "illustrations", d) for d, _ in plan.elsewhere)
    assert "(kit show rex-silver-geek)" in plans.notes(plan)[-1]
    assert not plans.build_plan(kit, Answers("media", "animate", "toolbox")).elsewhere


def test_the_academics_ties_to_the_kit_s_research_hold_for_understanding(kit: Kit) -> None:
    """The Référentiel and the two studies are the kit's research: an academic who wants to understand is tied
    to them (◆); one who runs working groups is told by the goal and the need, and gets the fiches outil."""
    phare = next(d for d in kit.documents if d.id == "etudes-phare")
    (tie,) = phare.concerns
    assert tie.goals == ("understand", "unsure") and tie.holds_for("unsure") and not tie.holds_for("animate")
    understand = plans.build_plan(kit, Answers("academic", "understand", "figures"))
    assert "etudes-phare" in {i.document.id for i in understand.items if i.concern}
    animate = plans.build_plan(kit, Answers("academic", "animate", "toolbox"))
    assert not any(i.concern for i in animate.items)
    assert {"etudes-phare", "etude-etat-des-lieux-co-construction"}.isdisjoint(i.document.id for i in animate.start)
    # `kit show` says for which goals the reading holds.
    line = render_common.concerns_lines(kit, phare)[0]
    assert "pour les objectifs « Comprendre la co-construction sur les territoires et me positionner »" in spaced(line)
    i18n.set_lang("en")  # the goals are the program's words: quoted as English quotes
    line = render_common.concerns_lines(kit, phare)[0]
    assert "for the goals “Understand co-construction in the territories and position myself”, “I don't know yet”" in line
