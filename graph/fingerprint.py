"""A fingerprint of the code and data that turn a file into graph facts.

Re-ingesting an unchanged file is skipped by its content hash; but when the extraction rules,
the lexicons or the id scheme change, the same file yields different facts.  Each manifest
entry records the fingerprint it was made with, so a build re-extracts what an older pipeline
read, and the app can refresh its bundled corpus.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_PARTS = ("loaders/*.py", "graph/ids.py", "graph/merge.py", "data/lexicons/*", "data/registry/*.toml",
          "data/registry/units/*.toml", "data/schema.toml", "data/identity.toml", "graph/identity.py")


def pipeline_files() -> list[Path]:
    """The files the fingerprint covers: every one whose change can change a file's facts."""
    return [path for pattern in _PARTS for path in sorted(ROOT.glob(pattern)) if path.is_file()]


@lru_cache(maxsize=1)
def pipeline_fingerprint() -> str:
    """sha1 (12 hex) over the extraction code, the lexicons, the registry and the graph's id/merge rules."""
    h = hashlib.sha1()
    for path in pipeline_files():
        h.update(path.relative_to(ROOT).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


_WEIGHT_PARTS = ("graph/weigh.py", "graph/copies.py", "data/confidence.toml", "data/rule_precision.toml",
                 "data/lexicons/titles.toml", "data/lexicons/bodies.toml", "data/schema.toml")


@lru_cache(maxsize=1)
def weights_fingerprint() -> str:
    """sha1 (12 hex) over what graph/weigh.py derives a fact's confidence from: a graph weighed
    under other rules or figures is weighed again when read."""
    h = hashlib.sha1()
    for path in [ROOT / p for p in _WEIGHT_PARTS] + sorted((ROOT / "data" / "registry").rglob("*.toml")):
        h.update(path.relative_to(ROOT).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]
