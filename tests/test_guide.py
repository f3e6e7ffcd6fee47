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

NEEDS = ("reference", "illustrations", "method", "toolbox", "all")

# What the seed says a document is written for (« à destination de… »), and what it ties to a role by our
# reading (the kit's `concerns`), as a reader of the seed finds them.
WRITTEN_FOR: dict[str, set[str]] = {
    "association": {"referentiel-cides-partenariats"},
    "company": {"guide-construire-ensemble"},
}
CONCERNS: dict[str, set[str]] = {
    "company": {"guide-engagement-associatif-salaries"},
    "facilitator": {
        "animer-co-construction-territoriale",
        "fiche-diagnostic-structure-animation",
        "accompagner-entreprises",
        "accompagner-associations",
        "accompagner-partenariat",
    },
}


# --- answers -> plan, for every role, goal and need -------------------------------------------------


@pytest.mark.parametrize("need", NEEDS)
@pytest.mark.parametrize("goal", GOALS)
@pytest.mark.parametrize("role", ROLES)
def test_plan_for_every_role_goal_and_need(kit: Kit, role: str, goal: str, need: str) -> None:
    plan = plans.build_plan(kit, Answers(role, goal, need))
    path_id = "understand" if goal == "unsure" else goal
    path = next(p for p in kit.paths if p.id == path_id)

    assert plan.path == path and (plan.role, plan.goal, plan.need) == (role, goal, need)
    # Exactly `kit path`'s documents, in its reading order, numbered as `kit path` numbers them.
    assert [i.document for i in plan.items] == list(select(kit, path=path).documents)
    assert [i.number for i in plan.items] == list(range(1, len(path.documents) + 1))
    # The start set: never empty, at most five, all of the path; nothing of the path is hidden.
    start = [i.document.id for i in plan.start]
    assert 1 <= len(start) <= plans.START_SIZE and len(set(start)) == len(start)
    assert set(start) <= set(path.documents)
    assert sorted([*start, *(i.document.id for i in plan.rest)]) == sorted(path.documents)

    written_for = WRITTEN_FOR.get(role, set())
    concerns = CONCERNS.get(role, set())
    assert {i.document.id for i in plan.highlights} == written_for & set(path.documents)
    assert {i.document.id for i in plan.items if i.concern} == concerns & set(path.documents)
    assert {d.id for d, _ in plan.elsewhere} == written_for - set(path.documents)
    for item in plan.items:
        assert bool(item.reason) == item.highlight and item.why
        if item.highlight:
            assert item.reason in {w.quote for w in item.document.written_for}
    # The rule, in its order: written for the role, then tied to it, then the need, then the reference.
    rules = [i.start for i in plan.start]
    assert rules == sorted(rules, key=plans.RULES.index)
    for item in plan.start:
        if item.start == plans.WRITTEN_FOR:
            assert item.highlight
        elif item.start == plans.CONCERNS:
            assert item.concern and not item.highlight
        elif item.start == plans.NEED and need != "all":
            assert item.document.category == need
        elif item.start == plans.REFERENCE:
            assert item.document.category == "reference"
    if need == "all":
        natures = [i.document.category for i in plan.start if i.start == plans.NEED]
        assert len(natures) == len(set(natures))
    # The sentence tells what was chosen, count by count.
    sentence = spaced(plans.start_line(plan))
    assert sentence.startswith(f"{len(start)} document")
    for rule, words in (
        (plans.WRITTEN_FOR, "écrit"),
        (plans.CONCERNS, "qui vous concern"),
        (plans.REFERENCE, "du cadre de référence"),
    ):
        count = rules.count(rule)
        assert (f"{count} {words}" in sentence) == bool(count), (rule, sentence)

    notes = spaced(" ".join(plans.notes(plan)))
    if role in ("public", "academic", "media"):
        # The kit addresses nothing to them: say so, highlight nothing.
        assert not plan.highlights and not plan.role_in_kit
        assert "aucun document écrit spécialement pour" in notes
    if role == "other":
        assert not plan.highlights and "Autre" in notes
    if goal == "unsure":
        assert "point de départ" in notes


def test_different_answers_give_different_starts(kit: Kit) -> None:
    starts = {
        (role, goal, need): tuple(i.document.id for i in plans.build_plan(kit, Answers(role, goal, need)).start)
        for role in ROLES
        for goal in GOALS
        for need in NEEDS
    }
    # Within each path, every need leads somewhere else.
    for role in ROLES:
        for goal in GOALS:
            assert len({starts[role, goal, need] for need in NEEDS}) == len(NEEDS), (role, goal)
    facilitator = starts["facilitator", "animate", "method"]
    company = starts["company", "animate", "toolbox"]
    assert facilitator[:2] == ("animer-co-construction-territoriale", "fiche-diagnostic-structure-animation")
    assert set(facilitator) != set(company) and not set(facilitator) & set(company)


def test_a_missing_need_is_a_bit_of_everything(kit: Kit) -> None:
    plan = plans.build_plan(kit, Answers("association", "understand"))
    assert plan.need == "all"
    assert [i.document.category for i in plan.start] == ["reference", "illustrations", "method", "toolbox"]


