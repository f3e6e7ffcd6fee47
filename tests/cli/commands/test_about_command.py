"""`kit about`: a faithful short introduction to the kit, from the seed and nothing beyond it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from coconstruct_cli.errors import ExitCode
from coconstruct_cli.i18n import MESSAGES, set_lang
from coconstruct_cli.model import Kit
from coconstruct_cli.render.plain import about_text
from coconstruct_cli.render.table import about_panels
from conftest import invoke, spaced


def contains(whole: Any, part: Any) -> bool:
    """Whether `whole` holds every field and item of `part` (and maybe defaults `part` leaves out)."""
    if isinstance(part, dict):
        return isinstance(whole, dict) and all(k in whole and contains(whole[k], v) for k, v in part.items())
    if isinstance(part, list):
        return isinstance(whole, list) and len(whole) == len(part) and all(map(contains, whole, part))
    return bool(whole == part)


def test_json_is_the_kit_s_about_object(runner: CliRunner, kit_data: dict[str, Any], kit: Kit) -> None:
    code, out, err = invoke(runner, "about", "--format", "json", raw=True)
    assert code == 0 and err == ""
    about = json.loads(out)
    assert about == kit.about.model_dump(mode="json")
    assert contains(about, kit_data["about"])  # everything the kit file says, as it says it
    assert [f["year"] for f in about["figures"]].count(None) == 3  # 69 %, 53 % and 37 %: the seed dates them not


def test_markdown_reads_as_the_kit_s_introduction(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "about", "--format", "md")
    assert code == 0
    headings = [line for line in out.splitlines() if line.startswith("#")]
    assert headings == [
        "# Kit « co-construction territoriale »",
        "## Les objectifs du kit",
        "## Les formes de la co-construction territoriale",
        "### Le dialogue territorial",
        "### Les partenariats entre organisations",
        "### Les expérimentations collectives",
        "## Chiffres clés",
        "## Comment le kit est né",
        "### Des expérimentations en territoire",
        "### Des études quantitatives et qualitatives",
        "### Des groupes de réflexion prospectifs",
        "### Une communauté d'acteurs : la communauté des pionniers des alliances",
        "## Qui porte le kit",
        "## Le kit dit aussi, mot pour mot",
        "## Ce que la source ne contient pas",
    ]
    assert re.search(r"^1\. Comprendre les enjeux", out, re.M) and re.search(r"^3\. Innover", out, re.M)
    for example in ("Charenton Saint Maurice", "SUEZ Eaux Grand Est et ADEIS", "Silver Geek"):
        assert f"**Exemple : {example}**" in out
    # Issue 22, items 5 and 7: only the order of two lists ties an action to a form: a reading, marked, with
    # its phrase (and no « Aussi appelée » to agree with a masculine or plural name).
    assert (
        "**Action du même rang parmi les « 3 formes complémentaires d'actions » (notre lecture)** : "
        "L'animation du territoire pour sensibiliser et créer les rencontres entre acteurs"
    ) in out
    assert "Aussi appel" not in out
    assert "- 1,2 million de partenariats en France (2015)" in out
    assert "- 69 % des Français considèrent" in out and "sociétales (—)" in out
    assert "*— : année non précisée par la source.*" in out
    # The research the kit plainly is points to its document, and a footnote's link is a link.
    assert (
        "Le programme PHARE de l'Observatoire des partenariats — Documents du kit rapprochés de ce travail"
        " (notre lecture) : `kit show etudes-phare`"
    ) in out
    assert "issus de ce travail" not in out
    assert "<http://collectifsilvergeek.tumblr.com/>" in out
    assert "CGET" in out and "depuis 2008" in out


def test_the_gaps_are_shown_not_filled(runner: CliRunner, kit: Kit) -> None:
    code, out, _ = invoke(runner, "about")
    assert code == 0
    gaps = out.split("Ce que la source ne contient pas", 1)[1]
    assert "9 modalités de partenariats autour de 4 grandes catégories" in gaps
    assert "« Les 4 dimensions de l'animation territoriale sur la co-construction »" in gaps
    assert "ce programme ne les invente pas" in gaps
    assert len(kit.about.gaps) == 3 and all(spaced(g) in out for g in kit.about.gaps)


def _about_texts(kit: Kit) -> list[str]:
    a = kit.about
    texts: list[str] = [a.title, a.publisher, a.summary, *a.objectives, a.genesis or "", a.partners or "", *a.gaps]
    texts += [a.intended_for or "", *a.objectives_in_contents]
    texts += [f"«\u00a0{passage}\u00a0»" for passage in a.passages]  # the kit's words, quoted
    for form in a.forms:
        example = form.example
        texts += [form.title, form.also_named or "", form.definition, example.title, example.text, example.source or ""]
        texts += [text for link in example.see_also for text in (link.label, link.url, "http://")]
        for ref in form.references:
            texts += [ref.quote, ref.where or "", *(f"kit show {d}" for d in ref.documents)]
    for figure in a.figures:
        texts += [figure.value, figure.measure, str(figure.year or ""), figure.scope or ""]
    for work in a.research:
        texts += [work.title, *work.items]
        texts += [f"kit show {d}" for entry in work.entries for d in entry.documents]
    return texts


def test_nothing_beyond_the_seed(runner: CliRunner, kit: Kit) -> None:
    """Once the kit's own texts and the program's labels are taken out, only numbering and punctuation remain."""
    code, out, _ = invoke(runner, "about")
    assert code == 0
    labels = [
        piece for key, (fr, _) in MESSAGES.items() if key.startswith(("about.", "label.")) for piece in re.split(r"\{\w+\}", fr)
    ]
    rest = out
    for text in sorted([*_about_texts(kit), *labels], key=len, reverse=True):
        if text.strip():
            rest = rest.replace(spaced(text), " ")
    assert re.fullmatch(r"[\s\-—.:()0-9]*", rest), rest


def test_english_uses_the_english_fields(runner: CliRunner, kit: Kit) -> None:
    code, out, _ = invoke(runner, "about", "--lang", "en", "--format", "md")
    assert code == 0
    assert "## The kit's objectives" in out
    assert "1. Understand the issues" in out
    assert "### Territorial dialogue" in out
    assert "**Example: Silver Geek (translation)**" in out
    assert "The kit is written in French; its texts are translated here" in out
    # a passage quoted for the documents it names: the translation, then the kit's own words
    assert "(translation) — the kit's text: « Pour de plus amples exemples" in out
    assert "of French people consider" in out
    assert "## What the source does not contain" in out
    assert kit.about.gaps_en[0].split(" (")[0] in out.replace("\\(", "(")


def test_piped_is_plain_text(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "about")
    assert code == 0
    assert "\x1b" not in out and "╭" not in out
    assert out.startswith("Kit « co-construction territoriale »\nPublié par Le RAMEAU\n")
    assert "\nLes objectifs du kit\n--------------------\n1. Comprendre" in out


def test_csv_is_not_a_format_of_about(runner: CliRunner) -> None:
    code, out, err = invoke(runner, "about", "--format", "csv")
    assert code == ExitCode.USAGE and out == ""
    assert "table, md, json, html" in err


def test_html_page(runner: CliRunner, kit: Kit) -> None:
    code, out, _ = invoke(runner, "about", "--format", "html")
    assert code == 0
    assert '<a href="http://collectifsilvergeek.tumblr.com/">' in out and "<code>kit show etudes-phare</code>" in out
    assert out.startswith("<!DOCTYPE html>") and spaced(kit.about.gaps[0]) in out.replace("&#x27;", "'")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_panels_on_a_terminal(kit: Kit, lang: str) -> None:
    from rich.console import Console

    set_lang("fr" if lang == "fr" else "en")
    console = Console(width=120, record=True, force_terminal=True)
    console.print(about_panels(kit.about))
    shown = console.export_text()
    assert "╭─ Kit «\u00a0co-construction territoriale\u00a0»" in shown  # French spaces in kit text too
    assert ("Publié par Le RAMEAU" if lang == "fr" else "Published by Le RAMEAU") in shown
    # summary, objectives, forms, figures, genesis, partners, passages, gaps: as Markdown
    assert shown.count("╭─") == 8
    assert ("1,2 million" if lang == "fr" else "1.2 million") in shown and "2015" in shown


def test_kit_text_is_never_markup(write_kit: Any, runner: CliRunner) -> None:
    from rich.console import Console

    from coconstruct_cli.loader import load_kit

    def edit(data: dict[str, Any]) -> None:
        data["about"]["summary"] = "[bold]pas du balisage[/bold] \x1b[2J"
        data["about"]["objectives"] = ["[red]un[/red]"]

    kit = load_kit(write_kit(edit))
    console = Console(width=120, record=True, force_terminal=True)
    console.print(about_panels(kit.about))
    shown = console.export_text()
    assert "[bold]pas du balisage[/bold]" in shown and "[red]un[/red]" in shown
    assert "\x1b" not in about_text(kit.about)


def test_a_kit_with_a_bare_about(write_kit: Any, runner: CliRunner) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["about"] = {"title": "Petit kit", "publisher": "Moi", "summary": "Un résumé."}

    path = write_kit(edit)
    for fmt in ("table", "md", "json"):
        code, out, _ = invoke(runner, "about", "--kit", str(path), "--format", fmt)
        assert code == 0 and "Petit kit" in out
    code, out, _ = invoke(runner, "about", "--kit", str(path))
    assert "Chiffres clés" not in out and "Ce que la source" not in out


def test_english_marks_the_french_source_title_and_names_the_program(runner: CliRunner) -> None:
    """Issue 22, item 8: the footnote's French title is quoted and marked; « this program », not « the kit »."""
    code, out, _ = invoke(runner, "about", "--lang", "en")
    assert code == 0
    assert "Source (French title): « Retour d'expérience d'Agir ensemble à Charenton Saint Maurice" in out
    assert "Source: Retour" not in out
    assert "this program does not make them up" in out and "the kit does not make them up" not in out
    code, out, _ = invoke(runner, "about")
    assert code == 0
    assert "Source : Retour d'expérience d'Agir ensemble" in out  # French: the kit's own words, as before


