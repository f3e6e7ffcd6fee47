"""Markdown output, one renderer per kind of result, ready to paste into a wiki or an email; kit text
cannot add Markdown structure."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, assert_never

from .. import plan as plans
from .. import results
from ..guide import goal_title, need_title
from ..i18n import colon, get_lang, pick, t
from ..queries import Selection, groups, reading_numbers, when
from ..search import Marked, Pointer, SearchOutcome, why
from ..text import french_spaces, one_line
from .common import (
    STAR,
    Block,
    about_outline,
    document_outline,
    fields_label,
    href,
    next_groups,
    pointer_lines,
    purpose_source,
    record_lines,
    search_lead,
    search_notes,
)

if TYPE_CHECKING:
    from ..model import About, Document, Kit

# Backslash-escaping ASCII punctuation is always allowed by CommonMark; these are the characters
# that can start emphasis, links, HTML, code, tables or entities inside a line. Parentheses stay as
# they are: with every bracket escaped, they can no longer complete a link. GitHub-flavoured renderers
# (pandoc -f gfm, markdown-it with linkify) also turn bare addresses into links, so an escape breaks
# each of their triggers too: « @ » (e-mail), the first « / » of « // » (« http://… », « //host »), and a
# « . » between a letter or digit and a letter (« www.… », bare domains). Checked with those renderers in
# tests/render/markdown.
_SPECIAL = re.compile(r"[\\`*_{}\[\]<>#+!|~&$@]|/(?=/)|(?<=[^\W_])\.(?=[^\W\d_])")
_LIST_START = re.compile(r"^([-=]|\d+(?=[.)]))")


def escape(text: str) -> str:
    """Kit text as one inert line of Markdown: no structure, no link; French spaces (`text.french_spaces`), as
    the terminal and HTML views write them."""
    escaped = _SPECIAL.sub(lambda m: "\\" + m.group(), french_spaces(one_line(text)))
    # A leading "-", "1." or "1)" would open a nested list inside a list item.
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


def numbered(number: int, text: str) -> str:
    """One item of an ordered list; the first item's number is where the list starts, in CommonMark and GFM."""
    return f"{number}. {text}\n"


def reading_number(number: int) -> str:
    """« n° 2 — », a reading-order number read as one: « **2** **2 études…** » was read « 2 2 études »."""
    return f"{escape(t('md.reading_number', number=number))} —"


def documents_md(selection: Selection, title: str) -> str:
    """The documents by category, each category an ordered list numbered in the reading order (as the plan is)."""
    numbers = reading_numbers(selection)
    out = [heading(1, title)]
    for category, docs in groups(selection):
        out.append("\n" + heading(2, pick(category.label, category.label_en)) + "\n")
        previous = None
        for d in docs:
            number = numbers[d.id]
            if previous is not None and number != previous + 1:
                # A gap (a filter left documents out): a new list, so that its first number is shown as written.
                out.append("\n<!-- -->\n\n")
            out.append(numbered(number, document_line(d)))
            previous = number
    return "".join(out)


def paths_md(kit: Kit) -> str:
    out = [heading(1, t("col.paths"))]
    for p in kit.paths:
        out.append("\n" + heading(2, f"{pick(p.title, p.title_en)} ({p.id}, {p.alias})") + "\n")
        out.append(escape(pick(p.purpose, p.purpose_en)) + "\n\n")
        if p.purpose_source:
            out.append(f"*{escape(purpose_source(p))}*\n\n")
        out.append(escape(t("label.documents_count", count=len(p.documents))) + "\n")
    return "".join(out)


def categories_md(kit: Kit) -> str:
    out = [heading(1, t("md.categories"))]
    for c in kit.categories:
        out.append("\n" + heading(2, f"{pick(c.label, c.label_en)} ({c.id})") + "\n")
        out.append(escape(pick(c.description, c.description_en)) + "\n")
        if c.subcategories:
            out.append("\n")
            out.extend(item(escape(pick(s.label, s.label_en))) for s in c.subcategories)
    return "".join(out)


