"""Export the graph for other tools: GraphML and GEXF (Gephi), node-link JSON, CSV tables, and
the CSV layout of ``neo4j-admin database import full`` (graph/neo4j_bulk.py).

GraphML and GEXF take only scalar attributes, so lists and dicts (evidence, sources,
conflicts) are written as JSON strings; per-source claims stay out (they are bookkeeping).
Node and edge ids are the graph's own, so an export joins back to URLs and Neo4j.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from graph.store import SourceEntry

FORMATS = ("graphml", "gexf", "json", "csv", "neo4j-admin")
NODE_COLUMNS = ("id", "type", "label", "label_en", "kind", "number", "name", "issued", "date", "sources",
                "support", "confidence")
EDGE_COLUMNS = ("source", "target", "key", "type", "title", "as_of", "sources", "evidence_count",
                "first_sentence", "first_source", "support", "confidence", "reasons")
_SKIP = {"claims", "ledger"}


def _scalar(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, str | int | float | bool):
        return v
    return json.dumps(v, ensure_ascii=False, sort_keys=True)


def flat_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with only scalar attributes, for formats that cannot hold lists."""
    out = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        out.add_node(n, **{k: _scalar(v) for k, v in d.items() if k not in _SKIP})
    for u, v, k, d in g.edges(keys=True, data=True):
        out.add_edge(u, v, key=k, **{a: _scalar(x) for a, x in d.items() if a not in _SKIP})
    return out


def export(g: nx.MultiDiGraph, fmt: str, out: Path, sources: Mapping[str, SourceEntry] | None = None) -> list[Path]:
    """Write the graph in ``fmt`` to ``out`` (a file; for csv and neo4j-admin, a folder); returns
    what was written.  ``sources`` (the manifest) goes into the neo4j-admin files."""
    out = Path(out)
    if fmt == "graphml":
        out.parent.mkdir(parents=True, exist_ok=True)
        nx.write_graphml(_fill_missing(flat_graph(g)), out, encoding="utf-8")
        return [out]
    if fmt == "gexf":
        out.parent.mkdir(parents=True, exist_ok=True)
        nx.write_gexf(_fill_missing(flat_graph(g)), out, encoding="utf-8")
        return [out]
    if fmt == "json":
        out.parent.mkdir(parents=True, exist_ok=True)
        data = nx.node_link_data(_without_claims(g), edges="links")
        out.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
        return [out]
    if fmt == "csv":
        return write_csv(g, out)
    if fmt == "neo4j-admin":
        from graph.neo4j_bulk import write_bulk

        return write_bulk(g, sources or {}, out)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _fill_missing(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Give every node and edge every attribute key (as "") so readers see one type per key."""
    nkeys = {k for _, d in g.nodes(data=True) for k in d}
    ekeys = {k for _, _, d in g.edges(data=True) for k in d}
    for _, d in g.nodes(data=True):
        for k in nkeys - d.keys():
            d[k] = ""
    for _, _, d in g.edges(data=True):
        for k in ekeys - d.keys():
            d[k] = ""
    return g


def _without_claims(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    out = nx.MultiDiGraph()
    out.add_nodes_from((n, {k: v for k, v in d.items() if k not in _SKIP}) for n, d in g.nodes(data=True))
    out.add_edges_from((u, v, k, d) for u, v, k, d in g.edges(keys=True, data=True))
    return out


def write_csv(g: nx.MultiDiGraph, folder: Path) -> list[Path]:
    """nodes.csv and edges.csv: the common columns, then everything else as JSON in ``attrs``."""
    folder.mkdir(parents=True, exist_ok=True)
    nodes_path, edges_path = folder / "nodes.csv", folder / "edges.csv"
    with nodes_path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow([*NODE_COLUMNS, "attrs"])
        for n, d in g.nodes(data=True):
            row = [n] + [_scalar(d.get(c)) for c in NODE_COLUMNS[1:]]
            rest = {k: v for k, v in d.items() if k not in NODE_COLUMNS and k not in _SKIP}
            w.writerow([*row, json.dumps(rest, ensure_ascii=False, sort_keys=True)])
    with edges_path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(EDGE_COLUMNS)
        for u, v, k, d in g.edges(keys=True, data=True):
            evs = d.get("evidence") or []
            first = evs[0] if evs else {}
            w.writerow([u, v, k, d.get("type"), _scalar(d.get("title")), _scalar(d.get("as_of")),
                        _scalar(d.get("sources")), len(evs), first.get("sentence") or "",
                        first.get("source_id") or "", _scalar(d.get("support")), _scalar(d.get("confidence")),
                        _scalar(d.get("reasons"))])
    return [nodes_path, edges_path]