@pytest.mark.parametrize(
    "words",
    [
        "en moins de dix ans, les alliances stratégiques sont devenues un profond levier de transformation des organisations",
        "Ils réclament un « devoir d'alliances » auquel ils souhaitent être associés",
        "3 formes complémentaires d'actions",
        "création d'un écosystème favorable aux alliances",
        "deux enseignements clés",
        "Existe-t-il un cadre commun",
        "4 natures de documents",
        "La boîte à outils, afin de disposer des outils nécessaires à la mise en pratique.",
        "Guide pratique sur les partenariats (ORSE – Le RAMEAU, décembre 2012)",
    ],
)
def test_about_says_what_the_kit_says_word_for_word(runner: CliRunner, kit: Kit, words: str) -> None:
    """Issue 22, item 7: the lead, the « devoir d'alliances », the ecosystem, the four natures, annex 2's and
    annex 3's framings and footnote 4 are in `kit about`, each passage exactly as the seed writes it."""
    code, out, _ = invoke(runner, "about")
    assert code == 0
    assert spaced(words) in out
    seed = (Path(__file__).resolve().parents[2] / "fixtures" / "seed.txt").read_text(encoding="utf-8")
    seed = seed.replace("**", "")
    assert all(passage in seed for passage in kit.about.passages)
    assert len(kit.about.passages_en) == len(kit.about.passages)


