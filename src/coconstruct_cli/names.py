"""Turning what the user typed into kit objects: ids, French aliases, labels, and near misses."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, TypeVar

from .errors import UsageError
from .i18n import t
from .text import one_line, slug

if TYPE_CHECKING:
    from .model import Category, Document, Kit, ReadingPath

T = TypeVar("T")
_NUMBER = re.compile("[0-9]+")
_SHOWN_DIGITS = 12
"""A number longer than this is shown cut, with « … »."""

UNSURE = "unsure"
"""The goal « Je ne sais pas encore »: it leads to the path `UNSURE_PATH`."""
UNSURE_PATH = "understand"
UNSURE_ALIASES: tuple[str, ...] = (
    "ne-sais-pas",
    "je-ne-sais-pas",
    "je-ne-sais-pas-encore",
    "ne-sais-pas-encore",
    "sais-pas",
    "not-sure",
    "dont-know",
    "i-don-t-know-yet",
)

ALL = "all"
"""The need « Un peu de tout »: the plan starts with one document of each nature."""
ALL_ALIASES: tuple[str, ...] = ("tout", "un-peu-de-tout", "everything", "a-bit-of-everything")

ROLE_ALIASES: dict[str, tuple[str, ...]] = {
    "association": ("associations", "asso", "dirigeant-associatif"),
    "company": ("entreprise", "entreprises", "societe", "chef-d-entreprise"),
    "public": (
        "collectivite",
        "collectivites",
        "pouvoirs-publics",
        "pouvoir-public",
        "public-authority",
        "etat",
    ),
    "academic": ("academique", "universite", "recherche", "academia"),
    "media": ("medias",),
    "facilitator": (
        "animateur",
        "animation",
        "accompagnateur",
        "accompagnement",
        "structure-d-animation",
        "reseau",
        "fondation",
        "agence",
    ),
    "other": ("autre", "autres"),
}


def role_names() -> dict[str, str]:
    """Every accepted role name (slug form) mapped to its role id."""
    names = {role: role for role in ROLE_ALIASES}
    for role, aliases in ROLE_ALIASES.items():
        names.update(dict.fromkeys(aliases, role))
    return names


def category_names(kit: Kit) -> dict[str, Category]:
    names: dict[str, Category] = {}
    for c in kit.categories:
        for name in (c.id, *c.aliases, slug(c.label), slug(c.label_en or "")):
            if name:
                names.setdefault(name, c)
    return names


def path_names(kit: Kit) -> dict[str, ReadingPath]:
    names: dict[str, ReadingPath] = {}
    for p in kit.paths:
        names.setdefault(p.id, p)
        names.setdefault(p.alias, p)
    return names


def resolve(raw: str, names: Mapping[str, T], what: str, shown: Iterable[str] | None = None) -> T:
    """The object named `raw` (any case, accents, spaces or hyphens); a `UsageError` otherwise."""
    key = slug(raw)
    if key in names:
        return names[key]
    raise UsageError(unknown_message(raw, list(names), what, shown))


def unknown_message(raw: str, candidates: list[str], what: str, shown: Iterable[str] | None = None) -> str:
    """« Unknown X: 'raw'. Did you mean: … ? » with the nearest valid names."""
    import difflib

    message = t("err.unknown", what=t(f"what.{what}"), value=one_line(raw)[:80])
    close = difflib.get_close_matches(slug(raw), candidates, n=3, cutoff=0.6)
    if close:
        return message + t("err.did_you_mean", names=", ".join(close))
    valid = list(shown) if shown is not None else candidates
    if not valid:
        return message + t("err.see_list")
    return message + t("err.valid_values", names=", ".join(valid))


def resolve_category(kit: Kit, raw: str) -> Category:
    return resolve(raw, category_names(kit), "category", [c.id for c in kit.categories])


def resolve_path(kit: Kit, raw: str) -> ReadingPath:
    shown = [f"{p.id} ({p.alias})" for p in kit.paths]
    return resolve(raw, path_names(kit), "path", shown)


def resolve_role(raw: str) -> str:
    return resolve(raw, role_names(), "role", list(ROLE_ALIASES))


def resolve_document(kit: Kit, raw: str) -> Document:
    """A document named by its id, or by a path and its reading-order number or id (« animer:9 »)."""
    names = {d.id: d for d in kit.documents}
    if raw in names:
        return names[raw]
    path_name, colon, rest = raw.partition(":")
    if colon and path_name.strip() and rest.strip():
        return resolve_in_path(kit, resolve_path(kit, path_name), rest.strip())
    return resolve(raw, names, "document", [])


def resolve_in_path(kit: Kit, path: ReadingPath, raw: str) -> Document:
    """The document `raw` of `path`: its number in the path's reading order (as `kit path` shows it), or its id."""
    from .queries import select

    documents = select(kit, path=path).documents
    # ASCII digits only: « ² » and « ① » are digits to `str.isdigit` but not to `int`. The value is compared
    # by its length before it is converted, so that 5,000 digits cost nothing (and stay under Python's limit).
    if _NUMBER.fullmatch(raw):
        digits = raw.lstrip("0") or "0"
        if len(digits) <= len(str(len(documents))) and 1 <= int(digits) <= len(documents):
            return documents[int(digits) - 1]
        shown = raw if len(raw) <= _SHOWN_DIGITS else raw[: _SHOWN_DIGITS - 1] + "…"
        raise UsageError(t("err.path_number", value=shown, path=path.alias, count=len(documents)))
    return resolve(raw, {d.id: d for d in documents}, "document", [d.id for d in documents])


