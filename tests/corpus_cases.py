"""Helpers for tests that break one corpus file and run the real `litgraph build` on it.

`built_copy` builds the shipped corpus once into a folder; `fresh_project` copies it
(corpus/ and build/) for one test; `refused` runs the build on the broken copy and
checks the promise of issue 11: exit 2, one line on stderr, nothing written.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from conftest import ROOT, run_cli


def built_copy(folder: Path) -> Path:
    shutil.copytree(ROOT / "corpus", folder / "corpus")
    result = build(folder)
    assert result.returncode == 0, result.stderr
    return folder


def fresh_project(built: Path, folder: Path) -> Path:
    shutil.copytree(built / "corpus", folder / "corpus")
    shutil.copytree(built / "build", folder / "build", symlinks=True)
    return folder


def build(project: Path):
    return run_cli("build", "--corpus", str(project / "corpus"), "--build-dir", str(project / "build"))


def state(folder: Path) -> dict[str, str]:
    """Every file under `folder` (lock files aside) by content."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.endswith(".lock")}


def refused(project: Path) -> str:
    """Build the broken corpus; assert exit 2, one line, nothing written; return the line."""
    before = state(project / "build"), state(project / "corpus")
    result = build(project)
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2, result.stderr
    assert len(lines) == 1 and lines[0].startswith("litgraph: error: "), result.stderr
    assert "Traceback" not in result.stderr
    assert (state(project / "build"), state(project / "corpus")) == before
    return lines[0]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, prefix: str) -> int:
    """The first line of `path` starting with `prefix` (1-based)."""
    return next(n for n, text in enumerate(path.read_text(encoding="utf-8").split("\n"), 1)
                if text.startswith(prefix))
