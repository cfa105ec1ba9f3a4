"""Legal-database pages: the official text cut out of the site, its table, and the links it states.

The pages in tests/legal_db/ are real pages of the public crawl tnt305/tai_lieu_noi_bo (permitted
files, not in the check sets): an official letter of Cục Thuế, a letter of Cục Hải quan whose page
lost the text's header (only the site's table gives it), and a circular of Bộ Tài chính with the
site's summary above it and an English translation below.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from graph.cli import main as cli
from graph.ingest import build
from graph.store import NxStore
from loaders.extract import extract
from loaders.legal_db import is_page, split_page
from loaders.model import SourceText
from loaders.official import OfficialText, parse_official
from loaders.readers import read_file, source_from_text

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "legal_db"
LETTER = PAGES / "cong_van_5348_ct_cs.md"
NO_HEADER = PAGES / "cong_van_37569_chq_gsql_no_header.md"
CIRCULAR = PAGES / "thong_tu_112_2025_tt_btc_with_translation.md"


def _source(text: str) -> SourceText:
    """A text given inline, as a source."""
    return SourceText(source_id="t", name="t", path="t", text=text)


def _parse(text: str) -> OfficialText:
    return parse_official(_source(text))


def _relations(path: Path) -> set[tuple[str, str, str]]:
    return {(r.type, r.source, r.target) for r in extract(read_file(path)).relations}


def test_the_page_keeps_the_text_from_its_header_to_its_signature() -> None:
    page = split_page(LETTER.read_text(encoding="utf-8"))
    assert page is not None
    assert page.lines[:2] == ("BỘ TÀI CHÍNH", "CỤC THUẾ")
    assert [ln for ln in page.lines if ln][-1] == "Phạm Thị Minh Hiền"
    text = "\n".join(page.lines)
    assert "THƯ VIỆN PHÁP LUẬT" not in text and "Văn bản liên quan" not in text
    assert "|" not in text and "**" not in text
    assert dict(page.record) == {"number": "5348/CT-CS", "kind": "Công văn", "issuer": "Cục Thuế",
                                 "signer": "Phạm Thị Minh Hiền", "issued": "20/11/2025"}


def test_the_sites_summary_and_translation_are_not_the_text() -> None:
    src = read_file(CIRCULAR)
    assert src.text.startswith("BỘ TÀI CHÍNH")
    assert "Quy định mới về lập dự toán" not in src.text      # the site's own summary above
    assert "MINISTRY OF" not in src.text and "DEPUTY MINISTER" not in src.text
    assert dict(src.db_record)["number"] == "112/2025/TT-BTC"


def test_a_news_article_is_not_a_page() -> None:
    text = "Bộ Tài chính ban hành Thông tư số 112/2025/TT-BTC. Số hiệu văn bản được công bố."
    assert not is_page(text)
    assert source_from_text(text, name="a.txt").db_record == ()


def test_an_official_letter_read_from_its_page() -> None:
    ex = extract(read_file(LETTER))
    main = ex.documents[0]
    assert (main.number, main.kind, main.issued, main.issuer) == ("5348/CT-CS", "other", "2025-11-20", "Cục Thuế")
    (signer,) = [p for p in ex.people if p.name == "Phạm Thị Minh Hiền"]
    assert [(x.title, x.agency) for x in signer.positions] == [("Phó Trưởng ban", "Ban Chính sách, thuế quốc tế")]
    assert ("Ban Chính sách, thuế quốc tế", "Cục Thuế") in {(a.name, a.parent) for a in ex.agencies}


def test_the_table_stands_in_for_a_header_the_page_lost() -> None:
    ex = extract(read_file(NO_HEADER))
    main = ex.documents[0]
    assert (main.number, main.kind, main.issued, main.issuer) == ("37569/CHQ-GSQL", "other", "2025-11-21", "Cục Hải quan")
    assert "Nguyễn Bắc Hải" in {p.name for p in ex.people}


def test_the_table_disagreeing_with_the_text_is_kept_as_a_warning() -> None:
    text = LETTER.read_text(encoding="utf-8").replace("20/11/2025", "21/11/2025", 1)   # the table's date
    ot = parse_official(source_from_text(text, name="p.md", kind="markdown"))
    assert ot.issued == "2025-11-20"          # the text's own header wins
    assert any("2025-11-21" in w for w in ot.warnings)
    assert ot.db_record["issued"] == "21/11/2025"


def test_every_basis_is_a_basis_of_the_text_never_a_chain() -> None:
    rels = _relations(CIRCULAR)
    bases = {t for typ, s, t in rels if typ == "BASED_ON" and s == "112/2025/TT-BTC"}
    assert {"83/2015/QH13", "111/2024/QH15", "29/2025/NĐ-CP", "27/2022/NĐ-CP", "125/2025/NĐ-CP",
            "39/2021/QĐ-TTg", "02/2022/QĐ-TTg", "07/2022/QĐ-TTg"} <= bases
    assert not [r for r in rels if r[0] == "BASED_ON" and r[1] != "112/2025/TT-BTC"]


def test_links_between_cited_acts_are_the_ones_the_text_states() -> None:
    rels = _relations(CIRCULAR)
    # "Nghị định số 29/2025/NĐ-CP ... được sửa đổi bổ sung bởi Nghị định số 166/2025/NĐ-CP"
    assert ("AMENDS", "166/2025/NĐ-CP", "29/2025/NĐ-CP") in rels
    assert ("BASED_ON", "112/2025/TT-BTC", "166/2025/NĐ-CP") in rels
    # the title: "SỬA ĐỔI ... THÔNG TƯ SỐ 55/2023/TT-BTC ... ĐƯỢC SỬA ĐỔI, BỔ SUNG BỞI THÔNG TƯ SỐ 75/2024/TT-BTC"
    assert ("AMENDS", "112/2025/TT-BTC", "55/2023/TT-BTC") in rels
    assert ("AMENDS", "75/2024/TT-BTC", "55/2023/TT-BTC") in rels
    assert not {r for r in rels if r[1] == "112/2025/TT-BTC" and r[2] == "75/2024/TT-BTC"}
    # "Thay thế cụm từ “Quyết định số 1719/QĐ-TTg” bằng cụm từ ...": words replaced, not the act
    assert not {r for r in rels if r[0] == "REPLACES" and r[2] == "1719/QĐ-TTg"}


def test_a_description_states_what_one_act_does_to_another() -> None:
    text = ("Căn cứ Nghị định số 78/2025/NĐ-CP ngày 01 tháng 4 năm 2025 của Chính phủ quy định chi tiết một số "
            "điều và biện pháp để tổ chức, hướng dẫn thi hành Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15;")
    src = _source(_header("5/2025/QĐ-UBND") + text + "\nQUYẾT ĐỊNH:\n")
    ot = parse_official(src)
    assert [b.key for b in ot.bases] == ["78/2025/NĐ-CP"]
    assert [(x.type, x.source.key, x.target.key) for x in ot.stated] == [("GUIDES", "78/2025/NĐ-CP", "64/2025/QH15")]


def test_a_header_wrapped_by_the_copy_reads_as_one_body_and_one_number() -> None:
    text = ("ỦY BAN NHÂN\nDÂN\nTỈNH NGHỆ AN\n--------\n\nCỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\n---------------\n\nSố: 3783/QĐ-\nUBND\n\nNghệ An, ngày\n"
            "20 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\nBAN HÀNH DANH MỤC THỦ TỤC HÀNH CHÍNH\n"
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;\n"
            "QUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Danh mục.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ\nTỊCH\n"
            "Phùng Thành Vinh\n")
    ot = _parse(text)
    assert (ot.number, ot.issuer, ot.issued) == ("3783/QĐ-UBND", "Ủy ban nhân dân tỉnh Nghệ An", "2025-11-20")
    assert ot.signer is not None and (ot.signer.name, ot.signer.post) == ("Phùng Thành Vinh", "Phó Chủ tịch")


def _header(number: str) -> str:
    return (f"ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            f"Độc lập - Tự do - Hạnh phúc\n---------------\nSố: {number}\nHà Tĩnh, ngày 02 tháng 12 năm 2025\n"
            "QUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH QUY ĐỊNH\nỦY BAN NHÂN DÂN TỈNH HÀ TĨNH\n")


def _letter(body: str) -> SourceText:
    text = ("BỘ TÀI CHÍNH\nCỤC THUẾ\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Số: 5649/CT-CS\nV/v hóa đơn.\n\nHà Nội, ngày 01 tháng 12 năm 2025\n\nKính gửi: Thuế tỉnh Hà Tĩnh.\n"
            f"{body}\n\nTL. CỤC TRƯỞNG\nKT. TRƯỞNG BAN CHÍNH SÁCH, THUẾ QUỐC TẾ\nPHÓ TRƯỞNG BAN\nPhạm Thị Minh Hiền\n")
    return _source(text)


def test_a_letter_rests_on_the_acts_its_body_cites() -> None:
    ot = parse_official(_letter(
        "Cục Thuế nhận được công văn số 400/HTI-QLDN1 ngày 14/8/2025 của Thuế tỉnh Hà Tĩnh về hóa đơn.\n"
        "Căn cứ Điều 2 Luật Thuế giá trị gia tăng số 13/2008/QH12 ngày 03/06/2008 quy định thuế giá trị gia tăng;\n"
        "Căn cứ điểm c khoản 4 Điều 9 Nghị định số 123/2020/NĐ-CP ngày 19/10/2020 của Chính phủ quy định thời điểm lập hóa đơn;\n"
        "Căn cứ các quy định nêu trên, Cục Thuế thống nhất với quan điểm của Thuế tỉnh Hà Tĩnh."))
    assert (ot.kind, ot.title, ot.issuer) == ("other", "hóa đơn.", "Cục Thuế")
    assert [b.key for b in ot.bases] == ["13/2008/QH12", "123/2020/NĐ-CP"]


def test_bodies_listed_after_one_head_word() -> None:
    src = _letter("Đề nghị các Bộ: Tài chính, Công an và Tư pháp phối hợp; đại diện Văn phòng Chính phủ dự họp.")
    names = {a.name for a in extract(src).agencies}
    assert {"Bộ Tài chính", "Bộ Công an", "Bộ Tư pháp"} <= names


def test_a_provinces_own_units_belong_to_its_committee() -> None:
    text = (_header("2609/QĐ-UBND") + "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;\n"
            "Theo đề nghị của Giám đốc Sở Y tế.\nQUYẾT ĐỊNH:\n"
            "Điều 1. Sở Tài chính tỉnh Hà Tĩnh và Văn phòng Ủy ban nhân dân tỉnh thực hiện Quyết định này.\n")
    ex = extract(_source(text))
    parents = {a.name: a.parent for a in ex.agencies}
    assert parents["Sở Y tế"] == "Ủy ban nhân dân tỉnh Hà Tĩnh"
    assert parents.get("Sở Tài chính tỉnh Hà Tĩnh", parents.get("Sở Tài chính")) in ("Ủy ban nhân dân tỉnh Hà Tĩnh", "UBND tỉnh Hà Tĩnh")


def test_bases_behind_a_provision_or_in_a_list_of_one_kind() -> None:
    text = (_header("1486/QĐ-UBND")
            + "Căn cứ khoản 25\nĐiều 5 Luật Thuế giá trị gia tăng số 48/2024/QH15;\n"
            "Căn cứ các Nghị định của Chính phủ: số 63/2010/NĐ-CP ngày 08/6/2010 về kiểm soát thủ tục hành chính; "
            "số 48/2013/NĐ-CP ngày 14/5/2013 và số 92/2017/NĐ-CP ngày 07/8/2017 sửa đổi, bổ sung một số điều;\n"
            "Căn cứ quy định tại khoản 1 Điều 9 và khoản 1 Điều 14 Nghị định số 181/2025/NĐ-CP ngày 01/7/2025 của Chính phủ;\n"
            "QUYẾT ĐỊNH:\n")
    ot = parse_official(source_from_text(text, name="t.md", kind="markdown"))
    assert [(b.key, b.issuer) for b in ot.bases] == [
        ("48/2024/QH15", "Quốc hội"), ("63/2010/NĐ-CP", "Chính phủ"), ("48/2013/NĐ-CP", "Chính phủ"),
        ("92/2017/NĐ-CP", "Chính phủ"), ("181/2025/NĐ-CP", "Chính phủ")]


# -- the graph: the database's table beside the text's header ---------------------------------

def _disagreeing_page(tmp: Path) -> Path:
    """The letter's page with the table's date changed: the table and the text disagree."""
    path = tmp / "cong_van_table_disagrees.md"
    path.write_text(LETTER.read_text(encoding="utf-8").replace("20/11/2025", "21/11/2025", 1), encoding="utf-8")
    return path


def test_cli_document_shows_the_database_table_and_its_disagreement(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    graph = tmp_path / "g.kg"
    assert cli(["--graph", str(graph), "build", "--workers", "1", str(_disagreeing_page(tmp_path)), str(CIRCULAR)]) == 0
    capsys.readouterr()
    assert cli(["--graph", str(graph), "query", "document", "5348/CT-CS"]) == 0
    out = capsys.readouterr().out
    assert "★ issued: 2025-11-20" in out                        # the text's own header
    assert "legal database's table (Văn bản 5348/CT-CS): number 5348/CT-CS; kind Công văn" in out
    assert "effective" not in out       # "(có hiệu lực từ ngày 01/7/2025)" is a cited law's, not the letter's
    assert "DISAGREES issued: the table says 2025-11-21, the text 2025-11-20" in out
    assert cli(["--graph", str(graph), "query", "document", "112/2025/TT-BTC"]) == 0
    out = capsys.readouterr().out
    assert out.count("BASED_ON") >= 9 and "DISAGREES" not in out


def test_document_page_shows_the_database_table(tmp_path: Path) -> None:
    store = NxStore()
    summary = build(store, [str(_disagreeing_page(tmp_path))], workers=1, progress=False)
    assert not summary.failed
    path = store.save(tmp_path / "graph.kg")
    mp = pytest.MonkeyPatch()
    mp.setenv("KG_GRAPH", str(path))
    st.cache_resource.clear()
    st.cache_data.clear()
    try:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.query_params.update({"view": "document", "id": "instrument/5348/CT-CS"})
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        assert "Thuộc tính theo cơ sở dữ liệu pháp luật" in [x.label for x in at.expander]
        texts = "\n".join(str(e.value) for e in [*at.markdown, *at.warning]).replace("\\", "")
        assert "Loại: Công văn" in texts.replace("**", "")
        assert "Ngày ban hành: bảng của cơ sở dữ liệu ghi 2025-11-21, văn bản ghi 2025-11-20" in texts
    finally:
        mp.undo()
        st.cache_resource.clear()
        st.cache_data.clear()


def test_a_page_in_the_databases_layout_without_its_marks() -> None:
    """Cell borders and emphasis as on the database's pages, but no site lines: read the same way."""
    src = read_file(PAGES / "quyet_dinh_4001_qd_bkhcn_no_site_marks.md")
    assert src.text.startswith("BỘ KHOA HỌC VÀ") and "|" not in src.text and "*" not in src.text
    ot = parse_official(src)
    assert (ot.number, ot.kind, ot.issued, ot.issuer) == ("4001/QĐ-BKHCN", "decision", "2025-12-02",
                                                          "Bộ Khoa học và Công nghệ")
    assert {"55/2025/NĐ-CP", "63/2010/NĐ-CP", "48/2013/NĐ-CP", "92/2017/NĐ-CP"} <= {b.key for b in ot.bases}


