"""Hostile input through the real command lines: a folder of broken, odd and malicious files is
extracted (``python -m loaders extract``) and ingested (``python -m graph build``) into a
temporary graph.  Nothing may crash; every problem is reported naming its file; the good files
still come out; the graph stays consistent (ids, types, manifest, evidence spans, removal) and
hostile names are kept as plain data (and inert when the app draws them).

Not repeated here: the 100 MB single line (tests/test_readers.py::
test_huge_single_line_stays_within_a_few_hundred_mb), the other encodings' round trip
(test_readers.py::test_decode_round_trip_property), kill -9 (tests/test_graph_crash.py).
"""

from __future__ import annotations

import gzip
import json
import os
import random
import subprocess
import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_readers import to_cp1258

from graph.ids import fold, norm_number, slug, source_node_id
from graph.merge import facts_from_extraction
from graph.schema import load_schema
from graph.store import NxStore
from loaders.dates import find_dates, resolve_year
from loaders.extract import extract
from loaders.layout import parse_date
from loaders.model import SourceText
from loaders.numbers import normalize_number
from loaders.readers import iter_sources, source_from_text

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = "<script>alert('kg')</script>"
ONERROR = '<img src=x onerror="alert(1)">'
CYPHER = "x' }) DETACH DELETE n //"
TITLE = f"Bộ Nội vụ {SCRIPT} triển khai Chỉ thị 39 {ONERROR} {CYPHER}"

ARTICLE = (
    "Ngày 5/6/2017, Bộ trưởng Bộ Nội vụ Lê Vĩnh Tân chủ trì hội nghị triển khai Chỉ thị số 39-CT/TW "
    "của Ban Bí thư.\n"
    f"Thứ trưởng Bộ Tư pháp Nguyễn Khánh Ngọc {SCRIPT} dự họp và phát biểu.\n"
    f"Ông {CYPHER} Trần Văn Nam, Giám đốc Sở Nội vụ {ONERROR} tỉnh Nam Định, báo cáo kết quả.\n"
)


def article(title: str = TITLE, body: str = ARTICLE) -> str:
    return f"{title}\n\n{body}"


@dataclass
class Case:
    name: str             # file name inside the folder (may hold quotes, backslashes, newlines ...)
    data: bytes
    ok: bool              # readable: its report must come out and its source be in the graph
    says: str = ""        # for a bad file: a fragment of its message


def _deep_html(depth: int) -> bytes:
    return (f"<html><head><title>{TITLE}</title></head><body>" + "<div>" * depth
            + f"<p>{ARTICLE}</p>" + "</div>" * depth + "</body></html>").encode()


def _archive() -> bytes:
    rows = [
        {"id": CYPHER, "title": TITLE, "text": article()},
        {"id": "../../etc/passwd", "title": "../../etc/passwd", "text": article("../../etc/passwd")},
        # NUL and other controls inside names are dropped by the decoder, never stored
        {"id": "nul", "title": "Nul\u0000 title", "text": article("Nul\u0000 title",
                                                               ARTICLE.replace("Lê Vĩnh", "Lê\u0000 Vĩnh"))},
    ]
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    lines += ['{"id": "broken", "text": ', "[1, 2, 3]", '{"id": "no-text"}', json.dumps({"id": "e", "text": ""})]
    return ("\n".join(lines) + "\n").encode()


