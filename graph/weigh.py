"""How much each fact is believed, and why: support, agreement and the rules' measured precision.

Read together, thousands of articles say more than any one of them.  Every fact edge and every
entity node gets three derived fields, recomputed over the whole graph whenever it changed:

- ``support``: how many independent sources state it (copies of one text count once,
  graph/copies.py); ``sources`` still lists every source;
- ``confidence`` in [0, 1]: each independent source is a witness right as often as the rules
  that read it are right on held-out check sets (data/rule_precision.toml, smoothed), or, for a
  participant a news source read, as its way of reading is right in the corpus audits
  (data/confidence.toml [rule_prior]); witnesses combine as 1 - Π (1 - p); what the rest of the
  graph says against the fact (another holder of a body's sole post at the same time, given by
  more sources; a post at another ministry where this one's body was guessed; a registry parent;
  a disputed value; a date without its year) multiplies it down (data/confidence.toml);
- ``reasons``: the list of ``[code, values...]`` behind the score, read out by ``describe``.

Nodes also get ``field_confidence`` / ``field_reasons`` for their disputed attributes; a person
node whose posts place it at two ministries or provinces at once gets ``identity`` (namesakes).
Contradictions are kept, not resolved: ``disputes`` (graph/queries.py) lists both sides.

>>> import networkx as nx
>>> g = nx.MultiDiGraph(revision=1)
>>> for s in ("a", "b"):
...     g.add_node(f"source/{s}", type="Source", source_id=s)
>>> g.add_node("person/x", type="Person", sources=["a", "b"], name="X")
>>> g.add_node("agency/bo-y-te", type="Agency", sources=["a"], name="Bộ Y tế")
>>> g.add_edge("person/x", "agency/bo-y-te", key="HOLDS_POSITION:bo-truong", type="HOLDS_POSITION",
...            sources=["a", "b"], evidence=[], title="Bộ trưởng")
'HOLDS_POSITION:bo-truong'
>>> weigh(g)
>>> d = g.edges["person/x", "agency/bo-y-te", "HOLDS_POSITION:bo-truong"]
>>> d["support"], d["confidence"] > 0.99, describe(d["reasons"][0])
(2, True, '2 independent source(s) (2 in all)')
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx

from graph.copies import copy_groups
from graph.fingerprint import weights_fingerprint
from graph.ids import fold
from graph.schema import load_schema
from loaders.lexicon import sole_posts
from loaders.model import TOOK_PART_BY
from loaders.registry import provinces

DATA = Path(__file__).resolve().parent.parent / "data"
SETTINGS_FILE = DATA / "confidence.toml"
PRECISION_FILE = DATA / "rule_precision.toml"
UNWEIGHED = ("MENTIONS",)       # a source naming a node is the record, not a claim
_KEYS = {"threshold", "category", "factor", "reasons", "rule_prior"}
# reasons that set a fact against the rest of the graph (shown beside it), and of those the ones
# with another fact on the other side (listed by graph.queries.disputed)
AGAINST = ("namesake", "article_body", "sole", "registry_parent", "disputed", "year_unknown")
CONTRADICTIONS = ("namesake", "article_body", "sole", "registry_parent")
# of those, the ones laid out [code, the other post's title, its body's label, its sources, body id, edge key]
OTHER_POST = ("namesake", "article_body")
REASONS = ("support", "rule", "rule_audit", "namesake", "article_body", "sole", "registry_parent", "registry_confirms", "disputed", "year_unknown",
           "authority")


class SettingsError(ValueError):
    """data/confidence.toml or data/rule_precision.toml is not as graph/weigh.py reads it."""


@dataclass(frozen=True)
class Settings:
    threshold: float
    edge_category: dict[str, str]
    node_category: dict[str, str]
    field_category: dict[str, str]
    prior: dict[str, dict[str, float]]       # "news" | "official" -> category -> smoothed precision
    measured: dict[str, dict[str, int]]      # "news" | "official" -> category -> facts judged
    factor: dict[str, float]
    reasons: dict[str, dict[str, str]]        # code -> language -> template
    # how a fact was read (an evidence record's ``rule``) -> its smoothed precision and the facts
    # judged, from the corpus audits: the prior of a news source that read it so
    rule_prior: dict[str, tuple[float, int]] = field(default_factory=dict)


def read_settings(settings_file: Path = SETTINGS_FILE, precision_file: Path = PRECISION_FILE) -> Settings:
    """The two data files, checked: an unknown key, a category no check set measures or a reason
    without both languages is refused with the file's name."""
    raw, measured = _toml(settings_file), _toml(precision_file)
    unknown = set(raw) - _KEYS
    if unknown:
        raise SettingsError(f"{settings_file}: unknown keys {sorted(unknown)}")
    try:
        prior = {kind: {c: (v["tp"] + 1) / (v["tp"] + v["fp"] + 2) for c, v in cats.items()}
                 for kind, cats in measured.items()}
        counts = {kind: {c: int(v["tp"] + v["fp"]) for c, v in cats.items()} for kind, cats in measured.items()}
        cat = raw.get("category", {})
        s = Settings(float(raw["threshold"]), dict(cat.get("edges", {})), dict(cat.get("nodes", {})),
                     dict(cat.get("fields", {})), prior, counts,
                     {k: float(v) for k, v in raw.get("factor", {}).items()}, dict(raw.get("reasons", {})),
                     {r: ((v["tp"] + 1) / (v["tp"] + v["fp"] + 2), int(v["tp"] + v["fp"]))
                      for r, v in raw.get("rule_prior", {}).items()})
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise SettingsError(f"{settings_file} / {precision_file}: {type(e).__name__}: {e}") from None
    for c in [*s.edge_category.values(), *s.node_category.values(), *s.field_category.values()]:
        if c not in prior.get("news", {}):
            raise SettingsError(f"{settings_file}: category {c!r} is not measured in {precision_file}")
    for code in REASONS:
        if not {"en", "vi"} <= set(s.reasons.get(code, {})):
            raise SettingsError(f"{settings_file}: [reasons.{code}] needs en and vi")
    for f in ("registry_parent", "registry_confirms", "year_unknown"):
        if f not in s.factor:
            raise SettingsError(f"{settings_file}: [factor] needs {f}")
    unknown_rules = set(s.rule_prior) - set(TOOK_PART_BY)
    if unknown_rules:
        raise SettingsError(f"{settings_file}: [rule_prior] names no way of reading: {sorted(unknown_rules)}")
    return s