def test_people_the_recipients_name_by_an_abbreviated_post() -> None:
    ex = extract(read_file(LETTER))     # "- Phó CTr. Đặng Ngọc Minh (để bc);"
    people = {p.name: [(x.title, x.agency) for x in p.positions] for p in ex.people}
    assert people["Đặng Ngọc Minh"] == [("Phó Cục trưởng", "Cục Thuế")]


def test_the_session_that_passed_a_resolution_is_its_event() -> None:
    text = ("HỘI ĐỒNG NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\n---------------\nSố: 80/2025/NQ-HĐND\nHà Nội, ngày 27 tháng 11 năm 2025\n"
            "NGHỊ QUYẾT\nQUY ĐỊNH NỘI DUNG, MỨC CHI\nHỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HÀ NỘI\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n"
            "Xét Tờ trình số 408/TTr-UBND ngày 20 tháng 11 năm 2025 của Ủy ban nhân dân Thành phố; "
            "Báo cáo thẩm tra ngày 22 tháng 11 năm 2025 của Ban Pháp chế; ý kiến thảo luận của đại biểu tại kỳ họp;\n"
            "QUYẾT NGHỊ:\nĐiều 1. Quy định mức chi.\n"
            "Nghị quyết này đã được Hội đồng nhân dân thành phố Hà Nội khóa XVI, kỳ họp thứ 28 thông qua ngày 27 tháng 11 năm 2025.\n")
    ex = extract(_source(text))
    assert [(e.date, e.kind, e.about, e.organizer) for e in ex.events] == [
        ("2025-11-27", "session", ["80/2025/NQ-HĐND"], "Hội đồng nhân dân thành phố Hà Nội")]


