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
        CorpusError: the file cannot be read, is not YAML, or is not in the shape above
            (naming the path and, where known, the line).
    """
    if path is None:
        return CuratorAssertions()
    import yaml

    text = read_text(Path(path))
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise CorpusError(str(path), f"not valid YAML: {exc.problem}", line) from exc
    except yaml.YAMLError as exc:
        raise CorpusError(str(path), f"not valid YAML: {exc}") from exc
    return assertions_from_node(root, str(path))


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(str(path), f"cannot read: {exc}") from exc


def assertions_from_node(root: Any, path: str) -> CuratorAssertions:
    import yaml

    if root is None:
        return CuratorAssertions(path)
    if not isinstance(root, yaml.MappingNode):
        raise CorpusError(path, "expected a mapping with 'same' and 'different'", line_of(root))
    lists: dict[str, tuple[Assertion, ...]] = {"same": (), "different": ()}
    for key_node, value_node in root.value:
        if key_node.value not in lists:
            raise CorpusError(path, f"unknown section {key_node.value!r}: expected 'same' or 'different'",
                              line_of(key_node))
        lists[key_node.value] = assertions_from_list(value_node, key_node.value, path)
    result = CuratorAssertions(path, lists["same"], lists["different"])
    check_consistent(result)
    return result


def assertions_from_list(node: Any, section: str, path: str) -> tuple[Assertion, ...]:
    import yaml

    if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
        return ()
    if not isinstance(node, yaml.SequenceNode):
        raise CorpusError(path, f"'{section}' must be a list of {{a, b, why}}", line_of(node))
    return tuple(assertion_from_node(item, section, path) for item in node.value)


def assertion_from_node(node: Any, section: str, path: str) -> Assertion:
    import yaml

    line = line_of(node)
    if not isinstance(node, yaml.MappingNode):
        raise CorpusError(path, f"each '{section}' item must be a mapping {{a, b, why}}", line)
    values: dict[str, str] = {}
    for key_node, value_node in node.value:
        name = key_node.value
        if name not in ASSERTION_FIELDS:
            raise CorpusError(path, f"unknown field {name!r} in '{section}': expected a, b, why",
                              line_of(key_node))
        if not isinstance(value_node, yaml.ScalarNode) or not str(value_node.value).strip():
            raise CorpusError(path, f"'{name}' must be a non-empty string", line_of(value_node))
        values[name] = str(value_node.value).strip()
    missing = ASSERTION_FIELDS - values.keys()
    if missing:
        raise CorpusError(path, f"'{section}' item lacks {', '.join(sorted(missing))}", line)
    for name in ("a", "b"):
        if not MEMBER_KEY.match(values[name]):
            raise CorpusError(path, f"{values[name]!r} is not a member key "
                                    "('<doi>#paper', '<doi>#references/<n>' or '<doi>#cited_by/<n>')", line)
    if values["a"] == values["b"]:
        raise CorpusError(path, f"'{section}' item names one member twice: {values['a']}", line)
    return Assertion(values["a"], values["b"], values["why"], line)


def check_consistent(assertions: CuratorAssertions) -> None:
    same = {a.pair for a in assertions.same}
    for assertion in assertions.different:
        if assertion.pair in same:
            raise assertions.error(assertion, f"{assertion.a} and {assertion.b} are said to be both "
                                              "the same work and different works")


def line_of(node: Any) -> int | None:
    mark = getattr(node, "start_mark", None)
    return mark.line + 1 if mark is not None else None
