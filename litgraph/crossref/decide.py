"""From validated candidates to a decision: accepted, review or abstained (pure).

Precision first. A wrong DOI is worse than none: identity joins entries that
share a DOI before anything else, so one false DOI merges two works in the
graph, while a missing DOI only leaves the entry to the scored comparison.
So a DOI is accepted only when the evidence is overwhelming, and everything
that is merely plausible goes to a curator (docs/crossref.md explains the
numbers):

- accepted: score >= ACCEPT_SCORE, at least MIN_AGREEING of the five fields
  agree, the title agrees (similarity >= TITLE_AGREES), no field the
  candidate has is contradicted ("differ"), and no second candidate would
  also pass (two passing DOIs mean duplicates, an erratum, a reprint);
- review: the best candidate scores >= REVIEW_SCORE and its title or its
  first author agrees, but it was not accepted;
- abstained: anything else, including no candidates at all (many printed
  references, such as policy documents, have no DOI).

Example:
    >>> decide("Department of Health (2011) No Health Without Mental Health.", []).decision
    'abstained'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..model import ParsedReference
from .normalise import CrossrefWork
from .validate import TITLE_AGREES, Validation, validate_candidate

ACCEPT_SCORE = 0.80
MIN_AGREEING = 4
REVIEW_SCORE = 0.50

DecisionKind = Literal["accepted", "review", "abstained"]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A search hit with its validation against the printed string."""

    work: CrossrefWork
    validation: Validation

    def as_dict(self) -> dict[str, object]:
        return {"doi": self.work.doi, "title": self.work.title, "score": self.validation.score,
                "relevance": self.work.relevance, "validation": self.validation.as_dict()}


@dataclass(frozen=True, slots=True)
class Decision:
    """What matching decided for one printed reference, and why."""

    decision: DecisionKind
    doi: str | None
    score: float
    validation: Validation | None
    candidates: tuple[Candidate, ...]
    reason: str

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None

    def as_dict(self) -> dict[str, object]:
        """The JSON shape of `litgraph crossref match --ref`."""
        return {"decision": self.decision, "doi": self.doi, "score": self.score,
                "validation": self.validation.as_dict() if self.validation else {},
                "reason": self.reason,
                "candidates": [{"doi": c.work.doi, "title": c.work.title, "score": c.validation.score}
                               for c in self.candidates]}


def decide(raw: str, works: list[CrossrefWork], parsed: ParsedReference | None = None) -> Decision:
    """Validate every hit for `raw` and decide which DOI, if any, it denotes."""
    candidates = rank(raw, works, parsed)
    if not candidates:
        return Decision("abstained", None, 0.0, None, (), "Crossref returned no candidates")
    best = candidates[0]
    problem = why_not_accepted(best, candidates[1:])
    if problem is None:
        agreeing = len(best.validation.agreeing)
        return Decision("accepted", best.work.doi, best.validation.score, best.validation, candidates,
                        f"{agreeing} fields agree, score {best.validation.score:.2f}")
    kind: DecisionKind = "review" if is_near_miss(best) else "abstained"
    return Decision(kind, None, best.validation.score, best.validation, candidates, problem)


def rank(raw: str, works: list[CrossrefWork], parsed: ParsedReference | None) -> tuple[Candidate, ...]:
    """Candidates by validation score, Crossref's relevance breaking ties; one per DOI."""
    seen: dict[str, Candidate] = {}
    for work in works:
        if work.doi and work.doi not in seen:
            seen[work.doi] = Candidate(work, validate_candidate(raw, work, parsed))
    return tuple(sorted(seen.values(), key=lambda c: (-c.validation.score, -(c.work.relevance or 0.0),
                                                      c.work.doi)))


def passes(candidate: Candidate) -> str | None:
    """Why `candidate` falls short of acceptance on its own, or None when it passes."""
    v = candidate.validation
    if v.score < ACCEPT_SCORE:
        return f"score {v.score:.2f} below {ACCEPT_SCORE:.2f}"
    if len(v.agreeing) < MIN_AGREEING:
        return f"{len(v.agreeing)} fields agree, {MIN_AGREEING} needed"
    if v.title_similarity < TITLE_AGREES:
        return f"title similarity {v.title_similarity:.2f} below {TITLE_AGREES:.2f}"
    contradicted = [name for name, verdict in v.verdicts if verdict == "differ"]
    if contradicted:
        return f"the string contradicts {', '.join(contradicted)}"
    return None


def why_not_accepted(best: Candidate, others: tuple[Candidate, ...]) -> str | None:
    problem = passes(best)
    if problem:
        return problem
    rivals = [c.work.doi for c in others if passes(c) is None]
    if rivals:
        return f"ambiguous: {', '.join([best.work.doi, *rivals])} all pass"
    return None


def is_near_miss(best: Candidate) -> bool:
    v = best.validation
    return v.score >= REVIEW_SCORE and ("title" in v.agreeing or "first_author" in v.agreeing)
