"""The build stage: corpus -> parse -> identity -> triples -> files and store.

`build_graph` writes build/litgraph.ttl, build/litgraph.nt and the embedded
store build/store as one generation, published in one atomic step (a
half-finished or killed build never replaces a good one, and the files and the
store always come from the same build), and updates corpus/work-ids.tsv and
corpus/citation-keys.tsv when new works were minted, all under the build
folder's lock (buildlock.py, generations.py, graphfiles.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from itertools import chain
from pathlib import Path

from .atomic import write_text_atomic
from .changes.history import record_history, write_manifest
from .changes.manifest import manifest_for_build
from .corpus import Corpus, RawEntry, load_corpus
from .graphfiles import sorted_ntriples, write_outputs  # noqa: F401 (re-exported: tests, bench)
from .model import ReferenceEntry

Progress = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class BuildSummary:
    papers: int
    reference_entries: int
    cited_by_entries: int
    library_entries: int
    works: int
    works_cited_by_two_or_more_lists: int
    citations: int
    merges: int
    triples: int
    warnings: tuple[str, ...] = field(default=())
    changes: str = ""  # what differs from the previous build, in one line (litgraph/changes/); not in as_dict

    def as_dict(self) -> dict[str, object]:
        return {
            "papers": self.papers, "reference_entries": self.reference_entries,
            "cited_by_entries": self.cited_by_entries, "works": self.works,
            "works_cited_by_two_or_more_lists": self.works_cited_by_two_or_more_lists,
            "library_entries": self.library_entries,
            "citations": self.citations, "merges": self.merges, "triples": self.triples,
            "warnings": len(self.warnings),
        }


def parse_entries(raw_entries: tuple[RawEntry, ...]) -> list[ReferenceEntry]:
    """The parse stage: every printed line becomes a ReferenceEntry with parsed fields."""
    from .libraries import parse_raw_entries   # a printed line, or an imported record read by its format

    return [ReferenceEntry(r.paper_doi, r.list, r.position, r.raw, parsed, r.path, r.line)
            for r, parsed in zip(raw_entries, parse_raw_entries(raw_entries))]


def parse_entries_cached(raw_entries: tuple[RawEntry, ...], build_dir: Path, parser_model: str | Path | None = None
                         ) -> tuple[list[ReferenceEntry], tuple[str, ...]]:
    """The parse stage through `build_dir`'s parse cache (parsecache.py): unchanged lists are not parsed again.

    `parser_model` is a CRF model file to read strings with instead of the shipped one (a project's
    `parser_model`). Returns the entries (as `parse_entries` gives them) and the cache's warning, if
    it could not be read.
    """
    from functools import partial

    from .libraries import parse_raw_entries
    from .parsecache import load_cache, parse_with_cache, parser_fingerprint, save_cache

    cache = load_cache(build_dir, parser_fingerprint(parser_model))
    parsed, lists = parse_with_cache(raw_entries, cache, partial(parse_raw_entries, model=parser_model))
    if cache.warning or lists.keys() != cache.lists.keys():
        save_cache(build_dir, cache.fingerprint, lists)
    entries = [ReferenceEntry(r.paper_doi, r.list, r.position, r.raw, p, r.path, r.line)
               for r, p in zip(raw_entries, parsed)]
    return entries, (cache.warning,) if cache.warning else ()


def entry_warnings(entries: list[ReferenceEntry]) -> list[str]:
    return [f"{e.path}:{e.line}: {w}" for e in entries for w in e.parsed.warnings]


def with_matched_dois(entries: list[ReferenceEntry], matches) -> list[ReferenceEntry]:
    """Entries as identity sees them: a printed DOI first, else a DOI accepted from Crossref.

    The parsed fields in the graph stay as printed; the matched DOI is recorded
    separately (lg:DoiMatch) with its score and validating fields.
    """
    from dataclasses import replace

    return [replace(e, parsed=replace(e.parsed, doi=matches[e.key].doi))
            if e.key in matches and not e.parsed.doi else e for e in entries]


def crossref_triples(corpus_dir: Path, corpus: Corpus, entries: list[ReferenceEntry], identity,
                     matches) -> list:
    """Provenance of what came from Crossref (matches, deposits, counts, added papers).

    Only matches for entries of this corpus are kept: `entries` are the parsed
    ReferenceEntry records (the raw corpus entries carry no key).
    """
    from rdflib import URIRef

    from .crossref import load_citation_counts, load_deposit_provenance
    from .provenance import added_paper_triples, citation_count_triples, deposit_triples, match_triples
    from .triples import MemberIndex
    from .vocab import work_iri

    index = MemberIndex(identity.works)
    by_doi = {w.doi.lower(): URIRef(work_iri(w.id)) for w in identity.works if w.doi}
    keys = {e.key for e in entries}
    used = {k: m for k, m in matches.items() if k in keys}
    return (match_triples(used, index.member_iri)
            + deposit_triples(load_deposit_provenance(corpus_dir), index.member_iri)
            + added_paper_triples(index.paper_iri(p.doi) for p in corpus.papers
                                  if p.doi.lower() in corpus.added_dois)
            + citation_count_triples(load_citation_counts(corpus_dir), lambda d: by_doi.get(d.lower())))


def assign_citation_keys(corpus_dir: Path, works, entries: list[ReferenceEntry], key_format: str | None):
    """Work id -> preferred key, all key lines, and the key file's new text (None: unchanged).

    Raises:
        KeyClashError: a key claimed for two works (exit 2, both works and both sources named).
    """
    from .cite.keyfile import dump_key_lines, preferred_keys, read_key_lines
    from .cite.keys import DEFAULT_PATTERN, assign_keys, library_claims

    path = corpus_dir / "citation-keys.tsv"
    lines = read_key_lines(path) if path.exists() else []
    claims = library_claims(works, entries)
    new = assign_keys(works, lines, claims, key_format or DEFAULT_PATTERN, str(path))
    text = dump_key_lines(new, path.read_text(encoding="utf-8") if path.exists() else "") if new else None
    return preferred_keys([*lines, *new], {c.key for c in claims}), [*lines, *new], text


def build_graph(corpus_dir: str | Path = "corpus", out_dir: str | Path = "build",
                progress: Progress = lambda _: None, wait: bool = True,
                on_wait: Progress = lambda _: None, vocabulary=None, key_format: str | None = None,
                parser_model: str | Path | None = None) -> BuildSummary:
    """Build the graph from `corpus_dir` into `out_dir`; return the summary.

    The whole build holds `out_dir`'s lock (a second build waits, telling
    `on_wait`, or with `wait=False` raises BuildBusyError), and the files and
    store are published together as one generation (generations.py).
    """
    from .buildlock import build_lock
    from .generations import prepare_build_dir

    corpus_dir, out_dir = Path(corpus_dir), Path(out_dir)
    with build_lock(out_dir, wait=wait, on_wait=on_wait):
        prepare_build_dir(out_dir)
        return build_locked(corpus_dir, out_dir, progress, vocabulary, key_format, parser_model)


def build_locked(corpus_dir: Path, out_dir: Path, progress: Progress, vocabulary=None,
                 key_format: str | None = None, parser_model: str | Path | None = None) -> BuildSummary:
    """The build itself, with the lock held: read, resolve, write a generation, lock ids, publish."""
    from .crossref import load_accepted_matches
    from .findings.triples import evidence_triples
    from .identity import dump_id_lock, load_curator, load_id_lock, resolve_works
    from .triples import other_key_triples, triples_for

    progress("reading corpus")
    corpus = load_corpus(corpus_dir)
    progress("parsing references")
    entries, cache_warnings = parse_entries_cached(corpus.entries, out_dir, parser_model)
    progress("resolving work identity")
    lock_path = corpus_dir / "work-ids.tsv"
    lock = load_id_lock(lock_path) if lock_path.exists() else {}
    curator_path = corpus_dir / "identity.yaml"
    curator = load_curator(curator_path) if curator_path.exists() else load_curator(None)
    matches = load_accepted_matches(corpus_dir)
    identity = resolve_works(corpus.papers, with_matched_dois(entries, matches), curator, lock)
    keys, key_lines, keys_text = assign_citation_keys(corpus_dir, identity.works, entries, key_format)
    progress("building triples: works, lists, identity decisions, findings, concept schemes")
    seeds = [p.doi for p in corpus.papers if p.doi.lower() not in corpus.added_dois]
    triples = chain(triples_for(identity.works, entries, identity.decisions, seeds, corpus.digest, corpus.files,
                                keys),
                    other_key_triples(key_lines, keys, {w.id for w in identity.works}),
                    crossref_triples(corpus_dir, corpus, entries, identity, matches),
                    evidence_triples(corpus, identity.works, vocabulary))
    progress("writing files and loading the store")
    updates = []
    if identity.id_lock != lock:
        updates.append((lock_path, dump_id_lock(identity.id_lock)))
    if keys_text is not None:
        updates.append((corpus_dir / "citation-keys.tsv", keys_text))
    manifest = manifest_for_build(corpus_dir, corpus.digest, identity, {e.key for e in entries}, matches)
    count = write_and_publish(triples, out_dir, updates, progress, manifest)
    summary = summarise(corpus, entries, identity, count)
    return replace(summary, changes=changes_line(out_dir, manifest), warnings=cache_warnings + summary.warnings)


def write_and_publish(triples, out_dir: Path, corpus_updates: list[tuple[Path, str]],
                      progress: Progress = lambda _: None, manifest: dict | None = None) -> int:
    """Write a whole generation, then the corpus's id and key files, then publish the generation.

    The id lock is written before the switch: a build killed in between has locked
    ids its graph never published, which is harmless (ids are only ever added).
    """
    from .generations import staged_generation
    from .graphfiles import write_generation

    with staged_generation(out_dir) as generation:
        count = write_generation(triples, generation, progress)
        if manifest is not None:
            write_manifest(generation, manifest)  # build/current/manifest.json: what `litgraph changes` compares
        for path, text in corpus_updates:
            write_text_atomic(path, text)
    if manifest is not None:
        record_history(out_dir, manifest)
    return count


def summarise(corpus: Corpus, entries: list[ReferenceEntry], identity, triples: int) -> BuildSummary:
    lists_citing: dict[str, set[str]] = {}
    work_of = {m.key: w.id for w in identity.works for m in w.members}
    citations = set()
    for entry in (e for e in entries if e.list != "library"):
        work = work_of[entry.key]
        paper = work_of[f"{entry.paper_doi}#paper"]
        if entry.list == "references":
            lists_citing.setdefault(work, set()).add(entry.paper_doi)
            citations.add((paper, work))
        else:
            citations.add((work, paper))
    warnings = corpus.warnings + tuple(entry_warnings(entries)) + tuple(identity.warnings)
    return BuildSummary(
        papers=len(corpus.papers),
        reference_entries=sum(e.list == "references" for e in entries),
        cited_by_entries=sum(e.list == "cited_by" for e in entries),
        library_entries=sum(e.list == "library" for e in entries),
        works=len(identity.works),
        works_cited_by_two_or_more_lists=sum(len(v) >= 2 for v in lists_citing.values()),
        citations=len(citations),
        merges=sum(d.same for d in identity.decisions),
        triples=triples,
        warnings=warnings,
    )


def changes_line(out_dir: Path, manifest: dict) -> str:
    """One line on what this build changed since the previous one (litgraph/changes/)."""
    from .changes import compare, summary_line
    from .changes.history import baseline

    return summary_line(compare(baseline(out_dir, manifest), manifest))
