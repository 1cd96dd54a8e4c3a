"""Corpora of printed reference strings, with the ground truth of which strings denote one work.

    python -m bench.corpus_gen 10k /tmp/field      # /tmp/field/corpus/ and /tmp/field/truth.tsv

A field-shaped corpus in litgraph's corpus format: papers/*.yaml, each with a
references/*.tsv list of about 40 printed strings. Cited works are drawn with a
heavy-tailed (Zipf) popularity, so a few works are cited by most lists; each list
prints in one style (Vancouver, APA or Harvard), and one printing in ten carries
noise: a typo in the title, a missing co-author, the journal abbreviated where the
style prints it in full (or the reverse), or the year off by one. Hard negatives
are built in: works of one first author and year with different titles, and one
body's reports of consecutive years.

The truth (`truth.tsv`: member key, work number) and the hard-negative pairs
(`hard-negatives.tsv`) are written beside the corpus, never inside it, so the
build cannot see them. Everything is drawn from one seeded generator: one size
always gives the same bytes. The words, names and journals are the project's own.
"""

from __future__ import annotations

import argparse
import bisect
import random
from dataclasses import dataclass
from pathlib import Path

from bench import corpus_print as printer

SIZES = {"1k": 1_000, "10k": 10_000, "50k": 50_000, "200k": 200_000}
REFERENCES_PER_PAPER = 40
WORKS_PER_ENTRY = 0.3         # distinct works per printed entry
ZIPF = 1.05                   # popularity exponent
NOISE = 0.1                   # share of printings with noise
SAME_AUTHOR_YEAR = 0.06       # share of works given a twin: same first author and year, other title
BODY_SERIES = 0.01            # share of works that are a body's report with a next-year sequel

SURNAME_STEMS = ("smith jones taylor brown williams wilson johnson davies robinson wright thompson evans "
                 "walker white roberts green hall wood jackson clarke gillard davidson repper carter mead "
                 "solomon pitt salzer chinman corrigan sells moran rebeiro lloyd simpson kemp stirling "
                 "holley edwards turner gibson marks castelein nestor mowbray okafor nguyen garcia muller "
                 "rossi kowalski lindqvist haddad tanaka osei mbeki fernandes oconnor vanderberg").split()
SURNAME_ENDS = ("", "", "", "son", "ley", "ton", "er", "ford", "well", "man", "by", "ham")
BODIES = ("Department of Health", "Mental Health Foundation", "National Institute for Mental Health",
          "Social Care Institute for Excellence", "Royal College of Psychiatrists", "Care Quality Commission",
          "World Health Organization", "Centre for Mental Health", "Scottish Recovery Network",
          "Health Education England")
JOURNAL_WORDS = ("Psychiatric Services|Community Mental Health|Mental Health|Health Services Research|"
                 "Psychiatric Rehabilitation|Administration and Policy in Mental Health|Social Psychiatry|"
                 "Psychiatry|Psychiatric Epidemiology|Health Services Delivery|Psychiatric Treatment|"
                 "Nursing|Mental Health Nursing|Social Work|Qualitative Health Research|Health Policy|"
                 "Evaluation and Program Planning|Recovery Studies|Rehabilitation Counselling|"
                 "Health and Social Care|Primary Care|Implementation Science|Advanced Nursing").split("|")
JOURNAL_FORMS = ("Journal of {}", "International Journal of {}", "{}", "British Journal of {}",
                 "{} Quarterly", "European Journal of {}", "{} Review")
TOPIC = ("peer support workers mental health services recovery employment outcomes qualitative "
         "randomised trial organisational change role integration lived experience training supervision "
         "stigma empowerment hospital admission community care evaluation wellbeing inpatient wards "
         "crisis resolution teams carers families young people older adults housing homelessness "
         "substance use psychosis depression anxiety self management shared decision making "
         "professional identity boundaries disclosure workforce commissioning policy implementation "
         "fidelity cost effectiveness engagement hope social inclusion discharge readmission "
         "therapeutic relationship coproduction participation").split()
