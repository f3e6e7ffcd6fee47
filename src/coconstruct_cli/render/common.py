"""What several renderers say alike: small pieces of presentation shared by the formats."""

from __future__ import annotations

import re
from collections.abc import Sequence, Set
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, assert_never

from ..i18n import colon, get_lang, has, pick, t

if TYPE_CHECKING:
    from ..model import About, Document, Figure, Form, Kit, ReadingPath, Reference, ResearchItem, ResearchWork
    from ..search import Pointer, SearchOutcome

STAR = "★"


def picked(fr: tuple[str, ...], en: tuple[str, ...]) -> tuple[str, ...]:
    """A list of kit texts in the current language, when the English list is there."""
    return en if get_lang() == "en" and en else fr


def purpose_source(path: ReadingPath) -> str:
    """Where a path's purpose comes from in the seed (« Source de l'objectif : … »), or nothing."""
    if not path.purpose_source:
        return ""
    return f"{colon(t('label.purpose_source'))} {pick(path.purpose_source, path.purpose_source_en)}"


def next_groups(shown: Sequence[str], start: Set[str]) -> list[tuple[str | None, list[str]]]:
    """The next documents of `kit progress`, each group under the words that introduce it: the plan's
    « Pour commencer » first (they come first in `shown`), then « Puis, dans l'ordre du parcours »; one
    group with no label when the plan gives no start on this path."""
    first = [i for i in shown if i in start]
    rest = [i for i in shown if i not in start]
    if not first:
        return [(None, rest)]
    groups: list[tuple[str | None, list[str]]] = [(colon(t("progress.start_note")), first)]
    if rest:
        groups.append((colon(t("progress.then")), rest))
    return groups


def figure_year(figure: Figure) -> str:
    return str(figure.year) if figure.year is not None else "—"


def has_missing_year(about: About) -> bool:
    return any(f.year is None for f in about.figures)


def form_title(form: Form) -> str:
    return pick(form.title, form.title_en)


def fields_label(fields: tuple[str, ...]) -> str:
    """The searched fields where a hit's words are, in the user's words (« titre, description »)."""
    return ", ".join(t(f"field.{f}") for f in fields)


def read_as(result: SearchOutcome) -> list[str]:
    """« silvr » read as « silver », for every query word taken as a typo."""
    return [t("search.read_as", typed=term.word, words=", ".join(term.read_as)) for term in result.terms if term.read_as]


def search_lead(result: SearchOutcome) -> list[str]:
    """The lines told above search results: how many, and the words read as typos."""
    return [t("search.count", count=len(result.hits)), *read_as(result)]


def search_notes(result: SearchOutcome) -> list[str]:
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
        match pointer.where:
            case "about":
                key = "about.genesis" if pointer.key == "research" else pointer_heading(pointer)
                labels = about.setdefault(t(key), [])
                if pointer.label and pointer.label not in labels:
                    labels.append(pointer.label)
            case "path":
                # The name typed back, as `plan.path_name` gives it: the French alias in French, the id in English.
                alias = next((p.alias for p in kit.paths if p.id == pointer.key), "")
                name = alias if get_lang() == "fr" and alias else pointer.key
                paths.append(f"{pointer.label} (kit path {name})")
            case "category":
                categories.append(f"{pointer.label} (kit list -c {pointer.key})")
            case other:  # `Pointer.where` is a closed Literal: strict mypy fails on a place left out here
                assert_never(other)
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


BlockKind = Literal["p", "ol", "ul", "h3", "note", "labelled", "titled", "link", "docs"]
"""What a `Block` is; each renderer writes every kind in a `match` ending in `assert_never`, so that strict
mypy names the renderer that forgets one and a misspelt kind is an error, not « docs »."""


@dataclass(frozen=True)
class Block:
    """One piece of a section: `kind` says how to write it; `text` is plain text (kit text or catalogue)."""

    kind: BlockKind
    """« p » paragraph, « ol »/« ul » list (`items`), « h3 » sub-heading, « note » muted remark,
    « labelled » label and text, « titled » a title, a dash and text, « link » a web address (`url`),
    « docs » documents of the kit (`items`: ids; `label` says how they relate, « Dans le kit » when empty)."""
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
    """A link's target: the seed writes « www.… » bare; a browser needs the scheme, which is ours (the text
    shown stays the seed's)."""
    return url if url.startswith(("http://", "https://")) else f"http://{url}"


def _presented(kind: str) -> str:
    return t("label.summary") if kind == "summary" else ""


