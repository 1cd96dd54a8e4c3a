"""Move reviewed suggestions from a draft into the curated findings file (`litgraph findings accept`).

The curated file is appended to as text (its comments and layout stay), under a lock on the
findings folder, and replaced atomically only after the new file has passed the same checks
`litgraph build` makes (format, concepts, list entries). An id already used in any findings
file, or absent from the draft, is refused and nothing is written. The accepted findings
leave the draft.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import yaml

from ..atomic import write_text_atomic
from ..filelock import exclusive_lock
from ..corpus import Corpus
from ..errors import InputError
from .concepts import ConceptIndex
from .load import findings_files, read_findings_file

DRAFT_ONLY = ("suggested",)


def read_draft(path: Path) -> dict:
    try:
        draft = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise InputError(f"{path}: not a readable draft: {' '.join(str(exc).split())[:160]}") from exc
    if not isinstance(draft, dict) or not isinstance(draft.get("findings"), list) or "paper" not in draft:
        raise InputError(f"{path}: not a draft written by `litgraph findings suggest` (no paper and findings)")
    return draft


def chosen(draft: dict, ids: Sequence[str], path: Path) -> list[dict]:
    by_id = {f.get("id"): f for f in draft["findings"] if isinstance(f, dict)}
    missing = [i for i in ids if i not in by_id]
    if missing:
        raise InputError(f"{path}: no finding {missing[0]!r} in the draft ({len(by_id)} there: "
                         f"{', '.join(list(by_id)[:5])}{' ...' if len(by_id) > 5 else ''})")
    return [{k: v for k, v in by_id[i].items() if k not in DRAFT_ONLY} for i in dict.fromkeys(ids)]


def used_ids(corpus: Corpus) -> dict[str, Path]:
    """Every finding id of every curated findings file (read as plain YAML: a bad file is the build's to report)."""
    used: dict[str, Path] = {}
    for path in findings_files(corpus.root):
        record = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for item in record.get("findings") or []:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                used.setdefault(item["id"], path)
    return used


def appended_text(current: str | None, header: dict, findings: list[dict], draft: Path) -> str:
    """The curated file's text with the findings added at the end (a new file gets the header)."""
    if current is None:
        head = {k: header[k] for k in ("paper", "coded_by", "coded_on", "source_text") if header.get(k)}
        current = yaml.safe_dump(head, sort_keys=False, allow_unicode=True) + "findings:\n"
    block = yaml.safe_dump(findings, sort_keys=False, allow_unicode=True, width=100)
    indented = "".join("  " + line if line.strip() else line for line in block.splitlines(keepends=True))
    return f"{current.rstrip()}\n\n  # --- accepted from {draft.name} ---\n\n{indented}"


@contextmanager
def findings_lock(folder: Path) -> Iterator[None]:
    """An exclusive lock on the findings folder, so two accepts never interleave."""
    with exclusive_lock(folder / ".accept.lock"):
        yield


def check_new_file(text: str, target: Path, corpus: Corpus, concepts: ConceptIndex) -> None:
    """Run the build's checks on the would-be file; raise its first problem (naming the curated file)."""
    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / target.name
        probe.write_text(text, encoding="utf-8")
        _, errors = read_findings_file(probe, corpus, concepts)
    if errors:
        raise InputError(f"{target}: not accepted, the result would not validate: "
                         f"{str(errors[0]).replace(str(probe), target.name)}")


def accept(draft_path: Path, ids: Sequence[str], corpus: Corpus, concepts: ConceptIndex) -> Path:
    """Move `ids` from the draft into the curated file of the draft's paper; returns that file."""
    draft = read_draft(draft_path)
    picked = chosen(draft, ids, draft_path)
    paper = next((p for p in corpus.papers if p.doi.lower() == str(draft["paper"]).lower()), None)
    if paper is None:
        raise InputError(f"{draft_path}: paper {draft['paper']} is not a paper of the corpus")
    target = Path(corpus.root) / "findings" / f"{paper.slug}.yaml"
    with findings_lock(target.parent):
        taken = {f["id"]: used_ids(corpus)[f["id"]] for f in picked if f["id"] in used_ids(corpus)}
        if taken:
            first = next(iter(taken))
            raise InputError(f"{draft_path}: finding {first!r} is already in {taken[first]}; ids must be unique")
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        text = appended_text(current, draft, picked, Path(draft_path))
        check_new_file(text, target, corpus, concepts)
        write_text_atomic(target, text)
        remaining = dict(draft, findings=[f for f in draft["findings"] if f.get("id") not in set(ids)])
        write_text_atomic(draft_path, yaml.safe_dump(remaining, sort_keys=False, allow_unicode=True, width=100))
    return target
