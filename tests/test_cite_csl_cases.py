"""CSL rendering cases (tests/cases/csl/<case>/): spacing and punctuation as the CSL 1.0.2
specification and citeproc-js give them, through litgraph's whole styled rendering."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from litgraph.cite.item import CiteItem
from litgraph.cite.styled import format_entries
from litgraph.model import Author

CASES = Path(__file__).parent / "cases" / "csl"


def load_items(path: Path) -> list[CiteItem]:
    items = []
    for raw in json.loads(path.read_text(encoding="utf-8")):
        authors = tuple(Author(**a) for a in raw.pop("authors", []))
        items.append(CiteItem(work=raw["key"], authors=authors, **{"title": None, "year": None, **raw}))
    return items


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_csl_case(case):
    folder = CASES / case
    assert (folder / "case.md").read_text().startswith("CSL 1.0.2"), "each case cites the specification"
    items = load_items(folder / "items.json")
    style = str(folder / "style.csl")
    text = format_entries(items, style, "text", style_order=True)
    assert text == (folder / "expected.txt").read_text(encoding="utf-8").splitlines()
    if (folder / "expected.html").exists():
        html = format_entries(items, style, "html", style_order=True)
        assert html == (folder / "expected.html").read_text(encoding="utf-8").splitlines()