def resolve_choice(raw: str, allowed: Iterable[str], what: str) -> str:
    """A value from a small fixed set (formats, languages)."""
    allowed = list(allowed)
    return resolve(raw, {a: a for a in allowed}, what, allowed)


def goal_names(kit: Kit) -> dict[str, str]:
    """Every accepted goal name (slug form) mapped to its goal: the guide's goals and their aliases (or, in
    a kit without a guide section, the path ids and aliases), and « unsure »."""
    names: dict[str, str] = {}
    goals = kit.guide.goals if kit.guide is not None else ()
    for g in goals:
        names.setdefault(g.id, g.id)
    for p in kit.paths:
        goal = next((g.id for g in goals if g.path == p.id and g.id != UNSURE), p.id)
        names.setdefault(p.id, goal)
        names.setdefault(p.alias, goal)
    for g in goals:
        for alias in g.aliases:
            names.setdefault(alias, g.id)
    names.setdefault(UNSURE, UNSURE)
    for alias in UNSURE_ALIASES:
        names.setdefault(alias, UNSURE)
    return names


def goal_ids(kit: Kit) -> list[str]:
    """The goals the guide offers, in its order (« unsure » last)."""
    if kit.guide is not None and kit.guide.goals:
        ids = [g.id for g in kit.guide.goals if g.id != UNSURE]
    else:
        ids = [p.id for p in kit.paths]
    return [*ids, UNSURE]


def resolve_goal(kit: Kit, raw: str) -> str:
    aliases = {p.id: p.alias for p in kit.paths}
    aliases[UNSURE] = UNSURE_ALIASES[0]
    shown = [f"{g} ({aliases[g]})" if g in aliases else g for g in goal_ids(kit)]
    return resolve(raw, goal_names(kit), "goal", shown)


def need_names(kit: Kit) -> dict[str, str]:
    """Every accepted need (slug form) mapped to its need: the guide's needs and their aliases, the category
    names `--category` takes (a category is the need whose only category it is, or itself), and « all »."""
    names: dict[str, str] = {}
    needs = kit.guide.needs if kit.guide is not None else ()
    for n in needs:
        names.setdefault(n.id, n.id)
    for name, category in category_names(kit).items():
        names.setdefault(name, next((n.id for n in needs if n.categories == (category.id,)), category.id))
    for n in needs:
        for alias in n.aliases:
            names.setdefault(alias, n.id)
    names.setdefault(ALL, ALL)
    for alias in ALL_ALIASES:
        names.setdefault(alias, ALL)
    return names


def need_ids(kit: Kit) -> list[str]:
    """The needs the guide offers, in its order (« all » last)."""
    if kit.guide is not None and kit.guide.needs:
        return [*(n.id for n in kit.guide.needs), ALL]
    return [*(c.id for c in kit.categories), ALL]


def resolve_need(kit: Kit, raw: str) -> str:
    return resolve(raw, need_names(kit), "need", need_ids(kit))
