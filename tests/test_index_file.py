"""The search index saved beside the graph file (graph/indexfile.py): a graph opened from a file
searches from the saved index, with the answers a freshly built one gives, and only when the index
is that file's and the graph has not changed since."""

from __future__ import annotations

from pathlib import Path

import pytest
from graph_fixtures import plan_32, seed_store

from graph import indexfile
from graph.graphfile import file_key
from graph.index import search
from graph.store import NxStore

_QUERIES = ("Bộ Nội vụ", "bo noi vu", "Chỉ thị 39", "Directive 39", "Nguyễn", "thanh tra", "Kế hoạch 32")


def _answers(store: NxStore) -> list[tuple[str, float, str, bool]]:
    return [(h.id, h.score, h.matched, h.complete) for q in _QUERIES for h in search(store.graph, q, limit=20)]


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("idx") / "graph.kg"
    seed_store().save(path)
    return path


def _doctored(path: Path, key: str, word: str) -> str:
    """Rewrite the saved index with ``word`` added to one node's names; that node's id."""
    found = indexfile.read(indexfile.side_path(path), _key(path), _nodes(path))
    assert found is not None
    names, raw, postings, kind_number = found
    nid = next(n for n in names if not n.startswith("source/"))   # (sources are not searched)
    names[nid] = [*names[nid], word]
    postings = {**postings, word: [nid]}
    indexfile.side_path(path).write_bytes(indexfile.encode(key, names, raw, postings, kind_number))
    return nid


def _copy(saved: Path, folder: Path) -> Path:
    """The saved graph file and its index, copied into ``folder``."""
    path = folder / saved.name
    path.write_bytes(saved.read_bytes())
    indexfile.side_path(path).write_bytes(indexfile.side_path(saved).read_bytes())
    return path


def _key(path: Path) -> str:
    return file_key(path.read_bytes())


def _nodes(path: Path) -> set[str]:
    return set(NxStore.load(path).graph.nodes)


def test_a_saved_graph_searches_from_its_index_file_with_the_same_answers(saved: Path, tmp_path: Path) -> None:
    side = indexfile.side_path(saved)
    assert side.is_file() and side.name == "graph.kg.idx"
    with_file = _answers(NxStore.load(saved))
    copy = tmp_path / "graph.kg"
    copy.write_bytes(saved.read_bytes())              # the same graph, no index beside it
    assert with_file == _answers(NxStore.load(copy)) and with_file


def test_the_index_file_is_used_only_for_the_graph_file_it_was_built_from(saved: Path, tmp_path: Path) -> None:
    path = _copy(saved, tmp_path)
    nid = _doctored(path, _key(path), "zzqxyw")
    assert [h.id for h in search(NxStore.load(path).graph, "zzqxyw")] == [nid]    # read, not rebuilt
    _doctored(path, "1:00000000", "zzqxyw")                                     # another file's
    assert search(NxStore.load(path).graph, "zzqxyw") == []
    for junk in (b"", b"VNKI\n{}\n", b"VNKI\n" + path.read_bytes()[5:200], b"\x00" * 100):
        indexfile.side_path(path).write_bytes(junk)
        assert _answers(NxStore.load(path)) == _answers(NxStore.load(saved))


def test_a_graph_changed_since_it_was_read_does_not_search_the_file(saved: Path, tmp_path: Path) -> None:
    path = _copy(saved, tmp_path)
    _doctored(path, _key(path), "zzqxyw")
    store = NxStore.load(path)
    store.add_extraction(plan_32())                   # a new revision: the file is not its index
    assert search(store.graph, "zzqxyw") == []
    assert any(h.id.startswith("instrument/") for h in search(store.graph, "Kế hoạch 32"))


def test_a_save_whose_index_cannot_be_written_still_saves_the_graph(tmp_path: Path) -> None:
    path = tmp_path / "graph.kg"
    indexfile.side_path(path).mkdir()                # in the way: the index cannot be written there
    seed_store().save(path)
    assert _answers(NxStore.load(path)) and not list(tmp_path.glob(".*tmp*"))
