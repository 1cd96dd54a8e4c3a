"""`litgraph findings suggest` and `accept`: drafts from a paper's text, moved into the curated file,
which then builds and validates; refusals leave everything as it was."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT, run_cli

SEED_003 = ROOT.parent / "shared" / "seeds" / "003_15a1b8e6bdc8c456.txt"
EPS = "10.1017/S2045796014000407"


@pytest.fixture
def project(tmp_path):
    """A copy of the repository's project (corpus, vocabulary, litgraph.toml) to accept into."""
    if not SEED_003.is_file():
        pytest.skip("seed texts not present")
    for name in ("corpus", "vocabulary"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "litgraph.toml", tmp_path / "litgraph.toml")
    return tmp_path


def litgraph(project, *args):
    return run_cli(*args, cwd=project)


def draft_for_003(project):
    draft = project / "eps.draft.yaml"
    result = litgraph(project, "findings", "suggest", str(SEED_003), "--paper", EPS, "--out", str(draft))
    assert result.returncode == 0, result.stderr
    return draft, yaml.safe_load(draft.read_text(encoding="utf-8"))


def test_suggest_on_seed_003_then_accept_a_few_builds_and_validates(project):
    draft, document = draft_for_003(project)
    assert document["draft"] is True and document["paper"] == EPS
    findings = document["findings"]
    assert findings and all(f["suggested"] for f in findings)
    mechanism = next(f for f in findings if f.get("mechanism"))
    assert "Key change mechanisms" in mechanism["quote"] and mechanism["section"] == "Results"
    curated = project / "corpus" / "findings" / "gillard-2015-eps.yaml"
    before = curated.read_text(encoding="utf-8")
    result = litgraph(project, "findings", "accept", str(draft), mechanism["id"])
    assert result.returncode == 0, result.stderr
    after = curated.read_text(encoding="utf-8")
    assert after.startswith(before.rstrip()) and mechanism["id"] in after and "suggested" not in after
    assert mechanism["id"] not in draft.read_text(encoding="utf-8"), "accepted findings leave the draft"
    assert litgraph(project, "build").returncode == 0
    validated = litgraph(project, "validate", "--skip-owl")
    assert validated.returncode == 0, validated.stdout + validated.stderr


def test_accept_refuses_an_id_already_in_the_curated_files_and_writes_nothing(project):
    draft, document = draft_for_003(project)
    document["findings"][0]["id"] = "eps-trusting-relationships"  # a curated id
    draft.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    curated = project / "corpus" / "findings" / "gillard-2015-eps.yaml"
    before, draft_before = curated.read_bytes(), draft.read_bytes()
    result = litgraph(project, "findings", "accept", str(draft), "eps-trusting-relationships")
    assert result.returncode == 2 and "already in" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert curated.read_bytes() == before and draft.read_bytes() == draft_before


def test_accept_refuses_an_id_not_in_the_draft(project):
    draft, _ = draft_for_003(project)
    result = litgraph(project, "findings", "accept", str(draft), "no-such-suggestion")
    assert result.returncode == 2 and "no finding 'no-such-suggestion' in the draft" in result.stderr


def test_accept_refuses_a_suggestion_that_would_not_validate(project):
    draft, document = draft_for_003(project)
    bare = next(f for f in document["findings"] if not (f.get("domain") or f.get("outcomes") or f.get("mechanism")))
    curated = project / "corpus" / "findings" / "gillard-2015-eps.yaml"
    before = curated.read_bytes()
    result = litgraph(project, "findings", "accept", str(draft), bare["id"])
    assert result.returncode == 2 and "would not validate" in result.stderr and bare["id"] in result.stderr
    assert curated.read_bytes() == before


def test_suggest_never_writes_into_the_curated_findings_folder(project):
    target = project / "corpus" / "findings" / "gillard-2015-eps.yaml"
    before = target.read_bytes()
    result = litgraph(project, "findings", "suggest", str(SEED_003), "--paper", EPS, "--out", str(target))
    assert result.returncode == 2 and "curated findings folder" in result.stderr
    assert target.read_bytes() == before


def test_cue_lists_read_direction_and_polarity_no_difference_first():
    from litgraph.findings.suggest import read_cues, verdict, Matches

    cues = read_cues("The review found no significant differences, with the exception of a small reduction.")
    assert verdict(Matches({}, cues), "direction") == ("no-difference", "no significant differences")
    assert verdict(Matches({}, read_cues("A lack of supervision was a barrier.")), "polarity")[0] == "barrier"


def test_sentences_do_not_end_after_et_al_or_initials():
    from litgraph.findings.sentences import split_sentences

    text = "Results\n\nCoatsworth-Puspoky et al. (2006) found it. Ochocka J. and Nelson G. agreed (Kemp 2012).\n"
    assert [s.text for s in split_sentences(text)] == [
        "Coatsworth-Puspoky et al. (2006) found it.", "Ochocka J. and Nelson G. agreed (Kemp 2012)."]


def test_suggest_eval_prints_the_in_view_and_held_out_figures():
    if not SEED_003.is_file():
        pytest.skip("seed texts not present")
    result = subprocess.run([sys.executable, "-m", "litgraph.findings.suggest_eval"], capture_output=True,
                            text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and "held out" in lines[1] and "sentence recall" in lines[0]
