"""Dated events: a sentence with an event word (hội nghị, làm việc, khảo sát ...) and a day
and month gives one event per date.  The article's lead event (the first one, in its
opening sentences) takes the article's people: its chair from "chủ trì" / "làm Trưởng
đoàn" / "Kết luận ..., <title> <name>", everyone else as participants."""

from __future__ import annotations

import re
from collections.abc import Sequence

from loaders.context import COMPOUNDS, Doc
from loaders.dates import DateMention, find_dates, resolve_year
from loaders.extract_agencies import AgencyHit
from loaders.extract_instruments import Mention
from loaders.extract_people import NameHit
from loaders.model import Event, Person
from loaders.spans import Spans
from loaders.vntext import Sentence, fold

LEAD_SENTENCES = 4


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _within(spans: Spans, sent: Sentence) -> list[tuple[int, int]]:
    """The spans that overlap a sentence."""
    return [spans.spans[i] for i in spans.overlapping(sent.start, sent.end)]


# a photo credit a few words after an event word: the word is in a caption ("Toàn cảnh hội nghị - Ảnh: X")
_CAPTION_CREDIT = re.compile(r"[^.;:!?“”\"]{0,40}?[-–(]\s*Ảnh\s*:")


def _cues(doc: Doc, sent_start: int, sent_end: int, blocked: list[tuple[int, int]]) -> list[tuple[int, str, bool]]:
    """Event words of a sentence: (position, kind, weak), leaving out those inside an
    instrument's mention and those inside a post title ("Tổng Thanh tra")."""
    out = []
    for m in doc.lex.event_re.finditer(doc.shadow, sent_start, sent_end):
        if _inside(m.start(), blocked):
            continue
        title = doc.lex.title_re.search(doc.lower, max(sent_start, m.start() - 12), m.end())
        if title and title.start() <= m.start() < title.end():
            continue
        if doc.lex.refers_before_re.search(doc.lower, max(sent_start, m.start() - 16), m.start()):
            continue   # "gửi đến Kỳ họp thứ 2": another event, spoken of
        cue = fold(m.group(0))
        kind = doc.lex.event_kinds.get(cue)
        weak = cue in doc.lex.weak_event_cues
        if weak and (doc.lex.weak_noun_before_re.search(doc.lower, max(sent_start, m.start() - 12), m.start())
                     or doc.lex.weak_body_noun_before_re.search(doc.shadow, max(sent_start, m.start() - 12), m.start())):
            continue   # "Báo cáo giám sát": a report, no event; "Tổ chức giám sát ...": a watchdog
        if kind is not None:
            out.append((m.start(), kind, weak))
    # "Toàn cảnh hội nghị - Ảnh: X. Ngày 7.7, “Hội nghị xúc tiến ...”": the word of a photo's caption
    # run into the sentence gives way to one after it
    return [c for i, c in enumerate(out) if i == len(out) - 1 or not _CAPTION_CREDIT.match(doc.shadow, c[0])]


def _kind_near(cues: list[tuple[int, str, bool]], at: int) -> tuple[str, int] | None:
    """The event kind named in the sentence and where: a specific word before a generic one
    ("hội nghị" before "tổ chức"), then the cue nearest before the date."""
    best: tuple[bool, int, str, int] | None = None
    for pos, kind, weak in cues:
        if weak and abs(pos - at) > 80:
            continue
        dist = at - pos if pos <= at else 10_000 + pos - at
        if best is None or (weak, dist) < best[:2]:
            best = (weak, dist, kind, pos)
    return (best[2], best[3]) if best else None


_NAMED_YEAR = re.compile(r"(?<!cuối )(?<!đầu )(?<!giữa )(?<!trong )(?<!từ )(?<!đến )(?<!sau )(?<!trước )năm ((?:19|20)\d\d)\b")


def _year_in_name(doc: Doc, cue_pos: int, sent_end: int, month: int,
                  instruments: Sequence[tuple[int, int]] = ()) -> str | None:
    """'Hội nghị triển khai công tác năm 2022': the year that is part of the event's name.  A year
    under review ("Hội nghị tổng kết năm 2016", held 7/2) is not the meeting's when the meeting
    falls in the first quarter (it is then usually the year after): no year rather than a wrong
    one; nor a plan's year ("chương trình giám sát năm 2018"), nor when the name gives several.
    A year printed with an instrument's title ("sơ kết thi hành Luật Hợp tác xã (HTX) năm 2012")
    is the instrument's."""
    end = min(sent_end, cue_pos + 90)
    years = set()
    since = cue_pos   # the review word must stand between the year and the one before it
    for m in _NAMED_YEAR.finditer(doc.shadow, cue_pos, end):
        if any(a <= m.start() <= b + 12 for a, b in instruments) or _after_an_instruments_title(doc, cue_pos, m.start()):
            continue
        if (month <= 3 and doc.lex.review_re.search(doc.lower, since, m.start())) \
                or doc.lex.plan_re.search(doc.lower, since, m.start()):
            return None   # (a year under review, or a plan's: "... chương trình giám sát năm 2018")
        years.add(m.group(1))
        since = m.end()
    return years.pop() if len(years) == 1 else None