# -- what a review of the rules found ----------------------------------------------------------

def test_a_basis_named_like_a_provision_is_still_a_basis() -> None:
    """"Chương trình ...", "Điều lệ ..." begin like "Chương II", "Điều 5": they name acts."""
    text = (_header("15/2025/QĐ-UBND") + "Căn cứ Điều lệ Đảng Cộng sản Việt Nam;\n"
            "Căn cứ Chương trình hành động số 12-CTr/TU ngày 5/3/2025 của Tỉnh ủy Hà Tĩnh;\n"
            "Căn cứ Phụ lục I Thông tư số 01/2025/TT-BTC;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành.\n")
    ot = _parse(text)
    assert [(b.key, b.kind) for b in ot.bases] == [
        ("Điều lệ Đảng Cộng sản Việt Nam", "other"), ("12-CTr/TU", "program"), ("01/2025/TT-BTC", "circular")]


def test_a_letter_without_its_place_and_date_keeps_its_header() -> None:
    """No "Hà Nội, ngày ..." line: the number, the body and the subject are still the header, and
    a body sentence with a date ("... có hiệu lực từ ngày ...") is not a place and date."""
    text = ("BỘ TÀI CHÍNH\nCỤC THUẾ\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Số: 5649/CT-CS\nV/v hóa đơn điện tử.\n\nKính gửi: Thuế tỉnh Hà Tĩnh.\n"
            "Căn cứ Nghị định số 123/2020/NĐ-CP ngày 19/10/2020 của Chính phủ;\n"
            "Thông tư này có hiệu lực từ ngày 01 tháng 7 năm 2025.\n\nTL. CỤC TRƯỞNG\nPHÓ TRƯỞNG BAN\nPhạm Thị Minh Hiền\n")
    ot = _parse(text)
    assert (ot.number, ot.issuer, ot.title, ot.issued, ot.place) == (
        "5649/CT-CS", "Cục Thuế", "hóa đơn điện tử.", None, None)
    assert [b.key for b in ot.bases] == ["123/2020/NĐ-CP"]


