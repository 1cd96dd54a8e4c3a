"""Projects: litgraph.toml found as git finds a repository, --project / LITGRAPH_PROJECT, bad toml, init."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from litgraph.errors import InputError
from litgraph.project import NoProjectError, ProjectFileError, find_project

LITGRAPH = Path(__file__).resolve().parent.parent / ".venv" / "bin" / "litgraph"
ROOT = Path(__file__).resolve().parent.parent


def litgraph(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != "LITGRAPH_PROJECT"} | (env or {})
    return subprocess.run([str(LITGRAPH), *args], cwd=cwd, env=environment, text=True,
                          capture_output=True, timeout=120)


def make_project(folder: Path, text: str = 'title = "T"\n') -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "litgraph.toml").write_text(text, encoding="utf-8")
    return folder


def test_project_is_found_from_a_subfolder_and_paths_resolve_against_its_root(tmp_path):
    root = make_project(tmp_path / "review", 'title = "CHW"\ncorpus = "data/corpus"\nbuild = "out"\n')
    deep = root / "corpus" / "findings"
    deep.mkdir(parents=True)
    project = find_project(deep, env={})
    assert project.root == root.resolve() and project.title == "CHW"
    assert project.corpus == (root / "data" / "corpus").resolve() and project.build == (root / "out").resolve()
    assert project.vocabulary == ((root / "vocabulary").resolve(),)


def test_explicit_project_and_environment_override_the_walk(tmp_path):
    here = make_project(tmp_path / "here", 'title = "here"\n')
    there = make_project(tmp_path / "there", 'title = "there"\n')
    assert find_project(here, env={"LITGRAPH_PROJECT": str(there)}).title == "there"
    assert find_project(here, explicit=there / "litgraph.toml", env={}).title == "there"
    assert find_project(here, explicit=here, env={"LITGRAPH_PROJECT": str(there)}).title == "here"


def test_outside_any_project_the_error_names_litgraph_init(tmp_path):
    with pytest.raises(NoProjectError, match="litgraph init"):
        find_project(tmp_path, env={})


def test_legacy_folder_with_corpus_and_no_toml_keeps_the_old_defaults(tmp_path):
    (tmp_path / "corpus").mkdir()
    project = find_project(tmp_path, env={})
    assert project.corpus == tmp_path.resolve() / "corpus" and project.build == tmp_path.resolve() / "build"
    assert project.config is None


@pytest.mark.parametrize("text, line, cause", [
    ('title = "T"\ncorpus = "c\n', 2, "not valid TOML"),
    ('title = "T"\n\nvocabulary_dir = ["v"]\n', 3, "unknown setting 'vocabulary_dir'"),
    ('title = "T"\nallow_service = "yes"\n', 2, "allow_service must be true or false"),
    ('vocabulary = "vocabulary/"\n', 1, "vocabulary must be a list of paths"),
    ('mailto = "nobody"\n', 1, "mailto must be an e-mail address"),
])
def test_bad_toml_names_file_and_line(tmp_path, text, line, cause):
    make_project(tmp_path, text)
    with pytest.raises(ProjectFileError) as info:
        find_project(tmp_path, env={})
    assert info.value.line == line and cause in str(info.value)
    assert str(info.value).startswith(f"{tmp_path / 'litgraph.toml'}:{line}: ")


def test_bad_toml_through_the_cli_is_one_line_exit_2(tmp_path):
    make_project(tmp_path, 'title = "T"\ncolour = "blue"\n')
    result = litgraph("vocab", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip().count("\n") == 0 and "litgraph.toml:2: unknown setting 'colour'" in result.stderr
    assert "Traceback" not in result.stderr


def test_repository_root_is_the_peer_worker_project():
    project = find_project(ROOT / "corpus" / "findings", env={})
    assert project.root == ROOT and project.corpus == ROOT / "corpus" and project.build == ROOT / "build"
    names = [p.name for p in project.vocabulary_files()]
    assert "litgraph.ttl" in names and "designs.ttl" in names and "outcomes.ttl" in names


def test_init_writes_a_project_that_is_found_and_checks_clean(tmp_path):
    result = litgraph("init", "review", "--title", "CHW and blood pressure", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    root = tmp_path / "review"
    for name in ("litgraph.toml", ".gitignore", "corpus/README.md", "corpus/papers/README.md",
                 "corpus/references/README.md", "corpus/findings/README.md", "vocabulary/designs.ttl",
                 "vocabulary/outcomes.ttl", "vocabulary/roles.ttl", "vocabulary/domains.ttl",
                 "vocabulary/factors.ttl", "vocabulary/settings.ttl", "vocabulary/mechanisms.ttl"):
        assert (root / name).is_file(), name
    assert "cd review" in result.stdout and "litgraph build" in result.stdout
    assert find_project(root / "corpus", env={}).title == "CHW and blood pressure"
    assert "/build/" in (root / ".gitignore").read_text()
    assert litgraph("vocab", "check", cwd=root / "corpus").returncode == 0
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "the staging folder was left behind"


def test_init_refuses_an_existing_project_and_changes_nothing(tmp_path):
    root = make_project(tmp_path / "review", 'title = "mine"\n')
    result = litgraph("init", "review", cwd=tmp_path)
    assert result.returncode == 2 and "already a litgraph project" in result.stderr
    assert (root / "litgraph.toml").read_text() == 'title = "mine"\n' and sorted(os.listdir(root)) == ["litgraph.toml"]


def test_init_refuses_a_folder_that_holds_one_of_its_files(tmp_path):
    (tmp_path / "review" / "corpus").mkdir(parents=True)
    result = litgraph("init", "review", cwd=tmp_path)
    assert result.returncode == 2 and "already holds corpus" in result.stderr
    assert sorted(os.listdir(tmp_path / "review")) == ["corpus"]


def test_init_into_a_folder_with_other_files_keeps_them(tmp_path):
    (tmp_path / "review").mkdir()
    (tmp_path / "review" / "notes.txt").write_text("mine")
    assert litgraph("init", "review", cwd=tmp_path).returncode == 0
    assert (tmp_path / "review" / "notes.txt").read_text() == "mine"
    assert (tmp_path / "review" / "litgraph.toml").is_file()


def test_project_errors_are_input_errors_exit_2():
    assert issubclass(ProjectFileError, InputError) and issubclass(NoProjectError, InputError)


def test_build_outside_a_project_reads_the_vocabulary_beside_the_corpus(tmp_path):
    """Legacy layout, paths given: the findings' peer-worker concepts come from vocabulary/ next to corpus/."""
    import shutil

    shutil.copytree(ROOT / "corpus", tmp_path / "old" / "corpus")
    shutil.copytree(ROOT / "vocabulary", tmp_path / "old" / "vocabulary")
    (tmp_path / "elsewhere").mkdir()
    result = litgraph("build", "--corpus", str(tmp_path / "old" / "corpus"), "--build-dir", str(tmp_path / "b"),
                      cwd=tmp_path / "elsewhere")
    assert result.returncode == 0, result.stderr
    assert "concept/outcome/readmission" in (tmp_path / "b" / "litgraph.nt").read_text(encoding="utf-8")


def test_build_outside_any_project_without_paths_names_litgraph_init(tmp_path):
    result = litgraph("build", cwd=tmp_path)
    assert result.returncode == 2 and "litgraph init" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and not (tmp_path / "build").exists()
