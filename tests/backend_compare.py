"""Compare the answers of the embedded networkx store with a server-backed graph (graph.backend).

Shared by the FalkorDB suite (tests/test_neo4j_falkordb.py) and the live Neo4j suite
(tests/test_neo4j_live.py).  What must match:

* every query except ``paths``: the whole result, as ``to_dict()`` (lists in the same order,
  the Neo4j store keeping each link's insertion order);
* ``paths``: the shortest path's length, and each path the server finds is a real path (each
  hop an edge that is not MENTIONS, no source node, no node twice) no shorter than that.  Which
  of several equally short paths comes first is the search's tie-break (networkx's adjacency
  order there, the server's shortestPath or breadth-first expansion here), so when the first
  paths differ only their lengths are compared; when they are the same path, it is compared
  whole (hops and evidence); alternatives (avoiding one node or link) only by the rules above.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable, Iterable
from typing import Any

import networkx as nx

from graph import backend as B
from graph import queries as q
from graph.index import search as nx_search

CONTENT = ("Instrument", "Agency", "Person", "Event")
SEARCHES = ("Directive 39", "Chỉ thị 39", "chi thi so 39", "39- CT/TW", "Resolution 27", "Nghị quyết 27-NQ/TW",
            "27-NQ/TW", "Plan 32", "Ministry of Home Affairs", "Bộ Nội vụ", "bo noi vu", "Ministry of Justice",
            "Secretariat", "Dang Hoang Oanh", "Đặng Hoàng Oanh", "Trương Hoà Bình", "Luật Viên chức",
            "instrument/57-CT/TW", "bo", "vu hop tac", "thu truong", "Nghị định 30", "Quyết định",
            "hội nghị", "2019", "xyzzy", "ban can su dang", "Văn phòng Chính phủ", "Chính phủ", "", "  ",
            "x' }) DETACH DELETE n //", "\" OR 1=1 //", "$query", "`Node`", "*", "Bộ Nội vụ*", "bo~ noi^2")


def as_data(result: Any) -> Any:
    if isinstance(result, list):
        return [as_data(r) for r in result]
    if hasattr(result, "to_dict"):
        return result.to_dict()
    if dataclasses.is_dataclass(result) and not isinstance(result, type):
        return dataclasses.asdict(result)
    return result


def outcome(f: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """A query's result as data, or the error it raised (type and message)."""
    try:
        return as_data(f(*args, **kwargs))
    except (q.NotFound, KeyError, ValueError) as e:
        return ("error", type(e).__name__, str(e))


class Mismatches:
    def __init__(self) -> None:
        self.items: list[str] = []
        self.checked = 0

    def both(self, what: str, mine: Callable[..., Any], theirs: Callable[..., Any], g: Any, r: Any,
             *args: Any, **kwargs: Any) -> None:
        """``mine(g, ...)`` on networkx against ``theirs(r, ...)`` on the server."""
        self.check(what, outcome(mine, g, *args, **kwargs), outcome(theirs, r, *args, **kwargs))

    def check(self, what: str, a: Any, b: Any) -> None:
        self.checked += 1
        if a != b:
            self.items.append(f"{what}:\n  networkx: {str(a)[:600]}\n  server:   {str(b)[:600]}")

    def assert_none(self) -> None:
        assert self.checked, "nothing was compared"
        assert not self.items, f"{len(self.items)} of {self.checked} answers differ:\n" + "\n".join(self.items[:8])


def nodes_of(g: nx.MultiDiGraph, *types: str) -> list[str]:
    return sorted(n for n, d in g.nodes(data=True) if d.get("type") in types)


def compare_search(g: nx.MultiDiGraph, r: Any, extra: Iterable[str] = ()) -> Mismatches:
    m = Mismatches()
    texts = [*SEARCHES, *extra]
    for text in texts:
        m.both(f"search {text!r}", nx_search, B.search, g, r, text)
        for types in (["Instrument"], ["Agency", "Person"], ["Source"]):
            m.both(f"search {text!r} {types}", nx_search, B.search, g, r, text, types=types, limit=3)
        m.check(f"resolve {text!r}", q.resolve(g, text), B.resolve(r, text))
    return m


def compare_nodes(g: nx.MultiDiGraph, r: Any, every: int = 1) -> Mismatches:
    m = Mismatches()
    for n in sorted(g.nodes)[::every]:
        m.both(f"node {n}", q.node, B.node, g, r, n)
        m.both(f"ref {n}", q.ref, B.ref, g, r, n)
    for n in ("nowhere", "instrument/999-XX/YY"):
        m.both(f"node {n}", q.node, B.node, g, r, n)
    return m


