"""Reading progress as data (progress.py): kit identity, marks, answers, merge, next documents, the JSON format."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coconstruct_cli import i18n, progress
from coconstruct_cli.model import Kit
from coconstruct_cli.progress import (
    EMPTY,
    Answers,
    Change,
    MergeReport,
    State,
    Unusable,
    describe,
    kit_id,
    kit_identity,
    mark,
    merge,
    merge_lines,
    orphans,
    parse,
    path_progress,
    remember,
    to_document,
    unmark,
)

FIXTURES = Path(__file__).parent / "fixtures"
KID = kit_id("Kit « co-construction territoriale »", "Le RAMEAU")
OTHER = kit_id("Un autre kit", "Quelqu'un")


# --- identity ------------------------------------------------------------------------------------


def test_the_bundled_kit_is_known_by_its_title_and_publisher(kit: Kit) -> None:
    assert kit_identity(kit) == KID._replace(title=kit.about.title)
    assert kit_identity(kit).key == KID.key


def test_case_and_spacing_do_not_change_the_identity_but_the_publisher_does() -> None:
    same = kit_id("KIT  «\u00a0co-construction TERRITORIALE\u202f»", " le rameau ")
    assert same.key == KID.key
    assert kit_id("Kit « co-construction territoriale »", "Un autre éditeur").key != KID.key


def test_a_newer_edition_of_the_kit_keeps_its_progress(kit: Kit) -> None:
    state, _ = mark(EMPTY, kit_identity(kit), ["film-3-exemples"])
    newer = kit.model_copy(update={"about": kit.about.model_copy(update={"summary": "Nouvelle édition"})})
    assert state.read(kit_identity(newer)) == {"film-3-exemples"}


# --- marks ---------------------------------------------------------------------------------------


def test_mark_says_what_changed_for_each_id_once() -> None:
    state, changes = mark(EMPTY, KID, ["a", "b", "a"])
    assert changes == (Change("a", True, True), Change("b", True, True))
    state, changes = mark(state, KID, ["b", "c"])
    assert changes == (Change("b", True, False), Change("c", True, True))
    assert state.read(KID) == {"a", "b", "c"}
    assert state.read(OTHER) == frozenset()


def test_unmark_says_what_changed_and_leaves_other_kits_alone() -> None:
    state, _ = mark(EMPTY, KID, ["a", "b"])
    state, _ = mark(state, OTHER, ["a"])
    state, changes = unmark(state, KID, ["a", "zz"])
    assert changes == (Change("a", False, True), Change("zz", False, False))
    assert state.read(KID) == {"b"}
    assert state.read(OTHER) == {"a"}


def test_nothing_changed_gives_the_same_state_back() -> None:
    state, _ = mark(EMPTY, KID, ["a"])
    assert mark(state, KID, ["a"])[0] is state
    assert unmark(state, KID, ["b"])[0] is state
    assert remember(state, KID, Answers()) is state


def test_lines_for_each_change_in_both_languages() -> None:
    title = "Film « 3 exemples »"
    assert describe(Change("film", True, True), title) == "Marqué comme lu\u00a0: Film « 3 exemples » (film)"
    assert describe(Change("film", True, False), title).startswith("Déjà marqué comme lu\u00a0:")
    assert describe(Change("film", False, True), title).startswith("Marque de lecture retirée\u00a0:")
    assert describe(Change("film", False, False), title).startswith("Pas marqué comme lu, rien à retirer\u00a0:")
    i18n.set_lang("en")
    assert describe(Change("film", True, True), "Film") == "Marked as read: Film (film)"
    assert describe(Change("film", False, False), "Film") == "Not marked as read, nothing to undo: Film (film)"


def test_answers_are_remembered_per_kit() -> None:
    state = remember(EMPTY, KID, Answers("company", "support"))
    assert state.answers(KID) == Answers("company", "support", None)
    assert state.answers(OTHER).empty
    state = remember(state, KID, Answers("association", "animate", "comprendre"))
    assert state.answers(KID).need == "comprendre"


# --- merge ---------------------------------------------------------------------------------------


def test_merge_is_a_union_and_never_replaces_the_readers_answers() -> None:
    ours, _ = mark(remember(EMPTY, KID, Answers("company", None)), KID, ["a", "b"])
    theirs, _ = mark(remember(EMPTY, KID, Answers("association", "support")), KID, ["b", "c"])
    theirs, _ = mark(theirs, OTHER, ["x"])
    merged, report = merge(ours, theirs)
    assert merged.read(KID) == {"a", "b", "c"}
    assert merged.read(OTHER) == {"x"}
    assert merged.answers(KID) == Answers("company", "support")
    assert report == MergeReport(kits_added=1, marks_added=2, answers_added=1)
    assert merge(merged, theirs) == (merged, MergeReport(0, 0, 0))


@pytest.mark.parametrize(
    "report,lines",
    [
        (MergeReport(0, 0, 0), ["Import\u00a0: aucune nouvelle marque de lecture."]),
        (MergeReport(0, 1, 0), ["Import\u00a0: 1 document de plus marqué comme lu."]),
        (
            MergeReport(1, 3, 2),
            ["Import\u00a0: 3 documents de plus marqués comme lus.", "Import\u00a0: réponses du guide reprises."],
        ),
    ],
)
def test_import_lines_have_real_plurals(report: MergeReport, lines: list[str]) -> None:
    assert merge_lines(report) == lines


# --- where the reader stands ---------------------------------------------------------------------


def test_next_documents_start_with_the_plan_then_follow_the_reading_order() -> None:
    order = ["a", "b", "c", "d", "e"]
    result = path_progress(order, {"b"}, start=["d", "b", "elsewhere", "a"])
    assert result.next == ("d", "a", "c", "e")
    assert (result.read, result.total, result.done) == (1, 5, False)
    assert path_progress(order, set(order) | {"orphan"}) == progress.PathProgress(5, 5, ())
    assert path_progress(order, set(order)).done


def test_ids_the_kit_no_longer_has_are_listed() -> None:
    assert orphans({"b", "gone", "also-gone"}, ["a", "b"]) == ("also-gone", "gone")
    assert progress.orphans_line(["gone"]) == "Marqués comme lus mais absents de cette version du kit\u00a0: gone"


ids = st.lists(st.sampled_from([f"d{i}" for i in range(12)]), max_size=12)


@settings(max_examples=200, deadline=None)
@given(order=ids, read=ids, start=ids)
def test_next_and_read_documents_share_out_the_path(order: list[str], read: list[str], start: list[str]) -> None:
    result = path_progress(order, set(read), start)
    on_path = set(order)
    assert len(result.next) == len(set(result.next)) == result.total - result.read
    assert set(result.next) == on_path - set(read)
    assert result.total == len(on_path)
    planned = [i for i in dict.fromkeys(start) if i in set(result.next)]
    assert list(result.next[: len(planned)]) == planned
    rest = [i for i in result.next if i not in planned]
    assert rest == [i for i in dict.fromkeys(order) if i in rest]


# --- the JSON format -----------------------------------------------------------------------------


slugs = st.from_regex(r"\A[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}\Z")
texts = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=20).filter(str.strip)


@settings(max_examples=100, deadline=None)
@given(
    kits=st.lists(st.tuples(texts, texts, st.frozensets(slugs, max_size=5), st.one_of(st.none(), texts)), max_size=4),
)
def test_a_state_survives_its_json_document(kits: list[tuple[str, str, frozenset[str], str | None]]) -> None:
    state = EMPTY
    for title, publisher, read, role in kits:
        kid = kit_id(title, publisher)
        state, _ = mark(remember(state, kid, Answers(role=role)), kid, read)
    assert parse(progress.dumps(state).encode()) == state


def test_the_first_format_still_loads(kit: Kit) -> None:
    state = parse((FIXTURES / "progress_v1.json").read_bytes())
    assert state.read(kit_identity(kit)) == {"referentiel-co-construction-territoire", "document-retire-depuis"}
    assert orphans(state.read(kit_identity(kit)), [d.id for d in kit.documents]) == ("document-retire-depuis",)
    assert state.answers(KID) == Answers("company", "support", None)
    assert state.read(OTHER) == frozenset()


def test_an_old_version_goes_through_the_migrations(monkeypatch: pytest.MonkeyPatch) -> None:
    # Pretend a version 2 exists: a v1 file must arrive through the migration, then be checked as v2.
    seen: list[int] = []

    def to_v2(data: dict[str, Any]) -> dict[str, Any]:
        seen.append(data["version"])
        return {**data, "version": 2, "kits": [{**k, "read": [*k["read"], "added-by-v2"]} for k in data["kits"]]}

    monkeypatch.setattr(progress, "VERSION", 2)
    monkeypatch.setitem(progress.MIGRATIONS, 1, to_v2)
    state = parse((FIXTURES / "progress_v1.json").read_bytes())
    assert seen == [1]
    assert state.read(KID) == {"referentiel-co-construction-territoire", "document-retire-depuis", "added-by-v2"}
    assert state.answers(KID).goal == "support"
    assert parse(progress.dumps(state).encode()) == state  # written as v2, read back without migrating
    assert seen == [1]

    monkeypatch.setitem(progress.MIGRATIONS, 1, lambda data: {**data, "version": 2, "kits": "?"})
    with pytest.raises(Unusable) as caught:
        parse((FIXTURES / "progress_v1.json").read_bytes())
    assert caught.value.problems == ("kits: type attendu\u00a0: liste",)


def test_the_same_kit_written_twice_is_merged() -> None:
    one, two = to_document(mark(EMPTY, KID, ["a"])[0]), to_document(mark(EMPTY, KID, ["b"])[0])
    one["kits"] += [dict(two["kits"][0], title="KIT «\u00a0CO-CONSTRUCTION territoriale\u00a0»")]
    assert parse(json.dumps(one).encode()).read(KID) == {"a", "b"}


def test_an_export_of_one_kit_carries_a_report_that_is_ignored_when_read() -> None:
    state, _ = mark(EMPTY, KID, ["a"])
    state, _ = mark(state, OTHER, ["b"])
    data = to_document(state, only=KID, report={"paths": [{"id": "support", "read": 1, "total": 17}]})
    assert [k["title"] for k in data["kits"]] == [KID.title]
    assert parse(json.dumps(data).encode()) == State({KID.key: state.kit(KID)})


@pytest.mark.parametrize(
    "raw,reason",
    [
        (b"\xef\xbb\xbf{\n\xff}", "le fichier n'est pas en UTF-8 (ligne 2, colonne 1)"),
        (b'{"format": ', "le fichier n'est pas du JSON valide (ligne 1, colonne 12)"),
        (b"", "le fichier n'est pas du JSON valide (ligne 1, colonne 1)"),
        (b"[" * 100_000, "le fichier n'est pas du JSON valide"),
        (b"[]", "((racine du fichier): " + i18n.t("val.type", expected="objet") + ")"),
        (b'{"format": "coconstruct-cli/progress", "version": 1}', "(kits: champ obligatoire manquant)"),
        (b'{"format": "x", "version": 1, "kits": []}', "(format: «\u00a0coconstruct-cli/progress\u00a0» attendu)"),
        (b'{"format": "coconstruct-cli/progress", "version": true, "kits": []}', "(version: type attendu\u00a0: entier)"),
        (b'{"format": "coconstruct-cli/progress", "version": 0, "kits": []}', "(version: valeur hors limites (1..1))"),
    ],
)
def test_unusable_documents_say_why(raw: bytes, reason: str) -> None:
    with pytest.raises(Unusable) as caught:
        parse(raw)
    assert reason in caught.value.reason
    assert not caught.value.newer


def test_a_newer_version_is_told_apart_from_a_broken_file() -> None:
    with pytest.raises(Unusable) as caught:
        parse(b'{"version": 7, "whatever": "shape"}')
    assert caught.value.newer
    assert caught.value.reason == (
        "le fichier vient d'une version plus récente de kit (format 7, cette version lit jusqu'au format 1)"
    )


@pytest.mark.parametrize(
    "read,valid",
    [
        ([], True),
        (["a", "b-2", "x" * 80], True),
        (["a\nb"], False),
        (["a", "a\n"], False),
        (["x" * 81], False),
        (["-a"], False),
        (["a--b"], False),
        (["é"], False),
        ([""], False),
        (["a", None], False),
    ],
)
def test_read_ids_are_checked_in_bulk_as_one_by_one(read: list[Any], valid: bool) -> None:
    data = to_document(EMPTY)
    data["kits"] = [{"title": "T", "publisher": "P", "read": read}]
    assert (progress._problems(data) == []) == valid
    assert progress._all_ids(read) == valid


@settings(max_examples=300, deadline=None)
@given(read=st.lists(st.text(alphabet="ab0-\n é", max_size=5), max_size=4))
def test_the_bulk_check_agrees_with_the_check_of_each_id(read: list[str]) -> None:
    assert progress._all_ids(read) == all(progress._ID.fullmatch(i) for i in read)


def test_every_field_problem_is_named_with_its_place() -> None:
    data = {
        "format": "coconstruct-cli/progress",
        "version": 1,
        "extra": 1,
        "kits": [
            {"title": "T", "publisher": " ", "read": ["ok", 3, "Pas Un Id", "a\nb"], "answers": {"role": 1, "mood": "x"}},
            {"title": "T", "read": "a"},
            "kit",
        ],
    }
    with pytest.raises(Unusable) as caught:
        parse(json.dumps(data).encode())
    text, object_ = i18n.t("val.type", expected="texte"), i18n.t("val.type", expected="objet")
    assert caught.value.problems == (
        "extra: champ inconnu",
        f"kits[0].publisher: {text}",
        f"kits[0].read[1]: {text}",
        "kits[0].read[2]: " + i18n.t("val.pattern"),
        "kits[0].read[3]: " + i18n.t("val.pattern"),
        f"kits[0].answers.role: {text}",
        "kits[0].answers.mood: champ inconnu",
        "kits[1].publisher: champ obligatoire manquant",
        "kits[1].read: " + i18n.t("val.type", expected="liste"),
        f"kits[2]: {object_}",
    )
    assert caught.value.reason == "le contenu n'est pas valide (extra: champ inconnu)"


@pytest.mark.parametrize("where", ["top", "kit", "answers"])
def test_an_unknown_field_is_named_on_one_line_whatever_its_name_holds(where: str) -> None:
    # The progress fuzzer's find: a key "\r\nFAUX\tTITRE" cut the warning of every reading command in two lines.
    kit: dict[str, Any] = {"title": "T", "publisher": "P", "read": []}
    data: dict[str, Any] = {"format": "coconstruct-cli/progress", "version": 1, "kits": [kit]}
    holder = {"top": data, "kit": kit, "answers": kit.setdefault("answers", {})}[where]
    holder["\r\nFAUX\tTITRE\x1b[31m" + "x" * 200] = 1
    with pytest.raises(Unusable) as caught:
        parse(json.dumps(data).encode())
    (problem,) = caught.value.problems
    assert problem.isprintable() and "FAUX TITRE" in problem and len(problem) < 120, problem


# --- the catalogue block -------------------------------------------------------------------------


PROGRESS_KEYS = sorted(k for k in i18n.MESSAGES if k.startswith("progress."))


@pytest.mark.parametrize("key", PROGRESS_KEYS)
def test_french_messages_follow_french_typography(key: str) -> None:
    fr, en = i18n.MESSAGES[key]
    assert not re.search(r"[ \w][:;?!](\s|$)", fr.replace("{", "").replace("}", "")), fr
    assert not re.search(r"«(?!\u00a0)|(?<!\u00a0)»", fr), fr
    assert "(s)" not in fr + en
    assert "\u00a0" not in en


def test_many_bad_marks_write_each_message_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """200,000 bad marks took 1.8 s to parse, two catalogue look-ups a mark: the messages are written once."""
    calls: list[str] = []
    real = progress.t

    def counted(key: str, **values: Any) -> str:
        calls.append(key)
        return real(key, **values)

    monkeypatch.setattr(progress, "t", counted)
    read: list[Any] = ["Pas-Un-Id"] * 5000 + [7] * 5000
    doc = {"format": progress.FORMAT, "version": progress.VERSION, "kits": [{"title": "t", "publisher": "p", "read": read}]}
    with pytest.raises(Unusable) as caught:
        progress.parse(json.dumps(doc).encode())
    assert len(caught.value.problems) == 10_000
    first, last = caught.value.problems[0], caught.value.problems[-1]
    assert first.startswith("kits[0].read[0]: ") and last.startswith("kits[0].read[9999]: ")
    assert len(calls) < 20
