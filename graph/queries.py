"""Queries over the knowledge graph: plain functions shared by the CLI, the Streamlit app and
(later) a Neo4j-backed store.  Each takes a ``networkx.MultiDiGraph`` (``store.graph``) and
returns dataclasses; every result has ``to_dict()`` for JSON.  Node arguments accept an id,
a document number or any searchable name (see ``resolve``).

    search(g, text, types=None, limit=10)                -> list[Hit]
    resolve(g, ref, types=None)                          -> str | None
    node(g, ref)                                         -> NodeDetail
    lineage(g, ref, max_depth=10)                        -> Lineage          (.status: Status)
    status(g, ref)                                       -> Status
    related(g, ref, edge_type, direction="out")          -> list[Step]
    paths(g, a, b, k=3, max_hops=6)                      -> list[Path]
    neighbourhood(g, ref, depth=1, node_types=None, edge_types=None,
                  date_from=None, date_to=None, limit=300) -> Subgraph
    timeline(g, node_types=("Event", "Instrument"), date_from=None, date_to=None,
             involving=None, limit=200)                  -> list[TimelineItem]
    career(g, ref)                                       -> Career
    holders(g, agency, title=None)                       -> list[Post]
    agency(g, ref)                                       -> AgencyProfile
    overview(g, top=10)                                  -> Overview
    ref(g, node_id)                                      -> NodeRef      (helper)
    date_span(date) / in_range(date, from, to)           -> span / bool  (helpers)

Evidence items are dicts {source_id, source, title, url, sentence, start, end, date}:
``source`` is the Source node's id.  A Hit has ``complete`` (every query word matched);
``resolve`` only accepts complete hits.  Dates are ISO strings, possibly partial ("2016",
"2019-08") or without a year ("--08-08"); they sort and filter as spans.
"""

from __future__ import annotations

import itertools
import weakref
from collections import Counter, deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

import networkx as nx

from graph.ids import fold, normalize, source_node_id
from graph.index import Hit, resolve, search
from graph.schema import load_schema
from graph.weigh import CONTRADICTIONS, OTHER_POST, shown

__all__ = [
    "Hit",
    "NotFound",
    "agency",
    "career",
    "disputed",
    "holders",
    "lineage",
    "neighbourhood",
    "node",
    "overview",
    "paths",
    "related",
    "resolve",
    "search",
    "status",
    "timeline",
]

CONTENT_TYPES = ("Instrument", "Agency", "Person", "Event")


class NotFound(LookupError):
    """No node matches what the user asked for."""


class _Result:
    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload]


@dataclass
class NodeRef(_Result):
    id: str
    type: str
    label: str
    label_en: str
    date: str | None = None


@dataclass
class Step(_Result):
    """One edge, as stored (``source`` -[type]-> ``target``), with the sentences that state it."""

    source: NodeRef
    type: str
    target: NodeRef
    evidence: list[dict[str, Any]]
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass
class NodeDetail(_Result):
    node: NodeRef
    attrs: dict[str, Any]
    out_edges: list[Step]
    in_edges: list[Step]
    sources: list[NodeRef]


@dataclass
class Status(_Result):
    """What the graph says about an instrument's force, and the links that say it."""

    state: str
    label: str
    label_en: str
    because: list[Step]


@dataclass
class LineageItem(_Result):
    node: NodeRef
    role: str           # "ancestor", "self", "descendant"
    depth: int          # hops from the instrument asked about
    status: str


@dataclass
class Lineage(_Result):
    root: NodeRef
    items: list[LineageItem]        # ancestors, the instrument, descendants: in date order
    steps: list[Step]
    status: Status


@dataclass
class Path(_Result):
    nodes: list[NodeRef]
    hops: list[Step]    # one per pair of consecutive nodes (the hop may point backwards)


@dataclass
class Subgraph(_Result):
    center: NodeRef
    nodes: list[NodeRef]
    edges: list[Step]
    truncated: bool


@dataclass
class TimelineItem(_Result):
    date: str
    node: NodeRef
    what: str                       # event kind or instrument kind
    links: list[NodeRef]            # who chaired/organised, what it concerns, who issued