def _truncated_gzip() -> bytes:
    body = "\n".join(json.dumps({"id": f"g{i}", "text": article(f"Bài {i}")}, ensure_ascii=False)
                     for i in range(200)).encode()
    packed = gzip.compress(body)
    return packed[: len(packed) // 2]


def hostile_cases() -> list[Case]:
    rng = random.Random(9)
    utf8 = article().encode()
    return [
        # readable, odd
        Case("good plain.txt", utf8, True),
        Case("x' }) DETACH DELETE n --.txt", utf8, True),
        Case("etc\\..\\..\\passwd.txt", utf8, True),                 # backslashes are name characters here
        Case("-rf --graph=evil.txt", utf8, True),                     # looks like options
        Case("Bộ Nội vụ – báo cáo.md", utf8, True),
        Case(unicodedata.normalize("NFD", "Nghị quyết NFD.txt"), utf8, True),
        Case("windows-1258.txt", to_cp1258(article()), True),
        Case("utf-16-no-bom.txt", article().encode("utf-16-le"), True),
        Case("payload.html", f"<html><head><title>{TITLE}</title><script>alert(1)</script></head><body>"
             f"<article><h1 onmouseover=\"alert(1)\">{TITLE}</h1>{ARTICLE.replace(chr(10), '<br>')}"
             f"<img src=x onerror=alert(1)></article></body></html>".encode(), True),
        Case("deep.html", _deep_html(5000), True),
        Case("archive.jsonl", _archive(), True, "not valid JSON"),
        # broken: reported, skipped
        Case("empty.txt", b"", False, "empty"),
        Case("blank.md", b"  \n\t\n", False, "empty"),
        Case("binary.txt", b"\x7fELF\x02\x01\x01" + rng.randbytes(4000), False, "binary"),
        Case("random.txt", rng.randbytes(4000), False, ""),
        Case("nul bytes.txt", utf8[:200] + b"\x00\x00\x00" + utf8[200:], False, "NUL"),
        Case("truncated-utf8.txt", utf8[: utf8.rindex("ộ".encode()) + 1], False, "truncated"),
        Case("fake.pdf", b"%PDF-1.7\n" + rng.randbytes(2000), False, ""),
        Case("fake.docx", b"PK\x03\x04" + rng.randbytes(2000), False, ""),
        Case("cut.jsonl.gz", _truncated_gzip(), True, "corrupt or truncated"),
    ]


def write_folder(folder: Path) -> list[Case]:
    folder.mkdir(parents=True, exist_ok=True)
    cases = hostile_cases()
    try:                                  # a newline in a file name, where the file system allows it
        (folder / "new\nline.txt").write_bytes(article().encode())
        cases.append(Case("new\nline.txt", article().encode(), True))
    except OSError:
        pass
    for c in cases:
        (folder / c.name).write_bytes(c.data)
    return cases


def run(*args: str, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **(env or {})})


# --------------------------------------------------------------------------- the two CLIs, once


@dataclass
class Built:
    folder: Path
    cases: list[Case]
    extract: subprocess.CompletedProcess[str]
    build: subprocess.CompletedProcess[str]
    graph: Path
    texts: dict[str, str]       # source id -> text, read back with the same readers


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("hostile")
    folder = base / "docs"
    cases = write_folder(folder)
    ex = run("loaders", "extract", str(folder), "--format", "jsonl")
    graph = base / "graph.kg"
    b = run("graph", "--graph", str(graph), "build", str(folder))
    texts = {s.source_id: s.text for s in iter_sources([folder]) if isinstance(s, SourceText)}
    return Built(folder, cases, ex, b, graph, texts)


def _good(b: Built) -> list[Case]:
    return [c for c in b.cases if c.ok and not c.name.endswith((".jsonl", ".jsonl.gz"))]


def _bad(b: Built) -> list[Case]:
    return [c for c in b.cases if not c.ok or c.says]


