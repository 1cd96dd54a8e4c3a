"""The processes that do the measured work; `bench/run.py` starts them and reads their JSON lines.

    python -m bench.worker build SIZE FOLDER
        generate the synthetic corpus and build it into FOLDER with litgraph's build path
        (litgraph.nt, litgraph.ttl and store/); prints one line {"build_s", "triples", "peak_rss_mb"}.
    python -m bench.worker session STORE FOLDER RUNS TIMEOUT_S QUERY_DIR
        load FOLDER/litgraph.nt into STORE (oxigraph | rdflib | virtuoso: a Virtuoso 7 this worker
        starts on loopback and stops, bench/virtuoso.py), print {"event": "load", ...}, then run
        every named query of QUERY_DIR: one warm-up, then RUNS timed runs, each bounded by TIMEOUT_S;
        prints one line per query {"event": "query", "query", "times", "timed_out", "rows", "peak_rss_mb"}.

Each query runs in a child forked from the session, so a query past its time limit is killed
without losing the loaded graph (rdflib holds it in memory; the child shares it copy-on-write).
The Oxigraph session never opens the store itself (RocksDB's threads and fork do not mix): the
load runs in one child, and each query child opens the store read-only, as `litgraph query` does.
Peak memory is the child's VmHWM (peak resident set), which counts the shared graph.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import sys
import time
from pathlib import Path


def peak_rss_mb(pid: int | str = "self") -> float:
    """Peak resident set size (VmHWM) of a process, in MB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def emit(record: dict) -> None:
    sys.stdout.write(json.dumps(record) + "\n")
    sys.stdout.flush()


def build(size: str, folder: Path) -> None:
    from bench.generate import SIZES, build_synthetic, papers_for, synthetic_corpus, write_params

    folder.mkdir(parents=True, exist_ok=True)
    corpus = synthetic_corpus(papers_for(SIZES[size]))
    write_params(corpus, folder)
    start = time.perf_counter()
    triples = build_synthetic(corpus, folder)
    emit({"build_s": time.perf_counter() - start, "triples": triples, "peak_rss_mb": peak_rss_mb()})


def in_child(work, timeout_s: float | None = None) -> tuple[list[dict], bool, float]:
    """Run `work(send)` in a forked child; collect the dicts it sends, each within `timeout_s`."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read_fd)
        out = os.fdopen(write_fd, "w")
        try:
            work(lambda record: (out.write(json.dumps(record) + "\n"), out.flush()))
            out.write(json.dumps({"done": True, "peak_rss_mb": peak_rss_mb()}) + "\n")
            out.flush()
        except BaseException as exc:  # report, never fall back into the session's code
            out.write(json.dumps({"error": f"{type(exc).__name__}: {exc}"}) + "\n")
            out.flush()
        os._exit(0)
    os.close(write_fd)
    records, buffer, peak = [], b"", 0.0
    while True:
        ready, _, _ = select.select([read_fd], [], [], timeout_s)
        peak = max(peak, peak_rss_mb(pid))
        if not ready:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            os.close(read_fd)
            return records, True, peak
        chunk = os.read(read_fd, 65536)
        if not chunk:
            break
        buffer += chunk
        *lines, buffer = buffer.split(b"\n")
        for line in lines:
            record = json.loads(line)
            if "error" in record:
                os.waitpid(pid, 0)
                raise RuntimeError(record["error"])
            peak = max(peak, record.get("peak_rss_mb", 0.0))
            records.append(record)
    os.waitpid(pid, 0)
    os.close(read_fd)
    return [r for r in records if "done" not in r], False, peak


def session(store_kind: str, folder: Path, runs: int, timeout_s: float, query_dir: Path) -> None:
    nt = folder / "litgraph.nt"
    if store_kind == "virtuoso":
        from bench import virtuoso

        server = virtuoso.start(folder)
        try:
            return run_queries(load_virtuoso(server, nt), folder, runs, timeout_s, query_dir, server.process.pid)
        finally:
            virtuoso.stop(server)
    opener = load_oxigraph(folder, nt) if store_kind == "oxigraph" else load_rdflib(nt)
    run_queries(opener, folder, runs, timeout_s, query_dir)


def run_queries(opener, folder: Path, runs: int, timeout_s: float, query_dir: Path, server_pid: int | None = None) -> None:
    """Every named query of `query_dir` in its own child: a warm-up, then `runs` timed runs.

    With `server_pid` (a store in another process) the peak memory reported is that server's.
    """
    from litgraph.queries import list_queries

    params = json.loads((folder / "params.json").read_text(encoding="utf-8"))
    for query in list_queries(query_dir):
        def measure(send, query=query):
            from litgraph.queries import run_query

            store = opener()
            rows = len(run_query(query, store, params.get(query.name, {})).rows)  # warm-up
            send({"warm": True, "rows": rows, "peak_rss_mb": peak_rss_mb()})
            for _ in range(runs):
                start = time.perf_counter()
                run_query(query, store, params.get(query.name, {}))
                send({"seconds": time.perf_counter() - start, "peak_rss_mb": peak_rss_mb()})

        records, timed_out, peak = in_child(measure, timeout_s)
        peak = peak_rss_mb(server_pid) if server_pid else peak
        emit({"event": "query", "query": query.name, "times": [r["seconds"] for r in records if "seconds" in r],
              "rows": next((r["rows"] for r in records if "rows" in r), None), "timed_out": timed_out,
              "peak_rss_mb": peak})


def load_oxigraph(folder: Path, nt: Path):
    """Bulk-load the N-Triples into a fresh store in a child, then compact it as the build does;
    queries open it read-only."""
    target = folder / "bench-store"

    def load(send):
        from litgraph.store import OxigraphStore

        shutil.rmtree(target, ignore_errors=True)
        start = time.perf_counter()
        store = OxigraphStore.create(target, nt, optimize=False)
        loaded = time.perf_counter()
        store.optimize()  # as the build does; timed apart: "load" is the bulk load
        send({"load_s": loaded - start, "optimize_s": time.perf_counter() - loaded, "triples": len(store)})

    records, _, peak = in_child(load)
    emit({"event": "load", "load_s": records[0]["load_s"], "optimize_s": records[0]["optimize_s"],
          "triples": records[0]["triples"], "peak_rss_mb": peak})

    def opener():
        from litgraph.store import OxigraphStore

        return OxigraphStore(target)

    return opener


def load_virtuoso(server, nt: Path):
    """Bulk-load the N-Triples into the running Virtuoso; queries go through litgraph's RemoteStore."""
    from bench.virtuoso import load

    triples = sum(1 for _ in nt.open("rb"))
    emit({"event": "load", "load_s": load(server, nt), "triples": triples, "peak_rss_mb": peak_rss_mb(server.process.pid)})

    def opener():
        from litgraph.remote import RemoteStore

        return RemoteStore(server.query_url, timeout_s=3600)

    return opener


def load_rdflib(nt: Path):
    from litgraph.store import RdflibStore

    start = time.perf_counter()
    store = RdflibStore.from_file(nt)
    emit({"event": "load", "load_s": time.perf_counter() - start, "triples": len(store),
          "peak_rss_mb": peak_rss_mb()})
    return lambda: store


def main(argv: list[str]) -> None:
    if argv[0] == "build":
        build(argv[1], Path(argv[2]))
    elif argv[0] == "session":
        session(argv[1], Path(argv[2]), int(argv[3]), float(argv[4]), Path(argv[5]))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
