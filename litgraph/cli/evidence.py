"""Commands over the evidence layer: evidence, equivocal, validate."""

from __future__ import annotations

import json
import sys

import click

from .options import build_dir_option, corpus_option, format_option, open_graph, store_option, vocabulary_files

CONCEPT_HELP = "a label, synonym, slug or IRI, case-insensitively"


TABLE_FIELDS = ["domain", "factor", "polarity", "outcomes", "direction", "design", "source", "statement"]
QUOTE_FIELDS = ["quote", "section", "citation", "reported_in", "coded"]


def trial_choice(value: str | None) -> bool | None:
    return None if value is None else value == "yes"


@click.command()
@click.option("--domain", help=f"Organisational domain, narrower domains included: {CONCEPT_HELP}.")
@click.option("--factor", help=f"Factor: {CONCEPT_HELP}.")
@click.option("--polarity", type=click.Choice(["facilitator", "barrier"], case_sensitive=False),
              help="Only facilitators or only barriers.")
@click.option("--direction", help=f"Direction of effect (benefit, no difference, harm, mixed): {CONCEPT_HELP}.")
@click.option("--role", help=f"Role the finding is about: {CONCEPT_HELP}.")
@click.option("--outcome", help=f"Outcome, narrower outcomes included: {CONCEPT_HELP}.")
@click.option("--design", help=f"Study design, narrower designs included: {CONCEPT_HELP}.")
@click.option("--setting", help=f"Setting of the evidence: {CONCEPT_HELP}.")
@click.option("--sector", help=f"Sector of the evidence: {CONCEPT_HELP}.")
@click.option("--trial-evidence", type=click.Choice(["yes", "no"]),
              help="Only findings from trial evidence (RCTs, reviews of RCTs), or only from other designs.")
@click.option("--reported-in", metavar="DOI", help="Only findings coded from this seed paper.")
@click.option("--show", type=click.Choice(["quote"]), multiple=True,
              help="Add the quote, section, in-text citation, reporting paper and coder to the table.")
@click.option("--summary", is_flag=True,
              help="How the evidence stacks up per domain, factor and outcome (not a GRADE judgement).")
@build_dir_option
@store_option
@format_option("table", "json", "csv", default="table")
def evidence(domain, factor, polarity, direction, role, outcome, design, setting, sector, trial_evidence,
             reported_in, show, summary, build_dir, store_kind, fmt) -> None:
    """List the coded findings and the works that support them, filtered by concept.

    One row per finding: finding, domain, factor, polarity, statement, design,
    outcomes, direction, source {first_author, year, title, doi, work},
    reported_in (the DOI of the seed paper it was coded from), and its audit
    trail: quote, section, citation (as printed), entry, coded_by, coded_on.
    A filter takes in narrower concepts (outcome service use -> readmission;
    domain organisational support -> training). An unknown value exits 2 and
    lists the known labels. Below 120 columns the table becomes one block per
    finding. --summary counts findings, studies, designs and agreement per
    domain, factor and outcome instead (litgraph certainty prints the same).

    Examples:

        litgraph evidence --domain "shared expectations" --show quote

        litgraph evidence --outcome "service use" --trial-evidence yes --format json

        litgraph evidence --domain role-distinctiveness --polarity barrier --design "qualitative study"
    """
    from ..findings.evidence import evidence_rows, read_concepts, resolve_filter

    store = open_graph(store_kind, build_dir)
    concepts = read_concepts(store)
    wanted = resolve_filter(concepts, trial_evidence=trial_choice(trial_evidence), reported_in=reported_in,
                            domain=domain, factor=factor, polarity=polarity, direction=direction, role=role,
                            outcome=outcome, design=design, setting=setting, sector=sector)
    rows = evidence_rows(store, wanted)
    if design and not rows:
        warn_about_design(store, concepts, design)
    if summary:
        return write_certainty(rows, fmt, concepts)
    write_evidence(rows, fmt, "quote" in show)


def warn_about_design(store, concepts, design: str) -> None:
    """On stderr: the related designs that do have findings, when --design matched none."""
    from ..findings.evidence import finding_records
    from ..findings.hints import design_hint

    hint = design_hint(design, concepts, [r["design"] for r in finding_records(store).values()])
    if hint:
        click.echo(hint, err=True)


