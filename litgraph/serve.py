"""Serve the built store over the SPARQL 1.1 Protocol with the Oxigraph server (PyPI `oxigraph`).

litgraph writes no server of its own: `oxigraph serve-read-only` (or `oxigraph
serve` with --writable) opens build/store and answers GET and POST queries at
/query with JSON, XML, CSV or TSV results by content negotiation; a writable
server also takes SPARQL Update at /update and the Graph Store Protocol at
/store. The functions here find the binary, start it, wait until it listens
and stop it; tests use them too.
"""

from __future__ import annotations

import math
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, StoreError, StoreMissingError

LOOPBACK = {"127.0.0.1", "::1", "localhost"}


@dataclass(frozen=True, slots=True)
class Endpoint:
    host: str
    port: int

    @property
    def bind(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    @property
    def base(self) -> str:
        return f"http://{self.bind}"

    @property
    def query_url(self) -> str:
        return self.base + "/query"


def oxigraph_binary() -> str:
    """The `oxigraph` server next to the running Python (the venv), else on PATH."""
    here = Path(sys.executable).parent / "oxigraph"
    if here.is_file() and os.access(here, os.X_OK):
        return str(here)
    found = shutil.which("oxigraph")
    if not found:
        raise StoreError("the Oxigraph server is not installed: `pip install oxigraph` (it provides `oxigraph`)")
    return found


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that is free on `host` right now."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def check_port_free(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((host, port))
        except OSError as exc:
            raise InputError(f"cannot serve on {host}:{port}: {exc.strerror or exc}") from exc


def start_oxigraph(store: str | Path, host: str = "127.0.0.1", port: int = 0, writable: bool = False,
                   timeout_s: float | None = None, ready_within_s: float = 30.0
                   ) -> tuple[subprocess.Popen, Endpoint]:
    """Start the Oxigraph server on `store` and return once it accepts connections."""
    store = Path(store)
    if not (store / "CURRENT").exists():
        raise StoreMissingError(f"no built store at {store}: run `litgraph build` first")
    port = port or free_port(host)
    check_port_free(host, port)
    endpoint = Endpoint(host, port)
    mode = ["serve"] if writable else ["serve-read-only"]
    command = [oxigraph_binary(), *mode, "--location", str(store), "--bind", endpoint.bind]
    if timeout_s:
        command += ["--timeout-s", str(max(1, math.ceil(timeout_s)))]
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                               preexec_fn=_die_with_parent if sys.platform == "linux" else None)
    process.log = log  # type: ignore[attr-defined]
    wait_until_listening(process, host, port, ready_within_s)
    return process, endpoint


def wait_until_listening(process: subprocess.Popen, host: str, port: int, within_s: float) -> None:
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise StoreError(f"the Oxigraph server stopped at start: {server_log(process)}")
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    stop(process)
    raise StoreError(f"the Oxigraph server did not listen on {host}:{port} within {within_s:g} s")


def server_log(process: subprocess.Popen) -> str:
    log = getattr(process, "log", None)
    if log is None:
        return "no log"
    log.seek(0)
    lines = [line for line in log.read().decode("utf-8", "replace").splitlines() if line.strip()]
    return lines[-1].strip() if lines else f"exit status {process.returncode}"


def stop(process: subprocess.Popen, grace_s: float = 10.0) -> None:
    """Ask the server to stop (SIGINT, as Ctrl-C would), then kill it if it does not."""
    if process.poll() is None:
        process.send_signal(2)
        try:
            process.wait(grace_s)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until_exit(process: subprocess.Popen, poll_s: float = 0.25) -> int:
    """`process.wait()` in short steps: a signal the kernel hands to another thread (the front's
    server threads) would not wake a plain wait, so Ctrl-C and SIGTERM could go unheard."""
    while True:
        try:
            return process.wait(poll_s)
        except subprocess.TimeoutExpired:
            continue


def _die_with_parent() -> None:
    """Linux: the server gets SIGTERM if litgraph dies without stopping it."""
    import ctypes

    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, 15)  # PR_SET_PDEATHSIG, SIGTERM
    except OSError:
        pass
