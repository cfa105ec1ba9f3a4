"""Plain-text rendering of query results for the terminal (the CLI and ``ask`` share it)."""

from __future__ import annotations

from typing import Any

from graph.document import Document
from graph.index import Hit
from graph.queries import (
    WEIGHT_ATTRS,
    AgencyProfile,
    Career,
    Dispute,
    Lineage,
    NodeDetail,
    NodeRef,
    Overview,
    Path,
    Post,
    Status,
    Step,
    Subgraph,
    TimelineItem,
)
from graph.schema import load_schema
from graph.weigh import AGAINST, describe

MAX_SENTENCE = 160


def _n(r: NodeRef | None) -> str:
    if r is None:
        return "—"
    return f"{r.label} [{r.id}]"


def _sentence(s: str | None) -> str:
    if not s:
        return ""
    s = " ".join(s.split())
    return s if len(s) <= MAX_SENTENCE else s[: MAX_SENTENCE - 1] + "…"


def evidence_lines(evs: list[dict[str, Any]], indent: str = "      ", limit: int = 2) -> list[str]:
    out = []
    for e in evs[:limit]:
        where = e.get("title") or e.get("source_id")
        if e.get("outline_path"):       # the article/clause of an official text that states it
            where = f"{where}, {e['outline_path']}"
        date = f", {e['date']}" if e.get("date") else ""
        span = f" @{e['start']}-{e['end']}" if e.get("start") is not None else ""
        out.append(f"{indent}source: {where} ({e.get('source_id')}{span}{date})")
        if e.get("sentence"):
            out.append(f"{indent}  “{_sentence(e['sentence'])}”")
    if len(evs) > limit:
        out.append(f"{indent}(+{len(evs) - limit} more sources)")
    return out


def _edge_label(t: str) -> str:
    et = load_schema().edges.get(t)
    return f"{t} ({et.en})" if et else t


def weight(support: int | None, sources: int, confidence: float | None) -> str:
    """"3 sources · 0.92" (with the sources in all when copies were counted once)."""
    if confidence is None:
        return ""
    n = support if support is not None else sources
    copies = f" of {sources}" if sources and support is not None and sources != support else ""
    return f"{n}{copies} source{'s' if n != 1 else ''} · {confidence:.2f}"


def _against(reasons: list[list[Any]], indent: str) -> list[str]:
    """The reasons that set a fact against the rest of the graph, one line each."""
    return [f"{indent}! {describe(r)}" for r in reasons if r and r[0] in AGAINST]


def step_lines(s: Step, indent: str = "  ") -> list[str]:
    shown = {k: v for k, v in s.attrs.items() if k not in (*WEIGHT_ATTRS, "sources")}
    extra = ", ".join(f"{k}={v}" for k, v in shown.items())
    w = weight(s.attrs.get("support"), int(s.attrs.get("sources") or 0), s.attrs.get("confidence"))
    head = f"{indent}{_n(s.source)} —{s.type}→ {_n(s.target)}" + (f"  [{extra}]" if extra else "") + \
        (f"  ({w})" if w else "")
    return [head, *_against(s.attrs.get("reasons") or [], indent + "    "), *evidence_lines(s.evidence, indent + "    ")]


def render_hits(hits: list[Hit]) -> list[str]:
    if not hits:
        return ["no match"]
    return [f"{h.score:7.2f}  {h.type:<10} {h.label}  ({h.label_en})  [{h.id}]" for h in hits]


def render_status(st: Status) -> list[str]:
    out = [f"status: {st.label_en} / {st.label}"]
    for s in st.because:
        out += step_lines(s)
    return out


def render_lineage(lin: Lineage) -> list[str]:
    out = [f"lineage of {_n(lin.root)}", *render_status(lin.status), "in date order:"]
    for it in lin.items:
        mark = "→" if it.role == "self" else " "
        date = it.node.date or "date unknown"
        out.append(f" {mark} {date:<12} {it.node.label}  ({it.role}"
                   + (f", {it.depth} step{'s' if it.depth > 1 else ''}" if it.depth else "")
                   + f"; {it.status})  [{it.node.id}]")
    if lin.steps:
        out.append("links:")
        for s in lin.steps:
            out += step_lines(s)
    else:
        out.append("no lineage links in the graph")
    return out


def render_path(paths: list[Path]) -> list[str]:
    if not paths:
        return ["no path"]
    out = []
    for i, p in enumerate(paths, 1):
        out.append(f"path {i} ({len(p.hops)} hops): " + " — ".join(n.label for n in p.nodes))
        for s in p.hops:
            out += step_lines(s, "  ")
    return out


def render_subgraph(sg: Subgraph) -> list[str]:
    out = [f"neighbourhood of {_n(sg.center)}: {len(sg.nodes)} nodes, {len(sg.edges)} edges"
           + (" (truncated)" if sg.truncated else "")]
    for n in sg.nodes[1:]:
        out.append(f"  {n.type:<10} {n.label}  [{n.id}]")
    out.append("edges:")
    for s in sg.edges:
        out.append(f"  {s.source.label} —{s.type}→ {s.target.label}")
    return out


