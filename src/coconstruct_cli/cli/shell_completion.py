"""How `kit` talks to bash, zsh and fish: the completion scripts, the candidates they read, and the
`--install-completion [SHELL]` / `--show-completion [SHELL]` options.

Typer's own classes fall short in real shells: they pass help texts through rich, which wraps them at
the terminal width (fish reads one candidate per line, so the wrapped words became fake candidates);
their zsh script evals a single-quoted string in which `''` drops apostrophes; their bash script
word-splits and globs the answer; and both options ignore the shell named after them. Here:

- every value and help text goes through `completion.clean` (one line, no control, C1 or bidi
  character) and never through rich, so nothing in a kit file is read as markup or reaches the
  terminal as an escape;
- the program answers one candidate per line, `value<TAB>help` for zsh and fish, and the value
  alone for bash, escaped so that bash inserts it as one word; the zsh script reads those lines
  (no eval) and hands them to `_describe`;
- `kit --show-completion zsh` (or `--show-completion=zsh`) prints the zsh script whatever shell runs
  it, `--install-completion fish` installs for fish, an unknown shell is a usage error, and a home that cannot be written is
  one paragraph on stderr and exit 4 (`ExitCode.OUTPUT`), never a traceback.

`install(app)` wires all of it into a Typer app; it is called once, where the app is built.
"""

from __future__ import annotations

import os
import re
import shlex
import sys
from collections.abc import Callable, Mapping, MutableMapping
from pathlib import Path
from typing import Any, NoReturn

import typer
from typer.core import TyperGroup, TyperOption

from ..compat.typer import CompletionItem, ShellComplete, add_completion_class, bool_flag_type
from ..compat.typer import Context as ClickContext
from ..compat.typer import Parameter as ClickParameter
from ..compat.typer import UsageError as ClickUsageError
from ..errors import KitError, OutputError
from ..files import file_reason
from ..i18n import t
from .completion import clean
from .console import Console
from .quick_completion import bash_line, bash_word, line, typed_words

SHELLS: tuple[str, ...] = ("bash", "zsh", "fish")
"""The shells `kit` completes in, tested in real bash, zsh and fish."""

# Each script asks the program for candidates with the environment variable Typer uses
# (_KIT_COMPLETE=complete_<shell>) and reads one candidate per line; stderr is dropped, so that
# nothing but candidates can reach the command line.
BASH_SCRIPT = """\
%(complete_func)s() {
    local IFS=$'\\n'
    mapfile -t COMPREPLY < <(env COMP_WORDS="${COMP_WORDS[*]}" COMP_CWORD="$COMP_CWORD" \\
        %(complete_var)s=complete_bash "$1" 2>/dev/null)
    return 0
}

complete -o default -F %(complete_func)s %(prog_name)s
"""

ZSH_SCRIPT = """\
#compdef %(prog_name)s

%(complete_func)s() {
    local -a lines described plain
    local line value
    lines=("${(@f)$(env _TYPER_COMPLETE_ARGS="${words[1,$CURRENT]}" %(complete_var)s=complete_zsh \\
        %(prog_name)s 2>/dev/null)}")
    for line in "${lines[@]}"; do
        [[ -z "$line" ]] && continue
        if [[ "$line" == *$'\\t'* ]]; then
            value="${line%%%%$'\\t'*}"
            value="${value//\\\\/\\\\\\\\}"
            described+=("${value//:/\\\\:}:${line#*$'\\t'}")
        else
            plain+=("$line")
        fi
    done
    if (( ${#described} + ${#plain} == 0 )); then
        _files
        return
    fi
    (( ${#described} )) && _describe -V unsorted described -U
    (( ${#plain} )) && compadd -U -V unsorted -a plain
    return 0
}

compdef %(complete_func)s %(prog_name)s
# Installed in fpath, this file is the body of the autoloaded _%(prog_name)s, run by a TAB: once it has
# registered the function above for the next ones, it answers that TAB too.
if [[ "${funcstack[1]}" == "_%(prog_name)s" ]]; then
    %(complete_func)s "$@"
fi
"""

