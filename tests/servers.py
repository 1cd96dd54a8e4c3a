"""Real SPARQL servers on 127.0.0.1 for the integration tests: the Oxigraph server and Virtuoso 7.

Import the fixtures into a test module (`from servers import oxigraph_server`);
each is session-scoped per module that imports it, so keep one module per server.
Virtuoso tests skip with a message when `virtuoso-t` is not installed
(Debian: `apt-get install virtuoso-opensource`; .ci/run does it as root).
"""

from __future__ import annotations

import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from litgraph.serve import free_port, oxigraph_binary, stop

VIRTUOSO_USER, VIRTUOSO_PASSWORD = "dba", "dba"  # the defaults of a fresh Virtuoso database


@dataclass(frozen=True)
class Server:
    name: str
    base: str
    query_url: str
    log: Path


def wait_for_http(url: str, process: subprocess.Popen, log: Path, within_s: float = 60.0) -> None:
    """Poll `url` until it answers 200, failing with the server's log if it dies or stays silent."""
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}:\n{tail(log)}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    stop(process)
    raise RuntimeError(f"server at {url} not ready within {within_s:g} s:\n{tail(log)}")


def tail(path: Path, lines: int = 20) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""


def ask_url(query_url: str) -> str:
    return query_url + "?" + urllib.parse.urlencode({"query": "ASK {}"})


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    """A writable, in-memory Oxigraph server (PyPI `oxigraph`): /query, /update, /store."""
    folder = tmp_path_factory.mktemp("oxigraph-server")
    port = free_port()
    log = folder / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen([oxigraph_binary(), "serve", "--bind", f"127.0.0.1:{port}"],
                                   stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(ask_url(base + "/query"), process, log)
        yield Server("oxigraph", base, base + "/query", log)
    finally:
        stop(process)


VIRTUOSO_INI = """\
[Database]
DatabaseFile       = {dir}/virtuoso.db
ErrorLogFile       = {dir}/virtuoso.log
LockFile           = {dir}/virtuoso.lck
TransactionFile    = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = {dir}/virtuoso-temp.db
TransactionFile    = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort           = 127.0.0.1:{sql_port}
DisableUnixSocket    = 1
MaxClientConnections = 10
CheckpointInterval   = 60
DirsAllowed          = ., {dir}
NumberOfBuffers      = 10000
MaxDirtyBuffers      = 6000
ThreadsPerQuery      = 2

[HTTPServer]
ServerPort           = 127.0.0.1:{http_port}
ServerRoot           = {dir}
MaxClientConnections = 10
ServerThreads        = 10
EnabledDavVSP        = 0

[SPARQL]
ResultSetMaxRows      = 1000000
MaxQueryExecutionTime = 60
"""


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory):
    """Virtuoso 7 (`virtuoso-t`) with a fresh database in a temporary folder, on free loopback ports."""
    binary = shutil.which("virtuoso-t")
    if binary is None:
        pytest.skip("Virtuoso is not installed (no `virtuoso-t` on PATH): "
                    "`apt-get install virtuoso-opensource` to run the Virtuoso integration tests")
    folder = tmp_path_factory.mktemp("virtuoso")
    http_port, sql_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(dir=folder, http_port=http_port, sql_port=sql_port))
    log = folder / "stdout.log"
    with log.open("wb") as out:
        process = subprocess.Popen([binary, "+foreground", "+configfile", str(ini)], cwd=folder,
                                   stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{http_port}"
    try:
        wait_for_http(ask_url(base + "/sparql"), process, log, within_s=120)
        yield Server("virtuoso", base, base + "/sparql", log)
    finally:
        process.terminate()  # Virtuoso checkpoints and exits on SIGTERM
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# Parameters for every named query that takes some, on the seed graph; a new parameterised query
# must be added here (test_every_parameterised_query_has_seed_params checks).
SEED_PARAMS = {
    "reference-list": {"paper": "10.1192/apt.bp.113.011940"},
    "citing-papers": {"work": "10.1192/apt.bp.113.011940"},
    "works-by-author": {"name": "Gillard"},
    "factor-evidence": {"factor": "clear-job-description"},
}


def param_args(name: str) -> list[str]:
    return [arg for key, value in SEED_PARAMS.get(name, {}).items() for arg in ("--param", f"{key}={value}")]


def cli_json(*args: str):
    """Run the CLI and parse its JSON output, failing with its stderr when it does not exit 0."""
    import json

    from conftest import run_cli

    result = run_cli(*args)
    assert result.returncode == 0, f"litgraph {' '.join(args)} -> {result.returncode}: {result.stderr}"
    return json.loads(result.stdout)


def assert_same_rows_as_embedded(name: str, build_dir: Path, endpoint: str) -> None:
    """`litgraph query NAME --format json` gives the same list through --endpoint as from build/store."""
    local = cli_json("query", name, *param_args(name), "--build-dir", str(build_dir), "--format", "json")
    remote = cli_json("query", name, *param_args(name), "--endpoint", endpoint, "--build-dir",
                      str(build_dir / "absent"), "--format", "json")
    assert remote == local
