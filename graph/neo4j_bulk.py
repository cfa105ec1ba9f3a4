"""The graph as CSV files for ``neo4j-admin database import full``: for a graph too big to load
through transactions (``python -m graph push`` sends 500 rows a statement; an offline bulk
import writes the store files directly, millions of rows a minute).

The files hold exactly what ``Neo4jStore.push`` would write: the same labels (``Node`` and the
node type's), the same properties (``encode_node``, ``encode_edge`` with the insertion order the
queries need, ``encode_manifest``) and the ``Meta`` node with the revision and sequence, so a
database imported from them is read by ``--backend neo4j`` as if it had been pushed.  One file
per node type and per link type, each with its own header of typed columns.  Arrays are split
by U+001F (the unit separator, which no text the readers keep contains), and so are the two
labels of a node.  Every value is quoted, so that an empty text stays an empty text: the import
reads an unquoted empty cell as no property.  ``import.sh`` beside the files is the command to run.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from graph import cypher as C
from graph.adjacency import edge_order
from graph.neo4j_store import encode_edge, encode_manifest, encode_node
from graph.store import SourceEntry

ARRAY_DELIMITER = "\x1f"
_ARRAY_FLAG = "U+001F"


class BulkExportError(ValueError):
    """A value the CSV layout cannot carry (a map, a mixed list, the array delimiter in text)."""


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list) and all(isinstance(x, str) for x in value):
        return "string[]"
    if isinstance(value, list) and all(isinstance(x, int) and not isinstance(x, bool) for x in value):
        return "long[]"
    raise BulkExportError(f"a property value of type {type(value).__name__} has no CSV column type")


def _column_types(rows: list[Mapping[str, Any]], what: str) -> dict[str, str]:
    """Each property's column type over all rows of one file; numbers that mix long and double
    are doubles, any other mix is refused (the database would hold a different value)."""
    out: dict[str, str] = {}
    for props in rows:
        for k, v in props.items():
            t = _kind(v)
            seen = out.setdefault(k, t)
            if seen != t:
                if {seen, t} == {"long", "double"}:
                    out[k] = "double"
                else:
                    raise BulkExportError(f"{what}: property {k!r} is {seen} in one row and {t} in another")
    return out


def _text(value: Any, kind: str) -> str:
    if kind.endswith("[]"):
        items = [str(x) for x in value]
        if any(ARRAY_DELIMITER in x for x in items):
            raise BulkExportError("a text holds U+001F, the array delimiter")
        if "" in items:         # [""] and [] would both be one empty cell
            raise BulkExportError("a list holds an empty text, which the layout cannot tell from no list")
        return ARRAY_DELIMITER.join(items)
    if kind == "boolean":
        return "true" if value else "false"
    return repr(float(value)) if kind == "double" else str(value)


def _cell(value: Any, kind: str) -> str:
    """A quoted value, or an empty unquoted cell for a missing one (no property)."""
    if value is None:
        return ""
    return '"' + _text(value, kind).replace('"', '""') + '"'


def _write(path: Path, head: list[str], types: dict[str, str], rows: Iterable[tuple[list[str], Mapping[str, Any]]]) -> None:
    """One CSV file: the fixed columns ``head`` (already typed), then a typed column a property."""
    keys = sorted(types)
    with path.open("w", encoding="utf-8", newline="") as f:
        columns = head + [f"{k}:{types[k]}" for k in keys]
        if any(set(c) & set(',"\n') for c in columns):
            raise BulkExportError(f"{path.name}: a property name holds a comma, a quote or a line break")
        f.write(",".join(columns) + "\n")
        for fixed, props in rows:
            f.write(",".join([_cell(c, "string") for c in fixed] + [_cell(props.get(k), types[k]) for k in keys]) + "\n")


def write_bulk(g: nx.MultiDiGraph, sources: Mapping[str, SourceEntry], folder: Path) -> list[Path]:
    """The CSV files and ``import.sh`` for ``neo4j-admin database import full``; returns them."""
    folder.mkdir(parents=True, exist_ok=True)
    by_type: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for n, d in g.nodes(data=True):
        props = encode_node(n, d)
        props.pop("id")
        by_type.setdefault(d["type"], []).append((n, props))
    node_files: list[Path] = []
    for t, items in sorted(by_type.items()):
        if t not in C.MERGE_NODES:
            raise BulkExportError(f"node type {t!r} is not in data/schema.toml")
        path = folder / f"nodes_{t}.csv"
        types = _column_types([p for _, p in items], path.name)
        _write(path, ["id:ID(Node)", ":LABEL"], types,
               (([n, C.NODE + ARRAY_DELIMITER + t], p) for n, p in items))
        node_files.append(path)
    orders = edge_order(g)
    e_by_type: dict[str, list[tuple[str, str, dict[str, Any]]]] = {}
    for (u, v, k), order in orders.items():
        d = g.edges[u, v, k]
        e_by_type.setdefault(d["type"], []).append((u, v, encode_edge(k, d, order)))
    edge_files: list[Path] = []
    for t, erows in sorted(e_by_type.items()):
        if t not in C.MERGE_EDGES:
            raise BulkExportError(f"edge type {t!r} is not in data/schema.toml")
        path = folder / f"links_{t}.csv"
        types = _column_types([p for _, _, p in erows], path.name)
        _write(path, [":START_ID(Node)", ":END_ID(Node)", ":TYPE"], types,
               (([u, v, t], p) for u, v, p in erows))
        edge_files.append(path)
    manifest = [encode_manifest(e)["props"] for e in sources.values()]
    for m in manifest:
        m.pop("source_id")
    path = folder / "manifest.csv"
    _write(path, ["source_id:ID(Manifest)", ":LABEL"], _column_types(manifest, path.name),
           (([sid, C.MANIFEST], m) for sid, m in zip(sources, manifest, strict=True)))
    node_files.append(path)
    path = folder / "meta.csv"
    meta = {"revision": int(g.graph.get("revision", 0)), "seq": len(orders)}
    _write(path, ["id:ID(Meta)", ":LABEL"], _column_types([meta], path.name), [(["graph", C.META], meta)])
    node_files.append(path)
    script = folder / "import.sh"
    script.write_text(import_command(node_files, edge_files) + "\n", encoding="utf-8")
    return [*node_files, *edge_files, script]


def import_command(node_files: list[Path], edge_files: list[Path], database: str = "neo4j") -> str:
    """The neo4j-admin command that imports the files into a new, empty database."""
    # the database comes right after "full": from 5.19 on, a name after the file options is read
    # as one more file
    parts = ["neo4j-admin", "database", "import", "full", database, f"--array-delimiter={_ARRAY_FLAG}",
             "--multiline-fields=true", "--overwrite-destination=false"]
    parts += [f"--nodes={p.name}" for p in node_files]
    parts += [f"--relationships={p.name}" for p in edge_files]
    return ("#!/bin/sh\n# run in this folder on the Neo4j server, then: CREATE DATABASE (or start it) and\n"
            "# python -m graph --backend neo4j sources, which creates the indexes the queries use\n"
            'cd "$(dirname "$0")" && ' + " ".join(shlex.quote(p) for p in parts))
