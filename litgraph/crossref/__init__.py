"""The Crossref stage: keep the corpus current from Crossref's REST API.

    plan (habanero builds the request)  ->  client (httpx2: cache, throttle, retries)
        ->  normalise (Crossref JSON -> CrossrefWork)  ->  validate + decide (pure)
        ->  match | add | refresh  ->  files under corpus/crossref/ (atomic writes)

Modules: `config` (options, LITGRAPH_MAILTO, config files), `plan`, `client`,
`throttle`, `retry`, `cache`, `normalise`, `validate`, `decide`, `match`,
`add`, `papers`, `refresh`, `files`, `lookup`, `progress`, `errors`.

Crossref data lives in corpus/crossref/, never in the curated files. The
build reads it through three pure loaders:

    load_accepted_matches(corpus_dir) -> dict[str, Match]       entry key -> accepted DOI
    load_citation_counts(corpus_dir) -> list[CitationCount]     C4O global citation counts
    load_added_papers(corpus_dir) -> AddedPapers                papers added from Crossref
    load_deposit_provenance(corpus_dir) -> dict[str, DepositedLine]   their lines' deposit keys, DOIs

Example:
    >>> from litgraph.crossref import decide, work_from_crossref
    >>> decide("Department of Health (2011) No Health Without Mental Health. TSO.", []).decision
    'abstained'
"""

from __future__ import annotations

from .decide import ACCEPT_SCORE, MIN_AGREEING, REVIEW_SCORE, Candidate, Decision, decide
from .files import CitationCount, Match, load_accepted_matches, load_citation_counts
from .normalise import CrossrefWork, DepositedReference, reference_line, work_from_crossref
from .papers import AddedPapers, DepositedLine, load_added_papers, load_deposit_provenance
from .validate import TITLE_AGREES, Validation, validate_candidate

__all__ = [
    "ACCEPT_SCORE",
    "MIN_AGREEING",
    "REVIEW_SCORE",
    "TITLE_AGREES",
    "AddedPapers",
    "Candidate",
    "CitationCount",
    "CrossrefWork",
    "Decision",
    "DepositedLine",
    "DepositedReference",
    "Match",
    "Validation",
    "decide",
    "load_accepted_matches",
    "load_added_papers",
    "load_citation_counts",
    "load_deposit_provenance",
    "reference_line",
    "validate_candidate",
    "work_from_crossref",
]
