"""Humanities and social-science reference shapes (issue 12, third round): the synthetic
training shapes, and the shipped model on invented strings in those shapes."""

from __future__ import annotations

import pytest

from litgraph.parse import parse_reference
from litgraph.parse.crf.persons import split_persons
from litgraph.parse.crf.synthetic import generate
from litgraph.parse.training.labels import LABELS


@pytest.fixture(scope="module")
def synthetic():
    return generate(2000, 7)


COMMON = {f"synthetic:{name}" for name in ("apa", "vancouver", "harvard", "chicago", "numbered", "nature", "french",
                                            "mla")}


def test_common_only_synthetic_data_keeps_to_the_common_styles():
    assert {record["style"] for record in generate(500, 1, common_only=True)} <= COMMON


def test_synthetic_data_holds_humanities_and_sciences_shapes(synthetic):
    styles = {record["style"] for record in synthetic}
    assert {"synthetic:social", "synthetic:din-iso690", "synthetic:comma", "synthetic:bibtex-plain",
            "synthetic:engineering"} <= styles
    assert COMMON <= styles


def test_humanities_shapes_use_only_known_labels_and_no_empty_segments(synthetic):
    for record in synthetic:
        for label, text in record["segments"]:
            assert label in LABELS and text.strip(), record


def test_humanities_shapes_print_editor_marks_and_natural_order_joins(synthetic):
    printed = " ".join(" ".join(t for _, t in r["segments"]) for r in synthetic if "social" in r["style"]
                       or "din" in r["style"])
    for cue in ("(Hrsg.)", "ed. by", " & ", ", and ", "Vol. ", "Paper presented at the"):
        assert cue in printed


def test_synthetic_generation_is_deterministic():
    assert generate(50, 3) == generate(50, 3)


@pytest.mark.parametrize("text, expected", [
    ("Moreau, Claire & Tomas Lind.", [("Moreau", "C"), ("Lind", "T")]),
    ("Moreau, Claire, Tomas Lind, and Ana Silva", [("Moreau", "C"), ("Lind", "T"), ("Silva", "A")]),
    ("Smith, John, Jones, Mary", [("Smith", "J"), ("Jones", "M")]),
])
def test_mixed_order_list_keeps_an_unlisted_given_name_with_the_first_family(text, expected):
    assert [(a.family, a.given) for a in split_persons(text).authors] == expected


def test_mixed_order_chapter_author_is_not_split_into_a_given_name_person():
    ref = parse_reference('Moreau, Claire & Tomas Lind. 1998. "Schooling and Class Mobility." In Education and '
                          "Society, eds. Ana Silva & Peter Hall, 201-230. Chicago: University of Chicago Press.")
    assert [(a.family, a.given) for a in ref.authors] == [("Moreau", "C"), ("Lind", "T")]
    assert (ref.title, ref.container) == ("Schooling and Class Mobility", "Education and Society")
    assert (ref.first_page, ref.last_page, ref.place) == ("201", "230", "Chicago")


def test_natural_order_author_list_with_and_is_not_run_into_the_title():
    ref = parse_reference('Helen Carter, Paul Osei, and Lucía Romero. 2011. "Neighbourhood Ties and Civic Trust." '
                          "American Journal of Sociology 116 (4): 1120–55.")
    assert [a.family for a in ref.authors] == ["Carter", "Osei", "Romero"]
    assert (ref.title, ref.container) == ("Neighbourhood Ties and Civic Trust", "American Journal of Sociology")


def test_chapter_title_is_not_read_as_its_book_with_ed_by():
    ref = parse_reference('Nkechi Abebe. "Markets and Memory in the Port City." In: Cities of the South, ed. by '
                          "Jan Vogel and Anna Costa, 45–67. London: Routledge, 2009.")
    assert (ref.title, ref.container) == ("Markets and Memory in the Port City", "Cities of the South")
    assert (ref.publisher, ref.place, ref.year) == ("Routledge", "London", 2009)


def test_din_chapter_with_hrsg_editor_keeps_title_book_and_pages():
    ref = parse_reference("WEBER, Klaus: Arbeit und Erinnerung. In: FISCHER, Jan (Hrsg.): Stadt und Gedächtnis. "
                          "Berlin : Akademie Verlag, 2004, S. 33–58.")
    assert [a.family for a in ref.authors] == ["WEBER"]
    assert (ref.title, ref.container) == ("Arbeit und Erinnerung", "Stadt und Gedächtnis")
    assert (ref.first_page, ref.last_page, ref.year) == ("33", "58", 2004)
