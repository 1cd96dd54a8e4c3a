"""Pools and printed styles for `synthetic`: invented records rendered as labelled segments."""

from __future__ import annotations

import random

from ..training import openvocab

FAMILIES = ("Smith Okafor Lind Moreau Brandt Iyer Castillo Nakamura García Müller Kowalski Osei Mensah Vogel "
            "Fischer Patel Chen Wang Li Zhang Kim Park Nguyen Tran Hernández Rossi Bianchi Dubois Lefebvre "
            "Andersson Nielsen Novak Horváth Popescu Ivanova Petrov Haddad Khalil Cohen Levi O'Brien McCarthy "
            "MacLeod Johansson Schmidt Weber Becker Hoffmann Silva Santos Oliveira Pereira Costa Yamamoto "
            "Tanaka Suzuki Sato Kumar Singh Sharma Gupta Adeyemi Okonkwo Abebe Mwangi Hughes Price Walker "
            "Green Hall Allen Young King Wright Scott Baker Adams Nelson Carter Mitchell Roberts Turner Phillips "
            "Campbell Parker Evans Edwards Collins Stewart Morris Rogers Reed Cook Morgan Bell Murphy Bailey "
            "Ascher-Svanum Ward-Griffin Smith-Jones Coatsworth Della_Rocca").split()
PARTICLED = ("van der Berg", "de la Torre", "van Dijk", "de Souza", "von Arnim", "Le Roux", "da Silva", "di Marco",
             "van den Bosch", "De Vries", "El Amrani", "bin Abdullah")
GIVEN = ("James Mary Anna Tomas Sunita Klaus René Catherine Wei Hiroshi Fatima Kwame Olga Lars Jan Pierre Ingrid "
         "Margaret Daniel Sophie Henri Claire Paul Ramesh Priya Ahmed Leila Carlos Lucía João Mariana Minji "
         "Jae-Won Jean-Pierre Ana-Maria Nkechi Chinedu Yuki Akira Elena Ivan Sergei Marta Piotr Agnieszka "
         "Thomas Robert Helen Sarah David Michael Laura Emma Peter Ken Pablo Steve Michelle Toby Violeta").split()
SUFFIXES = ("Jr", "Jr.", "III", "II", "Sr")
BODIES = ("World Health Organization", "Department of Health", "National Institute for Health and Care Excellence",
          "Mental Health Foundation", "Royal College of Psychiatrists", "Centers for Disease Control and Prevention",
          "Joint Commissioning Panel for Mental Health", "American Psychiatric Association", "NHS England",
          "Organisation for Economic Co-operation and Development", "Scottish Recovery Network")
WORDS = ("peer support recovery mental health services workers community care outcomes trial randomised "
         "qualitative study evaluation implementation hospital readmission stigma employment housing "
         "inpatient wards nursing practice policy reform organisational change role identity training "
         "supervision lived experience wellbeing depression anxiety psychosis schizophrenia adolescents "
         "older adults primary care integration costs effectiveness model framework review evidence "
         "gene expression lymphoma cells protein signalling climate soil water river urban migration "
         "labour market education schools teachers reading literacy language history memory culture").split()
TAILS = ("a systematic review", "a qualitative study", "a randomised controlled trial", "a mixed-methods evaluation",
         "lessons from England", "what works and why", "a cohort study", "results of a national survey",
         "a realist synthesis", "a cluster randomised trial")
FOREIGN = ("Le travail pair en psychiatrie", "Psychiatrische Versorgung im Wandel", "Apoyo mutuo en salud mental",
           "La santé mentale communautaire", "Genesung und Teilhabe", "Salud mental y empleo",
           "Les pairs aidants en santé mentale", "Manuel de psychologie clinique")
JOURNALS = (("Psychiatric Services", "Psychiatr Serv"), ("Journal of Mental Health", "J Ment Health"),
            ("BMC Health Services Research", "BMC Health Serv Res"), ("The Lancet", "Lancet"),
            ("British Journal of Psychiatry", "Br J Psychiatry"), ("Social Science & Medicine", "Soc Sci Med"),
            ("International Journal of Mental Health Nursing", "Int J Ment Health Nurs"),
            ("Community Mental Health Journal", "Community Ment Health J"), ("Nature Medicine", "Nat Med"),
            ("Schizophrenia Bulletin", "Schizophr Bull"), ("PLoS One", "PLoS One"), ("BMJ Open", "BMJ Open"),
            ("Annual Review of Psychology", "Annu Rev Psychol"), ("Journal of Advanced Nursing", "J Adv Nurs"),
            ("Proceedings of the National Academy of Sciences", "Proc Natl Acad Sci U S A"),
            ("Administration and Policy in Mental Health", "Adm Policy Ment Health"),
            ("Acta Psychiatrica Scandinavica", "Acta Psychiatr Scand"), ("Health Affairs", "Health Aff"),
            ("Revue française de sociologie", "Rev Fr Sociol"), ("Journal of Applied Ecology", "J Appl Ecol"),
            ("American Economic Review", "Am Econ Rev"), ("Physical Review Letters", "Phys Rev Lett"),
            ("Journal of the American Chemical Society", "J Am Chem Soc"), ("Cell", "Cell"), ("Blood", "Blood"))
