"""The coded findings (corpus/findings/*.yaml) against their format, their seed texts,
their reference lists and the ontology's concept schemes (format: corpus/findings/README.md)."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

FINDINGS = ROOT / "corpus" / "findings"
PAPERS = ROOT / "corpus" / "papers"
CONCEPT = "https://w3id.org/litgraph/concept/"
TAGS = {"gillard-2013-bmchsr": "bmc", "gillard-2014-apt": "apt", "gillard-2014-hsdr": "hsdr",
        "gillard-2015-eps": "eps"}
HEADER = {"paper", "coded_by", "coded_on", "source_text", "findings"}
REQUIRED = {"id", "statement", "quote", "section", "source", "design"}
ONE_CONCEPT = {"design": "design", "domain": "domain", "factor": "factor", "mechanism": "mechanism",
               "polarity": "polarity", "direction": "direction"}
MANY_CONCEPTS = {"outcomes": "outcome", "roles": "role", "settings": "setting", "sectors": "sector",
                 "countries": "country", "doubts": "doubt"}
KNOWN = REQUIRED | {"citation", "note", "trials", "caveats"} | set(ONE_CONCEPT) | set(MANY_CONCEPTS)
QUOTE_MARKS = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


def normalised(text: str) -> str:
    """Whitespace collapsed and curly quotes made straight: how quotes are matched to seed texts."""
    return " ".join(text.translate(QUOTE_MARKS).split())


@lru_cache(maxsize=None)
def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def paper_record(slug: str) -> dict:
    return yaml.safe_load((PAPERS / f"{slug}.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def reference_list(slug: str) -> dict[int, str]:
    name = paper_record(slug).get("references")
    if not name:
        return {}
    rows = (line.split("\t", 1) for line in (ROOT / "corpus" / name).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#"))
    return {int(position): raw for position, raw in rows}


@lru_cache(maxsize=None)
def seed_text(relative: str) -> str | None:
    path = ROOT.parent / relative
    return normalised(path.read_text(encoding="utf-8")) if path.is_file() else None


FILES = sorted(FINDINGS.glob("*.yaml"))
ALL = [(path.stem, finding) for path in FILES for finding in load(path)["findings"]]
IDS = [finding["id"] for _, finding in ALL]


def test_one_findings_file_per_seed_paper():
    assert [p.stem for p in FILES] == sorted(p.stem for p in PAPERS.glob("*.yaml")) == sorted(TAGS)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_header(path):
    record, paper = load(path), paper_record(path.stem)
    assert set(record) == HEADER
    assert str(record["paper"]) == str(paper["doi"])
    assert record["coded_by"] == "litgraph curators"
    assert isinstance(record["coded_on"], dt.date)
    assert record["source_text"] == paper["source"], "source_text must be the seed named by the paper record"
    assert isinstance(record["findings"], list) and record["findings"]


def test_ids_are_unique_kebab_case_and_tagged_by_paper():
    assert len(IDS) == len(set(IDS)), sorted(i for i in IDS if IDS.count(i) > 1)
    for slug, finding in ALL:
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)+", finding["id"]), finding["id"]
        assert finding["id"].startswith(TAGS[slug] + "-"), finding["id"]


@pytest.mark.parametrize("slug, finding", ALL, ids=IDS)
def test_finding_has_the_required_keys_and_no_others(slug, finding):
    assert REQUIRED <= set(finding), REQUIRED - set(finding)
    assert set(finding) <= KNOWN, set(finding) - KNOWN
    assert all(finding[k] not in (None, "", [], {}) for k in finding), "omit keys that do not apply"
    if "caveats" in finding or "doubts" in finding:  # a caveat: what it doubts and why, topic optional
        assert finding.get("caveats") and finding.get("doubts"), "a caveat needs caveats and doubts"
    else:
        assert finding.get("domain") or finding.get("outcomes") or finding.get("mechanism")
        assert finding.get("polarity") or finding.get("direction")
    if finding.get("factor"):
        assert finding.get("polarity"), "a factor needs a polarity"
    if finding.get("outcomes"):
        assert finding.get("direction"), "outcomes need a direction"
    assert finding.get("polarity") in (None, "facilitator", "barrier")
    assert finding.get("direction") in (None, "benefit", "no-difference", "harm", "mixed")


@pytest.mark.parametrize("slug, finding", ALL, ids=IDS)
def test_field_shapes(slug, finding):
    for key in ("statement", "quote", "section", "citation", "note"):
        assert key not in finding or isinstance(finding[key], str)
    for key in ONE_CONCEPT:
        assert key not in finding or re.fullmatch(r"[a-z0-9-]+", str(finding[key])), key
    for key in MANY_CONCEPTS:
        values = finding.get(key, [])
        assert isinstance(values, list) and len(values) == len(set(values)), key
        assert all(re.fullmatch(r"[a-z0-9-]+", v) for v in values), key
    assert "trials" not in finding or (type(finding["trials"]) is int and finding["trials"] > 0)
    statement = finding["statement"]
    assert statement.endswith(".") and not re.search(r"[.!?] [A-Z]", statement), "one sentence"


@pytest.mark.parametrize("slug, finding", ALL, ids=IDS)
def test_quote_is_verbatim_from_the_seed_text(slug, finding):
    text = seed_text(load(FINDINGS / f"{slug}.yaml")["source_text"])
    if text is None:
        pytest.skip("seed text not present")
    assert normalised(finding["quote"]) in text


@pytest.mark.parametrize("slug, finding", ALL, ids=IDS)
def test_source_is_an_entry_of_the_papers_list_a_doi_or_self(slug, finding):
    source = finding["source"]
    assert isinstance(source, dict) and len(source) == 1
    (kind, value), = source.items()
    if kind == "entry":
        assert type(value) is int and value in reference_list(slug)
    elif kind == "doi":
        assert re.fullmatch(r"10\.\d{4,9}/\S+", value)
    else:
        assert (kind, value) == ("self", True)
        assert "citation" not in finding, "a finding of the paper's own study cites nothing"


@pytest.mark.parametrize("slug, finding", [(s, f) for s, f in ALL if "citation" in f],
                         ids=[f["id"] for _, f in ALL if "citation" in f])
def test_citation_resolves_to_the_source_entry(slug, finding):
    from litgraph.findings.citations import parse_citation, resolve_citation
    from litgraph.parse import parse_reference

    entries = {position: parse_reference(raw) for position, raw in reference_list(slug).items()}
    citation = parse_citation(finding["citation"])
    assert citation is not None, f"not one citation: {finding['citation']!r}"
    resolution = resolve_citation(citation, entries)
    assert resolution.positions == (finding["source"]["entry"],), resolution.reason
    text = seed_text(load(FINDINGS / f"{slug}.yaml")["source_text"])
    if text is not None:
        assert normalised(finding["citation"]) in text, "the citation as printed in the seed text"


def test_every_entry_finding_names_its_citation():
    missing = [f["id"] for _, f in ALL if "entry" in f["source"] and "citation" not in f]
    assert missing == []


@lru_cache(maxsize=None)
def ontology_concepts() -> frozenset[str] | None:
    files = sorted((ROOT / "ontology").glob("*.ttl")) + sorted((ROOT / "vocabulary").glob("*.ttl"))  # core + the project's
    if not files:
        return None
    from rdflib import Graph, URIRef
    from rdflib.namespace import RDF, SKOS

    graph = Graph()
    for path in files:
        graph.parse(path, format="turtle")
    return frozenset(str(s) for s in graph.subjects(RDF.type, SKOS.Concept)
                     if isinstance(s, URIRef) and str(s).startswith(CONCEPT))


@pytest.mark.parametrize("slug, finding", ALL, ids=IDS)
def test_every_slug_is_a_concept_of_its_scheme(slug, finding):
    concepts = ontology_concepts()
    if concepts is None:
        pytest.skip("no ontology/*.ttl yet")
    used = [(scheme, finding[key]) for key, scheme in ONE_CONCEPT.items() if key in finding]
    used += [(scheme, value) for key, scheme in MANY_CONCEPTS.items() for value in finding.get(key, [])]
    missing = [f"{scheme}/{value}" for scheme, value in used if f"{CONCEPT}{scheme}/{value}" not in concepts]
    assert missing == []


def test_counts_per_paper():
    """Pinned so that a finding lost or added by accident shows up in review."""
    counts = {path.stem: len(load(path)["findings"]) for path in FILES}
    assert counts == {"gillard-2013-bmchsr": 8, "gillard-2014-apt": 70, "gillard-2014-hsdr": 32,
                      "gillard-2015-eps": 4}  # 110 coded claims and 4 caveats (apt-trials-..., apt-few-..., hsdr-..., eps-...)


def test_trial_findings_carry_their_number_of_trials():
    trial_designs = {"randomised-controlled-trial", "systematic-review-of-rcts"}
    for _, finding in ALL:
        if finding["design"] in trial_designs:
            assert "trials" in finding, finding["id"]
        else:
            assert "trials" not in finding, finding["id"]
