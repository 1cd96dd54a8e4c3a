"""parse_reference never raises on a string, and always keeps the raw text.

A property-style test without extra dependencies: a seeded generator builds
thousands of odd strings (fragments of real references shuffled and cut,
punctuation runs, unicode, very long strings) and each must parse to a record.
"""

from __future__ import annotations

import random

import pytest

from litgraph.model import ParsedReference
from litgraph.parse import parse_reference, split_position

FRAGMENTS = [
    "Sells DL, Davidson L", ": ", "(2006)", "(2012 a).", "2006, 57: 1179-1184.", "10.1176/appi.ps.57.8.1179.",
    "et al", " and ", "&", "Vol. 27, Issue. 4, p. 1266.", "In: Smith J, editor.", "(Eds.),", "pp. 10–20",
    "Sage: London.", "London: Sage; 2001.", "'Title',", "‘Walking’", "?.", "Coatsworth- Puspoky, R",
    "8296", "CrossRefPubMed", "Google Scholar", "https://doi.org/", "doi:", "[Epub ahead of print]",
    "in press", "n.d.", "Department of Health", "Rüsch, N", "Müller", "–", "—", "\t", "\n", "  ",
    "(", ")", "[", "]", "\u00a0", "\u200b", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "中文标题", "العربية", "\x00", "\\", '"', "''",
]
ODD = [
    "", " ", ".", "...", ",,,,", "()", "[]", ":", ";;;", "-", "–", "?", "!?.", "10.", "10.1/", "doi:",
    "(2006)", "2006.", "2006", "a", "A.", "et al", "& and &", "In: editor.", "pp.", "p.", "Vol.",
    "\x00\x01\x02", "\ufeff", "🙂" * 50, "é" * 300, "(" * 500, ")" * 500, "1" * 5000,
    "Sells DL: " * 300, "Smith, J (2001) " + "Title. " * 1000, "a. " * 2000, "A, " * 2000, ". " * 3000,
    "x" * 100_000, "(2006) " * 2000, "Smith, J 2006. " * 500, "10.1000/" + "a" * 10_000,
]


def assert_record(raw: str) -> ParsedReference:
    ref = parse_reference(raw)
    assert isinstance(ref, ParsedReference)
    assert ref.raw == raw
    assert all(isinstance(w, str) for w in ref.warnings)
    # The catch-all in parse_reference is a safety net, not a code path: no input should reach it.
    assert not any(w.startswith("could not be read") for w in ref.warnings), ref.warnings
    return ref


@pytest.mark.parametrize("raw", ODD, ids=range(len(ODD)))
def test_odd_strings_give_a_record(raw):
    assert_record(raw)


def test_empty_and_punctuation_strings_warn():
    for raw in ("", "   ", ".,;:", "--"):
        ref = assert_record(raw)
        assert ref.warnings and ref.title is None and ref.authors == ()


def test_random_fragment_soup_never_raises():
    rng = random.Random(20240611)
    for _ in range(3000):
        raw = "".join(rng.choice(FRAGMENTS) + rng.choice(["", " ", ". ", ", "]) for _ in range(rng.randint(0, 12)))
        assert_record(raw)


def test_cut_real_references_never_raise():
    rng = random.Random(7)
    real = ("Cleary, Michelle Raeburn, Toby and Lopez, Violeta 2018. ‘Walking the tightrope’: The role. "
            "International Journal of Mental Health Nursing, Vol. 27, Issue. 4, p. 1266.")
    for _ in range(2000):
        start, end = sorted(rng.sample(range(len(real) + 1), 2))
        assert_record(real[start:end])
        chars = list(real)
        rng.shuffle(chars)
        assert_record("".join(chars[: rng.randint(0, len(chars))]))


def test_random_unicode_never_raises():
    rng = random.Random(99)
    for _ in range(500):
        raw = "".join(chr(rng.choice([rng.randint(0x20, 0x7e), rng.randint(0xa0, 0x2fff),
                                      rng.randint(0x1f300, 0x1f6ff)])) for _ in range(rng.randint(0, 200)))
        assert_record(raw)


def test_a_non_string_is_a_programming_error():
    with pytest.raises(TypeError):
        parse_reference(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("line", ["", "\t", "[", "1.", "[1]", "99999. x", "\u00a0[3] x"])
def test_split_position_never_raises(line):
    position, rest = split_position(line)
    assert position is None or isinstance(position, int)
    assert isinstance(rest, str)
