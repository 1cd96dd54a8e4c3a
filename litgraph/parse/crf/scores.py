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
from itertools import chain, repeat

from .features import CONTEXT_COUNT, CONTEXT_ROWS, OFFSETS, POSITIONS, state_code, token_features
from .model import Weights

CAPACITY = 1 << 15  # distinct tokens a table keeps (about 28 MB with 22 labels); then it starts again
CHUNK = 4096  # new tokens summed together (their rows: under 4 MB)
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
        self.states = np.zeros(capacity + 1, np.int64)  # each token's `features.state_code`
        self.features = feature_ids(weights)

    def ids(self, tokens: list[str]) -> object:
        """The row of each token (an array), adding the tokens not seen before (or, when the table
        is full, starting again with only these)."""
        import numpy as np

        index = self.index
        rows = np.fromiter(map(index.get, tokens, repeat(0)), np.int64, len(tokens))
        if rows.all():  # the common case: every token known (row 0 is the padding, never a token's)
            return rows
        missing = [token for token in dict.fromkeys(tokens) if token not in index]
        if len(index) + len(missing) > self.capacity:
            index.clear()
            missing = list(dict.fromkeys(tokens))
        self.add(missing)
        return np.fromiter(map(index.__getitem__, tokens), np.int64, len(tokens))

    def add(self, tokens: list[str]) -> None:
        """Sum the weights of each new token's own features and of its four views, `CHUNK` tokens
        at a time, and keep its state code."""
        import numpy as np

        first = len(self.index) + 1
        if first + len(tokens) > len(self.rows):  # one batch with more new tokens than the capacity
            self.rows = np.concatenate([self.rows[:first], np.zeros((len(tokens), *self.rows.shape[1:]))])
            self.states = np.concatenate([self.states[:first], np.zeros(len(tokens), np.int64)])
        for start in range(0, len(tokens), CHUNK):
            chunk = tokens[start:start + CHUNK]
            self.rows[first + start:first + start + len(chunk)] = self.sums(chunk)
        self.states[first:first + len(tokens)] = np.fromiter(map(state_code, tokens), np.int64, len(tokens))
        self.index.update(zip(tokens, range(first, first + len(tokens))))

    def sums(self, tokens: list[str]) -> object:
        """The five rows of each of `tokens` (tokens x 5 x labels): each token's feature rows added
        one after another from zero, in the order of its features (the first feature of every token
        at once, then the second, ...), so a token's sums are the same whatever chunk it comes in;
        features the model lacks add nothing."""
        import numpy as np

        number = self.features.number.__getitem__
        numbers = [list(map(number, token_features(token))) for token in tokens]
        counts = np.fromiter(map(len, numbers), np.int64, len(numbers))
        found = np.fromiter(chain.from_iterable(numbers), np.int64, int(counts.sum()))
        owner = np.repeat(np.arange(len(tokens)), counts)
        place = np.arange(len(found)) - np.repeat(np.cumsum(counts) - counts, counts)
        known = found != NOTHING
        found, owner, place = found[known], owner[known], place[known]
        order = np.argsort(place, kind="stable")  # by place, each place's tokens in order
        bounds = np.searchsorted(place[order], np.arange(int(counts.max(initial=0)) + 1))
        rows, ids, state = np.zeros((len(tokens), 5, len(self.weights.labels))), self.features.ids, self.weights.state
        for start, end in zip(bounds[:-1], bounds[1:]):
            at = order[start:end]  # one feature of each token that has one at this place: no token twice
            rows[owner[at]] += state[ids[found[at]]]
        return rows


@dataclass(frozen=True)
class FeatureIds:
    """Every feature string the model has a weight for, numbered from 1, with the attribute ids of
    itself and of its four views (`ids`, a row per number; row 0, `NOTHING`, and an id the model
    lacks point at the state table's zero row)."""

    number: Numbers
    ids: object


