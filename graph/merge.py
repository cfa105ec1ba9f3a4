"""Turn one Extraction into the nodes and edges it states (its "facts"), and fold the
facts of many sources into one node's attributes.

Facts are kept per source so that a changed or removed source takes back exactly what it
said: a node's attributes are always *derived* from its per-source claims
(``ledger_add``/``derive_fields``), never edited in place.  Entity resolution is the choice of ids
(graph/ids.py) plus two look-ups here: names within the extraction (an agency's parent,
a bare "Chỉ thị 39" next to "Chỉ thị số 39-CT/TW") and, through ``lookup_bare``, the
instruments already in the graph.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from graph.copies import simhash_text, text_simhash
from graph.identity import apart, body, identity, same_as
from graph.ids import (
    agency_id,
    canonical_body,
    event_id,
    fold,
    instrument_id,
    is_known_body,
    leading_number,
    looks_numbered,
    norm_number,
    normalize,
    person_id,
    slug,
    source_node_id,
    unit_head,
)
from graph.schema import load_schema
from loaders.lexicon import owner_unknown
from loaders.model import Evidence, Extraction, Instrument, SourceText

if TYPE_CHECKING:
    from loaders.official import OfficialText

MAX_MENTION_SPANS = 2
# How much a source's claims about a node weigh against other sources' (data/schema.toml
# [authority]): an instrument's own official text outranks any number of news articles.
AUTHORITY_NEWS = 0
OUTLINE_EXCERPT = 160
LookupBare = Callable[[str, str], "str | None"]


@dataclass
class NodeFact:
    id: str
    type: str
    attrs: dict[str, Any] = field(default_factory=dict)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    authority: int = AUTHORITY_NEWS     # > 0: this source is the node's own official text


@dataclass
class EdgeFact:
    u: str
    v: str
    type: str
    key: str
    attrs: dict[str, Any] = field(default_factory=dict)
    evidence: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class SourceFacts:
    """Everything one source says, ready for a store to add or take back."""

    source_id: str
    content_hash: str
    path: str
    name: str
    nodes: dict[str, NodeFact] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], EdgeFact] = field(default_factory=dict)

    def node(self, node_id: str, type_: str, **attrs: Any) -> NodeFact:
        fact = self.nodes.get(node_id)
        if fact is None:
            fact = self.nodes[node_id] = NodeFact(node_id, type_)
        for k, v in attrs.items():
            if v is None or v == "" or v == []:
                continue
            if isinstance(v, list):
                old = fact.attrs.setdefault(k, [])
                old.extend(x for x in v if x not in old)
            else:
                fact.attrs.setdefault(k, v)
        return fact

    def edge(self, u: str, v: str, type_: str, evidence: Iterable[dict[str, Any]] = (),
             key: str | None = None, **attrs: Any) -> EdgeFact:
        k = key or type_
        fact = self.edges.get((u, v, k))
        if fact is None:
            fact = self.edges[(u, v, k)] = EdgeFact(u, v, type_, k)
        for name, value in attrs.items():
            if value is not None:
                fact.attrs.setdefault(name, value)
        for ev in evidence:
            if ev not in fact.evidence:
                fact.evidence.append(ev)
        return fact


def evidence_dict(ev: Evidence | None, source: SourceText, date: str | None) -> list[dict[str, Any]]:
    if ev is None:
        return []
    return [{"source_id": source.source_id, "sentence": ev.text, "start": ev.start,
             "end": ev.end, "date": date}]


def _evs(evs: Iterable[Evidence], source: SourceText, date: str | None) -> list[dict[str, Any]]:
    return [d for ev in evs for d in evidence_dict(ev, source, date)]


def _bare_ref(text: str) -> tuple[str, str, str | None] | None:
    """("directive", "39", None) for "Chỉ thị 39" / "Chỉ thị số 39", ("decree", "49", "2017") for
    "Nghị định số 49/2017"; None for anything else."""
    folded = fold(text)
    for word, kind in sorted(load_schema().kind_words.items(), key=lambda kv: -len(kv[0])):
        m = re.fullmatch(re.escape(fold(word)) + r"\s+(?:so\s+)?0*(\d+)(?:/((?:19|20)\d\d))?", folded)
        if m:
            return kind, m.group(1), m.group(2)
    return None


def kind_of_number(number: str) -> str | None:
    """The kind a number's type code names (``39-CT/TW`` → directive)."""
    sch = load_schema()
    parts = [p for p in re.split(r"[-/]", norm_number(number)) if p]
    for p in parts[1:]:
        code = p.upper()
        if code in sch.type_codes:
            return sch.type_codes[code]
    for p in parts[1:]:
        if re.fullmatch(r"QH\d+", p.upper()):
            return "law"
        if re.fullmatch(r"UBTVQH\d+", p.upper()):
            return "ordinance"
    return None


