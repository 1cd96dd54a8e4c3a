"""What changed (issue 14 item 4): every build's manifest, `litgraph changes`, the one-line build summary.

Builds run on a copy of the seed corpus; `changes` runs as a user would, through the CLI.
"""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import ROOT, run_cli
from crossref_server import client_settings, crossref_server  # noqa: F401 (fixture)
from litgraph.build import build_graph
from litgraph.changes import compare, summary_line
from litgraph.project import legacy_project

NEW_ENTRY = "99\tSmith J: A new paper on peer support workers. J Peer Stud 2020, 3: 1-9."
LIST = "references/gillard-2013-bmchsr.tsv"
NEW_KEY = "10.1186/1472-6963-13-188#references/99"


@pytest.fixture
def project(tmp_path):
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    shutil.copytree(ROOT / "vocabulary", tmp_path / "vocabulary")
    return tmp_path


def build(project):
    corpus = project / "corpus"
    return build_graph(corpus, project / "build", vocabulary=legacy_project(project).vocabulary_files())


def changes(project, *args):
    result = run_cli("changes", "--build-dir", str(project / "build"), *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def changes_json(project, *args):
    return json.loads(changes(project, "--format", "json", *args))


def add_line(project, path: str, line: str) -> None:
    with open(project / "corpus" / path, "a", encoding="utf-8") as f:
        f.write(line + "\n")


def test_first_build_has_nothing_to_compare_and_an_unchanged_rebuild_says_no_changes(project):
    assert build(project).changes == "first build: no earlier build to compare with"
    assert build(project).changes == "no changes since the last build"
    assert changes_json(project)["changes"] == []
    assert "no changes" in changes(project)


def test_adding_a_list_entry_names_exactly_the_new_work_and_nothing_else(project):
    build(project)
    add_line(project, LIST, NEW_ENTRY)
    assert build(project).changes == "changes since the last build: 1 work added"
    [change] = changes_json(project)["changes"]
    assert (change["change"], change["entries"], change["title"]) == \
        ("work added", [NEW_KEY], "A new paper on peer support workers")


def test_metadata_change_is_listed_field_by_field(project):
    build(project)
    record = project / "corpus" / "papers" / "gillard-2014-apt.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace('volume: "20"', 'volume: "21"')
                      .replace('first_page: "286"', 'first_page: "285"'), encoding="utf-8")
    assert build(project).changes == "changes since the last build: 2 metadata fields changed"
    rows = changes_json(project)["changes"]
    assert [(r["change"], r["subject"], r["field"], r["before"], r["after"]) for r in rows] == [
        ("metadata changed", "doi/10.1192/apt.bp.113.011940", "volume", "20", "21"),
        ("metadata changed", "doi/10.1192/apt.bp.113.011940", "first_page", "286", "285"),
    ]
    assert rows[0]["entries"] == ["10.1192/apt.bp.113.011940#paper"]


def test_since_a_build_id_compares_with_that_build(project):
    build(project)
    first = changes_json(project)["to"]
    add_line(project, LIST, NEW_ENTRY)
    build(project)
    build(project)
    assert changes_json(project)["changes"] == []
    since = changes_json(project, "--since", first)
    assert since["from"] == first and [c["change"] for c in since["changes"]] == ["work added"]
    digest = first.rsplit("-", 1)[1]
    assert changes_json(project, "--since", digest)["from"] == first
    listed = json.loads(changes(project, "--list", "--format", "json"))
    assert [b["live"] for b in listed] == [False, False, True]


def test_since_a_date_before_every_build_compares_with_nothing_and_says_so(project):
    build(project)
    result = run_cli("changes", "--build-dir", str(project / "build"), "--since", "2000-01-01", "--format", "json")
    assert result.returncode == 0 and "no build kept on or before 2000-01-01" in result.stderr
    assert len(json.loads(result.stdout)["changes"]) > 100   # every work is new since then


def test_since_neither_build_nor_date_is_one_line_exit_2(project):
    build(project)
    result = run_cli("changes", "--build-dir", str(project / "build"), "--since", "last-tuesday")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0 and "--since last-tuesday" in result.stderr


def test_changes_without_a_build_is_one_line_exit_2(tmp_path):
    result = run_cli("changes", "--build-dir", str(tmp_path / "build"))
    assert result.returncode == 2 and "litgraph build" in result.stderr and "Traceback" not in result.stderr


def test_build_prints_the_one_line_summary_and_keeps_json_stdout_clean(project):
    args = ("build", "--corpus", str(project / "corpus"), "--build-dir", str(project / "build"))
    assert "first build" in run_cli(*args).stdout
    result = run_cli(*args, "--format", "json")
    assert json.loads(result.stdout)["works"] > 100
    assert "no changes since the last build" in result.stderr