@dataclass
class Post(_Result):
    """A post and its time span: the first and last dated source that states it."""

    person: NodeRef
    title: str
    agency: NodeRef | None
    as_of: str | None
    last_seen: str | None
    evidence: list[dict[str, Any]]
    support: int | None = None          # independent sources (copies of one text count once)
    sources: int = 0                    # sources in all
    confidence: float | None = None     # graph/weigh.py; None: not weighed
    reasons: list[list[Any]] = field(default_factory=list)
    former: bool = False                # printed as a former post ("nguyên Bộ trưởng")


@dataclass
class Side(_Result):
    """One side of a disagreement: a value or a fact, who states it, and their sentences."""

    value: Any
    support: int | None
    sources: list[NodeRef]
    evidence: list[dict[str, Any]]


@dataclass
class Dispute(_Result):
    """What the sources disagree about for one node: an attribute's values (``field``; the value
    the graph keeps first), or a link the rest of the graph contradicts (``field`` is the link's
    type; the contradicted link first, then what stands against it)."""

    field: str
    sides: list[Side]
    reasons: list[list[Any]]


@dataclass
class Career(_Result):
    person: NodeRef
    posts: list[Post]               # earliest first; undated posts last
    events: list[TimelineItem]


@dataclass
class AgencyProfile(_Result):
    agency: NodeRef
    parent: NodeRef | None
    units: list[NodeRef]
    leaders: list[Post]
    instruments: list[NodeRef]
    events: list[TimelineItem]


@dataclass
class Overview(_Result):
    nodes_by_type: dict[str, int]
    edges_by_type: dict[str, int]
    sources: int
    conflicts: int
    top_instruments: list[tuple[NodeRef, int]]
    top_agencies: list[tuple[NodeRef, int]]
    top_people: list[tuple[NodeRef, int]]


# -- helpers ----------------------------------------------------------------------------

def ref(g: nx.MultiDiGraph, node_id: str) -> NodeRef:
    d = g.nodes[node_id]
    return NodeRef(node_id, d.get("type", ""), d.get("label", node_id), d.get("label_en", ""),
                   _node_date(d))


def _node_date(d: dict[str, Any]) -> str | None:
    return d.get("issued") or d.get("date") or None


def _need(g: nx.MultiDiGraph, r: str, types: tuple[str, ...] | None = None) -> str:
    nid = resolve(g, r, types)
    if nid is None:
        raise NotFound(f"nothing in the graph matches {r!r}")
    return nid


def evidence(g: nx.MultiDiGraph, evs: list[dict[str, Any]], limit: int | None = None) -> list[dict[str, Any]]:
    """Evidence dicts with their source's node id, title and URL added, oldest source first."""
    out = []
    for e in evs[:limit] if limit else evs:
        sid = source_node_id(e["source_id"])
        sd = g.nodes[sid] if sid in g else {}
        out.append({**e, "source": sid, "title": sd.get("title") or sd.get("name"), "url": sd.get("url")})
    return out


WEIGHT_ATTRS = ("support", "confidence", "reasons")   # a weighed Step also has "sources" (how many in all)


def _step(g: nx.MultiDiGraph, u: str, v: str, data: dict[str, Any], ev_limit: int | None = None) -> Step:
    attrs = {k: data[k] for k in ("title", "as_of", "last_seen", *WEIGHT_ATTRS) if data.get(k) is not None}
    if "support" in attrs:
        attrs["sources"] = len(data.get("sources") or ())
    return Step(ref(g, u), data["type"], ref(g, v), evidence(g, data.get("evidence", []), ev_limit), attrs)


def date_span(d: str | None) -> tuple[str, str] | None:
    """("2019-01-01", "2019-12-31") for "2019"; None for dates without a year."""
    if not d or not d[:4].isdigit():
        return None
    if len(d) == 4:
        return f"{d}-01-01", f"{d}-12-31"
    if len(d) == 7:
        return f"{d}-01", f"{d}-31"
    return d[:10], d[:10]


