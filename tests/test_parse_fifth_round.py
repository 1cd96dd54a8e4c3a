"""Issue 12, fifth round: chapters with editors and series, meetings with place and dates, the
anthropologists' bare year, the physical-science CSL styles; and the faster reading of author lists,
features and segments, which must read exactly what the slower code read."""

from __future__ import annotations

import random

import pytest

from litgraph.parse.crf.features import context_features, sequence_features
from litgraph.parse.crf.fields import segments_of
from litgraph.parse.crf.labeller import Labelling
from litgraph.parse.crf.persons import split_persons, strip_marks
from litgraph.parse.crf.repair import runs_of, title_edges
from litgraph.parse.crf.synthetic import generate
from litgraph.parse.training import openvocab
from litgraph.parse.training.labels import LABELS
from litgraph.parse.training.styles import FAMILY


def printed(style: str, count: int = 4000, seed: int = 13) -> list[tuple[list[list[str]], str]]:
    records = [r for r in generate(count, seed) if r["style"] == f"synthetic:{style}"]
    return [(r["segments"], " ".join(t for _, t in r["segments"])) for r in records]


# --- training shapes ------------------------------------------------------------------------------

def test_bibtex_chapters_name_their_editors_before_the_book_and_a_series_after_it():
    shapes = printed("bibtex-edited")
    assert shapes
    assert any(", editors, " in text for _, text in shapes) and any(", editor, " in text for _, text in shapes)
    assert any(label == "collection-title" for segments, _ in shapes for label, _ in segments)
    for segments, _ in shapes:
        labels = [label for label, _ in segments]
        assert labels.index("editor") < labels.index("container-title")
        assert segments[labels.index("editor")][1].startswith("In ")


def test_proceedings_print_the_meeting_place_and_dates_after_its_name():
    shapes = printed("proceedings")
    labels_after = [[label for label, _ in segments][3:] for segments, _ in shapes]
    assert any(after[:2] == ["location", "date"] for after in labels_after)
    dates = [text for segments, _ in shapes for label, text in segments if label == "date"]
    assert any("–" in d or "-" in d for d in dates)  # "April 8-11, 1991"


def test_anthropology_prints_a_bare_year_and_editors_after_the_book():
    shapes = printed("anthropology")
    assert any(segments[1][0] == "date" and segments[1][1].rstrip("ab").isdigit() for segments, _ in shapes)
    chapters = [text for _, text in shapes if " eds. Pp. " in text or " ed. Pp. " in text]
    assert chapters and all(" In " in text for text in chapters)


def test_new_shapes_use_only_known_labels_and_no_empty_segments():
    for style in ("bibtex-edited", "proceedings", "anthropology"):
        for segments, _ in printed(style, 2000, 5):
            assert all(label in LABELS and text.strip() for label, text in segments), segments


def test_meeting_names_sometimes_carry_their_acronym_or_year():
    rng = random.Random(3)
    names = [openvocab.conference(rng) for _ in range(400)]
    assert any(name.endswith(")") and "(" in name for name in names)
    assert any(name.split()[-1].startswith("'") for name in names)
    assert [openvocab.conference(random.Random(8)) for _ in range(3)] == \
        [openvocab.conference(random.Random(8)) for _ in range(3)]


@pytest.mark.parametrize("style", ["american-chemical-society", "american-physics-society-without-titles",
                                   "association-for-computing-machinery", "american-anthropological-association"])
def test_sciences_and_anthropology_csl_styles_are_rendered(style):
    assert style in FAMILY


# --- repairs ---------------------------------------------------------------------------------------

def test_editors_mark_closed_by_a_period_joins_the_names_before_the_title():
    tokens = ("Görner,", "Rüdiger", "and", "Angus", "Nicholls,", "editors.", "In", "the", "Embrace", "of", "the", "Swan.")
    labels = ["author"] * 5 + ["title"] * 7
    fixed = title_edges(tokens, labels)
    assert fixed[5] == "author" and fixed[6:] == ["title"] * 6


# --- the same reading, faster -------------------------------------------------------------------

@pytest.mark.parametrize("labels, runs", [
    ([], []),
    (["a"], [("a", 0, 1)]),
    (["a", "a", "b", "a"], [("a", 0, 2), ("b", 2, 3), ("a", 3, 4)]),
])
def test_runs_of_equal_labels(labels, runs):
    assert runs_of(labels) == runs


def test_segments_average_their_tokens_marginals():
    labelling = Labelling(("Smith,", "J.", "Title."), ("author", "author", "title"), (0.5, 1.0, 0.25))
    assert [(s.label, s.text, s.confidence) for s in segments_of(labelling)] == [
        ("author", "Smith, J.", 0.75), ("title", "Title.", 0.25)]


@pytest.mark.parametrize("text, rest, et_al", [
    ("In: Smith J, Jones K (eds.).", "Smith J, Jones K", False),
    ("Edited by Ana Lopez, editors.", "Ana Lopez", False),
    ("Smith J, Jones K, et al.", "Smith J, Jones K", True),
    ("Dirac P", "Dirac P", False),  # "dir" inside a name is no mark
    ("Mark Edson", "Mark Edson", False),
    ("Clem, Ralph S., Martin Greenberg, and", "Clem, Ralph S., Martin Greenberg", False),  # the next name labelled elsewhere
])
def test_editor_marks_are_taken_off_either_end_only(text, rest, et_al):
    assert strip_marks(text) == (rest, et_al)


def test_a_long_author_list_keeps_its_last_mark_off():
    names = ", ".join(f"Family{chr(65 + i)} {chr(65 + i)}" for i in range(20))
    people = split_persons(names + ", editors.").authors
    assert len(people) == 20 and people[-1].family == "FamilyT"


def test_context_features_count_sentences_years_quotes_and_parentheses():
    rows = context_features(["Smith", "J.", "(2001).", "“A", "title.”", "Journal.", "12."])
    assert rows[0] == ("sent=0", "left=3", "yearahead")  # "(2001).", "title.”" and "Journal." end sentences
    assert rows[3][:2] == ("sent=1", "yearseen") and "inq" in rows[4] and "inq" not in rows[3]
    assert rows[5][0] == "sent=2" and rows[6] == ("sent=3", "yearseen", "left=0")


def test_features_are_plain_strings_one_row_per_token():
    rows = sequence_features("Smith J. A title. J Test. 2001;12:45-67.".split())
    assert len(rows) == 7 and all(isinstance(f, str) for row in rows for f in row)
