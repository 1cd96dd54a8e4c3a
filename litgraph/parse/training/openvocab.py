"""An open vocabulary for synthetic records: titles, journals, names, publishers and places
built from word lists the project writes and from invented words.

The fixed pools of `vocab` are health-services words; a labeller trained on them alone learns
the words ("peer", "Psychiatr Serv") instead of the shapes of a reference. Here titles come from
templates over many disciplines' words, invented words (syllables drawn per language) and the
punctuation real titles carry (subtitles, second sentences, questions, parenthetical notes,
quotations, years); journals are composed ("Journal of X and Y", "Zeitschrift für X", "Acta X")
and abbreviated the way indexes abbreviate; names and imprints are partly invented. All of it is
seeded, so the same seed gives the same strings.

Example:
    >>> import random
    >>> rng = random.Random(3)
    >>> full, short = journal(rng)
    >>> bool(full) and bool(short)
    True
"""

from __future__ import annotations

import random

NOUNS = (
    "analysis theory history memory culture identity power state market labour trade migration border "
    "religion ritual law court contract property rights justice democracy election party movement protest "
    "language grammar syntax meaning narrative poetry novel drama film music painting architecture design "
    "museum archive manuscript edition translation reception philosophy ethics knowledge belief reason "
    "science experiment measurement model simulation algorithm network graph system control signal noise "
    "energy climate carbon forest soil river ocean ice sediment basin crater rock mineral magma fault "
    "species population habitat predator fish bird insect plant seed root leaf gene protein cell tissue "
    "enzyme receptor pathway membrane virus bacteria infection vaccine drug dose therapy surgery patient "
    "disease cancer tumour heart brain liver kidney bone muscle blood pain sleep diet obesity ageing "
    "childhood family household gender class race ethnicity youth school teacher classroom learning "
    "curriculum literacy university student city village region landscape territory empire colony nation "
    "war peace conflict security violence crime police prison policy reform governance regulation tax "
    "finance bank credit debt inflation growth firm industry innovation technology media internet platform "
    "news television newspaper advertising consumption tourism food water housing transport mobility "
    "steel concrete alloy polymer crystal particle laser photon electron quantum spin field wave surface "
    "interface fracture fatigue corrosion friction combustion flow turbulence heat pressure temperature "
    "catalyst reaction synthesis compound solvent acid metal oxide nanoparticle film coating sensor "
    "robot vehicle engine circuit chip software database search retrieval image speech text corpus").split()
ADJECTIVES = (
    "social political economic cultural historical literary medieval modern early late colonial national "
    "local global urban rural public private religious secular critical comparative empirical theoretical "
    "experimental clinical molecular cellular genetic chronic acute severe mild novel new old ancient "
    "contemporary digital visual spatial temporal dynamic static linear nonlinear stochastic optimal "
    "robust adaptive thermal optical electrical magnetic chemical physical biological ecological marine "
    "tropical arctic alpine coastal volcanic seismic tectonic sedimentary human animal legal moral "
    "aesthetic philosophical linguistic cognitive emotional visual musical popular informal formal "
    "international regional domestic foreign French German Spanish Italian Russian Chinese Japanese "
    "African American British European Roman Greek Byzantine Ottoman Islamic Christian Jewish Buddhist").split()
VERBS_ING = ("rethinking reading writing measuring modelling mapping governing making unmaking negotiating "
             "translating imagining remembering building crossing explaining predicting controlling "
             "understanding assessing comparing").split()
PAREN_NOTES = ("in Russian", "in German", "in French", "in Chinese", "in Japanese", "book review", "review",
               "abstract", "editorial", "letter", "with discussion", "extended abstract", "invited paper",
               "Part 1", "Part II", "revised edition", "first published 1962", "reprint", "en français", "preprint")
SUBTITLE_HEADS = ("a case study", "a comparative perspective", "an overview", "a critical review",
                  "evidence from", "lessons from", "the case of", "new perspectives", "a reappraisal",
                  "theory and practice", "an introduction", "some preliminary results", "a new approach",
                  "implications for", "a historical perspective", "notes towards a", "problems and prospects")
FUNCTION = ("of", "in", "and", "for", "on", "the", "from", "between", "to", "with", "under", "after", "beyond",
            "during", "among", "against", "without", "through", "within", "at", "as")

