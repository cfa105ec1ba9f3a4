"""The embedded graph store: a networkx MultiDiGraph plus a manifest of ingested sources.

Why a manifest: re-ingesting an unchanged file must cost nothing (its content hash is
already known), and a changed or removed file must take back exactly the nodes and edges
it contributed.  Graph and manifest live in one data-only file (graph/graphfile.py) written
atomically (temp file in the same directory, fsync, ``os.replace``), so a crash or a full
disk mid-save leaves the previous file.

``GraphStore`` is the interface a Neo4j store will implement later; the query functions
only need ``store.graph`` (a networkx view of the graph).
"""

from __future__ import annotations

import errno
import gc
import os
import secrets
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import networkx as nx

from graph import graphfile, index, indexfile
from graph.fingerprint import pipeline_fingerprint
from graph.graphfile import GraphFileError
from graph.ids import leading_number, looks_numbered
from graph.merge import SourceFacts, derive_fields, facts_from_extraction, ledger_add, ledger_remove
from graph.weigh import ensure_weighed
from loaders.model import Extraction

# /2: person ids keep their tone marks (person/nguyễn-thành-phong); a /1 file merged people whose
# names differ only in them, so it is rebuilt, never read
FORMAT = "vn-policy-kg/2"
_OLD_FORMATS = {"vn-policy-kg/1": "person ids without tone marks, which merged people whose names differ only in them"}
DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "graph" / "graph.kg"
LEGACY_PATH = DEFAULT_PATH.with_name("graph.pickle")    # where versions before the data-only format saved
MAX_NODE_EVIDENCE = 5   # a node keeps a few sentences; its MENTIONS edges keep every source's
PAUSE_ENV = "GRAPH_SAVE_PAUSE"   # test hook: seconds to sleep halfway through writing a save


class GraphSaveError(GraphFileError):
    """A save that did not happen (disk full, no permission ...); the file on disk is the previous one."""


@dataclass
class SourceEntry:
    """What the manifest remembers about one ingested source."""

    source_id: str
    path: str
    name: str
    content_hash: str
    ingested_at: float
    nodes: list[str] = field(default_factory=list)
    edges: list[tuple[str, str, str]] = field(default_factory=list)
    pipeline: str = ""          # graph.fingerprint of the rules that read it ("" = unknown, older file)


@dataclass
class Change:
    """What one add or remove did, for summaries."""

    status: str                 # "added", "replaced", "unchanged", "removed", "unknown"
    source_id: str
    nodes_added: int = 0
    nodes_removed: int = 0
    edges_added: int = 0
    edges_removed: int = 0


class GraphStore(Protocol):
    """What the CLI, the app and the ingest need from a store (networkx now, Neo4j later)."""

    @property
    def graph(self) -> nx.MultiDiGraph: ...

    def add_extraction(self, ex: Extraction) -> Change: ...

    def remove_source(self, source_id: str) -> Change: ...

    def entry(self, source_id: str) -> SourceEntry | None: ...

    def sources_with_hash(self, content_hash: str) -> set[str]: ...

    def sources(self) -> dict[str, SourceEntry]: ...

    def save(self, path: Path | None = None) -> Path: ...


