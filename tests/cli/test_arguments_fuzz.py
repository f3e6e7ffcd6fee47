"""A fuzzer over argument lists: whatever a user (or a script) types, `kit` ends with a documented exit
code and a sentence, never a traceback nor an internal error (issue 11, « Keep it held »).

Bounded (`max_examples`, no deadline) so that the suite stays within its minutes.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from coconstruct_cli.cli import commands
from coconstruct_cli.cli.app import app
from coconstruct_cli.cli.console import Console
from coconstruct_cli.errors import ExitCode

pytestmark = pytest.mark.slow  # a fuzzer

# Everything but INTERNAL (70): that one means a bug, which is what the fuzzer is here to find.
EXPECTED = {ExitCode.OK, ExitCode.NO_MATCH, ExitCode.USAGE, ExitCode.INVALID_KIT, ExitCode.OUTPUT, ExitCode.STDOUT}

COMMANDS = [name for name, _ in commands.COMMANDS]  # every command `kit --help` lists: a new one is fuzzed too
OPTIONS = ["--format", "-f", "--output", "-o", "--force", "--kit", "--lang", "--category", "--path", "--audience",
           "--role", "--goal", "--answers", "--help", "-h", "--version", "-V", "--", "-", "--formt", "--lang="]  # fmt: skip
VALUES = ["table", "md", "json", "csv", "html", "fr", "en", "understand", "comprendre", "animer", "support", "toolbox",
          "methode", "company", "association", "unsure", "etudes-phare", "rex-silver-geek", "territoire", "plan.md",
          "plan.html", "out/", "missing/x.md", "/dev/null", "/dev/zero", ".", "", " ", "x" * 300,
          "\x1b]0;pwned\x07", "\u202e", "[bold red]x[/]", "1) x", "territoire\udcff", "é" * 3]  # fmt: skip
TOKEN = st.one_of(
    st.sampled_from(COMMANDS),
    st.sampled_from(OPTIONS),
    st.sampled_from(VALUES),
    st.text(max_size=12),
    st.builds(lambda o, v: f"{o}={v}", st.sampled_from(OPTIONS), st.sampled_from(VALUES)),
)
ARGS = st.lists(TOKEN, max_size=6) | st.tuples(st.sampled_from(COMMANDS), st.lists(TOKEN, max_size=5)).map(
    lambda pair: [pair[0], *pair[1]]
)


# KIT_FUZZ_EXAMPLES=5000 for a long hunt (as tests/test_loader_fuzz.py).
@settings(
    max_examples=int(os.environ.get("KIT_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(args=ARGS)
def test_any_argument_list_ends_with_a_documented_code_and_no_traceback(runner: CliRunner, args: list[str]) -> None:
    console = Console(stdout_tty=False, stderr_tty=False, stdin_tty=False)  # nobody to ask: never a prompt
    result = runner.invoke(app, args, obj=console, prog_name="kit")
    where: Any = (args, result.exit_code, result.stderr[-300:])
    assert result.exception is None or isinstance(result.exception, SystemExit), (where, repr(result.exception))
    assert result.exit_code in EXPECTED, where
    assert "Traceback" not in result.stdout + result.stderr, where
    if result.exit_code not in (ExitCode.OK, ExitCode.NO_MATCH):
        assert result.stderr.strip(), where  # an ending other than success is told