# Syllables per language flavour, for invented words and names.
SYLLABLES = {
    "en": ("ca ter bro lin mor ston field wick ham ley ford ton ver sel ash dal mer ing ber ry well ock".split()),
    "fr": ("beau mont ville ron chal lier gnon court mar tel lac rou seau chet pré vost quier".split()),
    "de": ("berg mann stein hof bach wald schm ied ling dorf hau sen kra bur gel tz ner".split()),
    "es": ("gar cia mar ti nez ro dri gue val le jo ar tu ri e ga lla sa ca".split()),
    "it": ("ros si bian chi lo ren zo ga bri el li to ma ni ve tta cci".split()),
    "ru": ("vol kov pe tro va ni ko lai ev sko ya ro ma no vich dim tri".split()),
    "ja": ("ta ka na ka mo to shi ro yu ki ha ra da ki mu ra sa to".split()),
    "sw": ("mwa ngi ke nya ta we ku bwa ni ma ri ko ja ha mi di".split()),
    "nl": ("van der ho ven kamp stra dijk broek man hui zen ber gen".split()),
    "pl": ("kow al ski wi śniew ska no wak zie liń ski ska wój cik".split()),
}
PLACES = ("London Oxford Cambridge Paris Lyon Berlin Munich Leipzig Vienna Zurich Geneva Rome Milan Florence "
          "Madrid Barcelona Lisbon Amsterdam Leiden Brussels Copenhagen Stockholm Oslo Helsinki Warsaw Prague "
          "Budapest Moscow Istanbul Cairo Nairobi Johannesburg Delhi Mumbai Beijing Shanghai Tokyo Kyoto Seoul "
          "Sydney Melbourne Auckland Toronto Montreal Boston Chicago Princeton Berkeley Baltimore Philadelphia "
          "Ithaca Durham Edinburgh Glasgow Dublin Manchester Bristol Mexico Bogotá Lima Santiago Buenos_Aires "
          "São_Paulo Dordrecht Heidelberg Amsterdam Leuven Uppsala Bologna Salamanca Coimbra Kraków").split()
STATES = ("NJ", "NY", "MA", "CA", "IL", "MD", "PA", "CT", "NC", "MI")
PUBLISHER_SHAPES = ("{Name} Press", "{Place} University Press", "University of {Place} Press", "{Family} & {Family}",
                    "{Name} Publishers", "Éditions {Name}", "{Name} Verlag", "Editorial {Name}", "{Family}",
                    "{Name} Books", "{Name} Academic", "Presses de {Place}", "{Family} and Sons", "{Name} Publishing")
JOURNAL_SHAPES = ("Journal of {X}", "Journal of {A} {X}", "International Journal of {X}", "{A} {X} Review",
                  "Annals of {X}", "{X} Research", "Studies in {A} {X}", "{X} and {Y}", "Journal of {X} and {Y}",
                  "{A} {X}", "Acta {X}", "Revue de {X}", "Zeitschrift für {X}", "Rivista di {X}", "Revista de {X}",
                  "{X} Letters", "Proceedings of the {A} Society", "Bulletin of the {A} {X} Society",
                  "Transactions on {X}", "{A} Quarterly", "Archives of {X}", "Current Opinion in {X}",
                  "{Name}", "{Name} Journal", "Cahiers de {X}", "Quarterly Journal of {A} {X}")
STOP = {"of", "the", "and", "for", "on", "in", "de", "für", "di", "la", "le", "des", "du", "der"}


def pseudo_word(rng: random.Random, flavour: str | None = None, syllables: tuple[int, int] = (2, 3)) -> str:
    """An invented word of 2 or 3 syllables of one language flavour."""
    pool = SYLLABLES[flavour or rng.choice(sorted(SYLLABLES))]
    return "".join(rng.choice(pool) for _ in range(rng.randint(*syllables)))


def proper(rng: random.Random) -> str:
    """An invented proper name, capitalised."""
    return pseudo_word(rng).capitalize()


def family(rng: random.Random) -> str:
    """An invented family name, now and then hyphenated or two-part."""
    name = proper(rng)
    roll = rng.random()
    if roll < 0.06:
        return f"{name}-{proper(rng)}"
    if roll < 0.09:
        return f"{name} {proper(rng)}"
    return name


def noun_phrase(rng: random.Random) -> str:
    """ "the social history of memory", "magma flow", "Ostravel reform"."""
    head = rng.choice(NOUNS) if rng.random() < 0.85 else pseudo_word(rng)
    if rng.random() < 0.55:
        head = f"{rng.choice(ADJECTIVES)} {head}"
    if rng.random() < 0.3:
        head = f"{head} {rng.choice(('of', 'in', 'and', 'for', 'on'))} {rng.choice(NOUNS)}"
    if rng.random() < 0.12:
        head = f"{head} in {proper(rng) if rng.random() < 0.5 else rng.choice(PLACES).replace('_', ' ')}"
    if rng.random() < 0.08:
        start = rng.randint(1500, 2000)
        head = f"{head}, {start}-{start + rng.randint(1, 60)}"
    return head


def sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def title_case(text: str) -> str:
    return " ".join(w if (i and w in STOP) or not w[:1].isalpha() else w[:1].upper() + w[1:]
                    for i, w in enumerate(text.split(" ")))


def open_title(rng: random.Random) -> str:
    """A title of any discipline, with the punctuation printed titles carry."""
    roll = rng.random()
    main = noun_phrase(rng)
    if roll < 0.12:
        main = f"{rng.choice(VERBS_ING)} {noun_phrase(rng)}"
    elif roll < 0.2:
        main = f"{rng.choice(('on', 'towards', 'notes on', 'beyond', 'against', 'after'))} {main}"
    elif roll < 0.3:
        main = f"{main} and {noun_phrase(rng)}"
    elif roll < 0.36:
        main = f"{rng.choice(('what', 'why', 'how', 'does', 'is', 'can'))} {main} {rng.choice(NOUNS)}?"
    if rng.random() < 0.35:
        main = f"{main} {rng.choice(FUNCTION)} {noun_phrase(rng)}"
    text = sentence_case(main)
    text += tail(rng)
    case = rng.random()
    if case < 0.4:
        text = title_case(text)
    elif case < 0.42:
        text = text.upper()
    return text


