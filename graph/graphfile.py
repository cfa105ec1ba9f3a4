"""The graph file's bytes: data only, a version header first, every size checked before it is built.

Why not pickle: graph files are handed between teams, and unpickling a crafted file runs its
code.  A graph file here is

    b"VNKG\\n"                      the magic line
    {"format": ..., "codec": "msgpack+zstd", "bytes": N, "nodes": ..., "edges": ..., "sources": ...}\\n
    one zstd frame of N bytes of MessagePack: [graph attributes, nodes, edges, manifest, order]

MessagePack and zstd decode plain data only (maps, lists, strings, numbers), so reading a file
can build nothing but a graph.  The header's size is checked against the file's own size (a
real graph compresses about 7 to 1; a bomb compresses thousands to 1) and against
``$GRAPH_MAX_BYTES`` before anything is decompressed; decoding may take only the memory the
file's size explains (a few kilobytes can describe millions of empty maps); and the decoded
structure is checked before a graph is built from it.  JSON graph files (``.json``,
``.json.gz``, for other tools) are read under the same limits.  Pickles of older versions are read only when the user
vouches for the file (``--trust-pickle``), through an unpickler that allows only the graph's
own classes, and are then rewritten in this format.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import pickle
import resource
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import networkx as nx

MAGIC = b"VNKG\n"
CODEC = "msgpack+zstd"
MAX_HEADER = 4096
MAX_BYTES_ENV = "GRAPH_MAX_BYTES"
DEFAULT_MAX_BYTES = 8 * 2**30       # decoded bytes; the 2017 corpus graph is 0.23 GB
RATIO = 200                         # decoded bytes per file byte; real graphs 7 to 10, repetitive ones 40 and more
FLOOR = 64 * 2**20                  # small files may expand this much whatever their ratio
OBJECT_BYTES = 6                    # memory a decode may take per decoded byte (real graphs: about 2.5) ...
FILE_BYTES = 60                     # ... and per byte of the file (the 2017 corpus graph: 17)
MEMORY_FLOOR = 384 * 2**20


class GraphFileError(ValueError):
    """A graph file that cannot be loaded: of another kind, damaged, too large, or unsafe."""


def kind_of(head: bytes) -> str:
    """What the first bytes of a file say it is: kg, json, gzip, pickle, empty or unknown."""
    if not head:
        return "empty"
    if head.startswith(MAGIC):
        return "kg"
    if head[:2] == b"\x1f\x8b":
        return "gzip"
    if head.lstrip()[:1] in (b"{", b"["):
        return "json"
    if head[:1] == b"\x80" and len(head) > 1 and 2 <= head[1] <= 5:
        return "pickle"
    return "unknown"


def max_decoded(file_size: int) -> int:
    """How many decoded bytes a file of ``file_size`` bytes may hold."""
    try:
        cap = int(os.environ.get(MAX_BYTES_ENV) or DEFAULT_MAX_BYTES)
    except ValueError:
        cap = DEFAULT_MAX_BYTES
    return min(cap, max(FLOOR, RATIO * file_size))


# -- writing ------------------------------------------------------------------------------

def encode(fmt: str, g: nx.MultiDiGraph, manifest: dict[str, Any]) -> bytes:
    """The bytes of a graph file holding ``g`` and its manifest (plain dicts)."""
    import msgpack
    import zstandard

    body = msgpack.packb([dict(g.graph), [[n, d] for n, d in g.nodes(data=True)],
                          [[u, v, k, d] for u, v, k, d in g.edges(keys=True, data=True)], _flat(manifest),
                          _pred_order(g)],
                         use_bin_type=True)
    header = {"format": fmt, "codec": CODEC, "bytes": len(body), "nodes": g.number_of_nodes(),
              "edges": g.number_of_edges(), "sources": len(manifest)}
    return (MAGIC + json.dumps(header, separators=(",", ":")).encode() + b"\n"
            + zstandard.ZstdCompressor(level=3).compress(body))


def encode_json(fmt: str, g: nx.MultiDiGraph, manifest: dict[str, Any], gz: bool) -> bytes:
    doc = {"format": fmt, "graph": dict(g.graph), "nodes": [[n, d] for n, d in g.nodes(data=True)],
           "edges": [[u, v, k, d] for u, v, k, d in g.edges(keys=True, data=True)], "manifest": _flat(manifest),
           "pred_order": _pred_order(g)}
    raw = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return gzip.compress(raw, compresslevel=3) if gz else raw


def _flat(manifest: dict[str, Any]) -> dict[str, Any]:
    """Each source's edges as one flat list [u, v, key, u, v, key ...]: a million small lists
    cost 70 MB and a second to decode; the reader rebuilds the triples."""
    return {sid: {**entry, "edges": [x for edge in entry["edges"] for x in edge]} for sid, entry in manifest.items()}


def _pred_order(g: nx.MultiDiGraph) -> dict[str, list[str]]:
    """The predecessor order of each node whose order a replay of the edge list would not give.

    Why: networkx lists a node's links in the order each pair was first linked, and queries keep
    that order where they do not sort; replaying the edges in successor order rebuilds every
    successor list but not every predecessor list (a graph grows in the order articles were read),
    so those few are written out and a page reads the same after a restart.
    """
    replayed: dict[str, dict[str, None]] = {}
    for u, nbrs in g.succ.items():
        for v in nbrs:
            replayed.setdefault(v, {})[u] = None
    return {v: list(preds) for v, preds in g.pred.items() if list(preds) != list(replayed.get(v, ()))}


# -- reading ------------------------------------------------------------------------------

def read(path: Path, *, trust_pickle: bool = False, convert: str | None = None) -> tuple[dict[str, Any], str]:
    """``(payload, kind)`` of the graph file at ``path``: payload has format, graph and manifest.

    Every failure is a GraphFileError naming the file and what is wrong with it; ``convert`` is
    the command an old pickle's message suggests.
    """
    try:
        size = path.stat().st_size
        if size > max_decoded(size):
            raise GraphFileError(f"{path}: {size / 2**20:.0f} MB is over the limit of a graph file "
                                 f"(${MAX_BYTES_ENV}); not read")
        raw = path.read_bytes()
    except OSError as e:
        raise GraphFileError(f"{path}: cannot read the graph file ({e.strerror or e})") from None
    kind = kind_of(raw[:16])
    if kind == "empty":
        raise GraphFileError(f"{path}: the graph file is empty (a save that never finished?); "
                             "remove it and build again, or restore a copy")
    if kind == "kg":
        return _read_kg(raw, path), kind
    if kind in ("json", "gzip"):
        return _read_json(raw, path), kind
    if kind == "pickle":
        if not trust_pickle:
            raise GraphFileError(
                f"{path}: a graph file in the old pickle format, which can run code when it is read, "
                "so it was not opened. If the file is your own, convert it once with "
                f"{convert or f'python -m graph --graph {path} --trust-pickle sources'} "
                "(it is rewritten in the data-only format); otherwise build the graph again from its sources")
        return safe_unpickle(raw, path), kind
    raise GraphFileError(f"{path}: not a graph file (it starts with {raw[:8]!r})")


def file_key(data: bytes) -> str:
    """A graph file's identity for the files kept beside it (its search index): its size and
    CRC-32 (30 ms for 35 MB)."""
    return f"{len(data)}:{zlib.crc32(data):08x}"


def _read_kg(raw: bytes, path: Path) -> dict[str, Any]:
    import msgpack
    import zstandard

    end = raw.find(b"\n", len(MAGIC), len(MAGIC) + MAX_HEADER)
    try:
        header = json.loads(raw[len(MAGIC):end]) if end > 0 else None
    except (ValueError, RecursionError):
        header = None
    if not isinstance(header, dict):
        raise GraphFileError(f"{path}: damaged graph file (no readable header)")
    fmt = header.get("format")
    if header.get("codec") != CODEC:
        raise GraphFileError(f"{path}: graph file of format {fmt} written with codec "
                             f"{header.get('codec')!r}, which this version cannot read")
    declared = header.get("bytes")
    limit = max_decoded(len(raw))
    if not isinstance(declared, int) or declared < 0:
        raise GraphFileError(f"{path}: damaged graph file (header without its size)")
    if declared > limit:
        raise GraphFileError(f"{path}: the graph file says it holds {declared / 2**20:.0f} MB, more than a "
                             f"file of {len(raw) / 2**20:.1f} MB may ({limit / 2**20:.0f} MB, ${MAX_BYTES_ENV}); "
                             "not read")
    frame = raw[end + 1:]
    try:
        stated = zstandard.frame_content_size(frame)    # zstd trusts a frame's own size over max_output_size
        if stated >= 0 and stated != declared:
            raise GraphFileError(f"{path}: damaged graph file (its data says {stated} bytes, its header {declared})")
        body = zstandard.ZstdDecompressor().decompress(frame, max_output_size=declared)
    except zstandard.ZstdError as e:
        raise GraphFileError(f"{path}: damaged or truncated graph file ({e})") from None
    if len(body) != declared:
        raise GraphFileError(f"{path}: damaged graph file ({len(body)} bytes where the header says {declared})")
    try:
        with memory_capped(path, decode_allowance(len(body), len(raw))):
            doc = msgpack.unpackb(body, raw=False, strict_map_key=False, **_one_copy_of_each_string())
    except (msgpack.exceptions.UnpackException, ValueError, TypeError) as e:
        raise GraphFileError(f"{path}: damaged graph file ({type(e).__name__}: {e})") from None
    del body
    if not (isinstance(doc, list) and len(doc) == 5):
        raise GraphFileError(f"{path}: damaged graph file (its body is not [graph, nodes, edges, manifest, order])")
    g = _graph(doc[0], doc[1], doc[2], doc[4], path)
    return {"format": fmt, "graph": g, "manifest": _manifest(doc[3], path, g), "key": file_key(raw)}


def decode_allowance(decoded: int, file_size: int) -> int:
    """Memory that decoding ``decoded`` bytes of a file of ``file_size`` bytes may take: a few
    times the decoded bytes, and never much more than the file's own size explains."""
    return min(OBJECT_BYTES * decoded, max(MEMORY_FLOOR, FILE_BYTES * file_size))