class _Builder:
    """Resolves the names of one extraction to ids while collecting its facts."""

    def __init__(self, ex: Extraction, lookup_bare: LookupBare | None) -> None:
        self.ex = ex
        self.src = ex.source
        # an official text (loaders/official.py) carries its parse; the date it speaks of is its own
        self.official: OfficialText | None = getattr(ex, "official", None)
        self.date = ex.source.published or (self.official.issued if self.official else None)
        self.lookup_bare = lookup_bare
        self.facts = SourceFacts(ex.source.source_id, ex.source.content_hash,
                                 ex.source.path, ex.source.name)
        self.sid = source_node_id(ex.source.source_id)
        self.agency_parent: dict[str, str | None] = {}
        for ag in ex.agencies:
            self.agency_parent.setdefault(fold(canonical_body(ag.name)), ag.parent)
        self.inst_ids: dict[str, str] = {}

    # -- agencies -------------------------------------------------------------------
    def parent_of(self, name: str) -> str | None:
        """The parent the extractor gave; for a unit it did not list, the article's body."""
        key = fold(canonical_body(name))
        if key in self.agency_parent:
            return self.agency_parent[key]
        ctx = self.ex.context_body
        if ctx and unit_head(name) and not is_known_body(name) and fold(ctx) not in key:
            return ctx
        return None

    def agency(self, name: str, evidence: Iterable[dict[str, Any]] = (), depth: int = 0,
               named_with: Iterable[dict[str, Any]] = ()) -> str:
        """The agency's node, with its parent chain; ``named_with``: the sentence that named the unit
        a parent is reached from, which backs the chain's links where the parent has none of its own."""
        canon = canonical_body(name)
        parent = self.parent_of(canon)
        node_id = agency_id(canon, parent)
        if parent is None and owner_unknown(canon):
            # "Vụ Tổ chức cán bộ" of an unnamed ministry is not every ministry's: a node of its source
            node_id = f"{node_id}/of-{slug(self.src.source_id)}"
        body = load_schema().bodies.get(canon)
        # registry: the name is a known body or a registry unit (data/registry); False marks a
        # name read by rule alone, to be reviewed
        self.facts.node(node_id, "Agency", name=canon, parent=parent, name_en=_agency_en(canon),
                        abbrev=body.abbrev if body else None, registry=body is not None,
                        aliases=[normalize(name)] if fold(name) != fold(canon) else [])
        self.facts.nodes[node_id].evidence.extend(evidence)
        self.mention(node_id, evidence)
        if parent and depth < 4 and fold(canonical_body(parent)) != fold(canon):
            backing = list(evidence)[:1] or self.first_ev(node_id) or list(named_with)[:1]
            pid = self.agency(parent, (), depth + 1, backing)
            if pid != node_id:
                self.facts.edge(node_id, pid, "PART_OF", backing)
        return node_id

    def first_ev(self, node_id: str) -> list[dict[str, Any]]:
        fact = self.facts.nodes.get(node_id)
        return fact.evidence[:1] if fact else []

    # -- instruments ----------------------------------------------------------------
    def instrument(self, doc: Instrument) -> str:
        bare = None if doc.number else _bare_ref(doc.name or doc.key)
        number = doc.number if doc.number and looks_numbered(doc.number) else None
        if number is None and looks_numbered(doc.key):
            number = doc.key
        if bare:   # unresolved, "Chỉ thị số 05" and "Chỉ thị 5" are one node: its kind word and number
            node_id = self.resolve_bare(*bare) or instrument_id(
                None, re.sub(r"(?i)\s+(?:số\s+)?\d+(?=/\d{4}$|$)", " " + bare[1], doc.name or doc.key))
        else:
            node_id = instrument_id(number, doc.name or doc.key)
        # authoritative=True marks the text's own instrument, whose claims win over news
        # (derive_fields); its kind is its heading's, "other" included (a letter "5348/CT-CS" is
        # no Chỉ thị though its code reads so)
        authoritative = bool(getattr(doc, "authoritative", False))
        kind = doc.kind if authoritative or (doc.kind and doc.kind != "other") else (
            kind_of_number(number) if number else (bare[0] if bare else None)) or doc.kind
        evs = _evs(doc.evidence, self.src, self.date)
        is_numbered = node_id.startswith("instrument/") and looks_numbered(node_id[11:])
        # an OfficialInstrument adds what only the text itself states
        signer = getattr(doc, "signer", None)
        fact = self.facts.node(
            node_id, "Instrument",
            number=node_id[11:] if is_numbered else None,
            name=None if is_numbered else normalize(doc.name or doc.key),
            kind=kind, issued=doc.issued, issuer=canonical_body(doc.issuer) if doc.issuer else None,
            subject=doc.subject,
            effective=getattr(doc, "effective", None), place=getattr(doc, "place", None),
            signer=normalize(signer) if signer else None,
            aliases=[normalize(a) for a in (doc.number, doc.name, doc.key)
                     if a and normalize(a) not in (node_id[11:],)],
        )
        if authoritative:
            fact.authority = max(fact.authority, load_schema().authority.get("official", 1))
        fact.evidence.extend(evs)
        self.mention(node_id, evs)
        for key in (doc.key, doc.number, doc.name):
            if key:
                self.inst_ids.setdefault(fold(key), node_id)
        if doc.issuer:
            ag = self.agency(doc.issuer, named_with=evs[:1])
            self.facts.edge(node_id, ag, "ISSUED_BY", evs[:1])
        return node_id

    def resolve_bare(self, kind: str, n: str, year: str | None = None) -> str | None:
        """A bare "Chỉ thị 39": the numbered directive 39 of this text, else of the graph; with a
        year ("Nghị định số 49/2017"), only one numbered in that year."""
        def of_year(number: str) -> bool:
            return year is None or f"/{year}/" in number or number.endswith(f"/{year}")

        hits = {instrument_id(d.number or d.key) for d in self.ex.documents
                if (d.number or looks_numbered(d.key))
                and leading_number(d.number or d.key) == n and of_year(d.number or d.key)
                and (d.kind == kind or kind_of_number(d.number or d.key) == kind)}
        if len(hits) == 1:
            return hits.pop()
        if not hits and self.lookup_bare is not None:
            found = self.lookup_bare(kind, n)
            return found if found and of_year(found) else None
        return None

    def instrument_ref(self, key: str) -> str:
        """An instrument named by a relation or an event: this text's node, else a new one."""
        found = self.inst_ids.get(fold(key))
        if found:
            return found
        return self.instrument(Instrument(number=key if looks_numbered(key) else None, key=key,
                                          name=None if looks_numbered(key) else key,
                                          kind=(kind_of_number(key) if looks_numbered(key) else None)
                                          or "other"))

    # -- people ----------------------------------------------------------------------
    def person_node(self, name: str) -> tuple[str, str]:
        """The id and name of the person this article means by ``name``: by the name, unless
        data/identity.toml makes it one with another name or tells apart people of that name."""
        canon = same_as(name)
        node_id = person_id(canon)
        if node_id in identity().apart:
            own = {body(pos.agency) for p in self.ex.people if person_id(same_as(p.name)) == node_id
                   for pos in p.positions if pos.agency}
            named = {body(a.name) for a in self.ex.agencies}
            who = apart(canon, own, named)
            if who is not None:
                return who.node_id, who.label
        return node_id, canon

    def person(self, name: str, evidence: Iterable[dict[str, Any]] = ()) -> str:
        node_id, canon = self.person_node(name)
        self.facts.node(node_id, "Person", name=normalize(canon), aliases=[normalize(name)])
        self.facts.nodes[node_id].evidence.extend(evidence)
        self.mention(node_id, evidence)
        return node_id

    def mention(self, node_id: str, evidence: Iterable[dict[str, Any]]) -> None:
        fact = self.facts.edge(self.sid, node_id, "MENTIONS")
        for ev in evidence:
            if len(fact.evidence) >= MAX_MENTION_SPANS:
                break
            if ev not in fact.evidence:
                fact.evidence.append(ev)

    def event_dates_of(self) -> dict[str, str]:
        """Person id → date of an event with a known year this text reports them at."""
        dates: dict[str, str] = {}
        for ev in self.ex.events:
            if not re.match(r"\d{4}", ev.date or ""):
                continue
            for name in [*ev.chaired_by, *ev.participants]:
                dates.setdefault(self.person_node(name)[0], ev.date)
        return dates

    def build(self) -> SourceFacts:
        src = self.src
        ot = self.official
        self.facts.node(self.sid, "Source", source_id=src.source_id,
                        title=official_title(ot) if ot else src.title,
                        date=src.published or (ot.issued if ot else None), author=src.author, url=src.url,
                        content_hash=src.content_hash, path=src.path, name=src.name,
                        official=True if ot else None,
                        simhash=simhash_text(src.simhash if src.simhash is not None else text_simhash(src.text)))
        for ag in self.ex.agencies:
            self.agency(ag.name, _evs(ag.evidence, src, self.date))
        for doc in self.ex.documents:
            self.instrument(doc)
        for rel in self.ex.relations:
            u = self.instrument_ref(rel.source)
            v = self.instrument_ref(rel.target)
            if u != v:
                self.facts.edge(u, v, rel.type.upper(), evidence_dict(rel.evidence, src, self.date))
        event_dates = self.event_dates_of()
        for person in self.ex.people:
            self.add_person(person.name, person, event_dates)
        self.add_events()
        if ot is not None:
            self.add_official(ot)
        self.share_sentences()
        return self.facts

    # -- official texts ----------------------------------------------------------------
    def add_official(self, ot: OfficialText) -> None:
        """What only an instrument's own text states: signature (SIGNED), recipients
        (ADDRESSED_TO when a recipient is a known body), effective date, outline with spans;
        and every evidence sentence of this text learns the article/clause it lies in."""
        main = self.inst_ids.get(fold(ot.key))
        if main is None:
            return
        src = self.src
        if ot.effective_text:
            self.facts.node(main, "Instrument", effective_text=ot.effective_text)
        if ot.signer:
            sg = ot.signer
            sign_evs = evidence_dict(sg.evidence, src, self.date)
            self.facts.node(main, "Instrument", signature={
                "name": normalize(sg.name) if sg.name else None, "post": sg.post,
                "on_behalf": canonical_body(sg.on_behalf) if sg.on_behalf else None,
                "for_post": sg.for_post, "modes": list(sg.modes)})
            if sg.name:
                pid = self.person(sg.name)
                self.facts.edge(pid, main, "SIGNED", sign_evs, title=sg.post,
                                on_behalf=canonical_body(sg.on_behalf) if sg.on_behalf else None,
                                mode=" ".join(sg.modes) or None)
        if ot.db_record:    # a legal database's table: the database's own record of the header
            self.facts.node(main, "Instrument", db_record={
                "source_id": src.source_id, "fields": dict(ot.db_record),
                "disagreements": [list(x) for x in ot.db_disagreements]})
        if ot.recipients:
            self.facts.node(main, "Instrument", recipients=list(ot.recipients))
            tail = src.text.rfind(ot.recipients[0])
            for name in ot.recipients:
                if not is_known_body(name):
                    continue        # "Các bộ, cơ quan ngang bộ ...": a class of bodies, kept as text
                at = src.text.find(name, max(tail, 0))
                evs = (evidence_dict(Evidence(at, at + len(name), name), src, self.date)
                       if at >= 0 else [])
                self.facts.edge(main, self.agency(name, evs), "ADDRESSED_TO", evs)
        by_part: dict[str, list[dict[str, Any]]] = {}
        for o in ot.outline:
            by_part.setdefault(o.part_of, []).append({
                "level": o.level, "label": o.label, "title": o.title, "path": o.path,
                "start": o.start, "end": o.end, "text": _first_line(src.text, o.start)})
        for part_of, items in by_part.items():
            nid = main if part_of == ot.key else self.inst_ids.get(fold(part_of))
            if nid is not None:
                self.facts.node(nid, "Instrument", outline={"source_id": src.source_id, "items": items})
        self.cite_outline(ot, main)

    def cite_outline(self, ot: OfficialText, main: str) -> None:
        """Give each evidence span of this text the outline path it lies in ("Điều 3, khoản 2")
        and the instrument whose outline that is (the text's own, or an attached text's)."""
        nodes = sorted(ot.outline, key=lambda o: o.start)
        if not nodes:
            return
        part_ids = {ot.key: main}
        for o in nodes:
            if o.part_of not in part_ids:
                part_ids[o.part_of] = self.inst_ids.get(fold(o.part_of), "")
        evs = [e for f in self.facts.nodes.values() for e in f.evidence]
        evs += [e for f in self.facts.edges.values() for e in f.evidence]
        for e in evs:
            start = e.get("start")
            if start is None or "outline_path" in e:
                continue
            inner = None
            for o in nodes:
                if o.start > start:
                    break
                if start < o.end and (e.get("end") or start) <= o.end:
                    inner = o       # a later start inside the same span is a deeper unit
            if inner is not None:
                e["outline_path"] = inner.path
                e["outline_of"] = part_ids.get(inner.part_of) or main

    def share_sentences(self) -> None:
        """One string object per distinct sentence, so evidence repeated on many edges is
        stored (and pickled) once."""
        seen: dict[str, str] = {}
        for evs in [f.evidence for f in self.facts.nodes.values()] + [f.evidence for f in self.facts.edges.values()]:
            for e in evs:
                if e.get("sentence"):
                    e["sentence"] = seen.setdefault(e["sentence"], e["sentence"])

    def add_person(self, name: str, person: Any, event_dates: dict[str, str]) -> None:
        pid = self.person(name, _evs(person.evidence, self.src, self.date))
        for pos in person.positions:
            evs = evidence_dict(pos.evidence, self.src, self.date) or [
                {"source_id": self.src.source_id, "sentence": None, "start": None, "end": None,
                 "date": None}]
            # a post is dated by its source's date, the event the person is reported at, or the
            # year the sentence gives as its own date (loaders' statement_year); never by any
            # other year in the sentence (an anniversary's 1925, a target's 2020)
            as_of, basis = self.date, "published"
            if not as_of and pid in event_dates:
                as_of, basis = event_dates[pid], "event"
            if not as_of:
                as_of, basis = pos.as_of, "sentence"
            if not as_of:
                basis = ""
            for ev in evs:
                ev["date"] = as_of
                ev["date_basis"] = basis or None
                if pos.body_inferred:
                    ev["body_inferred"] = True   # the article's body, not printed with the title
            # a former post is shown as printed ("nguyên Bộ trưởng"): it is no current holder's
            title = normalize(("nguyên " if pos.former else "") + pos.title)
            former = {"former": True} if pos.former else {}
            if pos.agency:
                ag = self.agency(pos.agency, named_with=evs[:1])
                key = f"HOLDS_POSITION:{slug(title)}"
                self.facts.edge(pid, ag, "HOLDS_POSITION", evs, key=key, title=title, **former)
            else:
                self.facts.node(pid, "Person", posts=[{"title": title, "as_of": as_of,
                                                        "source_id": src_id(self.src), **former}])

    def add_events(self) -> None:
        seen: Counter[str] = Counter()
        for ev in self.ex.events:
            base = event_id(ev.date or "undated", ev.kind or "event", self.src.source_id)
            seen[base] += 1
            node_id = base if seen[base] == 1 else f"{base}-{seen[base]}"
            evs = _evs(ev.evidence, self.src, ev.date)
            self.facts.node(node_id, "Event", date=ev.date, date_end=ev.date_end, kind=ev.kind, name=ev.name,
                            year_explicit=ev.year_explicit, source_id=self.src.source_id)
            self.facts.nodes[node_id].evidence.extend(evs)
            self.mention(node_id, evs)
            for key in ev.about:
                self.facts.edge(node_id, self.instrument_ref(key), "CONCERNS", evs[:1])
            for name in ev.chaired_by:
                self.facts.edge(self.person(name), node_id, "CHAIRED", evs[:1])
            for name in ev.participants:
                pid = self.person(name)
                if (pid, node_id, "CHAIRED") not in self.facts.edges:
                    # how the person was read (its prior, graph/weigh.py), on this source's record
                    how = [{**e, "rule": ev.took_part_by[name]} if name in ev.took_part_by else e for e in evs[:1]]
                    self.facts.edge(pid, node_id, "PARTICIPATED_IN", how)
            if ev.organizer:
                self.facts.edge(self.agency(ev.organizer, named_with=evs[:1]), node_id, "ORGANIZED", evs[:1])