def tail(rng: random.Random) -> str:
    """What follows the main title: a subtitle, a second sentence, a note in parentheses, or nothing."""
    roll = rng.random()
    if roll < 0.3:
        sub = rng.choice(SUBTITLE_HEADS) if rng.random() < 0.5 else noun_phrase(rng)
        return f"{rng.choice((': ', ': ', ' - ', ' – ', '. '))}{sub if rng.random() < 0.6 else sentence_case(sub)}"
    if roll < 0.4:
        return f". {sentence_case(noun_phrase(rng))}"
    if roll < 0.48:
        return f" ({rng.choice(PAREN_NOTES)})"
    if roll < 0.52:
        return f", {rng.randint(1500, 2020)}"
    if roll < 0.55:
        return f" {rng.choice(('I', 'II', 'III', '1', '2'))}"
    return ""


def journal(rng: random.Random) -> tuple[str, str]:
    """A composed journal title and its abbreviation ("Journal of Social History", "J. Soc. Hist.")."""
    shape = rng.choice(JOURNAL_SHAPES)
    full = shape.format(X=rng.choice(NOUNS).capitalize(), Y=rng.choice(NOUNS).capitalize(),
                        A=rng.choice(ADJECTIVES).capitalize(), Name=proper(rng))
    full = title_case(full)
    return full, abbreviate(full, rng.random() < 0.5)


def abbreviate(full: str, dots: bool) -> str:
    """Index-style abbreviation: long words cut to their first syllables, small words dropped."""
    words = []
    for word in full.split():
        if word.lower() in STOP:
            continue
        if word == "Journal":
            words.append("J" + ("." if dots else ""))
            continue
        if len(word) <= 4:
            words.append(word)
            continue
        cut = cut_point(word)
        words.append(word[:cut] + ("." if dots else ""))
    return " ".join(words) or full


def cut_point(word: str) -> int:
    """Cut after the consonants that follow the first vowel group past the first letter ("Journal" -> "J"
    is too short, so "Jour"; "Social" -> "Soc")."""
    vowels = "aeiouyäöüéèáíóú"
    index = 1
    while index < len(word) and word[index].lower() in vowels:
        index += 1
    while index < len(word) and word[index].lower() not in vowels:
        index += 1
    return max(3, min(index, len(word) - 1))


def place(rng: random.Random) -> str:
    """A place of publication, sometimes with a state, sometimes invented."""
    if rng.random() < 0.15:
        return proper(rng)
    city = rng.choice(PLACES).replace("_", " ")
    return f"{city}, {rng.choice(STATES)}" if rng.random() < 0.12 else city


def publisher(rng: random.Random) -> str:
    """A publisher's name in one of the shapes imprints take."""
    shape = rng.choice(PUBLISHER_SHAPES)
    return shape.format(Name=proper(rng), Family=family(rng), Place=rng.choice(PLACES).replace("_", " "))


MEETINGS = ("Conference", "Symposium", "Workshop", "Congress", "Colloquium", "Meeting")
ORDINALS = ("First", "Second", "Third", "Fourth", "Fifth", "Eleventh", "12th", "21st", "3rd", "8th", "25th")


def conference(rng: random.Random) -> str:
    """A proceedings title: "Proceedings of the 1993 ACM SIGMOD International Conference on Data",
    "Proc. 4th Int. Workshop on Sensor Networks", "Actes du colloque Mémoire et histoire"."""
    topic = title_case(noun_phrase(rng))
    acronym = "".join(rng.choice("ABCDEFGHIKLMNOPRSTW") for _ in range(rng.randint(2, 5)))
    year = str(rng.randint(1960, 2024))
    roll = rng.random()
    if roll < 0.35:
        lead = rng.choice((f"the {year} ", f"the {rng.choice(ORDINALS)} ", "the ", f"{acronym} '{year[2:]}: "))
        return f"Proceedings of {lead}{rng.choice(('International ', 'Annual ', 'European ', ''))}" \
               f"{rng.choice(MEETINGS)} on {topic}"
    if roll < 0.55:
        return f"Proc. {rng.choice(ORDINALS)} Int. {rng.choice(('Conf.', 'Symp.', 'Workshop'))} on {topic}"
    if roll < 0.7:
        return f"{acronym} {year}: {rng.choice(MEETINGS)} on {topic}"
    if roll < 0.8:
        return f"Actes du {rng.choice(('colloque', 'congrès'))} {topic}"
    return f"{rng.choice(ORDINALS)} {rng.choice(('International', 'Annual', 'National'))} {rng.choice(MEETINGS)} " \
           f"on {topic}"
