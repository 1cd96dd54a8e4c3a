"""Issue 17's defects, each with the test named for it: et al., given names, '& others', order, spacing,
style names, BibTeX capitals, specials, Unicode and biblatex."""

from __future__ import annotations

import json
import shutil

import bibtexparser
from conftest import ROOT, run_cli

from litgraph.cite.bibtex import protect_title, write_bibtex
from litgraph.cite.item import CiteItem
from litgraph.cite.styled import format_entries
from litgraph.model import Author

APT = "10.1192/apt.bp.113.011940"
BMC = "10.1186/1472-6963-13-188"
CREAMER = "creamer2012guidelines"  # printed "Creamer, MC, Varker, T, Bisson, J et al (2012)" in 001
SELLS = "sells2006treatment"       # printed with all five authors
GRIMSHAW = CiteItem(key="grimshaw2001changes", work="w", type="journal-article",
                    title="Changes in skills-mix and pay determination among the nursing workforce in the UK",
                    authors=(Author("Grimshaw", "D"),), year=1999, container="Work, Employment & Society")


def cite(seed_build, *args):
    result = run_cli("cite", *args, "--build-dir", str(seed_build["build"]))
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_et_al_is_not_dropped_in_any_format(seed_build):
    assert "Bisson, J., et al. (2012)" in cite(seed_build, "--work", CREAMER, "--style", "apa")
    assert "Creamer MC, Varker T, Bisson J, et al. Guidelines" in cite(seed_build, "--work", CREAMER,
                                                                       "--style", "vancouver")
    assert "Bisson, J. and others}" in cite(seed_build, "--work", CREAMER, "--format", "bibtex")
    assert "AU  - Bisson, J.\nAU  - others\n" in cite(seed_build, "--work", CREAMER, "--format", "ris")
    item = json.loads(cite(seed_build, "--work", CREAMER, "--format", "csl-json"))[0]
    assert len(item["author"]) == 3 and item["custom"] == {"et-al": True}


def test_and_others_only_where_the_source_had_it(seed_build):
    assert "others" not in cite(seed_build, "--work", SELLS, "--format", "bibtex")
    assert "others" not in cite(seed_build, "--work", SELLS, "--format", "ris")
    assert "custom" not in json.loads(cite(seed_build, "--work", SELLS, "--format", "csl-json"))[0]
    assert "et al" not in cite(seed_build, "--work", SELLS, "--style", "apa")


def test_apa_prints_et_al_not_and_others(seed_build):
    text = cite(seed_build, "--paper", APT, "--style", "apa")
    assert "& others" not in text and "others" not in text.replace("Others", "")
    assert text.count("et al.") >= 5


def test_library_and_others_is_read_as_et_al_not_as_an_author():
    from litgraph.libraries import parse_bibtex_entry

    parsed = parse_bibtex_entry("@article{k, author={Creamer, Mark and Varker, Tracey and others}, title={T}}")
    assert [a.family for a in parsed.authors] == ["Creamer", "Varker"] and parsed.et_al


