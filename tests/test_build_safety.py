"""Builds that never corrupt and never half-replace (issue 11, items 2-3).

Real `litgraph build` processes on a copy of the corpus: two at once, killed with -9
at several points, stopped by SIGTERM and SIGINT. After each, the build folder holds
one whole build: the N-Triples file, the Turtle and the Oxigraph store agree and answer.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, run_cli
from litgraph.buildlock import build_lock
from litgraph.generations import GENERATIONS, live_generation, prepare_build_dir
from litgraph.queries import get_query, run_query
from litgraph.store import OxigraphStore, RdflibStore

APT = "10.1192/apt.bp.113.011940"
EXTRA_LINE = "53\tNewcomer, A (2020) A reference added between two builds. Journal of Tests, 1: 1–2.\n"


def start_build(corpus: Path, build: Path, *extra: str) -> subprocess.Popen:
    """`litgraph build` as a user runs it (from the project folder, for its vocabulary)."""
    return subprocess.Popen([sys.executable, "-m", "litgraph", "build", "--corpus", str(corpus),
                             "--build-dir", str(build), "--format", "json", *extra],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture
def built(tmp_path):
    """A copy of the corpus, built once into tmp/build."""
    corpus, build = tmp_path / "corpus", tmp_path / "build"
    shutil.copytree(ROOT / "corpus", corpus)
    result = run_cli("build", "--corpus", str(corpus), "--build-dir", str(build))
    assert result.returncode == 0, result.stderr
    return corpus, build


def whole_build(build: Path) -> dict:
    """What a reader sees, checked for agreement: N-Triples lines = rdflib = Oxigraph, and a query answers."""
    nt = (build / "litgraph.nt").read_bytes()
    oxigraph, rdflib = OxigraphStore(build / "store"), RdflibStore.from_file(build / "litgraph.nt")
    lines = nt.count(b"\n")
    assert len(oxigraph) == len(rdflib) == lines > 3000
    rows = run_query(get_query("reference-list"), oxigraph, {"paper": APT}).rows
    assert rows and rows == run_query(get_query("reference-list"), rdflib, {"paper": APT}).rows
    assert (build / "litgraph.ttl").stat().st_size > 0
    return {"nt": nt, "ttl": (build / "litgraph.ttl").read_bytes(), "triples": lines}


def leftovers(build: Path) -> list[str]:
    """Generations other than the live one, old-layout swap folders and temporaries."""
    live = live_generation(build)
    stale = [p.name for p in (build / GENERATIONS).iterdir() if p.resolve() != live]
    stale += [p.name for p in build.iterdir() if p.name in ("store.new", "store.old") or p.name.endswith(".tmp")]
    return stale + [p.name for p in live.iterdir() if p.name.endswith(".tmp")]


def add_reference(corpus: Path) -> None:
    """Change the corpus, so that the next build's graph differs from the last one's."""
    path = corpus / "references" / "gillard-2014-apt.tsv"
    path.write_text(path.read_text(encoding="utf-8") + EXTRA_LINE, encoding="utf-8")


def wait_for(predicate, process: subprocess.Popen, timeout: float = 120.0) -> bool:
    """Poll every millisecond until `predicate()` holds (True) or the process ends first (False)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        if process.poll() is not None:
            return False
        time.sleep(0.001)
    raise AssertionError("timed out")


def staging_has(build: Path, pattern: str | None):
    """True once a generation that is not the live one exists (and holds a file matching `pattern`)."""
    def seen() -> bool:
        live, root = live_generation(build), build / GENERATIONS
        staging = [g for g in root.iterdir() if g.resolve() != live] if root.is_dir() else []
        return any(pattern is None or any(g.glob(pattern)) for g in staging)
    return seen


# -- two builds at once ------------------------------------------------------------------------------

def test_two_concurrent_builds_never_corrupt_the_store(built):
    corpus, build = built
    for _ in range(5):
        first, second = start_build(corpus, build), start_build(corpus, build)
        outputs = [p.communicate(timeout=300) for p in (first, second)]
        assert [first.returncode, second.returncode] == [0, 0], outputs
        assert json.loads(outputs[0][0])["triples"] == json.loads(outputs[1][0])["triples"]
        whole_build(build)
        assert leftovers(build) == []


def test_second_build_waits_and_says_so_on_one_line(built):
    corpus, build = built
    with build_lock(build):
        waiting = start_build(corpus, build)
        time.sleep(1.5)
        assert waiting.poll() is None, "the second build did not wait for the lock"
    out, err = waiting.communicate(timeout=300)
    assert waiting.returncode == 0, err
    # The wait is one line; the build's own one-line change summary (stderr under --format json) may follow it.
    lines = err.splitlines()
    assert lines[0] == f"litgraph: waiting for another build (pid {os.getpid()}) of {build} to finish"
    assert all(line.startswith(("changes since", "no changes")) for line in lines[1:]), err
    whole_build(build)


