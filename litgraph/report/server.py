"""Serve a written report folder over HTTP (stdlib), e.g. next to the SPARQL endpoint of `litgraph serve`.

    server, url = start_site_server("build/site", "127.0.0.1", 7879)
    ...                       # url is "http://127.0.0.1:7879/"
    stop_site_server(server)

Static files only, read-only, from one folder; requests are not logged.
"""

from __future__ import annotations

import functools
import socket
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ..errors import InputError


class _QuietHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript",
                      ".bib": "text/plain; charset=utf-8", ".csv": "text/csv; charset=utf-8",
                      ".svg": "image/svg+xml"}

    def log_message(self, format, *args) -> None:  # noqa: A002 (the stdlib's name)
        pass


class _Server6(ThreadingHTTPServer):
    address_family = socket.AF_INET6


def start_site_server(site_dir: str | Path, host: str = "127.0.0.1", port: int = 0
                      ) -> tuple[ThreadingHTTPServer, str]:
    """Serve `site_dir` on host:port (0: any free port) in a daemon thread; return the server and its URL.

    Raises:
        InputError: there is no report in `site_dir` (run `litgraph report` first), or the port is taken.
    """
    site = Path(site_dir)
    if not (site / "index.html").is_file():
        raise InputError(f"no report at {site}: run `litgraph report --out {site}` first")
    handler = functools.partial(_QuietHandler, directory=str(site.resolve()))
    server_class = _Server6 if ":" in host else ThreadingHTTPServer
    try:
        server = server_class((host, port), handler)
    except OSError as exc:
        raise InputError(f"cannot serve the report on {host}:{port}: {exc.strerror or exc}") from exc
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="litgraph-report", daemon=True).start()
    bound = server.server_address[1]
    shown = f"[{host}]" if ":" in host else host
    return server, f"http://{shown}:{bound}/"


def stop_site_server(server: ThreadingHTTPServer) -> None:
    """Stop serving and close the socket."""
    server.shutdown()
    server.server_close()
