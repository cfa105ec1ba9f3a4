"""The graph file is data only: what reading a hostile, damaged or foreign file does, and what a
failed save leaves (issue 14: a graph file never runs code, bombs are cheap, the old file stays)."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import threading
import zlib
from pathlib import Path

import pytest
import zstandard
from graph_fixtures import all_fixtures

from graph import graphfile
from graph.store import FORMAT, GraphFileError, GraphSaveError, NxStore

ROOT = Path(__file__).resolve().parent.parent


def saved(tmp_path: Path, name: str = "graph.kg") -> Path:
    store = NxStore()
    for ex in all_fixtures():
        store.add_extraction(ex)
    return store.save(tmp_path / name)


def test_a_saved_graph_is_data_only_with_its_header_first(tmp_path: Path) -> None:
    path = saved(tmp_path)
    raw = path.read_bytes()
    assert raw.startswith(graphfile.MAGIC) and b"pickle" not in raw
    header = json.loads(raw.split(b"\n")[1])
    assert header["format"] == FORMAT and header["codec"] == "msgpack+zstd"
    loaded = NxStore.load(path)
    assert header["nodes"] == loaded.graph.number_of_nodes() and header["sources"] == len(loaded.manifest) == 5


def test_a_trusted_old_pickle_is_read_and_rewritten_in_the_data_only_format(tmp_path: Path) -> None:
    import pickle

    store = NxStore.load(saved(tmp_path))
    old = tmp_path / "old.pickle"
    old.write_bytes(pickle.dumps({"format": FORMAT, "graph": store.graph,
                                  "manifest": {k: v.__dict__ for k, v in store.manifest.items()}}))
    with pytest.raises(GraphFileError, match="--trust-pickle"):
        NxStore.load(old)
    converted = NxStore.load(old, trust_pickle=True)
    assert "old.pickle (pickle)" in converted.converted
    assert old.read_bytes().startswith(graphfile.MAGIC)
    again = NxStore.load(old)                   # no flag needed any more
    assert set(again.graph.edges(keys=True)) == set(store.graph.edges(keys=True))


def test_the_cli_reads_an_old_pickle_only_with_the_flag(tmp_path: Path) -> None:
    import pickle

    store = NxStore.load(saved(tmp_path))
    old = tmp_path / "old.pickle"
    old.write_bytes(pickle.dumps({"format": FORMAT, "graph": store.graph,
                                  "manifest": {k: v.__dict__ for k, v in store.manifest.items()}}))
    run = [sys.executable, "-m", "graph", "--graph", str(old)]
    refused = subprocess.run([*run, "sources"], capture_output=True, text=True, cwd=ROOT)
    assert refused.returncode == 2 and "old pickle format" in refused.stderr and "--trust-pickle" in refused.stderr
    ok = subprocess.run([*run, "--trust-pickle", "sources"], capture_output=True, text=True, cwd=ROOT)
    assert ok.returncode == 0 and "converted the graph file" in ok.stderr and "000_fixture.txt" in ok.stdout


@pytest.mark.parametrize("content, message", [
    (b"", "the graph file is empty"),
    (b"PK\x03\x04 a zip", "not a graph file"),
    (graphfile.MAGIC + b"no header", "no readable header"),
    (graphfile.MAGIC + b'{"format":"vn-policy-kg/2","codec":"msgpack+zstd","bytes":10}\n' + b"\x00" * 10,
     "damaged or truncated"),
])
def test_empty_foreign_or_damaged_files_get_a_clear_message(tmp_path: Path, content: bytes, message: str) -> None:
    p = tmp_path / "g.kg"
    p.write_bytes(content)
    with pytest.raises(GraphFileError, match=rf"g\.kg: .*{message}"):
        NxStore.load(p)


def test_a_truncated_graph_file_is_refused(tmp_path: Path) -> None:
    p = saved(tmp_path)
    p.write_bytes(p.read_bytes()[: p.stat().st_size * 2 // 3])
    with pytest.raises(GraphFileError, match="damaged or truncated"):
        NxStore.load(p)


LOAD_IN_A_CHILD = """
import sys
sys.path.insert(0, sys.argv[2])
from pathlib import Path
from graph.store import GraphFileError, NxStore
try:
    NxStore.load(Path(sys.argv[1]))
    print("loaded")