def test_evidence_of_a_preamble_wrapped_over_many_lines_is_the_source_text() -> None:
    """A "Căn cứ" line the copy wrapped over hundreds of physical lines: each basis's evidence
    is its own words, found at its place in the source."""
    rows = "\n".join(f"Quyết định số {i}/2020/QĐ-UBND được sửa đổi, bổ sung bởi Quyết định số {i}/2021/QĐ-UBND và"
                     for i in range(1, 300))
    text = (_header("12/2025/QĐ-UBND") + "Căn cứ " + rows + " Quyết định số 9999/2021/QĐ-UBND;\n"
            "QUYẾT ĐỊNH:\nĐiều 1. Ban hành quy chế.\n")
    ot = _parse(text)
    # each row's second act amends its first; the last act, listed after the last one's "và", too
    assert len(ot.bases) == 2 * 299 + 1 and len(ot.stated) == 300
    for b in (ot.bases[0], ot.bases[300], ot.bases[-1]):
        assert " ".join(text[b.evidence.start:b.evidence.end].split()) == b.evidence.text
        assert b.evidence.text.startswith(f"Quyết định số {b.number}")


def test_a_documents_date_beside_its_number_is_no_meeting() -> None:
    """"Tại phiên họp ngày 14/11/2025, xem xét Tờ trình ... (Tờ trình số 03-TTr/ĐU, ngày 17/10/2025)":
    one sitting, on the 14th."""
    text = ("Tại phiên họp ngày 14/11/2025, xem xét Tờ trình của Đảng uỷ Chính phủ về Đề án tiêu chuẩn "
            "của đơn vị hành chính (Tờ trình số 03-TTr/ĐU, ngày 17/10/2025), Bộ Chính trị kết luận như sau.")
    ex = extract(_source(text))
    assert [e.date for e in ex.events] == ["2025-11-14"]


def test_a_news_article_citing_the_database_stays_an_article(tmp_path: Path) -> None:
    path = tmp_path / "tin.md"
    path.write_text("# Tra cứu văn bản mới\n\nNgày đăng: 02/12/2025\n\n"
                    "Theo Thư viện Pháp luật, Bộ Tài chính vừa ban hành Thông tư số 110/2025/TT-BTC về phí "
                    "thẩm định cấp giấy phép kinh doanh karaoke.\n", encoding="utf-8")
    src = read_file(path)
    assert not is_page(path.read_text(encoding="utf-8"))
    assert (src.title, src.db_record) == ("Tra cứu văn bản mới", ())


def test_a_page_that_shows_only_its_table_is_read_from_the_table(tmp_path: Path) -> None:
    """The text is for the site's subscribers: the table alone gives the instrument."""
    page = LETTER.read_text(encoding="utf-8")
    path = tmp_path / "table_only.md"
    path.write_text(page[: page.index("BỘ TÀI CHÍNH")], encoding="utf-8")
    src = read_file(path)
    assert src.text.startswith("Số hiệu: 5348/CT-CS")
    docs = {d.key: d for d in extract(src).documents}
    assert (docs["5348/CT-CS"].issuer, docs["5348/CT-CS"].issued) == ("Cục Thuế", "2025-11-20")


def test_the_texts_own_number_in_its_body_does_not_end_the_text() -> None:
    """"Ban hành kèm theo Quyết định số <its number>" heads the attached rules: the text goes on."""
    page = ("Đang tải văn bản...\n" + _header("12/2025/QĐ-UBND") + "Căn cứ Luật số 72/2025/QH15;\nQUYẾT ĐỊNH:\n"
            "Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nTrần Văn An\n\n"
            "QUY CHẾ\nLÀM VIỆC\nBan hành kèm theo Quyết định số 12/2025/QĐ-UBND ngày 02 tháng 12 năm 2025\n"
            "Điều 1. Phạm vi điều chỉnh\nQuy chế này quy định cách làm việc.\n\n"
            "Quyết định 12/2025/QĐ-UBND ban hành Quy chế làm việc của tỉnh Hà Tĩnh\n")
    lines = [ln for ln in split_page(page).lines if ln]
    assert lines[-1] == "Quy chế này quy định cách làm việc."


def test_an_act_cited_in_lower_case_by_its_full_number() -> None:
    """"bãi bỏ quyết định 12/2020/QĐ-UBND": a kind word in lower case is the act when its number follows."""
    text = (_header("22/2025/QĐ-UBND") + "Căn cứ Luật số 72/2025/QH15;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành quy định.\n"
            "Điều 2. Quyết định này có hiệu lực từ ngày 15 tháng 12 năm 2025 và bãi bỏ quyết định 12/2020/QĐ-UBND "
            "ngày 3/4/2020 của Ủy ban nhân dân tỉnh Hà Tĩnh.\n")
    ot = _parse(text)
    assert [(lk.type, lk.target.key) for lk in ot.links] == [("REPEALS", "12/2020/QĐ-UBND")]


def test_a_session_a_text_only_cites_is_not_its_event() -> None:
    """A decision implementing a law passed at a session was not passed there, nor is the session
    its issuer's (the article rules may keep the session as the law's)."""
    text = (_header("23/2025/QĐ-UBND") + "Căn cứ Luật Đất đai số 31/2024/QH15;\nQUYẾT ĐỊNH:\n"
            "Điều 1. Triển khai Luật Đất đai được Quốc hội khóa XV, kỳ họp thứ 5 thông qua ngày 18 tháng 01 năm 2024 "
            "trên địa bàn tỉnh.\n")
    ex = extract(_source(text))
    sessions = [(e.about, e.organizer) for e in ex.events if e.kind == "session"]
    assert all("23/2025/QĐ-UBND" not in about and organizer is None for about, organizer in sessions)