def about_outline(about: About) -> tuple[tuple[Block, ...], tuple[Section, ...]]:
    """The kit's background as a lead and sections, the same for the terminal, Markdown and HTML.

    Everything comes from the kit's `about`; what the source lacks (`gaps`) is said, never filled in.
    """
    english = get_lang() == "en"
    # In English, the kit's texts are translations: said before the first of them, the lead.
    lead = [Block("note", t("about.translated"))] if english else []
    lead.append(Block("p", pick(about.summary, about.summary_en)))
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
            elif english and example.text_en:
                title += f" ({t('label.translation')})"  # the kit's words, translated
            blocks.append(Block("titled", pick(example.text, example.text_en), label=title))
            if example.source:
                # The source's title is the kit's French words: in English it is quoted and marked as such.
                source = quoted(example.source) if english else example.source
                blocks.append(Block("labelled", source, label=t("about.source_fr" if english else "about.source")))
            blocks += [Block("link", link_caption(link.label, link.label_en), url=link.url) for link in example.see_also]
            for reference in form.references:
                # A passage of the form's text quoted for the documents it names: in English, the translation
                # and the kit's own words, as `kit show` quotes it.
                quote = seed_words(reference.quote, reference.quote_en) if english else reference.quote
                if reference.where:
                    quote = f"{colon(pick(reference.where, reference.where_en))} {quote}"
                blocks.append(Block("docs", quote, items=reference.documents))
        sections.append(Section(t("about.forms"), tuple(blocks)))
    if about.figures:
        items = []
        for figure in about.figures:
            line = f"{pick(figure.value, figure.value_en)} {pick(figure.measure, figure.measure_en)} ({figure_year(figure)})"
            if figure.scope:
                line += f" — {colon(t('label.scope'))} {pick(figure.scope, figure.scope_en)}"
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
                    text = pick(entry.text, entry.text_en)
                    blocks.append(Block("docs", text, items=entry.documents, label=t("label.research_documents")))
        sections.append(Section(t("about.genesis"), tuple(blocks)))
    if about.partners:
        sections.append(Section(t("about.partners"), (Block("p", pick(about.partners, about.partners_en)),)))
    if about.passages:
        # The kit's own sentences: quoted; in English the translation first, marked, then the kit's words.
        english_passages = about.passages_en if english and len(about.passages_en) == len(about.passages) else ()
        passages = tuple(seed_words(fr, english_passages[i] if english_passages else None) for i, fr in enumerate(about.passages))
        sections.append(Section(t("about.passages"), (Block("ul", items=passages),)))
    gaps = picked(about.gaps, about.gaps_en)
    if gaps:
        sections.append(Section(t("about.gaps"), (Block("note", t("about.gaps_note")), Block("ul", items=gaps)), "gaps"))
    return tuple(lead), tuple(sections)


# --- kit show: one document, written by every format -----------------------------------------------

CONCERN = "◆"
KIT_ABOUT = "kit about"


def quoted(text: str) -> str:
    """The seed's words between French quotation marks, kept whole by non-breaking spaces."""
    return f"«\u00a0{text}\u00a0»"


_TRAILING_COLON = re.compile(r"\s*:$")


def link_caption(fr: str, en: str | None) -> str:
    """A link's caption: the seed's words before the address, as written, a colon only where the seed puts
    one (« … d'Alsace : www.… », « … voir <http://…> »); in English the translation, marked as such before
    that colon."""
    if get_lang() != "en" or not en:
        return fr
    words = _TRAILING_COLON.sub("", en)
    return f"{words} ({t('label.translation')})" + (":" if words != en else "")


def seed_words(fr: str, en: str | None = None) -> str:
    """A text of the seed: its words quoted; in English the translation first, marked as such, then the
    kit's own (French) words, marked as the kit's text."""
    if get_lang() != "en":
        return quoted(fr)
    words = f"{colon(t('label.quote'))} {quoted(fr)}"
    return f"{en} ({t('label.translation')}) — {words}" if en else words


def written_for_lines(document: Document) -> list[str]:
    """★ the roles the seed says the document is written for, each with the seed's words."""
    return [f"{t(f'role.{w.role}')} — {seed_words(w.quote, w.quote_en)}" for w in document.written_for]


