"""The best labels of each reference and each chosen label's marginal, many references at once.

A first-order CRF's best labelling is Viterbi's (as CRFsuite computes it: the first best on a tie)
and a label's marginal is forward-backward's. Both run here over a block of references together,
a step per token, so numpy's cost per step is shared by the whole block: that is what makes a list
fast, where one reference at a time pays that cost for each.

A block holds up to `BLOCK` references of similar length (the batch sorted longest first, none
as short as half the block's longest), laid out token x label x reference and aligned on their
last token: at each step the references that have begun are the first ones, so every step works
on a prefix of the block, with nothing done for a reference before its first token. A reference's labels are the same in any list (sums and maxima
of the same numbers in the same order); its marginals to about 1e-15 (`forward_backward`).
"""

from __future__ import annotations

from dataclasses import dataclass

BLOCK = 256  # references decoded together: a step's arrays (22 x 22 x 256 floats) stay in the processor's cache


@dataclass(frozen=True)
class Block:
    """References aligned on their last token: `rows[t, b]` is the score row of reference b's token at
    step t, for t from `begins[b]`; `started[t]` references (the first ones) have begun by step t."""

    rows: object
    begins: object
    started: object


def decode(scores, lengths: list[int], transitions) -> tuple[list[int], list[float]]:
    """The best label (an index) and its marginal at every row of `scores` (a sequence's rows one
    after another, `lengths` of them each)."""
    import numpy as np

    sizes = np.asarray(lengths)
    starts = np.cumsum(sizes) - sizes
    order = np.argsort(-sizes, kind="stable")  # longest first
    best, marginal = np.empty(len(scores), np.intp), np.empty(len(scores))
    for first, end in blocks(sizes[order]):
        block = aligned(starts[order[first:end]], sizes[order[first:end]])
        steps = np.ascontiguousarray(scores[block.rows].transpose(0, 2, 1))  # token x label x reference
        paths, marginals = decode_block(steps, transitions, block.started)
        inside = np.arange(len(block.rows))[:, None] >= block.begins  # the steps each reference has
        best[block.rows[inside]], marginal[block.rows[inside]] = paths[inside], marginals[inside]
    return best.tolist(), marginal.tolist()


def blocks(sizes) -> list[tuple[int, int]]:
    """(first, end) of each block of `sizes` (longest first): at most `BLOCK` references, and none
    as short as half the block's first, since a block's arrays are as long as its first reference
    (one 400-token string among short ones would otherwise make 256 references' arrays 400 steps long)."""
    import numpy as np

    found, first = [], 0
    while first < len(sizes):
        window = sizes[first:first + BLOCK]
        end = first + int(np.searchsorted(-window, -(window[0] // 2)))  # the first no longer than half
        found.append((first, end))
        first = end
    return found


def aligned(starts, sizes) -> Block:
    """The block of the references at `starts` with `sizes` (longest first), aligned on their last token."""
    import numpy as np

    steps = int(sizes[0])
    begins = steps - sizes
    offsets = np.maximum(np.arange(steps)[:, None] - begins, 0)  # before its first token, a reference's first row
    started = np.searchsorted(begins, np.arange(steps), side="right").tolist()
    return Block(starts + offsets, begins, started)


def decode_block(scores, transitions, started: list[int]) -> tuple[object, object]:
    """Viterbi paths (token x reference) and their labels' marginals, for `scores` (token x label x
    reference) of references aligned on their last token."""
    import numpy as np

    paths = viterbi(scores, transitions, started)
    both, total = forward_backward(scores, transitions, started)
    return paths, np.take_along_axis(both, paths[:, None, :], 1)[:, 0, :] / total


def viterbi(scores, transitions, started: list[int]):
    """The best path of each sequence. The forward pass keeps only each step's best scores; the
    way back finds each step's best previous label again, by the same sums, so a tie goes to
    the lowest label, as CRFsuite's does."""
    import numpy as np

    length, labels, batch = scores.shape
    moves = transitions[:, :, None]  # from label i (axis 0) to label j (axis 1)
    bests = np.zeros((length, labels, batch))
    bests[0] = scores[0]
    for t in range(1, length):
        going, begun = started[t - 1], started[t]
        bests[t, :, :going] = np.maximum.reduce(bests[t - 1, :, None, :going] + moves, axis=0) + scores[t, :, :going]
        bests[t, :, going:begun] = scores[t, :, going:begun]  # a reference's first token
    path = np.zeros((length, batch), np.intp)
    path[-1] = bests[-1].argmax(axis=0)
    for t in range(length - 1, 0, -1):
        going = started[t - 1]
        path[t - 1, :going] = (bests[t - 1, :, :going] + transitions[:, path[t, :going]]).argmax(axis=0)
    return path


def forward_backward(scores, transitions, started: list[int]) -> tuple[object, object]:
    """Each label's marginal at each token (token x label x reference) as a product of the scaled
    forward and backward weights and, per token, their sum over labels to divide it by. The
    sums over labels are matrix products: BLAS may order them differently for another batch, so a
    reference's marginals can differ in their last bits from list to list (labels never do)."""
    import numpy as np

    weights = np.exp(scores - scores.max(axis=1, keepdims=True))  # a constant per token changes no marginal
    moves = np.exp(transitions - transitions.max())  # from label i (rows) to label j (columns)
    into = np.ascontiguousarray(moves.T)
    alpha, beta = np.ones_like(weights), np.ones_like(weights)  # (ones before a reference begins: never read)
    length = len(weights)
    alpha[0, :, :started[0]] = weights[0, :, :started[0]] / weights[0, :, :started[0]].sum(axis=0)
    for t in range(1, length):
        going, begun = started[t - 1], started[t]
        step = (into @ alpha[t - 1, :, :going]) * weights[t, :, :going]
        alpha[t, :, :going] = step / step.sum(axis=0)
        first = weights[t, :, going:begun]
        alpha[t, :, going:begun] = first / first.sum(axis=0)
        back = length - 1 - t
        there = started[back]  # the references begun by step `back`: every one has all steps after it
        step = moves @ (weights[back + 1, :, :there] * beta[back + 1, :, :there])
        beta[back, :, :there] = step / step.sum(axis=0)
    both = alpha * beta
    return both, both.sum(axis=1)