def test_another_meeting_on_the_passing_day_is_kept() -> None:
    text = ("HỘI ĐỒNG NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\n---------------\nSố: 81/2025/NQ-HĐND\nHà Nội, ngày 27 tháng 11 năm 2025\n"
            "NGHỊ QUYẾT\nQUY ĐỊNH MỨC CHI\nHỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HÀ NỘI\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\nQUYẾT NGHỊ:\n"
            "Điều 1. Quy định mức chi cho hội nghị tiếp xúc cử tri tổ chức ngày 27 tháng 11 năm 2025 tại các phường.\n"
            "Nghị quyết này đã được Hội đồng nhân dân thành phố Hà Nội khóa XVI, kỳ họp thứ 28 thông qua ngày 27 tháng 11 năm 2025.\n")
    ex = extract(_source(text))
    assert sorted((e.date, e.kind) for e in ex.events) == [("2025-11-27", "meeting with voters"), ("2025-11-27", "session")]


def test_the_tables_kind_and_issuer_disagreeing_with_the_text_are_kept() -> None:
    page = CIRCULAR.read_text(encoding="utf-8")
    head, rest = page.split("**Nơi ban hành:**", 1)
    text = head.replace("|\nThông tư\n|", "|\nQuyết định\n|", 1) + "**Nơi ban hành:**" + rest.replace(
        "Bộ Tài chính", "Bộ Công Thương", 1)
    ot = parse_official(source_from_text(text, name="p.md", kind="markdown"))
    assert (ot.kind, ot.issuer) == ("circular", "Bộ Tài chính")      # the text's own header wins
    assert [d[:2] for d in ot.db_disagreements] == [("kind", "Quyết định"), ("issuer", "Bộ Công Thương")]
    # a Cục's letter the database files under the Cục: no disagreement
    assert parse_official(read_file(LETTER)).db_disagreements == []


def test_a_local_citation_keeps_the_level_it_names() -> None:
    """In a province's decision, a "-UBND" decision of a commune or district stays theirs; one with
    no issuer printed is the province's own."""
    text = (_header("30/2025/QĐ-UBND")
            + "Căn cứ Quyết định số 123/QĐ-UBND ngày 2/3/2025 của Chủ tịch UBND xã Kỳ Sơn;\n"
            "Căn cứ Quyết định số 124/QĐ-UBND ngày 2/3/2025 của UBND huyện Kỳ Anh về quy hoạch;\n"
            "Căn cứ Quyết định số 127/QĐ-UBND ngày 2/3/2025;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành.\n")
    ot = _parse(text)
    assert [(b.key, b.issuer) for b in ot.bases] == [
        ("123/QĐ-UBND", "Ủy ban nhân dân xã Kỳ Sơn"), ("124/QĐ-UBND", "Ủy ban nhân dân huyện Kỳ Anh"),
        ("127/QĐ-UBND", "Ủy ban nhân dân tỉnh Hà Tĩnh")]


def test_a_body_printed_short_is_the_body_the_text_names_in_full() -> None:
    """In a decision of tỉnh Hà Tĩnh, "UBND tỉnh", "Văn phòng UBND tỉnh Hà Tĩnh" and "HĐND tỉnh"
    are its own committee, the committee's office and its council: one body each, with the
    committee as the office's parent; a law's issuer the text does not print is no body of it."""
    text = (_header("31/2025/QĐ-UBND") + "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n"
            "Theo đề nghị của Giám đốc Sở Y tế.\nQUYẾT ĐỊNH:\n"
            "Điều 1. Giao Văn phòng UBND tỉnh chủ trì, báo cáo UBND tỉnh và HĐND tỉnh.\n"
            "Điều 2. Chánh Văn phòng UBND tỉnh Hà Tĩnh và Giám đốc Sở Y tế thi hành Quyết định này.\n")
    ex = extract(_source(text))
    names = [a.name for a in ex.agencies]
    assert names.count("Ủy ban nhân dân tỉnh Hà Tĩnh") == 1 and "UBND tỉnh" not in names
    offices = [a for a in ex.agencies if a.name.startswith("Văn phòng")]
    assert len(offices) == 1 and offices[0].parent == "Ủy ban nhân dân tỉnh Hà Tĩnh"
    assert "Quốc hội" not in names


def test_replacing_or_repealing_a_part_amends_the_act() -> None:
    """"thay thế Mẫu 04 tại Phụ lục IA của Nghị định 123/2020" and "bãi bỏ Điều 5 của Thông tư ..."
    change a part: the act is amended, not replaced or repealed (its status stays amended)."""
    news = ("Mẫu 04/SS-HĐĐT được ban hành tại Nghị định 70/2025/NĐ-CP áp dụng từ ngày 01/6/2025 thay thế "
            "Mẫu 04/SS-HĐĐT tại Phụ lục IA ban hành kèm theo Nghị định 123/2020/NĐ-CP.")
    ex = extract(_source(news))
    assert [(r.type, r.source, r.target) for r in ex.relations] == [("AMENDS", "70/2025/NĐ-CP", "123/2020/NĐ-CP")]
    text = (_header("32/2025/QĐ-UBND") + "Căn cứ Luật số 72/2025/QH15;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành quy định.\n"
            "Điều 2. Bãi bỏ Điều 5 của Quyết định số 12/2020/QĐ-UBND ngày 3/4/2020 của Ủy ban nhân dân tỉnh Hà Tĩnh.\n"
            "Điều 3. Quyết định này thay thế Quyết định số 13/2020/QĐ-UBND ngày 3/4/2020 của Ủy ban nhân dân tỉnh Hà Tĩnh.\n")
    ot = _parse(text)
    assert [(lk.type, lk.target.key) for lk in ot.links] == [("AMENDS", "12/2020/QĐ-UBND"), ("REPLACES", "13/2020/QĐ-UBND")]


