"""Instruments: numbered ones ("Chỉ thị số 39-CT/TW ngày 09/12/2009 của Ban Bí thư về ..."),
short references to them ("Chỉ thị số 39"), and named laws ("Luật Viên chức")."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from loaders.context import STOP_WORDS, Doc, stops_at
from loaders.dates import DATE_RE, find_dates
from loaders.extract_agencies import find_agencies_in, parse_unit_at
from loaders.model import Instrument, Relation
from loaders.numbers import NUMBER_RE, DocNumber, code_key, parse_number
from loaders.vntext import fold


@dataclass
class Mention:
    """One place in the text that names an instrument; ``tail_end`` covers the date,
    issuer and subject that follow it, which belong to the instrument and not to the prose."""

    start: int
    end: int
    tail_end: int
    key: str
    printed: str


def _kind_word_before(doc: Doc, start: int) -> tuple[str | None, int]:
    """The prose kind word right before a number ('Chỉ thị số ', 'Quyết định '), and where it starts."""
    window_start = max(0, start - 40)
    window = doc.shadow[window_start:start]
    best: tuple[str | None, int] = (None, start)
    for m in doc.lex.kind_word_re.finditer(window):
        rest = window[m.end():]
        if re.fullmatch(r"\s*(?:số|Số)?\s*(?::\s*)?", rest):
            best = (doc.lex.kind_words.get(fold(m.group(0))), window_start + m.start())
    return best


def _kind(doc: Doc, num: DocNumber, prose: str | None) -> str | None:
    lex = doc.lex
    t = code_key(num.type_code)
    if t in lex.non_instrument_codes:
        return None
    first_issuer = code_key(num.issuer_code).split("-")[0]
    known_issuer = first_issuer in lex.issuer_codes or first_issuer in lex.ministry_by_code
    if prose == "other" and num.year is None and not num.party and not known_issuer:
        return prose    # "công văn số 348/CT-CS": CT is Cục Thuế's code there (CS is no issuer's), a letter
    if t in lex.type_codes:
        kind = lex.type_codes[t]
        if t == "QD" and num.party and prose == "regulation":
            return "regulation"
        return kind
    if prose and num.type_code is None:
        return prose  # "Nghị quyết số 42/2017/QH14" is a resolution of the Assembly, not a law
    icode = code_key(num.issuer_code)
    for prefix, kind in lex.kind_by_issuer_prefix.items():
        if icode.startswith(prefix) and num.type_code is None:
            return kind
    return prose  # a letter ("Công văn số 4567/BNV-TCBC") only when the prose names it


def _issuer_from_code(doc: Doc, num: DocNumber) -> str | None:
    lex = doc.lex
    icode = code_key(num.issuer_code)
    if num.party and icode == "TW":
        return None  # the Central Committee, Politburo or Secretariat: the prose decides
    # joint numbers (TTLT-BNV-BTC) name the first issuer
    first = icode.split("-")[0]
    body = lex.issuer_codes.get(first) or lex.ministry_by_code.get(first)
    if body is None:
        for prefix, name in lex.issuer_code_prefixes.items():
            if first.startswith(prefix):
                return name
        return None
    if body.startswith("@context:"):
        head = body.split(":", 1)[1]
        if head == "Ban Cán sự đảng" and doc.context_body:
            return f"{head} {doc.context_body}"
        return None
    return body


_TAIL_DATE = re.compile(r"\s*,?\s*(?:ban hành\s+|ký\s+)?(?:ngày|Ngày)\s+")
_TAIL_OF = re.compile(r"\s*,?\s*(?:của|do)\s+")
_TAIL_ABOUT = re.compile(r"\s*,?\s*(?:về|về việc|V/v)\s+")
_CONFERENCE = re.compile(r"(Hội nghị (?:lần thứ \w+ )?Ban Chấp hành Trung ương(?: Đảng)?|Hội nghị Trung ương(?: \d+| lần thứ \w+)?|Đại hội(?: đại biểu toàn quốc)?(?: lần thứ \w+)?(?: của Đảng)?)(?:\s*\(?\s*[Kk]hóa\s+[IVXLC]+\)?)?")
_TERM = re.compile(r"\s*\(?\s*[Kk]hóa\s+[IVXLC]+\s*\)?")


def _tail(doc: Doc, end: int) -> tuple[str | None, str | None, str | None, int]:
    """Date, issuer and subject printed right after a number; and where that tail ends."""
    s = doc.shadow
    issued = issuer = subject = None
    pos = end
    m = _TAIL_DATE.match(s, pos)
    if m:
        d = DATE_RE.match(s, m.end())
        if d:
            dm = find_dates(s[d.start():d.end()])
            if dm and dm[0].year:
                issued = dm[0].iso()
                pos = d.end()
    m = _TAIL_OF.match(s, pos)
    if m:
        b = doc.lex.body_re.match(s, m.end())
        c = _CONFERENCE.match(s, m.end())
        if b:
            issuer = doc.lex.canonical_body(b.group(0))
            pos = b.end()
            t = _TERM.match(s, pos)
            if t:
                pos = t.end()
        elif c:
            phrase = c.group(0)
            issuer = next((v for k, v in doc.lex.issuer_phrases.items() if phrase.startswith(k)), None)
            if phrase.startswith("Hội nghị") and issuer is None:
                issuer = "Ban Chấp hành Trung ương Đảng"
            pos = c.end()
        else:
            u = parse_unit_at(doc, m.end())
            if u is not None:
                issuer, pos = u.name, u.end
    m = _TAIL_ABOUT.match(s, pos)
    if m:
        stop = _SUBJECT_END.search(s, m.end(), m.end() + 300)
        cut = stop.start() if stop else min(m.end() + 300, len(s))
        subject = doc.text[m.end():cut].strip(" ,") or None
        pos = cut
    return issued, issuer, subject, pos


# Where a "về ..." subject ends: punctuation, or a verb or date that starts the rest of the sentence.
_SUBJECT_END = re.compile(
    r"[;.()\n“”\"]|\s(?:đã|được|đang|sẽ|do|tại|vào|nhằm|cho biết|ngày|sáng|chiều|tối|"
    r"và (?:Nghị|Chỉ|Quyết|Kế|Luật|Thông))\s|\s\d{1,2}/\d{1,2}"
)
# "Ban Thường vụ Trung ương ra Chỉ thị", "Chủ tịch UBND tỉnh X đã có Văn bản số ..."
_ISSUES_BEFORE = re.compile(r"(?:đã\s+|vừa\s+)?(?:ban hành|ký ban hành|ký|ra|có)\s+$")


def _date_before(doc: Doc, kind_start: int) -> str | None:
    """'Ngày 9 tháng 12 năm 2009, Ban Bí thư ban hành Chỉ thị số 39-CT/TW': a full date opening
    the sentence whose verb is "ban hành" right before the instrument is its issue date."""
    sent = doc.sentence_at(kind_start)
    window = doc.shadow[sent.start:kind_start]
    if not _ISSUES_BEFORE.search(window):
        return None
    opening = re.match(r"\s*(?:[^,\d]{1,20},\s*)?(?:Ngày|Vào ngày|Hôm)\s+", window, re.IGNORECASE)   # ("Trước đó, ngày ...")
    d = DATE_RE.match(window, opening.end()) if opening else None
    dm = find_dates(d.group(0)) if d else []
    return dm[0].iso() if dm and dm[0].year else None


def _issuer_before(doc: Doc, kind_start: int) -> str | None:
    """'Ban Cán sự đảng Bộ Nội vụ ban hành Kế hoạch số 32-KH/BCSĐ': the body before 'ban hành'."""
    window = doc.shadow[max(0, kind_start - 120):kind_start]
    m = _ISSUES_BEFORE.search(window)
    if not m:
        return None
    before = window[:m.start()].rstrip()
    lo = kind_start - len(window)
    found = find_agencies_in(doc, lo, lo + len(before))
    if not found:
        return None
    last = max(found, key=lambda h: (h.end, h.end - h.start))
    return last.name if last.end >= lo + len(before) - 1 else None


def find_numbered(doc: Doc) -> tuple[dict[str, Instrument], list[Mention]]:
    """Every numbered instrument, merged by normalised number, with its mentions."""
    found: dict[str, Instrument] = {}
    mentions: list[Mention] = []
    for m in NUMBER_RE.finditer(doc.shadow):
        num = parse_number(m)
        if num is None:
            continue
        prose, kind_start = _kind_word_before(doc, m.start())
        kind = _kind(doc, num, prose)
        if kind is None:
            continue
        issued, issuer, subject, tail_end = _tail(doc, m.end())
        if issuer and code_key(num.issuer_code) == "BCSD" and doc.lex.bodies.get(issuer, None) is not None:
            issuer = f"Ban Cán sự đảng {issuer}"  # "Kế hoạch số 7-KH/BCSĐ của Bộ Y tế": its party committee
        issuer = issuer or _issuer_from_code(doc, num)
        if issuer is None and prose:
            issuer = _issuer_before(doc, kind_start)
        if issued is None and prose:
            issued = _date_before(doc, kind_start)
        key = num.normalized
        ins = found.get(key)
        if ins is None:
            ins = found[key] = Instrument(number=doc.text[m.start():m.end()], key=key, kind=kind)
        ins.issued = ins.issued or issued or (num.year if ins.issued is None else None)
        if issued and ins.issued and len(ins.issued) == 4 and issued.startswith(ins.issued):
            ins.issued = issued
        ins.issuer = ins.issuer or issuer
        ins.subject = ins.subject or subject
        ins.evidence.append(doc.evidence(m.start()))
        mentions.append(Mention(kind_start if prose else m.start(), m.end(), tail_end, key, num.printed))
    return found, mentions


_SHORT = re.compile(r"(?P<kind>Chỉ thị|Nghị quyết|Nghị định|Quyết định|Kế hoạch|Kết luận|Quy định|Thông tư|Hướng dẫn|Chương trình)\s+(?:số\s+)?(?P<n>\d{1,4})(?:/(?P<y>(?:19|20)\d\d))?(?![\w/-]|\s?[-–]\s?\w)")


# a number that measures rather than names: "Kế hoạch 5 năm", "Chương trình 30 tỷ đồng"
_MEASURE_AFTER = re.compile(r"\s*(?:năm|tháng|ngày(?!\s+\d{1,2}[/.-]\d)|tuần|giờ|tỷ|triệu|nghìn|ngàn|%|phần trăm|người|điểm|km|ha|lần|"
                            r"đơn vị|dự án|xã|huyện|tỉnh|trường hợp|nội dung|nhiệm vụ|mục tiêu)(?!\w)")


def find_short_refs(doc: Doc, numbered: dict[str, Instrument]) -> tuple[dict[str, Instrument], list[Mention]]:
    """'Chỉ thị số 39' / 'Chỉ thị 39' pointing at the one numbered instrument of that kind
    and number in the same document; when the document prints no such instrument, the bare
    reference is an instrument of its own ("Nghị định 67", "Quyết định số 09"), which the graph
    resolves against the numbered instruments it holds (graph.merge.resolve_bare).  A bare
    reference needs two digits or "số" (a single digit is too often a count), and no measure
    word after it."""
    by_kind_num: dict[tuple[str, str], list[str]] = {}
    for key, ins in numbered.items():
        n = re.match(r"\d+", key)
        if n:
            by_kind_num.setdefault((ins.kind, n.group(0)), []).append(key)
    out = []
    bare: dict[str, Instrument] = {}
    for m in _SHORT.finditer(doc.shadow):
        kind = doc.lex.kind_words.get(fold(m.group("kind")))
        keys = by_kind_num.get((kind or "", str(int(m.group("n")))), [])
        if len(keys) == 1:
            out.append(Mention(m.start(), m.end(), m.end(), keys[0], m.group(0)))
        elif not keys and kind and (len(m.group("n")) >= 2 or " số " in m.group(0)) \
                and not _MEASURE_AFTER.match(doc.shadow, m.end()):
            key = m.group(0)
            # "Quyết định số 4714 ngày 15/11/2002 của UBND TPHCM": its date and issuer as for a full number
            issued, issuer, _, _ = _tail(doc, m.end())
            issuer = issuer or _issuer_before(doc, m.start()) or doc.lex.kinds.get(kind, {}).get("issuer")
            ins = bare.setdefault(fold(key), Instrument(number=None, key=key, name=key, kind=kind, issuer=issuer,
                                                        issued=issued or _date_before(doc, m.start()) or m.group("y")))
            ins.evidence.append(doc.evidence(m.start()))
            out.append(Mention(m.start(), m.end(), m.end(), ins.key, m.group(0)))
    return {i.key: i for i in bare.values()}, out


_YEAR_TAIL = re.compile(r"^\s+(?:năm\s+)?((?:19|20)\d\d)\b")
# "báo Pháp Luật TP.HCM", "Trường ĐH Luật", "Công ty Luật Basico": names of papers, schools and firms
_NOT_A_LAW_BEFORE = re.compile(r"(?:Pháp|ĐH|Đại học|đại học|Trường|trường|Khoa|khoa|Công ty|công ty|Văn phòng|hãng|Hãng|báo|Báo|Tạp chí|tạp chí|Học viện|Viện)\s+$")
_NOT_AFTER_AND = {"các", "những", "một", "được", "đã", "sẽ", "là", "có", "để", "cho", "với", "của", "tại", "trong", "không",
                  "nhiều", "quy", "pháp", "văn", "nghị", "hướng", "chính", "thông", "điều", "luật"}
_AMENDING = re.compile(r"\s+một số điều của\s+(?:các\s+)?(?=Luật|Bộ luật)")


def _name_end(rest: str, not_law: frozenset[str], listed: bool = False,
              body_at: Callable[[int], int] | None = None) -> int:
    """How many characters of ``rest`` name the law: a capitalised first word, then lower-case
    words up to a stop word, "số" or a capitalised word; a comma or "và" may join lower-case
    words ("Phòng, chống thiên tai", "nhỏ và vừa"); a body's name may stand inside it
    ("Luật Tổ chức Chính phủ"): ``body_at(offset)`` gives the end of a body named there, or 0."""
    words = list(re.finditer(r"\S+", rest))
    texts = [w.group(0) for w in words]
    if not words or not (texts[0][:1].isupper() or listed) or texts[0].rstrip(",") in not_law:
        return 0
    end = words[0].start() + len(texts[0].rstrip(","))
    if texts[0].endswith(",") and texts[0][:-1].isupper():
        return end   # "Luật BHYT, tỷ lệ bao phủ BHYT": the law by its initials, then the sentence
    skip_to = body_at(words[0].start()) if body_at else 0   # "Luật Mặt trận Tổ quốc Việt Nam": a body first
    if skip_to:
        end = skip_to
    after_and = False
    for i in range(1, min(len(words), 16)):
        if words[i].start() < skip_to:
            continue
        bare = texts[i].rstrip(",")
        if after_and:   # the word after an accepted "và" belongs to the name ("nhỏ và vừa")
            after_and = False
            end = words[i].start() + len(bare)
            if texts[i].endswith(","):
                break
            continue
        body_end = body_at(words[i].start()) if body_at and bare[:1].isupper() else 0
        if body_end:
            end = skip_to = body_end
            continue
        joined_by_comma = texts[i - 1].endswith(",")
        if bare in ("và", "hoặc"):
            nxt = texts[i + 1] if i + 1 < len(texts) else ""
            if nxt[:1].islower() and nxt.rstrip(",") not in _NOT_AFTER_AND:
                after_and = True
                continue
            break
        # after a comma a verb goes on the name ("Quản lý, sử dụng tài sản công"); a function word does not
        verb_after_comma = joined_by_comma and bare[:1].islower() and bare not in STOP_WORDS
        if 2 <= len(bare) <= 6 and bare.isupper() and bare.isalpha() and bare not in not_law:
            end = words[i].start() + len(bare)   # "Luật Các TCTD", "Luật Thuế TNDN": an abbreviation ends it
            break
        if (stops_at(texts, i) and not verb_after_comma) or bare == "số" or not bare[:1].isalpha() \
                or (bare[:1].isupper() and bare not in ("Nhà", "Nhân")):
            break
        if joined_by_comma and not bare[:1].islower():
            break
        end = words[i].start() + len(bare)
        if texts[i].endswith(",") and not (i + 1 < len(texts) and texts[i + 1][:1].islower()):
            break
    return end


_PLENUM = re.compile(
    r"Nghị quyết (?:của )?(?:Hội nghị )?(?:lần thứ (?P<w>mười (?:một|hai|ba|bốn|lăm)|\w+) |(?:lần thứ )?(?P<d>\d{1,2}) )?"
    r"(?:Ban Chấp hành )?Trung ương(?: Đảng)?(?: lần thứ (?P<w2>mười (?:một|hai|ba|bốn|lăm)|\w+)| (?P<d2>\d{1,2}))?"
    r"\s*\(?\s*[Kk]hóa (?P<term>[IVXL]+)\b\)?")


def find_plenum(doc: Doc) -> tuple[dict[str, Instrument], list[Mention]]:
    """Plenum resolutions by name: "Nghị quyết Trung ương 4 (khóa XII)" and "Nghị quyết Hội nghị
    lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII" are one instrument."""
    plenum = doc.lex.plenum
    found: dict[str, Instrument] = {}
    mentions: list[Mention] = []
    for m in _PLENUM.finditer(doc.shadow):
        digits = m.group("d") or m.group("d2")
        word = m.group("w") or m.group("w2")
        n = int(digits) if digits else plenum["ordinals"].get(word or "")
        if not n:
            continue
        # one name for every printing, so that the graph has one node for it across articles
        key = f"Nghị quyết Trung ương {n} khóa {m.group('term')}"
        ins = found.get(key)
        if ins is None:
            ins = found[key] = Instrument(number=None, key=key, name=key, kind="resolution", issuer=plenum["issuer"])
        ins.evidence.append(doc.evidence(m.start()))
        mentions.append(Mention(m.start(), m.end(), m.end(), ins.key, ins.key))
    return found, mentions


