"""Train a CRF reference labeller from labelled references, and write the model atomically.

L-BFGS with L1 (c1) and L2 (c2) regularisation and a capped number of
iterations: minutes on one core for tens of thousands of references. The same
data in the same order gives the same model.

    python -m litgraph.parse.crf.train --data a.jsonl b.xml --out model.crfsuite
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence as Seq
from dataclasses import dataclass
from pathlib import Path

from ...atomic import atomic_path
from .data import Sequence, read_training_file
from .features import sequence_features


@dataclass(frozen=True, slots=True)
class TrainingSettings:
    """The trainer's parameters (tuned on a split of the generated data, never on refdata)."""

    c1: float = 0.05
    c2: float = 0.01
    max_iterations: int = 150
    min_frequency: float = 2


def read_all(paths: Seq[str | Path]) -> list[Sequence]:
    """Every non-empty labelled reference of every file, in the order given."""
    return [s for path in paths for s in read_training_file(path) if s.tokens]


def train(sequences: list[Sequence], out: str | Path, settings: TrainingSettings = TrainingSettings()) -> Path:
    """Train on `sequences` and write the model to `out` (replaced only when training succeeds)."""
    import pycrfsuite

    if not sequences:
        from .data import TrainingDataError
        raise TrainingDataError("no labelled references to train on")
    trainer = pycrfsuite.Trainer(verbose=False)
    for sequence in sequences:
        trainer.append(sequence_features(list(sequence.tokens)), list(sequence.labels))
    trainer.set_params({"c1": settings.c1, "c2": settings.c2, "max_iterations": settings.max_iterations,
                        "feature.minfreq": settings.min_frequency, "feature.possible_transitions": True})
    with atomic_path(out) as tmp:
        trainer.train(str(tmp))
    return Path(out)


def gold() -> list[Sequence]:
    """The hand-labelled seed gold, aligned to labelled segments by `parse.training.gold`."""
    from ..training.gold import gold_sequences
    from .data import from_segments

    return [from_segments(s.segments) for s in gold_sequences()]


def main(argv: Seq[str] | None = None) -> int:
    """`python -m litgraph.parse.crf.train`: the entry point of `make model`."""
    parser = argparse.ArgumentParser(prog="python -m litgraph.parse.crf.train")
    parser.add_argument("--data", nargs="*", default=[], help="segments .jsonl or AnyStyle .xml files")
    parser.add_argument("--with-gold", action="store_true", help="add the seed gold (tests/gold/refs) as segments")
    parser.add_argument("--out", required=True, help="the model file to write")
    parser.add_argument("--c1", type=float, default=TrainingSettings.c1)
    parser.add_argument("--c2", type=float, default=TrainingSettings.c2)
    parser.add_argument("--max-iterations", type=int, default=TrainingSettings.max_iterations)
    args = parser.parse_args(argv)
    sequences = read_all(args.data) + (gold() if args.with_gold else [])
    train(sequences, args.out, TrainingSettings(args.c1, args.c2, args.max_iterations))
    print(f"trained on {len(sequences)} references: {args.out} ({Path(args.out).stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
