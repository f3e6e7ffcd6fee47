"""`kit about`: the kit's background as rich panels on a terminal, Markdown, JSON, HTML, or plain text in a pipe.

Everything shown comes from the kit's `about` object, in the current language when it has an English
field and in French otherwise; what the source lacks (`gaps`) is shown as such, never filled in.
rich is imported only for the panels.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..i18n import get_lang, pick, t
from ..text import one_line

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ..model import About, Figure, Form, Kit
    from .views import Rendered


def view(kit: Kit, fmt: str, terminal: bool) -> Rendered:
    about = kit.about
    if fmt == "json":
        from .jsonout import dumps

        return dumps(about.model_dump(mode="json"))
    if fmt == "md":
        return about_md(about)
    if fmt == "html":
        import datetime

        from .html import about_html

        return about_html(kit, datetime.date.today())
    if terminal:
        return about_panels(about)
    return about_text(about)


def picked(fr: tuple[str, ...], en: tuple[str, ...]) -> tuple[str, ...]:
    """A list of kit texts in the current language, when the English list is there."""
    return en if get_lang() == "en" and en else fr


def _colon(label: str) -> str:
    return f"{label} : " if get_lang() == "fr" else f"{label}: "


def figure_year(figure: Figure) -> str:
    return str(figure.year) if figure.year is not None else "—"


def _has_missing_year(about: About) -> bool:
    return any(f.year is None for f in about.figures)


def form_title(form: Form) -> str:
    return pick(form.title, form.title_en)


# Markdown -----------------------------------------------------------------------------------------


def about_md(about: About) -> str:
    from .markdown import escape, heading

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
                out.append(f"*{escape(_colon(t('about.also_named')) + form.also_named)}*\n\n")
            out.append(escape(pick(form.definition, form.definition_en)) + "\n\n")
            example = form.example
            out.append(f"**{escape(t('about.example', title=example.title))}** — {escape(pick(example.text, example.text_en))}\n")
            if example.source:
                out.append(f"\n{escape(_colon(t('about.source')) + example.source)}\n")
    if about.figures:
        out.append("\n" + heading(2, t("about.figures")) + "\n")
        for figure in about.figures:
            measure = escape(pick(figure.measure, figure.measure_en))
            out.append(f"- **{escape(figure.value)}** {measure} ({escape(figure_year(figure))})\n")
        if _has_missing_year(about):
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


# Plain text ---------------------------------------------------------------------------------------


def _underlined(title: str, char: str = "-") -> list[str]:
    line = one_line(title)
    return ["", line, char * len(line)]


def about_text(about: About) -> str:
    """Plain text for a pipe or a pager: one paragraph a line, headings underlined, no escape codes."""
    lines = [one_line(about.title), one_line(t("about.publisher", publisher=about.publisher)), ""]
    lines.append(one_line(pick(about.summary, about.summary_en)))
    objectives = picked(about.objectives, about.objectives_en)
    if objectives:
        lines += _underlined(t("about.objectives"))
        lines += [f"{n}. {one_line(o)}" for n, o in enumerate(objectives, 1)]
    if about.forms:
        lines += _underlined(t("about.forms"))
        for n, form in enumerate(about.forms, 1):
            lines += ["", f"{n}. {one_line(form_title(form))}"]
            if form.also_named:
                lines.append("   " + one_line(_colon(t("about.also_named")) + form.also_named))
            lines.append("   " + one_line(pick(form.definition, form.definition_en)))
            example = form.example
            lines.append("   " + one_line(f"{t('about.example', title=example.title)} — {pick(example.text, example.text_en)}"))
            if example.source:
                lines.append("   " + one_line(_colon(t("about.source")) + example.source))
    if about.figures:
        lines += _underlined(t("about.figures"))
        for figure in about.figures:
            measure = one_line(pick(figure.measure, figure.measure_en))
            lines.append(f"- {one_line(figure.value)} {measure} ({figure_year(figure)})")
        if _has_missing_year(about):
            lines += ["", t("about.no_year")]
    genesis = pick(about.genesis, about.genesis_en) if about.genesis else ""
    if genesis or about.research:
        lines += _underlined(t("about.genesis"))
        if genesis:
            lines.append(one_line(genesis))
        for work in about.research:
            lines += ["", one_line(pick(work.title, work.title_en))]
            lines += [f"  - {one_line(item)}" for item in work.items]
    if about.partners:
        lines += _underlined(t("about.partners"))
        lines.append(one_line(pick(about.partners, about.partners_en)))
    gaps = picked(about.gaps, about.gaps_en)
    if gaps:
        lines += _underlined(t("about.gaps"))
        lines.append(t("about.gaps_note"))
        lines += [f"  - {one_line(g)}" for g in gaps]
    return "\n".join(lines) + "\n"


# Rich panels --------------------------------------------------------------------------------------


def about_panels(about: About) -> RenderableType:
    """One panel per part of the background; kit text always enters as `Text`."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    from .table import block, plain

    def panel(title: str, *body: RenderableType, border: str = "blue") -> Panel:
        return Panel(Group(*body), title=plain(title, "bold"), title_align="left", border_style=border)

    def bullets(items: tuple[str, ...], numbered: bool = False) -> list[Text]:
        return [Text(f"{n}. " if numbered else "  • ").append_text(plain(i)) for n, i in enumerate(items, 1)]

    parts: list[RenderableType] = [
        Panel(
            block(pick(about.summary, about.summary_en)),
            title=plain(about.title, "bold"),
            subtitle=plain(t("about.publisher", publisher=about.publisher), "dim"),
            title_align="left",
            subtitle_align="right",
            border_style="magenta",
        )
    ]
    objectives = picked(about.objectives, about.objectives_en)
    if objectives:
        parts.append(panel(t("about.objectives"), *bullets(objectives, numbered=True)))
    for form in about.forms:
        example = form.example
        body: list[RenderableType] = []
        if form.also_named:
            body.append(plain(_colon(t("about.also_named")) + form.also_named, "italic"))
        body += [block(pick(form.definition, form.definition_en)), Text("")]
        body.append(plain(t("about.example", title=example.title), "bold"))
        body.append(block(pick(example.text, example.text_en)))
        if example.source:
            body.append(plain(_colon(t("about.source")) + example.source, "dim"))
        parts.append(panel(f"{t('about.forms')} · {form_title(form)}", *body))
    if about.figures:
        grid = Table.grid(padding=(0, 2))
        grid.add_column(justify="right", style="bold cyan", no_wrap=True)
        grid.add_column(ratio=1)
        grid.add_column(justify="right", style="dim", no_wrap=True)
        for figure in about.figures:
            grid.add_row(plain(figure.value), plain(pick(figure.measure, figure.measure_en)), plain(figure_year(figure)))
        body = [grid]
        if _has_missing_year(about):
            body += [Text(""), Text(t("about.no_year"), style="dim")]
        parts.append(panel(t("about.figures"), *body))
    genesis = pick(about.genesis, about.genesis_en) if about.genesis else ""
    if genesis or about.research:
        body = [block(genesis)] if genesis else []
        for work in about.research:
            body += [Text(""), plain(pick(work.title, work.title_en), "bold"), *bullets(work.items)]
        parts.append(panel(t("about.genesis"), *body))
    if about.partners:
        parts.append(panel(t("about.partners"), block(pick(about.partners, about.partners_en))))
    gaps = picked(about.gaps, about.gaps_en)
    if gaps:
        parts.append(panel(t("about.gaps"), Text(t("about.gaps_note"), style="dim"), *bullets(gaps), border="yellow"))
    return Group(*parts)
