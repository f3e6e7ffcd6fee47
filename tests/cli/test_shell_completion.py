"""Completion as bash, zsh and fish receive it: in-process as Typer tests it, then in the real shells.

In-process: `_KIT_COMPLETE=complete_<shell>` with the shell's own variables (`COMP_WORDS`/`COMP_CWORD`
for bash, `_TYPER_COMPLETE_ARGS` for zsh and fish). Real shells: completion installed by the
installed `kit` into a temporary HOME, the shell driven with pexpect in an 80-column pseudo-terminal.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from coconstruct_cli.cli.app import app
from coconstruct_cli.cli.shell_completion import SHELLS, bash_word, script, zsh_line
from coconstruct_cli.errors import ExitCode
from conftest import need

PATHS = ["understand", "comprendre", "animate", "animer", "support", "accompagner"]
CATEGORY_NAMES = ["reference", "cadre-de-reference", "illustrations", "method", "methode", "toolbox", "boite-a-outils"]

# What must never reach a terminal from a kit file: C0 controls but tab and newline, DEL, C1, bidi
# embeddings, overrides and isolates, line and paragraph separators, BOM.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]")
OSC_TITLE = "\x1b]0;PWNED\x07"
PAYLOAD = f"[bold red]gras[/] {OSC_TITLE}titre \u202eesrever \u2066iso\u2069 \x9b31mrouge \x1b[5mclignote\nligne\u2028deux\tfin"


def complete(runner: CliRunner, shell: str, line: str, **env: str) -> str:
    """What the program answers the `shell` script for the command line `line` (cursor at its end)."""
    if shell == "bash":
        words = line.split()
        cword = len(words) if line.endswith(" ") else len(words) - 1
        env |= {"COMP_WORDS": line, "COMP_CWORD": str(cword)}
    else:
        env |= {"_TYPER_COMPLETE_ARGS": line, "_TYPER_COMPLETE_FISH_ACTION": "get-args"}
    result = runner.invoke(app, [], env={"_KIT_COMPLETE": f"complete_{shell}", **env}, prog_name="kit")
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.stdout + result.stderr
    return result.stdout


def candidates(answer: str) -> list[tuple[str, str]]:
    """The (value, help) pairs of an answer: one line each, the help after the one tab."""
    pairs = []
    for line in answer.splitlines():
        value, _, help_text = line.partition("\t")
        assert "\t" not in help_text, line
        pairs.append((value, help_text))
    return pairs


# --- in-process ----------------------------------------------------------------------------------


@pytest.mark.parametrize("shell", ["zsh", "fish"])
@pytest.mark.parametrize("columns", ["20", "80", "300"])
def test_one_line_per_candidate_whatever_the_width(runner: CliRunner, shell: str, columns: str) -> None:
    """rich wrapped long help at the terminal width, and fish read the pieces as candidates (issue 14.1)."""
    pairs = candidates(complete(runner, shell, "kit path ", COLUMNS=columns))
    assert [value for value, _ in pairs] == PATHS
    assert dict(pairs)["understand"] == (
        "Comprendre le mouvement en marche de co-construction sur les territoires et se positionner"
    )
    commands = candidates(complete(runner, shell, "kit ", COLUMNS=columns))
    assert {"list", "path", "guide", "about"} <= {value for value, _ in commands}


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_apostrophes_and_accents_stay(runner: CliRunner, shell: str) -> None:
    """zsh's old script dropped apostrophes (« danimation ») (issue 14.2)."""
    pairs = dict(candidates(complete(runner, shell, "kit guide --role fa")))
    assert pairs == {"facilitator": "Une structure d'animation ou d'accompagnement"}
    assert dict(candidates(complete(runner, shell, "kit show rex-s"))) == {
        "rex-silver-geek": "Retour d'expérimentation collective (Silver Geek)"
    }


def test_bash_gets_values_only(runner: CliRunner) -> None:
    assert complete(runner, "bash", "kit path ") == "\n".join(PATHS) + "\n"


