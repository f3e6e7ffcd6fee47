"""The documentation as a reader follows it: README.md, the users' door, and the pages of docs/.

Every relative link leads to a file that exists (and to a heading of it, when it names one), the French
pages keep French typography, the README keeps the test command `.ci/run` reads, and the exit codes of the
code are the ones the scripts' contract lists.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest

from coconstruct_cli.errors import ExitCode

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FRENCH = [ROOT / "README.md", ROOT / "docs" / "guide-utilisateur.md", ROOT / "docs" / "contrat-scripts.md"]
CODE = re.compile(r"```.*?```|`[^`]*`|<!--.*?-->", re.S)
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def prose(text: str) -> str:
    """The text a reader reads as prose: code blocks, code spans and comments blanked out."""
    return CODE.sub(lambda m: " " * len(m.group(0)), text)


def anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, each space a hyphen."""
    text = heading.strip().lower()
    text = "".join(c for c in text if c in " -_" or unicodedata.category(c)[0] in "LNM")
    return text.replace(" ", "-")


def anchors(page: Path) -> set[str]:
    """The anchors of a page's headings (a code span in a heading counts by its text, as on GitHub)."""
    text = re.sub(r"```.*?```|<!--.*?-->", "", page.read_text(encoding="utf-8"), flags=re.S)
    return {anchor(m.group(1)) for m in re.finditer(r"^#{1,6} (.+)$", text, re.M)}


def links(page: Path) -> list[str]:
    return LINK.findall(prose(page.read_text(encoding="utf-8")))


def test_the_pages_are_found() -> None:
    names = {p.relative_to(ROOT).as_posix() for p in PAGES}
    assert {
        "README.md",
        "docs/guide-utilisateur.md",
        "docs/contrat-scripts.md",
        "docs/architecture.md",
        "docs/seed-contradictions.md",
        "docs/performance.md",
    } <= names


def broken_links(page: Path) -> list[str]:
    """The relative links of `page` that lead to no file, or to no heading of the file they name."""
    broken = []
    for target in links(page):
        if re.match(r"[a-z]+:", target):
            continue  # a web address: not a file of the project
        path, _, fragment = target.partition("#")
        file = (page.parent / path).resolve() if path else page
        missing = not file.is_file()
        if missing or (fragment and (file.suffix != ".md" or fragment not in anchors(file))):
            broken.append(target)
    return broken


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_relative_link_leads_to_a_file_and_its_heading(page: Path) -> None:
    assert broken_links(page) == []


def test_the_link_check_can_fail(tmp_path: Path) -> None:
    (tmp_path / "b.md").write_text("# Le `kit guide`, ici\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(
        "# A\n\n[b](b.md) [b](b.md#le-kit-guide-ici) [c](c.md) [b](b.md#nulle-part) [a](#a) [a](#b) [w](https://x.org)\n"
        "`[code](d.md)`\n",
        encoding="utf-8",
    )
    assert broken_links(tmp_path / "a.md") == ["c.md", "b.md#nulle-part", "#b"]


def test_the_readme_points_to_every_page_of_docs() -> None:
    named = {(ROOT / t.partition("#")[0]).resolve() for t in links(ROOT / "README.md")}
    assert set(PAGES[1:]) <= named


# An ordinary space or a line break (not U+00A0 or U+202F) before : ; ? ! » or after «.
PLAIN_SPACE = re.compile(r".{0,20}(?:[^\S\u00a0\u202f][:;?!»]|«[^\S\u00a0\u202f]).{0,10}")


def typography_faults(text: str) -> list[str]:
    """Where French prose lacks its non-breaking space (STYLE.md): no line may start with a colon or end
    with an opening guillemet. Code, comments and links' targets are not prose."""
    return PLAIN_SPACE.findall(re.sub(r"\]\([^)]*\)", "]", prose(text)))


@pytest.mark.parametrize("page", FRENCH, ids=lambda p: p.name)
def test_the_french_pages_keep_french_typography(page: Path) -> None:
    assert typography_faults(page.read_text(encoding="utf-8")) == []


