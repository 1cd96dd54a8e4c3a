"""`litgraph findings suggest` and `litgraph findings accept`: the coder's assistant."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..errors import InputError
from .findings_check import findings, select_papers
from .options import corpus_option, vocabulary_files


def read_text(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start}); save the paper's text as UTF-8") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from exc


def check_out(out: str | None, corpus_dir: str) -> None:
    """A draft never goes over a curated findings file."""
    curated = (Path(corpus_dir) / "findings").resolve()
    if out and Path(out).resolve().parent == curated and Path(out).suffix == ".yaml":
        raise InputError(f"--out {out}: that is the curated findings folder; write the draft elsewhere "
                         f"and move findings in with `litgraph findings accept`")


@findings.command("suggest")
@click.argument("text", type=click.Path(exists=True, dir_okay=False))
@click.option("--paper", required=True, metavar="DOI|SLUG", help="The corpus paper the text is of.")
@click.option("--out", type=click.Path(dir_okay=False), help="Write the draft here (default: standard output).")
@corpus_option(help="Corpus folder holding papers/ and references/.")
def suggest(text: str, paper: str, out: str | None, corpus_dir: str) -> None:
    """Draft findings from a paper's text, against the project's vocabulary.

    Every sentence with an in-text citation (resolved to the paper's list
    entry, as `findings check` does), and every uncited sentence naming a
    concept and a cue word, becomes a suggested finding: quote, section,
    citation, source, and the domains, factors, outcomes, roles and mechanism
    whose labels or synonyms it names, with a polarity or direction read from
    the cue lists (litgraph/findings/cues/). `suggested:` says which words
    each value came from. It never writes the curated files.

    Example:

        litgraph findings suggest ../shared/seeds/003_15a1b8e6bdc8c456.txt --paper 10.1017/S2045796014000407 --out eps.draft.yaml
    """
    import yaml

    from ..corpus import load_corpus
    from ..findings.citations import reference_list
    from ..findings.concepts import load_concepts
    from ..findings.suggest import draft_document, draft_findings

    check_out(out, corpus_dir)
    corpus = load_corpus(corpus_dir)
    (record,) = select_papers(corpus.papers, (paper,))
    entries = reference_list(corpus, record.doi)
    drafted = draft_findings(read_text(text), entries, load_concepts(vocabulary_files(corpus_dir)), record.slug)
    document = draft_document(record.doi, record.source or text, drafted, dt.date.today().isoformat())
    dumped = yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)
    if out:
        from ..atomic import write_text_atomic

        write_text_atomic(out, dumped)
        click.echo(f"litgraph: {len(drafted)} suggested findings -> {out}", err=True)
    else:
        click.echo(dumped, nl=False)


@findings.command("accept")
@click.argument("draft", type=click.Path(exists=True, dir_okay=False))
@click.argument("ids", nargs=-1, required=True)
@corpus_option(help="Corpus folder whose findings/ receives the findings.")
def accept(draft: str, ids: tuple[str, ...], corpus_dir: str) -> None:
    """Move reviewed findings from a draft into the paper's curated findings file.

    The file is appended to under a lock and replaced atomically, only if it
    then passes the checks `litgraph build` makes; an id already used, or not
    in the draft, is refused (exit 2) and nothing is written. Edit the draft
    first (drop `suggested:` values you disagree with); the accepted findings
    leave it.

    Example:

        litgraph findings accept eps.draft.yaml gillard-2015-eps-s003 gillard-2015-eps-s005
    """
    from ..corpus import load_corpus
    from ..findings.accept import accept as accept_findings
    from ..findings.concepts import load_concepts

    corpus = load_corpus(corpus_dir)
    target = accept_findings(Path(draft), ids, corpus, load_concepts(vocabulary_files(corpus_dir)))
    click.echo(f"litgraph: {len(set(ids))} finding(s) accepted into {target}", err=True)


COMMANDS: list = []  # the commands join the `findings` group defined in findings_check
