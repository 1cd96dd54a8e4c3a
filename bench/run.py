"""`make bench`: build, load and query the synthetic corpus at several sizes, side by side.

    python -m bench.run [--sizes 10k,100k,1m] [--runs 5] [--timeout 20] [--work build/bench]

For each size: one build (litgraph's build path on the synthetic records), then for
each store (the embedded Oxigraph store and rdflib in memory; Oxigraph only at
10m) one load and every named query: a warm-up, then the median of --runs runs,
each run bounded by --timeout seconds (a query past it is reported as timed out).
Rows go to bench/results.json and a table to bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
from pathlib import Path

from bench.report import render_readme
from bench.virtuoso import installed as virtuoso_installed

ROOT = Path(__file__).resolve().parent.parent
ORDER = ["10k", "100k", "1m", "10m"]
VIRTUOSO_SIZES = ("1m", "10m")


def worker(*args: str) -> list[dict]:
    """Run `python -m bench.worker ARGS`, echoing its JSON lines as they come."""
    process = subprocess.Popen([sys.executable, "-m", "bench.worker", *args], cwd=ROOT, stdout=subprocess.PIPE,
                               text=True)
    records = []
    for line in process.stdout:
        record = json.loads(line)
        records.append(record)
        print("   ", summary(record), flush=True)
    if process.wait() != 0:
        raise SystemExit(f"bench worker {' '.join(args)} failed with status {process.returncode}")
    return records


def summary(record: dict) -> str:
    if record.get("event") == "query":
        shown = "timed out" if record["timed_out"] else f"{median(record['times']):.4f} s"
        return f"{record['query']:<22} {shown:>12}  rows={record['rows']}  peak={record['peak_rss_mb']} MB"
    return json.dumps(record)


def median(times: list[float]) -> float | None:
    return statistics.median(times) if times else None


def row(size: str, triples: int, store: str, query: str, seconds: float | None, timed_out: bool,
        peak: float) -> dict:
    return {"size": size, "triples": triples, "store": store, "query": query,
            "median_s": None if seconds is None else round(seconds, 6), "timed_out": timed_out,
            "peak_rss_mb": round(peak, 1)}


def measure_size(size: str, args) -> list[dict]:
    folder = Path(args.work) / size
    print(f"== {size}: build (litgraph build path)", flush=True)
    built = worker("build", size, str(folder))[-1]
    triples = built["triples"]
    rows = [row(size, triples, "oxigraph", "build", built["build_s"], False, built["peak_rss_mb"])]
    stores = ["oxigraph"] if size == "10m" and not args.rdflib_10m else ["oxigraph", "rdflib"]
    if size in VIRTUOSO_SIZES and args.virtuoso and virtuoso_installed():
        stores.append("virtuoso")  # the peer: started, loaded and stopped by the worker (bench/virtuoso.py)
    counts: dict[str, dict[str, int]] = {}
    for store in stores:
        print(f"== {size}: {store}", flush=True)
        for record in worker("session", store, str(folder), str(args.runs), str(args.timeout), args.queries):
            if record["event"] == "load":
                rows.append(row(size, triples, store, "load", record["load_s"], False, record["peak_rss_mb"]))
            else:
                rows.append(row(size, triples, store, record["query"], median(record["times"]),
                                record["timed_out"], record["peak_rss_mb"]))
                counts.setdefault(record["query"], {})[store] = record["rows"]
    check_row_counts(size, counts)
    return rows


def check_row_counts(size: str, counts: dict[str, dict[str, int]]) -> None:
    """Both stores must answer with as many rows (the tests compare the rows themselves)."""
    for query, by_store in sorted(counts.items()):
        answered = {n for n in by_store.values() if n is not None}
        if len(answered) > 1:
            raise SystemExit(f"{size}: {query} gives different row counts per store: {by_store}")


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    memory = next((int(line.split()[1]) // 1024 // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), None) if Path("/proc/meminfo").exists() else None
    import pyoxigraph
    import rdflib

    return {"date": dt.date.today().isoformat(), "cores": os.cpu_count(), "cpu": cpu, "memory_gb": memory,
            "python": platform.python_version(), "pyoxigraph": pyoxigraph.__version__, "rdflib": rdflib.__version__}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10k,100k,1m", help="comma-separated: 10k,100k,1m,10m")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per query after one warm-up")
    parser.add_argument("--timeout", type=float, default=20.0, help="limit per query run, seconds")
    parser.add_argument("--work", default=str(ROOT / "build" / "bench"), help="folder for generated data")
    parser.add_argument("--queries", default=str(ROOT / "queries"), help="folder of named queries")
    parser.add_argument("--results", default=str(ROOT / "bench" / "results.json"))
    parser.add_argument("--readme", default=str(ROOT / "bench" / "README.md"))
    parser.add_argument("--merge", action="store_true", help="keep results.json rows of sizes not measured now")
    parser.add_argument("--rdflib-10m", action="store_true", help="also load 10m into rdflib (needs >16 GB)")
    parser.add_argument("--build-sizes", default="", help="the build series from printed strings: 1k,10k,50k,200k")
    parser.add_argument("--virtuoso", action=argparse.BooleanOptionalAction, default=True,
                        help="also load 1m and 10m into Virtuoso and time the queries there (if virtuoso-t is installed)")
    parser.add_argument("--startup-runs", type=int, default=10,
                        help="timed runs per command of the whole-process series on the seed graph (0: skip it)")
    args = parser.parse_args(argv)
    sizes = [s.strip().lower() for s in args.sizes.split(",") if s.strip()]
    unknown = [s for s in sizes if s not in ORDER]
    if unknown:
        parser.error(f"unknown size {unknown[0]!r}; choose from {', '.join(ORDER)}")
    rows = [r for s in sorted(sizes, key=ORDER.index) for r in measure_size(s, args)]
    results = Path(args.results)
    if args.merge and results.exists():
        rows = [r for r in json.loads(results.read_text()) if "series" not in r and r["size"] not in sizes] + rows
        rows.sort(key=lambda r: ORDER.index(r["size"]))
    kept = [r for r in json.loads(results.read_text()) if "series" in r] if results.exists() else []
    results.write_text(json.dumps(rows + kept, indent=1) + "\n", encoding="utf-8")
    readme = Path(args.readme)
    info = dict(machine(), runs=args.runs, timeout_s=args.timeout)
    readme.write_text(render_readme(readme.read_text(encoding="utf-8") if readme.exists() else "", rows, info),
                      encoding="utf-8")
    if args.startup_runs:
        from bench.startup import run as startup_series

        startup_series(Path(args.work) / "startup", args.startup_runs, results, readme)
    if args.build_sizes:
        from bench.build_series import run as build_series

        build_series([s.strip().lower() for s in args.build_sizes.split(",") if s.strip()],
                     Path(args.work) / "build-series", results, readme)
    print(f"wrote {results} and {readme}")


if __name__ == "__main__":
    main()
