"""Locate the shipped data folders (ontology/, queries/) in a checkout or an installed wheel."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def data_dir(name: str) -> Path:
    """The folder `name` (e.g. "queries"): from the wheel's litgraph/_data, else the checkout."""
    packaged = Path(str(resources.files("litgraph"))) / "_data" / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / name
