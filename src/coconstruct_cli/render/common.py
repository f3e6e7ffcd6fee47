"""What several renderers say alike: small pieces of presentation shared by the formats."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..i18n import get_lang, pick, t

if TYPE_CHECKING:
    from ..model import About, Figure, Form
    from ..search import Result

STAR = "★"


def picked(fr: tuple[str, ...], en: tuple[str, ...]) -> tuple[str, ...]:
    """A list of kit texts in the current language, when the English list is there."""
    return en if get_lang() == "en" and en else fr


def figure_year(figure: Figure) -> str:
    return str(figure.year) if figure.year is not None else "—"


def has_missing_year(about: About) -> bool:
    return any(f.year is None for f in about.figures)


def form_title(form: Form) -> str:
    return pick(form.title, form.title_en)


def fields_label(fields: tuple[str, ...]) -> str:
    """The searched fields where a hit's words are, in the user's words (« titre, description »)."""
    return ", ".join(t(f"field.{f}") for f in fields)


def read_as(result: Result) -> list[str]:
    """« silvr » read as « silver », for every query word taken as a typo."""
    return [t("search.read_as", typed=term.word, words=", ".join(term.read_as)) for term in result.terms if term.read_as]


def search_lead(result: Result) -> list[str]:
    """The lines told above search results: how many, and the words read as typos."""
    return [t("search.count", count=len(result.hits)), *read_as(result)]
