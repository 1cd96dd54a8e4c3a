"""Citation chasing through the OpenCitations Index (REST API v2), kept apart from curated data.

    config.py   settings: base URL, access token, cache, offline, retry tuning
    client.py   the polite client (Crossref's cache, throttle and retry pieces, reused)
    ids.py      OpenCitations id strings ("omid:br/06101 doi:10.1/x pmid:123") -> DOIs
    chase.py    references of and citations to the project's works -> ranked candidates
    store.py    corpus/opencitations/: the candidates and the provenance of every answer
"""
