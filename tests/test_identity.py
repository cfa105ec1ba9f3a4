"""Hand corrections of who is who (data/identity.toml, graph/identity.py), through a real build."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import identity as ident
from graph.store import NxStore
from loaders.extract import extract
from loaders.model import SourceText

HANOI = ("Sáng 12/6, Phó Chủ tịch UBND TP Hà Nội Lê Hồng Sơn chủ trì cuộc họp về công tác tuyển sinh vào lớp "
         "10 năm học 2017-2018 của thành phố.")
HCMC = ("Chiều 14/6, Giám đốc Sở GD&ĐT TP.HCM Lê Hồng Sơn cho biết kỳ thi tuyển sinh lớp 10 năm nay diễn ra "
        "an toàn, nghiêm túc.")


def _store(tmp_path: Path) -> NxStore:
    store = NxStore(path=tmp_path / "g.kg")
    for sid, text in (("hanoi.txt", HANOI), ("hcmc.txt", HCMC)):
        store.add_extraction(extract(SourceText(source_id=sid, name=sid, path=sid, text=text,
                                                published="2017-06-14", content_hash=sid)))
    return store


@pytest.fixture
def identity_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "identity.toml"
    monkeypatch.setattr(ident, "IDENTITY_FILE", path)
    ident.identity.cache_clear()
    yield path
    ident.identity.cache_clear()


def test_one_name_two_people_is_one_node_until_told_apart(tmp_path: Path, identity_file: Path) -> None:
    identity_file.write_text("", encoding="utf-8")
    g = _store(tmp_path).graph
    assert [n for n in g if n.startswith("person/")] == ["person/lê-hồng-sơn"]
    assert g.nodes["person/lê-hồng-sơn"]["identity"][0][0] == "namesake"     # two provinces at once
    identity_file.write_text('[[apart]]\nname = "Lê Hồng Sơn"\nat = "Sở Giáo dục và Đào tạo TP.HCM"\n'
                             'label = "Lê Hồng Sơn (Sở GD&ĐT TP.HCM)"\n', encoding="utf-8")
    ident.identity.cache_clear()
    (tmp_path / "2").mkdir()
    g = _store(tmp_path / "2").graph
    people = sorted(n for n in g if n.startswith("person/"))
    assert people == ["person/lê-hồng-sơn", "person/lê-hồng-sơn~so-giao-duc-va-dao-tao-thanh-pho-ho-chi-minh"]
    hcmc = g.nodes[people[1]]
    assert hcmc["label"] == "Lê Hồng Sơn (Sở GD&ĐT TP.HCM)" and hcmc["aliases"] == ["Lê Hồng Sơn"]
    assert [g.nodes[v]["name"] for _, v, d in g.out_edges(people[1], data=True) if d["type"] == "HOLDS_POSITION"] \
        == ["Sở Giáo dục và Đào tạo thành phố Hồ Chí Minh"]
    assert "identity" not in g.nodes[people[0]]


def test_names_of_one_person_are_one_node(tmp_path: Path, identity_file: Path) -> None:
    identity_file.write_text('[[same]]\nnames = ["Lê Hồng Sơn", "Lê Hồng Sơn Junior"]\n', encoding="utf-8")
    assert ident.same_as("Lê Hồng Sơn Junior") == "Lê Hồng Sơn" and ident.same_as("Lê Văn A") == "Lê Văn A"


@pytest.mark.parametrize(("text", "message"), [
    ("[[sam]]\nnames = ['a', 'b']\n", r"unknown keys \['sam'\]"),
    ("[[same]]\nnames = ['a']\n", r"\[\[same\]\] number 1 needs names"),
    ("[[apart]]\nname = 'a'\nat = 'b'\n", r"\[\[apart\]\] number 1 needs exactly name, at and label"),
    ("[[same]\n", "identity.toml"),
])
def test_a_broken_identity_file_is_refused_with_its_name(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "identity.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ident.IdentityError, match=message):
        ident.read_identity(path)
    assert ident.read_identity() == ident.identity()     # the project's own file reads
