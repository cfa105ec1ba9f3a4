"""How often each way of reading a participant is right, on the participations the corpus audits
judged: python -m bench.participation_precision CORPUS VERDICTS.jsonl ...

Each judged PARTICIPATED_IN fact's article is read again by today's rules; the fact is filed under
how they now read the person (loaders/model.py TOOK_PART_BY), or under "gone" when they no
longer give it.  The counts are what data/confidence.toml [rule_prior] holds; rerun this after
the participant rules change and copy the figures there.
"""

from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path

from loaders.extract import extract
from loaders.readers import iter_jsonl
from loaders.vntext import fold


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("verdicts", type=Path, nargs="+", help="audit verdicts (JSON Lines with edge, v, source_id, verdict)")
    args = ap.parse_args(argv)
    judged = [r for f in args.verdicts for r in map(json.loads, f.read_text(encoding="utf-8").splitlines())
              if r.get("type") == "PARTICIPATED_IN"]
    wanted = {r["source_id"] for r in judged}
    texts = {s.source_id: s for s in iter_jsonl(args.corpus) if getattr(s, "source_id", None) in wanted}
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for r in judged:
        name, date = r["edge"].split(" -[")[0], r["v"].split("/")[1]
        how = "gone"
        src = texts.get(r["source_id"])
        for e in extract(src).events if src is not None else []:
            found = [v for k, v in e.took_part_by.items() if fold(k) == fold(name)]
            if e.date == date and found:
                how = found[0]
                break
        counts[how]["right" if r["verdict"] == "right" else "wrong"] += 1
    print(f"{'read as':16} right / judged")
    for how, c in sorted(counts.items(), key=lambda x: -sum(x[1].values())):
        n = sum(c.values())
        print(f"{how:16} {c['right']:5} / {n:<5} {c['right'] / n:.2f}    tp = {c['right']}, fp = {c['wrong']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