def _toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise SettingsError(f"{path}: {e}") from None


@lru_cache(maxsize=1)
def settings() -> Settings:
    """data/confidence.toml and data/rule_precision.toml, read once."""
    return read_settings()


def describe(reason: list[Any], lang: str = "en") -> str:
    """A reason ``[code, values...]`` as a sentence in ``lang`` ("en" or "vi")."""
    tpl = settings().reasons.get(str(reason[0]), {})
    text = tpl.get(lang) or tpl.get("en")
    return text.format(*reason[1:]) if text else " ".join(map(str, reason))


def threshold() -> float:
    """Facts under this confidence are hidden unless the user asks to see everything."""
    return settings().threshold


def shown(data: dict[str, Any], min_confidence: float | None) -> bool:
    """Whether a fact passes the threshold; an unweighed fact (no score yet) is shown."""
    conf = data.get("confidence")
    return min_confidence is None or conf is None or conf >= min_confidence


# -- weighing ---------------------------------------------------------------------------

@dataclass
class _Sources:
    """Who each source is: its group of copies and its kind (news or an official text)."""

    group: dict[str, str]
    official: set[str]

    def witnesses(self, sources: Iterable[str], category: str,
                  rules: dict[str, str] | None = None) -> tuple[dict[str, float], int]:
        """Independent group -> the best prior among its sources (a news source's is that of the
        way it read the fact, where the audits measured it: ``rules``); and the number of sources."""
        st = settings()
        best: dict[str, float] = {}
        n = 0
        for s in dict.fromkeys(sources):
            n += 1
            rule = (rules or {}).get(s)
            if rule in st.rule_prior and s not in self.official:
                p = st.rule_prior[rule][0]
            else:
                p = st.prior["official" if s in self.official else "news"].get(category, 0.5)
            k = self.group.get(s, s)
            best[k] = max(best.get(k, 0.0), p)
        return best, n


