"""The trained model file: where it is, and reading its weights once, on first use.

The file is CRFsuite's (`python-crfsuite` writes it in `train.py`). Labelling does not go
through CRFsuite's tagger, which takes a reference's features one string at a time: the
weights are read here into arrays, and `scores` and `decode` label whole batches of
references with them (the same labels and marginals; `tests/test_crf_decode.py` checks
them against CRFsuite's tagger). numpy is imported inside functions, so that
`litgraph --help` and the seed-style readers never load it.

The file's layout (CRFsuite's `crf1d_model.c`): a 48-byte header (`lCRF`, size, `FOMC`,
version, counts of labels and attributes, offsets of the features, the label and
attribute dictionaries); the features (type 0: attribute -> label, type 1: label ->
label; each a 64-bit weight); and each dictionary a CQDB whose backward array gives the
name of every id.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ...errors import InputError

DEFAULT_MODEL = Path(__file__).parent / "model.crfsuite"
REBUILD = "rebuild it with `make model`"
HEADER = struct.Struct("<4sI4sIIIIIIIII")
CQDB_HEADER = struct.Struct("<4sIIIII")


class ModelError(InputError):
    """The model file is missing or cannot be read as a CRFsuite model (exit 2)."""


@dataclass(frozen=True, eq=False)
class Weights:
    """A model's labels, attribute ids, state weights (attribute x label, with a last row of zeros
    for "no attribute") and transition weights (label x label)."""

    path: Path
    labels: tuple[str, ...]
    attributes: dict[bytes, int]
    state: object        # numpy float64 array, (attributes + 1) x labels
    transitions: object  # numpy float64 array, labels x labels
    caches: dict = field(default_factory=dict, repr=False)  # scores.py's per-token tables, kept with the model


def model_path(path: str | Path | None) -> Path:
    """The model file to use: `path`, else the shipped model."""
    return Path(path) if path else DEFAULT_MODEL


@lru_cache(maxsize=4)
def load_weights(path: Path) -> Weights:
    """Read the model at `path` once per process.

    Raises:
        ModelError: The file is missing or not a CRFsuite model.
    """
    if not path.is_file():
        raise ModelError(f"{path}: no such model file; {REBUILD}")
    try:
        return read_model(path, path.read_bytes())
    except (OSError, ValueError, IndexError, struct.error, UnicodeDecodeError) as exc:
        raise ModelError(f"{path}: not a CRFsuite model ({exc}); {REBUILD}") from exc


def read_model(path: Path, data: bytes) -> Weights:
    """The weights a CRFsuite model file holds (ValueError when the bytes are not one)."""
    import numpy as np

    magic, size, kind, _, _, n_labels, n_attrs, at_features, at_labels, at_attrs, _, _ = HEADER.unpack_from(data)
    if magic != b"lCRF" or kind != b"FOMC" or size != len(data):
        raise ValueError("no CRFsuite header, or the file is cut short")
    chunk, _, count = struct.unpack_from("<4sII", data, at_features)
    if chunk != b"FEAT" or at_features + 12 + 20 * count > len(data):
        raise ValueError("no feature table")
    rows = np.frombuffer(data, np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("w", "<f8")]),
                         count, at_features + 12)
    if ((rows["type"] != 0) & (rows["type"] != 1)).any():
        raise ValueError("a feature of unknown type")
    labels = tuple(name.decode() for name in dictionary(data, at_labels, n_labels))
    attributes = {name: i for i, name in enumerate(dictionary(data, at_attrs, n_attrs))}
    state, transitions = np.zeros((n_attrs + 1, n_labels)), np.zeros((n_labels, n_labels))
    for kind_, table, sources in ((0, state, n_attrs), (1, transitions, n_labels)):
        found = rows[rows["type"] == kind_]
        if (found["src"] >= sources).any() or (found["dst"] >= n_labels).any():
            raise ValueError("a feature names an unknown label or attribute")
        table[found["src"], found["dst"]] = found["w"]
    return Weights(path, labels, attributes, state, transitions)


def dictionary(data: bytes, at: int, count: int) -> list[bytes]:
    """The names of ids 0..count-1 in the CQDB at offset `at`: each id's record (its id, the
    name's size with its closing NUL, the name) is where the backward array points."""
    import numpy as np

    magic, _, _, _, entries, backward = CQDB_HEADER.unpack_from(data, at)
    if magic != b"CQDB" or entries != count:
        raise ValueError("no CQDB dictionary")
    starts = at + np.frombuffer(data, "<u4", count, at + backward).astype(np.int64)
    if count and (starts.max() + 8 > len(data)):
        raise ValueError("a dictionary entry out of place")
    raw = np.frombuffer(data, np.uint8)
    ids, sizes = (raw[starts[:, None] + np.arange(at_, at_ + 4)].copy().view("<u4")[:, 0] for at_ in (0, 4))
    ends = starts + 7 + sizes
    if (ids != np.arange(count)).any() or (sizes < 1).any() or (count and ends.max() > len(data)):
        raise ValueError("a dictionary entry out of place")
    return [data[start:end] for start, end in zip((starts + 8).tolist(), ends.tolist())]
