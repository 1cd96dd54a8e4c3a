"""Issue 11, items 7, 9 and 15: lines end at \\n only, BOMs are accepted, bad bytes are named.

`str.splitlines` also splits on U+2028, U+2029, U+0085 and form feeds: `refs parse`
printed two records for one line, and list files reported line numbers past the end
of the file. The tab-separated corpus files (lists, citation-keys.tsv, work-ids.tsv)
take a BOM as the YAML files do; a citation-keys.tsv that is not UTF-8 is one line,
exit 2. A malformed DOI read from a list or a library never becomes a work id.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from conftest import run_cli
from corpus_cases import build, built_copy, fresh_project, refused

LIST = "references/gillard-2013-bmchsr.tsv"
SEPARATORS = ["\u2028", "\u2029", "\x0c", "\x85", "\x1e", "\x0b"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return built_copy(tmp_path_factory.mktemp("built"))


@pytest.fixture
def project(built, tmp_path):
    return fresh_project(built, tmp_path)


@pytest.mark.parametrize("separator", SEPARATORS)
def test_refs_parse_gives_one_record_for_a_line_holding_a_unicode_line_separator(tmp_path, separator):
    path = tmp_path / "refs.txt"
    path.write_text(f"1\tSells DL: The treatment{separator}relationship. Psychiatr Serv. 2006, 57: 1179-1184.\n"
                    "2\tLawn S: Mental health peer support. J Ment Health. 2008, 17: 498-508.\n", encoding="utf-8")
    for args, stdin in (([str(path)], None), (["-"], path.read_text(encoding="utf-8"))):
        result = run_cli("refs", "parse", *args, input=stdin)
        assert result.returncode == 0, result.stderr
        records = [json.loads(line) for line in result.stdout.strip().split("\n")]
        assert len(records) == 2 and records[1]["raw"].startswith("Lawn S")


@pytest.mark.parametrize("separator", SEPARATORS)
def test_list_line_numbers_do_not_run_past_the_end_of_the_file_after_a_line_separator(project, separator):
    path = project / "corpus" / LIST
    lines = path.read_text(encoding="utf-8").split("\n")[:-1]
    lines[4] = lines[4].replace(" ", separator, 1)
    lines.append("99 no tab on the last line")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert f"{LIST}:{len(lines)}: expected '<position><TAB><printed reference>'" in refused(project)


def test_list_entry_holding_a_line_separator_stays_one_entry(tmp_path):
    from litgraph.corpus import read_list

    path = tmp_path / "list.tsv"
    path.write_text("# comment\n1\tSmith J: A\u2028title.\x0c J Test. 2001, 1: 1-2.\r\n2\tJones A: Another.\n",
                    encoding="utf-8")
    entries = read_list(path, "10.1234/x", "references")
    assert [(e.position, e.line) for e in entries] == [(1, 2), (2, 3)]


def test_bom_in_citation_keys_and_work_ids_is_accepted_and_changes_nothing(project):
    corpus = project / "corpus"
    for name in ("citation-keys.tsv", "work-ids.tsv"):
        (corpus / name).write_bytes(b"\xef\xbb\xbf" + (corpus / name).read_bytes())
    before = {name: (corpus / name).read_bytes() for name in ("citation-keys.tsv", "work-ids.tsv")}
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert {name: (corpus / name).read_bytes() for name in before} == before


def test_bom_before_a_first_key_line_does_not_mint_that_work_a_second_key(tmp_path):
    from litgraph.cite.keys import dump_keys, load_keys

    path = tmp_path / "citation-keys.tsv"
    path.write_bytes("\ufeffdoi/10.1234/a\tsmith2001a\n".encode())
    keys = load_keys(path)
    assert keys == {"doi/10.1234/a": "smith2001a"}
    text = dump_keys(keys | {"doi/10.1234/b": "jones2002"}, path.read_text(encoding="utf-8"))
    assert text == "doi/10.1234/a\tsmith2001a\ndoi/10.1234/b\tjones2002\n"


def test_citation_keys_tsv_that_is_not_utf8_is_one_line_naming_the_file(project):
    path = project / "corpus" / "citation-keys.tsv"
    lines = path.read_bytes().split(b"\n")
    lines[5] = lines[5] + b"\xe9"
    path.write_bytes(b"\n".join(lines))
    message = refused(project)
    assert "citation-keys.tsv:6: cannot read: not UTF-8 (byte 0xe9)" in message


def test_work_ids_tsv_that_is_not_utf8_is_one_line_naming_the_file(project):
    path = project / "corpus" / "work-ids.tsv"
    path.write_bytes(path.read_bytes() + b"10.1234/x#paper\tdoi/10.1234/\xff\n")
    assert "work-ids.tsv:" in refused(project)


def test_malformed_library_doi_is_not_locked_as_a_work_id(project):
    library = project / "corpus" / "libraries" / "mine.bib"
    library.parent.mkdir(exist_ok=True)
    library.write_text("@article{smith2010,\n  title={A study of peer workers and things},\n  author={Smith, John},\n"
                       "  year={2010},\n  doi={hello}\n}\n@article{jones2011,\n  title={Another study of stuff},\n"
                       "  author={Jones, Ann},\n  year={2011},\n  doi={10.1234/abc<def>}\n}\n", encoding="utf-8")
    result = run_cli("build", "--corpus", str(project / "corpus"), "--build-dir", str(project / "build"),
                     "--show-warnings")
    assert result.returncode in (0, 1), result.stderr
    lock = (project / "corpus" / "work-ids.tsv").read_text(encoding="utf-8")
    assert "doi/hello" not in lock and "abc<def>" not in lock
    assert "library:mine#library/1\tkey/" in lock
    assert "doi 'hello' is not a DOI; not used" in result.stdout + result.stderr


def test_malformed_printed_doi_is_dropped_with_a_warning():
    from litgraph.parse import parse_reference

    parsed = parse_reference("Sells DL: The treatment relationship in peer-based case management. "
                             "Psychiatr Serv. 2006, 57: 1179-1184. doi:10.1176/appi.ps.57.8.1179<x>.")
    assert parsed.doi is None
    assert "printed DOI '10.1176/appi.ps.57.8.1179<x>' is malformed; not used" in parsed.warnings


def test_work_id_is_never_minted_from_a_malformed_doi():
    from litgraph.identity.fields import WorkFields
    from litgraph.identity.ids import minted_id

    fields = WorkFields(doi="hello", title="A title", year=2001, authors=(), type="other", container=None,
                        volume=None, issue=None, first_page=None, last_page=None, article_number=None,
                        publisher=None, place=None)
    assert minted_id(fields).startswith("key/")
    assert minted_id(replace(fields, doi="https://doi.org/10.1234/AbC")) == "doi/10.1234/abc"


def test_crossref_metadata_with_a_line_separator_in_a_title_reads_back(tmp_path):
    from litgraph.crossref.files import read_metadata, write_metadata

    records = {"10.1234/a": {"doi": "10.1234/a", "title": "Peer work\u2028in practice"}}
    write_metadata(tmp_path, records)
    assert read_metadata(tmp_path) == records


def test_gold_jsonl_with_a_raw_line_separator_is_one_record(tmp_path):
    from litgraph.parse.evaluate import load_gold

    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"raw": "Smith J: A\u2028title. 2001."}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert [r["raw"] for r in load_gold([path])] == ["Smith J: A\u2028title. 2001."]


def test_split_lines_splits_on_newline_only():
    from litgraph.lines import split_lines

    assert split_lines("a\u2028b\x0cc\r\nd\n\ne") == ["a\u2028b\x0cc", "d", "", "e"]
    assert split_lines("") == [] and split_lines("a\n") == ["a"]
