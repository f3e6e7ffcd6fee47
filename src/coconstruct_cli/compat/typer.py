"""Every private part of Typer that `kit` uses, and only here: Typer's vendored click (`typer._click`) and
`typer._coercion`.

click is vendored inside Typer since 0.29 and not documented there; the rest of the code imports these names
from this module only, so that a Typer release that moves one fails one named test
(tests/compat/test_typer.py) and, at run time, one sentence (`compat.explain`), not a traceback. Importing
this module costs nothing more than `import typer`: Typer imports all of it itself.
"""

from __future__ import annotations

from typing import Any

from typer._click import Command, Context, Parameter
from typer._click.core import ParameterSource
from typer._click.exceptions import BadOptionUsage, BadParameter, MissingParameter, NoArgsIsHelpError, NoSuchOption, UsageError
from typer._click.formatting import HelpFormatter
from typer._click.shell_completion import CompletionItem, ShellComplete, add_completion_class
from typer._coercion import resolve_type_descriptor

__all__ = [
    "BadOptionUsage",
    "BadParameter",
    "Command",
    "CompletionItem",
    "Context",
    "HelpFormatter",
    "MissingParameter",
    "NoArgsIsHelpError",
    "NoSuchOption",
    "Parameter",
    "ParameterSource",
    "ShellComplete",
    "UsageError",
    "add_completion_class",
    "bool_flag_type",
]


def bool_flag_type(info: Any) -> Any:
    """The type descriptor Typer gives an `Annotated[bool, typer.Option(...)]` flag: what `TyperOption` takes."""
    return resolve_type_descriptor(annotation=bool, parameter_info=info)