def in_range(d: str | None, date_from: str | None, date_to: str | None) -> bool | None:
    """Whether a (partial) date overlaps [from, to]; None when the date has no year."""
    span = date_span(d)
    if span is None:
        return None
    lo = (date_span(date_from) or ("0000", ""))[0]
    hi = (date_span(date_to) or ("", "9999"))[1]
    return span[1] >= lo and span[0] <= hi


def _sort_date(d: str | None) -> tuple[int, str]:
    span = date_span(d)
    return (0, span[0]) if span else (1, d or "")


# -- nodes ------------------------------------------------------------------------------

def node(g: nx.MultiDiGraph, r: str, min_confidence: float | None = None) -> NodeDetail:
    """Everything about one node: attributes, links both ways with evidence, sources.

    ``min_confidence`` (here and in the queries below) leaves out facts weighed under it
    (graph/weigh.py); None shows everything."""
    nid = _need(g, r)
    d = g.nodes[nid]
    attrs = {k: v for k, v in d.items() if k not in ("claims", "ledger", "evidence")}
    attrs["evidence"] = evidence(g, d.get("evidence", []))
    outs = [_step(g, nid, v, data, 3) for _, v, data in g.out_edges(nid, data=True)
            if (data["type"] != "MENTIONS" or d.get("type") == "Source") and shown(data, min_confidence)]
    ins = [_step(g, u, nid, data, 3) for u, _, data in g.in_edges(nid, data=True)
           if data["type"] != "MENTIONS" and shown(data, min_confidence)]
    sources = [ref(g, source_node_id(s)) for s in d.get("sources", []) if source_node_id(s) in g]
    return NodeDetail(ref(g, nid), attrs, outs, ins, sources)


# -- lineage and status -----------------------------------------------------------------

def status(g: nx.MultiDiGraph, r: str) -> Status:
    """In force, amended, succeeded, replaced or repealed, from the links into the instrument."""
    nid = _need(g, r, ("Instrument",))
    return node_status(g, nid)


def node_status(g: nx.MultiDiGraph, nid: str) -> Status:
    """The status of the instrument with node id ``nid`` (``status`` for a reference a user typed)."""
    sch = load_schema()
    found: dict[str, list[Step]] = {}
    for u, _, data in g.in_edges(nid, data=True):
        st = sch.edges[data["type"]].status if data["type"] in sch.edges else None
        if st:
            found.setdefault(st, []).append(_step(g, u, nid, data, 2))
    state = next((s for s in sch.status_order if s in found), sch.status_default)
    labels = sch.status_labels.get(state, {})
    return Status(state, labels.get("vi", state), labels.get("en", state), found.get(state, []))


def lineage(g: nx.MultiDiGraph, r: str, max_depth: int = 10, min_confidence: float | None = None) -> Lineage:
    """Ancestors and descendants over lineage links, in date order, each link with evidence."""
    nid = _need(g, r, ("Instrument",))
    sch = load_schema()
    lin = set(sch.lineage_edges)
    rev = {n for n, e in sch.edges.items() if e.lineage_reversed}
    depth: dict[str, tuple[str, int]] = {nid: ("self", 0)}
    steps: list[Step] = []
    seen_edges: set[tuple[str, str, str]] = set()
    for role, forward in (("ancestor", True), ("descendant", False)):
        queue = deque([(nid, 0)])
        while queue:
            cur, dep = queue.popleft()
            if dep >= max_depth:
                continue
            # an ancestor is what a link points to (39 -SUCCEEDS-> 57), except over a reversed
            # link (a decision ISSUES its regulation: the decision is the regulation's ancestor)
            edges = [(u, v, k, d, v) for u, v, k, d in g.out_edges(cur, keys=True, data=True)
                     if forward != (d["type"] in rev)]
            edges += [(u, v, k, d, u) for u, v, k, d in g.in_edges(cur, keys=True, data=True)
                      if forward == (d["type"] in rev)]
            for u, v, k, data, nxt in edges:
                if data["type"] not in lin or (u, v, k) in seen_edges or not shown(data, min_confidence):
                    continue
                seen_edges.add((u, v, k))
                steps.append(_step(g, u, v, data))
                if nxt not in depth:
                    depth[nxt] = (role, dep + 1)
                    queue.append((nxt, dep + 1))
    order = _lineage_order(g, depth, seen_edges)
    items = [LineageItem(ref(g, n), depth[n][0], depth[n][1], node_status(g, n).state) for n in order]
    steps.sort(key=lambda s: (order.index(s.target.id), order.index(s.source.id)))
    return Lineage(ref(g, nid), items, steps, node_status(g, nid))


