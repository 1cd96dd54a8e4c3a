"""The build series' table in bench/README.md, between its markers (rewritten by every run)."""

from __future__ import annotations

from collections import defaultdict

BEGIN = "<!-- build-series: written by bench/build_series.py from results.json; edits here are overwritten -->"
END = "<!-- /build-series -->"
STAGES = ("read", "parse", "identity", "triples", "files", "store")
ORDER = ["1k", "10k", "50k", "200k"]


def render_build_section(readme: str, rows: list[dict]) -> str:
    """`readme` with the section between BEGIN and END replaced (appended at the end if absent)."""
    section = f"{BEGIN}\n{build_table(rows)}\n{END}"
    if BEGIN in readme and END in readme:
        head, _, rest = readme.partition(BEGIN)
        return head + section + rest.partition(END)[2]
    return readme.rstrip("\n") + "\n\n" + section + "\n"


def build_table(rows: list[dict]) -> str:
    by_size = defaultdict(dict)
    for row in rows:
        by_size[row["size"]][row["stage"]] = row
    head = ("| entries | works | total s | peak MB | " + " | ".join(f"{s} s / MB" for s in STAGES)
            + " | precision | recall | hard negatives merged | rebuild, one paper added: s (parse s) | load |")
    lines = [head, "|" + "---:|" * (head.count("|") - 1)]
    for size in sorted(by_size, key=lambda s: ORDER.index(s) if s in ORDER else 99):
        stages, total = by_size[size], by_size[size]["total"]
        cells = [f"{total['entries']:,}", f"{total['works']:,}", f"{total['seconds']:.1f}",
                 f"{total['peak_rss_mb']:.0f}"]
        cells += [f"{stages[s]['seconds']:.1f} / {stages[s]['peak_rss_mb']:.0f}" if s in stages else "" for s in STAGES]
        cells += [f"{total['precision']:.4f}", f"{total['recall']:.4f}",
                  f"{total['hard_negatives_merged']} of {total['hard_negatives']}", rebuild_cell(total),
                  " to ".join(f"{x:.1f}" for x in total.get("load_average", ()))]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def rebuild_cell(total: dict) -> str:
    """The rebuild after one paper is added (the parse cache at work), or nothing if not measured."""
    if "rebuild_one_paper_s" not in total:
        return ""
    return f"{total['rebuild_one_paper_s']:.1f} ({total['rebuild_parse_s']:.1f})"
