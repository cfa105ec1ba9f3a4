"""Draw a subgraph as a self-contained, offline, XSS-safe HTML page with pyvis.

Why this module exists instead of ``pyvis.Network.show``:

* pyvis's default template pulls vis-network and bootstrap from CDNs; the explorer must work
  offline, so vis-network is inlined from pyvis's own bundled copy and bootstrap is not used;
* pyvis writes files with the platform's default encoding; Vietnamese labels need UTF-8;
* text from documents (labels, hover titles) must never run in the browser: labels are drawn on
  the canvas (never parsed as HTML) and hover titles are turned into text-only DOM nodes;
* physics must settle and then stop, with a fixed seed so a view looks the same on every rerun;
* a click on a node has to reach Python: :func:`network_component` is a tiny Streamlit
  component (plain JS, no build step) that returns the clicked node id.
"""

from __future__ import annotations

import hashlib
import importlib.util
from collections import deque
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape

from graph.schema import load_schema

WEB_DIR = Path(__file__).with_name("web")
COMPONENT_DIR = WEB_DIR / "component"
VIS_VERSION = "vis-9.1.2"

DEFAULT_MAX_NODES = 150
LABEL_MAX_CHARS = 42


@dataclass(frozen=True)
class NodeStyle:
    """How one node type looks; the legend is drawn from the same values."""

    color: str
    shape: str          # a vis-network shape: dot, box, ellipse, diamond, square, ...
    en: str
    vi: str


_OTHER = NodeStyle("#c7c7c7", "dot", "Other", "Khác")


_TEXT = {
    "en": {
        "settling": "arranging…",
        "hint": "Hover for details · click a node to open it",
        "capped": "Showing the {shown} nodes nearest to the centre of {total}: this view is too large "
                  "to draw usefully. Lower the depth or narrow the type and date filters.",
        "heading": "Network",
    },
    "vi": {
        "settling": "đang sắp xếp…",
        "hint": "Rê chuột để xem chi tiết · bấm vào nút để mở",
        "capped": "Chỉ hiển thị {shown} nút gần trung tâm nhất trong tổng số {total}: mạng quá lớn để "
                  "xem được. Hãy giảm độ sâu hoặc thu hẹp bộ lọc loại và thời gian.",
        "heading": "Mạng liên kết",
    },
}


@dataclass(frozen=True)
class NetworkView:
    """A drawn view: the page, what it shows and what it left out (for a message in the app)."""

    html: str
    shown_nodes: int
    total_nodes: int
    shown_edges: int
    note: str | None
    digest: str

    @property
    def capped(self) -> bool:
        return self.shown_nodes < self.total_nodes


def node_style(node_type: str | None) -> NodeStyle:
    """The colour, shape and names of a node type, from the graph schema (data/schema.toml)."""
    nt = load_schema().nodes.get(node_type or "")
    return NodeStyle(nt.color, nt.shape, nt.en, nt.vi) if nt else _OTHER


def type_label(node_type: str | None, lang: str) -> str:
    """The legend name of a node type in the chosen language (unknown types keep their name)."""
    style = node_style(node_type)
    if style is _OTHER and node_type:
        return str(node_type)
    return style.vi if lang == "vi" else style.en


def edge_label(edge_type: str | None, lang: str) -> str:
    """A short human label for an edge type, from the schema (else the type in lower case)."""
    if not edge_type:
        return ""
    et = load_schema().edges.get(edge_type)
    if et is None:
        return edge_type.replace("_", " ").lower()
    return et.vi if lang == "vi" else et.en


def edge_color(edge_type: str | None) -> str:
    et = load_schema().edges.get(edge_type or "")
    return et.color if et else "#a0a4aa"


_LABEL_INSIDE = {"box", "ellipse", "circle", "database", "text"}


