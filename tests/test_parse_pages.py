"""Page locators: ranges, abbreviated ranges, lost dashes, article numbers."""

from __future__ import annotations

import pytest

from litgraph.parse.pages import dashless_splits, read_pages


def pages(text, single=False):
    read = read_pages(text, single=single)
    return read.first, read.last, read.article_number


@pytest.mark.parametrize("text, expected", [
    ("1179-1184", ("1179", "1184", None)),
    ("1179–1184", ("1179", "1184", None)),
    ("1179 - 1184", ("1179", "1184", None)),
    ("1179-84", ("1179", "1184", None)),
    ("1493-6", ("1493", "1496", None)),
    ("238–49", ("238", "249", None)),
    ("98-102", ("98", "102", None)),
    ("S12-S20", ("S12", "S20", None)),
    ("e1234", (None, None, "e1234")),
    ("CD004807", (None, None, "CD004807")),
    ("111", ("111", None, None)),
    ("188", ("188", None, None)),
    ("", (None, None, None)),
    (None, (None, None, None)),
])
def test_printed_pages(text, expected):
    assert pages(text) == expected


@pytest.mark.parametrize("digits, expected", [
    ("8296", ("82", "96")), ("14931496", ("1493", "1496")), ("94100", ("94", "100")),
    ("87110", ("87", "110")), ("3241", ("32", "41")), ("10001009", ("1000", "1009")),
    ("14771525", ("1477", "1525")),
])
def test_a_lost_dash_is_restored_when_one_split_qualifies(digits, expected):
    read = read_pages(digits)
    assert (read.first, read.last) == expected
    assert read.warnings and "restored" in read.warnings[0]


@pytest.mark.parametrize("digits", ["3140", "1000", "9999"])
def test_an_undecidable_lost_dash_keeps_the_printed_number(digits):
    read = read_pages(digits)
    assert (read.first, read.last) == (digits, None)
    assert read.warnings and "kept as printed" in read.warnings[0]


def test_splits_need_no_leading_zero_and_a_short_span():
    assert dashless_splits("3140") == [(3, 140), (31, 40)]
    assert dashless_splits("1000") == []
    assert dashless_splits("94100") == [(94, 100)]


def test_a_single_page_marked_p_is_never_split():
    assert pages("1266", single=True) == ("1266", None, None)


def test_a_range_glued_to_a_doi_keeps_its_first_page():
    read = read_pages("189-")
    assert (read.first, read.last) == ("189", None)
    assert read.warnings


def test_a_backwards_range_is_kept_with_a_warning():
    read = read_pages("200-100")
    assert (read.first, read.last) == ("200", "100")
    assert read.warnings
