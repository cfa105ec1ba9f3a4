"""Links between instruments stated in one sentence: the instrument right before a cue
word is the source, the one right after it the target ("Kế hoạch số 32-KH/BCSĐ thực hiện
Nghị quyết số 27-NQ/TW")."""

from __future__ import annotations

from loaders.context import Doc
from loaders.extract_instruments import Mention
from loaders.model import Relation
from loaders.vntext import fold


def find_relations(doc: Doc, mentions: list[Mention]) -> list[Relation]:
    if len({m.key for m in mentions}) < 2:
        return []  # a link needs two instruments (most news articles name at most one)
    lex = doc.lex
    ordered = sorted(mentions, key=lambda m: m.start)
    spans = [(m.start, m.tail_end) for m in ordered]
    out: list[Relation] = []
    seen: set[tuple[str, str, str]] = set()
    for cue in lex.relation_re.finditer(doc.shadow):
        if any(a <= cue.start() < b for a, b in spans):
            continue
        rtype = lex.relation_cues.get(fold(cue.group(0)))
        if rtype is None:
            continue
        sent = doc.sentence_at(cue.start())
        gap_before = lex.extra.get("gap_succeeds", 220) if rtype == "SUCCEEDS" else lex.max_gap_before
        before = [m for m in ordered if sent.start <= m.start and m.end <= cue.start()
                  and cue.start() - m.end <= gap_before]
        after = [m for m in ordered if m.start >= cue.end() and m.start < sent.end
                 and m.start - cue.end() <= lex.max_gap_after]
        if not before or not after:
            continue
        src, tgt = before[-1], after[0]
        between = doc.shadow[src.tail_end:cue.start()]
        if ";" in between or (rtype != "SUCCEEDS" and lex.kind_word_re.search(between)):
            continue
        if ";" in doc.shadow[cue.end():tgt.start] or src.key == tgt.key:
            continue
        k = (rtype, src.key, tgt.key)
        if k not in seen:
            seen.add(k)
            out.append(Relation(rtype, src.key, tgt.key, doc.evidence(cue.start())))
    return out
