"""Hand-made Extractions shaped like the seeds' gold reports, for graph tests that must not
depend on the extractor's quality.  Evidence spans point into the small texts built here.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path
from typing import Any

from graph.store import FORMAT, NxStore
from loaders.model import (
    Agency,
    Event,
    Evidence,
    Extraction,
    Instrument,
    Person,
    Position,
    Relation,
    SourceText,
)


def source(source_id: str, text: str, published: str | None = None, title: str | None = None) -> SourceText:
    return SourceText(source_id=source_id, name=source_id, path=f"/fixtures/{source_id}", text=text,
                      title=title, published=published, url=f"https://example.org/{source_id}",
                      content_hash=hashlib.sha256(text.encode()).hexdigest())


def ev(text: str, sentence: str) -> Evidence:
    start = text.index(sentence)
    return Evidence(start, start + len(sentence), sentence)


def directive_39_survey() -> Extraction:
    """Like seed 000: 39-CT/TW's issue date, a survey chaired by Trương Hòa Bình."""
    s1 = "Chỉ thị số 39-CT/TW ngày 9/12/2009 của Ban Bí thư về hợp tác quốc tế."
    s2 = "Phó Thủ tướng Thường trực Chính phủ Trương Hoà Bình chủ trì buổi làm việc với Bộ Nội vụ."
    s3 = "Thứ trưởng Bộ Nội vụ Trần Anh Tuấn báo cáo."
    text = f"{s1}\n{s2}\n{s3}"
    src = source("000_fixture.txt", text, published="2019-08-15", title="Khảo sát Chỉ thị 39")
    return Extraction(
        source=src,
        documents=[Instrument(number="39- CT/TW", key="39-CT/TW", kind="directive", issued="2009-12-09",
                              issuer="Ban Bí thư", evidence=[ev(text, s1)])],
        agencies=[Agency("Bộ Nội vụ", evidence=[ev(text, s2)]), Agency("Ban Bí thư"), Agency("Chính phủ")],
        people=[
            Person("Trương Hoà Bình", [Position("Phó Thủ tướng Thường trực", "Chính phủ", ev(text, s2))],
                   [ev(text, s2)]),
            Person("Trần Anh Tuấn", [Position("Thứ trưởng", "Bộ Nội vụ", ev(text, s3))], [ev(text, s3)]),
        ],
        events=[Event("2019-08-14", "survey working session", about=["39-CT/TW"],
                      chaired_by=["Trương Hoà Bình"], participants=["Trần Anh Tuấn"],
                      organizer="Bộ Nội vụ", evidence=[ev(text, s2)])],
        context_body="Bộ Nội vụ",
    )


def directive_39_review() -> Extraction:
    """Like seed 001: 39 succeeds 57-CT/TW; Đặng Hoàng Oanh is Thứ trưởng Bộ Tư pháp in 2019."""
    s1 = ("Chỉ thị số 39 được Ban Bí thư ban hành trên cơ sở kế thừa, phát triển Chỉ thị số 57-CT/TW "
          "ngày 8/8/1995 của Ban Bí thư.")
    s2 = "Hội nghị tổng kết 10 năm thực hiện Chỉ thị số 39-CT/TW do Phó Thủ tướng Trương Hòa Bình chủ trì."
    s3 = "Thứ trưởng Bộ Tư pháp Đặng Hoàng Oanh phát biểu."
    text = f"{s2}\n{s1}\n{s3}"
    src = source("001_fixture.txt", text, published="2019-11-02", title="Tổng kết Chỉ thị 39")
    return Extraction(
        source=src,
        documents=[
            Instrument(number="39-CT/TW", key="39-CT/TW", kind="directive", issuer="Ban Bí thư Trung ương Đảng",
                       evidence=[ev(text, s2)]),
            Instrument(number="57-CT/TW", key="57-CT/TW", kind="directive", issued="1995-08-08",
                       issuer="Ban Bí thư", evidence=[ev(text, s1)]),
        ],
        agencies=[Agency("Bộ Tư pháp"), Agency("Ban Bí thư")],
        people=[
            Person("Trương Hòa Bình", [Position("Phó Thủ tướng Thường trực", "Chính phủ", ev(text, s2))]),
            Person("Đặng Hoàng Oanh", [Position("Thứ trưởng", "Bộ Tư pháp", ev(text, s3))], [ev(text, s3)]),
        ],
        events=[Event("2019-11-02", "conference", about=["39-CT/TW"], chaired_by=["Trương Hòa Bình"],
                      participants=["Đặng Hoàng Oanh"], evidence=[ev(text, s2)])],
        relations=[Relation("SUCCEEDS", "39-CT/TW", "57-CT/TW", ev(text, s1))],
    )