@contextmanager
def memory_capped(path: Path, allowance: int) -> Iterator[None]:
    """Let the decoding inside take at most ``allowance`` more bytes of memory (Linux: the address
    space limit), and say so when a file needs more.

    Why: a few kilobytes of MessagePack or JSON can describe millions of empty maps, each a
    Python object of 64 bytes; no size ratio of the file bounds that, a memory limit does.
    The limit is the process's, so it is held only while decoding and then put back, and one
    decode holds it at a time (two would restore each other's limits).  In the app's server
    other threads share the limit while a graph is read (at start and when the file changes);
    it leaves them the allowance, at least 256 MB.
    """
    with _CAP_LOCK, _capped(path, allowance):
        yield


_CAP_LOCK = threading.Lock()


@contextmanager
def _capped(path: Path, allowance: int) -> Iterator[None]:
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        with open("/proc/self/statm") as f:
            in_use = int(f.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError):
        yield
        return
    cap = in_use + max(allowance, 256 * 2**20)      # the floor covers the interpreter's own needs
    if soft != resource.RLIM_INFINITY and soft <= cap:
        cap = soft
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    except MemoryError:
        raise GraphFileError(f"{path}: the graph file would need more than {allowance / 2**20:.0f} MB to read, "
                             "far more than its size explains (a crafted or damaged file); not read") from None
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _one_copy_of_each_string() -> dict[str, Any]:
    """Decoder hooks that keep one object per distinct string value.

    Why: a graph repeats the same strings hundreds of thousands of times (source ids in every
    evidence and source list, sentences that back several links, node ids in the manifest);
    decoded one by one they cost 370 MB more for the 2017 corpus graph (893 MB against 507 MB
    resident), for 1.1 s more decoding.
    """
    seen: dict[str, str] = {}
    same = seen.setdefault

    def in_dict(d: dict[Any, Any]) -> dict[Any, Any]:
        for k, v in d.items():
            if type(v) is str:
                d[k] = same(v, v)
        return d

    def in_list(items: list[Any]) -> list[Any]:
        for i, v in enumerate(items):
            if type(v) is str:
                items[i] = same(v, v)
        return items

    return {"object_hook": in_dict, "list_hook": in_list}


