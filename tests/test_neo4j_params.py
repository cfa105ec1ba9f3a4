"""User text reaches Neo4j only as parameters: checked with a recording session (no server).

A fake driver stands in for ``neo4j.GraphDatabase.driver``: its sessions record the access mode,
each statement and its parameters, and answer from a few canned rows so that queries get past
resolving their subject.  Every query and write runs with injection attempts in every argument a
user controls; every statement sent must be one of graph/cypher.py's constants, unchanged, with
exactly its declared parameters, and the hostile text must appear only inside the parameters.
The read-only panel's refusal logic is tested here too.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import suppress
from typing import Any

import neo4j
import pytest
from graph_fixtures import directive_39_survey, ev, source

from graph import backend as B
from graph import cypher as C
from graph.ask import ask
from graph.neo4j_store import Neo4jRunner, Neo4jStore, ReadOnlyRefused, refuse_writes
from loaders.model import Agency, Extraction, Instrument, Person, Position

HOSTILE = ("x' }) DETACH DELETE n //", "\"}) MATCH (n) DETACH DELETE n RETURN 1 //",
           "1}]->() CREATE (:Pwned) WITH 1 AS x MATCH (n) RETURN n //", "`) DETACH DELETE n //", "$ids}) DETACH DELETE n //",
           "') CALL dbms.killQueries([]) //")
TEXTS = {s.text: s for s in C.ALL.values()}
KNOWN = {
    "instrument/39-CT/TW": {"id": "instrument/39-CT/TW", "type": "Instrument", "label": "Chỉ thị 39-CT/TW",
                            "label_en": "Directive 39-CT/TW", "number": "39-CT/TW", "kind": "directive",
                            "issued": "2009-12-09"},
    "agency/bo-noi-vu": {"id": "agency/bo-noi-vu", "type": "Agency", "label": "Bộ Nội vụ",
                         "label_en": "Ministry of Home Affairs", "name": "Bộ Nội vụ"},
    "person/đặng-hoàng-oanh": {"id": "person/đặng-hoàng-oanh", "type": "Person", "label": "Đặng Hoàng Oanh",
                               "label_en": "Đặng Hoàng Oanh", "name": "Đặng Hoàng Oanh"},
}


class Record:
    def __init__(self, row: dict[str, Any]) -> None:
        self._row = row

    def data(self) -> dict[str, Any]:
        return dict(self._row)

    def values(self) -> list[Any]:
        return list(self._row.values())


class Result:
    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self._rows = rows

    def __iter__(self) -> Iterator[Record]:
        return iter(Record(r) for r in self._rows)

    def keys(self) -> list[str]:
        return list(self._rows[0]) if self._rows else []


def answer(text: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    """Canned rows: the known nodes when asked for by id, empty answers otherwise."""
    st = TEXTS.get(text)
    if st is None:
        return [{"n": 1}]
    ids = [i for i in params.get("ids") or [] if i in KNOWN]
    if st.name in ("NODES_LIGHT", "NODES_DATA"):
        return [{"id": i, "props": KNOWN[i]} for i in ids]
    if st.name == "SEARCH_IDS":
        return [{"id": i, "props": KNOWN[i], "degree": 3} for i in ids]
    if st.name in ("META_BUMP",):
        return [{"revision": 2, "seq": 10}]
    if st.name == "META_REVISION":
        return [{"revision": 2}]
    if st.name in ("COUNT_NODES", "COUNT_EDGES"):
        return [{"n": 3}]
    if st.name == "WIPE_BATCH":
        return [{"deleted": 0}]
    return []


class Session:
    def __init__(self, log: list[tuple[str, str, dict[str, Any]]], mode: str) -> None:
        self.log, self.mode = log, mode

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def run(self, query: str, parameters: dict[str, Any] | None = None) -> Result:
        params = dict(parameters or {})
        self.log.append((self.mode, query, params))
        return Result(answer(query, params))

    def execute_read(self, work: Any, *args: Any) -> Any:
        assert self.mode == neo4j.READ_ACCESS
        return work(self, *args)

    def execute_write(self, work: Any, *args: Any) -> Any:
        assert self.mode == neo4j.WRITE_ACCESS
        return work(self, *args)


class Driver:
    def __init__(self) -> None:
        self.log: list[tuple[str, str, dict[str, Any]]] = []
        self.sessions: list[tuple[str | None, str]] = []

    def session(self, database: str | None = None, default_access_mode: str = neo4j.WRITE_ACCESS) -> Session:
        self.sessions.append((database, default_access_mode))
        return Session(self.log, default_access_mode)

    def close(self) -> None:
        pass


@pytest.fixture
def driver() -> Driver:
    return Driver()


@pytest.fixture
def store(driver: Driver) -> Neo4jStore:
    return Neo4jStore(Neo4jRunner(driver, database="kg", where="bolt://fake"))


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _strings(v)


def check_log(driver: Driver, hostile: tuple[str, ...]) -> None:
    assert driver.log
    for _, text, params in driver.log:
        assert text in TEXTS, f"a statement that is not one of graph/cypher.py's: {text[:200]}"
        st = TEXTS[text]
        assert set(params) == set(st.params), (st.name, sorted(params))
        for h in hostile:
            assert h not in text
    assert all(db == "kg" for db, _ in driver.sessions)


def run_every_query(g: Any, h: str) -> None:
    calls = [
        lambda: B.search(g, h), lambda: B.search(g, h, types=[h]), lambda: B.resolve(g, h, [h]),
        lambda: B.node(g, h), lambda: B.ref(g, h), lambda: B.lineage(g, h), lambda: B.status(g, h),
        lambda: B.document(g, h), lambda: B.related(g, "instrument/39-CT/TW", h, "in"),
        lambda: B.related(g, h, "ISSUED_BY"), lambda: B.paths(g, h, "agency/bo-noi-vu"),
        lambda: B.paths(g, "instrument/39-CT/TW", h),
        lambda: B.neighbourhood(g, "agency/bo-noi-vu", depth=2, node_types=[h], edge_types=[h], date_from=h,
                                date_to=h),
        lambda: B.neighbourhood(g, h), lambda: B.timeline(g, node_types=[h], date_from=h, date_to=h, limit=5),
        lambda: B.timeline(g, involving=h), lambda: B.timeline(g, involving="agency/bo-noi-vu", date_from=h),
        lambda: B.career(g, h), lambda: B.career(g, "person/đặng-hoàng-oanh"),
        lambda: B.holders(g, "agency/bo-noi-vu", h), lambda: B.holders(g, h), lambda: B.agency(g, h),
        lambda: B.agency(g, "agency/bo-noi-vu"), lambda: B.overview(g), lambda: ask(g, h),
        lambda: ask(g, f"who is {h}"), lambda: ask(g, f"what implements {h}"), lambda: h in g,
        lambda: g.nodes[h],
    ]
    for call in calls:
        with suppress(B.NotFound, KeyError):
            call()


@pytest.mark.parametrize("hostile", HOSTILE)
def test_queries_send_user_text_only_as_parameters(driver: Driver, store: Neo4jStore, hostile: str) -> None:
    run_every_query(store.graph, hostile)
    check_log(driver, (hostile,))
    carried = [st for _, text, params in driver.log for st in [TEXTS[text].name]
               if any(hostile in s for s in _strings(params))]
    assert {"NODES_LIGHT", "SEARCH_IDS", "NEIGHBOURHOOD_STEP", "TIMELINE_ALL", "EDGES_IN"} <= set(carried), carried
    assert all(mode == neo4j.READ_ACCESS for mode, _, _ in driver.log)


def hostile_extraction(h: str) -> Extraction:
    s1 = f"Chỉ thị số 39-CT/TW về {h} của Ban Bí thư."
    s2 = f"Thứ trưởng Bộ Nội vụ {h} phát biểu."
    text = f"{s1}\n{s2}"
    return Extraction(
        source=source(f"hostile {h}.txt", text, published="2020-01-02", title=h),
        documents=[Instrument(number="39-CT/TW", key="39-CT/TW", kind="directive", issuer=h, subject=h,
                              evidence=[ev(text, s1)])],
        agencies=[Agency(h, parent="Bộ Nội vụ"), Agency("Bộ Nội vụ")],
        people=[Person(f"Trần {h}", [Position(h, "Bộ Nội vụ", ev(text, s2))], [ev(text, s2)])],
    )


@pytest.mark.parametrize("hostile", HOSTILE[:3])
def test_writes_send_text_only_in_rows(driver: Driver, store: Neo4jStore, hostile: str) -> None:
    store.add_extraction(hostile_extraction(hostile))
    store.add_extraction(directive_39_survey())
    store.remove_source(f"hostile {hostile}.txt")
    store.find_source(hostile)
    store.lookup_bare(hostile, hostile)
    check_log(driver, (hostile,))
    writes = [TEXTS[text].name for mode, text, _ in driver.log if mode == neo4j.WRITE_ACCESS]
    assert "MERGE_NODES_INSTRUMENT" in writes and "MERGE_EDGES_HOLDS_POSITION" in writes
    assert "MERGE_MANIFEST" in writes and writes.count("META_BUMP") >= 3
    assert any(hostile in s for _, text, params in driver.log if TEXTS[text].name == "MERGE_NODES_AGENCY"
               for s in _strings(params))
    schema = [TEXTS[text].name for _, text, _ in driver.log if not TEXTS[text].portable]
    assert schema[: len(C.SCHEMA)] == [s.name for s in C.SCHEMA]     # constraints and indexes first
    for mode, text, _ in driver.log:      # a write statement never runs in a read-access session
        assert mode == neo4j.WRITE_ACCESS or not TEXTS[text].write, TEXTS[text].name


def test_push_batches_rows(driver: Driver) -> None:
    from graph_fixtures import all_fixtures

    from graph.store import NxStore

    local = NxStore()
    for ex in all_fixtures():
        local.add_extraction(ex)
    store = Neo4jStore(Neo4jRunner(driver, database="kg"), batch=7)
    summary = store.push(local)
    assert summary.nodes == local.graph.number_of_nodes() and summary.edges == local.graph.number_of_edges()
    check_log(driver, ())
    merges = [p["rows"] for _, text, p in driver.log if TEXTS[text].name.startswith("MERGE_")]
    assert merges and all(0 < len(rows) <= 7 for rows in merges)
    seqs = sorted(r["props"]["seq"] for rows in merges for r in rows if "seq" in r.get("props", {}))
    assert seqs == list(range(1, local.graph.number_of_edges() + 1))


def test_the_panel_reads_in_a_read_access_session(driver: Driver, store: Neo4jStore) -> None:
    res = store.read_only_query("MATCH (n:Person) RETURN n.label AS name LIMIT 5")
    assert driver.sessions[-1] == ("kg", neo4j.READ_ACCESS)
    assert driver.log[-1][1] == "MATCH (n:Person) RETURN n.label AS name LIMIT 5"
    assert res.columns == ["n"] and res.rows == [[1]] and not res.truncated
    before = len(driver.log)
    with pytest.raises(ReadOnlyRefused):
        store.read_only_query("MATCH (n) DETACH DELETE n")
    assert len(driver.log) == before, "a refused statement never reaches the server"


# -- the read-only guard --------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "MATCH (n:Instrument) RETURN n.label LIMIT 10",
    "MATCH (n) WHERE n.set = 1 AND n.create IS NULL RETURN n.delete AS remove",
    "MATCH (n:Set)-[:MERGE]->(m:Create) RETURN n",
    "RETURN 'CREATE (n) DETACH DELETE n' AS text, \"SET x = 1\" AS other",
    "// CREATE (n)\nMATCH (n) RETURN n /* DELETE n */",
    "RETURN {set: 1, create: 2, delete: 3} AS m",
    "MATCH (n) WHERE n.id = $create RETURN n",
    "MATCH (`create`) RETURN `create`",
    "CALL db.labels() YIELD label RETURN label",
    "CALL db.index.fulltext.queryNodes('kg_node_search', 'bo') YIELD node RETURN node.id",
    "CALL { MATCH (n:Person) RETURN n } RETURN count(n)",
    "MATCH (a) CALL (a) { MATCH (a)--(b) RETURN b } RETURN a, b",
    "SHOW INDEXES", "EXPLAIN MATCH (n) RETURN n", "PROFILE MATCH (n) RETURN count(n)",
    "MATCH p = shortestPath((a:Person)-[*..4]-(b:Agency)) RETURN p LIMIT 1",
])
def test_reads_pass_the_guard(text: str) -> None:
    assert refuse_writes(text) is None


@pytest.mark.parametrize(("text", "word"), [
    ("CREATE (n:Node {id: 'x'})", "CREATE"),
    ("create (n)", "CREATE"),
    ("MATCH (n) DETACH DELETE n", "DETACH DELETE"),
    ("MATCH (n) DELETE n", "DELETE"),
    ("MATCH (n) SET n.x = 1", "SET"),
    ("MATCH (n) REMOVE n.x", "REMOVE"),
    ("MERGE (n:Node {id: 'x'})", "MERGE"),
    ("DROP INDEX kg_node_type", "DROP"),
    ("DROP CONSTRAINT kg_node_id", "DROP"),
    ("LOAD CSV FROM 'file:///x.csv' AS row RETURN row", "LOAD CSV"),
    ("MATCH (n) FOREACH (x IN [1] | SET n.y = x)", "FOREACH"),
    ("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS", "DETACH DELETE"),
    ("CALL { MATCH (n) RETURN n } IN TRANSACTIONS RETURN 1", "IN TRANSACTIONS"),
    ("MATCH (n) RETURN n /* x */ ; CREATE (m)", "CREATE"),
    ("INSERT (n:Node {id: 'x'})", "INSERT"),
    ("USE system SHOW USERS", "USE"),
    ("ALTER USER neo4j SET PASSWORD 'x'", "ALTER"),
    ("GRANT ROLE admin TO bob", "GRANT"),
    ("STOP DATABASE neo4j", "STOP DATABASE"),
    ("TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "TERMINATE"),
])
def test_writes_are_refused_with_the_clause_named(text: str, word: str) -> None:
    why = refuse_writes(text)
    assert why is not None and word in why and "read-only" in why


@pytest.mark.parametrize("text", [
    "CALL apoc.create.node(['X'], {}) YIELD node RETURN node",
    "CALL db.createLabel('X')",
    "CALL dbms.setConfigValue('x', 'y')",
    "CALL db.index.fulltext.drop('kg_node_search')",
    "call `db`.`createLabel`('X')",
    "CALL dbms.killQueries(['x'])",
])
def test_procedures_off_the_read_list_are_refused(text: str) -> None:
    why = refuse_writes(text)
    assert why is not None and "procedure" in why and "read-only" in why
