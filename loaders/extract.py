"""Extraction: one SourceText in, one Extraction out (instruments, agencies, people, events
and the links between instruments, each with the sentence that states it)."""

from __future__ import annotations

import re

from loaders.context import Doc
from loaders.extract_agencies import AgencyHit, branch_of_some_province, find_agencies
from loaders.extract_events import find_events
from loaders.extract_instruments import amending_links, find_named, find_numbered, find_plenum, find_short_refs
from loaders.extract_people import find_names, find_people
from loaders.extract_relations import find_relations
from loaders.lexicon import get_lexicon
from loaders.model import Agency, Extraction, Instrument, Person, SourceText
from loaders.numbers import normalize_number
from loaders.official import extract_official, is_official_text, merge_news
from loaders.vntext import fold


def extract(source: SourceText) -> Extraction:
    """Official texts (decrees, decisions ... with their own header) get the official-text
    parser, whose header facts are authoritative, merged with what the article rules find.  A
    legal database's page is one even when the site left the text's header out: its table says."""
    if source.db_record or is_official_text(source.text):
        official = extract_official(source)
        issued = official.official.issued if official.official else None
        merged = merge_news(official, extract_article(source, written=issued))
        merged.documents = _dedupe_documents(merged.documents)
        return merged
    return extract_article(source)


_PROVINCIAL_UNIT = re.compile(r"Sở\s")   # (a Phòng may be the police's, not the province's)
def _names_place(doc: Doc, name: str) -> bool:
    return bool(doc.lex.place_word_re.search(name) or doc.lex.place_re.search(name) or "HCM" in name)


def _main_local_body(doc: Doc, agencies: list[Agency]) -> str | None:
    """The provincial People's Committee an article names, when it names only one: with two
    ("UBND tỉnh Khánh Hòa" and "UBND tỉnh Đồng Nai") a "Sở Công thương" printed bare may be
    either's."""
    local = [a for a in agencies if a.name.startswith(("UBND ", "Ủy ban nhân dân ")) and
             (doc.lex.province_word_re.search(a.name) or "HCM" in a.name)]
    places = {doc.lex.province_in(a.name) or a.name for a in local}
    if len(places) != 1:
        return None
    return max(local, key=lambda a: len(a.evidence)).name   # ("UBND TP. Hà Nội", "UBND Hà Nội": the most named spelling)


def _dedupe_documents(documents: list[Instrument]) -> list[Instrument]:
    """One instrument per normalised number (or per name without its year); the first one
    (the official text's own parse) wins and later ones only fill its gaps."""
    out: dict[str, Instrument] = {}
    for d in documents:
        key = normalize_number(d.number) if d.number else fold(re.sub(r"\s+năm\s+\d{4}$", "", d.name or d.key))
        first = out.get(key)
        if first is None:
            out[key] = d
            continue
        first.issued = first.issued or d.issued
        first.issuer = first.issuer or d.issuer
        first.subject = first.subject or d.subject
        first.evidence.extend(d.evidence)
    return list(out.values())


