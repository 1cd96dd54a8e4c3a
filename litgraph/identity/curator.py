"""Read curator assertions about work identity (corpus/identity.yaml).

    same:      [{a: KEY, b: KEY, why: "..."}, ...]   the two members denote one work
    different: [{a: KEY, b: KEY, why: "..."}, ...]   they denote different works

A KEY is a member key: "<paper DOI>#paper", "<paper DOI>#references/<n>" or
"<paper DOI>#cited_by/<n>". The shape is checked here; whether each key names
a member of the corpus is checked by `resolve_works`, which knows the members.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..doi import doi_problem
from ..errors import CorpusError

MEMBER_KEY = re.compile(r"^\S+#(paper|references/[1-9][0-9]*|cited_by/[1-9][0-9]*)$")
ASSERTION_FIELDS = {"a", "b", "why"}


@dataclass(frozen=True, slots=True)
class Assertion:
    """One curator statement about two members, with the line it is written on."""

    a: str
    b: str
    why: str
    line: int | None = None

    @property
    def pair(self) -> tuple[str, str]:
        return (self.a, self.b) if self.a <= self.b else (self.b, self.a)


@dataclass(frozen=True, slots=True)
class CuratorAssertions:
    """Everything corpus/identity.yaml says; `path` names the file in error messages."""

    path: str = "corpus/identity.yaml"
    same: tuple[Assertion, ...] = field(default=())
    different: tuple[Assertion, ...] = field(default=())

    def error(self, assertion: Assertion, message: str) -> CorpusError:
        return CorpusError(self.path, message, assertion.line)


def load_curator(path: str | Path | None) -> CuratorAssertions:
    """Read the curator file; `None` gives no assertions.

    Raises:
        CorpusError: the file cannot be read, is not YAML, gives a key twice, is not in the
            shape above, or says `same` of two seed papers or two entries of one list
            (naming the path and, where known, the line).
    """
    if path is None:
        return CuratorAssertions()
    from ..yamlread import read_yaml_with_lines

    return assertions_from_root(read_yaml_with_lines(Path(path)), str(path))


def assertions_from_root(root: Any, path: str) -> CuratorAssertions:
    if root is None:
        return CuratorAssertions(path)
    if not isinstance(root, dict):
        raise CorpusError(path, "expected a mapping with 'same' and 'different'", line_of(root) or 1)
    lists: dict[str, tuple[Assertion, ...]] = {"same": (), "different": ()}
    for section, value in root.items():
        if section not in lists:
            raise CorpusError(path, f"unknown section {section!r}: expected 'same' or 'different'",
                              line_of(root, str(section)))
        lists[section] = assertions_from_list(value, section, path, line_of(root, section))
    result = CuratorAssertions(path, lists["same"], lists["different"])
    check_consistent(result)
    check_same_joins(result)
    return result


def assertions_from_list(value: Any, section: str, path: str, line: int | None) -> tuple[Assertion, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise CorpusError(path, f"'{section}' must be a list of {{a, b, why}}", line)
    return tuple(assertion_from_item(item, section, path, line) for item in value)


def assertion_from_item(item: Any, section: str, path: str, section_line: int | None) -> Assertion:
    line = line_of(item) or section_line
    if not isinstance(item, dict):
        raise CorpusError(path, f"each '{section}' item must be a mapping {{a, b, why}}", line)
    values = {str(name): field_text(item, str(name), section, path) for name in item}
    missing = ASSERTION_FIELDS - values.keys()
    if missing:
        raise CorpusError(path, f"'{section}' item lacks {', '.join(sorted(missing))}", line)
    for name in ("a", "b"):
        problem = member_key_problem(values[name])
        if problem:
            raise CorpusError(path, problem, line)
    if values["a"] == values["b"]:
        raise CorpusError(path, f"'{section}' item names one member twice: {values['a']}", line)
    return Assertion(values["a"], values["b"], values["why"], line)


def field_text(item: dict, name: str, section: str, path: str) -> str:
    """One of a, b, why as text: a non-empty string (or number, for `why`)."""
    if name not in ASSERTION_FIELDS:
        raise CorpusError(path, f"unknown field {name!r} in '{section}': expected a, b, why", line_of(item, name))
    value = item[name]
    if isinstance(value, bool) or not isinstance(value, (str, int, float)) or not str(value).strip():
        raise CorpusError(path, f"'{name}' must be a non-empty string", line_of(item, name))
    return str(value).strip()


def member_key_problem(key: str) -> str | None:
    """Why `key` is not a member key ('<doi>#paper', '<doi>#references/<n>', '<doi>#cited_by/<n>')."""
    if not MEMBER_KEY.match(key):
        return (f"{key!r} is not a member key "
                "('<doi>#paper', '<doi>#references/<n>' or '<doi>#cited_by/<n>')")
    problem = doi_problem(key.rpartition("#")[0])
    return f"{key!r} is not a member key: {problem}" if problem else None


def check_consistent(assertions: CuratorAssertions) -> None:
    same = {a.pair for a in assertions.same}
    for assertion in assertions.different:
        if assertion.pair in same:
            raise assertions.error(assertion, f"{assertion.a} and {assertion.b} are said to be both "
                                              "the same work and different works")


def check_same_joins(assertions: CuratorAssertions) -> None:
    """Refuse `same` assertions that put two seed papers, or two entries of one list, into one work.

    Joined transitively: `p1#paper = x`, `x = p2#paper` is refused at the second assertion.
    Two papers are two works (each with its own list); a list rarely cites one work twice,
    and when it does the curator says so by position, not by joining its own entries.
    """
    groups: dict[str, set[str]] = {}
    for assertion in assertions.same:
        a, b = assertion.a.lower(), assertion.b.lower()
        joined = groups.get(a, {a}) | groups.get(b, {b})
        problem = join_problem(joined)
        if problem:
            raise assertions.error(assertion, f"'same' {assertion.a} = {assertion.b} would {problem}")
        for key in joined:
            groups[key] = joined


def join_problem(keys: set[str]) -> str | None:
    """Why one work may not hold all of `keys` (lower-case member keys), or None."""
    papers = sorted(k for k in keys if k.endswith("#paper"))
    if len(papers) > 1:
        return f"make two seed papers one work ({papers[0]}, {papers[1]})"
    lists: dict[str, str] = {}
    for key in sorted(keys - set(papers)):
        name = key.rpartition("/")[0]
        if name in lists:
            return f"join two entries of one list ({lists[name]}, {key})"
        lists[name] = key
    return None


def line_of(node: Any, key: str | None = None) -> int | None:
    from ..yamlread import line_of as yaml_line

    return yaml_line(node, key)