def src_id(source: SourceText) -> str:
    return source.source_id


def official_title(ot: OfficialText) -> str:
    """How an official text is named as a source: "Nghị định 30/2020/NĐ-CP" (its header's body
    line is no title)."""
    kind = load_schema().kind_label(ot.kind or "other", "vi")
    if ot.number:
        return f"{kind} {norm_number(ot.number)}"
    return normalize(ot.title or ot.key)


def _first_line(text: str, start: int) -> str:
    """The outline unit's own line ("Điều 3. Giải thích từ ngữ"), cut to an excerpt."""
    end = text.find("\n", start)
    line = " ".join(text[start: end if end >= 0 else len(text)].split())
    return line if len(line) <= OUTLINE_EXCERPT else line[: OUTLINE_EXCERPT - 1] + "…"


def _agency_en(name: str) -> str | None:
    sch = load_schema()
    body = sch.bodies.get(name)
    if body:
        return body.en
    head = unit_head(name)
    if head and fold(name) != fold(head):
        rest = name[len(head):].strip()
        known = sch.bodies.get(canonical_body(rest))
        if known:
            return f"{sch.unit_heads[head]}, {known.en}"
    return None   # no half translation ("Department: Thuế cam kết"): the Vietnamese name stands


def facts_from_extraction(ex: Extraction, lookup_bare: LookupBare | None = None) -> SourceFacts:
    """All nodes and edges one extraction states, with ids resolved and evidence attached."""
    return _Builder(ex, lookup_bare).build()