def _lineage_order(g: nx.MultiDiGraph, depth: dict[str, tuple[str, int]],
                   edges: set[tuple[str, str, str]]) -> list[str]:
    """Older first: a topological order of the links with issue dates breaking ties."""
    sch = load_schema()
    dag = nx.DiGraph()
    dag.add_nodes_from(depth)
    for u, v, k in edges:
        if u != v:
            et = sch.edges.get(g.edges[u, v, k]["type"])
            dag.add_edge(*((u, v) if et is not None and et.lineage_reversed else (v, u)))

    def key(n: str) -> tuple[int, str, int, str]:
        role, dep = depth[n]
        sd = _sort_date(g.nodes[n].get("issued"))
        return (sd[0], sd[1], -dep if role == "ancestor" else dep, n)

    try:
        return list(nx.lexicographical_topological_sort(dag, key=key))
    except nx.NetworkXUnfeasible:   # a cycle in the sources' claims: fall back to roles
        rank = {"ancestor": 0, "self": 1, "descendant": 2}
        return sorted(depth, key=lambda n: (rank[depth[n][0]],
                                            -depth[n][1] if depth[n][0] == "ancestor" else depth[n][1],
                                            key(n)))


def related(g: nx.MultiDiGraph, r: str, edge_type: str, direction: str = "out",
            min_confidence: float | None = None) -> list[Step]:
    """Links of one type from (``out``) or into (``in``) a node: "what implements 27-NQ/TW"."""
    nid = _need(g, r)
    if direction == "out":
        edges = [(nid, v, d) for _, v, d in g.out_edges(nid, data=True) if d["type"] == edge_type]
    else:
        edges = [(u, nid, d) for u, _, d in g.in_edges(nid, data=True) if d["type"] == edge_type]
    steps = [_step(g, u, v, d) for u, v, d in edges if shown(d, min_confidence)]
    steps.sort(key=lambda s: _sort_date((s.source if direction == "in" else s.target).date))
    return steps


# -- paths and neighbourhoods -------------------------------------------------------------

_UNDIRECTED: weakref.WeakKeyDictionary[nx.MultiDiGraph, tuple[int, nx.Graph]] = weakref.WeakKeyDictionary()


def _undirected(g: nx.MultiDiGraph) -> nx.Graph:
    """The content graph without sources or MENTIONS, undirected; cached per graph revision."""
    rev = g.graph.get("revision", 0)
    cached = _UNDIRECTED.get(g)
    if cached and cached[0] == rev:
        return cached[1]
    ug = nx.Graph()
    ug.add_nodes_from(n for n, d in g.nodes(data=True) if d.get("type") != "Source")
    ug.add_edges_from((u, v) for u, v, d in g.edges(data=True) if d["type"] != "MENTIONS")
    _UNDIRECTED[g] = (rev, ug)
    return ug


def _hop(g: nx.MultiDiGraph, a: str, b: str) -> Step:
    """The strongest stored edge between two adjacent nodes, in its stored direction."""
    cands = [(a, b, d) for d in (g.get_edge_data(a, b) or {}).values()]
    cands += [(b, a, d) for d in (g.get_edge_data(b, a) or {}).values()]
    cands = [c for c in cands if c[2]["type"] != "MENTIONS"] or cands
    cands.sort(key=lambda c: -len(c[2].get("evidence", [])))
    u, v, d = cands[0]
    return _step(g, u, v, d, 2)