def test_extract_cli_reports_each_bad_file_and_keeps_the_good_ones(built: Built) -> None:
    ex = built.extract
    assert ex.returncode == 1                                # some files failed ...
    assert "Traceback" not in ex.stderr
    reports = [json.loads(line) for line in ex.stdout.splitlines()]
    files = {r["file"] for r in reports}
    for c in _good(built):                                   # ... the good ones still came out, whole
        assert c.name in files, c.name
        (r,) = [r for r in reports if r["file"] == c.name]
        assert {p["name"] for p in r["people"]} >= {"Lê Vĩnh Tân", "Nguyễn Khánh Ngọc"}, c.name
        assert any(d["normalized"] == "39-CT/TW" for d in r["documents"]), c.name
    for c in _bad(built):                                    # each problem names its file
        lines = [ln for ln in ex.stderr.split(f"{built.folder}/") if ln.startswith(c.name + ":")]
        assert lines, f"no message for {c.name!r}"
        assert c.says.lower() in " ".join(lines).lower(), (c.name, lines)
    # archives: the good records came out, the bad lines were reported with their line number
    ids = {r["source_id"] for r in reports}
    assert {f"archive.jsonl#{CYPHER}", "archive.jsonl#../../etc/passwd", "archive.jsonl#nul"} <= ids
    assert sum(1 for i in ids if i.startswith("cut.jsonl.gz#")) > 10       # what was read before the cut
    for line in (4, 5, 6, 7):
        assert f"archive.jsonl line {line}:" in ex.stderr
    # re-encoded and odd files were decoded to the same text
    assert "windows-1258.txt: warning: decoded as cp1258" in ex.stderr
    assert "utf-16-no-bom.txt: warning: decoded as utf-16-le" in ex.stderr


def test_build_cli_ingests_the_good_files_and_lists_the_bad(built: Built) -> None:
    b = built.build
    assert b.returncode == 0, b.stderr
    assert "Traceback" not in b.stderr
    failed = [ln for ln in b.stdout.splitlines() if ln.startswith("  failed: ")]
    for c in _bad(built):
        assert any(ln.startswith(f"  failed: {built.folder}/{c.name}: ") for ln in failed), c.name
    store = NxStore.load(built.graph)
    assert set(store.manifest) == set(built.texts)           # every readable article, nothing else
    for c in _good(built):
        assert unicodedata.normalize("NFC", c.name) in {unicodedata.normalize("NFC", e.name)
                                                        for e in store.manifest.values()}
    g = store.graph
    assert "person/lê-vĩnh-tân" in g and "instrument/39-CT/TW" in g
    # one person node for the one man, whatever file or encoding he came from
    assert len(g.nodes["person/lê-vĩnh-tân"]["sources"]) == len(built.texts)


# --------------------------------------------------------------------------- consistency


CONTROL = {chr(c) for c in range(0x20) if chr(c) not in "\n\t"} | {"\u202e", "\ufeff"}


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _strings(k) + _strings(v)]
    if isinstance(value, (list, tuple, set)):
        return [s for v in value for s in _strings(v)]
    return []


def assert_consistent(store: NxStore, texts: dict[str, str]) -> None:
    """The invariants a graph keeps whatever it was fed."""
    g, manifest = store.graph, store.manifest
    sch = load_schema()
    for n, d in g.nodes(data=True):
        assert d["type"] in sch.nodes, n
        assert n.split("/", 1)[0] == d["type"].lower(), n
        assert d["sources"] and set(d["sources"]) <= set(manifest), n
        assert isinstance(d.get("label", ""), str), n
        if d["type"] == "Source":
            assert d["source_id"] in manifest and n == source_node_id(d["source_id"])
            continue
        for sid in set(d["sources"]):                        # each source that claims a node mentions it
            assert g.has_edge(source_node_id(sid), n, "MENTIONS"), (sid, n)
        for s in _strings({k: v for k, v in d.items() if k != "evidence"}):
            assert not CONTROL & set(s), (n, s)
    for u, v, k, d in g.edges(keys=True, data=True):
        assert d["type"] in sch.edges, (u, v, k)
        assert d["sources"] and set(d["sources"]) <= set(manifest), (u, v, k)
        for e in d["evidence"]:
            assert e["source_id"] in d["sources"], (u, v, k, e)
            if e.get("sentence") is not None:
                assert texts[e["source_id"]][e["start"]:e["end"]] == e["sentence"], (u, v, k, e)
    for sid, entry in manifest.items():
        assert source_node_id(sid) in g, sid
        assert all(n in g for n in entry.nodes), sid
        assert all(g.has_edge(*e) for e in entry.edges), sid


def test_graph_is_consistent_after_hostile_input(built: Built) -> None:
    assert_consistent(NxStore.load(built.graph), built.texts)