def _after_an_instruments_title(doc: Doc, lo: int, at: int) -> bool:
    """Whether the year at ``at`` follows an instrument's head in the same phrase ("Luật hợp tác xã
    (HTX) năm 2012", "Nghị quyết số 19 năm 2017"), even one the rules did not read as an instrument."""
    heads = list(doc.lex.named_head_re.finditer(doc.shadow, max(lo, at - 70), at))
    heads += list(doc.lex.kind_word_re.finditer(doc.shadow, max(lo, at - 70), at))
    return any(not re.search(r"[,;:]", doc.shadow[h.end():at]) and len(doc.shadow[h.end():at].split()) <= 8
               for h in heads)


_MAX_NAME = 120


def event_name(doc: Doc, cue_pos: int, sent_end: int, instruments: Spans | None = None) -> str | None:
    """The event's name as printed from its cue ("Hội nghị tổng kết 10 năm thực hiện Chỉ thị số
    39-CT/TW"), capitalised; None when the cue opens no name or the name is the cue alone.  A comma
    inside an instrument's name ("Dự thảo Luật Quản lý, sử dụng tài sản công") does not end it."""
    cue = doc.lex.event_named_re.match(doc.lower, cue_pos)
    if cue is None:
        return None
    limit = min(sent_end, cue_pos + _MAX_NAME)
    window = doc.lower[cue_pos:limit]
    for phrase in doc.lex.name_commas:   # same length, so offsets hold
        window = window.replace(phrase, phrase.replace(",", " "))
    for a, b in ([instruments.spans[i] for i in instruments.starting_in(cue_pos, limit)] if instruments else []):
        window = window[:a - cue_pos] + window[a - cue_pos:b - cue_pos].replace(",", " ") + window[b - cue_pos:]
    end = doc.lex.event_name_end_re.search(window, cue.end() - cue_pos)
    stop = cue_pos + end.start() if end else limit
    if end is None and stop < sent_end:
        return None  # runs on past any plausible name
    name = " ".join(doc.text[cue_pos:stop].split())
    # a name that stops on a function word is cut ("Cuộc họp về việc"): drop what dangles, but not
    # the half of a compound ("Chuyến thăm chính thức làm việc")
    if not any(name.lower().endswith(" " + c) for c in COMPOUNDS):
        name = doc.lex.event_name_dangling_re.sub("", name)
    if len(name) <= cue.end() - cue_pos + 1:
        return None
    return name[0].upper() + name[1:]


def _name_near(doc: Doc, cue_pos: int, sent_end: int, instruments: Spans) -> str | None:
    """The event's printed name from its cue, or from a name that follows a cue that opens none
    ("đã khai mạc buổi gặp gỡ doanh nghiệp Việt Nam - Nhật Bản")."""
    name = event_name(doc, cue_pos, sent_end, instruments)
    if name is None:
        nxt = doc.lex.event_named_re.search(doc.lower, cue_pos + 1, min(sent_end, cue_pos + 40))
        if nxt is not None:
            name = event_name(doc, nxt.start(), sent_end, instruments)
    return name


# a date that opens or closes a bracketed span of two full dates ("(21/6/1925 - 21/6/2017)")
_SPAN = re.compile(r"\d{1,2}/\d{1,2}/(?:19|20)\d\d\s*[-–]\s*\d{1,2}/\d{1,2}/(?:19|20)\d\d\s*\)")
_SPAN_END = re.compile(r"\(\s*\d{1,2}/\d{1,2}/(?:19|20)\d\d\s*[-–]\s*$")
# a document's number just before the date: "(Tờ trình số 03-TTr/ĐU, ngày 17/10/2025)" dates the paper
_NUMBER_BEFORE = re.compile(r"\d[\w.\-]*/[\w.\-/]*[A-ZĐ][\w.\-]*\s*,?\s*(?:ngày\s*)?$")