def _bfs_path(adj: Any, a: str, b: str, max_hops: int, banned: set[str] | frozenset[str] = frozenset(),
              banned_edge: tuple[str, str] | None = None) -> list[str] | None:
    """A shortest path of at most ``max_hops`` links avoiding ``banned`` nodes (and one link)."""
    return bfs_path(lambda frontier: {x: adj[x] for x in frontier}, a, b, max_hops, banned, banned_edge)


def bfs_path(expand: Callable[[list[str]], Mapping[str, Iterable[str]]], a: str, b: str, max_hops: int,
             banned: set[str] | frozenset[str] = frozenset(),
             banned_edge: tuple[str, str] | None = None) -> list[str] | None:
    """The two-ended search behind both stores' paths; ``expand`` gives the neighbours of a
    frontier (a graph's adjacency here, one Cypher statement per level in the Neo4j store).

    Bidirectional and depth-bounded: it expands the smaller frontier, so a query between
    two nodes behind hubs stays in the milliseconds on a corpus-sized graph.
    """
    if a == b:
        return [a]
    pred: dict[str, str | None] = {a: None}
    succ: dict[str, str | None] = {b: None}
    front_a, front_b = [a], [b]
    hops = 0
    while front_a and front_b and hops < max_hops:
        hops += 1
        forward = len(front_a) <= len(front_b)
        frontier, seen, other = (front_a, pred, succ) if forward else (front_b, succ, pred)
        adj = expand(frontier)
        nxt: list[str] = []
        for x in frontier:
            for y in adj.get(x, ()):
                if y in seen or y in banned:
                    continue
                if banned_edge and {x, y} == set(banned_edge):
                    continue
                seen[y] = x
                if y in other:
                    return join_halves(pred, succ, y)
                nxt.append(y)
        if forward:
            front_a = nxt
        else:
            front_b = nxt
    return None


def join_halves(pred: dict[str, str | None], succ: dict[str, str | None], meet: str) -> list[str]:
    """The path of a search from both ends: back from ``meet`` to the start, then on to the end."""
    path: list[str] = []
    left: str | None = meet
    while left is not None:
        path.append(left)
        left = pred[left]
    path.reverse()
    right = succ[meet]
    while right is not None:
        path.append(right)
        right = succ[right]
    return path


def paths(g: nx.MultiDiGraph, a: str, b: str, k: int = 3, max_hops: int = 6) -> list[Path]:
    """The shortest path between two entities and up to ``k - 1`` alternatives, hops explained.

    Alternatives avoid, in turn, one node or one link of the shortest path (a light form of
    Yen's algorithm), shortest first; sources and MENTIONS links are never hops.
    """
    na, nb = _need(g, a), _need(g, b)
    ug = _undirected(g)
    if na not in ug or nb not in ug:
        return []
    adj = ug._adj
    first = _bfs_path(adj, na, nb, max_hops)
    if first is None:
        return []
    found = [first]
    if k > 1:
        cands: list[list[str]] = []
        for x in first[1:-1]:
            p = _bfs_path(adj, na, nb, max_hops, banned={x})
            if p:
                cands.append(p)
        for u, v in itertools.pairwise(first):
            p = _bfs_path(adj, na, nb, max_hops, banned_edge=(u, v))
            if p:
                cands.append(p)
        for p in sorted(cands, key=len):
            if p not in found:
                found.append(p)
            if len(found) >= k:
                break
    return [Path([ref(g, n) for n in p], [_hop(g, x, y) for x, y in itertools.pairwise(p)]) for p in found]


def _edge_dates(data: dict[str, Any]) -> list[str]:
    return [e["date"] for e in data.get("evidence", []) if e.get("date")]


