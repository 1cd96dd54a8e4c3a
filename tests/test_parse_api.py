"""The public API of litgraph.parse is pinned, and the parse modules' doctests run."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import litgraph.parse
import litgraph.parse.crf
from litgraph.model import ParsedReference
from litgraph.parse import parse_reference, split_position

MODULES = sorted(m.name for m in pkgutil.iter_modules(litgraph.parse.__path__, "litgraph.parse."))
CRF_MODULES = sorted(m.name for m in pkgutil.iter_modules(litgraph.parse.crf.__path__, "litgraph.parse.crf."))


def test_public_api_is_pinned():
    assert litgraph.parse.__all__ == ["parse_reference", "split_position"]
    assert isinstance(parse_reference("Repper (2013) Title. Publisher."), ParsedReference)
    assert split_position("[12] text") == (12, "text")


@pytest.mark.parametrize("name", ["litgraph.parse", *MODULES, *CRF_MODULES])
def test_doctests(name):
    module = importlib.import_module(name)
    failures, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert failures == 0