class NxStore:
    """The default store: everything in memory, saved as one data-only file (graph/graphfile.py)."""

    def __init__(self, graph: nx.MultiDiGraph | None = None,
                 manifest: dict[str, SourceEntry] | None = None, path: Path | None = None) -> None:
        self._g = graph if graph is not None else nx.MultiDiGraph()
        self._g.graph.setdefault("format", FORMAT)
        self._g.graph.setdefault("revision", 0)
        self.manifest: dict[str, SourceEntry] = manifest or {}
        self.path = Path(path) if path else DEFAULT_PATH
        self._by_hash: dict[str, set[str]] = {}        # content hash -> the sources holding that text
        for sid, e in self.manifest.items():
            self._by_hash.setdefault(e.content_hash, set()).add(sid)
        self._bare: dict[tuple[str, str], set[str]] | None = None
        self.converted = ""     # set by load when an old pickle was rewritten in the data-only format

    # -- reading -------------------------------------------------------------------
    @property
    def graph(self) -> nx.MultiDiGraph:
        """The graph, its facts weighed (graph/weigh.py) if it changed since they last were."""
        ensure_weighed(self._g)
        return self._g

    def sources(self) -> dict[str, SourceEntry]:
        return self.manifest

    def sources_with_hash(self, content_hash: str) -> set[str]:
        """The ids of the sources whose text has this hash."""
        return set(self._by_hash.get(content_hash, ()))

    def entry(self, source_id: str) -> SourceEntry | None:
        return self.manifest.get(source_id)

    def is_unchanged(self, source_id: str, content_hash: str) -> bool:
        """Same text, read by the same rules: nothing to redo."""
        entry = self.manifest.get(source_id)
        return entry is not None and entry.content_hash == content_hash and entry.pipeline == pipeline_fingerprint()

    def stale_sources(self) -> list[str]:
        """Sources read by older extraction rules (re-ingest them to refresh their facts)."""
        current = pipeline_fingerprint()
        return [sid for sid, e in self.manifest.items() if e.pipeline != current]

    def lookup_bare(self, kind: str, number: str) -> str | None:
        """The one numbered instrument of ``kind`` whose number starts with ``number``."""
        if self._bare is None:
            self._bare = {}
            for n, d in self._g.nodes(data=True):
                if d.get("type") == "Instrument":
                    self._index_bare(n, d)
        hits = self._bare.get((kind, number), set())
        return next(iter(hits)) if len(hits) == 1 else None

    def _index_bare(self, node_id: str, data: dict[str, Any]) -> None:
        if self._bare is None:
            return
        num = data.get("number")
        if num and looks_numbered(num):
            n = leading_number(num)
            if n:
                self._bare.setdefault((data.get("kind") or "other", n), set()).add(node_id)

    # -- writing -------------------------------------------------------------------
    def add_extraction(self, ex: Extraction) -> Change:
        """Add what one source says; an unchanged source is skipped, a changed one replaced."""
        src = ex.source
        if self.is_unchanged(src.source_id, src.content_hash):
            return Change("unchanged", src.source_id)
        status = "added"
        if src.source_id in self.manifest:
            self.remove_source(src.source_id)
            status = "replaced"
        return self.add_facts(facts_from_extraction(ex, self.lookup_bare), status)

    def add_facts(self, facts: SourceFacts, status: str = "added") -> Change:
        """Add one source's facts; if anything fails half way, take them back and re-raise."""
        try:
            return self._add_facts(facts, status)
        except BaseException:
            self.manifest[facts.source_id] = SourceEntry(
                facts.source_id, facts.path, facts.name, facts.content_hash, time.time(),
                list(facts.nodes), list(facts.edges))
            self.remove_source(facts.source_id)
            raise

    def _add_facts(self, facts: SourceFacts, status: str) -> Change:
        g = self._g
        sid = facts.source_id
        change = Change(status, sid)
        for nf in facts.nodes.values():
            if nf.id not in g:
                g.add_node(nf.id, type=nf.type, claims={}, ledger={}, sources=[], evidence=[])
                change.nodes_added += 1
            data = g.nodes[nf.id]
            data["claims"][sid] = nf.attrs
            data["sources"].append(sid)
            if nf.authority:    # this source is the node's own official text: its claims win
                data.setdefault("authority", {})[sid] = nf.authority
                data["evidence"] = (nf.evidence + data["evidence"])[:MAX_NODE_EVIDENCE]
            elif len(data["evidence"]) < MAX_NODE_EVIDENCE:
                data["evidence"].extend(nf.evidence[:MAX_NODE_EVIDENCE - len(data["evidence"])])
            derive_fields(data["type"], data["ledger"], ledger_add(data["ledger"], sid, nf.attrs), data)
            if nf.type == "Instrument":
                self._index_bare(nf.id, data)
        for (u, v, key), ef in facts.edges.items():
            if not g.has_edge(u, v, key):
                g.add_edge(u, v, key=key, type=ef.type, evidence=[], sources=[], **ef.attrs)
                change.edges_added += 1
            data = g.edges[u, v, key]
            data["sources"].append(sid)
            data["evidence"].extend(ef.evidence)
            _derive_edge(data)
        self.manifest[sid] = SourceEntry(sid, facts.path, facts.name, facts.content_hash, time.time(),
                                         list(facts.nodes), list(facts.edges), pipeline_fingerprint())
        self._by_hash.setdefault(facts.content_hash, set()).add(sid)
        g.graph["revision"] += 1
        return change

    def remove_source(self, source_id: str) -> Change:
        """Take back everything only this source said; shared facts lose its evidence."""
        entry = self.manifest.pop(source_id, None)
        if entry is None:
            return Change("unknown", source_id)
        g = self._g
        change = Change("removed", source_id)
        for u, v, key in entry.edges:
            if not g.has_edge(u, v, key):
                continue
            data = g.edges[u, v, key]
            data["sources"] = [s for s in data["sources"] if s != source_id]
            data["evidence"] = [e for e in data["evidence"] if e["source_id"] != source_id]
            if not data["sources"]:
                g.remove_edge(u, v, key)
                change.edges_removed += 1
            else:
                _derive_edge(data)
        for n in entry.nodes:
            if n not in g:
                continue
            data = g.nodes[n]
            claims = data["claims"].pop(source_id, None) or {}
            data["sources"] = [s for s in data["sources"] if s != source_id]
            data["evidence"] = [e for e in data["evidence"] if e["source_id"] != source_id]
            if not data["sources"]:
                change.edges_removed += g.degree(n)
                g.remove_node(n)
                change.nodes_removed += 1
            else:
                auth = data.get("authority")
                if auth and auth.pop(source_id, None) is not None and not auth:
                    del data["authority"]
                derive_fields(data["type"], data["ledger"], ledger_remove(data["ledger"], source_id, claims), data)
        held = self._by_hash.get(entry.content_hash, set())
        held.discard(source_id)
        if not held:
            self._by_hash.pop(entry.content_hash, None)
        self._bare = None
        g.graph["revision"] += 1
        return change

    def find_source(self, ref: str) -> str | None:
        """A source id from its id, path, file name or ``source/...`` node id."""
        if ref in self.manifest:
            return ref
        for sid, e in self.manifest.items():
            if ref in (e.path, e.name) or os.path.abspath(ref) == os.path.abspath(e.path):
                return sid
        if ref.startswith("source/") and ref in self._g:
            sid = self._g.nodes[ref].get("source_id")
            return sid if sid in self.manifest else None
        return None

    # -- files ---------------------------------------------------------------------
    def save(self, path: Path | None = None) -> Path:
        """Write the graph atomically; a failed save raises GraphSaveError and leaves the old file."""
        path = Path(path or self.path)
        ensure_weighed(self._g)          # saved weighed: a reader never re-weighs an unchanged graph
        manifest = {k: vars(v) for k, v in self.manifest.items()}      # plain fields; asdict's deep copy costs 1 s
        with gc_paused():
            as_json = path.name.endswith(".json.gz") or path.suffix == ".json"
            if as_json:
                data = graphfile.encode_json(FORMAT, self._g, manifest, gz=path.name.endswith(".gz"))
            else:
                data = graphfile.encode(FORMAT, self._g, manifest)
        atomic_write(path, data)
        self.path = path
        if not as_json:     # the search index beside it, so that a later first search reads it
            side, key = indexfile.side_path(path), graphfile.file_key(data)
            with suppress(GraphSaveError):      # a cache: without it the first search builds the index
                atomic_write(side, index.encoded_index(self._g, key))
            index.attach(self._g, side, key)
        return path

    @classmethod
    def load(cls, path: Path | None = None, *, trust_pickle: bool = False, freeze: bool = True) -> NxStore:
        """The saved store at ``path``; an empty one when the file does not exist yet.

        An old pickle is read only with ``trust_pickle`` (the user vouches for the file), and is
        then rewritten in the data-only format (``converted`` says from what).  ``freeze`` keeps
        the collector from walking the loaded graph ever after (gc.freeze): right for a command
        that loads once, wrong for a server that replaces its graph (the old one would never go).
        """
        path = Path(path or DEFAULT_PATH)
        source = path
        if not path.exists():
            if path != DEFAULT_PATH or not LEGACY_PATH.exists():
                return cls(path=path)
            source = LEGACY_PATH      # the old default file: converted to the new one when trusted
        with gc_paused():
            payload, kind = graphfile.read(source, trust_pickle=trust_pickle, convert=(
                "python -m graph --trust-pickle sources (it is written to graph.kg beside it)"
                if source == LEGACY_PATH else None))
        if freeze:
            gc.freeze()     # the loaded graph is long-lived: keep later collections from walking it
        if payload.get("format") in _OLD_FORMATS:
            raise GraphFileError(
                f"{source}: a graph file of format {payload['format']} ({_OLD_FORMATS[payload['format']]}); "
                f"this version reads {FORMAT}: rename or remove it, then build it again from its sources "
                f"(python -m graph build SOURCES)")
        if payload.get("format") != FORMAT:
            raise GraphFileError(f"{source}: not a graph file of format {FORMAT}")
        try:
            manifest = {k: SourceEntry(**{**v, "edges": [tuple(e) for e in v["edges"]]})
                        for k, v in payload["manifest"].items()}
        except (TypeError, KeyError) as e:
            raise GraphFileError(f"{source}: damaged graph file (a source entry: {e})") from None
        store = cls(payload["graph"], manifest, path)
        if kind == "kg":
            index.attach(store._g, indexfile.side_path(source), payload["key"])
        if kind == "pickle":
            store.save(path)
            store.converted = f"{source} (pickle) -> {path} (data-only format)"
        return store


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while millions of small acyclic objects are made.

    Why: unpickling a corpus graph creates millions of dicts and strings; each allocation
    burst triggers collections that walk the whole growing heap, tripling the load time.
    The graph holds no reference cycles, so nothing is lost by collecting later.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _derive_edge(data: dict[str, Any]) -> None:
    """An edge's date fields from its evidence: a post is held as of its earliest dated mention."""
    if data.get("type") == "HOLDS_POSITION":
        dated = sorted((e["date"] for e in data["evidence"] if e.get("date")),
                       key=lambda d: d.lstrip("-"))
        data["as_of"] = dated[0] if dated else None
        data["last_seen"] = dated[-1] if dated else None


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` so that ``path`` is always either the old or the new complete file.

    The temp file's name is unique per process and call (two threads of the app saving at
    once never share one); a failure removes it and raises GraphSaveError saying what to do.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for stale in path.parent.glob(f".{path.name}.tmp-*"):
            pid = stale.name.rsplit(".tmp-", 1)[-1].split("-")[0]
            if not pid.isdigit() or not _alive(int(pid)):
                stale.unlink(missing_ok=True)
    except OSError as e:
        raise _save_error(path, e) from None
    tmp = path.parent / f".{path.name}.tmp-{os.getpid()}-{secrets.token_hex(4)}"
    pause = float(os.environ.get(PAUSE_ENV) or 0)
    try:
        with open(tmp, "xb") as f:
            half = len(data) // 2
            f.write(data[:half])
            if pause:
                f.flush()
                time.sleep(pause)
            f.write(data[half:])
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException as e:
        tmp.unlink(missing_ok=True)
        if isinstance(e, OSError):
            raise _save_error(path, e) from None
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


_SAVE_ADVICE = {
    errno.ENOSPC: "the disk is full: free some space and run the command again",
    errno.EDQUOT: "the disk quota is used up: free some space and run the command again",
    errno.EFBIG: "the file is larger than this system allows here: free space or raise the limit",
    errno.EACCES: "no permission to write there: choose another --graph path or fix the folder's permissions",
    errno.EPERM: "no permission to write there: choose another --graph path or fix the folder's permissions",
    errno.EROFS: "the file system is read-only: choose another --graph path",
}


def _save_error(path: Path, e: OSError) -> GraphSaveError:
    advice = _SAVE_ADVICE.get(e.errno or 0, "see the reason and run the command again")
    return GraphSaveError(f"{path}: the graph was not saved ({e.strerror or e}); the file there is unchanged; "
                          f"{advice}")


def _alive(pid: int) -> bool:
    """Whether process ``pid`` runs; this process counts as alive (another thread may be saving)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def lock_file(path: Path) -> Path:
    """The file whose lock serialises every writer of the graph file ``path``."""
    return path.parent / f".{path.name}.lock"


def busy(path: Path) -> bool:
    """Whether another writer holds the lock of the graph file ``path`` right now."""
    import fcntl

    try:
        with open(lock_file(path), "a") as f:
            try:
                fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            fcntl.flock(f, fcntl.LOCK_UN)
    except OSError:
        return False
    return False


@contextmanager
def locked(path: Path, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold an exclusive lock next to the graph file so two writers never interleave.

    ``on_wait`` is called once when another writer holds the lock (so a user hears why nothing
    happens yet); then this one waits its turn.
    """
    import fcntl

    path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_file(path), "w") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait()
            fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def _implements_protocol(store: NxStore) -> GraphStore:
    """mypy checks here that NxStore offers everything GraphStore promises."""
    return store
