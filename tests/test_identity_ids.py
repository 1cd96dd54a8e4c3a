"""Stable work ids: minted from DOIs or content keys, then kept by the id lock."""

from __future__ import annotations

import hashlib

import pytest

from litgraph.errors import CorpusError
from litgraph.identity import (Assertion, CuratorAssertions, dump_id_lock, load_curator, load_id_lock,
                               resolve_works)
from litgraph.identity.fields import WorkFields
from litgraph.identity.ids import assign_ids, content_key
from litgraph.model import Author, ParsedReference, ReferenceEntry
from test_identity_cases import CASE_NAMES, load_case

NONE = load_curator(None)


def entry(paper: str, position: int, title: str, family: str = "Davidson", year: int = 2006,
          doi: str | None = None) -> ReferenceEntry:
    parsed = ParsedReference(raw=title, type="journal-article", authors=(Author(family=family, given="L"),),
                             year=year, title=title, doi=doi)
    return ReferenceEntry(paper, "references", position, title, parsed)


def fields(title: str, family: str = "Davidson", year: int | None = 2006, doi: str | None = None) -> WorkFields:
    return WorkFields(doi, title, year, (Author(family=family),), "journal-article",
                      None, None, None, None, None, None, None, None)


def all_cases():
    papers, entries = {}, {}
    for name in CASE_NAMES:
        case_papers, case_entries, _ = load_case(name)
        papers.update({p.doi: p for p in case_papers})
        entries.update({e.key: e for e in case_entries})
    return list(papers.values()), list(entries.values())


def ids_by_member(result) -> dict[str, str]:
    return {m.key: w.id for w in result.works for m in w.members}


def test_id_is_the_doi_or_a_content_key_hash():
    result = resolve_works([], [entry("10.1/a", 1, "Peer support: a theoretical perspective", doi="10.5/ABC"),
                                entry("10.1/a", 2, "Peer support: what makes it unique", family="Mead")], NONE, {})
    assert {w.id for w in result.works} == {
        "doi/10.5/abc",
        "key/" + hashlib.sha1("mead|2006|peer support what makes it unique".encode()).hexdigest()[:12],
    }


def test_content_key_uses_first_author_year_and_eight_title_words():
    assert content_key(fields("One two three, four: five six seven eight nine ten", "Van der Post")) == \
        "vanderpost|2006|one two three four five six seven eight"
    body = WorkFields(None, "A Title", 2000, (Author(literal="Medical Research Council"),), "report",
                      *[None] * 8)
    assert content_key(body) == "medical research council|2000|a title"


def test_colliding_content_keys_get_a_suffix():
    same = fields("Annual report")
    assignment = assign_ids([["10.1/a#references/1"], ["10.1/b#references/1"]], [same, same], {})
    base = assignment.ids[0]
    assert assignment.ids == (base, base + "-2")


def test_a_new_work_never_takes_an_id_from_the_lock():
    minted = assign_ids([["10.1/a#references/1"]], [fields("Annual report")], {}).ids[0]
    assignment = assign_ids([["10.1/b#references/1"]], [fields("Annual report")], {"10.1/old#references/1": minted})
    assert assignment.ids == (minted + "-2",)


def test_adding_a_paper_that_prints_a_doi_changes_no_existing_id():
    papers, entries = all_cases()
    first = resolve_works(papers, entries, NONE, {})
    davidson = ids_by_member(first)["10.1186/1472-6963-13-188#references/8"]
    assert davidson.startswith("key/")
    new = [
        entry("10.9999/new", 1, "Peer support among adults with serious mental illness: a report from the field",
              doi="10.1093/schbul/sbj043"),
        entry("10.9999/new", 2, "A work no list printed before", family="Nobody"),
    ]
    second = resolve_works(papers, entries + new, NONE, first.id_lock)
    again = ids_by_member(second)
    assert {k: again[k] for k in first.id_lock} == first.id_lock
    assert again[new[0].key] == davidson
    assert next(w for w in second.works if w.id == davidson).doi == "10.1093/schbul/sbj043"
    assert again[new[1].key] not in first.id_lock.values()
    assert second.warnings == ()
    assert set(second.id_lock) == set(first.id_lock) | {e.key for e in new}


