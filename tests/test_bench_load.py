"""The parallel bulk load that `make bench` measures gives exactly the store a single load gives."""

from __future__ import annotations

import pytest

from conftest import mini_graph
from litgraph.errors import StoreError
from litgraph.store import OxigraphStore, line_ranges


@pytest.fixture(scope="module")
def mini_nt(tmp_path_factory):
    path = tmp_path_factory.mktemp("load") / "mini.nt"
    path.write_text(mini_graph().serialize(format="nt"), encoding="utf-8")
    return path


def dump(store: OxigraphStore) -> list[str]:
    import pyoxigraph as ox

    text = store._store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).decode("utf-8")
    return sorted(text.splitlines())


def test_ranges_cut_at_line_ends_and_cover_the_file(mini_nt):
    data = mini_nt.read_bytes()
    ranges = line_ranges(mini_nt, 4)
    assert ranges[0][0] == 0 and ranges[-1][1] == len(data) and len(ranges) == 4
    assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:]))
    assert all(data[end - 1:end] == b"\n" for _, end in ranges)


@pytest.mark.parametrize("parts", [2, 3, 7])
def test_parallel_load_equals_single_load(mini_nt, tmp_path, parts):
    single = OxigraphStore.create(tmp_path / "one", mini_nt, parts=1)
    parallel = OxigraphStore.create(tmp_path / "many", mini_nt, parts=parts)
    assert len(parallel) == len(single) == len(mini_graph())
    assert dump(parallel) == dump(single)


def test_a_bad_line_in_any_part_fails_the_load(mini_nt, tmp_path):
    broken = tmp_path / "broken.nt"
    lines = mini_nt.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(len(lines) * 3 // 4, "<urn:a> <urn:b> not-a-term .\n")
    broken.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(StoreError, match="cannot load"):
        OxigraphStore.create(tmp_path / "store", broken, parts=4)
