"""The message catalogue is whole: every key the code names exists in both languages, every key is used,
no key is written twice, and plurals are real plurals."""

from __future__ import annotations

import ast
import re
from collections import Counter
from pathlib import Path

from coconstruct_cli import i18n
from coconstruct_cli.i18n import MESSAGES
from coconstruct_cli.text import french_spaces

SOURCE = Path(i18n.__file__).resolve().parent
PLURAL = re.compile(r"\.(one|other)$")


def source_trees() -> list[ast.Module]:
    """The program's modules; in i18n.py, its functions only (the catalogue's own keys are not uses of them)."""
    trees = []
    for path in sorted(SOURCE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if path.name == "i18n.py":
            tree.body = [n for n in tree.body if not (isinstance(n, ast.AnnAssign) and getattr(n.target, "id", "") == "MESSAGES")]
        trees.append(tree)
    return trees


def literals_and_prefixes() -> tuple[set[str], set[str]]:
    """Every string constant of the source, and the constant beginnings of its f-strings (« role. »)."""
    literals: set[str] = set()
    prefixes: set[str] = set()
    for tree in source_trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                literals.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                prefixes.add(str(node.values[0].value))
    return literals, prefixes


def base(key: str) -> str:
    """« search.count.one » -> « search.count » (a plural form), « role.other » stays (a role named « other »)."""
    stem = PLURAL.sub("", key)
    return stem if f"{stem}.one" in MESSAGES and f"{stem}.other" in MESSAGES else key


def test_every_key_the_code_asks_for_exists() -> None:
    keys = {base(k) for k in MESSAGES}
    asked: list[str] = []
    for tree in source_trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "t" and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    asked.append(first.value)
    assert len(asked) > 150
    assert sorted({k for k in asked if base(k) not in keys}) == []


def test_every_key_is_used() -> None:
    literals, prefixes = literals_and_prefixes()
    # Families named with an f-string (f"role.{role}"): the prefix must end with its dot.
    prefixes = {p for p in prefixes if re.fullmatch(r"[a-z_]+\.", p)}
    unused = [
        key
        for key in MESSAGES
        if key not in literals and base(key) not in literals and not any(key.startswith(p) for p in prefixes)
    ]
    assert unused == []


def test_no_key_is_written_twice() -> None:
    tree = ast.parse(Path(i18n.__file__).read_text(encoding="utf-8"))
    (catalogue,) = [
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.AnnAssign) and getattr(n.target, "id", None) == "MESSAGES" and isinstance(n.value, ast.Dict)
    ]
    keys = [k.value for k in catalogue.keys if isinstance(k, ast.Constant)]
    assert [k for k, n in Counter(keys).items() if n > 1] == []


def test_both_languages_and_real_plurals() -> None:
    for key, (fr, en) in MESSAGES.items():
        assert fr and en, key
        assert set(re.findall(r"\{(\w+)\}", fr)) == set(re.findall(r"\{(\w+)\}", en)), key
        for text in (fr, en):
            assert "(s)" not in text, key  # « document(s) »: a real plural is two keys
        if key.endswith(".one"):
            assert f"{base(key)}.other" in MESSAGES, key


def test_plural_forms_follow_each_language() -> None:
    i18n.set_lang("fr")
    assert i18n.t("label.documents_count", count=0) == "0 document"
    assert i18n.t("label.documents_count", count=1) == "1 document"
    assert i18n.t("label.documents_count", count=4) == "4 documents"
    i18n.set_lang("en")
    assert i18n.t("label.documents_count", count=0) == "0 documents"
    assert i18n.t("label.documents_count", count=1) == "1 document"


def test_french_typography_in_every_french_message() -> None:
    i18n.set_lang("fr")
    for key in MESSAGES:
        if base(key) != key:
            continue
        text = i18n.t(key) if "{" not in MESSAGES[key][0] else french_spaces(MESSAGES[key][0])
        assert not re.search(r" [:;?!»]|« ", text), (key, text)