def _date_ok(doc: Doc, d: DateMention, sent_start: int) -> bool:
    """Not a deadline ("trước ngày 30-6"); a day/month without a year counts only after
    'ngày', 'sáng', 'chiều nay' ... ."""
    before = doc.shadow[max(sent_start, d.start - 24):d.start]
    if doc.lex.deadline_re.search(re.sub(r"\s*ngày\s+$", " ", before)):
        return False   # ("trước ngày 30-6", "sinh ngày 12/6/1953"; "từ ngày 20-21/5" is an event's span)
    if _SPAN.match(doc.shadow, d.start) or _SPAN_END.search(doc.shadow, max(0, d.start - 24), d.start):
        return False   # "(21/6/1925 - 21/6/2017)": the span of an anniversary, no event
    if _NUMBER_BEFORE.search(doc.shadow, max(sent_start, d.start - 40), d.start):
        return False   # a document's date, not a meeting's
    if doc.lex.long_ago_re.search(doc.shadow, max(sent_start, d.start - 50), d.start):
        return False   # "Cách đây tròn 92 năm, ngày 21/6/1925": what is remembered
    if d.year:
        return True
    # "sáng 20/6", "ngày 20/6", "chiều nay, 20-6", "(ngày 20/6"
    return bool(doc.lex.day_part_re.search(before))


def find_events(doc: Doc, mentions: list[Mention], agencies: list[AgencyHit],
                people: list[Person], names: list[NameHit]) -> list[Event]:
    # cue words inside an instrument's mention or a body's name ("Ủy ban Kiểm tra") are no events
    blocked = Spans([(m.start, m.tail_end) for m in mentions] + [(a.start, a.end) for a in agencies])
    instruments = Spans((m.start, m.tail_end) for m in mentions)   # (indexed: no scan per event)
    events: list[Event] = []
    dated: set[str] = set()
    earlier: set[int] = set()    # id() of the events of a date introduced by "Trước đó, ..."
    sent_of_event: list[int] = []
    for si, sent in enumerate(doc.sents):
        dates = find_dates(sent.text)
        if not dates:
            continue
        local = _within(blocked, sent)
        cues = _cues(doc, sent.start, sent.end, local)
        if not cues:
            continue
        # a cue printed after a date names it only when no date follows the cue nearer ("Ngày hội
        # 11/2 ... hủy trong cuộc họp báo chiều 6/2": the press conference is 6/2's); the dates
        # after a cue are each its own ("cuộc họp lần thứ 4 ngày 29/3/2021; và lần thứ 5 ngày 28/3/2022")
        usable = [(d, sent.start + d.start) for d in dates if not _inside(sent.start + d.start, local) and _date_ok(
            doc, DateMention(sent.start + d.start, sent.start + d.end, d.day, d.month, d.year), sent.start)]
        bare = [start for _, start in usable if doc.shadow[start - 1:start] != "("]   # not "(22/5)", a day's name
        for d, start in usable:
            found = _kind_near(cues, start)
            if found is None:
                continue
            kind, cue_pos = found
            if cue_pos > start and any(cue_pos < o < cue_pos + (cue_pos - start) for o in bare):
                continue
            told = doc.lex.telling_re.search(doc.lower, max(cue_pos, start - 30), start) if cue_pos < start and d.year else None
            if told and not re.search(r"[“”\"]", doc.shadow[told.end():start]):
                continue   # "Phát biểu tại buổi lễ, X nêu rõ, ngày 28/11/1959, ...": the date X tells (a quote may date the event)
            iso, explicit = resolve_year(d, doc.published)
            named_year = None if explicit else _year_in_name(doc, cue_pos, sent.end, d.month, local)
            if named_year and doc.latest_year and named_year < doc.latest_year:
                # "Lễ trao Giải báo chí quốc gia năm 2016", held in 2017: the year is the prize's;
                # no year rather than a wrong one
                named_year = None
            if named_year:
                iso = f"{named_year}-{d.month:02d}-{d.day:02d}"
            if iso in dated:
                continue
            dated.add(iso)
            about = list(dict.fromkeys(mentions[i].key for i in instruments.starting_in(sent.start, sent.end)))
            events.append(Event(date=iso, kind=kind, year_explicit=explicit or not iso.startswith("--"),
                                date_end=f"{iso[:-2]}{d.end_day:02d}" if d.end_day else None,
                                name=_name_near(doc, cue_pos, sent.end, instruments),
                                about=about, evidence=[doc.evidence(start)]))
            if doc.lex.earlier_before_date_re.search(doc.lower, max(sent.start, start - 24), start):
                earlier.add(id(events[-1]))   # ("Trước đó, tối 26/6, ..."): an earlier happening, no lead
            sent_of_event.append(si)
    # no event dated in the lead: perhaps the lead dates one it names only later (a dated event
    # further down, often a related story run on at the end, is not the article's own)
    in_lead = any(si < LEAD_SENTENCES + 2 for si in sent_of_event)
    later = None if in_lead else _lead_date_with_later_cue(doc, blocked, mentions, instruments)
    if later is not None:
        keep = [i for i, e in enumerate(events) if e.date != later[0].date]   # one event a day: the lead's
        events = [later[0], *(events[i] for i in keep)]
        sent_of_event = [later[1], *(sent_of_event[i] for i in keep)]
    # the lead event is the first one of the article's own time: a date years before its latest
    # ("21/6/1925" in an anniversary) is history, one after it a plan, and neither takes its people
    lead = next((i for i, e in enumerate(events) if _of_its_time(doc, e) and id(e) not in earlier), None)
    filled = lead if lead is not None and sent_of_event[lead] < LEAD_SENTENCES + 2 else None
    planned = {i for i, si in enumerate(sent_of_event)
               if doc.lex.planned_re.search(doc.lower, doc.sents[si].start, doc.sents[si].end)}
    if filled is not None and filled not in planned:
        _fill_lead(doc, events[filled], sent_of_event[filled], agencies, people, names, blocked)
    for i, event in enumerate(events):
        if i != filled and i not in planned and _of_its_time(doc, event):
            _fill_own_sentence(doc, event, doc.sents[sent_of_event[i]], people, names)
    return events


