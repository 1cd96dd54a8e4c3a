"""The reference parser's work counted in instructions, not seconds.

    python -m bench.parser_instructions [--count 1000] [--seed 7] [--model FILE]

The machines this runs on change speed from minute to minute (the same code's median first pass
has read from 1,850 to 2,600 references a second within one session), so two versions of the
parser timed even minutes apart can differ by more than the change between them. valgrind's
callgrind counts the instructions a process executes instead: the same count for the same code,
input and environment, whatever else the machine is doing.

The strings are `bench.parser_speed`'s (the first `--count` of them). Three processes run under
callgrind: one that only loads the parser, the model and the strings; one that then parses the
strings once, as one list (every word new: the cold first pass); one that parses them twice (the
second pass warm). The differences, per reference, are each pass's instructions. Instructions are
not time (a cache miss costs no instruction), so this compares versions; `parser_speed` gives
the rate. About three minutes for 1,000 strings. Exit 2 when valgrind is not installed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys

COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def child(count: int, seed: int, model: str | None, passes: int) -> None:
    """What runs under callgrind: load, then `passes` passes over the strings."""
    from bench.parser_speed import strings
    from litgraph.parse.reference import parse_references

    texts = strings(count, seed)[:count]
    parse_references(["Warm up J. The model loads once. J Test. 2001;1:1-2."], model)
    for _ in range(passes):
        parse_references(texts, model)


def counted(args: argparse.Namespace, passes: int) -> int:
    """The instructions of one process that makes `passes` passes."""
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-m",
               "bench.parser_instructions", "--child", str(passes), "--count", str(args.count), "--seed", str(args.seed)]
    command += ["--model", args.model] if args.model else []
    environment = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}  # no thread's spinning counted
    done = subprocess.run(command, capture_output=True, text=True, env=environment, check=False)
    found = COLLECTED.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"bench.parser_instructions: the run under valgrind failed: {done.stderr.strip()[-300:]}")
    return int(found.group(1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.parser_instructions", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000, help="strings parsed (default 1,000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--model", default=None, help="a CRF model file (default: the shipped one)")
    parser.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)  # passes, under callgrind
    args = parser.parse_args(argv)
    if args.child is not None:
        child(args.count, args.seed, args.model, args.child)
        return 0
    if shutil.which("valgrind") is None:
        print("bench.parser_instructions: valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 2
    loaded, cold, warm = (counted(args, passes) for passes in (0, 1, 2))
    print(f"parser: {args.count:,} references as a list, instructions per reference (callgrind): "
          f"first pass {(cold - loaded) / args.count:,.0f}, second pass {(warm - cold) / args.count:,.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