FISH_SCRIPT = (
    "complete --command %(prog_name)s --no-files"
    ' --arguments "(env %(complete_var)s=complete_fish _TYPER_COMPLETE_FISH_ACTION=get-args'
    ' _TYPER_COMPLETE_ARGS=(commandline -cp) %(prog_name)s 2>/dev/null)"'
    ' --condition "env %(complete_var)s=complete_fish _TYPER_COMPLETE_FISH_ACTION=is-args'
    ' _TYPER_COMPLETE_ARGS=(commandline -cp) %(prog_name)s 2>/dev/null"\n'
)


class _Complete(ShellComplete):
    """What the three shells share: the script's variables and one candidate per line."""

    def source_vars(self) -> dict[str, Any]:
        return {"complete_func": self.func_name, "complete_var": self.complete_var, "prog_name": self.prog_name}

    def source(self) -> str:
        return script(self.name, self.prog_name)

    def format_completion(self, item: CompletionItem) -> str:
        return line(item.value, item.help, with_help=True)

    def complete(self) -> str:
        args, incomplete = self.get_completion_args()
        lines = (self.format_completion(item) for item in self.get_completions(args, incomplete))
        return "\n".join(line for line in lines if line)


class BashComplete(_Complete):
    name = "bash"
    source_template = BASH_SCRIPT

    replaced_from = 0
    """Where, in a candidate, the part bash replaces begins (after « animer: », see below)."""

    def get_completion_args(self) -> tuple[list[str], str]:
        typed = bash_line(os.environ)
        self.replaced_from = typed.replaced_from
        return typed.args, typed.incomplete

    def format_completion(self, item: CompletionItem) -> str:
        # bash shows values only, and inserts the one chosen as typed: escape it into one word.
        return bash_word(line(item.value, None, with_help=False)[self.replaced_from :])


class ZshComplete(_Complete):
    name = "zsh"
    source_template = ZSH_SCRIPT

    def get_completion_args(self) -> tuple[list[str], str]:
        return typed_words(os.environ)


class FishComplete(_Complete):
    name = "fish"
    source_template = FISH_SCRIPT

    def get_completion_args(self) -> tuple[list[str], str]:
        return typed_words(os.environ)

    def complete(self) -> str:
        # fish asks twice: « is there anything to offer? » (the exit status), then the candidates.
        found = super().complete()
        if os.environ.get("_TYPER_COMPLETE_FISH_ACTION") == "is-args":
            sys.exit(0 if found else 1)
        return found


COMPLETERS: dict[str, type[_Complete]] = {cls.name: cls for cls in (BashComplete, ZshComplete, FishComplete)}


def register() -> None:
    """Make click use these classes for `_KIT_COMPLETE=complete_<shell>` (Typer registers its own otherwise)."""
    for name, cls in COMPLETERS.items():
        add_completion_class(cls, name)


def complete_var(prog_name: str) -> str:
    """The environment variable that asks `prog_name` for candidates (`_KIT_COMPLETE`)."""
    return "_{}_COMPLETE".format(prog_name.replace("-", "_").upper())


def script(shell: str, prog_name: str = "kit") -> str:
    """The completion script for `shell` (one of SHELLS)."""
    function = "_{}_completion".format(re.sub(r"\W", "", prog_name.replace("-", "_"), flags=re.ASCII))
    variables = {"complete_func": function, "complete_var": complete_var(prog_name), "prog_name": prog_name}
    return COMPLETERS[shell].source_template % variables


# --- installing ---------------------------------------------------------------------------------


def _home() -> Path:
    try:
        return Path.home()
    except RuntimeError as exc:  # no HOME and no password entry
        raise OutputError(t("err.output_write", path="~", reason=clean(str(exc)))) from None


