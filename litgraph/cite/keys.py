"""Citation keys: readable, minted once, never changed afterwards.

A key is family name + year + first significant title word, folded to ASCII
and lower case (`sells2006treatment`); a clash gets a suffix (`...b`, `...c`).
Keys live in corpus/citation-keys.tsv (`work id<TAB>key`): the build appends
keys for new works and never rewrites an existing line, so a curator pins a key
simply by editing it there.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from ..errors import CorpusError
from ..lines import read_lines, split_lines
from ..model import Work

STOP_WORDS = {"a", "an", "the", "of", "on", "in", "and", "for", "to", "with", "what", "how", "is", "are"}


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def key_stem(work: Work) -> str:
    """The readable part of a key, before any de-duplicating suffix."""
    first = work.authors[0].sort_name if work.authors else "anon"
    family = re.sub(r"[^a-z]", "", ascii_fold(first).lower()) or "anon"
    if work.authors and work.authors[0].literal:
        family = "".join(w[0] for w in re.findall(r"[a-z]+", ascii_fold(first).lower())
                         if w not in STOP_WORDS) or family
    words = [w for w in re.findall(r"[a-z0-9]+", ascii_fold(work.title or "").lower()) if w not in STOP_WORDS]
    return f"{family}{work.year or 'nd'}{words[0] if words else ''}"


def mint_keys(works: Iterable[Work], existing: Mapping[str, str],
              preferred: Mapping[str, str] | None = None) -> dict[str, str]:
    """Keys for every work: existing ones kept, new ones minted without clashes.

    `preferred` (work id -> key, e.g. the key an imported BibTeX library gives
    it) is used for a new work when that key is free.
    """
    keys = dict(existing)
    taken = set(keys.values())
    for work in sorted(works, key=lambda w: w.id):
        if work.id in keys:
            continue
        stem = (preferred or {}).get(work.id) or key_stem(work)
        key, n = stem, 1
        while key in taken:
            n += 1
            key = f"{stem}{chr(ord('a') + n - 1)}" if n <= 26 else f"{stem}{n}"
        keys[work.id] = key
        taken.add(key)
    return keys


def load_keys(path) -> dict[str, str]:
    """Read corpus/citation-keys.tsv (UTF-8, a BOM allowed; lines end at \\n only).

    Raises:
        CorpusError: the file is not UTF-8, a line is malformed, or a key is used twice.
    """
    keys: dict[str, str] = {}
    seen: dict[str, int] = {}
    for number, line in enumerate(read_lines(path), 1):
        if not line.strip() or line.startswith("#"):
            continue
        work_id, tab, key = line.partition("\t")
        if not tab or not re.fullmatch(r"[A-Za-z0-9_:.\-]+", key.strip()):
            raise CorpusError(str(path), "expected '<work id><TAB><key>' with a key of letters, digits, _ : . -", number)
        if key.strip() in seen:
            raise CorpusError(str(path), f"key {key.strip()!r} is also used on line {seen[key.strip()]}", number)
        seen[key.strip()] = number
        keys[work_id.strip()] = key.strip()
    return keys


def dump_keys(keys: Mapping[str, str], existing_text: str = "") -> str:
    """The file text: existing lines kept as they are, new keys appended in work-id order."""
    header = ("# Citation keys: <work id><TAB><key>. Minted once by `litgraph build` and never changed;\n"
              "# edit a key here to pin it (keep keys unique).\n")
    text = existing_text.removeprefix("\ufeff") or header  # a BOM would glue itself to the first work id
    present = {line.partition("\t")[0] for line in split_lines(text) if "\t" in line}
    new = [f"{w}\t{k}\n" for w, k in sorted(keys.items()) if w not in present]
    return text + ("" if text.endswith("\n") else "\n") + "".join(new)
