"""The trained model file: where it is, and loading it once, on first use.

python-crfsuite is imported here, inside functions, so that `litgraph --help`
and the seed-style readers never load it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ...errors import InputError

DEFAULT_MODEL = Path(__file__).parent / "model.crfsuite"
REBUILD = "rebuild it with `make model`"


class ModelError(InputError):
    """The model file is missing or cannot be read as a CRFsuite model (exit 2)."""


def model_path(path: str | Path | None) -> Path:
    """The model file to use: `path`, else the shipped model."""
    return Path(path) if path else DEFAULT_MODEL


@lru_cache(maxsize=4)
def load_tagger(path: Path):  # -> pycrfsuite.Tagger
    """Open the model at `path` once per process.

    Raises:
        ModelError: The file is missing or not a CRFsuite model.
    """
    import pycrfsuite

    if not path.is_file():
        raise ModelError(f"{path}: no such model file; {REBUILD}")
    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(str(path))
    except (OSError, ValueError, RuntimeError) as exc:
        raise ModelError(f"{path}: not a CRFsuite model ({exc}); {REBUILD}") from exc
    return tagger
