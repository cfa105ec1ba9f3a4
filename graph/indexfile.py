"""The search index saved beside its graph file (``graph.kg.idx``), so that the first search of a
freshly opened graph reads the index instead of folding every name again (1 s for the 2017
corpus graph, 16 s for ten times it).

The file is data only, like the graph file: a magic line, a JSON header, one zstd frame of
MessagePack ``[names, raw, postings, kind_number]``.  The header names the graph file it was
built from (its size and CRC-32, ``graphfile.file_key``): an index whose key differs from the graph just read is
ignored and the index is built as before, so a stale, damaged or foreign file can cost time but
never change an answer.  Reading never raises; the store writes the file as it writes the graph
(atomically) and goes on without it when it cannot.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from graph.graphfile import max_decoded

MAGIC = b"VNKI\n"
_MAX_HEADER = 1024


def side_path(graph_path: Path) -> Path:
    """Where the index of the graph file at ``graph_path`` is kept."""
    return graph_path.with_name(graph_path.name + ".idx")


def encode(key: str, names: dict[str, list[str]], raw: dict[str, list[str]],
           postings: Mapping[str, Collection[str]], kind_number: Mapping[tuple[str, str], Collection[str]]) -> bytes:
    """The bytes of an index file for the graph file ``key`` names."""
    import msgpack
    import zstandard

    body = msgpack.packb([names, raw, {t: sorted(ids) for t, ids in postings.items()},
                          [[k, n, sorted(ids)] for (k, n), ids in kind_number.items()]], use_bin_type=True)
    header = json.dumps({"key": key, "bytes": len(body)}, separators=(",", ":")).encode()
    return MAGIC + header + b"\n" + zstandard.ZstdCompressor(level=3).compress(body)


def read(path: Path, key: str, nodes: Any) -> tuple[dict[str, list[str]], dict[str, list[str]],
                                                    dict[str, Collection[str]], dict[tuple[str, str], Collection[str]]] | None:
    """``(names, raw, postings, kind_number)`` of the index at ``path`` when it was built from the
    graph file ``key`` names and every id in it is one of ``nodes``; else None."""
    import msgpack
    import zstandard

    try:
        blob = path.read_bytes()
    except OSError:
        return None
    end = blob.find(b"\n", len(MAGIC), len(MAGIC) + _MAX_HEADER)
    if not blob.startswith(MAGIC) or end < 0:
        return None
    try:
        header = json.loads(blob[len(MAGIC):end])
        if not isinstance(header, dict) or header.get("key") != key:
            return None
        size = header.get("bytes")
        if not isinstance(size, int) or not 0 <= size <= max_decoded(len(blob)):
            return None
        body = zstandard.ZstdDecompressor().decompress(blob[end + 1:], max_output_size=size)
        collecting = gc.isenabled()
        gc.disable()                # a million small lists: collections would walk them all, twice
        try:
            doc = msgpack.unpackb(body, raw=False, strict_map_key=False, use_list=True)
        finally:
            if collecting:
                gc.enable()
    except (ValueError, TypeError, zstandard.ZstdError, msgpack.exceptions.UnpackException):
        return None
    if not (isinstance(doc, list) and len(doc) == 4 and all(isinstance(x, dict) for x in doc[:3])
            and isinstance(doc[3], list)):
        return None
    names, raw, postings, kn = doc
    if not (_lists_of_text(names) and _lists_of_text(raw) and _lists_of_text(postings)):
        return None
    if not (names.keys() <= nodes and raw.keys() <= nodes and all(i in nodes for ids in postings.values() for i in ids)):
        return None
    kind_number: dict[tuple[str, str], Collection[str]] = {}
    for row in kn:
        if not (isinstance(row, list) and len(row) == 3 and type(row[0]) is str and type(row[1]) is str
                and isinstance(row[2], list) and all(type(i) is str and i in nodes for i in row[2])):
            return None
        kind_number[(row[0], row[1])] = row[2]
    return names, raw, postings, kind_number


def _lists_of_text(d: dict[Any, Any]) -> bool:
    return all(type(k) is str and type(v) is list and all(type(x) is str for x in v) for k, v in d.items())