except GraphFileError as e:
    print(e)
hwm = next(line for line in open("/proc/self/status") if line.startswith("VmHWM"))   # since exec, unlike ru_maxrss
print("PEAK_MB", int(hwm.split()[1]) // 1024)
"""


def load_in_a_child(path: Path) -> tuple[str, int]:
    """What loading ``path`` says, and the peak memory (MB) of the process that loaded it."""
    out = subprocess.run([sys.executable, "-c", LOAD_IN_A_CHILD, str(path), str(ROOT)],
                         capture_output=True, text=True, timeout=120).stdout
    message, peak = out.rsplit("PEAK_MB", 1)
    return message.strip(), int(peak)


def test_a_compression_bomb_is_refused_before_it_expands(tmp_path: Path) -> None:
    body = b"\x90" * (600 * 2**20)                # 600 MB of empty msgpack lists, a few hundred kB zstd
    frame = zstandard.ZstdCompressor(level=19).compress(body)
    del body
    header = {"format": FORMAT, "codec": "msgpack+zstd", "bytes": 600 * 2**20}
    p = tmp_path / "bomb.kg"
    p.write_bytes(graphfile.MAGIC + json.dumps(header).encode() + b"\n" + frame)
    with pytest.raises(GraphFileError, match="more than a file of"):
        NxStore.load(p)
    # and a header that understates the size cannot smuggle it in
    header["bytes"] = 1000
    p.write_bytes(graphfile.MAGIC + json.dumps(header).encode() + b"\n" + frame)
    with pytest.raises(GraphFileError, match="damaged"):
        NxStore.load(p)


def test_a_json_gz_bomb_stops_at_the_limit(tmp_path: Path) -> None:
    p = tmp_path / "bomb.json.gz"
    c = zlib.compressobj(9, wbits=31)
    with open(p, "wb") as f:
        f.write(c.compress(b'{"format": "vn-policy-kg/2", "nodes": [["' ))
        chunk = b"a" * 2**20
        for _ in range(400):                     # 400 MB decoded, about 400 kB on disk
            f.write(c.compress(chunk))
        f.write(c.compress(b'"]]}') + c.flush())
    message, peak = load_in_a_child(p)
    assert "expands past" in message and peak < 250


@pytest.mark.parametrize("body, message", [
    (b"[" * 100_000 + b"]" * 100_000, "RecursionError"),
    (b'{"format": "vn-policy-kg/2", "n": ' + b"9" * 5000 + b"}", "ValueError"),
    (json.dumps({"format": FORMAT, "graph": {}, "nodes": [["a", {"type": "Agency"}]], "edges": [["a", "b", "k", {"type": "X"}]],
                 "manifest": {}}).encode(), "an edge between nodes it does not hold"),
    (json.dumps({"format": FORMAT, "graph": {}, "nodes": [["a"]], "edges": [], "manifest": {}}).encode(),
     "a node that is not"),
])
def test_hostile_json_graph_files_are_refused(tmp_path: Path, body: bytes, message: str) -> None:
    for name, data in (("g.json", body), ("g.json.gz", gzip.compress(body))):
        p = tmp_path / name
        p.write_bytes(data)
        with pytest.raises(GraphFileError, match=message):
            NxStore.load(p)


def test_deeply_nested_msgpack_is_refused(tmp_path: Path) -> None:
    body = b"\x91" * 200_000 + b"\xc0"
    header = {"format": FORMAT, "codec": "msgpack+zstd", "bytes": len(body)}
    p = tmp_path / "deep.kg"
    p.write_bytes(graphfile.MAGIC + json.dumps(header).encode() + b"\n" + zstandard.ZstdCompressor().compress(body))
    with pytest.raises(GraphFileError, match="damaged graph file"):
        NxStore.load(p)


SAVE_UNDER_LIMIT = """
import resource, signal, sys
from pathlib import Path
sys.path[:0] = [sys.argv[2], sys.argv[2] + "/tests"]
from graph_fixtures import all_fixtures
from graph.store import GraphSaveError, NxStore
store = NxStore.load(Path(sys.argv[1]))
for ex in all_fixtures():
    store.add_extraction(ex)
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)     # a full disk: writes fail with an OSError
limit = int(sys.argv[3])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
try:
    store.save()
