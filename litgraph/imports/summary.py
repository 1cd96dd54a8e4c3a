"""How an import met work identity: the corpus read with the new file, resolved as the build resolves it.

Nothing is written (no id is locked): the next `litgraph build` does that.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class MergeCounts:
    merged: int          # entries that joined a work already in the corpus
    duplicates: int      # entries that joined another entry of the same file (and nothing else)
    new_works: int       # works the file brings that the corpus did not have

    def describe(self) -> str:
        return (f"{self.merged} merged with works already in the corpus, {self.new_works} new works"
                + (f" ({self.duplicates} entries merged with another entry of the file)" if self.duplicates else ""))


def merge_counts(corpus_dir: Path, keys: set[str]) -> MergeCounts:
    """Count, for the members `keys` of one imported file, how identity placed them."""
    works = resolve(corpus_dir)
    merged = duplicates = new = 0
    for work in works:
        mine = [m for m in work.members if m.key in keys]
        if not mine:
            continue
        if len(mine) < len(work.members):
            merged += len(mine)
        else:
            new, duplicates = new + 1, duplicates + len(mine) - 1
    return MergeCounts(merged, duplicates, new)


def resolve(corpus_dir: Path):
    from ..build import parse_entries, with_matched_dois
    from ..corpus import load_corpus
    from ..crossref import load_accepted_matches
    from ..identity import load_curator, load_id_lock, resolve_works

    corpus = load_corpus(corpus_dir)
    lock_path, curator_path = corpus_dir / "work-ids.tsv", corpus_dir / "identity.yaml"
    lock = load_id_lock(lock_path) if lock_path.exists() else {}
    curator = load_curator(curator_path if curator_path.exists() else None)
    entries = with_matched_dois(parse_entries(corpus.entries), load_accepted_matches(corpus_dir))
    return resolve_works(corpus.papers, entries, curator, lock).works