def _font_color(background: str, shape: str) -> str:
    """White text on dark fills for shapes that hold their label; dark text otherwise."""
    if shape not in _LABEL_INSIDE or not background.startswith("#") or len(background) != 7:
        return "#1f1f24"
    r, g, b = (int(background[i:i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#ffffff" if luminance < 150 else "#1f1f24"


def cap_nodes(g: nx.Graph, focus: Hashable | None, max_nodes: int) -> list[Hashable]:
    """The nodes to draw: all of them, or the ``max_nodes`` nearest to ``focus`` (breadth first).

    Why nearest-first: a truncated neighbourhood is still a faithful picture of what is close
    to the entity the user asked about; dropping nodes at random would draw a misleading web.
    """
    nodes = sorted(g.nodes, key=str)
    if len(nodes) <= max_nodes:
        return nodes
    undirected = g.to_undirected(as_view=True)
    start = [focus] if focus is not None and focus in g else []
    seen: dict[Hashable, None] = {}
    for root in start + nodes:     # other components follow, in a stable order
        if len(seen) >= max_nodes:
            break
        if root in seen:
            continue
        queue = deque([root])
        seen[root] = None
        while queue and len(seen) < max_nodes:
            current = queue.popleft()
            for nxt in sorted(undirected.neighbors(current), key=str):
                if nxt not in seen:
                    seen[nxt] = None
                    queue.append(nxt)
                    if len(seen) >= max_nodes:
                        break
    return list(seen)


def _text(value: Any) -> str:
    """A one-line text for any attribute value (lists joined, None empty)."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(_text(v) for v in value if v not in (None, ""))
    return str(value)


def _shorten(text: str, limit: int = LABEL_MAX_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def node_caption(node: Hashable, data: Mapping[str, Any], lang: str) -> str:
    """The full display name of a node (the canvas label is this, shortened)."""
    for key in (f"label_{lang}", "label", "name", "number", "key", "title"):
        value = data.get(key)
        if value:
            return _text(value)
    return str(node)


# Attributes worth a line in a node's hover, in this order (ids, hashes and paths are not).
HOVER_FIELDS = ("number", "kind", "issued", "date", "issuer", "subject", "name_en", "parent",
                "aliases", "title", "author", "status")


def node_hover(node: Hashable, data: Mapping[str, Any], lang: str) -> str:
    """Plain-text hover: type, full name, the main attributes and one evidence sentence.

    Plain text on purpose: the page turns it into a text node, so nothing in it is markup.
    """
    caption = node_caption(node, data, lang)
    lines = [f"{type_label(data.get('type'), lang)}: {caption}"]
    for key in HOVER_FIELDS:
        text = _text(data.get(key))
        if text and text != caption:
            lines.append(f"{key}: {_shorten(text, 160)}")
    evidence = _first_evidence(data.get("evidence"))
    if evidence:
        lines.append(f"“{_shorten(evidence, 300)}”")
    return "\n".join(lines)


def _first_evidence(value: Any) -> str:
    """The first evidence sentence in whatever shape the graph stores it (str, dict, list)."""
    if not value:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        return _text(value.get("text") or value.get("sentence") or "")
    if isinstance(value, (list, tuple)):
        return _first_evidence(value[0])
    text = getattr(value, "text", None)
    return str(text) if text else ""


def edge_hover(data: Mapping[str, Any], lang: str) -> str:
    """Plain-text hover for an edge: its type, dates and the sentence it came from."""
    etype = data.get("type") or data.get("rel")
    lines = [edge_label(etype, lang) or ""]
    for key in ("title", "date", "since", "until", "source_title", "source", "published"):
        text = _text(data.get(key))
        if text:
            lines.append(f"{key}: {_shorten(text, 160)}")
    evidence = _first_evidence(data.get("evidence"))
    if evidence:
        lines.append(f"“{_shorten(evidence, 300)}”")
    return "\n".join(line for line in lines if line)


def _options(seed: int, n_nodes: int) -> dict[str, Any]:
    """vis-network options: seeded layout, bounded stabilisation, hover, readable edge labels."""
    return {
        "layout": {"randomSeed": seed, "improvedLayout": n_nodes <= 100},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -70, "centralGravity": 0.01,
                                 "springLength": 130, "springConstant": 0.06, "avoidOverlap": 0.5},
            "stabilization": {"enabled": True, "iterations": 250, "updateInterval": 50, "fit": True},
            "minVelocity": 0.75,
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False,
                        "keyboard": False, "multiselect": False},
        "nodes": {"borderWidth": 1, "font": {"size": 14, "face": "Source Sans Pro, DejaVu Sans, sans-serif",
                                             "color": "#1f1f24"},
                  "margin": 8},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
                  "font": {"size": 11, "align": "horizontal", "color": "#5f6368", "strokeWidth": 3,
                           "strokeColor": "#ffffff"},
                  "color": {"color": "#a0a4aa", "highlight": "#b3261e", "hover": "#5f6368"},
                  "smooth": {"enabled": True, "type": "continuous", "roundness": 0.3},
                  "width": 1.2},
    }


@lru_cache(maxsize=1)
def _vis_js() -> str:
    """vis-network from pyvis's own bundled copy, read once; ``</script`` cannot occur inside it.

    Found without importing pyvis (which pulls in IPython) so that app start-up does not pay for it.
    """
    spec = importlib.util.find_spec("pyvis")
    if spec is None or spec.origin is None:
        raise RuntimeError("pyvis is not installed")
    path = Path(spec.origin).parent / "templates" / "lib" / VIS_VERSION / "vis-network.min.js"
    text = path.read_text(encoding="utf-8")
    if "</script" in text.lower():   # would end our inline <script> early
        raise RuntimeError(f"{path} cannot be inlined safely")
    return text


@lru_cache(maxsize=1)
def _template_env() -> Environment:
    env = Environment(loader=FileSystemLoader(str(WEB_DIR)), autoescape=select_autoescape(["html"]),
                      auto_reload=False)
    # tojson still escapes < > & ' (so no text can close the <script>); keep Vietnamese readable.
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    return env


def network_html(
    g: nx.Graph,
    *,
    focus: Hashable | None = None,
    lang: str = "en",
    max_nodes: int = DEFAULT_MAX_NODES,
    height_px: int = 620,
    seed: int = 7,
    heading: str | None = None,
) -> NetworkView:
    """Render ``g`` (node attribute ``type`` picks the style) into one offline HTML page.

    ``focus`` is drawn larger and is the centre kept when the view is capped at ``max_nodes``.
    Same input, same page: node order is sorted and the layout seeded, so reruns do not move it.
    """
    from pyvis.network import Network  # imported on first drawing, not at app start

    text = _TEXT.get(lang, _TEXT["en"])
    total = g.number_of_nodes()
    keep = cap_nodes(g, focus, max_nodes)
    keep_set = set(keep)
    net = Network(height=f"{height_px}px", width="100%", directed=True, cdn_resources="in_line")
    present_types: dict[str, NodeStyle] = {}
    for node in keep:
        data = g.nodes[node]
        ntype = data.get("type")
        style = node_style(ntype)
        present_types.setdefault(type_label(ntype, lang), style)
        caption = node_caption(node, data, lang)
        is_focus = node == focus
        net.add_node(
            str(node),
            label=_shorten(caption),
            title=node_hover(node, data, lang),
            shape=style.shape,
            color={"background": style.color, "border": "#b3261e" if is_focus else "#6b6b76",
                   "highlight": {"background": style.color, "border": "#b3261e"},
                   "hover": {"background": style.color, "border": "#1f1f24"}},
            borderWidth=3 if is_focus else 1,
            size=26 if is_focus else 16,
            font={"size": 18 if is_focus else 14, "color": _font_color(style.color, style.shape)},
        )
    n_edges = 0
    for u, v, data in sorted(g.edges(data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2].get("type")))):
        if u not in keep_set or v not in keep_set:
            continue
        etype = data.get("type") or data.get("rel")
        # A post is an edge: its label is the title held ("Thứ trưởng"), not the edge type.
        label = _shorten(_text(data.get("title")), 28) or edge_label(etype, lang)
        color = edge_color(etype)
        net.add_edge(str(u), str(v), label=label, title=edge_hover(data, lang),
                     color={"color": color, "highlight": "#b3261e", "hover": "#1f1f24"})
        n_edges += 1
    net.options = _options(seed, len(keep))
    nodes, edges, _heading, height, _width, options = net.get_network_data()
    note = text["capped"].format(shown=len(keep), total=total) if len(keep) < total else None
    legend = [{"label": label, "color": style.color, "shape": style.shape}
              for label, style in sorted(present_types.items())]
    html = _template_env().get_template("network.html").render(
        lang=lang, heading=heading or text["heading"], vis_js=_vis_js(), bgcolor="#ffffff",
        height=height, nodes=nodes, edges=edges, options=options, legend=legend,
        hint=text["hint"], note=note, settling=text["settling"],
    )
    digest = hashlib.sha256(html.encode("utf-8")).hexdigest()[:16]
    return NetworkView(html=html, shown_nodes=len(keep), total_nodes=total,
                       shown_edges=n_edges, note=note, digest=digest)


def write_html(view: NetworkView, path: str | Path) -> Path:
    """Save the page as UTF-8 explicitly (pyvis's own writer uses the platform encoding)."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(view.html, encoding="utf-8")
    return out


@lru_cache(maxsize=1)
def _component() -> Any:
    import streamlit.components.v1 as components

    return components.declare_component("kg_network", path=str(COMPONENT_DIR))


def network_component(view: NetworkView, *, height_px: int = 620, key: str | None = None) -> dict[str, Any] | None:
    """Show ``view`` in the app; returns ``{"id": node, "n": click count}`` after a click.

    The value persists across reruns (that is how Streamlit components work), so callers act
    on a click once by remembering ``n`` per key.
    """
    value = _component()(html=view.html, height=height_px, key=key or f"net-{view.digest}", default=None)
    return value if isinstance(value, dict) else None

