"""The reference parser's speed on one core: `make bench` runs it; so can you.

    python -m bench.parser_speed [--count 5000] [--seed 7] [--runs 5] [--model FILE]

The strings are our own: `--count` references written by `parse.crf.synthetic` in all its
styles (seed 7, not the seed the shipped model was trained on) plus the seed gold's 172. They are
parsed as a list, the way `refs parse`, a build and `make accuracy` parse them
(`parse_references`: the labeller scores and decodes the list together), twice in one process,
timing CPU time only: the first pass starts with empty per-token caches (every word is new to
it), the second with the caches warm (what a build of thousands of references runs at). Then the
first 1,000 are parsed one call each (`parse_reference`), as a program that parses strings one at
a time would: slower, because each call pays numpy's cost per token step alone.

Each run is a fresh process, so every first pass is cold. The machines this runs on change speed
from minute to minute (a run can be a quarter slower than the one before it), so `--runs`
processes run one after another and the median of each figure is printed, with the slowest and
fastest run beside it.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time

FIGURES = ("load", "first", "second", "single")


def strings(count: int, seed: int) -> list[str]:
    """The synthetic references as printed, then the seed gold's raw strings."""
    from litgraph.parse.accuracy import ROOT
    from litgraph.parse.crf.synthetic import generate
    from litgraph.parse.evaluate import load_gold

    printed = [" ".join(text for _, text in record["segments"]) for record in generate(count, seed)]
    return printed + [record["raw"] for record in load_gold(sorted((ROOT / "tests/gold/refs").glob("*.jsonl")))]


def rate(texts: list[str], model: str | None) -> float:
    """References parsed per CPU second, as one list."""
    from litgraph.parse.reference import parse_references

    started = time.process_time()
    parse_references(texts, model)
    return len(texts) / max(time.process_time() - started, 1e-9)


def single_rate(texts: list[str], model: str | None) -> float:
    """References parsed per CPU second, one call each."""
    from litgraph.parse import parse_reference

    started = time.process_time()
    for text in texts:
        parse_reference(text, model)
    return len(texts) / max(time.process_time() - started, 1e-9)


def one_run(count: int, seed: int, model: str | None) -> dict[str, float]:
    """One process's figures: model load (seconds), then references a second."""
    from litgraph.parse import parse_reference

    texts = strings(count, seed)
    started = time.process_time()
    parse_reference("Warm up J. The model loads once. J Test. 2001;1:1-2.", model)
    load = time.process_time() - started
    first, second = rate(texts, model), rate(texts, model)
    return {"references": len(texts), "load": load, "first": first, "second": second,
            "single": single_rate(texts[:1000], model)}


def runs(args: argparse.Namespace) -> list[dict[str, float]]:
    """`args.runs` fresh processes, one after another."""
    command = [sys.executable, "-m", "bench.parser_speed", "--one", "--count", str(args.count), "--seed", str(args.seed)]
    command += ["--model", args.model] if args.model else []
    return [json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
            for _ in range(args.runs)]


def summary(found: list[dict[str, float]]) -> str:
    """The medians, each with its range over the runs."""
    def figure(key: str, form: str) -> str:
        values = [run[key] for run in found]
        return f"{format(statistics.median(values), form)} ({format(min(values), form)}-{format(max(values), form)})"

    return (f"parser: {found[0]['references']:,.0f} references as a list, median of {len(found)} runs "
            f"(slowest-fastest): first pass {figure('first', ',.0f')} references/s, second pass "
            f"{figure('second', ',.0f')} references/s (one core, CPU time); one call each "
            f"{figure('single', ',.0f')} references/s; model loaded in {figure('load', '.2f')} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.parser_speed", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=5, help="fresh processes to take the median of")
    parser.add_argument("--model", default=None, help="a CRF model file (default: the shipped one)")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # one run, as JSON
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(one_run(args.count, args.seed, args.model)))
    else:
        print(summary(runs(args)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
