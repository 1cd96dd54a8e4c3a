"""The rows of `litgraph equivocal`: where trial and non-trial evidence disagree, and why to doubt each side.

One row per outcome::

    {"outcome": "Service use",
     "trial_evidence": [<evidence row>, ...], "non_trial_evidence": [<evidence row>, ...],
     "trial_doubts": [<caveat>, ...], "non_trial_doubts": [<caveat>, ...]}

A caveat is the evidence row of a caveat finding plus `applies_to`: the findings of that
side it names, directly or through the study they rest on (`caveats: [{entry: 39}]`).
Its `doubts` are the reasons (risk of bias, small samples, ...).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..queries import get_query, run_query
from ..store import GraphStore
from .evidence import FINDING_PREFIX, evidence_row, finding_records


def disagreeing_findings(store: GraphStore) -> dict[str, dict[str, list[str]]]:
    """Outcome label -> {"trial": [finding IRIs], "non_trial": [...]}, from query equivocal-rct."""
    sides: dict[str, dict[str, list[str]]] = {}
    for pair in run_query(get_query("equivocal-rct"), store).rows:
        outcome = sides.setdefault(pair["outcome"], {"trial": [], "non_trial": []})
        for side in ("trial", "non_trial"):
            if pair[f"{side}_finding"] not in outcome[side]:
                outcome[side].append(pair[f"{side}_finding"])
    return sides


def caveat_targets(store: GraphStore) -> dict[str, set[str]]:
    """Caveat finding IRI -> the finding and work IRIs it doubts."""
    targets: dict[str, set[str]] = defaultdict(set)
    for row in store.select(get_query("_caveats").text).rows:
        targets[row["caveat"]].add(row["target"])
    return targets


def doubts_for(findings: list[str], records: dict[str, dict], targets: dict[str, set[str]]) -> list[dict]:
    """The caveats that name one of `findings` or the work one of them rests on, each with `applies_to`."""
    out = []
    for caveat, named in targets.items():
        applies = [f for f in findings if f in named or records[f]["source"] in named]
        if applies and caveat in records:
            row = evidence_row(records[caveat])
            out.append(dict(row, applies_to=[f.removeprefix(FINDING_PREFIX) for f in applies]))
    return sorted(out, key=lambda r: r["finding"])


def equivocal_rows(store: GraphStore) -> list[dict[str, Any]]:
    """One row per outcome where trial and non-trial evidence disagree, with the reasons to doubt each side."""
    records, targets = finding_records(store), caveat_targets(store)
    rows = []
    for outcome, found in disagreeing_findings(store).items():
        trial = [f for f in found["trial"] if f in records]
        other = [f for f in found["non_trial"] if f in records]
        rows.append({"outcome": outcome,
                     "trial_evidence": [evidence_row(records[f]) for f in trial],
                     "non_trial_evidence": [evidence_row(records[f]) for f in other],
                     "trial_doubts": doubts_for(trial, records, targets),
                     "non_trial_doubts": doubts_for(other, records, targets)})
    return rows