def neighbourhood(g: nx.MultiDiGraph, r: str, depth: int = 1,
                  node_types: tuple[str, ...] | list[str] | None = None,
                  edge_types: tuple[str, ...] | list[str] | None = None,
                  date_from: str | None = None, date_to: str | None = None,
                  limit: int = 300, min_confidence: float | None = None) -> Subgraph:
    """Nodes within ``depth`` links of a node (either direction), filtered by type and date.

    Sources and MENTIONS links are left out unless asked for (or the centre is a source);
    with a date range, dated nodes and links outside it are dropped, undated ones kept.
    """
    center = _need(g, r)
    is_source = g.nodes[center].get("type") == "Source"
    ntypes = set(node_types or (CONTENT_TYPES + (("Source",) if is_source else ())))
    etypes = set(edge_types) if edge_types else None
    dated = date_from is not None or date_to is not None

    def edge_ok(data: dict[str, Any]) -> bool:
        if etypes is not None and data["type"] not in etypes:
            return False
        if etypes is None and data["type"] == "MENTIONS" and not is_source:
            return False
        if not shown(data, min_confidence):
            return False
        if dated:
            ds = _edge_dates(data)
            if ds and not any(in_range(x, date_from, date_to) is not False for x in ds):
                return False
        return True

    def node_ok(n: str) -> bool:
        d = g.nodes[n]
        if d.get("type") not in ntypes:
            return False
        return not (dated and in_range(_node_date(d), date_from, date_to) is False)

    seen = {center: 0}
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    queue = deque([center])
    truncated = False
    while queue:
        cur = queue.popleft()
        if seen[cur] >= depth:
            continue
        for u, v, k, data in itertools.chain(g.out_edges(cur, keys=True, data=True),
                                             g.in_edges(cur, keys=True, data=True)):
            other = v if u == cur else u
            if not edge_ok(data) or not node_ok(other):
                continue
            if other not in seen:
                if len(seen) >= limit:
                    truncated = True
                    continue
                seen[other] = seen[cur] + 1
                queue.append(other)
            edges[(u, v, k)] = data
    # links between nodes both kept (found from either end) complete the picture
    steps = [_step(g, u, v, d, 2) for (u, v, _), d in edges.items() if u in seen and v in seen]
    return Subgraph(ref(g, center), [ref(g, n) for n in seen], steps, truncated)


# -- time -------------------------------------------------------------------------------

def _links(g: nx.MultiDiGraph, nid: str) -> list[NodeRef]:
    wanted = {"CHAIRED", "ORGANIZED", "CONCERNS", "ISSUED_BY", "SIGNED"}
    out = [ref(g, u) for u, _, d in g.in_edges(nid, data=True) if d["type"] in wanted]
    out += [ref(g, v) for _, v, d in g.out_edges(nid, data=True) if d["type"] in wanted]
    return out


def _timeline_item(g: nx.MultiDiGraph, nid: str) -> TimelineItem | None:
    d = g.nodes[nid]
    date = _node_date(d)
    if not date:
        return None
    what = d.get("kind") or ""
    if d.get("type") == "Instrument":
        what = load_schema().kind_label(what or "other", "en").lower()
    return TimelineItem(date, ref(g, nid), what, _links(g, nid))


_DATED: weakref.WeakKeyDictionary[nx.MultiDiGraph, tuple[int, list[tuple[tuple[int, str], str, str]]]] = \
    weakref.WeakKeyDictionary()


def _dated(g: nx.MultiDiGraph) -> list[tuple[tuple[int, str], str, str]]:
    """(sort key, node id, type) of every dated node in timeline order; cached per graph revision.

    Why: an unfiltered timeline of a corpus graph would otherwise visit every node and build
    an item for each of thousands of dated ones only to keep the first ``limit``.
    """
    rev = g.graph.get("revision", 0)
    cached = _DATED.get(g)
    if cached and cached[0] == rev:
        return cached[1]
    rows = [(_sort_date(date), n, d.get("type", "")) for n, d in g.nodes(data=True)
            if (date := _node_date(d))]
    rows.sort()
    _DATED[g] = (rev, rows)
    return rows