def render_timeline(items: list[TimelineItem]) -> list[str]:
    if not items:
        return ["nothing dated"]
    out = []
    for it in items:
        links = "; ".join(x.label for x in it.links[:4])
        out.append(f"  {it.date:<11} {it.node.type:<10} {it.node.label}" + (f"  — {links}" if links else ""))
    return out


def _post_line(p: Post, who: bool = False) -> list[str]:
    when = p.as_of or "date unknown"
    if p.last_seen and p.last_seen != p.as_of:
        when += f" → {p.last_seen}"
    at = f" — {p.agency.label}" if p.agency else ""
    name = f"{p.person.label}: " if who else ""
    w = weight(p.support, p.sources, p.confidence)
    former = "  (former)" if p.former else ""
    return [f"  {when:<24} {name}{p.title}{at}{former}" + (f"  ({w})" if w else ""),
            *_against(p.reasons, "      ")[:2], *evidence_lines(p.evidence, "      ")]


def render_career(c: Career) -> list[str]:
    out = [f"career of {_n(c.person)}"]
    dated = [p for p in c.posts if p.as_of]
    undated = [p for p in c.posts if not p.as_of]
    for p in dated:
        out += _post_line(p)
    if undated:
        out.append("undated:")
        for p in undated:
            out += _post_line(p)
    if not c.posts:
        out.append("  no posts known")
    if c.events:
        out.append("events:")
        out += render_timeline(c.events)
    return out


def render_posts(posts: list[Post]) -> list[str]:
    if not posts:
        return ["nobody found"]
    return [line for p in posts for line in _post_line(p, who=True)]


def render_agency(a: AgencyProfile) -> list[str]:
    out = [f"{_n(a.agency)}  ({a.agency.label_en})", f"part of: {_n(a.parent)}"]
    out.append(f"units ({len(a.units)}):")
    out += [f"  {u.label}  [{u.id}]" for u in a.units]
    out.append(f"leaders ({len(a.leaders)}):")
    out += [f"  {p.title}: {p.person.label} ({'as of ' + p.as_of if p.as_of else 'undated'})  [{p.person.id}]" for p in a.leaders]
    out.append(f"instruments issued ({len(a.instruments)}):")
    out += [f"  {i.date or '':<11} {i.label}  [{i.id}]" for i in a.instruments]
    out.append(f"events organised ({len(a.events)}):")
    out += render_timeline(a.events)
    return out


def render_overview(o: Overview) -> list[str]:
    out = ["nodes: " + ", ".join(f"{k} {v}" for k, v in o.nodes_by_type.items()),
           "edges: " + ", ".join(f"{k} {v}" for k, v in o.edges_by_type.items()),
           f"sources: {o.sources}; nodes with conflicting facts: {o.conflicts}"]
    for title, rows in (("most-linked instruments", o.top_instruments), ("most-linked agencies", o.top_agencies),
                        ("most-linked people", o.top_people)):
        out.append(title + ":")
        out += [f"  {deg:5d}  {r.label}  [{r.id}]" for r, deg in rows]
    return out


def render_node(d: NodeDetail) -> list[str]:
    out = [f"{_n(d.node)}  ({d.node.type}; {d.node.label_en})"]
    skip = {"label", "label_en", "type", "sources", "evidence", "conflicts", "authority", "outline", "reasons",
            "field_reasons", "identity"}
    for k, v in d.attrs.items():
        if k not in skip and v not in (None, [], {}):
            out.append(f"  {k}: {v}")
    out += [f"  why: {describe(r)}" for r in d.attrs.get("reasons") or ()]
    out += [f"  {f}: {describe(r)}" for f, rs in (d.attrs.get("field_reasons") or {}).items() for r in rs]
    out += [f"  perhaps two people: {x[1]} — {x[2]} and {x[3]} — {x[4]} at the same time (data/identity.toml)"
            for x in d.attrs.get("identity") or () if len(x) >= 5]
    for f, vals in (d.attrs.get("conflicts") or {}).items():
        out.append(f"  CONFLICT {f}: " + "; ".join(f"{x['value']} ({', '.join(x['sources'])})" for x in vals))
    out.append(f"sources ({len(d.sources)}): " + "; ".join(s.label for s in d.sources[:10]))
    if d.out_edges:
        out.append("links out:")
        for s in d.out_edges:
            out += step_lines(s)
    if d.in_edges:
        out.append("links in:")
        for s in d.in_edges:
            out += step_lines(s)
    return out


def _value(v: Any) -> str:
    return str(v) if not isinstance(v, list) else "; ".join(map(str, v))


