"""Curator assertions (corpus/identity.yaml) always win, and the constraints clustering keeps."""

from __future__ import annotations

from pathlib import Path

import pytest

from litgraph.errors import CorpusError
from litgraph.identity import CuratorAssertions, load_curator, resolve_works
from litgraph.identity.cluster import Clusters
from litgraph.identity.curator import Assertion
from litgraph.identity.mentions import make_mention
from litgraph.model import Author, Member, ParsedReference, ReferenceEntry

ROOT = Path(__file__).resolve().parent.parent
TITLE = "Peer support among adults with serious mental illness: a report from the field"


def entry(paper: str, position: int, title: str = TITLE, doi: str | None = None, year: int = 2006,
          family: str = "Davidson", page: str | None = "443") -> ReferenceEntry:
    parsed = ParsedReference(raw=title, type="journal-article", authors=(Author(family=family, given="L"),),
                             year=year, title=title, container="Schizophrenia Bulletin", volume="32",
                             first_page=page, doi=doi)
    return ReferenceEntry(paper, "references", position, title, parsed)


def curator(same=(), different=()) -> CuratorAssertions:
    return CuratorAssertions("identity.yaml",
                             tuple(Assertion(a, b, "test", i + 2) for i, (a, b) in enumerate(same)),
                             tuple(Assertion(a, b, "test", i + 10) for i, (a, b) in enumerate(different)))


def work_of(result) -> dict[str, str]:
    return {m.key: w.id for w in result.works for m in w.members}


def decision_for(result, a, b):
    left, right = sorted((a, b))
    found = [d for d in result.decisions if (d.left, d.right) == (left, right)]
    assert len(found) == 1, found
    return found[0]


def test_different_wins_over_a_shared_doi():
    a, b = entry("10.1/a", 1, doi="10.5/x"), entry("10.1/b", 1, doi="10.5/X")
    result = resolve_works([], [a, b], curator(different=[(a.key, b.key)]), {})
    assert work_of(result)[a.key] != work_of(result)[b.key]
    assert decision_for(result, a.key, b.key).method == "curator"
    assert len({w.id for w in result.works}) == 2


def test_different_is_never_merged_transitively():
    """A ~ B ~ C all look alike; the curator says A and C differ: B joins one of them only."""
    a, b, c = entry("10.1/a", 1), entry("10.1/b", 1), entry("10.1/c", 1, page="444")
    result = resolve_works([], [a, b, c], curator(different=[(a.key, c.key)]), {})
    works = work_of(result)
    assert works[a.key] != works[c.key]
    assert works[a.key] == works[b.key]  # the stronger link (identical page) wins
    kept_apart = decision_for(result, b.key, c.key)
    assert not kept_apart.same
    assert f"kept apart: the curator says {a.key} and {c.key} are different works" in kept_apart.reasons


def test_different_splits_a_chain_through_dois():
    """A and B share a DOI, B and C share another only by score: C may join, unless the curator says no."""
    a, b = entry("10.1/a", 1, doi="10.5/x"), entry("10.1/b", 1, doi="10.5/x")
    c = entry("10.1/c", 1)
    result = resolve_works([], [a, b, c], curator(different=[(a.key, c.key)]), {})
    works = work_of(result)
    assert works[a.key] == works[b.key] != works[c.key]


def test_union_find_refuses_a_union_joining_a_different_pair():
    mentions = [make_mention(Member("10.1/p", "references", i), ParsedReference(raw=""), False) for i in (1, 2, 3)]
    keys = [m.key for m in mentions]
    clusters = Clusters(mentions, [(keys[0], keys[2])])
    clusters.union(keys[0], keys[1])
    assert "the curator says" in clusters.conflict(keys[1], keys[2], "score")
    assert "the curator says" in clusters.conflict(keys[2], keys[1], "doi")


def test_same_joins_works_scores_would_keep_apart():
    a = entry("10.1/a", 1, doi="10.5/x")
    b = entry("10.1/b", 1, title="Something else entirely", doi="10.5/y", family="Other")
    result = resolve_works([], [a, b], curator(same=[(a.key, b.key)]), {})
    assert len(result.works) == 1
    assert decision_for(result, a.key, b.key).method == "curator"
    assert decision_for(result, a.key, b.key).reasons == ("curator: test",)


