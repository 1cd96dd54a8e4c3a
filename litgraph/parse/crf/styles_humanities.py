"""Humanities and social-science shapes for `synthetic`, on the records of `styles_synthetic`.

Natural-order and mixed-order author lists joined by "and" or "&", editors marked
ed./eds./(Hrsg.)/(dir.), chapters in edited books, books with place and publisher,
translated works, theses, conference papers, DIN 1505 and ISO 690 with capital family
names, and "Vol. VI" volumes. Written by the project; no third-party strings.
"""

from __future__ import annotations

import random

from .styles_synthetic import name, pages, roman

JOINS = (", and ", " and ", " & ", ", & ")
UNIVERSITIES = ("University of Chicago", "Université Paris 8", "Universität Hamburg", "Universidad de Granada",
                "University of Toronto", "London School of Economics", "Stanford University", "Freie Universität Berlin")
GENRES = ("PhD diss.", "PhD thesis", "Doctoral dissertation", "Master's thesis", "Thèse de doctorat",
          "Dissertation", "Tesis doctoral", "Unpublished PhD thesis")
MEETINGS = ("Annual Meeting of the American Sociological Association", "Congress of the European Sociological "
            "Association", "Annual Conference of the Social Policy Association", "Annual Meeting of the American "
            "Political Science Association", "International Conference on Oral History")
CITIES = ("Chicago", "Lisbon", "Toronto", "Berlin", "Paris", "Madrid", "New Orleans", "Manchester")


def people(persons: list[dict], rng: random.Random, mixed: bool) -> str:
    """Persons in natural order, the first inverted when `mixed`; joined with and/&."""
    initials = rng.random() < 0.4
    natural = "natural" if initials else "full"
    first = ("apa" if initials else "fullinv") if mixed else natural
    names = [name(p, first if i == 0 else natural, rng) for i, p in enumerate(persons)]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + rng.choice(JOINS) + names[-1]


def authors(r: dict, rng: random.Random, mixed: bool = True) -> str:
    return r["body"] if r["body"] else people(r["authors"][:rng.randint(1, 4)], rng, mixed)


def editors(r: dict, rng: random.Random) -> str:
    return people(r["editors"], rng, False)


def many(r: dict) -> bool:
    return len(r["editors"]) > 1


def imprint(r: dict) -> list[tuple[str, str]]:
    """Place: Publisher (the date goes where the style puts it)."""
    return [("location", r["place"] + ":"), ("publisher", r["publisher"] + ".")]


def chapter_in(r: dict, rng: random.Random) -> list[tuple[str, str]]:
    """A chapter: `In: Book, ed. by X and Y, 12–30.` or `in X (ed.), Book, pp.`."""
    shape = rng.random()
    if shape < 0.4:
        cue = rng.choice(("In", "In:"))
        return [("container-title", f"{cue} {r['book']},"), ("editor", f"{rng.choice(('ed. by', 'edited by'))} "
                f"{editors(r, rng)},"), ("pages", pages(r) + ".")] + imprint(r)
    if shape < 0.75:
        mark = "(eds.)" if many(r) else "(ed.)"
        return [("editor", f"{rng.choice(('in', 'In'))} {editors(r, rng)} {mark},"), ("container-title", r["book"] + ","),
                ("pages", f"pp. {pages(r)}.")] + imprint(r)
    mark = "eds." if many(r) else "ed."
    return [("container-title", f"In {r['book']}."), ("editor", f"{mark} {editors(r, rng)}."),
            ("pages", pages(r) + ".")] + imprint(r)


def translated(r: dict, rng: random.Random) -> list[tuple[str, str]]:
    person = people(r["editors"][:1], rng, False)
    cue = rng.choice(("Translated by", "Trans.", "trans.", "Übers. von", "Traduit par"))
    return [("title", r["title"] + "."), ("translator", f"{cue} {person}.")] + imprint(r)


