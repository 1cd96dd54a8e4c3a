"""Render bench/results.json as Markdown tables inside bench/README.md (between the results markers)."""

from __future__ import annotations

from collections import defaultdict

START = "<!-- results: written by `make bench` (bench/run.py) from results.json; edits here are overwritten -->"
END = "<!-- /results -->"
TARGET_LOAD_RATE = 200_000
TARGET_QUERY_S = 1.0
TARGET_QUERY_S_1M = 0.5  # issue 15: every query under 0.5 s at 1M, under 1 s at 10M
TARGET_RATIO = 30.0
SIZE_ORDER = ["10k", "100k", "1m", "10m"]


def render_readme(readme: str, rows: list[dict], machine: dict) -> str:
    """The README with its results section replaced (appended when it has none)."""
    section = "\n".join([START, results_markdown(rows, machine), END])
    if START in readme and END in readme:
        head, _, rest = readme.partition(START)
        _, _, tail = rest.partition(END)
        return head + section + tail
    return readme.rstrip() + "\n\n## Results\n\n" + section + "\n"


def results_markdown(rows: list[dict], machine: dict) -> str:
    lines = [f"Run on {machine['date']} on {machine['cores']} cores ({machine['cpu']}, "
             f"{machine['memory_gb']} GB RAM); Python {machine['python']}, pyoxigraph {machine['pyoxigraph']}, "
             f"rdflib {machine['rdflib']}. Medians in seconds of {machine.get('runs', 5)} runs after a warm-up, each "
             f"run limited to {machine.get('timeout_s', 20):g} s (\"timed out\" past it; the ratio is then a lower "
             "bound); peak memory is the peak resident set of the process that loaded or queried, in MB.", ""]
    by_size = defaultdict(list)
    for row in rows:
        by_size[row["size"]].append(row)
    timeout_s = machine.get("timeout_s")
    for size in sorted(by_size, key=SIZE_ORDER.index):
        lines += size_table(size, by_size[size], timeout_s)
    if "1m" in by_size:
        lines += targets(by_size["1m"], timeout_s)
    if "10m" in by_size:
        lines += ten_million(by_size["10m"])
    return "\n".join(lines).rstrip() + "\n"


def cell(row: dict | None, timeout_note: str = "timed out") -> str:
    if row is None:
        return "–"
    if row["timed_out"]:
        return timeout_note
    return "n/a" if row["median_s"] is None else f"{row['median_s']:.3f}"


def ratio(fast: dict | None, slow: dict | None, timeout_s: float | None = None) -> str:
    """rdflib's median over Oxigraph's; a timed-out rdflib run gives a lower bound (its time limit)."""
    if not fast or not slow or fast["median_s"] is None or fast["timed_out"]:
        return "–"
    if slow["timed_out"]:
        return f"> {timeout_s / max(fast['median_s'], 1e-6):,.0f}×" if timeout_s else "timed out"
    if slow["median_s"] is None:
        return "–"
    times = slow["median_s"] / max(fast["median_s"], 1e-6)
    return f"{times:.2g}×" if times < 1 else f"{times:,.0f}×"  # under 1: the other store was faster


def size_table(size: str, rows: list[dict], timeout_s: float | None = None) -> list[str]:
    index = {(r["store"], r["query"]): r for r in rows}
    triples = rows[0]["triples"]
    queries = sorted({r["query"] for r in rows} - {"build", "load"})
    peer = any(r["store"] == "virtuoso" for r in rows)  # Virtuoso, when the run loaded it (bench/virtuoso.py)
    head = "| step or query | Oxigraph (s) | rdflib (s) | rdflib ÷ Oxigraph |"
    head += " Virtuoso (s) | Virtuoso ÷ Oxigraph |" if peer else ""
    head += " Oxigraph peak MB | rdflib peak MB |" + (" Virtuoso peak MB |" if peer else "")
    out = [f"### {size}: {triples:,} triples", "", head, "|---|" + "---:|" * (head.count("|") - 2)]
    build = index.get(("oxigraph", "build"))
    out.append(f"| build (litgraph build path) | {cell(build)} | | |" + (" | |" if peer else "")
               + f" {peak(build)} | |" + (" |" if peer else ""))
    load_rates = " vs ".join(rate(index.get((store, "load"))) for store in ("oxigraph", "rdflib", "virtuoso")[:3 if peer else 2])
    out.append(table_row(f"load ({load_rates} triples/s)", index, "load", peer, timeout_s))
    out += [table_row(query, index, query, peer, timeout_s) for query in queries]
    return out + [""]


