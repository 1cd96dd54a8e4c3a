"""Label the tokens of one reference string with the CRF, with each label's marginal.

Example:
    >>> lab = label_text("Smith J. A title. Journal. 2001;12:45-67.")
    >>> lab.tokens[0], lab.labels[0]
    ('Smith', 'author')
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .features import sequence_features
from .model import load_tagger, model_path
from .repair import repair
from .tokens import MAX_TOKENS, head_and_tail


@dataclass(frozen=True, slots=True)
class Labelling:
    """The tokens of a string, the label of each, and the model's marginal for that label."""

    tokens: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    marginals: tuple[float, ...] = ()
    overflow: str = ""

    def explain(self) -> list[dict[str, object]]:
        """Each token with its label and marginal, for `refs parse --explain`."""
        return [{"token": t, "label": l, "marginal": round(m, 3)}
                for t, l, m in zip(self.tokens, self.labels, self.marginals)]


def label_text(text: str, model: str | Path | None = None, limit: int = MAX_TOKENS) -> Labelling:
    """Label the first `limit` tokens of `text`; the rest is kept as `overflow`.

    Raises:
        ModelError: The model file is missing or corrupt.
    """
    tokens, overflow = head_and_tail(text, limit)
    if not tokens:
        return Labelling(overflow=overflow)
    tagger = load_tagger(model_path(model))
    labels = tagger.tag(sequence_features(tokens))
    marginals = tuple(map(tagger.marginal, labels, range(len(labels))))
    return Labelling(tuple(tokens), repair(tuple(tokens), tuple(labels)), marginals, overflow)
