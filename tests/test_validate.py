"""`litgraph validate`: SHACL shapes and OWL consistency over a built graph, each violation mapped
back to the corpus file (and line) it comes from."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from conftest import mini_graph, run_cli
from litgraph.findings.validate import validate_graph

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = FIXTURES / "findings" / "corpus"  # the YAML source of the fixture's findings
F = "https://w3id.org/litgraph/id/finding/"
W = "https://w3id.org/litgraph/id/work/"
LG = "https://w3id.org/litgraph/ontology#"
needs_java = pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs java")


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


def test_good_graph_has_no_shacl_violations():
    report = validate_graph(mini_graph(), CORPUS, owl=False)
    assert report.violations == () and report.clean
    assert report.owl.status == "skipped"


def test_finding_without_a_source_names_its_file_id_and_line():
    graph = mini_graph()
    graph.remove((URIRef(F + "b-rct-empowerment"), URIRef("http://purl.org/spar/cito/obtainsSupportFrom"), None))
    report = validate_graph(graph, CORPUS, owl=False)
    assert not report.clean
    (violation,) = report.violations
    assert violation.check == "shacl"
    assert violation.file == "corpus/findings/paper-b.yaml" and violation.item == "finding b-rct-empowerment"
    assert violation.line == line_of(CORPUS / "findings" / "paper-b.yaml", "id: b-rct-empowerment")
    assert "needs exactly one source work" in violation.message


def test_finding_without_topic_or_verdict():
    graph = mini_graph()
    finding = URIRef(F + "a-empowerment-survey")
    graph.remove((finding, URIRef(LG + "outcome"), None))
    graph.remove((finding, URIRef(LG + "direction"), None))
    messages = sorted(v.message for v in validate_graph(graph, CORPUS, owl=False).violations)
    assert messages == ["a finding needs a polarity (facilitator or barrier) or a direction of effect",
                        "a finding needs an organisational domain, an outcome or a change mechanism"]


def test_entry_without_content_names_its_list_file_and_line():
    graph = mini_graph()
    entry = URIRef(W + "doi/10.1000/a/references/2")
    graph.remove((entry, URIRef("http://purl.org/spar/c4o/hasContent"), None))
    (violation,) = validate_graph(graph, CORPUS, owl=False).violations
    assert violation.file == "corpus/references/paper-a.tsv"
    assert violation.line == line_of(CORPUS / "references" / "paper-a.tsv", "Report Y")
    assert violation.item == "references entry 2 of 10.1000/A"


def test_untyped_work_without_title():
    graph = mini_graph()
    work = URIRef(W + "doi/10.1000/r")
    graph.remove((work, None, None))
    messages = {v.message for v in validate_graph(graph, CORPUS, owl=False).violations}
    assert any(m.startswith("a work needs a type") for m in messages)
    assert any(m.startswith("a work needs a title") for m in messages)


def test_concept_of_the_wrong_scheme_is_a_shacl_violation():
    graph = mini_graph()
    graph.add((URIRef(F + "b-rct-empowerment"), URIRef(LG + "role"),
               URIRef("https://w3id.org/litgraph/concept/outcome/empowerment")))
    (violation,) = validate_graph(graph, CORPUS, owl=False).violations
    assert violation.message.startswith("lg:role must be a role concept (value: https://w3id.org/litgraph/concept/outcome/")


def test_cocitation_pair_without_rank_or_with_count_below_two():
    graph = mini_graph()
    pair = URIRef("https://w3id.org/litgraph/id/cocitation/xy")
    graph.remove((pair, URIRef(LG + "coCitationRank"), None))
    graph.set((pair, URIRef(LG + "coCitationCount"), Literal(1)))
    messages = sorted(v.message for v in validate_graph(graph, CORPUS, owl=False).violations)
    assert messages == ["a co-citation pair needs one count of citing papers, at least 2 (lg:coCitationCount) (value: 1)",
                        "a co-citation pair needs one rank, 1 for the most co-cited (lg:coCitationRank)"]


@needs_java
@pytest.mark.slow
def test_good_graph_is_consistent():
    report = validate_graph(mini_graph(), CORPUS)
    assert report.owl.status == "consistent" and report.clean


@needs_java
@pytest.mark.slow
def test_inconsistency_is_diagnosed_and_mapped_to_the_finding():
    graph = mini_graph()
    # a role used as an outcome: lg:outcome's range (lg:Outcome) is disjoint with lg:Role
    graph.add((URIRef(F + "a-readmission-benefit"), URIRef(LG + "outcome"),
               URIRef("https://w3id.org/litgraph/concept/role/peer-worker")))
    report = validate_graph(graph, CORPUS)
    assert report.owl.status == "inconsistent" and not report.clean
    owl = [v for v in report.violations if v.check == "owl"]
    assert owl and owl[0].item == "finding a-readmission-benefit"
    assert owl[0].file == "corpus/findings/paper-a.yaml"
    assert "is a lg:Role, but the range of lg:outcome is lg:Outcome" in owl[0].message


def test_owl_skipped_without_java(monkeypatch):
    import litgraph.findings.owl as owl

    monkeypatch.setattr(owl.shutil, "which", lambda name: None)
    report = validate_graph(mini_graph(), CORPUS)
    assert report.owl.status == "skipped" and "java" in report.owl.detail
    assert report.as_dict()["owl"]["status"] == "skipped"


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    from litgraph.build import write_outputs

    good, bad = tmp_path_factory.mktemp("good"), tmp_path_factory.mktemp("bad")
    write_outputs(mini_graph(), good)
    graph = mini_graph()
    graph.remove((URIRef(F + "b-rct-empowerment"), URIRef("http://purl.org/spar/cito/obtainsSupportFrom"), None))
    graph.add((URIRef(F + "a-readmission-benefit"), URIRef(LG + "numberOfTrials"), Literal(0)))
    write_outputs(graph, bad)
    return good, bad


def test_validate_command_clean_exit_0(builds):
    result = run_cli("validate", "--build-dir", str(builds[0]), "--corpus", str(CORPUS), "--skip-owl")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SHACL: 0 violation(s)" in result.stdout and "OWL:   skipped" in result.stdout


def test_validate_command_violations_exit_1_json(builds):
    result = run_cli("validate", "--build-dir", str(builds[1]), "--corpus", str(CORPUS), "--skip-owl",
                     "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["clean"] is False and report["shacl"]["violations"] == 2
    assert {(v["file"], v["item"]) for v in report["violations"]} == {
        ("corpus/findings/paper-a.yaml", "finding a-readmission-benefit"),
        ("corpus/findings/paper-b.yaml", "finding b-rct-empowerment")}


def test_validate_command_without_build_exit_2(tmp_path):
    result = run_cli("validate", "--build-dir", str(tmp_path))
    assert result.returncode == 2 and "run `litgraph build` first" in result.stderr


def test_diagnosis_names_disjoint_types_and_functional_duplicates():
    from rdflib import RDF
    from rdflib.namespace import SKOS

    from litgraph.findings.concepts import ontology_graph
    from litgraph.findings.owl import diagnose

    graph = mini_graph()
    finding = URIRef(F + "b-rct-empowerment")
    graph.add((finding, RDF.type, SKOS.Concept))
    graph.add((finding, URIRef(LG + "codedInFile"), Literal("corpus/findings/other.yaml")))
    messages = {(p.focus, p.message) for p in diagnose(graph, ontology_graph())}
    assert (str(finding), "it is both a skos:Concept and a lg:Finding, which are disjoint") in messages
    assert (str(finding), "lg:codedInFile is functional but has 2 values") in messages
