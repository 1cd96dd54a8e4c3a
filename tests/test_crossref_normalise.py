"""Crossref JSON as litgraph sees it: pure conversions, checked against the seed records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from litgraph.crossref.normalise import (DepositedReference, initials, reference_line, split_pages,
                                         work_from_crossref)

WORKS = Path(__file__).resolve().parent / "fixtures" / "crossref" / "works"


def message(doi: str) -> dict:
    slug = "".join(c if c.isalnum() else "-" for c in doi.lower())
    return json.loads((WORKS / f"{slug}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("record", sorted((ROOT / "corpus" / "papers").glob("*.yaml")), ids=lambda p: p.stem)
def test_seed_fixture_normalises_to_the_curated_record(record):
    curated = yaml.safe_load(record.read_text(encoding="utf-8"))
    work = work_from_crossref(message(curated["doi"]))
    assert work.doi == curated["doi"].lower()
    assert work.title == curated["title"]
    assert [a.as_dict() for a in work.authors] == curated["authors"]
    assert work.year == curated["year"]
    assert work.type == curated["type"]
    for field in ("container", "volume", "issue", "first_page", "last_page", "article_number"):
        assert getattr(work, field) == (str(curated[field]) if field in curated else None), field


def test_print_year_wins_over_online_year():
    work = work_from_crossref(message("10.1017/S2045796014000407"))
    assert work.year == 2015
    assert set(work.years) == {2014, 2015}


def test_counts_and_deposited_references():
    work = work_from_crossref(message("10.1186/1472-6963-13-188"))
    assert work.is_referenced_by_count == 112
    assert work.references_count == len(work.references) == 46
    first = work.references[0]
    assert first.doi == "10.1176/appi.ps.57.8.1179" and first.doi_asserted_by == "publisher"
    assert first.fields()["journal_title"] == "Psychiatric Services"
    unstructured_only = work.references[2]
    assert unstructured_only.doi is None and unstructured_only.unstructured.startswith("Min S")


def test_markup_entities_and_subtitles_are_cleaned():
    work = work_from_crossref({"DOI": "10.1/X", "title": ["Peer <i>support</i> &amp; recovery"],
                               "subtitle": ["a  review"], "author": [{"name": "Mental Health Commission"}]})
    assert work.title == "Peer support & recovery: a review"
    assert work.authors[0].literal == "Mental Health Commission"
    assert work.doi == "10.1/x" and work.year is None and work.type == "other"


@pytest.mark.parametrize("given, expected", [("Patrick W.", "PW"), ("S. L.", "SL"), ("Jean-Pierre", "JP"),
                                             ("SG", "SG"), ("", None), (None, None)])
def test_initials(given, expected):
    assert initials(given) == expected


@pytest.mark.parametrize("page, expected", [("1493-1496", ("1493", "1496")), ("e1234", ("e1234", None)),
                                            ("286–292", ("286", "292")), (None, (None, None))])
def test_split_pages(page, expected):
    assert split_pages(page) == expected


def test_reference_line_prefers_the_deposited_string_and_appends_the_doi():
    ref = DepositedReference("r1", doi="10.3109/09638237.2011.583947", unstructured="Repper J. A review. 2011.")
    assert reference_line(ref) == "Repper J. A review. 2011. doi:10.3109/09638237.2011.583947"
    ref = DepositedReference("r2", doi="10.1/x", unstructured="Smith J. Title. 2001. doi:10.1/X")
    assert reference_line(ref) == "Smith J. Title. 2001. doi:10.1/X"


def test_reference_line_composed_from_fields_and_doi_only():
    ref = DepositedReference("r3", author="Gillard S", year="2014", article_title="Peer workers",
                             journal_title="Advances in Psychiatric Treatment", volume="20", first_page="286")
    assert reference_line(ref) == "Gillard S. Peer workers. Advances in Psychiatric Treatment. 2014;20:286."
    assert reference_line(DepositedReference("r4", doi="10.1007/x")) == "doi:10.1007/x"
    assert reference_line(DepositedReference("r5")) is None


def test_composed_line_is_read_by_the_parser():
    from litgraph.parse import parse_reference

    ref = DepositedReference("r", doi="10.5555/x", author="Davidson L", year="2006",
                             article_title="Peer support among adults with serious mental illness",
                             journal_title="Schizophrenia Bulletin", volume="32", issue="3", first_page="443")
    parsed = parse_reference(reference_line(ref))
    assert (parsed.authors[0].family, parsed.year, parsed.volume, parsed.issue, parsed.first_page, parsed.doi) == \
        ("Davidson", 2006, "32", "3", "443", "10.5555/x")
    assert parsed.title == "Peer support among adults with serious mental illness"
