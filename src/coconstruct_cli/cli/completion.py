"""Shell completion of real names: paths, goals, categories, roles, document ids, formats, languages.

Typer calls these on every TAB, in a fresh process. They read the kit file as plain JSON, without
pydantic and without validating it (a kit with a mistake still completes the names it has), and
never fail: an unreadable kit completes nothing. Each returns (value, help) pairs; zsh and fish show
the help, bash only the values. Typer keeps the values that start with what was typed.

Every value and help text goes through `clean`, the terminal sanitizer: a kit file is untrusted input,
and what it holds reaches the shell's menu. `shell_completion` cleans again whatever else Typer offers.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Protocol

from .. import i18n
from ..text import one_line, slug

Items = list[tuple[str, str]]


class Line(Protocol):
    """What a completion function reads of the command line being completed: the values already given
    (`--kit`, `--lang`). Typer hands a click context; `quick_completion`, which answers before Typer is
    imported, an object holding the same `params`. Not annotated as click's context on purpose: Typer then
    passes it by the parameter's name (`ctx`), and this module imports no Typer."""

    @property
    def params(self) -> dict[str, Any]: ...


def _kit_file(ctx: Line | None) -> Path | None:
    """The kit the command line names (--kit, already parsed by then, or KIT_FILE), if any."""
    value = ctx.params.get("kit_file") if ctx is not None else None
    if value:
        return Path(value)
    env = os.environ.get("KIT_FILE")
    return Path(env) if env else None


