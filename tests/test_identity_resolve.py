"""resolve_works as a whole: the public API, the fields a work gets, blocking, decisions."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import random

import pytest

import litgraph.identity
from litgraph.identity import IdentityResult, load_curator, resolve_works
from litgraph.identity.cluster import candidate_pairs
from litgraph.identity.mentions import mention_from_entry
from litgraph.model import Author, Paper, ParsedReference, ReferenceEntry

NONE = load_curator(None)
TITLE = "Challenges experienced by paid peer providers in mental health recovery: a qualitative study"


def entry(paper: str, position: int, list_name: str = "references", **fields) -> ReferenceEntry:
    fields.setdefault("title", TITLE)
    fields.setdefault("authors", (Author(family="Moran", given="GS"),))
    parsed = ParsedReference(raw=fields["title"], **fields)
    return ReferenceEntry(paper, list_name, position, fields["title"], parsed)  # type: ignore[arg-type]


def only_work(result: IdentityResult):
    assert len(result.works) == 1, [w.members for w in result.works]
    return result.works[0]


def test_public_api_is_pinned():
    assert sorted(litgraph.identity.__all__) == [
        "Assertion", "CuratorAssertions", "IdentityResult", "MERGE_THRESHOLD", "NEAR_MISS",
        "dump_id_lock", "load_curator", "load_id_lock", "resolve_works",
    ]
    for name in litgraph.identity.__all__:
        assert getattr(litgraph.identity, name) is not None


@pytest.mark.parametrize("module", sorted(m.name for m in pkgutil.iter_modules(litgraph.identity.__path__)))
def test_docstring_examples_run(module):
    imported = importlib.import_module(f"litgraph.identity.{module}")
    assert doctest.testmod(imported).failed == 0


def test_empty_input_gives_an_empty_result():
    assert resolve_works([], [], NONE, {}) == IdentityResult((), (), {}, ())


def test_each_paper_and_entry_is_a_member_of_exactly_one_work():
    entries = [entry("10.1/a", i, title=f"Title number {i} of a list", authors=(Author(family=f"A{i}"),))
               for i in range(1, 6)]
    paper = Paper("10.1/a", "a", "The seed", (Author(family="Seed"),), 2020, "journal-article")
    result = resolve_works([paper], entries, NONE, {})
    keys = [m.key for w in result.works for m in w.members]
    assert sorted(keys) == sorted([e.key for e in entries] + ["10.1/a#paper"])
    assert [w.id for w in result.works] == sorted(w.id for w in result.works)


def test_seed_paper_gives_title_year_and_doi():
    paper = Paper("10.1007/S10597", "moran", TITLE + " (seed)", (Author(family="Moran", given="GS"),), 2013,
                  "journal-article", container="Community Mental Health Journal", volume="49")
    cited = entry("10.1/a", 1, year=2012, title=TITLE, volume="49", container="Community Ment Health J")
    work = only_work(resolve_works([paper], [cited], NONE, {}))
    assert (work.title, work.year, work.doi, work.id) == (TITLE + " (seed)", 2013, "10.1007/S10597",
                                                          "doi/10.1007/s10597")
    assert work.members[0].list == "paper"


def test_title_is_the_longest_that_is_not_a_truncation():
    short = entry("10.1/a", 1, title="Challenges experienced by paid peer providers")
    full = entry("10.1/b", 1, title=TITLE)
    dotted = entry("10.1/c", 1, title=TITLE + " and what comes of them in the long run...")
    work = only_work(resolve_works([], [short, full, dotted], NONE, {}))
    assert work.title == TITLE


def test_year_is_the_most_common_then_one_printed_with_a_doi_and_a_tie_not_simply_the_earliest():
    def year_of(*years_and_dois):
        entries = [entry(f"10.1/{i}", 1, year=y, doi=d) for i, (y, d) in enumerate(years_and_dois)]
        return only_work(resolve_works([], entries, NONE, {})).year

    assert year_of((2012, None), (2013, None), (2013, None)) == 2013
    assert year_of((2012, None), (2013, "10.5/x")) == 2013
    assert year_of((2013, None), (2012, None)) == 2013  # issue 14: a tie no longer goes to the earliest
    assert year_of((2012, None), (2013, None)) == 2012
    assert year_of((None, "10.5/x"), (2012, None), (2013, None)) == 2012


def test_authors_come_from_the_member_naming_most():
    few = entry("10.1/a", 1, authors=(Author(family="Moran", given="GS"),), et_al=True)
    many = entry("10.1/b", 1, authors=(Author(family="Moran", given="S"), Author(family="Russinova", given="Z")))
    assert only_work(resolve_works([], [few, many], NONE, {})).authors == many.parsed.authors


def test_fields_do_not_depend_on_input_order():
    entries = [
        entry("10.1/a", 1, year=2012, volume="49", first_page="111", container="Community Mental Health Journal"),
        entry("10.1/b", 1, year=2013, volume="49", first_page="281", container="Community Mental Health Journal"),
        entry("10.1/c", 1, doi="10.1007/s10597-012-9541-y", container="Community Ment Health J",
              authors=(Author(family="Moran", given="S"), Author(family="Gagne", given="C"))),
    ]
    expected = resolve_works([], entries, NONE, {})
    for seed in range(5):
        shuffled = entries[:]
        random.Random(seed).shuffle(shuffled)
        assert resolve_works([], shuffled, NONE, {}) == expected
    work = only_work(expected)
    assert (work.doi, work.year, work.volume, work.first_page) == ("10.1007/s10597-012-9541-y", 2012, "49", "111")


def test_every_merge_and_near_miss_is_one_decision_per_pair():
    entries = [entry("10.1/a", 1, year=2012), entry("10.1/b", 1, year=2012),
               entry("10.1/c", 1, year=2012, title="Benefits and mechanisms of recovery among peer providers")]
    result = resolve_works([], entries, NONE, {})
    pairs = [(d.left, d.right) for d in result.decisions]
    assert len(pairs) == len(set(pairs)) and all(left < right for left, right in pairs)
    assert [d.same for d in result.decisions if d.method == "score"] == [True]


def test_blocking_compares_far_fewer_than_all_pairs():
    rng = random.Random(0)
    vocabulary = [f"word{i}" for i in range(300)]
    entries = [entry("10.1/a", i, title=" ".join(rng.sample(vocabulary, 8)),
                     authors=(Author(family=f"Author{i % 150}"),)) for i in range(1, 601)]
    pairs = candidate_pairs([mention_from_entry(e) for e in entries])
    assert len(pairs) < 600 * 599 // 2 // 50


def test_a_member_given_twice_is_an_input_error():
    from litgraph.errors import InputError

    with pytest.raises(InputError, match="two members have the key 10.1/a#references/1"):
        resolve_works([], [entry("10.1/a", 1), entry("10.1/a", 1)], NONE, {})