def _lead_date_with_later_cue(doc: Doc, blocked: Spans, mentions: list[Mention],
                              instruments: Spans) -> tuple[Event, int] | None:
    """An article that dates its lead and names the event only later, undated ("Ngày 6/2, Ban Tổ
    chức Thành ủy công bố các quyết định ... Phát biểu tại lễ công bố, ..."): one event, of the
    date that opens a lead sentence and of the first strong cue of a one-day kind printed after
    "tại" in a sentence of no other time; and the sentence it is dated in."""
    def opening_date(sent: Sentence) -> DateMention | None:
        # the lead's own date opens its sentence ("Ngày 6/2, ...", "Chiều qua (6/2), ..."), not a span
        local = _within(blocked, sent)
        for d in find_dates(sent.text):
            m = DateMention(sent.start + d.start, sent.start + d.end, d.day, d.month, d.year)
            if not _inside(m.start, local) and re.fullmatch(r"\W*(?:\w+\W+){0,2}", sent.text[:d.start]) \
                    and _date_ok(doc, m, sent.start):
                return m
        return None

    found = next(((si, d) for si, sent in enumerate(doc.sents[:LEAD_SENTENCES]) if (d := opening_date(sent))), None)
    if found is None:
        return None
    si, d = found
    sent, start = doc.sents[si], d.start
    for other in doc.sents[si + 1:]:
        if doc.lex.other_time_re.search(doc.lower, other.start, other.end) or find_dates(other.text):
            continue   # (a cue of a sentence that dates itself, "Tại cuộc họp báo chiều 4/5", is that day's)
        local = _within(blocked, other)
        strong = [(pos, kind) for pos, kind, weak in _cues(doc, other.start, other.end, local)
                  if not weak and kind not in doc.lex.long_kinds
                  and doc.lex.at_event_re.search(doc.lower, max(other.start, pos - 12), pos)]
        if strong:
            pos, kind = strong[0]
            iso, explicit = resolve_year(d, doc.published)
            about = list(dict.fromkeys(mentions[i].key for i in instruments.starting_in(sent.start, sent.end)))
            return Event(date=iso, kind=kind, year_explicit=explicit or not iso.startswith("--"),
                         name=_name_near(doc, pos, other.end, instruments),
                         about=about, evidence=[doc.evidence(start), doc.evidence(pos)]), si
    return None


def _of_its_time(doc: Doc, event: Event) -> bool:
    if doc.published or doc.latest_year is None or event.date.startswith("--"):
        return True
    year = int(event.date[:4])
    return int(doc.latest_year) - 1 <= year <= int(doc.latest_year)


def _person_before(names: list[NameHit], lo: int, hi: int) -> NameHit | None:
    cands = [n for n in names if lo <= n.start and n.end <= hi]
    return cands[-1] if cands else None


def _chair_cues(doc: Doc, kind: str) -> list[str]:
    """The cues that make a chair at an event of ``kind``: at talks, only "chủ trì" and its like,
    not leading a delegation."""
    return doc.lex.two_sided_chair_cues if kind in doc.lex.two_sided_kinds else doc.lex.chair_cues


def _chair_by_cue(doc: Doc, sents: list[Sentence], names: list[NameHit], cues: list[str]) -> NameHit | None:
    for sent in sents:
        for cue in cues:
            for m in re.finditer(re.escape(cue), doc.shadow[sent.start:sent.end]):
                if doc.lower.endswith("sự ", 0, sent.start + m.start()):
                    # "Dưới sự chủ trì của X": X chairs, not whoever is named before
                    hit = next((n for n in names if sent.start + m.end() < n.start < sent.start + m.end() + 40
                                and doc.shadow.startswith(" của ", sent.start + m.end())), None)
                else:
                    hit = _person_before(names, sent.start, sent.start + m.start())
                    if hit is not None and doc.lex.delegating_re.search(doc.shadow, hit.end, sent.start + m.start()):
                        hit = None   # "Thủ tướng X đã giao Thanh tra Chính phủ chủ trì": the body chairs
                if hit:
                    return hit
    return None


