"""Query worker processes for the front of `litgraph serve`: started per query, killed when not wanted.

Workers come from a fork server (multiprocessing "forkserver"): a small
single-threaded process with pyoxigraph already imported, so that forking
never copies the front's threads or locks and a worker starts in a few
milliseconds. A worker that is still running when its time is up, when its
client hangs up, or when the server stops is killed (SIGKILL), which frees
its CPU at once; the engine itself cannot be interrupted.
"""

from __future__ import annotations

import socket
import threading
import time

from .sparql_worker import QueryJob, run_job

POLL_S = 0.25  # how often a waiting request looks at its client's socket


class WorkerPool:
    """Runs each QueryJob in a fresh worker process and remembers the live ones."""

    def __init__(self) -> None:
        import multiprocessing

        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(["pyoxigraph", "litgraph.sparql_worker"])
        self._live: set = set()
        self._lock = threading.Lock()

    def run(self, job: QueryJob, timeout_s: float | None, client: socket.socket):
        """The Reply for `job`; None when the client hung up (the worker is killed either way)."""
        from .sparql_front import Reply

        receiver, sender = self._context.Pipe(duplex=False)
        process = self._context.Process(target=run_job, args=(job, sender), daemon=True)
        self._start(process)
        sender.close()
        try:
            outcome = wait_for_worker(receiver, process, client, timeout_s)
            if outcome == "timeout":
                return Reply.text(503, f"the query ran longer than {timeout_s:g} s and was stopped "
                                       "(litgraph serve --timeout)")
            if outcome == "gone":
                return None
            return read_reply(receiver)
        finally:
            receiver.close()
            self._stop(process)

    def _start(self, process) -> None:
        with self._lock:
            process.start()
            self._live.add(process)

    def _stop(self, process) -> None:
        if process.is_alive():
            process.kill()
        process.join()
        with self._lock:
            self._live.discard(process)

    def kill_all(self) -> None:
        with self._lock:
            live = list(self._live)
        for process in live:
            if process.is_alive():
                process.kill()


def wait_for_worker(receiver, process, client: socket.socket, timeout_s: float | None) -> str:
    """"ready" when the worker has answered (or died), "timeout", or "gone" when the client hung up."""
    from multiprocessing.connection import wait

    deadline = None if timeout_s is None else time.monotonic() + timeout_s
    watched = [receiver, process.sentinel, client]
    while True:
        left = POLL_S if deadline is None else min(POLL_S, deadline - time.monotonic())
        if left <= 0:
            return "timeout"
        ready = wait(watched, timeout=left)
        if receiver in ready or process.sentinel in ready:
            return "ready"
        if client in ready:
            if client_hung_up(client):
                return "gone"
            watched = watched[:2]  # it sent more than one request: stop watching rather than spin


def client_hung_up(client: socket.socket) -> bool:
    """True when the client closed its side (a request is complete, so readable means end of stream)."""
    try:
        return client.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True


def read_reply(receiver):
    """The worker's answer as a Reply; a worker that died without one (a crash in the engine) is a 500."""
    from .sparql_front import Reply

    try:
        message = receiver.recv()
        if message[0] == "ok":
            return Reply(200, message[1], receiver.recv_bytes())
    except (EOFError, OSError):
        return Reply.text(500, "the query engine stopped without an answer")
    return Reply.text(message[1], message[2])
