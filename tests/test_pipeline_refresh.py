"""A file read by older extraction rules is re-extracted on the next build; an unchanged
file read by the current rules is skipped."""

from __future__ import annotations

from pathlib import Path

from graph.fingerprint import pipeline_files, pipeline_fingerprint
from graph.ingest import build
from graph.store import NxStore

SEEDS = Path(__file__).resolve().parent.parent / "data" / "seeds"


def test_rebuild_skips_current_and_refreshes_stale(tmp_path: Path) -> None:
    path = tmp_path / "g.kg"
    store = NxStore(path=path)
    first = build(store, [str(SEEDS)], workers=1, progress=False)
    assert first.added == 5 and store.stale_sources() == []
    store.save()

    again = NxStore.load(path)
    assert build(again, [str(SEEDS)], workers=1, progress=False).unchanged == 5

    for entry in again.manifest.values():
        entry.pipeline = "older-rules"
    again.save()
    old = NxStore.load(path)
    assert len(old.stale_sources()) == 5
    refreshed = build(old, [str(SEEDS)], workers=1, progress=False)
    assert refreshed.replaced == 5 and old.stale_sources() == []
    assert {e.pipeline for e in old.manifest.values()} == {pipeline_fingerprint()}
    assert old.graph.number_of_nodes() == store.graph.number_of_nodes()


def test_the_fingerprint_covers_the_registry_and_the_lexicons() -> None:
    # a registry unit's new alias changes what a file yields, so it must make the file stale
    covered = {p.relative_to(SEEDS.parent.parent).as_posix() for p in pipeline_files()}
    assert {"data/registry/provinces.toml", "data/registry/districts.toml", "data/registry/units/bo-xay-dung.toml",
            "data/lexicons/titles.toml", "loaders/extract_people.py"} <= covered