def _read_json(raw: bytes, path: Path) -> dict[str, Any]:
    file_size = len(raw)
    if raw[:2] == b"\x1f\x8b":
        limit = max_decoded(len(raw))
        d = zlib.decompressobj(wbits=31)
        try:
            text = d.decompress(raw, limit)
        except zlib.error as e:
            raise GraphFileError(f"{path}: damaged or truncated graph file ({e})") from None
        if d.unconsumed_tail:
            raise GraphFileError(f"{path}: the graph file expands past {limit / 2**20:.0f} MB "
                                 f"(${MAX_BYTES_ENV}); not read")
        raw = text
    try:
        with memory_capped(path, decode_allowance(2 * len(raw), file_size)):
            doc = json.loads(raw)
    except GraphFileError:
        raise
    except (ValueError, RecursionError) as e:   # ValueError: bad JSON, or a number of thousands of digits
        raise GraphFileError(f"{path}: not a readable JSON graph file ({type(e).__name__}: {str(e)[:200]})") from None
    if not isinstance(doc, dict):
        raise GraphFileError(f"{path}: not a JSON graph file (no format, nodes and edges)")
    g = _graph(doc.get("graph"), doc.get("nodes"), doc.get("edges"), doc.get("pred_order") or {}, path)
    return {"format": doc.get("format"), "graph": g, "manifest": _manifest(doc.get("manifest"), path, g)}