def render_document(doc: Document) -> list[str]:
    """The document page as text: header fields (★ = from the official text), disagreements,
    signer, bases and links with the article citing them, outline."""
    where = ("official text: " + ", ".join(s.label for s in doc.official_sources) if doc.official
             else "no official text in the graph")
    out = [f"{_n(doc.node)}  ({where})"]
    for f in doc.fields:
        out.append(f"  {'★' if f.authoritative else ' '} {f.name}: {_value(f.value)}")
    for f in doc.conflicts:
        others = "; ".join(f"{_value(c.value)} ({', '.join(s.label for s in c.sources)})"
                           for c in f.claims if c.value != f.value)
        out.append(f"  CONFLICT {f.name}: {_value(f.value)} ({'official text' if f.authoritative else 'most sources'})"
                   f" — other sources: {others}")
    if doc.signature:
        sg = doc.signature
        whose = " ".join(x for x in (*sg.modes, sg.on_behalf or "") if x)
        out.append("signed: " + " · ".join(x for x in (whose, sg.post or "?", sg.name or "?") if x))
    if doc.effective_text:
        out.append(f"effect: {doc.effective_text}")
    out.append(f"status: {doc.status.label_en}")
    if doc.database:
        where = f" ({doc.database_source.label})" if doc.database_source else ""
        out.append(f"legal database's table{where}: "
                   + "; ".join(f"{k} {v}" for k, v in doc.database.items()))
        for name, db_value, text_value in doc.database_disagreements:
            out.append(f"  DISAGREES {name}: the table says {db_value}, the text {text_value}")
    for title, steps in (("bases", doc.bases), ("links", doc.links)):
        if steps:
            out.append(f"{title} ({len(steps)}):")
            for s in steps:
                cites = sorted({e["outline_path"] for e in s.evidence if e.get("outline_path")})
                out += step_lines(s)
                if cites:
                    out.append(f"      stated in: {', '.join(cites)}")
    if doc.recipients:
        out.append(f"recipients ({len(doc.recipients)}): " + "; ".join(doc.recipients[:8])
                   + (" …" if len(doc.recipients) > 8 else ""))
    if doc.outline:
        out.append(f"outline ({len(doc.outline)} units, from {doc.outline_source.label if doc.outline_source else '?'}):")
        for it in doc.outline:
            title = f" {it.title}" if it.title else ""
            line = f"  {'  ' * it.depth}{it.path}{title}" if it.level not in ("clause", "point") else \
                f"  {'  ' * it.depth}{it.text}"
            out.append(line[:MAX_SENTENCE])
            for s in it.links:
                out.append(f"  {'  ' * it.depth}  → {s.type} {s.target.label if s.source.id == doc.node.id else s.source.label}")
    return out


def render_disputes(ds: list[Dispute]) -> list[str]:
    out = []
    for d in ds:
        out.append(f"{d.field}:")
        out += [f"    {describe(r)}" for r in d.reasons]
        for i, side in enumerate(d.sides):
            n = f"{side.support} source{'s' if side.support != 1 else ''}" if side.support is not None else "registry"
            first, other = ("kept", "against") if d.field not in load_schema().edges else ("this fact", "other")
            out.append(f"  {first if i == 0 else other}: {side.value}  ({n})")
            out += evidence_lines(side.evidence, "      ")
    return out


def render_steps(steps: list[Step]) -> list[str]:
    if not steps:
        return ["none found"]
    return [line for s in steps for line in step_lines(s)]


def render(result: Any) -> list[str]:
    """Text lines for any query result."""
    if isinstance(result, Lineage):
        return render_lineage(result)
    if isinstance(result, Status):
        return render_status(result)
    if isinstance(result, Career):
        return render_career(result)
    if isinstance(result, AgencyProfile):
        return render_agency(result)
    if isinstance(result, Overview):
        return render_overview(result)
    if isinstance(result, NodeDetail):
        return render_node(result)
    if isinstance(result, Document):
        return render_document(result)
    if isinstance(result, Subgraph):
        return render_subgraph(result)
    if isinstance(result, list):
        if not result:
            return ["nothing found"]
        first = result[0]
        if isinstance(first, Hit):
            return render_hits(result)
        if isinstance(first, Path):
            return render_path(result)
        if isinstance(first, TimelineItem):
            return render_timeline(result)
        if isinstance(first, Post):
            return render_posts(result)
        if isinstance(first, Step):
            return render_steps(result)
        if isinstance(first, Dispute):
            return render_disputes(result)
    return [str(result)]


def to_jsonable(result: Any) -> Any:
    """JSON-ready form of any query result (dataclasses become dicts)."""
    if hasattr(result, "to_dict"):
        return result.to_dict()
    if isinstance(result, Hit):
        from dataclasses import asdict

        return asdict(result)
    if isinstance(result, list | tuple):
        return [to_jsonable(x) for x in result]
    if isinstance(result, dict):
        return {k: to_jsonable(v) for k, v in result.items()}
    return result