def humanities_kind(r: dict, rng: random.Random) -> dict:
    """The record as these fields cite: fewer articles, more books and chapters."""
    kinds = ("journal-article", "book", "chapter", "report")
    return {**r, "kind": rng.choices(kinds, (0.35, 0.25, 0.3, 0.1))[0]}


def social(r: dict, rng: random.Random) -> list[tuple[str, str]]:
    """Chicago/ASA/APSA/Turabian/MLA-like, the year after the names or at the end."""
    r = humanities_kind(r, rng)
    early = rng.random() < 0.5
    segs = [("author", authors(r, rng, rng.random() < 0.7).rstrip(".") + ".")] + ([("date", r["year"] + ".")] if early else [])
    body = social_body(r, rng)
    if early or any(label == "date" for label, _ in body):
        return segs + body
    last, text = body[-1]
    return segs + body[:-1] + [(last, text.rstrip(".") + ","), ("date", r["year"] + ".")]


def social_body(r: dict, rng: random.Random) -> list[tuple[str, str]]:
    """Everything after the names (and an early year), ending in '.'."""
    segs: list[tuple[str, str]] = []
    tail: list[tuple[str, str]] = []
    kind = r["kind"]
    if kind == "journal-article":
        vol = f"Vol. {roman(r)}," if rng.random() < 0.3 else r["volume"] + ("" if r["issue"] else ":")
        return segs + [("title", f"\u201c{r['title']}.\u201d"), ("journal", r["journal"]), ("volume", vol),
                       ("issue", f"({r['issue']}):" if r["issue"] else ""), ("pages", pages(r) + ".")] + tail
    if kind == "chapter":
        return segs + [("title", f"\u201c{r['title']}.\u201d".replace("?.", "?"))] + chapter_in(r, rng) + tail
    if kind == "report" and rng.random() < 0.5:
        return segs + [("title", f"\u201c{r['title']}.\u201d"), ("genre", "Paper presented at the"),
                       ("container-title", rng.choice(MEETINGS) + ","), ("location", rng.choice(CITIES) + ","),
                       ("date", f"{r['month']} {r['year']}.")]
    if rng.random() < 0.25:
        return segs + [("title", r["title"] + "."), ("genre", rng.choice(GENRES) + ","),
                       ("publisher", rng.choice(UNIVERSITIES) + ".")] + tail
    if rng.random() < 0.2:
        return segs + translated(r, rng) + tail
    return segs + [("title", r["title"] + ".")] + imprint(r) + tail


def caps(persons: list[dict], rng: random.Random, sep: str) -> str:
    return sep.join(f"{p['family'].upper()}, {rng.choice((p['given'][0], p['given'][0][0] + '.'))}" for p in persons)


def din(r: dict, rng: random.Random) -> list[tuple[str, str]]:
    """DIN 1505 / ISO 690: capital family names, `In: X (Hrsg.): Book. Place : Publisher, Year, S. 12–30.`"""
    r = humanities_kind(r, rng)
    segs = [("author", (r["body"] or caps(r["authors"][:3], rng, rng.choice(("; ", " ; ", ", ")))) + ":")]
    segs.append(("title", r["title"] + "."))
    if r["kind"] == "chapter":
        mark = rng.choice(("(Hrsg.)", "(dir.)", "(ed.)", "(coord.)"))
        segs += [("editor", f"{rng.choice(('In:', 'In', 'Dans', 'En:'))} {caps(r['editors'], rng, '; ')} {mark}:"),
                 ("container-title", r["book"] + ".")]
    elif r["kind"] == "journal-article":
        return segs + [("journal", f"In: {r['journal']}"), ("volume", r["volume"]), ("date", f"({r['year']}),"),
                       ("issue", f"Nr. {r['issue']}," if r["issue"] else ""), ("pages", f"S. {pages(r)}")]
    if r["edition"]:
        segs.append(("edition", rng.choice((f"{r['edition'][0]}. Aufl.", f"{r['edition'][0]}e éd.", f"{r['edition'][0]}.ª ed."))))
    chapter = r["kind"] == "chapter"
    segs += [("location", r["place"] + " :"), ("publisher", r["publisher"] + ","), ("date", r["year"] + ("," if chapter else "."))]
    return segs + ([("pages", f"{rng.choice(('S.', 'p.', 'pp.'))} {pages(r)}.")] if chapter else [])


