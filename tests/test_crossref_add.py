"""`crossref add`: new papers with their deposited references, apart from curated data, no duplicates."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml

from conftest import ROOT
from crossref_server import client_settings, crossref_server  # noqa: F401 (fixture)
from litgraph.crossref.add import add_papers, clean_doi
from litgraph.crossref.client import CrossrefClient
from litgraph.crossref.papers import load_added_papers
from litgraph.errors import InputError, UpstreamError

NEW = "10.5555/litgraph.2016.001"
SLUG = "okafor-2016-10-5555-litgraph-2016-001"


@pytest.fixture
def corpus(tmp_path):
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    return tmp_path / "corpus"


def add(corpus, server, *dois, **settings):
    with CrossrefClient(client_settings(server, **settings)) as client:
        return add_papers(corpus, list(dois), client)


def test_add_writes_record_list_and_provenance_in_the_curated_formats(corpus, crossref_server):
    [outcome] = add(corpus, crossref_server, NEW)
    assert (outcome.status, outcome.references) == ("added", 8)
    root = corpus / "crossref"
    record = yaml.safe_load((root / "papers" / f"{SLUG}.yaml").read_text())
    assert record["doi"] == NEW and record["year"] == 2016 and record["authors"][0] == {"family": "Okafor", "given": "N"}
    assert record["source"].startswith(f"crossref {crossref_server.url} ")
    assert record["references"] == f"crossref/references/{SLUG}.tsv"
    lines = [line for line in (root / "references" / f"{SLUG}.tsv").read_text().splitlines()
             if not line.startswith("#")]
    assert lines[0] == ("1\tCorrigan PW. Impact of consumer-operated services on empowerment and recovery of people "
                        "with psychiatric disabilities. Psychiatric Services. 2006;57(10):1493. "
                        "doi:10.1176/appi.ps.57.10.1493")
    assert lines[7] == "8\tdoi:10.1007/s10597-012-9541-y"
    provenance = json.loads((root / "provenance" / f"{SLUG}.json").read_text())
    assert provenance["url"] == f"{crossref_server.url}/works/{NEW}"
    assert [(r["position"], r["doi_asserted_by"], r["from"]) for r in provenance["references"][:3]] == \
        [(1, "publisher", "fields"), (2, "crossref", "unstructured"), (3, None, "fields")]


def test_added_papers_load_like_curated_ones(corpus, crossref_server):
    add(corpus, crossref_server, NEW)
    added = load_added_papers(corpus)
    assert [p.doi for p in added.papers] == [NEW]
    assert [e.position for e in added.entries] == list(range(1, 9))
    assert {e.paper_doi for e in added.entries} == {NEW}
    assert added.files == (f"crossref/papers/{SLUG}.yaml", f"crossref/references/{SLUG}.tsv")


def test_deposit_provenance_by_entry_key(corpus, crossref_server):
    from litgraph.crossref.papers import load_deposit_provenance

    add(corpus, crossref_server, NEW)
    lines = load_deposit_provenance(corpus)
    first = lines[f"{NEW}#references/1"]
    assert (first.deposit_key, first.doi, first.doi_asserted_by) == \
        (f"{NEW}-ref1", "10.1176/appi.ps.57.10.1493", "publisher")
    assert first.url == f"{crossref_server.url}/works/{NEW}" and len(lines) == 8


def test_curated_seed_papers_are_skipped_and_never_changed(corpus, crossref_server):
    before = {p: p.read_bytes() for p in (corpus / "papers").iterdir()}
    [outcome] = add(corpus, crossref_server, "https://doi.org/10.1186/1472-6963-13-188")
    assert outcome.status == "skipped" and "curated seed paper" in outcome.detail
    assert {p: p.read_bytes() for p in (corpus / "papers").iterdir()} == before
    assert crossref_server.log == []


def test_adding_again_asks_nothing(corpus, crossref_server, tmp_path):
    add(corpus, crossref_server, NEW)
    [again] = add(corpus, crossref_server, NEW)
    assert again.status == "skipped" and "already added" in again.detail
    assert len(crossref_server.log) == 1


def test_unknown_doi_fails_that_record_only(corpus, crossref_server):
    outcomes = add(corpus, crossref_server, "10.9999/no-such-doi", "10.5555/walker.2013")
    assert [o.status for o in outcomes] == ["failed", "added"]
    assert "404" in outcomes[0].detail


def test_malformed_doi_is_bad_input_before_any_request(corpus, crossref_server):
    with pytest.raises(InputError, match="not a DOI"):
        add(corpus, crossref_server, NEW, "peer support")
    assert crossref_server.log == []
    assert clean_doi("doi:10.1017/S2045796014000407") == "10.1017/s2045796014000407"


def test_crossref_down_keeps_the_papers_added_so_far(corpus, crossref_server):
    crossref_server.fail_after(1, status=500)
    with pytest.raises(UpstreamError, match=r"1 paper\(s\) added before it failed are kept"):
        add(corpus, crossref_server, NEW, "10.5555/walker.2013", max_retries=1)
    assert [p.doi for p in load_added_papers(corpus).papers] == [NEW]
    assert not list((corpus / "crossref").rglob(".*.tmp"))          # no half-written file


# -- the graph grows without duplicates ------------------------------------------------------------

def build_with_added_papers(corpus, out):
    """Build `corpus`; until the build reads corpus/crossref/papers/ itself, present the added
    papers to it as curated ones (in this throw-away copy)."""
    from litgraph.build import build_graph

    seeds = len(list((ROOT / "corpus" / "papers").glob("*.yaml")))
    added = load_added_papers(corpus).papers
    summary = build_graph(corpus, out)
    if summary.papers == seeds + len(added):
        return summary
    for path in (corpus / "crossref" / "papers").glob("*.yaml"):
        shutil.copy(path, corpus / "papers" / path.name)
    return build_graph(corpus, out)


def works_of(build_dir):
    from litgraph.store import open_store
    from litgraph.works import read_works

    return read_works(open_store("oxigraph", build_dir))


@pytest.mark.slow
def test_added_paper_grows_the_graph_without_duplicates(corpus, crossref_server, tmp_path):
    from litgraph.build import build_graph

    before = build_graph(corpus, tmp_path / "before")
    add(corpus, crossref_server, NEW)
    after = build_with_added_papers(corpus, tmp_path / "after")
    # New: the paper itself and the one work no seed cites (Walker & Bryant 2013).
    assert after.works == before.works + 2
    work_of = {(m["paper_doi"], m["list"], m["position"]): w for w in works_of(tmp_path / "after")
               for m in w["members"]}
    joined = {1: "doi/10.1176/appi.ps.57.10.1493",     # deposited fields with a publisher DOI
              2: "doi/10.1186/1472-6963-13-188",       # a seed paper, by Crossref-asserted DOI
              4: "doi/10.3109/09638237.2011.583947",   # deposited string with DOI
              7: "doi/10.1192/apt.bp.113.011940",      # a seed paper, from fields alone
              8: "doi/10.1007/s10597-012-9541-y"}      # a DOI and nothing else
    for position, work_id in joined.items():
        assert work_of[(NEW, "references", position)]["id"] == work_id, position
    for position in (3, 5):                            # no DOI: joined by the scored comparison
        members = work_of[(NEW, "references", position)]["members"]
        assert len({m["paper_doi"] for m in members}) >= 3, position
    assert [m["paper_doi"] for m in work_of[(NEW, "references", 6)]["members"]] == [NEW]
