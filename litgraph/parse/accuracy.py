"""`make accuracy`: field accuracy on every evaluation set, and the parser's speed.

Sets, each read at evaluation time only:

- the seed gold (`tests/gold/refs`) and the held-out strings (`tests/gold/heldout`),
  compared as `evaluate` compares them (exact, whitespace-collapsed titles);
- where `../shared/refdata/` exists, AnyStyle's `anystyle-core.xml` and
  `anystyle-good.xml`: measured only, never copied, never trained on.
  Their segments are turned into fields by the labeller's own `crf.fields`
  (authors split into persons, year from date, container from journal or
  container-title, volume and issue from "36(2)", ranges completed) and
  compared after normalising case, punctuation and whitespace; authors by
  their family names; formatting tags (`<italic>`) count as punctuation. Each AnyStyle table
  is followed by its odd and even positions apart: the odd ones were read while developing
  (their mistakes chose training shapes and repairs), the even ones never.

    python -m litgraph.parse.accuracy [--refdata ../shared/refdata] [--output FILE]
"""

from __future__ import annotations

import argparse
import sys
import time
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from ..model import ParsedReference
from .evaluate import AccuracyReport, evaluate, load_gold
from .normalise import MARKUP

ROOT = Path(__file__).resolve().parents[2]
ANYSTYLE_SETS = ("anystyle-core.xml", "anystyle-good.xml")
ANYSTYLE_FIELDS = ("authors", "year", "title", "container", "volume", "issue", "first_page", "last_page")


def normalised(field: str, value: object) -> object:
    """A field as compared on the AnyStyle sets: case, punctuation and whitespace ignored."""
    if value in (None, "", [], ()):
        return None
    if field == "authors":
        return tuple(squash(a.get("family") or a.get("literal") or "") for a in value)  # type: ignore[union-attr]
    return squash(str(value))


def squash(text: str) -> str:
    """Lower case, letters and digits only, accents kept, ligatures unfolded, formatting tags
    (`<italic>`) dropped like punctuation."""
    text = unicodedata.normalize("NFKC", MARKUP.sub("", text)).casefold()
    return "".join(ch for ch in text if ch.isalnum())


def anystyle_gold(path: Path) -> list[dict]:
    """Gold records from an AnyStyle XML file: the fields its segments give."""
    from .crf.data import read_training_file
    from .crf.fields import read_fields
    from .crf.labeller import Labelling

    records = []
    for number, seq in enumerate(read_training_file(path), 1):
        raw = " ".join(seq.tokens)
        plain = [(MARKUP.sub("", t), label) for t, label in zip(seq.tokens, seq.labels) if MARKUP.sub("", t)]
        tokens, labels = tuple(t for t, _ in plain), tuple(label for _, label in plain)
        gold = read_fields(raw, Labelling(tokens, labels, (1.0,) * len(tokens)), None).reference
        records.append({**gold.as_dict(), "source": path.stem, "position": number})
    return records


def score(gold: list[dict], anystyle: bool, model: str | None = None) -> tuple[AccuracyReport, float]:
    """Parse every gold `raw` and compare; also the references parsed per second."""
    report, rate, _ = score_with_halves(gold, anystyle, model)
    return report, rate


def score_with_halves(gold: list[dict], anystyle: bool,
                      model: str | None = None) -> tuple[AccuracyReport, float, tuple[AccuracyReport, ...]]:
    """`score`, and for the AnyStyle sets the reports on their odd and even positions apart."""
    from .reference import parse_references

    started = time.process_time()
    parsed: list[ParsedReference] = parse_references([record["raw"] for record in gold], model)
    rate = len(gold) / max(time.process_time() - started, 1e-9)
    if not anystyle:
        return evaluate(gold, parsed), rate, ()
    halves = tuple(evaluate([g for g in gold if g["position"] % 2 == odd],
                            [p for g, p in zip(gold, parsed) if g["position"] % 2 == odd],
                            ANYSTYLE_FIELDS, normalised) for odd in (1, 0))
    return evaluate(gold, parsed, ANYSTYLE_FIELDS, normalised), rate, halves


HALVES = ("odd positions (looked at while developing: error analysis chose training shapes and repairs)",
          "even positions (never looked at)")


def halves_lines(halves: tuple[AccuracyReport, ...]) -> list[str]:
    """One line per half of an AnyStyle set: its overall field accuracy and all-right share."""
    return [f"{name}: {report.overall:.3f} of fields, {report.all_right:.3f} of references all right "
            f"({report.records})" for name, report in zip(HALVES, halves)]


def report_sets(refdata: Path) -> list[tuple[str, list[dict], bool]]:
    """(name, gold records, compared loosely?) for every set that exists."""
    sets = [("seed gold (tests/gold/refs)", load_gold(sorted((ROOT / "tests/gold/refs").glob("*.jsonl"))), False),
            ("held-out (tests/gold/heldout)", load_gold(sorted((ROOT / "tests/gold/heldout").glob("*.jsonl"))), False)]
    for name in ANYSTYLE_SETS:
        if (refdata / name).is_file():
            sets.append((f"{name} (measured only)", anystyle_gold(refdata / name), True))
    return sets


def main(argv: Sequence[str] | None = None) -> int:
    """Print each set's per-field table, overall and all-right share, and the speed."""
    parser = argparse.ArgumentParser(prog="python -m litgraph.parse.accuracy")
    parser.add_argument("--refdata", default=str(ROOT.parent / "shared" / "refdata"))
    parser.add_argument("--output", help="also write the report to this file")
    parser.add_argument("--mismatches", action="store_true", help="list every mismatch")
    parser.add_argument("--model", help="a CRF model file to measure instead of the shipped one")
    args = parser.parse_args(argv)
    from . import parse_reference

    from .crf.model import ModelError

    try:
        parse_reference("Warm up J. The model loads once. J Test. 2001;1:1-2.", args.model)
    except ModelError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    lines = []
    for name, gold, loose in report_sets(Path(args.refdata)):
        report, rate, halves = score_with_halves(gold, loose, args.model)
        lines += [f"== {name}: {report.records} references, {rate:,.0f} references/s on one core", "",
                  report.table(mismatches=args.mismatches), *halves_lines(halves), ""]
    text = "\n".join(lines)
    print(text)
    if args.output:
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        Path(args.output).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
