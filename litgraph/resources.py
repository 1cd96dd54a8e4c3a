"""Locate the shipped data folders (ontology/, queries/) in a checkout or an installed wheel."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

# The generic study designs: a project may replace them (replace_core_designs in litgraph.toml).
CORE_DESIGNS = "designs.ttl"


def data_dir(name: str) -> Path:
    """The folder `name` (e.g. "queries"): from the wheel's litgraph/_data, else the checkout."""
    packaged = Path(str(resources.files("litgraph"))) / "_data" / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / name


def core_vocabulary_files(replace_designs: bool = False) -> tuple[Path, ...]:
    """The shipped core every project reads: the OWL ontology, the closed schemes and (unless replaced) the designs."""
    files = sorted(data_dir("ontology").glob("*.ttl"))
    return tuple(p for p in files if not (replace_designs and p.name == CORE_DESIGNS))