def document_md(kit: Kit, document: Document) -> str:
    """One document: its record as a list of labelled fields, then the sections of `common.document_outline`."""
    lang = get_lang()
    out = [heading(1, pick(document.title, document.title_en))]
    if lang == "en" and document.title_en:
        out.append(f"\n*{escape(document.title)}*\n")
    fields = [
        (line.label, f"`{line.text}`" if line.field == "id" else escape(line.text or t("label.none")))
        for line in record_lines(kit, document)
    ]
    out.append("\n")
    out.extend(item(labelled(label, value)) for label, value in fields)
    out.append("\n")
    for section in document_outline(kit, document):
        out.append(heading(2, section.title) + "\n" if section.title else "")
        out.extend(_md_block(block) for block in section.blocks)
    return "".join(out).rstrip("\n") + "\n"


def _md_block(block: Block) -> str:
    match block.kind:
        case "p":
            return escape(block.text) + "\n\n"
        case "ol" | "ul":
            marks = (f"{n}. " if block.kind == "ol" else "- " for n in range(1, len(block.items) + 1))
            return "".join(mark + escape(x) + "\n" for mark, x in zip(marks, block.items, strict=True)) + "\n"
        case "h3":
            return heading(3, block.text) + "\n"
        case "note":
            return f"*{escape(block.text)}*\n\n"
        case "labelled":
            return f"{labelled(block.label, escape(block.text))}\n\n"
        case "titled":
            return f"**{escape(block.label)}** — {escape(block.text)}\n\n"
        case "link":
            # The one place a link is written: a web address the kit file gives in a link field, checked by the model.
            # The address as the seed writes it; a bare « www.… » needs our scheme to be a link.
            url = href(block.url)
            target = f"<{url}>" if url == block.url else f"[{escape(block.url)}]({url})"
            return f"{escape(block.text)} {target}\n\n"
        case "docs":  # the documents of the kit the text points to
            commands = ", ".join(f"`kit show {d}`" for d in block.items)
            return f"{escape(block.text)} — {escape(colon(block.label or t('about.documents')))} {commands}\n\n"
        case unknown:
            assert_never(unknown)


def about_md(about: About) -> str:
    """`kit about` as Markdown: the same outline as the terminal and the HTML page (`common.about_outline`)."""
    lead, sections = about_outline(about)
    out = [heading(1, about.title), "\n", f"*{escape(t('about.publisher', publisher=about.publisher))}*\n\n"]
    out.extend(_md_block(b) for b in lead)
    for section in sections:
        out.append(heading(2, section.title) + "\n")
        out.extend(_md_block(b) for b in section.blocks)
    return "".join(out).rstrip("\n") + "\n"


def _plan_entry(item: plans.Item, why: bool = False) -> str:
    """« - n° 9 — ★ **Title** — Authors, year (`id`) », then what ties it to the reader, or its « pourquoi »."""
    mark = f"{STAR} " if item.highlight else ("◆ " if item.concern else "")
    out = f"- {reading_number(item.number)} {mark}{document_line(item.document)}\n"
    if why:
        out += f"  - {labelled(t('col.why'), escape(item.why))}\n"
        if item.concern:
            out += f"  - {escape(t('plan.concern', reading=item.concern))}\n"
    elif item.highlight:
        out += f"  - {labelled(t('col.for_you'), escape(item.reason))}\n"
    elif item.concern:
        out += f"  - {escape(t('plan.concern', reading=item.concern))}\n"
    return out


