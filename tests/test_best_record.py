"""The best record wins, field by field (issue 14 item 5; litgraph/identity/fields.py).

Each test merges members of one work through the real identity stage and checks
the field chosen and the member it is recorded as coming from.
"""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import PROV, RDF

from litgraph.identity import load_curator, resolve_works
from litgraph.model import Author, Paper, ParsedReference, ReferenceEntry
from litgraph.triples import triples_for
from litgraph.vocab import LG, work_iri

NONE = load_curator(None)
TITLE = "Challenges experienced by paid peer providers in mental health recovery: a qualitative study"
MORAN = (Author(family="Moran", given="GS"), Author(family="Russinova", given="Z"))


def printed(paper: str, position: int, list_name: str = "references", **fields) -> ReferenceEntry:
    fields.setdefault("title", TITLE)
    fields.setdefault("authors", MORAN)
    fields.setdefault("container", "Community Mental Health Journal")
    parsed = ParsedReference(raw=fields["title"], **fields)
    return ReferenceEntry(paper, list_name, position, fields["title"], parsed)  # type: ignore[arg-type]


def one_work(papers, entries):
    result = resolve_works(papers, entries, NONE, {})
    assert len(result.works) == 1, [w.members for w in result.works]
    return result.works[0]


def source(work, field: str) -> str:
    return dict(work.sources)[field]


def test_misspelt_longer_title_loses_to_ten_correct_printings():
    correct = [printed(f"10.1/{i}", 1, year=2013) for i in range(10)]
    misspelt = printed("10.1/x", 1, year=2013, title=TITLE.replace("qualitative", "qualitatve") + " of peers")
    work = one_work([], correct + [misspelt])
    assert work.title == TITLE
    assert source(work, "title") != misspelt.key


def test_truncated_printing_votes_for_the_title_it_cuts_short():
    short = [printed(f"10.1/{i}", 1, title="Challenges experienced by paid peer providers") for i in range(2)]
    full = printed("10.1/f", 1)
    assert one_work([], short + [full]).title == TITLE


def test_full_given_names_are_kept_over_initials():
    initials = printed("10.1/a", 1)
    full = printed("10.1/b", 1, authors=(Author(family="Moran", given="Galia S"), Author(family="Russinova", given="Zlatka")))
    work = one_work([], [initials, full])
    assert [a.given for a in work.authors] == ["Galia S", "Zlatka"]
    assert source(work, "authors") == full.key


def test_the_longer_author_list_is_kept():
    cut = printed("10.1/a", 1, authors=MORAN[:1], et_al=True)
    whole = printed("10.1/b", 1, authors=MORAN + (Author(family="Gidugu", given="V"),))
    work = one_work([], [cut, whole])
    assert len(work.authors) == 3 and source(work, "authors") == whole.key


def test_year_is_the_majority_of_printings():
    entries = [printed("10.1/a", 1, year=2012), printed("10.1/b", 1, year=2013), printed("10.1/c", 1, year=2013)]
    assert one_work([], entries).year == 2013


def test_year_tie_goes_to_the_printing_agreeing_with_the_other_fields_not_the_earliest():
    # Volume 49 wins 2:1, so the 2013 printing (volume 49) beats the 2012 one (volume 94, a misprint).
    entries = [printed("10.1/a", 1, year=2012, volume="94"), printed("10.1/b", 1, year=2013, volume="49"),
               printed("10.1/c", 1, volume="49")]
    work = one_work([], entries)
    assert (work.year, work.volume) == (2013, "49")
    assert source(work, "year") == "10.1/b#references/1"


def test_year_tie_goes_to_a_printing_with_a_doi():
    entries = [printed("10.1/a", 1, year=2012), printed("10.1/b", 1, year=2013, doi="10.1007/s10597-012-9541-y")]
    assert one_work([], entries).year == 2013


def test_source_trust_order_curated_then_crossref_then_library_then_printed():
    doi = "10.1007/s10597-012-9541-y"
    curated = Paper(doi, "moran", "Curated title", MORAN, 2013, "journal-article", source="")
    from_crossref = Paper(doi, "moran", "Crossref title", MORAN, 2013, "journal-article",
                          source="crossref https://api.crossref.org 2026-01-01T00:00:00Z")
    library = printed("library:mine", 1, "library", title="Library title", doi=doi, year=2013)
    strings = [printed(f"10.1/{i}", 1, title="Printed title", doi=doi, year=2012) for i in range(5)]

    assert one_work([curated], [library, *strings]).title == "Curated title"
    assert one_work([from_crossref], [library, *strings]).title == "Crossref title"
    work = one_work([], [library, *strings])
    assert (work.title, work.year, source(work, "title")) == ("Library title", 2013, library.key)
    assert one_work([], strings).title == "Printed title"


def test_abbreviated_and_full_journal_names_vote_together_and_the_full_name_wins():
    entries = [printed(f"10.1/{i}", 1, container="Community Ment Health J") for i in range(3)]
    full = printed("10.1/f", 1, container="Community Mental Health Journal")
    work = one_work([], entries + [full])
    assert (work.container, source(work, "container")) == ("Community Mental Health Journal", full.key)


def test_each_field_records_its_member_in_the_model_and_in_the_graph():
    citing = [Paper(doi, doi, f"Citing paper {doi}", (Author(family="Seed"),), 2020, "journal-article")
              for doi in ("10.1/a", "10.1/b")]
    a = printed("10.1/a", 1, year=2013, volume="49")
    b = printed("10.1/b", 2, year=2013, first_page="281", title=TITLE + "...")
    result = resolve_works(citing, [a, b], NONE, {})
    work = next(w for w in result.works if a.key in {m.key for m in w.members})
    assert dict(work.sources) == {"authors": a.key, "container": a.key, "first_page": b.key,
                                  "title": a.key, "volume": a.key, "year": a.key}
    triples = set(triples_for(result.works, [a, b], result.decisions, [], "digest", []))
    work_node = URIRef(work_iri(work.id))
    node = URIRef(f"{work_node}/field/first_page")
    assert (work_node, LG.hasFieldSource, node) in triples
    assert (node, RDF.type, LG.FieldSource) in triples
    assert {o for s, p, o in triples if s == node and p == PROV.wasDerivedFrom} == {
        URIRef(f"{work_iri('doi/10.1/b')}/references/2")}
    assert sum(1 for s, p, o in triples if s == work_node and p == LG.hasFieldSource) == 6


def test_page_range_is_never_mixed_from_two_printings():
    # Dickinson 2008 came out as "411-11": the first page of one printing, the last page of others.
    whole = printed("10.1/a", 1, volume="9", first_page="411", last_page="425")
    dashless = [printed(f"10.1/{i}", 1, volume="9", first_page="411", last_page=None) for i in "bc"]
    other = [printed(f"10.1/{i}", 1, volume="9", first_page="1", last_page="11") for i in "de"]
    work = one_work([], [whole, *dashless, *other])
    assert (work.first_page, work.last_page) in {("411", "425"), ("1", "11")}
    assert source(work, "last_page") in {m.key for m in [whole, *other] if m.parsed.first_page == work.first_page}