class Numbers(dict):
    """Feature string -> number; a feature the model lacks is `NOTHING`."""

    __slots__ = ()

    def __missing__(self, feature: str) -> int:
        return NOTHING


def feature_ids(weights: Weights) -> FeatureIds:
    """Read the model's attribute names back into features and the slot each fills (0: its own;
    1-4: as the neighbour two after, one after, one before, two before sees it)."""
    import numpy as np

    slots = {f"{offset}:".encode(): slot for slot, offset in enumerate(OFFSETS, 1)}
    number = Numbers()
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
    flat = [token for tokens in sequences for token in tokens]
    rows = table.ids(flat)
    lengths = np.array([len(tokens) for tokens in sequences])
    firsts = np.cumsum(lengths) - lengths
    size = np.repeat(lengths, lengths)                       # each token's sequence's length
    place = np.arange(len(rows)) - np.repeat(firsts, lengths)  # each token's place in it
    codes = context_code_array(table.states[rows], lengths)

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


def context_code_array(states, lengths) -> object:
    """`features.context_codes` of every token of a batch at once, from each token's `state_code`
    (`states`, sequence after sequence, `lengths` of them each)."""
    import numpy as np

    ended, year, opens, stays, delta = states & 1, states >> 1 & 1, states >> 2 & 1, states >> 3 & 1, states >> 4
    firsts = np.cumsum(lengths) - lengths
    last, sequence = firsts + lengths - 1, np.repeat(np.arange(len(lengths)), lengths)
    ends_so_far, years_so_far = np.cumsum(ended), np.cumsum(year)
    sentences, years = before(ended, ends_so_far, firsts, sequence), before(year, years_so_far, firsts, sequence)
    left = ends_so_far[last][sequence] - ends_so_far      # sentence ends after each token
    ahead = years_so_far[last][sequence] - years_so_far
    inside = first_zero(depth_after(delta, firsts, sequence) > 0, firsts)
    quoted = first_zero(quoted_after(opens, stays, firsts), firsts)
    return (np.minimum(sentences, 6) * 64 + (years > 0) * 32 + quoted * 16 + inside * 8
            + np.minimum(left, 3) * 2 + (ahead > 0))


def before(values, running, firsts, sequence) -> object:
    """The sum of `values` before each token in its sequence (`running`: their running sum)."""
    excluded = running - values
    return excluded - excluded[firsts][sequence]


def first_zero(after, firsts) -> object:
    """A state before each token: the state after the one before it, and 0 (false) for a first token."""
    import numpy as np

    shifted = np.concatenate([[0], after[:-1]]).astype(np.int64)
    shifted[firsts] = 0
    return shifted


def depth_after(delta, firsts, sequence) -> object:
    """The parentheses open after each token: a running sum that never goes below 0, which is the
    running sum less the lowest it has been (or 0) in the sequence so far."""
    import numpy as np

    running = np.cumsum(delta)
    running = running - (running - delta)[firsts][sequence]
    apart = sequence * (8 * (abs(delta).sum() + 1))  # each sequence below all before it: the minimum stays inside it
    lowest = np.minimum.accumulate(np.minimum(running, 0) - apart) + apart
    return running - np.minimum(lowest, 0)


def quoted_after(opens, stays, firsts) -> object:
    """Inside quotes after each token. A token either keeps the state (the common case), sets it
    (opens == stays) or flips it (opens, not stays): the state is the last setter's value, or 0
    from the sequence's start, flipped once for every flip since."""
    import numpy as np

    index = np.arange(len(opens))
    flips = (opens == 1) & (stays == 0)
    mark = np.where(opens == stays, 2 * index + 1, -1)    # a setter: odd; a sequence's start: even
    mark[firsts] = np.maximum(mark[firsts], 2 * firsts)
    last = np.maximum.accumulate(mark)
    at, setter = last // 2, last % 2
    flipped = np.cumsum(flips)
    since = flipped - (flipped[at] - (1 - setter) * flips[at])
    return (setter * opens[at]) ^ (since & 1)