PUBLISHERS = (("Oxford University Press", "Oxford"), ("Routledge", "London"), ("Sage", "Thousand Oaks, CA"),
              ("Springer", "New York"), ("Cambridge University Press", "Cambridge"), ("Wiley-Blackwell", "Chichester"),
              ("Guilford Press", "New York"), ("Elsevier Masson", "Issy-les-Moulineaux"), ("Gallimard", "Paris"),
              ("Thieme", "Stuttgart"), ("Palgrave Macmillan", "Basingstoke"), ("Open University Press", "Maidenhead"),
              ("HMSO", "London"), ("Jossey-Bass", "San Francisco"), ("University of Chicago Press", "Chicago"),
              ("Dunod", "Paris"), ("Lawrence Erlbaum", "Mahwah, NJ"), ("Presses Universitaires de France", "Paris"))
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def person(rng: random.Random) -> dict:
    family = rng.choice(PARTICLED) if rng.random() < 0.08 else rng.choice(FAMILIES).replace("_", " ")
    if rng.random() < 0.4:
        family = openvocab.family(rng)
    given = [rng.choice(GIVEN)] + ([rng.choice(GIVEN)] if rng.random() < 0.35 else [])
    return {"family": family, "given": given, "suffix": rng.choice(SUFFIXES) if rng.random() < 0.03 else ""}


