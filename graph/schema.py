"""The graph's vocabulary, read once from data files so that code never spells it.

``data/schema.toml`` holds the node and edge types (labels in English and Vietnamese,
drawing colours and shapes, which edges make up an instrument's lineage);
``data/lexicons/instruments.toml`` (shared with the extractor) the instrument kinds and
number type codes; the national bodies and the registry's units (``loaders.registry``, also the
extractor's) the bodies' English names, aliases and parents;
``data/lexicons/units.toml`` the unit heads that repeat across parents.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from loaders.registry import body_entries

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
LEXICONS = DATA_DIR / "lexicons"


@dataclass(frozen=True)
class NodeType:
    name: str
    en: str
    vi: str
    color: str
    shape: str
    description: str = ""


@dataclass(frozen=True)
class EdgeType:
    name: str
    en: str
    vi: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    color: str
    lineage: bool = False
    status: str | None = None
    lineage_reversed: bool = False      # lineage follows the edge against its direction (ISSUES)


@dataclass(frozen=True)
class Kind:
    name: str
    en: str
    vi: str


@dataclass(frozen=True)
class Body:
    name: str           # canonical Vietnamese name
    en: str
    abbrev: str = ""
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    kind: str = ""


@dataclass(frozen=True)
class Schema:
    nodes: dict[str, NodeType]
    edges: dict[str, EdgeType]
    kinds: dict[str, Kind]
    type_codes: dict[str, str]          # upper-cased code, Đ kept -> kind
    kind_words: dict[str, str]          # Vietnamese prose word -> kind
    bodies: dict[str, Body]             # canonical name -> body
    unit_heads: dict[str, str]          # Vietnamese head -> English head
    status_order: tuple[str, ...]
    status_default: str
    status_labels: dict[str, dict[str, str]] = field(default_factory=dict)
    code_exact: dict[str, str] = field(default_factory=dict)    # upper-cased code -> as printed in ids
    code_folded: dict[str, str] = field(default_factory=dict)   # upper-cased, Đ->D -> as printed
    authority: dict[str, int] = field(default_factory=dict)     # kind of source -> weight of its claims
    event_kinds_vi: dict[str, str] = field(default_factory=dict)  # English event kind -> its Vietnamese word

    @property
    def lineage_edges(self) -> tuple[str, ...]:
        return tuple(n for n, e in self.edges.items() if e.lineage)

    def kind_label(self, kind: str, lang: str = "vi") -> str:
        k = self.kinds.get(kind) or self.kinds.get("other")
        if k is None:
            return kind
        return k.en if lang == "en" else k.vi


def _read_toml(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    with path.open("rb") as f:
        return tomllib.load(f)


def _read_bodies() -> dict[str, Body]:
    bodies: dict[str, Body] = {}
    for b in body_entries():
        if b.get("name") and b.get("en"):
            bodies[b["name"]] = Body(b["name"], b["en"], b.get("code", ""),
                                     tuple(b.get("aliases", [])), b.get("parent"), b.get("kind", ""))
    return bodies


@lru_cache(maxsize=1)
def load_schema() -> Schema:
    """Read the data files once; every module asks this function, never the files."""
    raw = _read_toml(DATA_DIR / "schema.toml")
    nodes = {
        n: NodeType(n, d["en"], d["vi"], d["color"], d["shape"], d.get("description", ""))
        for n, d in raw["nodes"].items()
    }
    edges = {
        n: EdgeType(
            n, d["en"], d["vi"], tuple(d["from"]), tuple(d["to"]), d["color"],
            bool(d.get("lineage", False)), d.get("status"), bool(d.get("lineage_reversed", False)),
        )
        for n, d in raw["edges"].items()
    }
    inst = _read_toml(LEXICONS / "instruments.toml")
    kinds = {k: Kind(k, v["en"], v["vi"]) for k, v in inst.get("kinds", {}).items()}
    kinds.setdefault("other", Kind("other", "Document", "Văn bản"))
    type_codes = {str(c).upper().replace("Ð", "Đ"): v for c, v in inst.get("type_codes", {}).items()}
    units = _read_toml(LEXICONS / "units.toml")
    status = raw.get("status", {})
    bodies = _read_bodies()
    code_exact, code_folded = _code_tables(
        raw.get("numbers", {}),
        [*type_codes, *inst.get("issuer_codes", {}), *(b.abbrev for b in bodies.values())],
    )
    return Schema(
        nodes=nodes,
        edges=edges,
        kinds=kinds,
        type_codes=type_codes,
        kind_words=dict(inst.get("kind_words", {})),
        bodies=bodies,
        unit_heads=dict(units.get("heads", {})),
        status_order=tuple(status.get("order", ["in force"])),
        status_default=status.get("default", "in force"),
        status_labels=dict(status.get("labels", {})),
        code_exact=code_exact,
        code_folded=code_folded,
        authority={str(k): int(v) for k, v in raw.get("authority", {}).items()},
        event_kinds_vi=_event_kinds_vi(),
    )


def _event_kinds_vi() -> dict[str, str]:
    """Each event kind's Vietnamese label: the first cue data/lexicons/events.toml lists for it
    ("working session" -> "Buổi làm việc"), unless its [kind_labels] names one."""
    events = _read_toml(LEXICONS / "events.toml")
    out: dict[str, str] = dict(events.get("kind_labels", {}))
    for cue, kind in events.get("kinds", {}).items():
        out.setdefault(kind, cue[:1].upper() + cue[1:])
    return out


def _code_tables(numbers: dict[str, Any], codes: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    """How each known letter code is printed in an id, found by exact or Đ-less spelling."""
    mixed = {str(c).upper(): str(c) for c in numbers.get("mixed_case", [])}
    exact: dict[str, str] = {}
    for c in [*codes, *numbers.get("extra_codes", []), *mixed.values()]:
        up = str(c).upper().replace("Ð", "Đ")
        if up and up.replace("Đ", "").isalpha():
            exact[up] = mixed.get(up, up)
    folded: dict[str, str] = {}
    clashes: set[str] = set()
    for up, printed in exact.items():
        key = up.replace("Đ", "D")
        if key in folded and folded[key] != printed:
            clashes.add(key)
        folded.setdefault(key, printed)
    for key in clashes:
        folded.pop(key)
    return exact, folded


NODE_TYPES = ("Instrument", "Agency", "Person", "Event", "Source")
