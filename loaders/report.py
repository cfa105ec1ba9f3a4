"""Reports of extractions: the JSON Lines of shared/eval/CONTRACT.md and a readable table."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from loaders.model import Extraction


def _ev(evidence: Any) -> Any:
    if isinstance(evidence, list):
        return [{"start": e.start, "end": e.end, "text": e.text} for e in evidence[:3]]
    if evidence is None:
        return None
    return {"start": evidence.start, "end": evidence.end, "text": evidence.text}


def _official(ex: Extraction) -> dict[str, Any]:
    """An official text's own parse (header, signer, bases, effective date, outline), when any."""
    official = getattr(ex, "official", None)
    return {"official": asdict(official)} if official is not None else {}


def to_report(ex: Extraction) -> dict[str, Any]:
    """The contract's object for one file; evidence spans ride along as extra keys."""
    src = ex.source
    return {
        "file": src.name,
        "source_id": src.source_id,
        "title": src.title,
        "published": src.published,
        "author": src.author,
        "url": src.url,
        "context_body": ex.context_body,
        "documents": [{
            "number": d.number, "normalized": d.key if d.number else None, "name": d.name,
            "kind": d.kind, "issued": d.issued, "issuer": d.issuer, "subject": d.subject,
            "evidence": _ev(d.evidence),
        } for d in ex.documents],
        "agencies": [{"name": a.name, "parent": a.parent, "evidence": _ev(a.evidence)} for a in ex.agencies],
        "people": [{
            "name": p.name,
            "positions": [{"title": x.title, "agency": x.agency, **({"former": True} if x.former else {}),
                           "evidence": _ev(x.evidence)} for x in p.positions],
            "evidence": _ev(p.evidence),
        } for p in ex.people],
        "events": [{
            "date": e.date, "date_end": e.date_end, "year_explicit": e.year_explicit, "kind": e.kind, "name": e.name, "about": e.about,
            "chaired_by": e.chaired_by, "participants": e.participants, "organizer": e.organizer,
            "evidence": _ev(e.evidence),
        } for e in ex.events],
        "relations": [{"type": r.type, "source": r.source, "target": r.target, "evidence": _ev(r.evidence)}
                      for r in ex.relations],
        **_official(ex),
    }


def to_jsonl(ex: Extraction) -> str:
    return json.dumps(to_report(ex), ensure_ascii=False)


def to_table(ex: Extraction) -> str:
    """A plain-text summary for people reading a terminal."""
    src = ex.source
    lines = [f"== {src.name}  {src.title or ''}  ({src.published or 'no date'})",
             f"   about: {ex.context_body or '-'}"]
    for d in ex.documents:
        lines.append(f"   DOC    {d.number or d.name:<28} {d.kind:<12} {d.issued or '':<10} {d.issuer or ''}")
    for a in ex.agencies:
        lines.append(f"   AGENCY {a.name}" + (f"  (of {a.parent})" if a.parent and a.parent not in a.name else ""))
    for p in ex.people:
        posts = "; ".join(f"{x.title} {x.agency or ''}".strip() for x in p.positions)
        lines.append(f"   PERSON {p.name:<24} {posts}")
    for e in ex.events:
        who = ", ".join(e.chaired_by)
        lines.append(f"   EVENT  {e.date} {e.kind}" + (f" chaired by {who}" if who else "")
                     + (f" about {', '.join(e.about)}" if e.about else ""))
    for r in ex.relations:
        lines.append(f"   LINK   {r.source} {r.type} {r.target}")
    return "\n".join(lines)
