"""Markdown output, one renderer per kind of result, ready to paste into a wiki or an email; kit text
cannot add Markdown structure."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .. import plan as plans
from .. import results
from ..guide import goal_title
from ..i18n import colon, get_lang, pick, t
from ..queries import Selection, category_of, groups, paths_by_document, subcategory_label, when
from ..search import Marked, Result, why
from ..text import one_line
from .common import STAR, fields_label, figure_year, form_title, has_missing_year, picked, search_lead

if TYPE_CHECKING:
    from ..model import About, Document, Kit

# Backslash-escaping ASCII punctuation is always allowed by CommonMark; these are the characters
# that can start emphasis, links, HTML, code, tables or entities inside a line. Parentheses stay as
# they are: with every bracket escaped, they can no longer complete a link.
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#+!|~&$])")
_LIST_START = re.compile(r"^([-=]|\d+(?=\.))")


def escape(text: str) -> str:
    """Kit text as one inert line of Markdown."""
    escaped = _SPECIAL.sub(r"\\\1", one_line(text))
    # A leading "-" or "1." would open a nested list inside a list item.
    return _LIST_START.sub(lambda m: "\\" + m.group(1) if not m.group(1).isdigit() else m.group(1) + "\\", escaped, 1)


def heading(level: int, text: str) -> str:
    return f"{'#' * level} {escape(text)}\n"


def item(text: str) -> str:
    return f"- {text}\n"


def labelled(label: str, value: str) -> str:
    """« **Label** : value » (value already Markdown), with the colon spacing of the language."""
    return f"**{escape(label)}**{colon('')} {value}"


def document_line(document: Document) -> str:
    """« **Title** — Authors, year (`id`) », in the current language (French title kept in English)."""
    title = f"**{escape(pick(document.title, document.title_en))}**"
    if get_lang() == "en" and document.title_en:
        title += f" (*{escape(document.title)}*)"
    date = escape(when(document, get_lang()))
    return f"{title} — {escape(', '.join(document.authors))}, {date} (`{document.id}`)"


def documents_md(selection: Selection, title: str) -> str:
    out = [heading(1, title)]
    for category, docs in groups(selection):
        out.append("\n" + heading(2, pick(category.label, category.label_en)) + "\n")
        out.extend(item(document_line(d)) for d in docs)
    return "".join(out)


def paths_md(kit: Kit) -> str:
    out = [heading(1, t("col.paths"))]
    for p in kit.paths:
        out.append("\n" + heading(2, f"{pick(p.title, p.title_en)} ({p.id}, {p.alias})") + "\n")
        out.append(escape(pick(p.purpose, p.purpose_en)) + "\n\n")
        out.append(escape(t("label.documents_count", count=len(p.documents))) + "\n")
    return "".join(out)


def categories_md(kit: Kit) -> str:
    out = [heading(1, t("col.category"))]
    for c in kit.categories:
        out.append("\n" + heading(2, f"{pick(c.label, c.label_en)} ({c.id})") + "\n")
        out.append(escape(pick(c.description, c.description_en)) + "\n")
        if c.subcategories:
            out.append("\n")
            out.extend(item(escape(pick(s.label, s.label_en))) for s in c.subcategories)
    return "".join(out)


def document_md(kit: Kit, document: Document) -> str:
    lang = get_lang()
    category = category_of(kit, document)
    out = [heading(1, pick(document.title, document.title_en))]
    if lang == "en" and document.title_en:
        out.append(f"\n*{escape(document.title)}*\n")
    fields = [
        (t("col.id"), f"`{document.id}`"),
        (t("col.category"), escape(pick(category.label, category.label_en))),
        (t("col.subcategory"), escape(subcategory_label(kit, document, lang) or t("label.none"))),
        (t("col.authors"), escape(", ".join(document.authors))),
        (t("col.year"), escape(when(document, get_lang()))),
        (t("col.kind"), escape(document.kind)),
        (t("col.paths"), escape(", ".join(paths_by_document(kit)[document.id]) or t("label.none"))),
    ]
    if document.audiences:
        fields.append((t("col.audiences"), escape(", ".join(document.audiences))))
    out.append("\n")
    out.extend(item(labelled(label, value)) for label, value in fields)
    out.append("\n" + escape(pick(document.description, document.description_en)) + "\n")
    if document.parts:
        out.append("\n" + heading(2, t("col.parts")) + "\n")
        out.extend(item(escape(p)) for p in document.parts)
    if document.notes:
        out.append("\n" + heading(2, t("col.notes")) + "\n")
        out.extend(item(escape(n)) for n in document.notes)
    return "".join(out)


def about_md(about: About) -> str:
    out = [heading(1, about.title), "\n", f"*{escape(t('about.publisher', publisher=about.publisher))}*\n\n"]
    out.append(escape(pick(about.summary, about.summary_en)) + "\n")
    objectives = picked(about.objectives, about.objectives_en)
    if objectives:
        out.append("\n" + heading(2, t("about.objectives")) + "\n")
        out.extend(f"{n}. {escape(o)}\n" for n, o in enumerate(objectives, 1))
    if about.forms:
        out.append("\n" + heading(2, t("about.forms")))
        for form in about.forms:
            out.append("\n" + heading(3, form_title(form)) + "\n")
            if form.also_named:
                out.append(f"*{escape(colon(t('about.also_named')) + ' ' + form.also_named)}*\n\n")
            out.append(escape(pick(form.definition, form.definition_en)) + "\n\n")
            example = form.example
            out.append(f"**{escape(t('about.example', title=example.title))}** — {escape(pick(example.text, example.text_en))}\n")
            if example.source:
                out.append(f"\n{escape(colon(t('about.source')) + ' ' + example.source)}\n")
    if about.figures:
        out.append("\n" + heading(2, t("about.figures")) + "\n")
        for figure in about.figures:
            measure = escape(pick(figure.measure, figure.measure_en))
            out.append(f"- **{escape(figure.value)}** {measure} ({escape(figure_year(figure))})\n")
        if has_missing_year(about):
            out.append("\n" + escape(t("about.no_year")) + "\n")
    genesis = pick(about.genesis, about.genesis_en) if about.genesis else ""
    if genesis or about.research:
        out.append("\n" + heading(2, t("about.genesis")) + "\n")
        if genesis:
            out.append(escape(genesis) + "\n")
        for work in about.research:
            out.append("\n" + heading(3, pick(work.title, work.title_en)) + "\n")
            out.extend(f"- {escape(item)}\n" for item in work.items)
    if about.partners:
        out.append("\n" + heading(2, t("about.partners")) + "\n")
        out.append(escape(pick(about.partners, about.partners_en)) + "\n")
    gaps = picked(about.gaps, about.gaps_en)
    if gaps:
        out.append("\n" + heading(2, t("about.gaps")) + "\n")
        out.append(escape(t("about.gaps_note")) + "\n\n")
        out.extend(f"- {escape(g)}\n" for g in gaps)
    return "".join(out)


def plan_md(kit: Kit, plan: plans.Plan) -> str:
    path_title = pick(plan.path.title, plan.path.title_en)
    out = [heading(1, t("plan.title")), "\n"]
    out.append(item(labelled(t("label.role"), escape(t(f"role.{plan.role}")))))
    out.append(item(labelled(t("label.goal"), escape(goal_title(kit, plan.goal)))))
    out.append(item(labelled(t("label.reading_path"), f"{escape(path_title)} (`{plan.path.id}`)")))
    out.append("\n" + escape(pick(plan.path.purpose, plan.path.purpose_en)) + "\n")
    for line in [plans.start_line(plan), *plans.notes(plan)]:
        out.append("\n" + escape(line) + "\n")
    items = iter(plan.items)
    for category, docs in groups(plan.selection):
        out.append("\n" + heading(2, pick(category.label, category.label_en)) + "\n")
        for _ in docs:
            entry = next(items)
            marker = f"{entry.number}. "
            star = f"{STAR} " if entry.highlight else ""
            out.append(f"{marker}{star}{document_line(entry.document)}\n")
            if entry.highlight:
                # Indented to the item's text, so the reason nests under it whatever the number's width.
                indent = " " * len(marker)
                out.append(f"{indent}- {labelled(t('col.for_you'), escape(entry.reason))}\n")
    return "".join(out)


def _md_marked(marked: Marked) -> str:
    """A marked line as Markdown: kit text escaped, matched words in bold."""

    def part(text: str) -> str:
        # `escape` trims its text; the spaces around a highlighted word must stay.
        lead = " " if text[:1].isspace() else ""
        trail = " " if text[-1:].isspace() and text.strip() else ""
        return lead + escape(text) + trail

    spans: list[tuple[int, int]] = []
    for start, end in marked.spans:
        if spans and not marked.text[spans[-1][1] : start].strip():
            spans[-1] = (spans[-1][0], end)  # « **Saint Maurice** », not « **Saint** **Maurice** »
        else:
            spans.append((start, end))
    out: list[str] = []
    last = 0
    for start, end in spans:
        out.append(part(marked.text[last:start]))
        out.append(f"**{escape(marked.text[start:end])}**")
        last = end
    out.append(part(marked.text[last:]))
    return "".join(out)


def result_md(result: Result) -> str:
    english = get_lang() == "en"
    matched = result.matched
    out = [heading(1, t("search.title", query=result.query)), "\n"]
    notes = search_lead(result)
    out.append(escape(". ".join(notes) + ".") + "\n")
    if result.hits:
        out.append("\n")
    for number, hit in enumerate(result.hits, 1):
        out.append(f"{number}. {document_line(hit.document)}  \n")
        line = escape(colon(t("col.match"))) + " "
        line += escape(fields_label(hit.fields))
        reason = why(hit, matched, english)
        if reason is not None:
            line += f" — {_md_marked(reason[1])}"
        out.append(f"   {line}\n")
    return "".join(out)


RENDERERS: dict[type[Any], Callable[[Any], str]] = {
    results.DocumentList: lambda r: documents_md(r.selection, r.title),
    results.DocumentDetail: lambda r: document_md(r.kit, r.document),
    results.PathList: lambda r: paths_md(r.kit),
    results.CategoryList: lambda r: categories_md(r.kit),
    results.AboutKit: lambda r: about_md(r.kit.about),
    results.SearchResult: lambda r: result_md(r.outcome),
    results.PlanResult: lambda r: plan_md(r.kit, r.plan),
}
