"""Serve a written report folder over HTTP (stdlib), e.g. next to the SPARQL endpoint of `litgraph serve`.

    server, url = start_site_server("build/site", "127.0.0.1", 7879)
    ...                       # url is "http://127.0.0.1:7879/"
    stop_site_server(server)

Static files only, read-only, from one folder; requests are not logged, a
folder without an index.html is a 404 (no listings), and clients that hang up
leave no traceback in the terminal.
"""

from __future__ import annotations

import functools
import signal
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ..errors import InputError
from ..quietserver import QuietServer, server_class


class _QuietHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript",
                      ".bib": "text/plain; charset=utf-8", ".csv": "text/csv; charset=utf-8",
                      ".svg": "image/svg+xml"}

    def log_message(self, format, *args) -> None:  # noqa: A002 (the stdlib's name)
        pass

    def list_directory(self, path):
        """No directory listings: a folder without an index.html is not found."""
        self.send_error(404, "Not found")
        return None


class _SiteServer(QuietServer):
    label = "report request"


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
    try:
        server = server_class(host, _SiteServer)((host, port), handler)
    except OSError as exc:
        raise InputError(f"cannot serve the report on {host}:{port}: {exc.strerror or exc}") from exc
    threading.Thread(target=serve_without_signals, args=(server,), name="litgraph-report", daemon=True).start()
    bound = server.server_address[1]
    shown = f"[{host}]" if ":" in host else host
    return server, f"http://{shown}:{bound}/"


def serve_without_signals(server: ThreadingHTTPServer) -> None:
    """serve_forever with Ctrl-C and SIGTERM blocked in the server's threads, so the main thread gets them."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    server.serve_forever()


def stop_site_server(server: ThreadingHTTPServer) -> None:
    """Stop serving and close the socket."""
    server.shutdown()
    server.server_close()
