"""The graph on a Neo4j server (one instance, a cluster or Aura): same data, same queries,
same Python results as the embedded networkx store.

Why this shape:

* **Writes** reuse the embedded store's merge: a source's facts are merged into the few nodes
  and edges they touch, read from Neo4j into a small networkx graph inside the write
  transaction, merged by ``NxStore.add_facts``/``remove_source`` and written back with
  ``UNWIND $rows ... MERGE``.  A transaction first bumps ``(:Meta {id:'graph'})``, which
  locks it, so concurrent writers serialise instead of losing each other's claims.  The
  driver's managed transactions retry transient failures; every write is idempotent.
* **Reads** run the traversal on the server (level-by-level expansions, ``shortestPath``,
  the full-text index, ordered and limited timelines, aggregated figures) and hand the
  subgraph they found to the same result builders graph.queries uses, so both backends
  answer in the same dataclasses with the same ordering rules.
* Every statement is a named constant in graph/cypher.py with declared parameters; user
  text only travels in parameters (``Tx.run`` refuses anything else).

Connection: ``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``
(or the CLI flags and app settings that fill ``Neo4jConfig``).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from functools import partial
from typing import Any, Protocol, TypeVar

import networkx as nx

from graph import cypher as C
from graph import index as _index
from graph import queries as Q
from graph.adjacency import EdgeKey, Order, edge_order
from graph.ids import instrument_id, leading_number, looks_numbered, norm_number, source_node_id
from graph.merge import SourceFacts, facts_from_extraction
from graph.schema import NODE_TYPES, load_schema
from graph.store import Change, NxStore, SourceEntry
from graph.weigh import OTHER_POST
from loaders.model import Extraction

T = TypeVar("T")
RawRun = Callable[[str, dict[str, Any]], list[dict[str, Any]]]

JSON = "_json"
NODE_HELPERS = frozenset({"search_text", "search_tokens", "search_lead", "kind_key", "tl_date", "span_lo",
                          "span_hi", "has_conflicts"})
EDGE_HELPERS = frozenset({"ev_lo", "ev_hi", "seq", "slot"})
YEARLESS = ("0000-00-00", "9999-99-99")   # an evidence date without a year overlaps every range
# A timeline item's links are some of its links (graph.queries._links picks them): fetch them all.
LINK_TYPES = [t for t in C.EDGE_TYPES if t != "MENTIONS"]
BATCH = 500
REVISION_TTL = 1.0                   # seconds a read may trust the cached revision


class Neo4jError(RuntimeError):
    """The Neo4j backend cannot do what was asked (not configured, unreachable, refused)."""


class ReadOnlyRefused(Neo4jError):
    """A statement typed in the read-only panel would change the graph."""


# -- configuration --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Neo4jConfig:
    uri: str
    user: str = "neo4j"
    password: str = field(default="", repr=False)
    database: str | None = None

    @classmethod
    def from_env(cls, uri: str | None = None, user: str | None = None, password: str | None = None,
                 database: str | None = None, env: Mapping[str, str] | None = None) -> Neo4jConfig:
        """Explicit values first, then ``NEO4J_URI``/``NEO4J_USER``/``NEO4J_PASSWORD``/``NEO4J_DATABASE``."""
        env = os.environ if env is None else env
        uri = uri or env.get("NEO4J_URI")
        if not uri:
            raise Neo4jError("no Neo4j server configured: set NEO4J_URI (for example neo4j://localhost:7687) "
                             "or pass --neo4j-uri")
        return cls(uri, user or env.get("NEO4J_USER") or "neo4j", password or env.get("NEO4J_PASSWORD") or "",
                   database or env.get("NEO4J_DATABASE") or None)

    @property
    def where(self) -> str:
        return self.uri + (f" (database {self.database})" if self.database else "")


# -- running statements ---------------------------------------------------------------------------

class Tx:
    """One transaction's statements: only graph/cypher.py constants, with exactly their parameters."""

    def __init__(self, raw: RawRun) -> None:
        self._raw = raw

    def run(self, statement: C.Statement, **params: Any) -> list[dict[str, Any]]:
        if not isinstance(statement, C.Statement) or C.ALL.get(statement.name) is not statement:
            raise TypeError("only the statements of graph/cypher.py are sent")
        if set(params) != set(statement.params):
            raise TypeError(f"{statement.name} takes {sorted(statement.params)}, got {sorted(params)}")
        return self._raw(statement.text, params)


@dataclass
class PanelResult:
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool


class Runner(Protocol):
    """How statements reach a server: Neo4j's driver here, another openCypher engine in tests."""

    portable: bool      # True: no full-text index or shortestPath-in-MATCH (portable statements only)
    where: str

    def read(self, work: Callable[[RawRun], T]) -> T: ...

    def write(self, work: Callable[[RawRun], T]) -> T: ...

    def read_only_query(self, text: str, limit: int, timeout: float) -> PanelResult: ...

    def close(self) -> None: ...


class Neo4jRunner:
    """Managed transactions on the official driver: reads in READ_ACCESS sessions, writes in
    WRITE_ACCESS ones; the driver retries transient errors (cluster leader changes, deadlocks)."""

    portable = False

    def __init__(self, driver: Any, database: str | None = None, where: str = "neo4j",
                 timeout: float = 120.0) -> None:
        self.driver = driver
        self.database = database
        self.where = where
        self.timeout = timeout

    @classmethod
    def connect(cls, config: Neo4jConfig) -> Neo4jRunner:
        import neo4j

        driver = neo4j.GraphDatabase.driver(config.uri, auth=(config.user, config.password))
        try:
            driver.verify_connectivity()
        except Exception as e:
            driver.close()
            raise Neo4jError(f"cannot reach Neo4j at {config.where}: {type(e).__name__}: {e}") from e
        return cls(driver, config.database, config.where)

    def _session(self, write: bool) -> Any:
        import neo4j

        return self.driver.session(database=self.database,
                                   default_access_mode=neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS)

    def _work(self, work: Callable[[RawRun], T]) -> Callable[[Any], T]:
        import neo4j

        @neo4j.unit_of_work(timeout=self.timeout)
        def tx_work(tx: Any) -> T:
            return work(lambda text, params: [record.data() for record in tx.run(text, params)])
        return tx_work

    def read(self, work: Callable[[RawRun], T]) -> T:
        with self._session(write=False) as session:
            return session.execute_read(self._work(work))

    def write(self, work: Callable[[RawRun], T]) -> T:
        with self._session(write=True) as session:
            return session.execute_write(self._work(work))

    def read_only_query(self, text: str, limit: int, timeout: float) -> PanelResult:
        import neo4j

        @neo4j.unit_of_work(timeout=timeout)
        def work(tx: Any) -> PanelResult:
            result = tx.run(text)
            columns = list(result.keys())
            rows: list[list[Any]] = []
            for record in result:
                if len(rows) >= limit:
                    return PanelResult(columns, rows, True)
                rows.append([plain(v) for v in record.values()])
            return PanelResult(columns, rows, False)

        with self._session(write=False) as session:
            return session.execute_read(work)

    def close(self) -> None:
        self.driver.close()


