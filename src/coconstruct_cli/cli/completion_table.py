"""The commands' arguments and options as shell completion needs them, before Typer is imported.

Generated from the Typer app by `build` (`python -m coconstruct_cli.cli.regenerate` rewrites this
file); tests/cli/test_quick_completion.py fails while it differs from the app. For each command:
`options`, every option name with [parameter name, takes a value, completion function or None], and
`arguments`, in order, [parameter name, nargs, completion function or None]; the functions are named
as `completion.COMPLETERS` names them (« format »: the command's formats). Read by `quick_completion`.
"""

from __future__ import annotations

from typing import Any

TABLE: dict[str, dict[str, Any]] = {
    "guide": {
        "options": {
            "--role": ["role", True, "role"],
            "-r": ["role", True, "role"],
            "--goal": ["goal", True, "goal"],
            "-g": ["goal", True, "goal"],
            "--need": ["need", True, "need"],
            "-n": ["need", True, "need"],
            "--situation": ["situation", True, None],
            "-s": ["situation", True, None],
            "--answers": ["answers_file", True, None],
            "--format": ["fmt", True, "format"],
            "-f": ["fmt", True, "format"],
            "--output": ["output", True, None],
            "-o": ["output", True, None],
            "--force": ["force", False, None],
            "--kit": ["kit_file", True, None],
            "--lang": ["lang", True, "lang"],
            "--plain": ["plain", False, None],
        },
        "arguments": [],
    },
    "list": {
        "options": {
            "--category": ["category", True, "category"],
            "-c": ["category", True, "category"],
            "--path": ["path", True, "path"],
            "-p": ["path", True, "path"],
            "--audience": ["audience", True, "role"],
            "-a": ["audience", True, "role"],
            "--format": ["fmt", True, "format"],
            "-f": ["fmt", True, "format"],
            "--output": ["output", True, None],
            "-o": ["output", True, None],
            "--force": ["force", False, None],
            "--kit": ["kit_file", True, None],
            "--lang": ["lang", True, "lang"],
            "--plain": ["plain", False, None],
        },
        "arguments": [],
    },
    "path": {
        "options": {
            "--format": ["fmt", True, "format"],
            "-f": ["fmt", True, "format"],
            "--output": ["output", True, None],
            "-o": ["output", True, None],
            "--force": ["force", False, None],
            "--kit": ["kit_file", True, None],
            "--lang": ["lang", True, "lang"],
            "--plain": ["plain", False, None],
        },
        "arguments": [["name", 1, "path"]],
    },
    "paths": {
        "options": {
            "--format": ["fmt", True, "format"],
            "-f": ["fmt", True, "format"],
            "--output": ["output", True, None],
            "-o": ["output", True, None],
            "--force": ["force", False, None],
            "--kit": ["kit_file", True, None],
            "--lang": ["lang", True, "lang"],
            "--plain": ["plain", False, None],
        },
        "arguments": [],
    },
    "categories": {
        "options": {
            "--format": ["fmt", True, "format"],
            "-f": ["fmt", True, "format"],
            "--output": ["output", True, None],
            "-o": ["output", True, None],
            "--force": ["force", False, None],
            "--kit": ["kit_file", True, None],
            "--lang": ["lang", True, "lang"],
            "--plain": ["plain", False, None],
        },
        "arguments": [],
    },
    "show": {
        "options": {
            "--format": ["fmt", True, "format"],
            "-f": ["fmt", True, "format"],
            "--output": ["output", True, None],
            "-o": ["output", True, None],
            "--force": ["force", False, None],
            "--kit": ["kit_file", True, None],
            "--lang": ["lang", True, "lang"],
            "--plain": ["plain", False, None],
        },
        "arguments": [["doc_id", 1, "document"]],
    },
    "search": {
        "options": {
            "--category": ["category", True, "category"],
            "-c": ["category", True, "category"],
            "--path": ["path", True, "path"],
            "-p": ["path", True, "path"],
            "--all": ["every", False, None],
            "-a": ["every", False, None],
            "--format": ["fmt", True, "format"],
            "-f": ["fmt", True, "format"],
            "--output": ["output", True, None],
            "-o": ["output", True, None],
            "--force": ["force", False, None],
            "--kit": ["kit_file", True, None],
            "--lang": ["lang", True, "lang"],
            "--plain": ["plain", False, None],
        },
        "arguments": [["query", -1, None]],
    },
    "about": {
        "options": {
            "--format": ["fmt", True, "format"],
            "-f": ["fmt", True, "format"],
            "--output": ["output", True, None],
            "-o": ["output", True, None],
            "--force": ["force", False, None],
            "--kit": ["kit_file", True, None],
            "--lang": ["lang", True, "lang"],
            "--plain": ["plain", False, None],
        },
        "arguments": [],
    },
    "read": {
        "options": {"--undo": ["undo", False, None], "--kit": ["kit_file", True, None], "--lang": ["lang", True, "lang"]},
        "arguments": [["ids", -1, "document"]],
    },
    "progress": {
        "options": {
            "--where": ["where", False, None],
            "--import": ["import_file", True, None],
            "--reset": ["reset", False, None],
            "--yes": ["yes", False, None],
            "-y": ["yes", False, None],
            "--format": ["fmt", True, "format"],
            "-f": ["fmt", True, "format"],
            "--output": ["output", True, None],
            "-o": ["output", True, None],
            "--force": ["force", False, None],
            "--kit": ["kit_file", True, None],
            "--lang": ["lang", True, "lang"],
            "--plain": ["plain", False, None],
        },
        "arguments": [["name", 1, "path"]],
    },
    "validate": {"options": {"--lang": ["lang", True, "lang"]}, "arguments": [["file", 1, None]]},
    "schema": {
        "options": {
            "--output": ["output", True, None],
            "-o": ["output", True, None],
            "--force": ["force", False, None],
            "--lang": ["lang", True, "lang"],
        },
        "arguments": [],
    },
    "help": {"options": {"--lang": ["lang", True, "lang"]}, "arguments": [["command", 1, None]]},
}


