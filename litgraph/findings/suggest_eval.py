"""How well `litgraph findings suggest` proposes the hand-coded findings of the seed papers.

    python -m litgraph.findings.suggest_eval [--corpus corpus] [--seeds ../shared/seeds]

For each seed paper: sentence recall (the share of its coded findings whose quote a
suggestion covers: one holds the other, or they share 60% of the quote's words), sentence
precision (the share of suggestions that cover some coded quote), and per field (domain,
factor, outcome, direction) precision and recall over the matched pairs, every coded value
not suggested counting as missed. Caveats (`caveats:`) are not counted: suggest does not
propose them. Measured only; no target.

Honesty: the cue lists were written with seeds 000, 001 and 003 in view (their quotes were
read while coding caveats), so their figures are in-sample. Seed 002 (HS&DR) was not read
while writing the cues: it is reported apart as the held-out paper.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

HELD_OUT = "gillard-2014-hsdr"
FIELDS = ("domain", "factor", "outcome", "direction")


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.casefold().replace("’", "'"))


def covers(quote: str, sentence: str) -> bool:
    q, s = " ".join(words(quote)), " ".join(words(sentence))
    if q and (q in s or s in q):
        return True
    shared = Counter(words(quote)) & Counter(words(sentence))
    return sum(shared.values()) >= 0.6 * max(1, len(words(quote)))


def values(finding, field: str) -> set[str]:
    """The slugs a finding (a Finding or a draft dict) has for a field."""
    if isinstance(finding, dict):
        raw = finding.get("outcomes", []) if field == "outcome" else [finding.get(field)]
        return {v for v in raw if v}
    raw = finding.outcomes if field == "outcome" else (getattr(finding, field),)
    return {v.rstrip("/").rsplit("/", 1)[-1] for v in raw if v}


def score_paper(coded: list, drafted: list[dict]) -> dict:
    """Counts for one paper: matched sentences, and per field true positives, suggested, coded."""
    counts = Counter(coded=len(coded), drafted=len(drafted))
    used = set()
    for finding in coded:
        match = next((d for d in drafted if covers(finding.quote, d["quote"])), None)
        for field in FIELDS:
            counts[f"{field}_coded"] += len(values(finding, field))
        if match is None:
            continue
        counts["found"] += 1
        used.add(match["id"])
        for field in FIELDS:
            counts[f"{field}_tp"] += len(values(finding, field) & values(match, field))
            counts[f"{field}_suggested"] += len(values(match, field))
    counts["drafted_matching"] = len(used)
    return counts


def ratio(a: int, b: int) -> str:
    return f"{a / b:.2f} ({a}/{b})" if b else "n/a"


def line(name: str, c: Counter) -> str:
    parts = [f"sentence recall {ratio(c['found'], c['coded'])}",
             f"sentence precision {ratio(c['drafted_matching'], c['drafted'])}"]
    parts += [f"{f} P {ratio(c[f + '_tp'], c[f + '_suggested'])} R {ratio(c[f + '_tp'], c[f + '_coded'])}"
              for f in FIELDS]
    return f"findings suggest, {name}: " + "; ".join(parts)


def evaluate(corpus_dir: Path, seeds_root: Path) -> dict[str, Counter]:
    from ..corpus import load_corpus
    from ..project import legacy_project
    from .citations import reference_list
    from .concepts import load_concepts
    from .load import load_findings
    from .suggest import draft_findings

    corpus = load_corpus(corpus_dir)
    concepts = load_concepts(legacy_project(Path(corpus_dir).resolve().parent).vocabulary_files())
    coded = [f for f in load_findings(corpus, concepts) if not f.caveats]
    scores = {}
    for paper in corpus.papers:
        text = (seeds_root / Path(paper.source).name).read_text(encoding="utf-8")
        entries = reference_list(corpus, paper.doi)
        drafted = draft_findings(text, entries, concepts, paper.slug)
        scores[paper.slug] = score_paper([f for f in coded if f.paper_doi == paper.doi], drafted)
    return scores


def main(argv: list[str]) -> int:
    corpus = Path(argv[argv.index("--corpus") + 1]) if "--corpus" in argv else Path("corpus")
    default_seeds = Path(__file__).resolve().parents[3] / "shared" / "seeds"
    seeds = Path(argv[argv.index("--seeds") + 1]) if "--seeds" in argv else default_seeds
    scores = evaluate(corpus, seeds)
    in_view = sum((c for slug, c in scores.items() if slug != HELD_OUT), Counter())
    print(line("seeds 000, 001, 003 (cue lists written with them in view)", in_view))
    print(line(f"seed 002 held out ({HELD_OUT}, not read while writing cues)", scores.get(HELD_OUT, Counter())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
