"""Nothing gets in, nothing breaks: the CLI side of issue 11.

One hostile payload set goes through every path from a kit file, the arguments or the environment to an
output (validation messages, prompts, the recap, usage errors, language values, every command x format);
Markdown exports are read by real GitHub-flavoured renderers; the installed `kit` is run with stdout
closed, full or a closed pipe, with encodings that cannot hold the text, and with arguments that are not
UTF-8.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.input import PipeInput
from prompt_toolkit.output.plain_text import PlainTextOutput
from typer.testing import CliRunner

from coconstruct_cli import guide
from coconstruct_cli.cli import prompts
from coconstruct_cli.errors import ExitCode
from coconstruct_cli.formats import OFFERED, Format
from coconstruct_cli.loader import load_kit
from conftest import ALL_IN_ONE, OSC_TITLE, PAYLOADS, RLO, hostile, invoke, need, terminal

# --- the payloads (`conftest.PAYLOADS`, in every text field of `hostile_kit`) -----------------------

# What must never reach a terminal (stderr, tab-separated text, a rich table, a prompt): C0 controls but
# tab and newline, DEL, C1, the bidi marks, overrides and isolates, and a lone surrogate.
TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def assert_terminal_safe(text: str, where: str) -> None:
    found = TERMINAL_UNSAFE.search(text)
    assert found is None, f"{where}: {found.group()!r} in {text[max(0, found.start() - 40) : found.end() + 40]!r}"
    # rich markup is shown as text, never read: where the payload's words show, its brackets show too.
    assert text.count("bold red") == text.count("[bold red]"), where


# --- Markdown read by real renderers (item 5) -------------------------------------------------------

MARKDOWN_IT = Path(__file__).resolve().parent.parent / "render" / "markdown"


def renderers() -> dict[str, list[str]]:
    need(shutil.which("pandoc"), "pandoc")
    need(shutil.which("node"), "node")
    need((MARKDOWN_IT / "node_modules" / "markdown-it").is_dir(), f"npm ci in {MARKDOWN_IT}")
    return {
        "pandoc gfm": ["pandoc", "-f", "gfm", "-t", "html", "--wrap=none"],
        "pandoc commonmark": ["pandoc", "-f", "commonmark", "-t", "html", "--wrap=none"],
        "markdown-it linkify": ["node", str(MARKDOWN_IT / "render.mjs")],
    }


def as_html(markdown: str) -> dict[str, str]:
    """The HTML each renderer makes of `markdown`."""
    pages = {}
    for name, command in renderers().items():
        run = subprocess.run(command, input=markdown, capture_output=True, text=True, encoding="utf-8", timeout=60)
        assert run.returncode == 0, run.stderr
        pages[name] = run.stdout
    return pages


# Every command that writes kit text, with the arguments that make it write some.
SWEEP = {
    "list": ["list"],
    "path": ["path", "understand"],
    "paths": ["paths"],
    "categories": ["categories"],
    "show": ["show", "etudes-phare"],
    "search": ["search", "rameau"],
    "about": ["about"],
    "guide": ["guide", "--role", "company", "--goal", "support"],
    "progress": ["progress"],
}
MD_COMMANDS = {name: args for name, args in SWEEP.items() if name != "about"}


def test_the_sweep_runs_every_command_that_writes_a_result() -> None:
    # A command added to `formats.OFFERED` and not here would write a hostile kit's text unchecked.
    assert (sorted(set(OFFERED) - set(SWEEP)), sorted(set(SWEEP) - set(OFFERED))) == ([], [])  # (not swept, unknown)


STRUCTURE = ("<a ", "<ol", "<ul", "<li", "<h1", "<h2", "<h3", "<em>", "<code", "<script", "<img", "<table", "<pre", "<blockquote")


def structure(page: str) -> dict[str, int]:
    return {tag: page.count(tag) for tag in STRUCTURE}


def markdown_pages(runner: CliRunner, kit_file: Path | None) -> str:
    """Every command's Markdown, one page after another."""
    outputs = []
    for name, args in MD_COMMANDS.items():
        kit = ("--kit", str(kit_file)) if kit_file else ()
        code, out, err = invoke(runner, *args, *kit, "-f", "md", raw=True)
        assert code == 0, (name, err)
        outputs.append(out)
    return "\n\n---\n\n".join(outputs)


