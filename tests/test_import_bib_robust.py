"""Issue 11 item 16: one bad entry in an imported .bib costs that entry only, never the file or later builds.

Real `litgraph import bib` and `litgraph build` runs on a copy of the corpus:
braces nested 3,000 deep, a byte that is not UTF-8, CRLF line ends, and a
5 MB field.
"""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import ROOT, run_cli
from litgraph.libraries import MAX_FIELD_CHARS, parse_bibtex_entry, read_library

GOOD = "@article{{{key}, author={{Smith, Jane}}, title={{{title}}}, journal={{Journal of Tests}}, year={{2021}}}}\n"


def good(key: str, title: str) -> str:
    return GOOD.format(key=key, title=title)


DEEP = "@article{deep, title={" + "{" * 3000 + "x" + "}" * 3000 + "}, year={2020}}\n"
LATIN1 = "@article{latin,\n  author={M\xfcller, Hans},\n  title={Ein Titel}, year={2020}}\n".encode("latin-1")


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """A corpus copy with three awkward libraries imported, then built once."""
    folder = tmp_path_factory.mktemp("bib")
    corpus = folder / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    files = {
        "deep": (good("before", "A Library Work Before The Deep One") + DEEP
                 + good("after", "A Library Work After The Deep One")).encode("utf-8"),
        "latin": good("first", "A First Library Work Of Hans").encode() + LATIN1
                 + good("third", "A Third Library Work Of Hans").encode(),
        "crlf": (good("crlf1", "A Windows Library Work") + "\n" + good("crlf2", "Another Windows Library Work"))
                .replace("\n", "\r\n").encode("utf-8"),
    }
    runs = {}
    for name, data in files.items():
        (folder / f"{name}.bib").write_bytes(data)
        runs[name] = run_cli("import", "bib", str(folder / f"{name}.bib"), "--corpus", str(corpus))
    build = run_cli("build", "--corpus", str(corpus), "--build-dir", str(folder / "build"), "--format", "json")
    return {"folder": folder, "corpus": corpus, "files": files, "runs": runs, "build": build}


def test_deeply_nested_braces_are_refused_at_import_with_their_line(imported):
    run = imported["runs"]["deep"]
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.strip().splitlines() == [
        f"{imported['folder'] / 'deep.bib'}:2: skipped: entry 'deep': braces nested 3002 deep (at most 64); "
        "entry skipped"]
    assert "imported 2 entries" in run.stdout


def test_deeply_nested_braces_do_not_break_later_builds(imported):
    build = imported["build"]
    assert build.returncode == 0 and "RecursionError" not in build.stderr, build.stderr
    assert json.loads(build.stdout)["library_entries"] == 2 + 2 + 2


def test_deep_entry_reaching_the_build_stage_is_a_warning_not_a_recursion_error():
    parsed = parse_bibtex_entry(DEEP.strip())
    assert parsed.title is None and "braces nested deeper than 64" in parsed.warnings[0]


def test_latin1_byte_names_its_line_and_entry_and_keeps_the_others(imported):
    run = imported["runs"]["latin"]
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.strip().splitlines() == [
        f"{imported['folder'] / 'latin.bib'}:3: skipped: entry 'latin': byte 0xFC is not UTF-8 "
        "(save the file as UTF-8); entry skipped"]
    entries, _ = read_library(imported["corpus"] / "libraries" / "latin.bib")
    assert [(e.position, e.line) for e in entries] == [(1, 1), (3, 5)]    # positions never shift


def test_crlf_library_is_copied_byte_for_byte(imported):
    assert imported["runs"]["crlf"].returncode == 0, imported["runs"]["crlf"].stderr
    for name, data in imported["files"].items():
        assert (imported["corpus"] / "libraries" / f"{name}.bib").read_bytes() == data, name
    entries, failures = read_library(imported["corpus"] / "libraries" / "crlf.bib")
    assert failures == [] and [e.line for e in entries] == [1, 3] and "\r" not in entries[1].raw


def test_five_megabyte_field_is_read_up_to_the_cap_with_a_warning():
    entry = "@article{big, title={" + "w{\\'e}rd " * 600_000 + "}, year={2020}}"
    assert len(entry) > 5_000_000
    parsed = parse_bibtex_entry(entry)
    assert parsed.year == 2020 and parsed.title.startswith("wérd wérd") and len(parsed.title) <= MAX_FIELD_CHARS
    assert parsed.warnings == ("field 'title' has 5,400,000 characters; only the first 20,000 are read",)


def test_large_unused_field_is_never_decoded():
    entry = "@article{abs, title={Short}, abstract={" + "{\\'e} " * 1_000_000 + "}, year={2020}}"
    parsed = parse_bibtex_entry(entry)
    assert parsed.title == "Short" and parsed.warnings == ()


def test_build_names_the_library_entries_it_leaves_out(imported):
    # The import said so; the build used to drop the same entries without a word.
    summary = json.loads(imported["build"].stdout)
    assert summary["warnings"] >= 2
    build = run_cli("build", "--corpus", str(imported["corpus"]), "--build-dir", str(imported["folder"] / "build"),
                    "--show-warnings")
    left_out = [line for line in build.stderr.splitlines() if "left out" in line]
    assert any("deep.bib:2: left out:" in line and "deep" in line for line in left_out), build.stderr
    assert any("latin.bib:3: left out:" in line for line in left_out), build.stderr
