#!/usr/bin/env python3
"""Check the check-set gold files and score them against themselves.

    python tests/checkset/validate.py [FOLDER]      # FOLDER: another set's folder (tests/checkset3)

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
    folder = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else HERE
    golds = sorted((folder / "gold").glob("*.json"))
    problems = []
    spec = importlib.util.spec_from_file_location("score", SCORE)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    tally = score.Tally()
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))
        missing = KEYS - set(gold)
        if missing:
            problems.append(f"{path.name}: missing {sorted(missing)}")
        if gold.get("file") != path.stem + ".txt":
            problems.append("{}: file is {!r}".format(path.name, gold.get("file")))
        if not (folder / "articles" / (path.stem + ".txt")).exists():
            problems.append(f"{path.name}: no article")
        score.score_file(gold, json.loads(json.dumps(gold)), tally)
    print(f"{len(golds)} gold files")
    if problems:
        print("\n".join(problems))
        return 1
    rows = tally.table()
    bad = {k: v["f1"] for k, v in rows.items() if v["f1"] != 1.0}
    for name, r in rows.items():
        print(f"  {name:<14} tp {r['tp']:4d}")
    print("self-score: " + ("all F1 1.0" if not bad else f"NOT 1.0: {bad}"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
