"""Issue 16 on the seed graph: the evidence behind every row (quote, section, citation, coder),
a table that reads at 80 columns, caveats that explain `equivocal`, trial-evidence filters,
the hint for a design with no findings, and certainty at a glance."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run_cli

SEEDS = ROOT.parent / "shared" / "seeds"
QUOTE_MARKS = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


def evidence(seed_build, *args: str) -> list[dict]:
    result = run_cli("evidence", *args, "--build-dir", str(seed_build["build"]), "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def at_width(seed_build, columns: int, *args: str) -> str:
    env = dict(os.environ, COLUMNS=str(columns))
    result = subprocess.run([sys.executable, "-m", "litgraph", *args, "--build-dir", str(seed_build["build"])],
                            capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_evidence_rows_carry_quote_section_citation_reporting_paper_coder_and_date(seed_build):
    rows = {r["finding"]: r for r in evidence(seed_build, "--outcome", "cost")}
    pitt = rows["apt-pitt-costs"]
    assert pitt["quote"] == "There were no significant differences in costs in any of the studies considered."
    assert pitt["section"] == "Improvements in psychosocial outcomes" and pitt["citation"] == "(Pitt 2013)"
    assert pitt["reported_in"] == "10.1192/apt.bp.113.011940"
    assert pitt["coded_by"] == "litgraph curators" and pitt["coded_on"] == "2026-11-24"
    assert pitt["entry"].endswith("/references/39") and pitt["trial_evidence"] is True


def test_show_quote_adds_the_quote_and_where_it_is_printed_to_the_table(seed_build):
    plain = at_width(seed_build, 200, "evidence", "--factor", "clear job description")
    quoted = at_width(seed_build, 200, "evidence", "--factor", "clear job description", "--show", "quote")
    assert "quote" not in plain.split("\n", 3)[2] and "citation" in quoted and "section" in quoted
    assert "Kemp" in quoted


@pytest.mark.parametrize("columns", [80, 200])
def test_role_distinctiveness_table_breaks_no_word_at_80_or_200_columns(seed_build, columns):
    out = at_width(seed_build, columns, "evidence", "--domain", "role distinctiveness", "--show", "quote")
    rows = evidence(seed_build, "--domain", "role distinctiveness")
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= columns
    printed = set(re.findall(r"[\w'’-]+", out))
    for row in rows:  # every word of every statement and quote appears whole
        for word in re.findall(r"[\w'’-]+", row["statement"] + " " + row["quote"]):
            assert word in printed, (columns, word)
    assert len(lines) < 25 * len(rows), "a sane number of lines per finding"
    if columns == 80:
        assert sum(line.startswith("── ") for line in lines) == len(rows), "one block per finding"


def test_trial_evidence_yes_and_no_split_the_findings(seed_build):
    every, trials, others = (evidence(seed_build), evidence(seed_build, "--trial-evidence", "yes"),
                             evidence(seed_build, "--trial-evidence", "no"))
    assert {r["finding"] for r in trials} == {r["finding"] for r in every if r["trial_evidence"]}
    assert len(trials) == 6 and len(trials) + len(others) == len(every)


def test_design_rct_matching_nothing_names_the_review_of_rcts_on_stderr(seed_build):
    result = run_cli("evidence", "--design", "RCT", "--build-dir", str(seed_build["build"]), "--format", "json")
    assert result.returncode == 0 and json.loads(result.stdout) == []
    assert result.stderr.strip() == ("no findings with design 'randomised controlled trial'; 6 findings are from "
                                     "'systematic review of randomised controlled trials' (trial evidence)")


def test_equivocal_gives_the_reasons_to_doubt_each_side_on_the_seed_graph(seed_build):
    result = run_cli("equivocal", "--build-dir", str(seed_build["build"]), "--format", "json")
    rows = {r["outcome"]: r for r in json.loads(result.stdout)}
    service = rows["service use"]
    trial = {d["finding"]: d for d in service["trial_doubts"]}
    assert "apt-pitt-quality-and-role-definition" in trial  # the Cochrane review's own caveat, now linked
    assert trial["apt-pitt-quality-and-role-definition"]["doubts"] == ["poorly defined intervention", "risk of bias"]
    assert {"apt-trials-quality-and-definition", "eps-trial-evidence-change-model"} <= set(trial)
    assert all(d["quote"] and d["applies_to"] for d in service["trial_doubts"] + service["non_trial_doubts"])
    other = {d["finding"]: d for d in service["non_trial_doubts"]}
    assert other["apt-few-high-quality-trials"]["applies_to"] == [
        "apt-davidson-readmission", "apt-min-community-tenure", "apt-lawn-readmission-bed-days"]
    table = run_cli("equivocal", "--build-dir", str(seed_build["build"])).stdout
    assert "reasons to doubt the trials" in table and "risk of bias" in table


@pytest.mark.parametrize("slug, finding_id", [
    ("001", "apt-pitt-quality-and-role-definition"), ("001", "apt-trials-quality-and-definition"),
    ("001", "apt-few-high-quality-trials"), ("002", "hsdr-evidence-outside-uk"),
    ("003", "eps-trial-evidence-change-model")])
def test_caveat_quotes_are_verbatim_in_the_seed_texts(slug, finding_id):
    import yaml

    seed = next(SEEDS.glob(f"{slug}_*.txt"), None)
    if seed is None:
        pytest.skip("seed texts not present")
    text = " ".join(seed.read_text(encoding="utf-8").translate(QUOTE_MARKS).split())
    found = [f for path in (ROOT / "corpus" / "findings").glob("*.yaml")
             for f in yaml.safe_load(path.read_text(encoding="utf-8"))["findings"] if f["id"] == finding_id]
    assert len(found) == 1 and found[0]["caveats"] and found[0]["doubts"]
    assert " ".join(found[0]["quote"].translate(QUOTE_MARKS).split()) in text


def test_a_caveat_naming_an_unknown_finding_is_refused_with_its_file_and_line():
    from litgraph.findings.caveats import check_caveat_targets
    from litgraph.findings.model import CaveatTarget, Finding, FindingSource

    caveat = Finding("x-caveat", "10.1/x", "corpus/findings/x.yaml", 12, "s.", "q", "S", FindingSource("self"),
                     "d", "c", caveats=(CaveatTarget(finding="no-such-finding"),), doubts=("risk",))
    (error,) = check_caveat_targets([caveat])
    assert "x.yaml" in str(error) and "12" in str(error) and "no-such-finding" in str(error)


def test_summary_counts_findings_studies_designs_and_agreement_and_says_it_is_not_grade(seed_build):
    rows = evidence(seed_build, "--summary", "--outcome", "service use")
    service = next(r for r in rows if r["kind"] == "outcome" and r["concept"] == "service use")
    assert service["trial_evidence"] is True and service["agreement"].startswith("mixed")
    assert service["studies"] <= service["findings"] and "systematic review of randomised controlled trials" in service["designs"]
    table = at_width(seed_build, 200, "evidence", "--summary")
    assert "not a GRADE judgement" in table


def test_report_shows_each_quote_with_its_section_citation_and_printed_entry_link(seed_build, tmp_path):
    out = tmp_path / "site"
    result = run_cli("report", "--build-dir", str(seed_build["build"]), "--out", str(out))
    assert result.returncode == 0, result.stderr
    page = (out / "factor" / "clear-job-description.html").read_text(encoding="utf-8")
    assert '<blockquote class="quote">' in page and "(Kemp 2012)" in page
    link = re.search(r'href="\.\./(work/[^"#]+)#(entry-[^"]+)"', page)
    assert link and f'id="{link[2]}"' in (out / link[1]).read_text(encoding="utf-8")
    assert "How the evidence stacks up" in (out / "map.html").read_text(encoding="utf-8")
    assert "Reasons to doubt the trial evidence" in (out / "equivocal.html").read_text(encoding="utf-8")