def table_row(label: str, index: dict, query: str, peer: bool, timeout_s: float | None) -> str:
    ox, rl, vt = (index.get((store, query)) for store in ("oxigraph", "rdflib", "virtuoso"))
    cells = [label, cell(ox), cell(rl), ratio(ox, rl, timeout_s)]
    cells += [cell(vt), ratio(ox, vt, timeout_s)] if peer else []
    cells += [peak(ox), peak(rl)] + ([peak(vt)] if peer else [])
    return "| " + " | ".join(cells) + " |"


def peak(row: dict | None) -> str:
    return "–" if row is None else f"{row['peak_rss_mb']:,.0f}"


def rate(row: dict | None) -> str:
    if not row or not row["median_s"]:
        return "–"
    return f"{row['triples'] / row['median_s'] / 1000:,.0f}k"


def targets(rows: list[dict], timeout_s: float | None = None) -> list[str]:
    index = {(r["store"], r["query"]): r for r in rows}
    queries = sorted({r["query"] for r in rows} - {"build", "load"})
    load = index.get(("oxigraph", "load"))
    load_rate = load["triples"] / load["median_s"] if load and load["median_s"] else 0
    slow = [q for q in queries if (r := index.get(("oxigraph", q))) and
            (r["timed_out"] or r["median_s"] is None or r["median_s"] >= TARGET_QUERY_S)]
    short = []
    for q in queries:
        ox, rl = index.get(("oxigraph", q)), index.get(("rdflib", q))
        if not (ox and rl and ox["median_s"]):
            continue
        if rl["timed_out"]:  # rdflib took at least the time limit: a lower bound
            bound = (timeout_s or 0) / ox["median_s"]
            if bound < TARGET_RATIO:
                short.append(f"{q} (> {bound:.0f}×: rdflib timed out)")
        elif (rl["median_s"] or 0) / ox["median_s"] < TARGET_RATIO:
            short.append(f"{q} ({rl['median_s'] / ox['median_s']:.0f}×)")
    mark = lambda ok: "met" if ok else "**missed**"  # noqa: E731
    return ["### Targets at 1M triples", "",
            f"- load at {TARGET_LOAD_RATE:,} triples/s or better: {mark(load_rate >= TARGET_LOAD_RATE)} "
            f"({load_rate:,.0f} triples/s)",
            f"- every named query under {TARGET_QUERY_S:g} s on Oxigraph: {mark(not slow)}"
            + (f" (over: {', '.join(slow)})" if slow else ""),
            f"- at least {TARGET_RATIO:g}× faster than rdflib on every query: {mark(not short)}"
            + (f" (short: {', '.join(short)})" if short else ""),
            over_line(index, queries, TARGET_QUERY_S_1M), ""]


def over_line(index: dict, queries: list[str], limit_s: float) -> str:
    """`- every named query under N s on Oxigraph: met`, or missed with each slow query and its time."""
    over = [f"{q} ({seconds(r)})" for q in queries if (r := index.get(("oxigraph", q)))
            and (r["timed_out"] or r["median_s"] is None or r["median_s"] >= limit_s)]
    return (f"- every named query under {limit_s:g} s on Oxigraph: {'met' if not over else '**missed**'}"
            + (f" (over: {', '.join(over)})" if over else ""))


def seconds(row: dict) -> str:
    return "timed out" if row["timed_out"] or row["median_s"] is None else f"{row['median_s']:.2f} s"


def ten_million(rows: list[dict]) -> list[str]:
    answered = [r for r in rows if r["store"] == "oxigraph" and r["query"] not in ("build", "load")]
    failed = [r["query"] for r in answered if r["timed_out"] or r["median_s"] is None]
    peaks = {r["query"]: r["peak_rss_mb"] for r in rows if r["store"] == "oxigraph"}
    top = max(peaks.values(), default=0)
    serving = max((mb for query, mb in peaks.items() if query != "build"), default=0)
    index = {(r["store"], r["query"]): r for r in rows}
    return ["### At 10M triples", "",
            f"- the embedded store answers every named query: {'met' if answered and not failed else '**missed**'}"
            + (f" (not answered: {', '.join(failed)})" if failed else ""),
            over_line(index, sorted(r["query"] for r in answered), TARGET_QUERY_S),
            f"- peak memory under 4 GB: {'met' if top < 4096 else '**missed**'} ({top:,.0f} MB at the most, "
            f"{'in the build' if peaks.get('build') == top else 'loading or querying'}; "
            f"loading and querying {serving:,.0f} MB)", ""]