def test_changed_finding_and_accepted_doi_match_are_listed(project):
    build(project)
    findings = project / "corpus" / "findings" / "gillard-2014-apt.yaml"
    text = findings.read_text(encoding="utf-8")
    findings.write_text(text.replace("decrease patients' social isolation", "reduce patients' social isolation"),
                        encoding="utf-8")
    (project / "corpus" / "crossref").mkdir()
    (project / "corpus" / "crossref" / "matches.yaml").write_text(
        "matches:\n  10.1192/apt.bp.113.011940#references/5:\n    decision: accepted\n"
        "    doi: 10.1176/appi.ps.57.10.1493\n    score: 0.95\n", encoding="utf-8")
    build(project)
    rows = changes_json(project)["changes"]
    assert [(r["change"], r["subject"]) for r in rows] == [
        ("DOI matched", "10.1192/apt.bp.113.011940#references/5"),
        ("finding changed", "apt-box1-social-isolation"),
    ]
    assert rows[0]["after"] == "10.1176/appi.ps.57.10.1493"


def test_changes_after_crossref_add_name_the_new_work_and_nothing_else(project, crossref_server):
    """The added paper is the one new work besides the one work only its deposited list cites (Walker 2013);
    its deposited list fills fields that were empty (issues) and outvotes one publisher. Every change
    names the new paper or an entry of its list: nothing unrelated, no merge, split or removal."""
    from litgraph.crossref.add import add_papers
    from litgraph.crossref.client import CrossrefClient

    new = "10.5555/litgraph.2016.001"
    build(project)
    with CrossrefClient(client_settings(crossref_server)) as client:
        [outcome] = add_papers(project / "corpus", [new], client)
    assert outcome.status == "added"
    assert build(project).changes == "changes since the last build: 2 works added, 4 metadata fields changed"
    rows = changes_json(project)["changes"]
    added = [(r["subject"], r["entries"]) for r in rows if r["change"] == "work added"]
    assert added == [(f"doi/{new}", [f"{new}#paper"]), ("doi/10.5555/walker.2013", [f"{new}#references/6"])]
    assert {r["change"] for r in rows} == {"work added", "metadata changed"}
    fields = [(r["subject"], r["field"], r["before"], r["after"]) for r in rows if r["change"] == "metadata changed"]
    assert ("doi/10.1176/appi.ps.57.10.1493", "issue", "", "10") in fields
    assert all(e.startswith(new) for r in rows for e in r["entries"] if r["change"] == "work added")
    assert sum(r["entries"][0].startswith(new) for r in rows if r["change"] == "metadata changed") == 3


def manifest(build_id, works, decisions=()):
    return {"build": build_id, "works": {w: {"title": w, "members": m, **{f: None for f in ("doi", "year")}}
                                         for w, m in works.items()},
            "decisions": list(decisions), "doi_matches": {}, "doi_rejected": {}, "citation_counts": {},
            "findings": {}}


def test_merge_and_split_name_their_entries_and_the_decisions_behind_them():
    joined = {"left": "p#references/1", "right": "q#references/2", "same": True, "method": "score",
              "score": 0.9, "reasons": ["title 1.00"]}
    apart = dict(joined, same=False, reasons=["first page 1!=9"])
    two = manifest("b1", {"w1": ["p#references/1"], "w2": ["q#references/2"]})
    one = manifest("b2", {"w1": ["p#references/1", "q#references/2"]}, [joined])
    merged = compare(two, one)
    assert [(c.kind, c.subject, c.entries) for c in merged.changes] == [
        ("works merged", "w1", ("p#references/1", "q#references/2"))]
    assert merged.changes[0].reasons == ("p#references/1 ~ q#references/2: score 0.9: title 1.00",)
    assert summary_line(merged) == "changes since the last build: 1 merge of works"
    split = compare(one, manifest("b3", {"w1": ["p#references/1"], "w3": ["q#references/2"]}, [apart]))
    assert [(c.kind, c.subject, c.detail) for c in split.changes] == [("work split", "w1", "split into w1, w3")]
    assert split.changes[0].reasons[0].endswith("first page 1!=9")


def test_report_has_a_what_changed_page_linked_from_every_page(project):
    from litgraph.report import build_report
    from litgraph.store import open_store

    build(project)
    add_line(project, LIST, NEW_ENTRY)
    build(project)
    out = project / "site"
    build_report(open_store("oxigraph", project / "build"), out, build_dir=project / "build")
    page = (out / "changes.html").read_text(encoding="utf-8")
    assert "changes since the last build: 1 work added" in page
    assert "A new paper on peer support workers" in page and NEW_KEY in page
    assert 'href="work/' in page   # the added work links to its page
    assert 'href="changes.html"' in (out / "index.html").read_text(encoding="utf-8")
