"""The coder's assistant: draft findings from a paper's text, against the project's own vocabulary.

Pure stages, no I/O:

- `candidate_sentences`: every sentence with an in-text citation (resolved to the paper's
  list entry with the resolver `litgraph findings check` uses), and every uncited sentence
  that names a concept *and* carries a cue word (the paper's own claims, `{self: true}`);
- `match_concepts`: the labels and synonyms of the project's domains, factors, outcomes,
  roles and mechanisms found in the sentence, whole words, case-insensitively;
- `read_cues`: polarity or direction from the cue lists in `findings/cues/*.txt`;
- `suggestion`: one draft finding in the findings format, plus `suggested:`, which says
  for every value which words it was read from. A draft is for a curator to accept or edit
  (`litgraph findings accept`); nothing here writes the curated files.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..model import ParsedReference
from .citations import body_span, extract_citations, resolve_citation
from .concepts import ConceptIndex
from .model import Concept
from .sentences import Sentence, split_sentences

SCHEMES = ("domain", "factor", "outcome", "role", "mechanism")
DIRECTIONS = ("no-difference", "mixed", "harm", "benefit")  # first found wins: "no difference ... except a reduction"
POLARITIES = ("barrier", "facilitator")
DEFAULT_DESIGN = "literature-review"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A sentence worth coding: its citation as printed and the list entry it resolves to, if any."""

    sentence: Sentence
    citation: str | None = None
    entry: int | None = None
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class Matches:
    """What a sentence says, as read from its words: concepts by scheme, cues by value."""

    concepts: dict[str, list[tuple[Concept, str]]] = field(default_factory=dict)
    cues: dict[str, str] = field(default_factory=dict)  # "benefit" -> the words it was read from


@lru_cache(maxsize=None)
def cue_list(name: str) -> tuple[re.Pattern, ...]:
    """The cues of findings/cues/<name>.txt as patterns (a trailing * matches any ending)."""
    text = (resources.files("litgraph.findings") / "cues" / f"{name}.txt").read_text(encoding="utf-8")
    cues = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return tuple(re.compile(r"\b" + re.escape(c.rstrip("*")).replace(r"\ ", r"\s+")
                            + (r"\w*" if c.endswith("*") else r"\b"), re.IGNORECASE) for c in cues)


def first_cue(text: str, name: str) -> str | None:
    hits = [m for pattern in cue_list(name) if (m := pattern.search(text))]
    return min(hits, key=lambda m: m.start()).group(0) if hits else None


def read_cues(text: str) -> dict[str, str]:
    """{"benefit": "reduction", "barrier": "lack of", ...}: every value whose cue list has a hit."""
    return {name: cue for name in (*DIRECTIONS, *POLARITIES) if (cue := first_cue(text, name))}


@lru_cache(maxsize=None)
def name_pattern(name: str) -> re.Pattern:
    words = [re.escape(w) for w in re.split(r"[\s\-]+", name.strip()) if w]
    return re.compile(r"\b" + r"[\s\-]+".join(words) + r"(?:s|es)?\b", re.IGNORECASE)


def match_concepts(text: str, concepts: ConceptIndex) -> dict[str, list[tuple[Concept, str]]]:
    """Per scheme, the concepts whose label or synonym the text names, longest name first."""
    found: dict[str, list[tuple[Concept, str]]] = {}
    for concept in concepts.by_iri.values():
        if concept.scheme not in SCHEMES:
            continue
        names = sorted((concept.label, *concept.alt_labels), key=len, reverse=True)
        hit = next((m.group(0) for n in names if len(n) > 2 and (m := name_pattern(n).search(text))), None)
        if hit:
            found.setdefault(concept.scheme, []).append((concept, hit))
    return {s: sorted(v, key=lambda pair: -len(pair[1])) for s, v in found.items()}


def candidate_sentences(text: str, entries: Mapping[int, ParsedReference], concepts: ConceptIndex) -> list[Candidate]:
    """Cited sentences (with their resolved entry) and uncited ones that name a concept and a cue."""
    start, end = body_span(text)
    citations = extract_citations(text, start, end)
    out = []
    for sentence in split_sentences(text, start, end):
        inside = [c for c in citations if sentence.start <= c.offset < sentence.end]
        if inside:
            out.append(cited(sentence, inside[0], entries))
        elif match_concepts(sentence.text, concepts) and read_cues(sentence.text):
            out.append(Candidate(sentence))
    return out


