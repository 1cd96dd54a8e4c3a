"""`litgraph vocab`: list the schemes, show one as a tree, check SKOS integrity (file:line), import CSV/Turtle."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
from pathlib import Path

import pytest

LITGRAPH = Path(__file__).resolve().parent.parent / ".venv" / "bin" / "litgraph"
ROOT = Path(__file__).resolve().parent.parent
HEAD = """@prefix lg:      <https://w3id.org/litgraph/ontology#> .
@prefix lgc:     <https://w3id.org/litgraph/concept/> .
@prefix outcome: <https://w3id.org/litgraph/concept/outcome/> .
@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
"""
OUTCOMES = HEAD + """
lgc:outcome a skos:ConceptScheme ;
    skos:prefLabel "Outcomes"@en .

outcome:blood-pressure a skos:Concept , lg:Outcome ;
    skos:inScheme lgc:outcome ;
    skos:topConceptOf lgc:outcome ;
    skos:prefLabel "blood pressure"@en ;
    skos:altLabel "BP"@en ;
    skos:definition "Arterial blood pressure."@en ;
    skos:exactMatch <http://id.nlm.nih.gov/mesh/D001794> .

outcome:systolic-blood-pressure a skos:Concept , lg:Outcome ;
    skos:inScheme lgc:outcome ;
    skos:prefLabel "systolic blood pressure"@en ;
    skos:altLabel "SBP"@en ;
    skos:broader outcome:blood-pressure .
"""


def litgraph(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "LITGRAPH_PROJECT"}
    return subprocess.run([str(LITGRAPH), *args], cwd=cwd, env=env, text=True, capture_output=True, timeout=120)


@pytest.fixture()
def project(tmp_path) -> Path:
    assert litgraph("init", "review", cwd=tmp_path).returncode == 0
    root = tmp_path / "review"
    (root / "vocabulary" / "outcomes.ttl").write_text(OUTCOMES, encoding="utf-8")
    return root


def test_vocab_lists_the_schemes_with_counts(project):
    rows = json.loads(litgraph("vocab", "--format", "json", cwd=project).stdout)
    by_scheme = {r["scheme"]: r for r in rows}
    assert by_scheme["outcome"]["concepts"] == 2 and by_scheme["outcome"]["top"] == 1
    assert by_scheme["design"]["concepts"] == 16 and by_scheme["polarity"]["concepts"] == 2
    assert by_scheme["outcome"]["files"] == ["vocabulary/outcomes.ttl"]


def test_vocab_scheme_shows_the_tree_with_synonyms_definitions_and_mappings(project):
    rows = json.loads(litgraph("vocab", "outcome", "--format", "json", cwd=project / "corpus").stdout)
    assert [(r["concept"], r["depth"]) for r in rows] == [("blood-pressure", 0), ("systolic-blood-pressure", 1)]
    assert rows[0]["synonyms"] == ["BP"] and rows[0]["definition"] == "Arterial blood pressure."
    assert rows[0]["mappings"] == ["exactMatch:http://id.nlm.nih.gov/mesh/D001794"]
    table = litgraph("vocab", "outcome", cwd=project).stdout
    assert "  systolic blood pressure" in table
    lines = list(csv.DictReader(io.StringIO(litgraph("vocab", "outcome", "--format", "csv", cwd=project).stdout)))
    assert lines[1]["broader"] == "blood-pressure" and lines[1]["synonyms"] == "SBP"


def test_vocab_unknown_scheme_is_exit_2(project):
    result = litgraph("vocab", "outcomes", cwd=project)
    assert result.returncode == 2 and "unknown scheme 'outcomes'" in result.stderr


def test_vocab_of_the_peer_worker_project_from_its_corpus_folder():
    result = litgraph("vocab", "outcome", "--format", "json", cwd=ROOT / "corpus")
    slugs = [r["concept"] for r in json.loads(result.stdout)]
    assert "readmission" in slugs and "service-use" in slugs


def test_vocab_check_of_the_shipped_and_started_vocabularies_is_clean(project):
    assert litgraph("vocab", "check", cwd=ROOT).returncode == 0
    assert litgraph("vocab", "check", cwd=project).returncode == 0


BROKEN = HEAD + """
outcome:a a skos:Concept , lg:Outcome ;
    skos:inScheme lgc:outcome ;
    skos:prefLabel "alpha"@en , "alfa"@en ;
    skos:broader outcome:b .

outcome:b a skos:Concept , lg:Outcome ;
    skos:inScheme lgc:outcome ;
    skos:prefLabel "beta"@en ;
    skos:altLabel "BP"@en ;
    skos:broader outcome:a .

outcome:c a skos:Concept , lg:Outcome ;
    skos:prefLabel "gamma"@en ;
    skos:closeMatch "D001794" .
