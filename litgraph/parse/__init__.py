"""The parse stage: printed reference strings -> `ParsedReference` records.

Modules, in the order a string passes through them:

- `normalise`: list number, whitespace, link labels ("CrossRefPubMed");
- `identifiers`: DOI, URLs, "in press" notes;
- `styles`: picks the printed style: `style_bmc`, `style_vancouver`,
  `style_author_date` (Harvard, Cambridge, APA, "Cited by");
- `authors`, `source`, `chapter`, `imprint`, `pages`, `segments`: the
  fields each style shares;
- `evaluate`: field-by-field accuracy against hand-checked gold records.

Example:
    >>> from litgraph.parse import parse_reference, split_position
    >>> position, raw = split_position("1. Repper (2013) Peer Support Workers. NHS Confederation.")
    >>> ref = parse_reference(raw)
    >>> position, ref.authors[0].family, ref.year, ref.type, ref.publisher
    (1, 'Repper', 2013, 'report', 'NHS Confederation')
"""

from .normalise import split_position
from .reference import parse_reference

__all__ = ["parse_reference", "split_position"]
