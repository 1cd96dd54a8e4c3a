"""Split a paper's text (plain text or Markdown, as captured in shared/seeds/) into sentences under headings.

Pure: text in, `Sentence` records out, each with its offsets in the text (so in-text
citations found by `citations.extract_citations` can be placed in their sentence) and the
heading it is printed under.

    >>> [s.text for s in split_sentences("Results\\n\\nIt worked (Kemp 2012). Et al. v. 2 stays.\\n")]
    ['It worked (Kemp 2012).', 'Et al. v. 2 stays.']
    >>> split_sentences("Results\\n\\nIt worked.\\n")[0].section
    'Results'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# No sentence ends after these (abbreviations, initials, "et al."), whatever follows.
NO_END = re.compile(r"(?:\bal|\be\.g|\bi\.e|\bp|\bpp|\bvs|\bcf|\bDr|\bMr|\bMrs|\bMs|\bNo|\bvol|\bVol|\bfig|\bFig|\bv"
                    r"|\b[A-Z])\.$")
END = re.compile(r"[.!?][\"”’')\]]*\s+(?=[A-Z0-9(‘“\"'])")
HEADING_MARKS = re.compile(r"^[#*\s]+|[*\s]+$")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its text (white space collapsed), offsets in the source text, and its section."""

    text: str
    start: int
    end: int
    section: str


def is_heading(line: str) -> bool:
    """A short line that does not end like a sentence: "Results", "## **Background**", "Aims."."""
    bare = HEADING_MARKS.sub("", line).strip()
    words = bare.split()
    return 0 < len(words) <= 12 and not re.search(r"[,;:]$", bare) and bare[:1].isupper() and (
        not bare.endswith(".") or len(words) == 1)


def sentence_spans(line: str) -> list[tuple[int, int]]:
    """Where each sentence of one paragraph starts and ends, within the paragraph."""
    spans, start = [], 0
    for match in END.finditer(line):
        if NO_END.search(line[start:match.start() + 1]):
            continue
        spans.append((start, match.end()))
        start = match.end()
    if line[start:].strip():
        spans.append((start, len(line)))
    return spans


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Every sentence of `text[start:end]`, each under the last heading above it."""
    end = len(text) if end is None else end
    section, out, offset = "", [], 0
    for line in text.splitlines(keepends=True):
        here, offset = offset, offset + len(line)
        if here < start or here >= end or not line.strip():
            continue
        if is_heading(line):
            section = HEADING_MARKS.sub("", line).strip().rstrip(".")
            continue
        for a, b in sentence_spans(line):
            words = " ".join(line[a:b].split())
            if words:
                out.append(Sentence(words, here + a, here + b, section))
    return out
