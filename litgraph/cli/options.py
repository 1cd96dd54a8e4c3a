"""Options shared by several commands, composed once."""

from __future__ import annotations

import click

build_dir_option = click.option(
    "--build-dir", default="build", show_default=True, type=click.Path(file_okay=False),
    help="Folder holding the built graph and store.")
store_option = click.option(
    "--store", "store_kind", type=click.Choice(["oxigraph", "rdflib"]), default="oxigraph",
    show_default=True, help="Backend that answers: the embedded Oxigraph store or rdflib in memory.")


def format_option(*choices: str, default: str):
    return click.option("--format", "fmt", type=click.Choice(list(choices)), default=default,
                        show_default=True, help="Output format.")


def open_graph(store_kind: str, build_dir: str):
    from ..store import open_store

    return open_store(store_kind, build_dir)
