"""Token accuracy of a model on labelled segments: how `make model`'s held-out tenth chooses between models.

    python -m litgraph.parse.crf.measure build/model-data/generated-held-out.jsonl [--model FILE]

Prints the share of tokens labelled right (with the labeller's repairs), overall and per label.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence as Seq


def token_counts(path: str, model: str | None) -> tuple[Counter, Counter]:
    """(right per gold label, all per gold label) over every sequence in `path`."""
    from .data import read_training_file
    from .features import sequence_features
    from .model import load_tagger, model_path
    from .repair import repair

    tagger = load_tagger(model_path(model))
    right, total = Counter(), Counter()
    for seq in read_training_file(path):
        labels = repair(seq.tokens, tuple(tagger.tag(sequence_features(list(seq.tokens)))))
        for gold, got in zip(seq.labels, labels):
            total[gold] += 1
            right[gold] += gold == got
    return right, total


def main(argv: Seq[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m litgraph.parse.crf.measure")
    parser.add_argument("data", nargs="+", help="segments .jsonl files")
    parser.add_argument("--model", default=None, help="the model file (default: the shipped one)")
    args = parser.parse_args(argv)
    for path in args.data:
        right, total = token_counts(path, args.model)
        print(f"{path}: {sum(right.values()) / max(1, sum(total.values())):.4f} of {sum(total.values())} tokens")
        for label in sorted(total, key=total.get, reverse=True):
            print(f"  {label:16} {right[label] / total[label]:.3f}  ({total[label]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
