"""The reference labeller's training data: seed gold as segments, rendered CSL strings."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from litgraph.parse.training import LABELS, TrainingSequence
from litgraph.parse.training.gold import GOLD_DIR, gold_sequence, gold_sequences

ROOT = Path(__file__).resolve().parent.parent


def test_gold_record_aligns_each_field_to_its_tokens():
    record = {"raw": "Bach, S, Della Rocca, G (2000) The management strategies of public service "
                     "employers in Europe. Industrial Relations Journal, 31: 8296.",
              "type": "journal-article", "authors": [{"family": "Bach", "given": "S"},
                                                     {"family": "Della Rocca", "given": "G"}],
              "year": 2000, "title": "The management strategies of public service employers in Europe",
              "container": "Industrial Relations Journal", "volume": "31", "first_page": "82",
              "last_page": "96"}
    assert gold_sequence(record, "seed").segments == (
        ("author", "Bach, S, Della Rocca, G"), ("date", "(2000)"),
        ("title", "The management strategies of public service employers in Europe."),
        ("journal", "Industrial Relations Journal,"), ("volume", "31:"), ("pages", "8296."))


def test_gold_corporate_report_keeps_publisher_apart_from_the_same_named_author():
    record = {"raw": "Department of Health: Mental health: new ways of working. 2007, London: Department of Health",
              "type": "report", "authors": [{"literal": "Department of Health"}], "year": 2007,
              "title": "Mental health: new ways of working", "publisher": "Department of Health", "place": "London"}
    assert gold_sequence(record, "seed").segments == (
        ("author", "Department of Health:"), ("title", "Mental health: new ways of working."),
        ("date", "2007,"), ("location", "London:"), ("publisher", "Department of Health"))


def test_gold_line_break_hyphen_in_a_family_name_still_aligns_as_author():
    record = {"raw": "Coatsworth- Puspoky, R (2006). Peer support. J Psych, 13, 490497.",
              "type": "journal-article", "authors": [{"family": "Coatsworth-Puspoky", "given": "R"}],
              "year": 2006, "title": "Peer support", "container": "J Psych", "volume": "13", "first_page": "490"}
    assert gold_sequence(record, "seed").segments[0] == ("author", "Coatsworth- Puspoky, R")


def test_every_seed_gold_string_is_kept_whole_and_every_token_labelled():
    sequences = list(gold_sequences())
    raws = [json.loads(line)["raw"] for path in sorted(GOLD_DIR.glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(sequences) == len(raws) > 100
    for sequence, raw in zip(sequences, raws):
        assert sequence.text == " ".join(raw.split())
        assert all(label in LABELS for _, label in sequence.tokens())
    notes = sum(label == "note" for s in sequences for _, label in s.tokens())
    assert notes < 20  # only what no gold field holds: "in press", "[Epub ahead of print]", a doubled title


# --- rendered strings (the GIANT method) --------------------------------------------------

ARTICLE = {"id": "a", "type": "article-journal", "issued": {"date-parts": [[2001]]},
           "author": [{"family": "Smith", "given": "John A."}, {"family": "Jones", "given": "K."}],
           "title": "Peer support for adults: a qualitative study", "container-title": "Journal of Mental Health",
           "volume": "12", "issue": "3", "page": "45-67", "DOI": "10.1000/xyz.12"}
CHAPTER = {"id": "c", "type": "chapter", "issued": {"date-parts": [[2010]]}, "title": "Peer support in practice",
           "author": [{"family": "Dupont", "given": "Marie-Claire"}],
           "editor": [{"family": "Smith", "given": "John"}, {"family": "Müller", "given": "Hans"}],
           "container-title": "The handbook of recovery", "publisher": "Oxford University Press",
           "publisher-place": "Oxford", "page": "45-67", "edition": "2"}
REPORT = {"id": "r", "type": "report", "issued": {"date-parts": [[2011]]}, "title": "No health without mental health",
          "author": [{"literal": "Department of Health"}], "publisher": "HMSO", "publisher-place": "London",
          "URL": "https://www.gov.uk/x", "accessed": {"date-parts": [[2020, 3, 5]]}}


def labelled(item, style):
    from litgraph.parse.training.attribute import labelled_sequence
    from litgraph.parse.training.render import render_batch

    return labelled_sequence(render_batch([item], style)[0], item["type"], style, "test").segments


def test_apa_journal_article_gets_the_expected_labels():
    assert labelled(ARTICLE, "apa") == (
        ("author", "Smith, J. A., & Jones, K."), ("date", "(2001)."),
        ("title", "Peer support for adults: a qualitative study."), ("journal", "Journal of Mental Health,"),
        ("volume", "12(3),"), ("pages", "45–67."), ("doi", "https://doi.org/10.1000/xyz.12"))


def test_vancouver_chapter_in_an_edited_book_gets_the_expected_labels():
    assert labelled(CHAPTER, "nlm-citation-sequence") == (
        ("citation-number", "1."), ("author", "Dupont MC."), ("title", "Peer support in practice."),
        ("editor", "In: Smith J, Müller H, editors."), ("container-title", "The handbook of recovery."),
        ("edition", "2nd ed."), ("location", "Oxford:"), ("publisher", "Oxford University Press;"),
        ("date", "2010."), ("pages", "p. 45–67."))


def test_ieee_corporate_report_with_url_gets_the_expected_labels():
    assert labelled(REPORT, "ieee") == (
        ("citation-number", "[1]"), ("author", "Department of Health,"),
        ("title", "“No health without mental health”,"), ("publisher", "HMSO,"), ("location", "London,"),
        ("date", "2011."), ("note", "Accessed: Mar. 05, 2020."), ("medium", "[Online]."), ("note", "Available:"),
        ("url", "https://www.gov.uk/x"))


def test_marks_survive_title_case_and_capitalised_family_names():
    mla = dict(labelled(ARTICLE, "modern-language-association"))
    assert mla["title"] == "“Peer Support for Adults: A Qualitative Study”."
    iso = labelled(CHAPTER, "iso690-author-date-en")
    assert iso[0] == ("author", "DUPONT, Marie-Claire,")
    assert ("editor", "In: SMITH, John and MÜLLER, Hans (eds.),") in iso


def test_seam_punctuation_hidden_by_a_mark_is_aligned_to_the_plain_rendering():
    from litgraph.parse.training.render import Rendered, aligned

    decoded = Rendered("Ng, W.. (2015)", ("author",) * 7 + (None,) * 7)
    assert aligned(decoded, "Ng, W. (2015)").text == "Ng, W. (2015)"
    assert aligned(decoded, "Ng, W. (2016)") is None


def test_at_least_forty_styles_load_across_the_three_families():
    from litgraph.parse.training.styles import FAMILY, usable_styles

    usable = usable_styles()
    assert len(usable) >= 40
    assert {FAMILY[name] for name in usable} == {"author-date", "numeric", "note"}


# --- the generator ----------------------------------------------------------------------------

AUDITED_RUN = """
import sys
opened = []
sys.addaudithook(lambda event, args: opened.append(str(args[0])) if event == "open" and args else None)
from litgraph.parse.training.generate import main
code = main(["--out", sys.argv[1], "--seed", "7", "--count", "400"])
assert not [p for p in opened if "refdata" in p], "read the third-party labelled data"
sys.exit(code)
"""


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """Two runs with the same seed, each under an audit hook that fails on any read of refdata."""
    folder = tmp_path_factory.mktemp("training")
    outputs = []
    for run in ("first", "second"):
        out = folder / f"{run}.jsonl"
        done = subprocess.run([sys.executable, "-c", AUDITED_RUN, str(out)], capture_output=True, text=True,
                              cwd=ROOT, timeout=600)
        assert done.returncode == 0, done.stderr
        outputs.append(out.read_bytes())
    return outputs


def test_same_seed_gives_byte_identical_training_data(generated):
    assert generated[0] == generated[1]
    assert len(generated[0].splitlines()) > 350


def test_every_generated_sequence_is_labelled_consistently_with_its_text(generated):
    for line in generated[0].decode("utf-8").splitlines():
        data = json.loads(line)
        assert list(data) == ["kind", "segments", "style"]
        for label, text in data["segments"]:
            assert label in LABELS
            assert text == text.strip() and text
            assert not any("\ue000" <= ch <= "\ue0ff" for ch in text)
        sequence = TrainingSequence(tuple(map(tuple, data["segments"])), data["style"], data["kind"])
        assert [t for t, _ in sequence.tokens()] == sequence.text.split()


def test_generated_data_covers_forty_styles_and_every_kind(generated):
    rows = [json.loads(line) for line in generated[0].decode("utf-8").splitlines()]
    assert len({r["style"] for r in rows}) >= 40
    assert {"journal-article", "book", "chapter", "report", "thesis", "webpage", "conference-paper"} <= {
        r["kind"] for r in rows}


def test_no_training_module_names_the_third_party_labelled_data():
    package = ROOT / "litgraph" / "parse" / "training"
    for path in package.rglob("*"):
        if path.is_file() and path.suffix in (".py", ".md"):
            text = path.read_text(encoding="utf-8")
            assert "shared/refdata" not in text and "anystyle-core" not in text, path


@pytest.mark.parametrize("module", ["gold", "labels", "render", "attribute", "generate"])
def test_training_module_doctests_pass(module):
    import doctest
    import importlib

    imported = importlib.import_module(f"litgraph.parse.training.{module}")
    assert doctest.testmod(imported).failed == 0


def test_style_that_leaves_an_item_out_does_not_shift_labels_onto_the_next_item():
    from litgraph.parse.training.render import render_batch

    report, article = render_batch([REPORT, ARTICLE], "springer-basic-note")
    assert report is None  # this style prints no entry for a report: dropped and counted
    assert article.text.startswith("Smith JA, Jones K (2001) Peer support for adults")


def test_unwritable_output_is_one_line_exit_2_and_no_file(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    out = blocker / "training.jsonl"
    done = subprocess.run([sys.executable, "-m", "litgraph.parse.training.generate", "--out", str(out),
                           "--count", "5"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and str(out) in done.stderr
    assert "Traceback" not in done.stderr and not out.exists()