def _known_title_end(doc: Doc, start: int) -> int:
    """The end of the longest law title of the registry printed at start ("Luật Trợ giúp pháp lý",
    "Luật Trách nhiệm bồi thường của Nhà nước"), whose words would otherwise end the name; 0 if none."""
    head = fold(" ".join(doc.shadow[start:start + 40].split()[:2]))
    for title in doc.lex.law_titles.get(head, ()):   # (folding keeps the length of NFC text)
        end = start + len(title)
        if fold(doc.shadow[start:end]) == title and not doc.shadow[end:end + 1].isalnum():
            return end
    return 0


def _known_title_before_join(doc: Doc, start: int, end: int) -> int:
    """The end of the longest registry title printed at start that a comma or "và" follows before
    ``end`` ("vi phạm Luật Đất đai và xác định tiền sử dụng đất", "luật Tố tụng hình sự, vi phạm
    Luật Luật sư": the law, then the sentence goes on); 0 if none.  A code may be printed as a law
    ("luật Tố tụng hình sự")."""
    words = doc.shadow[start:start + 40].split()[:2]
    head = fold(" ".join(words))
    titles = list(doc.lex.law_titles.get(head, ()))
    if fold(words[0]) == "luat":
        titles += [t[len("bo "):] for t in doc.lex.law_titles.get("bo luat", ())]
    for title in sorted(titles, key=len, reverse=True):
        at = start + len(title)
        if at < end and fold(doc.shadow[start:at]) == title and re.match(r",\s|\s+và\s", doc.shadow[at:at + 5]):
            return at
    return 0


