"""Say why a design filter found nothing, when related designs have findings.

`--design RCT` on the seed graph finds nothing: the trial evidence there is a systematic
review of RCTs, which is not narrower than an RCT. Rather than an empty table, the user
reads::

    no findings with design 'randomised controlled trial'; 6 findings are from
    'systematic review of randomised controlled trials' (trial evidence)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .concepts import ConceptIndex
from .model import Concept


def related_designs(asked: Concept, concepts: ConceptIndex) -> set[str]:
    """Designs a user asking for `asked` may mean: broader ones and their narrower ones (siblings),
    and, for trial evidence, every other design that is trial evidence."""
    related = set()
    for parent in asked.broader:
        related |= concepts.narrower_or_self(parent)
    if asked.is_trial_evidence:
        related |= {c.iri for c in concepts.by_iri.values() if c.scheme == "design" and c.is_trial_evidence}
    return related - concepts.narrower_or_self(asked.iri)


def design_hint(asked_value: str, concepts: ConceptIndex, design_iris: Iterable[str]) -> str | None:
    """The message for a design value that matches no finding, or None when it matches some or nothing is related.

    Args:
        asked_value: the --design value as given.
        concepts: the graph's concept schemes.
        design_iris: the design IRI of every finding in the graph (one per finding).
    """
    asked = concepts.resolve("design", asked_value)
    counts = Counter(design_iris)
    if any(counts[iri] for iri in concepts.narrower_or_self(asked.iri)):
        return None
    related = sorted(((counts[iri], iri) for iri in related_designs(asked, concepts) if counts[iri]),
                     key=lambda pair: (-pair[0], concepts.label(pair[1])))
    if not related:
        return None
    parts = [f"{n} finding{'s' if n != 1 else ''} {'are' if n != 1 else 'is'} from '{concepts.label(iri)}'"
             + (" (trial evidence)" if concepts.by_iri[iri].is_trial_evidence else "") for n, iri in related]
    return f"no findings with design '{asked.label}'; " + "; ".join(parts)
