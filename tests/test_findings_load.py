"""Reading corpus/findings/*.yaml: good files give resolved Finding records; every bad input is a
CorpusError naming the file, the finding and the line."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

from litgraph.corpus import load_corpus
from litgraph.errors import CorpusError
from litgraph.findings import FindingSource, check_findings, load_findings
from litgraph.findings.concepts import concepts_from_graph

FIXTURES = Path(__file__).parent / "fixtures"
CONCEPT = "https://w3id.org/litgraph/concept/"


@pytest.fixture(scope="module")
def concepts():
    from rdflib import Graph

    return concepts_from_graph(Graph().parse(FIXTURES / "mini-evidence.ttl", format="turtle"))


@pytest.fixture
def corpus_dir(tmp_path):
    shutil.copytree(FIXTURES / "findings" / "corpus", tmp_path / "corpus")
    return tmp_path / "corpus"


def load(corpus_dir, concepts):
    return load_findings(load_corpus(corpus_dir), concepts)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"fixture has no {old!r}"
    path.write_text(text.replace(old, new, 1))


def test_good_files_give_every_finding_resolved(corpus_dir, concepts):
    findings = {f.id: f for f in load(corpus_dir, concepts)}
    assert len(findings) == 9
    review = findings["a-review-service-use"]
    assert review.design == CONCEPT + "design/systematic-review-of-rcts"  # given as "Cochrane review"
    assert review.outcomes == (CONCEPT + "outcome/service-use",)
    assert review.countries == (CONCEPT + "country/usa",)  # "united states"
    assert review.source == FindingSource("doi", doi="10.1000/R")
    assert (review.trials, review.citation, review.coded_on) == (11, "Pitt 2013", "2026-11-24")
    assert review.path == "corpus/findings/paper-a.yaml" and review.paper_doi == "10.1000/A"
    readmission = findings["a-readmission-benefit"]
    assert readmission.outcomes == (CONCEPT + "outcome/readmission",)  # a scalar is a one-item list
    assert readmission.roles == (CONCEPT + "role/service-user",)  # "patient"
    assert readmission.source == FindingSource("entry", entry=1)
    assert findings["b-boundaries-facilitator"].source == FindingSource("self")
    assert findings["a-job-description-facilitator"].factor == CONCEPT + "factor/clear-job-description"


def test_line_is_where_the_finding_starts(corpus_dir, concepts):
    text = (corpus_dir / "findings" / "paper-b.yaml").read_text().splitlines()
    finding = next(f for f in load(corpus_dir, concepts) if f.id == "b-rct-empowerment")
    assert "id: b-rct-empowerment" in text[finding.line - 1]


def test_loading_rewrites_nothing(corpus_dir, concepts):
    def digest():
        return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(corpus_dir.rglob("*"))
                if p.is_file()}

    before = digest()
    load(corpus_dir, concepts)
    assert digest() == before


def test_no_findings_folder_means_no_findings(corpus_dir, concepts):
    shutil.rmtree(corpus_dir / "findings")
    assert load(corpus_dir, concepts) == []


def error_for(corpus_dir, concepts) -> CorpusError:
    with pytest.raises(CorpusError) as info:
        load(corpus_dir, concepts)
    return info.value


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


@pytest.mark.parametrize("old, new, finding, needle, message", [
    ("outcomes: [EMPOWERMENT]", "outcomes: [wellbeing]", "a-empowerment-survey", "outcomes: [wellbeing]",
     r"unknown outcome 'wellbeing'.*known outcome labels: Empowerment"),
    ("design: Cross-sectional survey", "design: Cross-sectional servey", "a-job-description-facilitator",
     "Cross-sectional servey", r"unknown design .*did you mean 'Cross-sectional survey'"),
    ("polarity: facilitator", "polarity: benefit", "a-job-description-facilitator", "polarity: benefit",
     r"unknown polarity 'benefit'"),
    ("    source: {entry: 3}\n", "", "a-job-description-facilitator", "id: a-job-description-facilitator",
     r"missing required field\(s\): source"),
    ("source: {entry: 2}", "source: {entry: 7}", "a-empowerment-survey", "source: {entry: 7}",
     r"reference list has no entry 7"),
    ("source: {entry: 2}", "source: {entry: two}", "a-empowerment-survey", "source: {entry: two}",
     r"positive whole number"),
    ("source: {entry: 2}", "source: {page: 2}", "a-empowerment-survey", "source: {page: 2}",
     r"source must be one of"),
    ("source: {entry: 2}", "source: {self: false}", "a-empowerment-survey", "source: {self: false}",
     r"source must be one of"),
    ('source: {doi: "10.1000/R"}', 'source: {doi: "not a doi"}', "a-review-service-use", "not a doi",
     r"is not a DOI"),
    ('    quote: "association with empowerment"\n', "", "a-empowerment-survey", "id: a-empowerment-survey",
     r"missing required field\(s\): quote"),
    ("    design: cross-sectional-survey\n", "", "a-empowerment-survey", "id: a-empowerment-survey",
     r"missing required field\(s\): design"),
    ("    direction: benefit\n", "", "a-empowerment-survey", "id: a-empowerment-survey",
     r"needs a polarity .* or a direction"),
    ("    polarity: facilitator\n", "", "a-job-description-facilitator", "factor: well-defined",
     r"a factor needs a polarity"),
    ("    trials: 11\n", "    trials: -1\n", "a-review-service-use", "trials: -1", r"trials must be"),
    ('    citation: "Pitt 2013"\n', '    citation: "Pitt 2013"\n    colour: blue\n', "a-review-service-use",
     "colour: blue", r"unknown field 'colour'"),
    ('    section: "Outcomes"\n    source: {entry: 2}', '    section: "Outcomes"\n    section: "Again"\n    source: {entry: 2}',
     None, 'section: "Again"', r"not valid YAML: duplicate key 'section'"),
])
def test_bad_finding_names_file_finding_and_line(corpus_dir, concepts, old, new, finding, needle, message):
    path = corpus_dir / "findings" / "paper-a.yaml"
    edit(path, old, new)
    error = error_for(corpus_dir, concepts)
    assert error.path.endswith("paper-a.yaml")
    if finding:
        assert f"finding {finding}:" in str(error)
    assert re.search(message, str(error)), str(error)
    assert error.line == line_of(path, needle)


def test_statement_missing_and_empty_are_both_missing(corpus_dir, concepts):
    path = corpus_dir / "findings" / "paper-b.yaml"
    edit(path, 'statement: "A trial found peer support increased empowerment."', 'statement: ""')
    error = error_for(corpus_dir, concepts)
    assert "finding b-rct-empowerment: missing required field(s): statement" in str(error)


def test_finding_without_id_is_named_by_its_number(corpus_dir, concepts):
    path = corpus_dir / "findings" / "paper-b.yaml"
    edit(path, "  - id: b-rct-empowerment\n    statement", "  - statement")
    error = error_for(corpus_dir, concepts)
    assert "finding #4: has no id" in str(error) and error.line == line_of(path, "A trial found")


def test_malformed_yaml_names_the_line(corpus_dir, concepts):
    path = corpus_dir / "findings" / "paper-b.yaml"
    edit(path, "    direction: mixed\n", "    direction: [mixed\n")
    error = error_for(corpus_dir, concepts)
    assert error.path.endswith("paper-b.yaml") and "not valid YAML" in str(error)
    assert error.line is not None and error.line >= line_of(path, "direction: [mixed")


def test_duplicate_id_across_files(corpus_dir, concepts):
    edit(corpus_dir / "findings" / "paper-b.yaml", "id: b-rct-empowerment", "id: a-readmission-benefit")
    error = error_for(corpus_dir, concepts)
    assert error.path.endswith("paper-b.yaml")
    assert re.search(r"finding a-readmission-benefit: id already used in corpus/findings/paper-a\.yaml:\d+",
                     str(error))


def test_duplicate_id_in_one_file(corpus_dir, concepts):
    path = corpus_dir / "findings" / "paper-b.yaml"
    edit(path, "id: b-empowerment-mixed", "id: b-rct-empowerment")
    error = error_for(corpus_dir, concepts)
    assert "finding b-rct-empowerment: id already used" in str(error)
    assert error.line == line_of(path, "some felt empowered") - 2


@pytest.mark.parametrize("old, new, message", [
    ("paper: 10.1000/b", "paper: 10.1000/zzz", r"paper 10.1000/zzz is not a paper of the corpus"),
    ("coded_by: \"litgraph curators\"\n", "", r"missing field\(s\): coded_by"),
    ("coded_on: 2026-11-24", "coded_on: last tuesday", r"coded_on must be a date"),
    ("coded_on: 2026-11-24", "coded_on: 2026-11-24\nreviewer: x", r"unknown field 'reviewer'"),
])
def test_bad_header(corpus_dir, concepts, old, new, message):
    edit(corpus_dir / "findings" / "paper-b.yaml", old, new)
    error = error_for(corpus_dir, concepts)
    assert error.path.endswith("paper-b.yaml") and re.search(message, str(error)), str(error)


def test_file_named_for_another_paper(corpus_dir, concepts):
    (corpus_dir / "findings" / "paper-b.yaml").rename(corpus_dir / "findings" / "paper-c.yaml")
    error = error_for(corpus_dir, concepts)
    assert "belong in findings/paper-b.yaml" in str(error)


def test_check_collects_every_problem(corpus_dir, concepts):
    edit(corpus_dir / "findings" / "paper-a.yaml", "outcomes: [EMPOWERMENT]", "outcomes: [wellbeing]")
    edit(corpus_dir / "findings" / "paper-b.yaml", "design: RCT", "design: CRT")
    findings, errors = check_findings(load_corpus(corpus_dir), concepts)
    assert len(findings) == 7
    assert [(Path(e.path).name, e.detail.split(":")[0]) for e in errors] == [
        ("paper-a.yaml", "finding a-empowerment-survey"), ("paper-b.yaml", "finding b-rct-empowerment")]
