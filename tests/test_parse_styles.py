"""Each printed style reader: what it accepts, what it leaves to the others."""

from __future__ import annotations

from pathlib import Path

import pytest

from litgraph.parse import parse_reference
from litgraph.parse.imprint import classify_tail, read_imprint
from litgraph.parse.segments import clean_title, split_last
from litgraph.parse.style_author_date import read_bare_year, read_parenthesised
from litgraph.parse.style_bmc import read_bmc
from litgraph.parse.style_vancouver import read_vancouver

ROOT = Path(__file__).resolve().parent.parent
BMC = "Corrigan PW: Impact of services. Psychiatr Serv. 2006, 57: 1493-1496."
VANCOUVER = "Corrigan PW. Impact of services. Psychiatr Serv. 2006;57(10):1493-6."
HARVARD = "Corrigan, P (2006) Impact of services. Psychiatric Services, 57: 1493–6."
CITED_BY = "Corrigan, Patrick 2006. Impact of services. Psychiatric Services, Vol. 57, Issue. 10, p. 1493."


@pytest.mark.parametrize("reader, accepted", [
    (read_bmc, BMC), (read_vancouver, VANCOUVER), (read_parenthesised, HARVARD), (read_bare_year, CITED_BY),
])
def test_each_reader_accepts_its_own_style(reader, accepted):
    reading = reader(accepted)
    assert reading is not None
    assert reading.year == 2006 and reading.source.first_page == "1493"


@pytest.mark.parametrize("reader, others", [
    (read_bmc, (VANCOUVER, HARVARD, CITED_BY)),
    (read_vancouver, (BMC, HARVARD, CITED_BY)),
    (read_bare_year, (BMC, VANCOUVER, HARVARD)),
])
def test_each_reader_declines_other_styles(reader, others):
    assert all(reader(text) is None for text in others)


def test_bmc_report_with_a_corporate_author_needs_the_year_locator():
    assert read_bmc("Department of Health: Title: subtitle. 2007, London: Department of Health") is not None
    assert read_bmc("Department of Health: a title with a colon but no BMC locator") is None


def test_bmc_book_reads_place_then_publisher():
    ref = parse_reference("Copeland M: Wellness recovery action planning. 1997, West Dummerston: Peach Press")
    assert (ref.type, ref.year, ref.place, ref.publisher) == ("book", 1997, "West Dummerston", "Peach Press")


def test_vancouver_journal_without_period_before_the_year():
    ref = parse_reference("Sells DL, Rowe M. Title of paper. Psychiatr Serv 2006;57:1179-84.")
    assert (ref.container, ref.volume, ref.issue, ref.first_page, ref.last_page) == (
        "Psychiatr Serv", "57", None, "1179", "1184")


def test_vancouver_edited_book():
    ref = parse_reference("Smith J, Jones K, editors. Peer work. London: Sage; 2010.")
    assert ref.type == "book" and ref.title == "Peer work" and ref.publisher == "Sage"


def test_harvard_parenthesised_year_with_month():
    ref = parse_reference("Smith, J. (2020, March 5). Peer work today. The Guardian.")
    assert ref.year == 2020 and ref.title == "Peer work today"


def test_chicago_author_date():
    ref = parse_reference("Smith, John. 2006. Peer Work. Journal of Peer Studies, 3: 12–20.")
    assert [a.as_dict() for a in ref.authors] == [{"family": "Smith", "given": "J"}]
    assert (ref.year, ref.title, ref.first_page, ref.last_page) == (2006, "Peer Work", "12", "20")


@pytest.mark.parametrize("tail, expected", [
    ("Prentice-Hall: Englewood Cliffs, NJ", ("Prentice-Hall", "Englewood Cliffs, NJ")),
    ("Englewood Cliffs, NJ: Prentice-Hall", ("Prentice-Hall", "Englewood Cliffs, NJ")),
    ("Mental Health Commission: New Zealand", ("Mental Health Commission", "New Zealand")),
    ("University of Texas: Austin, Texas", ("University of Texas", "Austin, Texas")),
    ("London: Department of Health", ("Department of Health", "London")),
    ("TSO (The Stationery Office)", ("TSO (The Stationery Office)", None)),
    ("Thousand Oaks (CA): Sage", ("Sage", "Thousand Oaks (CA)")),
])
def test_imprint_order_is_told_by_the_place(tail, expected):
    assert read_imprint(tail) == expected


