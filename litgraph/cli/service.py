"""Commands that share the graph: serve it as a SPARQL endpoint, push it into a SPARQL 1.1 store."""

from __future__ import annotations

import json
import signal
from pathlib import Path

import click

from .options import allow_service_option, build_dir_option, format_option, timeout_option


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback exposes the graph to the network.")
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True,
              help="TCP port (0: any free port).")
@click.option("--writable", is_flag=True,
              help="Also accept SPARQL Update (/update) and Graph Store writes (/store) into build/store.")
@timeout_option("Stop a query that runs longer than this: HTTP 503 (0: no limit).")
@allow_service_option
@click.option("--site", "site_dir", type=click.Path(file_okay=False), metavar="DIR",
              help="The evidence report to serve next to the endpoint [default: BUILD_DIR/site].")
@click.option("--site-port", type=click.IntRange(0, 65535), metavar="N",
              help="Port of the report site [default: --port + 1; 0: any free port].")
@build_dir_option
def serve(host: str, port: int, writable: bool, timeout_s: float, allow_service: bool, site_dir: str | None,
          site_port: int | None, build_dir: str) -> None:
    """Serve the built graph as a SPARQL 1.1 Protocol endpoint (Oxigraph behind litgraph's front).

    Queries by GET or POST at /query, with JSON, XML, CSV or TSV results by
    content negotiation (the Accept header). Read-only unless --writable;
    bound to loopback unless --host says otherwise. A query is stopped after
    --timeout seconds (HTTP 503) or when its client hangs up; a query that
    calls SERVICE is refused (HTTP 400) unless --allow-service. Where `litgraph report`
    has written the evidence report (BUILD_DIR/site), it is served next to the
    endpoint, on --port + 1 unless --site-port says otherwise. Prints the
    endpoint URL (and the site's URL on its own line); Ctrl-C stops both.

    Example:

        litgraph serve --port 7878

        litgraph query most-cited --endpoint http://127.0.0.1:7878/query
    """
    from ..query_guard import QueryPolicy
    from ..serve import LOOPBACK, server_log, stop, wait_until_exit
    from ..sparql_front import serve_store, stop_front

    policy = QueryPolicy(timeout_s or None, allow_service)
    process, front = serve_store(Path(build_dir) / "store", host, port, writable, policy)
    endpoint = front.endpoint
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        site = start_site(Path(site_dir) if site_dir else Path(build_dir) / "site", host,
                          site_port if site_port is not None else (port + 1 if port else 0), explicit=bool(site_dir))
    except BaseException:
        stop_front(front)
        stop(process)  # never leave the Oxigraph server behind
        raise
    try:
        mode = "read-write" if writable else "read-only"
        click.echo(f"litgraph: SPARQL endpoint {endpoint.query_url} ({mode}, {build_dir}/store); Ctrl-C stops it",
                   err=True)
        if writable:
            click.echo(f"litgraph: SPARQL Update at {endpoint.base}/update, Graph Store at {endpoint.base}/store;"
                       f" writes change {build_dir}/store until the next `litgraph build`", err=True)
        if host not in LOOPBACK:
            click.echo(f"litgraph: warning: listening on {host}: others on the network can reach it", err=True)
        click.echo(endpoint.query_url)
        if site is not None:
            click.echo(f"litgraph: evidence report at {site[1]}", err=True)
            click.echo(site[1])
        status = wait_until_exit(process)
    except KeyboardInterrupt:
        stop(process)
        click.echo("litgraph: server stopped", err=True)
        return
    finally:
        stop_front(front)
        if site is not None:
            from ..report.server import stop_site_server

            stop_site_server(site[0])
    from ..errors import StoreError

    raise StoreError(f"the Oxigraph server stopped (status {status}): {server_log(process)}")


def start_site(site: Path, host: str, port: int, explicit: bool):
    """Serve the evidence report when one was written; without one, say how to make it."""
    from ..report.server import start_site_server

    if not (site / "index.html").is_file() and not explicit:
        click.echo(f"litgraph: no evidence report in {site} (run `litgraph report` to serve one too)", err=True)
        return None
    return start_site_server(site, host, port)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


@click.command()
@click.option("--endpoint", required=True, metavar="URL",
              help="The store's SPARQL query endpoint, e.g. http://127.0.0.1:8890/sparql.")
@click.option("--store-url", metavar="URL",
              help="Its Graph Store Protocol URL (derived for Oxigraph, Virtuoso, Fuseki, GraphDB; "
                   "otherwise SPARQL Update through the endpoint).")
@click.option("--graph", metavar="IRI", help="Load into this named graph (default: the default graph).")
@click.option("--user", envvar="LITGRAPH_USER", help="User name (or LITGRAPH_USER).")
@click.option("--password", envvar="LITGRAPH_PASSWORD", help="Password (or LITGRAPH_PASSWORD).")
@click.option("--cleanup", is_flag=True, help="Push nothing: remove every staging graph that killed "
                                              "pushes left on the store, and say how many.")
@click.option("--batch-bytes", type=click.IntRange(min=1), hidden=True,
              help="Largest request body in bytes (tests make it small to force staging).")
@build_dir_option
@format_option("table", "json", default="table")
def push(endpoint, store_url, graph, user, password, cleanup, batch_bytes, build_dir, fmt) -> None:
    """Load the built graph into a SPARQL 1.1 store, replacing the previous version, and verify it.

    Uses the SPARQL 1.1 Graph Store HTTP Protocol (or SPARQL Update where no
    Graph Store URL is known), replaces the graph in one request (or through a
    staging graph and one MOVE when it is large), then checks the triple count
    through the endpoint. Without --graph the named queries run unchanged
    against the store. Nothing local is changed. Staging graphs
    (https://w3id.org/litgraph/staging/...) are dropped when a push fails;
    those a killed push left are removed by the next push to the same graph,
    or all at once by --cleanup.

    Examples:

        litgraph push --endpoint http://127.0.0.1:7878/query

        litgraph push --endpoint http://127.0.0.1:8890/sparql --user dba --password dba

        litgraph push --endpoint http://127.0.0.1:8890/sparql --user dba --password dba --cleanup
    """
    from ..errors import InputError
    from ..output import write_rows
    from ..push import cleanup_staging, push_graph

    if bool(user) != bool(password):
        raise InputError("give --user and --password together")
    if cleanup:
        report = cleanup_staging(endpoint, user, password)
        click.echo(json.dumps(report.as_dict(), indent=2) if fmt == "json" else
                   f"litgraph push --cleanup: removed {len(report.removed)} staging graph(s) from {endpoint}")
        return
    report = push_graph(Path(build_dir) / "litgraph.nt", endpoint, store_url, graph, user, password,
                        batch_bytes=batch_bytes)
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(), indent=2))
        return
    rows = [{"measure": k, "value": "the default graph" if k == "graph" and v is None else v}
            for k, v in report.as_dict().items()]
    write_rows(rows, ["measure", "value"], "table", title=f"litgraph push -> {endpoint}")


COMMANDS = [serve, push]
