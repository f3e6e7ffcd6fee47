"""What several renderers say alike: small pieces of presentation shared by the formats."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..i18n import get_lang, pick, t

if TYPE_CHECKING:
    from ..model import About, Figure, Form, Kit
    from ..search import Pointer, Result

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


def search_notes(result: Result) -> list[str]:
    """The lines told with search results (`search.notes`): a long query, words not found, no document holding them all,
    grammatical words only; the words as typed."""
    from ..results import as_typed
    from ..search import notes

    lines = []
    for key, params in notes(result):
        if key == "search.unmatched":
            params = {**params, "words": ", ".join(as_typed(result.query, result.unmatched()))}
        lines.append(t(key, **params))
    return lines


def pointer_lines(kit: Kit, pointers: Sequence[Pointer]) -> list[str]:
    """Where else the query's words are, one line per kind of place, in the order `kit about`, paths, categories:
    « Aussi dans kit about : Les formes … (Le dialogue territorial), Chiffres clés (30 %). », « Aussi dans le
    parcours : Mettre en place … (kit path animer). », « Aussi dans la catégorie : Méthode (kit list -c method). »

    A `kit about` place is named by the heading `kit about` shows it under (the research works are told
    under « Comment le kit est né »), with the names of the forms, works or figures in brackets.
    """
    from ..search import pointer_heading

    about: dict[str, list[str]] = {}
    paths: list[str] = []
    categories: list[str] = []
    for pointer in pointers:
        if pointer.where == "about":
            key = "about.genesis" if pointer.key == "research" else pointer_heading(pointer)
            labels = about.setdefault(t(key), [])
            if pointer.label and pointer.label not in labels:
                labels.append(pointer.label)
        elif pointer.where == "path":
            # The name typed back, as `plan.path_name` gives it: the French alias in French, the id in English.
            alias = next((p.alias for p in kit.paths if p.id == pointer.key), "")
            name = alias if get_lang() == "fr" and alias else pointer.key
            paths.append(f"{pointer.label} (kit path {name})")
        else:
            categories.append(f"{pointer.label} (kit list -c {pointer.key})")
    lines = []
    if about:
        places = ", ".join(f"{heading} ({', '.join(labels)})" if labels else heading for heading, labels in about.items())
        lines.append(t("search.also_about", places=places))
    if paths:
        lines.append(t("search.also_paths", places=", ".join(paths), count=len(paths)))
    if categories:
        lines.append(t("search.also_categories", places=", ".join(categories), count=len(categories)))
    return lines


# --- kit about: one outline, written by every format -----------------------------------------------


@dataclass(frozen=True)
class Block:
    """One piece of a section: `kind` says how to write it; `text` is plain text (kit text or catalogue)."""

    kind: str
    """« p » paragraph, « ol »/« ul » list (`items`), « h3 » sub-heading, « note » muted remark,
    « labelled » label and text, « titled » a title, a dash and text, « link » a web address (`url`),
    « docs » documents of the kit (`items`: ids)."""
    text: str = ""
    items: tuple[str, ...] = ()
    label: str = ""
    url: str = ""


@dataclass(frozen=True)
class Section:
    title: str
    blocks: tuple[Block, ...]
    css: str = ""


def href(url: str) -> str:
    """A link's target: the seed writes « www.… » bare; a browser needs the scheme."""
    return url if url.startswith(("http://", "https://")) else f"http://{url}"


def _presented(kind: str) -> str:
    return t("label.summary") if kind == "summary" else ""


def about_outline(about: About) -> tuple[tuple[Block, ...], tuple[Section, ...]]:
    """The kit's background as a lead and sections, the same for the terminal, Markdown and HTML.

    Everything comes from the kit's `about`; what the source lacks (`gaps`) is said, never filled in.
    """
    lead = [Block("p", pick(about.summary, about.summary_en))]
    if about.intended_for:
        lead.append(Block("labelled", pick(about.intended_for, about.intended_for_en), label=t("label.intended_for")))
    sections: list[Section] = []
    objectives = picked(about.objectives, about.objectives_en)
    if objectives:
        blocks = [Block("ol", items=objectives)]
        in_contents = picked(about.objectives_in_contents, about.objectives_in_contents_en)
        if in_contents:
            blocks += [Block("note", t("about.objectives_in_contents", count=len(in_contents))), Block("ul", items=in_contents)]
        sections.append(Section(t("about.objectives"), tuple(blocks)))
    if about.forms:
        blocks = []
        for form in about.forms:
            blocks.append(Block("h3", form_title(form)))
            if form.also_named:
                blocks.append(Block("labelled", pick(form.also_named, form.also_named_en), label=t("about.also_named")))
            blocks.append(Block("p", pick(form.definition, form.definition_en)))
            example = form.example
            title = t("about.example", title=pick(example.title, example.title_en))
            if example.kind == "summary":
                title += f" ({t('label.summary')})"
            blocks.append(Block("titled", pick(example.text, example.text_en), label=title))
            if example.source:
                blocks.append(Block("labelled", example.source, label=t("about.source")))
            blocks += [Block("link", pick(link.label, link.label_en), url=link.url) for link in example.see_also]
            for reference in form.references:
                blocks.append(Block("docs", pick(reference.quote, reference.quote_en), items=reference.documents))
        sections.append(Section(t("about.forms"), tuple(blocks)))
    if about.figures:
        items = []
        for figure in about.figures:
            line = f"{pick(figure.value, figure.value_en)} {pick(figure.measure, figure.measure_en)} ({figure_year(figure)})"
            if figure.scope:
                line += f" — {pick(figure.scope, figure.scope_en)}"
            items.append(line)
        blocks = [Block("ul", items=tuple(items))]
        if has_missing_year(about):
            blocks.append(Block("note", t("about.no_year")))
        sections.append(Section(t("about.figures"), tuple(blocks)))
    if about.genesis or about.research:
        blocks = [Block("p", pick(about.genesis, about.genesis_en))] if about.genesis else []
        for work in about.research:
            blocks.append(Block("h3", pick(work.title, work.title_en)))
            blocks.append(Block("ul", items=tuple(pick(e.text, e.text_en) for e in work.entries)))
            for entry in work.entries:
                if entry.documents:
                    blocks.append(Block("docs", pick(entry.text, entry.text_en), items=entry.documents))
        sections.append(Section(t("about.genesis"), tuple(blocks)))
    if about.partners:
        sections.append(Section(t("about.partners"), (Block("p", pick(about.partners, about.partners_en)),)))
    gaps = picked(about.gaps, about.gaps_en)
    if gaps:
        sections.append(Section(t("about.gaps"), (Block("note", t("about.gaps_note")), Block("ul", items=gaps)), "gaps"))
    return tuple(lead), tuple(sections)
