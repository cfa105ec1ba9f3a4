#!/usr/bin/env python3
"""Check the check-set gold files and score them against themselves.

    python tests/checkset/validate.py

Every gold/*.json must load, carry the contract's keys, name its article in "file",
and have that article in articles/. The gold files are then scored against themselves
with /work/shared/eval/score.py (loaded as a module, as if the gold files were copied into
one JSON Lines report): every F1 must be 1.0. Standard library only.
"""
import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCORE = Path("/work/shared/eval/score.py")
KEYS = {"file", "published", "documents", "agencies", "people", "events", "relations"}


def main():
    golds = sorted((HERE / "gold").glob("*.json"))
    problems = []
    spec = importlib.util.spec_from_file_location("score", SCORE)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    tally = score.Tally()
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))
        missing = KEYS - set(gold)
        if missing:
            problems.append("%s: missing %s" % (path.name, sorted(missing)))
        if gold.get("file") != path.stem + ".txt":
            problems.append("%s: file is %r" % (path.name, gold.get("file")))
        if not (HERE / "articles" / (path.stem + ".txt")).exists():
            problems.append("%s: no article" % path.name)
        score.score_file(gold, json.loads(json.dumps(gold)), tally)
    print("%d gold files" % len(golds))
    if problems:
        print("\n".join(problems))
        return 1
    rows = tally.table()
    bad = {k: v["f1"] for k, v in rows.items() if v["f1"] != 1.0}
    for name, r in rows.items():
        print("  %-14s tp %4d" % (name, r["tp"]))
    print("self-score: " + ("all F1 1.0" if not bad else "NOT 1.0: %s" % bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