@pytest.mark.parametrize(
    "value,word",
    [
        ("rex-silver-geek", "rex-silver-geek"),
        ("a b", "a\\ b"),
        ("x;touch pwned", "x\\;touch\\ pwned"),
        ("$(id)`id`", "\\$\\(id\\)\\`id\\`"),
        ("*?[a]{b}~!#&|<>'\"\\", "\\*\\?\\[a\\]\\{b\\}\\~\\!\\#\\&\\|\\<\\>\\'\\\"\\\\"),
        ("boîte", "boîte"),
    ],
)
def test_bash_inserts_each_value_as_one_word(value: str, word: str) -> None:
    assert bash_word(value) == word
    if shutil.which("bash"):
        echoed = subprocess.run(["bash", "-c", f"printf '%s' {word}"], capture_output=True, text=True, check=True)
        assert echoed.stdout == value


@pytest.fixture
def hostile_names_kit(write_kit: Any) -> Path:
    """A kit whose names and texts carry a title-setting OSC, bidi overrides, C1 CSI, rich markup and shell syntax."""

    def edit(data: dict[str, Any]) -> None:
        path = data["paths"][0]
        path |= {"id": "sub$(touch${IFS}pwned)", "alias": "semi;touch pwned2", "title": PAYLOAD, "title_en": PAYLOAD}
        category = data["categories"][0]
        category |= {"id": f"cat{OSC_TITLE}", "label": PAYLOAD, "aliases": ["al\u202eias"]}
        data["documents"][0] |= {"id": "doc\u202e\x9b2J", "title": PAYLOAD}

    path: Path = write_kit(edit, "hostile.json")
    return path


@pytest.mark.parametrize("shell", SHELLS)
@pytest.mark.parametrize("line", ["kit path ", "kit list --category ", "kit show ", "kit path --lang en "])
def test_nothing_harmful_from_a_hostile_kit(runner: CliRunner, hostile_names_kit: Path, shell: str, line: str) -> None:
    """Every value and help is cleaned: no control, C1 or bidi character, no markup read (issue 11.2)."""
    answer = complete(runner, shell, line, KIT_FILE=str(hostile_names_kit))
    assert answer
    assert not UNSAFE.findall(answer.replace("\t", "").replace("\n", ""))
    pairs = candidates(answer)
    if shell != "bash" and line.startswith("kit path"):
        helps = [help_text for _, help_text in pairs]
        # Shown as written: the markup is text (never read by rich), the controls are gone.
        assert helps[0].startswith("[bold red]gras[/] ]0;PWNEDtitre esrever iso 31mrouge [5mclignote ligne deux fin")


# Any text at all, weighted towards what a terminal or a shell reads as commands.
_NASTY = st.text(
    st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(["\x1b", "\x9b", "\x07", "\n", "\t", "\r", "\u202e", "\u2066", "\u2028", "[", "]", "/", ":", "'", "\\"]),
    ),
    max_size=30,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=_NASTY, title=_NASTY)
def test_any_kit_text_gives_one_safe_line_per_candidate(runner: CliRunner, write_kit: Any, name: str, title: str) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["paths"][0] |= {"id": f"x{name}", "alias": f"y{name}", "title": title}

    kit = write_kit(edit, "fuzzed.json")
    for shell in SHELLS:
        answer = complete(runner, shell, "kit path ", KIT_FILE=str(kit))
        assert not UNSAFE.findall(answer.replace("\t", "").replace("\n", ""))
        lines = answer.splitlines()
        assert len(lines) == 6  # six names, whatever they hold: one line each
        if shell != "bash":
            assert all(line.count("\t") <= 1 for line in lines)


