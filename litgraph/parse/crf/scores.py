"""The CRF's score of each label at each token, for a batch of references at once.

The score of label y at token i is the sum of the model's weights (feature, y) over the token's
features (`features.sequence_features`). Those features come in parts that each depend on one
thing only, so their sums are computed once and then added:

- the token's own features and the views its neighbours have of it (`seen_from`: as the token
  two after it sees it, the next, the one before, the one two before): five rows per distinct
  token string, kept in a `TokenTable`; row 0 is what a token sees beyond either end;
- its context (`context_codes`) with its tenth of the string: one row per pair, all 4,480 made
  with the model;
- `BOS` on the first token, `EOS` on the last.

The sums equal the tagger's to the last bits of a float (`tests/test_crf_decode.py` compares
labels and marginals with CRFsuite's own tagger). A string's features are never built as
strings unless one of its tokens is new.
"""

from __future__ import annotations

from dataclasses import dataclass

from .features import CONTEXT_COUNT, CONTEXT_ROWS, OFFSETS, POSITIONS, context_codes, token_features
from .model import Weights

CAPACITY = 1 << 15  # distinct tokens a table keeps (about 28 MB with 22 labels); then it starts again
CHUNK = 256  # new tokens summed together: their rows stay in the processor's cache
NOTHING = 0  # the feature number of "no feature"
PADDING_FEATURES = tuple(f"{offset}:none".encode() for offset in OFFSETS)


class TokenTable:
    """Five score rows per token string (own; seen from two after, one after, one before, two before),
    in an array made once at its full size (growing one is slow: a copy of tens of megabytes)."""

    def __init__(self, weights: Weights, capacity: int = CAPACITY) -> None:
        import numpy as np

        self.weights, self.capacity = weights, capacity
        self.index: dict[str, int] = {}
        self.rows = np.zeros((capacity + 1, 5, len(weights.labels)))
        self.rows[0, 1:] = [summed(weights, (feature,)) for feature in PADDING_FEATURES]
        self.features = feature_ids(weights)

    def ids(self, tokens: list[str]) -> list[int]:
        """The row of each token, adding the tokens not seen before (or, when the table is full,
        starting again with only these)."""
        index = self.index
        missing = [token for token in dict.fromkeys(tokens) if token not in index]
        if missing and len(index) + len(missing) > self.capacity:
            index.clear()
            missing = list(dict.fromkeys(tokens))
        if missing:
            self.add(missing)
        return [index[token] for token in tokens]

    def add(self, tokens: list[str]) -> None:
        """Sum the weights of each new token's own features and of its four views, `CHUNK` tokens at a time."""
        import numpy as np

        first = len(self.index) + 1
        if first + len(tokens) > len(self.rows):  # one batch with more new tokens than the capacity
            self.rows = np.concatenate([self.rows[:first], np.zeros((len(tokens), *self.rows.shape[1:]))])
        for start in range(0, len(tokens), CHUNK):
            chunk = tokens[start:start + CHUNK]
            self.rows[first + start:first + start + len(chunk)] = self.sums(chunk)
        self.index.update(zip(tokens, range(first, first + len(tokens))))

    def sums(self, tokens: list[str]) -> object:
        """The five rows of each of `tokens` (tokens x 5 x labels)."""
        import numpy as np

        number, found, starts = self.features.number.get, [], []
        for token in tokens:
            starts.append(len(found))
            found.append(NOTHING)  # the zero feature first: no token's part is left empty for reduceat
            found += [number(f, NOTHING) for f in token_features(token)]
        ids = self.features.ids[found]
        state = self.weights.state
        return np.stack([np.add.reduceat(state[ids[:, slot]], starts) for slot in range(5)], axis=1)


@dataclass(frozen=True)
class FeatureIds:
    """Every feature string the model has a weight for, numbered from 1, with the attribute ids of
    itself and of its four views (`ids`, a row per number; row 0, `NOTHING`, and an id the model
    lacks point at the state table's zero row)."""

    number: dict[str, int]
    ids: object


def feature_ids(weights: Weights) -> FeatureIds:
    """Read the model's attribute names back into features and the slot each fills (0: its own;
    1-4: as the neighbour two after, one after, one before, two before sees it)."""
    import numpy as np

    slots = {f"{offset}:".encode(): slot for slot, offset in enumerate(OFFSETS, 1)}
    number: dict[str, int] = {}
    rows = [[len(weights.attributes)] * 5]
    for name, attribute in weights.attributes.items():
        prefix = name[:name.find(b":") + 1]
        slot = slots.get(prefix, 0)
        feature = (name[len(prefix):] if slot else name).decode()
        if feature not in number:
            number[feature] = len(rows)
            rows.append([len(weights.attributes)] * 5)
        rows[number[feature]][slot] = attribute
    return FeatureIds(number, np.array(rows))


def summed(weights: Weights, features) -> object:
    """The sum of `features`' weight rows (features the model does not know add nothing)."""
    rows = [weights.attributes[f] for f in features if f in weights.attributes]
    return weights.state[rows].sum(axis=0)


def context_table(weights: Weights) -> object:
    """The score rows of every context code and tenth of the string: row code * 10 + tenth."""
    import numpy as np

    nothing = len(weights.attributes)
    rows = [[weights.attributes.get(f, nothing) for f in CONTEXT_ROWS[code] + (POSITIONS[tenth],)]
            for code in range(CONTEXT_COUNT) for tenth in range(10)]
    ids = np.array([row + [nothing] * (7 - len(row)) for row in rows])  # at most 7 features; the zero row fills
    return weights.state[ids].sum(axis=1)


def tables(weights: Weights) -> tuple[TokenTable, object, object, object]:
    """The model's token table, context table, and BOS and EOS rows, made on first use."""
    if "scores" not in weights.caches:
        weights.caches["scores"] = (TokenTable(weights), context_table(weights),
                                    summed(weights, (b"BOS",)), summed(weights, (b"EOS",)))
    return weights.caches["scores"]


def state_scores(weights: Weights, sequences: list[list[str]]) -> object:
    """The scores of every label at every token of every sequence (none empty), one row per
    token, sequence after sequence."""
    import numpy as np

    table, contexts, bos, eos = tables(weights)
    rows = np.array(table.ids([token for tokens in sequences for token in tokens]))
    codes = np.array([code for tokens in sequences for code in context_codes(tokens)])
    lengths = np.array([len(tokens) for tokens in sequences])
    firsts = np.cumsum(lengths) - lengths
    size = np.repeat(lengths, lengths)                       # each token's sequence's length
    place = np.arange(len(rows)) - np.repeat(firsts, lengths)  # each token's place in it

    def seen(offset: int):
        """The row of the token `offset` away in the same sequence, else the padding row (0)."""
        inside = (place + offset >= 0) & (place + offset < size)
        return np.where(inside, rows[np.clip(np.arange(len(rows)) + offset, 0, len(rows) - 1)], 0)

    token_rows = table.rows
    scores = (token_rows[rows, 0] + token_rows[seen(-2), 1] + token_rows[seen(-1), 2] + token_rows[seen(1), 3]
              + token_rows[seen(2), 4] + contexts[codes * 10 + 10 * place // size])
    scores[firsts] += bos
    scores[firsts + lengths - 1] += eos
    return scores