# -- deriving a node's attributes from the claims of its sources ---------------------------

LIST_FIELDS = {"aliases", "posts"}
# Fields whose disagreement between sources is a fact worth showing; others (a subject
# line, a display name) just take the most frequent value.
CONFLICT_FIELDS = {"issued", "kind", "issuer", "parent", "date", "number", "signer", "effective"}
# ... and those shown only against an authoritative value: news paraphrase a title freely,
# but when the official text is known, a title that is not part of it is worth a look.
AUTHORITY_CONFLICT_FIELDS = {"subject", "name"}
DATE_FIELDS = {"issued", "date", "effective"}


def _compatible_dates(a: str, b: str) -> bool:
    """"2009" and "2009-12-09" agree (one is a coarser form of the other)."""
    return a.startswith(b) or b.startswith(a)


_TITLE_NOISE = re.compile(r"^(?:ve viec|ve|v/v)\s+|[^\w ]+")


def _compatible_texts(a: Any, b: Any) -> bool:
    """Same text up to case, marks, punctuation and a leading "về (việc)"; or one inside the other."""
    fa, fb = (_TITLE_NOISE.sub("", fold(str(x))).strip() for x in (a, b))
    fa, fb = " ".join(fa.split()), " ".join(fb.split())
    return fa == fb or (bool(fa) and bool(fb) and (fa in fb or fb in fa))


