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

from .features import CONTEXT_COUNT, CONTEXT_ROWS, OFFSETS, POSITIONS, context_codes, prefixed, token_features
from .model import Weights

CAPACITY = 1 << 15  # distinct tokens a table keeps (about 28 MB with 22 labels); then it starts again
CHUNK = 256  # new tokens summed together: their rows stay in the processor's cache
NOTHING = 0  # the feature number of "no feature"
PADDING_FEATURES = tuple(f"{offset}:none".encode() for offset in OFFSETS)


class TokenTable:
    """Five score rows per token string (own; seen from two after, one after, one before, two before)."""

    def __init__(self, weights: Weights, capacity: int = CAPACITY) -> None:
        import numpy as np

        self.weights, self.capacity = weights, capacity
        self.index: dict[str, int] = {}
        self.rows = np.zeros((1024, 5, len(weights.labels)))
        self.rows[0, 1:] = [summed(weights, (feature,)) for feature in PADDING_FEATURES]
        self.features: dict[str, int] = {}  # feature string -> its row of `feature_ids` (0: none)
        self.feature_ids = np.full((4096, 5), len(weights.attributes))  # its attribute and its views'

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
        if first + len(tokens) > len(self.rows):
            grown = np.zeros((2 * (first + len(tokens)), *self.rows.shape[1:]))
            grown[:first] = self.rows[:first]
            self.rows = grown
        for start in range(0, len(tokens), CHUNK):
            chunk = tokens[start:start + CHUNK]
            self.rows[first + start:first + start + len(chunk)] = self.sums(chunk)
        self.index.update(zip(tokens, range(first, first + len(tokens))))

    def sums(self, tokens: list[str]) -> object:
        """The five rows of each of `tokens` (tokens x 5 x labels)."""
        import numpy as np

        features, starts = self.features, []
        found = []
        for token in tokens:
            starts.append(len(found))
            found.append(NOTHING)  # the zero feature first: no token's part is left empty for reduceat
            found += [features.get(f) or self.feature(f) for f in token_features(token)]
        ids = self.feature_ids[found]
        state = self.weights.state
        return np.stack([np.add.reduceat(state[ids[:, slot]], starts) for slot in range(5)], axis=1)

    def feature(self, feature: str) -> int:
        """A new feature string's number, with the attribute ids of it and of its four views."""
        import numpy as np

        attributes, nothing = self.weights.attributes, len(self.weights.attributes)
        raw = feature.encode()
        views = prefixed(feature) or (None,) * 4
        ids = [attributes.get(name, nothing) if name else nothing for name in (raw, *views)]
        number = len(self.features) + 1
        if number >= len(self.feature_ids):
            self.feature_ids = np.concatenate([self.feature_ids, np.full_like(self.feature_ids, nothing)])
        self.feature_ids[number] = ids
        self.features[feature] = number
        return number


def summed(weights: Weights, features) -> object:
    """The sum of `features`' weight rows (features the model does not know add nothing)."""
    rows = [weights.attributes[f] for f in features if f in weights.attributes]
    return weights.state[rows].sum(axis=0)


def context_table(weights: Weights) -> object:
    """The score rows of every context code and tenth of the string: row code * 10 + tenth."""
    import numpy as np

    return np.array([summed(weights, CONTEXT_ROWS[code] + (POSITIONS[tenth],))
                     for code in range(CONTEXT_COUNT) for tenth in range(10)])


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
    rows = table.ids([token for tokens in sequences for token in tokens])
    padded, centres, codes, firsts = [], [], [], []
    for tokens in sequences:
        total, start = len(tokens), len(centres)
        centres += range(len(padded) + 2, len(padded) + 2 + total)
        padded += [0, 0, *rows[start:start + total], 0, 0]
        codes += [code * 10 + 10 * i // total for i, code in enumerate(context_codes(tokens))]
        firsts.append(start)
    padded, centres, token_rows = np.array(padded), np.array(centres), table.rows
    scores = (token_rows[padded[centres], 0] + token_rows[padded[centres - 2], 1] + token_rows[padded[centres - 1], 2]
              + token_rows[padded[centres + 1], 3] + token_rows[padded[centres + 2], 4] + contexts[codes])
    firsts = np.array(firsts)
    scores[firsts] += bos
    scores[np.append(firsts[1:], len(centres)) - 1] += eos
    return scores
