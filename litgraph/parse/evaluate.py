"""Measure the parser against hand-checked gold records, field by field.

Gold files are JSON Lines (`tests/gold/refs/*.jsonl`): one object per line
with `position`, `raw` and the expected fields in the JSON shape of
`ParsedReference.as_dict()`. Compared fields: authors (the whole list; et_al is
not counted), year, title, container, volume, first_page, last_page. Title and
container are compared after collapsing whitespace; nothing else is fuzzy.

Run it (exit 0 when overall accuracy reaches the threshold, 1 when not, 2 on
bad input)::

    python -m litgraph.parse.evaluate tests/gold/refs/*.jsonl --min-accuracy 0.97
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..model import ParsedReference

FIELDS = ("authors", "year", "title", "container", "volume", "first_page", "last_page")
WHITESPACE_ONLY = frozenset({"title", "container"})
DEFAULT_GOLD = "tests/gold/refs"


@dataclass(frozen=True, slots=True)
class FieldScore:
    """How many gold records agree with the parser on one field."""

    field: str
    correct: int
    total: int

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0


@dataclass(frozen=True, slots=True)
class Mismatch:
    """One field where the parser and the gold record disagree."""

    source: str
    position: object
    raw: str
    field: str
    expected: object
    got: object


@dataclass(frozen=True, slots=True)
class AccuracyReport:
    """Per-field scores, the overall score and every mismatch."""

    records: int
    fields: tuple[FieldScore, ...]
    mismatches: tuple[Mismatch, ...]
    perfect: int = 0

    @property
    def all_right(self) -> float:
        """The share of records with every compared field right."""
        return self.perfect / self.records if self.records else 1.0

    @property
    def overall(self) -> float:
        """Fields in agreement over fields compared, across all records."""
        total = sum(score.total for score in self.fields)
        return sum(score.correct for score in self.fields) / total if total else 1.0

    def table(self, mismatches: bool = True) -> str:
        """The report as plain text: a per-field table, then the mismatches."""
        lines = [f"{'field':<12} {'correct':>7} {'total':>6} {'accuracy':>9}"]
        lines += [f"{s.field:<12} {s.correct:>7} {s.total:>6} {s.accuracy:>9.3f}" for s in self.fields]
        lines.append(f"{'overall':<12} {'':>7} {'':>6} {self.overall:>9.3f}   ({self.records} records)")
        lines.append(f"{'all right':<12} {self.perfect:>7} {self.records:>6} {self.all_right:>9.3f}   "
                     "(records with every field right)")
        if mismatches and self.mismatches:
            lines += ["", f"{len(self.mismatches)} mismatches:"]
            lines += [f"  {m.source}#{m.position} {m.field}: expected {m.expected!r}, got {m.got!r}"
                      for m in self.mismatches]
        return "\n".join(lines)


def comparable(field: str, value: object) -> object:
    """The form in which a field is compared (authors as tuples, numbers as strings)."""
    if value is None:
        return None
    if field == "authors":
        return tuple(author_key(a) for a in value)  # type: ignore[union-attr]
    if field == "year":
        return int(value) if str(value).isdigit() else value
    if field in WHITESPACE_ONLY:
        return " ".join(str(value).split())
    return str(value)


def author_key(author: dict[str, object]) -> tuple[object, ...]:
    """An author dict as a comparable tuple: ("literal", name) or (family, given)."""
    if author.get("literal") is not None:
        return ("literal", author["literal"])
    return (author.get("family"), author.get("given") or None)


def evaluate(gold_records: list[dict], parsed: list[ParsedReference], fields: tuple[str, ...] = FIELDS,
             comparer: Callable[[str, object], object] | None = None) -> AccuracyReport:
    """Compare parsed records with gold records field by field.

    Args:
        gold_records: Gold objects (``position``, ``raw`` and expected fields);
            a field missing from a gold object is not compared.
        parsed: The parser's records, in the same order.
        fields: The fields compared (default `FIELDS`).
        comparer: The form a field is compared in (default `comparable`).

    Returns:
        Per-field accuracy, overall accuracy and the mismatches.

    Raises:
        ValueError: The two lists differ in length or their raw strings differ.
    """
    if len(gold_records) != len(parsed):
        raise ValueError(f"{len(gold_records)} gold records but {len(parsed)} parsed records")
    counts = {field: [0, 0] for field in fields}
    mismatches: list[Mismatch] = []
    perfect = 0
    for gold, record in zip(gold_records, parsed):
        found = [m for field, m in compare_record(gold, record, fields, comparer) if count(counts, field, m)]
        mismatches += found
        perfect += not found
    scores = tuple(FieldScore(field, correct, total) for field, (correct, total) in counts.items())
    return AccuracyReport(len(parsed), scores, tuple(mismatches), perfect)


def count(counts: dict[str, list[int]], field: str, mismatch: Mismatch | None) -> bool:
    """Count one comparison; True when it is a mismatch."""
    counts[field][1] += 1
    counts[field][0] += mismatch is None
    return mismatch is not None


def compare_record(gold: dict, record: ParsedReference, fields: tuple[str, ...] = FIELDS,
                   comparer: Callable[[str, object], object] | None = None) -> list[tuple[str, Mismatch | None]]:
    """Each compared field of one record, with its mismatch or None when it agrees."""
    comparer = comparer or comparable
    if gold.get("raw") != record.raw:
        raise ValueError(f"gold and parsed records out of step at {gold.get('raw')!r}")
    got = record.as_dict()
    results = []
    for field in (f for f in fields if f in gold):
        same = comparer(field, gold[field]) == comparer(field, got[field])
        mismatch = None if same else Mismatch(str(gold.get("source", "")), gold.get("position"), record.raw,
                                              field, gold[field], got[field])
        results.append((field, mismatch))
    return results


def load_gold(paths: Sequence[str | Path]) -> list[dict]:
    """Read gold JSON Lines files; each record gets its file's stem as ``source``.

    Raises:
        ValueError: A file cannot be read or a line is not a JSON object with ``raw``.
    """
    records = []
    for path in map(Path, paths):
        try:
            lines = path.read_text(encoding="utf-8").split("\n")  # JSON may hold a raw U+2028
        except (OSError, UnicodeDecodeError) as exc:
            raise ValueError(f"{path}: cannot read: {exc}") from exc
        for number, line in enumerate(lines, 1):
            if line.strip():
                records.append(gold_line(path, number, line))
    return records


def gold_line(path: Path, number: int, line: str) -> dict:
    """One gold record, checked to be an object with a string ``raw``."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}:{number}: not JSON: {exc.msg}") from exc
    if not isinstance(record, dict) or not isinstance(record.get("raw"), str):
        raise ValueError(f"{path}:{number}: expected an object with a string 'raw'")
    return {**record, "source": path.stem}