def test_the_typography_check_can_fail() -> None:
    good = "Vous êtes\u00a0: «\u00a0animer\u00a0»\u202f; `kit show animer:9` [lien](a.md#b:c)"
    assert typography_faults(good) == []
    assert typography_faults("Vous êtes : rien") == ["Vous êtes : rien"]
    assert len(typography_faults("le mot «\nanimer\u00a0» et la fin\n?")) == 2


def test_the_readme_keeps_the_test_command_ci_runs() -> None:
    """`.ci/run` runs the second line after the marker, as awk reads it; it must be the test command."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    after = readme.split("<!-- test-command -->\n", 1)[1].splitlines()
    assert after[0] == "```bash"
    assert after[1] == "python3 -m venv .venv && .venv/bin/pip install '.[test]' && .venv/bin/pytest -q"
    assert "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/kit guide\n" in readme
    assert readme.index(".venv/bin/kit guide") < readme.index("<!-- test-command -->") < readme.index("\n## Le guide")
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    awk = re.search(r"awk '([^']*)' README\.md", run)
    assert awk is not None
    done = subprocess.run(["awk", awk.group(1), "README.md"], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == after[1]


def test_the_readme_stays_a_short_page() -> None:
    assert len((ROOT / "README.md").read_text(encoding="utf-8").splitlines()) <= 80


def test_every_exit_code_is_in_the_contract() -> None:
    contract = (ROOT / "docs" / "contrat-scripts.md").read_text(encoding="utf-8")
    table = contract.split("## Codes de sortie", 1)[1].split("\n## ", 1)[0]
    listed = {int(m) for m in re.findall(r"^\| (\d+) \|", table, re.M)}
    assert listed == {int(code) for code in ExitCode}


def format_lists(text: str) -> list[list[str]]:
    """Every list of `--format` values a page writes: `--format table|md|…` and « `--format` (`table`, `md`, …) »."""
    piped = re.findall(r"--format(?:/-f)? ([a-z]+(?:\|[a-z]+)+)", text)
    spelled = re.findall(r"`--format` \(((?:`[a-z]+`(?:, )?)+)\)", text)
    return [v.split("|") for v in piped] + [re.findall(r"`([a-z]+)`", v) for v in spelled]


@pytest.mark.parametrize("page", FRENCH, ids=lambda p: p.name)
def test_every_list_of_formats_in_the_docs_is_a_command_s_formats(page: Path) -> None:
    # A format added to the table (`formats.Format`) and to a command's `OFFERED` row changes these lists.
    from coconstruct_cli.formats import OFFERED

    offered = {tuple(f.value for f in formats) for formats in OFFERED.values()}
    lists = format_lists(page.read_text(encoding="utf-8"))
    assert lists, page.name
    assert [values for values in lists if tuple(values) not in offered] == []


def test_the_contract_has_a_paragraph_for_each_format() -> None:
    from coconstruct_cli.formats import Format

    contract = (ROOT / "docs" / "contrat-scripts.md").read_text(encoding="utf-8")
    section = contract.split("## Les formats", 1)[1].split("\n## ", 1)[0]
    assert [f.value for f in Format if not re.search(rf"^- `{f.value}`", section, re.M)] == []


def test_the_save_dialog_s_extensions_are_the_table_s() -> None:
    from coconstruct_cli.formats import SAVED

    guide = (ROOT / "docs" / "guide-utilisateur.md").read_text(encoding="utf-8")
    section = guide.split("## Enregistrer le plan", 1)[1].split("\n## ", 1)[0]
    listed = re.search(r"\(((?:`\.[a-z]+`(?:, )?)+)\)", section)
    assert listed, "guide-utilisateur.md: « Enregistrer le plan » lists the extensions that decide the format"
    assert sorted(re.findall(r"`(\.[a-z]+)`", listed.group(1))) == sorted(f".{f.value}" for f in SAVED)


def test_the_format_checks_can_fail() -> None:
    assert format_lists("`--format` (`table`, `md`) et `kit x [--format table|json]`") == [["table", "json"], ["table", "md"]]


def test_the_users_guide_tells_every_command() -> None:
    from coconstruct_cli.cli.commands import COMMANDS

    guide = (ROOT / "docs" / "guide-utilisateur.md").read_text(encoding="utf-8")
    assert [name for name, _ in COMMANDS if not re.search(rf"`kit {name}\b", guide)] == []