Ledger = dict[str, dict[Any, list[Any]]]   # field -> value key -> [value, [source ids]]


def _key(v: Any) -> Any:
    return json.dumps(v, sort_keys=True, ensure_ascii=False) if isinstance(v, dict | list) else v


def ledger_add(ledger: Ledger, sid: str, attrs: dict[str, Any]) -> set[str]:
    """Record one source's claims about a node; returns the fields that may have changed.

    Why a ledger (value -> sources) rather than re-reading every source's claims: a hub such
    as "Chính phủ" is claimed by thousands of sources, and deriving it from all of them on
    each add would make ingest quadratic.
    """
    for f, v in attrs.items():
        values = ledger.setdefault(f, {})
        for item in (v if f in LIST_FIELDS else [v]):
            entry = values.setdefault(_key(item), [item, []])
            entry[1].append(sid)
    return set(attrs)


def ledger_remove(ledger: Ledger, sid: str, attrs: dict[str, Any]) -> set[str]:
    """Take one source's claims back out of the ledger."""
    for f, v in attrs.items():
        values = ledger.get(f, {})
        for item in (v if f in LIST_FIELDS else [v]):
            entry = values.get(_key(item))
            if entry and sid in entry[1]:
                entry[1].remove(sid)
                if not entry[1]:
                    del values[_key(item)]
        if not values:
            ledger.pop(f, None)
    return set(attrs)


