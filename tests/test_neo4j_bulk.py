"""The neo4j-admin bulk files (graph/neo4j_bulk.py) hold what a push writes: read back as
neo4j-admin reads them (quoted cells are values, an unquoted empty cell is no property, arrays and
labels split on the array delimiter, each column cast by its header's type), they give the same
properties, of the same types, as a push, and so the same graph, link order and manifest."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from graph_fixtures import SEEDS
from test_neo4j_falkordb import HOSTILE, comparable, manifest

from graph import cypher as C
from graph.adjacency import edge_order
from graph.export import export
from graph.ingest import build
from graph.neo4j_bulk import ARRAY_DELIMITER, BulkExportError, write_bulk
from graph.neo4j_store import YEARLESS, _order, decode_edge, decode_manifest, decode_node, encode_edge, encode_node
from graph.store import NxStore

_CAST = {"string": str, "long": int, "double": float, "boolean": lambda s: s == "true"}


_CELL = re.compile(r'"((?:[^"]|"")*)"|([^,"\n]*)')


def _records(text: str) -> list[list[str | None]]:
    """The rows of a CSV text as neo4j-admin splits them: a quoted cell is its text (quotes
    doubled inside), an unquoted empty cell is None."""
    rows: list[list[str | None]] = []
    row: list[str | None] = []
    pos = 0
    while pos < len(text):
        m = _CELL.match(text, pos)
        assert m is not None
        quoted, bare = m.groups()
        row.append(quoted.replace('""', '"') if quoted is not None else (bare or None))
        pos = m.end()
        assert text[pos] in ",\n", f"unexpected {text[pos]!r} after a cell"
        if text[pos] == "\n":
            rows.append(row)
            row = []
        pos += 1
    return rows


def _typed(header: list[str], row: list[str | None]) -> tuple[dict[str, str], dict[str, Any]]:
    """What neo4j-admin reads from one row: the special columns (":ID", ":LABEL" ...) and the
    typed properties; a missing cell is no property."""
    special: dict[str, str] = {}
    props: dict[str, Any] = {}
    for col, cell in zip(header, row, strict=True):
        name, _, kind = col.partition(":")
        if kind.startswith(("ID", "START_ID", "END_ID", "LABEL", "TYPE")):
            assert cell is not None
            special[kind.split("(")[0]] = cell
            if name:
                props[name] = cell    # "id:ID(Node)" keeps the id as the property "id"
        elif cell is not None and not (cell == "" and kind.endswith("[]")):    # an empty array is none
            cast = _CAST[kind.removesuffix("[]")]
            props[name] = [cast(x) for x in cell.split(ARRAY_DELIMITER)] if kind.endswith("[]") else cast(cell)
    return special, props


def _rows(path: Path) -> list[tuple[dict[str, str], dict[str, Any]]]:
    header, *rows = _records(path.read_text(encoding="utf-8"))
    assert all(header)
    return [_typed([str(c) for c in header], row) for row in rows]


def _strict(value: Any) -> Any:
    """A value with its type, so that 1 and 1.0, or "" and no value, compare apart."""
    if isinstance(value, list):
        return [_strict(x) for x in value]
    return (type(value).__name__, value)


def _read_back(folder: Path) -> tuple[nx.MultiDiGraph, dict[str, Any], dict[str, Any]]:
    g = nx.MultiDiGraph()
    links = []
    manifest_props, meta = {}, {}
    for path in sorted(folder.glob("*.csv")):
        for special, props in _rows(path):
            labels = special.get("LABEL", "").split(ARRAY_DELIMITER)
            if path.name.startswith("links_"):
                links.append((special["START_ID"], special["END_ID"], special["TYPE"], props))
            elif C.MANIFEST in labels:
                manifest_props[props["source_id"]] = props
            elif C.META in labels:
                meta = props
            else:
                assert labels[0] == C.NODE and labels[1] in C.LABELS
                nid, data = decode_node(props)
                g.add_node(nid, **data)
    for u, v, t, props in sorted(links, key=lambda r: (_order(r[3])[::-1], r[0], r[1], r[3]["key"])):
        data = decode_edge(props)
        assert data["type"] == t
        g.add_edge(u, v, key=props["key"], **data)
    return g, manifest_props, meta


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> NxStore:
    folder = tmp_path_factory.mktemp("bulk") / "docs"
    shutil.copytree(SEEDS, folder)
    odd = "; ".join(HOSTILE) + ', "trích dẫn", dòng\nmới'
    (folder / "hostile.txt").write_text(f"Ông Nguyễn Văn An, Thứ trưởng Bộ Nội vụ, nói: {odd}.\n"
                                        "Chỉ thị số 39-CT/TW ngày 1/12/2009 của Ban Bí thư.", encoding="utf-8")
    s = NxStore()
    summary = build(s, [str(folder)], workers=1, progress=False)
    assert not summary.failed
    return s


def test_bulk_files_read_back_as_the_same_graph_order_and_manifest(store: NxStore, tmp_path: Path) -> None:
    written = export(store.graph, "neo4j-admin", tmp_path / "bulk", store.sources())
    assert {p.name for p in written} >= {"nodes_Person.csv", "links_HOLDS_POSITION.csv", "manifest.csv",
                                          "meta.csv", "import.sh"}
    g, manifest_props, meta = _read_back(tmp_path / "bulk")
    assert comparable(g) == comparable(store.graph)
    back = NxStore(g, {sid: decode_manifest(p) for sid, p in manifest_props.items()})
    assert manifest(back) == manifest(store)
    assert meta == {"id": "graph", "revision": store.graph.graph["revision"], "seq": store.graph.number_of_edges()}
    script = (tmp_path / "bulk" / "import.sh").read_text(encoding="utf-8")
    assert "neo4j-admin database import full neo4j --array-delimiter=U+001F" in script
    assert script.count("--nodes=") == 7 and "--relationships=links_MENTIONS.csv" in script


def test_a_value_the_layout_cannot_carry_is_refused(store: NxStore, tmp_path: Path) -> None:
    g = store.graph.copy()
    n = next(iter(g.nodes))
    g.nodes[n]["aliases"] = ["a" + ARRAY_DELIMITER + "b"]
    with pytest.raises(BulkExportError, match="U\\+001F"):
        write_bulk(g, {}, tmp_path / "bad")


def test_each_row_holds_what_a_push_writes_with_its_types(store: NxStore, tmp_path: Path) -> None:
    folder = tmp_path / "bulk"
    write_bulk(store.graph, store.sources(), folder)
    read = {special["ID"]: props for path in folder.glob("nodes_*.csv") for special, props in _rows(path)}
    g = store.graph
    for n, d in g.nodes(data=True):
        pushed = {k: _strict(v) for k, v in encode_node(n, d).items() if v is not None}
        assert {k: _strict(v) for k, v in read[n].items()} == pushed
    links = {(s["START_ID"], s["END_ID"], p["key"]): p for path in folder.glob("links_*.csv") for s, p in _rows(path)}
    yearless = 0
    for (u, v, k), order in edge_order(g).items():
        pushed = {a: _strict(x) for a, x in encode_edge(k, g.edges[u, v, k], order).items() if x is not None}
        assert {a: _strict(x) for a, x in links[u, v, k].items()} == pushed
        yearless += YEARLESS[0] in links[u, v, k].get("ev_lo", [])
    assert yearless >= 1        # evidence dated without a year keeps its open range


def test_an_empty_text_stays_an_empty_text(store: NxStore, tmp_path: Path) -> None:
    g = store.graph.copy()
    n = next(n for n, d in g.nodes(data=True) if d["type"] == "Person")
    g.nodes[n]["label_en"] = ""
    write_bulk(g, {}, tmp_path / "empty")
    read = {special["ID"]: props for special, props in _rows(tmp_path / "empty" / "nodes_Person.csv")}
    assert read[n]["label_en"] == "" and encode_node(n, g.nodes[n])["label_en"] == ""
