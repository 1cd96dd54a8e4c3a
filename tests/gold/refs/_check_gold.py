"""Sanity checks on the gold jsonl files (not a parser; only checks the hand-typed values
against the raw strings they were typed from)."""
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(HERE))
from _gold_helpers import FIELDS  # noqa: E402
from _build_gold import LISTS, read_tsv  # noqa: E402  (re-writes nothing: guarded below)

EXPECTED = {"gillard-2013-bmchsr": 46, "gillard-2014-apt": 52,
            "gillard-2015-eps": 60, "gillard-2014-apt-cited-by": 14}
TYPES = {"journal-article", "book", "report", "chapter", "other"}
problems = []

for name, tsv in LISTS.items():
    rows = read_tsv(tsv)
    lines = (HERE / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    if len(lines) != EXPECTED[name] or len(rows) != EXPECTED[name]:
        problems.append(f"{name}: {len(lines)} lines, {len(rows)} tsv rows")
    for (pos, raw), line in zip(rows, lines):
        r = json.loads(line)
        where = f"{name}#{pos}"
        if list(r) != FIELDS:
            problems.append(f"{where}: keys {list(r)}")
        if r["position"] != pos or r["raw"] != raw:
            problems.append(f"{where}: position/raw mismatch")
        if r["type"] not in TYPES:
            problems.append(f"{where}: type {r['type']}")
        if not isinstance(r["et_al"], bool):
            problems.append(f"{where}: et_al")
        if (r["et_al"]) != bool(re.search(r"\bet al\b", raw)):
            problems.append(f"{where}: et_al vs raw")
        if r["year"] is not None and (not isinstance(r["year"], int) or str(r["year"]) not in raw):
            problems.append(f"{where}: year {r['year']}")
        for k in FIELDS[7:]:
            if r[k] is not None and not isinstance(r[k], str):
                problems.append(f"{where}: {k} not a string")
        # every string field other than pages should be found verbatim in raw
        for k in ("title", "container", "volume", "issue", "article_number", "publisher", "place", "doi"):
            v = r[k]
            if v is not None and v not in raw:
                problems.append(f"{where}: {k} {v!r} not in raw")
        for k in ("first_page", "last_page"):
            v = r[k]
            if v is not None and not v.isdigit():
                problems.append(f"{where}: {k} {v!r} not digits")
        if r["first_page"] and r["first_page"] not in raw:
            problems.append(f"{where}: first_page not in raw")
        if r["last_page"] and int(r["last_page"]) <= int(r["first_page"]):
            problems.append(f"{where}: last_page <= first_page")
        if r["type"] == "journal-article" and not r["container"]:
            problems.append(f"{where}: article without container")
        if r["type"] in ("book", "report") and r["container"]:
            problems.append(f"{where}: book/report with container")
        if r["title"] and (r["title"].endswith(".") or r["title"] != r["title"].strip()):
            problems.append(f"{where}: title end")
        for a in r["authors"]:
            if set(a) == {"literal"}:
                if a["literal"] not in raw:
                    problems.append(f"{where}: literal {a['literal']!r}")
                continue
            if set(a) != {"family", "given"}:
                problems.append(f"{where}: author keys {a}")
                continue
            if a["family"] not in raw:
                problems.append(f"{where}: family {a['family']!r} not in raw")
            g = a["given"]
            if g is not None and not re.fullmatch(r"[A-Z]+", g):
                problems.append(f"{where}: given {g!r}")

print("\n".join(problems) if problems else "all checks passed")
for name in EXPECTED:
    print(name, sum(1 for _ in open(HERE / f"{name}.jsonl", encoding="utf-8")))
