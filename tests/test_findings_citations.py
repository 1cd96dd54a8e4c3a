"""In-text citations: extraction of each printed form, resolution statuses, and seed 001 as printed.

The expected problems of seed 001 were checked by hand against the text and
corpus/references/gillard-2014-apt.tsv (see corpus/findings/README.md): all 70
citations name an entry by author and year; three cite a page outside the
pages printed for that entry.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT, run_cli
from litgraph.findings.citations import (
    body_span, extract_citations, parse_citation, resolve_citation)
from litgraph.model import Author, ParsedReference

SEEDS = ROOT.parent / "shared" / "seeds"
APT_TEXT = SEEDS / "001_a5b7357c592c59a7.txt"


def cites(text: str, **kwargs) -> list[tuple[str, str, str | None]]:
    return [(c.author, c.year, c.page) for c in extract_citations(text, **kwargs)]


# --- extraction, one printed form per case ---

@pytest.mark.parametrize("text, expected", [
    ("absence of a clear job description (Kemp 2012).", [("Kemp", "2012", None)]),
    ("mental health system change' has been noted (Moran 2012: p. 309), although",
     [("Moran", "2012", "309")]),
    ("to improve service delivery' (Chinman 2010: p. 185).", [("Chinman", "2010", "185")]),
    ("important facilitator of recovery (Department of Health 2008).",
     [("Department of Health", "2008", None)]),
    ("live well (National Institute for Mental Health in England 2005).",
     [("National Institute for Mental Health in England", "2005", None)]),
    ("Recent research by ourselves and colleagues (Gillard 2014) is indicative",
     [("Gillard", "2014", None)]),
    ("a common experience (Pollitt 2012: p. vii).", [("Pollitt", "2012", "vii")]),
    ("**Coatsworth-Puspoky et al (2006) conducted a qualitative study",
     [("Coatsworth-Puspoky", "2006", None)]),
    ("social isolation. Ochocka and colleagues (2006) found that",
     [("Ochocka", "2006", None)]),
    ("In a study conducted by Ochocka and colleagues (2006), peer providers",
     [("Ochocka", "2006", None)]),
    ("as Mead and MacNeil (2006) argue", [("Mead and MacNeil", "2006", None)]),
    ("as the Department of Health (2009) made the case", [("Department of Health", "2009", None)]),
    ("(Kemp 2012; Gates 2007)", [("Kemp", "2012", None), ("Gates", "2007", None)]),
    ("(see Repper 2011, 2013)", [("Repper", "2011", None), ("Repper", "2013", None)]),
    ("(Repper et al. 2012a, b)", [("Repper", "2012a", None), ("Repper", "2012b", None)]),
    ("(van der Post 2013)", [("van der Post", "2013", None)]),
])
def test_extracts_each_printed_form(text, expected):
    assert cites(text) == expected


@pytest.mark.parametrize("text", [
    "(Box 1)", "(RCT)", "(2 of the trials were partnerships between statutory and peer-led providers)",
    "(those receiving more than ten sessions of peer support)", "(July 2014)", "(in 2009)",
    "the UK Department of Health’s 2011 mental health policy",
    "Published July 2014 DOI: 10.3310/hsdr02190", "Copyright © Cambridge University Press 2014",
])
def test_ignores_what_is_not_a_citation(text):
    assert extract_citations(text) == []


def test_bare_form_only_when_asked():
    text = "A review (see Repper 2011 for details) and Repper 2011 again; Published July 2014."
    assert cites(text) == []
    assert cites(text, bare=True) == [("Repper", "2011", None), ("Repper", "2011", None)]


def test_bare_form_skips_possessives_and_page_furniture():
    text = "the Department of Health’s 2011 policy; NHS 2009/10–2013/14; in June 2013"
    assert cites(text, bare=True) == []


def test_parse_citation_takes_one_citation_in_any_form():
    assert parse_citation("(Moran 2012: p. 309)").page == "309"
    assert parse_citation("Repper 2011").author == "Repper"
    assert parse_citation("Lawn and colleagues (2008)").year == "2008"
    assert parse_citation("(Kemp 2012; Gates 2007)") is None
    assert parse_citation("no citation here") is None


def test_offsets_and_lines_point_at_the_printed_citation():
    text = "First line.\nSecond (Kemp 2012) and\nthird Lawn and colleagues (2008)."
    first, second = extract_citations(text)
    assert (first.line, text[first.offset:first.offset + len(first.text)]) == (2, "Kemp 2012")
    assert (second.line, text[second.offset:second.offset + len(second.text)]) == (
        3, "Lawn and colleagues (2008)")
    assert second.form == "narrative" and first.form == "parenthetical"


def test_body_span_skips_page_furniture_and_the_list():
    text = "Cited by\nSmith (2018) x\nAbstract\nbody (Kemp 2012)\nReferences\nKemp, V (2012) T."
    start, end = body_span(text)
    assert text[start:end].strip() == "Abstract\nbody (Kemp 2012)"
    assert body_span("no headings (Kemp 2012)") == (0, len("no headings (Kemp 2012)"))


# --- resolution against small hand-made lists ---

def ref(*names: str, year: int | None, first_page: str | None = None, last_page: str | None = None):
    authors = tuple(Author(literal=n[1:]) if n.startswith("=") else Author(family=n) for n in names)
    return ParsedReference(raw=" ".join(names), authors=authors, year=year,
                           first_page=first_page, last_page=last_page)


LIST = {
    1: ref("Kemp", "Henderson", year=2012, first_page="337", last_page="340"),
    2: ref("Davidson", "Chinman", year=2006),
    3: ref("Davidson", "Bellamy", year=2012),
    4: ref("=Department of Health", year=2008),
    5: ref("=Department of Health", year=2009),
    6: ref("Repper", "Carter", year=2011),
    7: ref("Repper", "Watson", year=2011),
    8: ref("Seebohm", "Munn-Giddings", year=2010),
    9: ref("Coatsworth-Puspoky", "Forchuk", year=2006),
    10: ref("Moran", "Russinova", year=2012, first_page="111"),
    11: ref("Mead", "MacNeil", year=2006, first_page="29", last_page="37"),
    12: ref("Rothbard", year=2007),
}


def resolve(text: str):
    citation = parse_citation(text)
    assert citation is not None, text
    return resolve_citation(citation, LIST)


@pytest.mark.parametrize("text, status, positions", [
    ("(Kemp 2012)", "resolved", (1,)),
    ("(Kemp 2012: p. 338)", "resolved", (1,)),
    ("(Davidson 2012)", "resolved", (3,)),
    ("(Department of Health 2009)", "resolved", (5,)),
    ("Coatsworth-Puspoky et al (2006)", "resolved", (9,)),
    ("(Coatsworth Puspoky 2006)", "resolved", (9,)),
    ("Mead and MacNeil (2006)", "resolved", (11,)),
    ("(Moran 2012: p. 5)", "resolved", (10,)),
    ("(Repper 2011)", "ambiguous", (6, 7)),
    ("(Nadler 1980)", "unresolved", ()),
    ("(Department of Health 2010)", "mismatch", (4, 5)),
    ("(Davidson 2007)", "mismatch", (2, 3)),
    ("(Munn-Giddings 2010)", "mismatch", (8,)),
    ("(Rothband 2007)", "mismatch", (12,)),
    ("(Kemp 2012: p. 185)", "mismatch", (1,)),
    ("(Moran 2012: p. 309)", "mismatch", (10,)),
    ("(Mead 2006: p. 4)", "mismatch", (11,)),
])
def test_resolution_statuses(text, status, positions):
    resolution = resolve(text)
    assert (resolution.status, resolution.positions) == (status, positions), resolution.reason


def test_mismatch_reasons_say_what_differs():
    assert "other years: 2008 (entry 4), 2009 (entry 5)" in resolve("(Department of Health 2010)").reason
    assert "co-author, not first author, of entry 8" in resolve("(Munn-Giddings 2010)").reason
    assert "Rothbard (entry 12)" in resolve("(Rothband 2007)").reason
    assert "outside the entry's pages 337–340" in resolve("(Kemp 2012: p. 185)").reason
    assert "printed 111 (or 1–11" in resolve("(Moran 2012: p. 309)").reason


# --- seed 001 as printed ---

@pytest.fixture(scope="module")
def apt_resolutions():
    if not APT_TEXT.is_file():
        pytest.skip(f"seed text not present: {APT_TEXT}")
    from litgraph.findings.citations import check_text
    from litgraph.parse import parse_reference, split_position

    entries = {}
    for line in (ROOT / "corpus/references/gillard-2014-apt.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            position, raw = split_position(line)
            entries[position] = parse_reference(raw)
    return check_text(APT_TEXT.read_text(encoding="utf-8"), entries), entries


# Hand-checked: (line in the seed text, citation as printed, status, entries).
APT_EXPECTED_PROBLEMS = [
    (98, "Mead 2006: p. 4", "mismatch", (28,)),        # entry 28 pages 29-37 ('2937')
    (170, "Chinman 2010: p. 185", "mismatch", (3,)),   # entry 3 pages 269-77
    (218, "Moran 2012: p. 309", "mismatch", (31,)),    # entry 31 pages '111' (1-11)
]


def test_apt_problems_equal_the_hand_checked_list(apt_resolutions):
    resolutions, _ = apt_resolutions
    problems = [(r.citation.line, r.citation.text, r.status, r.positions)
                for r in resolutions if r.status != "resolved"]
    assert problems == APT_EXPECTED_PROBLEMS


def test_apt_every_citation_found_and_every_entry_cited(apt_resolutions):
    resolutions, entries = apt_resolutions
    assert len(resolutions) == 70
    assert sum(r.citation.form == "narrative" for r in resolutions) == 5
    assert {r.positions[0] for r in resolutions} == set(entries)


def test_cli_check_reports_the_apt_problems_and_exits_0():
    if not APT_TEXT.is_file():
        pytest.skip(f"seed text not present: {APT_TEXT}")
    result = run_cli("findings", "check", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [(r["paper"], r["line"], r["citation"], r["status"], r["entries"]) for r in rows] == [
        ("gillard-2014-apt", line, text, status, list(entries))
        for line, text, status, entries in APT_EXPECTED_PROBLEMS]
    every = json.loads(run_cli("findings", "check", "--all", "--format", "json").stdout)
    assert len(every) == 70


def test_cli_check_missing_seed_text_is_exit_2(tmp_path: Path):
    result = run_cli("findings", "check", "--source-root", str(tmp_path))
    assert result.returncode == 2
    assert "seed text not found" in result.stderr and "Traceback" not in result.stderr


def test_docstring_examples_run():
    import doctest

    import litgraph.findings.citations as module

    assert doctest.testmod(module).failed == 0