def _lower_head_names_a_law(doc: Doc, m: re.Match[str]) -> bool:
    """"từ luật Tổ chức chính quyền địa phương", "trong bộ luật Hình sự": a head in lower case
    names a law only when cited (after "theo", "trong", "của" ...) and followed by a capitalised
    word that is no place, country or post ("luật Việt Nam" is the law of the land)."""
    rest = m.group("rest")
    words = rest.split()
    if not words or not words[0][:1].isupper():
        return False
    if not doc.lex.lower_head_after_re.search(doc.lower, max(0, m.start() - 16), m.start()):
        return False
    at = m.start("rest") + len(rest) - len(rest.lstrip())
    return not (doc.lex.place_re.match(doc.shadow, at) or doc.lex.country_re.match(doc.shadow, at - 1)
                or doc.title_at(at))


def find_named(doc: Doc, numbered: dict[str, Instrument] | None = None) -> tuple[dict[str, Instrument], list[Mention]]:
    """Named laws, codes, ordinances and the constitution ("Hiến pháp năm 2013"); a name printed
    before a number ("Bộ luật Hình sự số 100/2015/QH13") names that numbered instrument."""
    found: dict[str, Instrument] = {}
    mentions: list[Mention] = []
    for m in doc.lex.named_re.finditer(doc.shadow):
        head = m.group("head")
        if "\n" in m.group("rest")[:len(m.group("rest")) - len(m.group("rest").lstrip())]:
            continue   # ("... bàn tay sắt của luật\nMới đây, ...": a name does not run over a line)
        if head[0].islower() and not _lower_head_names_a_law(doc, m):
            continue
        kind = doc.lex.kind_words.get(fold(head), "law")
        year = _YEAR_TAIL.match(m.group("rest"))
        if head == "Hiến pháp":
            if not year:
                continue
            name = f"Hiến pháp năm {year.group(1)}"
            end = m.start("rest") + year.end()
            issued: str | None = year.group(1)
        else:
            if _NOT_A_LAW_BEFORE.search(doc.shadow[max(0, m.start() - 12):m.start()]):
                continue
            listed = bool(mentions) and re.fullmatch(r",\s*|\s+và\s+", doc.shadow[mentions[-1].end:m.start()]) is not None
            rest_at = m.start("rest")

            def body_at(offset: int, base: int = rest_at) -> int:
                b = doc.lex.body_re.match(doc.shadow, base + offset)
                return b.end() - base if b else 0

            # "Luật Giáo dục, Luật viên chức"; a code is always named, in either case ("Bộ luật hình sự")
            first = m.group("rest").split()[:2]
            code = head.lower() == "bộ luật" and bool(first) and not stops_at(first, 0)
            revising = m.group("rest").lstrip().lower().startswith("sửa đổi")   # "Luật sửa đổi, bổ sung ..."
            consumed = _name_end(m.group("rest"), doc.lex.not_law_words, listed or code or revising, body_at)
            if not consumed:
                continue
            end = m.start("rest") + consumed
            while doc.shadow[end - 1:end] in ("…", "."):   # "Luật Thi hành án dân sự…": a list trails off
                end -= 1
            known_end = _known_title_end(doc, m.start())
            cut = _known_title_before_join(doc, m.start(), end) if known_end != end else 0
            end = cut or max(end, known_end)
            for known in doc.lex.law_abbreviations.values():   # "bộ luật Hình sự thiếu chế tài": a code's name is known
                if code and fold(doc.text[m.start():m.start() + len(known)]) == fold(known):
                    end = m.start() + len(known)
                    break
            amending = _AMENDING.match(doc.shadow, end)
            if amending and revising:
                inner = doc.lex.named_re.match(doc.shadow, amending.end())
                inner_end = _name_end(inner.group("rest"), doc.lex.not_law_words, True, None) if inner else 0   # in either case
                if inner and inner_end:
                    end = inner.start("rest") + inner_end   # "Luật Sửa đổi, bổ sung một số điều của Luật X"
            numbered_after = re.match(r"\s+số\s+", doc.shadow[end:end + 8])
            if numbered_after and numbered is not None:
                n = NUMBER_RE.match(doc.shadow, end + numbered_after.end())
                parsed = parse_number(n) if n else None
                if parsed and parsed.normalized in numbered and revising and n:
                    end = n.end()   # "Luật sửa đổi, bổ sung một số điều của Bộ luật hình sự số 100/2015/QH13"
                elif parsed and parsed.normalized in numbered:   # "Bộ luật Hình sự số 100/2015/QH13"
                    numbered[parsed.normalized].name = numbered[parsed.normalized].name or " ".join(doc.text[m.start():end].split())
                    continue
            revised = _REVISED.match(doc.shadow, end)   # "dự án Luật Đất đai (sửa đổi)": a new law
            if revised:
                end = revised.end()
            issued = None
            after = _YEAR_TAIL.match(doc.shadow[end:end + 12])
            if after:
                end += after.end()
                issued = after.group(1)
            name = doc.text[m.start():end]
        name = doc.text[m.start():end] if doc.text[m.start():end].startswith(head) else name
        name = " ".join(name.split())       # a name the copy wrapped over two lines is one name
        name = name[0].upper() + name[1:]   # "luật Tổ chức chính quyền địa phương" is the Luật
        key = name
        ins = found.get(key)
        bill = re.search(r"(?:dự án|dự thảo)\s+$", doc.lower[max(0, m.start() - 12):m.start()])
        if ins is None:
            ins = found[key] = Instrument(number=None, key=key, name=name, kind=kind, issued=issued,
                                          issuer=None if bill else doc.lex.kinds.get(kind, {}).get("issuer"))
        elif ins.issuer is None and not bill:   # "dự án Luật X (sửa đổi)", then "Luật X (sửa đổi)" passed
            ins.issuer = doc.lex.kinds.get(kind, {}).get("issuer")
        ins.evidence.append(doc.evidence(m.start()))
        mentions.append(Mention(m.start(), end, end, key, name))
    for m in doc.lex.law_abbreviation_re.finditer(doc.shadow):   # "BLHS năm 1985", "BLDS 2015"
        year = _YEAR_TAIL.match(doc.shadow[m.end():m.end() + 12])
        name = doc.lex.law_abbreviations[m.group(0)] + (f" năm {year.group(1)}" if year else "")
        end = m.end() + (year.end() if year else 0)
        ins = found.setdefault(name, Instrument(number=None, key=name, name=name, kind="law",
                                                issued=year.group(1) if year else None))
        ins.evidence.append(doc.evidence(m.start()))
        mentions.append(Mention(m.start(), end, end, name, doc.text[m.start():end]))
    return _one_per_law(found, mentions, numbered or {})