def build(group: Any) -> dict[str, dict[str, Any]]:
    """The table, read from the commands of the app's click group (`typer.main.get_command(app)`; this
    module imports neither the app nor Typer at its top: it is read at every TAB)."""
    from typer.core import TyperArgument, TyperOption

    from .completion import BY_METAVAR

    table: dict[str, dict[str, Any]] = {}
    for name, command in getattr(group, "commands", {}).items():
        options: dict[str, list[Any]] = {}
        arguments: list[list[Any]] = []
        for param in command.params:
            keys = param.__dict__.get("_kit_help_keys", {})
            metavar = keys.get("metavar", param.metavar)
            completes = getattr(param, "_custom_shell_complete", None) is not None
            completer = BY_METAVAR.get(metavar) if completes else None
            if isinstance(param, TyperOption):
                takes_value = not (param.is_flag or param.count)
                for opt in [*param.opts, *param.secondary_opts]:
                    options[opt] = [param.name, takes_value, completer]
            elif isinstance(param, TyperArgument):
                arguments.append([param.name, param.nargs, completer])
        table[name] = {"options": options, "arguments": arguments}
    return table


def rewrite(group: Any) -> None:
    """Rewrite this file's TABLE from the app's click group."""
    import pprint
    from pathlib import Path

    here = Path(__file__)
    text = here.read_text(encoding="utf-8")
    start = text.index("TABLE: dict[str, dict[str, Any]] = ")
    end = text.index("\n\n\ndef build")
    table = pprint.pformat(build(group), width=118, sort_dicts=False)
    here.write_text(f"{text[:start]}TABLE: dict[str, dict[str, Any]] = {table}{text[end:]}", encoding="utf-8")
