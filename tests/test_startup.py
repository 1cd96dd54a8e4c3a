"""Interactive commands start light: no rdflib where Oxigraph answers, plain text for long tables.

No timings are asserted here (speed is measured by `make bench`); these check the causes of a slow
start that the benchmark found: rdflib imported through litgraph.vocab (0.05-0.24 s) and rich
rendering a table longer than a screen (0.28 s for co-citation's 408 rows on the seed graph).
"""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from litgraph.output import RICH_MAX_CHARS, RICH_MAX_ROWS, write_rows


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True

PROBE = """
import json, sys
from litgraph.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "heavy": sorted(m for m in ("rdflib", "rich") if m in sys.modules)}),
      file=sys.stderr)
"""


def probe(*args: str, cwd) -> dict:
    result = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, cwd=cwd,
                            timeout=120)
    return json.loads(result.stderr.strip().splitlines()[-1])


@pytest.mark.parametrize("args", [
    ("query", "most-cited"),
    ("query", "most-cited", "--format", "json"),
    ("query", "reference-list", "--param", "paper=10.1186/1472-6963-13-188", "--format", "json"),
    ("query", "equivocal-rct", "--format", "json"),
    ("works", "--format", "json"),
    ("headline",),
], ids=lambda a: " ".join(a))
def test_command_answered_by_oxigraph_does_not_import_rdflib(seed_build, args):
    seen = probe(*args, "--build-dir", str(seed_build["build"]), cwd=seed_build["dir"])
    assert seen["code"] == 0
    assert "rdflib" not in seen["heavy"], "rdflib came in although Oxigraph answered"


def test_json_output_does_not_import_rich(seed_build):
    seen = probe("query", "co-citation", "--format", "json", "--build-dir", str(seed_build["build"]),
                 cwd=seed_build["dir"])
    assert seen == {"code": 0, "heavy": []}


def test_vocab_namespaces_still_work_for_the_build_stages():
    from litgraph import vocab
    from litgraph.vocab import LG, PREFIXES, WORK_CLASS

    assert str(LG.position) == "https://w3id.org/litgraph/ontology#position"
    assert str(WORK_CLASS["book"]) == "http://purl.org/spar/fabio/Book"
    assert list(PREFIXES)[:3] == ["lg", "lgc", "lgd"] and "skos" in PREFIXES
    with pytest.raises(AttributeError):
        vocab.NOT_A_NAMESPACE


def test_table_longer_than_a_screen_is_written_plainly_with_every_cell():
    rows = [{"work": f"w{i}", "title": "A long title " * 8 if i == 3 else f"t{i}"} for i in range(RICH_MAX_ROWS + 1)]
    out = Terminal()
    write_rows(rows, ["work", "title"], "table", out=out, title="Works")
    lines = out.getvalue().splitlines()
    assert lines[0] == "Works" and lines[1].split() == ["work", "title"]
    assert len(lines) == len(rows) + 3
    assert lines[3 + 3].endswith(("A long title " * 8).strip())  # a long cell runs on, never cut
    assert "┃" not in out.getvalue()


def test_short_table_on_a_terminal_is_still_a_rich_table():
    out = Terminal()
    write_rows([{"a": 1}], ["a"], "table", out=out)
    assert "┃" in out.getvalue()


def test_few_rows_of_long_text_are_written_plainly():
    out = Terminal()
    write_rows([{"raw": "x" * (RICH_MAX_CHARS // 2 + 1)}] * 2, ["raw"], "table", out=out)
    assert "┃" not in out.getvalue() and out.getvalue().count("x" * (RICH_MAX_CHARS // 2 + 1)) == 2


def test_table_to_a_pipe_or_file_is_plain_columns():
    out = io.StringIO()
    write_rows([{"a": 1, "b": "two"}], ["a", "b"], "table", out=out, title="T")
    assert out.getvalue() == "T\na  b\n-  ---\n1  two\n"
