"""Where citeproc-py departs from the CSL 1.0.2 specification, litgraph's repair.

Applied once, before a style renders (`apply_fixes`), and only to citeproc's
name rendering:

- `initialize="false"` on `cs:name` (spec, "Name-part Formatting" /
  "initialize"): with `initialize-with` set (often inherited from `cs:style`,
  as in chicago-author-date and modern-language-association), given names stay
  whole and only names already written as initials get the initialize-with
  punctuation. citeproc-py ignores the attribute and cuts "Julie" to "J.";
  citeproc-js prints "Repper, Julie".
"""

from __future__ import annotations

import re

_APPLIED = False


def apply_fixes() -> None:
    """Patch citeproc-py's Name.initialize once (idempotent)."""
    global _APPLIED
    if _APPLIED:
        return
    from citeproc.model import Name

    initialize = Name.initialize

    def initialize_respecting_false(self, given, mark, context):
        if self.get("initialize") == "false" and not is_initials(given):
            return given
        return initialize(self, given, mark, context)

    Name.initialize = initialize_respecting_false
    _APPLIED = True


def is_initials(given: str) -> bool:
    """'D. L.', 'DL', 'J-P' are initials; 'Julie', 'Mary Ann' are not."""
    return all(len(part) == 1 or part.isupper() for part in re.split(r"[\s.\-]+", given) if part)