def _combine(ps: Iterable[float]) -> float:
    return 1.0 - math.prod(1.0 - p for p in ps)


def _base(srcs: _Sources, sources: Iterable[str], category: str,
          rules: dict[str, str] | None = None) -> tuple[float, int, list[list[Any]]]:
    sources = list(sources)
    best, n = srcs.witnesses(sources, category, rules)
    kind = "official" if any(s in srcs.official for s in sources) else "news"
    st = settings()
    audited = sorted({r for s, r in (rules or {}).items() if r in st.rule_prior and s not in srcs.official})
    reasons: list[list[Any]] = [["support", len(best), n]]
    reasons += [["rule_audit", r, *st.rule_prior[r]] for r in audited] or [
        ["rule", category, st.prior[kind].get(category, 0.5), st.measured[kind].get(category, 0)]]
    return _combine(best.values()), len(best), reasons


def weigh(g: nx.MultiDiGraph) -> None:
    """Set ``support``, ``confidence`` and ``reasons`` on every fact of ``g`` (in place)."""
    st = settings()
    srcs = _source_table(g)
    for _, _, d in g.edges(data=True):
        t = d.get("type")
        if t in UNWEIGHED:
            continue
        rules = {e["source_id"]: e["rule"] for e in d.get("evidence") or () if e.get("rule") and e.get("source_id")}
        conf, support, reasons = _base(srcs, d.get("sources") or (), st.edge_category.get(t, "relations"), rules)
        d["support"], d["confidence"], d["reasons"] = support, conf, reasons
    _registry_parents(g)
    _namesakes(g)
    _sole_holders(g)
    for _, d in g.nodes(data=True):
        t = d.get("type")
        if t not in st.node_category:
            continue
        conf, support, reasons = _base(srcs, d.get("sources") or (), st.node_category[t])
        d["support"], d["confidence"], d["reasons"] = support, conf, reasons
        _fields(srcs, d)
    for _, _, d in g.edges(data=True):
        if "confidence" in d:
            d["confidence"] = round(d["confidence"], 3)
    for _, d in g.nodes(data=True):
        if "confidence" in d:
            d["confidence"] = round(d["confidence"], 3)
    g.graph["weighed"] = _stamp(g)


def _stamp(g: nx.MultiDiGraph) -> str:
    return f"{g.graph.get('revision')}:{weights_fingerprint()}"


def ensure_weighed(g: nx.MultiDiGraph) -> None:
    """Weigh ``g`` if it or the weighing rules changed since it was last weighed (a saved graph
    is weighed already)."""
    if isinstance(g, nx.MultiDiGraph) and g.graph.get("weighed") != _stamp(g):
        weigh(g)


def _source_table(g: nx.MultiDiGraph) -> _Sources:
    hashes: dict[str, int | None] = {}
    official: set[str] = set()
    nodes: dict[str, dict[str, Any]] = {}
    for _, d in g.nodes(data=True):
        if d.get("type") != "Source" or not d.get("source_id"):
            continue
        sid = d["source_id"]
        nodes[sid] = d
        h = d.get("simhash")
        hashes[sid] = int(h, 16) if isinstance(h, str) else None
        if d.get("official"):
            official.add(sid)
    group = copy_groups(hashes)
    for sid, d in nodes.items():
        if sid in group:
            d["copy_of"] = group[sid]
        else:
            d.pop("copy_of", None)
    return _Sources(group, official)


def _scale(d: dict[str, Any], factor: float, reason: list[Any]) -> None:
    d["confidence"] = d.get("confidence", 1.0) * factor
    d.setdefault("reasons", []).append(reason)


