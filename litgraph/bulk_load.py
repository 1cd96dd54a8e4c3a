"""Cut an N-Triples file at line boundaries, so that several threads can bulk-load it at once."""

from __future__ import annotations

from pathlib import Path

PIECE_BYTES = 64 * 2**20


def pieces_for(size: int, piece_bytes: int = PIECE_BYTES) -> int:
    """How many pieces of at most about `piece_bytes` a file of `size` bytes is loaded in (at least one)."""
    return max(1, -(-size // piece_bytes))


def line_ranges(path: Path, parts: int) -> list[tuple[int, int]]:
    """Byte ranges that cut the file into about `parts` pieces, each ending at a line end."""
    size = path.stat().st_size
    cuts = [0]
    with path.open("rb") as handle:
        for k in range(1, parts):
            handle.seek(max(size * k // parts, cuts[-1]))
            handle.readline()
            cuts.append(min(handle.tell(), size))
    cuts.append(size)
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


class ByteRange:
    """A read-only file view of bytes [start, end), for one bulk-load thread."""

    def __init__(self, handle, start: int, end: int) -> None:
        self._handle, self._left = handle, end - start
        handle.seek(start)

    def read(self, size: int = -1) -> bytes:
        size = self._left if size is None or size < 0 else min(size, self._left)
        data = self._handle.read(size)
        self._left -= len(data)
        return data