except GraphSaveError as e:
    print(e)
    sys.exit(3)
"""


def test_a_save_that_fails_leaves_the_previous_file_and_says_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "graph.kg"
    store = NxStore()
    store.add_extraction(all_fixtures()[0])
    store.save(path)
    before = path.read_bytes()
    run = subprocess.run([sys.executable, "-c", SAVE_UNDER_LIMIT, str(path), str(ROOT), str(len(before) + 100)],
                         capture_output=True, text=True)
    assert run.returncode == 3, run.stderr
    assert "the graph was not saved" in run.stdout and "the file there is unchanged" in run.stdout
    assert "free space" in run.stdout
    assert path.read_bytes() == before and not list(tmp_path.glob(".graph.kg.tmp-*"))
    assert len(NxStore.load(path).manifest) == 1


def test_a_save_where_one_cannot_write_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(GraphSaveError, match=r"file/graph\.kg: the graph was not saved"):
        NxStore().save(blocker / "graph.kg")


def test_two_threads_saving_at_once_both_succeed(tmp_path: Path) -> None:
    store = NxStore.load(saved(tmp_path))
    errors: list[BaseException] = []

    def save() -> None:
        try:
            for _ in range(5):
                store.save()
        except BaseException as e:  # noqa: BLE001 - collected for the assertion
            errors.append(e)

    threads = [threading.Thread(target=save) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(NxStore.load(store.path).manifest) == 5 and not list(tmp_path.glob(".graph.kg.tmp-*"))
    assert sorted(os.listdir(tmp_path)) == ["graph.kg", "graph.kg.idx"]      # the graph and its search index


def test_a_loaded_graph_lists_every_node_s_links_in_the_saved_order(tmp_path: Path) -> None:
    import networkx as nx

    g = nx.MultiDiGraph()
    g.add_nodes_from(["a", "b", "c"], type="Agency")
    g.add_edge("b", "c", key="k1", type="X")       # c's predecessors: b first, although a comes first
    g.add_edge("a", "c", key="k2", type="X")
    g.add_edge("a", "b", key="k3", type="X")
    store = NxStore(g)
    for name in ("g.kg", "g.json"):
        loaded = NxStore.load(store.save(tmp_path / name)).graph
        assert list(loaded.pred["c"]) == ["b", "a"] and list(loaded.succ["a"]) == ["c", "b"]
        assert list(loaded.edges(keys=True)) == list(g.edges(keys=True))


def _kg(body: bytes, declared: int | None = None) -> bytes:
    header = {"format": FORMAT, "codec": "msgpack+zstd", "bytes": len(body) if declared is None else declared}
    return graphfile.MAGIC + json.dumps(header).encode() + b"\n" + zstandard.ZstdCompressor().compress(body)


def _doc(nodes: list, edges: list, manifest: dict | None = None) -> bytes:
    import msgpack

    return msgpack.packb([{}, nodes, edges, manifest or {}, {}])


def _empty_maps(size: int) -> bytes:
    """``size`` bytes of MessagePack: one list of empty maps (64 bytes of memory each)."""
    return b"\xdd" + (size - 5).to_bytes(4, "big") + b"\x80" * (size - 5)


ENTRY = {"source_id": "a.txt", "path": "a.txt", "name": "a.txt", "content_hash": "h", "ingested_at": 1.0,
         "nodes": [], "edges": [], "pipeline": ""}


@pytest.mark.parametrize("content, message", [
    (graphfile.MAGIC + b"[" * 100_000 + b"\n", "no readable header"),
    (_kg(b"\x90" * 1000, declared=10), "its data says 1000 bytes, its header 10"),
    (_kg(_doc([["a", {"type": "Agency"}]], [["a", "a", ["k"], {"type": "X"}]])), "ends, key or attributes"),
    (_kg(_doc([["a", {"type": "Agency"}]], [[["a"], "a", "k", {"type": "X"}]])), "ends, key or attributes"),
    (_kg(_doc([["a", {"type": 5}]], [])), "the attributes of node 'a'"),
    (_kg(_doc([["a", {"type": "Agency", "evidence": 5}]], [])), "the attributes of node 'a'"),
    (_kg(_doc([], [], {"a.txt": {**ENTRY, "ingested_at": "x"}})), "source 'a.txt'"),
    (_kg(_doc([], [], {"a.txt": {**ENTRY, "nodes": [1]}})), "more links than the graph holds"),
    (_kg(_doc([], [], {"a.txt": {**ENTRY, "edges": ["a"] * 3_000_000}})), "more links than the graph holds"),
    (_kg(_doc([["a", {"type": "Agency", "sources": ["a.txt"]}]], [], {"a.txt": {**ENTRY, "nodes": [5]}})),
     "source 'a.txt'"),
    (_kg(_doc([["a", {"type": "Event", "date": 2**63}]], [])), "the attributes of node 'a'"),
    (_kg(_doc([["a", {"type": "Agency", "evidence": [{"source_id": ["x"]}]}]], [])), "the attributes of node 'a'"),
    (_kg(_doc([["a", {"type": "Agency", 7: "x"}]], [])), "the attributes of node 'a'"),
    (_kg(_empty_maps(65 * 2**20)), "more than a file of"),     # 65 MB: a list of empty maps, in a few kB
    (_kg(_empty_maps(64 * 2**20)), "would need more than"),    # 64 MB may be decompressed, not decoded
])
def test_crafted_graph_files_are_one_line_errors(tmp_path: Path, content: bytes, message: str) -> None:
    p = tmp_path / "g.kg"
    p.write_bytes(content)
    with pytest.raises(GraphFileError, match=message):
        NxStore.load(p)


def test_a_file_that_decodes_into_millions_of_objects_stops_at_its_memory_allowance(tmp_path: Path) -> None:
    p = tmp_path / "g.json"
    p.write_bytes(b"[" + b"{}," * (10 * 2**20) + b"{}]")     # 30 MB of text, 640 MB of empty dicts
    message, peak = load_in_a_child(p)
    assert "would need more than" in message and peak < 600


def test_the_app_s_shared_graph_remembers_a_refused_file_until_it_changes(tmp_path: Path) -> None:
    from explorer.shared_graph import SharedGraph

    good = saved(tmp_path, "good.kg").read_bytes()
    path = tmp_path / "graph.kg"
    path.write_bytes(b"PK\x03\x04 not a graph".ljust(len(good), b"\0"))
    shared = SharedGraph(path)
    with pytest.raises(GraphFileError, match="not a graph file"):
        shared.store()
    stamp = path.stat()
    path.write_bytes(good)                      # readable now, but the same file to look at:
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))     # same inode, size and time
    with pytest.raises(GraphFileError, match="not a graph file"):
        shared.store()                          # remembered, not read again
    os.utime(path)
    assert len(shared.store().manifest) == 5


def test_a_graph_the_app_reloads_past_is_freed(tmp_path: Path) -> None:
    import gc
    import weakref

    from explorer.shared_graph import SharedGraph

    path = saved(tmp_path)
    shared = SharedGraph(path)
    first = shared.store().graph
    assert first.edges                          # a view networkx caches on the graph: a reference cycle
    old = weakref.ref(first)
    del first
    store = NxStore.load(path, freeze=False)    # (a frozen load here would freeze the app's copy too)
    store.add_extraction(all_fixtures()[0])
    store.graph.graph["revision"] += 1
    store.save()                                # another writer saves: the file changes
    del store
    assert shared.store().graph is not old()
    gc.collect()
    assert old() is None, "the replaced graph is still alive (frozen by gc.freeze)"
