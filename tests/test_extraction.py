"""Extraction on real inputs: the development seeds scored by the project's scorer, the rules
behind numbers, issuers, kinds and dates, evidence spans, and bad input in a batch."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from loaders.extract import extract
from loaders.model import SourceText
from loaders.readers import iter_sources

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "data" / "seeds"


def _source(text: str, published: str | None = None, name: str = "t.txt") -> SourceText:
    return SourceText(source_id=name, name=name, path=name, text=text, published=published)


def _run_extract(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "loaders", "extract", *map(str, paths), "--format", "jsonl"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


def _score(report: Path, gold: Path) -> dict:
    out = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(report), str(gold), "--json"],
                         capture_output=True, text=True, check=True, timeout=120)
    return json.loads(out.stdout)["scores"]


MAIN = ["documents", "agencies", "people", "positions", "events", "event.links", "relations"]


def test_seed_scores_meet_the_bar(tmp_path: Path) -> None:
    run = _run_extract(SEEDS)
    assert run.returncode == 0, run.stderr
    report = tmp_path / "seeds.jsonl"
    report.write_text(run.stdout, encoding="utf-8")
    scores = _score(report, SHARED / "eval" / "gold")
    assert scores["overall"]["f1"] >= 0.90, scores
    for cat in MAIN:
        assert scores[cat]["f1"] >= 0.80, (cat, scores[cat])


def _set_score(tmp_path: Path, folder: str) -> float:
    """Overall F1 of the extractor on a hand-annotated set under tests/ (articles/ + gold/)."""
    check = ROOT / "tests" / folder
    run = _run_extract(check / "articles")
    assert run.returncode == 0, run.stderr
    report = tmp_path / f"{folder}.jsonl"
    report.write_text(run.stdout, encoding="utf-8")
    return _score(report, check / "gold")["overall"]["f1"]


# The hand-annotated check sets (each README tells how its articles were picked and who wrote its
# gold): a tuning half, whose misses were read while writing rules, and a held-out half, of which
# only category figures were read.  The bound sits a few points under the figure measured.
CHECK_SETS = [
    # folder, bound          measured (and when its gold was written, before any tuning on it)
    ("checkset", 0.90),      # 0.953 after tuning on its misses (0.750)
    ("checkset2", 0.84),     # held out: 0.889 (0.677)
    ("checkset3", 0.84),     # 0.889 after tuning on its misses (0.656)
    ("checkset4", 0.68),     # held out: 0.732 (0.673)
    ("checkset5", 0.90),     # 0.945 after tuning on its misses (0.739)
    ("checkset6", 0.74),     # held out: 0.810 (0.640)
    ("checkset7", 0.89),     # 0.943 after tuning on its misses (0.782)
    ("checkset8", 0.73),     # held out: 0.797 (0.740)
    ("checkset9", 0.81),     # 0.862 after tuning on its misses (0.802)
    ("checkset10", 0.73),    # held out: 0.787 (0.772)
    ("checkset11", 0.79),    # 0.857 after tuning on its misses (0.703)
    ("checkset12", 0.65),    # held out: 0.709 (0.703)
    # legal-database pages of official texts (tests/officialset/README.md)
    ("officialset", 0.80),   # 0.832 after tuning on its misses (0.494)
    ("officialset2", 0.88),  # held out: 0.917 (0.487); 2 events only, see tests/officialset/README.md
    ("officialset3", 0.74),  # second tuning batch: 0.757 when first measured, 0.777 after reading its misses
]


@pytest.mark.parametrize(("folder", "bound"), CHECK_SETS, ids=[f for f, _ in CHECK_SETS])
def test_check_set_scores(tmp_path: Path, folder: str, bound: float) -> None:
    """Hand-annotated corpus articles (tests/<folder>) score at least their bound."""
    assert _set_score(tmp_path, folder) >= bound


@pytest.mark.parametrize(("printed", "normalized"), [
    ("39- CT/TW", "39-CT/TW"), ("04-KH/TW", "4-KH/TW"), ("39 - CT/TW", "39-CT/TW"),
    ("03/1999/NĐ-CP", "3/1999/NĐ-CP"), ("128/NQ-CP", "128/NQ-CP"), ("45/2019/QH14", "45/2019/QH14"),
    ("32-KH/BCSĐ", "32-KH/BCSĐ"), ("1439/QĐ–BNV", "1439/QĐ-BNV"), ("22/2023/OH15", "22/2023/QH15"),
    ("118/2025/NĐCP", "118/2025/NĐ-CP"), ("21/2025/TTBYT", "21/2025/TT-BYT"), ("5/2019/TTCP", "5/2019/TTCP"),
])
def test_numbers_normalise(printed: str, normalized: str) -> None:
    from loaders.numbers import normalize_number
    assert normalize_number(printed) == normalized


def test_kind_comes_from_the_type_code_and_issuer_from_the_issuer_code() -> None:
    text = ("Bộ Nội vụ họp bàn việc thực hiện Nghị định số 39-NQ/TW, Nghị định số 15/2020/NĐ-CP, "
            "Quyết định số 12/QĐ-TTg, Quyết định số 456/QĐ-BNV và Kế hoạch số 7-KH/BCSĐ của Bộ Nội vụ.")
    docs = {d.key: d for d in extract(_source(text)).documents}
    assert docs["39-NQ/TW"].kind == "resolution"
    assert docs["15/2020/NĐ-CP"].issuer == "Chính phủ" and docs["15/2020/NĐ-CP"].kind == "decree"
    assert docs["12/QĐ-TTg"].issuer == "Thủ tướng Chính phủ"
    assert docs["456/QĐ-BNV"].issuer == "Bộ Nội vụ" and docs["456/QĐ-BNV"].kind == "decision"
    assert docs["7-KH/BCSĐ"].issuer == "Ban Cán sự đảng Bộ Nội vụ"


def test_issue_date_issuer_and_subject_after_the_number() -> None:
    text = "Chỉ thị số 39-CT/TW ngày 09/12/2009 của Ban Bí thư về hợp tác với nước ngoài trong lĩnh vực pháp luật."
    (d,) = extract(_source(text)).documents
    assert (d.issued, d.issuer, d.subject) == ("2009-12-09", "Ban Bí thư", "hợp tác với nước ngoài trong lĩnh vực pháp luật")


def test_short_reference_resolves_and_links() -> None:
    text = ("Chỉ thị số 39 được Ban Bí thư ban hành trên cơ sở kế thừa, phát triển những kết quả "
            "của Chỉ thị số 57-CT/TW ngày 8/8/1995. Chỉ thị số 39-CT/TW vẫn còn nguyên giá trị.")
    ex = extract(_source(text))
    assert [(r.type, r.source, r.target) for r in ex.relations] == [("SUCCEEDS", "39-CT/TW", "57-CT/TW")]


def test_people_lists_apposition_and_bare_titles() -> None:
    text = ("Làm việc với Đoàn có đồng chí Lê Văn An, Ủy viên Ban Chấp hành Trung ương Đảng, Bộ trưởng Bộ Y tế; "
            "các đồng chí Thứ trưởng Bộ Y tế: Nguyễn Văn Bình, Trần Thị Cúc. "
            "Phát biểu tại buổi làm việc, Thứ trưởng Phạm Minh Đức cho biết Bộ Y tế đã nỗ lực.")
    people = {p.name: {(x.title, x.agency) for x in p.positions} for p in extract(_source(text)).people}
    assert people["Lê Văn An"] == {("Ủy viên", "Ban Chấp hành Trung ương Đảng"), ("Bộ trưởng", "Bộ Y tế")}
    assert people["Nguyễn Văn Bình"] == {("Thứ trưởng", "Bộ Y tế")} == people["Trần Thị Cúc"]
    assert people["Phạm Minh Đức"] == {("Thứ trưởng", "Bộ Y tế")}


def test_places_are_not_people() -> None:
    text = "Bộ trưởng Bộ Y tế làm việc với UBND tỉnh Hà Giang tại Thành phố Hồ Chí Minh và Hà Nội."
    assert extract(_source(text)).people == []


def test_unit_belongs_to_the_articles_ministry() -> None:
    a = extract(_source("Bộ Tư pháp họp. Vụ trưởng Vụ Hợp tác quốc tế Đặng Văn Oanh báo cáo."))
    b = extract(_source("Bộ Nội vụ họp. Vụ Hợp tác quốc tế báo cáo."))
    assert {(x.name, x.parent) for x in a.agencies} >= {("Vụ Hợp tác quốc tế", "Bộ Tư pháp")}
    assert {(x.name, x.parent) for x in b.agencies} >= {("Vụ Hợp tác quốc tế", "Bộ Nội vụ")}


@pytest.mark.parametrize(("published", "expected"), [("2019-08-15", "2019-08-14"), (None, "--08-14")])
def test_event_date_resolved_against_publication(published: str | None, expected: str) -> None:
    text = "Chiều ngày 14/8, Bộ Nội vụ tổ chức hội nghị triển khai công tác năm."
    (ev,) = extract(_source(text, published)).events
    assert ev.date == expected and ev.kind == "conference"


def test_evidence_spans_point_at_their_sentences() -> None:
    for src in iter_sources([SEEDS]):
        assert isinstance(src, SourceText)
        ex = extract(src)
        spans = [e for d in ex.documents for e in d.evidence] + [e for a in ex.agencies for e in a.evidence]
        spans += [x.evidence for p in ex.people for x in p.positions if x.evidence]
        spans += [r.evidence for r in ex.relations if r.evidence]
        assert spans
        for ev in spans:
            assert src.text[ev.start:ev.end] == ev.text


def test_bad_files_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "script.html").write_text(
        "<html><body><script>alert(1)</script><article><p>Thứ trưởng Bộ Y tế Lê Văn An chủ trì "
        "hội nghị ngày 3/4/2020 về Nghị định số 15/2020/NĐ-CP.</p></article></body></html>", encoding="utf-8")
    (tmp_path / "good.txt").write_text((SEEDS / "004_1a24aa6fded6f36b.txt").read_text(encoding="utf-8"), encoding="utf-8")
    run = _run_extract(tmp_path)
    assert run.returncode == 1
    assert "empty.txt" in run.stderr and "binary.txt" in run.stderr
    files = {json.loads(line)["file"] for line in run.stdout.splitlines()}
    assert files == {"good.txt", "script.html"}
    html = next(json.loads(line) for line in run.stdout.splitlines() if "script.html" in line)
    assert [d["number"] for d in html["documents"]] == ["15/2020/NĐ-CP"]
    assert "alert" not in json.dumps(html)


def test_links_with_listed_targets_and_preamble_clauses() -> None:
    text = ("Thực hiện Nghị quyết số 19-NQ/TW và Chỉ thị số 05-CT/TW, UBND tỉnh đã ban hành Chương trình số 12/CTr-UBND. "
            "Thủ tướng ban hành Quyết định số 45/2017/QĐ-TTg. Căn cứ Luật Tổ chức Chính phủ số 76/2015/QH13; "
            "Căn cứ Luật Ngân sách nhà nước số 83/2015/QH13; Xét đề nghị của Bộ trưởng Bộ Tài chính.")
    links = {(r.type, r.source, r.target) for r in extract(_source(text)).relations}
    assert links == {("IMPLEMENTS", "12/CTr-UBND", "19-NQ/TW"), ("IMPLEMENTS", "12/CTr-UBND", "5-CT/TW"),
                     ("BASED_ON", "45/2017/QĐ-TTg", "76/2015/QH13"), ("BASED_ON", "45/2017/QĐ-TTg", "83/2015/QH13")}


def test_law_names_read_whole_and_papers_are_not_laws() -> None:
    text = ("Theo báo Pháp Luật TP.HCM, Công ty Luật Basico dẫn Luật Phòng, chống thiên tai, "
            "Luật Chuyển giao công nghệ và Bộ luật Hình sự số 100/2015/QH13.")
    docs = {(d.name, d.number) for d in extract(_source(text)).documents}
    assert docs == {("Luật Phòng, chống thiên tai", None), ("Luật Chuyển giao công nghệ", None),
                    ("Bộ luật Hình sự", "100/2015/QH13")}


def test_countries_and_hyphenated_foreign_names_are_not_people() -> None:
    text = "Thứ trưởng Bộ Quốc phòng Thái Lan gặp Chủ tịch Kim Jong-un; Chủ tịch Quốc hội Việt Nam Nguyễn Thị Kim Ngân dự."
    assert [p.name for p in extract(_source(text)).people] == ["Nguyễn Thị Kim Ngân"]


def test_participants_are_people_who_take_part() -> None:
    text = ("Sáng 5/6, Bộ Y tế tổ chức hội nghị tổng kết. Thứ trưởng Lê Văn An chủ trì hội nghị. "
            "Phát biểu tại hội nghị, ông Trần Văn Bình cho biết kết quả tốt. "
            "Năm nay ngành y tế đạt nhiều kết quả. Số ca bệnh giảm mạnh. "
            "Trước đó, bệnh nhân Nguyễn Văn Cường được ông Phạm Văn Dũng chăm sóc tận tình trong nhiều tháng liền.")
    (ev,) = extract(_source(text, "2017-06-06")).events
    assert ev.chaired_by == ["Lê Văn An"]
    assert "Trần Văn Bình" in ev.participants and "Phạm Văn Dũng" not in ev.participants
