"""`litgraph refs split`: reference sections copied from PDFs and web pages -> the corpus's one-entry-per-line lists.

Measured on the seed captures in ../shared/seeds/ against the curated lists
(corpus/references/*.tsv, 158 entries): as captured, and re-wrapped the way a
PDF breaks lines (textwrap, which also breaks after hyphens).
"""

from __future__ import annotations

import re
import textwrap

import pytest

from conftest import ROOT, run_cli

SEEDS = ROOT.parent / "shared" / "seeds"
# seed -> (heading line, the line after the section (None: the end), curated list)
SECTIONS = {"000": ("Literature", "Metadata", "gillard-2013-bmchsr"),
            "001": ("References", None, "gillard-2014-apt"),
            "003": ("References", "Supplementary material: File", "gillard-2015-eps")}
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"the seed captures are not at {SEEDS}")


def section(seed: str) -> str:
    start, end, _ = SECTIONS[seed]
    lines = next(SEEDS.glob(f"{seed}_*.txt")).read_text(encoding="utf-8").split("\n")
    return "\n".join(lines[lines.index(start): lines.index(end) if end else len(lines)])


def curated(seed: str) -> list[tuple[int, str]]:
    path = ROOT / "corpus" / "references" / f"{SECTIONS[seed][2]}.tsv"
    rows = [line.split("\t", 1) for line in path.read_text(encoding="utf-8").split("\n")
            if line.strip() and not line.startswith("#")]
    return [(int(p), norm(t)) for p, t in rows]


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def matches(width: int | None) -> tuple[int, int]:
    from litgraph.sections import split_section

    found = total = 0
    for seed in SECTIONS:
        text = section(seed)
        if width:
            text = "\n".join(w for line in text.split("\n") for w in (textwrap.wrap(line, width) or [""]))
        got = {e.position: norm(e.text) for e in split_section(text).entries}
        found += sum(got.get(p) == t for p, t in curated(seed))
        total += len(curated(seed))
    return found, total


@needs_seeds
@pytest.mark.parametrize("width,floor", [(None, 158), (72, 158), (64, 158), (55, 157), (50, 140)])
def test_split_reproduces_the_curated_seed_lists(width, floor):
    found, total = matches(width)
    print(f"refs split, seed captures{f' wrapped at {width} columns' if width else ''}: "
          f"{found} of {total} curated entries match exactly")
    assert total == 158 and found >= floor


@needs_seeds
def test_seed_000_doubled_entries_kept_once_and_missing_number_24_flagged():
    from litgraph.sections import split_section

    result = split_section(section("000"))
    assert result.numbered and [e.position for e in result.entries] == [p for p, _ in curated("000")]
    assert [d.reason for d in result.doubts] == ["number 24 is not printed (after 23, 25)"]


def test_line_break_hyphens_dropped_real_hyphens_kept():
    from litgraph.sections import split_section

    text = ("Lawn, S (2008). Peer support and organi-\nsation: a peer-\nled group in Ward-\nGriffin's unit,\n"
            "2004-\n2006, and a quasi-\nexperimental self-\nhelp study. J 17, 498.\n")
    assert split_section(text).entries[0].text == (
        "Lawn, S (2008). Peer support and organisation: a peer-led group in Ward-Griffin's unit, 2004-2006, "
        "and a quasi-experimental self-help study. J 17, 498.")


def test_hyphenated_word_printed_elsewhere_keeps_its_hyphen():
    from litgraph.sections import split_section

    text = "Bach, S (2000). Case-mix in mental health. J 1, 2.\nKemp, V (2012). The mental case-\nmix. J 3, 4.\n"
    assert split_section(text).entries[1].text == "Kemp, V (2012). The mental case-mix. J 3, 4."


def test_numbered_styles_and_link_labels():
    from litgraph.sections import split_section

    text = ("[1] Sells DL: A title. J. 2006, 57: 1-2.\nCrossRef\nPubMed\n[2] Lawn S: Another.\nJ. 2008.Google Scholar\n"
            "3. Min S: Third. J. 2007.\nArticle\n4 Resnick SG: Fourth. J. 2008.\n")
    result = split_section(text)
    assert [(e.position, e.text) for e in result.entries] == [
        (1, "Sells DL: A title. J. 2006, 57: 1-2."), (2, "Lawn S: Another. J. 2008."),
        (3, "Min S: Third. J. 2007."), (4, "Resnick SG: Fourth. J. 2008.")]


def test_doubtful_boundary_is_flagged_with_its_line():
    from litgraph.sections import split_section

    text = "Bach, S (2000). A title about\nBerry, C and friends. J 1, 2.\nKemp, V (2012). Other. J 3, 4.\n"
    result = split_section(text)
    assert len(result.entries) == 2
    assert [d.line for d in result.doubts] == [2] and "does not end like one" in result.doubts[0].reason


def test_cli_writes_the_corpus_list_format_and_reports_counts(tmp_path):
    source = tmp_path / "copied.txt"
    source.write_text("References\n\n1.\ngo back to reference Sells DL: A. J. 2006.CrossRef Sells DL: A. J. 2006.CrossRef\n"
                      "2.\ngo back to reference Lawn S: B. J. 2008. Lawn S: B. J. 2008.\n", encoding="utf-8")
    out = tmp_path / "list.tsv"
    result = run_cli("refs", "split", str(source), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8") == "1\tSells DL: A. J. 2006.\n2\tLawn S: B. J. 2008.\n"
    assert "2 entries found (numbered list)" in result.stderr
    piped = run_cli("refs", "split", "-", input=source.read_text(encoding="utf-8"))
    assert piped.stdout == out.read_text(encoding="utf-8")


def test_cli_unreadable_input_is_one_line_exit_2(tmp_path):
    missing = run_cli("refs", "split", str(tmp_path / "nope.txt"))
    assert missing.returncode == 2 and len(missing.stderr.strip().splitlines()) == 1
    binary = tmp_path / "latin.txt"
    binary.write_bytes(b"Bach, S\n\xfc\n")
    bad = run_cli("refs", "split", str(binary))
    assert bad.returncode == 2 and f"{binary}:2: not UTF-8" in bad.stderr
