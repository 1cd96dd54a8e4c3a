"""`litgraph refs`: work on printed reference strings."""

from __future__ import annotations

import sys

import click

from ..errors import InputError
from .options import format_option, project_setting

MODEL_HELP = "A CRF model file to use instead of the shipped one (see `litgraph refs train`)."


@click.group()
def refs() -> None:
    """Parse printed reference strings, and train the labeller that reads them.

    Example:

        litgraph refs parse corpus/references/gillard-2014-apt.tsv --format table
    """


@refs.command("parse")
@click.argument("source", default="-", metavar="[FILE|-]")
@format_option("jsonl", "table", default="jsonl")
@click.option("--explain", is_flag=True, help="Add each token with its label and marginal probability.")
@click.option("--model", "model", type=click.Path(dir_okay=False), default=None,
              callback=project_setting("parser_model", None), help=MODEL_HELP + " [default: the project's parser_model]")
def parse_command(source: str, fmt: str, explain: bool, model: str | None) -> None:
    """Parse reference strings, one per line, into fields (one JSON object each).

    Blank lines and `#` comment lines are skipped; a leading `12.`, `[12]` or
    `12<TAB>` position is allowed and removed. Output keys: raw, type, authors,
    et_al, year, title, container, volume, issue, first_page, last_page,
    article_number, publisher, place, doi, warnings, confidence (per field, the
    labeller's mean marginal; empty when a seed style read the string with
    certainty), reader (`style` or `crf`) and, with --explain, tokens. Every
    input line gives one record, in input order, even when it cannot be parsed.

    Examples:

        litgraph refs parse corpus/references/gillard-2013-bmchsr.tsv

        echo "Corrigan PW: Impact of ... Psychiatr Serv. 2006, 57: 1493-1496." | litgraph refs parse -

        litgraph refs parse my-list.txt --explain --model my-field.crfsuite
    """
    from ..output import write_rows

    if model is not None:
        from ..parse.crf.model import load_weights, model_path
        load_weights(model_path(model))  # a bad --model fails now, not at the first string a style cannot read
    lines = [(line, note) for line, note in read_lines(source) if line.strip() and not line.lstrip().startswith("#")]
    records = parse_lines(lines, explain, model)
    if fmt == "table":
        write_rows([table_row(r) for r in records], ["type", "authors", "year", "title", "container",
                                                     "volume", "pages", "warnings"], "table")
    else:
        write_rows(records, [], "jsonl")


def parse_lines(lines: list[tuple[str, str | None]], explain: bool, model: str | None) -> list[dict[str, object]]:
    """Each input line's record (the lines parsed together: much faster than one by one)."""
    from ..parse import split_position
    from ..parse.reference import explain_references

    parses = explain_references([split_position(line.strip())[1] for line, _ in lines], model, explain)
    return [record_of(parse, note, explain) for parse, (_, note) in zip(parses, lines)]


def record_of(parse, note: str | None, explain: bool) -> dict[str, object]:
    """One line's record: the parsed fields, confidence, reader and, if asked, the tokens."""
    record = parse.reference.as_dict()
    record["warnings"] = ([note] if note else []) + record["warnings"]
    record.update(confidence=parse.confidence, reader=parse.reader)
    if explain:
        record["tokens"] = parse.labelling.explain() if parse.labelling is not None else []
    return record


def table_row(record: dict[str, object]) -> dict[str, object]:
    """A record flattened for `--format table`."""
    authors = "; ".join(a.get("literal") or f"{a['family']} {a['given'] or ''}".strip()
                        for a in record["authors"])
    pages = "–".join(x for x in (record["first_page"], record["last_page"]) if x)
    return dict(record, authors=authors, pages=pages, warnings=len(record["warnings"]))


def read_lines(source: str) -> list[tuple[str, str | None]]:
    """The lines of `source` (a file or `-`), each with a note when it was not valid UTF-8."""
    try:
        data = sys.stdin.buffer.read() if source == "-" else open(source, "rb").read()
    except FileNotFoundError as exc:
        raise InputError(f"{source}: no such file") from exc
    except OSError as exc:
        raise InputError(f"{source}: cannot read: {exc}") from exc
    return [decode_line(line, number) for number, line in enumerate(data.splitlines(), 1)]


def decode_line(line: bytes, number: int) -> tuple[str, str | None]:
    """A line as text; undecodable bytes replaced, and said so."""
    try:
        return line.decode("utf-8"), None
    except UnicodeDecodeError:
        return line.decode("utf-8", errors="replace"), f"line {number} is not valid UTF-8; bad bytes replaced"


@refs.command("train")
@click.option("--data", "data", multiple=True, required=True, type=click.Path(dir_okay=False),
              help="Labelled references: AnyStyle XML (.xml) or litgraph segments JSONL. Repeatable.")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False), help="The model file to write.")
@click.option("--max-iterations", type=click.IntRange(min=1), default=150, show_default=True)
def train_command(data: tuple[str, ...], out: str, max_iterations: int) -> None:
    """Train a reference labeller on your own labelled references.

    Reads AnyStyle's XML (`<dataset><sequence><author>...</author>...`) or
    litgraph's segments JSONL (`{"segments": [["author", "Smith, J."], ...]}`).
    A malformed file stops with its name and line (exit 2) and writes no model;
    the model is written whole or not at all. Use it with `--model`.

    Example:

        litgraph refs train --data my-refs.xml --out my-field.crfsuite
    """
    from ..parse.crf.train import TrainingSettings, read_all, train

    sequences = read_all(data)
    train(sequences, out, TrainingSettings(max_iterations=max_iterations))
    click.echo(f"trained on {len(sequences)} references: {out}", err=True)


@refs.command("split")
@click.argument("source", default="-", metavar="[FILE|-]")
@click.option("-o", "--out", type=click.Path(dir_okay=False), help="Write the list here (default: stdout).")
def split_command(source: str, out: str | None) -> None:
    """Cut a reference section copied from a PDF or a web page into one entry per line.

    Prints the corpus's list format (`position<TAB>printed reference`, see
    corpus/README.md): entries broken across lines are joined, line-break
    hyphens removed (real ones such as peer-led kept), numbered lists keep
    their printed numbers, link labels (CrossRef, PubMed, Google Scholar,
    Article) and back-links are dropped, and an entry printed twice is kept
    once. On stderr: how many entries were found, and each doubtful boundary
    with its line, for a curator to check.

    Example:

        litgraph refs split copied-section.txt -o corpus/references/okafor-2021-jchr.tsv
    """
    from ..atomic import write_text_atomic
    from ..sections import split_section

    data = sys.stdin.buffer.read() if source == "-" else read_source(source)
    try:
        text = data.decode("utf-8").replace("\r\n", "\n")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"{source}:{line}: not UTF-8 text") from exc
    result = split_section(text)
    for doubt in result.doubts:
        click.echo(f"{source}:{doubt.line}: doubtful boundary: {doubt.reason}", err=True)
    click.echo(f"{len(result.entries)} entries found ({'numbered' if result.numbered else 'unnumbered'} list)"
               f"{f', {len(result.doubts)} doubtful boundaries' if result.doubts else ''}", err=True)
    if out:
        write_text_atomic(out, result.as_tsv())
    else:
        click.echo(result.as_tsv(), nl=False)


def read_source(source: str) -> bytes:
    try:
        return open(source, "rb").read()
    except OSError as exc:
        raise InputError(f"{source}: cannot read: {exc.strerror or exc}") from exc


COMMANDS = [refs]