def extract_article(source: SourceText, written: str | None = None) -> Extraction:
    """News-article rules: instruments, agencies, people, events and links; ``written`` is when
    the text was written when its source does not say (an official text's own date)."""
    doc = Doc(source.text, get_lexicon(), published=source.published or written)
    numbered, mentions = find_numbered(doc)
    bare, bare_mentions = find_short_refs(doc, numbered)
    mentions += bare_mentions
    named, named_mentions = find_named(doc, numbered)
    named.update({k: v for k, v in bare.items() if k not in named})
    mentions += named_mentions
    plenum, plenum_mentions = find_plenum(doc)
    named.update(plenum)
    mentions += plenum_mentions
    hits = find_agencies(doc)
    names = find_names(doc)
    people = find_people(doc, names)
    agencies = _merge_agencies(doc, hits)
    renames = {fold(a): b for a, b in agencies[1].items()}
    for p in people:
        for pos in p.positions:
            if pos.agency:
                pos.agency = renames.get(fold(pos.agency), pos.agency)
    known = {fold(a.name): a.name for a in agencies[0]}
    for p in people:  # a body named only inside a post is an agency of the article too
        for pos in p.positions:
            if pos.agency and fold(pos.agency) not in known:
                # its parent, when its name ends with a body the article names ("Văn phòng UBND TP HCM")
                words = pos.agency.split(" ")
                parent = next((known[fold(" ".join(words[i:]))] for i in range(1, len(words))
                               if fold(" ".join(words[i:])) in known), None)
                known[fold(pos.agency)] = pos.agency
                agencies[0].append(Agency(pos.agency, parent, [pos.evidence] if pos.evidence else []))
    for a in agencies[0]:   # a parent printed with the unit in a post ("Phòng X, Bệnh viện Y")
        a.parent = a.parent or doc.post_parents.get(a.name)
    for a in agencies[0]:  # a Sở's "UBND <province>" parent only when the text names that UBND
        if a.parent and a.parent.startswith("UBND ") and fold(a.parent) not in known:
            a.parent = None
    local = _main_local_body(doc, agencies[0])
    placeless = [a for a in agencies[0] if a.parent is None and _PROVINCIAL_UNIT.match(a.name) and not _names_place(doc, a.name)]
    if local is None and placeless and doc.sole_province:   # the committee of the one province the article names
        city = doc.sole_province in doc.lex.city_provinces   # (written as the article does: "UBND TPHCM")
        local = doc.with_place(f"UBND {'TP' if city else 'tỉnh'}", doc.sole_province)
    for a in placeless:  # "Sở Y tế" with no place, in an article about one province: that province's
        a.parent = local
    kept, twins = _drop_placeless_twins(doc, agencies[0], people)
    kept, branches = _bare_branch_is_the_articles(doc, kept, people)
    agencies = (kept, agencies[1])
    renames.update(twins)
    renames.update(branches)
    events = find_events(doc, mentions, hits, people, names)
    for e in events:
        if e.organizer:
            e.organizer = renames.get(fold(e.organizer), e.organizer)
    documents = list(numbered.values()) + [v for k, v in named.items() if k not in numbered]
    return Extraction(
        source=source,
        documents=documents,
        agencies=agencies[0],
        people=people,
        events=events,
        relations=find_relations(doc, mentions) + amending_links(doc, named, mentions),
        context_body=doc.context_body,
    )


def _drop_placeless_twins(doc: Doc, agencies: list[Agency], people: list[Person]) -> tuple[list[Agency], dict[str, str]]:
    """"Sở Tài nguyên và Môi trường" (given the article's city) beside "Sở Tài nguyên và Môi
    trường TPHCM" of the same parent: one agency, the one that names its place; the posts in the
    other move to it.  Returns the agencies kept and the folded names dropped -> their twin."""
    out = []
    dropped: dict[str, str] = {}
    for a in agencies:
        twin = next((b for b in agencies if b is not a and a.parent and _same_parent(doc, a.parent, b.parent)
                     and fold(b.name).startswith(fold(a.name) + " ")), None) if a.parent else None
        if twin is None:
            out.append(a)
            continue
        twin.evidence += a.evidence
        dropped[fold(a.name)] = twin.name
        for p in people:
            for pos in p.positions:
                if pos.agency == a.name:
                    pos.agency = twin.name
    return out, dropped


def _same_parent(doc: Doc, a: str, b: str | None) -> bool:
    """One parent however its place is printed ("UBND tỉnh Thừa Thiên-Huế" / "... Thừa Thiên Huế")."""
    if b is None or a == b:
        return a == b
    place = doc.lex.province_in(a)
    return place is not None and place == doc.lex.province_in(b) and fold(a).split()[0] == fold(b).split()[0]


