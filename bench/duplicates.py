"""Near-duplicate nodes of the corpus graph: one body or one person split over several nodes.

    python -m bench.duplicates --graph /tmp/corpus.kg [--show 20]

Agencies are grouped by a loose form of their name and of their parent's: folded, without the
words for province and city ("tỉnh", "thành phố", "TP"), "và" and punctuation.  A unit of one
article whose owner the article does not name (``…/of-<source>``) is apart by design and left out.
People are grouped by their name with its marks kept but "y" read as "i" (Phạm Sỹ Quý, Phạm Sĩ
Quý): the tone marks tell people apart (graph/ids.py), an i/y spelling does not.  The figure
docs/audit.md follows is the number of groups of two or more nodes.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import networkx as nx

from graph.ids import fold
from graph.store import NxStore

_AGENCY_NOISE = re.compile(r"\b(?:tinh|thanh pho|tp|va)\b|[^\w ]")
_Y = str.maketrans({"y": "i", "ý": "í", "ỳ": "ì", "ỷ": "ỉ", "ỹ": "ĩ", "ỵ": "ị"})


def agency_key(name: str) -> str:
    """Printings of one body ("Sở Tài nguyên và Môi trường tỉnh Yên Bái" = "Sở Tài nguyên Môi trường
    Yên Bái"); bench/careers.py compares gold bodies by it too."""
    return " ".join(_AGENCY_NOISE.sub(" ", fold(name)).split())


def person_key(name: str) -> str:
    """Looser than graph.ids.person_id on purpose (every "y" reads "i"): what the ids miss."""
    return " ".join(unicodedata.normalize("NFC", name).lower().translate(_Y).split())


def groups(g: nx.MultiDiGraph) -> dict[str, list[list[str]]]:
    """Node type -> the groups of two or more nodes that share a loose key."""
    out: dict[str, list[list[str]]] = {}
    for node_type in ("Agency", "Person"):
        by: dict[str, list[str]] = defaultdict(list)
        for n, d in g.nodes(data=True):
            if d.get("type") != node_type or not d.get("name") or "/of-" in n:
                continue
            key = (agency_key(d["name"]) + " < " + agency_key(d.get("parent") or "") if node_type == "Agency"
                   else person_key(d["name"]))
            by[key].append(n)
        out[node_type] = sorted((sorted(v) for v in by.values() if len(v) > 1), key=lambda v: (-len(v), v))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--graph", default="/tmp/corpus.kg")
    ap.add_argument("--show", type=int, default=10, help="print this many of the largest groups of each type")
    args = ap.parse_args(argv)
    path = Path(args.graph)
    if not path.exists():
        print(f"no graph at {path}", file=sys.stderr)
        return 1
    g = NxStore.load(path).graph
    for node_type, found in groups(g).items():
        print(f"{node_type}: {len(found)} groups of near-duplicate nodes ({sum(map(len, found))} nodes)")
        for grp in found[:args.show]:
            print("   " + " | ".join(g.nodes[n].get("label", n) for n in grp))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