def write_evidence(rows: list[dict], fmt: str, quotes: bool = False) -> None:
    from ..output import write_rows
    from .evidence_layout import write_people_rows

    if fmt == "json":
        write_rows(rows, [], "json")
    elif fmt == "csv":
        from ..findings.evidence import CSV_COLUMNS

        write_rows([flatten(r) for r in rows], CSV_COLUMNS, "csv")
    else:
        fields = TABLE_FIELDS + (QUOTE_FIELDS if quotes else [])
        write_people_rows([for_people(r) for r in rows], fields, f"{len(rows)} findings")


def for_people(row: dict) -> dict:
    """A row as the table shows it: lists joined, the source cited, the coder and date together."""
    coded = " ".join(x for x in (row.get("coded_by"), row.get("coded_on")) if x)
    return dict(row, outcomes="; ".join(row["outcomes"]), source=cite(row["source"]), coded=coded,
                doubts="; ".join(row.get("doubts") or []))


def write_certainty(rows: list[dict], fmt: str, concepts=None) -> None:
    from ..findings.certainty import NOT_GRADE, certainty_rows
    from ..output import write_rows
    from .evidence_layout import write_people_rows

    table = certainty_rows(rows, concepts)
    if fmt in ("json", "csv"):
        flat = table if fmt == "json" else [dict(r, designs="; ".join(r["designs"])) for r in table]
        return write_rows(flat, list(table[0]) if table else [], fmt)
    people = [dict(r, designs="; ".join(r["designs"]), trial_evidence="yes" if r["trial_evidence"] else "no")
              for r in table]
    write_people_rows(people, ["kind", "concept", "findings", "studies", "designs", "agreement", "trial_evidence"],
                      f"How the evidence stacks up ({NOT_GRADE})")


def flatten(row: dict) -> dict:
    from ..findings.evidence import flat_row

    return flat_row(row)


def cite(source: dict) -> str:
    return " ".join(str(x) for x in (source["first_author"], source["year"]) if x) or str(source["work"])


@click.command()
@build_dir_option
@store_option
@format_option("table", "json", "csv", default="table")
def equivocal(build_dir, store_kind, fmt) -> None:
    """Outcomes where randomised-trial evidence and non-randomised evidence disagree, and why to doubt each side.

    One row per outcome: outcome, trial_evidence and non_trial_evidence (each
    a list of findings shaped like the rows of `litgraph evidence`, quote
    included), and trial_doubts and non_trial_doubts: the caveat findings
    that give reasons to doubt that side (risk of bias, small samples, a
    poorly defined intervention, lack of controls, indirectness), each with
    the findings it applies_to. Trial evidence is any design marked
    lg:isTrialEvidence (RCTs, reviews of RCTs); outcomes are matched through
    the outcome hierarchy. CSV gives one line per outcome, side and finding.

    Example:

        litgraph equivocal --format json
    """
    from ..findings.evidence import equivocal_rows
    from ..output import write_rows
    from .evidence_layout import write_people_rows

    rows = equivocal_rows(open_graph(store_kind, build_dir))
    if fmt == "json":
        write_rows(rows, [], "json")
    elif fmt == "csv":
        lines = [dict(outcome=r["outcome"], side=side, **flatten(f)) for r in rows
                 for side in SIDES for f in r[side]]
        from ..findings.evidence import CSV_COLUMNS

        write_rows(lines, ["outcome", "side", *CSV_COLUMNS], "csv")
    else:
        table = [{"outcome": r["outcome"], **{label: "\n".join(describe(side, f) for f in r[side])
                                              for side, label in SIDES.items()}} for r in rows]
        write_people_rows(table, ["outcome", *SIDES.values()],
                          f"{len(rows)} outcomes where trials and non-randomised studies disagree")


SIDES = {"trial_evidence": "trial evidence", "trial_doubts": "reasons to doubt the trials",
         "non_trial_evidence": "non-trial evidence", "non_trial_doubts": "reasons to doubt the non-trial studies"}


def describe(side: str, finding: dict) -> str:
    return doubt_summary(finding) if side.endswith("doubts") else summary(finding)


def doubt_summary(caveat: dict) -> str:
    """`risk of bias; poorly defined intervention: "quote" (Gillard 2014, Discussion)`."""
    where = ", ".join(x for x in (cite(caveat["source"]), caveat["section"]) if x)
    return f"{'; '.join(caveat['doubts'])}: \"{caveat['quote']}\" ({where})"


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
