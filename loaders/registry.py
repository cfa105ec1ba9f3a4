"""The registry of the political system (data/registry/): national bodies' units with their true
parent, and the countries whose bodies are never Vietnamese ones.

Loaders and graph read bodies through `body_entries()`, so a unit the registry knows is one
named body everywhere: matched by longest match, given its registry parent whatever ministry an
article is about, labelled in both languages from the registry.  A unit name that exists under
several parents (Văn phòng, Thanh tra, Vụ Pháp chế ...) is *repeated*: it is never matched on
its own, and keeps taking the parent the text or the article gives.  See data/registry/README.md.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from loaders.vntext import fold, old_tones

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
REGISTRY_DIR = DATA_DIR / "registry"
BODIES_FILE = DATA_DIR / "lexicons" / "bodies.toml"

_FILE_KEYS = {"body", "sources", "unit"}
_UNIT_KEYS = {"name", "en", "aliases", "parent", "since", "until", "formerly", "repeated", "branch_head"}


class RegistryError(ValueError):
    """A registry file that does not have the documented shape (names the file and the entry)."""


@dataclass(frozen=True)
class RegistryUnit:
    name: str
    parent: str
    en: str = ""
    aliases: tuple[str, ...] = ()
    since: int | None = None
    until: int | None = None
    formerly: tuple[str, ...] = ()
    repeated: bool = False
    branch_head: bool = False  # before ``since`` the name headed a branch in every province
    source: str = ""          # the registry file it comes from


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise RegistryError(f"{path}: not valid TOML ({exc})") from exc


def _check_keys(path: Path, where: str, got: dict[str, Any], allowed: set[str]) -> None:
    unknown = sorted(set(got) - allowed)
    if unknown:
        raise RegistryError(f"{path}: {where}: unknown key(s) {', '.join(unknown)} "
                            f"(allowed: {', '.join(sorted(allowed))})")


def _year(path: Path, where: str, value: Any) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or not 1945 <= value <= 2100:
        raise RegistryError(f"{path}: {where}: a year must be a whole number 1945-2100, not {value!r}")
    return value


def _names(path: Path, where: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RegistryError(f"{path}: {where}: expected a list of names, not {value!r}")
    return tuple(value)


def read_units_file(path: Path) -> list[RegistryUnit]:
    """One data/registry/units/*.toml file, validated: unknown keys and malformed values are refused."""
    raw = _read(path)
    _check_keys(path, "file", raw, _FILE_KEYS)
    body = raw.get("body")
    if not isinstance(body, str) or not body.strip():
        raise RegistryError(f"{path}: the file must name its `body` (the parent of its units)")
    out = []
    for i, u in enumerate(raw.get("unit", []), 1):
        where = f"unit {i} ({u.get('name', '?')})"
        _check_keys(path, where, u, _UNIT_KEYS)
        name = u.get("name")
        if not isinstance(name, str) or not name.strip():
            raise RegistryError(f"{path}: {where}: every unit needs a `name`")
        out.append(RegistryUnit(
            name=name.strip(), parent=str(u.get("parent") or body).strip(), en=str(u.get("en", "")),
            aliases=_names(path, where, u.get("aliases", [])),
            since=_year(path, where, u.get("since")), until=_year(path, where, u.get("until")),
            formerly=_names(path, where, u.get("formerly", [])),
            repeated=bool(u.get("repeated", False)), branch_head=bool(u.get("branch_head", False)),
            source=path.name))
    return out


@lru_cache(maxsize=1)
def registry_units() -> tuple[RegistryUnit, ...]:
    """Every unit of every registry file, in file order."""
    units: list[RegistryUnit] = []
    for path in sorted((REGISTRY_DIR / "units").glob("*.toml")):
        units.extend(read_units_file(path))
    return tuple(units)


def _key(name: str) -> str:
    return fold(old_tones(name))


@lru_cache(maxsize=1)
def repeated_names() -> frozenset[str]:
    """Folded unit names that exist under several parents: marked so, or listed under two."""
    parents: dict[str, set[str]] = {}
    for u in registry_units():
        parents.setdefault(_key(u.name), set()).add(_key(u.parent))
    marked = {_key(u.name) for u in registry_units() if u.repeated}
    return frozenset(marked | {n for n, ps in parents.items() if len(ps) > 1})


_BARE_CODE = re.compile(r"[A-ZĐ]{1,2}\d{1,3}")


@lru_cache(maxsize=1)
def body_entries() -> tuple[dict[str, Any], ...]:
    """The national bodies (data/lexicons/bodies.toml) followed by every registry unit that names
    one body only, in the bodies file's shape (name, aliases, en, kind, parent).  A registry unit
    whose name or alias is already a national body is left to the bodies file."""
    with BODIES_FILE.open("rb") as fh:
        bodies: list[dict[str, Any]] = list(tomllib.load(fh)["body"])
    taken = {_key(a) for b in bodies for a in [b["name"], *b.get("aliases", [])]}
    repeated = repeated_names()
    alias_count = Counter(_key(a) for u in registry_units() for a in {u.name, *u.aliases})
    entries = [(u.name, u.aliases, u.en, u) for u in registry_units()]
    # a former name is a body of its own years, under the same parent (not an alias: a 2017
    # article's "Cục Quản lý thị trường" is not labelled with its 2018 name)
    entries += [(f, (), "", u) for u in registry_units() for f in u.formerly]
    for name, names, en, u in entries:
        if _key(name) in repeated or _key(name) in taken:
            continue
        # an alias two units share names neither; a bare code ("C01", "A05") is also an exam
        # subject, a room or a road, so it is kept in the data but not matched on its own
        aliases = [a for a in names if alias_count[_key(a)] == 1 and _key(a) not in taken and _key(a) not in repeated
                   and not _BARE_CODE.fullmatch(a)]
        taken.add(_key(name))
        taken.update(_key(a) for a in aliases)
        bodies.append({"name": name, "aliases": aliases, "en": en, "kind": "unit", "parent": u.parent,
                       "registry": u.source})
    return tuple(bodies)


@lru_cache(maxsize=1)
def countries() -> tuple[str, ...]:
    """Names of foreign countries and groups as Vietnamese prints them (data/registry/foreign.toml)."""
    path = REGISTRY_DIR / "foreign.toml"
    raw = _read(path)
    _check_keys(path, "file", raw, {"countries"})
    return _names(path, "countries", raw.get("countries", []))


@lru_cache(maxsize=1)
def law_titles() -> tuple[str, ...]:
    """Titles of laws, codes and ordinances as passed (data/registry/laws.toml), for reading a
    law's name whole where its words would otherwise end it ("Luật Trợ giúp pháp lý")."""
    return read_laws_file(REGISTRY_DIR / "laws.toml")


def read_laws_file(path: Path) -> tuple[str, ...]:
    """A laws file, validated: an unknown key or a title that is no law's is refused."""
    raw = _read(path)
    _check_keys(path, "file", raw, {"titles"})
    titles = _names(path, "titles", raw.get("titles", []))
    bad = [t for t in titles if not t.startswith(("Luật ", "Bộ luật ", "Pháp lệnh "))]
    if bad:
        raise RegistryError(f"{path}: titles: not a law's title: {bad[0]!r}")
    return titles


_PROVINCE_KEYS = {"name", "kind", "en", "aliases", "since", "until", "merged_into", "formerly"}


@dataclass(frozen=True)
class RegistryProvince:
    name: str                 # the place name as printed after "tỉnh" / "thành phố"
    kind: str                 # "province" (tỉnh) | "city" (thành phố trực thuộc trung ương)
    en: str = ""
    aliases: tuple[str, ...] = ()
    since: int | None = None
    until: int | None = None
    merged_into: str | None = None
    formerly: tuple[str, ...] = ()


def _places(path: Path, table: str, keys: set[str], kinds: tuple[str, ...]) -> Iterator[tuple[str, dict[str, Any]]]:
    """The entries of a places file's ``table`` with where each stands (for messages), each
    checked for unknown keys, a name and a kind of ``kinds``."""
    raw = _read(path)
    _check_keys(path, "file", raw, {table})
    for i, entry in enumerate(raw.get(table, []), 1):
        where = f"{table} {i} ({entry.get('name', '?')})"
        _check_keys(path, where, entry, keys)
        if not isinstance(entry.get("name"), str) or not entry["name"].strip():
            raise RegistryError(f"{path}: {where}: every {table} needs a `name`")
        if entry.get("kind") not in kinds:
            raise RegistryError(f"{path}: {where}: kind must be one of {', '.join(kinds)}, not {entry.get('kind')!r}")
        yield where, entry


def read_provinces_file(path: Path) -> list[RegistryProvince]:
    """data/registry/provinces.toml, validated: unknown keys, an unknown kind, a year out of range
    or a ``merged_into`` naming no province are refused with the file and the entry."""
    out = []
    for where, e in _places(path, "province", _PROVINCE_KEYS, ("province", "city")):
        out.append(RegistryProvince(
            name=e["name"].strip(), kind=e["kind"], en=str(e.get("en", "")),
            aliases=_names(path, where, e.get("aliases", [])),
            since=_year(path, where, e.get("since")), until=_year(path, where, e.get("until")),
            merged_into=e.get("merged_into"), formerly=_names(path, where, e.get("formerly", []))))
    names = {fold(p.name) for p in out}
    for p in out:
        for other in [p.merged_into or "", *p.formerly]:
            if other and fold(other) not in names:
                raise RegistryError(f"{path}: province {p.name}: {other!r} is no province of the file")
    return out


@lru_cache(maxsize=1)
def provinces() -> tuple[RegistryProvince, ...]:
    """The provinces and centrally-run cities, of 2017 and of the 2025 arrangement, with their
    predecessors (data/registry/provinces.toml); empty when the file is absent."""
    path = REGISTRY_DIR / "provinces.toml"
    return tuple(read_provinces_file(path)) if path.exists() else ()


_DISTRICT_KEYS = {"name", "kind", "province", "aliases", "since", "until"}
_DISTRICT_KINDS = ("huyện", "quận", "thị xã", "thành phố")


@dataclass(frozen=True)
class RegistryDistrict:
    name: str                 # the place name as printed after "huyện" / "quận" / ... ("Thạch Hà", "1")
    kind: str                 # "huyện" | "quận" | "thị xã" | "thành phố" (its kind in 2017)
    province: str             # a name of provinces.toml
    aliases: tuple[str, ...] = ()
    since: int | None = None
    until: int | None = None


def read_districts_file(path: Path, province_names: set[str]) -> list[RegistryDistrict]:
    """data/registry/districts.toml, validated: unknown keys, an unknown kind or a province that
    provinces.toml does not hold are refused with the file and the entry."""
    out = []
    for where, d in _places(path, "district", _DISTRICT_KEYS, _DISTRICT_KINDS):
        if fold(str(d.get("province", ""))) not in province_names:
            raise RegistryError(f"{path}: {where}: province {d.get('province')!r} is not in provinces.toml")
        out.append(RegistryDistrict(
            name=d["name"].strip(), kind=d["kind"], province=d["province"],
            aliases=_names(path, where, d.get("aliases", [])),
            since=_year(path, where, d.get("since")), until=_year(path, where, d.get("until"))))
    return out


@lru_cache(maxsize=1)
def districts() -> tuple[RegistryDistrict, ...]:
    """The district-level units of 2017 and those formed later (data/registry/districts.toml);
    empty when the file is absent."""
    path = REGISTRY_DIR / "districts.toml"
    names = {fold(p.name) for p in provinces()}
    return tuple(read_districts_file(path, names)) if path.exists() else ()
