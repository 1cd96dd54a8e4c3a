"""The findings loader's YAML reader, now shared by every curated file: see `litgraph.yamlread`."""

from __future__ import annotations

from ..yamlread import LineDict, read_yaml_with_lines

__all__ = ["LineDict", "read_yaml_with_lines"]