def title(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return openvocab.open_title(rng)
    if rng.random() < 0.06:
        return rng.choice(FOREIGN)
    words = rng.sample(WORDS, rng.randint(3, 10))
    text = " ".join(words).capitalize()
    if rng.random() < 0.35:
        text += ": " + rng.choice(TAILS)
    elif rng.random() < 0.1:
        text += "?"
    return text


def draw_record(rng: random.Random) -> dict:
    kind = rng.choices(("journal-article", "book", "chapter", "report"), (0.7, 0.12, 0.12, 0.06))[0]
    count = rng.choice((1, 1, 2, 2, 3, 3, 4, 5, 6, 8, 12))
    authors = [person(rng) for _ in range(count)]
    first = rng.randint(1, 2400)
    journal = openvocab.journal(rng) if rng.random() < 0.5 else rng.choice(JOURNALS)
    publisher = (openvocab.publisher(rng), openvocab.place(rng)) if rng.random() < 0.5 else rng.choice(PUBLISHERS)
    return {"kind": kind, "authors": authors, "body": rng.choice(BODIES) if rng.random() < 0.06 else None,
            "year": str(rng.randint(1950, 2024)), "title": title(rng), "journal": journal[0], "abbrev": journal[1],
            "volume": str(rng.randint(1, 140)), "issue": str(rng.randint(1, 12)) if rng.random() < 0.7 else "",
            "first": str(first), "last": str(first + rng.randint(0, 30)), "article": rng.random() < 0.08,
            "publisher": publisher[0], "place": publisher[1], "editors": [person(rng) for _ in range(rng.randint(1, 3))],
            "book": title(rng), "month": rng.choice(MONTHS), "edition": rng.choice(("", "", "", "2nd", "3rd"))}


def initials(p: dict, dots: bool, space: bool = True) -> str:
    parts = []
    for name in p["given"]:
        pieces = name.split("-")
        parts.append("-".join(x[0] + ("." if dots else "") for x in pieces))
    return (" " if space and dots else "").join(parts)


def name(p: dict, form: str, rng: random.Random) -> str:
    """One person in a printed form."""
    suffix = (" " + p["suffix"]) if p["suffix"] else ""
    forms = {
        "vancouver": f"{p['family']} {initials(p, False)}{suffix}",
        "apa": f"{p['family']}, {initials(p, True, rng.random() < 0.6)}{(', ' + p['suffix']) if p['suffix'] else ''}",
        "harvard": f"{p['family']}, {initials(p, True, False)}",
        "natural": f"{initials(p, True, rng.random() < 0.6)} {p['family']}{suffix}",
        "full": f"{' '.join(p['given'])} {p['family']}{suffix}",
        "fullinv": f"{p['family']}, {' '.join(p['given'])}",
        "caps": f"{p['family'].upper()}, {p['given'][0]}",
        "midinit": f"{p['given'][0]} {p['given'][1][0] if len(p['given']) > 1 else rng.choice('ABCDJKLMR')} {p['family']}",
    }
    return forms[form]


def author_list(r: dict, form: str, rng: random.Random, sep: str = ", ", last: str = ", & ",
                limit: int = 0, first_form: str | None = None) -> str:
    if r["body"]:
        return r["body"]
    people = r["authors"][:limit] if limit and len(r["authors"]) > limit else r["authors"]
    names = [name(p, first_form if (i == 0 and first_form) else form, rng) for i, p in enumerate(people)]
    text = names[0] if len(names) == 1 else sep.join(names[:-1]) + last + names[-1]
    if len(people) < len(r["authors"]):
        text = sep.join(names) + rng.choice((", et al", " et al", ", et al.", " et al."))
    return text


def pages(r: dict, abbreviate: bool = False) -> str:
    if r["article"]:
        return "e" + r["first"] + r["last"][-2:]
    last = r["last"]
    if abbreviate and len(last) == len(r["first"]):
        cut = next((i for i, (a, b) in enumerate(zip(r["first"], last)) if a != b), len(last) - 1)
        last = last[cut:]
    return r["first"] + rng_dash(r) + last


def rng_dash(r: dict) -> str:
    return "–" if int(r["first"]) % 3 else "-"


def vol_issue(r: dict, form: str) -> str:
    issue = r["issue"]
    return {"paren": r["volume"] + (f"({issue})" if issue else ""),
            "space": r["volume"] + (f" ({issue})" if issue else "")}[form]


def apa(r, rng):
    segs = [("author", author_list(r, "apa", rng) + ("." if r["body"] else "")), ("date", f"({r['year']}).")]
    if r["kind"] == "journal-article":
        segs += [("title", r["title"] + "."), ("journal", r["journal"] + ","), ("volume", r["volume"]),
                 ("issue", f"({r['issue']})," if r["issue"] else ","), ("pages", pages(r) + ".")]
    elif r["kind"] == "chapter":
        eds = author_list({**r, "authors": r["editors"], "body": None}, "natural", rng)
        segs += [("title", r["title"] + "."), ("editor", f"In {eds} (Ed{'s' if len(r['editors']) > 1 else ''}.),"),
                 ("container-title", r["book"]), ("pages", f"(pp. {r['first']}–{r['last']}).")] 
        segs += [("publisher", r["publisher"] + ".")]
    else:
        segs += [("title", r["title"] + ("" if r["edition"] else ".")),
                 ("edition", f"({r['edition']} ed.)." if r["edition"] else ""), ("publisher", r["publisher"] + ".")]
    return segs


def vancouver(r, rng):
    segs = [("author", author_list(r, "vancouver", rng, ", ", ", ", limit=6) + "."), ("title", r["title"] + ".")]
    if r["kind"] == "journal-article":
        month = f" {r['month']}" if rng.random() < 0.3 else ""
        segs += [("journal", r["abbrev"] + "."), ("date", f"{r['year']}{month};"),
                 ("volume", r["volume"]), ("issue", f"({r['issue']}):" if r["issue"] else ":"),
                 ("pages", pages(r, abbreviate=True) + ".")]
    elif r["kind"] == "chapter":
        eds = author_list({**r, "authors": r["editors"], "body": None}, "vancouver", rng, ", ", ", ")
        segs += [("editor", f"In: {eds}, editor{'s' if len(r['editors']) > 1 else ''}."), ("container-title", r["book"] + "."),
                 ("location", r["place"] + ":"), ("publisher", r["publisher"] + ";"), ("date", r["year"] + "."),
                 ("pages", f"p. {r['first']}-{r['last'][-2:]}.")]
    else:
        segs += [("edition", f"{r['edition']} ed." if r["edition"] else ""), ("location", r["place"] + ":"),
                 ("publisher", r["publisher"] + ";"), ("date", r["year"] + ".")]
    return segs


def harvard(r, rng):
    segs = [("author", author_list(r, "harvard", rng, ", ", " and ")), ("date", f"({r['year']})")]
    if r["kind"] == "journal-article":
        segs += [("title", f"'{r['title']}',"), ("journal", r["journal"] + ","), ("volume", vol_issue(r, "paren") + ","),
                 ("pages", f"pp. {pages(r)}.")]
    else:
        segs += [("title", r["title"] + "."), ("location", r["place"] + ":"), ("publisher", r["publisher"] + ".")]
    return segs


def chicago(r, rng):
    form = rng.choice(("fullinv", "apa"))
    segs = [("author", author_list(r, "full" if form == "fullinv" else "natural", rng, ", ",
                                   rng.choice((", and ", " and ")), first_form=form) + ".")]
    if r["kind"] == "journal-article":
        if rng.random() < 0.5:
            segs += [("date", r["year"] + "."), ("title", f"\u201c{r['title']}.\u201d"), ("journal", r["journal"]),
                     ("volume", r["volume"]), ("issue", f"({r['issue']}):" if r["issue"] else ":"), ("pages", pages(r) + ".")]
        else:
            segs += [("title", f"\"{r['title']}.\""), ("journal", r["journal"] + ","), ("volume", f"Vol. {roman(r)},"),
                     ("date", r["year"] + ","), ("pages", f"pp. {pages(r)}.")]
    else:
        segs += [("title", r["title"] + "."), ("location", r["place"] + ":"), ("publisher", r["publisher"] + ","),
                 ("date", r["year"] + ".")]
    return segs


def roman(r) -> str:
    n = int(r["volume"]) % 40 + 1
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def numbered(r, rng):
    number = rng.choice((f"[{rng.randint(1, 90)}]", f"{rng.randint(1, 90)}."))
    form = rng.choice(("natural", "full", "midinit"))
    segs = [("citation-number", number), ("author", author_list(r, form, rng, ", ", ", and " if rng.random() < .5 else ", ") + ",")]
    if r["kind"] in ("journal-article", "chapter"):
        style = rng.random()
        if style < 0.4:
            segs += [("title", f"\u201c{r['title']},\u201d"), ("journal", r["abbrev"] + ","), ("volume", f"vol. {r['volume']},"),
                     ("issue", f"no. {r['issue']}," if r["issue"] else ""), ("pages", f"pp. {pages(r)},"), ("date", f"{r['year']}.")]
        elif style < 0.7:
            segs += [("title", r["title"] + ","), ("journal", r["abbrev"]), ("volume", vol_issue(r, "space")),
                     ("date", f"({r['year']})"), ("pages", pages(r) + ".")]
        else:
            segs += [("journal", r["abbrev"] + ","), ("date", r["year"] + ","), ("volume", r["volume"] + ","),
                     ("pages", r["first"] + ".")]
    else:
        segs += [("title", r["title"] + "."), ("location", r["place"] + ":"), ("publisher", r["publisher"] + ","),
                 ("date", r["year"] + ".")]
    return segs


def nature(r, rng):
    segs = [("author", author_list(r, "harvard", rng, ", ", " & ", limit=5) + ("." if r["body"] else ""))]
    if r["kind"] == "journal-article":
        segs += [("title", r["title"] + "."), ("journal", r["abbrev"].replace(" ", ". ") + "."), ("volume", r["volume"] + ","),
                 ("pages", pages(r)), ("date", f"({r['year']}).")]
    else:
        segs += [("title", r["title"]), ("publisher", f"({r['publisher']},"), ("date", f"{r['year']}).")]
    return segs


def french(r, rng):
    authors = ". ".join(name(p, "caps", rng) for p in r["authors"][:4]) + "."
    segs = [("author", authors if not r["body"] else r["body"] + ".")]
    if r["kind"] == "journal-article":
        segs += [("title", r["title"] + "."), ("journal", r["journal"] + ","), ("date", r["year"] + ","),
                 ("volume", f"vol. {r['volume']},"), ("issue", f"n° {r['issue']}," if r["issue"] else ""),
                 ("pages", f"p. {r['first']}-{r['last']}.")]
    else:
        segs += [("title", r["title"] + "."), ("location", r["place"] + " :"), ("publisher", r["publisher"].upper() + ","),
                 ("date", r["year"] + ".")]
    return segs


def mla(r, rng):
    segs = [("author", author_list(r, "full", rng, ", ", ", and ", first_form="fullinv", limit=3) + ".")]
    if r["kind"] == "journal-article":
        segs += [("title", f"\u201c{r['title']}.\u201d"), ("journal", r["journal"] + ","), ("volume", f"vol. {r['volume']},"),
                 ("issue", f"no. {r['issue']}," if r["issue"] else ""), ("date", r["year"] + ","), ("pages", f"pp. {pages(r)}.")]
    else:
        segs += [("title", r["title"] + "."), ("publisher", r["publisher"] + ","), ("date", r["year"] + ".")]
    return segs


STYLES = (("apa", apa), ("vancouver", vancouver), ("harvard", harvard), ("chicago", chicago), ("numbered", numbered),
          ("nature", nature), ("french", french), ("mla", mla))
