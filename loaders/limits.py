"""Limits on one source, the same in `loaders extract`, `graph build` and the app: its size and
the wall-clock time to read and extract it.

Why: the rules are linear for ordinary text, but one hostile file must never stall a batch for
hours whatever it holds; a source over the limit is reported and skipped, the batch goes on.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable
from typing import Any, TypeVar

MB = 1024 * 1024
MAX_BYTES = 200 * MB  # a file (or archive line) above this is refused, whatever its kind

TIMEOUT_ENV = "GRAPH_EXTRACT_TIMEOUT"
DEFAULT_TIMEOUT_S = 120.0   # per source; the largest corpus article (35 kB) takes well under 1 s

T = TypeVar("T")
A = TypeVar("A")


class ExtractionTimeout(Exception):
    """One source took longer than the per-source limit; it is reported and skipped."""


def timeout_s() -> float:
    """The limit in seconds ($GRAPH_EXTRACT_TIMEOUT; 0 or less: none)."""
    try:
        return float(os.environ.get(TIMEOUT_ENV) or DEFAULT_TIMEOUT_S)
    except ValueError:
        return DEFAULT_TIMEOUT_S


def time_limited(fn: Callable[[A], T], arg: A) -> T:
    """``fn(arg)`` under the per-source limit; ExtractionTimeout when it runs over.

    The limit uses SIGALRM, so it applies where signals can be delivered: the main thread of a
    process (a CLI, a build's worker, the app's ingest, which runs `graph build` as a child).
    """
    limit = timeout_s()
    if limit <= 0 or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return fn(arg)

    def on_alarm(signum: int, frame: Any) -> None:
        raise ExtractionTimeout(f"took longer than {limit:g} s ({TIMEOUT_ENV}); skipped")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        return fn(arg)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
