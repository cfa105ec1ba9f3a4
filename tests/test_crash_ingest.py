"""kill -9 during the parallel ingest (not only during the save, see tests/test_graph_crash.py).

A build of a folder is killed while its worker processes extract, at several moments, either
the main process alone (its workers are orphaned) or the whole process group (a machine that
dies).  The previous graph must load unchanged, no worker may linger, and the next build
completes the work.  Real processes, real files, no mocks.
"""

from __future__ import annotations

import glob
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from graph_fixtures import SEEDS

from graph.store import NxStore

ROOT = Path(__file__).resolve().parent.parent


def write_archive(path: Path, tag: str, n: int) -> None:
    """``n`` distinct articles made from the seeds (each with its own line, so its own hash)."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.iterdir())]
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            text = seeds[i % len(seeds)] + f"\nBản tin {tag} số {i}.\n"
            f.write(json.dumps({"id": f"{tag}-{i}", "title": text.split("\n", 1)[0], "text": text},
                               ensure_ascii=False) + "\n")


def build(folder: Path, graph: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "graph", "--graph", str(graph), "build", "--workers", "2",
                             str(folder)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def children(pid: int) -> set[int]:
    out: set[int] = set()
    for path in glob.glob(f"/proc/{pid}/task/*/children"):
        try:
            out |= {int(x) for x in Path(path).read_text().split()}
        except OSError:
            continue
    return out


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes, float]:
    """A folder with a first archive ingested (the good graph), and how long a build of the
    second, larger archive takes uninterrupted."""
    work = tmp_path_factory.mktemp("crash-ingest")
    folder = work / "docs"
    folder.mkdir()
    write_archive(folder / "a.jsonl", "a", 100)
    graph = work / "graph.kg"
    first = build(folder, graph)
    assert first.wait(180) == 0, first.communicate()[1]
    good = graph.read_bytes()
    write_archive(folder / "b.jsonl", "b", 500)
    timing = work / "timing.pickle"
    timing.write_bytes(good)
    full = build(folder, timing)
    started = workers_up(full)
    assert full.wait(300) == 0, full.communicate()[1]
    (folder / "b.jsonl").unlink()
    return folder, good, time.monotonic() - started


def workers_up(proc: subprocess.Popen[str]) -> float:
    """Wait until the build's pool is up; the moment it was seen."""
    deadline = time.monotonic() + 60
    while len(children(proc.pid)) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.01)
    assert len(children(proc.pid)) >= 2, f"the build never started its workers: {proc.poll()} {proc.stderr.read() if proc.poll() is not None and proc.stderr else ''}"
    return time.monotonic()


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="needs Linux /proc to find the workers")
@pytest.mark.parametrize("target", ["main process", "process group"])
@pytest.mark.parametrize("fraction", [0.15, 0.5, 0.85])
def test_kill_during_parallel_ingest(tmp_path: Path, base: tuple[Path, bytes, float], fraction: float,
                                     target: str) -> None:
    template, good, build_s = base
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.jsonl").write_bytes((template / "a.jsonl").read_bytes())
    write_archive(folder / "b.jsonl", "b", 500)
    graph = tmp_path / "graph.kg"
    graph.write_bytes(good)

    delay = build_s * fraction
    for _ in range(4):        # a build faster than the one timed finishes first: try again, sooner
        proc = build(folder, graph)
        workers_up(proc)
        workers = children(proc.pid)
        time.sleep(delay)
        if proc.poll() is None:
            break
        proc.communicate()
        graph.write_bytes(good)
        delay /= 2
    assert proc.poll() is None, "the build always finished before it could be killed"
    if target == "main process":
        os.kill(proc.pid, signal.SIGKILL)
    else:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(30)
    assert proc.returncode == -signal.SIGKILL

    end = time.monotonic() + 20                      # orphaned workers notice and exit
    while any(alive(w) for w in workers) and time.monotonic() < end:
        time.sleep(0.05)
    assert not [w for w in workers if alive(w)], "workers outlived the killed build"

    loaded = NxStore.load(graph)                     # the previous graph (or, killed in its save, the new one)
    tags = {sid.split("#", 1)[1].split("-")[0] for sid in loaded.manifest}
    if graph.read_bytes() == good:
        assert tags == {"a"} and len(loaded.manifest) == 100
    else:
        assert tags == {"a", "b"} and len(loaded.manifest) == 600

    rerun = build(folder, graph)                     # the next run completes the work
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    done = NxStore.load(graph)
    assert len(done.manifest) == 600
    assert "failed 0" in out
    assert not list(tmp_path.glob(".graph.kg.tmp-*"))
