"""Options shared by several commands, composed once."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import click

build_dir_option = click.option(
    "--build-dir", default="build", show_default=True, type=click.Path(file_okay=False),
    help="Folder holding the built graph and store.")


@dataclass(frozen=True, slots=True)
class StoreChoice:
    """Which store answers: `kind` (oxigraph | rdflib) over the build, or a remote `endpoint`."""

    kind: str = "oxigraph"
    endpoint: str | None = None


def store_option(command):
    """`--store oxigraph|rdflib` or `--endpoint URL`, handed to the command as one `store_kind` value.

    The command receives a StoreChoice in its `store_kind` parameter and passes
    it to `open_graph`, so commands need not know that endpoints exist.
    """

    @functools.wraps(command)
    def with_store_choice(*args, store_kind, endpoint, **kwargs):
        if endpoint and store_kind:
            raise click.UsageError("give --store or --endpoint, not both")
        return command(*args, store_kind=StoreChoice(store_kind or "oxigraph", endpoint), **kwargs)

    with_store_choice = click.option(
        "--endpoint", metavar="URL",
        help="Read the graph from this SPARQL 1.1 query endpoint instead, e.g. "
             "http://127.0.0.1:7878/query (Oxigraph server) or http://127.0.0.1:8890/sparql (Virtuoso).",
    )(with_store_choice)
    return click.option(
        "--store", "store_kind", type=click.Choice(["oxigraph", "rdflib"]), default=None,
        help="Backend that answers: the embedded Oxigraph store (default) or rdflib in memory.",
    )(with_store_choice)


def format_option(*choices: str, default: str):
    return click.option("--format", "fmt", type=click.Choice(list(choices)), default=default,
                        show_default=True, help="Output format.")


def open_graph(store_kind: StoreChoice | str, build_dir: str):
    """Open the store a command was asked to read: a StoreChoice, or a backend name."""
    from ..store import open_store

    if isinstance(store_kind, StoreChoice):
        return open_store(store_kind.kind, build_dir, endpoint=store_kind.endpoint)
    return open_store(store_kind, build_dir)