def _chair_by_conclusion(doc: Doc, names: list[NameHit]) -> NameHit | None:
    for sent in doc.sents:
        if any(sent.text.startswith(c) for c in doc.lex.chair_lead_cues):
            after = [n for n in names if sent.start <= n.start < sent.end]
            if after:
                return after[0]
    return None


def _chair_by_lead_verb(doc: Doc, lead: Sentence, names: list[NameHit], kind: str) -> NameHit | None:
    for word, verb in doc.lex.lead_verb_res:
        if word in doc.lex.host_verbs and kind in doc.lex.visit_kinds:
            continue   # "Chủ tịch nước tiếp Ngài X, đang có chuyến thăm": the host of the guest's visit
        found = verb.search(doc.shadow, lead.start, lead.end)
        k = found.start() if found else -1
        subjects = [n for n in names if lead.start <= n.start and n.end <= k] if k >= 0 else []
        if subjects and not doc.lex.speech_verb_re.search(doc.lower, subjects[0].end, k):
            return subjects[0]   # ("ông A ... cho biết, Ủy ban đã làm việc với ...": A reports, no chair)
    return None


def _co_chairs(doc: Doc, chair: NameHit, names: list[NameHit]) -> list[NameHit]:
    """"A và B đồng chủ trì": the other people named before a co-chair cue in the chair's sentence."""
    sent = doc.sentence_at(chair.start)
    cue = doc.lex.co_chair_re.search(doc.lower, chair.end, sent.end)
    if cue is None or doc.shadow[chair.end:cue.start()].count(",") > 2:
        return []
    return [n for n in names if sent.start <= n.start < cue.start() and n.name != chair.name][:3]


def _fill_own_sentence(doc: Doc, event: Event, sent: Sentence, people: list[Person], names: list[NameHit]) -> None:
    """Another event than the lead: only the people its own sentence shows there, by a cue after
    their name or an attendance cue before it ("... Vương Bích Thắng trả lời tại buổi giao ban sáng
    19/6"); a "chủ trì" after a name there makes the chair."""
    known = {fold(p.name): p.name for p in people}
    names = [n for n in names if fold(n.name) in known]
    here = [i for i, n in enumerate(names) if sent.start <= n.start < sent.end]
    chair = _chair_by_cue(doc, [sent], names, _chair_cues(doc, event.kind))
    if chair is not None:
        event.chaired_by = [known[fold(chair.name)]]
    dead = _remembered(doc, names)
    took = [known[fold(names[i].name)] for i in here
            if _speaks_or_attends(doc, names, i, sent) and not _quoted(doc.shadow[sent.start:names[i].start])
            and not _absent(doc, names[i], sent) and fold(names[i].name) not in dead
            and not _acts_another_day(doc, sent, event, names[i].start)]
    event.participants = [p for p in dict.fromkeys(took) if p not in event.chaired_by]
    event.took_part_by = {p: "own_sentence" for p in event.participants}


def _acts_another_day(doc: Doc, sent: Sentence, event: Event, name_at: int) -> bool:
    """In the event's own sentence, a person after another day's date and before the event's own
    ("ngày 6/6, Tổng Thư ký X đã có văn bản ... đề nghị kéo dài phiên thảo luận chiều ngày 9/6"): what
    the person did that other day, not there."""
    text = doc.text[sent.start:name_at]
    before = [d for d in find_dates(text) if d.day and d.month
              and not _INSTRUMENTS_DATE.search(text, max(0, d.start - 24), d.start)]
    day = event.date[-5:]
    after = {f"{d.month:02d}-{d.day:02d}" for d in find_dates(doc.text[name_at:sent.end]) if d.day and d.month}
    return bool(before) and day in after and all(f"{d.month:02d}-{d.day:02d}" != day for d in before)


# "... 1439/QĐ-BNV ngày 29/10/2018", "Chỉ thị số 05/CT-TTg ngày 12/5": an instrument's date, no day's doing
_INSTRUMENTS_DATE = re.compile(r"\d+/[\w.-]+\s+(?:ký\s+)?(?:ngày\s+)?$")


def _leads_a_delegation_there(doc: Doc, n: NameHit) -> bool:
    """"X dẫn đầu, đã tham dự ...": X led a delegation that attended (the meeting was others')."""
    sent = doc.sentence_at(n.start)
    lead = doc.lex.leads_delegation_re.search(doc.shadow, n.end, min(sent.end, n.end + 20))
    return lead is not None and doc.lex.attendance_re.search(doc.shadow, lead.end(), sent.end) is not None