def test_full_given_names_from_an_imported_library_are_kept(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    (corpus / "libraries").mkdir(exist_ok=True)
    (corpus / "libraries" / "mine.bib").write_text(
        "@article{RepperCarter2011, author = {Repper, Julie and Carter, Tim},\n"
        "  title = {A review of the literature on peer support in mental health services},\n"
        "  journal = {Journal of Mental Health}, year = {2011}, doi = {10.3109/09638237.2011.583947}}\n")
    assert run_cli("build", "--corpus", str(corpus), "--build-dir", str(tmp_path / "b")).returncode == 0
    out = run_cli("cite", "--work", "RepperCarter2011", "--format", "bibtex", "--build-dir", str(tmp_path / "b"))
    assert "author = {Repper, Julie and Carter, Tim}" in out.stdout, out.stdout + out.stderr
    # chicago's bibliography says initialize="false": citeproc-js prints the names whole (citeproc_fixes.py)
    chicago = run_cli("cite", "--work", "RepperCarter2011", "--style", "chicago", "--build-dir", str(tmp_path / "b"))
    assert chicago.stdout.startswith("Repper, Julie, and Tim Carter. 2011."), chicago.stdout


def test_author_date_style_is_alphabetical_by_default(seed_build):
    lines = cite(seed_build, "--paper", BMC, "--style", "apa").splitlines()
    families = [line.split(",")[0] for line in lines if line.strip()]
    assert families[:3] == ["Adams", "Bach", "Bellemare"]
    assert families == sorted(families, key=str.lower)


def test_numeric_style_keeps_citation_order_by_default(seed_build):
    lines = cite(seed_build, "--paper", BMC, "--style", "vancouver").splitlines()
    assert lines[0].startswith("1. Sells DL") and lines[1].startswith("2. Lawn S")


def test_sort_overrides_the_style_order(seed_build):
    printed = cite(seed_build, "--paper", BMC, "--style", "apa", "--sort", "printed").splitlines()
    assert printed[0].startswith("Sells, D. L.")
    alpha = cite(seed_build, "--paper", BMC, "--style", "vancouver", "--sort", "alpha").splitlines()
    assert alpha[0].startswith("1. Adams A") and alpha[1].startswith("2. Bach S")


def test_space_after_the_number_in_numbered_styles(seed_build):
    # 000 prints "Turner R", 001 "Turner, RH": the work keeps the fuller initials
    for style, first in (("vancouver", "17. Turner RH."), ("ama", "17. Turner RH."), ("nature", "17. Turner, R. H."),
                         ("ieee", "[17] R. H. Turner")):
        lines = cite(seed_build, "--paper", BMC, "--style", style).splitlines()
        assert lines[16].startswith(first), (style, lines[16])
    html = cite(seed_build, "--paper", BMC, "--style", "vancouver", "--format", "html")
    assert '<div class="csl-left-margin">17.</div><div class="csl-right-inline">Turner RH.' in html


def test_vancouver_and_other_common_names_resolve(seed_build):
    from litgraph.cite.styles import ALIASES, resolve_style, style_names

    assert resolve_style("vancouver") == "nlm-citation-sequence"
    assert all(target in style_names() for target in ALIASES.values())
    for name in ("vancouver", "apa", "harvard", "chicago", "nature", "ama", "mla", "ieee"):
        assert "Sells" in cite(seed_build, "--work", SELLS, "--style", name), name


def test_cite_styles_lists_what_is_installed_and_style_list_still_works():
    listing = run_cli("cite", "--styles")
    assert listing.returncode == 0 and "vancouver  -> nlm-citation-sequence" in listing.stdout
    assert "\nbiomed-central\n" in listing.stdout and "\nsage-vancouver\n" in listing.stdout
    assert run_cli("cite", "--style", "list").stdout == listing.stdout


def test_bibtex_titles_protect_capitals_uk_and_delphi(seed_build):
    assert "using the {Delphi} method" in cite(seed_build, "--work", CREAMER, "--format", "bibtex")
    assert protect_title(GRIMSHAW.title).endswith("workforce in the {UK}")
    assert protect_title("Peer support in the NHS: Lessons from Australia") == \
        "Peer support in the {NHS}: Lessons from {Australia}"
    assert protect_title("McDonald and iPhone users") == "{McDonald} and {iPhone} users"


def test_bibtex_escapes_latex_specials():
    item = CiteItem(key="k", work="w", type="report", title="50% of R&D_costs: $5 #1 {x} ~ ^ \\",
                    authors=(Author(literal="Smith & Sons"),), year=2020, publisher="A&B")
    text = write_bibtex([item])
    assert r"title = {50\% of {R\&D\_costs}: \$5 \#1 \{x\} \textasciitilde{} \textasciicircum{} \textbackslash{}}" \
        in text
    assert r"author = {{Smith \& Sons}}" in text and r"institution = {A\&B}" in text


def test_bibtex_keeps_unicode_and_ascii_converts():
    item = CiteItem(key="k", work="w", type="journal-article", title="Schäm dich", year=2014,
                    authors=(Author("Rüsch", "Nicolas"),), container="Psychiatrische Praxis")
    assert "Rüsch, Nicolas" in write_bibtex([item]) and "Schäm" in write_bibtex([item])
    ascii = write_bibtex([item], ascii=True)
    assert ascii.isascii() and 'R{\\"u}sch, Nicolas' in ascii


def test_biblatex_writes_journaltitle_and_date(seed_build):
    text = cite(seed_build, "--work", SELLS, "--format", "bibtex", "--biblatex")
    assert "journaltitle = {Psychiatr Serv}" in text and "date = {2006}" in text
    assert "journal =" not in text and "year =" not in text


def test_corporate_author_stays_literal_and_braced():
    item = CiteItem(key="dh2007", work="w", type="report", title="New ways of working",
                    authors=(Author(literal="Department of Health"),), year=2007)
    assert "author = {{Department of Health}}" in write_bibtex([item])
    assert format_entries([item], "apa", "text")[0].startswith("Department of Health. (2007).")


def test_bibtex_round_trips_through_bibtexparser_and_pybtex(seed_build, tmp_path):
    from pybtex.database import parse_string

    text = cite(seed_build, "--paper", APT, "--format", "bibtex")
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks and len(library.entries) >= 50
    creamer = library.entries_dict[CREAMER]
    assert creamer["author"].endswith("and others") and "{Delphi}" in creamer["title"]
    data = parse_string(text, "bibtex")
    assert len(data.entries) == len(library.entries)
    persons = data.entries[CREAMER].persons["author"]
    assert [str(p) for p in persons][-1] == "others" and len(persons) == 4


def test_report_still_drops_the_numbers_of_a_numbered_style_after_the_left_margin_split():
    from litgraph.report.refs import without_numbers

    items = [CiteItem(key=f"k{n}", work=f"w{n}", type="journal-article", title=f"Title {n}",
                      authors=(Author("Turner", "RH"),), year=1990 + n) for n in (1, 2)]
    entries = without_numbers(format_entries(items, "vancouver", "html"))
    assert entries == ["Turner RH. Title 1. 1991.", "Turner RH. Title 2. 1992."]
