"""Atomic writes: whole files only, and the permissions a plain write would give."""

from __future__ import annotations

import os
import stat

import pytest

from litgraph.atomic import write_bytes_atomic, write_text_atomic


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_gets_the_umask_mode_not_mkstemps_0600(tmp_path):
    old = os.umask(0o022)
    try:
        write_text_atomic(tmp_path / "work-ids.tsv", "a\tb\n")
    finally:
        os.umask(old)
    assert mode(tmp_path / "work-ids.tsv") == 0o644
    assert (tmp_path / "work-ids.tsv").read_text() == "a\tb\n"


def test_a_rewritten_file_keeps_its_mode(tmp_path):
    target = tmp_path / "refs.bib"
    target.write_text("old")
    target.chmod(0o640)
    write_text_atomic(target, "new")
    assert mode(target) == 0o640 and target.read_text() == "new"


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "x.txt"
    target.write_text("old")
    with pytest.raises(TypeError):
        write_bytes_atomic(target, 12345)  # fails inside the write, after the temporary exists
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.txt"]
