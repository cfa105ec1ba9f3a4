"""A folded-token index over node names, built once per graph revision, for ranked search.

Why an index: a corpus graph has ~100k nodes and a search must answer in milliseconds,
so names are folded (no diacritics, lower case, đ→d) and split into tokens once; a query
intersects the tokens' postings and scores only those candidates.  Instruments are also
indexed by kind words (Vietnamese and English) and by the leading number, so "Directive 39"
and "Chỉ thị 39" find ``instrument/39-CT/TW``.
"""

from __future__ import annotations

import bisect
import math
import re
import tomllib
import weakref
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import networkx as nx

from graph import indexfile
from graph.ids import (
    fold,
    instrument_id,
    leading_number,
    looks_numbered,
    norm_number,
    normalize,
)
from graph.schema import LEXICONS, load_schema

_TOKEN = re.compile(r"[0-9a-z]+")
NAME_FIELDS = ("label", "label_en", "name", "number", "abbrev", "title", "kind")


@dataclass(frozen=True)
class Hit:
    id: str
    type: str
    label: str
    label_en: str
    score: float
    matched: str            # the name that matched best
    complete: bool = True   # every word of the query matched (else a partial, fallback hit)


@dataclass
class SearchIndex:
    revision: int
    nodes: int
    names: dict[str, list[str]] = field(default_factory=dict)      # id -> folded names
    raw: dict[str, list[str]] = field(default_factory=dict)        # id -> names as stored
    postings: dict[str, Collection[str]] = field(default_factory=dict)   # sets, or lists read from a file
    tokens: list[str] = field(default_factory=list)                # sorted, for prefixes
    kind_number: dict[tuple[str, str], Collection[str]] = field(default_factory=dict)
    degree: dict[str, int] | None = None                          # a store's own degrees (else the graph's)


@lru_cache(maxsize=1)
def _vocab() -> tuple[frozenset[str], dict[str, str]]:
    path = LEXICONS / "search.toml"
    raw = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    kinds: dict[str, str] = {fold(k): v for k, v in raw.get("kind_words", {}).items()}
    sch = load_schema()
    for k in sch.kinds.values():
        kinds.setdefault(fold(k.vi), k.name)
        kinds.setdefault(fold(k.en), k.name)
        kinds.setdefault(fold(k.name), k.name)
    for word, kind in sch.kind_words.items():
        kinds.setdefault(fold(word), kind)
    return frozenset(fold(w) for w in raw.get("stopwords", [])), kinds


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(fold(text))


def _names(data: dict[str, object]) -> list[str]:
    out: list[str] = []
    for f in NAME_FIELDS:
        v = data.get(f)
        if isinstance(v, str) and v and v not in out:
            out.append(v)
    for a in data.get("aliases") or []:  # type: ignore[attr-defined]
        if isinstance(a, str) and a not in out:
            out.append(a)
    if data.get("type") == "Instrument" and data.get("kind"):
        sch = load_schema()
        out.append(sch.kind_label(str(data["kind"]), "vi"))
        out.append(sch.kind_label(str(data["kind"]), "en"))
    return out


def build_index(g: nx.MultiDiGraph) -> SearchIndex:
    """The index of a graph's names; degrees are read from the graph when a search scores."""
    idx = SearchIndex(g.graph.get("revision", 0), g.number_of_nodes())
    postings: defaultdict[str, set[str]] = defaultdict(set)
    kind_number: dict[tuple[str, str], set[str]] = {}
    for n, data in g.nodes(data=True):
        if data.get("type") == "Source":
            names = [str(data.get("title") or ""), str(data.get("name") or "")]
        else:
            names = _names(data)
        names = [x for x in names if x]
        idx.raw[n] = names
        folded = idx.names[n] = [fold(x) for x in names]
        for t in set(_TOKEN.findall(" ".join(folded))):
            postings[t].add(n)
        num = data.get("number")
        if isinstance(num, str) and looks_numbered(num):
            lead = leading_number(num)
            if lead:
                kind_number.setdefault((str(data.get("kind") or "other"), lead), set()).add(n)
    idx.postings = dict(postings)
    idx.kind_number = dict(kind_number)
    idx.tokens = sorted(postings)
    return idx


_CACHE: weakref.WeakKeyDictionary[nx.MultiDiGraph, SearchIndex] = weakref.WeakKeyDictionary()
# graph -> its index file, the key of the graph file it was read from or saved as, and its
# revision and size then (a graph changed since is not that file's any more)
_SAVED: weakref.WeakKeyDictionary[nx.MultiDiGraph, tuple[Path, str, int, int]] = weakref.WeakKeyDictionary()


def attach(g: nx.MultiDiGraph, path: Path, key: str) -> None:
    """Say that ``g``, as it is now, is the graph file ``key`` names, whose index is kept at ``path``."""
    _SAVED[g] = (path, key, g.graph.get("revision", 0), g.number_of_nodes())


def encoded_index(g: nx.MultiDiGraph, key: str) -> bytes:
    """The index file of ``g`` (built if need be) for the graph file ``key`` names."""
    idx = index_of(g)
    return indexfile.encode(key, idx.names, idx.raw, idx.postings, idx.kind_number)


def _saved_index(g: nx.MultiDiGraph) -> SearchIndex | None:
    """The index saved beside the graph file ``g`` was read from, when it is that file's."""
    saved = _SAVED.get(g)
    if saved is None or saved[2:] != (g.graph.get("revision", 0), g.number_of_nodes()):
        return None
    found = indexfile.read(saved[0], saved[1], g._node.keys())   # (the node dict itself: 800k lookups)
    if found is None:
        return None
    idx = SearchIndex(g.graph.get("revision", 0), g.number_of_nodes())
    idx.names, idx.raw, idx.postings, idx.kind_number = found
    idx.tokens = sorted(idx.postings)
    return idx