def test_no_wait_build_exits_2_at_once_while_another_build_runs(built):
    corpus, build = built
    before = whole_build(build)
    add_reference(corpus)
    lock_before = (corpus / "work-ids.tsv").read_bytes()
    with build_lock(build):
        result = subprocess.run([sys.executable, "-m", "litgraph", "build", "--corpus", str(corpus),
                                 "--build-dir", str(build), "--no-wait"],
                                cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(f"litgraph: error: {build}: another build (pid {os.getpid()}) is writing")
    assert whole_build(build)["nt"] == before["nt"] and (corpus / "work-ids.tsv").read_bytes() == lock_before


# -- killed, terminated, interrupted -------------------------------------------------------------------

KILL_POINTS = {
    "staging folder made": None,
    "N-Triples being written": ".litgraph.nt.*.tmp",
    "Turtle being written": ".litgraph.ttl.*.tmp",
    "store being loaded": "store",
}


@pytest.mark.parametrize("point", list(KILL_POINTS))
def test_build_killed_at_any_point_leaves_the_previous_build_whole(built, point):
    corpus, build = built
    before = whole_build(build)
    add_reference(corpus)
    for _attempt in range(5):       # a point lasts a few ms: try again if the build got past it first
        process = start_build(corpus, build)
        reached = wait_for(staging_has(build, KILL_POINTS[point]), process)
        process.kill()
        process.communicate()
        if reached:
            break
    assert reached and process.returncode == -signal.SIGKILL, f"never caught the build at: {point}"
    after = whole_build(build)          # files and store agree, whichever build they are
    assert after["nt"] == before["nt"] or b"A reference added between two builds" in after["nt"]
    # the next build removes what the killed one left, and publishes the changed corpus
    assert run_cli("build", "--corpus", str(corpus), "--build-dir", str(build)).returncode == 0
    assert leftovers(build) == [] and whole_build(build)["nt"] != before["nt"]


@pytest.mark.parametrize("signum, code, line", [(signal.SIGTERM, 143, "litgraph: terminated"),
                                                (signal.SIGINT, 130, "litgraph: interrupted")])
def test_sigterm_and_sigint_stop_a_build_cleanly_and_keep_the_previous_one(built, signum, code, line):
    corpus, build = built
    before = whole_build(build)
    add_reference(corpus)
    process = start_build(corpus, build)
    assert wait_for(staging_has(build, "store"), process), "the build finished before the signal"
    process.send_signal(signum)
    out, err = process.communicate(timeout=120)
    assert process.returncode == code and [t for t in err.splitlines() if t] == [line], err
    assert whole_build(build)["nt"] == before["nt"]
    assert leftovers(build) == []        # the handler let the cleanup run: no staging folder left


# -- leftovers and the old layout --------------------------------------------------------------------

def test_stale_temporaries_and_staging_folders_of_killed_runs_are_removed(built):
    corpus, build = built
    before = whole_build(build)
    stale = build / GENERATIONS / "build-12345-killed"
    (stale / "store").mkdir(parents=True)
    (stale / ".litgraph.nt.abc.tmp").write_bytes(b"x" * 100_000)
    (build / ".litgraph.nt.xyz.tmp").write_bytes(b"x" * 100_000)   # the old layout's temporaries
    (build / ".litgraph.ttl.xyz.tmp").write_text("partial")
    (build / "store.new").mkdir()
    (build / "store.old").mkdir()
    (build / "site").mkdir()                                        # not the build's: left alone
    assert len(leftovers(build)) == 5
    assert run_cli("build", "--corpus", str(corpus), "--build-dir", str(build)).returncode == 0
    assert leftovers(build) == [] and (build / "site").is_dir()
    assert whole_build(build)["nt"] == before["nt"]


def test_rebuild_into_the_same_folder_is_byte_identical_and_keeps_one_generation(built):
    corpus, build = built
    before = whole_build(build)
    assert run_cli("build", "--corpus", str(corpus), "--build-dir", str(build)).returncode == 0
    after = whole_build(build)
    assert (after["nt"], after["ttl"]) == (before["nt"], before["ttl"])
    assert len(list((build / GENERATIONS).iterdir())) == 1


def old_layout(build: Path, source: Path, store_name: str = "store") -> None:
    """A build folder as litgraph wrote it before generations: real files and a real store folder."""
    build.mkdir()
    for name in ("litgraph.nt", "litgraph.ttl"):
        shutil.copyfile(source / name, build / name)
    OxigraphStore.create(build / store_name, build / "litgraph.nt")


@pytest.mark.parametrize("store_name", ["store", "store.old"])
def test_old_layout_build_folder_is_adopted_whole(built, tmp_path, store_name):
    """Real files become the first generation; a store left as store.old by a cut-short swap is taken back."""
    _, source = built
    build = tmp_path / "old-build"
    old_layout(build, source, store_name)
    expected = whole_build(source)
    with build_lock(build):
        prepare_build_dir(build)
    assert all((build / name).is_symlink() for name in ("litgraph.nt", "litgraph.ttl", "store"))
    assert whole_build(build)["nt"] == expected["nt"] and leftovers(build) == []


def test_readers_open_the_published_build_through_the_links(built):
    """`--store rdflib` (litgraph.nt) and Oxigraph (store/) give the same rows through build/current."""
    _, build = built
    rows = [run_cli("query", "reference-list", "--param", f"paper={APT}", "--build-dir", str(build),
                    "--store", store, "--format", "json") for store in ("oxigraph", "rdflib")]
    assert [r.returncode for r in rows] == [0, 0]
    assert json.loads(rows[0].stdout) == json.loads(rows[1].stdout) != []


def test_build_folder_under_a_file_is_one_line_exit_2_not_an_internal_error(built, tmp_path):
    corpus, _ = built
    (tmp_path / "a-file").write_text("not a folder")
    result = run_cli("build", "--corpus", str(corpus), "--build-dir", str(tmp_path / "a-file" / "build"))
    assert result.returncode == 2 and result.stderr.splitlines() == [
        f"litgraph: error: {tmp_path / 'a-file' / 'build'}: cannot write to the build folder: Not a directory"]
