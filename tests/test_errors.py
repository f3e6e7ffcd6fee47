"""One error hierarchy: every exception class of the package is defined in errors.py."""

from __future__ import annotations

import ast
from pathlib import Path

import coconstruct_cli
from coconstruct_cli import errors

PACKAGE = Path(coconstruct_cli.__file__).parent


def _exception_classes(tree: ast.Module) -> list[str]:
    known = {"Exception", "BaseException", "ValueError", "OSError", "LookupError", "KeyError", "RuntimeError"}
    known |= {name for name, value in vars(errors).items() if isinstance(value, type) and issubclass(value, BaseException)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            bases = {b.id if isinstance(b, ast.Name) else b.attr if isinstance(b, ast.Attribute) else "" for b in node.bases}
            if bases & known or node.name.endswith(("Error", "Exception")):
                found.append(node.name)
    return found


def test_no_exception_class_is_defined_outside_errors_py() -> None:
    outside = {
        str(path.relative_to(PACKAGE)): names
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "errors.py" and (names := _exception_classes(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert outside == {}


def test_the_walk_sees_a_class_defined_elsewhere() -> None:
    tree = ast.parse("class Broken(ValueError):\n    pass\nclass Other(errors.KitError):\n    pass\n")
    assert _exception_classes(tree) == ["Broken", "Other"]
