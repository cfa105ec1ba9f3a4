"""Official texts: header, bases, links, signer and outline from .txt, .docx and .pdf.

Gold files (tests/official/gold/) were written by hand from the typed texts; the .docx and .pdf
fixtures are generated from the same texts by tests/official/make_fixtures.py, so every format
must give the same answers.  ``test_scores`` prints the per-text figures kept in the README.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from loaders.model import ReadProblem, SourceText
from loaders.office_readers import OfficeReadError, iter_office_sources, read_docx, read_office, read_pdf
from loaders.official import (
    OfficialText,
    extract_official,
    is_official_text,
    parse_official,
)

ROOT = Path(__file__).resolve().parent.parent
OFF = ROOT / "tests" / "official"
STEMS = ["nd_30_2020_nd_cp", "qd_05_2007_qd_bnv", "ct_05_ct_tw", "kh_62_kh_ubnd_tuyen_quang"]
FORMATS = ["txt", "docx", "pdf"]


def _txt_source(path: Path) -> SourceText:
    text = path.read_text(encoding="utf-8")
    return SourceText(source_id=path.name, name=path.name, path=str(path), text=text)


def load(stem: str, fmt: str) -> SourceText:
    if fmt == "txt":
        return _txt_source(OFF / "texts" / f"{stem}.txt")
    return read_office(OFF / "fixtures" / f"{stem}.{fmt}")


def gold(stem: str) -> dict:
    return json.loads((OFF / "gold" / f"{stem}.json").read_text(encoding="utf-8"))


_CACHE: dict[tuple[str, str], tuple[SourceText, OfficialText]] = {}


def parsed(stem: str, fmt: str) -> tuple[SourceText, OfficialText]:
    if (stem, fmt) not in _CACHE:
        src = load(stem, fmt)
        _CACHE[(stem, fmt)] = (src, parse_official(src))
    return _CACHE[(stem, fmt)]


CASES = [(s, f) for s in STEMS for f in FORMATS]


@pytest.mark.parametrize(("stem", "fmt"), CASES)
def test_is_official(stem: str, fmt: str) -> None:
    src, _ = parsed(stem, fmt)
    assert is_official_text(src.text)


def test_news_article_is_not_official() -> None:
    for seed in sorted((ROOT / "data" / "seeds").glob("*.txt")):
        assert not is_official_text(seed.read_text(encoding="utf-8")), seed.name


@pytest.mark.parametrize(("stem", "fmt"), CASES)
def test_header(stem: str, fmt: str) -> None:
    g = gold(stem)["official"]
    _, ot = parsed(stem, fmt)
    for key in ("number", "kind", "kind_heading", "title", "issuer", "issuer_parent", "party", "place", "issued"):
        assert getattr(ot, key) == g[key], key
    if "header_body" in g:
        assert ot.header_body == g["header_body"]
    if "authority" in g:
        assert ot.authority == g["authority"]


@pytest.mark.parametrize(("stem", "fmt"), CASES)
def test_bases_and_proposer(stem: str, fmt: str) -> None:
    g = gold(stem)["official"]
    src, ot = parsed(stem, fmt)
    assert [{"key": b.key, "issued": b.issued} for b in ot.bases] == g["bases"]
    assert ot.proposer == g["proposer"]
    assert ot.proposer_body == g["proposer_body"]
    for b in ot.bases:  # each basis points at its own words in the source
        assert b.evidence is not None
        cited = src.text[b.evidence.start : b.evidence.end]
        assert (b.number or b.name or "").split()[0] in cited


@pytest.mark.parametrize(("stem", "fmt"), CASES)
def test_links_effective_attached(stem: str, fmt: str) -> None:
    g = gold(stem)["official"]
    _, ot = parsed(stem, fmt)
    assert ot.effective == g["effective"]
    if "effective_text" in g:
        assert ot.effective_text == g["effective_text"]
    assert [a.key for a in ot.attached] == g["attached"]
    assert {f"{lk.type} {lk.target.key}": lk.article for lk in ot.links} == g["link_articles"]


@pytest.mark.parametrize(("stem", "fmt"), CASES)
def test_signer_and_recipients(stem: str, fmt: str) -> None:
    g = gold(stem)["official"]
    src, ot = parsed(stem, fmt)
    if g["signer"] is None:
        assert ot.signer is None
    else:
        assert ot.signer is not None
        got = {k: getattr(ot.signer, k) for k in ("name", "post", "on_behalf", "for_post", "modes")}
        assert got == g["signer"]
        assert ot.signer.evidence is not None
        assert ot.signer.name and ot.signer.name in src.text[ot.signer.evidence.start : ot.signer.evidence.end]
    assert len(ot.recipients) == g["recipients_count"]
    if "recipients_first" in g:
        assert ot.recipients[0] == g["recipients_first"]


@pytest.mark.parametrize(("stem", "fmt"), CASES)
def test_outline(stem: str, fmt: str) -> None:
    g = gold(stem)["official"]
    src, ot = parsed(stem, fmt)
    assert [n.path for n in ot.outline] == g["outline"]
    if "outline_parts" in g:
        assert [n.part_of for n in ot.outline] == g["outline_parts"]
    for n in ot.outline:  # spans start at the heading and nest
        assert src.text[n.start : n.end].lstrip().startswith(n.label) or n.label in src.text[n.start : n.start + 12]
        assert n.end >= n.start


def _doc_key(d: dict) -> tuple:
    return (d.get("number") or d.get("name"), d["kind"], d["issued"], d["issuer"])


def _prf(gold_items: set, got_items: set) -> tuple[float, float]:
    tp = len(gold_items & got_items)
    p = tp / len(got_items) if got_items else 1.0
    r = tp / len(gold_items) if gold_items else 1.0
    return p, r


def score(stem: str, fmt: str) -> dict[str, tuple[float, float]]:
    """Precision and recall of the contract output against the gold, by field family."""
    g = gold(stem)
    src, _ = parsed(stem, fmt)
    d = extract_official(src).to_dict()
    out: dict[str, tuple[float, float]] = {}
    out["documents"] = _prf({_doc_key(x) for x in g["documents"]}, {_doc_key(x) for x in d["documents"]})
    out["issuers"] = _prf(
        {(x.get("number") or x.get("name"), x["issuer"]) for x in g["documents"]},
        {(x.get("number") or x.get("name"), x["issuer"]) for x in d["documents"]},
    )
    out["relations"] = _prf(
        {(r["type"], r["source"], r["target"]) for r in g["relations"]},
        {(r["type"], r["source"], r["target"]) for r in d["relations"]},
    )
    out["people"] = _prf(
        {(p["name"], q["title"], q["agency"]) for p in g["people"] for q in p["positions"]},
        {(p["name"], q["title"], q["agency"]) for p in d["people"] for q in p["positions"]},
    )
    out["agencies"] = _prf(
        {(a["name"], a.get("parent")) for a in g["agencies"]},
        {(a["name"], a.get("parent")) for a in d["agencies"]},
    )
    return out


@pytest.mark.parametrize(("stem", "fmt"), CASES)
def test_contract_output(stem: str, fmt: str) -> None:
    src, _ = parsed(stem, fmt)
    d = extract_official(src).to_dict()
    json.dumps(d, ensure_ascii=False)  # serialisable as the report line
    main = d["documents"][0]
    assert main["authoritative"] is True
    assert all(not x["authoritative"] for x in d["documents"][1:])
    assert d["official"]["number"] == gold(stem)["official"]["number"]
    s = score(stem, fmt)
    for family in ("documents", "issuers", "relations", "people"):
        assert s[family] == (1.0, 1.0), (family, s[family])
    # every gold agency is found (the output may name more, e.g. cited issuers)
    assert s["agencies"][1] == 1.0, s["agencies"]


def test_scores(capsys: pytest.CaptureFixture[str]) -> None:
    """The figures kept in tests/official/README.md (precision/recall per field family)."""
    rows = []
    for stem in STEMS:
        for fmt in FORMATS:
            s = score(stem, fmt)
            rows.append(f"{stem:28} {fmt:4} " + " ".join(f"{k}={p:.2f}/{r:.2f}" for k, (p, r) in s.items()))
    with capsys.disabled():
        print("\n" + "\n".join(rows))
    assert len(rows) == len(STEMS) * len(FORMATS)


@pytest.mark.parametrize("stem", STEMS)
def test_same_from_all_formats(stem: str) -> None:
    def summary(ot: OfficialText) -> dict:
        return {
            "header": (ot.number, ot.kind, ot.title, ot.issuer, ot.issuer_parent, ot.place, ot.issued),
            "bases": [(b.key, b.issued, b.issuer, b.subject) for b in ot.bases],
            "links": [(lk.type, lk.target.key, lk.target.issued, lk.article) for lk in ot.links],
            "signer": None if not ot.signer else (ot.signer.name, ot.signer.post, ot.signer.on_behalf, ot.signer.modes),
            "effective": ot.effective,
            "attached": [a.key for a in ot.attached],
            "recipients": ot.recipients,
            "outline": [(n.path, n.part_of) for n in ot.outline],
        }

    base = summary(parsed(stem, "txt")[1])
    for fmt in ("docx", "pdf"):
        assert summary(parsed(stem, fmt)[1]) == base, fmt


# --------------------------------------------------------------------------- readers


def test_docx_header_table_reads_left_then_right() -> None:
    text = read_docx(OFF / "fixtures" / "nd_30_2020_nd_cp.docx").text
    lines = [ln for ln in text.splitlines() if ln.strip()]
    assert lines[:3] == ["CHÍNH PHỦ", "_______", "Số: 30/2020/NĐ-CP"]
    assert lines[3] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert "Hà Nội, ngày 05 tháng 3 năm 2020" in lines[:8]


def test_pdf_keeps_reading_order_and_vietnamese() -> None:
    text = read_pdf(OFF / "fixtures" / "nd_30_2020_nd_cp.pdf").text
    lines = text.splitlines()
    assert lines[0] == "CHÍNH PHỦ" and lines[3] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert "Nghị định này có hiệu lực thi hành kể từ ngày ký." in text
    assert text.rstrip().endswith("Nguyễn Xuân Phúc")


BAD = {
    "bad_password.pdf": "password-protected",
    "bad_corrupt.pdf": "damaged PDF",
    "bad_password.docx": "password-protected",
    "bad_corrupt.docx": "not a valid .docx",
    "bad_images_only.docx": "only images",
    "scan_nd_30_2020_nd_cp.pdf": "no text layer",
}


@pytest.mark.parametrize(("name", "words"), sorted(BAD.items()))
def test_bad_input_message(name: str, words: str) -> None:
    with pytest.raises(OfficeReadError) as err:
        read_office(OFF / "fixtures" / name)
    assert str(err.value).startswith(name + ":")
    assert words in str(err.value)


def test_batch_goes_on_after_bad_files(tmp_path: Path) -> None:
    missing = tmp_path / "khong_co.docx"
    paths = [OFF / "fixtures" / n for n in sorted(BAD)] + [missing, OFF / "fixtures" / "ct_05_ct_tw.pdf"]
    got = list(iter_office_sources(paths))
    assert len(got) == len(paths)
    problems = [g for g in got if isinstance(g, ReadProblem)]
    assert len(problems) == len(BAD) + 1
    assert all(Path(p.path).name in p.message for p in problems)
    assert isinstance(got[-1], SourceText) and "05-CT/TW" in got[-1].text


# --------------------------------------------------------------------------- texts not tuned on


def _src(text: str, name: str = "x.txt") -> SourceText:
    return SourceText(source_id=name, name=name, path=name, text=text)


SON_LA = """ỦY BAN NHÂN DÂN
TỈNH SƠN LA
-------
Số: 68/KH-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Sơn La, ngày 11 tháng 3 năm 2020

