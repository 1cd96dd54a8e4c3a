"""The parser benchmarks' own paths (their figures come from `make bench`, never from a test)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_bench(*args: str, path: str | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PATH": path} if path is not None else None
    return subprocess.run([sys.executable, "-m", "bench.parser_instructions", *args], cwd=ROOT, env=environment,
                          capture_output=True, text=True, timeout=120)


def test_instruction_count_without_valgrind_is_one_line_and_exit_2(tmp_path):
    done = run_bench("--count", "3", path=str(tmp_path))  # a PATH with no valgrind on it
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.strip().splitlines() == [
        "bench.parser_instructions: valgrind is not installed (apt-get install valgrind)"]


def test_the_process_counted_parses_the_strings_and_prints_nothing():
    """What runs under callgrind: load and parse, no output to mix with valgrind's."""
    done = run_bench("--child", "2", "--count", "3")
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
