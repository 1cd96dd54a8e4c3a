"""A new user's walk, on a topic other than peer workers: community health workers and blood-pressure control.

From an empty folder: `init`; a vocabulary of its own (an outcome hierarchy, domains and factors,
some imported from CSV); two papers with their printed reference lists in two styles (Vancouver,
numbered; APA, author-date); three findings coded against that vocabulary; then build, validate,
evidence, equivocal, cite and report. Every step runs from the project folder or a subfolder,
with no path options, as a reviewer would type it. The papers and lists are written by hand
for this test (DOIs under the 10.5555 test prefix for the two papers).
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
from pathlib import Path

import pytest

LITGRAPH = Path(__file__).resolve().parent.parent / ".venv" / "bin" / "litgraph"

OUTCOMES = """@prefix lg:      <https://w3id.org/litgraph/ontology#> .
@prefix lgc:     <https://w3id.org/litgraph/concept/> .
@prefix outcome: <https://w3id.org/litgraph/concept/outcome/> .
@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .

lgc:outcome a skos:ConceptScheme ;
    skos:prefLabel "Outcomes"@en ;
    skos:definition "What community health worker programmes may change."@en ;
    skos:hasTopConcept outcome:blood-pressure .

outcome:blood-pressure a skos:Concept , lg:Outcome ;
    skos:inScheme lgc:outcome ;
    skos:topConceptOf lgc:outcome ;
    skos:prefLabel "blood pressure"@en ;
    skos:altLabel "BP"@en ;
    skos:definition "Arterial blood pressure, however measured."@en ;
    skos:exactMatch <http://id.nlm.nih.gov/mesh/D001794> ;
    skos:narrower outcome:systolic-blood-pressure .

outcome:systolic-blood-pressure a skos:Concept , lg:Outcome ;
    skos:inScheme lgc:outcome ;
    skos:prefLabel "systolic blood pressure"@en ;
    skos:altLabel "SBP"@en ;
    skos:definition "The pressure in the arteries when the heart beats."@en ;
    skos:broader outcome:blood-pressure .
"""

CONCEPTS_CSV = """scheme,concept,label,broader,synonyms,definition,domain
outcome,blood-pressure-control,blood pressure control,blood-pressure,BP control; controlled hypertension,Blood pressure below the treatment target.,
domain,workforce,workforce,,CHW workforce,Who the community health workers are and how they are trained and supervised.,
factor,supportive-supervision,supportive supervision,,supervision; mentoring,Regular supervision that supports community health workers in their work.,workforce
"""

PAPER_A = """doi: 10.5555/chw.2021.001
title: "Community health workers and blood pressure control in low-income urban neighbourhoods: a review of the evidence"
authors:
  - {family: Okafor, given: N}
  - {family: Lindqvist, given: M}
year: 2021
type: journal-article
container: Journal of Community Health Research
volume: "14"
issue: "2"
first_page: "101"
last_page: "114"
references: references/okafor-2021-jchr.tsv
"""

LIST_A = """# Reference list of Okafor & Lindqvist 2021 (Vancouver, numbered), written by hand for this test.
1\tBrownstein JN, Chowdhury FM, Norris SL, Horsley T, Jack L Jr, Zhang X, et al. Effectiveness of community health workers in the care of people with hypertension. Am J Prev Med. 2007;32(5):435-47. doi:10.1016/j.amepre.2007.01.011
2\tJafar TH, Gandhi M, de Silva HA, Jehan I, Naheed A, Finkelstein EA, et al. A community-based intervention for managing hypertension in rural South Asia. N Engl J Med. 2020;382(8):717-26.
3\tKim K, Choi JS, Choi E, Nieman CL, Joo JH, Lin FR, et al. Effects of community-based health worker interventions to improve chronic disease management and care among vulnerable populations: a systematic review. Am J Public Health. 2016;106(4):e3-28.
4\tWorld Health Organization. HEARTS: technical package for cardiovascular disease management in primary health care. Geneva: World Health Organization; 2016.
"""

PAPER_B = """doi: 10.5555/chw.2022.002
title: "Supervising community health workers in a hypertension programme: a qualitative interview study"
authors:
  - {family: Mensah, given: A}
  - {family: Duarte, given: R}
  - {family: Okafor, given: N}
year: 2022
type: journal-article
container: Health Services Insights
volume: "9"
first_page: "55"
last_page: "63"
references: references/mensah-2022-hsi.tsv
"""

LIST_B = """# Reference list of Mensah, Duarte & Okafor 2022 (APA, author-date), written by hand for this test.
1\tBrownstein, J. N., Chowdhury, F. M., Norris, S. L., Horsley, T., Jack, L., Zhang, X., & Satterfield, D. (2007). Effectiveness of community health workers in the care of people with hypertension. American Journal of Preventive Medicine, 32(5), 435–447. https://doi.org/10.1016/j.amepre.2007.01.011
2\tHill-Briggs, F., Batts-Turner, M., Gary, T. L., Brancati, F. L., Hill, M., Levine, D. M., & Bone, L. R. (2007). Training community health workers as diabetes educators for urban African Americans: Value added using participatory methods. Progress in Community Health Partnerships, 1(2), 185–194.
3\tOkafor, N., & Lindqvist, M. (2021). Community health workers and blood pressure control in low-income urban neighbourhoods: A review of the evidence. Journal of Community Health Research, 14(2), 101–114. https://doi.org/10.5555/chw.2021.001
"""

FINDINGS_A = """paper: 10.5555/chw.2021.001
coded_by: "test reviewers"
coded_on: 2026-01-31
findings:
  - id: okafor-brownstein-sbp
    statement: "Uncontrolled before-and-after studies reported falls in systolic blood pressure after community health worker visits."
    quote: "Before-and-after studies reported falls in systolic blood pressure after community health worker visits (1)."
    section: "Results"
    citation: "(1)"
    source: {entry: 1}
    design: before-and-after study
    outcomes: [SBP]
    direction: benefit
  - id: okafor-review-bp
    statement: "A systematic review of randomised trials found no difference in blood pressure."
    quote: "Pooled trials showed no difference in blood pressure between the groups (3)."
    section: "Results"
    citation: "(3)"
    source: {entry: 3}
    design: systematic review of RCTs
    outcomes: [BP]
    direction: no difference
    trials: 6