def test_one_unit_word_before_a_list_of_the_provinces_bodies() -> None:
    """"- Văn phòng: Tỉnh ủy, Đoàn ĐBQH&HĐND, UBND tỉnh;" in a council's resolution of tỉnh Vĩnh Long:
    the office of each, under its body; and a name the copy wrapped before its place word."""
    text = ("HỘI ĐỒNG NHÂN DÂN\nTỈNH VĨNH LONG\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\n---------------\nSố: 90/2025/NQ-HĐND\nVĩnh Long, ngày 10 tháng 12 năm 2025\n"
            "NGHỊ QUYẾT\nQUY ĐỊNH MỨC CHI\nHỘI ĐỒNG NHÂN DÂN TỈNH VĨNH LONG\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\nQUYẾT NGHỊ:\n"
            "Điều 1. Giao Chánh Văn phòng Ủy ban nhân dân\ntỉnh, thủ trưởng các cơ quan thi hành.\n\n"
            "Nơi nhận:\n- Văn phòng: Tỉnh ủy, Đoàn ĐBQH&HĐND, UBND tỉnh;\n- Lưu: VT.\n\nCHỦ TỊCH\nTrần Văn Lâu\n")
    ex = extract(_source(text))
    parents = {a.name: a.parent for a in ex.agencies}
    assert parents["Văn phòng Tỉnh ủy"] == "Tỉnh ủy Vĩnh Long" and "Tỉnh ủy Vĩnh Long" in parents
    assert "Văn phòng Đoàn ĐBQH&HĐND" in parents
    offices = [n for n in parents if n.startswith("Văn phòng") and ("UBND" in n or "Ủy ban" in n)]
    assert len(offices) == 1 and parents[offices[0]] == "Ủy ban nhân dân tỉnh Vĩnh Long"


def test_a_link_in_brackets_is_said_of_what_stands_before_it() -> None:
    """"... Nghị quyết của Ủy ban Thường vụ Quốc hội về tiêu chuẩn (thay thế Nghị quyết số
    1211/2016/UBTVQH13), Nghị định ... (thay thế Nghị định số 54/2018/NĐ-CP)": the letter replaces
    nothing, and neither cited act replaces the other; complying with a law is not implementing it."""
    text = _letter("Để triển khai thi hành Luật này, Bộ Nội vụ xây dựng Nghị quyết của Ủy ban Thường vụ Quốc hội "
                   "về tiêu chuẩn của đơn vị hành chính (thay thế Nghị quyết số 1211/2016/UBTVQH13 ngày 25/5/2016), "
                   "Nghị định của Chính phủ về phân loại đơn vị hành chính (thay thế Nghị định số 54/2018/NĐ-CP "
                   "ngày 16/4/2018). Việc quản lý thực hiện theo quy định của Luật Ngân sách nhà nước số 89/2025/QH15.")
    rels = {(r.type, r.source, r.target) for r in extract(text).relations}
    assert not {r for r in rels if r[0] in ("REPLACES", "IMPLEMENTS")}


def test_a_letter_cited_in_lower_case_is_a_letter_whatever_its_code() -> None:
    """"theo công văn số 348/CT-CS": CT is Cục Thuế's code, not a directive's; "Chỉ thị số 16/CT-TTg" is one."""
    ex = extract(_source(
        "Theo công văn số 348/CT-CS ngày 28/3/2025 của Cục Thuế, Chỉ thị số 16/CT-TTg của Thủ tướng vẫn có hiệu lực."))
    assert {(d.key, d.kind) for d in ex.documents} == {("348/CT-CS", "other"), ("16/CT-TTg", "directive")}


def test_an_amending_law_is_read_whole_and_amends_the_laws_its_name_gives() -> None:
    """Registry titles keep a law's name whole past "của" and "và": "Luật sửa đổi, bổ sung một số
    điều của Luật Xuất cảnh, nhập cảnh của công dân Việt Nam và Luật Nhập cảnh, xuất cảnh, quá cảnh,
    cư trú của người nước ngoài tại Việt Nam" is one law, amending both."""
    a = "Luật Xuất cảnh, nhập cảnh của công dân Việt Nam"
    b = "Luật Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước ngoài tại Việt Nam"
    text = (_header("33/2025/QĐ-UBND") + f"Căn cứ {b} ngày 16 tháng 6 năm 2014; Luật sửa đổi, bổ sung một số "
            f"điều của {a} và {b} ngày 24 tháng 6 năm 2023;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành.\n")
    ex = extract(_source(text))
    amending = f"Luật sửa đổi, bổ sung một số điều của {a} và {b}"
    rels = {(r.type, r.source, r.target) for r in ex.relations}
    assert {("BASED_ON", "33/2025/QĐ-UBND", b), ("BASED_ON", "33/2025/QĐ-UBND", amending),
            ("AMENDS", amending, a), ("AMENDS", amending, b)} <= rels
    assert not any(r[1] != "33/2025/QĐ-UBND" and r[1] != amending for r in rels)   # no cut name's link


def test_acts_amending_one_listed_after_it_and_a_nested_citation() -> None:
    """"Luật ... số 15/2017/QH14 đã được sửa đổi, bổ sung một số điều theo Luật số 64/2020/QH14 ... và Luật
    số 90/2025/QH15": each amends it; "Quyết định số 08/2023 ... sửa đổi ... ban hành kèm theo Quyết định
    số 55/2014 ... và bãi bỏ một phần Quyết định số 24/2019": 08/2023, not 55/2014, repeals."""
    text = (_header("34/2025/QĐ-UBND") + "Căn cứ Luật Quản lý, sử dụng tài sản công số 15/2017/QH14 đã được sửa đổi, "
            "bổ sung một số điều theo Luật số 64/2020/QH14, Luật số 07/2022/QH15 và Luật số 90/2025/QH15;\n"
            "Căn cứ Quyết định số 08/2023/QĐ-UBND ngày 23/02/2023 của UBND tỉnh sửa đổi, bổ sung một số điều của Quy "
            "định ban hành kèm theo Quyết định số 55/2014/QĐ-UBND và bãi bỏ một phần Quyết định số 24/2019/QĐ-UBND;\n"
            "QUYẾT ĐỊNH:\nĐiều 1. Ban hành.\n")
    ot = _parse(text)
    stated = {(st.type, st.source.key, st.target.key) for st in ot.stated}
    assert {("AMENDS", n, "15/2017/QH14") for n in ("64/2020/QH14", "07/2022/QH15", "90/2025/QH15")} <= stated
    assert ("REPEALS", "08/2023/QĐ-UBND", "24/2019/QĐ-UBND") in stated
    assert not any(s == "55/2014/QĐ-UBND" for _, s, _ in stated)