def concerns_lines(kit: Kit, document: Document) -> list[str]:
    """◆ the roles the document concerns by our reading, each with the seed phrase the reading rests on, and the
    goals the reading holds for when it does not hold for all (« pour les objectifs « Comprendre… » »)."""
    return [
        f"{t(f'role.{c.role}')} — {pick(c.reading, c.reading_en)}{_goals_of(kit, c.goals)}. "
        f"{colon(t('label.rests_on'))} {quoted(c.rests_on)}"
        for c in document.concerns
    ]


def _goals_of(kit: Kit, goals: tuple[str, ...]) -> str:
    if not goals:
        return ""
    from ..guide import goal_title

    # The goals' titles are the program's words, not the seed's: quoted as the language quotes (« », “ ”).
    names = ", ".join(t("plan.quoted", text=goal_title(kit, g)) for g in goals)
    return ", " + t("label.concerns_goals", count=len(goals), goals=names)


def research_of(kit: Kit, document: Document) -> list[tuple[ResearchWork, ResearchItem]]:
    """The research items of annex 1 (`kit about`) that are this document, with their work."""
    return [(w, e) for w in kit.about.research for e in w.entries if document.id in e.documents]


def references_to(kit: Kit, document: Document) -> list[tuple[Form, Reference]]:
    """The passages of the forms' texts (`kit about`) that point at this document."""
    return [(f, r) for f in kit.about.forms for r in f.references if document.id in r.documents]


def description_block(document: Document) -> Block:
    """The description, labelled as a summary when it is ours and not the seed's words, as a translation
    when it is the seed's words in English."""
    text = pick(document.description, document.description_en)
    if document.description_kind == "summary":
        return Block("labelled", text, label=t("label.summary").capitalize())
    if get_lang() == "en" and document.description_en:
        # The kit's words, translated: marked as credits and mentions are.
        return Block("p", f"{text} ({t('label.translation')})")
    return Block("p", text)


@dataclass(frozen=True)
class Line:
    """One labelled line of a document's record in `kit show`, for a renderer to style by its `field`.

    `text` is plain text in the current language, empty when the document has no value (the terminal then
    leaves the line out; a page writes « aucune »). `fr` and `en` are the kit's two texts when the value is
    one, so that an English page can mark a French fallback."""

    field: str
    label: str
    text: str
    fr: str | None = None
    en: str | None = None


TOLD_ELSEWHERE: dict[str, str] = {
    "title": "the heading",
    "title_en": "the heading",
    "date": "the year line (`queries.when`)",
    "date_en": "the year line (`queries.when`)",
    "kind_en": "the kind line (`queries.kind`)",
    "description": "document_outline",
    "description_en": "document_outline",
    "description_kind": "document_outline",
    "parts": "document_outline",
    "parts_en": "document_outline",
    "audiences": "document_outline (written for)",
    "written_for": "document_outline",
    "concerns": "document_outline",
    "notes": "document_outline",
    "notes_en": "document_outline",
    "links": "document_outline",
    "lookup": "document_outline (where to get it)",
    "credits": "document_outline",
    "mentions": "document_outline",
}
"""The record fields `kit show` tells outside its labelled lines, and where. Every other field of
`queries.document_fields` is a line (`record_lines`): a field added to the model is shown without a change here."""


def _line(kit: Kit, document: Document, field: str) -> Line:
    from ..queries import category_of, kind, path_names, readable, subcategory, when

    lang = get_lang()
    label = t(f"col.{field}") if has(f"col.{field}") else field
    match field:
        case "id":
            return Line(field, label, document.id)
        case "category":
            category = category_of(kit, document)
            return Line(field, label, pick(category.label, category.label_en), category.label, category.label_en)
        case "subcategory":
            sub = subcategory(kit, document)
            if sub is None:
                return Line(field, label, "")
            return Line(field, label, sub.label_en if lang == "en" and sub.label_en else sub.label, sub.label, sub.label_en)
        case "authors":
            return Line(field, label, ", ".join(document.authors))
        case "year":
            return Line(field, label, when(document, lang))
        case "kind":
            return Line(field, label, kind(document, lang), document.kind, document.kind_en)
        case "paths":
            return Line(field, label, ", ".join(path_names(kit, document.id, lang)) or t("label.none"))
        case _:
            return Line(field, label, readable(getattr(document, field, None)))


def record_lines(kit: Kit, document: Document) -> list[Line]:
    """The labelled lines `kit show` opens with, in every format: the fields of `queries.document_fields`
    (in its order) that are not `TOLD_ELSEWHERE`."""
    from ..queries import document_fields

    return [_line(kit, document, f) for f in document_fields() if f not in TOLD_ELSEWHERE]