def amending_links(doc: Doc, found: dict[str, Instrument], mentions: list[Mention]) -> list[Relation]:
    """"Luật sửa đổi, bổ sung một số điều của Bộ luật hình sự số 100/2015/QH13" AMENDS the law it
    names: the first other instrument mentioned inside its name; "Luật Đất đai (sửa đổi)" REPLACES
    the Luật Đất đai the text names with its year."""
    out = []
    by_key = {m.key: m for m in mentions}
    for key in found:
        revised = _REVISED.search(key)
        if revised and revised.end() == len(key) and key in by_key:
            law = fold(key[:revised.start()])
            for old in found:
                if old != key and _law_base(old) == law and found[old].issued:
                    out.append(Relation("REPLACES", key, old, doc.evidence(by_key[key].start)))
    for key in found:
        if not _REVISES.match(key):
            continue
        outer = by_key.get(key)
        inner = next((m for m in sorted(mentions, key=lambda m: m.start)
                      if outer and m.key != key and outer.start < m.start < outer.end), None)
        if outer and inner:
            out.append(Relation("AMENDS", key, inner.key, doc.evidence(outer.start)))
    return out


def _law_base(name: str) -> str:
    """A law's name without its year, folded: "Bộ luật Dân sự năm 2015" -> "bo luat dan su"."""
    return fold(re.sub(r"\s+(?:năm\s+)?(?:19|20)\d\d$", "", name))


