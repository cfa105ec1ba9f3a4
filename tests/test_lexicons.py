"""The vocabularies are data the code reads: a key nothing reads is an edit that silently does
nothing (data/lexicons/README.md), so it fails here with its file's name."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LEXICONS = sorted((ROOT / "data" / "lexicons").glob("*.toml"))
SOURCE = "\n".join(p.read_text(encoding="utf-8") for d in ("loaders", "graph", "bench") for p in (ROOT / d).glob("*.py"))


@pytest.mark.parametrize("path", LEXICONS, ids=lambda p: p.name)
def test_every_key_of_a_vocabulary_is_read_by_the_code(path: Path) -> None:
    with path.open("rb") as fh:
        keys = list(tomllib.load(fh))
    unread = [k for k in keys if f'"{k}"' not in SOURCE and f"'{k}'" not in SOURCE]
    assert not unread, f"{path.name}: keys no code reads: {unread}"


def test_the_readme_lists_every_vocabulary() -> None:
    readme = (ROOT / "data" / "lexicons" / "README.md").read_text(encoding="utf-8")
    missing = [p.name for p in [*LEXICONS, ROOT / "data" / "lexicons" / "clutter.txt"] if f"`{p.name}`" not in readme]
    assert not missing, f"data/lexicons/README.md does not describe {missing}"