KẾ HOẠCH
VỀ VIỆC TRIỂN KHAI THỰC HIỆN CHỈ THỊ SỐ 37-CT/TW NGÀY 03/9/2019 CỦA BAN BÍ THƯ VỀ TĂNG CƯỜNG SỰ LÃNH ĐẠO, CHỈ ĐẠO XÂY DỰNG QUAN HỆ LAO ĐỘNG HÀI HÒA, ỔN ĐỊNH VÀ TIẾN BỘ TRONG TÌNH HÌNH MỚI
Căn cứ Chỉ thị số 37-CT/TW ngày 03/9/2019 của Ban Bí thư về tăng cường sự lãnh đạo, chỉ đạo xây dựng quan hệ lao động hài hòa, ổn định và tiến bộ trong tình hình mới; Kế hoạch số 185-KH/TU ngày 03/01/2020 của Ban Thường vụ Tỉnh ủy thực hiện Chỉ thị số 37-CT/TW ngày 03/9/2019 của Ban Bí thư. UBND tỉnh ban hành Kế hoạch triển khai thực hiện Chỉ thị số 37-CT/TW ngày 03/9/2019 của Ban Bí thư về tăng cường sự lãnh đạo, chỉ đạo xây dựng quan hệ lao động hài hòa, ổn định và tiến bộ trong tình hình mới, với các nội dung như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Quán triệt sâu rộng và thực hiện nghiêm túc, có hiệu quả Chỉ thị số 37-CT/TW ngày 03/9/2019 của Ban Bí thư.
"""

HUNG_YEN = """ỦY BAN NHÂN DÂN
TỈNH HƯNG YÊN
--------
Số: 60/2021/QĐ-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Hưng Yên, ngày 26 tháng 8 năm 2021