_REVISED = re.compile(r"\s*\(sửa đổi\)")
_REVISES = re.compile(r"(?:Bộ )?[Ll]uật [Ss]ửa đổi, bổ sung một số điều của ")


def _one_per_law(found: dict[str, Instrument], mentions: list[Mention],
                 numbered: dict[str, Instrument]) -> tuple[dict[str, Instrument], list[Mention]]:
    """One instrument per law of the text: "Bộ luật dân sự" and "Bộ luật Dân sự 2015" are one when
    the text names that law of one year only, and "BLHS năm 2015" is "Bộ luật hình sự số
    100/2015/QH13" when the text gives that number."""
    def variant(name: str) -> str:   # "Bộ luật dân sự 2015" = "Bộ luật Dân sự năm 2015"
        return fold(re.sub(r"\s+năm\s+(?=(?:19|20)\d\d$)", " ", name))

    first_of: dict[str, str] = {}   # case and "năm" variants are one law
    for key in found:
        first_of.setdefault(variant(key), key)
    years: dict[str, set[str]] = {}
    for key, ins in found.items():
        if ins.issued:
            years.setdefault(_law_base(key), set()).add(ins.issued)

    def target(key: str, ins: Instrument) -> str:
        only = years.get(_law_base(key), set())
        year = ins.issued or (next(iter(only)) if len(only) == 1 else None)
        if year:
            for nkey, num in numbered.items():
                if num.name and _law_base(num.name) == _law_base(key) and f"/{year}/" in nkey:
                    return nkey
            if not ins.issued:
                key = next(k for k, v in found.items() if _law_base(k) == _law_base(key) and v.issued == year)
        return first_of[variant(key)]

    into = {key: target(key, ins) for key, ins in found.items()}
    out: dict[str, Instrument] = {}
    for key, ins in found.items():
        to = into[key]
        if to in numbered:
            numbered[to].evidence.extend(ins.evidence)
            continue
        kept = out.setdefault(to, found[to])
        if kept is not ins:
            kept.evidence.extend(ins.evidence)
    for mention in mentions:
        mention.key = into.get(mention.key, mention.key)
    return out, mentions