def _registry_parents(g: nx.MultiDiGraph) -> None:
    """A PART_OF edge the registry confirms is one more witness; one against it is believed little."""
    bodies = load_schema().bodies
    for u, v, d in g.edges(data=True):
        if d.get("type") != "PART_OF":
            continue
        body = bodies.get(g.nodes[u].get("name") or "")
        if body is None or not body.parent:
            continue
        want = bodies.get(body.parent)
        names = {fold(body.parent), *(fold(a) for a in (want.aliases if want else ()))}
        if fold(g.nodes[v].get("name") or "") not in names:
            _scale(d, settings().factor["registry_parent"], ["registry_parent", body.parent])
        else:
            p = settings().factor["registry_confirms"]
            d["confidence"] = _combine([d.get("confidence", 0.0), p])
            d.setdefault("reasons", []).append(["registry_confirms", body.parent])


@lru_cache(maxsize=1)
def _province_keys() -> tuple[tuple[str, str], ...]:
    """(folded name, province) for each province name of the registry, longest first."""
    keys = {(fold(n), p.name) for p in provinces() for n in (p.name, *p.aliases) if len(n.split()) >= 2}
    return tuple(sorted(keys, key=lambda k: -len(k[0])))


def _home(g: nx.MultiDiGraph, aid: str, memo: dict[str, tuple[str, str] | None]) -> tuple[str, str] | None:
    """The ministry or province an agency belongs to, by its name and its PART_OF chain."""
    if aid in memo:
        return memo[aid]
    bodies = load_schema().bodies
    home: tuple[str, str] | None = None
    node: str | None = aid
    seen: set[str] = set()
    while node is not None and node not in seen and home is None:
        seen.add(node)
        name = g.nodes[node].get("name") or ""
        body = bodies.get(name)
        if body is not None and body.kind == "ministry":
            home = ("ministry", name)
            break
        f = " " + fold(name)
        for key, prov in _province_keys():
            if f.endswith(" " + key):
                home = ("province", prov)
                break
        node = next((w for _, w, e in g.out_edges(node, data=True) if e.get("type") == "PART_OF"), None)
    memo[aid] = home
    return home


def _span(d: dict[str, Any]) -> tuple[str, str] | None:
    """A post's first and last dated source; None (any time) when undated or dated without a year."""
    a, b = d.get("as_of"), d.get("last_seen")
    return (a, b) if a and b and not a.startswith("--") and not b.startswith("--") else None


def _overlap(a: tuple[str, str] | None, b: tuple[str, str] | None) -> bool:
    """Whether two date spans can overlap; an undated post may be held at any time."""
    if a is None or b is None:
        return True
    return not (a[1] < b[0][:len(a[1])] or b[1] < a[0][:len(b[1])])


def _namesakes(g: nx.MultiDiGraph) -> None:
    """Posts of one person node at two ministries, or in two provinces, at overlapping times: most
    likely two people of one name merged by their name (an audit of 19 such posts found 18 right),
    so the post fewer sources give keeps its belief and says so, and the person node lists it
    (``identity``) for a reader, or data/identity.toml, to split.  But a post whose body no source
    printed, each taking the article's ministry for a bare title ("Thứ trưởng X" in an article on
    Bộ Tài chính), is more likely that guess gone wrong: it takes its share of the sources, own /
    (own + other), as a contradiction (``article_body``)."""
    memo: dict[str, tuple[str, str] | None] = {}
    for pid, pd in g.nodes(data=True):
        if pd.get("type") != "Person":
            continue
        pd.pop("identity", None)
        posts = [(v, d, k) for _, v, k, d in g.out_edges(pid, keys=True, data=True)
                 if d.get("type") == "HOLDS_POSITION" and not d.get("former")]
        if len(posts) < 2:
            continue
        homes = [_home(g, v, memo) for v, _, _ in posts]
        for i, (_, di, _) in enumerate(posts):
            hi, own = homes[i], di.get("support", 1)
            rivals = [(dj.get("support", 1), j) for j, (_, dj, _) in enumerate(posts)
                      if (hj := homes[j]) is not None and hi is not None and hj[0] == hi[0] and hj[1] != hi[1]
                      and dj.get("support", 1) >= own and _overlap(_span(di), _span(dj))]
            if rivals:
                r, j = max(rivals)
                vj, dj, kj = posts[j]
                # the rival's agency and key ride along (unused by the sentence) for the disputes query
                inferred = all(e.get("body_inferred") for e in di.get("evidence") or [{}])
                note = ["article_body" if inferred else "namesake", dj.get("title", ""),
                        g.nodes[vj].get("label") or vj, r, vj, kj]
                if inferred:
                    _scale(di, own / (own + r), note)
                    continue
                di.setdefault("reasons", []).append(note)
                seen = pd.setdefault("identity", [])
                if len(seen) < 10:
                    seen.append(["namesake", di.get("title", ""), g.nodes[posts[i][0]].get("label") or posts[i][0],
                                 dj.get("title", ""), g.nodes[vj].get("label") or vj])