def test_about_s_link_captions_are_the_seed_s_words_and_marked_in_english(runner: CliRunner, kit: Kit) -> None:
    """Footnotes 3 and 5 as the seed writes them (a colon only in footnote 3); in English their translation
    is marked as one, as `kit show` marks it."""
    code, out, _ = invoke(runner, "about")
    assert code == 0
    out = " ".join(out.split())
    assert spaced("partenariats d'Alsace : www.lalabo-partenariats.org") in out
    assert "menée en partenariat avec Le RAMEAU, voir http://collectifsilvergeek.tumblr.com/" in out
    code, out, _ = invoke(runner, "about", "--lang", "en")
    assert code == 0
    out = " ".join(out.split())
    assert "partenariats d'Alsace (translation): www.lalabo-partenariats.org" in out
    assert "in partnership with Le RAMEAU, see (translation) http://collectifsilvergeek.tumblr.com/" in out


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("fr", "Annexe 3, note 4 : Guide pratique sur les partenariats (ORSE – Le RAMEAU, décembre 2012)"),
        ("fr", "Annexe 3, note 2 : Guide « construire ensemble » (MEDEF – Le RAMEAU, avril 2014)"),
        ("en", "Annex 3, footnote 4: Practical guide on partnerships (ORSE – Le RAMEAU, December 2012) (translation)"),
        ("en", "Annex 3, footnote 2: « construire ensemble » guide (MEDEF – Le RAMEAU, April 2014) (translation)"),
    ],
)
def test_about_says_where_each_footnote_it_quotes_comes_from(runner: CliRunner, kit: Kit, lang: str, said: str) -> None:
    """Issue 22: footnote 4 was quoted among the passages with nothing to say it is annex 3's note 4; each
    footnote is told with its place, beside the sentence that calls it, as `kit show` tells it."""
    code, out, _ = invoke(runner, "about", "--lang", lang)
    assert code == 0
    assert spaced(said) in " ".join(out.split())
    assert not any("décembre 2012" in passage for passage in kit.about.passages)


def test_about_in_a_pipe_has_french_spaces_in_the_kit_s_text_too(kit: Kit) -> None:
    """`kit about | less` may wrap a paragraph: the kit's « » and colons keep their no-break spaces."""
    text = about_text(kit.about)
    assert "la «\u00a0co-construction territoriale\u00a0» pour permettre" in text
    assert "partenariats d'Alsace\u00a0: www.lalabo-partenariats.org" in text
    assert " :" not in text and "« " not in text


@pytest.mark.parametrize("fmt", ["table", "md", "html"])
def test_english_says_the_kit_s_texts_are_translated_before_the_first_of_them(runner: CliRunner, fmt: str) -> None:
    """The summary (the kit's own sentence, translated) came before the note that says so."""
    code, out, _ = invoke(runner, "about", "--lang", "en", "--format", fmt)
    assert code == 0
    out = " ".join(out.split())
    assert out.index("The kit is written in French; its texts are translated here") < out.index("Convinced of the added value")
