"""The `build` series of `make bench`: `litgraph build` end to end on printed strings, per size.

    python -m bench.build_series --sizes 1k,10k,50k        # or 200k; writes results.json and README rows

For each size `bench.corpus_gen` writes a corpus of printed reference strings (and
its truth beside it); a fresh process then runs the real build on it
(`build.build_graph`: read, parse, identity, triples, files, store) and reports per
stage the wall time and the peak resident memory, sampled every 20 ms while the
stage runs (stages are told apart by the build's `progress` messages). Identity is
scored against the truth: pairwise precision and recall over the printed entries,
and how many hard-negative pairs (same first author and year, other title; one
body's reports of consecutive years) ended up as one work.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("read", "parse", "identity", "triples", "files", "store")
MESSAGES = {"reading corpus": "read", "parsing references": "parse", "resolving work identity": "identity",
            "building triples": "triples", "writing files and loading": "triples",
            "writing the N-Triples": "files", "loading the store": "store"}


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class StageClock:
    """Wall time and sampled peak memory per build stage, switched by the build's progress messages."""

    def __init__(self) -> None:
        self.stage, self.started = "start", time.perf_counter()
        self.seconds: dict[str, float] = {}
        self.peak: dict[str, float] = {}
        self.done = threading.Event()
        threading.Thread(target=self.sample, daemon=True).start()

    def sample(self) -> None:
        while not self.done.wait(0.02):
            self.peak[self.stage] = max(self.peak.get(self.stage, 0.0), rss_mb())

    def progress(self, message: str) -> None:
        stage = next((s for m, s in MESSAGES.items() if message.startswith(m)), self.stage)
        if stage != self.stage:
            self.switch(stage)

    def switch(self, stage: str) -> None:
        now = time.perf_counter()
        self.peak[self.stage] = max(self.peak.get(self.stage, 0.0), rss_mb())
        self.seconds[self.stage] = self.seconds.get(self.stage, 0.0) + now - self.started
        self.stage, self.started = stage, now


def child(folder: Path) -> None:
    """Run one build in this process and print its stage timings as JSON."""
    from litgraph.build import build_graph

    clock = StageClock()
    started, load_before = time.perf_counter(), os.getloadavg()[0]
    summary = build_graph(folder / "corpus", folder / "build", progress=clock.progress)
    clock.switch("end")
    clock.done.set()
    print(json.dumps({"total_s": time.perf_counter() - started, "seconds": clock.seconds, "peak_mb": clock.peak,
                      "works": summary.works, "triples": summary.triples,
                      "entries": summary.reference_entries,
                      "load": [round(load_before, 2), round(os.getloadavg()[0], 2)]}))  # 1-minute load, start and end


