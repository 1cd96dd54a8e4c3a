"""The parse cache: a list whose printed lines have not changed is not parsed again.

Parsing is most of a build's time at size (the CRF labeller, about 1 ms an entry),
and adding one paper changes one list. The cache, `build/parse-cache.json`, maps a
hash of each list's content (its file's format, its list name and its lines, in
order) to the parsed fields of its entries. It is valid only for the parser that
wrote it: its `fingerprint` hashes litgraph's version, the labeller's model file
and the parser's own source (litgraph/parse/, litgraph/imports/, libraries.py,
model.py), so a retrained model or a changed rule parses everything again. Output
is byte-identical with and without the cache; a cache that cannot be read is
ignored with a warning and written again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path

from .atomic import write_text_atomic
from .corpus import RawEntry
from .model import Author, ParsedReference

CACHE_FILE = "parse-cache.json"
PACKAGE = Path(__file__).resolve().parent
PARSER_SOURCES = ("parse", "imports", "libraries.py", "model.py")
FIELDS = tuple(f.name for f in fields(ParsedReference))


@dataclass(frozen=True, slots=True)
class ParseCache:
    """The lists parsed before (content hash -> the parsed fields of its entries, as JSON) and its fingerprint."""

    fingerprint: str
    lists: dict[str, list]
    warning: str | None = None   # why the file on disk was not used, if it was not


def parser_fingerprint(model: str | Path | None = None) -> str:
    """A hash of everything a parse depends on besides the string: version, model file and parser source.

    `model` is a CRF model file used instead of the shipped one (its bytes count too).
    """
    from importlib.metadata import PackageNotFoundError, version

    digest = hashlib.sha256()
    try:
        digest.update(version("litgraph").encode())
    except PackageNotFoundError:
        digest.update(b"unknown")
    for path in sorted(p for name in PARSER_SOURCES for p in source_files(PACKAGE / name)):
        digest.update(str(path.relative_to(PACKAGE)).encode() + b"\0" + path.read_bytes())
    if model is not None and Path(model).is_file():
        digest.update(b"model\0" + Path(model).read_bytes())
    return digest.hexdigest()


def source_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return [p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts]


def load_cache(build_dir: Path, fingerprint: str) -> ParseCache:
    """The cache of `build_dir` if it was written for this parser; empty (with a warning if unreadable) if not."""
    path = build_dir / CACHE_FILE
    if not path.exists():
        return ParseCache(fingerprint, {})
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or not isinstance(data.get("lists"), dict):
            raise ValueError("not a parse cache")
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return ParseCache(fingerprint, {}, f"{path}: parse cache unreadable ({exc}); ignored, every list parsed again")
    return ParseCache(fingerprint, data["lists"] if data.get("fingerprint") == fingerprint else {})


def list_key(entries: Sequence[RawEntry]) -> str:
    """The content hash of one list: its file's format (by extension), its list name and its lines."""
    first = entries[0]
    text = "\0".join([Path(first.path).suffix.lower(), first.list, *(e.raw for e in entries)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_with_cache(raw_entries: Sequence[RawEntry], cache: ParseCache,
                     parse: Callable[[Sequence[RawEntry]], list[ParsedReference]]
                     ) -> tuple[list[ParsedReference], dict[str, list]]:
    """Each entry's parsed fields, in order: from the cache where its list is unchanged, else `parse`d
    (every changed list's entries in one call: the parser is faster on a long list).

    Returns the parsed fields and the cache to write (the lists of this build only).
    """
    groups = list_groups(raw_entries)
    found = {key: cached_entries(cache.lists.get(key), len(indices)) for key, indices in groups}
    changed = {key: indices for key, indices in groups if found[key] is None}
    fresh = iter(parse([raw_entries[i] for indices in changed.values() for i in indices]) if changed else [])
    found.update({key: [next(fresh) for _ in indices] for key, indices in changed.items()})
    parsed: list[ParsedReference | None] = [None] * len(raw_entries)
    for key, indices in groups:
        for i, one in zip(indices, found[key]):
            parsed[i] = one
    kept = {key: [to_json(p) for p in found[key]] if key in changed else cache.lists[key] for key, _ in groups}
    return parsed, kept  # type: ignore[return-value]


def list_groups(raw_entries: Sequence[RawEntry]) -> list[tuple[str, list[int]]]:
    """The entries' positions grouped by list (file and list name), each group with its `list_key`."""
    groups: dict[tuple[str, str], list[int]] = {}
    for index, entry in enumerate(raw_entries):
        groups.setdefault((entry.path, entry.list), []).append(index)
    return [(list_key([raw_entries[i] for i in indices]), indices) for indices in groups.values()]


def cached_entries(rows, count: int) -> list[ParsedReference] | None:
    """A cached list's rows read back as `count` parsed references; None if absent or unreadable."""
    if not isinstance(rows, list) or len(rows) != count:
        return None
    try:
        return [from_json(row) for row in rows]
    except (TypeError, ValueError, KeyError):
        return None


def save_cache(build_dir: Path, fingerprint: str, lists: dict[str, list]) -> None:
    """Write the cache atomically (a killed build leaves the old one or the new one)."""
    build_dir.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"fingerprint": fingerprint, "lists": lists}, ensure_ascii=False, separators=(",", ":"))
    write_text_atomic(build_dir / CACHE_FILE, text)


def to_json(parsed: ParsedReference) -> list:
    """A ParsedReference as a JSON row: its fields in order, authors as [family, given, literal]."""
    row = [getattr(parsed, name) for name in FIELDS]
    row[FIELDS.index("authors")] = [[a.family, a.given, a.literal] for a in parsed.authors]
    row[FIELDS.index("warnings")] = list(parsed.warnings)
    return row


def from_json(row: list) -> ParsedReference:
    """The ParsedReference a JSON row holds (`to_json`'s inverse)."""
    if not isinstance(row, list) or len(row) != len(FIELDS):
        raise ValueError("not a parsed reference row")
    values = dict(zip(FIELDS, row))
    values["authors"] = tuple(Author(*a) for a in values["authors"])
    values["warnings"] = tuple(values["warnings"])
    return ParsedReference(**values)
