"""`litgraph import bib`: an author's library joins the corpus and merges with existing works."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import ROOT, run_cli

LIBRARY = Path(__file__).parent / "cases" / "bib" / "author-library.bib"


def test_import_reports_failed_block_with_line_and_keeps_the_rest(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    result = run_cli("import", "bib", str(LIBRARY), "--corpus", str(corpus))
    assert result.returncode == 1, result.stderr
    assert "author-library.bib:13: skipped: Unexpected block start" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert (corpus / "libraries" / "author-library.bib").read_text() == LIBRARY.read_text()
    build = run_cli("build", "--corpus", str(corpus), "--build-dir", str(tmp_path / "b"), "--format", "json")
    assert build.returncode == 0, build.stderr
    summary = json.loads(build.stdout)
    before = json.loads(run_cli("build", "--corpus", str(ROOT / "corpus"), "--build-dir",
                                str(tmp_path / "orig"), "--format", "json").stdout)
    # Corrigan 2006 and DH 2011 merge with works already cited; Rüsch 2014 is already cited by 003 too
    assert summary["library_entries"] == 3
    assert summary["works"] == before["works"]
    works = [json.loads(line) for line in
             run_cli("works", "--build-dir", str(tmp_path / "b")).stdout.splitlines()]
    corrigan = next(w for w in works if any(m.get("library") == "author-library" and m["position"] == 1
                                            for m in w["members"]))
    assert corrigan["doi"] == "10.1176/appi.ps.57.10.1493"
    assert {m["list"] for m in corrigan["members"]} == {"references", "library"}


def test_new_work_takes_the_library_key(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    bib = tmp_path / "new.bib"
    bib.write_text("@book{myownkey, author={Smith, Jane}, title={A Book Nobody Else Cites}, year={2021},"
                   " publisher={Sage}, address={London}}\n")
    assert run_cli("import", "bib", str(bib), "--corpus", str(corpus)).returncode == 0
    assert run_cli("build", "--corpus", str(corpus), "--build-dir", str(tmp_path / "b")).returncode == 0
    keys = (corpus / "citation-keys.tsv").read_text()
    assert "\tmyownkey\n" in keys
    assert keys.startswith((ROOT / "corpus" / "citation-keys.tsv").read_text()), "existing keys unchanged"


def test_import_refuses_to_overwrite_and_reports_missing_file(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "libraries").mkdir(parents=True)
    (corpus / "libraries" / "author-library.bib").write_text("@misc{x, title={other}}\n")
    result = run_cli("import", "bib", str(LIBRARY), "--corpus", str(corpus))
    assert result.returncode == 2 and "already exists" in result.stderr
    assert (corpus / "libraries" / "author-library.bib").read_text() == "@misc{x, title={other}}\n"
    missing = run_cli("import", "bib", str(tmp_path / "nope.bib"), "--corpus", str(corpus))
    assert missing.returncode == 2 and "no such file" in missing.stderr
