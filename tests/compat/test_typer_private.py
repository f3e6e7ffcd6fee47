"""Each name `compat.typer` takes from Typer's private parts exists and has the shape `kit` uses: a Typer
release that moves or changes one fails the one test named after it."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from enum import Enum
from typing import Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from coconstruct_cli.compat import typer as private


def takes(function: Callable[..., Any], *names: str) -> None:
    """`function` accepts each of `names` as a parameter (by keyword or by position)."""
    parameters = inspect.signature(function).parameters
    missing = [name for name in names if name not in parameters]
    assert not missing, f"{getattr(function, '__qualname__', function)} lost {missing}: {list(parameters)}"


def test_every_name_exported_is_tested_here() -> None:
    tested = {
        name[len("test_") :]
        for name in globals()
        if name.startswith("test_") and name != "test_every_name_exported_is_tested_here"
    }
    assert set(private.__all__) == tested


def test_Command() -> None:
    assert issubclass(TyperCommand, private.Command) and issubclass(TyperGroup, private.Command)
    for method, names in {"parse_args": ("ctx", "args"), "get_params": ("ctx",), "get_short_help_str": ("limit",),
                          "collect_usage_pieces": ("ctx",), "format_options": ("ctx", "formatter"),
                          "invoke": ("ctx",), "make_context": ("info_name", "args", "parent")}.items():  # fmt: skip
        takes(getattr(private.Command, method), *names)
    takes(TyperGroup.resolve_command, "ctx", "args")
    takes(TyperGroup.list_commands, "ctx")


def test_Context() -> None:
    command = TyperCommand("probe", callback=lambda: None)
    ctx = private.Context(command, info_name="probe", obj="console")
    assert ctx.command is command and ctx.resilient_parsing is False
    assert ctx.find_root() is ctx and ctx.find_object(str) == "console"
    assert isinstance(ctx.params, dict)
    takes(private.Context.get_parameter_source, "name")
    assert isinstance(typer.Context(command), private.Context)


def test_Parameter() -> None:
    assert issubclass(TyperOption, private.Parameter) and issubclass(TyperArgument, private.Parameter)
    takes(private.Parameter.handle_parse_result, "ctx", "opts", "args")
    takes(private.Parameter.get_help_record, "ctx")
    option = TyperOption(
        param_decls=["flag", "--flag"], type_descriptor=private.bool_flag_type(typer.Option(False)), is_flag=True
    )
    assert (option.name, option.opts, option.param_type_name) == ("flag", ["--flag"], "option")
    assert hasattr(option, "help") and hasattr(option, "metavar") and hasattr(option, "required")


def test_ParameterSource() -> None:
    assert issubclass(private.ParameterSource, Enum)
    assert private.ParameterSource.ENVIRONMENT.name == "ENVIRONMENT"


def test_UsageError() -> None:
    ctx = private.Context(TyperCommand("probe"))
    error = private.UsageError("wrong", ctx=ctx)
    assert (error.message, error.ctx, error.cmd) == ("wrong", ctx, ctx.command)
    assert error.format_message() == "wrong"
    assert private.UsageError("no context").ctx is None


def test_NoSuchOption() -> None:
    error = private.NoSuchOption("--bogus", possibilities=["--bogue"])
    assert isinstance(error, private.UsageError)
    assert (error.option_name, list(error.possibilities or ())) == ("--bogus", ["--bogue"])


def test_BadParameter() -> None:
    param = TyperOption(param_decls=["lang", "--lang"], type_descriptor=private.bool_flag_type(typer.Option(False)))
    error = private.BadParameter("wrong value", param=param)
    assert isinstance(error, private.UsageError)
    assert error.param is param and error.message == "wrong value"


def test_MissingParameter() -> None:
    assert issubclass(private.MissingParameter, private.BadParameter)
    takes(private.MissingParameter, "message", "ctx", "param", "param_type")
    assert private.MissingParameter(param_type="argument").param is None


def test_BadOptionUsage() -> None:
    error = private.BadOptionUsage("--format", "--format option requires an argument.")
    assert isinstance(error, private.UsageError)
    assert (error.option_name, error.message) == ("--format", "--format option requires an argument.")


def test_NoArgsIsHelpError() -> None:
    # Caught before UsageError (a bare `kit` prints the help): it must be one, or that order means nothing.
    assert issubclass(private.NoArgsIsHelpError, private.UsageError)
    takes(private.NoArgsIsHelpError, "ctx")


def test_HelpFormatter() -> None:
    formatter = private.HelpFormatter(width=60)
    assert formatter.width == 60 and formatter.current_indent == 0
    takes(private.HelpFormatter.write_usage, "prog", "args", "prefix")
    takes(private.HelpFormatter.write_dl, "rows", "col_max", "col_spacing")
    takes(private.HelpFormatter.write_heading, "heading")
    takes(private.HelpFormatter.write_text, "text")
    with formatter.section("Options"):
        formatter.write_dl([("--flag", "help")])
        formatter.write_paragraph()
    formatter.write("end\n")
    # `KitHelpFormatter` edits the lines written through `buffer`, a list of strings.
    assert isinstance(formatter.buffer, list) and all(isinstance(part, str) for part in formatter.buffer)
    assert formatter.getvalue().endswith("end\n")


def test_CompletionItem() -> None:
    item = private.CompletionItem("value", help="help")
    assert (item.value, item.help) == ("value", "help")
    assert private.CompletionItem("value").help is None


def test_ShellComplete() -> None:
    # A subclass names its shell and its script as class variables.
    assert {"name", "source_template"} <= set(private.ShellComplete.__annotations__)
    takes(private.ShellComplete, "cli", "ctx_args", "prog_name", "complete_var")
    for method in ("source_vars", "source", "complete", "get_completion_args", "get_completions", "format_completion"):
        assert callable(getattr(private.ShellComplete, method)), method
    takes(private.ShellComplete.get_completions, "args", "incomplete")
    takes(private.ShellComplete.format_completion, "item")

    class Probe(private.ShellComplete):
        name, source_template = "probe", ""

        def source_vars(self) -> dict[str, Any]:
            return {}

        def get_completion_args(self) -> tuple[list[str], str]:
            return [], ""

        def format_completion(self, item: private.CompletionItem) -> str:
            return str(item.value)

    # `kit`'s shells define these three, the ones a shell must (any other abstract one would fail to instantiate).
    assert private.ShellComplete.__abstractmethods__ <= {"source_vars", "get_completion_args", "format_completion"}
    complete = Probe(TyperCommand("kit"), {}, "kit", "_KIT_COMPLETE")
    assert (complete.prog_name, complete.complete_var) == ("kit", "_KIT_COMPLETE")
    assert isinstance(complete.func_name, str)


def test_add_completion_class() -> None:
    takes(private.add_completion_class, "cls", "name")


def test_bool_flag_type() -> None:
    # `typer._coercion.resolve_type_descriptor(annotation=, parameter_info=)`: what `TyperOption` takes.
    from typer._coercion import resolve_type_descriptor

    takes(resolve_type_descriptor, "annotation", "parameter_info")
    takes(TyperOption, "param_decls", "type_descriptor", "is_flag", "default", "expose_value")
    option = TyperOption(param_decls=["f", "--f"], type_descriptor=private.bool_flag_type(typer.Option(False)), is_flag=True)
    ctx = private.Context(TyperCommand("probe", params=[option]))
    assert option.is_flag and option.is_bool_flag and option.type_descriptor.annotation is bool
    assert option.process_value(ctx, True) is True
