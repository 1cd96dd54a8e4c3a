"""Citation keys that never break (Better BibTeX's promise).

- A key, once written to corpus/citation-keys.tsv, stays there and keeps
  resolving to its work, whatever happens to the build folder or the history.
- A key an imported library gives a work is recorded for it and preferred to a
  minted one; two libraries giving one work two keys: both resolve, the first
  is preferred.
- A key claimed for two works (a library key already held by another work, or
  two libraries giving one key to two works) stops the build: `KeyClashError`,
  exit 2, naming both works and both sources. Nothing is suffixed silently.
- A work without any key gets one minted from the key pattern
  (keypattern.py); new works sharing a stem are suffixed b, c, ... in an order
  drawn from their content (title, year, DOI), never from build history.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..errors import InputError
from ..model import Work
from .keyfile import KEY_RE, KeyLine, dump_keys, load_keys, preferred_keys  # noqa: F401 (re-exported)
from .keypattern import DEFAULT_PATTERN, ascii_fold, parse_pattern, render_pattern  # noqa: F401

KEYS_FILE = "corpus/citation-keys.tsv"


class KeyClashError(InputError):
    """One citation key claimed for two works."""


@dataclass(frozen=True, slots=True)
class KeyClaim:
    """A key a source (an imported library entry) gives a work."""

    work: str
    key: str
    where: str  # "<path>:<line>", for messages


def key_stem(work: Work, pattern: str = DEFAULT_PATTERN) -> str:
    """The key the pattern gives a work, before any de-duplicating suffix."""
    return render_pattern(parse_pattern(pattern), work)


def library_claims(works: Sequence[Work], entries) -> list[KeyClaim]:
    """The keys imported library entries give their works, in corpus order."""
    work_of = {m.key: w.id for w in works for m in w.members}
    claims = []
    for e in entries:
        key = record_key(e.raw) if e.list == "library" else None
        if key and e.key in work_of:
            claims.append(KeyClaim(work_of[e.key], key, f"{e.path}:{e.line}"))
    return claims


def record_key(raw: str) -> str | None:
    """The key an imported record carries: BibTeX's entry key, RIS's ID, CSL-JSON's citation-key or id."""
    import json

    if m := re.match(r"\s*@\w+\s*[{(]\s*([^,\s]+)\s*,", raw):
        return m.group(1) if KEY_RE.fullmatch(m.group(1)) else None  # the key file could not hold it
    if m := re.search(r"^ID  - (\S+)\s*$", raw, re.M):
        return m.group(1) if KEY_RE.fullmatch(m.group(1)) else None
    if raw.lstrip().startswith("{"):
        try:
            record = json.loads(raw)
        except ValueError:
            return None
        key = record.get("citation-key") or record.get("id") if isinstance(record, dict) else None
        return key if isinstance(key, str) and KEY_RE.fullmatch(key) else None
    return None


def claimed_lines(lines: Sequence[KeyLine], claims: Iterable[KeyClaim], keys_path: str = KEYS_FILE) -> list[KeyLine]:
    """New lines for the claims not yet written; a key claimed for two works raises KeyClashError."""
    owner = {k.key: (k.work, f"{keys_path}:{k.line}") for k in lines}
    new: list[KeyLine] = []
    for claim in claims:
        if claim.key in owner and owner[claim.key][0] != claim.work:
            work, where = owner[claim.key]
            raise KeyClashError(f"citation key {claim.key!r} is claimed for two works: {work} by {where} "
                                f"and {claim.work} by {claim.where}; rename one of them")
        if claim.key not in owner:
            owner[claim.key] = (claim.work, claim.where)
            new.append(KeyLine(claim.work, claim.key))
    return new


def minted_lines(works: Sequence[Work], taken: set[str], pattern: str = DEFAULT_PATTERN) -> list[KeyLine]:
    """A key for each work given: its stem, else the stem with b, c, ... (order from content)."""
    parts = parse_pattern(pattern)
    ordered = sorted(works, key=lambda w: (render_pattern(parts, w), content_order(w)))
    taken, new = set(taken), []
    for work in ordered:
        stem = render_pattern(parts, work)
        key = next(k for k in suffixed(stem) if k not in taken)
        taken.add(key)
        new.append(KeyLine(work.id, key))
    return new


def content_order(work: Work) -> tuple:
    return ((work.title or "").lower(), work.year or 0, (work.doi or "").lower(), work.container or "", work.id)


def suffixed(stem: str) -> Iterable[str]:
    yield stem
    yield from (f"{stem}{chr(ord('a') + n)}" for n in range(1, 26))
    n = 27
    while True:
        yield f"{stem}{n}"
        n += 1


def assign_keys(works: Sequence[Work], lines: Sequence[KeyLine], claims: Sequence[KeyClaim] = (),
                pattern: str = DEFAULT_PATTERN, keys_path: str = KEYS_FILE) -> list[KeyLine]:
    """The lines to append to the key file: library claims first, then minted keys for works without one."""
    claimed = claimed_lines(lines, claims, keys_path)
    have = {k.work for k in (*lines, *claimed)}
    taken = {k.key for k in (*lines, *claimed)}
    return claimed + minted_lines([w for w in works if w.id not in have], taken, pattern)


def mint_keys(works: Iterable[Work], existing: Mapping[str, str],
              preferred: Mapping[str, str] | None = None, pattern: str = DEFAULT_PATTERN) -> dict[str, str]:
    """Work id -> key: existing keys kept, `preferred` (library) keys claimed, the rest minted."""
    lines = [KeyLine(w, k, n) for n, (w, k) in enumerate(existing.items(), 1)]
    claims = [KeyClaim(w, k, "a library") for w, k in (preferred or {}).items()]
    new = assign_keys(list(works), lines, claims, pattern)
    return preferred_keys([*lines, *new], {c.key for c in claims})
