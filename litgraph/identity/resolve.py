"""resolve_works: from seed papers and printed entries to works, each cited work once."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from ..errors import InputError
from ..model import MergeDecision, Paper, ReferenceEntry, Work
from .cluster import cluster_mentions
from .curator import Assertion, CuratorAssertions
from .fields import choose_fields
from .ids import assign_ids, updated_lock
from .mentions import Mention, mention_from_entry, mention_from_paper


@dataclass(frozen=True, slots=True)
class IdentityResult:
    """Works sorted by id, every decision (merges and near-misses), the updated id lock."""

    works: tuple[Work, ...]
    decisions: tuple[MergeDecision, ...]
    id_lock: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


def resolve_works(papers: Sequence[Paper], entries: Sequence[ReferenceEntry],
                  curator: CuratorAssertions, id_lock: Mapping[str, str]) -> IdentityResult:
    """Group the seed papers and printed entries into works.

    Args:
        papers: the seed papers; each is a member `<doi>#paper` of its own work.
        entries: every printed entry of every list, parsed.
        curator: assertions from corpus/identity.yaml (`load_curator`).
        id_lock: member key -> work id from corpus/work-ids.tsv (`load_id_lock`).

    Returns:
        IdentityResult; its `id_lock` is the lock to write back.

    Raises:
        CorpusError: a curator assertion names a member that does not exist, or
            its `same` assertions join two members it says are `different`.
        InputError: two papers or entries have one member key.
    """
    mentions = [mention_from_paper(p) for p in papers] + [mention_from_entry(e) for e in entries]
    check_unique(mentions)
    curator = canonical_curator(curator, {m.key for m in mentions})
    clustering = cluster_mentions(mentions, curator)
    by_key = {m.key: m for m in mentions}
    groups = clustering.groups
    from_crossref = frozenset(p.doi.lower() for p in papers if p.source.startswith("crossref"))
    chosen = [choose_fields([by_key[k] for k in group], from_crossref) for group in groups]
    assignment = assign_ids(groups, chosen, id_lock)
    works = [work_of(work_id, fields, [by_key[k] for k in group])
             for work_id, fields, group in zip(assignment.ids, chosen, groups)]
    return IdentityResult(
        works=tuple(sorted(works, key=lambda w: w.id)),
        decisions=clustering.decisions,
        id_lock=updated_lock(groups, assignment.ids, id_lock),
        warnings=assignment.warnings,
    )


def check_unique(mentions: Sequence[Mention]) -> None:
    seen: set[str] = set()
    for mention in mentions:
        if mention.key in seen:
            raise InputError(f"two members have the key {mention.key}: a paper or list entry given twice")
        seen.add(mention.key)


def canonical_curator(curator: CuratorAssertions, keys: set[str]) -> CuratorAssertions:
    """Check every key names a member, spelling DOIs as the corpus does (DOIs ignore case)."""
    by_lower = {k.lower(): k for k in keys}

    def canonical(assertion: Assertion) -> Assertion:
        for key in (assertion.a, assertion.b):
            if key.lower() not in by_lower:
                raise curator.error(assertion, f"unknown member key {key}: no paper or printed entry has it")
        return replace(assertion, a=by_lower[assertion.a.lower()], b=by_lower[assertion.b.lower()])

    return replace(curator, same=tuple(dedupe(canonical(a) for a in curator.same)),
                   different=tuple(dedupe(canonical(a) for a in curator.different)))


def dedupe(assertions) -> list[Assertion]:
    seen, kept = set(), []
    for assertion in assertions:
        if assertion.pair not in seen:
            seen.add(assertion.pair)
            kept.append(assertion)
    return kept


def work_of(work_id: str, fields, mentions: Sequence[Mention]) -> Work:
    members = tuple(m.member for m in sorted(mentions, key=member_order))
    return Work(id=work_id, doi=fields.doi, title=fields.title, year=fields.year, authors=fields.authors,
                type=fields.type, container=fields.container, volume=fields.volume, issue=fields.issue,
                first_page=fields.first_page, last_page=fields.last_page,
                article_number=fields.article_number, publisher=fields.publisher, place=fields.place,
                members=members, sources=fields.sources, et_al=authors_cut_short(fields, mentions))


def authors_cut_short(fields, mentions: Sequence[Mention]) -> bool:
    """Whether the member whose author list the work took printed it cut short ("et al.")."""
    giver = dict(fields.sources).get("authors")
    return any(m.fields.et_al for m in mentions if m.key == giver)


def member_order(mention: Mention) -> tuple[bool, str, str, int]:
    """The seed paper first, then entries by paper, list and printed position."""
    member = mention.member
    return (member.list != "paper", member.paper_doi.lower(), member.list, member.position or 0)
