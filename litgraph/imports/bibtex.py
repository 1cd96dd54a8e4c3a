"""BibTeX, read with bibtexparser v2 (the rules of litgraph/libraries.py: refusals, field caps)."""

from __future__ import annotations

from .records import ImportedRecord, ImportFailure, ImportResult, checked, result


def read_bibtex(text: str, path: str = "") -> ImportResult:
    import bibtexparser

    from ..libraries import failure_reason, parse_bibtex_entry, quietly, refusal_reason

    library = quietly(bibtexparser.parse_string, text.lstrip("\ufeff"))
    outcomes: list[tuple[int, ImportedRecord | ImportFailure]] = []
    for block in library.failed_blocks:
        outcomes.append((block.start_line + 1, ImportFailure(0, block.start_line + 1, failure_reason(block))))
    for entry in library.entries:
        raw, line = entry.raw.strip(), entry.start_line + 1
        refusal = refusal_reason(raw, entry.key, line)
        outcomes.append((line, ImportFailure(0, refusal.line, refusal.message) if refusal
                         else checked(0, line, raw, parse_bibtex_entry(raw))))
    return result("bibtex", [numbered(i, o) for i, (_, o) in enumerate(sorted(outcomes, key=lambda x: x[0]), 1)])


def numbered(index: int, outcome: ImportedRecord | ImportFailure) -> ImportedRecord | ImportFailure:
    """The outcome with its index in file order (entries and failed blocks counted together)."""
    from dataclasses import replace

    return replace(outcome, index=index)
