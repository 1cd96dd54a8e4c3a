"""The reference-list writers on hand-made items: keys, CSL-JSON, BibTeX (read back by pybtex), RIS, CSL styles."""

from __future__ import annotations

import pytest

from litgraph.cite.bibtex import write_bibtex
from litgraph.cite.csl import csl_item
from litgraph.cite.item import CiteItem
from litgraph.cite.keys import dump_keys, key_stem, load_keys, mint_keys
from litgraph.cite.ris import write_ris
from litgraph.cite.styled import format_entries, style_path
from litgraph.errors import CorpusError, InputError
from litgraph.model import Author, Work

SELLS = CiteItem(key="sells2006treatment", work="w1", type="journal-article",
                 title="The treatment relationship in peer-based and regular case management",
                 authors=(Author("Sells", "DL"), Author("Davidson", "L")), year=2006,
                 container="Psychiatr Serv", volume="57", issue="8", first_page="1179", last_page="1184",
                 doi="10.1176/appi.ps.57.8.1179")
DOH = CiteItem(key="dh2007mental", work="w2", type="report", title="Mental health: new ways of working for everyone",
               authors=(Author(literal="Department of Health"),), year=2007, publisher="Department of Health",
               place="London")
RUSCH = CiteItem(key="rusch2014shame", work="w3", type="journal-article", title="Shame and help-seeking",
                 authors=(Author("Rüsch", "N"), Author("Van der Post", "LF")), year=2014,
                 container="Epidemiology and Psychiatric Sciences", volume="23", first_page="177", last_page="187")
BMC = CiteItem(key="gillard2013introducing", work="w4", type="journal-article", title="Introducing peer worker roles",
               authors=(Author("Gillard", "SG"),), year=2013, container="BMC Health Services Research",
               volume="13", article_number="188")


def work(id, family, year, title, literal=False):
    author = Author(literal=family) if literal else Author(family, "A")
    return Work(id, None, title, year, (author,), "journal-article", None, None, None, None, None, None, None, None)


def test_key_stem_is_readable_ascii():
    assert key_stem(work("a", "Rüsch", 2014, "The shame of it")) == "rusch2014shame"
    assert key_stem(work("b", "Department of Health", 2007, "A common purpose", literal=True)) == "dh2007common"
    assert key_stem(work("c", "Repper", None, "")) == "reppernd"


def test_keys_deduplicate_and_never_change():
    a, b = work("k1", "Mead", 2006, "Peer support"), work("k2", "Mead", 2006, "Peer support again")
    keys = mint_keys([a, b], {})
    assert keys == {"k1": "mead2006peer", "k2": "mead2006peerb"}
    c = work("k0", "Mead", 2006, "Peer support, a third")  # sorts first but arrives later
    assert mint_keys([a, b, c], keys) == {**keys, "k0": "mead2006peerc"}
    assert mint_keys([a], {"k1": "pinned-by-curator"}) == {"k1": "pinned-by-curator"}


def test_key_file_appends_and_rejects_duplicates(tmp_path):
    text = dump_keys({"k1": "mead2006peer"})
    text2 = dump_keys({"k1": "mead2006peer", "k2": "x2000y"}, text)
    assert text2.startswith(text) and text2.endswith("k2\tx2000y\n")
    path = tmp_path / "keys.tsv"
    path.write_text(text2 + "k3\tx2000y\n")
    with pytest.raises(CorpusError, match="also used on line"):
        load_keys(path)


def test_csl_json_item():
    item = csl_item(SELLS)
    assert item["id"] == item["citation-key"] == "sells2006treatment"
    assert item["type"] == "article-journal" and item["page"] == "1179-1184"
    assert item["author"][0] == {"family": "Sells", "given": "D. L."}
    assert item["issued"] == {"date-parts": [[2006]]} and item["DOI"] == "10.1176/appi.ps.57.8.1179"
    assert csl_item(DOH)["author"] == [{"literal": "Department of Health"}]
    assert csl_item(DOH)["type"] == "report"


def test_bibtex_fields_and_types():
    text = write_bibtex([SELLS, DOH, RUSCH])
    assert "@article{sells2006treatment," in text and "@techreport{dh2007mental," in text
    assert "{{Department of Health}}" in text or "{Department of Health}" in text
    assert "pages = {1179--1184}" in text
    assert "Rüsch, N." in text and "{Van der Post}, L. F." in text, "Unicode kept by default"
    assert 'R{\\"u}sch, N.' in write_bibtex([RUSCH], ascii=True), "--ascii writes LaTeX"


def test_bibtex_read_back_by_pybtex_keeps_every_field():
    from pybtex.database import parse_string
    from pylatexenc.latex2text import LatexNodes2Text

    def plain(s):
        return LatexNodes2Text().latex_to_text(s).replace("{", "").replace("}", "")

    data = parse_string(write_bibtex([SELLS, DOH, RUSCH, BMC]), "bibtex")
    e = data.entries["sells2006treatment"]
    assert e.type == "article" and e.fields["journal"] == "Psychiatr Serv"
    assert (e.fields["volume"], e.fields["number"], e.fields["year"]) == ("57", "8", "2006")
    assert e.fields["pages"] == "1179--1184" and e.fields["doi"] == "10.1176/appi.ps.57.8.1179"
    assert [str(p) for p in e.persons["author"]] == ["Sells, D. L.", "Davidson, L."]
    report = data.entries["dh2007mental"]
    assert len(report.persons["author"]) == 1 and plain(str(report.persons["author"][0])) == "Department of Health"
    assert report.fields["institution"] == "Department of Health" and report.fields["address"] == "London"
    names = [plain(str(p)) for p in data.entries["rusch2014shame"].persons["author"]]
    assert names == ["Rüsch, N.", "Van der Post, L. F."]
    assert data.entries["gillard2013introducing"].fields["pages"] == "188"


def test_ris():
    text = write_ris([SELLS, DOH])
    records = [r for r in text.split("ER  - ") if r.strip()]
    assert len(records) == 2
    assert "TY  - JOUR" in records[0] and "AU  - Sells, D. L." in records[0] and "SP  - 1179" in records[0]
    assert "TY  - RPRT" in records[1] and "AU  - Department of Health" in records[1]
    assert "\r\n" in text


def test_biomed_central_style():
    entries = format_entries([SELLS, DOH], "biomed-central", "text")
    assert entries[0] == ("1. Sells DL, Davidson L. The treatment relationship in peer-based and regular case "
                          "management. Psychiatr Serv. 2006;57:1179–84. https://doi.org/10.1176/appi.ps.57.8.1179.")
    assert entries[1] == "2. Department of Health. Mental health: new ways of working for everyone. London: Department of Health; 2007."


def test_markdown_and_html():
    html = format_entries([SELLS], "apa", "html")[0]
    md = format_entries([SELLS], "apa", "markdown")[0]
    assert "<i>" in html and "*Psychiatr Serv*" in md


def test_unknown_style_suggests():
    with pytest.raises(InputError, match="did you mean.*biomed-central"):
        style_path("biomed-centrl")
