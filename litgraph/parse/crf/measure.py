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
    from .labeller import label_tokens, repaired
    from .model import load_weights, model_path

    sequences = [seq for seq in read_training_file(path) if seq.tokens]
    found = label_tokens(load_weights(model_path(model)), [list(seq.tokens) for seq in sequences])
    right, total = Counter(), Counter()
    for seq, (labels, marginals) in zip(sequences, found):
        for gold, got in zip(seq.labels, repaired(list(seq.tokens), labels, marginals, "").labels):
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
