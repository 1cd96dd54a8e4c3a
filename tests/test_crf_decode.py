"""The labeller's own reading of the model file and its batched decoder (crf/model.py, scores.py,
decode.py) against CRFsuite's tagger, which `make model` trains with: the same labels, the same
marginals, for one string and for a list, and clear errors for files that are not a model."""

from __future__ import annotations

import random

import pycrfsuite
import pytest

from litgraph.parse.crf.features import context_codes, context_features, sequence_features
from litgraph.parse.crf.labeller import label_tokens, label_texts
from litgraph.parse.crf.model import DEFAULT_MODEL, ModelError, load_weights, read_model
from litgraph.parse.crf.scores import TokenTable, state_scores
from litgraph.parse.crf.synthetic import generate
from litgraph.parse.crf.tokens import head_and_tail
from litgraph.parse.evaluate import load_gold
from litgraph.parse.accuracy import ROOT


def seed_strings() -> list[str]:
    return [record["raw"] for record in load_gold(sorted((ROOT / "tests/gold/refs").glob("*.jsonl")))]


def synthetic_strings(count: int) -> list[str]:
    return [" ".join(text for _, text in record["segments"]) for record in generate(count, 11)]


@pytest.fixture(scope="module")
def tagger():
    tagger = pycrfsuite.Tagger()
    tagger.open(str(DEFAULT_MODEL))
    return tagger


@pytest.fixture(scope="module")
def sequences() -> list[list[str]]:
    texts = seed_strings() + synthetic_strings(400) + ["Smith", "A. B.", "(2001)"]  # one- and two-token strings too
    return [tokens for tokens in (head_and_tail(text)[0] for text in texts) if tokens]


def test_the_model_file_is_read_as_crfsuite_reads_it(tagger):
    weights = load_weights(DEFAULT_MODEL)
    assert list(weights.labels) == tagger.labels()
    dump = tagger.info()
    assert len(weights.attributes) == len(dump.attributes)
    for (attribute, label), weight in random.Random(3).sample(sorted(dump.state_features.items()), 500):
        row = weights.attributes[attribute.encode()]
        assert weights.state[row, weights.labels.index(label)] == pytest.approx(weight, abs=1e-6)  # dump: 6 places
    for (source, target), weight in dump.transitions.items():
        assert weights.transitions[weights.labels.index(source), weights.labels.index(target)] == pytest.approx(
            weight, abs=1e-6)


def test_labels_and_marginals_equal_the_crfsuite_taggers(tagger, sequences):
    found = label_tokens(load_weights(DEFAULT_MODEL), sequences)
    for tokens, (labels, marginals) in zip(sequences, found):
        expected = tagger.tag(sequence_features(tokens))
        assert list(labels) == expected, tokens
        assert marginals == pytest.approx([tagger.marginal(label, i) for i, label in enumerate(expected)], abs=1e-9)


def test_scores_are_the_sums_of_each_tokens_feature_weights(sequences):
    """The per-token and per-context rows add up to what the features of `sequence_features` weigh."""
    weights = load_weights(DEFAULT_MODEL)
    picked = sequences[:40]
    scores = state_scores(weights, picked)
    row = 0
    for tokens in picked:
        for features in sequence_features(tokens):
            ids = [weights.attributes[f] for f in features if f in weights.attributes]
            assert scores[row] == pytest.approx(weights.state[ids].sum(axis=0), abs=1e-9)
            row += 1
    assert row == len(scores)


def test_a_list_is_labelled_as_each_string_alone():
    """The same labels exactly; the marginals to the last bits (BLAS may sum a batch in another order)."""
    texts = seed_strings()[:30] + ["", "x" * 50]
    alone = [label_texts([text])[0] for text in texts]
    together = label_texts(texts)
    assert [(one.tokens, one.labels, one.overflow) for one in together] == [
        (one.tokens, one.labels, one.overflow) for one in alone]
    for one, other in zip(together, alone):
        assert one.marginals == pytest.approx(other.marginals, abs=1e-12)
    assert alone[-2].tokens == () and alone[-1].tokens == ("x" * 50,)


def test_a_full_token_table_starts_again_and_scores_the_same():
    from litgraph.parse.crf.features import state_code

    weights = load_weights(DEFAULT_MODEL)
    small = TokenTable(weights, capacity=8)
    tokens = "Smith J. A title of some length. J Test. 2001;12:45-67.".split()
    rows = small.ids(tokens)
    first = small.rows[rows].copy()
    again = small.ids(["other", "words", "now"] + tokens)  # more than 8 distinct: the table starts again
    assert len(small.index) <= len(tokens) + 3
    assert (small.rows[again[3:]] == first).all()
    assert small.states[again].tolist() == [state_code(token) for token in ["other", "words", "now"] + tokens]


