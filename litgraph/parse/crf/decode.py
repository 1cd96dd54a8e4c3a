"""The best labels of each reference and each chosen label's marginal, references of one length at once.

A first-order CRF's best labelling is Viterbi's (as CRFsuite computes it: the first best on a tie)
and a label's marginal is forward-backward's. Both run here over all the references of one length
together, a step per token, so numpy's cost per step is shared by the whole batch: that is what
makes a list fast, where one reference at a time pays that cost for each. The arrays are laid out
token x label x reference, so that every sum and maximum runs along the references, in memory
order. A reference's labels are the same in any list (sums and maxima of the same numbers in the
same order); its marginals to about 1e-15 (`forward_backward`).
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
        rows = np.arange(length)[:, None] + starts[numbers]  # token x reference
        paths, marginals = decode_batch(np.ascontiguousarray(scores[rows].transpose(0, 2, 1)), transitions)
        best[rows], marginal[rows] = paths, marginals
    return best.tolist(), marginal.tolist()


def decode_batch(scores, transitions) -> tuple[object, object]:
    """Viterbi paths (token x reference) and their labels' marginals, for `scores` (token x label x
    reference)."""
    import numpy as np

    paths = viterbi(scores, transitions)
    marginals = forward_backward(scores, transitions)
    return paths, np.take_along_axis(marginals, paths[:, None, :], 1)[:, 0, :]


def viterbi(scores, transitions):
    """The best path of each sequence. The forward pass keeps only each step's best scores; the
    way back finds each step's best previous label again, by the same sums, so a tie goes to
    the lowest label, as CRFsuite's does."""
    import numpy as np

    length, labels, batch = scores.shape
    moves = transitions[:, :, None]  # from label i (axis 0) to label j (axis 1)
    bests = np.empty((length, labels, batch))
    best = bests[0] = scores[0]
    for t in range(1, length):
        best = bests[t] = np.maximum.reduce(best[:, None, :] + moves, axis=0) + scores[t]
    path = np.empty((length, batch), np.intp)
    path[-1] = best.argmax(axis=0)
    for t in range(length - 1, 0, -1):
        path[t - 1] = (bests[t - 1] + transitions[:, path[t]]).argmax(axis=0)
    return path


def forward_backward(scores, transitions):
    """Each label's marginal at each token (token x label x reference), scaled at every step. The
    sums over labels are matrix products: BLAS may order them differently for another batch, so a
    reference's marginals can differ in their last bits from list to list (labels never do)."""
    import numpy as np

    weights = np.exp(scores - scores.max(axis=1, keepdims=True))  # a constant per token changes no marginal
    moves = np.exp(transitions - transitions.max())  # from label i (rows) to label j (columns)
    into = np.ascontiguousarray(moves.T)
    alpha, beta = np.empty_like(weights), np.empty_like(weights)
    alpha[0] = weights[0] / weights[0].sum(axis=0)
    beta[-1] = 1.0
    length = len(weights)
    for t in range(1, length):
        step = (into @ alpha[t - 1]) * weights[t]
        alpha[t] = step / step.sum(axis=0)
        back = length - 1 - t
        step = moves @ (weights[back + 1] * beta[back + 1])
        beta[back] = step / step.sum(axis=0)
    both = alpha * beta
    return both / both.sum(axis=1, keepdims=True)