def timeline(g: nx.MultiDiGraph, node_types: tuple[str, ...] | list[str] = ("Event", "Instrument"),
             date_from: str | None = None, date_to: str | None = None,
             involving: str | None = None, limit: int = 200) -> list[TimelineItem]:
    """Dated events and instruments in date order; ``involving`` keeps those linked to a node.

    Events whose year is unknown ("--08-08") come last and never pass a date filter.
    """
    if involving:
        center = _need(g, involving)
        pool = {center, *g.successors(center), *g.predecessors(center)}
        rows = sorted((_sort_date(date), n, d.get("type", "")) for n in pool
                      for d in [g.nodes[n]] if (date := _node_date(d)))
    else:
        rows = _dated(g)
    items: list[TimelineItem] = []
    for _, n, t in rows:
        if len(items) >= limit:
            break
        if t not in node_types:
            continue
        if (date_from or date_to) and not in_range(_node_date(g.nodes[n]), date_from, date_to):
            continue
        item = _timeline_item(g, n)
        if item is not None:
            items.append(item)
    return items


# -- disagreements ----------------------------------------------------------------------



def _side_of_edge(g: nx.MultiDiGraph, u: str, v: str, d: dict[str, Any]) -> Side:
    title = d.get("title")
    value = f"{title} — {ref(g, v).label}" if title else f"{d['type']} {ref(g, v).label}"
    return Side(value, d.get("support"), [ref(g, source_node_id(s)) for s in d.get("sources", [])[:10]
                                          if source_node_id(s) in g], evidence(g, d.get("evidence", []), 3))


def disputed(g: nx.MultiDiGraph, r: str) -> list[Dispute]:
    """What sources disagree about a node, side by side with their sentences: attribute values
    (an instrument's date, issuer ...), and posts or parents that other facts contradict."""
    nid = _need(g, r)
    d = g.nodes[nid]
    out: list[Dispute] = []
    for f, entries in (d.get("conflicts") or {}).items():
        sides = []
        for e in entries:
            mine = set(e.get("sources") or ())
            evs = [x for x in d.get("evidence", []) if x.get("source_id") in mine][:3]
            sides.append(Side(e.get("value"), len(mine), [ref(g, source_node_id(s)) for s in sorted(mine)[:10]
                                                          if source_node_id(s) in g], evidence(g, evs)))
        out.append(Dispute(f, sides, list((d.get("field_reasons") or {}).get(f, []))))
    for u, v, data in itertools.chain(g.out_edges(nid, data=True), g.in_edges(nid, data=True)):
        against = [x for x in data.get("reasons") or () if x and x[0] in CONTRADICTIONS]
        if not against:
            continue
        sides = [_side_of_edge(g, u, v, data)]
        for x in against:
            if x[0] in OTHER_POST and len(x) >= 6 and g.has_edge(u, x[4], x[5]):
                sides.append(_side_of_edge(g, u, x[4], g.edges[u, x[4], x[5]]))
            elif x[0] == "sole" and len(x) >= 8 and g.has_edge(x[5], x[6], x[7]):
                side = _side_of_edge(g, x[5], x[6], g.edges[x[5], x[6], x[7]])
                side.value = f"{ref(g, x[5]).label}: {side.value}"
                sides.append(side)
            elif x[0] == "registry_parent":
                sides.append(Side(f"{data['type']} {x[1]}", None, [], []))
        out.append(Dispute(data["type"], sides, against))
    return out


# -- people and agencies -----------------------------------------------------------------

def _post(g: nx.MultiDiGraph, u: str, v: str, d: dict[str, Any], ev_limit: int | None = None) -> Post:
    return Post(ref(g, u), d.get("title", ""), ref(g, v), d.get("as_of"), d.get("last_seen"),
                evidence(g, d.get("evidence", []), ev_limit), d.get("support"), len(d.get("sources") or ()),
                d.get("confidence"), list(d.get("reasons") or ()), bool(d.get("former")))