LEADS = ("", "", "", "the ", "a ")
SUBTITLES = ("a qualitative study", "a randomised controlled trial", "a systematic review",
             "a mixed methods evaluation", "findings from a national survey", "a realist evaluation",
             "lessons from implementation", "a cohort study", "a pilot study", "a cluster randomised trial")

STRATEGIES = ("a national strategy for people of all ages", "a cross-government outcomes strategy",
              "a ten year plan for services")
FOLLOW_UPS = ("implementation framework", "progress report on delivery", "guidance for commissioners")


@dataclass(frozen=True, slots=True)
class CitedWork:
    number: int
    authors: tuple[tuple[str, str], ...]   # (family, initials); a body: ((name, ""),)
    body: bool
    year: int
    title: str
    journal: tuple[str, str] | None        # (full, abbreviated); None for a report
    volume: int
    issue: int
    first_page: int
    pages: int
    doi: str | None


def zipf_sampler(count: int, exponent: float, rng: random.Random):
    """A function drawing indices in [0, count) with P(i) proportional to 1 / (i+1)**exponent."""
    cumulative, total = [], 0.0
    for i in range(count):
        total += 1.0 / (i + 1) ** exponent
        cumulative.append(total)
    return lambda: bisect.bisect_left(cumulative, rng.random() * total)


def surname(rng: random.Random, draw) -> str:
    stem = SURNAME_STEMS[draw() % len(SURNAME_STEMS)]
    end = SURNAME_ENDS[rng.randrange(len(SURNAME_ENDS))] if rng.random() < 0.6 else ""
    name = (stem + end).capitalize()
    return "O'" + name[1:].capitalize() if stem == "oconnor" else name


def person(rng: random.Random, draw) -> tuple[str, str]:
    initials = "".join(rng.choice("ABCDEFGHJKLMNPRSTW") for _ in range(rng.choice((1, 1, 2))))
    return surname(rng, draw), initials


def title(rng: random.Random) -> str:
    words = rng.sample(TOPIC, rng.randint(5, 10))
    text = LEADS[rng.randrange(len(LEADS))] + " ".join(words)
    if rng.random() < 0.5:
        text += ": " + rng.choice(SUBTITLES)
    return text[0].upper() + text[1:]


def journals(rng: random.Random) -> list[tuple[str, str]]:
    names = sorted({form.format(words) for words in JOURNAL_WORDS for form in JOURNAL_FORMS})
    rng.shuffle(names)
    return [(name, printer.abbreviate(name)) for name in names[:120]]


def make_works(count: int, rng: random.Random) -> tuple[list[CitedWork], list[tuple[int, int]]]:
    """`count` works, among them twins of one first author and year, and body report series."""
    draw_name, venues = zipf_sampler(len(SURNAME_STEMS), 0.9, rng), journals(rng)
    works: list[CitedWork] = []
    hard: list[tuple[int, int]] = []
    while len(works) < count:
        n = len(works)
        roll = rng.random()
        if roll < BODY_SERIES and len(works) + 2 <= count:
            works += body_series(n, rng)
            hard.append((n, n + 1))
            continue
        work = article(n, rng, draw_name, venues)
        works.append(work)
        if roll < BODY_SERIES + SAME_AUTHOR_YEAR and len(works) < count:
            twin = article(n + 1, rng, draw_name, venues)
            works.append(CitedWork(n + 1, (work.authors[0],) + twin.authors[1:], False, work.year,
                                   twin.title, twin.journal, twin.volume, twin.issue, twin.first_page,
                                   twin.pages, twin.doi))
            hard.append((n, n + 1))
    return works, hard