def document_outline(kit: Kit, document: Document) -> tuple[Section, ...]:
    """What `kit show` tells below a document's record fields, the same for the terminal, Markdown and
    HTML: its description, who it is written for (★, the seed's words) and whom it concerns by our
    reading (◆), its parts, the makers and passages the seed names, its links, how to get it, where
    `kit about` speaks of it, and last, apart, the notes on the transcription."""
    from ..queries import lookup

    sections = [Section("", (description_block(document),))]
    audiences = [Block("labelled", line, label=f"{STAR} {t('label.written_for')}") for line in written_for_lines(document)]
    audiences += [Block("labelled", line, label=f"{CONCERN} {t('label.concerns')}") for line in concerns_lines(kit, document)]
    if audiences:
        sections.append(Section(t("col.audiences"), tuple(audiences), "audiences"))
    parts = picked(document.parts, document.parts_en)
    if parts:
        sections.append(Section(t("col.parts"), (Block("ul", items=parts),)))
    if document.credits:
        credits = tuple(f"{c.name} — {seed_words(c.quote, c.quote_en)}" for c in document.credits)
        sections.append(Section(t("label.credits"), (Block("ul", items=credits),)))
    for relation, label in ((None, "label.mentions"), ("related", "label.related")):
        told = [m for m in document.mentions if m.relation == relation]
        mentions = tuple(f"{colon(pick(m.where, m.where_en))} {seed_words(m.quote, m.quote_en)}" for m in told)
        if mentions:
            sections.append(Section(t(label), (Block("ul", items=mentions),)))
    if document.links:
        links = tuple(Block("link", link_caption(link.label, link.label_en), url=link.url) for link in document.links)
        sections.append(Section(t("label.links"), links))
    publisher = kit.about.publisher
    find = Block("labelled", lookup(document, publisher), label=t("col.lookup"))
    sections.append(Section(t("label.find"), (find, Block("p", t("label.find_carried", publisher=publisher))), "find"))
    see_about = Block("labelled", KIT_ABOUT, label=t("label.see_also"))
    research = research_of(kit, document)
    if research:
        # Annex 1's words; in English their translation, marked as `kit show` marks every translated text.
        mark = f" ({t('label.translation')})" if get_lang() == "en" else ""
        items = tuple(f"{pick(e.text, e.text_en)} ({pick(w.title, w.title_en)}){mark if e.text_en else ''}" for w, e in research)
        sections.append(Section(t("label.research"), (Block("ul", items=items), see_about), "about"))
    references = references_to(kit, document)
    if references:
        mentioned = {m.quote for m in document.mentions}
        # A form named twice (a sentence and its footnote, both already told as mentions) is named once.
        items = tuple(
            dict.fromkeys(
                form_title(f) if r.quote in mentioned else f"{form_title(f)} — {seed_words(r.quote, r.quote_en)}"
                for f, r in references
            )
        )
        sections.append(Section(t("about.forms"), (Block("ul", items=items), see_about), "about"))
    # Notes on how the seed was transcribed are for the curious, not the reader: apart, and last.
    notes = picked(document.notes, document.notes_en)
    if notes:
        sections.append(Section(t("label.transcription_notes"), (Block("ul", items=notes),), "notes"))
    return tuple(sections)


# --- the table of the seed's contradictions (docs/seed-contradictions.md) --------------------------


def _cell(text: str) -> str:
    # Plain spaces: the page is read as source too, where a non-breaking space is invisible.
    return text.replace("|", "\\|").replace("\n", " ").replace("\u00a0", " ")


def choices_table(kit: Kit) -> str:
    """The kit's `choices` as a Markdown table, in the current language: docs/seed-contradictions.md (in
    English, for maintainers) holds this table, and a test fails when it differs from the data. The kind is the
    data's own word (`contradiction`, `correction`, `reading`), as a maintainer writes it in the file."""
    lines = ["| kind | subject | choice | reason |", "| --- | --- | --- | --- |"]
    for choice in kit.choices:
        reason = pick(choice.reason, choice.reason_en)
        if choice.seed_forms:
            reason += f" {colon(t('label.seed_forms'))} " + ", ".join(quoted(f) for f in choice.seed_forms) + "."
        if choice.documents:
            reason += " (" + ", ".join(f"`{d}`" for d in choice.documents) + ")"
        cells = (choice.kind, pick(choice.subject, choice.subject_en), pick(choice.choice, choice.choice_en), reason)
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"
