"""Reproduce the pick of the legal-database check sets (tests/officialset, tests/officialset2).

The pages come from the public crawl tnt305/tai_lieu_noi_bo, folder src/etl/dataset/, only its
files whose names begin with 0, 1, 3, 4, 5 or 6 (the rest are kept for independent measurement).
Of those, the pages of a legal database (a "Loại văn bản" table) under 30,000 bytes are
shuffled per kind with a fixed seed, taken round-robin over kinds up to 40, and alternated per
kind between the tuning half (officialset) and the held-out half (officialset2).  Each page is
stored without its metadata table (the input), and the table beside it (tables/, the header's gold).

    python tests/officialset/select_pages.py DATASET_DIR [--write]

A second tuning batch (tests/officialset3, picked 2026-12-07 after the first two had been used):
twelve of the remaining pages under 30,000 bytes, shuffled with SEED + 3, one kind after another.
"""

from __future__ import annotations

import collections
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = 20261207
ALLOWED = tuple("013456")


def split_table(text: str) -> tuple[str, dict[str, str]] | None:
    """(page without its metadata table, the table as label -> value); None without a table."""
    if "**Loại văn bản:**" not in text:
        return None
    lines = text.split("\n")
    a = next(i for i, ln in enumerate(lines) if ln.strip() == "**Số hiệu:**")
    b = next(i for i, ln in enumerate(lines) if "Tình trạng:**" in ln and i > a)
    j = b + 1
    while j < len(lines) and lines[j].strip() in ("", "|"):
        j += 1
    j += 1
    record: dict[str, str] = {}
    label = None
    for cell in (c.strip() for c in lines[a:j]):
        if not cell or cell in ("|", "**"):
            continue
        if m := re.match(r"^\**\s*(.+?):\*\*$", cell):
            label = m.group(1).strip()
        elif label:
            record[label], label = cell, None
    return "\n".join(lines[:a] + lines[j:]), record


def pick(dataset: Path) -> tuple[list[str], list[str], dict[str, tuple[str, dict[str, str]]]]:
    pages = {}
    for f in sorted(dataset.iterdir()):
        if f.name.startswith(ALLOWED) and f.suffix == ".md":
            got = split_table(f.read_text(encoding="utf-8"))
            if got and len(got[0].encode("utf-8")) < 30_000:   # bytes of the stored input
                pages[f.name] = got
    rnd = random.Random(SEED)
    by_kind: dict[str, list[str]] = collections.defaultdict(list)
    for name, (_, rec) in pages.items():
        by_kind[rec["Loại văn bản"]].append(name)
    for names in by_kind.values():
        rnd.shuffle(names)
    order: list[str] = []
    kinds = sorted(by_kind, key=lambda k: (-len(by_kind[k]), k))
    while len(order) < 40 and any(by_kind.values()):
        for k in kinds:
            if by_kind[k] and len(order) < 40:
                order.append(by_kind[k].pop())
    tuning, held, seen = [], [], collections.Counter()
    for name in order:
        kind = pages[name][1]["Loại văn bản"]
        (tuning if seen[kind] % 2 == 0 else held).append(name)
        seen[kind] += 1
    return sorted(tuning), sorted(held), pages


def pick_more(dataset: Path, taken: list[str], n: int = 12) -> list[str]:
    """n pages not in ``taken``, round-robin over kinds after a shuffle with SEED + 3."""
    pages = {}
    for f in sorted(dataset.iterdir()):
        if f.name.startswith(ALLOWED) and f.suffix == ".md" and f.name not in taken:
            got = split_table(f.read_text(encoding="utf-8"))
            if got and len(got[0].encode("utf-8")) < 30_000:
                pages[f.name] = got[1]["Loại văn bản"]
    rnd = random.Random(SEED + 3)
    by_kind: dict[str, list[str]] = collections.defaultdict(list)
    for name in sorted(pages):
        by_kind[pages[name]].append(name)
    for names in by_kind.values():
        rnd.shuffle(names)
    order: list[str] = []
    while len(order) < n and any(by_kind.values()):
        for k in sorted(by_kind, key=lambda k: (-len(by_kind[k]), k)):
            if by_kind[k] and len(order) < n:
                order.append(by_kind[k].pop())
    return sorted(order)


def main() -> None:
    dataset = Path(sys.argv[1])
    tuning, held, pages = pick(dataset)
    more = pick_more(dataset, tuning + held)
    for name in more:
        text = (dataset / name).read_text(encoding="utf-8")
        pages[name] = split_table(text)  # type: ignore[assignment]
    for folder, names in (("officialset", tuning), ("officialset2", held), ("officialset3", more)):
        print(folder, len(names), " ".join(names))
        if "--write" in sys.argv:
            for name in names:
                text, record = pages[name]
                base = ROOT / "tests" / folder
                (base / "articles").mkdir(parents=True, exist_ok=True)
                (base / "tables").mkdir(exist_ok=True)
                (base / "articles" / name).write_text(text, encoding="utf-8")
                (base / "tables" / (name[:-3] + ".json")).write_text(
                    json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
