"""One set of helpers for every test: a clean environment, the bundled kit, the in-process runner with an
injected console, a scripted user, and the installed `kit` in a real pseudo-terminal."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from typer.testing import CliRunner

from coconstruct_cli import i18n
from coconstruct_cli.cli.app import app
from coconstruct_cli.cli.console import Console
from coconstruct_cli.guide import Question
from coconstruct_cli.loader import bundled_path, load_kit
from coconstruct_cli.model import Document, Kit

if TYPE_CHECKING:
    from prompt_toolkit.input import PipeInput

ENV_VARS = ("KIT_FILE", "KIT_LANG", "KIT_HOME", "LC_ALL", "LC_MESSAGES", "LANG", "NO_COLOR", "KIT_DEBUG", "FORCE_COLOR")
# Each path's documents, in reading order, as the seed's path tables list them (checked against the seed in
# test_data.py, relied on by the command tests).
EXPECTED_PATHS = {
    "understand": [
        "referentiel-co-construction-territoire",
        "note-modeles-co-construction-territoriale",
        "note-co-construction-territoire",
        "film-3-exemples",
        "mooc-alliances-territoires",
        "etat-des-lieux-partenariats",
        "etudes-phare",
        "etude-etat-des-lieux-co-construction",
        "note-territoires-ruraux",
        "rapport-interet-general",
        "benchmark-animation-territoriale",
        "note-diversite-accompagnement",
        "note-entreprise-responsable",
        "note-investir-secteur-associatif",
        "guide-engagement-associatif-salaries",
    ],
    "animate": [
        "referentiel-co-construction-territoire",
        "etudes-territoriales-nord-poitou-charentes",
        "rex-labo-alsace",
        "rex-charenton-saint-maurice",
        "rex-silver-geek",
        "rex-district-solidaire",
        "mooc-alliances-territoires",
        "realiser-etude-territoriale",
        "animer-co-construction-territoriale",
        "piloter-experimentation-collective",
        "etudes-phare",
        "etude-etat-des-lieux-co-construction",
        "note-territoires-ruraux",
        "rapport-interet-general",
        "benchmark-animation-territoriale",
        "fiche-plan-questionnaire-etude",
        "fiche-supports-copil",
        "fiche-demarche-experimentation",
        "fiche-diagnostic-structure-animation",
    ],
    "support": [
        "referentiel-co-construction-territoire",
        "film-3-exemples",
        "mooc-partenariats",
        "accompagner-entreprises",
        "accompagner-associations",
        "accompagner-partenariat",
        "evaluer-utilite-societale",
        "etat-des-lieux-partenariats",
        "etudes-phare",
        "note-diversite-accompagnement",
        "note-entreprise-responsable",
        "note-investir-secteur-associatif",
        "guide-engagement-associatif-salaries",
        "guide-construire-ensemble",
        "guide-orse-partenariats",
        "referentiel-cides-partenariats",
        "fiche-checklist-evaluation",
    ],
}
NBSP = str.maketrans({"\u00a0": " ", "\u202f": " "})
# The keys a user presses, as a terminal sends them (to a prompt's pipe input or a pseudo-terminal).
DOWN = "\x1b[B"
UP = "\x1b[A"
ENTER = "\r"
ESC = "\x1b"
CTRL_C = "\x03"
CTRL_D = "\x04"
CTRL_U = "\x15"  # clears the proposed file name (emacs key binding of prompt_toolkit)


# Fixtures that only a slow test takes: the installed `kit` in a subprocess or a pseudo-terminal, a real browser.
SLOW_FIXTURES = frozenset({"kit_exe", "chromium", "tools"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """`slow` on every end-to-end test (marked `e2e`, or taking a fixture of SLOW_FIXTURES) and every hypothesis
    property (a fuzzer), besides those marked by hand (package builds, Node readers, tests of several seconds):
    `pytest -m "not slow"` is the fast subset for daily work."""
    for item in items:
        end_to_end = item.get_closest_marker("e2e") or SLOW_FIXTURES.intersection(getattr(item, "fixturenames", ()))
        # `@given` marks its function with `is_hypothesis_test` in every hypothesis of the declared bounds (the
        # function `hypothesis.is_hypothesis_test` only came with 6.131).
        if end_to_end or getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Every test starts in French, in an empty working folder, with no user setting leaking in."""
    for name in ENV_VARS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("KIT_HOME", str(tmp_path / "kit-home"))
    monkeypatch.chdir(tmp_path)
    i18n.set_lang("fr")
    yield
    i18n.set_lang("fr")