# a bracket of two years after a name: the span of a life ("(1917 - 2017)", "(7/7/1917 - 7/7/2017)")
_LIFE_SPAN = re.compile(r"\s*\(\s*(?:\d{1,2}[/.-]\d{1,2}[/.-])?(?:1[89]|20)\d\d\s*[-–]\s*"
                        r"(?:\d{1,2}[/.-]\d{1,2}[/.-])?(?:1[89]|20)\d\d\s*\)")


def _absent(doc: Doc, n: NameHit, sent: Sentence) -> bool:
    """"theo chỉ đạo của Phó Thủ tướng X", "nhận lời mời của Y": a few words before the name say
    the person was spoken of, not there; "Báo cáo Phó Thủ tướng X": right before the name's post,
    the one addressed."""
    absent = doc.lex.absent_before_re.search(doc.shadow, max(sent.start, n.start - 60), n.start)
    if absent is not None and len(doc.shadow[absent.end():n.start].split()) <= 6:
        return True
    # "Báo cáo Phó Thủ tướng Trương Hòa Bình": the addressee, right before the name or its post
    at = _post_start(doc, n, sent)
    return doc.lex.addressed_before_re.search(doc.lower, max(sent.start, at - 20), at) is not None


def _post_start(doc: Doc, n: NameHit, sent: Sentence) -> int:
    """Where the post printed right before a name begins ("Phó Thủ tướng Trương Hòa Bình"), or the
    name's own start: the words before that say how the person stands in the sentence."""
    for post in doc.lex.title_re.finditer(doc.lower, max(sent.start, n.start - 60), n.start):
        between = doc.shadow[post.end():n.start]
        if not re.search(r",|;|\s(?:và|cùng)\s", between) and len(between.split()) <= 8:
            return post.start()   # (the post and its body run up to the name)
    return n.start


def _remembered(doc: Doc, names: list[NameHit]) -> set[str]:
    """People the article prints as dead somewhere ("cố tác giả X", "đồng chí X (7/7/1917 -
    7/7/2017)"): whoever is honoured at a ceremony, none of them took part in it."""
    out = set()
    for n in names:
        at = n.start
        post = doc.lex.title_re.search(doc.lower, max(0, n.start - 60), n.start)
        if post is not None and len(doc.shadow[post.end():n.start].split()) <= 8 \
                and not re.search(r"[,;]", doc.shadow[post.end():n.start]):
            at = post.start()   # ("cố Thủ tướng Võ Văn Kiệt")
        if _LIFE_SPAN.match(doc.shadow, n.end) or doc.lex.dead_before_re.search(doc.shadow, max(0, at - 20), at):
            out.add(fold(n.name))
    return out


def _other_day(doc: Doc, sent: Sentence, event: Event) -> bool:
    """A sentence dated another day than the event ("Ngày 19/5, ông X giới thiệu chương trình kỳ
    họp", for its closing sitting of 21/6): what the person did or said then, not there."""
    day = event.date[-5:]
    for d in find_dates(sent.text):
        before = sent.text[max(0, d.start - 24):d.start]
        if _INSTRUMENTS_DATE.search(before) or not doc.lex.day_part_re.search(before) \
                or doc.lex.speech_verb_re.search(doc.lower, sent.start, sent.start + d.start):
            continue   # an instrument's date ("... 1439/QĐ-BNV ngày 29/10/2018"), or one the person tells
        if d.day and d.month and f"{d.month:02d}-{d.day:02d}" != day and not (
                event.date_end and d.month == int(day[:2]) and int(day[-2:]) <= d.day <= int(event.date_end[-2:])):
            return True
    return False


def _opens_another_time(doc: Doc, sent: Sentence) -> bool:
    """A sentence that opens with another time than the event's ("Tuần trước, Bộ trưởng X đã chỉ
    đạo ...", "Năm ngoái, ..."): what the person did then."""
    return doc.lex.other_time_opening_re.match(doc.lower, sent.start + len(sent.text) - len(sent.text.lstrip())) is not None


