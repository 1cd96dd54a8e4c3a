"""Issue 12, fifth round: the faster reading of author lists, features and segments, which must read
exactly what the slower code read, and the repairs added with it."""

from __future__ import annotations

import pytest

from litgraph.parse.crf.features import context_features, readable, sequence_features
from litgraph.parse.crf.fields import segments_of
from litgraph.parse.crf.labeller import Labelling
from litgraph.parse.crf.marks import Labels, first_run, run_number, runs_of
from litgraph.parse.crf.persons import split_persons, strip_marks
from litgraph.parse.crf.repair import title_edges


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
    assert list(runs_of(labels)) == runs


@pytest.mark.parametrize("write", [
    lambda labels: labels.__setitem__(1, "b"),
    lambda labels: labels.__setitem__(slice(0, 2), ["b", "b"]),
    lambda labels: labels.append("c"),
    lambda labels: labels.extend(["c"]),
    lambda labels: labels.insert(0, "c"),
    lambda labels: labels.pop(),
    lambda labels: labels.remove("a"),
    lambda labels: labels.__delitem__(0),
    lambda labels: labels.reverse(),
    lambda labels: labels.sort(),
    lambda labels: labels.clear(),
    lambda labels: labels.__iadd__(["c"]),
])
def test_labels_keep_their_runs_only_until_written(write):
    labels = Labels(["a", "a", "b"])
    kept = runs_of(labels)
    assert runs_of(labels) is kept  # asked again, not counted again
    write(labels)
    assert runs_of(labels) == runs_of(list(labels))


@pytest.mark.parametrize("labels", [["a", "a", "b", "a", "c"], Labels(["a", "a", "b", "a", "c"])])
def test_the_first_run_of_a_label_and_its_place(labels):
    assert run_number(labels, "a") == 0 and run_number(labels, "b") == 1 and run_number(labels, "c") == 3
    assert first_run(labels, "c") == ("c", 4, 5) and first_run(labels, "z") is None and run_number(labels, "z") is None


def test_a_labels_first_runs_follow_a_write():
    labels = Labels(["a", "b", "b"])
    assert first_run(labels, "b") == ("b", 1, 3)
    labels[0] = "b"
    assert first_run(labels, "b") == ("b", 0, 3) and first_run(labels, "a") is None


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
    rows = readable(context_features(["Smith", "J.", "(2001).", "“A", "title.”", "Journal.", "12."]))
    assert rows[0] == ("sent=0", "left=3", "yearahead")  # "(2001).", "title.”" and "Journal." end sentences
    assert rows[3][:2] == ("sent=1", "yearseen") and "inq" in rows[4] and "inq" not in rows[3]
    assert rows[5][0] == "sent=2" and rows[6] == ("sent=3", "yearseen", "left=0")


def test_features_are_utf8_byte_strings_one_row_per_token():
    rows = sequence_features("Smith J. Á title. J Test. 2001;12:45-67.".split())
    assert len(rows) == 7 and all(isinstance(f, bytes) for row in rows for f in row)
    assert "w=á" in readable(rows)[2]
