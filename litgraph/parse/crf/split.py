"""Hold out every n-th generated reference: the rest trains the model, the held-out part measures it.

`make model` trains on the generated references except every tenth, so the tenth stays
unseen and the settings tuned on it (c1, c2, iterations, features) are measured honestly.

    python -m litgraph.parse.crf.split generated.jsonl --every 10 --train train.jsonl --held-out held-out.jsonl
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ...atomic import atomic_path


def split_lines(lines: list[str], every: int) -> tuple[list[str], list[str]]:
    """(training lines, held-out lines): line i (from 0) is held out when i % every == 0.

    Example:
        >>> split_lines(["a", "b", "c", "d"], 2)
        (['b', 'd'], ['a', 'c'])
    """
    kept = [line for line in lines if line.strip()]
    return ([line for i, line in enumerate(kept) if i % every],
            [line for i, line in enumerate(kept) if i % every == 0])


def write_lines(path: str | Path, lines: list[str]) -> None:
    """Write `lines`, one a line, atomically."""
    with atomic_path(path) as tmp:
        Path(tmp).write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m litgraph.parse.crf.split`: a step of `make model`."""
    parser = argparse.ArgumentParser(prog="python -m litgraph.parse.crf.split")
    parser.add_argument("source", help="a segments .jsonl file")
    parser.add_argument("--every", type=int, default=10)
    parser.add_argument("--train", required=True)
    parser.add_argument("--held-out", required=True)
    args = parser.parse_args(argv)
    train, held_out = split_lines(Path(args.source).read_text(encoding="utf-8").split("\n"), args.every)
    write_lines(args.train, train)
    write_lines(args.held_out, held_out)
    print(f"{len(train)} to train on, {len(held_out)} held out")
    return 0


if __name__ == "__main__":
    sys.exit(main())