"""

FINDINGS_B = """paper: 10.5555/chw.2022.002
coded_by: "test reviewers"
coded_on: 2026-01-31
findings:
  - id: mensah-supervision
    statement: "Community health workers said regular supportive supervision helped them keep patients in care."
    quote: "Regular supervision from the nurse kept us going and helped us keep patients coming back."
    section: "Findings"
    source: {self: true}
    design: qualitative interview study
    domain: CHW workforce
    factor: mentoring
    polarity: facilitator
"""


def litgraph(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "LITGRAPH_PROJECT"}
    result = subprocess.run([str(LITGRAPH), *args], cwd=cwd, env=env, text=True, capture_output=True, timeout=300)
    print(f"$ litgraph {' '.join(args)}   (in {cwd.name})\n{result.stdout[-1500:]}{result.stderr[-800:]}")
    return result


@pytest.fixture(scope="module")
def review(tmp_path_factory) -> Path:
    """The walk up to a built graph; each later test runs one more command."""
    home = tmp_path_factory.mktemp("empty")
    assert litgraph("init", "chw-bp", "--title", "Community health workers and blood-pressure control",
                    cwd=home).returncode == 0
    root = home / "chw-bp"
    (root / "vocabulary" / "outcomes.ttl").write_text(OUTCOMES, encoding="utf-8")
    (root / "concepts.csv").write_text(CONCEPTS_CSV, encoding="utf-8")
    vocabulary = root / "vocabulary"
    assert litgraph("vocab", "import", "../concepts.csv", cwd=vocabulary).returncode == 0
    assert litgraph("vocab", "check", cwd=vocabulary).returncode == 0
    corpus = root / "corpus"
    for name, text in {"papers/okafor-2021-jchr.yaml": PAPER_A, "references/okafor-2021-jchr.tsv": LIST_A,
                       "papers/mensah-2022-hsi.yaml": PAPER_B, "references/mensah-2022-hsi.tsv": LIST_B,
                       "findings/okafor-2021-jchr.yaml": FINDINGS_A, "findings/mensah-2022-hsi.yaml": FINDINGS_B}.items():
        (corpus / name).write_text(text, encoding="utf-8")
    built = litgraph("build", cwd=corpus / "findings")
    assert built.returncode in (0, 1), built.stderr  # 1: parse warnings on hand-written lists are allowed
    assert (root / "build" / "litgraph.nt").is_file() and not (corpus / "findings" / "build").exists()
    return root


def test_vocab_shows_the_imported_outcomes_under_the_written_ones(review):
    rows = json.loads(litgraph("vocab", "outcome", "--format", "json", cwd=review).stdout)
    assert [(r["concept"], r["depth"]) for r in rows] == [
        ("blood-pressure", 0), ("blood-pressure-control", 1), ("systolic-blood-pressure", 1)]


def test_build_links_the_shared_reference_of_the_two_lists(review):
    works = json.loads(litgraph("query", "shared-references", "--format", "json", cwd=review / "corpus").stdout)
    assert any("hypertension" in json.dumps(w).lower() for w in works), works


def test_validate_finds_the_graph_clean(review):
    result = litgraph("validate", cwd=review / "vocabulary")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SHACL: 0 violation(s)" in result.stdout


def test_evidence_on_blood_pressure_takes_in_the_narrower_outcomes(review):
    rows = json.loads(litgraph("evidence", "--outcome", "blood pressure", "--format", "json", cwd=review).stdout)
    assert sorted(r["finding"] for r in rows) == ["okafor-brownstein-sbp", "okafor-review-bp"]
    factor = json.loads(litgraph("evidence", "--domain", "workforce", "--format", "json", cwd=review / "corpus").stdout)
    assert [(r["factor"], r["polarity"]) for r in factor] == [("supportive supervision", "facilitator")]


def test_evidence_unknown_outcome_names_the_nearest_and_litgraph_vocab(review):
    result = litgraph("evidence", "--outcome", "blod pressure", cwd=review)
    assert result.returncode == 2 and "did you mean 'blood pressure'" in result.stderr
    assert "litgraph vocab outcome" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_equivocal_sets_the_trial_review_against_the_before_and_after_studies(review):
    rows = json.loads(litgraph("equivocal", "--format", "json", cwd=review / "corpus" / "papers").stdout)
    assert len(rows) >= 1
    sides = {f["finding"] for r in rows for side in ("trial_evidence", "non_trial_evidence") for f in r[side]}
    assert sides == {"okafor-brownstein-sbp", "okafor-review-bp"}


def test_cite_bibtex_lists_the_works_of_both_papers(review):
    result = litgraph("cite", "--paper", "10.5555/chw.2022.002", "--format", "bibtex", cwd=review / "corpus")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("@") == 3 and "10.1016/j.amepre.2007.01.011" in result.stdout.lower()


def test_report_writes_the_site_into_the_projects_build_folder(review):
    result = litgraph("report", cwd=review / "corpus" / "findings")
    assert result.returncode == 0, result.stderr
    assert (review / "build" / "site" / "index.html").is_file()
    assert not (review / "corpus" / "findings" / "build").exists()
    assert "blood pressure" in (review / "build" / "site" / "map.html").read_text(encoding="utf-8").lower()
