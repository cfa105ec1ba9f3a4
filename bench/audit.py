"""What the corpus graph contains: python -m bench.audit [--graph FILE] [--top 40] [--sample 50] [--types T,U]

Prints the most frequent agencies, people and instruments (by the number of articles that
name them) and a fixed random sample of fact edges (every type but MENTIONS) with the
sentence that states each, for a person to judge right or wrong (docs/audit.md).  Build the
graph first:

    .venv/bin/python -m graph --graph /tmp/corpus.kg build ../shared/corpus/baomoi-2017.jsonl.gz
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx

from graph import weigh
from graph.store import NxStore
from graph.weigh import CONTRADICTIONS, describe, threshold

DEFAULT_GRAPH = Path("/tmp/corpus.kg")
EXCERPT = 220


def top_nodes(g: nx.MultiDiGraph, node_type: str, n: int) -> list[tuple[str, str, int, int]]:
    """(id, label, articles naming it, fact links) of the ``n`` most named nodes of a type."""
    degree: Counter[str] = Counter()
    for u, v, d in g.edges(data=True):
        if d["type"] != "MENTIONS":
            degree[u] += 1
            degree[v] += 1
    rows = [(nid, d.get("label", nid), len(set(d.get("sources", []))), degree[nid])
            for nid, d in g.nodes(data=True) if d.get("type") == node_type]
    rows.sort(key=lambda r: (-r[2], -r[3], r[0]))
    return rows[:n]


def excerpt(sentence: str | None, words: list[str], width: int = EXCERPT) -> str:
    """The sentence, cut to ``width`` characters around the first of ``words`` it contains."""
    if not sentence:
        return "(no sentence)"
    s = " ".join(sentence.split())
    if len(s) <= width:
        return s
    at = min((m.start() for w in words if w for m in [re.search(re.escape(w), s, re.IGNORECASE)] if m),
             default=0)
    start = max(0, min(at - width // 3, len(s) - width))
    return ("…" if start else "") + s[start:start + width] + ("…" if start + width < len(s) else "")


def sample_edges(g: nx.MultiDiGraph, n: int, seed: int, types: set[str] | None = None,
                 shown: bool | None = None) -> list[dict[str, Any]]:
    """``n`` fact edges drawn uniformly (fixed seed), each with its first piece of evidence;
    ``types``: only edges of these types (the lineage links, for an audit of the legal library);
    ``shown``: only the facts the app shows by default (True) or hides (False, graph/weigh.py)."""
    cut = threshold()
    facts = sorted((u, v, k) for u, v, k, d in g.edges(keys=True, data=True)
                   if d["type"] != "MENTIONS" and (types is None or d["type"] in types)
                   and (shown is None or weigh.shown(d, cut) == shown))
    rng = random.Random(seed)
    out = []
    for u, v, k in rng.sample(facts, min(n, len(facts))):
        d = g.edges[u, v, k]
        ev = (d.get("evidence") or [{}])[0]
        lu, lv = g.nodes[u].get("label", u), g.nodes[v].get("label", v)
        out.append({"edge": f"{lu} -[{d['type']}{': ' + d['title'] if d.get('title') else ''}]-> {lv}",
                    "u": u, "v": v, "type": d["type"], "title": d.get("title"),
                    "sources": len(set(d.get("sources", []))), "source_id": ev.get("source_id"),
                    "support": d.get("support"), "confidence": d.get("confidence"),
                    "against": [describe(r) for r in d.get("reasons") or () if r and r[0] in CONTRADICTIONS],
                    "evidence": excerpt(ev.get("sentence"), [g.nodes[u].get("name") or lu,
                                                            g.nodes[v].get("name") or lv])})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--graph", default=str(DEFAULT_GRAPH))
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--sample", type=int, default=50)
    ap.add_argument("--seed", type=int, default=2017)
    ap.add_argument("--json", action="store_true", help="the sample as JSON Lines (for docs/audit.md)")
    ap.add_argument("--types", help="sample only these edge types, comma-separated (e.g. BASED_ON,AMENDS,REPLACES)")
    which = ap.add_mutually_exclusive_group()
    which.add_argument("--shown", action="store_true", help="only facts shown by default (confidence >= threshold)")
    which.add_argument("--hidden", action="store_true", help="only facts hidden by default")
    args = ap.parse_args(argv)
    path = Path(args.graph)
    if not path.exists():
        print(f"no graph at {path}; build it first:\n  .venv/bin/python -m graph --graph {path} build "
              "../shared/corpus/baomoi-2017.jsonl.gz", file=sys.stderr)
        return 1
    g = NxStore.load(path).graph
    sample = sample_edges(g, args.sample, args.seed, set(args.types.split(",")) if args.types else None,
                          True if args.shown else False if args.hidden else None)
    if args.json:
        for row in sample:
            print(json.dumps(row, ensure_ascii=False))
        return 0
    types = Counter(d["type"] for _, _, d in g.edges(data=True) if d["type"] != "MENTIONS")
    print(f"graph {path}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges; "
          f"fact edges {sum(types.values())}: {dict(types.most_common())}")
    hidden = Counter(d["type"] for _, _, d in g.edges(data=True)
                     if d["type"] != "MENTIONS" and not weigh.shown(d, threshold()))
    print(f"hidden by default (confidence under {threshold()}): {sum(hidden.values())} "
          f"({sum(hidden.values()) / max(1, sum(types.values())):.1%}): {dict(hidden.most_common())}")
    for node_type in ("Agency", "Person", "Instrument"):
        print(f"\n== {args.top} most named {node_type} nodes (articles, fact links)")
        for i, (nid, label, arts, deg) in enumerate(top_nodes(g, node_type, args.top), 1):
            print(f"{i:3d}. {label:<50} {arts:6d} {deg:6d}  {nid}")
    print(f"\n== {len(sample)} random fact edges (seed {args.seed})")
    for i, row in enumerate(sample, 1):
        print(f"{i:3d}. {row['edge']}\n     [{row['source_id']}] {row['evidence']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