def plain(value: Any) -> Any:
    """A driver value (node, relationship, path, temporal) as plain JSON-able Python."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    labels = getattr(value, "labels", None)
    if labels is not None and hasattr(value, "items"):           # a Node
        return {"labels": sorted(labels), **{k: plain(v) for k, v in value.items()}}
    rel_type = getattr(value, "type", None)
    if isinstance(rel_type, str) and hasattr(value, "items"):    # a Relationship
        return {"type": rel_type, **{k: plain(v) for k, v in value.items()}}
    if hasattr(value, "nodes") and hasattr(value, "relationships"):   # a Path
        return {"nodes": [plain(n) for n in value.nodes], "relationships": [plain(r) for r in value.relationships]}
    iso = getattr(value, "iso_format", None)
    if callable(iso):
        return iso()
    return str(value)


# -- the read-only panel's guard ------------------------------------------------------------------

WRITE_WORDS = {
    "CREATE": "CREATE", "MERGE": "MERGE", "DELETE": "DELETE", "DETACH": "DETACH DELETE", "SET": "SET",
    "REMOVE": "REMOVE", "DROP": "DROP", "FOREACH": "FOREACH", "LOAD": "LOAD CSV", "INSERT": "INSERT",
    "ALTER": "ALTER", "RENAME": "RENAME", "GRANT": "GRANT", "DENY": "DENY", "REVOKE": "REVOKE",
    "START": "START DATABASE", "STOP": "STOP DATABASE", "TERMINATE": "TERMINATE", "ENABLE": "ENABLE SERVER",
    "DEALLOCATE": "DEALLOCATE", "REALLOCATE": "REALLOCATE", "TRANSACTIONS": "IN TRANSACTIONS", "USE": "USE",
}
READ_PROCEDURES = frozenset({
    "db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization",
    "db.schema.nodetypeproperties", "db.schema.reltypeproperties", "db.index.fulltext.querynodes",
    "db.index.fulltext.queryrelationships", "dbms.components",
})
_TOKEN = re.compile(r"""
    (?P<space>\s+) | (?P<line>//[^\n]*) | (?P<block>/\*.*?(?:\*/|\Z)) |
    (?P<str>'(?:[^'\\]|\\.)*(?:'|\Z) | "(?:[^"\\]|\\.)*(?:"|\Z)) | (?P<quoted>`(?:[^`]|``)*(?:`|\Z)) |
    (?P<word>[A-Za-z_][A-Za-z0-9_]*) | (?P<other>.)
""", re.VERBOSE | re.DOTALL)


def refuse_writes(text: str) -> str | None:
    """Why the read-only panel refuses ``text`` (a clause or procedure that writes), or None.

    Comments, strings, quoted names, property keys (``n.set``), labels and types (``:Set``),
    parameters (``$set``), map keys (``{set: 1}``) and aliases (``AS remove``) are not clauses.  The server enforces the
    same in its READ_ACCESS session; this check gives the researcher a clear message first.
    """
    tokens: list[tuple[str, str, int]] = []   # (kind, text, line)
    line = 1
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "other"
        if kind not in ("space", "line", "block"):
            tokens.append((kind, m.group(), line))
        line += m.group().count("\n")
    for i, (kind, word, at) in enumerate(tokens):
        if kind != "word":
            continue
        before = tokens[i - 1][1] if i else ""
        after = tokens[i + 1][1] if i + 1 < len(tokens) else ""
        if before in (".", ":", "$") or after == ":" or before.upper() == "AS":
            continue
        up = word.upper()
        if up in WRITE_WORDS:
            return (f"This panel is read-only: {WRITE_WORDS[up]} (line {at}) would change the graph or the server, "
                    "so the statement was not run. Researchers' queries run in a read-access session; to change "
                    "the graph use `python -m graph build --backend neo4j` or `python -m graph push --neo4j`.")
        if up == "CALL" and after not in ("{", "("):
            name = []
            for kind2, part, _ in tokens[i + 1:]:
                if kind2 in ("word", "quoted") or part == ".":
                    name.append(part.strip("`"))
                else:
                    break
            proc = "".join(name)
            if proc.lower() not in READ_PROCEDURES:
                allowed = ", ".join(sorted(READ_PROCEDURES))
                return (f"This panel is read-only: procedure {proc or '?'} (line {at}) is not on its list of "
                        f"read-only procedures ({allowed}), so the statement was not run.")
    return None


# -- storing networkx attributes as properties ----------------------------------------------------

def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _dump_ledger(ledger: dict[str, dict[Any, list[Any]]]) -> str:
    """The merge ledger keeps its keys' types (JSON object keys would turn True into "true")."""
    return _dump({f: [[k, entry[0], entry[1]] for k, entry in values.items()] for f, values in ledger.items()})


def _load_ledger(raw: str) -> dict[str, dict[Any, list[Any]]]:
    return {f: {k: [value, list(sids)] for k, value, sids in rows} for f, rows in json.loads(raw).items()}


def _native(value: Any) -> bool:
    if isinstance(value, bool | int | float | str):
        return True
    return isinstance(value, list) and bool(value) and all(isinstance(x, str) for x in value)


def _props(data: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in data.items():
        if v is None:
            continue
        if k == "ledger":
            out["ledger_json"] = _dump_ledger(v)
        elif _native(v):
            out[k] = list(v) if isinstance(v, list) else v
        else:
            out[k + JSON] = _dump(v)
    return out


def _unprops(props: Mapping[str, Any], skip: frozenset[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in props.items():
        if v is None or k in skip:
            continue
        if k == "ledger_json":
            out["ledger"] = _load_ledger(v)
        elif k.endswith(JSON):
            out[k[: -len(JSON)]] = json.loads(v)
        else:
            out[k] = list(v) if isinstance(v, list | tuple) else v
    return out


def _search_tokens(data: Mapping[str, Any]) -> list[str]:
    """Folded tokens of every name search may score (a superset of graph.index's names)."""
    names = [data.get(f) for f in _index.NAME_FIELDS]
    names += list(data.get("aliases") or [])
    if data.get("kind"):
        sch = load_schema()
        names += [sch.kind_label(str(data["kind"]), "vi"), sch.kind_label(str(data["kind"]), "en")]
    return sorted({t for n in names if isinstance(n, str) for t in _index.tokens(n)})


def encode_node(node_id: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """A node's properties: its attributes plus the helpers the indexes and filters use."""
    props = _props(data)
    props["id"] = node_id
    toks = _search_tokens(data)
    if toks:
        props["search_tokens"] = toks
        props["search_text"] = " ".join(toks)
    num = data.get("number")
    if isinstance(num, str) and looks_numbered(num) and leading_number(num):
        props["search_lead"] = leading_number(num)
        props["kind_key"] = str(data.get("kind") or "other")
    date = data.get("issued") or data.get("date") or None
    if date:
        props["tl_date"] = date
        span = Q.date_span(date)
        if span:
            props["span_lo"], props["span_hi"] = span
    props["has_conflicts"] = bool(data.get("conflicts"))
    return props


def decode_node(props: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    return str(props["id"]), _unprops(props, NODE_HELPERS | {"id"})


def encode_edge(key: str, data: Mapping[str, Any], order: tuple[int, int] = (0, 0)) -> dict[str, Any]:
    props = _props(data)
    props["key"] = key
    props["seq"], props["slot"] = order
    spans = [Q.date_span(e["date"]) or YEARLESS for e in data.get("evidence") or [] if e.get("date")]
    if spans:
        props["ev_lo"] = [s[0] for s in spans]
        props["ev_hi"] = [s[1] for s in spans]
    return props


def decode_edge(props: Mapping[str, Any]) -> dict[str, Any]:
    return _unprops(props, EDGE_HELPERS | {"key"})




def _order(props: Mapping[str, Any]) -> Order:
    return int(props.get("seq") or 0), int(props.get("slot") or 0)


def _adjacency_key(cur: str, row: Mapping[str, Any]) -> tuple[bool, Order, str, str, str]:
    """Sort key of a node's links as networkx lists them: out before in, then insertion order."""
    seq, slot = _order(row["props"])
    return (row["u"] != cur, (slot, seq), row["u"], row["v"], row["key"])


def encode_manifest(entry: SourceEntry) -> dict[str, Any]:
    d = asdict(entry)
    d["edges"] = [list(e) for e in entry.edges]
    return {"source_id": entry.source_id, "props": _props(d)}


def decode_manifest(props: Mapping[str, Any]) -> SourceEntry:
    d = _unprops(props, frozenset())
    d.setdefault("nodes", [])
    d["edges"] = [tuple(e) for e in d.get("edges") or []]
    return SourceEntry(**d)


def _run(tx: Tx, statement: C.Statement, params: dict[str, Any]) -> list[dict[str, Any]]:
    return tx.run(statement, **params)


def _run_raw(raw: RawRun, statement: C.Statement) -> list[dict[str, Any]]:
    return Tx(raw).run(statement)


def _chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _write_graph_rows(tx: Tx, g: nx.MultiDiGraph, nodes: Iterable[str], edges: Iterable[EdgeKey],
                      orders: Mapping[EdgeKey, Order]) -> None:
    """Upsert the given nodes, then the given edges (with their insertion order), of ``g``."""
    by_type: dict[str, list[dict[str, Any]]] = {}
    for n in nodes:
        d = g.nodes[n]
        by_type.setdefault(d["type"], []).append({"id": n, "props": encode_node(n, d)})
    for t, rows in by_type.items():
        if t not in C.MERGE_NODES:
            raise Neo4jError(f"node type {t!r} is not in data/schema.toml")
        tx.run(C.MERGE_NODES[t], rows=rows)
    e_by_type: dict[str, list[dict[str, Any]]] = {}
    for u, v, k in edges:
        d = g.edges[u, v, k]
        e_by_type.setdefault(d["type"], []).append({"u": u, "v": v, "key": k,
                                                     "props": encode_edge(k, d, orders.get((u, v, k), (0, 0)))})
    for t, rows in e_by_type.items():
        if t not in C.MERGE_EDGES:
            raise Neo4jError(f"edge type {t!r} is not in data/schema.toml")
        tx.run(C.MERGE_EDGES[t], rows=rows)


def _read_graph_rows(tx: Tx, nodes: Iterable[str],
                     edges: Iterable[EdgeKey]) -> tuple[nx.MultiDiGraph, dict[EdgeKey, Order]]:
    """The stored nodes and edges (full properties) among those asked for, as networkx, with
    the edges' insertion order."""
    g = nx.MultiDiGraph()
    for row in tx.run(C.NODES_FULL, ids=list(nodes)):
        nid, data = decode_node(row["props"])
        g.add_node(nid, **data)
    keys = [{"u": u, "v": v, "key": k} for u, v, k in edges]
    rows = tx.run(C.EDGES_BY_KEY, rows=keys) if keys else []
    orders = {(r["u"], r["v"], r["key"]): _order(r["props"]) for r in rows}
    for r in sorted(rows, key=lambda r: (orders[(r["u"], r["v"], r["key"])][::-1], r["u"], r["v"], r["key"])):
        g.add_edge(r["u"], r["v"], key=r["key"], **decode_edge(r["props"]))
    return g, orders


@dataclass
class PushSummary:
    nodes: int = 0
    edges: int = 0
    sources: int = 0
    deleted_nodes: int = 0
    deleted_edges: int = 0
    deleted_sources: int = 0
    seconds: float = 0.0

    def lines(self) -> list[str]:
        return [f"pushed {self.nodes} nodes, {self.edges} edges, {self.sources} sources in {self.seconds:.1f} s",
                f"deleted what the graph file does not hold: {self.deleted_nodes} nodes, "
                f"{self.deleted_edges} edges, {self.deleted_sources} sources"]


# -- the store ------------------------------------------------------------------------------------

class Neo4jStore:
    """The store interface of ``NxStore`` (add, remove, manifest) on Neo4j, plus ``push``.

    ``graph`` is a ``Neo4jGraph``: what the app, the CLI and graph.ask query.
    """

    def __init__(self, runner: Runner, batch: int = BATCH) -> None:
        self.runner = runner
        self.batch = batch
        self._graph = Neo4jGraph(self)
        self._schema_ready = False

    @classmethod
    def connect(cls, config: Neo4jConfig | None = None) -> Neo4jStore:
        """A store on the configured server, its constraints and indexes set up (when the account may:
        a read-only account leaves that to whoever writes, e.g. ``python -m graph push``)."""
        import neo4j

        store = cls(Neo4jRunner.connect(config or Neo4jConfig.from_env()))
        with contextlib.suppress(neo4j.exceptions.Forbidden):
            store.ensure_schema()
        return store

    @property
    def where(self) -> str:
        return self.runner.where

    @property
    def graph(self) -> Neo4jGraph:
        return self._graph

    def close(self) -> None:
        self.runner.close()

    def _read(self, work: Callable[[Tx], T]) -> T:
        return self.runner.read(lambda raw: work(Tx(raw)))

    def _write(self, work: Callable[[Tx], T]) -> T:
        self.ensure_schema()
        return self.runner.write(lambda raw: work(Tx(raw)))

    def _write_one(self, statement: C.Statement, **params: Any) -> list[dict[str, Any]]:
        return self._write(partial(_run, statement=statement, params=params))

    def ensure_schema(self) -> None:
        """Uniqueness constraints, indexes and the full-text index (each ``IF NOT EXISTS``)."""
        if self._schema_ready:
            return
        if not self.runner.portable:
            for st in C.SCHEMA:
                self.runner.write(partial(_run_raw, statement=st))   # DDL: one statement a transaction
        self._schema_ready = True

    # -- manifest --------------------------------------------------------------------------------
    def sources(self) -> dict[str, SourceEntry]:
        rows = self._read(lambda tx: tx.run(C.MANIFEST_ALL))
        entries = (decode_manifest(r["props"]) for r in rows)
        return {e.source_id: e for e in sorted(entries, key=lambda e: e.ingested_at)}

    def entry(self, source_id: str) -> SourceEntry | None:
        rows = self._read(lambda tx: tx.run(C.MANIFEST_BY_ID, source_id=source_id))
        return decode_manifest(rows[0]["props"]) if rows else None

    def sources_with_hash(self, content_hash: str) -> set[str]:
        rows = self._read(lambda tx: tx.run(C.MANIFEST_IDS_BY_HASH, content_hash=content_hash))
        return {str(r["source_id"]) for r in rows}

    def is_unchanged(self, source_id: str, content_hash: str) -> bool:
        """Same text read by the same rules (the embedded store's rule, on this manifest entry)."""
        entry = self.entry(source_id)
        return entry is not None and NxStore(manifest={source_id: entry}).is_unchanged(source_id, content_hash)

    def stale_sources(self) -> list[str]:
        """Sources read by older extraction rules (re-ingest them to refresh their facts)."""
        return NxStore(manifest=self.sources()).stale_sources()

    def find_source(self, ref: str) -> str | None:
        """A source id from its id, path, file name or ``source/...`` node id."""
        entries = self.sources()
        if ref in entries:
            return ref
        for sid, e in entries.items():
            if ref in (e.path, e.name) or os.path.abspath(ref) == os.path.abspath(e.path):
                return sid
        for sid in entries:
            if source_node_id(sid) == ref:
                return sid
        return None

    def lookup_bare(self, kind: str, number: str) -> str | None:
        """The one numbered instrument of ``kind`` whose number starts with ``number``."""
        rows = self._read(lambda tx: tx.run(C.LOOKUP_BARE, kind=kind, number=number))
        return str(rows[0]["id"]) if len(rows) == 1 else None

    # -- writing ---------------------------------------------------------------------------------
    def add_extraction(self, ex: Extraction) -> Change:
        """Add what one source says; an unchanged source is skipped, a changed one replaced."""
        src = ex.source
        entry = self.entry(src.source_id)
        if entry is not None and NxStore(manifest={src.source_id: entry}).is_unchanged(src.source_id,
                                                                                      src.content_hash):
            return Change("unchanged", src.source_id)
        status = "added"
        if entry is not None:
            self.remove_source(src.source_id)
            status = "replaced"
        return self.add_facts(facts_from_extraction(ex, self.lookup_bare), status)

    def add_facts(self, facts: SourceFacts, status: str = "added") -> Change:
        def work(tx: Tx) -> Change:
            seq = int(tx.run(C.META_BUMP)[0]["seq"])     # also takes the graph's write lock
            g, orders = _read_graph_rows(tx, facts.nodes, facts.edges)
            tmp = NxStore(g)
            change = tmp.add_facts(facts, status)
            new = [e for e in facts.edges if e not in orders]    # in the order networkx adds them
            if new:
                pairs = sorted({(u, v) for u, v, _ in new})
                slots = {(r["u"], r["v"]): int(r["slot"]) for r in tx.run(C.SLOTS, pairs=[list(p) for p in pairs])
                         if r["slot"] is not None}
                for u, v, k in new:
                    seq += 1
                    orders[(u, v, k)] = (seq, slots.setdefault((u, v), seq))
                tx.run(C.META_SEQ, seq=seq)
            # tmp._g, not tmp.graph: weighing this slice of the graph alone would store wrong weights
            # (it lacks the rest of the graph's sources and rival posts); see README, Neo4j
            _write_graph_rows(tx, tmp._g, facts.nodes, facts.edges, orders)
            tx.run(C.MERGE_MANIFEST, rows=[encode_manifest(tmp.manifest[facts.source_id])])
            return change
        return self._write(work)

    def remove_source(self, source_id: str) -> Change:
        """Take back everything only this source said; shared facts lose its evidence."""
        def work(tx: Tx) -> Change:
            tx.run(C.META_BUMP)
            rows = tx.run(C.MANIFEST_BY_ID, source_id=source_id)
            if not rows:
                return Change("unknown", source_id)
            entry = decode_manifest(rows[0]["props"])
            g, orders = _read_graph_rows(tx, entry.nodes, entry.edges)
            had_nodes = set(g.nodes)
            had_edges = set(g.edges(keys=True))
            change = NxStore(g, {source_id: entry}).remove_source(source_id)
            gone_edges = [(u, v, k) for u, v, k in had_edges if not g.has_edge(u, v, k) and u in g and v in g]
            if gone_edges:
                tx.run(C.DELETE_EDGES, rows=[{"u": u, "v": v, "key": k} for u, v, k in gone_edges])
            gone_nodes = sorted(had_nodes - set(g.nodes))
            if gone_nodes:
                tx.run(C.DELETE_NODES, ids=gone_nodes)
            _write_graph_rows(tx, g, [n for n in entry.nodes if n in g],
                              [e for e in entry.edges if g.has_edge(*e)], orders)
            tx.run(C.DELETE_MANIFEST, ids=[source_id])
            return change
        return self._write(work)

    def save(self, path: object = None) -> None:
        """Every change is committed as it is made; what is left is to weigh the facts, which needs
        the whole graph (graph/weigh.py): it is read, weighed and written back (a push, keeping what
        only the server holds).  Cost: one read and one write of the graph per build or removal."""
        local = self.to_networkx()
        if local.graph.number_of_edges():      # NxStore.graph weighs it
            self.push(local, mirror=False)

    def push(self, source: NxStore, mirror: bool = True,
             progress: Callable[[str, int, int], None] | None = None) -> PushSummary:
        """Copy a built graph (and its manifest) into Neo4j, in batches; pushing twice leaves one copy.

        With ``mirror`` (the default) nodes, edges and sources the file does not hold are deleted,
        so the database ends up an exact copy of the file.
        """
        start = time.perf_counter()
        out = PushSummary()
        g = source.graph
        nodes = sorted(g.nodes)
        orders = edge_order(g)
        edges = list(orders)
        for chunk in _chunks(nodes, self.batch):
            self._write(partial(_write_graph_rows, g=g, nodes=chunk, edges=(), orders={}))
            out.nodes += len(chunk)
            if progress:
                progress("nodes", out.nodes, len(nodes))
        for echunk in _chunks(edges, self.batch):
            self._write(partial(_write_graph_rows, g=g, nodes=(), edges=echunk, orders=orders))
            out.edges += len(echunk)
            if progress:
                progress("edges", out.edges, len(edges))
        entries = list(source.sources().values())
        for mchunk in _chunks(entries, self.batch):
            self._write_one(C.MERGE_MANIFEST, rows=[encode_manifest(e) for e in mchunk])
            out.sources += len(mchunk)
        if mirror:
            keep_edges = set(edges)
            extra_edges = [r for r in self._read(lambda tx: tx.run(C.ALL_EDGE_KEYS))
                           if (r["u"], r["v"], r["key"]) not in keep_edges]
            for rchunk in _chunks(extra_edges, self.batch):
                self._write_one(C.DELETE_EDGES, rows=list(rchunk))
            out.deleted_edges = len(extra_edges)
            keep = set(nodes)
            extra = [str(r["id"]) for r in self._read(lambda tx: tx.run(C.ALL_NODE_IDS)) if r["id"] not in keep]
            for ichunk in _chunks(extra, self.batch):
                self._write_one(C.DELETE_NODES, ids=list(ichunk))
            out.deleted_nodes = len(extra)
            known = set(source.sources())
            extra_src = [str(r["id"]) for r in self._read(lambda tx: tx.run(C.ALL_MANIFEST_IDS)) if r["id"] not in known]
            if extra_src:
                self._write_one(C.DELETE_MANIFEST, ids=extra_src)
            out.deleted_sources = len(extra_src)
        seq = int(self._write_one(C.META_BUMP)[0]["seq"])
        self._write_one(C.META_SEQ, seq=max(seq, len(edges)))
        out.seconds = time.perf_counter() - start
        return out

    def wipe(self) -> int:
        """Delete the whole graph (nodes, manifest, revision), in batches; returns how many nodes."""
        total = 0
        while True:
            rows = self._write_one(C.WIPE_BATCH, batch=self.batch * 10)
            deleted = int(rows[0]["deleted"]) if rows else 0
            total += deleted
            if not deleted:
                return total

    def to_networkx(self) -> NxStore:
        """The whole graph and manifest as an embedded store (for exports and comparisons)."""
        def work(tx: Tx) -> nx.MultiDiGraph:
            g = nx.MultiDiGraph()
            for row in tx.run(C.ALL_NODES):
                nid, data = decode_node(row["props"])
                g.add_node(nid, **data)
            rows = tx.run(C.ALL_EDGES)
            for row in sorted(rows, key=lambda r: (_order(r["props"])[::-1], r["u"], r["v"], r["key"])):
                g.add_edge(row["u"], row["v"], key=row["key"], **decode_edge(row["props"]))
            g.graph["revision"] = int(tx.run(C.META_REVISION)[0]["revision"])
            return g
        return NxStore(self._read(work), self.sources())

    def read_only_query(self, text: str, limit: int = 200, timeout: float = 30.0) -> PanelResult:
        """Run a researcher's statement in a read-access session; writes are refused first."""
        why = refuse_writes(text)
        if why:
            raise ReadOnlyRefused(why)
        return self.runner.read_only_query(text, limit, timeout)


# -- reading: the queries of graph.queries, in Cypher ---------------------------------------------

class _Sub:
    """The part of the graph a query needs, built as networkx for graph.queries' result builders.

    Nodes and edges are collected from several statements, then ``graph()`` adds the edges in
    their stored insertion order, so each node lists its links in the embedded store's order.
    """

    def __init__(self) -> None:
        self.nodes: dict[str, dict[str, Any]] = {}
        self.links: dict[EdgeKey, tuple[Order, dict[str, Any]]] = {}
        self._g: nx.MultiDiGraph | None = None

    def node(self, nid: str, props: Mapping[str, Any] | None, full: bool = False) -> None:
        data = _unprops(props or {}, NODE_HELPERS | {"id"})
        have = self.nodes.setdefault(nid, {})
        if full:
            have.update(data)
        else:
            for k, v in data.items():
                have.setdefault(k, v)
        self._g = None

    def type(self, nid: str) -> str | None:
        return self.nodes.get(nid, {}).get("type")

    def edges(self, rows: Iterable[Mapping[str, Any]]) -> None:
        for row in rows:
            if "other" in row:
                self.node(row["other"], row["other_props"])
            for end in (row["u"], row["v"]):
                self.nodes.setdefault(end, {})
            key = (row["u"], row["v"], row["key"])
            if key not in self.links:
                self.links[key] = (_order(row["props"]), decode_edge(row["props"]))
        self._g = None

    def add_sources(self, tx: Tx) -> None:
        """The Source nodes the evidence points at (for titles and links) and nodes' sources."""
        ids: set[str] = set()
        for d in self.nodes.values():
            ids.update(source_node_id(s) for s in d.get("sources") or [])
            ids.update(source_node_id(e["source_id"]) for e in d.get("evidence") or [] if e.get("source_id"))
            ids.update(source_node_id(p["source_id"]) for p in d.get("posts") or [] if p.get("source_id"))
        for _, d in self.links.values():
            ids.update(source_node_id(e["source_id"]) for e in d.get("evidence") or [] if e.get("source_id"))
        missing = sorted(i for i in ids if not self.type(i))
        if missing:
            for row in tx.run(C.NODES_LIGHT, ids=missing):
                self.node(row["id"], row["props"])

    def graph(self) -> nx.MultiDiGraph:
        if self._g is None:
            g = nx.MultiDiGraph()
            for nid, data in self.nodes.items():
                g.add_node(nid, **data)
            for (u, v, k), (_, data) in sorted(self.links.items(), key=lambda kv: (kv[1][0][::-1], kv[0])):
                g.add_edge(u, v, key=k, **data)
            self._g = g
        return self._g


class _NodeView:
    """``g.nodes[node_id]`` on the Neo4j graph: the node's attributes (without merge bookkeeping)."""

    def __init__(self, graph: Neo4jGraph) -> None:
        self._graph = graph

    def __getitem__(self, node_id: str) -> dict[str, Any]:
        data = self._graph.node_data(node_id)
        if data is None:
            raise KeyError(node_id)
        return data

    def __contains__(self, node_id: object) -> bool:
        return node_id in self._graph

    def __iter__(self) -> Iterator[str]:
        return iter(self())

    def __call__(self, data: bool = False) -> list[Any]:
        """Every node (``data=True``: with what a reference needs: type, label, dates, kind)."""
        rows = self._graph._store._read(lambda tx: tx.run(C.ALL_NODES_LIGHT))
        if not data:
            return [str(r["id"]) for r in rows]
        return [(str(r["id"]), _unprops(r["props"], NODE_HELPERS | {"id"})) for r in rows]


class Neo4jGraph:
    """The Neo4j graph as the app, the CLI and graph.ask use a networkx graph: membership,
    ``nodes[id]``, counts, ``graph["revision"]``, and every query of graph.queries as a method
    (graph.backend sends ``backend.search(g, ...)`` here when ``g`` is one of these)."""

    remote = True

    def __init__(self, store: Neo4jStore) -> None:
        self._store = store
        self._lock = threading.Lock()
        self._revision = -1
        self._checked = 0.0
        self._cache: dict[str, dict[str, Any] | None] = {}

    # -- networkx-like surface -------------------------------------------------------------------
    @property
    def graph(self) -> dict[str, Any]:
        return {"revision": self.revision()}

    def revision(self, fresh: bool = False) -> int:
        now = time.monotonic()
        if fresh or now - self._checked > REVISION_TTL:
            rev = int(self._store._read(lambda tx: tx.run(C.META_REVISION))[0]["revision"])
            with self._lock:
                if rev != self._revision:
                    self._cache.clear()
                self._revision, self._checked = rev, now
        return self._revision

    @property
    def nodes(self) -> _NodeView:
        return _NodeView(self)

    def node_data(self, node_id: str) -> dict[str, Any] | None:
        self.revision()
        with self._lock:
            if node_id in self._cache:
                cached = self._cache[node_id]
                return dict(cached) if cached is not None else None
        rows = self._store._read(lambda tx: tx.run(C.NODES_DATA, ids=[node_id]))
        data = _unprops(rows[0]["props"], NODE_HELPERS | {"id"}) if rows else None
        with self._lock:
            if len(self._cache) > 20_000:
                self._cache.clear()
            self._cache[node_id] = data
        return dict(data) if data is not None else None

    def __contains__(self, node_id: object) -> bool:
        return isinstance(node_id, str) and self.node_data(node_id) is not None

    def prefetch(self, ids: Sequence[str]) -> None:
        """Load many nodes' attributes in one round trip (before reading them one by one)."""
        self.revision()
        wanted = [i for i in dict.fromkeys(ids) if i not in self._cache]
        if not wanted:
            return
        rows = self._store._read(lambda tx: tx.run(C.NODES_DATA, ids=wanted))
        found = {str(r["id"]): _unprops(r["props"], NODE_HELPERS | {"id"}) for r in rows}
        with self._lock:
            for i in wanted:
                self._cache[i] = found.get(i)

    def number_of_nodes(self) -> int:
        return int(self._store._read(lambda tx: tx.run(C.COUNT_NODES))[0]["n"])

    def number_of_edges(self) -> int:
        return int(self._store._read(lambda tx: tx.run(C.COUNT_EDGES))[0]["n"])

    def __len__(self) -> int:
        return self.number_of_nodes()

    @property
    def portable(self) -> bool:
        return self._store.runner.portable

    # -- search and resolve ----------------------------------------------------------------------
    def _pool(self, tx: Tx, query: str, ids: Sequence[str] = ()) -> nx.MultiDiGraph:
        """The nodes search could score for ``query`` (and ``ids``), indexed like graph.index does.

        Candidates are every node with a query word (the last one also as a prefix), the
        instruments "kind + number" names, and the ids asked for: exactly the nodes whose
        scores graph.index computes, so its ranking runs unchanged on this small graph.
        """
        stop, _ = _index._vocab()
        q_all = _index.tokens(query)
        q_tokens = [t for t in q_all if t not in stop] or q_all
        rows: list[dict[str, Any]] = []
        wanted = [i for i in dict.fromkeys(ids) if i]
        if wanted:
            rows += tx.run(C.SEARCH_IDS, ids=wanted)
        kn = _index._kind_number(q_all)
        if kn:
            rows += tx.run(C.SEARCH_KIND_NUMBER, kind=kn[0], number=kn[1])
        if q_tokens:
            last = q_tokens[-1]
            prefix = last if len(last) >= 2 and not last.isdigit() else None
            exact = sorted(set(q_tokens))
            if self.portable:
                rows += tx.run(C.SEARCH_SCAN, tokens=exact, prefix=prefix)
            else:
                terms = exact + ([prefix + "*"] if prefix else [])
                rows += tx.run(C.SEARCH_FULLTEXT, query=" OR ".join(terms))
        g = nx.MultiDiGraph()
        degree: dict[str, int] = {}
        for row in rows:
            if row["id"] not in g:
                g.add_node(row["id"], **_unprops(row["props"], NODE_HELPERS))
                degree[row["id"]] = int(row["degree"])
        idx = _index.build_index(g)
        idx.degree = degree
        _index._CACHE[g] = idx       # graph.index scores with the server's degrees
        return g

    @staticmethod
    def _ids_for(ref: str) -> list[str]:
        ref = ref.strip()
        out = [ref]
        if looks_numbered(ref):
            out += ["instrument/" + norm_number(ref), instrument_id(ref)]
        return out

    def search(self, query: str, types: tuple[str, ...] | list[str] | None = None, limit: int = 10) -> list[Q.Hit]:
        query = query.strip()
        if not query:
            return []
        return self._store._read(lambda tx: _index.search(self._pool(tx, query, self._ids_for(query)), query,
                                                          types, limit))

    def _resolve(self, tx: Tx, ref: str, types: tuple[str, ...] | list[str] | None = None) -> str | None:
        """graph.index.resolve: an id, a document number, else the best complete search hit."""
        ref = ref.strip()
        if not ref:
            return None
        ids = self._ids_for(ref)[:2]
        known = {str(r["id"]): r["props"].get("type") for r in tx.run(C.NODES_LIGHT, ids=ids)}
        if ref in known and (not types or known[ref] in types):
            return ref
        if len(ids) > 1 and ids[1] in known:
            return ids[1]
        return _index.resolve(self._pool(tx, _index.id_words(ref) or ref, self._ids_for(ref)), ref, types)

    def resolve(self, ref: str, types: tuple[str, ...] | list[str] | None = None) -> str | None:
        return self._store._read(lambda tx: self._resolve(tx, ref, types))

    def _need(self, tx: Tx, r: str, types: tuple[str, ...] | None = None) -> str:
        nid = self._resolve(tx, r, types)
        if nid is None:
            raise Q.NotFound(f"nothing in the graph matches {r!r}")
        return nid

    def _light(self, tx: Tx, sub: _Sub, ids: Sequence[str]) -> None:
        for row in tx.run(C.NODES_LIGHT, ids=list(ids)):
            sub.node(row["id"], row["props"])

    def _full(self, tx: Tx, sub: _Sub, ids: Sequence[str]) -> None:
        for row in tx.run(C.NODES_DATA, ids=list(ids)):
            sub.node(row["id"], row["props"], full=True)

    # -- nodes -----------------------------------------------------------------------------------
    def ref(self, node_id: str) -> Q.NodeRef:
        def work(tx: Tx) -> Q.NodeRef:
            sub = _Sub()
            self._light(tx, sub, [node_id])
            return Q.ref(sub.graph(), node_id)
        return self._store._read(work)

    def node(self, r: str, min_confidence: float | None = None) -> Q.NodeDetail:
        def work(tx: Tx) -> Q.NodeDetail:
            nid = self._need(tx, r)
            sub = _Sub()
            self._full(tx, sub, [nid])
            sub.edges(tx.run(C.EDGES_BOTH, ids=[nid], types=[t for t in C.EDGE_TYPES if t != "MENTIONS"]))
            if sub.type(nid) == "Source":
                sub.edges(tx.run(C.EDGES_OUT, ids=[nid], types=["MENTIONS"]))
            sub.add_sources(tx)
            return Q.node(sub.graph(), nid, min_confidence)
        return self._store._read(work)

    def disputed(self, r: str) -> list[Q.Dispute]:
        def work(tx: Tx) -> list[Q.Dispute]:
            nid = self._need(tx, r)
            sub = _Sub()
            self._full(tx, sub, [nid])
            sub.edges(tx.run(C.EDGES_BOTH, ids=[nid], types=[t for t in C.EDGE_TYPES if t != "MENTIONS"]))
            # the other side of a contradiction is a post of this node's person or of a rival holder
            near = sub.graph()
            people = sorted({str(x[5]) if x[0] == "sole" else u for u, _, d in near.edges(data=True)
                             for x in d.get("reasons") or () if x and x[0] in ("sole", *OTHER_POST) and len(x) >= 6})
            if people:
                self._light(tx, sub, people)
                sub.edges(tx.run(C.EDGES_OUT, ids=people, types=["HOLDS_POSITION"]))
            sub.add_sources(tx)
            return Q.disputed(sub.graph(), nid)
        return self._store._read(work)

    def document(self, r: str) -> Any:
        """graph.document's page of an instrument (header with each value's sources, signer, links)."""
        from graph.document import document

        def work(tx: Tx) -> Any:
            nid = self._need(tx, r, ("Instrument",))
            sub = _Sub()
            for row in tx.run(C.NODES_FULL, ids=[nid]):
                sub.node(row["id"], row["props"], full=True)
            sub.edges(tx.run(C.EDGES_BOTH, ids=[nid], types=LINK_TYPES))
            sub.add_sources(tx)
            return document(sub.graph(), nid)
        return self._store._read(work)

    # -- lineage and status ----------------------------------------------------------------------
    @staticmethod
    def _status_types() -> list[str]:
        return [n for n, e in load_schema().edges.items() if e.status]

    def status(self, r: str) -> Q.Status:
        def work(tx: Tx) -> Q.Status:
            nid = self._need(tx, r, ("Instrument",))
            sub = _Sub()
            self._light(tx, sub, [nid])
            sub.edges(tx.run(C.EDGES_IN, ids=[nid], types=self._status_types()))
            sub.add_sources(tx)
            return Q.status(sub.graph(), nid)
        return self._store._read(work)

    def lineage(self, r: str, max_depth: int = 10, min_confidence: float | None = None) -> Q.Lineage:
        lin = list(load_schema().lineage_edges)

        def work(tx: Tx) -> Q.Lineage:
            nid = self._need(tx, r, ("Instrument",))
            sub = _Sub()
            self._light(tx, sub, [nid])
            # every lineage link within max_depth links either way: a superset of what
            # graph.queries.lineage follows (some links it follows against their direction)
            front, found = [nid], {nid}
            for _ in range(max_depth):
                if not front:
                    break
                rows = tx.run(C.EDGES_BOTH, ids=front, types=lin)
                sub.edges(rows)
                front = []
                for row in rows:
                    if row["other"] not in found:
                        found.add(row["other"])
                        front.append(row["other"])
            sub.edges(tx.run(C.EDGES_IN, ids=sorted(found), types=self._status_types()))
            sub.add_sources(tx)
            return Q.lineage(sub.graph(), nid, max_depth, min_confidence)
        return self._store._read(work)

    def related(self, r: str, edge_type: str, direction: str = "out",
                min_confidence: float | None = None) -> list[Q.Step]:
        def work(tx: Tx) -> list[Q.Step]:
            nid = self._need(tx, r)
            sub = _Sub()
            self._light(tx, sub, [nid])
            sub.edges(tx.run(C.EDGES_OUT if direction == "out" else C.EDGES_IN, ids=[nid], types=[edge_type]))
            sub.add_sources(tx)
            return Q.related(sub.graph(), nid, edge_type, direction, min_confidence)
        return self._store._read(work)

    # -- paths and neighbourhoods ----------------------------------------------------------------
    def _shortest(self, tx: Tx, a: str, b: str, max_hops: int, banned: frozenset[str] = frozenset(),
                  banned_edge: tuple[str, str] | None = None) -> list[str] | None:
        """A shortest path of at most ``max_hops`` links (no sources, no MENTIONS) avoiding
        ``banned`` nodes and one link: Neo4j's shortestPath, or a bidirectional breadth-first
        search one level a statement on engines without an undirected shortestPath."""
        if a == b:
            return [a]
        hops = min(max_hops, C.MAX_PATH_HOPS)
        if hops < 1:
            return None
        if not self.portable:
            links = [[banned_edge[0], banned_edge[1]], [banned_edge[1], banned_edge[0]]] if banned_edge else []
            rows = tx.run(C.PATH_SHORTEST[hops], a=a, b=b, banned=sorted(banned), banned_links=links)
            return [str(x) for x in rows[0]["ids"]] if rows else None

        def expand(frontier: list[str]) -> dict[str, list[str]]:
            return {row["id"]: sorted(row["next"]) for row in tx.run(C.PATH_STEP, ids=frontier)}

        return Q.bfs_path(expand, a, b, hops, banned, banned_edge)

    def paths(self, a: str, b: str, k: int = 3, max_hops: int = 6) -> list[Q.Path]:
        def work(tx: Tx) -> list[Q.Path]:
            na, nb = self._need(tx, a), self._need(tx, b)
            sub = _Sub()
            self._light(tx, sub, [na, nb])
            if "Source" in (sub.type(na), sub.type(nb)):
                return []
            first = self._shortest(tx, na, nb, max_hops)
            if first is None:
                return []
            found = [first]
            if k > 1:      # alternatives avoid one node, then one link, of the shortest path
                cands = [p for x in first[1:-1] for p in [self._shortest(tx, na, nb, max_hops, frozenset({x}))] if p]
                cands += [p for u, v in itertools.pairwise(first)
                          for p in [self._shortest(tx, na, nb, max_hops, banned_edge=(u, v))] if p]
                for p in sorted(cands, key=len):
                    if p not in found:
                        found.append(p)
                    if len(found) >= k:
                        break
            pairs = {(x, y) for p in found for x, y in itertools.pairwise(p)}
            self._light(tx, sub, sorted({n for p in found for n in p}))
            sub.edges(tx.run(C.EDGES_BETWEEN, pairs=[list(p) for p in sorted(pairs | {(y, x) for x, y in pairs})]))
            sub.add_sources(tx)
            g = sub.graph()
            return [Q.Path([Q.ref(g, n) for n in p], [Q._hop(g, x, y) for x, y in itertools.pairwise(p)]) for p in found]
        return self._store._read(work)

    def neighbourhood(self, r: str, depth: int = 1, node_types: tuple[str, ...] | list[str] | None = None,
                      edge_types: tuple[str, ...] | list[str] | None = None, date_from: str | None = None,
                      date_to: str | None = None, limit: int = 300,
                      min_confidence: float | None = None) -> Q.Subgraph:
        def work(tx: Tx) -> Q.Subgraph:
            center = self._need(tx, r)
            sub = _Sub()
            self._light(tx, sub, [center])
            is_source = sub.type(center) == "Source"
            ntypes = list(node_types or (Q.CONTENT_TYPES + (("Source",) if is_source else ())))
            lo = (Q.date_span(date_from) or ("0000", ""))[0]
            hi = (Q.date_span(date_to) or ("", "9999"))[1]
            seen = {center: 0}
            kept: dict[tuple[str, str, str], dict[str, Any]] = {}
            props: dict[str, dict[str, Any]] = {}
            truncated = False
            front = [center]
            for level in range(depth):
                if not front:
                    break
                rows = tx.run(C.NEIGHBOURHOOD_STEP, ids=front, edge_types=list(edge_types) if edge_types else None,
                              is_source=is_source, node_types=ntypes,
                              dated=date_from is not None or date_to is not None, lo=lo, hi=hi)
                by_cur: dict[str, list[dict[str, Any]]] = {}
                for row in rows:
                    by_cur.setdefault(row["cur"], []).append(row)
                for cur, its in by_cur.items():    # networkx's order: links out, then links in
                    its.sort(key=partial(_adjacency_key, cur))
                nxt = []
                for cur in front:
                    for row in by_cur.get(cur, []):
                        other = row["other"]
                        if other not in seen:
                            if len(seen) >= limit:
                                truncated = True
                                continue
                            seen[other] = level + 1
                            nxt.append(other)
                        kept.setdefault((row["u"], row["v"], row["key"]), row)
                        props.setdefault(other, row["other_props"])
                front = nxt
            for nid in seen:
                sub.node(nid, props.get(nid))
            sub.edges(row for (u, v, _), row in kept.items() if u in seen and v in seen)
            sub.add_sources(tx)
            out = Q.neighbourhood(sub.graph(), center, depth=depth, node_types=node_types, edge_types=edge_types,
                                  date_from=date_from, date_to=date_to, limit=len(seen) + 1,
                                  min_confidence=min_confidence)
            out.truncated = truncated
            return out
        return self._store._read(work)

    # -- time ------------------------------------------------------------------------------------
    def _timeline(self, tx: Tx, node_types: Sequence[str], date_from: str | None, date_to: str | None,
                  involving: str | None, limit: int) -> list[Q.TimelineItem]:
        lo = (Q.date_span(date_from) or ("0000", ""))[0]
        hi = (Q.date_span(date_to) or ("", "9999"))[1]
        common = {"types": list(node_types), "dated": bool(date_from or date_to), "lo": lo, "hi": hi,
                  "limit": int(limit)}
        if involving:
            rows = tx.run(C.TIMELINE_INVOLVING, id=self._need(tx, involving), **common)
        else:
            rows = tx.run(C.TIMELINE_ALL, **common)
        sub = _Sub()
        for row in rows:
            sub.node(row["id"], row["props"])
        ids = [str(row["id"]) for row in rows]
        for chunk in _chunks(ids, 5000):
            sub.edges(tx.run(C.EDGES_BOTH, ids=list(chunk), types=LINK_TYPES))
        return [item for nid in ids for item in [Q._timeline_item(sub.graph(), nid)] if item is not None]

    def timeline(self, node_types: tuple[str, ...] | list[str] = ("Event", "Instrument"),
                 date_from: str | None = None, date_to: str | None = None,
                 involving: str | None = None, limit: int = 200) -> list[Q.TimelineItem]:
        return self._store._read(lambda tx: self._timeline(tx, node_types, date_from, date_to, involving, limit))

    # -- people and agencies ---------------------------------------------------------------------
    def career(self, r: str, min_confidence: float | None = None) -> Q.Career:
        def work(tx: Tx) -> Q.Career:
            pid = self._need(tx, r, ("Person",))
            sub = _Sub()
            self._full(tx, sub, [pid])
            sub.edges(tx.run(C.EDGES_OUT, ids=[pid], types=["HOLDS_POSITION"]))
            sub.add_sources(tx)
            career = Q.career(sub.graph(), pid, min_confidence)
            career.events = self._timeline(tx, ("Event",), None, None, pid, 200)
            return career
        return self._store._read(work)

    def holders(self, agency_ref: str, title: str | None = None,
                min_confidence: float | None = None) -> list[Q.Post]:
        def work(tx: Tx) -> list[Q.Post]:
            aid = self._need(tx, agency_ref, ("Agency",))
            sub = _Sub()
            self._light(tx, sub, [aid])
            sub.edges(tx.run(C.EDGES_IN, ids=[aid], types=["HOLDS_POSITION"]))
            sub.add_sources(tx)
            return Q.holders(sub.graph(), aid, title, min_confidence)
        return self._store._read(work)

    def agency(self, r: str, min_confidence: float | None = None) -> Q.AgencyProfile:
        def work(tx: Tx) -> Q.AgencyProfile:
            aid = self._need(tx, r, ("Agency",))
            sub = _Sub()
            self._light(tx, sub, [aid])
            out_rows = tx.run(C.EDGES_OUT, ids=[aid], types=list(C.EDGE_TYPES))
            sub.edges(out_rows)
            sub.edges(tx.run(C.EDGES_IN, ids=[aid], types=["PART_OF", "ISSUED_BY", "HOLDS_POSITION"]))
            events = sorted({row["other"] for row in out_rows if (row["other_props"] or {}).get("type") == "Event"})
            if events:
                sub.edges(tx.run(C.EDGES_BOTH, ids=events, types=LINK_TYPES))
            sub.add_sources(tx)
            return Q.agency(sub.graph(), aid, min_confidence)
        return self._store._read(work)

    # -- figures ---------------------------------------------------------------------------------
    def overview(self, top: int = 10) -> Q.Overview:
        def work(tx: Tx) -> Q.Overview:
            by_type: Counter[str] = Counter()
            conflicts = 0
            for row in tx.run(C.OVERVIEW_NODES):
                by_type[row["type"] or "?"] += int(row["n"])
                conflicts += int(row["conflicts"] or 0)
            e_by_type = Counter({row["type"]: int(row["n"]) for row in tx.run(C.OVERVIEW_EDGES)})
            ranked: dict[str, list[tuple[Q.NodeRef, int]]] = {}
            for t in ("Instrument", "Agency", "Person"):
                sub = _Sub()
                rows = tx.run(C.OVERVIEW_TOP, type=t, top=int(top))
                for row in rows:
                    sub.node(row["id"], row["props"])
                ranked[t] = [(Q.ref(sub.graph(), row["id"]), int(row["degree"])) for row in rows]
            return Q.Overview(dict(sorted(by_type.items())), dict(sorted(e_by_type.items())), by_type.get("Source", 0),
                              conflicts, ranked["Instrument"], ranked["Agency"], ranked["Person"])
        return self._store._read(work)


__all__ = [
    "NODE_TYPES",
    "Neo4jConfig",
    "Neo4jError",
    "Neo4jGraph",
    "Neo4jRunner",
    "Neo4jStore",
    "PanelResult",
    "PushSummary",
    "ReadOnlyRefused",
    "Runner",
    "Tx",
    "decode_edge",
    "decode_node",
    "encode_edge",
    "encode_node",
    "refuse_writes",
]