def derive_fields(node_type: str, ledger: Ledger, fields: set[str], data: dict[str, Any]) -> None:
    """Set ``data[f]`` for each changed field from the ledger; disagreements go to ``conflicts``.

    ``data["authority"]`` (source id -> rank, kept by the store from ``NodeFact.authority``)
    ranks sources: a value some authoritative source claims (the instrument's own official
    text) wins over any number of others; among equals, the most precise date, then the most
    frequent value.  The losers stay visible: each conflict entry is ``{value, sources,
    authority}``, the chosen value first.
    """
    conflicts: dict[str, list[dict[str, Any]]] = data.setdefault("conflicts", {})
    auth: dict[str, int] = data.get("authority") or {}

    def rank(entry: list[Any]) -> int:
        return max((auth.get(s, AUTHORITY_NEWS) for s in entry[1]), default=AUTHORITY_NEWS) if auth else 0

    for f in fields:
        conflicts.pop(f, None)
        entries = list(ledger.get(f, {}).values())
        if not entries:
            data.pop(f, None)
            continue
        if f in LIST_FIELDS:
            data[f] = [value for value, _ in entries]
            continue
        if f in DATE_FIELDS:
            entries.sort(key=lambda e: (-rank(e), -len(str(e[0])), -len(e[1]), str(e[0])))
            chosen = entries[0]
            clash = [e for e in entries if not _compatible_dates(str(e[0]), str(chosen[0]))]
        elif f in AUTHORITY_CONFLICT_FIELDS:
            entries.sort(key=lambda e: (-rank(e), -len(e[1]), str(e[0])))
            chosen = entries[0]
            clash = [e for e in entries[1:] if not _compatible_texts(e[0], chosen[0])]
        else:
            entries.sort(key=lambda e: (-rank(e), -len(e[1]), str(e[0])))
            chosen = entries[0]
            clash = [e for e in entries[1:] if fold(str(e[0])) != fold(str(chosen[0]))]
        data[f] = chosen[0]
        if clash and (f in CONFLICT_FIELDS or (f in AUTHORITY_CONFLICT_FIELDS and rank(chosen) > AUTHORITY_NEWS)):
            conflicts[f] = [{"value": e[0], "sources": list(e[1]), "authority": rank(e)}
                            for e in [chosen, *clash]]
    data["label"], data["label_en"] = node_labels(node_type, data)