def article(n: int, rng: random.Random, draw_name, venues) -> CitedWork:
    authors = tuple(person(rng, draw_name) for _ in range(rng.choice((1, 2, 2, 3, 3, 4, 5, 6))))
    return CitedWork(n, authors, False, rng.randint(1985, 2020), title(rng), rng.choice(venues),
                     rng.randint(1, 60), rng.randint(1, 12), rng.randint(1, 900), rng.randint(4, 20),
                     f"10.9999/bench.{n}" if rng.random() < 0.3 else None)


def body_series(n: int, rng: random.Random) -> list[CitedWork]:
    """One body's reports of consecutive years: a strategy and, a year on, its implementation framework.

    Same body, years one apart and a long shared title prefix, as the Department of
    Health's "No health without mental health" (2011) and its framework (2012).
    """
    body, year = rng.choice(BODIES), rng.randint(1995, 2019)
    topic = " ".join(rng.sample(TOPIC, 4)).capitalize()
    names = (f"{topic}: {rng.choice(STRATEGIES)}", f"{topic}: {rng.choice(FOLLOW_UPS)}")
    return [CitedWork(n + i, ((body, ""),), True, year + i, names[i], None, 0, 0, 0, 0, None) for i in range(2)]


def generate(entries: int, folder: Path, seed: int = 15) -> dict[str, int]:
    """Write folder/corpus/ (papers, references), folder/truth.tsv and folder/hard-negatives.tsv."""
    rng = random.Random(seed)
    works, hard = make_works(max(50, int(entries * WORKS_PER_ENTRY)), rng)
    order = list(range(len(works)))
    rng.shuffle(order)                 # popularity independent of kind
    draw = zipf_sampler(len(works), ZIPF, rng)
    corpus = folder / "corpus"
    (corpus / "papers").mkdir(parents=True, exist_ok=True)
    (corpus / "references").mkdir(parents=True, exist_ok=True)
    truth: list[str] = []
    papers = max(1, entries // REFERENCES_PER_PAPER)
    for p in range(papers):
        cited = cited_works(works, order, draw, min(REFERENCES_PER_PAPER, entries - p * REFERENCES_PER_PAPER))
        truth += write_paper(corpus, p, cited, printer.STYLES[p % len(printer.STYLES)], rng)
    (folder / "truth.tsv").write_text("".join(truth), encoding="utf-8")
    (folder / "hard-negatives.tsv").write_text("".join(f"{a}\t{b}\n" for a, b in hard), encoding="utf-8")
    return {"papers": papers, "entries": len(truth), "works": len(works), "hard_negatives": len(hard)}


def cited_works(works: list[CitedWork], order: list[int], draw, count: int) -> list[CitedWork]:
    chosen: dict[int, None] = {}
    while len(chosen) < count:
        chosen.setdefault(order[draw()])
    return [works[i] for i in chosen]


def write_paper(corpus: Path, p: int, cited: list[CitedWork], style: str, rng: random.Random) -> list[str]:
    """One paper record and its printed list; returns its truth lines."""
    doi = f"10.5555/field.{p}"
    name = f"paper-{p:05d}"
    (corpus / "papers" / f"{name}.yaml").write_text(
        f'doi: "{doi}"\ntitle: "Synthetic paper {p} of the benchmark field"\n'
        f'authors:\n  - {{family: Author{p}, given: A}}\nyear: 2021\ntype: journal-article\n'
        f'container: Benchmark Journal\nreferences: references/{name}.tsv\n', encoding="utf-8")
    lines, truth = [f"# Printed in {style} by bench/corpus_gen.py\n"], []
    for position, work in enumerate(cited, 1):
        lines.append(f"{position}\t{printer.printed(work, style, rng, NOISE)}\n")
        truth.append(f"{doi}#references/{position}\t{work.number}\n")
    (corpus / "references" / f"{name}.tsv").write_text("".join(lines), encoding="utf-8")
    return truth


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("size", help=f"printed entries: {', '.join(SIZES)} or a number")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args(argv)
    print(generate(SIZES.get(args.size, None) or int(args.size), args.folder, args.seed))


if __name__ == "__main__":
    main()