def _bare_branch_is_the_articles(doc: Doc, agencies: list[Agency], people: list[Person]
                                 ) -> tuple[list[Agency], dict[str, str]]:
    """A bare branch's name ("Cục Hải quan" before 2025, as an agency, a parent or in a post) in an
    article that names one branch of it with its place ("Cục Hải quan TP Hồ Chí Minh") is that
    branch, not the national unit the name came to mean later.  Returns the agencies kept and the
    folded names renamed -> the branch."""
    names = [*(a.name for a in agencies), *(a.parent for a in agencies if a.parent),
             *(q.agency for p in people for q in p.positions if q.agency)]
    to: dict[str, str] = {}   # the folded bare name -> the branch
    for key in {fold(n) for n in names if fold(n) in doc.lex.branch_heads and branch_of_some_province(doc, n)}:
        local = [a for a in agencies if fold(a.name).startswith(key + " ")
                 and doc.lex.province_in(" ".join(a.name.split())[len(key) + 1:]) is not None]
        if len(local) == 1:
            to[key] = local[0].name

    one_per_body = {fold(h) for h in doc.lex.one_per_body}

    def renamed(name: str) -> str:   # the bare name, or a body's one unit of it ("Đảng ủy Cục Hải quan")
        name = " ".join(name.split())   # (folding collapses spaces and keeps a name's length otherwise)
        k = fold(name)
        for key, branch in to.items():
            if k == key or (k.endswith(" " + key) and k[:-len(key) - 1] in one_per_body):
                return name[:len(name) - len(key)] + branch
        return name

    if not to:
        return agencies, {}
    out: dict[str, Agency] = {}
    renames: dict[str, str] = {}
    for a in agencies:
        new = renamed(a.name)
        if new != a.name:
            renames[fold(a.name)] = new
        a.parent = renamed(a.parent) if a.parent else None
        if fold(new) in out:
            out[fold(new)].evidence += a.evidence
            continue
        a.name = new
        out[fold(new)] = a
    for p in people:
        for pos in p.positions:
            pos.agency = renamed(pos.agency) if pos.agency else None
    return list(out.values()), renames


def _merge_agencies(doc: Doc, hits: list[AgencyHit]) -> tuple[list[Agency], dict[str, str]]:
    """One agency per name (case and tone placement ignored).  Variants of one unit are
    merged: a "Ban Chỉ đạo ..." takes its longest form; another unit its most frequent form
    among those that extend one another ("Vụ Hợp tác quốc tế chuẩn" -> "Vụ Hợp tác quốc tế").
    A body the lexicon or registry knows is never a variant, nor made one."""
    by_key: dict[str, Agency] = {}
    counts: dict[str, int] = {}
    for h in hits:
        k = fold(h.name)
        a = by_key.get(k)
        if a is None:
            a = by_key[k] = Agency(h.name, h.parent)
        a.parent = a.parent or h.parent
        a.evidence.append(doc.evidence(h.start))
        counts[k] = counts.get(k, 0) + 1
    renames: dict[str, str] = {}
    keys = sorted(by_key, key=len)
    known = {k for k in keys if by_key[k].name in doc.lex.bodies}   # a known body is no variant
    rank = {k: i for i, k in enumerate(keys)}
    longer: dict[str, list[str]] = {}   # a name's first words -> the names that go on from them
    for o in keys:                      # (an index, not a scan of every pair: linear in the names)
        if o not in known:
            for i, ch in enumerate(o):
                if ch == " ":
                    longer.setdefault(o[:i], []).append(o)
    for k in keys:                                                  # ("Bộ Quốc phòng" / "... Nga")
        if k in known:
            continue
        # (a branch with its place is no variant of the branch's bare name: "Cục Hải quan TP HCM")
        shorter = [k[:i] for i, ch in enumerate(k) if ch == " " and k[:i] in rank and k[:i] not in known
                   and not (k[:i] in doc.lex.branch_heads and doc.lex.province_in(by_key[k].name[i + 1:]))]
        family = sorted((o for o in longer.get(k, []) + shorter if by_key[o].parent == by_key[k].parent), key=rank.__getitem__)
        if not family:
            continue
        group = family + [k]
        if k.startswith("ban chi dao") or k.startswith("ban quan ly"):
            best = max(group, key=len)
        else:
            best = max(group, key=lambda g: (counts[g], -len(g)))
        if best != k:
            renames[by_key[k].name] = by_key[best].name
    merged = []
    for a in by_key.values():
        if a.name in renames:
            target = by_key[fold(renames[a.name])]
            target.evidence.extend(a.evidence)
            continue
        merged.append(a)
    return merged, renames
