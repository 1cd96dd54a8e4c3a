"""Write labelled references of our own, in common printed styles, to widen the training data.

Records are drawn (seeded) from small pools the project wrote: names from many cultures,
invented titles, journals with their abbreviations, publishers and places. Each style
renders a record as labelled segments, the format of `data.from_segments`. This is a
supplement to the CSL-rendered data of `parse.training`, for shapes it lacks.

    python -m litgraph.parse.crf.synthetic --out FILE --count 6000 --seed 1
"""

from __future__ import annotations

import argparse
import json
import random
import sys

from .styles_humanities import STYLES as HUMANITIES
from .styles_sciences import STYLES as SCIENCES
from .styles_synthetic import STYLES as COMMON, draw_record

STYLES = COMMON + HUMANITIES + HUMANITIES[:1] + SCIENCES


def generate(count: int, seed: int, common_only: bool = False) -> list[dict]:
    """`count` labelled references, the same for the same seed: the common styles of
    `styles_synthetic`, the humanities and social-science shapes of `styles_humanities` and the
    computer-science and engineering shapes of `styles_sciences` (`common_only`: the first alone)."""
    rng = random.Random(seed)
    styles = COMMON if common_only else STYLES
    out = []
    for _ in range(count):
        record = draw_record(rng)
        name, render = rng.choice(styles)
        segments = [[label, text] for label, text in render(record, rng) if text.strip()]
        out.append({"segments": segments, "style": f"synthetic:{name}", "kind": record["kind"]})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m litgraph.parse.crf.synthetic")
    parser.add_argument("--out", required=True)
    parser.add_argument("--count", type=int, default=6000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--common-only", action="store_true", help="leave out the humanities and sciences shapes")
    args = parser.parse_args(argv)
    from ...atomic import write_lines_atomic

    write_lines_atomic(args.out, (json.dumps(r, ensure_ascii=False) + "\n" for r in generate(args.count, args.seed, args.common_only)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
