"""Every Cypher statement the project sends to Neo4j, as named constants.

Why one module: the test suite lints each statement with Neo4j's own Cypher front end
(tests/test_neo4j_cypher_lint.py, tools/cypher-lint), and a recording session checks that
the store sends nothing else (tests/test_neo4j_params.py).  A statement declares the
parameters it takes; the store passes exactly those, and user text only ever travels in
them.  Labels and relationship types cannot be parameters in Cypher, so the statements that
need one are generated here from the schema (data/schema.toml), never from user input.

Graph layout in Neo4j:

* every node is ``(:Node:<Type> {id, type, ...})`` (``Type`` one of graph.schema.NODE_TYPES);
  scalar attributes and lists of strings are native properties, anything else (evidence,
  conflicts, posts, per-source claims) is JSON in ``<name>_json``; the merge ledger is
  ``ledger_json``; a few derived helper properties serve the indexes (``search_text``,
  ``search_tokens``, ``search_lead``, ``kind_key``, ``tl_date``, ``span_lo``/``span_hi``,
  ``has_conflicts``);
* every edge is a relationship of its schema type with the networkx key in ``key`` and its
  insertion order in ``seq`` and ``slot`` (so reads rebuild networkx's adjacency order);
* ``(:Manifest {source_id, ...})`` per ingested source, ``(:Meta {id: 'graph', revision})``.

``portable`` marks statements that also run on other openCypher engines (FalkorDB in the
test suite); the others use Neo4j-only features (schema DDL, the full-text index,
``shortestPath`` in a MATCH) and have portable counterparts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.schema import NODE_TYPES, load_schema

NODE = "Node"
MANIFEST = "Manifest"
META = "Meta"
FULLTEXT_INDEX = "kg_node_search"
MAX_PATH_HOPS = 12


@dataclass(frozen=True)
class Statement:
    name: str
    text: str
    params: tuple[str, ...] = ()
    portable: bool = True
    write: bool = False


ALL: dict[str, Statement] = {}
_IDENT = re.compile(r"[A-Z][A-Za-z0-9_]*\Z")


def _s(name: str, text: str, params: tuple[str, ...] = (), *, portable: bool = True,
       write: bool = False) -> Statement:
    text = " ".join(text.split())
    declared = set(re.findall(r"\$([A-Za-z_][A-Za-z0-9_]*)", text))
    if declared != set(params):
        raise ValueError(f"{name}: parameters {sorted(declared)} but declared {sorted(params)}")
    st = Statement(name, text, params, portable, write)
    ALL[name] = st
    return st


def _ident(name: str) -> str:
    """A label or relationship type from the schema, checked to be a plain identifier."""
    if not _IDENT.match(name):
        raise ValueError(f"not a plain label or relationship type: {name!r}")
    return name


EDGE_TYPES: tuple[str, ...] = tuple(_ident(t) for t in load_schema().edges)
LABELS: tuple[str, ...] = (NODE, MANIFEST, META, *(_ident(t) for t in NODE_TYPES))

# What a query needs of a node that is not its subject: enough for a NodeRef, a timeline
# item, an evidence source's title and link, a lineage's date order.
def _light(v: str) -> str:
    return (f"{{id: {v}.id, type: {v}.type, label: {v}.label, label_en: {v}.label_en, issued: {v}.issued, "
            f"date: {v}.date, kind: {v}.kind, title: {v}.title, name: {v}.name, url: {v}.url}}")


_LIGHT = _light("m")
# What search scores: the names graph.index reads.
_NAMES = ("{type: n.type, label: n.label, label_en: n.label_en, name: n.name, number: n.number, "
          "abbrev: n.abbrev, title: n.title, kind: n.kind, aliases: n.aliases, aliases_json: n.aliases_json}")
# A node's attributes without the merge bookkeeping and the index helpers.
_DATA = "n {.*, claims_json: null, ledger_json: null, search_text: null, search_tokens: null}"

# -- schema (Neo4j DDL) ---------------------------------------------------------------------------

SCHEMA: tuple[Statement, ...] = (
    _s("CONSTRAINT_NODE_ID", "CREATE CONSTRAINT kg_node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE",
       portable=False, write=True),
    _s("CONSTRAINT_MANIFEST_ID", "CREATE CONSTRAINT kg_manifest_id IF NOT EXISTS "
       "FOR (m:Manifest) REQUIRE m.source_id IS UNIQUE", portable=False, write=True),
    _s("CONSTRAINT_META_ID", "CREATE CONSTRAINT kg_meta_id IF NOT EXISTS FOR (m:Meta) REQUIRE m.id IS UNIQUE",
       portable=False, write=True),
    _s("INDEX_NODE_TYPE", "CREATE INDEX kg_node_type IF NOT EXISTS FOR (n:Node) ON (n.type)",
       portable=False, write=True),
    _s("INDEX_NODE_LEAD", "CREATE INDEX kg_node_lead IF NOT EXISTS FOR (n:Node) ON (n.search_lead)",
       portable=False, write=True),
    _s("INDEX_NODE_DATE", "CREATE INDEX kg_node_date IF NOT EXISTS FOR (n:Node) ON (n.tl_date)",
       portable=False, write=True),
    _s("INDEX_MANIFEST_HASH", "CREATE INDEX kg_manifest_hash IF NOT EXISTS FOR (m:Manifest) ON (m.content_hash)",
       portable=False, write=True),
    _s("INDEX_FULLTEXT", f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS FOR (n:Node) ON EACH [n.search_text] "
       "OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}}", portable=False, write=True),
    # new indexes populate in the background: wait until they are online before the first query
    _s("AWAIT_INDEXES", "CALL db.awaitIndexes(300)", portable=False),
)

# -- bookkeeping ----------------------------------------------------------------------------------

META_BUMP = _s("META_BUMP", "MERGE (m:Meta {id: 'graph'}) SET m.revision = coalesce(m.revision, 0) + 1 "
               "RETURN m.revision AS revision, coalesce(m.seq, 0) AS seq", write=True)
META_SEQ = _s("META_SEQ", "MATCH (m:Meta {id: 'graph'}) SET m.seq = $seq", ("seq",), write=True)
META_REVISION = _s("META_REVISION", "OPTIONAL MATCH (m:Meta {id: 'graph'}) RETURN coalesce(m.revision, 0) AS revision")
COUNT_NODES = _s("COUNT_NODES", "MATCH (n:Node) RETURN count(n) AS n")
COUNT_EDGES = _s("COUNT_EDGES", "MATCH (:Node)-[r]->(:Node) RETURN count(r) AS n")

# -- writes ---------------------------------------------------------------------------------------

MERGE_NODES: dict[str, Statement] = {
    t: _s(f"MERGE_NODES_{t.upper()}",
          f"UNWIND $rows AS row MERGE (n:Node {{id: row.id}}) SET n = row.props, n:{_ident(t)}",
          ("rows",), write=True)
    for t in NODE_TYPES
}
MERGE_EDGES: dict[str, Statement] = {
    t: _s(f"MERGE_EDGES_{t}",
          "UNWIND $rows AS row MATCH (a:Node {id: row.u}) MATCH (b:Node {id: row.v}) "
          f"MERGE (a)-[r:{t} {{key: row.key}}]->(b) SET r = row.props",
          ("rows",), write=True)
    for t in EDGE_TYPES
}
MERGE_MANIFEST = _s("MERGE_MANIFEST", "UNWIND $rows AS row MERGE (m:Manifest {source_id: row.source_id}) "
                    "SET m = row.props", ("rows",), write=True)
DELETE_NODES = _s("DELETE_NODES", "UNWIND $ids AS id MATCH (n:Node {id: id}) DETACH DELETE n", ("ids",), write=True)
DELETE_EDGES = _s("DELETE_EDGES", "UNWIND $rows AS row MATCH (a:Node {id: row.u})-[r {key: row.key}]->(b:Node {id: row.v}) "
                  "DELETE r", ("rows",), write=True)
DELETE_MANIFEST = _s("DELETE_MANIFEST", "UNWIND $ids AS id MATCH (m:Manifest {source_id: id}) DELETE m", ("ids",),
                     write=True)
WIPE_BATCH = _s("WIPE_BATCH", "MATCH (n) WHERE n:Node OR n:Manifest OR n:Meta WITH n LIMIT $batch "
                "DETACH DELETE n RETURN count(*) AS deleted", ("batch",), write=True)

# -- whole-graph reads (push --mirror, export, tests) ---------------------------------------------

ALL_NODE_IDS = _s("ALL_NODE_IDS", "MATCH (n:Node) RETURN n.id AS id")
ALL_EDGE_KEYS = _s("ALL_EDGE_KEYS", "MATCH (a:Node)-[r]->(b:Node) RETURN a.id AS u, b.id AS v, r.key AS key")
ALL_MANIFEST_IDS = _s("ALL_MANIFEST_IDS", "MATCH (m:Manifest) RETURN m.source_id AS id")
ALL_NODES_LIGHT = _s("ALL_NODES_LIGHT", f"MATCH (m:Node) RETURN m.id AS id, {_LIGHT} AS props")
ALL_NODES = _s("ALL_NODES", "MATCH (n:Node) RETURN n.id AS id, properties(n) AS props")
ALL_EDGES = _s("ALL_EDGES", "MATCH (a:Node)-[r]->(b:Node) RETURN a.id AS u, b.id AS v, r.key AS key, "
               "type(r) AS type, properties(r) AS props")

# -- manifest -------------------------------------------------------------------------------------

MANIFEST_ALL = _s("MANIFEST_ALL", "MATCH (m:Manifest) RETURN properties(m) AS props")
MANIFEST_BY_ID = _s("MANIFEST_BY_ID", "MATCH (m:Manifest {source_id: $source_id}) RETURN properties(m) AS props",
                    ("source_id",))
MANIFEST_IDS_BY_HASH = _s("MANIFEST_IDS_BY_HASH", "MATCH (m:Manifest {content_hash: $content_hash}) "
                          "RETURN m.source_id AS source_id", ("content_hash",))

# -- nodes and edges by id ------------------------------------------------------------------------

NODES_FULL = _s("NODES_FULL", "UNWIND $ids AS id MATCH (n:Node {id: id}) RETURN n.id AS id, properties(n) AS props",
                ("ids",))
NODES_DATA = _s("NODES_DATA", f"UNWIND $ids AS id MATCH (n:Node {{id: id}}) RETURN n.id AS id, {_DATA} AS props",
                ("ids",))
NODES_LIGHT = _s("NODES_LIGHT", f"UNWIND $ids AS id MATCH (m:Node {{id: id}}) RETURN m.id AS id, {_LIGHT} AS props",
                 ("ids",))
EDGES_BY_KEY = _s("EDGES_BY_KEY", "UNWIND $rows AS row MATCH (a:Node {id: row.u})-[r {key: row.key}]->(b:Node {id: row.v}) "
                  "RETURN a.id AS u, b.id AS v, r.key AS key, type(r) AS type, properties(r) AS props", ("rows",))
# The insertion slot of each node pair that already has an edge (see graph/adjacency.edge_order).
SLOTS = _s("SLOTS", "UNWIND $pairs AS pair MATCH (a:Node {id: pair[0]})-[r]->(b:Node {id: pair[1]}) "
           "RETURN a.id AS u, b.id AS v, min(r.slot) AS slot", ("pairs",))
LOOKUP_BARE = _s("LOOKUP_BARE", "MATCH (n:Instrument) WHERE n.search_lead = $number AND n.kind_key = $kind "
                 "RETURN n.id AS id LIMIT 2", ("kind", "number"))

_EDGE_ROW = "r.key AS key, type(r) AS type, properties(r) AS props"
EDGES_OUT = _s("EDGES_OUT", "UNWIND $ids AS id MATCH (n:Node {id: id}) WITH n MATCH (n)-[r]->(m:Node) WHERE type(r) IN $types "
               f"RETURN n.id AS u, m.id AS v, {_EDGE_ROW}, m.id AS other, {_LIGHT} AS other_props", ("ids", "types"))
EDGES_IN = _s("EDGES_IN", "UNWIND $ids AS id MATCH (n:Node {id: id}) WITH n MATCH (n)<-[r]-(m:Node) WHERE type(r) IN $types "
              f"RETURN m.id AS u, n.id AS v, {_EDGE_ROW}, m.id AS other, {_LIGHT} AS other_props", ("ids", "types"))
EDGES_BOTH = _s("EDGES_BOTH", "UNWIND $ids AS id MATCH (n:Node {id: id}) WITH n MATCH (n)-[r]-(m:Node) WHERE type(r) IN $types "
                f"RETURN startNode(r).id AS u, endNode(r).id AS v, {_EDGE_ROW}, m.id AS other, {_LIGHT} AS other_props",
                ("ids", "types"))
EDGES_BETWEEN = _s("EDGES_BETWEEN", "UNWIND $pairs AS pair MATCH (a:Node {id: pair[0]})-[r]->(b:Node {id: pair[1]}) "
                   f"RETURN a.id AS u, b.id AS v, {_EDGE_ROW}", ("pairs",))

# -- search ---------------------------------------------------------------------------------------

_SCORED = f"OPTIONAL MATCH (n)-[r]-() WITH n, count(r) AS degree RETURN n.id AS id, {_NAMES} AS props, degree"
SEARCH_FULLTEXT = _s("SEARCH_FULLTEXT", f"CALL db.index.fulltext.queryNodes('{FULLTEXT_INDEX}', $query) YIELD node "
                     f"WITH node AS n {_SCORED}", ("query",), portable=False)
SEARCH_SCAN = _s("SEARCH_SCAN", "MATCH (n:Node) WHERE any(t IN coalesce(n.search_tokens, []) WHERE t IN $tokens "
                 f"OR ($prefix IS NOT NULL AND t STARTS WITH $prefix)) {_SCORED}", ("tokens", "prefix"))
SEARCH_IDS = _s("SEARCH_IDS", f"UNWIND $ids AS id MATCH (n:Node {{id: id}}) {_SCORED}", ("ids",))
SEARCH_KIND_NUMBER = _s("SEARCH_KIND_NUMBER", "MATCH (n:Node) WHERE n.search_lead = $number AND n.kind_key = $kind "
                        f"{_SCORED}", ("kind", "number"))

# -- traversals -----------------------------------------------------------------------------------

# One breadth-first level of a neighbourhood: the links of the frontier that pass the type and
# date filters (graph.queries.neighbourhood's edge_ok and node_ok).
NEIGHBOURHOOD_STEP = _s(
    "NEIGHBOURHOOD_STEP",
    "UNWIND $ids AS id MATCH (n:Node {id: id}) WITH n MATCH (n)-[r]-(m:Node) "
    "WHERE (($edge_types IS NULL AND (type(r) <> 'MENTIONS' OR $is_source)) "
    "OR ($edge_types IS NOT NULL AND type(r) IN $edge_types)) "
    "AND m.type IN $node_types "
    "AND (NOT $dated OR m.span_lo IS NULL OR (m.span_hi >= $lo AND m.span_lo <= $hi)) "
    "AND (NOT $dated OR r.ev_lo IS NULL OR any(i IN range(0, size(r.ev_lo) - 1) "
    "WHERE r.ev_hi[i] >= $lo AND r.ev_lo[i] <= $hi)) "
    f"RETURN n.id AS cur, startNode(r).id AS u, endNode(r).id AS v, {_EDGE_ROW}, m.id AS other, {_LIGHT} AS other_props",
    ("ids", "edge_types", "is_source", "node_types", "dated", "lo", "hi"),
)
# One level of a path search on engines without an undirected shortestPath.
PATH_STEP = _s("PATH_STEP", "UNWIND $ids AS id MATCH (n:Node {id: id}) WITH n MATCH (n)-[r]-(m:Node) WHERE type(r) <> 'MENTIONS' "
               "RETURN n.id AS id, collect(DISTINCT m.id) AS next", ("ids",))
PATH_SHORTEST: dict[int, Statement] = {
    hops: _s(f"PATH_SHORTEST_{hops}",
             "MATCH (a:Node {id: $a}) MATCH (b:Node {id: $b}) "
             f"MATCH p = shortestPath((a)-[*..{hops}]-(b)) "
             "WHERE all(r IN relationships(p) WHERE type(r) <> 'MENTIONS') "
             "AND none(x IN nodes(p) WHERE x.id IN $banned) "
             "AND none(r IN relationships(p) WHERE [startNode(r).id, endNode(r).id] IN $banned_links) "
             "RETURN [x IN nodes(p) | x.id] AS ids",
             ("a", "b", "banned", "banned_links"), portable=False)
    for hops in range(1, MAX_PATH_HOPS + 1)
}

_TL_FILTER = ("n.type IN $types AND n.tl_date IS NOT NULL "
              "AND (NOT $dated OR (n.span_lo IS NOT NULL AND n.span_hi >= $lo AND n.span_lo <= $hi))")
_TL_ORDER = ("ORDER BY CASE WHEN n.span_lo IS NULL THEN 1 ELSE 0 END, coalesce(n.span_lo, n.tl_date), n.id "
             "LIMIT $limit")
TIMELINE_ALL = _s("TIMELINE_ALL", f"MATCH (n:Node) WHERE {_TL_FILTER} "
                  f"RETURN n.id AS id, {_light('n')} AS props {_TL_ORDER}",
                  ("types", "dated", "lo", "hi", "limit"))
TIMELINE_INVOLVING = _s(
    "TIMELINE_INVOLVING",
    "MATCH (c:Node {id: $id}) OPTIONAL MATCH (c)--(m:Node) WITH c, collect(DISTINCT m.id) AS ids "
    "UNWIND ids + [c.id] AS nid WITH DISTINCT nid MATCH (n:Node {id: nid}) "
    f"WHERE {_TL_FILTER} RETURN n.id AS id, {_light('n')} AS props {_TL_ORDER}",
    ("id", "types", "dated", "lo", "hi", "limit"),
)

# -- figures --------------------------------------------------------------------------------------

OVERVIEW_NODES = _s("OVERVIEW_NODES", "MATCH (n:Node) RETURN n.type AS type, count(*) AS n, "
                    "sum(CASE WHEN n.has_conflicts THEN 1 ELSE 0 END) AS conflicts")
OVERVIEW_EDGES = _s("OVERVIEW_EDGES", "MATCH (:Node)-[r]->(:Node) RETURN type(r) AS type, count(*) AS n")
OVERVIEW_TOP = _s("OVERVIEW_TOP", "MATCH (m:Node) WHERE m.type = $type MATCH (m)-[r]-(:Node) WHERE type(r) <> 'MENTIONS' "
                  f"WITH m, count(r) AS degree RETURN m.id AS id, {_LIGHT} AS props, degree "
                  "ORDER BY degree DESC, id LIMIT $top", ("type", "top"))

# -- researcher panel examples (run read-only, like anything typed there) -------------------------

PANEL_EXAMPLES: tuple[Statement, ...] = (
    _s("EXAMPLE_LINEAGE", "MATCH p = (a:Instrument)-[:SUCCEEDS|REPLACES|AMENDS|REPEALS*1..3]->(b:Instrument) "
       "RETURN [x IN nodes(p) | x.label] AS chain LIMIT 25"),
    _s("EXAMPLE_TOP_AGENCIES", "MATCH (a:Agency)<-[r:ISSUED_BY]-(:Instrument) "
       "RETURN a.label AS agency, count(r) AS instruments ORDER BY instruments DESC LIMIT 10"),
    _s("EXAMPLE_POSTS", "MATCH (p:Person)-[h:HOLDS_POSITION]->(a:Agency) "
       "RETURN p.label AS person, h.title AS title, a.label AS agency, h.as_of AS as_of ORDER BY as_of DESC LIMIT 25"),
)


def lint_payload() -> dict[str, object]:
    """Every statement with its declared parameters, and the labels and types it may name."""
    return {
        "labels": list(LABELS),
        "relationshipTypes": list(EDGE_TYPES),
        "statements": [{"name": s.name, "text": s.text, "params": list(s.params)} for s in ALL.values()],
    }
