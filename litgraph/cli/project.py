"""Commands for a project and its vocabulary: init, vocab (list, SCHEME, check, import)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .options import format_option

project_option = click.option(
    "--project", "project_dir", default=None, type=click.Path(file_okay=True), envvar=None,
    help="The project folder (or its litgraph.toml); default: the nearest litgraph.toml above the "
         "current folder, or $LITGRAPH_PROJECT.")


def current_project(project_dir: str | None):
    """The project a command runs in: --project, else LITGRAPH_PROJECT, else found from the current folder."""
    from ..project import find_project

    return find_project(explicit=Path(project_dir) if project_dir else None)


@click.command()
@click.argument("folder", type=click.Path(file_okay=False))
@click.option("--title", default=None, help="The review's title (default: the folder's name).")
def init(folder: str, title: str | None) -> None:
    """Start a review: write a new project (litgraph.toml, corpus/, vocabulary/, .gitignore) into FOLDER.

    FOLDER may be new or empty (or hold none of the files written); an
    existing project is never written over (exit 2). The starter vocabulary
    has the generic study designs and, for outcomes, roles, domains, factors,
    settings and change mechanisms, an empty scheme with one commented example.

    Example:

        litgraph init chw-review --title "Community health workers and blood-pressure control"
    """
    from ..scaffold import project_files, write_project

    target = Path(folder)
    write_project(target, project_files(title or target.resolve().name))
    click.echo(f"Started the litgraph project {title or target.resolve().name!r} in {target}/\n\nNext steps:\n"
               f"  cd {target}\n"
               "  # describe each paper in corpus/papers/, its printed reference list in corpus/references/\n"
               "  # add your concepts to vocabulary/*.ttl, or: litgraph vocab import concepts.csv\n"
               "  litgraph vocab check\n"
               "  # code findings in corpus/findings/ (see corpus/findings/README.md)\n"
               "  litgraph build && litgraph validate && litgraph report")


class VocabGroup(click.Group):
    """`litgraph vocab SCHEME` shows a scheme; any first word that is not a subcommand is a scheme."""

    def parse_args(self, ctx, args):
        if args and not args[0].startswith("-") and args[0] not in self.commands:
            args = ["show", *args]
        return super().parse_args(ctx, args)


@click.group(cls=VocabGroup, invoke_without_command=True)
@project_option
@format_option("table", "json", "csv", default="table")
@click.pass_context
def vocab(ctx, project_dir, fmt) -> None:
    """The project's concept schemes: list them, show one as a tree, check them, import concepts.

    Without a subcommand: one row per scheme with its number of concepts and its files.

    Examples:

        litgraph vocab

        litgraph vocab outcome --format json

        litgraph vocab check

        litgraph vocab import concepts.csv
    """
    ctx.obj = {"project_dir": project_dir}
    if ctx.invoked_subcommand is None:
        from ..output import write_rows
        from ..schemes import read_vocabulary, scheme_summaries

        rows = scheme_summaries(read_vocabulary(current_project(project_dir).vocabulary_files()))
        if fmt != "json":
            rows = [dict(r, files="; ".join(r["files"])) for r in rows]
        write_rows(rows, ["scheme", "label", "concepts", "top", "files"], fmt, title="concept schemes")


def project_of(ctx, project_dir: str | None):
    return current_project(project_dir or (ctx.obj or {}).get("project_dir"))


@vocab.command("show", hidden=True)
@click.argument("scheme")
@project_option
@format_option("table", "json", "csv", default="table")
@click.pass_context
def show(ctx, scheme, project_dir, fmt) -> None:
    """Show SCHEME's concepts as a tree: labels, synonyms, definitions and mappings.

    Example:

        litgraph vocab outcome
    """
    from ..errors import InputError
    from ..findings.concepts import SCHEMES
    from ..output import write_rows
    from ..schemes import read_vocabulary, scheme_tree

    if scheme not in SCHEMES:
        raise InputError(f"unknown scheme {scheme!r}: the schemes are {', '.join(SCHEMES)} (`litgraph vocab` lists them)")
    rows = scheme_tree(read_vocabulary(project_of(ctx, project_dir).vocabulary_files()), scheme)
    columns = ["concept", "label", "broader", "synonyms", "definition", "mappings"]
    if fmt == "json":
        write_rows(rows, [], "json")
    elif fmt == "csv":
        write_rows([flat_row(r) for r in rows], [*columns, "depth", "iri", "file"], "csv")
    else:
        table = [dict(flat_row(r), label="  " * r["depth"] + (r["label"] or "")) for r in rows]
        write_rows(table, ["label", "concept", "synonyms", "definition", "mappings"], "table",
                   title=f"{scheme}: {len(rows)} concepts")


def flat_row(row: dict) -> dict:
    return {k: "; ".join(v) if isinstance(v, list) else v for k, v in row.items()}


@vocab.command("check")
@project_option
@format_option("table", "json", default="table")
@click.pass_context
def check(ctx, project_dir, fmt) -> None:
    """Check SKOS integrity of the project's vocabulary; each problem names its file and line.

    One preferred label per language; no cycles in skos:broader; every concept
    in a declared scheme; labels and synonyms unique within a scheme; mappings
    that are well-formed IRIs. Exit 0 when clean, 1 when there are problems.

    Example:

        litgraph vocab check
    """
    import json

    from ..schemecheck import check_vocabulary
    from ..schemes import read_vocabulary

    project = project_of(ctx, project_dir)
    problems = check_vocabulary(read_vocabulary(project.vocabulary_files()))
    if fmt == "json":
        click.echo(json.dumps([p.as_dict() for p in problems], indent=2, ensure_ascii=False))
    else:
        for p in problems:
            click.echo(str(p))
        click.echo(f"{len(problems)} problem(s) in {len(project.vocabulary_files())} vocabulary files", err=True)
    if problems:
        sys.exit(1)


@vocab.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@project_option
@click.pass_context
def import_(ctx, file, project_dir) -> None:
    """Import concepts from SKOS Turtle (.ttl) or a CSV into vocabulary/imported-<name>.ttl.

    The CSV columns are scheme,concept,label,broader,synonyms,definition
    (synonyms separated by ";"; optionally a domain column for factors). A bad
    row stops the import with its file, line and cause; nothing is written.

    Example:

        litgraph vocab import outcomes.csv
    """
    from ..atomic import write_text_atomic
    from ..schemeimport import import_csv, import_target, import_turtle

    project = project_of(ctx, project_dir)
    source = Path(file)
    target = import_target(vocabulary_folder(project), source)
    reader = import_turtle if source.suffix.lower() in (".ttl", ".turtle") else import_csv
    text, count = reader(source, project.vocabulary_files())
    write_text_atomic(target, text)
    click.echo(f"imported {count} concept(s) into {target}; `litgraph vocab check` checks them")


def vocabulary_folder(project) -> Path:
    """The first vocabulary folder the project names (imports go there), else <root>/vocabulary."""
    folders = [p for p in project.vocabulary if p.is_dir() or not p.suffix]
    return folders[0] if folders else project.root / "vocabulary"


COMMANDS = [init, vocab]
