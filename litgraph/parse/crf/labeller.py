"""Label the tokens of reference strings with the CRF, with each label's marginal.

`label_texts` labels a list at once (`scores` and `decode` share numpy's work across it);
`label_text` is the same for one string.

Example:
    >>> lab = label_text("Smith J. A title. Journal. 2001;12:45-67.")
    >>> lab.tokens[0], lab.labels[0]
    ('Smith', 'author')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .model import load_weights, model_path
from .repair import repair
from .tokens import MAX_TOKENS, head_and_tail

BATCH = 2000  # references scored and decoded together: enough to share numpy's cost, little memory


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
    return label_texts([text], model, limit)[0]


def label_texts(texts: Sequence[str], model: str | Path | None = None, limit: int = MAX_TOKENS) -> list[Labelling]:
    """`label_text` for each of `texts`, in order, `BATCH` at a time.

    Raises:
        ModelError: The model file is missing or corrupt.
    """
    weights = load_weights(model_path(model))
    split = [head_and_tail(text, limit) for text in texts]
    found = iter(label_tokens(weights, [tokens for tokens, _ in split if tokens]))
    return [repaired(tokens, *next(found), overflow) if tokens else Labelling(overflow=overflow)
            for tokens, overflow in split]


def label_tokens(weights, sequences: list[list[str]]) -> list[tuple[tuple[str, ...], tuple[float, ...]]]:
    """The CRF's labels (before repairs) and their marginals for each token sequence (none empty),
    `BATCH` sequences at a time."""
    return [found for start in range(0, len(sequences), BATCH)
            for found in label_batch(weights, sequences[start:start + BATCH])]


def label_batch(weights, sequences: list[list[str]]) -> list[tuple[tuple[str, ...], tuple[float, ...]]]:
    """`label_tokens` for one batch."""
    from .decode import decode
    from .scores import state_scores

    if not sequences:
        return []
    lengths = [len(tokens) for tokens in sequences]
    best, marginals = decode(state_scores(weights, sequences), lengths, weights.transitions)
    names = [weights.labels[i] for i in best]
    result, start = [], 0
    for length in lengths:
        result.append((tuple(names[start:start + length]), tuple(marginals[start:start + length])))
        start += length
    return result


def repaired(tokens: list[str], labels: tuple[str, ...], marginals: tuple[float, ...], overflow: str) -> Labelling:
    """The labelling after the label repairs (`repair`)."""
    return Labelling(tuple(tokens), repair(tuple(tokens), labels), marginals, overflow)