def identity_quality(folder: Path) -> dict:
    """Pairwise precision and recall of the build's works against truth.tsv; hard negatives merged."""
    truth = dict(line.split("\t") for line in (folder / "truth.tsv").read_text().splitlines())
    built = dict(line.split("\t") for line in (folder / "corpus" / "work-ids.tsv").read_text().splitlines()
                 if line and not line.startswith("#"))
    pairs = lambda counts: sum(n * (n - 1) // 2 for n in counts.values())  # noqa: E731
    both = pairs(Counter((built[k], truth[k]) for k in truth))
    found, true = pairs(Counter(built[k] for k in truth)), pairs(Counter(truth.values()))
    works_of: dict[str, set[str]] = {}
    for key, work in truth.items():
        works_of.setdefault(work, set()).add(built[key])
    hard = [line.split("\t") for line in (folder / "hard-negatives.tsv").read_text().splitlines()]
    merged = sum(bool(works_of.get(a, set()) & works_of.get(b, set())) for a, b in hard)
    return {"precision": round(both / found, 5) if found else 1.0, "recall": round(both / true, 5) if true else 1.0,
            "true_works": len(works_of), "hard_negatives": len(hard), "hard_negatives_merged": merged}


def measure(size: str, work: Path) -> list[dict]:
    """Generate (once) and build one size in a fresh process, then rebuild it with one paper added; its rows."""
    from bench.corpus_gen import SIZES, generate

    folder = work / size
    if not (folder / "truth.tsv").exists():
        shutil.rmtree(folder, ignore_errors=True)
        print(f"== build series {size}: generating", generate(SIZES[size], folder), flush=True)
    shutil.rmtree(folder / "build", ignore_errors=True)
    (folder / "corpus" / "work-ids.tsv").unlink(missing_ok=True)
    (folder / "corpus" / "citation-keys.tsv").unlink(missing_ok=True)
    record = build_in_child(folder, size)
    quality = identity_quality(folder)
    print(f"== build series {size}:", json.dumps({**record, **quality}), flush=True)
    added = add_one_paper(folder)
    try:
        rebuild = build_in_child(folder, size)
    finally:
        for path in added:
            path.unlink()
    print(f"== build series {size}, one paper added:", json.dumps(rebuild), flush=True)
    return rows_for(size, record, quality, rebuild)


def build_in_child(folder: Path, size: str) -> dict:
    """One `build_graph` of `folder` in a fresh process (its build folder, and so its parse cache, kept)."""
    out = subprocess.run([sys.executable, "-m", "bench.build_series", "--child", str(folder)], cwd=ROOT,
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"build series {size} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def add_one_paper(folder: Path) -> list[Path]:
    """A new paper with a list of 40 printed references (the first paper's, reprinted): a review's next paper.

    Its rebuild measures what the parse cache saves: only the new list is parsed.
    """
    corpus = folder / "corpus"
    record = (corpus / "papers" / "paper-00000.yaml").read_text(encoding="utf-8")
    record = (record.replace('"10.5555/field.0"', '"10.5555/field.added"')
              .replace("Synthetic paper 0 of", "A paper added to").replace("paper-00000.tsv", "paper-added.tsv"))
    paper, listed = corpus / "papers" / "paper-added.yaml", corpus / "references" / "paper-added.tsv"
    paper.write_text(record, encoding="utf-8")
    listed.write_text((corpus / "references" / "paper-00000.tsv").read_text(encoding="utf-8"), encoding="utf-8")
    return [paper, listed]


def rows_for(size: str, record: dict, quality: dict, rebuild: dict | None = None) -> list[dict]:
    base = {"series": "build", "size": size, "entries": record["entries"], "works": record["works"],
            "triples": record["triples"]}
    rows = [dict(base, stage=s, seconds=round(record["seconds"].get(s, 0.0), 3),
                 peak_rss_mb=round(record["peak_mb"].get(s, 0.0), 1)) for s in STAGES]
    again = {} if rebuild is None else {"rebuild_one_paper_s": round(rebuild["total_s"], 3),
                                        "rebuild_parse_s": round(rebuild["seconds"].get("parse", 0.0), 3)}
    load = {"load_average": record["load"]} if "load" in record else {}
    rows.append(dict(base, stage="total", seconds=round(record["total_s"], 3),
                     peak_rss_mb=round(max(record["peak_mb"].values()), 1), **quality, **again, **load))
    return rows


def save(rows: list[dict], results: Path, readme: Path) -> None:
    """Replace the build rows of results.json with `rows` (sizes measured now) and redraw the README table."""
    from bench.build_report import render_build_section

    old = json.loads(results.read_text()) if results.exists() else []
    sizes = {r["size"] for r in rows}
    kept = [r for r in old if not (r.get("series") == "build" and r["size"] in sizes)]
    results.write_text(json.dumps(kept + rows, indent=1) + "\n", encoding="utf-8")
    build_rows = [r for r in kept + rows if r.get("series") == "build"]
    text = readme.read_text(encoding="utf-8") if readme.exists() else ""
    readme.write_text(render_build_section(text, build_rows), encoding="utf-8")


def run(sizes: list[str], work: Path, results: Path, readme: Path) -> list[dict]:
    rows = [r for size in sizes for r in measure(size, work)]
    save(rows, results, readme)
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1k,10k,50k", help="comma-separated: 1k,10k,50k,200k")
    parser.add_argument("--work", default=str(ROOT / "build" / "bench" / "build-series"))
    parser.add_argument("--results", default=str(ROOT / "bench" / "results.json"))
    parser.add_argument("--readme", default=str(ROOT / "bench" / "README.md"))
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(Path(args.child))
    from bench.corpus_gen import SIZES

    sizes = [s.strip().lower() for s in args.sizes.split(",") if s.strip()]
    if any(s not in SIZES for s in sizes):
        parser.error(f"sizes are {', '.join(SIZES)}")
    run(sizes, Path(args.work), Path(args.results), Path(args.readme))


if __name__ == "__main__":
    main()