def _at_another_event(doc: Doc, sent: Sentence, event: Event, blocked: Spans, name_at: int,
                      seen: dict[int, list[tuple[int, str]]]) -> bool:
    """A later sentence that tells of another event: one of the lead's day ("Chiều cùng ngày, ...
    Thứ trưởng X chủ trì buổi làm việc"), or one of another family of kinds, dated before the name,
    that it places the person at ("Trong buổi họp báo thường kỳ sáng 7.7, Thứ trưởng X ..." after a
    conference; but "Cũng tại buổi họp báo" is the lead's again), unless the lead holds others (a
    session and its sittings).  Never the sentence that names the event itself.  ``seen``: the
    strong cues of each sentence read so far (a sentence of many names is read once)."""
    if any(ev.start == sent.start for ev in event.evidence):
        return False
    cues = seen.get(sent.start)
    if cues is None:
        cues = seen[sent.start] = [(pos, kind) for pos, kind, weak in _cues(doc, sent.start, sent.end, _within(blocked, sent))
                                   if not weak]
    if not cues:
        return False
    opening = sent.start + len(sent.text) - len(sent.text.lstrip())
    if doc.lex.same_day_opening_re.match(doc.lower, opening):
        return True
    if event.kind in doc.lex.long_kinds or not find_dates(doc.text[sent.start:name_at]):
        return False   # (its own date before the person: "... sáng 7.7, Thứ trưởng X", not one X tells)
    family = doc.lex.event_family.get(event.kind, event.kind)
    for pos, kind in cues:
        at = doc.lex.at_another_event_re.search(doc.lower, max(sent.start, pos - 14), pos)
        if pos < name_at and doc.lex.event_family.get(kind, kind) != family and at \
                and not doc.lower.endswith("cũng ", sent.start, at.start()):
            return True
    return False


def _to_the_press(doc: Doc, sent: Sentence, event: Event) -> bool:
    """A sentence of what someone told the press ("Trao đổi với PV, bà X cho biết"): it shows the
    speaker at the lead's event only if that was the press's own, or the talk was on its sidelines."""
    return event.kind not in doc.lex.press_kinds \
        and doc.lex.to_press_re.search(doc.lower, sent.start, sent.end) is not None \
        and doc.lex.sidelines_re.search(doc.lower, sent.start, sent.end) is None


def _quoted(before: str) -> bool:
    """Whether a quotation is open at the end of ``before`` (“...” or "...")."""
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _spoken_of_in_lead(doc: Doc, names: list[NameHit], i: int, lead: Sentence) -> bool:
    """In the lead sentence, a name after another one's speech verb and with no cue of its own is
    what was said ("Tại cuộc họp báo, ông A cho hay, Thủ tướng X là ...")."""
    n = names[i]
    speaker = next((m for m in names[:i] if lead.start <= m.start), None)
    if speaker is None:
        return False
    said = doc.lex.participant_re.search(doc.shadow, speaker.end, n.start)
    return bool(said) and not doc.lex.attendance_re.search(doc.shadow, speaker.end, n.start) \
        and not _speaks_or_attends(doc, names, i, lead)


# a capitalised "Theo" a few words (a post) before a name, mid-sentence: a caption ran into "Theo ông X, ..."
_CAPTION_THEN_THEO = re.compile(r"(?<=\w )Theo\s+(?:(?!của\s)[^\s,;.:()]+\s+){0,6}$")


def _speaks_or_attends(doc: Doc, names: list[NameHit], i: int, sent: Sentence) -> bool:
    """Whether the i-th name of the text is one who took part, by the words of its sentence: it
    opens reported speech ("Theo ông A, ..."), an attendance cue comes before it ("Tham dự có ông
    A"), or a cue follows it, said by it or by the names listed with it ("Ông A và bà B cho biết").
    A name after a speech verb is spoken about ("trả lời ... về việc ông B"): no participant."""
    n = names[i]
    s = doc.shadow
    if sent.text.startswith(doc.lex.reported_speech) and not any(
            sent.start <= m.start < n.start for m in names) and " của " not in s[sent.start:n.start]:
        return True   # "Theo ông X, ...", not "Theo bài viết của ông X" (the author of a text)
    if _CAPTION_THEN_THEO.search(s, max(sent.start, n.start - 60), n.start):
        return True   # the same after a photo caption run into the sentence ("... Nguyễn Văn Thể Theo đại biểu X")
    if doc.lex.attendance_re.search(s, sent.start, n.start):
        return True
    last = n
    for m in names[i + 1:]:   # the names listed with it share the verb that follows the list
        gap = s[last.end:m.start]
        if m.start >= sent.end or len(gap) > 150 or ":" in gap or doc.lex.participant_re.search(gap):
            break
        last = m
    window = s[last.end:min(sent.end, last.end + 80)].split(";")[0]
    cue = doc.lex.participant_re.search(window)
    # (", trung tướng Tuyến cho biết": the cue is that other person's)
    return cue is not None and not doc.lex.other_speaker_re.search(window, 0, cue.start())


