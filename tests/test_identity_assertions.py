"""Issue 11, items 5, 7 and 8: identity.yaml is never silently dropped from or misread.

`same:` given twice lost the first list; a `same` between two seed papers interleaved
their reference lists; a `same` between two entries of one list joined them. Each is
now refused by the real `litgraph build` with one line naming the assertion, exit 2,
and nothing written.
"""

from __future__ import annotations

import pytest

from corpus_cases import built_copy, fresh_project, refused

BMC = "10.1186/1472-6963-13-188"
APT = "10.1192/apt.bp.113.011940"
HSDR = "10.3310/hsdr02190"
EPS = "10.1017/S2045796014000407"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return built_copy(tmp_path_factory.mktemp("built"))


@pytest.fixture
def project(built, tmp_path):
    return fresh_project(built, tmp_path)


def write_identity(project, text: str) -> None:
    (project / "corpus" / "identity.yaml").write_text(text, encoding="utf-8")


def same(a: str, b: str, why: str = "one work") -> str:
    return f'  - {{a: "{a}", b: "{b}", why: "{why}"}}\n'


def test_duplicate_same_key_in_identity_yaml_is_refused(project):
    write_identity(project, "same:\n" + same(f"{BMC}#references/20", f"{APT}#references/13")
                   + "different: []\nsame:\n" + same(f"{BMC}#references/1", f"{EPS}#references/2"))
    message = refused(project)
    assert "identity.yaml:4: not valid YAML: duplicate key 'same' (also on line 1)" in message


def test_duplicate_field_inside_an_assertion_is_refused(project):
    write_identity(project, f"same:\n  - a: \"{BMC}#references/20\"\n    b: \"{APT}#references/13\"\n"
                            f"    b: \"{APT}#references/14\"\n    why: x\n")
    assert "identity.yaml:4: not valid YAML: duplicate key 'b' (also on line 3)" in refused(project)


def test_same_between_two_seed_papers_is_refused_naming_the_assertion(project):
    write_identity(project, "# two papers\nsame:\n" + same(f"{BMC}#paper", f"{APT}#paper"))
    message = refused(project)
    assert "identity.yaml:3: 'same'" in message and "would make two seed papers one work" in message


def test_same_joining_two_seed_papers_through_an_entry_is_refused_at_the_second_assertion(project):
    write_identity(project, "same:\n" + same(f"{BMC}#paper", f"{APT}#references/13")
                   + same(f"{APT}#references/13", f"{HSDR}#paper"))
    message = refused(project)
    assert "identity.yaml:3: 'same'" in message and "two seed papers" in message


def test_same_between_two_entries_of_one_list_is_refused(project):
    write_identity(project, "same:\n" + same(f"{EPS}#references/3", f"{EPS}#references/4"))
    message = refused(project)
    assert "identity.yaml:2: 'same'" in message
    assert f"join two entries of one list ({EPS.lower()}#references/3, {EPS.lower()}#references/4)" in message


def test_same_joining_two_entries_of_one_list_through_another_list_is_refused(project):
    write_identity(project, "same:\n" + same(f"{EPS}#references/3", f"{BMC}#references/5")
                   + same(f"{BMC}#references/5", f"{EPS}#references/9"))
    assert "identity.yaml:3: 'same'" in refused(project)


@pytest.mark.parametrize("key", ["hello#references/3", "10.12/abc#paper", "10.1186/a>b#references/1"])
def test_member_key_with_an_invalid_doi_is_refused(project, key):
    write_identity(project, "same:\n" + same(key, f"{BMC}#references/5"))
    message = refused(project)
    assert "identity.yaml:2:" in message and "is not a member key" in message


def test_same_across_lists_still_joins(project):
    """The refusals above leave the ordinary case alone: two lists' entries joined by a curator."""
    from corpus_cases import build

    write_identity(project, "same:\n" + same(f"{BMC}#references/20", f"{APT}#references/13")
                   + same(f"{APT}#references/13", f"{EPS}#references/2"))
    result = build(project)
    assert result.returncode == 0, result.stderr
    lock = dict(line.split("\t") for line in
                (project / "corpus" / "work-ids.tsv").read_text(encoding="utf-8").split("\n")
                if line and not line.startswith("#"))
    assert lock[f"{BMC}#references/20"] == lock[f"{APT}#references/13"] == lock[f"{EPS}#references/2"]