@pytest.mark.slow  # pandoc and markdown-it (Node)
def test_kit_text_adds_no_link_list_or_html_in_any_markdown_renderer(runner: CliRunner, hostile_kit: Path) -> None:
    """The hostile kit's pages have exactly the structure of the bundled kit's: the program's own lists,
    headings and code, and nothing the kit text asked for (a link, a list, emphasis, a script)."""
    mine = {name: structure(page) for name, page in as_html(markdown_pages(runner, None)).items()}
    for renderer, page in as_html(markdown_pages(runner, hostile_kit)).items():
        shown = structure(page)
        # The hostile kit has more notes and authors: only list items may be more numerous, in <ul>s.
        assert {k: v for k, v in shown.items() if k != "<li"} == {k: v for k, v in mine[renderer].items() if k != "<li"}
        assert shown["<a "] == 0 and shown["<script"] == 0, renderer
        assert "evil.example" in page and "1) x" in page and "[bold red]x[/]" in page, renderer


@pytest.mark.slow  # pandoc and markdown-it (Node)
def test_the_deliberate_links_of_kit_about_stay_links(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "about", "-f", "md", raw=True)
    assert code == 0
    # An autolink (<http://…>) or, for an address the seed writes bare, a link whose text is that address.
    deliberate = re.findall(r"<(?:https?://[^>]+|www\.[^>]+)>|\]\((?:https?://[^)]+)\)", out)
    assert deliberate
    for renderer, page in as_html(out).items():
        hrefs = re.findall(r'<a href="([^"]+)"', page)
        assert len(hrefs) == len(deliberate), renderer


def test_escape_keeps_a_leading_n_paren_and_bare_addresses_inert() -> None:
    from coconstruct_cli.render.markdown import escape

    assert escape("1) x") == "1\\) x"
    assert escape("12) x") == "12\\) x"
    assert escape("voir http://evil.example") == "voir http:\\//evil\\.example"
    assert escape("WWW.Evil.example") == "WWW\\.Evil\\.example"
    assert escape("qui@evil.example") == "qui\\@evil\\.example"
    assert escape("2,5 % en 2016. Fin") == "2,5 % en 2016. Fin"  # a sentence's full stop stays as it is


# --- the payload sweep: every command x format, the kit's text holding every payload -----------------

CONTROL_IN_DATA = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def assert_inert(fmt: str, out: str, where: str) -> None:
    """What a format must never carry from kit text: what each reader would act on."""
    if fmt in ("table", "rich"):
        assert_terminal_safe(out, where)
        return
    if fmt == "json":
        json.loads(out)
        assert CONTROL_IN_DATA.search(out) is None, where  # written as \\uXXXX escapes
    elif fmt == "csv":
        for row in csv.reader(io.StringIO(out)):
            assert not any(cell[:1] in ("=", "+", "-", "@", "\t", "\r") for cell in row), (where, row)
        assert CONTROL_IN_DATA.search(out) is None, where
    elif fmt == "html":
        assert "<script" not in out and 'href="http://evil' not in out, where
        assert CONTROL_IN_DATA.search(out) is None, where
    elif fmt == "md":
        # Escaped, read as text by every renderer (checked with real ones above).
        assert re.search(r"(?<!\\)<script", out) is None and "http://evil" not in out and "\n1) x" not in out, where
        assert CONTROL_IN_DATA.search(out) is None, where


@pytest.mark.parametrize("command", list(SWEEP))
def test_every_command_and_format_keeps_the_payloads_inert(runner: CliRunner, hostile_kit: Path, command: str) -> None:
    for fmt in OFFERED[command]:
        for lang in ("fr", "en"):
            where = f"kit {command} -f {fmt} --lang {lang}"
            args = [*SWEEP[command], "--kit", str(hostile_kit), "-f", fmt.value, "--lang", lang]
            code, out, err = invoke(runner, *args, raw=True)
            assert code == 0, (where, err)
            assert_terminal_safe(err, where)
            assert_inert(fmt.value, out, where)
            if fmt is Format.TABLE:  # and on a terminal, as a rich table
                code, out, err = invoke(runner, *args, console=terminal(width=400), raw=True)
                assert code == 0, (where, err)
                assert_terminal_safe(out, where + " (terminal)")
                assert "[bold red]x[/]" in out or command == "about", where


