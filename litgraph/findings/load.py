"""Read corpus/findings/*.yaml into Finding records, checked against the format and the concepts.

The format is documented in docs/readme-evidence.md. Every problem is a
CorpusError naming the file, the finding id and (where there is one) the YAML
line. `check_findings` collects every problem of every file; `load_findings`
raises the first. Loading never rewrites anything in the corpus.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from ..corpus import Corpus
from ..errors import CorpusError, InputError
from ..model import Paper
from .concepts import ConceptIndex
from .caveats import caveat_targets, check_caveat_targets
from .model import Finding, FindingSource
from .yamlread import LineDict, read_yaml_with_lines

HEADER_REQUIRED = {"paper", "coded_by", "findings"}
HEADER_OPTIONAL = {"coded_on", "source_text"}
REQUIRED = ("id", "statement", "quote", "section", "source", "design")
TEXT_FIELDS = ("statement", "quote", "section")
OPTIONAL_TEXT = ("citation", "note")
ONE_CONCEPT = {"design": "design", "domain": "domain", "factor": "factor", "mechanism": "mechanism",
               "polarity": "polarity", "direction": "direction"}
MANY_CONCEPTS = {"outcomes": "outcome", "roles": "role", "settings": "setting", "sectors": "sector",
                 "countries": "country", "doubts": "doubt"}
KNOWN_KEYS = set(REQUIRED) | set(OPTIONAL_TEXT) | set(ONE_CONCEPT) | set(MANY_CONCEPTS) | {"trials", "caveats"}
ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
DOI_RE = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:)?(10\.\d{4,9}/\S+)$", re.I)


def findings_files(root: Path) -> list[Path]:
    return sorted((Path(root) / "findings").glob("*.yaml"))


def load_findings(corpus: Corpus, concepts: ConceptIndex) -> list[Finding]:
    """Every finding of the corpus, in file order; raises the first problem as a CorpusError."""
    findings, errors = check_findings(corpus, concepts)
    if errors:
        raise errors[0]
    return findings


def check_findings(corpus: Corpus, concepts: ConceptIndex) -> tuple[list[Finding], list[CorpusError]]:
    """Every good finding, and every problem (one per bad finding or file), across all files."""
    findings: list[Finding] = []
    errors: list[CorpusError] = []
    seen: dict[str, Finding] = {}
    for path in findings_files(corpus.root):
        try:
            file_findings, file_errors = read_findings_file(path, corpus, concepts)
        except CorpusError as exc:
            errors.append(exc)
            continue
        errors += file_errors
        for finding in file_findings:
            if finding.id in seen:
                first = seen[finding.id]
                errors.append(CorpusError(str(path), f"finding {finding.id}: id already used in "
                                                     f"{first.path}:{first.line}", finding.line))
                continue
            seen[finding.id] = finding
            findings.append(finding)
    return findings, errors + check_caveat_targets(findings)


def read_findings_file(path: Path, corpus: Corpus, concepts: ConceptIndex) -> tuple[list[Finding], list[CorpusError]]:
    record = read_yaml_with_lines(path)
    paper = check_header(record, path, corpus)
    header = {"paper_doi": paper.doi, "path": display_path(corpus.root, path),
              "coded_by": str(record["coded_by"]).strip(), "coded_on": date_text(record, path)}
    positions = {e.position for e in corpus.entries if e.paper_doi == paper.doi and e.list == "references"}
    findings, errors = [], []
    for number, item in enumerate(record["findings"], 1):
        try:
            findings.append(finding_from_record(item, number, path, header, positions, concepts))
        except CorpusError as exc:
            errors.append(exc)
    return findings, errors


def check_header(record: Any, path: Path, corpus: Corpus) -> Paper:
    if not isinstance(record, dict):
        raise CorpusError(str(path), "a findings file must be a mapping with paper, coded_by and findings", 1)
    missing = HEADER_REQUIRED - record.keys()
    if missing:
        raise CorpusError(str(path), f"missing field(s): {', '.join(sorted(missing))}", 1)
    unknown = record.keys() - HEADER_REQUIRED - HEADER_OPTIONAL
    if unknown:
        key = sorted(unknown)[0]
        raise CorpusError(str(path), f"unknown field {key!r} (known: paper, coded_by, coded_on, "
                                     f"source_text, findings)", record.line_of(key))
    if not isinstance(record["findings"], list):
        raise CorpusError(str(path), "findings must be a list of findings", record.line_of("findings"))
    papers = {p.doi.lower(): p for p in corpus.papers}
    paper = papers.get(str(record["paper"]).strip().lower())
    if paper is None:
        raise CorpusError(str(path), f"paper {record['paper']} is not a paper of the corpus "
                                     f"(papers/*.yaml)", record.line_of("paper"))
    if paper.slug != path.stem:
        raise CorpusError(str(path), f"the findings of paper {paper.doi} belong in findings/{paper.slug}.yaml",
                          record.line_of("paper"))
    return paper


def date_text(record: LineDict, path: Path) -> str | None:
    value = record.get("coded_on")
    if value is None or isinstance(value, dt.date):
        return value.isoformat() if value is not None else None
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError as exc:
        raise CorpusError(str(path), f"coded_on must be a date (YYYY-MM-DD), not {value!r}",
                          record.line_of("coded_on")) from exc


def finding_from_record(item: Any, number: int, path: Path, header: dict, positions: set[int],
                        concepts: ConceptIndex) -> Finding:
    if not isinstance(item, LineDict):
        raise CorpusError(str(path), f"finding #{number} must be a mapping of fields")
    fail = failer(path, item, number)
    missing = [k for k in REQUIRED if item.get(k) in (None, "", [], {})]
    if "id" in missing:
        raise fail("id", "has no id")
    if not isinstance(item["id"], str) or not ID_RE.match(item["id"]):
        raise fail("id", f"id must be lower-case letters, digits, '.', '_' or '-', not {item['id']!r}")
    if missing:
        raise fail(missing[0], f"missing required field(s): {', '.join(missing)}")
    unknown = sorted(item.keys() - KNOWN_KEYS)
    if unknown:
        raise fail(unknown[0], f"unknown field {unknown[0]!r}")
    values = {k: text(item, k, fail, required=True) for k in TEXT_FIELDS}
    values |= {k: text(item, k, fail, required=False) for k in OPTIONAL_TEXT}
    values |= {k: one_concept(item, k, scheme, concepts, fail) for k, scheme in ONE_CONCEPT.items()}
    values |= {k: many_concepts(item, k, scheme, concepts, fail) for k, scheme in MANY_CONCEPTS.items()}
    values["caveats"] = caveat_targets(item, positions, fail)
    check_combinations(values, fail)
    return Finding(id=item["id"], line=item.line, source=source_from(item, positions, fail),
                   trials=trials(item, fail), **header, **values)


def failer(path: Path, item: LineDict, number: int):
    """A function making CorpusErrors that name the file, the finding and the line of a key."""
    name = item.get("id") if isinstance(item.get("id"), str) else f"#{number}"

    def fail(key: str | None, message: str) -> CorpusError:
        return CorpusError(str(path), f"finding {name}: {message}", item.line_of(key) if key else item.line)

    return fail


def text(item: LineDict, key: str, fail, required: bool) -> str | None:
    value = item.get(key)
    if value is None and not required:
        return None
    if isinstance(value, (dict, list, bool)) or value is None or not str(value).strip():
        raise fail(key, f"{key} must be a non-empty text")
    return " ".join(str(value).split())


def one_concept(item: LineDict, key: str, scheme: str, concepts: ConceptIndex, fail) -> str | None:
    value = item.get(key)
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        raise fail(key, f"{key} takes one {scheme} (a slug, label or IRI), not a {type(value).__name__}")
    return resolve(scheme, value, key, concepts, fail)


def many_concepts(item: LineDict, key: str, scheme: str, concepts: ConceptIndex, fail) -> tuple[str, ...]:
    value = item.get(key)
    if value is None:
        return ()
    values = value if isinstance(value, list) else [value]
    iris = [resolve(scheme, v, key, concepts, fail) for v in values]
    return tuple(dict.fromkeys(iris))


def resolve(scheme: str, value: Any, key: str, concepts: ConceptIndex, fail) -> str:
    if isinstance(value, (dict, list, bool)) or value is None:
        raise fail(key, f"{key}: {value!r} is not a {scheme} slug, label or IRI")
    try:
        return concepts.resolve(scheme, str(value)).iri
    except InputError as exc:
        raise fail(key, str(exc)) from exc


def check_combinations(values: dict, fail) -> None:
    if values["caveats"] or values["doubts"]:
        return check_caveat(values, fail)
    if not (values["domain"] or values["outcomes"] or values["mechanism"]):
        raise fail(None, "needs a domain, outcomes or a mechanism")
    if values["factor"] and not values["polarity"]:
        raise fail("factor", "a factor needs a polarity: is it a facilitator or a barrier here?")
    if not (values["polarity"] or values["direction"]):
        raise fail(None, "needs a polarity (facilitator | barrier) or a direction (benefit | ...)")
    if values["outcomes"] and not values["direction"]:
        raise fail("outcomes", "outcomes need a direction (benefit, no-difference, harm or mixed)")


def check_caveat(values: dict, fail) -> None:
    """A caveat (a study-quality note) names what it doubts and why; its topic and verdict are optional."""
    if not values["caveats"]:
        raise fail("doubts", "doubts need caveats: the findings or studies the reasons apply to")
    if not values["doubts"]:
        raise fail("caveats", "caveats need doubts: the reasons to doubt (risk of bias, small samples, ...)")
    if values["factor"] and not values["polarity"]:
        raise fail("factor", "a factor needs a polarity: is it a facilitator or a barrier here?")
    if values["outcomes"] and not values["direction"]:
        raise fail("outcomes", "outcomes need a direction (benefit, no-difference, harm or mixed)")


def source_from(item: LineDict, positions: set[int], fail) -> FindingSource:
    return source_value(item["source"], positions, fail, "source")


def source_value(source: Any, positions: set[int], fail, key: str) -> FindingSource:
    if not isinstance(source, dict) or len(source) != 1:
        raise fail(key, f"{key} must be one of {{entry: N}}, {{doi: \"...\"}} or {{self: true}}")
    kind, value = next(iter(source.items()))
    if kind == "entry":
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise fail(key, f"{key} entry must be a positive whole number, not {value!r}")
        if value not in positions:
            where = "has no entry" if positions else "has no reference list, so no entry"
            raise fail(key, f"the reporting paper's reference list {where} {value}")
        return FindingSource("entry", entry=value)
    if kind == "doi":
        match = DOI_RE.match(str(value).strip())
        if not match:
            raise fail(key, f"{key} doi {value!r} is not a DOI")
        return FindingSource("doi", doi=match.group(1))
    if kind == "self" and value is True:
        return FindingSource("self")
    raise fail(key, f"{key} must be one of {{entry: N}}, {{doi: \"...\"}} or {{self: true}}")


def trials(item: LineDict, fail) -> int | None:
    value = item.get("trials")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise fail("trials", f"trials must be a positive whole number, not {value!r}")
    return value


def display_path(root: Path, path: Path) -> str:
    """The file as the graph names it, whatever the corpus folder is called: corpus/findings/x.yaml.

    The same convention as the build's `lgd:corpus/<path>` file IRIs, so the graph does
    not change with the folder a corpus is built from.
    """
    try:
        return "corpus/" + Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()
