"""Join the hand-written gold sources with the raw strings of the corpus lists.

Copies only `position` and `raw` from the tsv; every other field comes from
_source_<name>.py. Run from anywhere: python3 tests/gold/refs/_build_gold.py
"""
import importlib.util
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(HERE))
from _gold_helpers import FIELDS  # noqa: E402

LISTS = {
    "gillard-2013-bmchsr": ROOT / "corpus/references/gillard-2013-bmchsr.tsv",
    "gillard-2014-apt": ROOT / "corpus/references/gillard-2014-apt.tsv",
    "gillard-2015-eps": ROOT / "corpus/references/gillard-2015-eps.tsv",
    "gillard-2014-apt-cited-by": ROOT / "corpus/cited-by/gillard-2014-apt.tsv",
}


def read_tsv(path):
    rows = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line.strip() or line.startswith("#"):
            continue
        pos, raw = line.split("\t", 1)
        rows.append((int(pos), raw))
    return rows


def load_gold(name):
    spec = importlib.util.spec_from_file_location(name, HERE / f"_source_{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.GOLD


def main():
    for name, tsv in LISTS.items():
        rows = read_tsv(tsv)
        gold = load_gold(name)
        assert [p for p, _ in rows] == sorted(gold) and len(gold) == len(rows), name
        with open(HERE / f"{name}.jsonl", "w", encoding="utf-8") as out:
            for pos, raw in rows:
                rec = {"position": pos, "raw": raw, **gold[pos]}
                assert list(rec) == FIELDS, (name, pos, list(rec))
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        print(name, len(rows))


if __name__ == "__main__":
    main()
