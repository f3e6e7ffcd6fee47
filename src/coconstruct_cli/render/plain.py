"""Plain text for pipes: tab-separated columns with a header, one record a line, no escape codes.

Generic over results (`header` and `rows()`); `kit about`, which is prose, is plain paragraphs instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .. import results
from ..i18n import colon, pick, t
from ..text import one_line
from .common import figure_year, form_title, has_missing_year, picked

if TYPE_CHECKING:
    from ..model import About


def tsv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    lines = ["\t".join(header)]
    for row in rows:
        lines.append("\t".join(one_line("" if v is None else str(v)).replace("\t", " ") for v in row))
    return "\n".join(lines) + "\n"


def generic(result: results.Result) -> str:
    return tsv(result.header, result.rows())


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
                lines.append("   " + one_line(colon(t("about.also_named")) + " " + form.also_named))
            lines.append("   " + one_line(pick(form.definition, form.definition_en)))
            example = form.example
            lines.append("   " + one_line(f"{t('about.example', title=example.title)} — {pick(example.text, example.text_en)}"))
            if example.source:
                lines.append("   " + one_line(colon(t("about.source")) + " " + example.source))
    if about.figures:
        lines += _underlined(t("about.figures"))
        for figure in about.figures:
            measure = one_line(pick(figure.measure, figure.measure_en))
            lines.append(f"- {one_line(figure.value)} {measure} ({figure_year(figure)})")
        if has_missing_year(about):
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


RENDERERS: dict[type[Any], Callable[[Any], str]] = {
    results.AboutKit: lambda r: about_text(r.kit.about),
}