def kit_data(ctx: Line | None = None) -> dict[str, Any]:
    """The kit file's raw JSON data; an empty dict when it cannot be read."""
    from ..files import read_limited
    from ..loader import MAX_BYTES, bundled_path

    path = _kit_file(ctx) or bundled_path()
    if str(path) == "-":  # a kit on standard input: the shell's TAB must not read the terminal
        return {}
    try:
        # The bounded reader: a kit named by --kit or KIT_FILE that is a FIFO must not hang the shell's TAB.
        raw = read_limited(path, MAX_BYTES)
        import json

        data = json.loads(raw.decode("utf-8-sig"))
    except (OSError, ValueError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


def _objects(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    items = data.get(key)
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []


def clean(text: str) -> str:
    """One line, safe for the terminal: no control, C1 or bidi character, no line break, no tab.

    The one place completion calls the project's terminal sanitizer (rename it here if it moves).
    """
    return one_line(text)


def _text(value: Any) -> str:
    return clean(value) if isinstance(value, str) else ""


def _english(ctx: Line | None) -> bool:
    """English help texts when --lang en is on the line, else the language detected at start-up."""
    lang = ctx.params.get("lang") if ctx is not None else None
    if isinstance(lang, str) and lang.strip().lower() in i18n.LANGS:
        return lang.strip().lower() == "en"
    return i18n.get_lang() == "en"


def _message(key: str, english: bool) -> str:
    return i18n.message("en" if english else "fr", key)


def _pick(item: dict[str, Any], name: str, english: bool) -> str:
    return _text(item.get(f"{name}_en")) if english and _text(item.get(f"{name}_en")) else _text(item.get(name))


def _starting(items: Iterable[tuple[str, str]], incomplete: str) -> Items:
    """The items whose value starts with what was typed, each value once."""
    out: Items = []
    seen: set[str] = set()
    for value, help_text in items:
        if value and value.startswith(incomplete) and value not in seen:
            seen.add(value)
            out.append((value, help_text))
    return out


def _both_forms(names: Items, aliases: Items, incomplete: str) -> Items:
    """Both forms of each name (English id, main French name); the other aliases once none of those fits (« outi » -> outils)."""
    found = _starting(names, incomplete)
    return found if found else _starting(aliases, incomplete)


def path_items(ctx: Line | None) -> Items:
    english = _english(ctx)
    items: Items = []
    for p in _objects(kit_data(ctx), "paths"):
        title = _pick(p, "title", english)
        items += [(_text(p.get("id")), title), (_text(p.get("alias")), title)]
    return items


def complete_path(ctx: Line, incomplete: str) -> Items:
    """Reading paths: ids and French aliases (understand, comprendre…), the title as help."""
    return _starting(path_items(ctx), incomplete)


def _guide_items(ctx: Line | None, kind: str, prefix: str, english: bool) -> tuple[Items, Items]:
    """The guide section's goals or needs (`kind`) as (id, title) items, and their aliases with the same title;
    the title is the catalogue's « {prefix}.{id} » when it has one, else the id. Empty without a guide section."""
    guide = kit_data(ctx).get("guide")
    names: Items = []
    aliases: Items = []
    for entry in _objects(guide, kind) if isinstance(guide, dict) else []:
        ident = _text(entry.get("id"))
        key = f"{prefix}.{ident}"
        title = _message(key, english) if i18n.has(key) else ident
        names.append((ident, title))
        raw = entry.get("aliases")
        aliases += [(_text(a), title) for a in raw if isinstance(a, str)] if isinstance(raw, list) else []
    return names, aliases


def complete_goal(ctx: Line, incomplete: str) -> Items:
    """Goals of `kit guide`: the guide's goals (or the paths, in a kit without a guide section), their
    aliases once none of those fits, and « unsure » for someone who does not know yet."""
    from ..names import UNSURE, UNSURE_ALIASES

    english = _english(ctx)
    names, aliases = _guide_items(ctx, "goals", "goal", english)
    names = [(ident, title) for ident, title in names if ident != UNSURE]
    unsure = _message("goal.unsure", english)
    found = _starting([*names, *path_items(ctx), (UNSURE, unsure), (UNSURE_ALIASES[0], unsure)], incomplete)
    return found if found else _starting(aliases, incomplete)


def complete_category(ctx: Line, incomplete: str) -> Items:
    """Categories: each id and its French name (the slug of its French label), with the label as help;
    the other aliases when none of those fits what was typed."""
    english = _english(ctx)
    names: Items = []
    aliases: Items = []
    for c in _objects(kit_data(ctx), "categories"):
        label = _pick(c, "label", english)
        names += [(_text(c.get("id")), label), (slug(_text(c.get("label"))), label)]
        others = c.get("aliases")
        if isinstance(others, list):
            aliases += [(_text(a), label) for a in others]
    return _both_forms(names, aliases, incomplete)


def complete_role(ctx: Line, incomplete: str) -> Items:
    """Roles (--role, --audience): each id and its French name (its first alias), with the role as help;
    the other aliases when none of those fits what was typed."""
    from ..names import ROLE_ALIASES

    english = _english(ctx)
    names: Items = []
    aliases: Items = []
    for role, others in ROLE_ALIASES.items():
        described = _message(f"role.{role}", english)
        # The first alias is the French name, unless it is only the id's plural (associations, medias).
        names += [(role, described), *((alias, described) for alias in others[:1] if alias != f"{role}s")]
        aliases += [(alias, described) for alias in others]
    return _both_forms(names, aliases, incomplete)


def complete_document(ctx: Line, incomplete: str) -> Items:
    """Document ids, the title as help, in the kit's order; after « PATH: » (an id or alias of a path),
    that path's reading-order numbers, « animer:1 » to « animer:19 », each with its document's title."""
    english = _english(ctx)
    data = kit_data(ctx)
    documents = _objects(data, "documents")
    if ":" in incomplete:
        typed_path = incomplete.partition(":")[0]
        titles = {_text(d.get("id")): _pick(d, "title", english) for d in documents}
        for p in _objects(data, "paths"):
            if typed_path in (_text(p.get("id")), _text(p.get("alias"))):
                refs = p.get("documents")
                refs = [r for r in refs if isinstance(r, str)] if isinstance(refs, list) else []
                numbered = [(f"{typed_path}:{n}", titles.get(clean(ref), "")) for n, ref in enumerate(refs, start=1)]
                return _starting(numbered, incomplete)
        return []
    return _starting([(_text(d.get("id")), _pick(d, "title", english)) for d in documents], incomplete)


def complete_command(ctx: Line, incomplete: str) -> Items:
    """`kit help`'s commands, each with its one-line help: the commands of the running app, read from the
    context (this module sits below the commands and imports none of them)."""
    english = _english(ctx)
    finder = getattr(ctx, "find_root", None)
    root = finder() if finder is not None else None
    group = root.command if root is not None else None
    lister = getattr(group, "list_commands", None)
    if root is None or lister is None:
        return []
    getter = getattr(group, "get_command", None)
    names = [name for name in lister(root) if getter is None or not getattr(getter(root, name), "hidden", False)]
    return _starting([(n, _message(f"help.{n}", english) if i18n.has(f"help.{n}") else "") for n in names], incomplete)


def complete_lang(ctx: Line, incomplete: str) -> Items:
    english = _english(ctx)
    return _starting([("fr", _message("lang.fr", english)), ("en", _message("lang.en", english))], incomplete)


def complete_format(formats: tuple[str, ...]) -> Callable[[str], list[str]]:
    """A completion function offering a command's own output formats."""

    def complete(incomplete: str) -> list[str]:
        return [f for f in formats if f.startswith(incomplete)]

    return complete


def complete_need(ctx: Line, incomplete: str) -> Items:
    """Needs of `kit guide`: the guide's needs (or the categories, in a kit without a guide section), their
    aliases once none of those fits, and « all »."""
    from ..names import ALL, ALL_ALIASES

    english = _english(ctx)
    everything = _message("need.all", english)
    names, aliases = _guide_items(ctx, "needs", "need", english)
    if not names:
        found = complete_category(ctx, incomplete)
        return found + _starting([(ALL, everything), (ALL_ALIASES[0], everything)], incomplete)
    found = _starting([*names, (ALL, everything), (ALL_ALIASES[0], everything)], incomplete)
    return found if found else _starting(aliases, incomplete)


COMPLETERS: dict[str, Callable[[Line, str], Items]] = {
    "category": complete_category,
    "document": complete_document,
    "goal": complete_goal,
    "lang": complete_lang,
    "need": complete_need,
    "path": complete_path,
    "role": complete_role,
}
"""The completion functions `quick_completion` may call before Typer is imported, by the name
`completion_table` gives them (« format » is `complete_format` of the command's formats)."""

BY_METAVAR: dict[str, str] = {
    "metavar.category": "category",
    "metavar.format": "format",
    "metavar.goal": "goal",
    "metavar.id": "document",
    "metavar.ids": "document",
    "metavar.lang": "lang",
    "metavar.name": "path",
    "metavar.need": "need",
    "metavar.path": "path",
    "metavar.role": "role",
}
"""Which of them a parameter with completion calls, by its metavar's catalogue key: how `completion_table`
names them (tests/cli/test_quick_completion.py proves each name gives what the Typer app's function gives).
A parameter whose metavar is not here (`kit help`'s command) is left to Typer."""
