"""Print a generated work as a reference list would: Vancouver, APA or Harvard, sometimes with noise.

    >>> abbreviate("Journal of Mental Health Nursing")
    'J Ment Health Nurs'

Noise (one printing in ten, one kind each): a typo in the title (two letters
swapped), a missing co-author, the journal in the other form (abbreviated where
the style prints it in full, or the reverse), or the year off by one.
"""

from __future__ import annotations

import random

STYLES = ("vancouver", "apa", "harvard")
STOP = {"of", "and", "in", "for", "the", "on"}
ABBREVIATIONS = {"journal": "J", "international": "Int", "british": "Br", "european": "Eur",
                 "mental": "Ment", "health": "Health", "psychiatric": "Psychiatr", "psychiatry": "Psychiatry",
                 "services": "Serv", "research": "Res", "community": "Community", "nursing": "Nurs",
                 "social": "Soc", "review": "Rev", "quarterly": "Q", "rehabilitation": "Rehabil",
                 "administration": "Adm", "policy": "Policy", "epidemiology": "Epidemiol",
                 "qualitative": "Qual", "evaluation": "Eval", "program": "Program", "planning": "Plann",
                 "delivery": "Deliv", "treatment": "Treat", "work": "Work", "care": "Care",
                 "primary": "Prim", "implementation": "Implement", "science": "Sci", "advanced": "Adv",
                 "recovery": "Recovery", "studies": "Stud", "counselling": "Couns"}


def abbreviate(name: str) -> str:
    """A journal name as Vancouver prints it: stop words dropped, known words abbreviated."""
    words = [w for w in name.split() if w.lower() not in STOP]
    return " ".join(ABBREVIATIONS.get(w.lower(), w[:5]) for w in words)


def printed(work, style: str, rng: random.Random, noise: float) -> str:
    """One printed string for `work` in `style`, with noise in a share `noise` of printings."""
    authors, year, title, journal = list(work.authors), work.year, work.title, work.journal
    full = style != "vancouver"
    if rng.random() < noise:
        kind = rng.choice(("typo", "coauthor", "journal", "year"))
        if kind == "typo":
            title = typo(title, rng)
        elif kind == "coauthor" and len(authors) > 2:
            del authors[rng.randrange(1, len(authors))]
        elif kind == "journal":
            full = not full
        elif kind == "year":
            year += rng.choice((-1, 1))
    venue = None if journal is None else journal[0] if full else journal[1]
    return PRINTERS[style](work, authors, year, title, venue)


def typo(title: str, rng: random.Random) -> str:
    """Two neighbouring letters of a word past the first swapped ("recovery" -> "recvoery")."""
    spots = [i for i in range(4, len(title) - 1) if title[i].isalpha() and title[i + 1].isalpha()]
    if not spots:
        return title
    i = rng.choice(spots)
    return title[:i] + title[i + 1] + title[i] + title[i + 2:]


def vancouver(work, authors, year, title, venue) -> str:
    names = ", ".join(f"{f} {g}" if g else f for f, g in authors)
    if venue is None:
        return f"{names}. {title}. London: {authors[0][0]}; {year}."
    short = shortened(work.first_page, work.first_page + work.pages)
    tail = f" doi:{work.doi}" if work.doi else ""
    return f"{names}. {title}. {venue}. {year};{work.volume}({work.issue}):{work.first_page}-{short}.{tail}"


def shortened(first: int, last: int) -> str:
    """The last page without the leading digits it shares with the first: 1179-1184 -> "84"."""
    a, b = str(first), str(last)
    if len(a) != len(b):
        return b
    same = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), len(b) - 1)
    return b[same:]


def apa_names(authors) -> str:
    names = [f"{f}, {'. '.join(g)}." if g else f for f, g in authors]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + ", & " + names[-1]


def apa(work, authors, year, title, venue) -> str:
    names = apa_names(authors)
    if venue is None:
        return f"{names}. ({year}). {title}. London: {authors[0][0]}."
    tail = f" https://doi.org/{work.doi}" if work.doi else ""
    return (f"{names} ({year}). {title}. {venue}, {work.volume}({work.issue}), "
            f"{work.first_page}\u2013{work.first_page + work.pages}.{tail}")


def harvard(work, authors, year, title, venue) -> str:
    names = [f"{f}, {'.'.join(g)}." if g else f for f, g in authors]
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    if venue is None:
        return f"{joined} ({year}) {title}. London: {authors[0][0]}."
    return (f"{joined} ({year}) '{title}', {venue}, {work.volume}({work.issue}), "
            f"pp. {work.first_page}\u2013{work.first_page + work.pages}.")


PRINTERS = {"vancouver": vancouver, "apa": apa, "harvard": harvard}