@pytest.fixture(scope="session")
def kit() -> Kit:
    return load_kit()


@pytest.fixture(scope="session")
def kit_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(bundled_path().read_text(encoding="utf-8"))
    return data


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def write_kit(tmp_path: Path, kit_data: dict[str, Any]) -> Any:
    """Write a copy of the bundled kit, changed by `edit(data)`, and return its path."""

    def make(edit: Any = None, name: str = "kit.json") -> Path:
        data = json.loads(json.dumps(kit_data))
        if edit is not None:
            edit(data)
        path = tmp_path / name
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return path

    return make


def installed_kit() -> str | None:
    """The `kit` script of the environment running the tests (the installed package)."""
    candidate = Path(sys.executable).parent / "kit"
    if candidate.exists():
        return str(candidate)
    return shutil.which("kit")


@pytest.fixture
def kit_exe() -> str:
    exe = installed_kit()
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("the `kit` command is not installed")
        pytest.skip("the `kit` command is not installed")
    return exe


# --- in-process --------------------------------------------------------------------------------


def spaced(text: str) -> str:
    """`text` with French non-breaking spaces read as spaces, so that assertions can be typed plainly
    (typography is tested on the raw output, in `test_i18n.py`)."""
    return text.translate(NBSP)


def invoke(
    runner: CliRunner, *args: str, console: Console | None = None, env: dict[str, str] | None = None, raw: bool = False
) -> tuple[int, str, str]:
    """Run `kit ARGS` in-process: (exit code, stdout, stderr), never a traceback."""
    result = runner.invoke(app, list(args), obj=console, env=env, prog_name="kit")
    assert "Traceback" not in result.stdout + result.stderr
    if raw:
        return result.exit_code, result.stdout, result.stderr
    return result.exit_code, spaced(result.stdout), spaced(result.stderr)


def terminal(ask: Any = None, width: int | None = None) -> Console:
    """A console whose stdin and stdout are a terminal, as for a user at a keyboard."""
    return Console(stdout_tty=True, stdin_tty=True, stderr_tty=True, ask=ask, width=width)


class Script:
    """A user who answers each question from a list of (question name, answer), in order."""

    def __init__(self, answers: Any) -> None:
        self.answers = list(answers)
        self.asked: list[Question] = []

    def __call__(self, question: Question, **_: Any) -> str:
        self.asked.append(question)
        assert self.answers, f"unexpected question {question.name}"
        name, answer = self.answers.pop(0)
        assert question.name == name, (question.name, name)
        if question.options:
            assert answer in {o.value for o in question.options}
        return str(answer)

    def done(self) -> bool:
        return not self.answers


def interview(*then: tuple[str, str], role: str = "company", goal: str = "support", need: str = "toolbox") -> Script:
    """A user who answers the guide's interview (a role, a goal, a need, no situation, the recap confirmed),
    then each of `then` (the menu's and the save dialog's questions)."""
    return Script([("role", role), ("goal", goal), ("need", need), ("situation", ""), ("recap", "confirm"), *then])


# --- the installed command in a real terminal -------------------------------------------------------