def compare_instruments(g: nx.MultiDiGraph, r: Any) -> Mismatches:
    from graph.document import document

    m = Mismatches()
    for n in nodes_of(g, "Instrument"):
        m.both(f"lineage {n}", q.lineage, B.lineage, g, r, n)
        m.both(f"lineage {n} depth 1", q.lineage, B.lineage, g, r, n, 1)
        m.both(f"status {n}", q.status, B.status, g, r, n)
        m.both(f"document {n}", document, B.document, g, r, n)
        for et, direction in itertools.product(("ISSUED_BY", "IMPLEMENTS", "SUCCEEDS", "BASED_ON"), ("out", "in")):
            m.both(f"related {n} {et} {direction}", q.related, B.related, g, r, n, et, direction)
    for text in ("Directive 39", "Plan 32", "Person X"):
        m.both(f"lineage {text}", q.lineage, B.lineage, g, r, text)
    return m


def compare_people_agencies(g: nx.MultiDiGraph, r: Any) -> Mismatches:
    m = Mismatches()
    for n in nodes_of(g, "Person"):
        m.both(f"career {n}", q.career, B.career, g, r, n)
    for n in nodes_of(g, "Agency"):
        m.both(f"agency {n}", q.agency, B.agency, g, r, n)
        for title in (None, "Thứ trưởng", "thu truong", "Bộ trưởng", "x' }) DETACH DELETE n //"):
            m.both(f"holders {n} {title}", q.holders, B.holders, g, r, n, title)
    m.both("career of an agency", q.career, B.career, g, r, "Bộ Nội vụ")
    return m


def compare_timelines(g: nx.MultiDiGraph, r: Any) -> Mismatches:
    m = Mismatches()
    ranges = [(None, None), ("2019", None), (None, "2016"), ("2016", "2020"), ("2019-08", "2019-11-02"),
              ("2022-03-24", "2022-03-24"), ("", None), ("1990", "1995-12")]
    for types, (lo, hi), limit in itertools.product((("Event", "Instrument"), ("Event",), ("Instrument",),
                                                     CONTENT), ranges, (200, 3)):
        m.both(f"timeline {types} {lo}-{hi} {limit}", q.timeline, B.timeline, g, r, node_types=types,
               date_from=lo, date_to=hi, limit=limit)
    for n in nodes_of(g, *CONTENT):
        m.both(f"timeline involving {n}", q.timeline, B.timeline, g, r, involving=n)
    m.both("overview", q.overview, B.overview, g, r)
    m.both("overview top 3", q.overview, B.overview, g, r, top=3)
    return m


def compare_neighbourhoods(g: nx.MultiDiGraph, r: Any, every: int = 1) -> Mismatches:
    m = Mismatches()
    variants: list[dict[str, Any]] = [
        {}, {"depth": 2}, {"depth": 3, "limit": 12}, {"depth": 2, "limit": 5},
        {"node_types": ["Person", "Agency"]}, {"edge_types": ["HOLDS_POSITION", "PART_OF"], "depth": 2},
        {"edge_types": ["MENTIONS"]}, {"date_from": "2019", "depth": 2}, {"date_to": "2016"},
        {"date_from": "2016", "date_to": "2019-08-31", "depth": 2},
    ]
    for n in (nodes_of(g, *CONTENT, "Source"))[::every]:
        for kw in variants:
            m.both(f"neighbourhood {n} {kw}", q.neighbourhood, B.neighbourhood, g, r, n, **kw)
    return m


def _valid_path(g: nx.MultiDiGraph, path: q.Path) -> str | None:
    ids = [n.id for n in path.nodes]
    if len(set(ids)) != len(ids):
        return "a node twice"
    if any(g.nodes[n].get("type") == "Source" for n in ids):
        return "a source node"
    if len(path.hops) != len(ids) - 1:
        return "hops do not join the nodes"
    for (a, b), hop in zip(itertools.pairwise(ids), path.hops, strict=True):
        if {hop.source.id, hop.target.id} != {a, b} or hop.type == "MENTIONS":
            return f"hop {hop.source.id} -{hop.type}-> {hop.target.id} does not join {a} and {b}"
        if not any(d["type"] == hop.type for d in (g.get_edge_data(hop.source.id, hop.target.id) or {}).values()):
            return f"no {hop.type} link {hop.source.id} -> {hop.target.id}"
    return None


def compare_paths(g: nx.MultiDiGraph, r: Any, ends: list[str]) -> Mismatches:
    m = Mismatches()
    for a, b in itertools.combinations(ends, 2):
        for k, hops in ((3, 6), (1, 2)):
            mine = q.paths(g, a, b, k=k, max_hops=hops)
            theirs = B.paths(r, a, b, k=k, max_hops=hops)
            bad = [why for p in theirs if (why := _valid_path(g, p))]
            m.check(f"paths {a} {b} valid", [], bad)
            m.check(f"paths {a} {b} k={k} found", bool(mine), bool(theirs))
            if mine and theirs:
                m.check(f"paths {a} {b} shortest", len(mine[0].hops), len(theirs[0].hops))
                m.check(f"paths {a} {b} none shorter", [], [p for p in theirs if len(p.hops) < len(mine[0].hops)])
                if [n.id for n in mine[0].nodes] == [n.id for n in theirs[0].nodes]:
                    m.check(f"paths {a} {b} first", as_data(mine[0]), as_data(theirs[0]))
    return m