def _posts_of(g: nx.MultiDiGraph, pid: str, min_confidence: float | None = None) -> list[Post]:
    person = ref(g, pid)
    posts = [_post(g, pid, v, d) for _, v, d in g.out_edges(pid, data=True)
             if d["type"] == "HOLDS_POSITION" and shown(d, min_confidence)]
    for p in g.nodes[pid].get("posts") or []:
        ev = [{"source_id": p.get("source_id"), "sentence": None, "start": None, "end": None,
               "date": p.get("as_of")}] if p.get("source_id") else []
        posts.append(Post(person, p.get("title", ""), None, p.get("as_of"), p.get("as_of"), evidence(g, ev),
                          sources=1, former=bool(p.get("former"))))
    posts.sort(key=lambda p: (_sort_date(p.as_of), p.title))
    return posts


def career(g: nx.MultiDiGraph, r: str, min_confidence: float | None = None) -> Career:
    """A person's posts as time spans in date order (each with its sources; undated posts last,
    former posts marked) and the events they took part in."""
    pid = _need(g, r, ("Person",))
    return Career(ref(g, pid), _posts_of(g, pid, min_confidence), timeline(g, ("Event",), involving=pid))


def holders(g: nx.MultiDiGraph, agency_ref: str, title: str | None = None,
            min_confidence: float | None = None) -> list[Post]:
    """Who holds (or held) posts at an agency, optionally one title ("Thứ trưởng"), latest first."""
    aid = _need(g, agency_ref, ("Agency",))
    want = fold(normalize(title)) if title else None
    out: list[Post] = []
    for u, _, d in g.in_edges(aid, data=True):
        if d["type"] != "HOLDS_POSITION" or not shown(d, min_confidence):
            continue
        if want is not None and fold(d.get("title", "")) != want:
            continue
        out.append(_post(g, u, aid, d, 3))
    out.sort(key=lambda p: (p.title, p.person.label))
    out.sort(key=lambda p: _sort_date(p.last_seen)[1] if date_span(p.last_seen) else "", reverse=True)
    return out


def agency(g: nx.MultiDiGraph, r: str, min_confidence: float | None = None) -> AgencyProfile:
    """An agency's parent, units, office holders, instruments issued and events organised."""
    aid = _need(g, r, ("Agency",))
    parent = next((ref(g, v) for _, v, d in g.out_edges(aid, data=True)
                   if d["type"] == "PART_OF" and shown(d, min_confidence)), None)
    units = sorted((ref(g, u) for u, _, d in g.in_edges(aid, data=True)
                    if d["type"] == "PART_OF" and shown(d, min_confidence)), key=lambda n: fold(n.label))
    insts = sorted((ref(g, u) for u, _, d in g.in_edges(aid, data=True)
                    if d["type"] == "ISSUED_BY" and shown(d, min_confidence)),
                   key=lambda n: (_sort_date(n.date), n.id))
    events = [i for v in g.successors(aid) if g.nodes[v].get("type") == "Event"
              for i in [_timeline_item(g, v)] if i is not None]
    events.sort(key=lambda i: (_sort_date(i.date), i.node.id))
    return AgencyProfile(ref(g, aid), parent, units, holders(g, aid, min_confidence=min_confidence), insts, events)


# -- figures ----------------------------------------------------------------------------

def overview(g: nx.MultiDiGraph, top: int = 10) -> Overview:
    """Counts by type and the most linked instruments, agencies and people (MENTIONS not counted)."""
    by_type = Counter(d.get("type", "?") for _, d in g.nodes(data=True))
    e_by_type: Counter[str] = Counter()
    degree: Counter[str] = Counter()
    for u, v, d in g.edges(data=True):
        e_by_type[d["type"]] += 1
        if d["type"] != "MENTIONS":
            degree[u] += 1
            degree[v] += 1
    conflicts = sum(1 for _, d in g.nodes(data=True) if d.get("conflicts"))

    def top_of(t: str) -> list[tuple[NodeRef, int]]:
        ranked = sorted((n for n in degree if g.nodes[n].get("type") == t), key=lambda n: (-degree[n], n))
        return [(ref(g, n), degree[n]) for n in ranked[:top]]

    return Overview(dict(sorted(by_type.items())), dict(sorted(e_by_type.items())), by_type.get("Source", 0),
                    conflicts, top_of("Instrument"), top_of("Agency"), top_of("Person"))
