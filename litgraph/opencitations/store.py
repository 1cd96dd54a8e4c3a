"""corpus/opencitations/: what a chase found, apart from curated data, with where and when it came from.

- `candidates.tsv`: the latest chase's candidates (doi, links, cited_by_project,
  cites_project, linked), most-linked first, for a curator to decide on;
- `provenance.jsonl`: one line per link OpenCitations answered (work, other,
  direction, oci, source, url, retrieved_at), merged with earlier runs (a
  link is kept once, by oci and direction), so nothing fetched is lost.

Both are written atomically under an exclusive lock on the folder, re-reading
the provenance file first, so two runs at once both keep their lines.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

from ..atomic import write_lines_atomic, write_text_atomic
from ..filelock import exclusive_lock
from .chase import ChaseResult

SOURCE = "OpenCitations Index API v2"
COLUMNS = ("doi", "links", "cited_by_project", "cites_project", "linked")


def folder(corpus_dir: str | Path) -> Path:
    return Path(corpus_dir) / "opencitations"


@contextmanager
def locked(corpus_dir: str | Path) -> Iterator[None]:
    """Hold the exclusive lock on corpus/opencitations/ while its files are rewritten."""
    with exclusive_lock(folder(corpus_dir) / ".lock"):
        yield


def save(corpus_dir: str | Path, result: ChaseResult) -> None:
    with locked(corpus_dir):
        rows = ["\t".join(COLUMNS) + "\n"] + [
            "\t".join(str(c.as_dict()[k]) for k in COLUMNS) + "\n" for c in result.candidates]
        write_text_atomic(folder(corpus_dir) / "candidates.tsv", "".join(rows))
        merged = read_provenance(corpus_dir) | {key(line): line for line in map(provenance_line, result.links)}
        write_lines_atomic(folder(corpus_dir) / "provenance.jsonl",
                           [json.dumps(merged[k], ensure_ascii=False, sort_keys=True) + "\n" for k in sorted(merged)])


def provenance_line(link) -> dict:
    return asdict(link) | {"source": SOURCE}


def key(line: dict) -> tuple:
    return (line.get("oci", ""), line.get("direction", ""), line.get("work", ""), line.get("other", ""))


def read_provenance(corpus_dir: str | Path) -> dict[tuple, dict]:
    path = folder(corpus_dir) / "provenance.jsonl"
    if not path.exists():
        return {}
    lines = [json.loads(x) for x in path.read_text(encoding="utf-8").split("\n") if x.strip()]
    return {key(line): line for line in lines if isinstance(line, dict)}
