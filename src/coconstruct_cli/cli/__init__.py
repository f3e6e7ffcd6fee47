"""The command-line layer: everything that knows Typer, click, questionary or the terminal.

`launch` is the entry point, `app` the Typer application and its one error boundary, `console` the
streams of a run, `options` the options every command shares, `commands/` one module per command,
`click_text` click's own words in the program's language, `completion` the names offered to shells,
`prompts` the one module that talks to questionary. Nothing outside this package imports it.
"""
