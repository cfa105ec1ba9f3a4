"""The Neo4j backend against a live Neo4j server: the same answers as networkx on the seeds.

Runs when ``NEO4J_URI`` is set (with ``NEO4J_USER``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE`` as
needed); skipped otherwise, saying so.  It replaces the graph in that database, so it refuses a
database that holds anything but this project's graph: use a scratch server or database
(README, "Neo4j").  Unlike the FalkorDB suite, this runs Neo4j's own statements: the schema
(constraints, indexes, the full-text index), full-text search, ``shortestPath`` paths,
managed transactions and READ_ACCESS sessions.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from backend_compare import (
    compare_instruments,
    compare_neighbourhoods,
    compare_nodes,
    compare_paths,
    compare_people_agencies,
    compare_search,
    compare_timelines,
    nodes_of,
)
from graph_fixtures import SEEDS
from test_neo4j_falkordb import HOSTILE, WIDE, comparable, manifest

from graph import backend as B
from graph.ingest import build
from graph.neo4j_store import Neo4jStore, ReadOnlyRefused
from graph.store import NxStore

pytestmark = pytest.mark.skipif(
    not os.environ.get("NEO4J_URI"),
    reason="live Neo4j suite: NEO4J_URI is not set (set NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and, if needed, "
           "NEO4J_DATABASE to a scratch database; see README, Neo4j)")


@pytest.fixture(scope="module")
def server() -> Iterator[Neo4jStore]:
    store = Neo4jStore.connect()
    others = store.read_only_query("MATCH (n) WHERE NOT (n:Node OR n:Manifest OR n:Meta) RETURN count(n) AS c")
    if others.rows and others.rows[0][0]:
        store.close()
        pytest.skip(f"{store.where} holds {others.rows[0][0]} nodes that are not this project's graph; "
                    "the live suite replaces the graph, so point NEO4J_URI/NEO4J_DATABASE at a scratch database")
    store.wipe()
    try:
        yield store
    finally:
        store.close()


def _built(paths: list[str]) -> NxStore:
    store = NxStore()
    summary = build(store, paths, workers=1, progress=False)
    assert summary.sources and not summary.failed, summary.lines()
    return store


@pytest.fixture(scope="module")
def seeds() -> NxStore:
    return _built([str(SEEDS)])


@pytest.fixture(scope="module")
def pushed(server: Neo4jStore, seeds: NxStore) -> Neo4jStore:
    server.push(seeds)
    return server


def test_schema_is_set_up(pushed: Neo4jStore) -> None:
    constraints = pushed.read_only_query("SHOW CONSTRAINTS YIELD name RETURN name")
    assert {"kg_node_id", "kg_manifest_id", "kg_meta_id"} <= {r[0] for r in constraints.rows}
    indexes = pushed.read_only_query("SHOW INDEXES YIELD name, type RETURN name, type")
    found = {r[0]: r[1] for r in indexes.rows}
    assert found.get("kg_node_search") == "FULLTEXT"
    assert {"kg_node_type", "kg_node_lead", "kg_node_date", "kg_manifest_hash"} <= set(found)


def test_push_is_an_exact_copy_and_idempotent(pushed: Neo4jStore, seeds: NxStore) -> None:
    assert comparable(pushed.to_networkx().graph) == comparable(seeds.graph)
    assert manifest(pushed) == manifest(seeds)
    again = pushed.push(seeds)
    assert (again.deleted_nodes, again.deleted_edges, again.deleted_sources) == (0, 0, 0)
    assert pushed.graph.number_of_nodes() == seeds.graph.number_of_nodes()
    assert pushed.graph.number_of_edges() == seeds.graph.number_of_edges()


def test_same_answers_as_networkx(pushed: Neo4jStore, seeds: NxStore) -> None:
    g, r = seeds.graph, pushed.graph
    for m in (compare_search(g, r), compare_nodes(g, r), compare_instruments(g, r), compare_people_agencies(g, r),
              compare_timelines(g, r), compare_neighbourhoods(g, r, every=2)):
        m.assert_none()
    ends = nodes_of(g, "Person")[::3] + nodes_of(g, "Instrument")[::4] + nodes_of(g, "Agency")[::6]
    compare_paths(g, r, ends).assert_none()


def test_hostile_text_changes_nothing(pushed: Neo4jStore, seeds: NxStore) -> None:
    before = comparable(pushed.to_networkx().graph)
    r = pushed.graph
    for text in HOSTILE:
        assert B.search(r, text) == B.search(seeds.graph, text)
        with pytest.raises(B.NotFound):
            B.lineage(r, text)
        assert B.holders(r, "Bộ Nội vụ", text) == []
        assert B.timeline(r, node_types=[text], date_from=text) == []
    assert comparable(pushed.to_networkx().graph) == before


def test_panel_sessions_are_read_only_on_the_server(pushed: Neo4jStore) -> None:
    assert pushed.read_only_query("MATCH (n:Person) RETURN count(n) AS people").rows[0][0] > 0
    with pytest.raises(ReadOnlyRefused):
        pushed.read_only_query("CREATE (n:Pwned) RETURN n")
    with pytest.raises(Exception, match="(?i)read|access mode|not allowed"):
        pushed.runner.read_only_query("CREATE (n:Pwned) RETURN n", 10, 10)
    assert pushed.read_only_query("MATCH (n:Pwned) RETURN count(n) AS c").rows[0][0] == 0


def test_build_straight_into_neo4j_equals_the_embedded_build(server: Neo4jStore, tmp_path: Path) -> None:
    server.wipe()
    local = _built(WIDE)
    summary = build(server, WIDE, workers=1, progress=False)
    assert summary.added == len(local.sources())
    assert comparable(server.to_networkx().graph) == comparable(local.graph)
    assert build(server, WIDE, workers=1, progress=False).unchanged == summary.sources
    for sid in sorted(local.sources())[::4]:
        assert server.remove_source(sid) == local.remove_source(sid)
    assert comparable(server.to_networkx().graph) == comparable(local.graph)
    assert manifest(server) == manifest(local)


def test_concurrent_writers_do_not_lose_claims(server: Neo4jStore) -> None:
    """Two writers adding sources that share nodes at once end as one writer adding them in turn."""
    from graph_fixtures import all_fixtures

    server.wipe()
    fixtures = all_fixtures()
    stores = [Neo4jStore.connect(), Neo4jStore.connect()]
    try:
        threads = [threading.Thread(target=lambda s=s, part=fixtures[i::2]: [s.add_extraction(x) for x in part])
                   for i, s in enumerate(stores)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        for s in stores:
            s.close()
    ours = server.to_networkx().graph
    for n, d in ours.nodes(data=True):
        assert sorted(d["sources"]) == sorted(d["claims"]), n
    local = NxStore()
    for ex in fixtures:
        local.add_extraction(ex)
    assert set(ours.nodes) == set(local.graph.nodes)
    assert set(ours.edges(keys=True)) == set(local.graph.edges(keys=True))
    for n, d in local.graph.nodes(data=True):
        assert sorted(ours.nodes[n]["sources"]) == sorted(d["sources"]), n
