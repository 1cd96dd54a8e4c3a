"""The best labels of each reference and each chosen label's marginal, references of one length at once.

A first-order CRF's best labelling is Viterbi's (as CRFsuite computes it: the first best on a tie)
and a label's marginal is forward-backward's. Both run here over all the references of one length
together, a step per token, so numpy's cost per step is shared by the whole batch: that is what
makes a list fast, where one reference at a time pays that cost for each.
"""

from __future__ import annotations


def decode(scores, lengths: list[int], transitions) -> tuple[list[int], list[float]]:
    """The best label (an index) and its marginal at every row of `scores` (a sequence's rows one
    after another, `lengths` of them each)."""
    import numpy as np

    starts = np.cumsum([0, *lengths[:-1]])
    best, marginal = np.empty(len(scores), np.intp), np.empty(len(scores))
    by_length: dict[int, list[int]] = {}
    for number, length in enumerate(lengths):
        by_length.setdefault(length, []).append(number)
    for length, numbers in by_length.items():
        rows = starts[numbers][:, None] + np.arange(length)
        paths, marginals = decode_batch(scores[rows], transitions)
        best[rows], marginal[rows] = paths, marginals
    return best.tolist(), marginal.tolist()


def decode_batch(scores, transitions) -> tuple[object, object]:
    """Viterbi paths (batch x length) and their labels' marginals, for `scores` (batch x length x labels)."""
    import numpy as np

    paths = viterbi(scores, transitions)
    marginals = forward_backward(scores, transitions)
    return paths, np.take_along_axis(marginals, paths[:, :, None], 2)[:, :, 0]


def viterbi(scores, transitions):
    """The best path of each sequence; on a tie the lowest label, as CRFsuite chooses."""
    import numpy as np

    batch, length, labels = scores.shape
    into = np.ascontiguousarray(transitions.T)  # to label j (axis 1) from label i (axis 2): reduced where contiguous
    back = np.empty((length, batch, labels), np.intp)
    best = scores[:, 0]
    for t in range(1, length):
        candidates = best[:, None, :] + into
        back[t] = chosen = candidates.argmax(2)
        best = np.take_along_axis(candidates, chosen[:, :, None], 2)[:, :, 0] + scores[:, t]
    path = np.empty((batch, length), np.intp)
    path[:, -1] = best.argmax(1)
    every = np.arange(batch)
    for t in range(length - 1, 0, -1):
        path[:, t - 1] = back[t, every, path[:, t]]
    return path


def forward_backward(scores, transitions):
    """Each label's marginal at each token (batch x length x labels), scaled at every step."""
    import numpy as np

    weights = np.exp(scores - scores.max(axis=2, keepdims=True))  # a constant per token changes no marginal
    moves = np.exp(transitions - transitions.max())
    alpha, beta = np.empty_like(weights), np.empty_like(weights)
    alpha[:, 0] = weights[:, 0] / weights[:, 0].sum(axis=1, keepdims=True)
    beta[:, -1] = 1.0
    length = weights.shape[1]
    for t in range(1, length):
        step = (alpha[:, t - 1] @ moves) * weights[:, t]
        alpha[:, t] = step / step.sum(axis=1, keepdims=True)
        back = length - 1 - t
        step = (weights[:, back + 1] * beta[:, back + 1]) @ moves.T
        beta[:, back] = step / step.sum(axis=1, keepdims=True)
    both = alpha * beta
    return both / both.sum(axis=2, keepdims=True)
