"""Answer common questions, in Vietnamese or English, with or without diacritics, offline.

Why patterns as data: the questions people ask change faster than code, so they live in
``data/lexicons/questions.toml``.  A question is folded like a search (no diacritics,
lower case) but character by character, so the slots a pattern captures are cut from the
original text ("Thứ trưởng Bộ Nội vụ", not "thu truong bo noi vu").  Slots that name nodes
are resolved with the same search the app uses; the answer records which query ran, with
which parameters, and its result.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import networkx as nx

from graph import backend as q  # the queries of either store (networkx or Neo4j)
from graph.backend import search
from graph.ids import fold
from graph.render import render, to_jsonable
from graph.schema import LEXICONS

QUESTIONS = LEXICONS / "questions.toml"


@dataclass(frozen=True)
class Pattern:
    query: str
    regex: re.Pattern[str]
    slots: dict[str, str]
    params: dict[str, Any]


@dataclass
class Answer:
    """What ``ask`` understood and found: the query, its parameters, the result, as text too."""

    question: str
    query: str
    params: dict[str, Any]
    result: Any
    text: list[str] = field(default_factory=list)
    pattern: str | None = None
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"question": self.question, "query": self.query, "params": self.params,
                "result": to_jsonable(self.result), "text": self.text, "pattern": self.pattern,
                "error": self.error}


@lru_cache(maxsize=1)
def load_patterns() -> tuple[Pattern, ...]:
    raw = tomllib.loads(QUESTIONS.read_text(encoding="utf-8"))
    out = []
    for item in raw.get("question", []):
        for pat in item.get("patterns", []):
            out.append(Pattern(item["query"], re.compile(pat), dict(item.get("slots", {})),
                               dict(item.get("params", {}))))
    return tuple(out)


def fold_aligned(text: str) -> str:
    """Fold ``text`` one character at a time, so positions in the result match the input."""
    out = []
    for ch in text:
        f = fold(ch)
        out.append(f if len(f) == 1 else ch.lower())
    return "".join(out)


def clean_question(question: str) -> str:
    text = unicodedata.normalize("NFC", question)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"[\s?.!。]+$", "", text)


def parse(question: str) -> tuple[Pattern, dict[str, str]] | None:
    """The first pattern that matches the whole question, with its slots cut from the original."""
    text = clean_question(question)
    folded = fold_aligned(text)
    for pat in load_patterns():
        m = pat.regex.fullmatch(folded)
        if m:
            slots = {k: text[m.start(k):m.end(k)].strip(" ,;:\"'“”") for k, v in m.groupdict().items()
                     if v is not None}
            return pat, slots
    return None


_DAY = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*((?:19|20)\d\d))?")


def _resolve(g: nx.MultiDiGraph, text: str, type_: str) -> str | None:
    if type_ == "Event":
        return _event_on(g, text)
    types = None if type_ in ("Any", "Post") else (type_,)
    return q.resolve(g, text, types)


def _event_on(g: nx.MultiDiGraph, text: str) -> str | None:
    """'the meeting on 14/8/2019' -> the event of that day (day before month, as Vietnamese
    writes it); without a date, the best matching event by name."""
    m = _DAY.search(text)
    if m is None:
        return q.resolve(g, text, ("Event",))
    day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
    tail = f"-{month:02d}-{day:02d}"
    found = sorted(n for n, d in g.nodes(data=True) if d.get("type") == "Event"
                   and str(d.get("date", "")).endswith(tail) and (not year or str(d.get("date", "")).startswith(year)))
    return found[0] if found else None


def split_post(g: nx.MultiDiGraph, text: str) -> tuple[str, str] | None:
    """("Thứ trưởng", "agency/bo-noi-vu") from "Thứ trưởng Bộ Nội vụ": the longest tail that is an agency."""
    words = text.split()
    for i in range(1, len(words)):
        title, rest = " ".join(words[:i]), " ".join(words[i:])
        hits = search(g, rest, types=("Agency",), limit=1)
        if hits and fold(hits[0].matched) == fold(rest) or (hits and hits[0].score >= 20):
            return title, hits[0].id
    return None


def ask(g: nx.MultiDiGraph, question: str) -> Answer:
    """Parse a question and run the query it asks for; unknown questions become a search."""
    parsed = parse(question)
    if parsed is None:
        hits = search(g, clean_question(question), limit=10)
        return Answer(question, "search", {"text": clean_question(question)}, hits, render(hits))
    pat, slots = parsed
    params: dict[str, Any] = dict(pat.params)
    try:
        if pat.query == "who":
            return _who(g, question, pat, slots["post"])
        for name, text in slots.items():
            type_ = pat.slots.get(name, "Any")
            nid = _resolve(g, text, type_)
            if nid is None:
                return Answer(question, pat.query, {**params, name: text}, None,
                              [f"nothing in the graph matches {text!r}"], pat.regex.pattern,
                              error=f"not found: {text}")
            params[name] = nid
        result = _run(g, pat.query, params)
    except q.NotFound as e:
        return Answer(question, pat.query, params, None, [str(e)], pat.regex.pattern, error=str(e))
    return Answer(question, pat.query, params, result, render(result), pat.regex.pattern)


def _run(g: nx.MultiDiGraph, query: str, p: dict[str, Any]) -> Any:
    if query == "related":
        return q.related(g, p["x"], p["edge_type"], p.get("direction", "out"))
    if query in ("lineage", "status", "career", "agency", "node"):
        return getattr(q, query)(g, p["x"])
    if query == "holders":
        return q.holders(g, p["x"], p.get("title"))
    if query == "paths":
        return q.paths(g, p["a"], p["b"])
    if query == "timeline":
        return q.timeline(g, involving=p["involving"])
    if query == "neighbourhood":
        return q.neighbourhood(g, p["x"], depth=int(p.get("depth", 1)))
    if query == "overview":
        return q.overview(g)
    raise ValueError(f"questions.toml names an unknown query: {query}")


def _who(g: nx.MultiDiGraph, question: str, pat: Pattern, text: str) -> Answer:
    """"who is <title> <agency>" lists the holders; "who is <person>" shows a career."""
    split = split_post(g, text)
    if split:
        title, aid = split
        posts = q.holders(g, aid, title)
        if posts:
            return Answer(question, "holders", {"x": aid, "title": title}, posts, render(posts), pat.regex.pattern)
    pid = _resolve(g, text, "Person")
    if pid and fold(g.nodes[pid].get("name", "")) == fold(text):
        career = q.career(g, pid)
        return Answer(question, "career", {"x": pid}, career, render(career), pat.regex.pattern)
    if split:
        title, aid = split
        return Answer(question, "holders", {"x": aid, "title": title}, [], ["nobody found"], pat.regex.pattern)
    nid = _resolve(g, text, "Any")
    if nid is None:
        return Answer(question, "node", {"x": text}, None, [f"nothing in the graph matches {text!r}"],
                      pat.regex.pattern, error=f"not found: {text}")
    detail = q.node(g, nid)
    return Answer(question, "node", {"x": nid}, detail, render(detail), pat.regex.pattern)
