"""A project's settings reach the commands: query_timeout, allow_service and the Crossref mailto.

Each test writes a litgraph.toml into a folder beside the seed build and runs the real CLI from
there, with no --timeout / --allow-service / --mailto option, so only the project can have set them.
"""

from __future__ import annotations

import json
import socket
import threading
import time

from conftest import run_cli

CARTESIAN = "# title: forever\nSELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }\n"


def write_project(folder, build, extra: str) -> None:
    (folder / "litgraph.toml").write_text(f'build = "{build}"\n{extra}\n', encoding="utf-8")


def test_project_query_timeout_stops_a_query_without_a_timeout_option(seed_build, tmp_path):
    write_project(tmp_path, seed_build["build"], "query_timeout = 1")
    (tmp_path / "forever.rq").write_text(CARTESIAN, encoding="utf-8")
    started = time.monotonic()
    result = run_cli("query", "--file", "forever.rq", cwd=tmp_path)
    assert result.returncode == 3, result.stderr
    assert "longer than 1 s" in result.stderr
    assert time.monotonic() - started < 15


def test_timeout_option_still_wins_over_the_project_setting(seed_build, tmp_path):
    write_project(tmp_path, seed_build["build"], "query_timeout = 600")
    (tmp_path / "forever.rq").write_text(CARTESIAN, encoding="utf-8")
    result = run_cli("query", "--file", "forever.rq", "--timeout", "1", cwd=tmp_path)
    assert result.returncode == 3 and "longer than 1 s" in result.stderr


class Listener:
    """A loopback TCP listener that counts the connections it accepts."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port, self.hits, self.running = self.sock.getsockname()[1], 0, True
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self) -> None:
        while self.running:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.hits += 1
            conn.close()


def test_project_allow_service_lets_a_query_call_out_and_its_absence_refuses(seed_build, tmp_path):
    listener = Listener()
    try:
        query = f"# title: out\nSELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/sparql> {{ ?s ?p ?o }} }}\n"
        (tmp_path / "out.rq").write_text(query, encoding="utf-8")
        write_project(tmp_path, seed_build["build"], "allow_service = false")
        refused = run_cli("query", "--file", "out.rq", cwd=tmp_path)
        assert refused.returncode == 2 and "--allow-service" in refused.stderr
        assert listener.hits == 0
        write_project(tmp_path, seed_build["build"], "allow_service = true")
        allowed = run_cli("query", "--file", "out.rq", "--timeout", "5", cwd=tmp_path)
        assert "--allow-service" not in allowed.stderr
        assert listener.hits >= 1
    finally:
        listener.running = False
        listener.sock.close()


def test_crossref_reads_the_project_toml_from_a_subfolder(tmp_path):
    from litgraph.crossref.config import resolve_settings

    (tmp_path / "litgraph.toml").write_text('mailto = "team@example.org"\n', encoding="utf-8")
    sub = tmp_path / "corpus" / "papers"
    sub.mkdir(parents=True)
    import os

    here = os.getcwd()
    os.chdir(sub)
    try:
        settings = resolve_settings(config_paths=None)
    finally:
        os.chdir(here)
    assert settings.mailto == "team@example.org"


def test_a_project_toml_may_hold_crossref_and_opencitations_tables(tmp_path):
    from litgraph.project import load_project

    config = tmp_path / "litgraph.toml"
    config.write_text('title = "t"\n[crossref]\nmailto = "a@b.org"\n[opencitations]\ntoken = "x"\n', encoding="utf-8")
    assert load_project(config).title == "t"


def test_a_projects_own_named_query_runs_by_name_and_is_listed(seed_build, tmp_path):
    queries = tmp_path / "queries"
    queries.mkdir()
    (queries / "seed-titles.rq").write_text(
        "# title: Seed titles\n# description: the seed papers' titles\n"
        "PREFIX dcterms: <http://purl.org/dc/terms/>\nPREFIX fabio: <http://purl.org/spar/fabio/>\n"
        "SELECT ?title WHERE { ?book a fabio:Book ; dcterms:title ?title } ORDER BY ?title\n",
        encoding="utf-8")
    (queries / "_works.rq").write_text("# title: shadow\nSELECT ?x WHERE { ?x ?y ?z }\n", encoding="utf-8")
    write_project(tmp_path, seed_build["build"], 'queries = "queries"')
    listed = run_cli("query", "--list", "--format", "json", cwd=tmp_path)
    names = {q["name"] for q in __import__("json").loads(listed.stdout)}
    assert "seed-titles" in names and "most-cited" in names and "_works" not in names
    ran = run_cli("query", "seed-titles", "--format", "json", cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    assert len(__import__("json").loads(ran.stdout)) == 10  # the seed graph's ten books
    works = run_cli("works", "--format", "json", cwd=tmp_path)  # internal queries never come from the project
    assert works.returncode == 0 and len(__import__("json").loads(works.stdout)) == seed_build["summary"].works


ODD = '{"segments": [["genre", "Okafor, C. (2012)."], ["note", "Housing first. Psychiatric Services, 63(3), 240-246."]]}\n'


def test_a_projects_parser_model_reads_refs_parse_and_build(tmp_path):
    (tmp_path / "odd.jsonl").write_text(ODD * 3, encoding="utf-8")
    trained = run_cli("refs", "train", "--data", str(tmp_path / "odd.jsonl"), "--out", str(tmp_path / "odd.crfsuite"))
    assert trained.returncode == 0, trained.stderr
    (tmp_path / "litgraph.toml").write_text('parser_model = "odd.crfsuite"\n', encoding="utf-8")
    line = "Lind, T., & Moreau, A. (2009). Social psychiatry. Oxford: Oxford University Press.\n"
    parsed = run_cli("refs", "parse", "-", "--explain", input=line, cwd=tmp_path)
    assert parsed.returncode == 0, parsed.stderr
    assert {t["label"] for t in json.loads(parsed.stdout)["tokens"]} <= {"genre", "note"}  # only that model says so
    shipped = run_cli("refs", "parse", "-", "--explain", input=line)
    assert "author" in {t["label"] for t in json.loads(shipped.stdout)["tokens"]}


def test_a_missing_parser_model_stops_the_build_with_one_line(tmp_path):
    from conftest import ROOT
    import shutil

    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    (tmp_path / "litgraph.toml").write_text('parser_model = "gone.crfsuite"\n', encoding="utf-8")
    result = run_cli("build", cwd=tmp_path)
    assert result.returncode == 2 and "gone.crfsuite" in result.stderr and len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "build" / "current").exists()