def index_of(g: nx.MultiDiGraph) -> SearchIndex:
    """The graph's index, rebuilt only when the graph changed since it was built; read from the
    file beside the graph file instead when the graph is that file's, unchanged."""
    idx = _CACHE.get(g)
    if idx is None or idx.revision != g.graph.get("revision", 0) or idx.nodes != g.number_of_nodes():
        idx = _CACHE[g] = _saved_index(g) or build_index(g)
    return idx


def _kind_number(q_tokens: list[str]) -> tuple[str, str] | None:
    """("directive", "39") for "directive 39", "chi thi so 39", "ct 39"."""
    stop, kinds = _vocab()
    words = [t for t in q_tokens if t not in stop]
    if len(words) < 2 or not words[-1].isdigit():
        return None
    kind = kinds.get(" ".join(words[:-1]))
    return (kind, str(int(words[-1]))) if kind else None


def search(g: nx.MultiDiGraph, query: str, types: tuple[str, ...] | list[str] | None = None,
           limit: int = 10) -> list[Hit]:
    """Nodes whose names match ``query``, best first (exact name, then all words, then some)."""
    query = query.strip()
    if not query:
        return []
    idx = index_of(g)
    stop, _ = _vocab()
    qf = fold(query)
    q_all = _TOKEN.findall(qf)
    q_tokens = [t for t in q_all if t not in stop] or q_all
    scores: dict[str, float] = {}
    complete: set[str] = set()
    if query in g:
        scores[query] = 100.0
    if looks_numbered(query):
        nid = instrument_id(query)
        if nid in g:
            scores[nid] = 100.0
    complete.update(scores)
    kn = _kind_number(q_all)
    if kn:
        for nid in idx.kind_number.get(kn, ()):
            scores[nid] = max(scores.get(nid, 0.0), 40.0)
            complete.add(nid)
    candidates = _candidates(idx, q_tokens)
    qn = normalize(query).casefold()
    for nid, matched in candidates.items():
        names = idx.names.get(nid, [])
        best = 0.0
        for name in names:
            if name == qf:
                best = max(best, 20.0)
            elif name.startswith(qf):
                best = max(best, 8.0 + 4.0 * len(qf) / max(len(name), 1))
            elif qf in name:
                best = max(best, 5.0 + 3.0 * len(qf) / max(len(name), 1))
        if matched == len(q_tokens):
            complete.add(nid)
        s = 10.0 * matched / len(q_tokens) + best
        if qn != qf and any(qn in r.casefold() for r in idx.raw.get(nid, [])):
            s += 1.0
        degree = idx.degree.get(nid, 0) if idx.degree is not None else g.degree(nid)
        s += 0.3 * min(math.log1p(degree), 6.0)
        scores[nid] = max(scores.get(nid, 0.0), s)
    hits: list[Hit] = []
    for nid, s in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        data = g.nodes[nid]
        if types and data.get("type") not in types:
            continue
        if data.get("type") == "Source" and not (types and "Source" in types):
            continue
        hits.append(Hit(nid, data.get("type", ""), data.get("label", nid), data.get("label_en", ""),
                        round(s, 3), _best_name(idx, nid, qf), nid in complete))
        if len(hits) >= limit:
            break
    return hits


def _candidates(idx: SearchIndex, q_tokens: list[str]) -> dict[str, int]:
    """Node id -> how many query tokens it matches; all-token matches when there are any."""
    sets: list[set[str]] = []
    for i, t in enumerate(q_tokens):
        post = set(idx.postings.get(t, ()))
        if i == len(q_tokens) - 1 and len(t) >= 2 and not t.isdigit():
            lo = bisect.bisect_left(idx.tokens, t)
            for tok in idx.tokens[lo:lo + 200]:
                if not tok.startswith(t):
                    break
                post.update(idx.postings[tok])
        sets.append(post)
    if not sets:
        return {}
    common = set.intersection(*sorted(sets, key=len))
    if common:
        return dict.fromkeys(common, len(q_tokens))
    counts: dict[str, int] = {}
    for s in sets:
        if len(s) > 20_000:
            continue
        for n in s:
            counts[n] = counts.get(n, 0) + 1
    return counts


def _best_name(idx: SearchIndex, nid: str, qf: str) -> str:
    raw = idx.raw.get(nid, [])
    for name, folded in zip(raw, idx.names.get(nid, []), strict=False):
        if qf and qf in folded:
            return name
    return raw[0] if raw else nid


def resolve(g: nx.MultiDiGraph, ref: str, types: tuple[str, ...] | list[str] | None = None) -> str | None:
    """The node a user means by ``ref``: an id, a document number, else the best search hit
    that matches every word (a partial match is a guess, not an answer)."""
    ref = ref.strip()
    if ref in g and (not types or g.nodes[ref].get("type") in types):
        return ref
    if looks_numbered(ref):
        nid = "instrument/" + norm_number(ref)
        if nid in g:
            return nid
    words = id_words(ref)
    if words:   # an id typed or linked without its tone marks: the one node it can mean
        same = [h.id for h in search(g, words, types=types, limit=20) if fold(h.id) == fold(ref)]
        if len(same) == 1:
            return same[0]
    hits = search(g, ref, types=types, limit=1)
    return hits[0].id if hits and hits[0].complete else None


def id_words(ref: str) -> str | None:
    """The name words of a person's id ("person/dang-hoang-oanh" -> "dang hoang oanh")."""
    kind, sep, rest = ref.partition("/")
    if not sep or kind != "person" or " " in ref:
        return None
    return rest.replace("/", " ").replace("-", " ")
