"""`litgraph import`: RIS, CSL-JSON, MEDLINE, BibTeX and GROBID TEI files join the corpus and merge through identity.

Fixtures (tests/fixtures/imports/, written by hand in each tool's export shape) each
hold a paper the seed graph already has (Sells 2006 by DOI, Pitt 2013 by score), a
new work or two, and one malformed entry.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, run_cli

FIXTURES = Path(__file__).parent / "fixtures" / "imports"
FILES = {"ris": "zotero-library.ris", "csl-json": "zotero-csl.json", "medline": "pubmed-result.nbib",
         "tei": "grobid-references.xml"}
SELLS = "10.1176/appi.ps.57.8.1179"
SEED_003 = "10.1017/S2045796014000407"
# format -> (entries read, imported, the malformed entry's line and index as reported on stderr)
EXPECTED = {"ris": (4, 2, [":41: entry 3: skipped: no title", ":47: entry 4: skipped: record has no 'ER  -'"]),
            "csl-json": (4, 3, [":40: entry 3: skipped: a CSL-JSON item must be an object"]),
            "medline": (3, 2, [":70: entry 3: skipped: not a MEDLINE line"]),
            "tei": (4, 3, [":62: entry 3: skipped: b2: no title, DOI or author"])}


def works(build_dir: Path) -> list[dict]:
    result = run_cli("works", "--build-dir", str(build_dir), "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """The seed corpus built as shipped, then with all four files imported and built again."""
    folder = tmp_path_factory.mktemp("imports")
    corpus = folder / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    before = run_cli("build", "--corpus", str(corpus), "--build-dir", str(folder / "before"))
    assert before.returncode == 0, before.stderr
    runs = {fmt: run_cli("import", str(FIXTURES / name), "--corpus", str(corpus)) for fmt, name in FILES.items()}
    after = run_cli("build", "--corpus", str(corpus), "--build-dir", str(folder / "after"), "--format", "json")
    assert after.returncode == 0, after.stderr
    return {"corpus": corpus, "runs": runs, "before": works(folder / "before"), "after": works(folder / "after"),
            "summary": json.loads(after.stdout)}


@pytest.mark.parametrize("fmt", FILES)
def test_each_export_reports_its_malformed_entries_with_file_and_entry_and_imports_the_rest(imported, fmt):
    run, (read, ok, failures) = imported["runs"][fmt], EXPECTED[fmt]
    assert run.returncode == 1, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == len(failures) and "Traceback" not in run.stderr
    for line, expected in zip(lines, failures):
        assert line.startswith(str(FIXTURES / FILES[fmt]) + expected.split(":", 2)[0]), line
        assert expected in line
    assert f"imported {ok} entries from" in run.stdout and f"{read} read, {read - ok} failed" in run.stdout
    stored = next((imported["corpus"] / "libraries").glob(Path(FILES[fmt]).stem + ".*"))
    assert stored.read_bytes() == (FIXTURES / FILES[fmt]).read_bytes(), "kept verbatim"


@pytest.mark.parametrize("fmt", FILES)
def test_the_seed_paper_in_each_export_merges_with_its_work_not_a_duplicate(imported, fmt):
    library = Path(FILES[fmt]).stem
    target = "Consumer-providers of care" if fmt == "tei" else "The treatment relationship in peer-based"
    with_library = [w for w in imported["after"] if any(m.get("library") == library for m in w["members"])
                    and (w["title"] or "").startswith(target)]
    assert len(with_library) == 1, [w["title"] for w in imported["after"] if target in (w["title"] or "")]
    lists = {m["list"] for m in with_library[0]["members"]}
    assert "references" in lists, "merged with the work the seed lists cite"
    assert "merged with works already in the corpus" in imported["runs"][fmt].stdout


def test_imports_add_exactly_their_new_works(imported):
    """Sells (3 files) and Pitt merge; the others are new: RIS 1, CSL-JSON 2, MEDLINE 1, TEI 2."""
    before, after = imported["before"], imported["after"]
    assert len(after) == len(before) + 1 + 2 + 1 + 2
    assert imported["summary"]["library_entries"] == 2 + 3 + 2 + 3
    sells = [w for w in after if w["doi"] and w["doi"].lower() == SELLS]
    assert len(sells) == 1 and {m.get("library") for m in sells[0]["members"]} >= {
        "zotero-library", "zotero-csl", "pubmed-result"}


@pytest.mark.parametrize("fmt", FILES)
def test_detection_picks_the_format_from_the_content_not_the_name(fmt, tmp_path):
    from litgraph.imports import detect_format

    assert detect_format((FIXTURES / FILES[fmt]).read_text(encoding="utf-8")) == fmt
    renamed = tmp_path / "export.txt"
    shutil.copy(FIXTURES / FILES[fmt], renamed)
    corpus = tmp_path / "corpus"
    run = run_cli("import", str(renamed), "--corpus", str(corpus))
    assert f"({fmt})" in run.stdout, run.stdout + run.stderr


def test_bibtex_detected_and_import_bib_still_works(tmp_path):
    bib = tmp_path / "mine.txt"
    bib.write_text("@article{sells2006, author={Sells, David L. and Davidson, Larry}, title={The treatment "
                   "relationship}, journal={Psychiatric Services}, year={2006}}\n", encoding="utf-8")
    assert "(bibtex)" in run_cli("import", str(bib), "--corpus", str(tmp_path / "c")).stdout
    alias = run_cli("import", "bib", str(bib), "--corpus", str(tmp_path / "d"))
    assert alias.returncode == 0 and (tmp_path / "d" / "libraries" / "mine.bib").exists(), alias.stderr


@pytest.mark.parametrize("fmt,given", [("ris", ("David", "Chinwe Adaeze")), ("csl-json", ("David", "Fiona Grace")),
                                       ("medline", ("David", "Oluwaseun Tobi")), ("tei", ("Veronica", "Naledi Precious"))])
def test_full_given_names_are_kept_not_cut_to_initials(fmt, given):
    from litgraph.imports import read_text

    found = read_text((FIXTURES / FILES[fmt]).read_text(encoding="utf-8"), FILES[fmt])
    assert (found.records[0].parsed.authors[0].given, found.records[1].parsed.authors[0].given) == given


def test_identifiers_and_abstract_are_kept():
    from litgraph.imports import read_text

    ris = read_text((FIXTURES / FILES["ris"]).read_text(encoding="utf-8"), "x").records[0].parsed
    assert (ris.pmid, ris.issn, ris.doi) == ("16870970", "1075-2730, 1557-9700", SELLS)
    assert ris.url.startswith("https://psychiatryonline.org/") and ris.abstract.startswith("Objective:")
    medline = read_text((FIXTURES / FILES["medline"]).read_text(encoding="utf-8"), "x").records
    assert (medline[0].parsed.first_page, medline[0].parsed.last_page) == ("1179", "1184")
    assert (medline[1].parsed.pmcid, medline[1].parsed.issn) == ("PMC7012345", "2045-7960")
    assert len(medline[0].parsed.authors) == 5, "every author"


@pytest.mark.parametrize("fmt", FILES)
def test_entries_read_equal_entries_imported_plus_failures(fmt):
    from litgraph.imports import read_text

    found = read_text((FIXTURES / FILES[fmt]).read_text(encoding="utf-8"), FILES[fmt])
    assert found.read == len(found.records) + len(found.failures) == EXPECTED[fmt][0]


def test_a_count_that_does_not_add_up_is_refused():
    from litgraph.imports.records import ImportResult

    with pytest.raises(AssertionError):
        ImportResult("ris", (), (), 1)


def test_a_file_not_in_the_format_given_is_refused_and_nothing_written(tmp_path):
    corpus = tmp_path / "corpus"
    run = run_cli("import", str(FIXTURES / FILES["csl-json"]), "--format", "ris", "--corpus", str(corpus))
    assert run.returncode == 2 and "no entry could be read as ris" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1 and not corpus.exists()
    prose = tmp_path / "notes.txt"
    prose.write_text("just some notes\n")
    unknown = run_cli("import", str(prose), "--corpus", str(corpus))
    assert unknown.returncode == 2 and "not RIS, CSL-JSON, MEDLINE, BibTeX or TEI" in unknown.stderr


def test_tei_with_entity_declarations_is_refused_without_expanding_them(tmp_path):
    bomb = tmp_path / "bomb.xml"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
                    '<TEI xmlns="http://www.tei-c.org/ns/1.0"><listBibl><biblStruct><monogr><title>&lol2;'
                    '</title></monogr></biblStruct></listBibl></TEI>')
    run = run_cli("import", str(bomb), "--corpus", str(tmp_path / "corpus"))
    assert run.returncode == 2 and "entity declarations are not read" in run.stderr
    assert not (tmp_path / "corpus").exists()


def test_import_as_a_papers_reference_list_keeps_the_order_and_merges(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    hsdr = "10.3310/hsdr02190"   # seed 002 prints no reference list
    run = run_cli("import", str(FIXTURES / FILES["tei"]), "--as", "references", "--paper", hsdr,
                  "--corpus", str(corpus))
    assert run.returncode == 1 and "imported 3 entries" in run.stdout, run.stderr
    build = run_cli("build", "--corpus", str(corpus), "--build-dir", str(tmp_path / "b"))
    assert build.returncode == 0, build.stderr
    listed = run_cli("query", "reference-list", "--param", f"paper={hsdr}", "--build-dir", str(tmp_path / "b"),
                     "--format", "json")
    rows = json.loads(listed.stdout)
    assert [r["position"] for r in rows] == [1, 2, 4], rows
    pitt = [w for w in works(tmp_path / "b") if (w["title"] or "").startswith("Consumer-providers of care")]
    assert len(pitt) == 1 and {m["paper_doi"] for m in pitt[0]["members"]} >= {hsdr, SEED_003}
    again = run_cli("import", str(FIXTURES / FILES["ris"]), "--as", "references", "--paper", hsdr,
                    "--corpus", str(corpus))
    assert again.returncode == 2 and "already has a reference list" in again.stderr