def test_completion_never_calls_rich(runner: CliRunner, hostile_names_kit: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import typer.rich_utils

    def refuse(*args: Any, **kwargs: Any) -> str:
        raise AssertionError("completion text went through rich")

    monkeypatch.setattr(typer.rich_utils, "rich_render_text", refuse)
    for shell in SHELLS:
        assert complete(runner, shell, "kit path ", KIT_FILE=str(hostile_names_kit))


def test_fish_asks_whether_there_is_anything(runner: CliRunner) -> None:
    env = {"_KIT_COMPLETE": "complete_fish", "_TYPER_COMPLETE_FISH_ACTION": "is-args"}
    assert runner.invoke(app, [], env={**env, "_TYPER_COMPLETE_ARGS": "kit path "}, prog_name="kit").exit_code == 0
    # Nothing to offer (a file name is expected): fish completes files.
    assert runner.invoke(app, [], env={**env, "_TYPER_COMPLETE_ARGS": "kit validate "}, prog_name="kit").exit_code == 1


def test_an_unknown_shell_instruction_says_so(runner: CliRunner) -> None:
    result = runner.invoke(app, [], env={"_KIT_COMPLETE": "complete_tcsh"}, prog_name="kit")
    assert result.exit_code == 1
    assert result.stdout == ""


# --- --show-completion and --install-completion ----------------------------------------------------


@pytest.fixture
def from_bash(monkeypatch: pytest.MonkeyPatch) -> None:
    """`kit` run from bash, as shellingham sees it."""
    import shellingham

    monkeypatch.setattr(shellingham, "detect_shell", lambda *args, **kwargs: ("bash", "/bin/bash"))


MARKS = {"bash": "complete -o default -F _kit_completion kit", "zsh": "#compdef kit", "fish": "complete --command kit"}


@pytest.mark.usefixtures("from_bash")
@pytest.mark.parametrize("shell", SHELLS)
@pytest.mark.parametrize("joined", [False, True], ids=["space", "equals"])
def test_show_completion_prints_the_script_of_the_shell_named(runner: CliRunner, shell: str, joined: bool) -> None:
    """From bash, `kit --show-completion zsh` printed the bash script (issue 14.3); `--show-completion=zsh` too."""
    args = [f"--show-completion={shell}"] if joined else ["--show-completion", shell]
    result = runner.invoke(app, args, prog_name="kit")
    assert result.exit_code == 0, result.output
    assert result.stdout == script(shell)
    assert MARKS[shell] in result.stdout
    for other in set(SHELLS) - {shell}:
        assert MARKS[other] not in result.stdout


@pytest.mark.usefixtures("from_bash")
def test_show_completion_alone_prints_the_current_shell_s(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--show-completion"], prog_name="kit")
    assert result.exit_code == 0
    assert "_KIT_COMPLETE=complete_bash" in result.stdout


@pytest.mark.usefixtures("from_bash")
@pytest.mark.parametrize("option", ["--show-completion", "--install-completion"])
@pytest.mark.parametrize("shell", ["tcsh", "list", "powershell", "ZSH\x1b]0;x\x07"])
def test_an_unknown_shell_is_a_usage_error(runner: CliRunner, tmp_path: Path, option: str, shell: str) -> None:
    result = runner.invoke(app, [option, shell], prog_name="kit")
    assert result.exit_code == ExitCode.USAGE
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert "Shell inconnu\u00a0:" in result.stderr and "bash, zsh et fish" in result.stderr
    assert not UNSAFE.findall(result.stderr.replace("\n", ""))
    assert not (tmp_path / "home").exists()  # nothing installed


@pytest.mark.usefixtures("from_bash")
def test_an_equals_sign_is_read_as_the_shell_s_name_only_for_these_options(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["--install-completion=tcsh"], prog_name="kit")
    assert result.exit_code == ExitCode.USAGE and "Shell inconnu\u00a0:" in result.stderr
    alone = runner.invoke(app, ["--show-completion="], prog_name="kit")
    assert alone.exit_code == 0 and "_KIT_COMPLETE=complete_bash" in alone.stdout  # the shell running kit
    # after `--`, the same words are a search's words, not an option
    found = runner.invoke(app, ["search", "--format", "json", "--", "--show-completion=zsh"], prog_name="kit")
    assert found.exit_code in (ExitCode.OK, ExitCode.NO_MATCH) and "#compdef" not in found.stdout


@pytest.mark.parametrize("option", ["--show-completion", "--install-completion"])
def test_an_undetected_shell_asks_for_its_name(runner: CliRunner, monkeypatch: pytest.MonkeyPatch, option: str) -> None:
    import shellingham

    def fail(*args: Any, **kwargs: Any) -> None:
        raise shellingham.ShellDetectionFailure()

    monkeypatch.setattr(shellingham, "detect_shell", fail)
    result = runner.invoke(app, [option], prog_name="kit")
    assert result.exit_code == ExitCode.USAGE
    assert f"nommez-le\u00a0: kit {option} bash" in result.stderr
    assert "Traceback" not in result.stderr


def test_help_lists_both_options_in_french(runner: CliRunner) -> None:
    result = runner.invoke(app, ["-h"], prog_name="kit")
    assert result.exit_code == 0
    assert "--install-completion" in result.stdout and "--show-completion" in result.stdout


INSTALLED = {
    "bash": ".bash_completions/kit.sh",
    "zsh": ".zfunc/_kit",
    "fish": ".config/fish/completions/kit.fish",
}


@pytest.mark.usefixtures("from_bash")
@pytest.mark.parametrize("shell", SHELLS)
def test_install_completion_installs_for_the_shell_named(runner: CliRunner, tmp_path: Path, shell: str) -> None:
    home = tmp_path / "home"
    home.mkdir()
    result = runner.invoke(app, ["--install-completion", shell], prog_name="kit")
    assert result.exit_code == 0, result.output
    installed = home / INSTALLED[shell]
    assert installed.read_text(encoding="utf-8") == script(shell)
    # In the interface's language, French by default (issue 14.15).
    assert result.stdout == (f"Complétion {shell} installée dans {installed}.\nElle prendra effet dans un nouveau terminal.\n")
    others = set(INSTALLED.values()) - {INSTALLED[shell]}
    assert not any((home / other).exists() for other in others)


@pytest.mark.usefixtures("from_bash")
def test_install_completion_speaks_english_when_asked(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "home").mkdir()
    result = runner.invoke(app, ["--install-completion", "zsh"], env={"KIT_LANG": "en"}, prog_name="kit")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"zsh completion installed in {tmp_path / 'home' / '.zfunc' / '_kit'}.\n")


def test_install_twice_adds_each_start_up_line_once(runner: CliRunner, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / ".bashrc").write_text("alias ll='ls -l'", encoding="utf-8")  # no final newline
    (home / ".zshrc").write_text("zstyle ':completion:*' menu no\n", encoding="utf-8")
    for _ in range(2):
        for shell in ("bash", "zsh"):
            assert runner.invoke(app, ["--install-completion", shell], prog_name="kit").exit_code == 0
    assert (home / ".bashrc").read_text(encoding="utf-8") == (
        f"alias ll='ls -l'\nsource {home / '.bash_completions' / 'kit.sh'}\n"
    )
    # The user's own zstyle is kept, and no style of ours is added.
    assert (home / ".zshrc").read_text(encoding="utf-8") == f"zstyle ':completion:*' menu no\n{zsh_line()}\n"


def test_zsh_gets_one_line_that_starts_compinit_only_when_nothing_did(runner: CliRunner, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    own = "autoload -Uz compinit && compinit -C\nzstyle ':completion:*' menu no\n"
    (home / ".zshrc").write_text(own, encoding="utf-8")
    assert runner.invoke(app, ["--install-completion", "zsh"], prog_name="kit").exit_code == 0
    text = (home / ".zshrc").read_text(encoding="utf-8")
    assert text == own + zsh_line() + "\n"
    assert "zstyle" not in zsh_line() and "menu" not in zsh_line()
    # compinit is in the line's else branch only: run when no completion system is loaded (compdef undefined).
    assert zsh_line().endswith("then autoload -Uz _kit && compdef _kit kit; else autoload -Uz compinit && compinit; fi")


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("shell", SHELLS)
def test_a_missing_home_is_refused_with_exit_4_and_not_created(runner: CliRunner, tmp_path: Path, shell: str, lang: str) -> None:
    home = tmp_path / "nonexistent"
    env = {"HOME": str(home), "XDG_CONFIG_HOME": "", "ZDOTDIR": "", "KIT_LANG": lang}
    result = runner.invoke(app, ["--install-completion", shell], env=env, prog_name="kit")
    assert result.exit_code == ExitCode.OUTPUT == 4
    assert result.stdout == "" and not home.exists()
    expected = (
        f"Erreur\u00a0: Le dossier {home} n'existe pas (HOME ou ZDOTDIR)."
        if lang == "fr"
        else f"Error: The folder {home} does not exist (HOME or ZDOTDIR)."
    )
    assert result.stderr.startswith(expected) and result.stderr.count("\n") == 1


def test_a_missing_zdotdir_is_refused_too(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "home").mkdir()
    zdotdir = tmp_path / "zdot"
    result = runner.invoke(app, ["--install-completion", "zsh"], env={"ZDOTDIR": str(zdotdir)}, prog_name="kit")
    assert result.exit_code == 4 and not zdotdir.exists()


def test_fish_follows_xdg_config_home(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "home").mkdir()
    config = tmp_path / "xdg"
    result = runner.invoke(app, ["--install-completion", "fish"], env={"XDG_CONFIG_HOME": str(config)}, prog_name="kit")
    assert result.exit_code == 0
    assert (config / "fish" / "completions" / "kit.fish").is_file()


def _unwritable_homes(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    yield "a file", blocker
    if os.geteuid() != 0:  # root writes anywhere: only a file in the way stops it
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        yield "read-only", locked


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("shell", SHELLS)
def test_an_unwritable_home_is_one_paragraph_and_exit_4(runner: CliRunner, tmp_path: Path, shell: str, lang: str) -> None:
    """It was a PermissionError traceback (issue 11.18)."""
    for _, home in _unwritable_homes(tmp_path):
        env = {"HOME": str(home), "XDG_CONFIG_HOME": "", "ZDOTDIR": "", "KIT_LANG": lang}
        result = runner.invoke(app, ["--install-completion", shell], env=env, prog_name="kit")
        assert result.exit_code == ExitCode.OUTPUT == 4
        assert result.stdout == ""
        assert "Traceback" not in result.stderr
        assert result.stderr.count("\n") == 1  # one paragraph
        if lang == "fr":
            assert result.stderr.startswith("Erreur\u00a0: Impossible d'écrire ")
            assert f"«\u00a0kit --show-completion {shell}\u00a0» affiche le script" in result.stderr
        else:
            assert result.stderr.startswith("Error: Cannot write ")
            assert f"'kit --show-completion {shell}' prints the script" in result.stderr


# --- real shells in a pseudo-terminal ----------------------------------------------------------------


_TOKENS = re.compile(
    r"\x1b\[(?P<csi>[0-?]*)[ -/]*(?P<final>[@-~])"  # CSI: cursor moves, erasures, colours…
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC: window title…
    r"|\x1b[()][0-9A-Za-z]|\x1b[=>78]"  # character sets, keypad modes
    r"|(?P<char>[\s\S])"
)


class Screen:
    """A small terminal of `rows` x `columns` that understands what bash, zsh and fish draw with:
    text, CR, LF, BS, tab, cursor moves and erasures (colours and modes are ignored)."""

    def __init__(self, rows: int = 24, columns: int = 80) -> None:
        self.rows, self.columns = rows, columns
        self.cells = [[" "] * columns for _ in range(rows)]
        self.x = self.y = 0

    def _down(self) -> None:
        if self.y == self.rows - 1:
            self.cells = [*self.cells[1:], [" "] * self.columns]
        else:
            self.y += 1

    def feed(self, text: str) -> None:
        for match in _TOKENS.finditer(text):
            char, final = match["char"], match["final"]
            if final is not None:
                self._csi(final, match["csi"])
            elif char is None or char in "\x07":
                continue
            elif char == "\r":
                self.x = 0
            elif char == "\n":
                self._down()
            elif char == "\b":
                self.x = max(0, self.x - 1)
            elif char == "\t":
                self.x = min(self.columns - 1, (self.x // 8 + 1) * 8)
            elif char.isprintable():
                if self.x >= self.columns:  # xterm's pending wrap
                    self.x = 0
                    self._down()
                self.cells[self.y][self.x] = char
                self.x += 1

    def _csi(self, final: str, params: str) -> None:
        if params.startswith("?"):
            return
        numbers = [int(n) if n.isdigit() else 0 for n in params.split(";")]
        n = max(numbers[0], 1)
        if final == "A":
            self.y = max(0, self.y - n)
        elif final == "B":
            self.y = min(self.rows - 1, self.y + n)
        elif final == "C":
            self.x = min(self.columns - 1, self.x + n)
        elif final == "D":
            self.x = max(0, self.x - n)
        elif final == "G":
            self.x = min(self.columns - 1, n - 1)
        elif final in "Hf":
            self.y = min(self.rows - 1, n - 1)
            self.x = min(self.columns - 1, max(numbers[1] if len(numbers) > 1 else 1, 1) - 1)
        elif final == "K":
            row, x = self.cells[self.y], min(self.x, self.columns)
            span = {0: range(x, self.columns), 1: range(x + 1), 2: range(self.columns)}.get(numbers[0], range(0))
            for i in span:
                row[i] = " "
        elif final == "J" and numbers[0] == 0:
            self._csi("K", "0")
            for row in self.cells[self.y + 1 :]:
                row[:] = [" "] * self.columns
        elif final == "J" and numbers[0] == 2:
            self.cells = [[" "] * self.columns for _ in range(self.rows)]

    def lines(self) -> list[str]:
        return ["".join(row).rstrip() for row in self.cells]


def installed_shell(shell: str) -> str:
    """The shell's program; the test is skipped when it is not installed (failed under CI, which installs it)."""
    exe = shutil.which(shell)
    need(exe, shell)
    assert exe is not None
    return exe


class Terminal:
    """One interactive shell in an 80-column pseudo-terminal, completion installed by the installed `kit`."""

    def __init__(self, shell: str, kit_exe: str, tmp_path: Path, **env: str) -> None:
        import pexpect

        self.shell = shell
        self.home = tmp_path / "home"
        self.cwd = tmp_path / "work"
        self.home.mkdir(exist_ok=True)
        self.cwd.mkdir(exist_ok=True)
        self.env = {
            "HOME": str(self.home),
            "PATH": f"{Path(kit_exe).parent}:/usr/local/bin:/usr/bin:/bin",
            "TERM": "xterm",
            "LANG": "C.UTF-8",
            **env,
        }
        installed = subprocess.run(
            [kit_exe, "--install-completion", shell], env=self.env, capture_output=True, text=True, check=False
        )
        assert installed.returncode == 0, installed.stderr
        self._short_prompt()
        self.child = pexpect.spawn(
            installed_shell(shell), ["-i"], env=self.env, cwd=str(self.cwd), dimensions=(24, 80), encoding="utf-8", timeout=20
        )
        self.screen = Screen(24, 80)
        if shell == "fish":
            # fish loads a command's completions on first use, and its autosuggestion (which completes
            # in the background as one types) can race that first load and leave the first TAB empty.
            self.run("printf '%s-%s\\n' kit ready", "kit-ready")
        else:
            self.run("printf '%s-%s\\n' kit ready", "kit-ready")

    def _short_prompt(self) -> None:
        """A short prompt, so that the command line never wraps at 80 columns (the working folder is long)."""
        if self.shell == "bash":
            rc, line = self.home / ".bashrc", "PS1='$ '"
        elif self.shell == "zsh":
            rc, line = self.home / ".zshrc", "PROMPT='%% '"
        else:
            rc, line = self.home / ".config" / "fish" / "config.fish", "function fish_prompt; echo '> '; end"
        rc.parent.mkdir(parents=True, exist_ok=True)
        with rc.open("a", encoding="utf-8") as handle:
            handle.write(f"\n{line}\n")

    PROMPTS = {"bash": "$ ", "zsh": "% ", "fish": "> "}

    def run(self, command: str, until: str) -> None:
        """Run `command`, wait for `until` in its output, then for the next prompt."""
        self.child.send(command + "\r")
        self.expect(until)
        self.expect(self.PROMPTS[self.shell])
        self.settle()

    def expect(self, text: str) -> str:
        """Wait for `text` (30 s: each TAB runs `kit`, slow on a loaded machine); what was received up to it."""
        self.child.expect_exact(text, timeout=30)
        # What expect read past the match waits in its buffer: the screen needs it too.
        received = f"{self.child.before}{self.child.after}{self.child.buffer}"
        self.child.buffer = ""
        self.screen.feed(received)
        return received

    def settle(self, quiet: float = 0.6) -> str:
        """Everything the terminal receives until it has been quiet for `quiet` seconds."""
        import pexpect

        out = []
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                out.append(self.child.read_nonblocking(65536, timeout=quiet))
            except pexpect.TIMEOUT:
                break
        received = "".join(out)
        self.screen.feed(received)
        return received

    def tab(self, line: str, until: str) -> str:
        """Type `line`, press TAB (twice in bash, which lists on the second), wait for `until` to be
        drawn and the terminal to fall quiet; everything the terminal received."""
        self.child.send(line)
        received = self.settle(0.3)
        self.child.send("\t\t" if self.shell == "bash" else "\t")
        received += self.expect(until)
        return received + self.settle(1.0)

    def menu(self, line: str) -> list[str]:
        """The rows the shell drew below the command line `line` (bash: between it and the next prompt)."""
        rows = self.screen.lines()
        typed = [i for i, row in enumerate(rows) if row == self.PROMPTS[self.shell] + line.rstrip()]
        assert typed, rows
        below = rows[typed[0] + 1 : typed[1] if self.shell == "bash" and len(typed) > 1 else None]
        return [row for row in below if row.strip()]

    def close(self) -> None:
        self.child.terminate(force=True)


@pytest.fixture(params=SHELLS)
def shell(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    installed_shell(name)
    return name


def shown_values(shell: str, menu: list[str]) -> list[str]:
    """The candidate values in the menu rows a shell drew; fails on a row that is not a candidate."""
    values: list[str] = []
    for row in menu:
        if shell == "bash":
            values += re.split(r"(?<!\\)\s+", row.strip())
        elif shell == "zsh":
            names, sep, _ = row.partition(" -- ")
            assert sep, f"a zsh menu row without a description: {row!r}"
            values += names.split()
        else:
            # Columns of « value  (help) », values with the same help side by side: « a  b  (help) ».
            cells = re.split(r" {2,}", row.strip())
            assert cells[-1].startswith("("), f"a fish menu row that is not a candidate: {row!r}"
            values += [cell for cell in cells if not cell.startswith("(")]
    return values


REAL_CASES = {
    "path": ("kit path ", PATHS, "une dynamique d'animation"),
    "role": (
        "kit guide --role ",
        ["association", "company", "entreprise", "public", "collectivite", "academic", "academique"]
        + ["media", "facilitator", "animateur", "other", "autre"],
        "Une structure d'animation ou d'accompagnement",
    ),
    "category": ("kit list --category ", CATEGORY_NAMES, "Cadre de référence"),
}


@pytest.mark.e2e
@pytest.mark.parametrize("case", REAL_CASES)
def test_real_shells_offer_only_real_names_with_intact_descriptions(shell: str, kit_exe: str, tmp_path: Path, case: str) -> None:
    """At 80 columns: no fake candidate made of wrapped help (fish), apostrophes kept (zsh)."""
    line, names, description = REAL_CASES[case]
    terminal = Terminal(shell, kit_exe, tmp_path)
    try:
        terminal.tab(line, until=names[-1])
        menu = terminal.menu(line)
        assert sorted(shown_values(shell, menu)) == sorted(names)
        if shell != "bash":  # bash shows values only
            assert description in "\n".join(menu)
    finally:
        terminal.close()


@pytest.mark.e2e
def test_real_zsh_with_its_own_compinit_completes_kit(kit_exe: str, tmp_path: Path) -> None:
    """A .zshrc that starts the completion system itself: kit's line binds _kit without a second compinit."""
    home = tmp_path / "home"
    home.mkdir()
    (home / ".zshrc").write_text("autoload -Uz compinit && compinit -u\n", encoding="utf-8")
    terminal = Terminal("zsh", kit_exe, tmp_path)
    try:
        terminal.tab("kit path ", until="accompagner")
        assert sorted(shown_values("zsh", terminal.menu("kit path "))) == sorted(PATHS)
    finally:
        terminal.close()


@pytest.mark.e2e
@pytest.mark.parametrize("real", ["bash", "zsh"])
def test_real_shells_complete_a_path_and_its_numbers(real: str, kit_exe: str, tmp_path: Path) -> None:
    """`kit show animer:1<TAB>`: bash lists the numbers (its word ends at « : »), zsh them with the titles."""
    terminal = Terminal(real, kit_exe, tmp_path)
    try:
        if real == "bash":
            terminal.tab("kit show animer:1", until="19")
            assert sorted(shown_values("bash", terminal.menu("kit show animer:1"))) == sorted(
                ["1", *(str(n) for n in range(10, 20))]
            )
            # The one candidate is inserted after « animer: », not in place of it: Enter shows document 19.
            terminal.child.send("9\t\r")
            terminal.expect("fiche-diagnostic-structure-animation")
        else:
            terminal.tab("kit show animer:1", until="Lancer et piloter")
            menu = "\n".join(terminal.menu("kit show animer:1"))
            assert "animer:10" in menu and "animer:19" in menu and "Lancer et piloter" in menu
    finally:
        terminal.close()


@pytest.mark.e2e
def test_real_shells_show_nothing_harmful_from_a_hostile_kit(
    shell: str, kit_exe: str, tmp_path: Path, hostile_names_kit: Path
) -> None:
    terminal = Terminal(shell, kit_exe, tmp_path, KIT_FILE=str(hostile_names_kit))
    try:
        # A name holding shell syntax is inserted as one word: pressing Enter runs nothing but kit.
        for typed, inserted in (("kit path sub", "pwned"), ("kit path semi", "pwned2")):
            terminal.tab(typed, until=inserted)
            terminal.child.send("\r")
            terminal.expect("Erreur")  # kit refuses the hostile kit; no other command ran
            terminal.expect(terminal.PROMPTS[shell])
            terminal.settle()
        assert sorted(p.name for p in terminal.cwd.iterdir() if p.name.startswith("pwned")) == []

        shown = terminal.tab("kit path ", until="semi")
        for bad in (OSC_TITLE[:-1], "\u202e", "\u2066", "\x9b", "\x1b[5m", "\u2028"):
            assert bad not in shown
        text = "\n".join(terminal.menu("kit path "))
        assert "sub" in text and "semi" in text
        if shell != "bash":
            assert "[bold red]gras[/]" in text  # markup shown as text, not read
    finally:
        terminal.close()


@pytest.mark.e2e
def test_show_completion_from_real_bash_names_its_shell(kit_exe: str, tmp_path: Path) -> None:
    installed_shell("bash")
    env = {"HOME": str(tmp_path), "PATH": f"{Path(kit_exe).parent}:/usr/bin:/bin", "LANG": "C.UTF-8"}
    for shell in SHELLS:
        for line in (f"kit --show-completion {shell}", f"kit --show-completion={shell}"):
            result = subprocess.run(["bash", "-c", line], env=env, capture_output=True, text=True, check=False)
            assert result.returncode == 0, result.stderr
            assert MARKS[shell] in result.stdout


def test_payload_is_really_hostile() -> None:
    """The payload holds what the tests above must not let through (so they can fail)."""
    assert len(UNSAFE.findall(PAYLOAD)) >= 7
    assert json.loads(json.dumps(PAYLOAD)) == PAYLOAD


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_start_up_file_that_is_a_fifo_is_refused_without_blocking(runner: CliRunner, tmp_path: Path) -> None:
    import signal

    home = tmp_path / "home"
    home.mkdir()
    os.mkfifo(home / ".bashrc")

    def hung(signum: int, frame: object) -> None:
        raise AssertionError("--install-completion blocked on a FIFO as .bashrc")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(10)
    try:
        result = runner.invoke(app, ["--install-completion", "bash"], prog_name="kit")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert result.exit_code == ExitCode.OUTPUT, result.output
    assert str(home / ".bashrc") in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
