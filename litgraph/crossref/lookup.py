"""One work as litgraph sees it: Crossref's metadata, and its deposited references parsed.

Example (offline, from a message already fetched):

    describe_work(work_from_crossref(message))["references"][0]["parsed"]["year"]
"""

from __future__ import annotations

from .normalise import CrossrefWork, reference_line


def describe_work(work: CrossrefWork) -> dict[str, object]:
    """`work.as_dict()` plus `references`: each deposited entry with its key, DOI, who asserted
    the DOI, the deposited string and fields, the line litgraph keeps, and that line parsed."""
    from ..parse import parse_reference

    references = []
    for position, ref in enumerate(work.references, 1):
        text = reference_line(ref)
        references.append({
            "position": position, "key": ref.key, "doi": ref.doi, "doi_asserted_by": ref.doi_asserted_by,
            "unstructured": ref.unstructured, "deposited": ref.fields(), "text": text,
            "parsed": parse_reference(text).as_dict() if text else None,
        })
    return work.as_dict() | {"references": references}
