"""Where a named query's time goes on the embedded store: Oxigraph's evaluation or litgraph's own work.

    python -m bench.overhead [--size 1m] [--work build/bench] [--runs 5] [QUERY ...]

Run after `make bench` (it reads build/bench/<size>/store and params.json). For each named
query, three medians after a warm-up, on the same read-only store:

    oxigraph   pyoxigraph evaluates the query text (parameters already bound) and the
               solutions are iterated: the engine's own cost
    + rows     the same, with every solution turned into a dict of Python terms
    litgraph   `queries.run_query`, as `litgraph query` calls it: parameters resolved
               (a DOI looked up in the graph) and bound, rows turned into plain values

The gap between the first and the last column is litgraph's overhead. No speed is asserted
anywhere: this prints what it measures.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path


def median_time(work, runs: int) -> tuple[float, int]:
    rows = work()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        rows = work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("queries", nargs="*", help="named queries (default: all)")
    parser.add_argument("--size", default="1m")
    parser.add_argument("--work", default="build/bench")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)

    from litgraph.queries import bind_params, list_queries, run_query
    from litgraph.remote import bind_values
    from litgraph.store import OxigraphStore

    folder = Path(args.work) / args.size
    params = json.loads((folder / "params.json").read_text(encoding="utf-8"))
    store = OxigraphStore(folder / "store")
    engine = store._store  # the pyoxigraph Store: this tool measures around litgraph's seam
    print(f"{args.size}: {len(store):,} triples; medians of {args.runs} runs after a warm-up, in seconds")
    print(f"{'query':22} {'rows':>6} {'oxigraph':>9} {'+ rows':>9} {'litgraph':>9} {'overhead':>9}")
    for query in list_queries():
        if args.queries and query.name not in args.queries:
            continue
        values = params.get(query.name, {})
        bindings = bind_params(query, values, store)
        text = bind_values(query.text, bindings) if bindings else query.text

        def engine_only() -> int:
            return sum(1 for _ in engine.query(text))

        def with_rows() -> int:
            solutions = engine.query(text)
            names = [v.value for v in solutions.variables]
            return len([{n: s[n] for n in names} for s in solutions])

        t_engine, n = median_time(engine_only, args.runs)
        t_rows, _ = median_time(with_rows, args.runs)
        t_litgraph, _ = median_time(lambda: len(run_query(query, store, values).rows), args.runs)
        print(f"{query.name:22} {n:>6} {t_engine:>9.4f} {t_rows:>9.4f} {t_litgraph:>9.4f} "
              f"{t_litgraph - t_engine:>9.4f}")


if __name__ == "__main__":
    main()
