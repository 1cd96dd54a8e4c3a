"""Write the labeller's training data: `python -m litgraph.parse.training.generate --out PATH`.

The same seed gives byte-identical output: one `random.Random(seed)`, styles in the fixed
order of `styles.STYLES`, JSON with sorted keys. Records are synthetic (`records`) plus the
corpus's own works (the seed gold's field values) rendered through every fourth style;
the hand-labelled seed gold itself is in `gold` and not repeated here.

Example:
    python -m litgraph.parse.training.generate --out build/training.jsonl --seed 1 --count 30000
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from .attribute import labelled_sequence
from .gold import GOLD_DIR
from .labels import TrainingSequence
from .noise import noisy
from .records import corpus_record, pick_kind, record
from .render import render_batch
from .styles import STYLES, usable_styles

DEFAULT_COUNT = 30000
BATCH = 150
CORPUS_STYLE_STEP = 4


@dataclass(frozen=True, slots=True)
class Job:
    """One record to render through one style."""

    item: dict
    style: str
    kind: str


@dataclass
class Tally:
    """What a run produced and dropped, for the summary line."""

    written: int = 0
    dropped: Counter = field(default_factory=Counter)


def jobs(rng: random.Random, count: int, styles: Sequence[str], corpus: Sequence[dict]) -> list[Job]:
    """`count` jobs: the corpus works through every fourth style, then synthetic records."""
    out = [Job(corpus_record(gold, f"c{i}-{s}"), style, gold.get("type") or "other")
           for i, gold in enumerate(corpus) for s, style in enumerate(styles[i % CORPUS_STYLE_STEP::CORPUS_STYLE_STEP])]
    out = out[: count // 10]
    for n in range(count - len(out)):
        kind = pick_kind(rng)
        out.append(Job(record(rng, kind, f"r{n}"), styles[rng.randrange(len(styles))], kind))
    return out


def corpus_works(folder=GOLD_DIR) -> list[dict]:
    if not folder.is_dir():
        return []
    return [json.loads(line) for path in sorted(folder.glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def rendered(all_jobs: Sequence[Job], tally: Tally) -> dict[int, TrainingSequence]:
    """Job index -> its labelled sequence, rendering each style's jobs in batches."""
    by_style: dict[str, list[int]] = {}
    for index, job in enumerate(all_jobs):
        by_style.setdefault(job.style, []).append(index)
    done = {}
    for style, indices in by_style.items():
        for start in range(0, len(indices), BATCH):
            done.update(render_chunk(all_jobs, indices[start:start + BATCH], style, tally))
    return done


def render_chunk(all_jobs: Sequence[Job], indices: list[int], style: str, tally: Tally) -> dict[int, TrainingSequence]:
    results = render_batch([all_jobs[i].item for i in indices], style)
    out = {}
    for index, result in zip(indices, results):
        job = all_jobs[index]
        sequence = result and labelled_sequence(result, job.item["type"], style, job.kind)
        if sequence is None:
            tally.dropped["citeproc-py failed, left it out or printed it otherwise with marks" if result is None else "inconsistent labels"] += 1
        else:
            out[index] = sequence
    return out


def generate(seed: int, count: int, tally: Tally) -> Iterator[str]:
    """The JSONL lines, in job order, with noise on a share of them."""
    rng = random.Random(seed)
    styles = usable_styles()
    tally.dropped["styles citeproc-py cannot load"] = len(STYLES) - len(styles)
    all_jobs = jobs(rng, count, styles, corpus_works())
    done = rendered(all_jobs, tally)
    for index in range(len(all_jobs)):
        if index in done:
            tally.written += 1
            yield noisy(done[index], rng, number=rng.randint(1, 120)).to_json() + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m litgraph.parse.training.generate",
                                     description="Write labelled reference strings (JSONL) for the labeller.")
    parser.add_argument("--out", required=True, help="the JSONL file to write")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT, help="records to render (before drops)")
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("--count must be at least 1")
    from ...atomic import write_lines_atomic

    tally = Tally()
    try:
        write_lines_atomic(args.out, generate(args.seed, args.count, tally))
    except OSError as error:
        print(f"{args.out}: cannot write the training data: {error.strerror or error}", file=sys.stderr)
        return 2
    dropped = ", ".join(f"{k}: {v}" for k, v in sorted(tally.dropped.items()) if v) or "none"
    print(f"wrote {tally.written} sequences to {args.out} (dropped: {dropped})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