QUYẾT ĐỊNH
BAN HÀNH QUY CHẾ CÔNG TÁC VĂN THƯ, LƯU TRỮ TRÊN ĐỊA BÀN TỈNH HƯNG YÊN
ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015 và Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;
Căn cứ Luật Lưu trữ ngày 11 tháng 11 năm 2011;
Căn cứ Nghị định số 01/2013/NĐ-CP ngày 03 tháng 01 năm 2013 của Chính phủ quy định chi tiết thi hành một số điều của Luật Lưu trữ;
Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;
Căn cứ Nghị định số 99/2016/NĐ-CP ngày 01 tháng 7 năm 2016 của Chính phủ về quản lý và sử dụng con dấu;
Căn cứ Quyết định số 28/2018/QĐ-TTg ngày 12 tháng 7 năm 2018 của Thủ tướng Chính phủ về việc gửi, nhận văn bản điện tử giữa các cơ quan trong hệ thống hành chính nhà nước;
Căn cứ Thông tư số 04/2013/TT-BNV ngày 16 tháng 4 năm 2013 của Bộ trưởng Bộ Nội vụ hướng dẫn xây dựng Quy chế công tác văn thư, lưu trữ của các cơ quan, tổ chức;
Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 477/TTr-SNV ngày 17 tháng 8 năm 2021.
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy chế công tác văn thư, lưu trữ trên địa bàn tỉnh Hưng Yên.
Điều 2. Hiệu lực thi hành
Quyết định này có hiệu lực thi hành kể từ ngày 10 tháng 9 năm 2021.
"""


def test_unseen_provincial_plan_header_and_bases() -> None:
    ot = parse_official(_src(SON_LA))
    assert (ot.number, ot.kind, ot.place, ot.issued) == ("68/KH-UBND", "plan", "Sơn La", "2020-03-11")
    assert ot.issuer == "Ủy ban nhân dân tỉnh Sơn La"
    assert [(b.key, b.issued, b.issuer) for b in ot.bases] == [
        ("37-CT/TW", "2019-09-03", "Ban Bí thư"),
        ("185-KH/TU", "2020-01-03", "Ban Thường vụ Tỉnh ủy"),
    ]
    assert [(lk.type, lk.target.key) for lk in ot.links] == [("IMPLEMENTS", "37-CT/TW")]
    assert [n.path for n in ot.outline] == ["I", "I.1"]


def test_unseen_provincial_decision_bases_by_name_and_date() -> None:
    ot = parse_official(_src(HUNG_YEN))
    assert (ot.number, ot.kind, ot.issuer, ot.issued) == (
        "60/2021/QĐ-UBND",
        "decision",
        "Ủy ban nhân dân tỉnh Hưng Yên",
        "2021-08-26",
    )
    assert ot.authority == "Ủy ban nhân dân tỉnh Hưng Yên"
    assert [(b.key, b.issued) for b in ot.bases] == [
        ("Luật Tổ chức chính quyền địa phương", "2015-06-19"),
        (
            "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương",
            "2019-11-22",
        ),
        ("Luật Lưu trữ", "2011-11-11"),
        ("01/2013/NĐ-CP", "2013-01-03"),
        ("30/2020/NĐ-CP", "2020-03-05"),
        ("99/2016/NĐ-CP", "2016-07-01"),
        ("28/2018/QĐ-TTg", "2018-07-12"),
        ("04/2013/TT-BNV", "2013-04-16"),
    ]
    assert ot.bases[-1].issuer == "Bộ Nội vụ"
    assert ot.proposer_body == "Sở Nội vụ"
    assert ot.effective == "2021-09-10"
    assert [a.key for a in ot.attached] == ["Quy chế công tác văn thư, lưu trữ trên địa bàn tỉnh Hưng Yên"]


# --------------------------------------------------------------------------- signer prefixes (synthetic blocks)

_HEAD = """BỘ NỘI VỤ
Số: 1/QĐ-BNV

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 02 tháng 01 năm 2024