def _graph(attrs: Any, nodes: Any, edges: Any, pred_order: Any, path: Path) -> nx.MultiDiGraph:
    """A MultiDiGraph from decoded lists, after checking their shape (a damaged file says so)."""
    def damaged(what: str) -> GraphFileError:
        return GraphFileError(f"{path}: damaged graph file ({what})")

    if not isinstance(attrs, dict) or not isinstance(nodes, list) or not isinstance(edges, list):
        raise damaged("graph attributes, nodes and edges missing")
    if not isinstance(attrs.get("revision", 0), int):
        raise damaged("its revision is not a number")
    node: dict[str, dict[str, Any]] = {}
    for item in nodes:
        if not (isinstance(item, list) and len(item) == 2 and isinstance(item[0], str) and isinstance(item[1], dict)):
            raise damaged("a node that is not [id, attributes]")
        if not _plain(item[1]):
            raise damaged(f"the attributes of node {item[0][:80]!r}")
        node[item[0]] = item[1]
    succ: dict[str, dict[str, dict[Any, dict[str, Any]]]] = {n: {} for n in node}
    pred: dict[str, dict[str, dict[Any, dict[str, Any]]]] = {n: {} for n in node}
    for item in edges:
        if not (isinstance(item, list) and len(item) == 4 and isinstance(item[3], dict)):
            raise damaged("an edge that is not [source, target, key, attributes]")
        u, v, k, d = item
        if not (isinstance(u, str) and isinstance(v, str) and isinstance(k, str | int)) or not _plain(d):
            raise damaged("an edge whose ends, key or attributes are not what a graph holds")
        if u not in node or v not in node:
            raise damaged(f"an edge between nodes it does not hold: {str(u)[:80]!r} -> {str(v)[:80]!r}")
        keys = succ[u].get(v)
        if keys is None:
            keys = succ[u][v] = pred[v][u] = {}
        keys[k] = d
    if not isinstance(pred_order, dict):
        raise damaged("the predecessor order is not a map")
    for v, order in pred_order.items():
        if v not in pred or not isinstance(order, list) or not all(isinstance(u, str) for u in order) \
                or sorted(order) != sorted(pred[v]):
            raise damaged(f"the predecessor order of {str(v)[:80]!r} does not match its links")
        pred[v] = {u: pred[v][u] for u in order}
    # built directly (networkx's own adjacency dicts): add_edges_from copies every attribute dict
    g = nx.MultiDiGraph()
    g.graph.update(attrs)
    g._node = node
    g._adj = g._succ = succ
    g._pred = pred
    return g


# attributes the queries read as text (dates compared and sliced, labels shown and folded)
_TEXT = frozenset({"label", "label_en", "name", "title", "number", "kind", "date", "date_end", "issued",
                   "effective", "as_of", "last_seen", "published", "source_id"})


_OPT_TEXT = (str, type(None))


def _text_fields_ok(d: dict[Any, Any]) -> bool:
    return all(type(k) is str for k in d) and all(d[k] is None or type(d[k]) is str for k in _TEXT.intersection(d))


