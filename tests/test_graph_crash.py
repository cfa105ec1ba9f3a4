"""kill -9 during a save leaves the last good graph loadable, and a rerun completes.

Real processes, no mocks: a build is killed while it writes (held half way by the
GRAPH_SAVE_PAUSE hook), and a large synthetic save is killed at several moments.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from graph_fixtures import SEEDS

from graph.store import PAUSE_ENV, NxStore

ROOT = Path(__file__).resolve().parent.parent


def cli(graph: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "graph", "--graph", str(graph), *args], cwd=ROOT,
                            env={**os.environ, **(env or {})}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def wait_for(pred, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if pred():
            return
        time.sleep(0.02)
    raise AssertionError("timed out")


def test_kill_during_save_keeps_previous_graph(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    seeds = sorted(SEEDS.iterdir())
    for f in seeds[:4]:
        shutil.copy(f, folder)
    graph = tmp_path / "graph.kg"
    first = cli(graph, "build", str(folder))
    assert first.wait(120) == 0
    good = graph.read_bytes()
    assert len(NxStore.load(graph).manifest) == 4

    shutil.copy(seeds[4], folder)
    proc = cli(graph, "build", str(folder), env={PAUSE_ENV: "60"})
    tmp_files = lambda: list(tmp_path.glob(f".graph.kg.tmp-{proc.pid}-*"))  # noqa: E731
    wait_for(lambda: bool(tmp_files()) and tmp_files()[0].stat().st_size > 0)
    tmp_file = tmp_files()[0]
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    assert proc.returncode == -signal.SIGKILL
    assert tmp_file.exists()                     # the half-written file is left behind ...
    assert graph.read_bytes() == good            # ... and the graph file is untouched
    assert len(NxStore.load(graph).manifest) == 4

    rerun = cli(graph, "build", str(folder))
    assert rerun.wait(120) == 0, rerun.stderr.read() if rerun.stderr else ""
    assert len(NxStore.load(graph).manifest) == 5
    assert not tmp_file.exists()                 # the next save cleans up the dead writer's file


BIG_SAVE = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, "tests")
    from graph_fixtures import source
    from graph.store import NxStore
    from loaders.model import Agency, Extraction, Person, Position

    path, n, tag = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    store = NxStore.load(path)
    for i in range(n):
        text = f"{tag} article {i}"
        people = [Person(f"Nguyen Van {tag} {i} {j}", [Position("Vụ trưởng", f"Vụ {tag} {i % 50}")])
                  for j in range(8)]
        agencies = [Agency(f"Vụ {tag} {i % 50}", parent="Bộ Nội vụ")]
        store.add_extraction(Extraction(source=source(f"{tag}-{i}.txt", text), people=people, agencies=agencies))
    print("SAVING", flush=True)
    t = time.perf_counter()
    store.save(path)
    print(f"SAVED {time.perf_counter() - t:.3f}", flush=True)
""")


def big_save(graph: Path, n: int, tag: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", BIG_SAVE, str(graph), str(n), tag], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture(scope="module")
def big_graph(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, float]:
    """A graph of 1500 synthetic articles (~25k nodes) and how long saving it took."""
    graph = tmp_path_factory.mktemp("big") / "graph.kg"
    base = big_save(graph, 1500, "base")
    out, err = base.communicate(timeout=300)
    assert base.returncode == 0, err
    return graph.read_bytes(), float(out.split("SAVED")[1])


@pytest.mark.parametrize("fraction", [0.05, 0.35, 0.65, 0.95, 1.2])
def test_kill_at_several_points_of_a_large_save(tmp_path: Path, big_graph: tuple[bytes, float],
                                                fraction: float) -> None:
    good, save_s = big_graph
    graph = tmp_path / "graph.kg"
    graph.write_bytes(good)
    victim = big_save(graph, 100, "new")
    assert victim.stdout is not None
    assert victim.stdout.readline().strip() == "SAVING"
    time.sleep(save_s * fraction)
    os.kill(victim.pid, signal.SIGKILL)
    victim.wait(30)
    loaded = NxStore.load(graph)               # never a torn file: the old graph or the new one
    names = {sid.split("-")[0] for sid in loaded.manifest}
    if graph.read_bytes() == good:
        assert names == {"base"} and len(loaded.manifest) == 1500
    else:
        assert names == {"base", "new"} and len(loaded.manifest) == 1600

    again = big_save(graph, 10, "again")
    _, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert len(NxStore.load(graph).manifest) in (1510, 1610)
    assert not list(tmp_path.glob(".graph.kg.tmp-*"))