def cited(sentence: Sentence, citation, entries: Mapping[int, ParsedReference]) -> Candidate:
    printed = citation.text if citation.form == "narrative" else f"({citation.text})"
    resolution = resolve_citation(citation, entries) if entries else None
    if resolution and resolution.status == "resolved":
        return Candidate(sentence, printed, resolution.positions[0])
    why = resolution.reason if resolution else "the paper has no reference list"
    return Candidate(sentence, printed, None, f"citation {printed} not resolved: {why}")


def verdict(matches: Matches, kind: str) -> tuple[str, str] | None:
    """The first direction (or polarity) whose cue the sentence has, with the cue."""
    order = DIRECTIONS if kind == "direction" else POLARITIES
    return next(((v, matches.cues[v]) for v in order if v in matches.cues), None)


def topic(matches: Matches, concepts: ConceptIndex) -> tuple[dict, dict]:
    """The draft's concept fields, and for each the words it was read from."""
    fields, why = {}, {}
    found = matches.concepts
    direction, polarity = verdict(matches, "direction"), verdict(matches, "polarity")
    if found.get("outcome") and direction:
        fields["outcomes"] = [c.slug for c, _ in found["outcome"][:3]]
        why["outcomes"] = ", ".join(w for _, w in found["outcome"][:3])
        fields["direction"], why["direction"] = direction
    if found.get("mechanism"):
        (fields["mechanism"], why["mechanism"]) = (found["mechanism"][0][0].slug, found["mechanism"][0][1])
    if (found.get("factor") or found.get("domain")) and polarity:
        factor = found["factor"][0] if found.get("factor") else None
        if factor:
            fields["factor"], why["factor"] = factor[0].slug, factor[1]
        domain = domain_of(factor[0], concepts) if factor else None
        if domain is None and found.get("domain"):
            domain, why["domain"] = found["domain"][0][0].slug, found["domain"][0][1]
        if domain:
            fields["domain"] = domain
            why.setdefault("domain", f"the domain of factor {factor[0].slug}" if factor else "")
        fields["polarity"], why["polarity"] = polarity
    if found.get("role"):
        fields["roles"] = [c.slug for c, _ in found["role"]]
        why["roles"] = ", ".join(w for _, w in found["role"])
    if "mechanism" in fields and "direction" not in fields and "polarity" not in fields:
        fields["direction"], why["direction"] = direction or ("benefit", "none: a mechanism, assumed benefit")
    return fields, why


def domain_of(factor: Concept, concepts: ConceptIndex) -> str | None:
    return concepts.by_iri[factor.domains[0]].slug if factor.domains and factor.domains[0] in concepts.by_iri else None


def suggestion(candidate: Candidate, number: int, prefix: str, concepts: ConceptIndex) -> dict:
    """One draft finding in the findings format, with `suggested:` saying where each value came from."""
    sentence = candidate.sentence
    matches = Matches(match_concepts(sentence.text, concepts), read_cues(sentence.text))
    fields, why = topic(matches, concepts)
    design, design_cue = design_of(sentence.text, concepts)
    record = {"id": f"{prefix}-s{number:03d}", "statement": sentence.text, "quote": sentence.text,
              "section": sentence.section or "Body"}
    if candidate.citation and candidate.entry:
        record["citation"] = candidate.citation
    record["source"] = {"entry": candidate.entry} if candidate.entry else {"self": True}
    record["design"] = design
    record |= fields
    why["design"] = design_cue
    if candidate.problem:
        why["source"] = candidate.problem + "; set to {self: true}: check"
    record["suggested"] = why
    return record


def design_of(text: str, concepts: ConceptIndex) -> tuple[str, str]:
    """A design the sentence names ("a comparison group study"), else the default, said to be one."""
    designs = [(c, m.group(0)) for c in concepts.by_iri.values() if c.scheme == "design"
               for n in (c.label, *c.alt_labels) if len(n) > 3 and (m := name_pattern(n).search(text))]
    if designs:
        concept, words = max(designs, key=lambda pair: len(pair[1]))
        return concept.slug, words
    return DEFAULT_DESIGN, f"none named in the sentence: {DEFAULT_DESIGN} by default, check"


def draft_findings(text: str, entries: Mapping[int, ParsedReference], concepts: ConceptIndex,
                   prefix: str) -> list[dict]:
    """Every suggestion for a paper's text, numbered in printed order."""
    return [suggestion(c, n, prefix, concepts)
            for n, c in enumerate(candidate_sentences(text, entries, concepts), 1)]


def draft_document(paper_doi: str, source_text: str, findings: Sequence[dict], today: str) -> dict:
    """The draft file: the findings-file header, marked as a draft, and the suggestions."""
    return {"paper": paper_doi, "coded_by": "litgraph findings suggest", "coded_on": today,
            "source_text": source_text, "draft": True, "findings": list(findings)}