def test_a_letter_whose_number_the_copy_put_under_its_label() -> None:
    """"Số:" / "5664/CT-CS" on two lines is still the number line: the page is an official letter,
    and its addressees and the branches it names are bodies of the 2025 structure."""
    text = ("BỘ TÀI CHÍNH\nCỤC THUẾ\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Số:\n5664/CT-CS\nV/v chính sách thuế\n\nHà Nội, ngày 01 tháng 12 năm 2025\n\n"
            "Kính gửi:\n- Thuế tỉnh Bắc Ninh;\n- Thuế tỉnh Khánh Hòa.\n"
            "Cục Thuế nhận được công văn số 5581/BNI-QLDN1 ngày 14/10/2025 của Thuế tỉnh Bắc Ninh được chuyển đến; "
            "Cục Thuế tỉnh Hà Tĩnh cũ và Kho bạc Nhà nước khu vực I phối hợp.\n\nTL. CỤC TRƯỞNG\nPHÓ TRƯỞNG BAN\nPhạm Thị Minh Hiền\n")
    src = _source(text)
    ex = extract(src)
    main = ex.documents[0]
    assert (main.key, main.kind, main.issued, main.issuer) == ("5664/CT-CS", "other", "2025-12-01", "Cục Thuế")
    parents = {a.name: a.parent for a in ex.agencies}
    assert parents["Thuế tỉnh Bắc Ninh"] == parents["Thuế tỉnh Khánh Hòa"] == "Cục Thuế"
    assert "Kho bạc Nhà nước khu vực I" in parents
    assert not any(n.startswith("Thuế tỉnh Bắc Ninh ") or n == "Thuế tỉnh Hà Tĩnh" for n in parents)


def test_an_issuer_or_a_proposer_is_not_run_on_into_what_follows() -> None:
    text = (_header("35/2025/QĐ-UBND")
            + "Căn cứ Nghị định số 78/2025/NĐ-CP ngày 01 tháng 4 năm 2025 của Chính phủ Quy định chi tiết một số điều;\n"
            "Căn cứ Thông tư số 12/2020/TT-BGTVT ngày 1/2/2020 của Bộ Giao thông vận tải về vận tải;\n"
            "Căn cứ Thông tư số 09/2025/TT-BNG ngày 30/6/2025 của Bộ trưởng Bộ Ngoại giao hướng dẫn chức năng;\n"
            "Theo đề nghị của Giám đốc Sở Ngoại vụ tại Văn bản số 1605/TTr-SNgV ngày 06/11/2025; ý kiến thẩm định "
            "của Sở Tư pháp.\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành.\n")
    ot = _parse(text)
    assert [b.issuer for b in ot.bases] == ["Chính phủ", "Bộ Giao thông vận tải", "Bộ Ngoại giao"]
    assert ot.proposer_body == "Sở Ngoại vụ"


def test_an_explainer_citing_one_act_after_another_links_neither() -> None:
    """Explainers quote an act, then cite another ("Căn cứ khoản 1 Điều 20 Nghị định 118/2021 ...")
    for their own reasoning: the first act is not based on the second."""
    text = ("Mức phạt vi phạm hành chính về an ninh trật tự được quy định tại Nghị định 144/2021/NĐ-CP. "
            "Căn cứ khoản 1 Điều 20 Nghị định 118/2021/NĐ-CP, người vi phạm được nộp phạt nhiều lần.")
    assert extract(_source(text)).relations == []


def test_an_omnibus_law_amends_every_law_its_name_lists() -> None:
    text = (_header("36/2025/QĐ-UBND") + "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Chứng khoán, Luật Kế toán, "
            "Luật Quản lý, sử dụng tài sản công và Luật Quản lý thuế số 56/2024/QH15 ngày 29/11/2024;\n"
            "QUYẾT ĐỊNH:\nĐiều 1. Ban hành.\n")
    ot = _parse(text)
    assert [b.key for b in ot.bases] == ["56/2024/QH15"]
    assert [(st.type, st.source.key, st.target.key) for st in ot.stated] == [
        ("AMENDS", "56/2024/QH15", t) for t in ("Luật Chứng khoán", "Luật Kế toán",
                                                "Luật Quản lý, sử dụng tài sản công", "Luật Quản lý thuế")]


def test_an_abbreviated_post_without_its_dot() -> None:
    """"- Phó CTr Đặng Ngọc Minh (để b/c);": the abbreviation is the lexicon's, not the first word."""
    ex = extract(_letter("Cục Thuế trả lời như sau.\n\nNơi nhận:\n- Như trên;\n- Phó CTr Đặng Ngọc Minh (để b/c);\n- Lưu: VT, CS."))
    people = {p.name: [(x.title, x.agency) for x in p.positions] for p in ex.people}
    assert people["Đặng Ngọc Minh"] == [("Phó Cục trưởng", "Cục Thuế")]


@pytest.mark.parametrize(("text", "expected"), [
    # "X sửa đổi bởi Y" without "được": Y amends X
    ("Quy định tại khoản 2 Điều 12 Thông tư 111/2013/TT-BTC sửa đổi bởi Điều 17 Thông tư 92/2015/TT-BTC như sau.",
     {("AMENDS", "92/2015/TT-BTC", "111/2013/TT-BTC")}),
    # a cue in brackets is said of the act before it
    ("Theo Luật Xử lý vi phạm hành chính năm 2012 (sửa đổi, bổ sung năm 2020) và Nghị định số 118/2021/NĐ-CP "
     "ngày 23/12/2021 của Chính phủ, người vi phạm phải nộp phạt.", set()),
    # complying with a guidance is not guiding
    ("Các đơn vị quy định tại Điều 2 Thông tư 107/2025/TT-BTC thực hiện kế toán theo hướng dẫn tại Thông tư "
     "24/2024/TT-BTC.", set()),
    # another subject between the acts
    ("Xây dựng Nghị định thay thế Nghị định 123/2016/NĐ-CP, Nghị định 101/2020/NĐ-CP và những nội dung sửa đổi, "
     "bổ sung tại Nghị định 92/2017/NĐ-CP.", set()),
    # replacing some forms of an annex amends the act ("các" before the part)
    ("Khoản 3 Điều 1 Thông tư 32/2025/TT-BXD quy định thay thế các Mẫu số 01, 04, 05 tại Phụ lục I ban hành kèm theo "
     "Thông tư 05/2024/TT-BXD như sau.", {("AMENDS", "32/2025/TT-BXD", "5/2024/TT-BXD")}),
    # a ";" ends a list of targets
    ("Nghị định 174/2016/NĐ-CP quy định chi tiết một số điều của Luật Kế toán số 88/2015/QH13; Thông tư "
     "57/2025/TT-BTC; Thông tư 18/2020/TT-BTC.", {("GUIDES", "174/2016/NĐ-CP", "88/2015/QH13")}),
])
def test_links_the_lineage_audit_found_wrong(text: str, expected: set[tuple[str, str, str]]) -> None:
    rels = {(r.type, r.source, r.target) for r in extract(_source(text)).relations}
    assert rels == expected