@pytest.mark.parametrize("fmt", [f.value for f in Format])
def test_payloads_given_as_arguments_come_out_inert(runner: CliRunner, fmt: str) -> None:
    """The query is shown back (« Recherche : … ») in every format, and a name in usage errors."""
    for payload in [*PAYLOADS, ALL_IN_ONE]:
        code, out, err = invoke(runner, "search", payload, "rameau", "-f", fmt, raw=True)
        assert code in (0, 1), err
        assert_terminal_safe(err, f"search {payload!r} -f {fmt}")
        assert_inert(fmt, out, f"search {payload!r} -f {fmt}")


@pytest.mark.parametrize(
    "args",
    [
        ["list", "--category", ALL_IN_ONE],
        ["list", "--path", ALL_IN_ONE],
        ["show", ALL_IN_ONE],
        ["path", ALL_IN_ONE],
        ["guide", "--role", ALL_IN_ONE, "--goal", "support"],
        ["list", "-f", ALL_IN_ONE],
        ["list", f"--{ALL_IN_ONE}"],
        [ALL_IN_ONE],
        ["list", "--lang", ALL_IN_ONE],
        ["--lang", ALL_IN_ONE, "list"],
        ["list", "--kit", ALL_IN_ONE],
        ["list", "-o", f"missing/{ALL_IN_ONE}.md"],
    ],
)
def test_usage_errors_tell_the_payloads_inert(runner: CliRunner, args: list[str]) -> None:
    code, out, err = invoke(runner, *args, raw=True)
    assert code in (ExitCode.USAGE, ExitCode.INVALID_KIT, ExitCode.OUTPUT), err
    assert out == ""
    assert err.strip()
    assert_terminal_safe(err, " ".join(args))


def test_kit_lang_from_the_environment_is_told_inert(runner: CliRunner) -> None:
    code, _, err = invoke(runner, "list", env={"KIT_LANG": ALL_IN_ONE}, raw=True)
    assert code == ExitCode.USAGE
    assert_terminal_safe(err, "KIT_LANG")


def test_validation_messages_tell_hostile_ids_titles_and_references_inert(runner: CliRunner, write_kit: Any) -> None:
    def edit(data: dict[str, Any]) -> None:
        hostile(data)
        for n, document in enumerate(data["documents"][:12]):
            document["id"] = PAYLOADS[n % len(PAYLOADS)]
            document["category"] = ALL_IN_ONE
        data["paths"][0]["documents"] = list(PAYLOADS)
        data["documents"][12]["title"] = OSC_TITLE + RLO + "\x9b"  # nothing visible: refused

    path = write_kit(edit, name="bad.json")
    for lang in ("fr", "en"):
        code, out, err = invoke(runner, "validate", str(path), "--lang", lang, raw=True)
        assert code == ExitCode.INVALID_KIT
        assert out == ""
        assert_terminal_safe(err, f"validate --lang {lang}")
        assert "pwned" in err and "evil.example" in err  # told, inert
        code, out, err = invoke(runner, "list", "--kit", str(path), "--lang", lang, raw=True)
        assert code == ExitCode.INVALID_KIT
        assert_terminal_safe(err, f"list --kit --lang {lang}")


def test_prompts_and_the_recap_show_a_hostile_kit_inert(hostile_kit: Path, pipe: PipeInput) -> None:
    kit = load_kit(hostile_kit)
    for question in (guide.goal_question(kit), guide.need_question(kit), guide.recap_question(kit, "company", "support")):
        screen = io.StringIO()
        pipe.send_text("\r")
        prompts.ask(question, input=pipe, output=PlainTextOutput(screen))
        shown = screen.getvalue().replace("\r", "")  # the terminal's own carriage returns
        assert_terminal_safe(shown, question.name)
        assert "pwned" in shown or question.name != "goal"  # the goals are the hostile paths


# --- the installed `kit` when stdout cannot be written (items 10, 13), cannot encode (11), or the
# arguments are not UTF-8 (12) ------------------------------------------------------------------------

BUNDLED = str(Path(__file__).resolve().parents[2] / "data" / "kit.json")
RUNS: dict[str, list[str]] = {
    "--version": ["--version"],
    "-V --lang en": ["-V", "--lang", "en"],
    "--help": ["--help"],
    "list --help": ["list", "--help"],
    "schema": ["schema"],
    "validate": ["validate", BUNDLED],
}
for _command, _args in SWEEP.items():
    for _fmt in OFFERED[_command]:
        RUNS[f"{_command} -f {_fmt.value}"] = [*_args, "-f", _fmt.value]


