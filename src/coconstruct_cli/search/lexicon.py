"""The words of a search: which carry no meaning, which forms meet, which names are equivalent.

Pure data and functions over folded words (`text.fold`: lower case, no accents). Word forms meet
through their Snowball stem (PyStemmer, a C extension: about 1 ms to import with both stemmers,
well under a microsecond a word), French for French text and, in English, also English over the
`_en` fields. A few rules on top of Snowball, written here because Snowball keeps apart forms that a
reader of the kit takes for one word: see `FRENCH_ENDINGS` and `STEM_OVERRIDES`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that carry no meaning on their own in a query, folded: French articles, prepositions,
# conjunctions, pronouns, question words and the auxiliaries of a question (« comment puis-je
# animer… »), then their English equivalents; and the words a sentence holds whatever its subject (the
# guide's situation: « autour », « besoin », « quelques », « all », « up », « need »). A query made only
# of such words is still searched.
FRENCH_STOP_WORDS = _word_set(
    """
    a au aux d de des du l la le les un une
    apres aupres avant avec chez contre dans depuis en entre par parmi pendant pour sans selon sous sur vers
    car comme donc et mais ni or ou que qu quoi si
    c ca ce ceci cela celle celles celui ceux ces cet cette elle elles eux il ils j je leur leurs lui m ma me mes moi
    mon n ne nos notre nous on s sa se ses son t ta te tes toi ton tu vos votre vous y
    combien comment dont lequel laquelle lesquels lesquelles ou pourquoi quand quel quelle quelles quels qui
    ai as avez avoir avons dois doit doivent est etre es etes faire fait faut ont peut peuvent peux pouvez puis
    sommes sont suis veut veux voudrais voulez voulons souhaite souhaitons souhaitez
    aussi bien encore pas plus tres tout toute toutes tous
    afin autour durant envers hors jusqu jusque lors malgre outre pres via
    ainsi alors autre autres beaucoup chaque deja etc ici meme memes peu plusieurs quelque quelques trop
    besoin aimerais aimerait aimerions aimeriez pourrait pourrions pourriez sais sait savons savez savent voudrait voudrions
    """
)
ENGLISH_STOP_WORDS = _word_set(
    """
    a about among an and are as at be between been by can could do does for from had has have how i if in into is it its
    me my of on or our should so than that the their them there these they this those to us was we
    want wants were what when where which who whom whose why will with would you your
    all also any both each few just more most no nor not now only other others over own same some such too very
    again down further here off once out then under up
    etc first get gets getting got like need needs please
    d don ll m re s t ve
    """
)
STOP_WORDS = FRENCH_STOP_WORDS | ENGLISH_STOP_WORDS

# Derivational endings that Snowball's French stemmer leaves on an adjective and that the noun
# does not have: « territorial » and « territoire », « partenarial » and « partenariat », « régional »
# and « région » meet once the adjective's stem ends like the noun's. (Stems are of folded words.)
FRENCH_ENDINGS: tuple[tuple[str, str], ...] = (
    ("orial", "oir"),  # territorial -> territoir (territoire)
    ("arial", "ariat"),  # partenarial -> partenariat
    ("ional", "ion"),  # regional -> region
)

# Folded words whose Snowball stem would join another family, or miss their own: « former » (to
# train, as in « Se former ») stems like « forme » (a form of co-construction) but belongs with
# « formation ».
STEM_OVERRIDES: dict[str, str] = {
    "former": "format",
    "formez": "format",
    "formons": "format",
}

FRENCH_EQUIVALENTS: tuple[tuple[str, ...], ...] = (
    # The kit says « pouvoirs publics », « collectivités territoriales », and tells of one
    # « communauté de communes » (Charenton Saint Maurice); readers say « collectivité ».
    ("collectivité", "collectivités territoriales", "pouvoirs publics", "communauté de communes"),
    # « RSE » is named once (the diagnostic « RSE & Partenariats »); the note says « entreprise responsable ».
    ("RSE", "responsabilité sociétale des entreprises", "entreprise responsable"),
    ("association", "secteur associatif", "ONG"),
    # The guide for companies calls employees' volunteering « engagement associatif des salariés ».
    ("bénévolat", "engagement associatif"),
    ("comité de pilotage", "COPIL"),
    ("retour d'expérience", "REX"),
    ("ESS", "économie sociale et solidaire"),
    # The two MOOCs are the kit's training (« Se former »).
    ("formation", "se former", "MOOC", "cours en ligne"),
    # The kit's own words (annexes 2 and 3): the first form is also called « l'animation du territoire »,
    # the second « l'accompagnement des organisations ».
    ("dialogue territorial", "animation du territoire"),
    ("partenariats entre organisations", "accompagnement des organisations"),
    # The Silver Geek experiment's solution is « pour les seniors »; readers also say « personnes âgées ».
    ("seniors", "personnes âgées", "aînés"),
)
"""Names that the kit and its French readers use differently.

