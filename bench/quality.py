"""How good the guide's advice is: the share of a careful reader's documents that the plan puts first.

    python bench/quality.py [--verbose]

`tests/fixtures/guide_quality.json` holds people (role, goal, need, optional situation, language) with the
documents a careful reader of the seed would hand each of them first, written from the seed before any
plan was looked at, each with the seed phrase it rests on; for some, a second careful reader's list too
(`second_reader`, written without seeing the first). A person's score is the share of those
documents in the plan's « Pour commencer » set, a document of another path counting when the plan names
it beside the path (`Plan.elsewhere`); the set's score is the share over all expected documents.
`tests/test_guide_quality.py` holds the figures to what docs/architecture.md states.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "guide_quality.json"


@dataclass(frozen=True)
class Score:
    person: str
    expected: tuple[str, ...]
    found: tuple[str, ...]
    """The expected documents the plan puts first (or names beside the path)."""
    start: tuple[str, ...]

    @property
    def share(self) -> float:
        return len(self.found) / len(self.expected)


def people(fixture: Path = FIXTURE) -> list[dict[str, object]]:
    data = json.loads(fixture.read_text(encoding="utf-8"))
    return list(data["people"])


def listed(person: dict[str, object], key: str = "expected") -> tuple[str, ...]:
    """The document ids of one of a person's lists: the first careful reader's (`expected`) or the second's."""
    return tuple(str(e["id"]) for e in person.get(key) or ())  # type: ignore[attr-defined]


def measure(fixture: Path = FIXTURE, key: str = "expected") -> list[Score]:
    """Every person's score, on the bundled kit, against the first careful reader's list (`key="second_reader"`:
    against the second reader's, for the people who have one)."""
    from coconstruct_cli.guide import Answers, resolve_answers
    from coconstruct_cli.i18n import set_lang
    from coconstruct_cli.loader import bundled_path, load_kit
    from coconstruct_cli.plan import build_plan

    kit = load_kit(bundled_path())
    scores = []
    for person in people(fixture):
        if not listed(person, key):
            continue
        set_lang(str(person["lang"]))
        given = Answers(str(person["role"]), str(person["goal"]), str(person["need"]), person.get("situation") or None)  # type: ignore[arg-type]
        plan = build_plan(kit, resolve_answers(kit, given))
        start = tuple(i.document.id for i in plan.start)
        shown = set(start) | {d.id for d, _ in plan.elsewhere}
        expected = listed(person, key)
        scores.append(Score(str(person["id"]), expected, tuple(e for e in expected if e in shown), start))
    set_lang("fr")
    return scores


def totals(scores: list[Score]) -> tuple[int, int]:
    """(the expected documents the plans put first or name beside the path, the expected documents)."""
    return sum(len(s.found) for s in scores), sum(len(s.expected) for s in scores)


def overall(scores: list[Score]) -> float:
    found, expected = totals(scores)
    return found / expected


def agreement(fixture: Path = FIXTURE) -> tuple[int, int, int]:
    """How far two careful readers agree: (the first reader's documents in the second reader's list, the first
    reader's documents, people), over the people both wrote a list for (`second_reader`). The second list
    is held to the same measure as a plan: the share of the first list it holds."""
    held = total = count = 0
    for person in people(fixture):
        theirs = set(listed(person, "second_reader"))
        if not theirs:
            continue
        first = listed(person)
        held += sum(1 for e in first if e in theirs)
        total += len(first)
        count += 1
    return held, total, count


def consensus(scores: list[Score], fixture: Path = FIXTURE) -> tuple[int, int]:
    """Where two careful readers agree: (the documents both lists hold that the plan puts first or names beside
    the path, the documents both lists hold), over the people with a `second_reader`."""
    by_person = {s.person: s for s in scores}
    held = total = 0
    for person in people(fixture):
        second = set(listed(person, "second_reader"))
        if not second or str(person["id"]) not in by_person:
            continue
        both = set(listed(person)) & second
        held += len(both & set(by_person[str(person["id"])].found))
        total += len(both)
    return held, total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="also list each plan's start set and what it missed")
    args = parser.parse_args()
    scores = measure()
    for s in scores:
        print(f"{s.person:32} {len(s.found)}/{len(s.expected)}  {s.share:4.0%}")
        if args.verbose and s.share < 1:
            print(f"{'':32} start: {', '.join(s.start)}")
            print(f"{'':32} missed: {', '.join(e for e in s.expected if e not in s.found)}")
    found, expected = totals(scores)
    print(f"{'overall':32} {found}/{expected}  {overall(scores):4.1%}  (lowest {min(s.share for s in scores):.0%})")
    held, total, count = agreement()
    if count:
        # The second readers' lists: no rule of the weighing was drawn from them.
        second = measure(key="second_reader")
        ours, theirs = totals(second)
        agreed, both = consensus(scores)
        print(f"second careful readers, on the {count} people both wrote for:")
        print(f"{'  their lists hold':32} {held}/{total}  {held / total:4.1%}  of the first reader's documents")
        print(f"{'  the first lists hold':32} {held}/{theirs}  {held / theirs:4.1%}  of theirs")
        print(f"{'  the guide holds':32} {ours}/{theirs}  {ours / theirs:4.1%}  of theirs")
        print(f"{'  where both agree, the guide':32} {agreed}/{both}  {agreed / both:4.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
