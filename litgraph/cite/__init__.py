"""Reference lists for authors: select works, mint stable keys, write BibTeX, CSL-JSON, RIS or any CSL style.

Stages: `select` (which works) -> `records` (read them from the store as CiteItems)
-> `keys` (stable citation keys) -> one writer: `bibtex`, `csl`, `ris`, `styled`.
"""
