"""Issue 11 item 15: `report --out` at a symbolic link or under a file, and the leftovers of a killed report run.

A bad --out gives one line and exit 2 and writes nothing; a staging or retired
folder a killed run left next to the site is removed by the next run.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from conftest import ROOT, run_cli
from litgraph.errors import InputError
from litgraph.report.site import leftovers, write_site


def one_line_exit_2(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2 and len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


def listing(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_report_out_at_a_symlink_is_refused_and_nothing_written(tmp_path):
    real = tmp_path / "real-site"
    write_site({"index.html": "the earlier report"}, real)
    (tmp_path / "site").symlink_to(real)
    before = listing(tmp_path)
    line = one_line_exit_2(run_cli("report", "--out", str(tmp_path / "site"), "--build-dir", str(tmp_path / "b")))
    assert "symbolic link" in line and str(tmp_path / "site") in line
    assert listing(tmp_path) == before and (real / "index.html").read_text() == "the earlier report"


def test_report_out_at_a_dangling_symlink_is_refused(tmp_path):
    (tmp_path / "site").symlink_to(tmp_path / "nowhere")
    with pytest.raises(InputError, match="symbolic link"):
        write_site({"index.html": "x"}, tmp_path / "site")
    assert not (tmp_path / "nowhere").exists() and (tmp_path / "site").is_symlink()


@pytest.mark.parametrize("under", ["notes.txt/site", "notes.txt/deeper/site"])
def test_report_out_under_a_regular_file_is_refused_and_nothing_written(under, tmp_path):
    (tmp_path / "notes.txt").write_text("precious")
    before = listing(tmp_path)
    line = one_line_exit_2(run_cli("report", "--out", str(tmp_path / under), "--build-dir", str(tmp_path / "b")))
    assert f"{tmp_path / 'notes.txt'} is a file" in line
    assert listing(tmp_path) == before and (tmp_path / "notes.txt").read_text() == "precious"


def test_report_staging_folder_left_by_a_killed_run_is_removed_by_the_next_run(tmp_path):
    site = tmp_path / "site"
    write_site({"index.html": "one"}, site)
    for suffix in (".tmp", ".old"):                        # exactly the names a run makes (then was killed)
        left = Path(tempfile.mkdtemp(prefix=".site.", suffix=suffix, dir=tmp_path))
        (left / "half.html").write_text("half")
    (tmp_path / ".site.notes").mkdir()                    # not ours: kept
    assert len(leftovers(site)) == 2
    write_site({"index.html": "two"}, site)
    assert leftovers(site) == [] and (tmp_path / ".site.notes").is_dir()
    assert (site / "index.html").read_text() == "two"


KILLED_WRITER = """
import sys, time
from litgraph.report import site
def slow_swap(staged, out):
    print("staged", flush=True)
    time.sleep(60)
site.swap_in = slow_swap
site.write_site({"index.html": "never shown"}, sys.argv[1])
"""


def test_report_killed_while_writing_leaves_a_staging_folder_the_next_run_removes(tmp_path):
    site = tmp_path / "site"
    write_site({"index.html": "one"}, site)
    writer = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(site)], cwd=ROOT, stdout=subprocess.PIPE,
                              text=True)
    assert writer.stdout.readline().strip() == "staged"
    writer.send_signal(signal.SIGKILL)
    writer.wait(10)
    assert len(leftovers(site)) == 1                      # kill -9: nothing could clean up
    started = time.monotonic()
    write_site({"index.html": "two"}, site)               # the lock died with the killed run
    assert time.monotonic() - started < 30
    assert leftovers(site) == [] and (site / "index.html").read_text() == "two"
