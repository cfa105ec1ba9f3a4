"""The questions the project's users ask (README's mission), on the real seeds, answered by
the graph's own queries and not by a fallback search."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from graph.ask import ask
from graph.ingest import build
from graph.store import NxStore

SEEDS = Path(__file__).resolve().parent.parent / "data" / "seeds"


@pytest.fixture(scope="module")
def g(tmp_path_factory: pytest.TempPathFactory) -> nx.MultiDiGraph:
    store = NxStore(path=tmp_path_factory.mktemp("g") / "g.kg")
    build(store, [str(SEEDS)], workers=1, progress=False)
    return store.graph


@pytest.mark.parametrize(("question", "query", "expected"), [
    ("which units of Bộ Nội vụ took part, and who leads them?", "agency", "Vụ Hợp tác quốc tế"),
    ("đơn vị nào của Bộ Nội vụ tham gia", "agency", "Cục Văn thư và Lưu trữ nhà nước"),
    ("how did Đặng Hoàng Oanh's posts change 2016→2019?", "career", "Thứ trưởng — Bộ Tư pháp"),
    ("Directive 57 led to what", "lineage", "39-CT/TW"),
    ("what implements Resolution 27-NQ/TW", "related", "32-KH/BCSĐ"),
    ("chi thi 39 ke thua chi thi nao", "related", "57-CT/TW"),
    ("who chaired the meeting on 14/8/2019", "node", "Trương Hòa Bình"),
    ("ai chủ trì hội nghị ngày 2/11/2019", "node", "Trương Hòa Bình"),
])
def test_users_questions(g: nx.MultiDiGraph, question: str, query: str, expected: str) -> None:
    answer = ask(g, question)
    assert answer.query == query, answer.to_dict()
    assert answer.error is None
    assert expected in "\n".join(answer.text)


@pytest.fixture(scope="module")
def official(tmp_path_factory: pytest.TempPathFactory) -> nx.MultiDiGraph:
    store = NxStore(path=tmp_path_factory.mktemp("o") / "o.pickle")
    build(store, [str(SEEDS.parent.parent / "tests" / "official" / "texts")], workers=1, progress=False)
    return store.graph


@pytest.mark.parametrize(("question", "expected"), [
    ("who signed 30/2020/NĐ-CP", "Nguyễn Xuân Phúc"),
    ("ai ký Nghị định 30/2020/NĐ-CP", "Nguyễn Xuân Phúc"),
    ("what was issued with 05/2007/QĐ-BNV", "Quy chế"),
])
def test_questions_about_official_texts(official: nx.MultiDiGraph, question: str, expected: str) -> None:
    answer = ask(official, question)
    assert answer.query == "related" and answer.error is None
    assert expected in "\n".join(answer.text)