def _fill_lead(doc: Doc, event: Event, si: int, agencies: list[AgencyHit],
               people: list[Person], names: list[NameHit], blocked: Spans) -> None:
    known = {fold(p.name): p.name for p in people}
    names = [n for n in names if fold(n.name) in known]
    window = doc.sents[si:si + LEAD_SENTENCES]
    lead = doc.sents[si]
    # who chaired, in order of evidence: "X chủ trì" near the lead; "Kết luận ..., <title> X";
    # "X đã làm việc với Bộ Y" in the lead sentence; "X chủ trì" anywhere later
    cues = _chair_cues(doc, event.kind)
    if event.kind in doc.lex.two_sided_kinds:   # talks: a chair only if printed as chairing
        hit = _chair_by_cue(doc, window, names, cues)
    else:
        hit = (_chair_by_cue(doc, window, names, cues) or _chair_by_conclusion(doc, names)
               or _chair_by_lead_verb(doc, lead, names, event.kind)
               # later on, leading a delegation chairs only a delegation's event (an inspection, a visit):
               # "X dẫn đầu Đoàn ... hội đàm" after a welcome ceremony is another event's delegation
               or _chair_by_cue(doc, doc.sents[si + LEAD_SENTENCES:], names,
                                cues if event.kind in doc.lex.delegation_kinds else doc.lex.two_sided_chair_cues))
    guests: list[NameHit] = []
    if hit is not None:
        runners = [n for n in names if n.start >= lead.start and event.kind in doc.lex.runs_sitting_kinds
                   and doc.lex.runs_sitting_re.match(doc.shadow, n.end)]
        chairs = sorted([hit, *_co_chairs(doc, hit, names), *runners], key=lambda n: n.start)   # in printed order
        # "Đoàn Việt Nam do Thứ trưởng X dẫn đầu đã tham dự Hội nghị ...": the leader of a delegation
        # to a meeting others hold takes part in it, he does not chair it
        if event.kind not in doc.lex.visit_kinds:
            guests = [n for n in chairs if _leads_a_delegation_there(doc, n)]
            chairs = [n for n in chairs if n not in guests]
        if event.kind in doc.lex.visit_kinds and (event.name or "").endswith(doc.lex.home_country):
            # a guest's visit to Vietnam: its Vietnamese hosts do not lead it
            chairs = [n for n in chairs if n.name.split()[0] not in doc.lex.family_names]
        event.chaired_by = list(dict.fromkeys(known[fold(n.name)] for n in chairs))
    took_part: dict[str, str] = {}   # folded name -> how it was read (loaders/model.py TOOK_PART_BY)
    cues_of: dict[int, list[tuple[int, str]]] = {}
    for i, n in enumerate(names):
        sent = doc.sentence_at(n.start)
        if _absent(doc, n, sent) or (not lead.start <= n.start < lead.end and (
                _other_day(doc, sent, event) or _to_the_press(doc, sent, event) or _opens_another_time(doc, sent)
                or _at_another_event(doc, sent, event, blocked, n.start, cues_of)
                or doc.lex.planned_re.search(doc.lower, sent.start, n.start))):   # ("... sẽ có cuộc gặp X")
            continue
        if lead.start <= n.start < lead.end:
            if not _quoted(doc.shadow[lead.start:n.start]) and not _spoken_of_in_lead(doc, names, i, lead) \
                    and not _acts_another_day(doc, lead, event, n.start):
                took_part.setdefault(fold(n.name), "lead")   # (a name inside a quotation is what someone said)
        elif n.name.split()[0] not in doc.lex.family_names:
            # a foreign figure merely named ("ông Trump") took no part: a cue must follow the name
            if doc.lex.participant_re.search(doc.shadow, n.end, min(sent.end, n.end + 60)):
                took_part.setdefault(fold(n.name), "foreign_cue")
        elif _speaks_or_attends(doc, names, i, sent) and not _quoted(doc.shadow[sent.start:n.start]):
            took_part.setdefault(fold(n.name), "later_attending" if doc.lex.attendance_re.search(
                doc.shadow, sent.start, n.start) else "later_speaking")
    for n in guests:
        took_part.setdefault(fold(n.name), "guest")
    for key in _remembered(doc, names):
        took_part.pop(key, None)
    event.participants = [p.name for p in people if p.name not in event.chaired_by and fold(p.name) in took_part]
    event.took_part_by = {p: took_part[fold(p)] for p in event.participants}
    for cue in doc.lex.organize_cues:
        k = doc.shadow.find(cue, lead.start, lead.end)
        if k >= 0 and re.search(r"(?<!\w)được\s+$", doc.shadow[max(lead.start, k - 8):k]):
            continue   # "Lễ đón Chủ tịch Quốc hội Campuchia ... được tổ chức": passive, the body is the guest's
        if k >= 0:
            # the body that is the verb's subject: nothing but words between it and "tổ chức"
            # ("Theo phóng viên TTXVN tại Bắc Kinh, ngày 7/2, Trung Quốc ... tổ chức": not TTXVN)
            organisers = [a for a in agencies if lead.start <= a.start and a.end <= k
                          and not re.search(r"[,;:()]", doc.shadow[a.end:k])]
            if organisers:
                event.organizer = organisers[-1].name
                break
    # no organiser unless the lead says who organised (the article's ministry is not one: audit 3)