def derive_node(node_type: str, claims: dict[str, dict[str, Any]],
                authority: dict[str, int] | None = None) -> dict[str, Any]:
    """Attributes of a node from its sources' claims, all at once (the ledger's reference)."""
    ledger: Ledger = {}
    fields: set[str] = set()
    for sid in sorted(claims):
        fields |= ledger_add(ledger, sid, claims[sid])
    out: dict[str, Any] = {"conflicts": {}}
    if authority:
        out["authority"] = dict(authority)
    derive_fields(node_type, ledger, fields, out)
    return out


def node_labels(node_type: str, attrs: dict[str, Any]) -> tuple[str, str]:
    """Vietnamese and English display labels (the English one for search and exports)."""
    sch = load_schema()
    if node_type == "Instrument":
        kind = attrs.get("kind") or "other"
        if attrs.get("number"):
            return (f"{sch.kind_label(kind, 'vi')} {attrs['number']}",
                    f"{sch.kind_label(kind, 'en')} {attrs['number']}")
        name = attrs.get("name") or ""
        return name, f"{sch.kind_label(kind, 'en')}: {name}"
    if node_type == "Agency":
        name = attrs.get("name") or ""
        en = attrs.get("name_en") or name
        parent = attrs.get("parent")
        if parent and unit_head(name) and not is_known_body(name) and fold(parent) not in fold(name):
            return f"{name} ({parent})", f"{en} ({_agency_en(parent) or parent})"
        return name, en
    if node_type == "Person":
        name = attrs.get("name") or ""
        return name, name
    if node_type == "Event":
        kind = attrs.get("kind") or "event"
        date = attrs.get("date", "")
        vi = attrs.get("name") or load_schema().event_kinds_vi.get(kind, kind)
        return f"{date} {vi}", f"{date} {kind}" + (f": {attrs['name']}" if attrs.get("name") else "")
    title = attrs.get("title") or attrs.get("name") or attrs.get("source_id") or ""
    return title, title
