"""Issue 11, items 5, 6, 7, 13 and 15: a bad paper record or list stops `litgraph build` with one line.

Each case breaks one file of a built copy of the shipped corpus, runs the real
`litgraph build`, and checks the exit code (2), the one line on stderr (file,
line, field), and that nothing was written: work-ids.tsv and build/ are as the
previous good build left them.
"""

from __future__ import annotations

import pytest

from conftest import run_cli
from corpus_cases import built_copy, edit, fresh_project, line_of, refused

HSDR = "papers/gillard-2014-hsdr.yaml"      # seed 002: no list, so its fields are all that matter
BMC = "papers/gillard-2013-bmchsr.yaml"     # seed 000: a references list and a findings file
BMC_LIST = "references/gillard-2013-bmchsr.tsv"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The shipped corpus, built once: each test starts from a copy of corpus/ and build/."""
    return built_copy(tmp_path_factory.mktemp("built"))


@pytest.fixture
def project(built, tmp_path):
    return fresh_project(built, tmp_path)


# -- item 5: duplicate keys --------------------------------------------------------------------

def test_duplicate_key_in_paper_record_is_refused_not_last_one_kept(project):
    record = project / "corpus" / HSDR
    record.write_text(record.read_text(encoding="utf-8") + "year: 2015\n", encoding="utf-8")
    message = refused(project)
    assert f"{HSDR}:{line_of(record, 'year: 2015')}:" in message
    assert "duplicate key 'year'" in message and f"line {line_of(record, 'year: 2014')}" in message


# -- item 6: wrong types -----------------------------------------------------------------------

@pytest.mark.parametrize("field, old, new, says", [
    ("year", "year: 2014", "year: true", "year: must be a whole number from 1000 to 2100, not True"),
    ("year", "year: 2014", "year: 214", "not 214"),
    ("year", "year: 2014", "year: \"2014\"", "not '2014'"),
    ("volume", "volume: \"2\"", "volume: [1, 2]", "volume: must be non-empty text or a whole number, not [1, 2]"),
    ("issue", "issue: \"19\"", "issue: 1.5", "issue: must be non-empty text or a whole number, not 1.5 (quote it)"),
    ("container", "container: Health Services and Delivery Research", "container: 2014", "container: must be"),
    ("type", "type: report", "type: [report]", "type: must be one of"),
    ("publisher", "publisher: NIHR Journals Library", "publisher: 12", "publisher: must be non-empty text, not 12"),
])
def test_wrong_type_in_paper_record_is_refused_with_file_line_and_field(project, field, old, new, says):
    record = project / "corpus" / HSDR
    edit(record, old, new)
    message = refused(project)
    assert f"{HSDR}:{line_of(project / 'corpus' / HSDR, field + ':')}: " in message and says in message


def test_empty_title_is_refused_not_written_as_none(project):
    record = project / "corpus" / HSDR
    text = record.read_text(encoding="utf-8")
    record.write_text("\n".join("title:" if line.startswith("title:") else line
                                for line in text.split("\n")), encoding="utf-8")
    assert f"{HSDR}:{line_of(record, 'title:')}: title: must be non-empty text, not None" in refused(project)


@pytest.mark.parametrize("author, says", [
    ("- {given: S}", "needs 'family'"),
    ("- {family: \"\", given: S}", "family must be non-empty text"),
    ("- {family: Gillard, given: 5}", "given must be text"),
    ("- {family: Gillard, literal: NHS}", "gives 'literal' with other names"),
    ("- Gillard S", "'Gillard S' needs 'family'"),   # no mapping, so no line of its own: the authors line
])
def test_malformed_author_is_refused_naming_its_line(project, author, says):
    record = project / "corpus" / HSDR
    edit(record, "- {family: Gibson, given: S}", author)
    message = refused(project)
    line = line_of(record, "authors:") if "{" not in author else line_of(record, "  " + author)
    assert f"{HSDR}:{line}: authors:" in message and says in message


# -- item 7: DOIs ------------------------------------------------------------------------------

@pytest.mark.parametrize("value, says", [
    ('""', "a DOI must be text such as 10.1234/abc, not ''"),
    ("", "a DOI must be text such as 10.1234/abc, not None"),
    ("hello", "'hello' is not a DOI (10.NNNN/suffix)"),
    ("10.1234", "10.1234 was read as a number: quote it"),
    ('"10.1/a b>c"', "holds whitespace or one of"),
    ('"10.12/abc"', "is not a DOI"),
    ("https://doi.org/10.3310/hsdr02190", "write the bare DOI"),
])
def test_invalid_paper_doi_is_refused_before_anything_is_locked(project, value, says):
    record = project / "corpus" / HSDR
    edit(record, "doi: 10.3310/hsdr02190", f"doi: {value}".rstrip())
    message = refused(project)
    assert f"{HSDR}:{line_of(record, 'doi:')}: doi: " in message and says in message
    assert "doi/none" not in (project / "corpus" / "work-ids.tsv").read_text(encoding="utf-8")


def test_invalid_doi_of_a_paper_with_findings_blames_the_paper_record_not_the_findings(project):
    edit(project / "corpus" / BMC, "doi: 10.1186/1472-6963-13-188", "doi: hello")
    message = refused(project)
    assert BMC in message and "findings" not in message


# -- item 13: list paths -----------------------------------------------------------------------

@pytest.mark.parametrize("name", ["/etc/passwd", "../../../../../../etc/passwd", "../outside.tsv"])
def test_list_path_outside_the_corpus_is_not_read(project, name):
    (project / "outside.tsv").write_text("1\tA reference kept outside the corpus.\n", encoding="utf-8")
    record = project / "corpus" / BMC
    edit(record, "references: references/gillard-2013-bmchsr.tsv", f"references: {name}")
    message = refused(project)
    assert f"{BMC}:{line_of(record, 'references:')}: references: {name} is outside the corpus folder" in message


def test_list_path_through_a_symlink_out_of_the_corpus_is_not_read(project):
    (project / "outside.tsv").write_text("1\tA reference kept outside the corpus.\n", encoding="utf-8")
    (project / "corpus" / "references" / "linked.tsv").symlink_to(project / "outside.tsv")
    edit(project / "corpus" / BMC, "references: references/gillard-2013-bmchsr.tsv",
         "references: references/linked.tsv")
    assert "references: references/linked.tsv is outside the corpus folder" in refused(project)


def test_list_path_that_is_not_text_is_refused(project):
    edit(project / "corpus" / BMC, "references: references/gillard-2013-bmchsr.tsv", "references: [a, b]")
    assert "references: must be non-empty text" in refused(project)


# -- item 15: list positions and BOMs ----------------------------------------------------------

@pytest.mark.parametrize("position", ["²", "١٢", "１"])
def test_superscript_or_non_ascii_position_is_one_line_not_a_traceback(project, position):
    path = project / "corpus" / BMC_LIST
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(5, f"{position}\tSmith J: A reference. J Test. 2001, 1: 1-2.")
    path.write_text("\n".join(lines), encoding="utf-8")
    assert f"{BMC_LIST}:6: position must be a positive whole number, not {position!r}" in refused(project)


def test_bom_in_list_file_is_accepted(project):
    path = project / "corpus" / BMC_LIST
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    result = run_cli("build", "--corpus", str(project / "corpus"), "--build-dir", str(project / "build"))
    assert result.returncode == 0, result.stderr
    from litgraph.corpus import load_corpus

    entries = [e for e in load_corpus(project / "corpus").entries if e.path.endswith(BMC_LIST)]
    assert len(entries) == 46 and entries[0].line == 4


def test_bom_before_a_first_entry_line_keeps_its_position(tmp_path):
    from litgraph.corpus import read_list

    path = tmp_path / "list.tsv"
    path.write_bytes(b"\xef\xbb\xbf1\tSmith J: A reference. J Test. 2001, 1: 1-2.\r\n2\tJones A: Another.\r\n")
    entries = read_list(path, "10.1234/x", "references")
    assert [(e.position, e.line) for e in entries] == [(1, 1), (2, 2)]
    assert entries[1].raw == "Jones A: Another."


# -- item 5: the Crossref decision files a curator edits ---------------------------------------

def test_duplicate_verdict_in_crossref_review_yaml_is_refused_not_last_one_kept(project):
    review = project / "corpus" / "crossref" / "review.yaml"
    review.parent.mkdir(exist_ok=True)
    review.write_text("review:\n  10.1186/1472-6963-13-188#references/5:\n    verdict: reject\n"
                      "    note: not this one\n    verdict: accept\n", encoding="utf-8")
    assert "review.yaml:5: not valid YAML: duplicate key 'verdict' (also on line 3)" in refused(project)


def test_duplicate_entry_in_crossref_matches_yaml_is_refused(project):
    matches = project / "corpus" / "crossref" / "matches.yaml"
    matches.parent.mkdir(exist_ok=True)
    entry = "  10.1186/1472-6963-13-188#references/5:\n    decision: abstained\n"
    matches.write_text("matches:\n" + entry + entry, encoding="utf-8")
    assert "matches.yaml:4: not valid YAML: duplicate key" in refused(project)
