"""Reference sections as copied from a PDF or a web page, cut into the corpus's one-entry-per-line lists."""

from .split import Doubt, SplitEntry, SplitResult, split_section

__all__ = ["Doubt", "SplitEntry", "SplitResult", "split_section"]