def test_context_codes_are_the_context_features():
    tokens = 'Smith, J. (2001). "A quoted (title." Journal, 12(3), 45-67. Available 2003.'.split()
    assert [len(row) for row in context_features(tokens)] == [len(row) for row in map(row_of, context_codes(tokens))]
    assert context_features(tokens) == [row_of(code) for code in context_codes(tokens)]


def test_a_batchs_context_codes_are_each_strings(sequences):
    """scores.context_code_array (numpy, a batch at once) against features.context_codes (one string)."""
    import numpy as np

    from litgraph.parse.crf.features import state_code
    from litgraph.parse.crf.scores import context_code_array

    odd = ['" x " y "z', "((a) b)) c ( d", '"', "“a” “b c” d", "‘x’ (a (b (c) ((((", "Smith. Jones. 2001. 2002 x."]
    picked = sequences + [text.split() for text in odd]
    flat = [token for tokens in picked for token in tokens]
    found = context_code_array(np.fromiter(map(state_code, flat), np.int64, len(flat)),
                               np.array([len(tokens) for tokens in picked]))
    assert found.tolist() == [code for tokens in picked for code in context_codes(tokens)]


def row_of(code: int) -> tuple[bytes, ...]:
    from litgraph.parse.crf.features import AHEAD, CONTEXTS

    return CONTEXTS[code // 64, bool(code & 32), bool(code & 16), bool(code & 8)] + AHEAD[(code & 7) >> 1, bool(code & 1)]


@pytest.mark.parametrize("damage", [
    lambda data: data[:1000],                           # cut short
    lambda data: b"XXXX" + data[4:],                    # no magic
    lambda data: data[:56] + b"\xff" * 4 + data[60:],   # the feature count overwritten
    lambda data: data[:60] + b"\xff" * 8 + data[68:],   # the first feature's type and attribute overwritten
    lambda data: b"",
], ids=["cut-short", "no-magic", "bad-feature-count", "bad-feature", "empty"])
def test_a_damaged_model_file_is_a_model_error_naming_the_file(tmp_path, damage):
    bad = tmp_path / "bad.crfsuite"
    bad.write_bytes(damage(DEFAULT_MODEL.read_bytes()))
    with pytest.raises(ModelError, match="bad.crfsuite.*make model"):
        load_weights(bad)


def test_read_model_refuses_a_dictionary_entry_out_of_place():
    data = bytearray(DEFAULT_MODEL.read_bytes())
    weights = read_model(DEFAULT_MODEL, bytes(data))
    assert weights.labels[0] == "author"
    at_labels = int.from_bytes(data[36:40], "little")
    backward = int.from_bytes(data[at_labels + 20:at_labels + 24], "little")
    first = int.from_bytes(data[at_labels + backward:at_labels + backward + 4], "little")
    data[at_labels + first:at_labels + first + 4] = (7).to_bytes(4, "little")  # label 0's record says it is 7
    with pytest.raises(ValueError, match="out of place"):
        read_model(DEFAULT_MODEL, bytes(data))


def test_parsing_a_list_makes_no_reference_cycles_to_collect():
    """explain_references pauses the cyclic collector while it parses (reference.collection_paused):
    that is only safe while parsing leaves nothing for it to collect."""
    import gc

    from litgraph.parse.reference import parse_references

    texts = seed_strings() + synthetic_strings(200) + ["", "\x00\x01\x02" * 20, "x" * 5000]
    parse_references(texts[:5])
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        parse_references(texts)
        assert gc.collect() == 0
    finally:
        if was:
            gc.enable()
    assert gc.isenabled() == was


def test_blocks_hold_references_of_similar_length():
    """At most BLOCK references a block, none as short as half its first (its arrays' length)."""
    import numpy as np

    from litgraph.parse.crf.decode import BLOCK, blocks

    sizes = np.array([400, 60, 60, 59, 30, 29, 3, 2, 1, 1])
    assert blocks(sizes) == [(0, 1), (1, 4), (4, 6), (6, 8), (8, 10)]
    assert blocks(np.array([5] * (BLOCK * 2 + 3))) == [(0, BLOCK), (BLOCK, 2 * BLOCK), (2 * BLOCK, 2 * BLOCK + 3)]


def test_a_long_string_among_short_ones_is_labelled_as_alone(tagger):
    texts = ["Smith J. " * 150] + synthetic_strings(30)
    sequences = [head_and_tail(text)[0] for text in texts]
    together = label_tokens(load_weights(DEFAULT_MODEL), sequences)
    for tokens, (labels, _) in zip(sequences, together):
        assert list(labels) == tagger.tag(sequence_features(tokens)), tokens[:5]