QUYẾT ĐỊNH
Về việc thử khối chữ ký
Điều 1. Quyết định này có hiệu lực kể từ ngày ký.
Nơi nhận:
- Như Điều 1;
- Lưu: VT.
"""


@pytest.mark.parametrize(
    ("block", "expect"),
    [
        ("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nNguyễn Văn A", ("Nguyễn Văn A", "Thứ trưởng", None, "Bộ trưởng", ["KT."])),
        (
            "TL. BỘ TRƯỞNG\nVỤ TRƯỞNG VỤ PHÁP CHẾ\nTrần Thị B",
            ("Trần Thị B", "Vụ trưởng Vụ Pháp chế", None, "Bộ trưởng", ["TL."]),
        ),
        ("TUQ. BỘ TRƯỞNG\nCHÁNH VĂN PHÒNG\nLê Văn C", ("Lê Văn C", "Chánh Văn phòng", None, "Bộ trưởng", ["TUQ."])),
        ("Q. BỘ TRƯỞNG\nPhạm Văn D", ("Phạm Văn D", "Bộ trưởng", None, "Bộ trưởng", ["Q."])),
        (
            "TM. BỘ NỘI VỤ\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n(Đã ký)\nHoàng Văn E",
            ("Hoàng Văn E", "Thứ trưởng", "Bộ Nội vụ", "Bộ trưởng", ["TM.", "KT."]),
        ),
    ],
)
def test_signer_prefixes(block: str, expect: tuple) -> None:
    ot = parse_official(_src(_HEAD + "\n" + block + "\n"))
    assert ot.signer is not None
    s = ot.signer
    assert (s.name, s.post, s.on_behalf, s.for_post, s.modes) == expect
    assert ot.recipients == ["Như Điều 1"]
    assert ot.effective == "2024-01-02"


def test_merge_news_keeps_official_fields() -> None:
    from loaders.model import Extraction, Instrument, Relation
    from loaders.official import merge_news

    src, _ = parsed("nd_30_2020_nd_cp", "txt")
    news = Extraction(
        source=src,
        documents=[
            Instrument(number="30/2020/NĐ-CP", key="30/2020/NĐ-CP", kind="decree", issued="2020-03-06"),
            Instrument(
                number=None,
                key="Luật Ban hành văn bản quy phạm pháp luật",
                name="Luật Ban hành văn bản quy phạm pháp luật",
                kind="law",
            ),
        ],
        relations=[Relation("REPEALS", "30/2020/NĐ-CP", "110/2004/NĐ-CP")],
    )
    ex = merge_news(extract_official(src), news)
    keys = [d.key for d in ex.documents]
    assert keys.count("30/2020/NĐ-CP") == 1 and ex.documents[0].issued == "2020-03-05"
    assert "Luật Ban hành văn bản quy phạm pháp luật" in keys
    assert sum(r.type == "REPEALS" and r.target == "110/2004/NĐ-CP" for r in ex.relations) == 1
