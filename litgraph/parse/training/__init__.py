"""Training data for the reference labeller, generated from the repository alone.

Modules, in the order a record passes through them:

- `records`, `names`, `titles`, `vocab`: realistic CSL-JSON records the project writes;
- `styles`: the CSL styles rendered through (`STYLES`), with variable markers added;
- `render`: one record in one style -> its text and a CSL variable per character;
- `labels`: characters -> whitespace tokens -> AnyStyle labels (cue words, neighbours);
- `noise`: what printed and PDF-captured lists do to a string;
- `gold`: the hand-labelled seed gold (`tests/gold/refs`) in the same format;
- `generate`: `python -m litgraph.parse.training.generate --out PATH` writes the JSONL.

Every sequence is a `TrainingSequence`: labelled segments whose texts, joined by single
spaces, are the printed reference string; a token (a whitespace-separated run) belongs to
exactly one segment.
"""

from .labels import LABELS, TrainingSequence

__all__ = ["LABELS", "TrainingSequence"]
