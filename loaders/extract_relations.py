"""Links between instruments stated in one sentence.

Two shapes:
- the instrument right before a cue word is the source and the one(s) right after it the
  targets ("Kế hoạch số 32-KH/BCSĐ thực hiện Nghị quyết số 27-NQ/TW", "... thực hiện Nghị
  quyết A, Nghị quyết B và Chỉ thị C");
- a sentence that opens with the cue names the targets first and the source after a verb of
  issuing ("Thực hiện Nghị quyết A, B, UBND tỉnh đã ban hành Chương trình số N"); an opening
  "Căn cứ ..." with no source in the sentence belongs to the act just issued before it, never
  to one only quoted there (the writer's own citation).
"""

from __future__ import annotations

import bisect
import re

from loaders.context import Doc
from loaders.extract_instruments import Mention
from loaders.model import Relation
from loaders.spans import Spans
from loaders.vntext import fold

_SEPARATOR = re.compile(r"[\s,]*(?:(?:và|cùng|,)\s+)?")   # a ";" ends a list: the next item is a clause of its own
_ISSUING = re.compile(r"(?:ban hành|xây dựng|phê duyệt|ký|triển khai)\s+$")
_PREVIOUS = 400          # how far back "Căn cứ ..." looks for the act just issued
_OPENING = 24            # a cue this close to the sentence start opens it
_PASSIVE = re.compile(r"(?<!\w)(?:đã\s+|vừa\s+)?được\s+$")   # "A được sửa đổi bởi B": B amends A
# "A sửa đổi bởi B", "A sửa đổi, bổ sung tại Quyết định B" (no "được"): B amends A; "tại" only
# before an act's kind word ("sửa đổi tại Điều 1 các quy định của ..." is active)
_PASSIVE_AFTER = re.compile(r"[\s,]*(?:bổ sung\s+)?(?P<word>bởi|tại)\s+")
_JOINED = re.compile(r"\svà\s|[“”\"]")   # "... Nghị định A và những nội dung sửa đổi ...": the cue is another subject's


def _targets(doc: Doc, ordered: list[Mention], first: Mention, end: int, starts: list[int]) -> list[Mention]:
    """The first target and those listed right after it ("A, B và C"); ``starts`` are the
    mentions' starts (the list is read from the first target on, not from its beginning)."""
    out = [first]
    for j in range(bisect.bisect_right(starts, first.start), len(ordered)):
        m = ordered[j]
        if m.start >= end:
            break     # (sorted: no later one is before the end either)
        if m.start <= out[-1].start:
            continue
        gap = doc.shadow[out[-1].tail_end:m.start]
        if m.key != out[-1].key and _SEPARATOR.fullmatch(gap):
            out.append(m)
        elif m.start > out[-1].tail_end:
            break
    return out


