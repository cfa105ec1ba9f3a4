"""The document page of an instrument: its header fields with the source and authority of each
value, the values other sources claim, signer, bases, links cited by article and clause, and
the outline of its official text.

    document(g, ref) -> Document

The official text of an instrument (loaders/official.py) is authoritative for its number, kind,
issue date, issuer, title, signer, effective date and place (graph/merge.py, ``authority``);
what news articles say stays visible here as ``Field.claims`` and ``Document.conflicts``.
Links stated in the text carry ``outline_path`` on their evidence ("Điều 37"), so each can be
cited and shown under the article it lies in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from graph.ids import source_node_id
from graph.queries import NodeRef, Status, Step, _need, _Result, _step, node_status, ref
from graph.schema import load_schema

# Header fields in the order a page shows them; (field, fallback field) for the title.
HEADER_FIELDS = ("number", "kind", "issued", "issuer", "subject", "name", "signer", "effective", "place")
_DEPTH_OF = {"part": 0, "chapter": 1, "section": 2, "article": 3, "heading": 3, "clause": 4, "point": 5}


@dataclass
class Claim(_Result):
    """One value some sources claim for a field."""

    value: Any
    sources: list[NodeRef]
    authoritative: bool         # claimed by the instrument's own official text


@dataclass
class Field(_Result):
    """A header field: the value the graph holds, and every value claimed, the chosen first."""

    name: str
    value: Any
    authoritative: bool
    claims: list[Claim]
    conflict: bool              # some source claims a value that disagrees with ``value``


@dataclass
class Signature(_Result):
    name: str | None
    person: NodeRef | None
    post: str | None
    on_behalf: str | None
    modes: list[str]
    evidence: list[dict[str, Any]]


@dataclass
class OutlineItem(_Result):
    level: str                  # part, chapter, section, article, clause, point, heading
    label: str
    title: str | None
    path: str                   # "Điều 3, khoản 2"
    depth: int                  # 0 for the outermost units shown
    text: str                   # the unit's first line
    start: int
    end: int
    links: list[Step] = field(default_factory=list)   # links stated inside this unit (not its children)


@dataclass
class Document(_Result):
    node: NodeRef
    official: bool                      # an official text of this instrument is in the graph
    official_sources: list[NodeRef]
    fields: list[Field]
    conflicts: list[Field]              # the fields sources disagree on
    signature: Signature | None
    issuers: list[NodeRef]
    recipients: list[str]
    addressed_to: list[NodeRef]
    effective_text: str | None
    bases: list[Step]                   # BASED_ON, out
    links: list[Step]                   # other links between instruments, both ways
    attached: list[NodeRef]             # texts this one issues (ISSUES, out)
    issued_by_text: list[NodeRef]       # the text that issues this one (ISSUES, in)
    outline: list[OutlineItem]
    outline_source: NodeRef | None
    status: Status
    sources: list[NodeRef]
    # a legal database's table of the text (db_record in data/schema.toml): its fields as the site
    # prints them, the source page, and where the table and the text disagree
    database: dict[str, str] = field(default_factory=dict)
    database_source: NodeRef | None = None
    database_disagreements: list[tuple[str, str, str]] = field(default_factory=list)


def _source_ref(g: nx.MultiDiGraph, sid: str) -> NodeRef | None:
    nid = source_node_id(sid)
    return ref(g, nid) if nid in g else None


def _fields(g: nx.MultiDiGraph, d: dict[str, Any]) -> list[Field]:
    auth: dict[str, int] = d.get("authority") or {}
    ledger: dict[str, dict[Any, list[Any]]] = d.get("ledger") or {}
    conflicts = d.get("conflicts") or {}
    out = []
    for name in HEADER_FIELDS:
        if d.get(name) in (None, "", []):
            continue
        claims = []
        for value, sids in (ledger.get(name) or {}).values():
            srcs = [r for s in sids if (r := _source_ref(g, s)) is not None]
            claims.append(Claim(value, srcs, any(auth.get(s, 0) > 0 for s in sids)))
        claims.sort(key=lambda c: (c.value != d[name], not c.authoritative, -len(c.sources)))
        chosen_auth = bool(claims) and claims[0].value == d[name] and claims[0].authoritative
        out.append(Field(name, d[name], chosen_auth, claims, name in conflicts))
    return out


def _outline(g: nx.MultiDiGraph, d: dict[str, Any], links: list[Step], nid: str) -> list[OutlineItem]:
    raw = (d.get("outline") or {}).get("items") or []
    items: list[OutlineItem] = []
    stack: list[tuple[int, int]] = []       # (start, end) of the enclosing units
    for o in sorted(raw, key=lambda o: (o["start"], _DEPTH_OF.get(o["level"], 9))):
        while stack and not (stack[-1][0] <= o["start"] and o["end"] <= stack[-1][1]):
            stack.pop()
        items.append(OutlineItem(o["level"], o["label"], o.get("title"), o["path"], len(stack),
                                 o.get("text") or "", o["start"], o["end"]))
        stack.append((o["start"], o["end"]))
    by_path = {i.path: i for i in items}
    for step in links:
        for e in step.evidence:
            path = e.get("outline_path")
            if path in by_path and e.get("outline_of") == nid:
                item = by_path[path]
                if all(s is not step for s in item.links):
                    item.links.append(step)
    return items


def document(g: nx.MultiDiGraph, r: str) -> Document:
    """An instrument as a document: header fields with their sources, signer, links, outline."""
    nid = _need(g, r, ("Instrument",))
    d = g.nodes[nid]
    auth: dict[str, int] = d.get("authority") or {}
    official = [x for s in sorted(auth) if auth[s] > 0 and (x := _source_ref(g, s)) is not None]
    fields = _fields(g, d)
    sig = d.get("signature") or None
    signature = None
    signed = [(u, data) for u, _, data in g.in_edges(nid, data=True) if data["type"] == "SIGNED"]
    if sig or d.get("signer") or signed:
        person = next((ref(g, u) for u, _ in signed), None)
        evs = _step(g, signed[0][0], nid, signed[0][1]).evidence if signed else []
        sig = sig or {}
        signature = Signature(d.get("signer") or sig.get("name"), person, sig.get("post"), sig.get("on_behalf"),
                              list(sig.get("modes") or []), evs)
    lin = set(load_schema().lineage_edges)
    bases: list[Step] = []
    links: list[Step] = []
    attached: list[NodeRef] = []
    issued_by_text: list[NodeRef] = []
    issuers: list[NodeRef] = []
    addressed: list[NodeRef] = []
    for _, v, data in g.out_edges(nid, data=True):
        t = data["type"]
        if t == "BASED_ON":
            bases.append(_step(g, nid, v, data))
        elif t == "ISSUES":
            attached.append(ref(g, v))
            links.append(_step(g, nid, v, data))
        elif t in lin:
            links.append(_step(g, nid, v, data))
        elif t == "ISSUED_BY":
            issuers.append(ref(g, v))
        elif t == "ADDRESSED_TO":
            addressed.append(ref(g, v))
    for u, _, data in g.in_edges(nid, data=True):
        if data["type"] == "ISSUES":
            issued_by_text.append(ref(g, u))
        if data["type"] in lin:
            links.append(_step(g, u, nid, data))
    outline_src = (d.get("outline") or {}).get("source_id")
    return Document(
        node=ref(g, nid),
        official=bool(official),
        official_sources=official,
        fields=fields,
        conflicts=[f for f in fields if f.conflict],
        signature=signature,
        issuers=issuers,
        recipients=list(d.get("recipients") or []),
        addressed_to=sorted(addressed, key=lambda x: x.label),
        effective_text=d.get("effective_text"),
        bases=bases,
        links=links,
        attached=attached,
        issued_by_text=issued_by_text,
        outline=_outline(g, d, bases + links, nid),
        outline_source=_source_ref(g, outline_src) if outline_src else None,
        status=node_status(g, nid),
        sources=[x for s in d.get("sources", []) if (x := _source_ref(g, s)) is not None],
        database=dict((d.get("db_record") or {}).get("fields") or {}),
        database_source=_source_ref(g, d["db_record"]["source_id"]) if d.get("db_record") else None,
        database_disagreements=[tuple(x) for x in (d.get("db_record") or {}).get("disagreements") or []],
    )


def citation(ev: dict[str, Any]) -> str | None:
    """ "Điều 37" (or "Điều 1, khoản 2") for evidence that lies in an official text's article."""
    path = ev.get("outline_path")
    return str(path) if path else None