Each row is a group of names for one thing: a query naming one of them also finds the others, with
a lower score than the name typed. Equivalences only: every row names something the seed talks
about, and no row brings a word the kit would then seem to say. A name of several words matches
those words side by side (small words between them allowed), each in any of its forms
(« collectivités territoriales »); its small words (« de », « se ») are not required.
"""

ENGLISH_EQUIVALENTS: tuple[tuple[str, ...], ...] = (
    ("local authority", "public authorities", "local government"),
    ("CSR", "corporate social responsibility", "responsible company"),
    ("non-profit", "association", "voluntary sector", "NGO", "charity"),
    ("volunteering", "employee engagement"),
    ("steering committee", "COPIL"),
    ("training", "MOOC", "online course"),
    ("business", "company", "firm"),
    # The Silver Geek experiment's solution is « pour les seniors »; readers also say « older people ».
    ("seniors", "older people", "elderly"),
)
"""The same for the English fields (`title_en`, `description_en`), used with `--lang en` only."""

EQUIVALENTS = FRENCH_EQUIVALENTS + ENGLISH_EQUIVALENTS


def equivalents(english: bool) -> tuple[tuple[str, ...], ...]:
    """The groups of equivalent names searched: French ones, and English ones too when `english`."""
    return EQUIVALENTS if english else FRENCH_EQUIVALENTS


@lru_cache(maxsize=2)
def _stemmer(language: str) -> Callable[[str], str]:
    import Stemmer  # type: ignore[import-not-found,unused-ignore]

    stem: Callable[[str], str] = Stemmer.Stemmer(language).stemWord
    return stem


@lru_cache(maxsize=65536)
def french_key(word: str) -> str:
    """The key under which the French forms of a folded word meet (« animation », « animer » -> anim)."""
    override = STEM_OVERRIDES.get(word)
    if override is not None:
        return override
    stem = _stemmer("french")(word)
    # Folded « évaluée » keeps an « e » that the accented word would not (« évalu »).
    if len(stem) > 3 and stem.endswith("e"):
        stem = stem[:-1]
    for ending, replacement in FRENCH_ENDINGS:
        if stem.endswith(ending) and len(stem) > len(ending) + 2:
            return stem[: -len(ending)] + replacement
    return stem


@lru_cache(maxsize=65536)
def english_key(word: str) -> str:
    """The key under which the English forms of a folded word meet (« facilitating » -> facilit)."""
    return str(_stemmer("english")(word))


def keys(word: str, english: bool) -> tuple[str, ...]:
    """The keys of a folded word: French, and English too when `english`."""
    return (french_key(word), english_key(word)) if english else (french_key(word),)


def same_family(a: str, b: str, english: bool) -> bool:
    """True when two folded words are forms of one word (in French; or in English when `english`)."""
    if french_key(a) == french_key(b):
        return True
    return english and english_key(a) == english_key(b)