def plan_md(kit: Kit, plan: plans.Plan) -> str:
    """The plan to keep or send: the answers, the « Pour commencer » set with a « pourquoi » each, then the
    rest of the path by nature. Numbers are the path's reading-order numbers (`kit show animer:9`)."""
    path_title = pick(plan.path.title, plan.path.title_en)
    out = [heading(1, t("plan.title")), "\n"]
    out.append(item(labelled(t("label.role"), escape(t(f"role.{plan.role}")))))
    out.append(item(labelled(t("label.goal"), escape(goal_title(kit, plan.goal)))))
    out.append(item(labelled(t("label.need"), escape(need_title(kit, plan.need)))))
    out.append(item(labelled(t("label.reading_path"), f"{escape(path_title)} (`{plans.path_name(plan.path)}`)")))
    purpose = pick(plan.path.purpose, plan.path.purpose_en)
    if purpose != path_title:
        out.append("\n" + escape(purpose) + "\n")
    for line in plans.notes(plan):
        out.append("\n" + escape(line) + "\n")
    out.append("\n" + heading(2, t("plan.start_title")) + "\n" + escape(plans.start_line(plan)) + "\n\n")
    out.extend(_plan_entry(entry, why=True) for entry in plan.start)
    rest = plans.rest_groups(plan)
    if rest:
        out.append("\n" + heading(2, t("plan.rest_title")) + "\n")
        for category, entries in rest:
            out.append("\n" + heading(3, pick(category.label, category.label_en)) + "\n")
            out.extend(_plan_entry(entry) for entry in entries)
    out.append("\n" + escape(plans.find_line(plan)) + "\n")
    out.append("\n" + escape(colon(t("plan.detail_label"))) + f" `{plans.detail_command(plan)}`\n")
    out.append("\n" + escape(colon(t("plan.read_label"))) + f" `{plans.read_command(plan)}`\n")
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


def result_md(result: SearchOutcome, kit: Kit | None = None, pointers: Sequence[Pointer] = ()) -> str:
    """The hits as a numbered list, each with where its words are; the lines about the search (words not found…)
    under the count; where else the words are (`kit about`, paths, categories) after the list."""
    english = get_lang() == "en"
    matched = result.matched
    out = [heading(1, t("search.title", query=result.query)), "\n"]
    notes = search_lead(result)
    out.append(escape(". ".join(notes) + ".") + "\n")
    out.extend(f"\n{escape(line)}\n" for line in search_notes(result))
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
    if kit is not None:
        out.extend(f"\n{escape(line)}\n" for line in pointer_lines(kit, pointers))
    return "".join(out)


NEXT_SHOWN = 5
"""Next documents listed per path when every path is shown (`kit progress PATH` lists them all)."""


def progress_md(result: results.ProgressResult) -> str:
    """`kit progress`: per path, « **6/17 lus** », then the next documents (the reader's plan first)."""
    out = [heading(1, t("progress.title"))]
    for standing in result.paths:
        path, done = standing.path, standing.progress
        name = f"{pick(path.title, path.title_en)} ({plans.path_name(path)})"
        if standing.plan:
            name += f" — {t('progress.your_plan')}"
        out.append("\n" + heading(2, name) + "\n")
        out.append(f"**{escape(t('progress.count', read=done.read, total=done.total, count=done.read))}**\n")
        if done.done:
            out.append("\n" + escape(t("progress.done")) + "\n")
            continue
        shown = done.next if result.one_path else done.next[:NEXT_SHOWN]
        out.append("\n" + escape(colon(t("progress.next"))) + "\n")
        for label, idents in next_groups(shown, standing.start):
            out.append(("\n*" + escape(label) + "*\n" if label is not None else "") + "\n")
            for ident in idents:
                out.append(item(f"{reading_number(standing.numbers[ident])} {document_line(result.documents[ident])}"))
        hidden = len(done.next) - len(shown)
        if hidden:
            out.append("\n" + escape(t("progress.more", count=hidden, command=f"kit progress {plans.path_name(path)}")) + "\n")
    if result.orphans:
        from ..progress import orphans_line

        out.append("\n" + escape(orphans_line(result.orphans)) + "\n")
    return "".join(out)


RENDERERS: dict[type[Any], Callable[[Any], str]] = {
    results.DocumentList: lambda r: documents_md(r.selection, r.title),
    results.DocumentDetail: lambda r: document_md(r.kit, r.document),
    results.PathList: lambda r: paths_md(r.kit),
    results.CategoryList: lambda r: categories_md(r.kit),
    results.AboutKit: lambda r: about_md(r.kit.about),
    results.SearchResult: lambda r: result_md(r.outcome, r.kit, r.pointers),
    results.PlanResult: lambda r: plan_md(r.kit, r.plan),
    results.ProgressResult: progress_md,
}
