"""The explorer on the Neo4j backend, through Streamlit's AppTest, without a Neo4j server.

``Neo4jStore.connect`` is replaced by a store on FalkorDB (tests/falkordb_server.py) holding the
graph the app built from the seeds, so the app's own code path for Neo4j runs: backend chosen by
configuration (``NEO4J_URI`` set, ``backend`` in the URL from the sidebar switch), every view
through graph.backend, and the read-only Cypher panel, which only the Neo4j backend offers.
What users see must not change: each view's text is the same on both backends.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from falkordb_server import FalkorServer
from streamlit.testing.v1 import AppTest
from test_app import APP, TIMEOUT, texts

from graph import neo4j_store
from graph.neo4j_store import Neo4jStore
from graph.store import NxStore


@pytest.fixture(scope="module")
def app_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Neo4jStore]:
    graph_file = tmp_path_factory.mktemp("graph") / "graph.kg"
    mp = pytest.MonkeyPatch()
    mp.setenv("KG_GRAPH", str(graph_file))
    mp.delenv("GRAPH_BACKEND", raising=False)
    mp.setenv("NEO4J_URI", "bolt://neo4j.invalid:7687")     # configured; connect() is replaced below
    st.cache_resource.clear()
    st.cache_data.clear()
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["backend"] = "networkx"
    at.run()                                                # builds the seeds graph, as a first start does
    assert not at.exception and graph_file.exists()
    server = FalkorServer().start()
    store = Neo4jStore(server.runner("app"))
    store.push(NxStore.load(graph_file))
    mp.setattr(neo4j_store.Neo4jStore, "connect", classmethod(lambda cls, config=None: store))
    try:
        yield store
    finally:
        mp.undo()
        st.cache_resource.clear()
        st.cache_data.clear()
        server.stop()


def run(backend: str, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params.update({"backend": backend, **params})
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("params", [
    {}, {"lang": "en"},
    {"view": "entity", "id": "instrument/39-CT/TW"}, {"view": "entity", "id": "agency/bo-noi-vu"},
    {"view": "entity", "id": "person/đặng-hoàng-oanh", "lang": "en"}, {"view": "entity", "id": "nowhere"},
    {"view": "lineage", "id": "instrument/39-CT/TW"}, {"view": "lineage", "id": "person/đặng-hoàng-oanh"},
    {"view": "network", "id": "instrument/39-CT/TW", "depth": "2"},
    {"view": "path", "a": "person/đặng-hoàng-oanh", "b": "instrument/39-CT/TW"},
    {"view": "timeline"}, {"view": "timeline", "years": "2009-2010"},
    {"view": "timeline", "involving": "agency/bo-noi-vu"},
    {"view": "career", "id": "person/đặng-hoàng-oanh"}, {"view": "agency", "id": "agency/bo-noi-vu"},
    {"view": "ask", "q": "what implements 27-NQ/TW"}, {"view": "ask", "q": "who is Thứ trưởng Bộ Nội vụ"},
])
def test_every_view_shows_the_same_on_both_backends(app_env: Neo4jStore, params: dict[str, str]) -> None:
    local, remote = run("networkx", **params), run("neo4j", **params)
    assert texts(remote) == texts(local)
    assert [m.value for m in remote.metric] == [m.value for m in local.metric]


def test_the_sidebar_switches_backend_and_the_cypher_view_is_neo4j_only(app_env: Neo4jStore) -> None:
    at = run("networkx", lang="en")
    assert "Cypher" not in at.sidebar.radio(key="w_view").options
    at.sidebar.radio(key="w_backend").set_value("neo4j").run()
    assert at.query_params["backend"] == "neo4j"
    assert "Cypher" in at.sidebar.radio(key="w_view").options
    stale = run("networkx", view="cypher")
    assert stale.sidebar.radio(key="w_view").value == "overview"


def test_cypher_panel_runs_reads_and_refuses_writes(app_env: Neo4jStore) -> None:
    before = app_env.graph.number_of_nodes()
    at = run("neo4j", view="cypher", lang="en")
    assert at.header[0].value == "Cypher"
    assert "Read-only queries on falkordb:app" in texts(at)
    at.text_area(key="cypher_text").input("MATCH (n:Person) RETURN n.label AS person ORDER BY person").run()
    at.button(key="cypher_run").click().run()
    assert not at.error
    frame = at.dataframe[0].value
    assert list(frame.columns) == ["person"] and "Đặng Hoàng Oanh" in set(frame["person"])
    for statement in ("MATCH (n) DETACH DELETE n", "CREATE (n:Node {id: 'x'}) RETURN n",
                      "MATCH (n:Node) SET n.label = 'x' RETURN n", "CALL db.createLabel('X')"):
        at.text_area(key="cypher_text").input(statement).run()
        at.button(key="cypher_run").click().run()
        assert at.error and "read-only" in at.error[0].value, statement
        assert "the statement was not run" in at.error[0].value
    at.text_area(key="cypher_text").input("MATCH (n) RETURN n.nope(").run()
    at.button(key="cypher_run").click().run()
    assert at.error and "error" in at.error[0].value.lower()
    at.button(key="cy_EXAMPLE_POSTS").click().run()
    at.button(key="cypher_run").click().run()
    assert not at.error and list(at.dataframe[0].value.columns) == ["person", "title", "agency", "as_of"]
    assert app_env.graph.number_of_nodes() == before


def test_neo4j_selected_without_a_server_says_what_to_set(app_env: Neo4jStore, monkeypatch: pytest.MonkeyPatch,
                                                          tmp_path: Path) -> None:
    monkeypatch.delenv("NEO4J_URI")
    monkeypatch.setenv("GRAPH_BACKEND", "neo4j")
    monkeypatch.chdir(tmp_path)            # no .streamlit/secrets.toml here either
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["lang"] = "en"
    at.run()
    assert at.error and "NEO4J_URI" in at.error[0].value
    at.button(key="use_networkx").click().run()
    assert at.query_params["backend"] == "networkx" and not at.error and at.metric