def test_same_assertions_that_join_a_different_pair_are_an_error():
    a, b, c = entry("10.1/a", 1), entry("10.1/b", 1), entry("10.1/c", 1)
    with pytest.raises(CorpusError) as error:
        resolve_works([], [a, b, c], curator(same=[(a.key, b.key), (b.key, c.key)],
                                             different=[(a.key, c.key)]), {})
    assert error.value.path == "identity.yaml" and error.value.line == 10


def test_unknown_member_key_is_an_error_naming_the_file_and_line():
    a = entry("10.1/a", 1)
    with pytest.raises(CorpusError, match="unknown member key 10.1/a#references/9") as error:
        resolve_works([], [a], curator(same=[(a.key, "10.1/a#references/9")]), {})
    assert error.value.line == 2


def test_curator_keys_match_dois_in_any_case():
    a, b = entry("10.1/ABC", 1), entry("10.1/b", 1, title="Other", family="Other")
    result = resolve_works([], [a, b], curator(same=[("10.1/abc#references/1", b.key)]), {})
    assert len(result.works) == 1
    assert decision_for(result, a.key, b.key).left == a.key


def test_scores_never_join_two_dois():
    a, b = entry("10.1/a", 1, doi="10.5/x"), entry("10.1/b", 1, doi="10.5/y")
    result = resolve_works([], [a, b], curator(), {})
    assert len(result.works) == 2
    assert "kept apart: DOIs differ: 10.5/x vs 10.5/y" in decision_for(result, a.key, b.key).reasons


def test_two_entries_of_one_list_are_not_joined_by_score():
    a, b = entry("10.1/a", 1), entry("10.1/a", 2)
    result = resolve_works([], [a, b], curator(), {})
    assert len(result.works) == 2
    assert "kept apart: one list prints both: 10.1/a#references" in decision_for(result, a.key, b.key).reasons
    joined = resolve_works([], [a, b], curator(same=[(a.key, b.key)]), {})
    assert len(joined.works) == 1


def test_load_curator_reads_the_corpus_file():
    assertions = load_curator(ROOT / "corpus" / "identity.yaml")
    assert assertions.same == () and assertions.different == ()


def test_load_curator_none_is_empty():
    assert load_curator(None) == CuratorAssertions()


def test_load_curator_reads_assertions_with_lines(tmp_path):
    path = tmp_path / "identity.yaml"
    path.write_text("# comment\nsame:\n  - {a: 10.1000/a#references/1, b: 10.1000/b#paper, why: one work}\n"
                    "different:\n  - a: 10.1000/a#references/2\n    b: 10.1000/a#cited_by/3\n    why: two\n")
    assertions = load_curator(path)
    assert assertions.same == (Assertion("10.1000/a#references/1", "10.1000/b#paper", "one work", 3),)
    assert assertions.different == (Assertion("10.1000/a#references/2", "10.1000/a#cited_by/3", "two", 5),)
    assert assertions.path == str(path)


@pytest.mark.parametrize("text, message, line", [
    ("same: [\n", "not valid YAML", 2),
    ("- a\n", "expected a mapping", 1),
    ("merge: []\n", "unknown section 'merge'", 1),
    ("same: {a: 1}\n", "must be a list", 1),
    ("same:\n  - {a: 10.1000/a#paper, b: 10.1000/b#paper}\n", "lacks why", 2),
    ("same:\n  - {a: 10.1000/a#paper, b: 10.1000/b#paper, why: x, score: 1}\n", "unknown field 'score'", 2),
    ("same:\n  - {a: 10.1000/a, b: 10.1000/b#paper, why: x}\n", "is not a member key", 2),
    ("same:\n  - {a: 10.1000/a#references/0, b: 10.1000/b#paper, why: x}\n", "is not a member key", 2),
    ("same:\n  - {a: 10.1000/a#paper, b: 10.1000/a#paper, why: x}\n", "names one member twice", 2),
    ("same:\n  - {a: 10.1000/a#paper, b: 10.1000/b#paper, why: x}\ndifferent:\n"
     "  - {a: 10.1000/b#paper, b: 10.1000/a#paper, why: y}\n", "both the same work and different", 4),
])
def test_load_curator_rejects_malformed_files(tmp_path, text, message, line):
    path = tmp_path / "identity.yaml"
    path.write_text(text)
    with pytest.raises(CorpusError, match=message) as error:
        load_curator(path)
    assert error.value.path == str(path)
    assert error.value.line == line
