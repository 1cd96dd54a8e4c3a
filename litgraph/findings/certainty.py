"""How the evidence stacks up per domain, factor and outcome: the table a reviewer builds by hand.

For each concept: the number of findings and of distinct studies (source works), the
designs, agreement (all one way, or mixed) and whether any trial evidence is there.
This is not a GRADE judgement of certainty, which stays with people; the output says so.

    >>> rows = [{"domain": "Role distinctiveness", "factor": None, "outcomes": [], "polarity": "barrier",
    ...          "direction": None, "design": "qualitative study", "trial_evidence": False,
    ...          "source": {"work": "w1"}, "doubts": []}]
    >>> certainty_rows(rows)[0]["agreement"]
    'all barrier'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

NOT_GRADE = "counts, not a GRADE judgement of certainty"
KINDS = ("domain", "factor", "outcome")


def concepts_of(row: dict) -> Iterable[tuple[str, str]]:
    """(kind, label) of every domain, factor and outcome a finding is coded against."""
    if row.get("domain"):
        yield "domain", row["domain"]
    if row.get("factor"):
        yield "factor", row["factor"]
    for outcome in row.get("outcomes") or []:
        yield "outcome", outcome


def verdict(row: dict) -> str | None:
    """The finding's polarity (domains, factors) or direction (outcomes)."""
    return row.get("polarity") or row.get("direction")


def agreement(verdicts: Sequence[str | None]) -> str:
    """`all facilitator`, `all benefit`, or `mixed: 3 barrier, 1 facilitator`."""
    counts: dict[str, int] = {}
    for value in verdicts:
        if value:
            counts[value] = counts.get(value, 0) + 1
    if len(counts) == 1:
        return f"all {next(iter(counts))}"
    return "mixed: " + ", ".join(f"{n} {v}" for v, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def summarise(kind: str, concept: str, rows: Sequence[dict]) -> dict:
    return {"kind": kind, "concept": concept, "findings": len(rows),
            "studies": len({r["source"]["work"] for r in rows}),
            "designs": sorted({r["design"] for r in rows if r["design"]}),
            "agreement": agreement([verdict(r) for r in rows]),
            "trial_evidence": any(r["trial_evidence"] for r in rows)}


def broader_labels(concepts, kind: str, label: str) -> list[str]:
    """The labels of every concept above `label` in its scheme (none without `concepts`)."""
    if concepts is None:
        return []
    try:
        todo = list(concepts.resolve(kind, label).broader)
    except Exception:  # a label the schemes do not know has no broader concepts
        return []
    seen: list[str] = []
    while todo:
        iri = todo.pop()
        if iri in concepts.by_iri and concepts.by_iri[iri].label not in seen:
            seen.append(concepts.by_iri[iri].label)
            todo += list(concepts.by_iri[iri].broader)
    return seen


def certainty_rows(rows: Sequence[dict], concepts=None) -> list[dict]:
    """One row per domain, factor and outcome the evidence `rows` are coded against (caveats left out).

    With `concepts` (a ConceptIndex), a broader domain or outcome takes in its narrower ones'
    findings, as the evidence map and the filters of `litgraph evidence` do.
    """
    groups: dict[tuple[str, str], list[dict]] = {}
    for row in rows:
        if row.get("doubts"):
            continue
        for kind, label in concepts_of(row):
            for name in (label, *broader_labels(concepts, kind, label)):
                group = groups.setdefault((kind, name), [])
                if row not in group:
                    group.append(row)
    ordered = sorted(groups, key=lambda k: (KINDS.index(k[0]), k[1].casefold()))
    return [summarise(kind, concept, groups[(kind, concept)]) for kind, concept in ordered]
