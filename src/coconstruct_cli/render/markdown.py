"""Markdown output, ready to paste into a wiki or an email; kit text cannot add Markdown structure."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..i18n import get_lang, pick, t
from ..queries import Selection, category_of, groups, paths_by_document, subcategory_label, when
from ..text import one_line

if TYPE_CHECKING:
    from ..model import Document, Kit

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
    out.extend(item(f"**{label}** : {value}" if lang == "fr" else f"**{label}**: {value}") for label, value in fields)
    out.append("\n" + escape(pick(document.description, document.description_en)) + "\n")
    if document.parts:
        out.append("\n" + heading(2, t("col.parts")) + "\n")
        out.extend(item(escape(p)) for p in document.parts)
    if document.notes:
        out.append("\n" + heading(2, t("col.notes")) + "\n")
        out.extend(item(escape(n)) for n in document.notes)
    return "".join(out)