def find_relations(doc: Doc, mentions: list[Mention]) -> list[Relation]:
    if len({m.key for m in mentions}) < 2:
        return []  # a link needs two instruments (most news articles name at most one)
    lex = doc.lex
    ordered = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    numbers = Spans((m.start, m.end) for m in ordered)   # (indexed: each cue looks only near itself)

    def starting_in(lo: int, hi: int) -> list[Mention]:
        return [ordered[i] for i in numbers.starting_in(lo, hi)]
    out: list[Relation] = []
    seen: set[tuple[str, str, str]] = set()

    def add(rtype: str, src: Mention, tgt: Mention, at: int) -> None:
        k = (rtype, src.key, tgt.key)
        if src.key != tgt.key and k not in seen:
            seen.add(k)
            out.append(Relation(rtype, src.key, tgt.key, doc.evidence(at)))

    for cue in lex.relation_re.finditer(doc.shadow):
        # a cue inside a number or kind word is no cue; inside a subject ("về việc bãi bỏ ...") it is
        if numbers.containing(cue.start(), cue.start() + 1):
            continue
        rtype = lex.relation_cues.get(fold(cue.group(0)))
        if rtype is None:
            continue
        sent = doc.sentence_at(cue.start())
        gap_before = lex.max_gap_before_succeeds if rtype == "SUCCEEDS" else lex.max_gap_before
        clause = max(sent.start, doc.shadow.rfind(";", sent.start, cue.start()) + 1,
                     doc.shadow.rfind(":", sent.start, cue.start()) + 1)
        before = [m for m in starting_in(clause, cue.start()) if m.end <= cue.start()
                  and cue.start() - m.end <= gap_before]
        after = [m for m in starting_in(cue.end(), sent.end) if m.start - cue.end() <= lex.max_gap_after]
        if not after or ";" in doc.shadow[cue.end():after[0].start]:
            continue
        if rtype == "IMPLEMENTS" and lex.complying_re.match(doc.shadow, cue.end()):
            continue    # "thực hiện theo quy định của Luật ...": done as the act says, no act implementing it
        targets = _targets(doc, ordered, after[0], sent.end, starts)
        if rtype in ("REPLACES", "REPEALS") and lex.part_re.match(doc.shadow, cue.end()):
            rtype = "AMENDS"    # a part of the instrument ("thay thế Mẫu 04 tại Phụ lục IA của ...")
        if before:
            src = before[-1]
            between = doc.shadow[src.tail_end:cue.start()]
            if ";" in between or (rtype != "SUCCEEDS" and lex.kind_word_re.search(between)):
                continue
            others = [lex.relation_cues.get(fold(c.group(0))) for c in (
                *lex.relation_re.finditer(between), *lex.relation_re.finditer(doc.shadow, cue.end(), targets[0].start))]
            if rtype != "SUCCEEDS" and (_JOINED.search(between) or any(t != rtype for t in others)):
                continue    # another subject, or a cue of another link, stands between the acts
                #  ("quy định chi tiết ... và hướng dẫn thi hành Luật X" is one link)
            if doc.shadow[max(0, cue.start() - 2):cue.start()].strip() == "(":
                continue    # "Luật X (sửa đổi, bổ sung năm 2020) và Nghị định Y": said of X itself
            if rtype in ("GUIDES", "IMPLEMENTS") and re.search(r"\btheo\s+$", doc.lower[max(0, cue.start() - 6):cue.start()]):
                continue    # "thực hiện kế toán theo hướng dẫn tại Thông tư ...": compliance
            pa = _PASSIVE_AFTER.match(doc.shadow, cue.end())
            passive_after = pa is not None and (pa.group("word") == "bởi" or lex.kind_word_re.match(doc.shadow, pa.end()))
            if _PASSIVE.search(between) or passive_after:
                # "Nghị định 163/2006 được sửa đổi, bổ sung bởi Nghị định 11/2012 (và ...)": those after act
                for tgt in targets:
                    add(rtype, tgt, src, cue.start())
                continue
            for tgt in targets:
                add(rtype, src, tgt, cue.start())
            continue
        if cue.start() - clause > _OPENING or rtype not in ("IMPLEMENTS", "BASED_ON"):
            continue   # "Căn cứ Luật A; Căn cứ Luật B; ...": each clause opens with the cue
        later = [m for m in starting_in(targets[-1].tail_end, sent.end)
                 if _ISSUING.search(doc.shadow[max(sent.start, m.start - 40):m.start])]
        if later:
            src = later[0]
        else:
            # the act just issued before the sentence ("Thủ tướng ban hành Quyết định số 45/2017/QĐ-TTg.
            # Căn cứ Luật ..."); an act only quoted there is not it: explainers quote one act, then cite
            # another ("Căn cứ khoản 1 Điều 20 Nghị định 118/2021 ..."), and an audit of the library
            # found 9 of 33 BASED_ON links read so
            prior = [m for m in starting_in(sent.start - _PREVIOUS, sent.start) if m.end <= sent.start]
            if rtype != "BASED_ON" or not prior or not _ISSUING.search(
                    doc.shadow[max(0, prior[-1].start - 40):prior[-1].start]):
                continue
            src = prior[-1]
        for tgt in targets:
            add(rtype, src, tgt, cue.start())
    return out
