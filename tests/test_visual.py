"""graph/visual.py: the network page is offline, escaped, capped, stable and written as UTF-8."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import networkx as nx

from graph.visual import cap_nodes, network_html, write_html

HOSTILE = "<img src=x onerror=alert(1)></script><script>alert(2)</script>"


def small_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("instrument/39-CT/TW", type="Instrument", label="Chỉ thị 39-CT/TW", label_en="Directive 39-CT/TW",
               issued="2009-12-09")
    g.add_node("instrument/57-CT/TW", type="Instrument", label="Chỉ thị 57-CT/TW", label_en="Directive 57-CT/TW")
    g.add_node("person/x", type="Person", label=HOSTILE, aliases=[HOSTILE])
    g.add_node("agency/bo-noi-vu", type="Agency", label="Bộ Nội vụ", label_en="Ministry of Home Affairs")
    g.add_edge("instrument/39-CT/TW", "instrument/57-CT/TW", type="SUCCEEDS",
               evidence=[{"sentence": "Chỉ thị số 39 ... kế thừa ... Chỉ thị số 57-CT/TW"}])
    g.add_edge("person/x", "agency/bo-noi-vu", type="HOLDS_POSITION", title=HOSTILE, evidence=[{"sentence": HOSTILE}])
    return g


def test_page_is_self_contained_and_offline() -> None:
    html = network_html(small_graph(), focus="instrument/39-CT/TW").html
    assert "vis.Network" in html
    assert not re.search(r"<(script|link)[^>]+(src|href)=", html), "no external script or stylesheet"
    assert "cdnjs" not in html and "jsdelivr" not in html and "bootstrap" not in html


def test_document_text_cannot_close_the_script_or_become_markup() -> None:
    html = network_html(small_graph()).html
    assert HOSTILE not in html
    assert html.count("</script>") == 2                                 # only the page's own two
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in html            # kept, as inert JSON text
    assert "textContent" in html                                        # hovers become text nodes


def test_colours_shapes_and_legend_follow_the_schema() -> None:
    view = network_html(small_graph(), lang="en")
    nodes = _nodes(view.html)
    assert nodes["instrument/39-CT/TW"]["shape"] == "box" and nodes["person/x"]["shape"] == "dot"
    assert nodes["instrument/39-CT/TW"]["color"]["background"] != nodes["agency/bo-noi-vu"]["color"]["background"]
    legend = re.search(r'<div id="kg-legend">(.*?)</div>\s*</div>', view.html, re.S)
    assert legend and all(word in legend.group(1) for word in ("Instrument", "Agency", "Person"))
    assert nodes["agency/bo-noi-vu"]["label"] == "Ministry of Home Affairs"
    assert "kế thừa" in network_html(small_graph(), lang="vi").html      # edge label in Vietnamese


def test_same_input_same_page_and_seeded_layout() -> None:
    a, b = network_html(small_graph(), focus="instrument/39-CT/TW"), network_html(small_graph(), focus="instrument/39-CT/TW")
    assert a.html == b.html and a.digest == b.digest
    assert '"randomSeed": 7' in a.html
    assert "setOptions({physics: false})" in a.html


def test_size_cap_keeps_the_nearest_and_says_so() -> None:
    g = nx.MultiDiGraph()
    g.add_node("c", type="Agency", label="centre")
    for i in range(30):
        g.add_node(f"n{i}", type="Person", label=f"near {i}")
        g.add_edge(f"n{i}", "c", type="HOLDS_POSITION")
        g.add_node(f"f{i}", type="Event", label=f"far {i}")
        g.add_edge(f"n{i}", f"f{i}", type="PARTICIPATED_IN")
    kept = cap_nodes(g, "c", 31)
    assert kept[0] == "c" and set(kept) == {"c", *(f"n{i}" for i in range(30))}
    view = network_html(g, focus="c", max_nodes=31, lang="en")
    assert view.capped and view.shown_nodes == 31 and view.total_nodes == 61
    assert view.note and "31" in view.note and "61" in view.note and view.note in view.html
    assert not network_html(g, focus="c", max_nodes=100).capped


def test_written_as_utf8(tmp_path: Path) -> None:
    path = write_html(network_html(small_graph(), lang="vi"), tmp_path / "out" / "net.html")
    assert "Chỉ thị 39-CT/TW" in path.read_bytes().decode("utf-8")


def _nodes(html: str) -> dict[str, dict[str, Any]]:
    raw = re.search(r"var rawNodes = (\[.*?\]);\n", html, re.S)
    assert raw
    return {n["id"]: n for n in json.loads(raw.group(1))}
