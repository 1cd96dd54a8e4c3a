"""Caveats: findings that give reasons to doubt other findings or whole studies.

A caveat is a finding (a study-quality note, quoted like any other) with two extra keys::

    caveats: [apt-pitt-psychosocial, {entry: 39}]   # finding ids, or studies: {entry: N} | {doi: "10..."}
    doubts: [risk-of-bias, poorly-defined-intervention]   # scheme doubt (ontology/concepts.ttl)

`litgraph equivocal` lists, beside each side of a disagreement, the caveats that
name one of that side's findings or the study it rests on.
"""

from __future__ import annotations

from typing import Any

from ..errors import CorpusError
from .model import CaveatTarget, Finding

CAVEAT_HELP = "caveats takes a list of finding ids or studies ({entry: N} or {doi: \"10...\"})"


def caveat_targets(item: Any, positions: set[int], fail) -> tuple[CaveatTarget, ...]:
    """The `caveats:` list of one finding record, checked for shape (ids are checked across files later)."""
    from .load import ID_RE, source_value

    value = item.get("caveats")
    if value is None:
        return ()
    if not isinstance(value, list) or not value:
        raise fail("caveats", CAVEAT_HELP)
    targets = []
    for target in value:
        if isinstance(target, str) and ID_RE.match(target):
            targets.append(CaveatTarget(finding=target))
        elif isinstance(target, dict) and not target.get("self"):
            targets.append(CaveatTarget(source=source_value(target, positions, fail, "caveats")))
        else:
            raise fail("caveats", f"{CAVEAT_HELP}, not {target!r}")
    return tuple(dict.fromkeys(targets))


def check_caveat_targets(findings: list[Finding]) -> list[CorpusError]:
    """A problem for every caveat that names a finding id no findings file has, or itself."""
    known = {f.id for f in findings}
    errors = []
    for finding in findings:
        for target in finding.caveats:
            if target.finding == finding.id:
                errors.append(CorpusError(finding.path, f"finding {finding.id}: a caveat cannot doubt itself",
                                          finding.line))
            elif target.finding and target.finding not in known:
                errors.append(CorpusError(finding.path, f"finding {finding.id}: caveats names finding "
                                                        f"{target.finding!r}, which no findings file has",
                                          finding.line))
    return errors
