"""Commands over the evidence layer: evidence, equivocal, validate."""

from __future__ import annotations

import json
import sys

import click

from .options import build_dir_option, corpus_option, format_option, open_graph, store_option, vocabulary_files

CONCEPT_HELP = "a label, synonym, slug or IRI, case-insensitively"


@click.command()
@click.option("--domain", help=f"Organisational domain, narrower domains included: {CONCEPT_HELP}.")
@click.option("--factor", help=f"Factor: {CONCEPT_HELP}.")
@click.option("--polarity", type=click.Choice(["facilitator", "barrier"], case_sensitive=False),
              help="Only facilitators or only barriers.")
@click.option("--role", help=f"Role the finding is about: {CONCEPT_HELP}.")
@click.option("--outcome", help=f"Outcome, narrower outcomes included: {CONCEPT_HELP}.")
@click.option("--design", help=f"Study design, narrower designs included: {CONCEPT_HELP}.")
@build_dir_option
@store_option
@format_option("table", "json", "csv", default="table")
def evidence(domain, factor, polarity, role, outcome, design, build_dir, store_kind, fmt) -> None:
    """List the coded findings and the works that support them, filtered by concept.

    One row per finding: finding, domain, factor, polarity, statement, design,
    outcomes, direction, source {first_author, year, title, doi, work} and
    reported_in (the DOI of the seed paper it was coded from). A filter takes
    in narrower concepts (outcome service use -> readmission; domain
    organisational support -> training). An unknown value exits 2 and lists
    the known labels.

    Examples:

        litgraph evidence --domain "shared expectations" --format table

        litgraph evidence --outcome "service use" --format json

        litgraph evidence --domain role-distinctiveness --polarity barrier --design "qualitative study"
    """
    from ..findings.evidence import evidence_rows, read_concepts, resolve_filter

    store = open_graph(store_kind, build_dir)
    wanted = resolve_filter(read_concepts(store), domain=domain, factor=factor, polarity=polarity,
                            role=role, outcome=outcome, design=design)
    write_evidence(evidence_rows(store, wanted), fmt)


def write_evidence(rows: list[dict], fmt: str) -> None:
    from ..output import write_rows

    if fmt == "json":
        write_rows(rows, [], "json")
    elif fmt == "csv":
        flat = [flatten(r) for r in rows]
        write_rows(flat, list(flat[0]) if flat else list(flatten(EMPTY_ROW)), "csv")
    else:
        table = [dict(r, outcomes="; ".join(r["outcomes"]), source=cite(r["source"])) for r in rows]
        write_rows(table, ["domain", "factor", "polarity", "outcomes", "direction", "design", "source",
                           "statement"], "table", title=f"{len(rows)} findings")


EMPTY_ROW = {"finding": None, "domain": None, "factor": None, "polarity": None, "statement": None,
             "design": None, "outcomes": [], "direction": None,
             "source": {"first_author": None, "year": None, "title": None, "doi": None, "work": None},
             "reported_in": None}


def flatten(row: dict) -> dict:
    """A CSV row: outcomes joined with "; ", source fields as source_<key> columns."""
    flat = {k: v for k, v in row.items() if k not in ("outcomes", "direction", "source", "reported_in")}
    flat["outcomes"] = "; ".join(row["outcomes"])
    flat["direction"] = row["direction"]
    flat |= {f"source_{k}": v for k, v in row["source"].items()}
    flat["reported_in"] = row["reported_in"]
    return flat


def cite(source: dict) -> str:
    return " ".join(str(x) for x in (source["first_author"], source["year"]) if x) or str(source["work"])


@click.command()
@build_dir_option
@store_option
@format_option("table", "json", "csv", default="table")
def equivocal(build_dir, store_kind, fmt) -> None:
    """Outcomes where randomised-trial evidence and non-randomised evidence disagree.

    One row per outcome: outcome, trial_evidence and non_trial_evidence, each
    a list of findings shaped like the rows of `litgraph evidence`. Trial
    evidence is any design marked lg:isTrialEvidence (RCTs, reviews of RCTs);
    outcomes are matched through the outcome hierarchy, so a review finding no
    difference in service use meets a study finding fewer readmissions. CSV
    gives one line per outcome, side and finding.

    Example:

        litgraph equivocal --format json
    """
    from ..findings.evidence import equivocal_rows
    from ..output import write_rows

    rows = equivocal_rows(open_graph(store_kind, build_dir))
    if fmt == "json":
        write_rows(rows, [], "json")
    elif fmt == "csv":
        lines = [dict(outcome=r["outcome"], side=side, **flatten(f)) for r in rows
                 for side in ("trial_evidence", "non_trial_evidence") for f in r[side]]
        write_rows(lines, ["outcome", "side", *flatten(EMPTY_ROW)], "csv")
    else:
        table = [{"outcome": r["outcome"],
                  "trial evidence": "\n".join(summary(f) for f in r["trial_evidence"]),
                  "non-trial evidence": "\n".join(summary(f) for f in r["non_trial_evidence"])} for r in rows]
        write_rows(table, ["outcome", "trial evidence", "non-trial evidence"], "table",
                   title=f"{len(rows)} outcomes where trials and non-randomised studies disagree")


def summary(finding: dict) -> str:
    """`Pitt 2013 (systematic review ...): no difference in service use`."""
    outcomes = ", ".join(finding["outcomes"])
    return f"{cite(finding['source'])} ({finding['design']}): {finding['direction']} in {outcomes}"


@click.command()
@corpus_option(required=False, help="Corpus folder the graph was built from (to name files and lines).")
@build_dir_option
@format_option("table", "json", default="table")
@click.option("--skip-owl", is_flag=True, help="Check the SHACL shapes only (no HermiT).")
def validate(corpus_dir, build_dir, fmt, skip_owl) -> None:
    """Check the built graph: SHACL shapes and OWL consistency (HermiT).

    Every violation names the corpus file (and line) it comes from: a finding
    through its findings file and id, a list entry through its list file and
    position. Exits 0 when clean, 1 when there are violations or the
    reasoner failed, 2 when there is no built graph. Without java the OWL
    check is reported as skipped, not passed.

    Example:

        litgraph validate --format table
    """
    from ..findings.validate import load_built_graph, validate_graph
    from .graph import make_progress

    progress = make_progress()
    progress("reading the built graph")
    report = validate_graph(load_built_graph(build_dir), corpus_dir, owl=not skip_owl, progress=progress,
                            vocabulary=vocabulary_files(corpus_dir))
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        write_report(report)
    if not report.clean:
        sys.exit(1)


def write_report(report) -> None:
    from ..output import write_rows

    if report.violations:
        rows = [v.as_dict() for v in report.violations]
        write_rows(rows, ["check", "file", "line", "item", "message"], "table",
                   title=f"{len(rows)} violations")
    shacl = sum(v.check == "shacl" for v in report.violations)
    click.echo(f"SHACL: {shacl} violation(s) ({report.shacl_seconds:.1f} s) over {report.triples} triples")
    click.echo(f"OWL:   {report.owl.status}: {report.owl.detail}"
               + (f" ({report.owl.seconds:.1f} s)" if report.owl.seconds else ""))


COMMANDS = [evidence, equivocal, validate]
