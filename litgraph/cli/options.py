"""Options shared by several commands, composed once."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import click

from .paths import build_dir_option, corpus_option, vocabulary_files  # noqa: F401  (resolved from the project)


DEFAULT_TIMEOUT_S = 60  # query_guard.DEFAULT_TIMEOUT_S, not imported: `litgraph --help` stays light


@dataclass(frozen=True, slots=True)
class StoreChoice:
    """Which store answers (`kind` oxigraph | rdflib over the build, or a remote `endpoint`), and how.

    `timeout_s` (None: no limit) and `allow_service` are the query policy of
    the local engines (litgraph/query_guard.py).
    """

    kind: str = "oxigraph"
    endpoint: str | None = None
    timeout_s: float | None = DEFAULT_TIMEOUT_S
    allow_service: bool = False


def timeout_option(help_text: str = "Stop a query that runs longer than this (0: no limit)."):
    """`--timeout SECONDS` (the project's `query_timeout`, else 60; 0 for none), handed on as `timeout_s`."""
    return click.option("--timeout", "timeout_s", type=click.FloatRange(min=0), default=None,
                        callback=project_setting("query_timeout", DEFAULT_TIMEOUT_S), metavar="SECONDS",
                        help=f"{help_text}  [default: the project's query_timeout, else {DEFAULT_TIMEOUT_S}]")


def allow_service_option(command):
    return click.option("--allow-service", is_flag=True, default=None,
                        callback=project_setting("allow_service", False),
                        help="Let queries call other endpoints with SPARQL SERVICE (off unless the project's "
                             "allow_service is true: they could reach any URL this machine can).")(command)


def project_setting(attribute: str, fallback):
    """An option callback: the value given, else the project's setting, else `fallback`."""

    def callback(ctx: click.Context, param, value):
        if value is not None:
            return value
        from .paths import project_in

        project = project_in(ctx)
        return getattr(project, attribute) if project is not None else fallback

    return callback


def store_option(command):
    """`--store oxigraph|rdflib` or `--endpoint URL`, `--timeout` and `--allow-service`, as one `store_kind` value.

    The command receives a StoreChoice in its `store_kind` parameter and passes
    it to `open_graph`, so commands need not know that endpoints or query
    policies exist.
    """

    @functools.wraps(command)
    def with_store_choice(*args, store_kind, endpoint, timeout_s, allow_service, **kwargs):
        if endpoint and store_kind:
            raise click.UsageError("give --store or --endpoint, not both")
        choice = StoreChoice(store_kind or "oxigraph", endpoint, timeout_s or None, allow_service)
        return command(*args, store_kind=choice, **kwargs)

    with_store_choice = allow_service_option(timeout_option()(with_store_choice))
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
    from ..query_guard import QueryPolicy
    from ..store import open_store

    if isinstance(store_kind, StoreChoice):
        policy = QueryPolicy(store_kind.timeout_s, store_kind.allow_service)
        return open_store(store_kind.kind, build_dir, endpoint=store_kind.endpoint, policy=policy)
    return open_store(store_kind, build_dir, policy=QueryPolicy())