def run_all(jobs: list[tuple[str, dict[str, Any]]]) -> dict[str, subprocess.CompletedProcess[bytes]]:
    """Run the installed `kit` once per job, a few at a time (each is a fresh process of ~0.2 s)."""
    from concurrent.futures import ThreadPoolExecutor

    def one(job: tuple[str, dict[str, Any]]) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(stderr=subprocess.PIPE, timeout=60, check=False, **job[1])

    with ThreadPoolExecutor(max_workers=4) as pool:
        return dict(zip([name for name, _ in jobs], pool.map(one, jobs), strict=True))


def base_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KIT_", "LC_", "LANG", "PYTHONIOENCODING"))}
    return env | {"LANG": "C.UTF-8"} | extra


def test_stdout_closed_or_full_is_one_line_and_exit_5_in_every_case(kit_exe: str, tmp_path: Path) -> None:
    if not Path("/dev/full").exists():  # pragma: no cover - Linux has it
        pytest.skip("no /dev/full")
    jobs = []
    for name, args in RUNS.items():
        closed = ["sh", "-c", 'exec "$@" >&-', "sh", kit_exe, *args]
        jobs.append((f"{name} >&-", {"args": closed, "env": base_env(), "stdout": None}))
        jobs.append((f"{name} >/dev/full", {"args": [kit_exe, *args], "env": base_env()}))
    with Path("/dev/full").open("wb") as full:
        for _, job in jobs:
            job.setdefault("stdout", full)
        done = run_all(jobs)
    assert len(done) >= 80
    for name, run in done.items():
        err = run.stderr.decode("utf-8")
        assert run.returncode == ExitCode.STDOUT, (name, run.returncode, err)
        assert "Traceback" not in err
        lines = err.splitlines()
        assert len(lines) == 1, (name, err)
        expected = "Error: The result could not be written" if "--lang en" in name else "Erreur\u00a0: Le résultat n'a pas"
        assert lines[0].startswith(expected), (name, err)


def test_a_reader_that_stops_early_ends_the_run_silently_with_0(kit_exe: str) -> None:
    """`kit --version | true`, `kit --help | true`, `kit list | head -0`: the pipe is closed before kit writes."""
    jobs, ends = [], []
    for name, args in RUNS.items():
        if " -f " in name and not name.startswith("list"):
            continue  # every format once (with `list`): the pipe is the same for every command
        read, write = os.pipe()
        os.close(read)
        ends.append(write)
        jobs.append((f"{name} | true", {"args": [kit_exe, *args], "stdout": write, "env": base_env()}))
    try:
        done = run_all(jobs)
    finally:
        for fd in ends:
            os.close(fd)
    for name, run in done.items():
        assert (run.returncode, run.stderr) == (0, b""), (name, run.stderr.decode())


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_an_encoding_that_cannot_hold_the_text_never_breaks(kit_exe: str, encoding: str) -> None:
    runs = {**RUNS, "list --path bogus": ["list", "--path", "bogus"], "search zzzz": ["search", "zzzz"]}
    if encoding != "ascii":  # every format once, every command as a table: the same code paths, half the runs
        runs = {k: v for k, v in runs.items() if " -f " not in k or k.startswith("list") or k.endswith("table")}
    env = base_env(PYTHONIOENCODING=encoding)
    done = run_all([(name, {"args": [kit_exe, *args], "stdout": subprocess.PIPE, "env": env}) for name, args in runs.items()])
    for name, run in done.items():
        err = run.stderr.decode(encoding)
        assert "Traceback" not in err, (name, err)
        expected = {"list --path bogus": ExitCode.USAGE, "search zzzz": ExitCode.NO_MATCH}.get(name, ExitCode.OK)
        assert run.returncode == expected, (name, err)
        if name.endswith("-f xlsx"):
            assert run.stdout.startswith(b"PK\x03\x04"), name  # a workbook: bytes, whatever the locale
        elif name == "schema" or (encoding == "ascii" and "--help" in name):
            # click takes an ASCII locale for a misconfigured one and writes its help pages as UTF-8.
            run.stdout.decode("utf-8")
        elif any(name.endswith(f"-f {f.value}") for f in Format if f.spec.utf8):
            # Formats written as UTF-8 whatever the locale (documented; the table's `utf8`): the accents are all there.
            out = run.stdout.decode("utf-8")
            assert not out.isascii() or "?" not in out, name  # « é », « « » kept, never degraded to « ? »
        else:
            # For people (a table, tab-separated lines, help): the stream's encoding, degraded where needed.
            run.stdout.decode(encoding)
            assert b"\xc3" not in run.stdout, name
    assert b"\xe9" in done["list -f table"].stdout if encoding == "latin-1" else b"?" in done["list -f table"].stdout


