"""Support, confidence and contradictions (graph/weigh.py, graph/copies.py) on real text.

The copies test uses corpus articles (tests/careers/articles.jsonl.gz); the contradiction tests
run short Vietnamese news texts through the real extractor and the real store, then read the
graph through the CLI as a user would.
"""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pytest

from graph import backend as q
from graph import cli
from graph.copies import copy_groups, distance, text_simhash
from graph.store import NxStore
from graph.weigh import SettingsError, describe, read_settings, shown, threshold, weigh
from loaders.extract import extract
from loaders.model import SourceText

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "careers" / "articles.jsonl.gz"


def _articles() -> list[dict[str, str]]:
    with gzip.open(ARTICLES, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def _src(sid: str, text: str, published: str = "2017-05-10") -> SourceText:
    return SourceText(source_id=sid, name=sid, path=sid, text=text, published=published,
                      content_hash=f"h-{sid}-{len(text)}")


def test_a_repost_with_a_new_headline_is_a_copy_and_other_articles_are_not() -> None:
    arts = [a for a in _articles() if len(a["text"]) > 1500][:60]
    hashes = {a["id"]: text_simhash(a["text"]) for a in arts}
    original = arts[0]["text"]
    lines = original.split("\n")
    repost = "\n".join(["Tin nóng: " + lines[0], *lines[1:], "Xem thêm: Những tin tức mới nhất trong ngày"])
    hashes["repost"] = text_simhash(repost)
    groups = copy_groups(hashes)
    assert groups.get("repost") == min(arts[0]["id"], "repost") or groups.get(arts[0]["id"]) == "repost"
    others = {s for s, r in groups.items() if "repost" not in (s, r) and arts[0]["id"] not in (s, r)}
    assert not others, f"distinct articles taken for copies: {others}"
    h0 = hashes[arts[0]["id"]]
    assert h0 is not None and all(distance(h0, h) > 6 for s, h in hashes.items()
                                  if h is not None and s not in ("repost", arts[0]["id"]))
    assert text_simhash("Ngắn quá") is None


def test_copies_count_once_in_support(tmp_path: Path) -> None:
    text = ("Sáng 10/5, tại Hà Nội, Bộ trưởng Bộ Y tế Nguyễn Thị Kim Tiến chủ trì hội nghị triển khai công tác "
            "phòng, chống dịch sốt xuất huyết năm 2017 với các tỉnh, thành phố phía Bắc. Bộ trưởng Nguyễn Thị Kim "
            "Tiến yêu cầu các địa phương tập trung diệt lăng quăng, bọ gậy và giám sát chặt chẽ các ổ dịch.")
    store = NxStore(path=tmp_path / "g.kg")
    store.add_extraction(extract(_src("a.txt", text)))
    store.add_extraction(extract(_src("b.txt", "Báo Sức khỏe: " + text)))   # the same story, reprinted
    g = store.graph
    post = next(d for _, _, d in g.out_edges("person/nguyễn-thị-kim-tiến", data=True)
                if d["type"] == "HOLDS_POSITION")
    assert len(post["sources"]) == 2 and post["support"] == 1
    assert describe(post["reasons"][0]) == "1 independent source(s) (2 in all)"
    copies = [d for _, d in g.nodes(data=True) if d.get("type") == "Source" and d.get("copy_of")]
    assert [d["source_id"] for d in copies] == ["b.txt"] and copies[0]["copy_of"] == "a.txt"


def _kim_tien_store(tmp_path: Path) -> NxStore:
    """Three articles give Nguyễn Thị Kim Tiến the Health Ministry; one misreads her as Industry's;
    three give Nguyễn Xuân Phúc the Prime Minister's post, one gives it to Vũ Đức Đam."""
    right = ["Chiều {d}/5, Bộ trưởng Bộ Y tế Nguyễn Thị Kim Tiến làm việc với lãnh đạo tỉnh {p} về công tác "
             "y tế cơ sở. Thủ tướng Nguyễn Xuân Phúc đã chỉ đạo tăng cường y tế cơ sở trên cả nước.",
             "Ngày {d}/6, Bộ trưởng Bộ Y tế Nguyễn Thị Kim Tiến kiểm tra Bệnh viện Đa khoa tỉnh {p}. Trước đó, "
             "Thủ tướng Nguyễn Xuân Phúc yêu cầu giảm tải bệnh viện tuyến trên.",
             "Sáng {d}/7, Bộ trưởng Bộ Y tế Nguyễn Thị Kim Tiến dự lễ khánh thành Trung tâm Y tế huyện tại tỉnh "
             "{p}. Thủ tướng Nguyễn Xuân Phúc gửi lẵng hoa chúc mừng."]
    places = ["Nghệ An", "Thanh Hóa", "Quảng Nam"]
    dates = ["2017-05-10", "2017-06-11", "2017-09-12"]      # the misreading of 20 August falls between
    store = NxStore(path=tmp_path / "g.kg")
    for i, (text, place, date) in enumerate(zip(right, places, dates, strict=True)):
        store.add_extraction(extract(_src(f"right{i}.txt", text.format(d=10 + i, p=place), date)))
    wrong = ("Ngày 20/8, Bộ trưởng Bộ Công Thương Nguyễn Thị Kim Tiến phát biểu tại hội nghị về thương mại "
             "điện tử. Thủ tướng Vũ Đức Đam đánh giá cao kết quả của hội nghị.")
    store.add_extraction(extract(_src("wrong.txt", wrong, "2017-08-20")))
    store.save()
    return store


def _post(g: object, person: str, agency: str) -> dict:
    return next(d for _, v, d in g.out_edges(person, data=True)  # type: ignore[attr-defined]
                if d["type"] == "HOLDS_POSITION" and v == agency)


def test_a_post_at_another_ministry_at_the_same_time_is_marked_as_a_namesake(tmp_path: Path, capsys) -> None:
    """Two ministries at once is most often two people of one name (the audit of 7 Dec 2026): the
    post keeps its belief, and both it and the person say what may be a second person."""
    store = _kim_tien_store(tmp_path)
    g = store.graph
    right = _post(g, "person/nguyễn-thị-kim-tiến", "agency/bo-y-te")
    other = _post(g, "person/nguyễn-thị-kim-tiến", "agency/bo-cong-thuong")
    assert right["support"] == 3 and right["confidence"] > 0.99
    assert other["confidence"] > 0.9 and other["reasons"][-1][:4] == ["namesake", "Bộ trưởng", "Bộ Y tế", 3]
    assert describe(other["reasons"][-1], "vi") == \
        "có thể là người trùng tên: Bộ trưởng — Bộ Y tế cùng thời gian, theo 3 nguồn"
    assert g.nodes["person/nguyễn-thị-kim-tiến"]["identity"] == [
        ["namesake", "Bộ trưởng", "Bộ Công Thương", "Bộ trưởng", "Bộ Y tế"]]
    argv = ["--graph", str(store.path), "query", "career", "Nguyễn Thị Kim Tiến"]
    assert cli.main(argv) == 0
    shown = capsys.readouterr().out
    assert "Bộ trưởng — Bộ Y tế  (3 sources · 1.00)" in shown
    assert "Bộ trưởng — Bộ Công Thương  (1 source · 0.94)" in shown
    assert "! perhaps another person of this name: Bộ trưởng — Bộ Y tế at the same time, by 3 source(s)" in shown


def test_a_bare_title_given_the_articles_ministry_against_the_post_others_print_is_contradicted(tmp_path: Path) -> None:
    """"Thứ trưởng X" in an article on Bộ Tài chính while three sources print X's ministry as Bộ Công
    Thương: the article's ministry was the guess, and the post takes a quarter of the belief."""
    store = NxStore(path=tmp_path / "g.kg")
    for i, date in enumerate(["2017-05-10", "2017-06-11", "2017-09-12"]):
        store.add_extraction(extract(_src(f"r{i}.txt", f"Ngày {10 + i}/5, Thứ trưởng Bộ Công Thương Hoàng Quốc Vượng "
                                                        f"làm việc với tỉnh Nghệ An về điện lực lần {i + 1}.", date)))
    store.add_extraction(extract(_src("w.txt", "Bộ Tài chính họp về thuế. Bộ Tài chính cho biết. Theo đó, Thứ trưởng "
                                               "Hoàng Quốc Vượng cho rằng việc chuyển đổi là cấp thiết.", "2017-08-20")))
    g = store.graph
    guessed = _post(g, "person/hoàng-quốc-vượng", "agency/bo-tai-chinh")
    assert all(e.get("body_inferred") for e in guessed["evidence"])
    assert guessed["reasons"][-1][:4] == ["article_body", "Thứ trưởng", "Bộ Công Thương", 3]
    assert guessed["confidence"] < threshold() and not shown(guessed, threshold())
    assert "identity" not in g.nodes["person/hoàng-quốc-vượng"]
    printed = _post(g, "person/hoàng-quốc-vượng", "agency/bo-cong-thuong")
    assert printed["confidence"] > 0.99 and not any(e.get("body_inferred") for e in printed["evidence"])


def test_a_sole_post_given_to_a_second_person_is_contradicted(tmp_path: Path) -> None:
    g = _kim_tien_store(tmp_path).graph
    pm = _post(g, "person/nguyễn-xuân-phúc", "agency/chinh-phu")
    other = _post(g, "person/vũ-đức-đam", "agency/chinh-phu")
    assert pm["support"] == 3 and pm["confidence"] > 0.99 and "sole" not in [r[0] for r in pm["reasons"]]
    assert other["reasons"][-1][:5] == ["sole", "Thủ tướng", "Chính phủ", "Nguyễn Xuân Phúc", 3]
    assert other["confidence"] < threshold()


def test_disputed_lists_both_sides_with_their_sentences(tmp_path: Path, capsys) -> None:
    store = _kim_tien_store(tmp_path)
    found = q.disputed(store.graph, "Nguyễn Thị Kim Tiến")       # a namesake is a disagreement too
    assert len(found) == 1 and found[0].field == "HOLDS_POSITION"
    kept, against = found[0].sides
    assert kept.value == "Bộ trưởng — Bộ Công Thương" and against.value == "Bộ trưởng — Bộ Y tế"
    assert against.support == 3 and "Bộ Y tế Nguyễn Thị Kim Tiến" in against.evidence[0]["sentence"]
    assert "Bộ Công Thương Nguyễn Thị Kim Tiến" in kept.evidence[0]["sentence"]
    assert cli.main(["--graph", str(store.path), "query", "disputed", "Vũ Đức Đam"]) == 0
    out = capsys.readouterr().out
    assert "contradicted: Nguyễn Xuân Phúc holds Thủ tướng — Chính phủ at the same time, by 3 source(s)" in out
    assert "other: Nguyễn Xuân Phúc: Thủ tướng — Chính phủ  (3 sources)" in out


def test_weights_are_saved_exported_and_follow_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import graph.weigh as weighing

    store = _kim_tien_store(tmp_path)
    calls: list[int] = []
    real = weighing.weigh
    monkeypatch.setattr(weighing, "weigh", lambda g: (calls.append(1), real(g))[1])
    loaded = NxStore.load(store.path)
    wrong = _post(loaded.graph, "person/vũ-đức-đam", "agency/chinh-phu")
    assert calls == [], "a saved graph is not weighed again on reading"
    assert wrong["confidence"] < threshold()
    # the article that gave the Prime Minister's post a third time is removed: the rival weakens
    loaded.remove_source("right0.txt")
    again = _post(loaded.graph, "person/vũ-đức-đam", "agency/chinh-phu")
    assert calls == [1], "a changed graph is weighed once when read"
    assert again["reasons"][-1][:5] == ["sole", "Thủ tướng", "Chính phủ", "Nguyễn Xuân Phúc", 2]
    out = tmp_path / "csv"
    assert cli.main(["--graph", str(store.path), "export", "--format", "csv", str(out)]) == 0
    with (out / "edges.csv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["type"] == "HOLDS_POSITION"]
    assert {"support", "confidence", "reasons"} <= set(rows[0])
    assert any(r["source"] == "person/vũ-đức-đam" and float(r["confidence"]) < threshold()
               and json.loads(r["reasons"])[-1][0] == "sole" for r in rows)


def test_the_settings_files_are_checked(tmp_path: Path) -> None:
    good = ROOT / "data" / "confidence.toml"
    bad = tmp_path / "confidence.toml"
    bad.write_text("threshhold = 0.3\n" + good.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(SettingsError, match=r"confidence.toml: unknown keys \['threshhold'\]"):
        read_settings(bad)
    bad.write_text(good.read_text(encoding="utf-8").replace('PART_OF = "agency.parent"', 'PART_OF = "parents"'),
                   encoding="utf-8")
    with pytest.raises(SettingsError, match="category 'parents' is not measured"):
        read_settings(bad)
    bad.write_text(good.read_text(encoding="utf-8").replace("later_speaking = {", "later_talking = {"), encoding="utf-8")
    with pytest.raises(SettingsError, match=r"\[rule_prior\] names no way of reading: \['later_talking'\]"):
        read_settings(bad)
    assert read_settings().threshold == threshold()


def test_an_edge_no_source_states_has_no_belief() -> None:
    import networkx as nx

    g = nx.MultiDiGraph(revision=1)
    g.add_node("person/x", type="Person", sources=["a"])
    g.add_node("agency/y", type="Agency", sources=["a"])
    g.add_edge("person/x", "agency/y", key="k", type="HOLDS_POSITION", sources=[], evidence=[])
    weigh(g)
    assert g.edges["person/x", "agency/y", "k"]["confidence"] == 0.0


def test_the_app_hides_contradicted_posts_until_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    store = _kim_tien_store(tmp_path)
    monkeypatch.setenv("KG_GRAPH", str(store.path))
    st.cache_resource.clear()
    st.cache_data.clear()
    try:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.query_params.update({"view": "career", "id": "person/nguyễn-thị-kim-tiến"})
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        page = "\n".join(str(e.value) for e in [*at.markdown, *at.caption]) + "\n".join(b.label for b in at.button)
        assert "3 nguồn · độ tin cậy 1.00" in page
        assert "⚠ có thể là người trùng tên: Bộ trưởng — Bộ Y tế cùng thời gian, theo 3 nguồn" in page
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.query_params.update({"view": "career", "id": "person/vũ-đức-đam"})
        at.run()
        page = "\n".join(str(e.value) for e in [*at.markdown, *at.caption])
        assert "Thủ tướng" not in page, "a sole post more sources give to another is hidden"
        at.toggle(key="w_all").set_value(True).run()
        assert at.query_params["all"] == "1"
        page = "\n".join(str(e.value) for e in [*at.markdown, *at.caption])
        assert "⚠ mâu thuẫn: Nguyễn Xuân Phúc giữ chức Thủ tướng — Chính phủ cùng thời gian, theo 3 nguồn" in page
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.query_params.update({"view": "entity", "id": "person/vũ-đức-đam"})
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        page = "\n".join(str(e.value) for e in [*at.markdown, *at.caption])
        assert "Các nguồn không thống nhất" in page and "Dữ kiện khác: Nguyễn Xuân Phúc: Thủ tướng — Chính phủ" in page
    finally:
        st.cache_resource.clear()
        st.cache_data.clear()


def test_a_tie_for_a_sole_post_halves_both() -> None:
    """Two people given one minister's post by one source each: either may be the misreading, and a
    wrong head of a body misleads more than a hidden right one; both are hidden, each naming the other."""
    import networkx as nx

    g = nx.MultiDiGraph(revision=1)
    for s in ("a", "b"):
        g.add_node(f"source/{s}", type="Source", source_id=s)
    g.add_node("agency/bo-quoc-phong", type="Agency", name="Bộ Quốc phòng", label="Bộ Quốc phòng", registry=True,
               sources=["a", "b"])
    for person, s in (("person/x", "a"), ("person/y", "b")):
        g.add_node(person, type="Person", name=person[-1].upper(), label=person[-1].upper(), sources=[s])
        g.add_edge(person, "agency/bo-quoc-phong", key="HOLDS_POSITION:bo-truong", type="HOLDS_POSITION",
                   title="Bộ trưởng", sources=[s], evidence=[], as_of="--05-10", last_seen="--05-10")
    weigh(g)
    for person, other in (("person/x", "Y"), ("person/y", "X")):
        d = g.edges[person, "agency/bo-quoc-phong", "HOLDS_POSITION:bo-truong"]
        assert d["confidence"] < threshold() and d["reasons"][-1][:5] == ["sole", "Bộ trưởng", "Bộ Quốc phòng", other, 1]


def test_a_participant_read_once_is_believed_as_often_as_its_way_of_reading_is_right(tmp_path: Path) -> None:
    """The corpus audits measured each way of reading a participant (data/confidence.toml
    [rule_prior]): a foreign figure known only by a cue after the name is more often wrong than
    right, and hidden; one named after "Tham dự có" is right nine times in ten."""
    store = NxStore(path=tmp_path / "g.kg")
    store.add_extraction(extract(_src("a.txt", "Sáng 5/6, Bộ Y tế tổ chức hội nghị về y tế cơ sở với sự tham dự của Thứ "
                                               "trưởng Nguyễn Viết Tiến. Bà Lê Thị Hoa, Giám đốc Sở Y tế Nghệ An cho biết, "
                                               "tỉnh đã đầu tư nhiều. Tham dự có ông Trần Văn Nam. Ông Kidong Park, Trưởng "
                                               "đại diện WHO cho biết, WHO ủng hộ.", "2017-06-05")))
    g = store.graph
    took = {g.nodes[u]["name"]: d for u, _, d in g.edges(data=True) if d["type"] == "PARTICIPATED_IN"}
    assert {n: d["evidence"][0]["rule"] for n, d in took.items()} == {
        "Nguyễn Viết Tiến": "lead", "Lê Thị Hoa": "later_speaking", "Trần Văn Nam": "later_attending",
        "Kidong Park": "foreign_cue"}
    assert took["Trần Văn Nam"]["confidence"] > 0.85 > took["Lê Thị Hoa"]["confidence"] > 0.7
    assert not shown(took["Kidong Park"], threshold()) and shown(took["Nguyễn Viết Tiến"], threshold())
    assert describe(took["Kidong Park"]["reasons"][1]) == \
        "participants read so (foreign_cue) right 38% of the time in corpus audits (11 judged)"
