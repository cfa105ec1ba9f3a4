"""The official-text check sets scored per kind of text (not a test):

    python -m bench.official_by_kind tests/officialset tests/officialset2 tests/officialset3

Each set's pages are grouped by the kind their legal database's table gives ("Loại văn bản" in
tables/<id>.json: Quyết định, Công văn, Nghị quyết ...), extracted once, and each group scored with
the shared scorer (../shared/eval/score.py): pages, then F1 with (true positives / gold items) for
the header fields, links between instruments and agency parents.  Figures depend on the sets.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
COLUMNS = ("doc.kind", "doc.issued", "doc.issuer", "relations", "agency.parent", "positions")


def _kinds(folder: Path) -> dict[str, str]:
    """Page file name -> the kind its table gives."""
    return {f"{t.stem}.md": json.loads(t.read_text(encoding="utf-8")).get("Loại văn bản", "?")
            for t in sorted((folder / "tables").glob("*.json"))}


def _extract(folder: Path, out: Path) -> None:
    with open(out, "w", encoding="utf-8") as fh:
        subprocess.run([sys.executable, "-m", "loaders", "extract", str(folder / "articles"), "--format", "jsonl"],
                       stdout=fh, stderr=subprocess.DEVNULL, check=True, cwd=ROOT)


def _score(report: Path, gold: Path) -> dict[str, dict[str, float]]:
    run = subprocess.run([sys.executable, str(SCORER), str(report), str(gold), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(run.stdout)["scores"]


def by_kind(folder: Path) -> list[tuple[str, int, dict[str, dict[str, float]]]]:
    """(kind, pages, scores) for each kind of the set, all pages last."""
    kinds = _kinds(folder)
    groups: dict[str, list[str]] = defaultdict(list)
    for name, kind in kinds.items():
        groups[kind].append(name)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "all.jsonl"
        _extract(folder, report)
        lines = report.read_text(encoding="utf-8").splitlines()
        for kind, names in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            gold = Path(tmp) / f"gold-{len(rows)}"
            gold.mkdir()
            for name in names:
                (gold / f"{name[:-3]}.json").write_text(
                    (folder / "gold" / f"{name[:-3]}.json").read_text(encoding="utf-8"), encoding="utf-8")
            sub = Path(tmp) / f"report-{len(rows)}.jsonl"
            sub.write_text("\n".join(ln for ln in lines if json.loads(ln).get("file", "").split("/")[-1] in names) + "\n",
                           encoding="utf-8")
            rows.append((kind, len(names), _score(sub, gold)))
        rows.append(("all", len(kinds), _score(report, folder / "gold")))
    return rows


def _cell(s: dict[str, float]) -> str:
    tp, fn = s.get("tp"), s.get("fn")
    counts = f" ({tp}/{tp + fn})" if isinstance(tp, int) and isinstance(fn, int) else ""
    return f"{s['f1']:.3f}{counts}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="+", type=Path)
    args = ap.parse_args()
    for folder in args.folders:
        print(f"== {folder}")
        print(f"{'kind':<14} {'pages':>5}  " + "  ".join(f"{c:<16}" for c in COLUMNS))
        for kind, n, scores in by_kind(folder):
            print(f"{kind:<14} {n:>5}  " + "  ".join(f"{_cell(scores[c]):<16}" for c in COLUMNS))


if __name__ == "__main__":
    main()
