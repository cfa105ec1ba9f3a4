"""What every extraction step shares about one document: its text, sentences and lexicon."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from loaders.lexicon import Lexicon
from loaders.model import Evidence
from loaders.vntext import Sentence, old_tones, sentences

# Lower-case words and two-word phrases that end the name of a body or of a law
# ("Vụ Hợp tác quốc tế về ...", "Ban Chỉ đạo ... tổ chức hội nghị").
STOP_WORDS = frozenset(["về", "của", "đã", "được", "cho", "là", "với", "tại", "trong", "để", "nhằm", "theo", "có", "thì", "khi", "này", "đó", "các", "những", "cùng", "đang", "sẽ", "vừa", "làm", "trình", "ký", "dự", "từ", "đến", "ra", "vào", "năm", "ngày", "nay", "đi", "lên", "cũng", "đều", "rất", "chưa", "còn", "mới", "nên", "phải", "cần", "bị", "do", "bởi", "như", "hoặc", "hay", "nếu", "nhưng", "mà", "vì", "qua", "sau", "trước", "trên", "dưới", "giữa", "ngoài", "đối", "thuộc", "gồm", "gửi", "nêu", "tới", "và", "mọi"])
STOP_PHRASES = frozenset(p.strip() for p in """
chủ trì, phát biểu, cho biết, báo cáo, nhấn mạnh, đề nghị, mong muốn, lưu ý, ban hành,
tham dự, tiếp tục, triển khai, thực hiện, đánh giá, yêu cầu, chỉ đạo, kết luận, tổ chức,
đồng thời, chính thức, toàn thể, một số, hiện nay, trực thuộc, tham gia, chủ động, phối hợp,
chuẩn bị, đạt được, cho thấy, tiến hành, hướng dẫn, kiểm tra, đề xuất, tham mưu, phụ trách,
trình bày, làm việc, ghi nhận, thông tin, khẳng định, cho rằng, chia sẻ, xây dựng, tiếp nhận,
quản lý, giải quyết, xử lý, công bố, phát động, trao đổi, thống nhất, tập trung, đẩy mạnh
""".replace("\n", " ").split(","))


def stops_at(words: list[str], i: int) -> bool:
    """Whether the name being read ends before words[i]."""
    w = words[i].rstrip(",;.")
    if w in STOP_WORDS:
        return True
    return i + 1 < len(words) and f"{w} {words[i + 1].rstrip(',;.')}" in STOP_PHRASES


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass
class Doc:
    """One document being extracted: original text, a same-length shadow with traditional
    tone placement (what all patterns run on), sentences, and the article's own body."""

    text: str
    lex: Lexicon
    published: str | None = None
    shadow: str = ""
    sents: list[Sentence] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    context_body: str | None = None
    body_matches: list[re.Match[str]] = field(default_factory=list)
    lower: str = ""             # shadow in lower case, same length (for case-blind patterns)

    def __post_init__(self) -> None:
        self.shadow = old_tones(self.text)
        lowered = self.shadow.lower()
        self.lower = lowered if len(lowered) == len(self.shadow) else self.shadow
        self.body_matches = list(self.lex.body_re.finditer(self.shadow))  # scanned once, used twice
        self.sents = sentences(self.shadow)
        self.starts = [s.start for s in self.sents]
        self.context_body = self._context_body()

    def title_at(self, pos: int) -> re.Match[str] | None:
        """A post title starting at pos, whatever its case."""
        return self.lex.title_re.match(self.lower, pos)

    def sentence_at(self, pos: int) -> Sentence:
        i = max(0, bisect.bisect_right(self.starts, pos) - 1)
        return self.sents[i] if self.sents else Sentence(0, len(self.text), self.text)

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def evidence(self, pos: int) -> Evidence:
        s = self.sentence_at(pos)
        return Evidence(s.start, s.end, self.text[s.start:s.end])

    def _context_body(self) -> str | None:
        """The ministry the article is about: the one it names most often (first on ties);
        failing that, the most named province-level body."""
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        for m in self.body_matches:
            name = self.lex.canonical_body(m.group(0))
            if name and self.lex.bodies[name].kind == "ministry":
                counts[name] += 1
                first.setdefault(name, m.start())
        if not counts:
            return None
        ranked = sorted(counts, key=lambda n: (-counts[n], first[n]))
        if len(ranked) > 1 and counts[ranked[0]] < 2 * counts[ranked[1]] and counts[ranked[0]] > 1:
            return None   # several ministries, none dominant: "Bộ trưởng X" alone says nothing
        return ranked[0]


def words_at(text: str, pos: int, limit: int = 12) -> list[re.Match[str]]:
    """The next few words from pos, stopping at sentence punctuation."""
    out: list[re.Match[str]] = []
    for m in _WORD.finditer(text, pos):
        between = text[pos if not out else out[-1].end():m.start()]
        if re.search(r"[.;:!?()\"“”\n]", between) or (out and "," in between):
            break
        out.append(m)
        if len(out) >= limit:
            break
    return out
