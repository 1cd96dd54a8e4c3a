"""`litgraph findings`: work with the findings coded from the seed papers.

This module defines the `findings` group and its `check` command (in-text
citations against reference lists). Other modules add commands to the same
group by importing it: ``from .findings_check import findings``.
"""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import InputError
from .options import corpus_option, format_option

COLUMNS = ["paper", "line", "citation", "status", "entries", "reason"]
REPO_ROOT = Path(__file__).resolve().parents[2]


@click.group()
def findings() -> None:
    """Work with the findings coded from the seed papers (corpus/findings/*.yaml).

    Example:

        litgraph findings check --format table
    """


@findings.command("check")
@corpus_option(help="Corpus folder holding papers/ and references/.")
@click.option("--paper", "paper_ids", multiple=True, metavar="SLUG|DOI",
              help="Check only this paper (repeatable); default: every paper with a source text.")
@click.option("--all", "show_all", is_flag=True, help="Also print the citations that resolve cleanly.")
@click.option("--source-root", type=click.Path(file_okay=False), default=None,
              help="Folder the records' `source:` paths are relative to "
                   "[default: the parent of the folder holding the corpus].")
@format_option("table", "json", default="table")
def check(corpus_dir: str, paper_ids: tuple[str, ...], show_all: bool, source_root: str | None,
          fmt: str) -> None:
    """Check the in-text citations of each seed text against the paper's own reference list.

    Finds author-date citations in the body of each seed text ("(Kemp 2012)",
    "(Moran 2012: p. 309)", "Ochocka and colleagues (2006)") and looks each up
    by first author (or corporate author) and year. Prints every citation that
    is unresolved (no entry), ambiguous (several entries) or a mismatch (an
    entry matches in part: another year, the name only as a co-author, a near
    spelling, or a cited page outside the entry's pages), with its line in the
    seed text. It reports and does not fail: exit 0 whatever it finds, exit 2
    when a seed text is missing. The seed path is the record's `source:`
    (e.g. shared/seeds/001_....txt), read relative to --source-root.

    Example:

        litgraph findings check --corpus corpus --format table

        litgraph findings check --paper gillard-2014-apt --all --format json
    """
    from ..corpus import load_corpus
    from ..output import write_rows

    corpus = load_corpus(corpus_dir)
    papers = select_papers(corpus.papers, paper_ids)
    rows, counts = [], {}
    for paper in papers:
        if not paper.source:
            click.echo(f"litgraph: {paper.slug}: the record names no source text; not checked", err=True)
            continue
        text = read_seed(paper, seed_roots(corpus_dir, source_root))
        for resolution in resolve_paper(text, paper, corpus):
            counts[resolution.status] = counts.get(resolution.status, 0) + 1
            if show_all or resolution.status != "resolved":
                rows.append(row_for(paper.slug, resolution))
    if fmt == "table":
        rows = [dict(row, entries=", ".join(map(str, row["entries"]))) for row in rows]
    title = "in-text citations: " + (", ".join(f"{n} {s}" for s, n in sorted(counts.items())) or "none found")
    write_rows(rows, COLUMNS, fmt, title=title)


def select_papers(papers, wanted: tuple[str, ...]):
    if not wanted:
        return list(papers)
    keys = {w.lower() for w in wanted}
    chosen = [p for p in papers if p.slug.lower() in keys or p.doi.lower() in keys]
    found = {p.slug.lower() for p in chosen} | {p.doi.lower() for p in chosen}
    missing = sorted(keys - found)
    if missing:
        raise InputError(f"no paper {missing[0]!r} in the corpus (give a slug such as gillard-2014-apt, or a DOI)")
    return chosen


def seed_roots(corpus_dir: str, source_root: str | None) -> list[Path]:
    """Where `shared/seeds/...` may be: the given root, or the parent of the corpus's repository."""
    if source_root:
        return [Path(source_root)]
    return list(dict.fromkeys([Path(corpus_dir).resolve().parent.parent, REPO_ROOT.parent]))


def read_seed(paper, roots: list[Path]) -> str:
    for root in roots:
        path = root / paper.source
        if path.is_file():
            try:
                return path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise InputError(f"{paper.slug}: cannot read seed text {path}: {exc}") from exc
    looked = ", ".join(str(root / paper.source) for root in roots)
    raise InputError(f"{paper.slug}: seed text not found: {paper.source} (looked for {looked}); "
                     f"give --source-root")


def resolve_paper(text: str, paper, corpus):
    """Every citation in the seed's body, resolved against the paper's reference list."""
    from ..findings.citations import Resolution, body_span, check_text, extract_citations, reference_list

    entries = reference_list(corpus, paper.doi)
    if entries:
        return check_text(text, entries)
    start, end = body_span(text)
    return [Resolution(c, "unresolved", (), "the paper's record names no reference list")
            for c in extract_citations(text, start, end)]


def row_for(slug: str, resolution) -> dict:
    citation = resolution.citation
    return {"paper": slug, "line": citation.line, "citation": citation.text, "status": resolution.status,
            "entries": list(resolution.positions), "reason": resolution.reason}


COMMANDS = [findings]
