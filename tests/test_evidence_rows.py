"""The rows of `litgraph evidence` and `litgraph equivocal` on the miniature graph, on both stores,
and the commands as a user meets them."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import mini_graph, run_cli
from litgraph.findings import UnknownConceptError
from litgraph.findings.evidence import equivocal_rows, evidence_rows, read_concepts, resolve_filter

W = "https://w3id.org/litgraph/id/work/"
STORES = ["oxigraph", "rdflib"]
ROW_KEYS = ["finding", "domain", "factor", "polarity", "statement", "design", "outcomes", "direction", "source",
            "reported_in", "quote", "section", "citation", "entry", "coded_by", "coded_on", "trial_evidence",
            "roles", "settings", "sectors", "doubts"]


def rows(store, **filters):
    return evidence_rows(store, resolve_filter(read_concepts(store), **filters))


def ids(found):
    return [r["finding"] for r in found]


@pytest.mark.parametrize("store_name", STORES)
def test_one_row_per_finding_with_the_documented_shape(mini_stores, store_name):
    found = rows(mini_stores[store_name])
    assert len(found) == 9
    assert all(list(r) == ROW_KEYS for r in found)
    barrier = next(r for r in found if r["finding"] == "b-job-description-barrier")
    audit = {k: barrier.pop(k) for k in ROW_KEYS[10:]}
    assert audit["quote"] and audit["section"] and audit["coded_by"] and audit["trial_evidence"] is False
    assert barrier == {
        "finding": "b-job-description-barrier", "domain": "Role distinctiveness",
        "factor": "Clear job description", "polarity": "Barrier",
        "statement": "Without a clear job description team working suffered.", "design": "Qualitative study",
        "outcomes": [], "direction": None,
        "source": {"first_author": "Sells", "year": 2006, "title": "Work X", "doi": None,
                   "work": W + "key/xxxxxxxxxxxx"},
        "reported_in": "10.1000/b"}
    trusting = next(r for r in found if r["finding"] == "b-trusting-relationships")
    assert trusting["outcomes"] == ["Social isolation"] and trusting["direction"] == "Benefit"


@pytest.mark.parametrize("store_name", STORES)
def test_rows_are_ordered_domain_first(mini_stores, store_name):
    assert ids(rows(mini_stores[store_name])) == [
        "b-job-description-barrier", "a-job-description-facilitator", "b-boundaries-facilitator",
        "a-empowerment-survey", "b-empowerment-mixed", "b-rct-empowerment", "a-readmission-benefit",
        "a-review-service-use", "b-trusting-relationships"]


@pytest.mark.parametrize("filters, expected", [
    ({"domain": "role distinctiveness"}, ["b-job-description-barrier", "a-job-description-facilitator"]),
    ({"domain": "https://w3id.org/litgraph/concept/domain/shared-expectations"}, ["b-boundaries-facilitator"]),
    ({"factor": "WELL-DEFINED JOB DESCRIPTION", "polarity": "barrier"}, ["b-job-description-barrier"]),
    ({"role": "patient"}, ["a-readmission-benefit", "b-trusting-relationships"]),
    ({"outcome": "service use"}, ["a-readmission-benefit", "a-review-service-use"]),
    ({"outcome": "hospital-admission"}, ["a-readmission-benefit"]),
    ({"design": "RCT"}, ["b-rct-empowerment"]),
    ({"design": "systematic review"}, ["a-review-service-use"]),  # reviews of RCTs are narrower
    ({"outcome": "empowerment", "design": "qualitative interview study"}, ["b-empowerment-mixed"]),
])
@pytest.mark.parametrize("store_name", STORES)
def test_filters_resolve_labels_synonyms_and_iris(mini_stores, store_name, filters, expected):
    assert ids(rows(mini_stores[store_name], **filters)) == expected


def test_unknown_filter_value_lists_known_labels(mini_stores):
    with pytest.raises(UnknownConceptError, match=r"unknown domain 'role clarity'.*Role distinctiveness, Shared expectations"):
        rows(mini_stores["oxigraph"], domain="role clarity")


@pytest.mark.parametrize("store_name", STORES)
def test_equivocal_one_row_per_outcome_with_both_sides(mini_stores, store_name):
    found = equivocal_rows(mini_stores[store_name])
    assert [r["outcome"] for r in found] == ["Empowerment", "Service use"]
    assert all(list(r) == ["outcome", "trial_evidence", "non_trial_evidence", "trial_doubts", "non_trial_doubts"]
               for r in found)
    service = found[1]
    assert ids(service["trial_evidence"]) == ["a-review-service-use"]
    assert ids(service["non_trial_evidence"]) == ["a-readmission-benefit"]
    assert service["trial_evidence"][0]["source"]["first_author"] == "Pitt"
    assert service["non_trial_evidence"][0]["outcomes"] == ["Readmission"]
    assert all(list(f) == ROW_KEYS for r in found for side in ("trial_evidence", "non_trial_evidence")
               for f in r[side])


def test_rows_do_not_depend_on_the_store(mini_stores):
    assert rows(mini_stores["oxigraph"]) == rows(mini_stores["rdflib"])
    assert equivocal_rows(mini_stores["oxigraph"]) == equivocal_rows(mini_stores["rdflib"])


@pytest.fixture(scope="module")
def mini_build(tmp_path_factory):
    from litgraph.build import write_outputs

    folder = tmp_path_factory.mktemp("mini-build")
    write_outputs(mini_graph(), folder)
    return folder


def test_evidence_command_json(mini_build):
    result = run_cli("evidence", "--outcome", "Service Use", "--format", "json", "--build-dir", str(mini_build))
    assert result.returncode == 0, result.stderr
    assert ids(json.loads(result.stdout)) == ["a-readmission-benefit", "a-review-service-use"]


def test_evidence_command_csv_flattens_the_source(mini_build):
    result = run_cli("evidence", "--domain", "shared expectations", "--format", "csv", "--store", "rdflib",
                     "--build-dir", str(mini_build))
    assert result.returncode == 0, result.stderr
    (row,) = list(csv.DictReader(io.StringIO(result.stdout)))
    assert row["factor"] == "Clear role boundaries" and row["source_first_author"] == "Gillard"
    assert row["reported_in"] == "10.1000/b"


def test_evidence_command_table(mini_build):
    result = run_cli("evidence", "--polarity", "Barrier", "--build-dir", str(mini_build))
    assert result.returncode == 0 and "Clear job" in result.stdout and "Sells 2006" in result.stdout


def test_evidence_unknown_value_exit_2_one_line(mini_build):
    result = run_cli("evidence", "--outcome", "empowerement", "--build-dir", str(mini_build))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "did you mean 'Empowerment'?" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_equivocal_command_json_and_csv(mini_build):
    result = run_cli("equivocal", "--format", "json", "--build-dir", str(mini_build))
    assert result.returncode == 0, result.stderr
    assert [r["outcome"] for r in json.loads(result.stdout)] == ["Empowerment", "Service use"]
    lines = list(csv.DictReader(io.StringIO(run_cli("equivocal", "--format", "csv", "--build-dir",
                                                    str(mini_build)).stdout)))
    assert [(r["outcome"], r["side"], r["finding"]) for r in lines] == [
        ("Empowerment", "trial_evidence", "b-rct-empowerment"),
        ("Empowerment", "non_trial_evidence", "b-empowerment-mixed"),
        ("Service use", "trial_evidence", "a-review-service-use"),
        ("Service use", "non_trial_evidence", "a-readmission-benefit")]


def test_no_build_yet_exit_2(tmp_path):
    result = run_cli("evidence", "--build-dir", str(tmp_path))
    assert result.returncode == 2 and "run `litgraph build` first" in result.stderr