def test_hostile_names_are_stored_as_plain_data(built: Built) -> None:
    g = NxStore.load(built.graph).graph
    by_id = {d["source_id"]: d for _, d in g.nodes(data=True) if d["type"] == "Source"}
    cy = by_id["x' }) DETACH DELETE n --.txt"]
    assert cy["name"] == "x' }) DETACH DELETE n --.txt" and cy["title"] == TITLE
    assert by_id[f"archive.jsonl#{CYPHER}"]["name"] == CYPHER
    assert by_id["archive.jsonl#../../etc/passwd"]["title"] == "../../etc/passwd"
    assert by_id["archive.jsonl#nul"]["title"] == "Nul title"          # the NUL was dropped, not stored
    assert by_id["-rf --graph=evil.txt"]["path"] == str(built.folder / "-rf --graph=evil.txt")
    assert "agency/bo-noi-vu" in g and not any("<" in n or "'" in n for n in g)   # ids stay slugs
    # an HTML page's markup is gone, its text kept
    assert by_id["payload.html"]["title"] == f"Bộ Nội vụ alert('kg') triển khai Chỉ thị 39 {CYPHER}"


def test_cli_queries_with_hostile_strings_change_nothing(built: Built) -> None:
    before = built.graph.read_bytes()
    out = run("graph", "--graph", str(built.graph), "query", "search", CYPHER, "--json")
    assert out.returncode == 0, out.stderr
    assert isinstance(json.loads(out.stdout), list)
    for q in (SCRIPT, "../../etc/passwd", "'; DROP TABLE x; --", "MATCH (n) DETACH DELETE n"):
        r = run("graph", "--graph", str(built.graph), "query", "node", q)
        assert r.returncode in (0, 1) and "Traceback" not in r.stderr, (q, r.stderr)
        r = run("graph", "--graph", str(built.graph), "ask", q)
        assert r.returncode in (0, 1) and "Traceback" not in r.stderr, (q, r.stderr)
    assert built.graph.read_bytes() == before


def test_network_page_of_hostile_sources_is_inert(built: Built) -> None:
    """Drawn the way the app draws a neighbourhood (app.py ``_network``)."""
    from graph import queries as q
    from graph.visual import network_html

    g = NxStore.load(built.graph).graph
    center = source_node_id("x' }) DETACH DELETE n --.txt")
    sub = q.neighbourhood(g, center, depth=2, limit=200)
    drawn = nx.MultiDiGraph()
    for ref in sub.nodes:
        drawn.add_node(ref.id, **g.nodes[ref.id])
    for step in sub.edges:
        drawn.add_edge(step.source.id, step.target.id, type=step.type, evidence=step.evidence, **step.attrs)
    assert drawn.number_of_edges() > 3
    for lang in ("en", "vi"):
        html = network_html(drawn, focus=center, lang=lang).html
        assert SCRIPT not in html and ONERROR not in html and "<img" not in html
        assert html.lower().count("</script>") == 2               # only the page's own two
        assert "\\u003cscript\\u003ealert(\\u0027kg\\u0027)\\u003c/script\\u003e" in html   # kept as text
        assert "DETACH DELETE n //" in html


def test_remove_and_rebuild_with_hostile_names(built: Built, tmp_path: Path) -> None:
    graph = tmp_path / "graph.kg"
    graph.write_bytes(built.graph.read_bytes())
    full = NxStore.load(graph)
    for ref in ("x' }) DETACH DELETE n --.txt", f"archive.jsonl#{CYPHER}", "-rf --graph=evil.txt"):
        r = run("graph", "--graph", str(graph), "remove", "--", ref)
        assert r.returncode == 0 and "removed" in r.stdout, (ref, r.stdout, r.stderr)
    less = NxStore.load(graph)
    assert len(less.manifest) == len(full.manifest) - 3
    assert_consistent(less, built.texts)
    again = run("graph", "--graph", str(graph), "build", str(built.folder))
    assert again.returncode == 0 and "added 3," in again.stdout, again.stdout
    back = NxStore.load(graph)
    assert set(back.graph.nodes) == set(full.graph.nodes)
    assert set(back.graph.edges(keys=True)) == set(full.graph.edges(keys=True))