def test_lock_is_kept_for_members_no_longer_in_the_corpus():
    a = entry("10.1/a", 1, "Peer support: a theoretical perspective")
    lock = resolve_works([], [a], NONE, {}).id_lock | {"10.1/gone#references/1": "key/0123456789ab"}
    assert resolve_works([], [a], NONE, lock).id_lock == lock


def test_merged_works_keep_the_smallest_id_and_report_the_retired_one():
    a = entry("10.1/a", 1, "Peer support: a theoretical perspective")
    b = entry("10.1/b", 1, "Something else entirely", family="Other")
    lock = {a.key: "key/bbbbbbbbbbbb", b.key: "key/aaaaaaaaaaaa"}
    curator = CuratorAssertions("identity.yaml", same=(Assertion(a.key, b.key, "one work"),))
    result = resolve_works([], [a, b], curator, lock)
    assert [w.id for w in result.works] == ["key/aaaaaaaaaaaa"]
    assert result.warnings == ("work key/bbbbbbbbbbbb merged into work key/aaaaaaaaaaaa; "
                               "id key/bbbbbbbbbbbb is retired",)
    assert result.id_lock == {a.key: "key/aaaaaaaaaaaa", b.key: "key/aaaaaaaaaaaa"}


def test_a_split_work_keeps_its_id_where_most_members_are():
    a, b, c = (entry(f"10.1/{p}", 1, "Peer support: a theoretical perspective") for p in "abc")
    lock = {a.key: "key/aaaaaaaaaaaa", b.key: "key/aaaaaaaaaaaa", c.key: "key/aaaaaaaaaaaa"}
    curator = CuratorAssertions("identity.yaml", different=(
        Assertion(a.key, c.key, "two works"), Assertion(b.key, c.key, "two works")))
    result = resolve_works([], [a, b, c], curator, lock)
    ids = ids_by_member(result)
    assert ids[a.key] == ids[b.key] == "key/aaaaaaaaaaaa" != ids[c.key]
    assert result.warnings == (f"work key/aaaaaaaaaaaa was split: {c.key} now belong to work {ids[c.key]}",)


def test_two_clusters_never_share_an_id_even_with_one_doi():
    a, b = entry("10.1/a", 1, "Title one", doi="10.5/x"), entry("10.1/b", 1, "Title one", doi="10.5/x")
    curator = CuratorAssertions("identity.yaml", different=(Assertion(a.key, b.key, "erratum"),))
    ids = [w.id for w in resolve_works([], [a, b], curator, {}).works]
    assert len(set(ids)) == 2 and "doi/10.5/x" in ids


def test_lock_round_trips(tmp_path):
    lock = {"10.1/b#references/2": "key/0123456789ab", "10.1/a#paper": "doi/10.1/a"}
    text = dump_id_lock(lock)
    assert text.startswith("# ")
    assert text.splitlines()[-2:] == ["10.1/a#paper\tdoi/10.1/a", "10.1/b#references/2\tkey/0123456789ab"]
    path = tmp_path / "work-ids.tsv"
    path.write_text(text)
    assert load_id_lock(path) == lock


def test_missing_lock_is_empty(tmp_path):
    assert load_id_lock(tmp_path / "work-ids.tsv") == {}


@pytest.mark.parametrize("text, message", [
    ("10.1/a#paper doi/10.1/a\n", "expected '<member key><TAB><work id"),
    ("10.1/a#paper\twork/1\n", "expected '<member key><TAB><work id"),
    ("10.1/a#paper\tdoi/10.1/a\n10.1/a#paper\tdoi/10.1/a\n", "listed twice"),
])
def test_malformed_lock_is_a_corpus_error(tmp_path, text, message):
    path = tmp_path / "work-ids.tsv"
    path.write_text("# header\n" + text)
    with pytest.raises(CorpusError, match=message) as error:
        load_id_lock(path)
    assert error.value.path == str(path) and error.value.line == text.count("\n") + 1
