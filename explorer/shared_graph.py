"""The graph file as every session of one explorer server sees it.

Why: sessions share one loaded graph (loading the corpus graph takes seconds), but the file is
also written by others: a CLI build, another server, this server's own ingests (which run
``graph build`` in a child process).  The shared copy is never changed in place (a visitor
reading it while another ingests would see it change under them); when the file on disk
changes, the next page loads the new file and swaps it in, and readers keep the copy they hold.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from graph.store import GraphFileError, NxStore


def _stamp(path: Path) -> tuple[int, int, int] | None:
    """What changes whenever the file is replaced (an atomic save is a new inode)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


class SharedGraph:
    """The current store of ``path``, reloaded when the file changes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._store: NxStore | None = None
        self._stamp: tuple[int, int, int] | None = None
        self._refused: tuple[tuple[int, int, int] | None, GraphFileError] | None = None

    def store(self) -> NxStore:
        """The store as the file now is (GraphFileError when the file cannot be read; a file
        once refused is not read again until it changes: a crafted file costs one attempt)."""
        stamp = _stamp(self.path)
        if self._store is None or stamp != self._stamp:
            with self._lock:
                if self._refused is not None and self._refused[0] == stamp:
                    raise self._refused[1]
                if self._store is None or stamp != self._stamp:
                    try:
                        # not frozen (gc.freeze): the copy this one replaces must be collectable
                        self._store = NxStore.load(self.path, freeze=False)
                    except GraphFileError as e:
                        self._refused = (stamp, e)
                        raise
                    self._stamp, self._refused = stamp, None
        return self._store
