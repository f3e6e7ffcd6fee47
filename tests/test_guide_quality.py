"""The guide's advice against a careful reader's (issue 18): the quality set, and the figures docs/architecture.md states.

The people and the documents a careful reader of the seed would hand each of them first are in
`tests/fixtures/guide_quality.json`, written from the seed before any plan was looked at; `bench/quality.py`
scores the plans against them (`python bench/quality.py --verbose` shows each plan and what it missed).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "guide_quality.json"
SEED = ROOT / "tests" / "fixtures" / "seed.txt"
ISSUE_PEOPLE = (  # the eight people of the issue, each to get at least 4 of their 5
    "cc-dialogue",
    "csr-manager",
    "small-association",
    "network-head",
    "researcher",
    "journalist",
    "newcomer",
    "foundation-officer",
)
OVERALL = 0.83
"""What docs/architecture.md states (83.7 % when written, on 72 people, 40 of them written blind; 88.5 % for
the first 32): a lower score is a regression. The issue's aim is 0.9, not reached."""
LOWEST = 0.33
"""The lowest person's share when written (a metropolis' collective project, 1 of 3). The issue's aim is 0.5,
not reached: docs/architecture.md says so."""


def _quality() -> ModuleType:
    spec = importlib.util.spec_from_file_location("quality", ROOT / "bench" / "quality.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["quality"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def quality() -> ModuleType:
    return _quality()


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def test_the_quality_set_is_written_from_the_seed() -> None:
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    people = data["people"]
    assert len(people) >= 24 and {p["lang"] for p in people} == {"fr", "en"}
    assert sum(1 for p in people if p.get("situation")) >= 10
    assert set(ISSUE_PEOPLE) <= {p["id"] for p in people}
    seed = _flat(SEED.read_text(encoding="utf-8"))
    ids = {d["id"] for d in json.loads((ROOT / "data" / "kit.json").read_text(encoding="utf-8"))["documents"]}
    for person in people:
        for key in ("expected", "second_reader")[: 1 + ("second_reader" in person)]:
            listed = person[key]
            assert 3 <= len(listed) <= 5 and len({e["id"] for e in listed}) == len(listed), (person["id"], key)
            for expected in listed:
                # Each document is the kit's and rests on a seed phrase, as the seed writes it.
                assert expected["id"] in ids and _flat(expected["rests_on"]) in seed, (person["id"], key, expected["id"])
    assert all(p.get("second_reader") for p in people)


def test_each_of_the_issue_s_eight_people_gets_four_of_their_five(quality: ModuleType) -> None:
    scores = {s.person: s for s in quality.measure(FIXTURE)}
    for person in ISSUE_PEOPLE:
        assert len(scores[person].found) >= 4, (person, scores[person].start)


def test_the_set_as_a_whole_and_nobody_left_behind(quality: ModuleType) -> None:
    scores = quality.measure(FIXTURE)
    assert quality.overall(scores) >= OVERALL
    assert min(s.share for s in scores) >= LOWEST, [(s.person, s.share) for s in scores if s.share < LOWEST]


def test_two_readers_agree_less_than_fully(quality: ModuleType, tmp_path: Path) -> None:
    """The agreement is measured, not assumed: two identical lists agree fully, disjoint ones not at all."""
    held, total, _ = quality.agreement(FIXTURE)
    assert 0 < held < total
    person = dict(json.loads(FIXTURE.read_text(encoding="utf-8"))["people"][0])
    for second, share in ((person["expected"], 1.0), ([{"id": "rapport-interet-general", "rests_on": "x"}] * 3, 0.0)):
        fixture = tmp_path / "quality.json"
        fixture.write_text(json.dumps({"people": [{**person, "second_reader": second}]}), encoding="utf-8")
        held, total, count = quality.agreement(fixture)
        assert (held / total, count) == (share, 1)
    # Where both agree, a plan that misses a document both chose holds less than all of them.
    person = {**person, "second_reader": person["expected"]}
    fixture.write_text(json.dumps({"people": [person]}), encoding="utf-8")
    scores = quality.measure(fixture)
    held, both = quality.consensus(scores, fixture)
    assert both == len(person["expected"]) and held == len(scores[0].found)


def test_the_score_can_fail(quality: ModuleType, tmp_path: Path) -> None:
    """A person whose careful reader would start elsewhere scores low: the measure is not a constant."""
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    person = dict(data["people"][0])
    person["expected"] = [{"id": "rapport-interet-general", "rests_on": "x"}, {"id": "film-3-exemples", "rests_on": "x"}]
    fixture = tmp_path / "quality.json"
    fixture.write_text(json.dumps({"people": [person]}), encoding="utf-8")
    (score,) = quality.measure(fixture)
    assert score.share < LOWEST


def test_the_docs_state_the_measured_figure(quality: ModuleType) -> None:
    """The figure of docs/architecture.md is the one measured: a change of the weighing that moves it updates
    the page."""
    scores = quality.measure(FIXTURE)
    found, expected = quality.totals(scores)
    page = " ".join((ROOT / "docs" / "architecture.md").read_text(encoding="utf-8").split())
    assert f"**{found} of {expected}, {100 * found / expected:.1f} %**" in page
    assert f"{len(scores)} people" in page
    assert f"nobody gets less than {min(s.share for s in scores):.0%}".replace("%", " %") in page
    held, total, count = quality.agreement(FIXTURE)
    agreed = f"a second careful reader's list holds {held} of the first's {total} documents ({100 * held / total:.1f} %)"
    assert f"on the {count} people both wrote for, {agreed}" in page
    held, both = quality.consensus(scores, FIXTURE)
    assert f"Where both lists agree ({both} documents), the guide holds {held} ({100 * held / both:.1f} %)" in page
    second = quality.measure(FIXTURE, key="second_reader")
    ours, theirs = quality.totals(second)
    assert f"guide holds {ours} of {theirs} documents ({100 * ours / theirs:.1f} %)**" in page
    # The README states the method and the figure, in French.
    readme = _flat((ROOT / "README.md").read_text(encoding="utf-8"))
    share = f"{100 * found / expected:.1f}".replace(".", ",")
    assert f"sur {len(scores)} personnes" in readme
    assert f"en met {found} sur {expected} dans son « Pour commencer » ({share} %)" in readme


def test_the_docs_table_of_weights_is_the_code_s() -> None:
    """Each weight the table of docs/architecture.md states is the one `plan.py` uses."""
    from coconstruct_cli import plan

    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    rows = {
        "marked ★ |": plan.WEIGHTS[plan.WRITTEN_FOR],
        "marked ◆ |": plan.WEIGHTS[plan.CONCERNS],
        "(`guide.goals[].key`, in order: 5, 4.8, 4.6…) |": plan.WEIGHTS[plan.GOAL],
        "`unsure`: 7, 6.8, 6.6…) |": plan.BORROWED_GOAL,
        "(the best three: 6, 5, 4) |": plan.SITUATION_WEIGHTS[0],
        "the nearest need: 3) |": plan.WEIGHTS[plan.NEED],
        "the first document of its nature |": plan.WEIGHTS[plan.VARIETY],
        "its cornerstone, the Référentiel) |": plan.WEIGHTS[plan.REFERENCE],
        "(the kit writes for no other role) |": plan.OTHER_ROLE,
        "for an association) |": plan.OTHER_TIE,
    }
    for row, weight in rows.items():
        assert f"{row} {weight:g} |".replace("-", "−") in page, row
    assert plan.SITUATION_WEIGHTS == (6, 5, 4) and plan.WEIGHTS[plan.NEAREST] == 3
    assert (plan.GOAL_STEP, plan.START_SIZE, plan.START_MIN, plan.START_FLOOR, plan.NEED_SURE) == (0.2, 5, 3, 3.0, 2)
