"""`kit schema` read by the validators people use: check-jsonschema (its metaschema check, then data/kit.json),
ajv in strict mode under Node, and Python's jsonschema; every `pattern` compiles as ECMA-262 in unicode mode."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from coconstruct_cli.model import kit_schema

HERE = Path(__file__).parent
KIT = HERE.parent.parent / "data" / "kit.json"


def patterns(node: Any, where: str = "#") -> list[tuple[str, str]]:
    """Every (location, pattern) of a schema."""
    found: list[tuple[str, str]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "pattern" and isinstance(value, str):
                found.append((f"{where}/pattern", value))
            found += patterns(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            found += patterns(item, f"{where}/{index}")
    return found


@pytest.fixture
def schema_file(tmp_path: Path) -> Path:
    path = tmp_path / "kit.schema.json"
    path.write_text(json.dumps(kit_schema(), ensure_ascii=False), encoding="utf-8")
    return path


def test_the_schema_has_patterns() -> None:
    assert len(patterns(kit_schema())) >= 3


def test_python_jsonschema_checks_its_formats_and_validates_the_kit() -> None:
    from jsonschema import FormatChecker

    Draft202012Validator.check_schema(kit_schema(), format_checker=FormatChecker())
    Draft202012Validator(kit_schema()).validate(json.loads(KIT.read_text(encoding="utf-8")))


def check_jsonschema() -> str:
    exe = Path(sys.executable).parent / "check-jsonschema"
    if exe.exists():
        return str(exe)
    if os.environ.get("CI"):
        pytest.fail("check-jsonschema is not installed (it is in the test extras)")
    pytest.skip("check-jsonschema is not installed (pip install -e '.[test]')")


@pytest.mark.slow  # another program reads the schema
def test_check_jsonschema_accepts_the_schema_and_the_kit(schema_file: Path) -> None:
    exe = check_jsonschema()
    meta = subprocess.run([exe, "--check-metaschema", str(schema_file)], capture_output=True, text=True, timeout=120)
    assert meta.returncode == 0, meta.stdout + meta.stderr
    data = subprocess.run([exe, "--schemafile", str(schema_file), str(KIT)], capture_output=True, text=True, timeout=120)
    assert data.returncode == 0, data.stdout + data.stderr


def node_report(schema_file: Path) -> dict[str, Any]:
    node = shutil.which("node")
    ready = (HERE / "node_modules" / "ajv").is_dir()
    if node is None or not ready:
        if os.environ.get("CI"):
            pytest.fail("node or ajv is missing (.ci/run runs npm ci in tests/schema)")
        pytest.skip("node or ajv is missing: (cd tests/schema && npm ci --ignore-scripts)")
    run = subprocess.run(
        [node, str(HERE / "validate.mjs"), str(schema_file), str(KIT)], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    report: dict[str, Any] = json.loads(run.stdout)
    return report


@pytest.mark.slow  # another program reads the schema
def test_every_pattern_compiles_in_unicode_mode_under_node(schema_file: Path) -> None:
    assert node_report(schema_file)["bad_patterns"] == []


@pytest.mark.slow  # another program reads the schema
def test_ajv_strict_validates_the_kit(schema_file: Path) -> None:
    report = node_report(schema_file)
    assert report["errors"] == []
    assert report["valid"] is True


# ECMA-262 in unicode mode allows `\` before a syntax character or `/` only (and `-` inside a class); Python's
# `re` accepts any punctuation, which is how `\"` came through. A static check, for machines without Node.
IDENTITY_ESCAPE = re.compile(r"\\([^\w\s^$\\.*+?()\[\]{}|/\-])")


UNIQUE_PATTERNS = sorted({pattern: where for where, pattern in patterns(kit_schema())}.items(), key=lambda pair: pair[1])


@pytest.mark.parametrize(("pattern", "where"), UNIQUE_PATTERNS)
def test_no_escape_that_unicode_mode_refuses(pattern: str, where: str) -> None:
    assert IDENTITY_ESCAPE.findall(pattern) == [], where
