"""Read labelled references for training: litgraph's segments JSONL and AnyStyle's XML.

Both give `Sequence`s: the tokens of one reference and the label of each.

    {"segments": [["author", "Smith, J."], ["date", "(2001)."], ["title", "A title."]]}
    <dataset><sequence><author>Smith, J.</author><date>(2001).</date>...</sequence></dataset>

A malformed file raises `TrainingDataError` naming the file and line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ...errors import InputError
from .tokens import split_glued

LOCATOR_LABELS = frozenset({"date", "volume", "issue", "pages"})
YEAR_PIECE = re.compile(r"^(?:1[5-9]|20)\d\d[a-z]?[;:,.]?$")
VOLUME_PIECE = re.compile(r"^\d+[A-Za-z]?[;:,]?$")


class TrainingDataError(InputError):
    """A training file that is not segments JSONL or AnyStyle XML (exit 2)."""


@dataclass(frozen=True, slots=True)
class Sequence:
    """One labelled reference: its tokens and their labels."""

    tokens: tuple[str, ...]
    labels: tuple[str, ...]


def from_segments(segments: Iterable[tuple[str, str]]) -> Sequence:
    """Tokens and labels from (label, text) segments: each token takes its segment's label."""
    tokens: list[str] = []
    labels: list[str] = []
    for label, text in segments:
        for word in text.split():
            pieces = split_glued(word)
            tokens += pieces
            labels += locator_labels(pieces, label) if len(pieces) > 1 and label in LOCATOR_LABELS \
                else [label] * len(pieces)
    return Sequence(tuple(tokens), tuple(labels))


def locator_labels(pieces: list[str], label: str) -> list[str]:
    """The labels of a glued locator's pieces ("2012;", "11", "(2):", "123-8."), told by their shape.

    A renderer labels a glued word by the field most of its characters came from; the
    labeller reads it split, so each piece takes its own field: a leading year is the
    date, "(2):" the issue, a number before it or before ":" the volume, the rest pages (a last
    piece after ":" is the pages whatever the segment: BibTeX's "12(3):45-67" printed as the volume).
    """
    found = []
    for index, piece in enumerate(pieces):
        following = pieces[index + 1] if index + 1 < len(pieces) else ""
        if index == 0 and YEAR_PIECE.match(piece):
            found.append("date")
        elif piece.startswith("(") and following:
            found.append("issue")
        elif VOLUME_PIECE.match(piece) and (following.startswith("(") or piece.endswith(":")):
            found.append("volume")
        else:
            last = index == len(pieces) - 1
            found.append("pages" if last and (label in ("pages", "date") or pieces[index - 1].endswith(":"))
                         else label)
    return found


def read_training_file(path: str | Path) -> list[Sequence]:
    """Every labelled reference of one file (`.xml` is AnyStyle XML, anything else JSONL)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TrainingDataError(f"{path}: cannot read: {exc}") from exc
    if path.suffix.lower() == ".xml" or text.lstrip().startswith("<"):
        return list(read_xml(path, text))
    return list(read_jsonl(path, text))


def read_jsonl(path: Path, text: str) -> Iterator[Sequence]:
    """Sequences from segments JSONL; blank lines skipped."""
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise TrainingDataError(f"{path}:{number}: not JSON: {exc.msg}") from exc
        yield jsonl_sequence(path, number, record)


def jsonl_sequence(path: Path, number: int, record: object) -> Sequence:
    """One JSONL record, checked to hold a list of [label, text] segments."""
    segments = record.get("segments") if isinstance(record, dict) else None
    if not isinstance(segments, list) or not all(
            isinstance(s, list) and len(s) == 2 and all(isinstance(x, str) for x in s) for s in segments):
        raise TrainingDataError(f"{path}:{number}: expected an object with 'segments': [[label, text], ...]")
    return from_segments((label, text) for label, text in segments)


def read_xml(path: Path, text: str) -> Iterator[Sequence]:
    """Sequences from AnyStyle's `<dataset><sequence><label>text</label>...` XML."""
    import xml.etree.ElementTree as ET

    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        line, column = exc.position
        raise TrainingDataError(f"{path}:{line}: malformed XML (column {column}): {exc.msg}") from exc
    if root.tag != "dataset":
        raise TrainingDataError(f"{path}:1: expected a <dataset> of <sequence> elements, not <{root.tag}>")
    for sequence in root.iter("sequence"):
        yield from_segments((child.tag, "".join(child.itertext())) for child in sequence)
