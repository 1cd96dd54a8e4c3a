"""What changed: each build's manifest, and the differences between two builds.

    build  ->  manifest (manifest.py)  ->  build/current/manifest.json, build/history/<id>.json (history.py)
    two manifests  ->  Comparison of Changes (diff.py)  ->  `litgraph changes`, the report's changes page

Example:
    >>> from litgraph.changes import compare, summary_line
    >>> empty = {"build": "b1", "works": {}, "decisions": [], "doi_matches": {}, "doi_rejected": {},
    ...          "citation_counts": {}, "findings": {}}
    >>> summary_line(compare(empty, dict(empty, build="b2")))
    'no changes since the last build'
"""

from __future__ import annotations

from .diff import Change, Comparison, compare, summary_line

__all__ = ["Change", "Comparison", "compare", "summary_line"]