def terminal_env(**extra: str) -> dict[str, str]:
    """The environment of a user's terminal: no kit setting of the test machine, a colour terminal."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KIT_", "LC_", "NO_COLOR"))}
    if os.environ.get("KIT_HOME"):  # the test's own progress folder (`clean_env`), never the real home
        env["KIT_HOME"] = os.environ["KIT_HOME"]
    # pexpect is not a terminal emulator: nobody answers prompt_toolkit's cursor position requests,
    # and each prompt would wait a second for the reply at exit. A real terminal answers at once.
    return env | {"TERM": "xterm-256color", "PROMPT_TOOLKIT_NO_CPR": "1"} | extra


def spawn(kit_exe: str, args: list[str], cwd: Path, rows: int = 50, columns: int = 160, **env: str) -> Any:
    """`kit ARGS` in a pseudo-terminal of `rows` x `columns`."""
    import pexpect

    full = terminal_env(COLUMNS=str(columns), LINES=str(rows), **env)
    return pexpect.spawn(kit_exe, args, cwd=str(cwd), env=full, dimensions=(rows, columns), encoding="utf-8", timeout=15)


def render_as(result: Any, fmt: str, terminal: bool = False, width: int | None = None) -> Any:
    """`result` rendered as a command would for `--format fmt`, on a terminal or not."""
    from coconstruct_cli.formats import Format, medium
    from coconstruct_cli.render import render

    return render(result, medium(Format(fmt), terminal), width=width)


class VisibleScreen:
    """What a terminal of `rows` x `columns` shows, fed with everything the program writes (pyte emulates
    the terminal): the final screen, not the scrollback."""

    def __init__(self, rows: int, columns: int) -> None:
        import pyte

        self.screen = pyte.HistoryScreen(columns, rows, history=2000)
        self.stream = pyte.Stream(self.screen)
        self.columns = columns

    def write(self, data: str) -> None:
        self.stream.feed(data)

    def flush(self) -> None:
        pass

    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display)

    def scrollback(self) -> str:
        """The lines that scrolled off the top, then the final screen: what scrolling back shows."""
        gone = ["".join(line[x].data for x in range(self.columns)).rstrip() for line in self.screen.history.top]
        return "\n".join([*gone, self.text()])


def spawn_screen(kit_exe: str, args: list[str], cwd: Path, rows: int, columns: int, **env: str) -> tuple[Any, VisibleScreen]:
    """`kit ARGS` in a pseudo-terminal, with the screen a user would see."""
    child = spawn(kit_exe, args, cwd, rows=rows, columns=columns, **env)
    screen = VisibleScreen(rows, columns)
    child.logfile_read = screen
    return child, screen


def expect(child: Any, text: str) -> None:
    """Wait for `text` on the screen: its spaces may be non-breaking (French typography) and carry colour codes."""
    space = r"(?:\x1b\[[0-9;]*m)*[ \xa0\u202f](?:\x1b\[[0-9;]*m)*"
    child.expect(space.join(re.escape(word) for word in text.split(" ")))


def press(child: Any, keys: str, then: str) -> None:
    """Send keys once the screen shows what they answer, then wait for `then`."""
    child.send(keys)
    expect(child, then)


def settle(child: Any) -> None:
    """Let the program finish drawing (nothing more arrives for a moment)."""
    import pexpect

    with contextlib.suppress(pexpect.TIMEOUT):
        child.expect("never-printed", timeout=0.4)


def finish(child: Any) -> int:
    """Wait for the program to end; its exit status."""
    import pexpect

    child.expect(pexpect.EOF)
    child.close()
    assert isinstance(child.exitstatus, int)
    return child.exitstatus


# --- what a test needs from the machine -----------------------------------------------------------


def json_places(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON tree, as a sequence of keys and indexes (the fuzzers' mutation sites)."""
    out = [prefix]
    if isinstance(node, dict):
        for key, child in node.items():
            out += json_places(child, (*prefix, key))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            out += json_places(child, (*prefix, index))
    return out


def json_values(keys: list[str], *scalars: Any, key_size: int, max_leaves: int) -> Any:
    """A hypothesis strategy of any JSON value, for the fuzzers: null, booleans, integers past 64 bits, finite
    floats and the fuzzer's own `scalars` (numbers at its limits, hostile text), and lists and objects of
    them whose keys are often the file's own `keys` (else any text up to `key_size`)."""
    from hypothesis import strategies as st

    leaves = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(10**20), max_value=10**20),
        st.floats(allow_nan=False, allow_infinity=False),
        *scalars,
    )
    return st.recursive(
        leaves,
        lambda children: st.one_of(
            st.lists(children, max_size=4),
            st.dictionaries(st.one_of(st.sampled_from(keys), st.text(max_size=key_size)), children, max_size=4),
        ),
        max_leaves=max_leaves,
    )


def mutate(data: Any, where: tuple[Any, ...], operation: str, value: Any) -> Any:
    """`data` with the place `where` replaced by `value`, deleted, or given `value` as one more entry
    (`operation`: « replace », « delete », « add »); the root itself can only be replaced."""
    if not where:
        return value if operation == "replace" else data
    parent = data
    for step in where[:-1]:
        parent = parent[step]
    last = where[-1]
    if operation == "delete":
        del parent[last]
    elif operation == "add" and isinstance(parent[last], dict):
        parent[last][value if isinstance(value, str) else "extra"] = value
    elif operation == "add" and isinstance(parent[last], list):
        parent[last].append(value)
    else:
        parent[last] = value
    return data


