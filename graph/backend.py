"""The queries of graph.queries for either store: ``backend.lineage(g, "Directive 39")`` runs
the networkx code when ``g`` is a ``networkx.MultiDiGraph`` and the Cypher one when ``g`` is a
Neo4j graph (``Neo4jStore.graph``).  Same signatures, same result types, re-exported here, so
the app, the CLI and graph.ask switch backend by configuration alone.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import networkx as nx

from graph import index as _index
from graph import queries as _q
from graph.index import Hit
from graph.queries import (
    CONTENT_TYPES,
    AgencyProfile,
    Career,
    Dispute,
    Lineage,
    LineageItem,
    NodeDetail,
    NodeRef,
    NotFound,
    Overview,
    Path,
    Post,
    Side,
    Status,
    Step,
    Subgraph,
    TimelineItem,
    date_span,
    in_range,
)

__all__ = [
    "CONTENT_TYPES", "AgencyProfile", "Career", "Dispute", "Hit", "Side", "document", "Lineage", "LineageItem", "NodeDetail", "NodeRef", "NotFound",
    "Overview", "Path", "Post", "Status", "Step", "Subgraph", "TimelineItem", "agency", "career", "date_span",
    "disputed", "holders", "in_range", "is_remote", "lineage", "neighbourhood", "node", "overview", "paths", "ref", "related",
    "resolve", "search", "status", "timeline",
]


def is_remote(g: Any) -> bool:
    """Whether ``g`` is a server-backed graph (queried in Cypher) rather than networkx."""
    return not isinstance(g, nx.MultiDiGraph) and bool(getattr(g, "remote", False))


def search(g: Any, query: str, types: tuple[str, ...] | list[str] | None = None, limit: int = 10) -> list[Hit]:
    return g.search(query, types, limit) if is_remote(g) else _index.search(g, query, types, limit)


def resolve(g: Any, ref: str, types: tuple[str, ...] | list[str] | None = None) -> str | None:
    return g.resolve(ref, types) if is_remote(g) else _index.resolve(g, ref, types)


def ref(g: Any, node_id: str) -> NodeRef:
    return g.ref(node_id) if is_remote(g) else _q.ref(g, node_id)


# Below, ``min_confidence`` leaves out facts weighed under it (graph/weigh.py; None: everything).
# The Neo4j store runs the same functions over the subgraph it fetches.

def node(g: Any, r: str, min_confidence: float | None = None) -> NodeDetail:
    return g.node(r, min_confidence) if is_remote(g) else _q.node(g, r, min_confidence)


def disputed(g: Any, r: str) -> list[Dispute]:
    """What sources disagree about a node (graph.queries.disputed), on either store."""
    return g.disputed(r) if is_remote(g) else _q.disputed(g, r)


def document(g: Any, r: str) -> Any:
    """graph.document.document on either store (an instrument's document page)."""
    from graph.document import document as _document

    return g.document(r) if is_remote(g) else _document(g, r)


def status(g: Any, r: str) -> Status:
    return g.status(r) if is_remote(g) else _q.status(g, r)


def lineage(g: Any, r: str, max_depth: int = 10, min_confidence: float | None = None) -> Lineage:
    return g.lineage(r, max_depth, min_confidence) if is_remote(g) else _q.lineage(g, r, max_depth, min_confidence)


def related(g: Any, r: str, edge_type: str, direction: str = "out", min_confidence: float | None = None) -> list[Step]:
    f = g.related if is_remote(g) else partial(_q.related, g)
    return f(r, edge_type, direction, min_confidence)


def paths(g: Any, a: str, b: str, k: int = 3, max_hops: int = 6) -> list[Path]:
    return g.paths(a, b, k, max_hops) if is_remote(g) else _q.paths(g, a, b, k, max_hops)


def neighbourhood(g: Any, r: str, depth: int = 1, node_types: tuple[str, ...] | list[str] | None = None,
                  edge_types: tuple[str, ...] | list[str] | None = None, date_from: str | None = None,
                  date_to: str | None = None, limit: int = 300, min_confidence: float | None = None) -> Subgraph:
    f = g.neighbourhood if is_remote(g) else partial(_q.neighbourhood, g)
    return f(r, depth=depth, node_types=node_types, edge_types=edge_types, date_from=date_from,
             date_to=date_to, limit=limit, min_confidence=min_confidence)


def timeline(g: Any, node_types: tuple[str, ...] | list[str] = ("Event", "Instrument"), date_from: str | None = None,
             date_to: str | None = None, involving: str | None = None, limit: int = 200) -> list[TimelineItem]:
    f = g.timeline if is_remote(g) else lambda **k: _q.timeline(g, **k)
    return f(node_types=node_types, date_from=date_from, date_to=date_to,
             involving=involving, limit=limit)


def career(g: Any, r: str, min_confidence: float | None = None) -> Career:
    return g.career(r, min_confidence) if is_remote(g) else _q.career(g, r, min_confidence)


def holders(g: Any, agency: str, title: str | None = None, min_confidence: float | None = None) -> list[Post]:
    f = g.holders if is_remote(g) else partial(_q.holders, g)
    return f(agency, title, min_confidence)


def agency(g: Any, r: str, min_confidence: float | None = None) -> AgencyProfile:
    return g.agency(r, min_confidence) if is_remote(g) else _q.agency(g, r, min_confidence)


def overview(g: Any, top: int = 10) -> Overview:
    return g.overview(top) if is_remote(g) else _q.overview(g, top)