@pytest.mark.parametrize("tail, expected", [
    ("Health Service Delivery Research", "journal"), ("Psychiatr Serv", "journal"),
    ("Community Ment Health J", "journal"), ("The Carter Center", "imprint"), ("MRC", "imprint"),
    ("Medical Research Council", "imprint"), ("Sage: London", "imprint"),
])
def test_a_last_sentence_without_locator_is_journal_or_imprint(tail, expected):
    assert classify_tail(tail) == expected


@pytest.mark.parametrize("text, expected", [
    ("What do they do? A job description. BMC Health Serv Res", ("What do they do? A job description",
                                                                  "BMC Health Serv Res")),
    ("Attachment and Loss, Vol. 2: Separation. Basic Books", ("Attachment and Loss, Vol. 2: Separation",
                                                              "Basic Books")),
    ("unique?. Int J Psychosoc Rehab", ("unique?", "Int J Psychosoc Rehab")),
    ("Is It Good Value for Money? Centre for Mental Health", ("Is It Good Value for Money?",
                                                              "Centre for Mental Health")),
    ("One sentence only", ("One sentence only", None)),
    ("Edited by J. Smith", ("Edited by J. Smith", None)),
])
def test_split_last_sentence(text, expected):
    assert split_last(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("'The treatment relationship'", "The treatment relationship"),
    ("‘Walking the tightrope’: The role of peer support.", "‘Walking the tightrope’: The role of peer support"),
    ("Peer support: what makes It unique?.", "Peer support: what makes It unique?"),
    ("Diagnostic and statistical manual (5th ed.)", "Diagnostic and statistical manual"),
    ("", None),
])
def test_clean_title(text, expected):
    assert clean_title(text) == expected


def corpus_lines():
    for path in sorted((ROOT / "corpus").glob("*/*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                yield path.stem, line.split("\t", 1)[1]


def test_every_corpus_entry_yields_authors_year_and_title():
    missing = [(name, raw) for name, raw in corpus_lines()
               if parse_reference(raw).title is None or not parse_reference(raw).authors]
    assert not missing
    assert sum(1 for _ in corpus_lines()) == 172


@pytest.mark.parametrize("tail, expected", [
    ("Sage, London", ("Sage", "London")),
    ("University of Texas, Austin, Texas", ("University of Texas", "Austin, Texas")),
    ("Centre for Mental Health/Mental Health Network, NHS Confederation",
     ("Centre for Mental Health/Mental Health Network, NHS Confederation", None)),
])
def test_harvard_publisher_comma_place(tail, expected):
    assert read_imprint(tail) == expected


def test_pubmed_ids_and_series_notes_are_not_read_as_imprints():
    ref = parse_reference("Walker G, Bryant W. Peer support: a metasynthesis. Psychiatr Rehabil J. "
                          "2013 Mar;36(1):28-34. doi: 10.1037/h0094744. PMID: 23477647.")
    assert (ref.container, ref.first_page, ref.last_page, ref.doi) == ("Psychiatr Rehabil J", "28", "34",
                                                                       "10.1037/h0094744")
    nice = parse_reference("National Institute for Health and Care Excellence. Psychosis and schizophrenia in "
                           "adults. London: NICE; 2014. (Clinical guideline [CG178]).")
    assert (nice.authors[0].literal, nice.publisher, nice.place, nice.year) == (
        "National Institute for Health and Care Excellence", "NICE", "London", 2014)


def test_university_presses_publish_books():
    ref = parse_reference("Slade, M. (2009). Personal recovery and mental illness. Cambridge University Press.")
    assert ref.type == "book" and ref.publisher == "Cambridge University Press"


def test_editor_marks_are_not_authors():
    ref = parse_reference("Smith, J. (Ed.). (2008). Qualitative psychology (2nd ed.). Sage.")
    assert [a.as_dict() for a in ref.authors] == [{"family": "Smith", "given": "J"}]
    assert ref.title == "Qualitative psychology" and ref.publisher == "Sage"
