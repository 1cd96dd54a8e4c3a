"""The reference parser's speed on one core: `make bench` runs it; so can you.

    python -m bench.parser_speed [--count 5000] [--seed 7] [--model FILE]

The strings are our own: `--count` references written by `parse.crf.synthetic` in all its
styles (seed 7, not the seed the shipped model was trained on) plus the seed gold's 172. They are
parsed as a list, the way `refs parse`, a build and `make accuracy` parse them
(`parse_references`: the labeller scores and decodes the list together), twice in one process,
timing CPU time only: the first pass starts with empty per-token caches, the second with the
caches warm (what a build of thousands of references runs at). Then the first 1,000 are parsed
one call each (`parse_reference`), as a program that parses strings one at a time would: slower,
because each call pays numpy's cost per token step alone.
"""

from __future__ import annotations

import argparse
import sys
import time


def strings(count: int, seed: int) -> list[str]:
    """The synthetic references as printed, then the seed gold's raw strings."""
    from litgraph.parse.crf.synthetic import generate
    from litgraph.parse.evaluate import load_gold
    from litgraph.parse.accuracy import ROOT

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.parser_speed", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--model", default=None, help="a CRF model file (default: the shipped one)")
    args = parser.parse_args(argv)
    from litgraph.parse import parse_reference

    texts = strings(args.count, args.seed)
    started = time.process_time()
    parse_reference("Warm up J. The model loads once. J Test. 2001;1:1-2.", args.model)
    load = time.process_time() - started
    cold, warm = rate(texts, args.model), rate(texts, args.model)
    single = single_rate(texts[:1000], args.model)
    print(f"parser: {len(texts):,} references as a list; model loaded in {load:.2f} s; "
          f"first pass {cold:,.0f} references/s, second pass {warm:,.0f} references/s (one core, CPU time); "
          f"one call each: {single:,.0f} references/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
