"""The cleaning step: list numbers, whitespace, link labels, doubled entries, identifiers."""

from __future__ import annotations

import pytest

from litgraph.parse import split_position
from litgraph.parse.identifiers import take_doi, take_status, take_urls
from litgraph.parse.normalise import normalise, strip_link_labels, undouble


@pytest.mark.parametrize("line, expected", [
    ("12. Sells DL: Title.", (12, "Sells DL: Title.")),
    ("[12] Sells DL: Title.", (12, "Sells DL: Title.")),
    ("[3]Sells DL: Title.", (3, "Sells DL: Title.")),
    ("12\tSells DL: Title.", (12, "Sells DL: Title.")),
    ("7) Sells DL: Title.", (7, "Sells DL: Title.")),
    ("12\tSells DL: Title.\n", (12, "Sells DL: Title.")),
])
def test_split_position_reads_the_printed_number(line, expected):
    assert split_position(line) == expected


@pytest.mark.parametrize("line", [
    "Sells DL: Title.",
    "1998. A year opening the entry is not a position.",
    "2006, London: Sage",
    "12",
    "",
    "12 Sells DL: a bare number and space is ambiguous.",
])
def test_split_position_leaves_other_lines_unchanged(line):
    assert split_position(line) == (None, line)


@pytest.mark.parametrize("text, expected", [
    ("Psychiatr Serv. 2006, 57: 1179-1184. 10.1176/appi.ps.57.8.1179.CrossRefPubMed",
     "Psychiatr Serv. 2006, 57: 1179-1184. 10.1176/appi.ps.57.8.1179."),
    ("Schizophr Bull. 2006, 32: 443-445.CrossRefPubMedPubMedCentral", "Schizophr Bull. 2006, 32: 443-445."),
    ("Industrial Relations Journal 31, 8296.Google Scholar", "Industrial Relations Journal 31, 8296."),
    ("Human Relations 7, 117142. CrossRef Google Scholar", "Human Relations 7, 117142."),
    ("Qualitative researching. 1996, London: Sage", "Qualitative researching. 1996, London: Sage"),
])
def test_link_labels_are_stripped_from_the_end(text, expected):
    assert strip_link_labels(text) == expected


def test_normalise_collapses_whitespace_and_the_leading_label():
    text, warnings = normalise("go back to reference  Min S:\u00a0Title.\n J. 2007,  30: 207-213.CrossRef")
    assert text == "Min S: Title. J. 2007, 30: 207-213."
    assert warnings == ()


def test_an_entry_printed_twice_is_read_once_with_a_warning():
    once = "Lawn S, Smith A, Hunter K: Mental health peer support. J Ment Health. 2008, 17: 498-508.CrossRef"
    text, warnings = normalise(f"go back to reference {once} {once}")
    assert text == once.removesuffix("CrossRef")
    assert warnings == ("entry printed twice; one copy read",)


def test_short_repeats_are_not_taken_for_doubled_entries():
    assert undouble("Role Role") == ("Role Role", False)


@pytest.mark.parametrize("text, doi, rest", [
    ("Psychiatr Serv. 2006, 57: 1179-1184. 10.1176/appi.ps.57.8.1179.",
     "10.1176/appi.ps.57.8.1179", "Psychiatr Serv. 2006, 57: 1179-1184."),
    ("BMC Health Serv Res. 2012, 12: 189-10.1186/1472-6963-12-189.",
     "10.1186/1472-6963-12-189", "BMC Health Serv Res. 2012, 12: 189-"),
    ("Psychiatric Services, 57(8), 1179–1184. https://doi.org/10.1176/appi.ps.57.8.1179",
     "10.1176/appi.ps.57.8.1179", "Psychiatric Services, 57(8), 1179–1184."),
    ("Psychiatr Serv. 2006;57(8):1179-84. doi:10.1176/APPI.ps.57.8.1179",
     "10.1176/APPI.ps.57.8.1179", "Psychiatr Serv. 2006;57(8):1179-84."),
    ("J. 2001;1:1. http://dx.doi.org/10.1002/(SICI)1097-0258(19980815)17:15<1661::AID-SIM968>3.0.CO;2-2.",
     "10.1002/(SICI)1097-0258(19980815)17:15<1661::AID-SIM968>3.0.CO;2-2", "J. 2001;1:1."),
    ("Title. J, 1, 2. <https://doi.org/10.1000/abc>", "10.1000/abc", "Title. J, 1, 2."),
    ("Title. Journal, 3, 4-5. (doi:10.1000/xyz).", "10.1000/xyz", "Title. Journal, 3, 4-5."),
    ("No identifier here.", None, "No identifier here."),
])
def test_take_doi_keeps_the_case_and_drops_prefix_and_period(text, doi, rest):
    found, remaining = take_doi(text)
    assert found == doi
    if rest is not None:
        assert remaining == rest


def test_urls_and_access_notes_are_removed():
    text = "Mind (2020) Peer work. Mind. Available at: https://www.mind.org.uk/peer (accessed 1 May 2020)."
    assert take_urls(text) == "Mind (2020) Peer work. Mind."


@pytest.mark.parametrize("text, rest, status", [
    ("Health Services Delivery & Research, in press.", "Health Services Delivery & Research", "in press"),
    ("Epidemiology and Psychiatric Services 111. [Epub ahead of print].",
     "Epidemiology and Psychiatric Services 111", "epub ahead of print"),
    ("Journal, 3: 4-5.", "Journal, 3: 4-5.", None),
])
def test_status_notes_are_taken_off_the_end(text, rest, status):
    assert take_status(text) == (rest, status)
