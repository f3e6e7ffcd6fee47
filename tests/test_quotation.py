"""The guide's « pourquoi » quotes the kit as written, its cuts marked, and labels our summaries as ours."""

from __future__ import annotations

import html
import re

import pytest
from typer.testing import CliRunner

from coconstruct_cli.i18n import set_lang
from coconstruct_cli.model import Document, Kit
from coconstruct_cli.quotation import CUT, gives_line, marked_cuts
from conftest import invoke, spaced, terminal
from test_data_fidelity import SEED, exact, exact_problem

SUMMARIES = ("rex-labo-alsace", "rex-charenton-saint-maurice")


def doc(kit: Kit, id_: str) -> Document:
    return next(d for d in kit.documents if d.id == id_)


def inner(line: str) -> str:
    """The words between the first « and the last »."""
    return line[line.index("«") + 1 : line.rindex("»")].strip()


def test_a_cut_is_marked_where_the_words_start_or_stop_inside_a_sentence() -> None:
    text = "Le benchmark, présentant une cartographie des dispositifs. Il est court."
    cut = spaced  # the mark is held to its words by a non-breaking space
    assert cut(marked_cuts("présentant une cartographie", text)) == f"{CUT} présentant une cartographie {CUT}"
    assert cut(marked_cuts("une cartographie des dispositifs", text)) == f"{CUT} une cartographie des dispositifs"
    assert marked_cuts("Il est court", text) == "Il est court"
    assert marked_cuts("Le benchmark", text) == f"Le benchmark\u00a0{CUT}"
    # Spaces and line breaks do not count; words not in the text are given as they are.
    assert cut(marked_cuts("une  cartographie\ndes dispositifs.", text)) == f"{CUT} une cartographie des dispositifs"
    assert marked_cuts("ailleurs", text) == "ailleurs"


def test_every_pourquoi_quotation_is_the_seed_s_words_with_its_cuts_marked(kit: Kit) -> None:
    """Checked against the seed, not against the description the marks were computed from: where the seed's
    sentence goes on before (or after) the words, the quotation says so with « […] »."""
    seed = exact(SEED.read_text(encoding="utf-8"))
    checked = 0
    for d in kit.documents:
        if not d.gives or d.description_kind != "quote":
            continue
        shown = spaced(gives_line(d))
        assert shown.startswith("Le kit : « ") and shown.endswith(" »."), (d.id, shown)
        quote = inner(shown)
        assert exact_problem(quote, seed, kit) is None, (d.id, quote)
        words = exact(d.gives).rstrip(".")
        at = seed.index(words)
        before, after = seed[:at].rstrip(), seed[at + len(words) :]
        starts_a_sentence = re.search(r"[.!?\-•]$", before) is not None
        ends_a_sentence = re.match(r"\s*([.!?]|[,;]\s*[-•]|$)", after) is not None
        assert quote.startswith(f"{CUT} ") == (not starts_a_sentence), (d.id, quote)
        assert quote.endswith(f" {CUT}") == (not ends_a_sentence), (d.id, quote)
        checked += 1
    assert checked >= 30


@pytest.mark.parametrize(
    ("id_", "opening"),
    [
        ("mooc-alliances-territoires", f"{CUT} le MOOC ESSEC/Le RAMEAU"),
        ("benchmark-animation-territoriale", f"{CUT} une cartographie"),
        ("referentiel-co-construction-territoire", f"{CUT} les questions à se poser"),
        ("fiche-plan-questionnaire-etude", "Un modèle de plan"),
    ],
)
def test_a_quotation_from_mid_sentence_opens_with_the_cut_mark(kit: Kit, id_: str, opening: str) -> None:
    assert inner(spaced(gives_line(doc(kit, id_)))).startswith(opening)


def test_a_summary_of_ours_is_labelled_not_quoted(kit: Kit) -> None:
    for id_ in SUMMARIES:
        d = doc(kit, id_)
        assert d.description_kind == "summary"
        line = spaced(gives_line(d))
        assert line.startswith("Notre résumé : ") and "Le kit" not in line and CUT not in line, line
    set_lang("en")
    line = gives_line(doc(kit, "rex-labo-alsace"))
    assert line == "Our summary: the launch of the Labo régional des partenariats d'Alsace in 2012."


def test_english_quotations_carry_the_translation_mark(kit: Kit) -> None:
    set_lang("en")
    for d in kit.documents:
        if d.gives_en and d.description_kind == "quote":
            line = gives_line(d)
            assert line.startswith("The kit: “") and line.endswith("” (our translation)."), (d.id, line)


@pytest.mark.parametrize("how", ["table", "md", "html", "plain", "json"])
def test_the_plan_labels_the_summary_in_every_view(runner: CliRunner, how: str) -> None:
    """The facilitator who animates, starting from examples, is handed the Alsace report first."""
    args = ["guide", "-r", "animateur", "-g", "animer", "-n", "exemples"]
    if how == "table":
        code, out, err = invoke(runner, *args, console=terminal(width=200))
    elif how == "plain":
        code, out, err = invoke(runner, *args, "--plain")
    else:
        code, out, err = invoke(runner, *args, "--format", how)
    assert code == 0, err
    words = " ".join(html.unescape(out).replace("│", " ").split())
    assert "Notre résumé : le lancement du Labo régional des partenariats d'Alsace en 2012." in words
    assert "Le kit : « le lancement du Labo" not in words
    assert "« le MOOC" not in words and "« un diagnostic permettant" not in words
    # The mark itself reaches the reader (rich markup or an escape does not eat its brackets).
    assert "« […] un diagnostic permettant" in words.replace("\\[", "[").replace("\\]", "]")