def comma_names(r: dict, rng: random.Random) -> str:
    """Names as comma-separated styles print them: natural order, inverted first, or FAMILY (I.)."""
    if r["body"]:
        return r["body"]
    roll = rng.random()
    if roll < 0.15:
        p = r["authors"][0]
        return f"{p['family'].upper()} ({p['given'][0][0]}.)"
    return people(r["authors"][:rng.randint(1, 3)], rng, roll < 0.55)


def volume_words(r: dict, rng: random.Random) -> str:
    return rng.choice((f"vol. {r['volume']}", f"Vol. {r['volume']}", f"v. {r['volume']}", r["volume"],
                       f"t. {r['volume']}", f"Bd. {r['volume']}", f"No. {r['volume']}"))


def comma(r: dict, rng: random.Random) -> list[tuple[str, str]]:
    """Note and European bibliography forms, every part closed by a comma:
    `Name, Title, Place: Publisher, Year.`, `Name, Title (Place: Publisher, Year), 12.`,
    `Name, "Title," Journal 12, no. 3 (1998): 4-5.`, `Name, Title, Journal, v. 16, pp. 1-9. 1958.`"""
    r = humanities_kind(r, rng)
    segs = [("author", comma_names(r, rng) + ",")]
    quoted = rng.random() < 0.4
    title = f"\u201c{r['title']},\u201d" if quoted else r["title"] + ","
    if r["kind"] == "journal-article":
        segs.append(("title", title))
        if rng.random() < 0.5:
            return segs + [("journal", r["journal"]), ("volume", r["volume"] + ","),
                           ("issue", f"no. {r['issue']}" if r["issue"] else ""),
                           ("date", f"({r['year']}):"), ("pages", pages(r) + ".")]
        tail = [("volume", volume_words(r, rng) + ","), ("pages", f"{rng.choice(('pp. ', 'p. ', ''))}{pages(r)}.")]
        year = ("date", r["year"] + ".")
        return segs + [("journal", r["journal"] + ",")] + (tail + [year] if rng.random() < 0.5 else
                                                           [tail[0], ("date", r["year"] + ","), tail[1]])
    if r["kind"] == "chapter":
        segs.append(("title", title))
        return segs + [("container-title", f"{rng.choice(('in', 'In', 'in:', 'In :'))} {r['book']},"),
                       ("editor", f"{rng.choice(('ed.', 'ed. by', 'edited by', 'dir.'))} {editors(r, rng)}"),
                       ("location", f"({r['place']}:"), ("publisher", r["publisher"] + ","),
                       ("date", r["year"] + "),"), ("pages", pages(r) + ".")]
    segs.append(("title", r["title"] + ("" if rng.random() < 0.5 else ",")))
    if not segs[-1][1].endswith(","):
        return segs + [("location", f"({r['place']}:"), ("publisher", r["publisher"] + ","),
                       ("date", r["year"] + ")" + rng.choice((".", ",", ""))),
                       ("pages", f"{rng.choice(('p. ', ''))}{r['first']}." if rng.random() < 0.3 else "")]
    if rng.random() < 0.3:
        return segs + [("location", r["place"] + ","), ("date", r["year"] + ".")]
    return segs + [("location", r["place"] + rng.choice((":", " :", ","))), ("publisher", r["publisher"] + ","),
                   ("date", r["year"] + ".")]


STYLES = (("social", social), ("din-iso690", din), ("comma", comma))