def test_json_export_round_trips_hostile_names(built: Built, tmp_path: Path) -> None:
    out = tmp_path / "g.json"
    r = run("graph", "--graph", str(built.graph), "export", "--format", "json", str(out))
    assert r.returncode == 0, r.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    nodes = {n["id"]: n for n in doc["nodes"]}
    assert nodes[source_node_id("x' }) DETACH DELETE n --.txt")]["title"] == TITLE
    assert nodes[source_node_id(f"archive.jsonl#{CYPHER}")]["name"] == CYPHER
    saved = tmp_path / "g.json.gz"
    NxStore.load(built.graph).save(saved)
    assert_consistent(NxStore.load(saved), built.texts)


def test_dot_names_are_skipped_in_folders_but_read_when_named(tmp_path: Path) -> None:
    """A folder walk skips hidden names (``..\\..\\etc\\passwd.txt`` starts with a dot), as ls does;
    named on the command line, such a file is read like any other."""
    folder = tmp_path / "docs"
    folder.mkdir()
    hidden = folder / "..\\..\\etc\\passwd.txt"
    hidden.write_bytes(article().encode())
    (folder / "plain.txt").write_bytes(article().encode())
    r = run("loaders", "extract", str(folder))
    assert r.returncode == 0 and [json.loads(x)["file"] for x in r.stdout.splitlines()] == ["plain.txt"]
    r = run("loaders", "extract", str(hidden))
    assert r.returncode == 0 and json.loads(r.stdout)["file"] == hidden.name


# --------------------------------------------------------------------------- pathological files


def test_a_pathologically_slow_file_is_cut_off_and_the_rest_ingested(tmp_path: Path) -> None:
    """A 300 kB line of nothing but numbers and dates: the rules scan it for minutes (quadratic in
    the length of one sentence); the per-source limit reports it and the build goes on."""
    folder = tmp_path / "docs"
    folder.mkdir()
    unit = "39-CT/TW 12/2017/NĐ-CP 5/6/2017 Nghị quyết 27-NQ/TW Quyết định 123/QĐ-TTg "
    (folder / "numbers.txt").write_text("Số liệu\n" + unit * (300_000 // len(unit.encode())), encoding="utf-8")
    (folder / "plain.txt").write_bytes(article().encode())
    graph = tmp_path / "graph.kg"
    t = time.monotonic()
    r = run("graph", "--graph", str(graph), "build", str(folder), env={"GRAPH_EXTRACT_TIMEOUT": "3"}, timeout=120)
    assert r.returncode == 0, r.stderr
    assert time.monotonic() - t < 60
    store = NxStore.load(graph)
    assert "plain.txt" in store.manifest
    assert "numbers.txt" in store.manifest or "numbers.txt: extraction failed: ExtractionTimeout" in r.stdout


def _sleepy(src: SourceText) -> Any:
    if src.name == "slow.txt":
        time.sleep(60)
    return extract(src)


@pytest.mark.parametrize("workers", [1, 2])
def test_extraction_time_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int) -> None:
    from graph.ingest import build
    from loaders.limits import TIMEOUT_ENV

    monkeypatch.setenv(TIMEOUT_ENV, "1")
    for name in ("a.txt", "slow.txt", "b.txt"):
        (tmp_path / name).write_bytes(article().encode())
    store = NxStore()
    t = time.monotonic()
    summary = build(store, [str(tmp_path)], workers=workers, progress=False, extractor=_sleepy)
    assert time.monotonic() - t < 30
    assert set(store.manifest) == {"a.txt", "b.txt"}
    assert [(Path(p).name, "took longer than 1 s" in m) for p, m in summary.failed] == [("slow.txt", True)]


# --------------------------------------------------------------------------- properties

_PHRASES = ("Bộ Nội vụ Bộ trưởng Thứ trưởng Chỉ thị số 39-CT/TW Nghị định 12/2017/NĐ-CP Luật Đất đai "
          "ngày 5/6/2017 hội nghị chủ trì Nguyễn Văn An Lê Vĩnh Tân ông bà UBND tỉnh Nam Định Sở Y tế "
          "Ban Bí thư Quyết định thay thế sửa đổi bãi bỏ hướng dẫn thực hiện Chính phủ Thủ tướng Phó "
          "Chủ tịch Vụ trưởng Vụ Tổ chức")
_WORDS = _PHRASES.split()
_HOSTILE = [SCRIPT, ONERROR, CYPHER, "../../etc/passwd", "\x00", "\u202e", "\ufeff", "\r\n", "\n\n", ".", ",",
            "(", ")", "“", "”", ":", ";", "–", "\u0301", "Đ", "đ", "🙂", "\t", "số", "ngày", "tháng", "năm"]
_tokens = st.sampled_from(_WORDS) | st.sampled_from(_HOSTILE) | st.text(max_size=3)
_texts = st.lists(_tokens, min_size=1, max_size=120).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_texts)
def test_any_text_extracts_merges_and_unmerges_cleanly(text: str) -> None:
    """Extraction never crashes, every span points into the text, and a source added to the
    graph and removed again leaves nothing behind."""
    from loaders.decode import ReadError

    try:
        src = source_from_text(text, name="h.txt")
    except ReadError:
        return
    ex = extract(src)
    spans = [e for obj in [*ex.documents, *ex.agencies, *ex.people, *ex.events] for e in obj.evidence]
    spans += [p.evidence for person in ex.people for p in person.positions if p.evidence]
    spans += [r.evidence for r in ex.relations if r.evidence]
    for e in spans:
        assert src.text[e.start:e.end] == e.text
    store = NxStore()
    store.add_extraction(ex)
    assert_consistent(store, {src.source_id: src.text})
    facts = facts_from_extraction(ex)
    assert set(facts.nodes) == set(store.graph.nodes)
    store.remove_source(src.source_id)
    assert store.graph.number_of_nodes() == 0 and not store.manifest


