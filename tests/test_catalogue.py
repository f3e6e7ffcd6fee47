"""The message catalogue is whole: every key the code names exists in both languages, every key is used,
no key is written twice, and plurals are real plurals."""

from __future__ import annotations

import ast
import re
from collections import Counter
from collections.abc import Callable
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


def commands_help() -> set[str]:
    from coconstruct_cli.cli.commands import COMMANDS

    return {f"help.{name}" for name, _ in COMMANDS}  # app.py: `help=f"help.{_name}"`, completion's `kit help`


def format_labels() -> set[str]:
    from coconstruct_cli.formats import Format

    return {f.spec.label for f in Format if f.spec.label is not None}  # the table's labels (guide's questions)


def save_lines() -> set[str]:
    from coconstruct_cli.guide import SAVE_FORMATS, SAVE_NO

    return {f"save.{fmt}" for fmt in (*SAVE_FORMATS, SAVE_NO)}  # guide.save_question: the formats the table offers


def roles() -> set[str]:
    from coconstruct_cli.names import ROLE_ALIASES

    return {f"role.{role}" for role in ROLE_ALIASES}


# Every family of keys the code names with an f-string (f"help.{name}"), and how its keys are enumerated: the
# keys of an enumerated family are used when the enumeration names them, never because of their prefix. The
# families still marked None are matched by their prefix alone (their names come from data or from modules
# other work is reshaping); a new f-string family fails `test_every_f_string_family_is_declared`.
FAMILIES: dict[str, Callable[[], set[str]] | None] = {
    "about.": None,
    "col.": None,  # kit show's labelled lines, one per document field (render/common.record_lines)
    "field.": None,
    "format.": format_labels,
    "goal.": None,
    "help.": commands_help,
    "need.": None,
    "next.": None,
    "role.": roles,
    "save.": save_lines,
    "start.": None,
    "what.": None,
    "why.": None,
}


def test_every_f_string_family_is_declared() -> None:
    _, prefixes = literals_and_prefixes()
    assert sorted({p for p in prefixes if re.fullmatch(r"[a-z_]+\.", p)} - set(FAMILIES)) == []


def test_every_enumerated_key_exists() -> None:
    for prefix, enumerate_keys in FAMILIES.items():
        if enumerate_keys is not None:
            keys = enumerate_keys()
            assert keys and all(k.startswith(prefix) for k in keys), prefix
            assert sorted(keys - set(MESSAGES)) == [], prefix


def test_every_key_is_used() -> None:
    literals, _ = literals_and_prefixes()
    enumerated = set().union(*(f() for f in FAMILIES.values() if f is not None))
    by_prefix = tuple(p for p, f in FAMILIES.items() if f is None)
    unused = [
        key
        for key in MESSAGES
        if key not in literals and base(key) not in literals and key not in enumerated and not key.startswith(by_prefix)
    ]
    assert unused == []


def test_every_declared_help_text_and_metavar_is_a_key() -> None:
    # Typer's `help=` and `metavar=` are catalogue keys (cli.app.translate_help writes them in the run's language).
    declared: list[str] = []
    for tree in source_trees():
        for node in ast.walk(tree):
            for keyword in node.keywords if isinstance(node, ast.Call) else ():
                if keyword.arg in ("help", "metavar"):
                    value = keyword.value
                    if isinstance(value, ast.Constant) and isinstance(value.value, str):
                        declared.append(value.value)
                    else:  # only the commands' own help, enumerated by FAMILIES
                        assert ast.unparse(value) == "f'help.{_name}'", ast.unparse(value)
    assert len(declared) > 40
    assert sorted(k for k in declared if k not in MESSAGES) == []


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


def test_the_catalogue_is_grouped_by_topic_and_sorted() -> None:
    # Grouped by namespace (the key's part before its first dot), each group under one « # namespace: topic »
    # comment, its keys sorted: a key has one place to go, never a section named for the work that added it.
    keys = list(MESSAGES)
    assert keys == sorted(keys, key=lambda key: key.partition(".")[::2])
    source = Path(i18n.__file__).read_text(encoding="utf-8").splitlines()
    start = source.index("MESSAGES: dict[str, tuple[str, str]] = {")
    end = source.index("}", start)
    comments = [line.strip() for line in source[start:end] if line.strip().startswith("#")]
    namespaces = list(dict.fromkeys(key.partition(".")[0] for key in keys))
    assert [c.partition(":")[0] for c in comments] == [f"# {ns}" for ns in namespaces]
    for ns in namespaces:
        key = next(k for k in keys if k.startswith(f"{ns}."))
        first = next(n for n in range(start, end) if source[n].startswith(f'    "{key}": '))
        assert source[first - 1].strip().startswith(f"# {ns}: "), ns
