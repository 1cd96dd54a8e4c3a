"""What printed and PDF-captured reference lists do to a string, applied to labelled tokens.

Each function takes tokens and labels and returns new ones; labels follow the text, so a
broken word keeps its label, a glued link label is `note` and a list number is
`citation-number`.
"""

from __future__ import annotations

import random
import re

from .labels import TrainingSequence, segments_from_tokens

Tokens = tuple[list[str], list[str]]

LINK_LABELS = (["CrossRefPubMed"], ["CrossRef"], ["PubMed"], ["Google", "Scholar"], ["PubMed", "Central"],
               ["CrossRef", "PubMed", "Web", "of", "Science"], ["Article"], ["[PubMed]"], ["[Google", "Scholar]"])
BREAKABLE = {"title", "journal", "container-title", "publisher", "author"}
DASH = re.compile(r"(?<=\d)[-–](?=\d)")


def noisy(sequence: TrainingSequence, rng: random.Random, number: int, rate: float = 0.35) -> TrainingSequence:
    """`sequence`, with one or two kinds of noise on a `rate` share of calls."""
    if rng.random() >= rate:
        return sequence
    tokens = [t for t, _ in sequence.tokens()]
    labels = [label for _, label in sequence.tokens()]
    for kind in rng.sample(KINDS, k=rng.choice((1, 1, 2))):
        tokens, labels = kind(tokens, labels, rng, number)
    segments = segments_from_tokens(tokens, labels)
    if rng.random() < 0.1:
        segments = doubled_space(segments, rng)
    return TrainingSequence(segments, sequence.style, sequence.kind)


def list_number(tokens: list[str], labels: list[str], rng: random.Random, number: int) -> Tokens:
    if labels and labels[0] == "citation-number":
        return tokens, labels
    form = rng.choice(("[{}]", "{}.", "{}", "({})"))
    return [form.format(number)] + tokens, ["citation-number"] + labels


def ligatures(tokens: list[str], labels: list[str], rng: random.Random, number: int) -> Tokens:
    return [t.replace("fi", "ﬁ").replace("fl", "ﬂ").replace("ff", "ﬀ") for t in tokens], labels


def line_break(tokens: list[str], labels: list[str], rng: random.Random, number: int) -> Tokens:
    """A word broken at a line end, its hyphen kept: "organi- sation"."""
    words = [i for i, (t, l) in enumerate(zip(tokens, labels)) if l in BREAKABLE and len(t) >= 8 and t.isalpha()]
    if not words:
        return tokens, labels
    i = rng.choice(words)
    cut = rng.randint(3, len(tokens[i]) - 3)
    return (tokens[:i] + [tokens[i][:cut] + "-", tokens[i][cut:]] + tokens[i + 1:],
            labels[:i] + [labels[i], labels[i]] + labels[i + 1:])


def lost_dash(tokens: list[str], labels: list[str], rng: random.Random, number: int) -> Tokens:
    """A page range whose dash the capture dropped: "82–96" -> "8296"."""
    return [DASH.sub("", t) if l == "pages" else t for t, l in zip(tokens, labels)], labels


def link_label(tokens: list[str], labels: list[str], rng: random.Random, number: int) -> Tokens:
    """Link labels of the publisher's page glued to the end: "CrossRefPubMed", "Google Scholar"."""
    extra = rng.choice(LINK_LABELS)
    return tokens + extra, labels + ["note"] * len(extra)


def glued(tokens: list[str], labels: list[str], rng: random.Random, number: int) -> Tokens:
    """A space lost after punctuation inside a field: "Smith,J." or "Health.London"."""
    joins = [i for i in range(len(tokens) - 1) if labels[i] == labels[i + 1] and tokens[i][-1] in ",.;:"]
    if not joins:
        return tokens, labels
    i = rng.choice(joins)
    return tokens[:i] + [tokens[i] + tokens[i + 1]] + tokens[i + 2:], labels[:i] + labels[i + 1:]


def doubled_space(segments: tuple[tuple[str, str], ...], rng: random.Random) -> tuple[tuple[str, str], ...]:
    spaced = [i for i, (_, text) in enumerate(segments) if " " in text]
    if not spaced:
        return segments
    i = rng.choice(spaced)
    label, text = segments[i]
    return segments[:i] + ((label, text.replace(" ", "  ", 1)),) + segments[i + 1:]


KINDS = (list_number, list_number, ligatures, line_break, line_break, lost_dash, link_label, link_label, glued)
