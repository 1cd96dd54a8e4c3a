"""The command line as a user meets it: help with examples, output formats, exit codes, one-line errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import ROOT, run_cli



def all_commands():
    """Every command path of the CLI, e.g. ["refs", "parse"], found by walking the click group."""
    import click

    from litgraph.cli import cli

    def walk(group, prefix):
        for name, command in sorted(group.commands.items()):
            yield prefix + [name]
            if isinstance(command, click.Group):
                yield from walk(command, prefix + [name])

    return list(walk(cli, []))


COMMANDS = all_commands()


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help_with_an_example(command):
    result = run_cli(*command, "--help")
    assert result.returncode == 0
    assert "Example" in result.stdout, f"`litgraph {' '.join(command)} --help` shows no example"


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    for command in COMMANDS:
        assert f"litgraph {' '.join(command)}" in readme, f"README does not mention litgraph {' '.join(command)}"


def test_exit_codes_are_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    for code in ("0", "1", "2", "3"):
        assert re.search(rf"^\|\s*`?{code}`?\s*\|", readme, re.M), f"exit code {code} not in README table"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    import shutil

    folder = tmp_path_factory.mktemp("cli")
    shutil.copytree(ROOT / "corpus", folder / "corpus")
    result = run_cli("build", "--corpus", str(folder / "corpus"), "--build-dir", str(folder / "build"),
                     "--format", "json")
    assert result.returncode == 0, result.stderr
    return folder / "build", json.loads(result.stdout)


def test_build_json_summary_keys(built):
    _, summary = built
    assert set(summary) == {"papers", "reference_entries", "cited_by_entries", "library_entries", "works",
                            "works_cited_by_two_or_more_lists", "citations", "merges", "triples", "warnings"}


def test_works_jsonl_shape(built):
    build_dir, summary = built
    result = run_cli("works", "--build-dir", str(build_dir))
    assert result.returncode == 0, result.stderr
    works = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(works) == summary["works"]
    assert all(set(w) == {"id", "doi", "title", "year", "authors", "type", "members"} for w in works)
    members = [m for w in works for m in w["members"]]
    assert len(members) == 158 + 14 + 4
    seed = next(w for w in works if w["doi"] == "10.1186/1472-6963-13-188")
    assert {"paper_doi": "10.1186/1472-6963-13-188", "list": "paper", "position": None} in seed["members"]
    assert any(m["list"] == "references" and m["paper_doi"] == "10.1192/apt.bp.113.011940"
               for m in seed["members"])


def test_query_formats(built):
    build_dir, _ = built
    as_json = run_cli("query", "most-cited", "--format", "json", "--limit", "3", "--build-dir", str(build_dir))
    rows = json.loads(as_json.stdout)
    assert len(rows) == 3 and set(rows[0]) == {"work", "first_author", "year", "title", "citations"}
    assert isinstance(rows[0]["citations"], int)
    as_csv = run_cli("query", "most-cited", "--format", "csv", "--limit", "3", "--build-dir", str(build_dir))
    assert as_csv.stdout.splitlines()[0] == "work,first_author,year,title,citations"
    listing = json.loads(run_cli("query", "--list", "--format", "json").stdout)
    assert {"name", "title", "description", "params"} <= set(listing[0])


def test_query_from_file(built, tmp_path):
    build_dir, _ = built
    path = tmp_path / "count.rq"
    path.write_text("# title: Count works\nPREFIX cito: <http://purl.org/spar/cito/>\n"
                    "SELECT (COUNT(*) AS ?n) WHERE { ?a cito:cites ?b }\n")
    result = run_cli("query", "--file", str(path), "--format", "json", "--build-dir", str(build_dir))
    assert result.returncode == 0 and json.loads(result.stdout)[0]["n"] > 100


@pytest.mark.parametrize("args, message", [
    (["query", "nope"], "unknown query 'nope'"),
    (["query", "most-cited", "--param", "x=1"], "has no parameter 'x'"),
    (["query", "reference-list"], "needs --param paper="),
    (["query", "most-cited", "--param", "novalue"], "--param takes name=value"),
    (["query", "--file", "/nonexistent/q.rq"], "query file not found"),
])
def test_bad_query_input_is_one_line_exit_2(built, args, message):
    build_dir, _ = built
    result = run_cli(*args, "--build-dir", str(build_dir))
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_sparql_syntax_error_exit_2(built, tmp_path):
    build_dir, _ = built
    path = tmp_path / "bad.rq"
    path.write_text("# title: Broken\nSELECT ?x WHERE { ?x ?y }\n")
    result = run_cli("query", "--file", str(path), "--build-dir", str(build_dir))
    assert result.returncode == 2 and "SPARQL syntax error" in result.stderr
    assert "Traceback" not in result.stderr


def test_no_store_yet_says_run_build(tmp_path):
    result = run_cli("query", "most-cited", "--build-dir", str(tmp_path / "empty"))
    assert result.returncode == 2 and "run `litgraph build` first" in result.stderr


def test_malformed_corpus_exit_2_names_file_and_line(tmp_path):
    import shutil

    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    path = tmp_path / "corpus" / "references" / "gillard-2013-bmchsr.tsv"
    path.write_text(path.read_text() + "x\tbad position\n")
    result = run_cli("build", "--corpus", str(tmp_path / "corpus"), "--build-dir", str(tmp_path / "b"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert re.search(r"gillard-2013-bmchsr\.tsv:\d+: position must be", result.stderr)
    assert not (tmp_path / "b" / "litgraph.ttl").exists()


def test_refs_parse_stdin_keeps_every_line_in_order():
    text = "1. Corrigan PW: Impact of consumer-operated services. Psychiatr Serv. 2006, 57: 1493-1496.\n\n[2] ???\n"
    result = run_cli("refs", "parse", "-", input=text)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 2
    assert records[0]["raw"].startswith("Corrigan PW") and records[0]["year"] == 2006
    assert records[1]["raw"] == "???" and records[1]["warnings"]


def test_refs_parse_unreadable_path():
    result = run_cli("refs", "parse", "/nonexistent/refs.txt")
    assert result.returncode == 2 and "no such file" in result.stderr


def test_help_is_fast_because_heavy_imports_are_lazy():
    import subprocess
    import sys

    code = "import sys, litgraph.cli; print(sorted(m for m in ('rdflib','pyoxigraph','owlready2','habanero','rich') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip()
    assert out == "[]", f"modules imported by `litgraph --help`: {out}"


def test_headline_answers(built):
    build_dir, _ = built
    result = run_cli("headline", "--build-dir", str(build_dir))
    assert result.returncode == 0, result.stderr
    for title in ("Most-cited works", "Works cited by two or more", "Most co-cited pairs",
                  "Coded findings by organisational domain", "randomised-trial evidence is equivocal"):
        assert title in result.stdout
    assert "Pitt 2013: no difference" in result.stdout and "service use" in result.stdout