def test_company_support_starts_with_the_guide_written_for_company_heads(kit: Kit) -> None:
    plan = plans.build_plan(kit, Answers("company", "support", "toolbox"))
    assert plan.start[0].document.id == "guide-construire-ensemble" and plan.start[0].start == plans.WRITTEN_FOR
    assert plan.start[0].reason == "à destination des chefs d'entreprise"
    assert plan.start[0].why == "Écrit « à destination des chefs d'entreprise », dit le kit." or spaced(plan.start[0].why) == (
        "Écrit « à destination des chefs d'entreprise », dit le kit."
    )
    assert plan.start[1].document.id == "guide-engagement-associatif-salaries" and plan.start[1].start == plans.CONCERNS
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


def test_the_why_is_the_first_sentence_of_the_description_shortened_at_a_clause(kit: Kit) -> None:
    assert plans.first_sentence("Une phrase courte. Une autre.") == "Une phrase courte"
    long = "Une première proposition assez longue pour compter, " + "suite " * 40 + "fin."
    cut = plans.first_sentence(long)
    assert cut == "Une première proposition assez longue pour compter …" and len(cut) <= plans.WHY_LENGTH + 2
    for document in kit.documents:
        why = plans.first_sentence(document.description)
        assert why.rstrip(" …") in " ".join(document.description.split())


def test_reasons_and_notes_in_english(kit: Kit) -> None:
    i18n.set_lang("en")
    plan = plans.build_plan(kit, Answers("company", "animate"))
    assert not plan.highlights
    assert plans.notes(plan)[-1].startswith(
        "Written for you, outside this path: “« Construire ensemble » (“Building together”) guide"
    )
    assert "(path support)" in plans.notes(plan)[-1]
    plan = plans.build_plan(kit, Answers("company", "support", "toolbox"))
    assert plan.highlights[-1].reason == "intended for business leaders"
    assert plans.start_line(plan).startswith(
        "5 documents, chosen this way: 1 written for you (the kit says so), 1 that concerns you"
    )
    assert plans.detail_line(plan) == "Details: kit show support:<no. or id>"


def test_plan_data_is_kit_path_documents_plus_marks_and_the_start(kit: Kit) -> None:
    plan = plans.build_plan(kit, Answers("facilitator", "unsure"))
    data = plans.plan_data(plan)
    assert data["answers"] == {"role": "facilitator", "goal": "unsure", "need": "all"}
    assert data["path"] == "understand"
    base = records(select(kit, path=plan.path))
    added = ["highlight", "reason", "number", "why", "concern", "start"]
    assert [{k: v for k, v in d.items() if k not in added} for d in data["documents"]] == base
    assert all(list(d)[-len(added) :] == added for d in data["documents"])
    assert not any(d["highlight"] for d in data["documents"])
    assert [s["id"] for s in data["start"]] == [i.document.id for i in plan.start]
    assert all(set(s) >= {"id", "why"} for s in data["start"])


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


def test_interview_asks_the_three_then_confirms(kit: Kit) -> None:
    ask = Script([("role", "company"), ("goal", "support"), ("need", "toolbox"), ("recap", "confirm")])
    assert guide.interview(kit, Answers(), ask) == Answers("company", "support", "toolbox")
    assert ask.done()
    recap = ask.asked[-1]
    assert tuple(spaced(line) for line in recap.preamble) == (
        "Récapitulatif",
        "  Vous êtes : Une entreprise",
        "  Votre objectif : Accompagner des organisations (entreprises, associations) dans leurs partenariats",
        "  D'abord : Des outils pour passer à la pratique",
    )
    assert recap.default == "confirm"
    assert [o.value for o in recap.options] == ["confirm", "role", "goal", "need"]


def test_the_need_question_speaks_the_kit_s_words(kit: Kit) -> None:
    question = guide.need_question(kit)
    assert spaced(question.message) == "De quoi avez-vous besoin d'abord ?"
    assert [o.value for o in question.options] == ["reference", "illustrations", "method", "toolbox", "all"]
    assert [o.title for o in question.options] == [
        "Comprendre les enjeux et le cadre",
        "Des cas concrets",
        "Une méthode pour animer",
        "Des outils pour passer à la pratique",
        "Un peu de tout",
    ]
    # Each nature is told by the seed's own definition of it.
    assert [o.description for o in question.options[:4]] == [c.description for c in kit.categories]
    assert question.default == "all"


def test_interview_lets_each_answer_be_changed_at_the_recap(kit: Kit) -> None:
    ask = Script(
        [
            ("role", "company"),
            ("goal", "support"),
            ("need", "method"),
            ("recap", "role"),
            ("role", "facilitator"),
            ("recap", "goal"),
            ("goal", "unsure"),
            ("recap", "need"),
            ("need", "all"),
            ("recap", "confirm"),
        ]
    )
    assert guide.interview(kit, Answers(), ask) == Answers("facilitator", "unsure", "all")
    # Going back points at the current answer.
    assert ask.asked[4].default == "company"
    assert ask.asked[6].default == "support"
    assert ask.asked[8].default == "method"


def test_interview_asks_only_what_is_missing_and_defaults_the_goal_from_the_role(kit: Kit) -> None:
    ask = Script([("goal", "animate"), ("need", "method"), ("recap", "confirm")])
    assert guide.interview(kit, Answers("facilitator", None), ask) == Answers("facilitator", "animate", "method")
    assert ask.asked[0].default == "animate"
    ask = Script([("role", "media"), ("recap", "confirm")])
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
