"""Shared fixtures: the miniature graph in both backends, and a CLI runner."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def mini_graph():
    from rdflib import Graph

    graph = Graph()
    graph.parse(FIXTURES / "mini.ttl", format="turtle")
    graph.parse(FIXTURES / "mini-evidence.ttl", format="turtle")  # the evidence layer: concepts, findings
    return graph


@pytest.fixture(scope="session")
def mini_stores(tmp_path_factory):
    """The fixture graph loaded into rdflib and into an embedded Oxigraph store."""
    from litgraph.store import OxigraphStore, RdflibStore

    folder = tmp_path_factory.mktemp("mini")
    graph = mini_graph()
    nt = folder / "mini.nt"
    nt.write_text(graph.serialize(format="nt"), encoding="utf-8")
    return {"rdflib": RdflibStore(graph), "oxigraph": OxigraphStore.create(folder / "store", nt)}


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """The shipped corpus built once into a temporary folder (corpus copied, so the lock file is not touched)."""
    from litgraph.build import build_graph

    folder = tmp_path_factory.mktemp("seed")
    corpus = folder / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    summary = build_graph(corpus, folder / "build")
    return {"dir": folder, "corpus": corpus, "build": folder / "build", "summary": summary}


def run_cli(*args: str, input: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run `python -m litgraph ARGS` as a user would, capturing output."""
    return subprocess.run([sys.executable, "-m", "litgraph", *args], input=input, text=True,
                          capture_output=True, cwd=cwd or ROOT, timeout=300)
