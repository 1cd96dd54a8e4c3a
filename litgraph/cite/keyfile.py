"""corpus/citation-keys.tsv: every key ever given to a work, one a line, never rewritten.

A line is `<work id><TAB><key>` (a third column, a note, is allowed and
ignored). A work may have several lines: all its keys resolve to it; the
first of them that an imported library gives is preferred, else the first
line. The build only ever appends lines.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass

from ..errors import CorpusError
from ..lines import read_lines, split_lines

KEY_RE = re.compile(r"[A-Za-z0-9_:.\-]+")
HEADER = ("# Citation keys: <work id><TAB><key>. Minted once by `litgraph build` and never changed;\n"
          "# edit a key here to pin it (keep keys unique). A work may have several keys.\n")


@dataclass(frozen=True, slots=True)
class KeyLine:
    """One key of one work, and the line it is written on (0: not written yet)."""

    work: str
    key: str
    line: int = 0


def read_key_lines(path) -> list[KeyLine]:
    """Read the file (UTF-8, a BOM allowed; lines end at \\n only).

    Raises:
        CorpusError: the file is not UTF-8, a line is malformed, or a key is used twice.
    """
    out: list[KeyLine] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(read_lines(path), 1):
        if not line.strip() or line.startswith("#"):
            continue
        work_id, tab, rest = line.partition("\t")
        key = rest.partition("\t")[0].strip()
        if not tab or not KEY_RE.fullmatch(key):
            raise CorpusError(str(path), "expected '<work id><TAB><key>' with a key of letters, digits, _ : . -",
                              number)
        if key in seen:
            raise CorpusError(str(path), f"key {key!r} is also used on line {seen[key]}", number)
        seen[key] = number
        out.append(KeyLine(work_id.strip(), key, number))
    return out


def preferred_keys(lines: Sequence[KeyLine], library_keys: Set[str] = frozenset()) -> dict[str, str]:
    """Work id -> its preferred key: the first of its keys a library gives, else its first line."""
    out: dict[str, str] = {}
    for line in sorted(lines, key=lambda k: k.key not in library_keys):  # stable: file order kept
        out.setdefault(line.work, line.key)
    return out


def load_keys(path) -> dict[str, str]:
    """Work id -> preferred key, as read from the file (see `read_key_lines`)."""
    return preferred_keys(read_key_lines(path))


def dump_key_lines(new: Sequence[KeyLine], existing_text: str = "") -> str:
    """The file text: existing lines kept byte for byte, `new` appended in the order given."""
    text = existing_text.removeprefix("\ufeff") or HEADER  # a BOM would glue itself to the first work id
    added = [f"{k.work}\t{k.key}\n" for k in new]
    return text + ("" if text.endswith("\n") or not added else "\n") + "".join(added)


def dump_keys(keys: Mapping[str, str], existing_text: str = "") -> str:
    """The file text with a line for each work the text lacks (work-id order)."""
    present = {line.partition("\t")[0] for line in split_lines(existing_text.removeprefix("\ufeff"))
               if "\t" in line}
    return dump_key_lines([KeyLine(w, k) for w, k in sorted(keys.items()) if w not in present], existing_text)