"""


def test_vocab_check_names_file_and_line_of_each_problem(project):
    (project / "vocabulary" / "trial-outcomes.ttl").write_text(BROKEN, encoding="utf-8")
    result = litgraph("vocab", "check", cwd=project)
    assert result.returncode == 1
    out = result.stdout
    assert "vocabulary/trial-outcomes.ttl:6: a: 2 preferred labels in language 'en'" in out
    assert "vocabulary/trial-outcomes.ttl:6: a: skos:broader cycle" in out
    assert "vocabulary/trial-outcomes.ttl:11: b: skos:broader cycle" in out
    assert "vocabulary/trial-outcomes.ttl:11: b: label 'BP' also names blood-pressure (vocabulary/outcomes.ttl)" in out
    assert "vocabulary/trial-outcomes.ttl:17: c: in no scheme" in out
    assert "vocabulary/trial-outcomes.ttl:17: c: skos:closeMatch 'D001794' is not a well-formed IRI" in out
    problems = json.loads(litgraph("vocab", "check", "--format", "json", cwd=project).stdout)
    assert len(problems) == 6 and {p["file"] for p in problems} == {"vocabulary/trial-outcomes.ttl"}


def test_vocab_check_bad_turtle_is_one_line_with_file_and_line(project):
    (project / "vocabulary" / "bad.ttl").write_text(HEAD + "\noutcome:x a skos:Concept ;\n    skos:prefLabel \"x\"@en\n", encoding="utf-8")
    result = litgraph("vocab", "check", cwd=project)
    assert result.returncode == 2 and "vocabulary/bad.ttl" in result.stderr and "not valid Turtle" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


GOOD_CSV = """scheme,concept,label,broader,synonyms,definition
outcome,diastolic-blood-pressure,diastolic blood pressure,blood-pressure,DBP,The pressure between heartbeats.
outcome,,blood pressure control,blood-pressure,controlled hypertension; BP control,Blood pressure below the target.
domain,workforce,workforce,,,Who does the work and how they are trained.
"""


def test_vocab_import_csv_writes_a_checked_turtle_file(project):
    (project / "concepts.csv").write_text(GOOD_CSV, encoding="utf-8")
    result = litgraph("vocab", "import", "concepts.csv", cwd=project)
    assert result.returncode == 0, result.stderr
    assert (project / "vocabulary" / "imported-concepts.ttl").is_file()
    rows = json.loads(litgraph("vocab", "outcome", "--format", "json", cwd=project).stdout)
    assert [(r["concept"], r["depth"]) for r in rows] == [
        ("blood-pressure", 0), ("blood-pressure-control", 1), ("diastolic-blood-pressure", 1),
        ("systolic-blood-pressure", 1)]
    assert rows[1]["synonyms"] == ["BP control", "controlled hypertension"]
    assert litgraph("vocab", "check", cwd=project).returncode == 0


@pytest.mark.parametrize("row, cause", [
    ("outcomes,x,x,,,", "unknown scheme 'outcomes'"),
    ("outcome,x,,,,", "no label"),
    ("outcome,Bad Slug,x,,,", "concept 'Bad Slug' is not a slug"),
    ("outcome,x,x,no-such-parent,,", "broader 'no-such-parent' is not a outcome concept"),
    ("outcome,blood-pressure,blood pressure,,,", "outcome 'blood-pressure' already exists"),
    ("outcome,bp2,arterial pressure,,SBP,", "label 'SBP' already names outcome 'systolic-blood-pressure'"),
])
def test_vocab_import_bad_row_names_file_and_line_and_writes_nothing(project, row, cause):
    (project / "concepts.csv").write_text(GOOD_CSV + row + "\n", encoding="utf-8")
    before = sorted(os.listdir(project / "vocabulary"))
    result = litgraph("vocab", "import", "concepts.csv", cwd=project)
    assert result.returncode == 2
    assert f"concepts.csv:5: {cause}" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert sorted(os.listdir(project / "vocabulary")) == before


def test_vocab_import_turtle_refuses_a_file_that_breaks_the_vocabulary(project):
    (project / "more.ttl").write_text(BROKEN, encoding="utf-8")
    result = litgraph("vocab", "import", "more.ttl", cwd=project)
    assert result.returncode == 2 and "more.ttl:6" in result.stderr
    assert not (project / "vocabulary" / "imported-more.ttl").exists()
    good = HEAD + '\noutcome:heart-rate a skos:Concept , lg:Outcome ;\n    skos:inScheme lgc:outcome ;\n' \
                  '    skos:topConceptOf lgc:outcome ;\n    skos:prefLabel "heart rate"@en .\n'
    (project / "more.ttl").write_text(good, encoding="utf-8")
    assert litgraph("vocab", "import", "more.ttl", cwd=project).returncode == 0
    assert (project / "vocabulary" / "imported-more.ttl").read_text() == good


def test_unknown_concept_with_a_long_list_points_to_litgraph_vocab_instead_of_cutting_it_off():
    from litgraph.findings import Concept, ConceptIndex, UnknownConceptError

    prefix = "https://w3id.org/litgraph/concept/factor/"
    index = ConceptIndex([Concept(f"{prefix}f{n}", "factor", f"factor number {n}") for n in range(40)]
                         + [Concept(prefix + "supervision", "factor", "supportive supervision", ("mentoring",))])
    with pytest.raises(UnknownConceptError) as info:
        index.resolve("factor", "supervison")
    message = str(info.value)
    assert "did you mean 'supportive supervision'?" in message
    assert "`litgraph vocab factor`" in message and "..." not in message and "factor number 7" not in message
