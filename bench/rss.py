"""Peak resident memory of this process and of its worker processes, sampled from /proc.

Why sampling: ``getrusage`` only reports the largest *finished* child, not how much the
parent and its workers hold at the same moment, which is what a 2 GB budget is about.  A
thread reads the memory of this process and its descendants every ``interval`` seconds and
keeps the largest sum (of PSS, so pages a forked worker shares with its parent count once);
each process's own peak comes from its ``VmHWM`` (exact, not sampled).
Linux only; elsewhere the figures fall back to ``getrusage``.
"""

from __future__ import annotations

import glob
import os
import resource
import threading
from dataclasses import dataclass, field
from types import TracebackType


def _status_kb(pid: int | str, key: str, file: str = "status") -> int:
    try:
        with open(f"/proc/{pid}/{file}") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _pss_kb(pid: int | str) -> int:
    """Proportional set size: shared pages split between the processes sharing them."""
    return _status_kb(pid, "Pss", "smaps_rollup") or _status_kb(pid, "VmRSS")


def _children(pid: int) -> list[int]:
    out: list[int] = []
    for path in glob.glob(f"/proc/{pid}/task/*/children"):
        try:
            with open(path) as f:
                out.extend(int(x) for x in f.read().split())
        except (OSError, ValueError):
            continue
    return out


def descendants(pid: int) -> list[int]:
    found: list[int] = []
    stack = _children(pid)
    while stack:
        p = stack.pop()
        found.append(p)
        stack.extend(_children(p))
    return found


@dataclass
class RssPeaks:
    parent_mb: float = 0.0          # this process's peak (VmHWM) since the monitor started
    worker_mb: float = 0.0          # the largest descendant's peak
    total_mb: float = 0.0           # largest sampled sum (PSS) of this process and its descendants
    workers_seen: int = 0
    worker_peaks: dict[int, float] = field(default_factory=dict)


class RssMonitor:
    """``with RssMonitor() as m: ...`` then ``m.peaks``; resets this process's peak on entry."""

    def __init__(self, interval: float = 0.1) -> None:
        self.interval = interval
        self.peaks = RssPeaks()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name="rss-monitor")
        self._proc = os.path.exists("/proc/self/status")

    def __enter__(self) -> RssMonitor:
        if self._proc:
            try:   # "5" resets VmHWM, so earlier stages of the same process do not count
                with open("/proc/self/clear_refs", "w") as f:
                    f.write("5")
            except OSError:
                pass
            self._thread.start()
        return self

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None) -> None:
        if self._proc:
            self._stop.set()
            self._thread.join()
            self._sample()
            self.peaks.parent_mb = max(self.peaks.parent_mb, _status_kb("self", "VmHWM") / 1024)
        else:
            own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            self.peaks = RssPeaks(own, kids, own + kids)
        # a short peak of the parent alone (a save's buffer) can fall between two samples
        self.peaks.total_mb = max(self.peaks.total_mb, self.peaks.parent_mb)
        w = self.peaks.worker_peaks
        self.peaks.worker_mb = max(w.values(), default=0.0)
        self.peaks.workers_seen = len(w)

    def _sample(self) -> None:
        me = os.getpid()
        total = _pss_kb(me)
        self.peaks.parent_mb = max(self.peaks.parent_mb, _status_kb(me, "VmHWM") / 1024)
        for pid in descendants(me):
            total += _pss_kb(pid)
            hwm = _status_kb(pid, "VmHWM") / 1024
            if hwm:
                self.peaks.worker_peaks[pid] = max(self.peaks.worker_peaks.get(pid, 0.0), hwm)
        self.peaks.total_mb = max(self.peaks.total_mb, total / 1024)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()