_date_bits = st.sampled_from(["ngày", "tháng", "năm", " ", "/", "-", ".", ",", "0", "1", "12", "29", "30", "31",
                              "2", "2017", "1999", "2000", "T", "Z", ":", "+07:00", "Mon,", "Feb", "99", "00",
                              "đến", "–", "sáng", "\u0301"])
_date_texts = st.lists(_date_bits, max_size=14).map("".join) | st.text(max_size=40)


def _valid_iso(value: str) -> bool:
    import datetime

    if len(value) == 10:
        datetime.date.fromisoformat(value)
        return True
    if len(value) == 7:
        return value[4] == "-" and 1 <= int(value[5:]) <= 12
    return len(value) == 4 and value.isdigit()


@settings(max_examples=500, deadline=None)
@given(_date_texts, st.sampled_from([None, "2017-03-01", "2017-01-02", "2016"]))
def test_date_parsers_give_real_dates_or_nothing(text: str, published: str | None) -> None:
    iso = parse_date(text)
    assert iso is None or _valid_iso(iso), iso
    for d in find_dates(text):
        assert text[d.start:d.end]
        value, _ = resolve_year(d, published)
        assert _valid_iso(value) if not value.startswith("--") else _valid_iso("2000" + value[1:]), value


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["0", "1", "39", " ", "-", "–", "/", "CT", "TW", "NĐ", "CP", "qđ", "ttg", "số",
                                 "2017", "BNV", ".", "Đ", "đ", "x", "'"]), max_size=10).map("".join)
       | st.text(max_size=20))
def test_number_normalisation_and_ids_are_stable(text: str) -> None:
    from graph.ids import instrument_id, looks_numbered, normalize

    if text.strip()[:1].isdigit():
        once = normalize_number(text)
        assert normalize_number(once) == once
    if looks_numbered(text):
        assert norm_number(norm_number(text)) == norm_number(text)
        iid = instrument_id(text)
        assert instrument_id(iid[len("instrument/"):]) == iid
    assert set(slug(text)) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
    assert fold(fold(text)) == fold(text) and normalize(normalize(text)) == normalize(text)
