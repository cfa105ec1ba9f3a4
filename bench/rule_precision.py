"""How often each kind of fact the extractor states is right, on the held-out check sets.

The figures are the prior of graph/weigh.py: a post read from one article is believed as much
as the position rules' precision on text they were never tuned on.  Run after changing rules:

    python -m bench.rule_precision            # print the table
    python -m bench.rule_precision --write    # and rewrite data/rule_precision.toml

Only held-out halves are pooled (news: checkset2, 4, 6, 8, 10, 12; official texts:
officialset2): a tuning half's precision says how well the rules fit what their author read.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
OUT = ROOT / "data" / "rule_precision.toml"
HELD_OUT = {"news": ["checkset2", "checkset4", "checkset6", "checkset8", "checkset10", "checkset12"],
            "official": ["officialset2"]}
CATEGORIES = ["documents", "agencies", "people", "doc.kind", "doc.issued", "doc.issuer", "agency.parent",
              "positions", "events", "event.links", "relations"]


def _score(folder: str, work: Path) -> dict[str, dict[str, float]]:
    check = ROOT / "tests" / folder
    report = work / f"{folder}.jsonl"
    with report.open("w", encoding="utf-8") as out:
        subprocess.run([sys.executable, "-m", "loaders", "extract", str(check / "articles"), "--format", "jsonl"],
                       cwd=ROOT, stdout=out, check=True)
    res = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(report), str(check / "gold"),
                          "--json"], capture_output=True, text=True, check=True)
    scores: dict[str, dict[str, float]] = json.loads(res.stdout)["scores"]
    return scores


def pooled() -> dict[str, dict[str, dict[str, int]]]:
    """Kind of text -> category -> {tp, fp} summed over that kind's held-out sets."""
    out: dict[str, dict[str, dict[str, int]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for kind, folders in HELD_OUT.items():
            tally = out.setdefault(kind, {c: {"tp": 0, "fp": 0} for c in CATEGORIES})
            for folder in folders:
                scores = _score(folder, Path(tmp))
                for c in CATEGORIES:
                    tally[c]["tp"] += int(scores.get(c, {}).get("tp", 0))
                    tally[c]["fp"] += int(scores.get(c, {}).get("fp", 0))
    return out


def render(tally: dict[str, dict[str, dict[str, int]]]) -> str:
    lines = ["# Precision of each kind of extracted fact on the held-out check sets (tp / (tp + fp)).",
             "# Written by `python -m bench.rule_precision --write`; graph/weigh.py reads it as the prior",
             "# belief in a fact stated by one source.  Do not edit by hand: rerun the command.", ""]
    for kind, cats in tally.items():
        lines.append(f"[{kind}]   # {', '.join(HELD_OUT[kind])}")
        for c, t in cats.items():
            n = t["tp"] + t["fp"]
            if n:
                lines.append(f'"{c}" = {{ precision = {t["tp"] / n:.3f}, tp = {t["tp"]}, fp = {t["fp"]} }}')
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--write", action="store_true", help=f"rewrite {OUT.relative_to(ROOT)}")
    args = ap.parse_args(argv)
    text = render(pooled())
    print(text)
    if args.write:
        OUT.write_text(text, encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