def gold_paths(paths: Sequence[str]) -> list[Path]:
    """The gold files named, or every *.jsonl under the default folder."""
    if paths:
        return [Path(p) for p in paths]
    return sorted(Path(DEFAULT_GOLD).glob("*.jsonl"))


def evaluate_files(paths: Sequence[str | Path]) -> AccuracyReport:
    """Parse every gold record's ``raw`` and evaluate; the one-call form for tests and CLIs."""
    from .reference import parse_references

    gold = load_gold(paths)
    return evaluate(gold, parse_references([record["raw"] for record in gold]))


def main_evaluate(argv: Sequence[str] | None = None) -> int:
    """Print the accuracy table for gold files (the entry point for a CLI or `make` target).

    Args:
        argv: Command-line arguments; ``sys.argv[1:]`` when None.

    Returns:
        The exit code: 0 when overall accuracy >= --min-accuracy, 1 below it,
        2 when the gold files are missing or malformed.

    Example:
        python -m litgraph.parse.evaluate tests/gold/refs/*.jsonl --output test-artifacts/parser-accuracy.txt
    """
    args = argument_parser().parse_args(argv)
    paths = gold_paths(args.gold)
    if not paths:
        print(f"error: no gold files found in {DEFAULT_GOLD}", file=sys.stderr)
        return 2
    try:
        report = evaluate_files(paths)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(report.table())
    if args.output:
        write_report(Path(args.output), report)
    return 0 if report.overall >= args.min_accuracy else 1


def argument_parser() -> argparse.ArgumentParser:
    """The options of `main_evaluate`."""
    parser = argparse.ArgumentParser(prog="python -m litgraph.parse.evaluate",
                                     description="Parser accuracy on hand-checked gold records.")
    parser.add_argument("gold", nargs="*", help=f"gold .jsonl files (default: {DEFAULT_GOLD}/*.jsonl)")
    parser.add_argument("--min-accuracy", type=float, default=0.97, help="exit 1 below this (default 0.97)")
    parser.add_argument("--output", help="also write the report to this file")
    return parser


def write_report(path: Path, report: AccuracyReport) -> None:
    """Write the report table to `path`, creating its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(report.table() + "\n", encoding="utf-8")

if __name__ == "__main__":
    sys.exit(main_evaluate())
