"""The message catalogue: every text the program itself writes, in French and English.

French is the kit's own language and the default; English is chosen with `--lang en`, `KIT_LANG=en`
or an English locale. Kit content has its own `_en` fields and does not live here.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from contextvars import ContextVar
from typing import Literal

from .text import french_spaces

Lang = Literal["fr", "en"]
LANGS: tuple[Lang, ...] = ("fr", "en")

# The language of this run: chosen once, at the CLI's boundary (`cli.app.KitGroup.make_context`), and read
# by every text written during the run. A context variable rather than a plain global, so that a test or a
# thread that changes it does not leak into another.
_lang: ContextVar[Lang] = ContextVar("kit_lang", default="fr")


def detect(env: Mapping[str, str] | None = None) -> Lang:
    """Language from KIT_LANG, then the locale (LC_ALL, LC_MESSAGES, LANG); French otherwise."""
    env = os.environ if env is None else env
    explicit = env.get("KIT_LANG", "").strip().lower()
    if explicit in LANGS:
        return explicit
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else "fr"
    return "fr"


def parse_lang(value: str | None) -> Lang | None:
    """`value` as a language we have (« EN », « fr »), None otherwise."""
    key = (value or "").strip().lower()
    return key if key in LANGS else None


def choose_language(args: list[str], env: dict[str, str] | None = None) -> Lang:
    """The language of a run: `--lang X` (or `--lang=X`) anywhere on its line, else KIT_LANG, else the locale.

    Looked for before click parses anything, so that its usage errors and help pages are in it too.
    """
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = args[i + 1] if arg == "--lang" and i + 1 < len(args) else arg.partition("=")[2]
        if arg == "--lang" or arg.startswith("--lang="):
            lang = parse_lang(value)
            if lang is not None:
                return lang
    return detect(env)


def set_lang(lang: Lang) -> None:
    """Choose the language of the run (the CLI's boundary does it once; tests do it too)."""
    _lang.set(lang)


def get_lang() -> Lang:
    return _lang.get()


def t(key: str, /, **params: object) -> str:
    """The message `key` in the current language, formatted with `params`.

    A message with plural forms is written as two keys, `key.one` and `key.other`; `count` chooses
    between them by the rule of the language (French: 0 and 1 are singular; English: 1 only).
    """
    return message(_lang.get(), key, **params)


def message(lang: Lang, key: str, /, **params: object) -> str:
    """`t` in the language `lang` rather than the run's: shell completion answers in the language written
    on the line being completed, which no run has chosen."""
    if key not in MESSAGES and "count" in params:
        key = f"{key}.{plural_form(params['count'], lang)}"
    fr, en = MESSAGES[key]
    template = en if lang == "en" else french_spaces(fr)
    return template.format(**params) if params else template


def has(key: str) -> bool:
    """Whether the catalogue holds `key`: for a key built from data (« goal.{id} »), which may have none."""
    return key in MESSAGES


def plural_form(count: object, lang: Lang | None = None) -> str:
    """« one » or « other » for `count` in `lang` (the current language by default)."""
    number = count if isinstance(count, int) else 2
    if (lang or _lang.get()) == "fr":
        return "one" if abs(number) < 2 else "other"
    return "one" if number == 1 else "other"


def colon(label: str) -> str:
    """« Label : » in French (a non-breaking space before the colon), « Label: » in English."""
    return f"{label}\u00a0:" if _lang.get() == "fr" else f"{label}:"


def os_reason(exc: BaseException) -> str:
    """Why the system refused, in the current language (the C library's words otherwise)."""
    import errno

    names = {errno.ENOENT: "os.ENOENT", errno.EACCES: "os.EACCES", errno.EPERM: "os.EACCES",
             errno.EISDIR: "os.EISDIR", errno.ENOTDIR: "os.ENOTDIR", errno.ENOSPC: "os.ENOSPC",
             errno.EROFS: "os.EROFS", errno.EEXIST: "os.EEXIST"}  # fmt: skip
    code = getattr(exc, "errno", None)
    if code in names:
        return t(names[code])
    return str(getattr(exc, "strerror", None) or exc)


def pick(fr: str, en: str | None) -> str:
    """Kit content in the current language: the English field when there is one."""
    return en if _lang.get() == "en" and en else fr


MESSAGES: dict[str, tuple[str, str]] = {
    # about: `kit about`: the kit in brief, its sections and figures
    "about.also_named": (
        "Action du même rang parmi les « 3 formes complémentaires d'actions » (notre lecture)",
        "Action of the same rank among the « 3 formes complémentaires d'actions » (three complementary forms of"
        " action; our reading)",
    ),
    "about.definition": ("Définition", "Definition"),
    "about.documents": ("Dans le kit", "In the kit"),
    "about.example": ("Exemple : {title}", "Example: {title}"),
    "about.figure_year": ("en {year}", "in {year}"),
    "about.figures": ("Chiffres clés", "Key figures"),
    "about.forms": ("Les formes de la co-construction territoriale", "The forms of territorial co-construction"),
    "about.gaps": ("Ce que la source ne contient pas", "What the source does not contain"),
    "about.gaps_note": (
        "Ces éléments sont mentionnés par la source sans leur détail : ce programme ne les invente pas.",
        "The source mentions these without their detail: this program does not make them up.",
    ),
    "about.genesis": ("Comment le kit est né", "How the kit came about"),
    "about.no_year": ("— : année non précisée par la source.", "— : year not given by the source."),
    "about.objectives": ("Les objectifs du kit", "The kit's objectives"),
    "about.objectives_in_contents.one": (
        "La table des contenus du kit en donne un autre :",
        "The kit's table of contents gives another one:",
    ),
    "about.objectives_in_contents.other": (
        "La table des contenus du kit en donne {count}, autrement formulés :",
        "The kit's table of contents gives {count}, worded otherwise:",
    ),
    "about.partners": ("Qui porte le kit", "Who carries the kit"),
    "about.passages": ("Le kit dit aussi, mot pour mot", "The kit also says, word for word"),
    "about.publisher": ("Publié par {publisher}", "Published by {publisher}"),
    "about.research": ("Les travaux de recherche", "The research work"),
    "about.source": ("Source", "Source"),
    "about.source_fr": ("Source", "Source (French title)"),
    "about.translated": (
        "Le kit est écrit en français ; ses textes sont ici traduits (--lang fr montre ses propres mots).",
        "The kit is written in French; its texts are translated here (--lang fr shows its own words).",
    ),
    # arg: the arguments a missing-argument error names
    "arg.doc_id": ("le document", "the document"),
    "arg.path_name": ("le parcours", "the path"),
    "arg.search_query": ("les mots à chercher", "the words to search for"),
    "arg.see_list": (
        "Les identifiants sont dans kit list (ou PARCOURS:N, par exemple understand:1).",
        "The ids are in kit list (or PATH:N, for example understand:1).",
    ),
    "arg.validate_file": ("le fichier de kit à vérifier", "the kit file to check"),
    "arg.values": ("Valeurs possibles : {values}.", "Valid values: {values}."),
    # click: the words click writes by itself: help pages and usage errors (cli/click_text.py)
    "click.arguments": ("Arguments :", "Arguments:"),
    "click.bad_value": ("Valeur invalide pour {name} : {reason}.", "Invalid value for {name}: {reason}."),
    "click.commands": ("Commandes :", "Commands:"),
    "click.default": ("par défaut : {value}", "default: {value}"),
    "click.envvar": ("variable d'environnement : {name}", "env var: {name}"),
    "click.examples": ("Exemples :", "Examples:"),
    "click.extra_arguments.one": ("Argument en trop\u00a0: «\u00a0{args}\u00a0».", "Unexpected extra argument: '{args}'."),
    "click.extra_arguments.other": ("Arguments en trop\u00a0: «\u00a0{args}\u00a0».", "Unexpected extra arguments: '{args}'."),
    "click.help_hint": (" Aide : {command}.", " Help: {command}."),
    "click.help_option": ("Affiche cette aide et quitte.", "Show this message and exit."),
    "click.missing_argument": ("Argument manquant : {name}.", "Missing argument: {name}."),
    "click.missing_command": ("Commande manquante ; les commandes : {names}.", "Missing command; the commands: {names}."),
    "click.missing_named": ("Argument manquant : {name} ({what}).", "Missing argument: {name} ({what})."),
    "click.missing_option": ("Option obligatoire manquante : {name}.", "Missing option: {name}."),
    "click.needs_value": ("L'option {name} attend une valeur.", "Option {name} needs a value."),
    "click.options": ("Options :", "Options:"),
    "click.path_is_dir": ("« {path} » est un dossier", "'{path}' is a folder"),
    "click.path_is_file": ("« {path} » est un fichier", "'{path}' is a file"),
    "click.path_missing": ("« {path} » n'existe pas", "'{path}' does not exist"),
    "click.path_unreadable": ("« {path} » ne peut pas être lu", "'{path}' cannot be read"),
    "click.path_unwritable": ("« {path} » ne peut pas être écrit", "'{path}' cannot be written"),
    "click.required": ("obligatoire", "required"),
    "click.subcommand_metavar": ("COMMANDE [ARGUMENTS]…", "COMMAND [ARGS]…"),
    "click.takes_no_value": ("L'option {name} ne prend pas de valeur.", "Option {name} does not take a value."),
    "click.usage": ("Utilisation :", "Usage:"),
    # col: table and spreadsheet column headers
    "col.aliases": ("Alias", "Aliases"),
    "col.audiences": ("Publics", "Audiences"),
    "col.authors": ("Auteurs", "Authors"),
    "col.authors_year": ("Auteurs, année", "Authors, year"),
    "col.category": ("Catégorie", "Category"),
    "col.date": ("Date", "Date"),
    "col.documents": ("Documents", "Documents"),
    "col.for_you": ("Pour vous", "For you"),
    "col.id": ("Identifiant", "Id"),
    "col.kind": ("Nature", "Kind"),
    "col.lookup": ("Pour le chercher", "To look it up"),
    "col.match": ("Trouvé dans", "Matched in"),
    "col.notes": ("Notes", "Notes"),
    "col.number": ("N°", "No."),
    "col.parts": ("Contenu (notre découpage)", "Parts (our breakdown)"),
    "col.paths": ("Parcours", "Paths"),
    "col.subcategory": ("Sous-catégorie", "Subcategory"),
    "col.title": ("Titre", "Title"),
    "col.title_fr": ("Titre (français)", "Title (French)"),
    "col.why": ("Pourquoi", "Why"),
    "col.year": ("Année", "Year"),
    # completion: shell completion: installing and showing its script
    "completion.install_help": (
        "Installe la complétion pour le shell nommé (bash, zsh ou fish), sinon pour le shell courant.",
        "Install completion for the shell named (bash, zsh or fish), else for the current shell.",
    ),
    "completion.installed": ("Complétion {shell} installée dans {path}.", "{shell} completion installed in {path}."),
    "completion.no_shell": (
        "Votre shell n'est pas reconnu\u00a0; nommez-le\u00a0: {command} bash, {command} zsh ou {command} fish.",
        "Your shell was not recognised; name it: {command} bash, {command} zsh or {command} fish.",
    ),
    "completion.not_installed": (
        "La complétion n'est pas installée\u00a0;\u00a0«\u00a0{command}\u00a0» affiche le script, à placer vous-même.",
        "Completion is not installed; '{command}' prints the script, to place yourself.",
    ),
    "completion.restart": ("Elle prendra effet dans un nouveau terminal.", "It takes effect in a new terminal."),
    "completion.show_help": (
        "Affiche le script de complétion du shell nommé (bash, zsh ou fish), sinon du shell courant, "
        "pour le copier ou l'installer à votre façon.",
        "Print the completion script of the shell named (bash, zsh or fish), else of the current shell, "
        "to copy it or install it your way.",
    ),
    "completion.unknown_shell": (
        "Shell inconnu\u00a0:\u00a0«\u00a0{shell}\u00a0»\u00a0; kit complète bash, zsh et fish.",
        "Unknown shell: '{shell}'; kit completes bash, zsh and fish.",
    ),
    # err: errors: the one sentence a failed run ends with
    "err.answers_invalid": (
        '{path} n\'est pas un plan enregistré par kit guide --format json (attendu : {{"answers": {{"role": …, "goal": …}}}}).',
        '{path} is not a plan saved by kit guide --format json (expected: {{"answers": {{"role": …, "goal": …}}}}).',
    ),
    "err.answers_missing": ("Fichier de réponses introuvable : {path}.", "Answers file not found: {path}."),
    "err.answers_unreadable": (
        "Impossible de lire le fichier de réponses {path} : {reason}.",
        "Cannot read answers file {path}: {reason}.",
    ),
    "err.binary_terminal": (
        "Le format xlsx est un fichier de tableur, pas du texte pour le terminal : ajoutez -o FICHIER.xlsx.",
        "The xlsx format is a spreadsheet file, not text for the terminal: add -o FILE.xlsx.",
    ),
    "err.did_you_mean": (" Vouliez-vous dire : {names} ?", " Did you mean: {names}?"),
    "err.empty_query": (
        "La recherche « {query} » ne contient aucun mot : donnez au moins un mot (ex. kit search territoire).",
        "The search '{query}' holds no word: give at least one word (e.g. kit search territoire).",
    ),
    "err.filename_dir": ("{path} est un dossier : donnez un nom de fichier.", "{path} is a folder: give a file name."),
    "err.filename_empty": ("Donnez un nom de fichier.", "Give a file name."),
    "err.filename_folder": ("Le dossier {path} n'existe pas.", "Folder {path} does not exist."),
    "err.filename_home": ("Dossier personnel inconnu : {path}.", "Unknown home folder: {path}."),
    "err.filename_long": (
        "Nom trop long : au plus {limit} octets pour un nom de fichier.",
        "Name too long: at most {limit} bytes for a file name.",
    ),
    "err.filename_nul": ("Un nom de fichier ne peut pas contenir de caractère nul.", "A file name cannot hold a NUL character."),
    "err.filename_unusable": ("Nom inutilisable ({path}) : {reason}.", "Unusable name ({path}): {reason}."),
    "err.format_extension": (
        "Le format « {format} » ne correspond pas au nom {path}, qui annonce du {named} : changez l'un ou l'autre "
        "(ou retirez --format : l'extension choisit le format).",
        "Format '{format}' does not match the name {path}, which says {named}: change one or the other "
        "(or drop --format: the extension chooses the format).",
    ),
    "err.guide_no_terminal": (
        "Il manque {missing}, et il n'y a pas de terminal pour poser la question : "
        "donnez --role et --goal (ex. kit guide --role entreprise --goal accompagner).",
        "Missing {missing}, and there is no terminal to ask: "
        "give --role and --goal (e.g. kit guide --role company --goal support).",
    ),
    "err.incompatible": (
        "kit ne fonctionne pas avec {package} {version}, installé ici ({missing} manque ou a changé) : il est testé "
        "avec {package} {low} à {high} ; installez-en une de ces versions (pip install '{package}{bounds}').",
        "kit does not work with the {package} {version} installed here ({missing} is missing or changed): it is "
        "tested with {package} {low} to {high}; install one of those (pip install '{package}{bounds}').",
    ),
    "err.internal": (
        "Erreur interne inattendue ({error}) : relancez avec KIT_DEBUG=1 pour le détail, et signalez-la.",
        "Unexpected internal error ({error}): run again with KIT_DEBUG=1 for the details, and report it.",
    ),
    "err.interrupted": ("Interrompu", "Interrupted"),
    "err.kit_encoding": (
        "Le fichier de kit {path} n'est pas en UTF-8 (ligne {line}, colonne {column}).",
        "Kit file {path} is not UTF-8 (line {line}, column {column}).",
    ),
    "err.kit_invalid_many": (
        "Le fichier de kit {path} n'est pas valide ({count} problèmes) :",
        "Kit file {path} is not valid ({count} problems):",
    ),
    "err.kit_invalid_one": (
        "Le fichier de kit {path} n'est pas valide (un problème) :",
        "Kit file {path} is not valid (one problem):",
    ),
    "err.kit_is_dir": ("{path} est un dossier, pas un fichier de kit.", "{path} is a folder, not a kit file."),
    "err.kit_json": (
        "Le fichier de kit {path} n'est pas du JSON valide (ligne {line}, colonne {column}) : {detail}.",
        "Kit file {path} is not valid JSON (line {line}, column {column}): {detail}.",
    ),
    "err.kit_missing": ("Fichier de kit introuvable : {path}.", "Kit file not found: {path}."),
    "err.kit_unreadable": (
        "Impossible de lire le fichier de kit {path} : {reason}.",
        "Cannot read kit file {path}: {reason}.",
    ),
    "err.lang": ("Langue inconnue : « {value} » (fr ou en).", "Unknown language: '{value}' (fr or en)."),
    "err.no_home": (
        "Le dossier {path} n'existe pas (HOME ou ZDOTDIR).",
        "The folder {path} does not exist (HOME or ZDOTDIR).",
    ),
    "err.no_paths": (
        "Ce kit n'a aucun parcours de lecture : le guide ne peut pas proposer de plan.",
        "This kit has no reading path: the guide cannot suggest a plan.",
    ),
    "err.output_encoding": (
        "Impossible d'écrire {path} : le texte contient des caractères qui ne sont pas de l'Unicode valide.",
        "Cannot write {path}: the text holds characters that are not valid Unicode.",
    ),
    "err.output_exists": (
        "Le fichier {path} existe déjà ; ajoutez --force pour le remplacer.",
        "File {path} already exists; add --force to replace it.",
    ),
    "err.output_is_dir": ("{path} est un dossier : donnez un nom de fichier.", "{path} is a folder: give a file name."),
    "err.output_name_too_long": (
        "Le nom de fichier {name} est trop long ({size} octets, au plus {limit}).",
        "File name {name} is too long ({size} bytes, at most {limit}).",
    ),
    "err.output_no_folder": (
        "Impossible d'écrire {path} : le dossier {folder} n'existe pas.",
        "Cannot write {path}: folder {folder} does not exist.",
    ),
    "err.output_special": (
        "{path} n'est pas un fichier ordinaire (périphérique, tube ou socket) : "
        "--force ne remplace que des fichiers et des liens symboliques.",
        "{path} is not a regular file (a device, pipe or socket): --force replaces only files and symbolic links.",
    ),
    "err.output_trailing_slash": (
        "{path} finit par « / » et désigne donc un dossier : donnez un nom de fichier.",
        "{path} ends with '/' and so names a folder: give a file name.",
    ),
    "err.output_write": ("Impossible d'écrire {path} : {reason}.", "Cannot write {path}: {reason}."),
    "err.path_number": (
        "Pas de document n° {value} dans le parcours « {path} » : il en a {count}, numérotés de 1 à {count} (kit path {path}).",
        "No document no. {value} in path '{path}': it has {count}, numbered 1 to {count} (kit path {path}).",
    ),
    "err.prefix": ("Erreur", "Error"),
    "err.progress_actions": (
        "--where, --import et --reset ne vont pas ensemble : un seul à la fois.",
        "--where, --import and --reset do not go together: one at a time.",
    ),
    "err.reset_no_terminal": (
        "« kit progress --reset » demande confirmation : ajoutez --yes pour l'exécuter sans terminal.",
        "'kit progress --reset' asks first: add --yes to run it without a terminal.",
    ),
    "err.see_list": (" La liste des documents : kit list.", " The list of documents: kit list."),
    "err.situation_long": (
        "Quelques mots suffisent : au plus {limit} caractères.",
        "A few words will do: at most {limit} characters.",
    ),
    "err.stdout": (
        "Le résultat n'a pas pu être écrit sur la sortie standard : {reason}.",
        "The result could not be written to standard output: {reason}.",
    ),
    "err.stdout_closed": ("elle est fermée", "it is closed"),
    "err.unknown": ("{what} : « {value} ».", "{what}: '{value}'."),
    "err.valid_values": (" Valeurs possibles : {names}.", " Valid values: {names}."),
    # field: the searched fields where a hit's words are
    "field.authors": ("auteurs", "authors"),
    "field.description": ("description", "description"),
    "field.id": ("identifiant", "id"),
    "field.kind": ("nature", "kind"),
    "field.parts": ("contenu", "parts"),
    "field.title": ("titre", "title"),
    # file: names of files that are not files
    "file.stdin": ("(entrée standard)", "(standard input)"),
    # format: the output formats, as the save dialog offers them
    "format.csv": ("CSV", "CSV"),
    "format.html": ("HTML", "HTML"),
    "format.json": ("JSON", "JSON"),
    "format.md": ("Markdown", "Markdown"),
    "format.xlsx": ("XLSX", "XLSX"),
    # goal: the guide's goals
    "goal.animate": (
        "Animer une dynamique de co-construction sur mon territoire",
        "Facilitate a co-construction dynamic in my territory",
    ),
    "goal.evaluate": ("Évaluer un partenariat ou une démarche", "Evaluate a partnership or an approach"),
    "goal.evaluate.description": (
        "Les documents d'évaluation du parcours « {title} ».",
        "The evaluation documents of the path “{title}”.",
    ),
    "goal.partner": ("Construire un partenariat pour mon organisation", "Build a partnership for my organisation"),
    "goal.partner.description": (
        "Les guides pratiques et les méthodes du parcours « {title} ».",
        "The practical guides and methods of the path “{title}”.",
    ),
    "goal.support": (
        "Accompagner les organisations du territoire dans leur dynamique partenariale",
        "Support the territory's organisations in their partnership dynamics",
    ),
    "goal.understand": (
        "Comprendre la co-construction sur les territoires et me positionner",
        "Understand co-construction in the territories and position myself",
    ),
    "goal.unsure": ("Je ne sais pas encore", "I don't know yet"),
    "goal.unsure_description": (
        "Commencez par comprendre : le parcours « {title} ».",
        "Start by understanding: the path “{title}”.",
    ),
    # help: help texts of the commands and their options (cli/app.py translate_help)
    "help.about": (
        "Le kit en bref : objectifs, formes de co-construction, chiffres clés, genèse et partenaires.",
        "The kit in brief: objectives, forms of co-construction, key figures, background and partners.",
    ),
    "help.answers": (
        "Rejoue les réponses d'un plan enregistré en JSON (les options --role et --goal l'emportent).",
        "Replay the answers of a plan saved as JSON (--role and --goal take precedence).",
    ),
    "help.app": (
        "Guide en ligne de commande du kit « co-construction territoriale » du RAMEAU.",
        "Command-line guide to Le RAMEAU's « co-construction territoriale » kit.",
    ),
    "help.audience": ("Filtre par public visé (ex. company, association).", "Filter by audience (e.g. company)."),
    "help.categories": ("Les catégories de documents.", "The categories of documents."),
    "help.category": ("Filtre par catégorie (ex. toolbox, methode).", "Filter by category (e.g. toolbox, method)."),
    "help.doc_id": (
        "Identifiant du document (voir kit list), ou PARCOURS:N, le document n° N d'un parcours (ex. animer:2).",
        "Document id (see kit list), or PATH:N, document N of a path (e.g. animate:2).",
    ),
    "help.force": ("Remplace le fichier de sortie s'il existe.", "Replace the output file if it exists."),
    "help.format": ("Format de sortie : {formats}.", "Output format: {formats}."),
    "help.goal": (
        "Votre objectif : understand, animate, support, partner, evaluate (ou comprendre, animer, accompagner, "
        "partenariat, evaluer), ou unsure (ne-sais-pas) pour commencer par comprendre.",
        "Your goal: understand, animate, support, partner, evaluate (or comprendre, animer, accompagner, partenariat, "
        "evaluer), or unsure to start by understanding.",
    ),
    "help.guide": (
        "Le guide : trois questions, et votre plan de lecture du kit.",
        "The guide: three questions, and your reading plan of the kit.",
    ),
    "help.help": (
        "Affiche l'aide de kit, ou d'une commande (la même que kit COMMANDE --help).",
        "Show the help of kit, or of one command (the same as kit COMMAND --help).",
    ),
    "help.help_command": ("La commande dont afficher l'aide.", "The command to show the help of."),
    "help.import": (
        "Fusionne une progression exportée (kit progress --format json).",
        "Merge an exported progress (kit progress --format json).",
    ),
    "help.kit": (
        "Fichier de kit à utiliser à la place du kit intégré (ou variable KIT_FILE).",
        "Kit file to use instead of the bundled kit (or KIT_FILE).",
    ),
    "help.lang": ("Langue : fr ou en (ou variable KIT_LANG).", "Language: fr or en (or KIT_LANG)."),
    "help.list": ("Liste les documents du kit.", "List the kit's documents."),
    "help.need": (
        "Ce dont vous avez besoin d'abord : reference, illustrations, training, method, toolbox, figures (ou cadre, "
        "exemples, se-former, methode, outils, chiffres…), ou all (tout) : un peu de tout.",
        "What you need first: reference, illustrations, training, method, toolbox, figures, or all for a bit of everything.",
    ),
    "help.output": ("Écrit le résultat dans ce fichier.", "Write the result to this file."),
    "help.path": ("Documents d'un parcours, dans l'ordre de lecture.", "The documents of one path, in reading order."),
    "help.path_filter": (
        "Filtre par parcours (ex. animate, comprendre).",
        "Filter by path (e.g. animate, comprendre).",
    ),
    "help.path_name": (
        "Parcours : understand, animate, support (ou comprendre, animer, accompagner).",
        "Path: understand, animate, support (or comprendre, animer, accompagner).",
    ),
    "help.paths": ("Les trois parcours de lecture.", "The three reading paths."),
    "help.plain": (
        "Vue linéaire pour un lecteur d'écran : pas de cadre, un fait par ligne, dans l'ordre de lecture (TERM=dumb aussi).",
        "Linear view, for a screen reader: no boxes, one fact a line, in reading order (so under TERM=dumb).",
    ),
    "help.progress": (
        "Votre progression : documents lus par parcours, et quoi lire ensuite.",
        "Your progress: documents read per path, and what to read next.",
    ),
    "help.progress_path": ("Un seul parcours (ex. animer).", "One path only (e.g. animate)."),
    "help.read": (
        "Marque des documents comme lus (--undo pour retirer la marque).",
        "Mark documents as read (--undo to remove the mark).",
    ),
    "help.read_ids": (
        "Identifiants des documents, ou PARCOURS:N, le document n° N d'un parcours (ex. animer:9).",
        "Document ids, or PATH:N, document N of a path (e.g. animate:9).",
    ),
    "help.reset": (
        "Met la progression de côté pour repartir de zéro (demande confirmation).",
        "Move the progress aside to start afresh (asks first).",
    ),
    "help.role": (
        "Votre rôle : association, company, public, academic, media, facilitator, other "
        "(ou entreprise, collectivite, academique, animateur, autre…).",
        "Your role: association, company, public, academic, media, facilitator, other.",
    ),
    "help.schema": (
        "Affiche le schéma JSON du format de fichier de kit.",
        "Print the JSON Schema of the kit file format.",
    ),
    "help.search": (
        "Cherche dans les titres, auteurs, natures, descriptions et contenus des documents.",
        "Search the documents' titles, authors, kinds, descriptions and parts.",
    ),
    "help.search_all": (
        "Sur un terminal, tous les documents trouvés (sans cette option : les plus pertinents, sur un écran).",
        "On a terminal, every document found (without it: the most relevant, on one screen).",
    ),
    "help.search_query": (
        "Mots à chercher ; majuscules, accents et ponctuation ne comptent pas, une faute de frappe par mot est pardonnée.",
        "Words to search for; case, accents and punctuation do not matter, one typo per word is forgiven.",
    ),
    "help.show": ("Fiche complète d'un document.", "Full record of one document."),
    "help.situation": (
        "Votre situation en quelques mots (facultatif) : ses mots font remonter les documents du parcours qui y répondent.",
        "Your situation in a few words (optional): its words raise the path's documents that answer them.",
    ),
    "help.undo": ("Retire la marque de lecture.", "Remove the read mark."),
    "help.validate": (
        "Vérifie un fichier de kit et signale tous ses problèmes.",
        "Check a kit file and report every problem.",
    ),
    "help.validate_file": ("Fichier de kit à vérifier.", "Kit file to check."),
    "help.version": ("Affiche la version et quitte.", "Show the version and exit."),
    "help.where": ("Affiche le chemin du fichier de progression.", "Print the path of the progress file."),
    "help.yes": ("Ne demande pas de confirmation (pour les scripts).", "Do not ask for confirmation (for scripts)."),
    # html: the HTML page
    "html.date": ("{day} {month} {year}", "{day} {month} {year}"),
    "html.first_day": ("1er", "1"),
    "html.for_you_note": ("Pour vous\u00a0: {reason}", "For you: {reason}"),
    "html.french_title": ("Titre en français :", "French title:"),
    "html.kit_name": (
        "Kit « co-construction territoriale » — Le RAMEAU",
        "Kit « co-construction territoriale » — Le RAMEAU",
    ),
    "html.made_by": ("Page produite par {generator}.", "Page made by {generator}."),
    "html.months": (
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
        "January February March April May June July August September October November December",
    ),
    "html.publisher": ("Éditeur", "Publisher"),
    # json: why a kit, answers or progress file is not valid JSON
    "json.colon": ("deux-points attendus après la clé", "a colon is expected after the key"),
    "json.comma": ("une virgule ou un crochet fermant est attendu", "a comma or a closing bracket is expected"),
    "json.control": ("caractère de contrôle dans une chaîne", "control character in a string"),
    "json.depth": ("imbrication trop profonde", "nesting too deep"),
    "json.eof": ("le fichier s'arrête au milieu d'une valeur", "the file ends in the middle of a value"),
    "json.escape": ("séquence d'échappement invalide", "invalid escape sequence"),
    "json.key": ("une clé doit être une chaîne entre guillemets", "a key must be a quoted string"),
    "json.number": ("nombre invalide", "invalid number"),
    "json.syntax": ("syntaxe invalide", "invalid syntax"),
    "json.trailing": ("du texte suit la fin du document JSON", "text follows the end of the JSON document"),
    "json.trailing_comma": ("virgule en trop", "trailing comma"),
    "json.unicode": ("échappement Unicode invalide", "invalid Unicode escape"),
    "json.value": ("une valeur JSON est attendue", "a JSON value is expected"),
    # label: labels of the renderers
    "label.concerns": ("Concerne aussi (notre lecture)", "Also concerns (our reading)"),
    "label.concerns_goals.one": ("pour l'objectif {goals}", "for the goal {goals}"),
    "label.concerns_goals.other": ("pour les objectifs {goals}", "for the goals {goals}"),
    "label.credits": ("Réalisé aussi par, selon le kit", "Also made by, according to the kit"),
    "label.documents_count.one": ("{count} document", "{count} document"),
    "label.documents_count.other": ("{count} documents", "{count} documents"),
    "label.find": ("Pour se le procurer", "To get it"),
    "label.find_carried": (
        "{publisher} met à disposition ce kit ; pour le porter, il s'est associé au CGET « pour permettre aux acteurs "
        "des territoires de disposer d'un centre de ressources dédié à la co-construction territoriale » (kit about).",
        "{publisher} makes this kit available; to carry it, it joined forces with the CGET “so that the actors of the "
        "territories have a resource centre dedicated to territorial co-construction” (our translation; kit about).",
    ),
    "label.goal": ("Objectif", "Goal"),
    "label.intended_for": ("À qui s'adresse le kit", "Who the kit is for"),
    "label.links": ("Liens", "Links"),
    "label.mentions": ("Le kit en parle aussi", "The kit also mentions it"),
    "label.need": ("D'abord", "First"),
    "label.none": ("—", "—"),
    "label.path": ("Parcours « {title} »", "Path: {title}"),
    "label.purpose_source": ("Source de l'objectif", "Where this purpose comes from"),
    "label.quote": ("texte du kit", "the kit's text"),
    "label.reading_path": ("Parcours", "Path"),
    "label.related": ("Un document lié, que le kit cite", "A related document the kit cites"),
    "label.research": ("Travaux de recherche liés", "Related research"),
    "label.research_documents": (
        "Documents du kit rapprochés de ce travail (notre lecture)",
        "Kit documents tied to this work (our reading)",
    ),
    "label.rests_on": ("D'après le kit", "Based on the kit's words"),
    "label.role": ("Vous êtes", "You are"),
    "label.scope": ("Champ", "Scope"),
    "label.see_also": ("Pour plus d'information", "For more information"),
    "label.seed_forms": ("Le kit écrit", "The kit writes"),
    "label.summary": ("notre résumé", "our summary"),
    "label.transcription_notes": ("Notes sur la transcription", "Notes on the transcription"),
    "label.translation": ("traduction", "translation"),
    "label.written_for": ("Écrit pour", "Written for"),
    # lang: the languages, as completion describes them
    "lang.en": ("anglais", "English"),
    "lang.fr": ("français", "French"),
    # md: the Markdown renderer
    "md.categories": ("Catégories de documents", "Categories of documents"),
    "md.reading_number": ("n°\u00a0{number}", "No.\u00a0{number}"),
    # metavar: the names of the values in help pages (FICHIER, PARCOURS…)
    "metavar.category": ("CATÉGORIE", "CATEGORY"),
    "metavar.command": ("COMMANDE", "COMMAND"),
    "metavar.file": ("FICHIER", "FILE"),
    "metavar.format": ("FORMAT", "FORMAT"),
    "metavar.goal": ("OBJECTIF", "GOAL"),
    "metavar.id": ("ID", "ID"),
    "metavar.ids": ("ID…", "ID…"),
    "metavar.lang": ("LANGUE", "LANG"),
    "metavar.name": ("NOM", "NAME"),
    "metavar.need": ("BESOIN", "NEED"),
    "metavar.path": ("PARCOURS", "PATH"),
    "metavar.query": ("REQUÊTE…", "QUERY…"),
    "metavar.role": ("RÔLE", "ROLE"),
    "metavar.situation": ("TEXTE", "TEXT"),
    # mismatch: answers replayed against another kit
    "mismatch.chosen": ("Enregistrer en {format} sous le nom {name}", "Save as {format}, named {name}"),
    "mismatch.named": ("Enregistrer en {format}, comme le dit le nom", "Save as {format}, as the name says"),
    # msg: messages on stderr after a result
    "msg.no_match": ("Aucun document ne correspond.", "No document matches."),
    "msg.save_exists": (
        "Le plan n'a pas été enregistré : le fichier {path} vient d'apparaître. Choisissez un autre nom, ou de le remplacer.",
        "The plan was not saved: the file {path} has just appeared. Choose another name, or to replace it.",
    ),
    "msg.save_failed": (
        "Le plan n'a pas été enregistré : {reason} Choisissez un autre nom.",
        "The plan was not saved: {reason} Choose another name.",
    ),
    "msg.written": ("Écrit : {path}", "Written: {path}"),
    "msg.xlsx_cut.one": (
        "Tableur : une cellule dépassait la limite d'Excel (32\u202f767 caractères) ; elle est coupée et finit par "
        "« … » (colonne, ligne : {cells}).",
        "Spreadsheet: one cell was over Excel's limit (32,767 characters); it is cut and ends with '…' (column, row: {cells}).",
    ),
    "msg.xlsx_cut.other": (
        "Tableur : {count} cellules dépassaient la limite d'Excel (32\u202f767 caractères) ; elles sont coupées et "
        "finissent par « … » (colonne, ligne : {cells}).",
        "Spreadsheet: {count} cells were over Excel's limit (32,767 characters); they are cut and end with '…' "
        "(column, row: {cells}).",
    ),
    # need: the guide's needs
    "need.all": ("Un peu de tout", "A bit of everything"),
    "need.all_description": (
        "Pour commencer, un document de chaque nature : cadre de référence, illustration, méthode, outil.",
        "To start with, one document of each kind: reference framework, illustration, method, tool.",
    ),
    "need.figures": ("Des chiffres et des études", "Figures and studies"),
    "need.figures.description": (
        "Les documents « permettant de comprendre le contexte », dans la boîte à outils.",
        "The documents “for understanding the context”, in the toolbox.",
    ),
    "need.illustrations": ("Des cas concrets", "Concrete cases"),
    "need.method": ("Une méthode", "A method"),
    "need.method.animate": ("Une méthode pour animer", "A method to lead the dynamic"),
    "need.method.description": (
        "Mettre en œuvre une démarche, accompagner les organisations, évaluer (la méthode du kit).",
        "Carrying out an approach, supporting organisations, evaluating (the kit's method).",
    ),
    "need.method.support": ("Une méthode pour accompagner ou évaluer", "A method to support or evaluate"),
    "need.not_in_path": (
        "Ce parcours n'en contient pas : le plan partira de « {instead} ».",
        "This path holds none: the plan will start from “{instead}”.",
    ),
    "need.reference": ("Comprendre les enjeux et le cadre", "Understand the stakes and the framework"),
    "need.toolbox": ("Des outils pour passer à la pratique", "Tools to put it into practice"),
    "need.toolbox.description": (
        "Les guides pratiques et les fiches outil de la boîte à outils.",
        "The toolbox's practical guides and tool sheets.",
    ),
    "need.training": ("Se former", "Training"),
    "need.training.description": (
        "Les MOOC ESSEC / Le RAMEAU (« Se former », dans la méthode).",
        "The ESSEC / Le RAMEAU MOOCs (“Se former”, in the method).",
    ),
    # next: the menu after the plan
    "next.back": ("← Retour", "← Back"),
    "next.change": ("Changer une réponse", "Change an answer"),
    "next.detail": ("Voir le détail d'un document", "See one document in detail"),
    "next.quit": ("Quitter", "Quit"),
    "next.save": ("Enregistrer le plan", "Save the plan"),
    "next.search": ("Chercher dans le kit", "Search the kit"),
    # os: why the system refused, by errno
    "os.EACCES": ("permission refusée", "permission denied"),
    "os.EEXIST": ("le fichier existe déjà", "the file already exists"),
    "os.EISDIR": ("c'est un dossier", "it is a folder"),
    "os.ENOENT": ("le fichier ou le dossier n'existe pas", "no such file or folder"),
    "os.ENOSPC": ("plus de place sur le disque", "no space left on the disk"),
    "os.ENOTDIR": ("un élément du chemin n'est pas un dossier", "a part of the path is not a folder"),
    "os.EROFS": ("le disque est en lecture seule", "the disk is read-only"),
    # overwrite: the choices when an output file exists
    "overwrite.rename": ("Choisir un autre nom", "Choose another name"),
    "overwrite.replace": ("Le remplacer", "Replace it"),
    # plan: the reading plan
    "plan.answers": (
        "Vous êtes : {role} · Objectif : {goal} · D'abord : {need}",
        "You are: {role} · Goal: {goal} · First: {need}",
    ),
    "plan.concern": ("Vous concerne (notre lecture) : {reading}", "Concerns you (our reading): {reading}"),
    "plan.detail": ("Détail : {command}", "Details: {command}"),
    "plan.detail_command": ("kit show {path}:<n° ou identifiant>", "kit show {path}:<no. or id>"),
    "plan.detail_label": ("Détail", "Details"),
    "plan.empty": ("Ce parcours ne contient aucun document.", "This path holds no document."),
    "plan.find": (
        "Pour se procurer un document : cherchez son titre et « {publisher} » entre guillemets ; kit show donne la "
        "phrase exacte.",
        "To get a document: search for its title and “{publisher}” in quotes; kit show gives the exact phrase.",
    ),
    "plan.need_not_in_path": (
        "Ce parcours ne contient aucun document « {need} » : le plan part de « {instead} ».",
        "This path holds no “{need}” document: the plan starts from “{instead}”.",
    ),
    "plan.no_tie": (
        "Le kit ne lie aucun document à {role} : votre objectif et votre besoin ont choisi.",
        "The kit ties no document to {role}: your goal and your need chose.",
    ),
    "plan.none_for_other": (
        "Vous avez répondu « Autre » : rien n'est mis en avant, et tout le parcours vous concerne.",
        "You answered “Other”: nothing is highlighted, and the whole path concerns you.",
    ),
    "plan.outside": (
        "Hors de ce parcours, pour vous aussi : {items}.",
        "Outside this path, for you too: {items}.",
    ),
    "plan.quoted": ("« {text} »", "“{text}”"),
    "plan.read": ("Une fois lu : {command}", "Once read: {command}"),
    "plan.read_command": ("kit read {path}:<n°>", "kit read {path}:<no.>"),
    "plan.read_label": ("Une fois lu", "Once read"),
    "plan.rest_title": ("Ensuite, dans l'ordre du parcours", "Then, in the path's order"),
    "plan.start_title": ("Pour commencer", "To start with"),
    "plan.title": ("Votre plan de lecture", "Your reading plan"),
    "plan.unsure": (
        "Vous ne savez pas encore : ce parcours est le point de départ du kit.",
        "You don't know yet: this path is where the kit starts.",
    ),
    # progress: reading progress: its store, `kit read`, `kit progress`, the ✓ in the lists
    "progress.already_read": ("Déjà marqué comme lu : {title} ({id})", "Already marked as read: {title} ({id})"),
    "progress.count.one": ("{read}/{total} lu", "{read}/{total} read"),
    "progress.count.other": ("{read}/{total} lus", "{read}/{total} read"),
    "progress.done": ("Parcours lu en entier.", "Path read in full."),
    "progress.err_busy": (
        "Progression non enregistrée : un autre « kit » la modifie depuis plus de {seconds} s ({path}).",
        "Progress not saved: another 'kit' has been changing it for more than {seconds} s ({path}).",
    ),
    "progress.err_import": (
        "Le fichier de progression {path} n'est pas utilisable : {reason}.",
        "Progress file {path} cannot be used: {reason}.",
    ),
    "progress.err_import_big": (
        "Le fichier de progression {path} est trop gros ({size} octets, au plus {limit}).",
        "Progress file {path} is too large ({size} bytes, at most {limit}).",
    ),
    "progress.err_import_invalid": (
        "Le fichier de progression {path} n'est pas valide :",
        "Progress file {path} is not valid:",
    ),
    "progress.err_import_read": (
        "Impossible de lire le fichier de progression {path} : {reason}.",
        "Cannot read progress file {path}: {reason}.",
    ),
    "progress.err_no_home": (
        "Progression non enregistrée : aucun dossier personnel connu (HOME n'est pas un chemin absolu et "
        "l'utilisateur n'a pas d'entrée dans le système) ; indiquez où la garder avec KIT_HOME=DOSSIER.",
        "Progress not saved: no home folder is known (HOME is not an absolute path and the user has no "
        "entry in the system); say where to keep it with KIT_HOME=DIR.",
    ),
    "progress.err_state": (
        "Progression non enregistrée : {reason} ({path}). Le fichier est laissé tel quel ; "
        "« kit progress --reset » le met de côté pour repartir de zéro.",
        "Progress not saved: {reason} ({path}). The file is left as it is; "
        "'kit progress --reset' moves it aside to start afresh.",
    ),
    "progress.err_write": (
        "Progression non enregistrée : impossible d'écrire {path} ({reason}).",
        "Progress not saved: cannot write {path} ({reason}).",
    ),
    "progress.imported_answers": ("Import : réponses du guide reprises.", "Import: guide answers taken over."),
    "progress.imported_many": (
        "Import : {count} documents de plus marqués comme lus.",
        "Import: {count} more documents marked as read.",
    ),
    "progress.imported_none": ("Import : aucune nouvelle marque de lecture.", "Import: no new read mark."),
    "progress.imported_one": ("Import : 1 document de plus marqué comme lu.", "Import: 1 more document marked as read."),
    "progress.marked": ("Marqué comme lu : {title} ({id})", "Marked as read: {title} ({id})"),
    "progress.more.one": ("… et {count} autre\u00a0: {command}", "… and {count} more: {command}"),
    "progress.more.other": ("… et {count} autres\u00a0: {command}", "… and {count} more: {command}"),
    "progress.new_answers": ("Nouvelles réponses", "New answers"),
    "progress.next": ("À lire ensuite", "Read next"),
    "progress.not_in_kit": ("(absent de ce kit)", "(not in this kit)"),
    "progress.orphans": (
        "Marqués comme lus mais absents de cette version du kit : {ids}",
        "Marked as read but not in this version of the kit: {ids}",
    ),
    "progress.reset_done": ("Progression mise de côté dans {path}.", "Progress moved aside to {path}."),
    "progress.reset_kept": ("Rien n'a été changé.", "Nothing was changed."),
    "progress.reset_nothing": (
        "Aucune progression enregistrée, rien à remettre à zéro ({path}).",
        "No progress saved, nothing to reset ({path}).",
    ),
    "progress.resume.one": (
        "Reprendre votre plan ({role} → {path}, {read}/{total} lu)",
        "Resume your plan ({role} → {path}, {read}/{total} read)",
    ),
    "progress.resume.other": (
        "Reprendre votre plan ({role} → {path}, {read}/{total} lus)",
        "Resume your plan ({role} → {path}, {read}/{total} read)",
    ),
    "progress.start_note": ("Pour commencer, d'après votre plan", "To start with, from your plan"),
    "progress.then": ("Puis, dans l'ordre du parcours", "Then, in the path's order"),
    "progress.title": ("Progression de lecture", "Reading progress"),
    "progress.unmarked": ("Marque de lecture retirée : {title} ({id})", "No longer marked as read: {title} ({id})"),
    "progress.warn_ignored": (
        "Progression de lecture ignorée : {reason} ({path}).",
        "Reading progress ignored: {reason} ({path}).",
    ),
    "progress.was_not_read": (
        "Pas marqué comme lu, rien à retirer : {title} ({id})",
        "Not marked as read, nothing to undo: {title} ({id})",
    ),
    "progress.why_duplicate": (
        "la clé « {key} » apparaît deux fois dans un même objet",
        "the key '{key}' appears twice in one object",
    ),
    "progress.why_encoding": (
        "le fichier n'est pas en UTF-8 (ligne {line}, colonne {column})",
        "the file is not UTF-8 (line {line}, column {column})",
    ),
    "progress.why_format": ("« {expected} » attendu", "'{expected}' expected"),
    "progress.why_invalid": ("le contenu n'est pas valide ({first})", "the content is not valid ({first})"),
    "progress.why_json": (
        "le fichier n'est pas du JSON valide (ligne {line}, colonne {column})",
        "the file is not valid JSON (line {line}, column {column})",
    ),
    "progress.why_newer": (
        "le fichier vient d'une version plus récente de kit (format {version}, cette version lit jusqu'au format {current})",
        "the file comes from a newer version of kit (format {version}; this version reads up to format {current})",
    ),
    "progress.why_not_folder": ("ce n'est pas un dossier", "it is not a folder"),
    "progress.why_number": (
        "le fichier contient un nombre trop long pour être lu",
        "the file holds a number too long to be read",
    ),
    "progress.your_plan": ("votre plan", "your plan"),
    # q: the guide's questions
    "q.description": ("Description", "Description"),
    "q.document": ("Quel document ?", "Which document?"),
    "q.filename": ("Nom du fichier :", "File name:"),
    "q.goal": ("Que voulez-vous faire ?", "What do you want to do?"),
    "q.instruction": ("(↑ ↓ pour choisir, Entrée pour valider)", "(↑ ↓ to choose, Enter to confirm)"),
    "q.instruction_filter": (
        "(↑ ↓ ou tapez des lettres du titre, Entrée pour valider)",
        "(↑ ↓ or type letters of the title, Enter to confirm)",
    ),
    "q.instruction_keys": ("(↑ ↓ ou son numéro, Entrée pour valider)", "(↑ ↓ or its number, Enter to confirm)"),
    "q.instruction_short": ("(↑ ↓ puis Entrée)", "(↑ ↓ then Enter)"),
    "q.mismatch": (
        "Le nom {name} annonce du {named}, mais vous avez choisi du {chosen}.",
        "The name {name} says {named}, but you chose {chosen}.",
    ),
    "q.need": ("De quoi avez-vous besoin d'abord ?", "What do you need first?"),
    "q.next": ("Et maintenant ?", "What next?"),
    "q.overwrite": ("Le fichier {path} existe déjà.", "File {path} already exists."),
    "q.query": ("Mots à chercher :", "Words to search for:"),
    "q.recap": ("Est-ce bien cela ?", "Is that right?"),
    "q.recap_goal": ("Votre objectif : {value}", "Your goal: {value}"),
    "q.recap_need": ("D'abord : {value}", "First: {value}"),
    "q.recap_role": ("Vous êtes : {value}", "You are: {value}"),
    "q.recap_situation": ("Votre situation : {value}", "Your situation: {value}"),
    "q.recap_title": ("Récapitulatif", "Summary"),
    "q.reset": (
        "Mettre de côté toute votre progression de lecture ({path}) ?",
        "Move all your reading progress aside ({path})?",
    ),
    "q.resume": ("Vous avez déjà un plan de lecture.", "You already have a reading plan."),
    "q.role": ("Vous êtes…", "You are…"),
    "q.save": ("Enregistrer ce plan dans un fichier ?", "Save this plan to a file?"),
    "q.situation": (
        "En quelques mots, votre situation ? (facultatif : Entrée pour passer)",
        "Your situation, in a few words? (optional: Enter to skip)",
    ),
    # reason: why a file cannot be read
    "reason.bad_name": (
        "le nom contient un octet nul ou des caractères que le système ne sait pas écrire",
        "the name holds a NUL byte or characters the system cannot write",
    ),
    "reason.file_too_big": ("fichier trop gros pour ce disque", "file too large for this disk"),
    "reason.io": ("erreur d'entrée-sortie", "input/output error"),
    "reason.loop": ("trop de liens symboliques", "too many symbolic links"),
    "reason.name_too_long": ("nom trop long", "name too long"),
    "reason.not_regular": (
        "ce n'est pas un fichier ordinaire (périphérique, tube ou socket)",
        "it is not a regular file (a device, pipe or socket)",
    ),
    "reason.quota": ("quota de disque dépassé", "disk quota exceeded"),
    "reason.stdin_closed": ("l'entrée standard est fermée", "standard input is closed"),
    "reason.too_big": ("il dépasse {limit} octets", "it is larger than {limit} bytes"),
    # recap: the guide's recap of the answers
    "recap.confirm": ("Oui, voir mon plan de lecture", "Yes, show my reading plan"),
    "recap.goal": ("Changer mon objectif", "Change my goal"),
    "recap.need": ("Changer ce dont j'ai besoin d'abord", "Change what I need first"),
    "recap.role": ("Changer mon rôle", "Change my role"),
    "recap.situation": ("Changer ma situation", "Change my situation"),
    # reset: the choices of `kit progress --reset`
    "reset.no": ("Non, garder ma progression", "No, keep my progress"),
    "reset.yes": ("Oui, repartir de zéro", "Yes, start afresh"),
    # role: the roles (--role, --audience)
    "role.academic": ("Un acteur académique", "An academic actor"),
    "role.association": ("Une association", "An association"),
    "role.company": ("Une entreprise", "A company"),
    "role.facilitator": (
        "Une structure d'animation ou d'accompagnement",
        "A facilitating or support organisation",
    ),
    "role.media": ("Un média", "A media outlet"),
    "role.other": ("Autre", "Other"),
    "role.public": ("Des pouvoirs publics / une collectivité", "A public authority / local government"),
    # save: the guide's save dialog
    "save.csv": ("Oui, en CSV (.csv) — pour des scripts", "Yes, as CSV (.csv) — for scripts"),
    "save.html": (
        "Oui, en page web (.html) — à imprimer ou à envoyer",
        "Yes, as a web page (.html) — to print or to send",
    ),
    "save.json": (
        "Oui, en JSON (.json) — à rejouer avec kit guide --answers",
        "Yes, as JSON (.json) — to replay with kit guide --answers",
    ),
    "save.md": ("Oui, en Markdown (.md) — à lire ou à envoyer", "Yes, as Markdown (.md) — to read or to send"),
    "save.no": ("Non, merci", "No, thanks"),
    "save.xlsx": ("Oui, pour un tableur (.xlsx)", "Yes, for a spreadsheet (.xlsx)"),
    # search: `kit search`: its results and the lines around them
    "search.about_summary": ("Présentation du kit", "The kit in brief"),
    "search.also_about": ("Aussi dans kit about\u00a0: {places}.", "Also in kit about: {places}."),
    "search.also_categories.one": ("Aussi dans la catégorie\u00a0: {places}.", "Also in the category: {places}."),
    "search.also_categories.other": ("Aussi dans les catégories\u00a0: {places}.", "Also in the categories: {places}."),
    "search.also_paths.one": ("Aussi dans le parcours\u00a0: {places}.", "Also in the path: {places}."),
    "search.also_paths.other": ("Aussi dans les parcours\u00a0: {places}.", "Also in the paths: {places}."),
    "search.count.one": ("{count} document", "{count} document"),
    "search.count.other": ("{count} documents, les plus pertinents d'abord", "{count} documents, best first"),
    "search.more.one": ("… et {count} autre, moins pertinent : {command}", "… and {count} more, less relevant: {command}"),
    "search.more.other": ("… et {count} autres, moins pertinents : {command}", "… and {count} more, less relevant: {command}"),
    "search.only_small_words": (
        "La recherche ne contient que des mots grammaticaux (\u00ab\u00a0{words}\u00a0\u00bb)\u00a0: "
        "ajoutez un mot qui porte le sens.",
        "The search holds only grammatical words ('{words}'): add a word that carries the meaning.",
    ),
    "search.partial": (
        "Aucun document ne contient tous les mots\u00a0; les documents qui en contiennent le plus viennent d'abord.",
        "No document holds every word; the documents holding the most come first.",
    ),
    "search.read_as": ("« {typed} » lu comme « {words} »", "'{typed}' read as '{words}'"),
    "search.suggest": ("Mots proches dans le kit : {words}.", "Nearby words in the kit: {words}."),
    "search.title": ("Recherche « {query} »", "Search: {query}"),
    "search.truncated": (
        "Requête trop longue\u00a0: seuls ses {limit} premiers mots significatifs sont cherchés.",
        "Query too long: only its first {limit} meaningful words are searched.",
    ),
    "search.unmatched.one": (
        "Mot absent des documents du kit\u00a0: {words}.",
        "Word in none of the kit's documents: {words}.",
    ),
    "search.unmatched.other": (
        "Mots absents des documents du kit\u00a0: {words}.",
        "Words in none of the kit's documents: {words}.",
    ),
    # start: where the plan starts, and why
    "start.concerns.one": (
        "{count} qui vous concerne (notre lecture du kit)",
        "{count} that concerns you (our reading of the kit)",
    ),
    "start.concerns.other": (
        "{count} qui vous concernent (notre lecture du kit)",
        "{count} that concern you (our reading of the kit)",
    ),
    "start.fill.one": ("{count} dans l'ordre du parcours", "{count} in the path's order"),
    "start.fill.other": ("{count} dans l'ordre du parcours", "{count} in the path's order"),
    "start.goal.one": (
        "{count} pour votre objectif (notre lecture du kit)",
        "{count} for your goal (our reading of the kit)",
    ),
    "start.goal.other": (
        "{count} pour votre objectif (notre lecture du kit)",
        "{count} for your goal (our reading of the kit)",
    ),
    "start.nearest.one": ("{count} au plus près de ce dont vous avez besoin", "{count} nearest to what you need"),
    "start.nearest.other": ("{count} au plus près de ce dont vous avez besoin", "{count} nearest to what you need"),
    "start.need.one": (
        "{count} pour « {need} », ce dont vous avez besoin d'abord",
        "{count} from “{need}”, what you need first",
    ),
    "start.need.other": (
        "{count} pour « {need} », ce dont vous avez besoin d'abord",
        "{count} from “{need}”, what you need first",
    ),
    "start.reference.one": (
        "{count} du cadre de référence, pour situer le reste",
        "{count} from the reference framework, to place the rest",
    ),
    "start.reference.other": (
        "{count} du cadre de référence, pour situer le reste",
        "{count} from the reference framework, to place the rest",
    ),
    "start.sentence.one": ("{count} document, choisi ainsi : {parts}.", "{count} document, chosen this way: {parts}."),
    "start.sentence.other": ("{count} documents, choisis ainsi : {parts}.", "{count} documents, chosen this way: {parts}."),
    "start.situation.one": ("{count} qui contient les mots de votre situation", "{count} holding the words of your situation"),
    "start.situation.other": (
        "{count} qui contiennent les mots de votre situation",
        "{count} holding the words of your situation",
    ),
    "start.variety.one": ("{count} pour un peu de tout", "{count} for a bit of everything"),
    "start.variety.other": (
        "{count} de natures différentes, pour un peu de tout",
        "{count} of different kinds, for a bit of everything",
    ),
    "start.written_for.one": ("{count} écrit pour vous (le kit le dit)", "{count} written for you (the kit says so)"),
    "start.written_for.other": ("{count} écrits pour vous (le kit le dit)", "{count} written for you (the kit says so)"),
    # type: JSON types, for validation problems
    "type.boolean": ("booléen", "boolean"),
    "type.integer": ("entier", "integer"),
    "type.list": ("liste", "list"),
    "type.object": ("objet", "object"),
    "type.text": ("texte", "text"),
    # val: validation problems of a kit file
    "val.blank": (
        "doit contenir un caractère visible, pas seulement des espaces, des caractères de contrôle ou invisibles",
        "must hold a visible character, not only spaces, control or invisible characters",
    ),
    "val.duplicate": ("identifiant en double « {value} »", "duplicate id '{value}'"),
    "val.duplicate_alias": ("alias en double « {value} »", "duplicate alias '{value}'"),
    "val.duplicate_key": (
        "la clé « {value} » apparaît deux fois dans un même objet (seule la dernière serait lue)",
        "the key '{value}' appears twice in one object (only the last one would be read)",
    ),
    "val.duplicate_role": ("rôle en double « {value} »", "duplicate role '{value}'"),
    "val.expected": ("valeur non permise (attendu : {value})", "value not allowed (expected: {value})"),
    "val.extra": ("champ inconnu", "unknown field"),
    "val.gives_not_quoted": (
        "ces mots ne sont pas, tels quels, dans « {field} » : « gives » cite la description",
        "these words are not, as they are, in '{field}': 'gives' quotes the description",
    ),
    "val.goal_key": (
        "« {value} » n'est pas dans le parcours « {path} » de cet objectif "
        "(les documents hors du parcours vont dans « outside »)",
        "'{value}' is not in this goal's path '{path}' (documents outside the path go in 'outside')",
    ),
    "val.goal_outside": (
        "« {value} » est déjà dans le parcours « {path} » de cet objectif (les documents du parcours vont dans « key »)",
        "'{value}' is already in this goal's path '{path}' (documents of the path go in 'key')",
    ),
    "val.invalid": ("valeur invalide", "invalid value"),
    "val.max": ("doit être inférieur ou égal à {limit}", "must be at most {limit}"),
    "val.min": ("doit être supérieur ou égal à {limit}", "must be at least {limit}"),
    "val.missing": ("champ obligatoire manquant", "required field missing"),
    "val.more_many": ("… et {count} autres problèmes.", "… and {count} more problems."),
    "val.more_one": ("… et un autre problème.", "… and one more problem."),
    "val.one_of": ("valeur non permise (valeurs possibles : {values})", "value not allowed (valid values: {values})"),
    "val.pattern": (
        "identifiant invalide (minuscules ASCII, chiffres et tirets, ex. « mon-document »)",
        "invalid id (lower-case ASCII, digits and hyphens, e.g. 'my-document')",
    ),
    "val.range": ("valeur hors limites ({detail})", "value out of range ({detail})"),
    "val.role_written_for": (
        "le rôle « {value} » est déjà dans « written_for » : un document écrit pour un rôle ne le « concerne » pas en plus",
        "role '{value}' is already in 'written_for': a document written for a role does not also 'concern' it",
    ),
    "val.root": ("(racine du fichier)", "(top of the file)"),
    "val.too_long_list": ("liste trop longue (longueur maximale : {limit})", "list too long (maximum length: {limit})"),
    "val.too_long_text": ("texte trop long (longueur maximale : {limit})", "text too long (maximum length: {limit})"),
    "val.too_short": ("ne doit pas être vide", "must not be empty"),
    "val.type": ("type attendu : {expected}", "expected type: {expected}"),
    "val.unknown_category": (
        "catégorie inconnue « {value} » (connues : {known})",
        "unknown category '{value}' (known: {known})",
    ),
    "val.unknown_document": ("document inconnu « {value} »", "unknown document '{value}'"),
    "val.unknown_goal": ("objectif inconnu « {value} » (connus : {known})", "unknown goal '{value}' (known: {known})"),
    "val.unknown_need": ("besoin inconnu « {value} » (connus : {known})", "unknown need '{value}' (known: {known})"),
    "val.unknown_path": ("parcours inconnu « {value} » (connus : {known})", "unknown path '{value}' (known: {known})"),
    "val.unknown_subcategory": (
        "sous-catégorie inconnue « {value} » pour « {category} » (connues : {known})",
        "unknown subcategory '{value}' for '{category}' (known: {known})",
    ),
    "val.unknown_subcategory_any": (
        "sous-catégorie inconnue « {value} » (connues : {known})",
        "unknown subcategory '{value}' (known: {known})",
    ),
    "val.url": (
        "lien refusé « {url} » : seules les adresses http://, https:// ou www. sont permises",
        "link refused '{url}': only http://, https:// or www. addresses are allowed",
    ),
    # validate: `kit validate`
    "validate.ok": (
        "{path} : kit valide ({documents} documents, {paths} parcours, {categories} catégories).",
        "{path}: valid kit ({documents} documents, {paths} paths, {categories} categories).",
    ),
    # what: kinds of names, for err.unknown
    "what.category": ("Catégorie inconnue", "Unknown category"),
    "what.command": ("Commande inconnue", "Unknown command"),
    "what.document": ("Document inconnu", "Unknown document"),
    "what.format": ("Format inconnu", "Unknown format"),
    "what.goal": ("Objectif inconnu", "Unknown goal"),
    "what.lang": ("Langue inconnue", "Unknown language"),
    "what.need": ("Besoin inconnu", "Unknown need"),
    "what.option": ("Option inconnue", "Unknown option"),
    "what.path": ("Parcours inconnu", "Unknown path"),
    "what.role": ("Rôle inconnu", "Unknown role"),
    # why: why a document is in the plan
    "why.concerns": ("Pour vous (notre lecture) : {reading}.", "For you (our reading): {reading}."),
    "why.fill": ("Dans l'ordre du parcours.", "In the path's order."),
    "why.gives": ("Le kit : « {text} ».", "The kit: “{text}”."),
    "why.gives_en": ("Le kit : « {text} ».", "The kit: “{text}” (our translation)."),
    "why.goal": ("Pour votre objectif (notre lecture) : {reading}.", "For your goal (our reading): {reading}."),
    "why.nearest": ("Au plus près de ce dont vous avez besoin : {need}.", "Nearest to what you need: {need}."),
    "why.need": ("Ce dont vous avez besoin d'abord : {need}.", "What you need first: {need}."),
    "why.reference": ("Le cadre de référence du parcours.", "The path's reference framework."),
    "why.situation": ("Vos mots {words} y sont.", "Your words {words} are in it."),
    "why.summary": ("Notre résumé : {text}.", "Our summary: {text}."),
    "why.variety": (
        "Un document de nature « {category} », pour un peu de tout.",
        "A “{category}” document, for a bit of everything.",
    ),
    "why.written_for": ("Écrit « {quote} », dit le kit.", "Written for you, the kit says: “{quote}” (our translation)."),
    # word: words joined into sentences
    "word.and": (" et ", " and "),
}

# The examples closing each help page (`kit CMD --help`, `kit help CMD`), by command ("kit": the root):
# each (French command line, what it does), (English command line, what it does). Every line is run by
# tests/cli/test_help.py, in the order given, so an example that stops working fails the suite.
Example = tuple[tuple[str, str], tuple[str, str]]
EXAMPLES: dict[str, tuple[Example, ...]] = {
    "kit": (
        (
            ("kit guide", "Trois questions, puis votre plan de lecture."),
            ("kit guide", "Three questions, then your reading plan."),
        ),
        (
            ("kit list --category outils", "Les documents de la boîte à outils."),
            ("kit list --category toolbox", "The toolbox's documents."),
        ),
        (
            ("kit show animer:2", "Le document n° 2 du parcours « animer »."),
            ("kit show animate:2", "Document 2 of the path « animate »."),
        ),
        (
            ("kit search partenariat", "Les documents qui parlent de partenariat."),
            ("kit search partenariat", "The documents about partnerships."),
        ),
        (
            ("kit help show", "L'aide d'une commande (comme kit show --help)."),
            ("kit help show", "The help of one command (as kit show --help)."),
        ),
    ),
    "guide": (
        (
            ("kit guide", "Pose les trois questions, puis affiche votre plan."),
            ("kit guide", "Asks the three questions, then shows your plan."),
        ),
        (
            (
                "kit guide --role entreprise --goal accompagner --need all",
                "Sans question : le plan d'une entreprise qui accompagne.",
            ),
            (
                "kit guide --role company --goal support --need all",
                "No question asked: the plan of a company that supports others.",
            ),
        ),
        (
            ("kit guide -r association -g animer -n outils -o plan-animer.md", "Enregistre le plan en Markdown."),
            ("kit guide -r association -g animate -n toolbox -o plan-animate.md", "Saves the plan as Markdown."),
        ),
        (
            ("kit guide -r association -g animer -f json -o plan.json", "Enregistre le plan et ses réponses en JSON…"),
            ("kit guide -r association -g animate -f json -o plan.json", "Saves the plan and its answers as JSON…"),
        ),
        (
            ("kit guide --answers plan.json", "… pour le refaire plus tard."),
            ("kit guide --answers plan.json", "… to make it again later."),
        ),
    ),
    "list": (
        (("kit list", "Tous les documents du kit."), ("kit list", "All the kit's documents.")),
        (("kit list --category outils", "La boîte à outils seulement."), ("kit list --category toolbox", "The toolbox only.")),
        (
            ("kit list --audience entreprise", "Les documents écrits pour les entreprises."),
            ("kit list --audience company", "The documents written for companies."),
        ),
        (
            ("kit list -f xlsx -o kit.xlsx", "Le catalogue dans un fichier de tableur."),
            ("kit list -f xlsx -o kit.xlsx", "The catalogue as a spreadsheet file."),
        ),
    ),
    "path": (
        (
            ("kit path animer", "Le parcours « animer », dans l'ordre de lecture."),
            ("kit path animate", "The path « animate », in reading order."),
        ),
        (
            ("kit path comprendre -f md -o comprendre.md", "Le parcours « comprendre » en Markdown."),
            ("kit path understand -f md -o understand.md", "The path « understand » as Markdown."),
        ),
    ),
    "paths": (
        (("kit paths", "Les trois parcours et leurs documents."), ("kit paths", "The three paths and their documents.")),
        (("kit paths -f json", "Les mêmes, en JSON pour un script."), ("kit paths -f json", "The same, as JSON for a script.")),
    ),
    "categories": (
        (
            ("kit categories", "Les quatre catégories et leurs documents."),
            ("kit categories", "The four categories and their documents."),
        ),
        (
            ("kit categories -f csv", "Les mêmes, en CSV pour un script."),
            ("kit categories -f csv", "The same, as CSV for a script."),
        ),
    ),
    "show": (
        (
            ("kit show animer:2", "Le document n° 2 du parcours « animer » (la forme PARCOURS:N)."),
            ("kit show animate:2", "Document 2 of the path « animate » (the PATH:N form)."),
        ),
        (
            ("kit show referentiel-co-construction-territoire", "Un document par son identifiant (voir kit list)."),
            ("kit show referentiel-co-construction-territoire", "A document by its id (see kit list)."),
        ),
        (
            ("kit show comprendre:1 -f md -o fiche.md", "Sa fiche en Markdown."),
            ("kit show understand:1 -f md -o record.md", "Its record as Markdown."),
        ),
    ),
    "search": (
        (
            ("kit search partenariat", "Les documents qui parlent de partenariat, les plus pertinents d'abord."),
            ("kit search partenariat", "The documents about partnerships, best first."),
        ),
        (
            ("kit search 'partenariat entreprise association'", "Plusieurs mots : les documents qui en contiennent le plus."),
            ("kit search 'partnership company association'", "Several words: the documents holding most of them."),
        ),
        (
            ("kit search outil --path animer", "Seulement dans le parcours « animer »."),
            ("kit search tool --path animate", "Only in the path « animate »."),
        ),
    ),
    "about": (
        (("kit about", "Le kit en bref."), ("kit about", "The kit in brief.")),
        (
            ("kit about -f html -o kit.html", "Le même texte en page web."),
            ("kit about -f html -o kit.html", "The same text as a web page."),
        ),
    ),
    "read": (
        (
            ("kit read animer:1 animer:2", "Marque les deux premiers documents du parcours « animer » comme lus."),
            ("kit read animate:1 animate:2", "Marks the first two documents of the path « animate » as read."),
        ),
        (
            ("kit read --undo animer:2", "Retire la marque du deuxième."),
            ("kit read --undo animate:2", "Removes the mark of the second."),
        ),
    ),
    "progress": (
        (
            ("kit progress", "Ce que vous avez lu, par parcours, et quoi lire ensuite."),
            ("kit progress", "What you have read, per path, and what to read next."),
        ),
        (("kit progress animer", "Le parcours « animer » seulement."), ("kit progress animate", "The path « animate » only.")),
        (
            ("kit progress -f json -o progression.json", "Exporte votre progression…"),
            ("kit progress -f json -o progress.json", "Exports your progress…"),
        ),
        (
            ("kit progress --import progression.json", "… et la fusionne sur un autre ordinateur."),
            ("kit progress --import progress.json", "… and merges it on another computer."),
        ),
    ),
    "validate": (
        (
            ("kit validate mon-kit.json", "Vérifie un fichier de kit : code 0 s'il est valide, 3 sinon."),
            ("kit validate my-kit.json", "Checks a kit file: exit code 0 when it is valid, 3 otherwise."),
        ),
        (
            ("kit --kit mon-kit.json list", "Lit ce fichier à la place du kit intégré."),
            ("kit --kit my-kit.json list", "Reads that file instead of the bundled kit."),
        ),
    ),
    "schema": (
        (
            ("kit schema -o kit.schema.json", "Le schéma JSON des fichiers de kit, pour un éditeur ou un validateur."),
            ("kit schema -o kit.schema.json", "The JSON Schema of kit files, for an editor or a validator."),
        ),
    ),
    "help": (
        (("kit help", "La liste des commandes (comme kit --help)."), ("kit help", "The list of commands (as kit --help).")),
        (
            ("kit help show", "L'aide d'une commande (comme kit show --help)."),
            ("kit help show", "The help of one command (as kit show --help)."),
        ),
    ),
}


def examples(command: str) -> list[tuple[str, str]]:
    """The examples of `command`'s help page in the current language: (command line, what it does)."""
    chosen = 1 if _lang.get() == "en" else 0
    return [(pair[chosen][0], pair[chosen][1] if chosen else french_spaces(pair[0][1])) for pair in EXAMPLES.get(command, ())]
