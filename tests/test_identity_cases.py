"""Golden identity cases: hand-parsed printings from the corpus, and what must become of them.

Each folder of tests/cases/identity/ holds `input.yaml` (members as the parser
should read them) and `expected.yaml` (groups that must be one work, pairs that
must be apart); see tests/cases/identity/README.md.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from litgraph.corpus import load_corpus
from litgraph.identity import load_curator, resolve_works
from litgraph.model import Author, Paper, ParsedReference, ReferenceEntry

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases" / "identity"
SEED_SLUGS = {"000": "gillard-2013-bmchsr", "001": "gillard-2014-apt",
              "002": "gillard-2014-hsdr", "003": "gillard-2015-eps"}
CASE_NAMES = sorted(p.name for p in CASES.iterdir() if (p / "input.yaml").exists())


def seed_papers() -> dict[str, Paper]:
    by_slug = {p.slug: p for p in load_corpus(ROOT / "corpus").papers}
    return {short: by_slug[slug] for short, slug in SEED_SLUGS.items()}


SEEDS = seed_papers()


def full_key(short: str) -> str:
    """'001#references/22' -> '10.1192/apt.bp.113.011940#references/22'."""
    head, _, rest = short.partition("#")
    doi = SEEDS[head].doi if head in SEEDS else head
    return f"{doi}#{rest}"


def author(value) -> Author:
    if isinstance(value, dict):
        return Author(literal=value["literal"])
    family, _, given = value.rpartition(" ")
    return Author(family=family, given=given) if family else Author(family=given)


def entry_from(item: dict) -> ReferenceEntry:
    paper_doi, _, where = full_key(item["at"]).partition("#")
    list_name, _, position = where.partition("/")
    fields = {k: item[k] for k in ("type", "et_al", "year", "title", "container", "volume", "issue",
                                   "first_page", "last_page", "article_number", "publisher", "place", "doi")
              if k in item}
    parsed = ParsedReference(raw=item["raw"], authors=tuple(author(a) for a in item.get("authors", ())),
                             **fields)
    return ReferenceEntry(paper_doi, list_name, int(position), item["raw"], parsed)  # type: ignore[arg-type]


def load_case(name: str) -> tuple[list[Paper], list[ReferenceEntry], dict]:
    data = yaml.safe_load((CASES / name / "input.yaml").read_text(encoding="utf-8"))
    expected = yaml.safe_load((CASES / name / "expected.yaml").read_text(encoding="utf-8"))
    papers = [SEEDS[s] for s in data.get("papers", [])]
    return papers, [entry_from(item) for item in data["entries"]], expected


def work_index(result) -> dict[str, str]:
    return {m.key: w.id for w in result.works for m in w.members}


@pytest.mark.parametrize("name", CASE_NAMES)
def test_case_groups(name):
    papers, entries, expected = load_case(name)
    result = resolve_works(papers, entries, load_curator(None), {})
    work_of = work_index(result)
    for group in expected.get("same", []):
        ids = {work_of[full_key(k)] for k in group}
        assert len(ids) == 1, f"{name}: {group} should be one work, got {ids}"
    for a, b in expected.get("apart", []):
        assert work_of[full_key(a)] != work_of[full_key(b)], f"{name}: {a} and {b} should be apart"


@pytest.mark.parametrize("name", [n for n in CASE_NAMES if "near_miss" in load_case(n)[2]])
def test_case_near_misses_are_recorded(name):
    papers, entries, expected = load_case(name)
    result = resolve_works(papers, entries, load_curator(None), {})
    kept_apart = {(d.left, d.right) for d in result.decisions if not d.same}
    for a, b in expected["near_miss"]:
        pair = tuple(sorted((full_key(a), full_key(b))))
        assert pair in kept_apart, f"{name}: no near-miss decision for {a}, {b}"


@pytest.mark.parametrize("name", [n for n in CASE_NAMES if "work" in load_case(n)[2]])
def test_case_work_fields(name):
    papers, entries, expected = load_case(name)
    result = resolve_works(papers, entries, load_curator(None), {})
    want = expected["work"]
    work = next(w for w in result.works if full_key(want["member"]) in {m.key for m in w.members})
    for field in ("doi", "year", "id", "title"):
        if field in want:
            assert getattr(work, field) == want[field], field


@pytest.mark.parametrize("name", CASE_NAMES)
def test_case_does_not_depend_on_input_order(name):
    papers, entries, _ = load_case(name)
    expected = resolve_works(papers, entries, load_curator(None), {})
    for seed in range(3):
        rng = random.Random(seed)
        shuffled_papers, shuffled_entries = papers[:], entries[:]
        rng.shuffle(shuffled_papers)
        rng.shuffle(shuffled_entries)
        assert resolve_works(shuffled_papers, shuffled_entries, load_curator(None), {}) == expected


def test_all_cases_together_keep_their_groups():
    """The cases share members (001 #7 appears twice): resolving them at once changes nothing."""
    papers: dict[str, Paper] = {}
    entries: dict[str, ReferenceEntry] = {}
    expectations = []
    for name in CASE_NAMES:
        case_papers, case_entries, expected = load_case(name)
        papers.update({p.doi: p for p in case_papers})
        entries.update({e.key: e for e in case_entries})
        expectations.append(expected)
    result = resolve_works(list(papers.values()), list(entries.values()), load_curator(None), {})
    work_of = work_index(result)
    for expected in expectations:
        for group in expected.get("same", []):
            assert len({work_of[full_key(k)] for k in group}) == 1, group
        for a, b in expected.get("apart", []):
            assert work_of[full_key(a)] != work_of[full_key(b)], (a, b)