def test_a_dispatch_cited_in_prose_is_a_document() -> None:
    ex = extract(_source(
        "Thủ tướng Chính phủ đã ban hành Công điện số 158/CĐ-TTg ngày 04/9/2025 về việc tổ chức lễ khánh thành."))
    assert [(d.key, d.kind, d.issuer) for d in ex.documents] == [("158/CĐ-TTg", "other", "Thủ tướng Chính phủ")]


# -- what a review of the session's diff found -------------------------------------------------

def test_a_nested_act_guides_what_its_description_names() -> None:
    """"Nghị định 20/2024 sửa đổi ... Nghị định 126/2020 ... quy định chi tiết ... Luật Quản lý thuế":
    126/2020 guides the law, 20/2024 amends 126/2020."""
    text = (_header("42/2025/QĐ-UBND") + "Căn cứ Nghị định số 20/2024/NĐ-CP ngày 1/2/2024 của Chính phủ sửa đổi, bổ sung "
            "một số điều của Nghị định số 126/2020/NĐ-CP ngày 19/10/2020 của Chính phủ quy định chi tiết một số điều "
            "của Luật Quản lý thuế số 38/2019/QH14;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành.\n")
    ot = _parse(text)
    assert {(st.type, st.source.key, st.target.key) for st in ot.stated} == {
        ("AMENDS", "20/2024/NĐ-CP", "126/2020/NĐ-CP"), ("GUIDES", "126/2020/NĐ-CP", "38/2019/QH14")}


@pytest.mark.parametrize("place", ["thành phố Hồ Chí Minh", "tp. Hồ Chí Minh", "Huyện đảo Lý Sơn", "Đặc khu Phú Quốc"])
def test_a_header_place_in_its_printed_forms(place: str) -> None:
    text = _header("43/2025/QĐ-UBND").replace("Hà Tĩnh, ngày", f"{place}, ngày") + "Căn cứ Luật số 72/2025/QH15;\nQUYẾT ĐỊNH:\n"
    ot = _parse(text)
    assert (ot.place, ot.issued) == (place, "2025-12-02")


@pytest.mark.parametrize("provision", ["Phụ lục IA của", "Mục II.3 Phụ lục I của", "điểm d1 khoản 2 Điều 5"])
def test_a_basis_behind_any_provision_label(provision: str) -> None:
    text = _header("44/2025/QĐ-UBND") + f"Căn cứ {provision} Nghị định số 123/2020/NĐ-CP ngày 19/10/2020 của Chính phủ;\nQUYẾT ĐỊNH:\n"
    ot = _parse(text)
    assert [b.key for b in ot.bases] == ["123/2020/NĐ-CP"]


def test_a_letter_without_date_whose_number_is_under_its_label() -> None:
    text = ("BỘ TÀI CHÍNH\nCỤC THUẾ\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Số:\n5664/CT-CS\nV/v chính sách thuế\n\nKính gửi: Ông Thái Mạnh Cường.\n"
            "Căn cứ Nghị định số 123/2020/NĐ-CP ngày 19/10/2020 của Chính phủ;\n\nTL. CỤC TRƯỞNG\nPHÓ TRƯỞNG BAN\nPhạm Thị Minh Hiền\n")
    ot = _parse(text)
    assert (ot.number, ot.title) == ("5664/CT-CS", "chính sách thuế")


def test_the_text_replacing_an_act_in_brackets() -> None:
    text = (_header("45/2025/QĐ-UBND") + "Căn cứ Luật số 72/2025/QH15;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành.\n"
            "Điều 2. Quyết định này có hiệu lực kể từ ngày 15 tháng 5 năm 2025 (thay thế Quyết định số 12/2020/QĐ-UBND "
            "ngày 3/4/2020 của Ủy ban nhân dân tỉnh Hà Tĩnh).\n")
    ot = _parse(text)
    assert [(lk.type, lk.target.key) for lk in ot.links] == [("REPLACES", "12/2020/QĐ-UBND")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Thông tư số 10/2025/TT-BTC sửa đổi tại Điều 1 các quy định của Thông tư số 5/2020/TT-BTC về thuế.",
     {("AMENDS", "10/2025/TT-BTC", "5/2020/TT-BTC")}),
    ("Quyết định số 30/2025/QĐ-UBND bãi bỏ Chương trình số 5/CTr-UBND ngày 1/2/2020 của UBND tỉnh.",
     {("REPEALS", "30/2025/QĐ-UBND", "5/CTr-UBND")}),
])
def test_active_links_the_review_found_turned(text: str, expected: set[tuple[str, str, str]]) -> None:
    rels = {(r.type, r.source, r.target) for r in extract(_source(text)).relations}
    assert rels == expected


def test_a_law_whose_name_starts_another_laws_is_kept() -> None:
    text = (_header("46/2025/QĐ-UBND") + "Căn cứ Luật Đầu tư công ngày 29 tháng 11 năm 2024;\nQUYẾT ĐỊNH:\n"
            "Điều 1. Các dự án thực hiện theo Luật Đầu tư năm 2020 được rà soát.\n")
    keys = {d.key for d in extract(_source(text)).documents}
    assert {"Luật Đầu tư công", "Luật Đầu tư năm 2020"} <= keys


def test_a_decision_cited_as_a_document_keeps_its_kind() -> None:
    ex = extract(_source("Theo văn bản số 1740/QĐ-UBND của UBND tỉnh Hà Tĩnh."))
    assert [(d.key, d.kind) for d in ex.documents] == [("1740/QĐ-UBND", "decision")]


def test_a_page_with_wide_blanks_reads_as_one_with_single_spaces() -> None:
    """Pages skip layout.clean_lines, so their own line cleaning collapses blanks (review)."""
    text = LETTER.read_text(encoding="utf-8").replace("Phạm Thị Minh Hiền", "Phạm  Thị   Minh\tHiền")
    assert "Phạm Thị Minh Hiền" in {p.name for p in extract(source_from_text(text, name="p.md", kind="markdown")).people}
