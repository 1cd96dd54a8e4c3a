"""Read curated YAML files, refusing duplicate keys and naming the line of every problem.

PyYAML's `safe_load` keeps the last of two equal keys and forgets where things
were. Every curated file (paper records, identity.yaml, findings, Crossref
decisions) is read through here instead:

    read_yaml_with_lines(path)  mappings come back as `LineDict`, which knows the
                                line it starts on and the line of each key
    read_yaml_strict(path)      plain dicts, for files that are read and written back

Both refuse a key given twice in one mapping, read UTF-8 with or without a BOM,
and raise CorpusError naming the file and line.
"""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path
from typing import Any

from .errors import CorpusError
from .lines import read_text


class LineDict(dict):
    """A YAML mapping that remembers its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return getattr(self, "key_lines", {}).get(key, self.line)


def line_of(mapping: Any, key: str | None = None) -> int | None:
    """The line of `key` in `mapping` (or of the mapping itself) when it was read with lines."""
    if not isinstance(mapping, LineDict):
        return None
    return mapping.line_of(key) if key is not None else mapping.line


def _loader_class(with_lines: bool):
    import yaml

    class StrictLoader(yaml.SafeLoader):
        pass

    def construct_mapping(loader, node, deep=False):
        loader.flatten_mapping(node)
        mapping = LineDict() if with_lines else {}
        lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, Hashable):
                raise yaml.constructor.ConstructorError(None, None, "a key must be plain text",
                                                        key_node.start_mark)
            if key in mapping:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r} (also on line {lines[str(key)]})", key_node.start_mark)
            mapping[key] = loader.construct_object(value_node, deep=True)
            lines[str(key)] = key_node.start_mark.line + 1
        if with_lines:
            mapping.line, mapping.key_lines = node.start_mark.line + 1, lines
        return mapping

    StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    return StrictLoader


def read_yaml_with_lines(path: Path) -> Any:
    """Parse `path` with `LineDict` mappings; a malformed file raises CorpusError with the line."""
    return _load(Path(path), with_lines=True)


def read_yaml_strict(path: Path) -> Any:
    """Parse `path` into plain dicts and lists; duplicate keys are refused like any YAML error."""
    return _load(Path(path), with_lines=False)


def _load(path: Path, with_lines: bool) -> Any:
    import yaml

    text = read_text(path)
    try:
        return yaml.load(text, Loader=_loader_class(with_lines))  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise CorpusError(str(path), f"not valid YAML: {exc.problem or exc.context}", line) from exc
    except yaml.YAMLError as exc:
        raise CorpusError(str(path), f"not valid YAML: {exc}") from exc
