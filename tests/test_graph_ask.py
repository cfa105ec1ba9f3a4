"""Questions in Vietnamese or English, with or without diacritics, answered offline on the seeds."""

from __future__ import annotations

import networkx as nx
import pytest
from graph_fixtures import seed_store

from graph.ask import ask, fold_aligned, load_patterns, parse
from graph.queries import AgencyProfile, Career, Lineage, Post, Status, Step


@pytest.fixture(scope="module")
def g() -> nx.MultiDiGraph:
    return seed_store().graph


@pytest.mark.parametrize(
    ("question", "query", "params"),
    [
        ("what implements 27-NQ/TW", "related", {"x": "instrument/27-NQ/TW", "edge_type": "IMPLEMENTS", "direction": "in"}),
        ("Which plans implement Resolution 27?", "related", {"x": "instrument/27-NQ/TW", "direction": "in"}),
        ("văn bản nào thực hiện Nghị quyết 27-NQ/TW", "related", {"x": "instrument/27-NQ/TW", "direction": "in"}),
        ("Chỉ thị 39 kế thừa chỉ thị nào", "related", {"x": "instrument/39-CT/TW", "edge_type": "SUCCEEDS", "direction": "out"}),
        ("chi thi 39 ke thua chi thi nao?", "related", {"x": "instrument/39-CT/TW", "edge_type": "SUCCEEDS"}),
        ("what does Directive 39 succeed", "related", {"x": "instrument/39-CT/TW", "edge_type": "SUCCEEDS"}),
        ("what succeeded Directive 57", "related", {"x": "instrument/57-CT/TW", "direction": "in"}),
        ("lineage of Directive 39", "lineage", {"x": "instrument/39-CT/TW"}),
        ("lịch sử của Chỉ thị 39", "lineage", {"x": "instrument/39-CT/TW"}),
        ("Chỉ thị 57 còn hiệu lực không?", "status", {"x": "instrument/57-CT/TW"}),
        ("career of Dang Hoang Oanh", "career", {"x": "person/đặng-hoàng-oanh"}),
        ("quá trình công tác của Đặng Hoàng Oanh", "career", {"x": "person/đặng-hoàng-oanh"}),
        ("who is Dang Hoang Oanh", "career", {"x": "person/đặng-hoàng-oanh"}),
        ("who is Thứ trưởng Bộ Nội vụ", "holders", {"x": "agency/bo-noi-vu", "title": "Thứ trưởng"}),
        ("who is thu truong bo noi vu", "holders", {"x": "agency/bo-noi-vu"}),
        ("ai là Thứ trưởng Bộ Tư pháp", "holders", {"x": "agency/bo-tu-phap"}),
        ("Bộ trưởng Bộ Tư pháp là ai?", "holders", {"x": "agency/bo-tu-phap", "title": "Bộ trưởng"}),
        ("units of Bộ Nội vụ", "agency", {"x": "agency/bo-noi-vu"}),
        ("units of the Ministry of Home Affairs", "agency", {"x": "agency/bo-noi-vu"}),
        ("các đơn vị thuộc Bộ Tư pháp", "agency", {"x": "agency/bo-tu-phap"}),
        ("leaders of Ministry of Justice", "holders", {"x": "agency/bo-tu-phap"}),
        ("who issued Directive 39", "related", {"x": "instrument/39-CT/TW", "edge_type": "ISSUED_BY"}),
        ("how is Đặng Hoàng Oanh connected to Trương Hòa Bình", "paths",
         {"a": "person/đặng-hoàng-oanh", "b": "person/trương-hòa-bình"}),
        ("mối liên hệ giữa Lê Thành Long và Đặng Hoàng Oanh", "paths",
         {"a": "person/lê-thành-long", "b": "person/đặng-hoàng-oanh"}),
        ("timeline of Bộ Nội vụ", "timeline", {"involving": "agency/bo-noi-vu"}),
        ("neighbours of Directive 39", "neighbourhood", {"x": "instrument/39-CT/TW"}),
        ("thống kê", "overview", {}),
        ("what is 32-KH/BCSĐ", "node", {"x": "instrument/32-KH/BCSĐ"}),
        ("Luật Viên chức", "search", {"text": "Luật Viên chức"}),
    ],
)
def test_questions(g: nx.MultiDiGraph, question: str, query: str, params: dict[str, str]) -> None:
    ans = ask(g, question)
    assert ans.error is None, ans.text
    assert ans.query == query, (ans.query, ans.params)
    for k, v in params.items():
        assert ans.params.get(k) == v, (k, ans.params)
    assert ans.text


def test_answers_carry_results(g: nx.MultiDiGraph) -> None:
    impl = ask(g, "what implements 27-NQ/TW").result
    assert isinstance(impl[0], Step) and impl[0].source.id == "instrument/32-KH/BCSĐ"
    succ = ask(g, "Chỉ thị 39 kế thừa chỉ thị nào").result
    assert succ[0].target.id == "instrument/57-CT/TW" and succ[0].evidence
    assert isinstance(ask(g, "lineage of Directive 39").result, Lineage)
    assert isinstance(ask(g, "status of 57-CT/TW").result, Status)
    career = ask(g, "career of Dang Hoang Oanh").result
    assert isinstance(career, Career) and [p.title for p in career.posts] == ["Vụ trưởng", "Thứ trưởng"]
    deputies = ask(g, "who is Thứ trưởng Bộ Nội vụ").result
    assert all(isinstance(p, Post) and p.title == "Thứ trưởng" for p in deputies)
    assert "person/trần-anh-tuấn" in {p.person.id for p in deputies}
    assert isinstance(ask(g, "units of Bộ Nội vụ").result, AgencyProfile)
    d = ask(g, "what implements 27-NQ/TW").to_dict()
    assert d["query"] == "related" and d["result"][0]["source"]["id"] == "instrument/32-KH/BCSĐ"


def test_unknown_things_are_reported(g: nx.MultiDiGraph) -> None:
    ans = ask(g, "lineage of Directive 999")
    assert ans.error and ans.result is None


def test_slots_keep_the_original_spelling() -> None:
    pat, slots = parse("Ai là  Thứ trưởng Bộ Nội vụ ?") or (None, {})
    assert pat is not None and slots == {"post": "Thứ trưởng Bộ Nội vụ"}
    assert len(fold_aligned("Đặng Hoàng Oanh")) == len("Đặng Hoàng Oanh")


def test_patterns_compile_and_name_known_queries() -> None:
    known = {"related", "lineage", "status", "career", "agency", "holders", "who", "paths", "timeline",
             "neighbourhood", "overview", "node"}
    pats = load_patterns()
    assert pats and {p.query for p in pats} <= known
    for p in pats:
        assert set(p.regex.groupindex) <= set(p.slots), p.regex.pattern