def _plain(attrs: dict[Any, Any]) -> bool:
    """Whether a node's or edge's attributes are what every query reads: string keys, a type,
    text where text is read, lists of evidence (each with its source) and sources (so a damaged
    or crafted file fails here, not in a page)."""
    evidence, sources = attrs.get("evidence", []), attrs.get("sources", [])
    return (isinstance(attrs.get("type"), str) and _text_fields_ok(attrs)
            and isinstance(evidence, list) and isinstance(sources, list)
            and all(type(s) is str for s in sources)
            and all(type(e) is dict and type(e.get("source_id")) is str and type(e.get("sentence", "")) in _OPT_TEXT
                    and type(e.get("date")) in _OPT_TEXT for e in evidence))


_ENTRY_FIELDS: dict[str, type | tuple[type, ...]] = {
    "source_id": str, "path": str, "name": str, "content_hash": str, "ingested_at": (int, float),
    "nodes": list, "edges": list, "pipeline": str}
_ENTRY_OPTIONAL = frozenset({"pipeline"})      # files of before the pipeline fingerprint


def _manifest(manifest: Any, path: Path, g: nx.MultiDiGraph) -> dict[str, Any]:
    """The manifest with each source's edges as (u, v, key) triples again (see _flat).

    Each (source, node) and (source, edge) pair it lists is one source on that node or edge,
    so it can list no more pairs than the graph's sources lists hold: a crafted manifest of
    millions of edges is refused before its triples are built.
    """
    if not isinstance(manifest, dict) or not all(isinstance(v, dict) for v in manifest.values()):
        raise GraphFileError(f"{path}: damaged graph file (its list of sources is unreadable)")
    for entry in manifest.values():
        if any(not isinstance(entry.get(k), t) for k, t in _ENTRY_FIELDS.items()
               if k in entry or k not in _ENTRY_OPTIONAL):
            raise GraphFileError(f"{path}: damaged graph file (source {str(entry.get('source_id'))[:80]!r})")
    edge_pairs = sum(len(d.get("sources", ())) for _, _, d in g.edges(data=True))
    node_pairs = sum(len(d.get("sources", ())) for _, d in g.nodes(data=True))
    if sum(len(e["edges"]) for e in manifest.values()) > 3 * edge_pairs \
            or sum(len(e["nodes"]) for e in manifest.values()) > node_pairs:
        raise GraphFileError(f"{path}: damaged graph file (its sources list more links than the graph holds)")
    for entry in manifest.values():
        flat = entry["edges"]
        if len(flat) % 3 or not all(type(x) is str for x in flat) or not all(type(n) is str for n in entry["nodes"]):
            raise GraphFileError(f"{path}: damaged graph file (the links of source {str(entry.get('source_id'))[:80]!r})")
        entry["edges"] = list(zip(flat[0::3], flat[1::3], flat[2::3], strict=True))
    return manifest


# -- old pickles, read only when the user vouches for the file ----------------------------

# The only globals a saved graph refers to: the networkx graph class and plain containers.
# Anything else in a pickle (os.system, subprocess, eval, ...) is how a crafted file runs code.
_PICKLE_GLOBALS = frozenset({
    ("networkx.classes.multidigraph", "MultiDiGraph"),
    ("builtins", "set"), ("builtins", "frozenset"), ("builtins", "tuple"),
    ("builtins", "list"), ("builtins", "dict"), ("builtins", "bytearray"),
})
# networkx caches its read-only views (G.nodes, G.edges ...) on the graph, so they are pickled too
_NX_VIEW_MODULES = frozenset({"networkx.classes.reportviews", "networkx.classes.coreviews"})


class _GraphUnpickler(pickle.Unpickler):
    """An unpickler that builds only a graph and plain data, never calls arbitrary code."""

    def find_class(self, module: str, name: str) -> Any:
        # a dotted name would walk attributes (Class.__init__.__globals__ ...): never allowed
        if "." not in name and ((module, name) in _PICKLE_GLOBALS or module in _NX_VIEW_MODULES):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"refers to {module}.{name}, which a graph file never holds")


def safe_unpickle(raw: bytes, path: Path) -> Any:
    """``raw`` unpickled with only the graph's own classes allowed; a clear error otherwise."""
    try:
        payload = _GraphUnpickler(io.BytesIO(raw)).load()
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, RecursionError) as exc:
        raise GraphFileError(f"{path}: not a safe graph file ({exc})") from None
    if not (isinstance(payload, dict) and isinstance(payload.get("graph"), nx.MultiDiGraph)):
        raise GraphFileError(f"{path}: not a graph file (a pickle of something else)")
    return payload