def _sole_holders(g: nx.MultiDiGraph) -> None:
    """Two people given a body's sole post (titles.toml [sole]: its head) at overlapping times:
    the one fewer independent sources give is scaled by its share (a tie halves both).
    Only at a body the registry
    knows or one named with its province: "Thành ủy" alone may be any city's."""
    sole = sole_posts()
    memo: dict[str, tuple[str, str] | None] = {}
    for aid, ad in g.nodes(data=True):
        if ad.get("type") != "Agency" or not (ad.get("registry") or _home(g, aid, memo)):
            continue
        by_title: dict[str, list[tuple[str, str, dict[str, Any]]]] = {}
        for u, _, k, d in g.in_edges(aid, keys=True, data=True):
            if d.get("type") != "HOLDS_POSITION" or d.get("former"):
                continue
            t = fold(d.get("title") or "")
            if t in sole and fold(ad.get("name") or "") not in sole[t]:
                by_title.setdefault(t, []).append((u, k, d))
        for holders in by_title.values():
            if len({u for u, _, _ in holders}) < 2:
                continue
            for u, _, d in holders:
                own = d.get("support", 1)
                rivals = [(e.get("support", 1), w, kw) for w, kw, e in holders
                          if w != u and e.get("support", 1) >= own and _overlap(_span(d), _span(e))]
                if rivals:
                    r, w, kw = max(rivals)
                    reason = ["sole", d.get("title", ""), ad.get("label") or aid, g.nodes[w].get("label") or w, r, w,
                              aid, kw]
                    # a tie halves both: which one misreads is not known, and a wrong head of a
                    # body misleads more than a hidden right one (the switch shows both)
                    _scale(d, own / (own + r), reason)


def _fields(srcs: _Sources, d: dict[str, Any]) -> None:
    """Confidence of a node's disputed attributes: the chosen value's share of the witnesses."""
    st = settings()
    out: dict[str, float] = {}
    why: dict[str, list[list[Any]]] = {}
    for f, entries in (d.get("conflicts") or {}).items():
        if not entries:
            continue
        category = st.field_category.get(f) or st.node_category.get(d.get("type", ""), "documents")
        if entries[0].get("authority"):
            out[f], why[f] = 1.0, [["authority"]]
            continue
        chosen, _ = srcs.witnesses(entries[0].get("sources") or (), category)
        every, _ = srcs.witnesses((s for e in entries for s in e.get("sources") or ()), category)
        share = len(chosen) / max(1, len(every))
        out[f] = round(_combine(chosen.values()) * share, 3)
        why[f] = [["disputed", f, len(chosen), len(every)]]
    if d.get("type") == "Event" and str(d.get("date") or "").startswith("--"):
        base = d.get("confidence", 1.0)
        out["date"] = round(base * st.factor["year_unknown"], 3)
        why["date"] = [["year_unknown"]]
    if out:
        d["field_confidence"], d["field_reasons"] = out, why
    else:
        d.pop("field_confidence", None)
        d.pop("field_reasons", None)
