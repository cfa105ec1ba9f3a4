"""An edge insertion order that rebuilds networkx's adjacency order, for the Neo4j copy.

Why: networkx lists a node's successors and predecessors in the order each node pair was first
linked; queries keep that order where they do not sort, so the copy in Neo4j numbers its edges
to give the same lists (the graph file keeps the order its own way, graph/graphfile.py).
"""

from __future__ import annotations

import heapq
import itertools

import networkx as nx

Order = tuple[int, int]     # (seq, slot) of an edge
EdgeKey = tuple[str, str, str]


def edge_order(g: nx.MultiDiGraph) -> dict[EdgeKey, Order]:
    """An insertion order of ``g``'s edges that rebuilds its adjacency order: ``(seq, slot)``.

    Why: networkx lists a node's links in the order their node pair was first linked (the
    pair's "slot"), then by key; the queries' results keep that order where they do not sort.
    Each node's successor and predecessor lists constrain the slots' order; a topological
    order of those constraints (which always exists for a graph built by adding and
    removing edges) numbered edge by edge gives ``seq``; ``slot`` is the seq of the pair's
    first edge.  Edges added later take the next numbers, so sorting by ``(slot, seq)``
    gives networkx's order on both stores.
    """
    rank: dict[tuple[str, str], int] = {}
    for u, v in g.edges():
        rank.setdefault((u, v), len(rank))
    after: dict[tuple[str, str], list[tuple[str, str]]] = {p: [] for p in rank}
    indeg = dict.fromkeys(rank, 0)
    for n in g.nodes:
        for seqs in ([(n, v) for v in g.succ[n]], [(u, n) for u in g.pred[n]]):
            for a, b in itertools.pairwise(seqs):
                after[a].append(b)
                indeg[b] += 1
    heap = [(rank[p], p) for p, d in indeg.items() if d == 0]
    heapq.heapify(heap)
    ordered: list[tuple[str, str]] = []
    while heap:
        _, p = heapq.heappop(heap)
        ordered.append(p)
        for q in after[p]:
            indeg[q] -= 1
            if indeg[q] == 0:
                heapq.heappush(heap, (rank[q], q))
    if len(ordered) < len(rank):        # not from an add/remove history: keep edge order for the rest
        done = set(ordered)
        ordered += [p for p in rank if p not in done]
    out: dict[EdgeKey, Order] = {}
    for u, v in ordered:
        slot = len(out) + 1
        for k in g.succ[u][v]:
            out[(u, v, k)] = (len(out) + 1, slot)
    return out
