"""Issue 12, fourth round: the open vocabulary and the sciences shapes of the training data,
the label repairs that follow printed punctuation, and the features built once per token."""

from __future__ import annotations

import random

import pytest

from litgraph.parse.crf.data import from_segments
from litgraph.parse.crf.features import readable, sequence_features
from litgraph.parse.crf.repair import islands, quoted_title, repair
from litgraph.parse.crf.synthetic import generate
from litgraph.parse.training import openvocab
from litgraph.parse.training.labels import LABELS


def tokens_labels(*segments: tuple[str, str]) -> tuple[tuple[str, ...], list[str]]:
    tokens, labels = [], []
    for label, text in segments:
        tokens += text.split()
        labels += [label] * len(text.split())
    return tuple(tokens), labels


# --- repairs --------------------------------------------------------------------------------------

def test_quoted_title_ends_at_its_closing_mark_and_the_rest_is_the_container():
    tokens, labels = tokens_labels(("author", "Evarts, John."), ("title", "“The New Musical Notation: A Graphic Art?” Leonardo"),
                                   ("volume", "1,"), ("issue", "no. 4"))
    fixed = quoted_title(tokens, labels)
    assert [t for t, l in zip(tokens, fixed) if l == "title"] == ["“The", "New", "Musical", "Notation:", "A", "Graphic",
                                                                  "Art?”"]
    assert fixed[tokens.index("Leonardo")] == "container-title"


def test_quoted_title_cut_short_by_the_labeller_runs_on_to_its_closing_mark():
    tokens, labels = tokens_labels(("title", "«Effect of Grain Boundary"), ("journal", "Characteristics.»"),
                                   ("journal", "Metallurgical Transactions"), ("volume", "33A"))
    fixed = quoted_title(tokens, labels)
    assert fixed[:5] == ["title"] * 5 and fixed[5] == "journal"


def test_apostrophe_inside_a_word_does_not_close_a_single_quoted_title():
    tokens, labels = tokens_labels(("title", "‘The Children’s Hour and after’,"), ("journal", "Brain"))
    fixed = quoted_title(tokens, list(labels))
    assert fixed == labels


def test_unquoted_title_is_left_alone():
    tokens, labels = tokens_labels(("title", "A plain title."), ("journal", "Brain"))
    assert quoted_title(tokens, list(labels)) == labels


def test_short_island_inside_a_title_joins_it():
    tokens = ("Printing", "Type", "Designs:", "A", "History", "from", "Gutenberg", "to", "2000", "and", "after.")
    labels = ["title"] * 8 + ["date"] + ["title"] * 2
    assert islands(tokens, labels) == ["title"] * 11


def test_unpunctuated_run_inside_a_proceedings_title_joins_it():
    tokens = tuple("In Proceedings of the 1993 ACM SIGMOD Conference, pages 1-9".split())
    labels = ["container-title", "note", "note", "note", "date", "container-title", "container-title",
              "container-title", "pages", "pages"]
    assert islands(tokens, labels)[:8] == ["container-title"] * 8


def test_punctuated_gap_between_two_titles_is_not_joined_when_longer_than_two():
    tokens = tuple("A title. London: Sage, 2001. Another title.".split())
    labels = ["title", "title", "location", "publisher", "date", "title", "title"]
    assert islands(tokens, list(labels)) == labels


def test_doi_between_two_title_runs_is_never_absorbed():
    tokens = ("Title", "doi:10.1/x", "more.")
    labels = ["title", "doi", "title"]
    assert islands(tokens, list(labels)) == labels


def test_repair_keeps_one_label_per_token():
    tokens = tuple("“A quoted title,” Journal 12, 1-9.".split())
    assert len(repair(tokens, ("title",) * 4 + ("volume", "pages"))) == len(tokens)


# --- training data --------------------------------------------------------------------------------

def test_open_vocabulary_is_seeded_and_varied():
    first = [openvocab.open_title(random.Random(4)) for _ in range(3)]
    assert first == [openvocab.open_title(random.Random(4)) for _ in range(3)]
    rng = random.Random(9)
    titles = {openvocab.open_title(rng) for _ in range(300)}
    words = {w.lower().strip(".,:;?()") for t in titles for w in t.split()}
    assert len(titles) > 290 and len(words) > 400


@pytest.mark.parametrize("full, short", [("Journal of Social History", "J. Soc. Hist."),
                                          ("Annals of Botany", "Ann. Bot.")])
def test_journal_abbreviation_cuts_words_as_indexes_do(full, short):
    assert openvocab.abbreviate(full, True) == short


def test_bibtex_plain_glued_locator_reads_back_as_volume_issue_and_pages():
    sequence = from_segments([("journal", "Acta Botanica,"), ("volume", "12(3):45-67,"), ("date", "1993.")])
    assert list(zip(sequence.tokens, sequence.labels))[2:] == [("12", "volume"), ("(3):", "issue"),
                                                                ("45-67,", "pages"), ("1993.", "date")]


def test_sciences_shapes_print_in_proceedings_pages_and_year_last():
    records = [r for r in generate(3000, 11) if r["style"] in ("synthetic:bibtex-plain", "synthetic:engineering")]
    printed = [" ".join(t for _, t in r["segments"]) for r in records]
    assert any(" In Proceedings of " in p and ", pages " in p for p in printed)
    assert any(p.rstrip(".").split()[-1].isdigit() and " pp. " in p for p in printed)
    for record in records:
        assert all(label in LABELS and text.strip() for label, text in record["segments"]), record


# --- features -------------------------------------------------------------------------------------

def test_each_token_sees_its_neighbours_two_either_side_and_padding_at_the_ends():
    rows = readable(sequence_features(["Smith,", "J.", "(2001).", "Title."]))
    assert "-2:none" in rows[0] and "-1:none" in rows[0] and "1:w=j" in rows[0] and "2:w=2001" in rows[0]
    assert "-2:w=j" in rows[3] and "-1:w=2001" in rows[3] and "1:none" in rows[3] and "2:none" in rows[3]
    assert rows[0][-1] == "BOS" and rows[-1][-1] == "EOS"