def plan_32() -> Extraction:
    """Like seed 002: 32-KH/BCSĐ implements 27-NQ/TW; no published date."""
    s1 = ("Ngày 16/02, Ban Cán sự đảng Bộ Nội vụ ban hành Kế hoạch số 32-KH/BCSĐ thực hiện Nghị quyết "
          "số 27-NQ/TW ngày 09/11/2022 của Hội nghị Trung ương 6 khóa XIII.")
    s2 = "Thực hiện Luật Viên chức và Kế hoạch số 11-KH/TW."
    text = f"{s1}\n{s2}"
    src = source("002_fixture.txt", text)
    return Extraction(
        source=src,
        documents=[
            Instrument(number="32-KH/BCSĐ", key="32-KH/BCSĐ", kind="plan", issuer="Ban Cán sự đảng Bộ Nội vụ",
                       evidence=[ev(text, s1)]),
            Instrument(number="27-NQ/TW", key="27-NQ/TW", kind="resolution", issued="2022-11-09",
                       issuer="Ban Chấp hành Trung ương Đảng", evidence=[ev(text, s1)]),
            Instrument(number="11-KH/TW", key="11-KH/TW", kind="plan", evidence=[ev(text, s2)]),
            Instrument(number=None, key="Luật Viên chức", name="Luật Viên chức", kind="law",
                       evidence=[ev(text, s2)]),
        ],
        agencies=[Agency("Ban Cán sự đảng Bộ Nội vụ", parent="Bộ Nội vụ", evidence=[ev(text, s1)]),
                  Agency("Bộ Nội vụ")],
        relations=[Relation("IMPLEMENTS", "32-KH/BCSĐ", "27-NQ/TW", ev(text, s1))],
        context_body="Bộ Nội vụ",
    )


def home_affairs_units() -> Extraction:
    """Like seed 003: Vụ Hợp tác quốc tế of Bộ Nội vụ; a conference with no year."""
    s1 = "Thứ trưởng Bộ Nội vụ Vũ Chiến Thắng chủ trì hội nghị ngày 24/3."
    s2 = "Vụ trưởng Vụ Hợp tác quốc tế Chu Tuấn Tú báo cáo."
    text = f"{s1}\n{s2}"
    src = source("003_fixture.txt", text)
    return Extraction(
        source=src,
        agencies=[Agency("Bộ Nội vụ"), Agency("Vụ Hợp tác quốc tế", parent="Bộ Nội vụ", evidence=[ev(text, s2)])],
        people=[
            Person("Vũ Chiến Thắng", [Position("Thứ trưởng", "Bộ Nội vụ", ev(text, s1))]),
            Person("Chu Tuấn Tú", [Position("Vụ trưởng", "Vụ Hợp tác quốc tế", ev(text, s2))]),
        ],
        events=[Event("--03-24", "conference", year_explicit=False, chaired_by=["Vũ Chiến Thắng"],
                      participants=["Chu Tuấn Tú"], organizer="Bộ Nội vụ", evidence=[ev(text, s1)])],
        context_body="Bộ Nội vụ",
    )


def justice_units() -> Extraction:
    """Like seed 004: Đặng Hoàng Oanh, Vụ trưởng Vụ Hợp tác quốc tế of Bộ Tư pháp in 2016."""
    s1 = "Chiều 8/8, Bộ trưởng Lê Thành Long làm việc với Vụ Hợp tác quốc tế."
    s2 = ("Đánh giá chung trong 7 tháng đầu năm 2016, Vụ trưởng Vụ Hợp tác quốc tế Đặng Hoàng Oanh "
          "cho biết Vụ đã triển khai các nhiệm vụ.")
    text = f"{s1}\n{s2}"
    src = source("004_fixture.txt", text)
    return Extraction(
        source=src,
        agencies=[Agency("Bộ Tư pháp"), Agency("Vụ Hợp tác quốc tế", parent="Bộ Tư pháp", evidence=[ev(text, s1)])],
        people=[
            Person("Lê Thành Long", [Position("Bộ trưởng", "Bộ Tư pháp", ev(text, s1))]),
            Person("Đặng Hoàng Oanh", [Position("Vụ trưởng", "Vụ Hợp tác quốc tế", ev(text, s2), as_of="2016")],
                   [ev(text, s2)]),
        ],
        events=[Event("--08-08", "working session", year_explicit=False, chaired_by=["Lê Thành Long"],
                      participants=["Đặng Hoàng Oanh"], organizer="Bộ Tư pháp", evidence=[ev(text, s1)])],
        context_body="Bộ Tư pháp",
    )


def all_fixtures() -> list[Extraction]:
    return [directive_39_survey(), directive_39_review(), plan_32(), home_affairs_units(), justice_units()]


SEEDS = Path(__file__).resolve().parent.parent / "data" / "seeds"


def seed_store() -> NxStore:
    """The seeds through the real readers and extractor, as the CLI builds them (one process)."""
    from graph.ingest import build

    store = NxStore()
    summary = build(store, [str(SEEDS)], workers=1, progress=False)
    assert not summary.failed, summary.failed
    return store


class _RunsCode:
    """What a crafted graph file holds: an object whose unpickling calls a function."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple:
        return (Path.touch, (self.marker,))


def code_running_graph_file(path: Path, marker: Path, graph: Any = None) -> Path:
    """A graph file of the right format whose loading by plain pickle would create ``marker``."""
    payload = {"format": FORMAT, "graph": graph if graph is not None else _RunsCode(marker),
               "manifest": {}, "extra": _RunsCode(marker)}
    path.write_bytes(pickle.dumps(payload))
    return path
