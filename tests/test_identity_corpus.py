"""Identity on the real seed corpus, parsed by litgraph.parse: the cases that must hold."""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path

import pytest
import yaml

from litgraph.corpus import load_corpus
from litgraph.identity import load_curator, resolve_works
from litgraph.model import ReferenceEntry
from test_identity_cases import CASE_NAMES, CASES, SEEDS, full_key

ROOT = Path(__file__).resolve().parent.parent

# Groups that must be exactly one work each: no member missing, none extra.
ONE_WORK = {
    "abbreviated and full journal names": ["000#references/6", "001#references/5", "003#references/9"],
    "Work Employment Soc ~ Society": ["000#references/37", "001#references/7"],
    "co-author printed Shear SL and Liptzin Shear S": ["000#references/10", "001#references/46"],
    "co-authors missing": ["000#references/45", "001#references/17"],
    "a co-author missing": ["000#references/11", "001#references/28", "003#references/29"],
    "a report credited to another body": ["000#references/20", "001#references/13"],
    "Moran 2012, 2013 and no year": ["000#references/35", "001#references/31", "003#references/35"],
    "wrong year 2011 for 2012": ["000#references/28", "001#references/21"],
    "seed 000 cited": ["000#paper", "001#references/22", "003#references/16"],
    "seed 002 cited and citing": ["002#paper", "001#references/23", "003#references/17", "001#cited_by/14"],
    "No Health Without Mental Health 2011": ["000#references/23", "001#references/15"],
    "No Health Without Mental Health 2012": ["001#references/16", "003#references/13"],
    "Mead 2001": ["000#references/12", "003#references/30"],
    "Davidson 2006": ["000#references/8", "001#references/9", "003#references/12"],
    "Repper & Carter 2011": ["000#references/9", "001#references/41", "003#references/45"],
    "Repper & Watson 2012": ["001#references/42", "003#references/46"],
    "Gillard 2012 QHR": ["000#references/29", "003#references/15"],
    "Turner 1990, title printed twice": ["000#references/17", "001#references/52"],
    "seed 001": ["001#paper"],
    "seed 003": ["003#paper"],
    "Gillard 2015 cites seed 001": ["001#cited_by/13"],
    "Repper 2013": ["001#references/43"],
}

APART = [
    ("000#references/14", "000#references/34"),    # Kesler & Bach 2011 / Kessler, Bach & Heron 2007
    ("000#references/14", "000#references/33"),
    ("001#references/15", "001#references/16"),    # DoH 2011 / 2012
    ("003#references/21", "003#references/22"),    # JCPMH 2012a / 2012b
    ("001#references/29", "003#references/31"),    # MRC 2000 / 2008
    ("003#references/34", "003#references/35"),    # Moran QHR 2012 / CMHJ
    ("000#references/36", "000#references/37"),    # Currie 2007 / 2009
    ("000#references/11", "000#references/12"),    # Mead 2006 / 2001
    ("001#references/9", "001#references/10"),     # Davidson 2006 / 2012
    ("001#references/41", "001#references/42"),    # Repper & Carter / Repper & Watson
    ("001#references/42", "001#references/43"),    # Repper & Watson / Repper 2013
    ("000#references/25", "000#references/29"),    # Gillard 2012 BMC HSR / QHR
    ("003#references/38", "003#references/39"),    # Nelson part 1 / Ochocka part 3
    ("000#paper", "002#paper"),
]

NEAR_MISSES = [
    ("003#references/21", "003#references/22"),
    ("003#references/38", "003#references/39"),
]


@cache
def corpus_input():
    from litgraph.parse import parse_reference

    corpus = load_corpus(ROOT / "corpus")
    entries = tuple(ReferenceEntry(r.paper_doi, r.list, r.position, r.raw, parse_reference(r.raw), r.path, r.line)
                    for r in corpus.entries)
    return corpus.papers, entries


@cache
def resolved():
    papers, entries = corpus_input()
    return resolve_works(papers, entries, load_curator(ROOT / "corpus" / "identity.yaml"), {})


def members_of_work(short_key: str) -> set[str]:
    key = full_key(short_key)
    work = next(w for w in resolved().works if key in {m.key for m in w.members})
    return {m.key for m in work.members}


def work_id(short_key: str) -> str:
    key = full_key(short_key)
    return next(w.id for w in resolved().works if key in {m.key for m in w.members})


@pytest.mark.parametrize("name", sorted(ONE_WORK))
def test_one_work(name):
    assert members_of_work(ONE_WORK[name][0]) == {full_key(k) for k in ONE_WORK[name]}


@pytest.mark.parametrize("a, b", APART)
def test_apart(a, b):
    assert work_id(a) != work_id(b)


@pytest.mark.parametrize("a, b", NEAR_MISSES)
def test_near_miss_is_recorded(a, b):
    left, right = sorted((full_key(a), full_key(b)))
    decision = next(d for d in resolved().decisions if (d.left, d.right) == (left, right))
    assert not decision.same and decision.method == "score"


def test_seed_works_are_named_by_their_dois():
    for short, paper in SEEDS.items():
        assert work_id(f"{short}#paper") == "doi/" + paper.doi.lower()


@pytest.mark.parametrize("name", CASE_NAMES)
def test_hand_parsed_case_expectations_hold_on_parsed_corpus(name):
    """The golden cases were written from corpus lines; the real parser's fields must do as well."""
    expected = yaml.safe_load((CASES / name / "expected.yaml").read_text(encoding="utf-8"))
    real = {m.key for w in resolved().works for m in w.members}
    for group in expected.get("same", []):
        keys = [k for k in group if full_key(k) in real]
        assert len({work_id(k) for k in keys}) <= 1, group
    for a, b in expected.get("apart", []):
        if full_key(a) in real and full_key(b) in real:
            assert work_id(a) != work_id(b), (a, b)


def test_every_member_is_in_one_work():
    papers, entries = corpus_input()
    keys = [m.key for w in resolved().works for m in w.members]
    assert sorted(keys) == sorted([e.key for e in entries] + [f"{p.doi}#paper" for p in papers])


def test_result_does_not_depend_on_input_order():
    papers, entries = corpus_input()
    shuffled = list(entries)
    random.Random(7).shuffle(shuffled)
    assert resolve_works(list(reversed(papers)), shuffled, load_curator(None), {}) == resolved()


@pytest.mark.parametrize("added", ["000", "001", "002", "003"])
def test_adding_a_seed_paper_changes_no_existing_id(added):
    papers, entries = corpus_input()
    doi = SEEDS[added].doi
    before = resolve_works([p for p in papers if p.doi != doi], [e for e in entries if e.paper_doi != doi],
                           load_curator(None), {})
    after = resolve_works(papers, entries, load_curator(None), before.id_lock)
    assert {k: after.id_lock[k] for k in before.id_lock} == before.id_lock
    assert after.warnings == ()