RC_LIMIT = 16 * 1024 * 1024
"""Bytes of a shell's start-up file read to see which lines it already has."""


def _folder(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(t("err.output_write", path=clean(str(path)), reason=file_reason(exc))) from None


def _write(path: Path, text: str) -> None:
    """Write the completion script (ours: replaced whole, by the one atomic writer)."""
    from ..files import write_file

    _folder(path)
    write_file(text, path, force=True)


def _add_lines(rc: Path, lines: list[str]) -> None:
    """Append to a start-up file (the user's: appended to, never rewritten) the lines it lacks."""
    from ..files import append_text, read_limited

    try:
        present = read_limited(rc, RC_LIMIT).decode("utf-8", errors="replace")
    except FileNotFoundError:
        present = ""
    except (OSError, ValueError) as exc:  # a folder, a FIFO or a device in its place, no permission…
        raise OutputError(t("err.output_write", path=clean(str(rc)), reason=file_reason(exc))) from None
    missing = [line for line in lines if line not in present]
    if not missing:
        return
    _folder(rc)
    lead = "\n" if present and not present.endswith("\n") else ""
    append_text(rc, lead + "".join(f"{line}\n" for line in missing))


def zsh_line(prog_name: str = "kit") -> str:
    """The one line `.zshrc` gets: the folder of `_kit` in fpath, and `_kit` bound to `kit`. The completion
    system is started (compinit) only when nothing has started it yet: a .zshrc that runs its own keeps
    its one compinit and its own styles (menus, colours), untouched."""
    return (
        f"fpath+=~/.zfunc; if (( ${{+functions[compdef]}} )); then autoload -Uz _{prog_name} && compdef _{prog_name} "
        f"{prog_name}; else autoload -Uz compinit && compinit; fi"
    )


def _existing_folder(folder: Path) -> Path:
    """`folder` when it exists; never created: a missing home is a mistake to tell (HOME=/nonexistent), not to make."""
    if not folder.exists():  # a file in its place fails at the write, told as a write that failed
        raise OutputError(t("err.no_home", path=clean(str(folder))))
    return folder


def install_script(shell: str, prog_name: str = "kit") -> Path:
    """Install completion for `shell` in the user's home; the path of the script. Raises OutputError."""
    text = script(shell, prog_name)
    home = _existing_folder(_home())
    if shell == "bash":
        target = home / ".bash_completions" / f"{prog_name}.sh"
        _write(target, text)
        _add_lines(home / ".bashrc", [f"source {shlex.quote(str(target))}"])
    elif shell == "zsh":
        target = home / ".zfunc" / f"_{prog_name}"
        _write(target, text)
        zshrc = _existing_folder(Path(os.environ.get("ZDOTDIR") or home)) / ".zshrc"
        _add_lines(zshrc, [zsh_line(prog_name)])
    else:
        config = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config")
        target = config / "fish" / "completions" / f"{prog_name}.fish"
        _write(target, text)
    return target


# --- the two options ----------------------------------------------------------------------------


def _detected_shell() -> str | None:
    import shellingham  # type: ignore[import-untyped]  # Typer's dependency, untyped

    try:
        name, _ = shellingham.detect_shell()
    except shellingham.ShellDetectionFailure:
        return None
    return str(name).lower()


def _chosen_shell(ctx: ClickContext, named: str | None, option: str) -> str:
    """The shell named after the option, else the one running `kit`; a usage error if not one of SHELLS."""
    shell = named if named is not None else _detected_shell()
    if shell is None:
        raise ClickUsageError(t("completion.no_shell", command=f"kit {option}"), ctx=ctx)
    if shell not in SHELLS:
        raise ClickUsageError(t("completion.unknown_shell", shell=clean(shell)[:40]), ctx=ctx)
    return shell


def _console(ctx: ClickContext) -> Console:
    """The run's console (made by the root's group), or a plain one."""
    found = ctx.find_object(Console)
    return found if found is not None else Console()


def _fail(ctx: ClickContext, error: KitError) -> NoReturn:
    # These options act while the root parses its own options, before the group's boundary catches
    # anything: tell the error as that boundary does.
    _console(ctx).end(error)


def _show(ctx: ClickContext, shell: str) -> None:
    _console(ctx).write(script(shell, ctx.find_root().info_name or "kit"))


def _install(ctx: ClickContext, shell: str) -> None:
    prog_name = ctx.find_root().info_name or "kit"
    try:
        path = install_script(shell, prog_name)
    except OutputError as error:
        hint = t("completion.not_installed", command=f"{prog_name} --show-completion {shell}")
        _fail(ctx, OutputError(f"{error.message} {hint}"))
    _console(ctx).write(f"{t('completion.installed', shell=shell, path=clean(str(path)))}\n{t('completion.restart')}\n")


class ShellOption(TyperOption):
    """A root flag that takes the word after it as a shell name, when there is one: `--show-completion [SHELL]`.

    click has no option with an optional value; the group stops parsing at its first word, so that
    word is the first of the remaining arguments, and this option takes it before the command is looked for.
    """

    def __init__(self, name: str, action: Callable[[ClickContext, str], None], help_key: str) -> None:
        super().__init__(
            param_decls=[name.lstrip("-").replace("-", "_"), name],
            type_descriptor=bool_flag_type(typer.Option(False)),
            is_flag=True,
            default=False,
            expose_value=False,
        )
        self.action = action
        self.help_key = help_key

    def handle_parse_result(self, ctx: ClickContext, opts: Mapping[str, Any], args: list[str]) -> tuple[Any, list[str]]:
        if not opts.get(self.name) or ctx.resilient_parsing:
            return super().handle_parse_result(ctx, opts, args)
        named = args[0] if args and not args[0].startswith("-") else None
        self.action(ctx, _chosen_shell(ctx, named, self.opts[0]))
        raise SystemExit(0)

    def get_help_record(self, ctx: ClickContext) -> tuple[str, str] | None:
        # Written when the help is, in the language of this run (a text the group set wins).
        return self.opts[0], self.help or t(self.help_key)


def _shell_values_apart(args: list[str]) -> list[str]:
    """`--show-completion=zsh` read as `--show-completion zsh` (a click flag refuses `=value`), up to `--`;
    `--show-completion=` as the option alone (the shell that runs `kit`)."""
    out: list[str] = []
    for i, arg in enumerate(args):
        if arg == "--":
            return out + args[i:]
        name, equals, value = arg.partition("=")
        out += ([name, value] if value else [name]) if equals and name in _SHELL_OPTIONS else [arg]
    return out


_SHELL_OPTIONS = ("--install-completion", "--show-completion")


def completion_options() -> list[ClickParameter]:
    return [
        ShellOption("--install-completion", _install, "completion.install_help"),
        ShellOption("--show-completion", _show, "completion.show_help"),
    ]


def install(app: typer.Typer) -> None:
    """Give `app` these completion classes and options in place of Typer's. Call once, where the app is built."""
    register()
    app._add_completion = False  # Typer's own options: replaced by ours below
    base = app.info.cls if isinstance(app.info.cls, type) and issubclass(app.info.cls, TyperGroup) else TyperGroup

    class CompletingGroup(base):  # type: ignore[valid-type,misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.params.extend(completion_options())

        def parse_args(self, ctx: ClickContext, args: list[str]) -> list[str]:
            return list(super().parse_args(ctx, _shell_values_apart(args)))

        def _main_shell_completion(
            self, ctx_args: MutableMapping[str, Any], prog_name: str, complete_var: str | None = None
        ) -> None:
            register()  # in case another Typer app of this process registered Typer's classes since
            super()._main_shell_completion(ctx_args, prog_name, complete_var)

    CompletingGroup.__name__ = CompletingGroup.__qualname__ = f"Completing{base.__name__}"
    app.info.cls = CompletingGroup
