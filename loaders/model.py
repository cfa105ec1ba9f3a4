"""Plain dataclasses that carry a document from reading to extraction.

Everything a loader produces is one of these types; the graph package reads them
and nothing else.  Offsets (``start``/``end``) are character offsets into
``SourceText.text`` so every fact can point back at the sentence that states it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class SourceText:
    """One readable article or official text, already decoded, NFC and stripped of clutter."""

    source_id: str          # stable id: "<file name>" or "<archive name>#<article id>"
    name: str               # base name used as "file" in reports
    path: str               # where it was read from
    text: str               # the clean body (title included when the file gives one)
    title: str | None = None
    published: str | None = None   # ISO date (YYYY-MM-DD) when the file states one
    author: str | None = None
    url: str | None = None
    content_hash: str = ""  # sha256 of the decoded text, for change detection
    simhash: int | None = None   # graph.copies.text_simhash, for finding copies (set by the build's workers)
    warnings: tuple[str, ...] = ()
    # The metadata table a legal database printed above the text, as (field, value) pairs
    # (number, kind, issuer, signer, issued ...; loaders.legal_db): a second source for its header.
    db_record: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ReadProblem:
    """A file (or archive line) that could not be read; reported, never fatal to a batch."""

    path: str
    message: str


@dataclass(frozen=True)
class PendingRead:
    """A Word or PDF file not read yet: its reader can take long on a crafted file, so it is
    read where the per-source time limit applies (a build's worker, the CLI's main thread)."""

    path: str
    known_hash: str | None = None   # the text its name held when last read by the same rules (skip if equal)


@dataclass(frozen=True)
class Evidence:
    """The sentence that supports a fact, with its span in ``SourceText.text``."""

    start: int
    end: int
    text: str


@dataclass
class Instrument:
    number: str | None          # as printed, e.g. "39- CT/TW"
    key: str                    # normalised number ("39-CT/TW") or the name when unnumbered
    name: str | None = None     # for unnumbered instruments ("Luật Viên chức")
    kind: str = "other"
    issued: str | None = None   # YYYY-MM-DD, YYYY-MM or YYYY
    issuer: str | None = None
    subject: str | None = None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Agency:
    name: str
    parent: str | None = None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Position:
    title: str
    agency: str | None
    evidence: Evidence | None = None
    former: bool = False        # printed as held before ("nguyên Bộ trưởng", "cố Thủ tướng")
    as_of: str | None = None    # the year the sentence states of itself ("7 tháng đầu năm 2016"), if any
    body_inferred: bool = False  # the agency is the article's body, not printed with the title ("Thứ trưởng X")


@dataclass
class Person:
    name: str
    positions: list[Position] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Event:
    date: str                   # YYYY-MM-DD, or --MM-DD when no year is known
    kind: str
    date_end: str | None = None  # the last day of an event of several days, in the same form
    name: str | None = None     # as printed: "Hội nghị tổng kết 10 năm thực hiện Chỉ thị số 39-CT/TW"
    year_explicit: bool = True
    about: list[str] = field(default_factory=list)          # instrument keys
    chaired_by: list[str] = field(default_factory=list)     # person names
    participants: list[str] = field(default_factory=list)
    organizer: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    # how each participant was read (one of TOOK_PART_BY): its belief's prior (graph/weigh.py)
    took_part_by: dict[str, str] = field(default_factory=dict)


# How a participant was read (loaders/extract_events.py): named in the lead event's sentence; named
# later with an attendance cue before it ("Tham dự có ông A"), or only speaking ("ông A cho biết");
# a foreign figure with a cue; the leader of a delegation; named in another event's own sentence.
TOOK_PART_BY = ("lead", "later_attending", "later_speaking", "foreign_cue", "guest", "own_sentence")


@dataclass
class Relation:
    type: str                   # SUCCEEDS, IMPLEMENTS, AMENDS, REPEALS, BASED_ON, REPLACES, GUIDES
    source: str                 # instrument key
    target: str                 # instrument key
    evidence: Evidence | None = None


@dataclass
class Extraction:
    """Everything found in one SourceText."""

    source: SourceText
    documents: list[Instrument] = field(default_factory=list)
    agencies: list[Agency] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    context_body: str | None = None   # the ministry or body the article is about

    def to_dict(self) -> dict[str, Any]:
        """The report object of shared/eval/CONTRACT.md, with evidence spans as extra keys."""
        d = asdict(self)
        src = d.pop("source")
        return {
            "file": self.source.name,
            "source_id": self.source.source_id,
            "title": src["title"],
            "published": src["published"],
            "author": src["author"],
            "url": src["url"],
            "context_body": d.pop("context_body"),
            **d,
        }
