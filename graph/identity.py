"""Hand corrections of who is who (data/identity.toml): names of one person, people of one name.

Ids come from names (graph/ids.py); a reader who knows better says so here, and every build
applies it: ``same_as`` gives the name whose id a variant takes, ``apart`` the node of its own a
person of a shared name gets in an article that names the body telling them apart.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from graph.ids import body_key, canonical_body, person_id, slug

IDENTITY_FILE = Path(__file__).resolve().parent.parent / "data" / "identity.toml"


class IdentityError(ValueError):
    """data/identity.toml is not as this module reads it."""


@dataclass(frozen=True)
class Apart:
    name: str
    at: str
    label: str

    @property
    def node_id(self) -> str:
        return f"{person_id(self.name)}~{slug(canonical_body(self.at))}"


@dataclass(frozen=True)
class Identity:
    same: dict[str, str]                 # folded-id of a variant -> the name it is printed as first
    apart: dict[str, tuple[Apart, ...]]  # person id -> the people of that name told apart


def read_identity(path: Path = IDENTITY_FILE) -> Identity:
    """The file, checked: unknown keys, a [[same]] of fewer than two names or an [[apart]] without
    its three keys are refused with the file's name."""
    try:
        with path.open("rb") as fh:
            raw: dict[str, Any] = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise IdentityError(f"{path}: {e}") from None
    if set(raw) - {"same", "apart"}:
        raise IdentityError(f"{path}: unknown keys {sorted(set(raw) - {'same', 'apart'})}")
    same: dict[str, str] = {}
    for i, entry in enumerate(raw.get("same", [])):
        names = entry.get("names") if isinstance(entry, dict) else None
        if set(entry) - {"names"} or not isinstance(names, list) or len(names) < 2 \
                or not all(isinstance(n, str) and n.strip() for n in names):
            raise IdentityError(f"{path}: [[same]] number {i + 1} needs names = [two or more names] and nothing else")
        for n in names[1:]:
            same[person_id(n)] = names[0]
    apart: dict[str, list[Apart]] = {}
    for i, entry in enumerate(raw.get("apart", [])):
        if not isinstance(entry, dict) or set(entry) != {"name", "at", "label"} \
                or not all(isinstance(v, str) and v.strip() for v in entry.values()):
            raise IdentityError(f"{path}: [[apart]] number {i + 1} needs exactly name, at and label")
        a = Apart(entry["name"], entry["at"], entry["label"])
        apart.setdefault(person_id(a.name), []).append(a)
    return Identity(same, {k: tuple(v) for k, v in apart.items()})


@lru_cache(maxsize=1)
def identity() -> Identity:
    """data/identity.toml, read once (``identity.cache_clear()`` after editing it in a process)."""
    return read_identity(IDENTITY_FILE)


def same_as(name: str) -> str:
    """The name whose id ``name`` takes: itself unless data/identity.toml says otherwise."""
    return identity().same.get(person_id(name), name)


def body(name: str) -> str:
    """How bodies are compared here: the canonical name's ``body_key`` ("Sở GD&ĐT TP.HCM" is "Sở
    Giáo dục và Đào tạo thành phố Hồ Chí Minh")."""
    return body_key(canonical_body(name))


def apart(name: str, own_bodies: set[str], named_bodies: set[str]) -> Apart | None:
    """The person of a shared name an article means: by a body they hold a post at, else by a body
    the article names (both sets of ``body`` keys)."""
    found = identity().apart.get(person_id(same_as(name)), ())
    for pool in (own_bodies, named_bodies):
        for a in found:
            if body(a.at) in pool:
                return a
    return None
