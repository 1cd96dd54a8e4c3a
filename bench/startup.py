"""Whole-process timings of the interactive commands on the seed graph, cold start included.

    python -m bench.startup [--runs 10] [--work build/bench/startup]

The seed corpus is copied into a temporary project and built once with `litgraph build`; then
every named query (`litgraph query NAME`, as a reviewer types it, table output), `litgraph works`
and `litgraph headline` run as separate processes from that project folder: one warm-up (the OS
file cache), then --runs timed runs, as hyperfine does. Output goes to a pseudo-terminal of 50
lines by 160 columns, read and dropped, so tables are drawn as a reviewer sees them (rich when they
fit on a screen, plain columns otherwise). The target (issue 15) is under 0.5 s each. The load average is recorded
beside each figure: the machine is shared. Rows go to results.json with "series": "startup".
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = 0.5
SEED_PARAMS = {  # as in tests/servers.py: parameters that exist in the seed graph
    "reference-list": ["--param", "paper=10.1192/apt.bp.113.011940"],
    "citing-papers": ["--param", "work=10.1192/apt.bp.113.011940"],
    "works-by-author": ["--param", "name=Gillard"],
    "factor-evidence": ["--param", "factor=clear-job-description"],
}
BEGIN = "<!-- startup-series: written by bench/startup.py from results.json; edits here are overwritten -->"
END = "<!-- /startup-series -->"


def litgraph_command() -> list[str]:
    """The installed `litgraph` script beside this Python (what a user runs), else `python -m litgraph`."""
    script = Path(sys.executable).parent / "litgraph"
    return [str(script)] if script.exists() else [sys.executable, "-m", "litgraph"]


def seed_project(work: Path) -> Path:
    """The repository's project (litgraph.toml, corpus/, vocabulary/) copied and built once."""
    project = work / "project"
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    for name in ("litgraph.toml", "corpus", "vocabulary"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / name)
    subprocess.run(litgraph_command() + ["build"], cwd=project, check=True, stdout=subprocess.DEVNULL)
    return project


def commands() -> list[list[str]]:
    from litgraph.queries import list_queries

    named = [["query", q.name, *SEED_PARAMS.get(q.name, [])] for q in list_queries()]
    return named + [["works"], ["headline"]]


def on_terminal(argv: list[str], cwd: Path) -> tuple[float, int, str]:
    """Run `argv` with its output on a fresh pseudo-terminal (50 x 160); seconds, exit code, stderr."""
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 160, 0, 0))
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=cwd, stdout=slave, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    os.close(slave)
    try:
        while os.read(master, 65536):  # drained, or the child would block on a full terminal
            pass
    except OSError:  # EIO: the child closed the terminal
        pass
    stderr = process.stderr.read().decode("utf-8", "replace")
    code = process.wait()
    elapsed = time.perf_counter() - start
    os.close(master)
    return elapsed, code, stderr


def time_command(args: list[str], project: Path, runs: int) -> dict:
    """One warm-up, then `runs` timed runs of the whole process."""
    times = []
    for run in range(runs + 1):
        elapsed, code, stderr = on_terminal(litgraph_command() + args, project)
        if code != 0:
            raise SystemExit(f"litgraph {' '.join(args)} failed: {stderr.strip()}")
        if run:
            times.append(elapsed)
    return {"series": "startup", "size": "seed", "command": " ".join(args[:2]),
            "median_s": round(statistics.median(times), 4), "min_s": round(min(times), 4), "runs": runs,
            "load_avg": round(os.getloadavg()[0], 2)}


def measure(work: Path, runs: int) -> list[dict]:
    project = seed_project(work)
    rows = []
    for args in commands():
        rows.append(time_command(args, project, runs))
        print(f"    {rows[-1]['command']:<28} {rows[-1]['median_s']:.3f} s (min {rows[-1]['min_s']:.3f}, "
              f"load {rows[-1]['load_avg']})", flush=True)
    return rows


def startup_table(rows: list[dict]) -> str:
    over = [r["command"] for r in rows if r["median_s"] >= TARGET_S]
    lines = [f"Whole processes on the seed graph (`litgraph ...` from the project folder, output on a 50 × 160 terminal): "
             f"median and fastest of {rows[0]['runs'] if rows else 0} runs after a warm-up, with the 1-minute load "
             f"average when each command finished (2 shared cores). Target: under {TARGET_S:g} s each: "
             + ("met." if not over else f"**missed** by {', '.join(over)}."), "",
             "| command | median (s) | fastest (s) | load |", "|---|---:|---:|---:|"]
    lines += [f"| `litgraph {r['command']}` | {r['median_s']:.3f} | {r['min_s']:.3f} | {r['load_avg']:.1f} |"
              for r in rows]
    return "\n".join(lines)


def render_startup_section(readme: str, rows: list[dict]) -> str:
    """`readme` with the section between BEGIN and END replaced (appended at the end if absent)."""
    section = f"{BEGIN}\n{startup_table(rows)}\n{END}"
    if BEGIN in readme and END in readme:
        head, _, rest = readme.partition(BEGIN)
        return head + section + rest.partition(END)[2]
    return readme.rstrip("\n") + "\n\n### Interactive commands, whole process\n\n" + section + "\n"


def save(rows: list[dict], results: Path, readme: Path) -> None:
    """Replace the startup rows of results.json with `rows` and redraw the README table."""
    old = json.loads(results.read_text()) if results.exists() else []
    kept = [r for r in old if r.get("series") != "startup"]
    results.write_text(json.dumps(kept + rows, indent=1) + "\n", encoding="utf-8")
    text = readme.read_text(encoding="utf-8") if readme.exists() else ""
    readme.write_text(render_startup_section(text, rows), encoding="utf-8")


def run(work: Path, runs: int, results: Path, readme: Path) -> list[dict]:
    print("== seed graph: interactive commands as whole processes", flush=True)
    rows = measure(work, runs)
    save(rows, results, readme)
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10, help="timed runs per command after one warm-up")
    parser.add_argument("--work", default=str(ROOT / "build" / "bench" / "startup"))
    parser.add_argument("--results", default=str(ROOT / "bench" / "results.json"))
    parser.add_argument("--readme", default=str(ROOT / "bench" / "README.md"))
    args = parser.parse_args(argv)
    run(Path(args.work), args.runs, Path(args.results), Path(args.readme))


if __name__ == "__main__":
    main()