def need(found: object, what: str) -> None:
    """Skip the test when a tool it needs is missing here; fail under CI, which installs it (.ci/run)."""
    if not found:
        if os.environ.get("CI"):
            pytest.fail(f"{what} is missing (.ci/run installs it)")
        pytest.skip(f"{what} is missing")


# --- a real questionary prompt, fed keystrokes -----------------------------------------------------


@pytest.fixture
def pipe() -> Iterator[PipeInput]:
    """prompt_toolkit's pipe input (imported only by the tests that take it), as questionary tests itself."""
    from prompt_toolkit.input import create_pipe_input

    with create_pipe_input() as inp:
        yield inp


# --- the bundled kit's documents -------------------------------------------------------------------


def doc(kit: Kit, id_: str) -> Document:
    """The document `id_` of `kit`."""
    return next(d for d in kit.documents if d.id == id_)


# --- hostile kit text ------------------------------------------------------------------------------

# One payload of each kind a kit's text could carry to a terminal, a spreadsheet, a page or a Markdown reader.
OSC_TITLE = "\x1b]0;pwned\x07"
BLINK = "\x1b[5mblink\x1b[0m"
C1_CSI = "\x9b31m"
RLO = "\u202e"
MARKUP = "[bold red]x[/]"
SCRIPT = "<script>alert(1)</script>"
FORMULA = '=HYPERLINK("http://evil.example","x")'
LIST = "1) x"
LINK = "http://evil.example"
PAYLOADS = [OSC_TITLE + "titre", BLINK, C1_CSI + "rouge", RLO + "evil", MARKUP, SCRIPT, FORMULA, LIST, LINK, "www.evil.example"]
ALL_IN_ONE = " ".join(PAYLOADS)
# One title that is at once a formula, rich markup, a script, escapes, a bidi override and Markdown syntax.
HOSTILE = (
    '=HYPERLINK("http://evil.example","x") [bold red]rouge[/] <script>alert(1)</script> '
    "\x1b[31mESC\x1b[0m \x9b31m \u202eevil\u202c | *gras* _it_ `code`\n- faux item\r\n# faux titre & &amp;"
)
C1_OR_ESC = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def hostile(data: dict[str, Any]) -> None:
    """Every text field of the kit a user sees holds the payloads, one at the start of each list item."""
    for n, document in enumerate(data["documents"]):
        start = PAYLOADS[n % len(PAYLOADS)]
        document["title"] = f"{start} {ALL_IN_ONE}"
        document["title_en"] = f"{LIST} {ALL_IN_ONE}"
        document["description"] = f"{FORMULA} {ALL_IN_ONE}"
        document["description_en"] = document["description"]
        if "gives" in document:  # the words the « pourquoi » quotes, hostile too
            document["gives"] = document["gives_en"] = ALL_IN_ONE
        document["authors"] = [*PAYLOADS, *document["authors"]]
        document["notes"] = list(PAYLOADS)
        document["notes_en"] = list(PAYLOADS)
        document["kind"] = f"{MARKUP} {document['kind']}"
    for path in data["paths"]:
        path["title"] = path["title_en"] = f"{path['title']} {ALL_IN_ONE}"
        path["purpose"] = path["purpose_en"] = f"{LIST} {ALL_IN_ONE}"
    for category in data["categories"]:
        category["label"] = category["label_en"] = f"{category['label']} {ALL_IN_ONE}"
        category["description"] = category["description_en"] = f"{LIST} {ALL_IN_ONE}"


@pytest.fixture
def hostile_kit(write_kit: Any) -> Path:
    """The bundled kit with `hostile` text everywhere a user reads, written to a file."""
    path: Path = write_kit(hostile, name="hostile.json")
    load_kit(path)  # a valid kit: the payloads are text, and text is what a kit holds
    return path


def titled_kit(title: str, write_kit: Any) -> Kit:
    """The bundled kit whose first document has `title` as its title and its one author."""

    def edit(data: dict[str, Any]) -> None:
        data["documents"][0]["title"] = title
        data["documents"][0]["authors"] = [title]

    return load_kit(write_kit(edit))
