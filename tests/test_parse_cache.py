"""Issue 15 item 4: the parse cache. Unchanged lists are not parsed again; the output never changes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import litgraph.libraries
from litgraph.build import build_graph, parse_entries
from litgraph.corpus import load_corpus
from litgraph.parsecache import CACHE_FILE, ParseCache, from_json, parse_with_cache, parser_fingerprint, to_json

ROOT = Path(__file__).resolve().parent.parent
OUTPUTS = ("litgraph.nt", "litgraph.ttl")


def copy_corpus(folder: Path) -> Path:
    corpus = folder / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    return corpus


def outputs(build: Path) -> dict[str, bytes]:
    return {name: (build / name).read_bytes() for name in OUTPUTS}


@pytest.fixture()
def counted_parses(monkeypatch):
    """How many entries the build sends to the real parser (which still runs)."""
    calls = []
    real = litgraph.libraries.parse_raw_entries

    def counting(entries, model=None):
        calls.extend(entry.path for entry in entries)
        return real(entries, model)

    monkeypatch.setattr(litgraph.libraries, "parse_raw_entries", counting)
    return calls


def test_rebuild_with_the_parse_cache_gives_byte_identical_files_and_parses_nothing(tmp_path, counted_parses):
    corpus = copy_corpus(tmp_path)
    cold = build_graph(corpus, tmp_path / "cold")
    assert (tmp_path / "cold" / CACHE_FILE).exists()
    parsed_cold = len(counted_parses)
    assert parsed_cold == cold.reference_entries + cold.cited_by_entries + cold.library_entries
    warm = build_graph(corpus, tmp_path / "cold")
    assert len(counted_parses) == parsed_cold  # nothing parsed the second time
    assert outputs(tmp_path / "cold") == outputs(_fresh_build(tmp_path, corpus))
    assert warm.as_dict() == cold.as_dict()


def _fresh_build(tmp_path: Path, corpus: Path) -> Path:
    """The same corpus built without a cache (ids already locked by the first build)."""
    build_graph(corpus, tmp_path / "fresh")
    return tmp_path / "fresh"


def test_a_changed_list_is_parsed_again_and_only_that_list(tmp_path, counted_parses):
    corpus = copy_corpus(tmp_path)
    build_graph(corpus, tmp_path / "build")
    lists = sorted((corpus / "references").glob("*.tsv"))
    changed = lists[0]
    text = changed.read_text(encoding="utf-8")
    assert "Peer" in text
    changed.write_text(text.replace("Peer", "Peers", 1), encoding="utf-8")
    counted_parses.clear()
    build_graph(corpus, tmp_path / "build")
    assert {Path(p).name for p in counted_parses} == {changed.name}
    assert len(counted_parses) == len([line for line in text.splitlines() if "\t" in line and line[0].isdigit()])
    assert outputs(tmp_path / "build") == outputs(_fresh_build(tmp_path, corpus))


def test_corrupt_parse_cache_is_ignored_with_a_warning_and_rebuilt(tmp_path):
    corpus = copy_corpus(tmp_path)
    build_graph(corpus, tmp_path / "build")
    before = outputs(tmp_path / "build")
    cache = tmp_path / "build" / CACHE_FILE
    cache.write_bytes(cache.read_bytes()[:1000])  # cut short, as a full disk would leave it
    summary = build_graph(corpus, tmp_path / "build")
    assert any("parse cache unreadable" in w and CACHE_FILE in w for w in summary.warnings)
    assert outputs(tmp_path / "build") == before
    assert json.loads(cache.read_text(encoding="utf-8"))["fingerprint"] == parser_fingerprint()
    again = build_graph(corpus, tmp_path / "build")
    assert not any("parse cache" in w for w in again.warnings)


def test_a_cache_written_by_another_parser_is_not_used(tmp_path, counted_parses):
    corpus = copy_corpus(tmp_path)
    build_graph(corpus, tmp_path / "build")
    cache = tmp_path / "build" / CACHE_FILE
    data = json.loads(cache.read_text(encoding="utf-8"))
    data["lists"] = {key: [[*row[:5], "a title from an older model", *row[6:]] for row in rows]
                     for key, rows in data["lists"].items()}
    data["fingerprint"] = "an older model"
    cache.write_text(json.dumps(data), encoding="utf-8")
    before = len(counted_parses)
    build_graph(corpus, tmp_path / "build")
    assert len(counted_parses) == 2 * before
    assert b"a title from an older model" not in (tmp_path / "build" / "litgraph.nt").read_bytes()


def test_every_seed_entry_survives_the_cache_round_trip():
    entries = parse_entries(load_corpus(ROOT / "corpus").entries)
    for e in entries:
        assert from_json(json.loads(json.dumps(to_json(e.parsed)))) == e.parsed, e.raw


def test_parse_with_cache_keeps_input_order_across_lists():
    raw = load_corpus(ROOT / "corpus").entries
    shuffled = tuple(reversed(raw))
    parsed, lists = parse_with_cache(shuffled, ParseCache("x", {}), litgraph.libraries.parse_raw_entries)
    assert parsed == [e.parsed for e in parse_entries(shuffled)]
    again, _ = parse_with_cache(shuffled, ParseCache("x", lists), lambda r: pytest.fail("parsed again"))
    assert again == parsed


def test_a_parse_cache_write_cut_short_by_a_kill_is_removed_by_the_next_build(tmp_path):
    from litgraph.generations import PARSE_CACHE

    assert PARSE_CACHE == CACHE_FILE
    corpus = copy_corpus(tmp_path)
    build_graph(corpus, tmp_path / "build")
    stale = tmp_path / "build" / f".{CACHE_FILE}.abc123.tmp"
    stale.write_text('{"fingerprint": "half', encoding="utf-8")
    summary = build_graph(corpus, tmp_path / "build")
    assert not stale.exists() and (tmp_path / "build" / CACHE_FILE).exists()
    assert not any("parse cache" in w for w in summary.warnings)