def test_arguments_that_are_not_utf8_never_reach_an_output_raw(kit_exe: str, tmp_path: Path) -> None:
    """`kit search $'territoire\\xff' -f md -o plan.md`: U+FFFD everywhere the query is shown, never the byte
    nor a surrogate; every stream and file stays valid UTF-8."""
    exe = os.fsencode(kit_exe)
    jobs = []
    for fmt in Format:
        args = [exe, b"search", b"territoire\xff", b"rameau", b"-f", fmt.value.encode()]
        common = {"stdout": subprocess.PIPE, "env": base_env(), "cwd": tmp_path}
        jobs.append((f"{fmt} stdout", {"args": args, **common}))
        if fmt is not Format.TABLE:
            out = f"plan-{fmt.value}\xff.{fmt.value}".encode("latin-1")
            jobs.append((f"{fmt} file", {"args": [*args, b"-o", out], **common}))
    common = {"stdout": subprocess.PIPE, "env": base_env(KIT_LANG="e\udcffn"), "cwd": tmp_path}
    jobs.append(("KIT_LANG", {"args": [exe, b"list"], **common}))
    done = run_all(jobs)
    binary = {f.value for f in Format if f.spec.binary}
    for name, run in done.items():
        assert "Traceback" not in run.stderr.decode("utf-8"), name
        # A workbook is bytes (a zip): its text is checked once read back, below.
        for stream in (run.stdout, run.stderr) if name.split()[0] not in binary else (run.stderr,):
            assert b"\xff" not in stream, name
            stream.decode("utf-8")  # strict: no lone surrogate, no stray byte
    assert done["KIT_LANG"].returncode == ExitCode.USAGE and "\ufffd" in done["KIT_LANG"].stderr.decode()
    assert all(run.returncode == 0 for name, run in done.items() if name != "KIT_LANG")
    written = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("plan"))
    assert written == sorted(f"plan-{f.value}\ufffd.{f.value}" for f in Format if f is not Format.TABLE)
    for fmt in (f for f in Format if f is not Format.TABLE):
        name = f"plan-{fmt.value}\ufffd.{fmt.value}"
        if fmt.spec.binary:  # a workbook (the only bytes format): its cells, read back
            from openpyxl import load_workbook

            cells = [str(c) for row in load_workbook(tmp_path / name).active.iter_rows(values_only=True) for c in row]
            assert not any("\udcff" in c or "\xff" in c for c in cells), name
            continue
        text = (tmp_path / name).read_bytes()
        assert b"\xff" not in text, name
        assert "territoire\ufffd" in text.decode("utf-8-sig") or not fmt.page, name  # a page tells the query back


def test_a_closed_stderr_changes_no_exit_code(kit_exe: str) -> None:
    """`2>&-`: nobody reads the messages, the run ends as it would have (the help of bare `kit` is on stderr)."""
    cases = {"": ExitCode.USAGE, "list --path bogus": ExitCode.USAGE, "list": ExitCode.OK, "search zzzz": ExitCode.NO_MATCH}
    jobs = [
        (
            args,
            {"args": ["sh", "-c", 'exec "$@" 2>&-', "sh", kit_exe, *args.split()], "stdout": subprocess.PIPE, "env": base_env()},
        )
        for args in cases
    ]
    jobs.append(("list >&- 2>&-", {"args": ["sh", "-c", 'exec "$@" >&- 2>&-', "sh", kit_exe, "list"], "env": base_env()}))
    done = run_all(jobs)
    assert {name: run.returncode for name, run in done.items()} == {**cases, "list >&- 2>&-": ExitCode.STDOUT}
