"""Virtuoso 7 beside the embedded store: started by the benchmark on loopback, bulk-loaded, queried.

`bench.worker session virtuoso FOLDER ...` uses this when `virtuoso-t` is installed: a fresh
database in a temporary folder, on free loopback ports, with `ResultSetMaxRows` and
`MaxQueryExecutionTime` raised so that every answer is complete (Virtuoso otherwise cuts a
result at 10,000 rows, or returns what it found when time runs out); the N-Triples file is
loaded with Virtuoso's bulk loader (`ld_add`, `rdf_loader_run`, `checkpoint` through `isql-vt`)
and the named queries run through litgraph's own `RemoteStore`, as `litgraph query --endpoint`
does. Virtuoso reads the union of its graphs, so the queries run unchanged.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

GRAPH = "urn:litgraph:bench"
BUFFERS_PER_GB = 85_000  # Virtuoso's guidance: 8 KB pages; about two thirds of the memory given
INI = """\
[Database]
DatabaseFile       = {dir}/virtuoso.db
ErrorLogFile       = {dir}/virtuoso.log
LockFile           = {dir}/virtuoso.lck
TransactionFile    = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 20000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = {dir}/virtuoso-temp.db
TransactionFile    = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 20000
Striping           = 0

[Parameters]
ServerPort           = 127.0.0.1:{sql_port}
DisableUnixSocket    = 1
MaxClientConnections = 10
CheckpointInterval   = 0
DirsAllowed          = ., {dir}, {data}
NumberOfBuffers      = {buffers}
MaxDirtyBuffers      = {dirty}
ThreadsPerQuery      = 2

[HTTPServer]
ServerPort           = 127.0.0.1:{http_port}
ServerRoot           = {dir}
MaxClientConnections = 10
ServerThreads        = 10
EnabledDavVSP        = 0

[SPARQL]
ResultSetMaxRows           = 100000000
MaxQueryExecutionTime      = 3600
MaxQueryCostEstimationTime = 0
"""


@dataclass(frozen=True, slots=True)
class Virtuoso:
    process: subprocess.Popen
    folder: Path
    sql_port: int
    query_url: str


def installed() -> bool:
    return shutil.which("virtuoso-t") is not None and shutil.which("isql-vt") is not None


def start(data_folder: Path, memory_gb: float = 2.0) -> Virtuoso:
    """A fresh Virtuoso on free loopback ports that may read files under `data_folder`."""
    from litgraph.serve import free_port

    folder = Path(tempfile.mkdtemp(prefix="litgraph-bench-virtuoso-"))
    http_port, sql_port = free_port(), free_port()
    buffers = int(BUFFERS_PER_GB * memory_gb)
    (folder / "virtuoso.ini").write_text(INI.format(dir=folder, data=data_folder.resolve(), http_port=http_port,
                                                    sql_port=sql_port, buffers=buffers, dirty=buffers * 3 // 4))
    with (folder / "stdout.log").open("wb") as out:
        process = subprocess.Popen(["virtuoso-t", "+foreground", "+configfile", str(folder / "virtuoso.ini")],
                                   cwd=folder, stdout=out, stderr=subprocess.STDOUT)
    server = Virtuoso(process, folder, sql_port, f"http://127.0.0.1:{http_port}/sparql")
    wait_until_ready(server)
    return server


def wait_until_ready(server: Virtuoso, within_s: float = 180.0) -> None:
    ask = server.query_url + "?" + urllib.parse.urlencode({"query": "ASK {}"})
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"virtuoso-t exited with {server.process.returncode}: see {server.folder}")
        try:
            with urllib.request.urlopen(ask, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)
    stop(server)
    raise RuntimeError(f"Virtuoso not ready within {within_s:g} s")


def isql(server: Virtuoso, statements: str) -> None:
    done = subprocess.run(["isql-vt", f"127.0.0.1:{server.sql_port}", "dba", "dba", f"exec={statements}"],
                          capture_output=True, text=True)
    if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
        raise RuntimeError(f"isql-vt failed: {(done.stdout + done.stderr).strip()[-2000:]}")


def load(server: Virtuoso, ntriples: Path) -> float:
    """Bulk-load the N-Triples file into GRAPH, checkpointed; returns the seconds it took."""
    start_s = time.perf_counter()
    isql(server, f"ld_add('{ntriples.resolve()}', '{GRAPH}'); rdf_loader_run(); checkpoint;")
    return time.perf_counter() - start_s


def stop(server: Virtuoso) -> None:
    """SIGTERM (Virtuoso checkpoints and exits), then remove its database folder."""
    server.process.terminate()
    try:
        server.process.wait(60)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()
    shutil.rmtree(server.folder, ignore_errors=True)
