"""The threading HTTP server under litgraph's two servers (the report site and the SPARQL front).

Clients that hang up mid-answer are normal and print nothing; any other failure of
a request prints one line, never a traceback. The address is bound without the
standard library's reverse-DNS lookup, which can hang on a machine without a resolver.
"""

from __future__ import annotations

import socket
import socketserver
import sys
from http.server import ThreadingHTTPServer


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    label = "request"  # what the one-line failure message calls a request

    def server_bind(self) -> None:
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = str(self.server_address[0]), self.server_address[1]

    def handle_error(self, request, client_address) -> None:
        error = sys.exc_info()[1]
        if not isinstance(error, (ConnectionError, TimeoutError)):
            sys.stderr.write(f"litgraph: {self.label} from {client_address[0]} failed: "
                             f"{type(error).__name__}: {error}\n")


def server_class(host: str, base: type[QuietServer] = QuietServer) -> type[QuietServer]:
    """`base`, or its IPv6 form for an address with a colon."""
    if ":" not in host:
        return base
    return type(base.__name__ + "6", (base,), {"address_family": socket.AF_INET6})
