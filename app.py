"""The explorer: a Streamlit app over the policy-document graph.

Presentation only: every question to the graph goes through ``graph.queries`` (and
``graph.ask``); drawing the network is ``graph.visual``; ingest with a per-file report is
``explorer.ingest``.  The URL's query parameters are the state (view, entity, filters,
language), so any view can be sent to a colleague as a link.

    streamlit run app.py          # or ./dev.sh app
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import networkx as nx
import streamlit as st

from explorer.access import Access, load_access
from explorer.i18n import KNOWN_KEYS, LANGS, t
from explorer.ingest import FileReport, files_under, ingest
from explorer.shared_graph import SharedGraph
from graph import backend as Q  # the queries of the configured store (networkx file or Neo4j)
from graph import document as D
from graph.ids import source_node_id
from graph.index import id_words
from graph.schema import load_schema
from graph.store import DEFAULT_PATH, GraphFileError, busy
from graph.visual import edge_label, network_component, network_html, node_style, type_label
from graph.weigh import AGAINST, describe, threshold

if TYPE_CHECKING:
    import altair as alt

# altair and pandas cost half a second to import and pyvis a tenth: the first page of a start
# does not need them, so they are imported where used and warmed up after that first page.

_LOG = logging.getLogger("explorer")
ROOT = Path(__file__).resolve().parent
SEEDS = ROOT / "data" / "seeds"
GRAPH_PATH = Path(os.environ.get("KG_GRAPH") or DEFAULT_PATH)   # tests point this at a temp file
UPLOAD_DIR = GRAPH_PATH.parent / "uploads"
VIEWS = ("overview", "entity", "document", "network", "lineage", "path", "timeline", "career", "agency", "ask",
         "add")
CONTENT_TYPES = ("Instrument", "Agency", "Person", "Event")
MAX_NETWORK_NODES = 150          # more than this is not readable on a screen
NETWORK_HEIGHT = 640
BADGE = {"Instrument": "blue", "Agency": "green", "Person": "red", "Event": "orange", "Source": "gray"}
ASK_EXAMPLES = ("what implements 27-NQ/TW", "Chỉ thị 39 kế thừa chỉ thị nào",
                "who is Thứ trưởng Bộ Nội vụ", "career of Dang Hoang Oanh")


# Our own rules only (no document text): links as links, link lists compact.
STYLE = """<style>
[data-testid="stBaseButton-tertiary"] { min-height: 0; padding: 0.05rem 0; text-align: left; justify-content: flex-start; }
[data-testid="stBaseButton-tertiary"] p { color: #1a5fb4; }
[data-testid="stBaseButton-tertiary"]:hover p { text-decoration: underline; }
div[class*="st-key-links"] { gap: 0.2rem; }
[data-testid="stMainBlockContainer"] { padding-top: 2.5rem; }
blockquote { font-size: 0.95rem; color: #3d3d45; }
</style>"""


# -- the graph ------------------------------------------------------------------------------

@st.cache_resource(show_spinner=False)
def _shared() -> SharedGraph:
    """The saved graph, loaded once per server process, shared by every session, reloaded when
    its file changes (a CLI build, an ingest from any session)."""
    return SharedGraph(GRAPH_PATH)


def access() -> Access:
    """This deployment's editing settings: [explorer] in .streamlit/secrets.toml, or KG_* variables."""
    try:
        table = dict(st.secrets.get("explorer", {}))
    except Exception:  # noqa: BLE001 - no secrets file: the defaults (read-only)
        table = {}
    return load_access(table)


def is_editor() -> bool:
    return access().editing and bool(st.session_state.get("editor"))


@st.cache_resource(show_spinner=False)
def _warm_up() -> threading.Thread:
    """Import what other views need in the background, once per server, after the first page."""
    def run() -> None:
        import altair  # noqa: F401
        import pandas  # noqa: F401
        import pyvis.network  # noqa: F401

    thread = threading.Thread(target=run, name="warm-up", daemon=True)
    thread.start()
    return thread


@st.cache_resource(show_spinner=False)
def _build_lock() -> threading.Lock:
    return threading.Lock()


@st.cache_resource(show_spinner=False)
def _seed_build_failed() -> dict[str, bool]:
    """Whether this server's build from the sample corpus failed: tried once, not on every page."""
    return {"failed": False}


BACKENDS = ("networkx", "neo4j")


def neo4j_config() -> Any:
    """The Neo4j server NEO4J_* variables or a [neo4j] table of .streamlit/secrets.toml name, or None."""
    from graph.neo4j_store import Neo4jConfig, Neo4jError

    try:
        return Neo4jConfig.from_env()
    except Neo4jError:
        pass
    try:
        sec = dict(st.secrets.get("neo4j", {}))
    except Exception:  # noqa: BLE001 - no secrets file: no server configured there
        return None
    if not sec.get("uri"):
        return None
    return Neo4jConfig.from_env(sec.get("uri"), sec.get("user"), sec.get("password"), sec.get("database"), env={})


def current_backend() -> str:
    """Where the graph is read: the sidebar's (URL's) choice, else $GRAPH_BACKEND, else the graph file."""
    chosen = st.session_state.get("w_backend") or param("backend") or os.environ.get("GRAPH_BACKEND") or "networkx"
    return chosen if chosen in BACKENDS else "networkx"


@st.cache_resource(show_spinner=False)
def _neo4j_store(uri: str, user: str, database: str | None, _password: str) -> Any:
    """One connection pool per server process (the password is not part of the cache key)."""
    from graph.neo4j_store import Neo4jConfig, Neo4jStore

    return Neo4jStore.connect(Neo4jConfig(uri, user, _password, database))


def _use_backend(backend: str) -> None:
    st.session_state["w_backend"] = backend
    st.query_params["backend"] = backend


def neo4j_store(lang: str) -> Any:
    """The Neo4j store; without a configured or reachable server, the reason and a way back."""
    from graph.neo4j_store import Neo4jError

    cfg = neo4j_config()
    try:
        if cfg is not None:
            return _neo4j_store(cfg.uri, cfg.user, cfg.database, cfg.password)
        st.error(t("neo4j_unconfigured", lang))
    except Neo4jError as e:
        st.error(md(t("neo4j_unreachable", lang, error=str(e))))
    st.button(t("backend_networkx", lang), key="use_networkx", on_click=_use_backend, args=("networkx",))
    st.stop()


def graph_store(lang: str) -> Any:
    """The store; on the very first start it is built from the bundled seeds, with progress.

    With the Neo4j backend it is the server's graph as the team pushed or built it (no seeding).
    """
    if current_backend() == "neo4j":
        return neo4j_store(lang)
    try:
        store = _shared().store()
    except GraphFileError:
        st.error(t("graph_file_refused", lang, path=md(GRAPH_PATH.name)))
        st.stop()
    seeds_stale = any(store.manifest[sid].path.startswith(str(SEEDS)) for sid in store.stale_sources())
    if (store.manifest and not seeds_stale) or not SEEDS.is_dir():
        return store
    if _seed_build_failed()["failed"]:
        st.error(t("build_failed", lang))
        return store
    with _build_lock():  # first start, or the bundled corpus was read by older rules
        store = _shared().store()
        seeds_stale = any(store.manifest[sid].path.startswith(str(SEEDS)) for sid in store.stale_sources())
        if not store.manifest or seeds_stale:
            bar = st.progress(0.0, text=t("building", lang))
            _, problem = ingest(GRAPH_PATH, files_under([SEEDS])[0], _progress_to(bar, lang),
                                memory_mb=access().ingest_memory_mb)
            bar.empty()
            if problem:     # the reason may name server paths: the log has it, visitors a message
                _LOG.error("building the graph from the sample corpus failed: %s", problem)
                _seed_build_failed()["failed"] = True
                st.error(t("build_failed", lang))
            st.cache_data.clear()
            store = _shared().store()
    return store


def _progress_to(bar: Any, lang: str) -> Callable[[int, int, str], None]:
    def update(done: int, total: int, name: str) -> None:
        bar.progress(done / total if total else 1.0, text=t("ingesting", lang, file=md(name)) if name else "")
    return update


def revision(g: nx.MultiDiGraph) -> tuple[int, int, int]:
    """Cache key for everything derived from the graph: changes whenever an ingest changes it."""
    return (g.graph.get("revision", 0), g.number_of_nodes(), g.number_of_edges())


# -- URL state ------------------------------------------------------------------------------

def param(name: str, default: str = "") -> str:
    return st.query_params.get(name, default)


def current_lang() -> str:
    lang = param("lang", "vi")
    return lang if lang in LANGS else "vi"


def go(view: str, **params: str | None) -> None:
    """Navigate (a button callback): the URL is updated, so the new view can be shared."""
    st.query_params["view"] = view
    st.session_state["w_view"] = view
    for name, value in params.items():
        if value is None:
            st.query_params.pop(name, None)
        else:
            st.query_params[name] = value


def bind(name: str, default: Any, decode: Callable[[str], Any] = str) -> str:
    """A widget key whose first value comes from the URL; ``to_url`` writes changes back."""
    key = f"w_{name}"
    if key not in st.session_state:
        raw = st.query_params.get(name)
        try:
            st.session_state[key] = decode(raw) if raw not in (None, "") else default
        except ValueError:
            st.session_state[key] = default
    return key


def to_url(name: str, encode: Callable[[Any], str | None] = str) -> None:
    """on_change callback of a bound widget."""
    value = encode(st.session_state[f"w_{name}"])
    if value in (None, ""):
        st.query_params.pop(name, None)
    else:
        st.query_params[name] = value


def _csv(values: Iterable[str]) -> str:
    return ",".join(values)


def _uncsv(raw: str) -> list[str]:
    return [v for v in raw.split(",") if v]


def _years(raw: str, span: tuple[int, int] | None = None) -> tuple[int, int]:
    """A "lo-hi" range from the URL, kept within ``span`` (a shared link outlives the data's years)."""
    lo, hi = sorted(int(x) for x in raw.split("-"))
    if span is not None:
        lo, hi = max(lo, span[0]), min(hi, span[1])
        if lo > hi:
            raise ValueError(raw)
    return lo, hi


def _within(lo: int, hi: int) -> Callable[[str], int]:
    """A URL decoder of an integer kept between ``lo`` and ``hi`` (a slider refuses others)."""
    return lambda raw: min(hi, max(lo, int(raw)))


# -- small presentation helpers -------------------------------------------------------------

_MD_INLINE = re.compile(r"([\\`*_\[\]<>$~|])")
_MD_BLOCK = re.compile(r"^([#+\-=>])")
_MD_NUMBERED = re.compile(r"^(\d+)([.)])")


def web_link(url: Any) -> str | None:
    """A Markdown link to an http(s) address, its host as the text; None for anything else.

    Every character outside an address's own is percent-encoded, so a crafted ``url`` field
    (newlines, brackets, quotes) cannot end the link and start markup of its own."""
    raw = str(url or "").strip()
    if not raw.lower().startswith(("http://", "https://")):
        return None
    safe = quote(raw, safe=":/?#@!$&'*+,;=%~-._").replace("'", "%27")
    host = raw.split("/")[2] if raw.count("/") >= 2 else ""
    return f"[{md(host)}]({safe})" if host else None


def code_span(text: str) -> str:
    """``text`` as inline code whatever backticks it holds (a fence longer than any run inside)."""
    runs = re.findall(r"`+", text)
    fence = "`" * (max((len(r) for r in runs), default=0) + 1)
    return f"{fence} {text} {fence}"


def md(text: Any) -> str:
    """Document text made inert for Streamlit markdown (no links, images, HTML, LaTeX or lists)."""
    one_line = _MD_INLINE.sub(r"\\\1", " ".join(str(text or "").split()))
    return _MD_NUMBERED.sub(r"\1\\\2", _MD_BLOCK.sub(r"\\\1", one_line))


def label_of(ref: Q.NodeRef | Q.Hit, lang: str) -> str:
    return (ref.label_en or ref.label) if lang == "en" else ref.label


def badge(node_type: str, lang: str) -> str:
    return f":{BADGE.get(node_type, 'gray')}-badge[{md(type_label(node_type, lang))}]"


def link(ref: Q.NodeRef | Q.Hit, lang: str, key: str, view: str = "entity", suffix: str = "") -> None:
    """A link-looking button into an entity's page (no page reload, the URL follows)."""
    text = md(label_of(ref, lang)) + (f" · {md(suffix)}" if suffix else "")
    st.button(text, key=key, type="tertiary", on_click=go, args=(view,), kwargs={"id": ref.id})


def evidence_block(evs: Sequence[dict[str, Any]], lang: str, limit: int = 3) -> None:
    """The sentences a fact came from, each with its article's title, date and link."""
    shown = 0
    for ev in evs:
        if not ev.get("sentence") or shown >= limit:
            continue
        shown += 1
        st.markdown(f"> {md(ev['sentence'])}")
        bits = [md(ev.get("title") or ev.get("source_id") or "")]
        if ev.get("outline_path"):      # "Điều 37": where in an official text the sentence stands
            bits.append(f"**{md(ev['outline_path'])}**")
        if ev.get("date"):
            bits.append(md(ev["date"]))
        if link_md := web_link(ev.get("url")):
            bits.append(link_md)
        elif ev.get("url"):
            bits.append(md(ev["url"]))
        st.caption(" · ".join(b for b in bits if b))


def section(title: str) -> None:
    st.markdown(f"#### {title}")


def id_param(name: str, g: nx.MultiDiGraph) -> str | None:
    """The node of URL parameter ``name``: an id of the graph, or a person's id typed or linked
    without its tone marks ("person/dang-hoang-oanh") when it can mean one person only; the URL
    then shows the id found."""
    current = param(name)
    if not current or current in g:
        return current or None
    found = Q.resolve(g, current, ("Person",)) if id_words(current) else None
    if found:
        st.query_params[name] = found
    return found


def entity_picker(name: str, types: Sequence[str] | None, lang: str, g: nx.MultiDiGraph,
                  label: str | None = None) -> str | None:
    """Search box plus hits as links; the chosen id goes to URL parameter ``name``."""
    chosen = id_param(name, g)
    if label:
        st.markdown(f"**{label}**" + (f" {badge(g.nodes[chosen].get('type', ''), lang)} "
                                      f"{md(label_of(Q.ref(g, chosen), lang))}" if chosen else ""))
    text = st.text_input(label or t("search", lang), key=f"pick_{name}", label_visibility="collapsed",
                         placeholder=t("change_entity" if chosen else "search_placeholder", lang))
    if text:
        hits = Q.search(g, text, types=list(types) if types else None, limit=8)
        if not hits:
            st.caption(t("no_hits", lang))
        with st.container(key=f"links_pick_{name}"):
            for i, hit in enumerate(hits):
                st.button(f"{md(label_of(hit, lang))} · {md(type_label(hit.type, lang))}", key=f"pick_{name}_{i}",
                          type="tertiary", on_click=_pick, args=(name, hit.id))
    return chosen


def entity_heading(g: nx.MultiDiGraph, node_id: str, lang: str) -> None:
    """The entity a view is about, as a link to its page."""
    with st.container(horizontal=True, key="links_heading"):
        st.markdown(badge(g.nodes[node_id].get("type", ""), lang))
        link(Q.ref(g, node_id), lang, "heading_link")


def _pick(name: str, node_id: str) -> None:
    st.query_params[name] = node_id
    st.session_state[f"pick_{name}"] = ""


def require(g: nx.MultiDiGraph, node_id: str, node_type: str, lang: str, message_key: str) -> bool:
    """Whether ``node_id`` is a node of ``node_type``; says what to pick when it is not."""
    if node_id in g and g.nodes[node_id].get("type") == node_type:
        return True
    st.info(t(message_key, lang))
    return False


# -- sidebar --------------------------------------------------------------------------------

def sidebar(g: nx.MultiDiGraph, lang: str, views: Sequence[str] = VIEWS) -> str:
    if st.session_state.get("w_view", "overview") not in views:
        st.session_state["w_view"] = "overview"
    with st.sidebar:
        st.markdown(f"### {t('app_title', lang)}")
        st.segmented_control(t("language", lang), LANGS, key=bind("lang", "vi"), format_func=str.upper,
                             on_change=to_url, args=("lang",), selection_mode="single")
        text = st.text_input(t("search", lang), key="search", placeholder=t("search_placeholder", lang))
        if text:
            hits = Q.search(g, text, limit=8)
            if not hits:
                st.caption(t("no_hits", lang))
            with st.container(key="links_hits"):
                for i, hit in enumerate(hits):
                    st.button(f"{md(label_of(hit, lang))} · {md(type_label(hit.type, lang))}", key=f"hit_{i}",
                              type="tertiary", on_click=go, args=("entity",), kwargs={"id": hit.id})
        view = st.radio(t("views", lang), views, key=bind("view", "overview", _view), format_func=lambda v: t(v, lang),
                        on_change=to_url, args=("view",))
        st.toggle(t("show_all", lang), key=bind("all", False, _flag), on_change=to_url, args=("all", _unflag),
                  help=t("show_all_help", lang, threshold=f"{threshold():.2f}"))
        if neo4j_config() is not None or current_backend() == "neo4j":
            st.radio(t("backend", lang), BACKENDS, key=bind("backend", current_backend()),
                     format_func=lambda b: t(f"backend_{b}", lang), on_change=to_url, args=("backend",))
        editor_sign_in(lang)
    return str(view)


def editor_sign_in(lang: str) -> None:
    """The editor role: a password the administrator set; without one, nobody edits from here."""
    if not access().editing:
        return
    with st.expander(t("editor", lang), expanded=bool(st.session_state.get("editor"))):
        if st.session_state.get("editor"):
            st.caption(t("editor_signed_in", lang))
            st.button(t("sign_out", lang), key="sign_out", on_click=_set_editor, args=(False,))
            return
        given = st.text_input(t("password", lang), type="password", key="editor_password")
        if st.button(t("sign_in", lang), key="sign_in"):
            if access().password_ok(given):
                _set_editor(True)
                st.rerun()
            time.sleep(1)       # a wrong guess costs a second: no fast guessing
            st.error(t("wrong_password", lang))


def _set_editor(on: bool) -> None:
    st.session_state["editor"] = on
    st.session_state.pop("editor_password", None)


def _flag(raw: str) -> bool:
    return raw == "1"


def _unflag(value: bool) -> str | None:
    return "1" if value else None


def min_conf() -> float | None:
    """The confidence under which facts are hidden: the threshold, unless the user shows everything."""
    return None if st.session_state.get("w_all") else threshold()


def weight_text(support: int | None, sources: int, confidence: float | None, lang: str) -> str:
    """"3 nguồn · độ tin cậy 0.92": how many independent sources state a fact, and its score."""
    if confidence is None:
        return ""
    n = support if support is not None else sources
    return t("weight", lang, n=n, conf=f"{confidence:.2f}")


def _view(raw: str) -> str:
    if raw not in (*VIEWS, "cypher"):
        raise ValueError(raw)
    return raw


# -- views ----------------------------------------------------------------------------------

@st.cache_data(show_spinner=False, max_entries=8)
def _overview(_g: nx.MultiDiGraph, rev: tuple[int, int, int]) -> tuple[Q.Overview, list[Q.TimelineItem]]:
    return Q.overview(_g, top=8), Q.timeline(_g, node_types=("Event", "Instrument"), limit=1_000_000)


def view_overview(g: nx.MultiDiGraph, lang: str) -> None:
    st.title(t("app_title", lang))
    st.caption(t("app_caption", lang))
    if g.number_of_nodes() == 0:
        st.info(t("empty_graph", lang))
        return
    ov, items = _overview(g, revision(g))
    dated = [i for i in items if i.date[:1].isdigit()]
    section(t("graph_holds", lang))
    cols = st.columns(len(CONTENT_TYPES) + 2)
    for col, node_type in zip(cols, CONTENT_TYPES, strict=False):
        col.metric(type_label(node_type, lang), ov.nodes_by_type.get(node_type, 0))
    cols[-2].metric(t("sources", lang), ov.sources)
    cols[-1].metric(t("links", lang), sum(n for k, n in ov.edges_by_type.items() if k != "MENTIONS"))
    if dated:
        st.caption(f"{t('date_span', lang)}: {dated[0].date[:4]}–{dated[-1].date[:4]}"
                   + (f" · {t('conflicts', lang)}: {ov.conflicts}" if ov.conflicts else ""))
    left, mid, right = st.columns(3)
    for col, key, ranked in ((left, "top_instruments", ov.top_instruments), (mid, "top_agencies", ov.top_agencies),
                             (right, "top_people", ov.top_people)):
        with col, st.container(key=f"links_{key}"):
            section(t(key, lang))
            for i, (ref, degree) in enumerate(ranked):
                link(ref, lang, f"ov_{key}_{i}", suffix=str(degree))
    section(t("latest_events", lang))
    events = [i for i in dated if i.node.type == "Event"][-8:][::-1]
    with st.container(key="links_latest"):
        for i, item in enumerate(events):
            link(item.node, lang, f"ov_ev_{i}", suffix=_links_text(item.links, lang))


def _links_text(refs: Sequence[Q.NodeRef], lang: str, limit: int = 3) -> str:
    return ", ".join(label_of(r, lang) for r in refs[:limit])


def view_entity(g: nx.MultiDiGraph, lang: str) -> None:
    node_id = id_param("id", g)
    if not node_id:
        entity_picker("id", None, lang, g)
        ref = param("id")
        st.info(t("not_found", lang, ref=md(ref)) if ref else t("pick_entity", lang))
        return
    detail = Q.node(g, node_id, min_conf())
    node_type = detail.node.type
    st.title(md(label_of(detail.node, lang)))
    st.markdown(badge(node_type, lang) + (f" {md(detail.node.label)}" if lang == "en" and
                                          detail.node.label != label_of(detail.node, lang) else ""))
    _entity_actions(node_id, node_type, lang, has_document(g, node_id))
    if node_type == "Instrument":
        status = Q.status(g, node_id)
        st.markdown(f"**{t('status', lang)}:** {md(status.label if lang == 'vi' else status.label_en)}")
    _attributes(detail.attrs, lang, g)
    if node_type == "Person":
        _posts(Q.career(g, node_id, min_conf()).posts, lang, "ent_post")
    elif node_type == "Agency":
        _agency_summary(Q.agency(g, node_id, min_conf()), lang)
    _disputes(g, node_id, lang)
    _linked(detail, lang)
    if detail.attrs.get("evidence"):
        section(t("evidence", lang))
        evidence_block(detail.attrs["evidence"], lang, limit=5)
    if detail.sources:
        section(t("source_articles", lang))
        with st.container(key="links_sources"):
            for i, src in enumerate(detail.sources):
                link(src, lang, f"ent_src_{i}", suffix=src.date or "")


def has_document(g: nx.MultiDiGraph, node_id: str) -> bool:
    """Whether an instrument has an official text (or an outline from one) in the graph."""
    d = g.nodes[node_id]
    return d.get("type") == "Instrument" and bool(d.get("authority") or d.get("outline"))


def _entity_actions(node_id: str, node_type: str, lang: str, document: bool = False) -> None:
    actions = [("document", "open_document")] if document else []
    actions += [("network", "open_network")]
    actions += {"Instrument": [("lineage", "open_lineage")], "Person": [("career", "open_career")],
                "Agency": [("agency", "open_agency")]}.get(node_type, [])
    actions.append(("timeline", "open_timeline"))
    with st.container(horizontal=True):
        for view, key in actions:
            extra = {"involving": node_id} if view == "timeline" else {}
            st.button(t(key, lang), key=f"act_{view}", on_click=go, args=(view,), kwargs={"id": node_id, **extra})


_ATTR_FIELDS = ("number", "name", "kind", "issued", "date", "date_end", "issuer", "subject", "signer", "effective", "place",
                "name_en", "abbrev", "parent", "registry", "title", "author", "url", "year_explicit")


def _source_label(g: nx.MultiDiGraph | None, source_id: str) -> str:
    """A source's title, from its source id or its ``source/...`` node id."""
    sid = source_id if source_id.startswith("source/") else source_node_id(source_id)
    if g is not None and sid in g:
        return str(g.nodes[sid].get("title") or g.nodes[sid].get("name") or source_id)
    return source_id


def conflict_text(g: nx.MultiDiGraph | None, disagreement: Sequence[dict[str, Any]], lang: str) -> str:
    """One field's disagreement in words: "news says 2009-12-08 (…), the official text says
    2009-12-09" when an official text settles it, else every value with its sources."""
    def srcs(sources: Sequence[str]) -> str:
        return ", ".join(_source_label(g, s) for s in sources[:3]) + (" …" if len(sources) > 3 else "")

    chosen, others = disagreement[0], disagreement[1:]
    if chosen.get("authority"):
        said = "; ".join(t("official_too_says" if o.get("authority") else "news_says", lang, value=o["value"],
                           sources=srcs(o["sources"])) for o in others)
        return t("conflict_official", lang, others=said, official=chosen["value"])
    values = "; ".join(f"{v['value']} ({srcs(v['sources'])})" for v in disagreement)
    return t("conflict_note", lang, values=values)


def _attributes(attrs: dict[str, Any], lang: str, g: nx.MultiDiGraph | None = None) -> None:
    rows = [(k, attrs[k]) for k in _ATTR_FIELDS if attrs.get(k) not in (None, "", [])]
    rows = [(k, t("yes" if v else "no", lang) if isinstance(v, bool) else v) for k, v in rows]
    if attrs.get("kind"):
        rows = [(k, load_schema().kind_label(v, lang) if k == "kind" and attrs.get("type") == "Instrument" else v)
                for k, v in rows]
    if rows:
        section(t("attributes", lang))
        st.markdown("\n".join(f"- **{t('attr_' + k, lang)}**: {md(v)}" for k, v in rows))
    if attrs.get("aliases"):
        st.markdown(f"**{t('aliases', lang)}:** " + "; ".join(md(a) for a in attrs["aliases"]))
    for field, disagreement in (attrs.get("conflicts") or {}).items():
        name = t("attr_" + field, lang) if ("attr_" + field) in KNOWN_KEYS else field
        st.warning(f"**{md(name)}** — " + md(conflict_text(g, disagreement, lang)))


def _posts(posts: Sequence[Q.Post], lang: str, key: str) -> None:
    """Posts as time spans ("2016-08 → 2019-11"), dated ones in order, undated ones after them."""
    section(t("posts", lang))
    if not posts:
        st.caption(t("no_posts", lang))
    ordered = [p for p in posts if p.as_of] + [p for p in posts if not p.as_of]
    for i, post in enumerate(ordered):
        when = post.as_of if post.as_of == post.last_seen else f"{post.as_of or '?'} → {post.last_seen or '?'}"
        weight = weight_text(post.support, post.sources, post.confidence, lang)
        with st.container(border=True, key=f"post_{key}_{i}"):
            st.markdown(f"**{md(post.title)}**" + (f" ({t('former', lang)})" if post.former else "")
                        + f" · {md(when or t('no_date', lang))}" + (f" · {md(weight)}" if weight else ""))
            if post.agency:
                link(post.agency, lang, f"{key}_{i}", view="agency")
            for r in post.reasons:
                if r and r[0] in AGAINST:
                    st.caption("⚠ " + md(describe(r, lang)))
            evidence_block(post.evidence, lang, limit=1)


def _disputes(g: nx.MultiDiGraph, node_id: str, lang: str) -> None:
    """What sources disagree about the entity, each side with its sentences."""
    found = Q.disputed(g, node_id)
    if not found:
        return
    section(t("disputed", lang))
    for n, dispute in enumerate(found):
        with st.container(border=True, key=f"dispute_{n}"):
            name = t("attr_" + dispute.field, lang) if ("attr_" + dispute.field) in KNOWN_KEYS else \
                edge_label(dispute.field, lang)
            st.markdown(f"**{md(name)}**")
            for r in dispute.reasons:
                st.caption(md(describe(r, lang)))
            for i, side in enumerate(dispute.sides):
                n_src = t("weight_sources", lang, n=side.support) if side.support is not None else t("registry", lang)
                first, other = ("kept", "against") if dispute.field not in load_schema().edges else ("this_fact", "other_fact")
                st.markdown(f"{t(first if i == 0 else other, lang)}: {md(str(side.value))} · {md(n_src)}")
                evidence_block(side.evidence, lang, limit=1)


def _agency_summary(profile: Q.AgencyProfile, lang: str) -> None:
    if profile.parent:
        st.markdown(f"**{t('parent', lang)}:**")
        link(profile.parent, lang, "ag_parent")
    if profile.units:
        section(t("units", lang))
        with st.container(key="links_units"):
            for i, unit in enumerate(profile.units):
                link(unit, lang, f"ag_unit_{i}")
    if profile.leaders:
        section(t("leaders", lang))
        with st.container(key="links_leaders"):
            for i, post in enumerate(profile.leaders):
                link(post.person, lang, f"ag_lead_{i}", suffix=f"{post.title} ({post.last_seen or '?'})")


def _linked(detail: Q.NodeDetail, lang: str) -> None:
    """The entity's links grouped by type, each other end a link, each link with its sentence."""
    groups: dict[tuple[str, str], list[tuple[Q.Step, Q.NodeRef]]] = {}
    for step in detail.out_edges:
        groups.setdefault((step.type, "out"), []).append((step, step.target))
    for step in detail.in_edges:
        groups.setdefault((step.type, "in"), []).append((step, step.source))
    if not groups:
        return
    section(t("linked", lang))
    for n, ((edge_type, direction), rows) in enumerate(sorted(groups.items())):
        arrow = "→" if direction == "out" else "←"
        with st.expander(f"{arrow} {edge_label(edge_type, lang)} ({len(rows)})", expanded=n < 4):
            for i, (step, other) in enumerate(rows):
                title = step.attrs.get("title")
                date = other.date if other.date and other.date not in other.label else None
                link(other, lang, f"lnk_{edge_type}_{direction}_{i}", suffix=" · ".join(x for x in (title, date) if x))
                evidence_block(step.evidence, lang, limit=1)


# document page

def _field_value(f: D.Field, lang: str) -> str:
    if f.name == "kind":
        return load_schema().kind_label(str(f.value), lang)
    return str(f.value)


def typed_view(g: nx.MultiDiGraph, lang: str, view: str, node_type: str, wrong_type: str) -> str | None:
    """The heading and entity picker of a view about one type of node; the chosen id, or None
    (with a message) when nothing of that type is chosen."""
    st.header(t(view, lang))
    node_id = entity_picker("id", (node_type,), lang, g)
    if not node_id or not require(g, node_id, node_type, lang, wrong_type):
        return None
    return node_id


def view_document(g: nx.MultiDiGraph, lang: str) -> None:
    """An instrument as its official text shows it: header (each value with where it comes from),
    disagreements, signature, effect, bases, links with the article citing them, outline."""
    node_id = typed_view(g, lang, "document", "Instrument", "not_document")
    if not node_id:
        return
    doc = Q.document(g, node_id)
    st.title(md(label_of(doc.node, lang)))
    st.markdown(badge("Instrument", lang) + " "
                + md(doc.status.label if lang == "vi" else doc.status.label_en))
    with st.container(horizontal=True):
        for view, key in (("entity", "entity"), ("lineage", "open_lineage"), ("network", "open_network")):
            st.button(t(key, lang), key=f"doc_act_{view}", on_click=go, args=(view,), kwargs={"id": node_id})
    if doc.official:
        with st.container(key="links_doc_official"):
            st.markdown(f"**{t('official_text', lang)}:**")
            for i, src in enumerate(doc.official_sources):
                link(src, lang, f"doc_off_{i}", suffix=src.date or "")
    else:
        st.info(t("no_official_text", lang))
    _document_header(doc, g, lang)
    if doc.signature:
        _document_signature(doc.signature, lang)
    if doc.effective_text or any(f.name == "effective" for f in doc.fields):
        section(t("effect", lang))
        eff = next((f.value for f in doc.fields if f.name == "effective"), None)
        st.markdown((f"**{md(eff)}**" + (" — " if doc.effective_text else "") if eff else "")
                    + (f"«{md(doc.effective_text)}»" if doc.effective_text else ""))
    for key, refs in (("issued_with", doc.issued_by_text), ("attached", doc.attached)):
        if refs:
            section(t(key, lang))
            with st.container(key=f"links_doc_{key}"):
                for i, r in enumerate(refs):
                    link(r, lang, f"doc_{key}_{i}", view="document", suffix=r.date or "")
    if doc.bases:
        section(t("bases", lang))
        _document_steps(doc.bases, doc.node.id, lang, "doc_base")
    others = [s for s in doc.links if s.type != "ISSUES"]
    if others:
        section(t("doc_links", lang))
        _document_steps(others, doc.node.id, lang, "doc_link")
    if doc.database:
        _document_database(doc, lang)
    if doc.recipients:
        with st.expander(f"{t('recipients', lang)} ({len(doc.recipients)})"):
            st.markdown("\n".join(f"- {md(r)}" for r in doc.recipients))
            with st.container(key="links_doc_recipients"):
                for i, r in enumerate(doc.addressed_to):
                    link(r, lang, f"doc_rec_{i}", view="agency")
    if doc.outline:
        _document_outline(doc, lang)


def _document_header(doc: D.Document, g: nx.MultiDiGraph, lang: str) -> None:
    section(t("header", lang))
    rows = []
    for f in doc.fields:
        where = t("from_official", lang) if f.authoritative else t(
            "from_sources", lang, n=len({s.id for c in f.claims if c.value == f.value for s in c.sources}))
        rows.append(f"- **{md(t('attr_' + f.name, lang))}**: {md(_field_value(f, lang))} · *{md(where)}*")
    if rows:
        st.markdown("\n".join(rows))
    if doc.conflicts:
        section(t("disagreements", lang))
        for f in doc.conflicts:
            entries = [{"value": c.value, "sources": [s.id for s in c.sources], "authority": int(c.authoritative)}
                       for c in f.claims]
            chosen = [e for e in entries if e["value"] == f.value]
            st.warning(f"**{md(t('attr_' + f.name, lang))}** — "
                       + md(conflict_text(g, chosen + [e for e in entries if e["value"] != f.value], lang)))


def _document_database(doc: D.Document, lang: str) -> None:
    """The legal database's own table of the text, beside the header the text itself gives."""
    with st.expander(t("db_record", lang)):
        st.markdown("\n".join(f"- **{md(t('attr_' + k, lang))}**: {md(v)}" for k, v in doc.database.items()))
        for name, db_value, text_value in doc.database_disagreements:
            st.warning(md(t("db_disagrees", lang, field=t("attr_" + name, lang), db=db_value, text=text_value)))
        if doc.database_source:
            with st.container(key="links_doc_db_source"):
                link(doc.database_source, lang, "doc_db_source")


def _document_signature(sig: D.Signature, lang: str) -> None:
    section(t("signature", lang))
    whose = " ".join(x for x in (*sig.modes, sig.on_behalf or "") if x)
    st.markdown(" · ".join(md(x) for x in (whose, sig.post, None if sig.person else sig.name) if x))
    if sig.person:
        with st.container(key="links_doc_signer"):
            link(sig.person, lang, "doc_signer", view="career")
    evidence_block(sig.evidence, lang, limit=1)


def _cites(step: Q.Step) -> str:
    return ", ".join(sorted({str(e["outline_path"]) for e in step.evidence if e.get("outline_path")}))


def _document_steps(steps: Sequence[Q.Step], node_id: str, lang: str, key: str) -> None:
    """Links of the instrument: type, the other instrument, "Điều 37" when the text states it there."""
    for i, step in enumerate(steps):
        out = step.source.id == node_id
        other = step.target if out else step.source
        with st.container(border=True, key=f"links_{key}_{i}"):
            cites = _cites(step)
            st.markdown(f"{'→' if out else '←'} *{md(edge_label(step.type, lang))}*"
                        + (f" · **{md(t('stated_in', lang, where=cites))}**" if cites else ""))
            link(other, lang, f"{key}_{i}", suffix=other.date or "")
            evidence_block(step.evidence, lang, limit=1)


def _document_outline(doc: D.Document, lang: str) -> None:
    """Top-level units as expanders (open when a link is stated in them); deeper units inside."""
    section(t("outline", lang))
    src = doc.outline_source.label if doc.outline_source else ""
    st.caption(t("outline_caption", lang, n=len(doc.outline), source=md(src)))
    groups: list[list[D.OutlineItem]] = []
    for item in doc.outline:
        if item.depth == 0 or not groups:
            groups.append([])
        groups[-1].append(item)
    for n, group in enumerate(groups):
        head = group[0]
        count = sum(len(i.links) for i in group)
        title = head.path + (f" · {head.title}" if head.title else "")
        label = title + (f" ({t('n_links', lang, n=count)})" if count else "")
        with st.expander(md(label), expanded=bool(count)), st.container(key=f"links_doc_outline_{n}"):
            for j, item in enumerate(group):
                indent = "\u2003" * item.depth
                if item.level in ("clause", "point"):
                    st.markdown(indent + md(item.text))
                elif j > 0:
                    st.markdown(indent + f"**{md(item.path)}**" + (f" · {md(item.title)}" if item.title else ""))
                for k, step in enumerate(item.links):
                    out = step.source.id == doc.node.id
                    other = step.target if out else step.source
                    link(other, lang, f"doc_ol_{n}_{j}_{k}",
                         suffix=f"{edge_label(step.type, lang)} · {item.path}")


# network

@st.cache_data(show_spinner=False, max_entries=32)
def _network(_g: nx.MultiDiGraph, rev: tuple[int, int, int], node_id: str, depth: int, types: tuple[str, ...],
             years: tuple[int, int] | None, lang: str, min_confidence: float | None) -> tuple[Any, bool]:
    """The drawn neighbourhood, cached per view so reruns reuse the same page (no re-layout)."""
    date_from, date_to = (str(years[0]), str(years[1])) if years else (None, None)
    sub = Q.neighbourhood(_g, node_id, depth=depth, node_types=types or None, date_from=date_from,
                          date_to=date_to, limit=MAX_NETWORK_NODES * 4, min_confidence=min_confidence)
    if Q.is_remote(_g):
        _g.prefetch([ref.id for ref in sub.nodes])     # one round trip for every node drawn
    drawn = nx.MultiDiGraph()
    for ref in sub.nodes:
        drawn.add_node(ref.id, **_g.nodes[ref.id])
    for step in sub.edges:
        drawn.add_edge(step.source.id, step.target.id, type=step.type, evidence=step.evidence, **step.attrs)
    view = network_html(drawn, focus=node_id, lang=lang, max_nodes=MAX_NETWORK_NODES, height_px=NETWORK_HEIGHT,
                        heading=label_of(sub.center, lang))
    return view, sub.truncated


@st.cache_data(show_spinner=False, max_entries=4)
def _year_span(_g: nx.MultiDiGraph, rev: tuple[int, int, int]) -> tuple[int, int] | None:
    years = [int(i.date[:4]) for i in Q.timeline(_g, node_types=CONTENT_TYPES, limit=1_000_000) if i.date[:4].isdigit()]
    return (min(years), max(years)) if years else None


def year_filter(g: nx.MultiDiGraph, lang: str, col: Any) -> tuple[int, int] | None:
    """A year range slider bound to ``from``/``to``; None when it spans everything."""
    span = _year_span(g, revision(g))
    if span is None or span[0] == span[1]:
        return None
    key = bind("years", span, lambda raw: _years(raw, span))
    lo, hi = col.slider(t("years", lang), span[0], span[1], key=key, on_change=to_url,
                        args=("years", lambda v: None if tuple(v) == span else f"{v[0]}-{v[1]}"))
    return None if (lo, hi) == span else (lo, hi)


def view_network(g: nx.MultiDiGraph, lang: str) -> None:
    st.header(t("network", lang))
    node_id = entity_picker("id", None, lang, g)
    if not node_id:
        st.info(t("pick_entity", lang))
        return
    entity_heading(g, node_id, lang)
    c1, c2, c3 = st.columns([1, 2, 2])
    depth = c1.slider(t("depth", lang), 1, 3, key=bind("depth", 1, _within(1, 3)), on_change=to_url, args=("depth",))
    types = c2.multiselect(t("node_types", lang), CONTENT_TYPES, key=bind("types", list(CONTENT_TYPES), _uncsv),
                           format_func=lambda x: type_label(x, lang), on_change=to_url, args=("types", _csv))
    years = year_filter(g, lang, c3)
    view, truncated = _network(g, revision(g), node_id, int(depth), tuple(types), years, lang, min_conf())
    if truncated:
        st.warning(t("network_truncated", lang, limit=MAX_NETWORK_NODES * 4))
    if view.note:
        st.warning(view.note)
    if view.shown_nodes <= 1:
        st.info(t("network_only_center", lang))
    st.caption(t("network_caption", lang, nodes=view.shown_nodes, edges=view.shown_edges))
    clicked = network_component(view, height_px=NETWORK_HEIGHT, key=f"net_{view.digest}")
    _follow_click(clicked, f"net_{view.digest}")


def _follow_click(clicked: dict[str, Any] | None, key: str) -> None:
    """Open the clicked node's page, once per click (a component keeps its last value)."""
    if not clicked or clicked.get("n") == st.session_state.get(f"{key}_done"):
        return
    st.session_state[f"{key}_done"] = clicked.get("n")
    # The sidebar's widgets exist already in this run: navigate at the start of the next one.
    st.session_state["pending_nav"] = ("entity", {"id": str(clicked["id"])})
    st.rerun()


# lineage

def _dot_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def lineage_dot(lin: Q.Lineage, lang: str) -> str:
    """The chain as a left-to-right Graphviz diagram, oldest first, dates under the names."""
    lines = ['digraph lineage {', 'rankdir=LR; bgcolor="transparent";',
             'node [shape=box, style="rounded,filled", fontname="DejaVu Sans", fontsize=11, color="#6b6b76"];',
             'edge [fontname="DejaVu Sans", fontsize=10, color="#8c8c96", fontcolor="#5f6368"];']
    for i, item in enumerate(lin.items):
        fill = "#fde2e0" if item.role == "self" else "#eef3fb"
        text = _dot_text(label_of(item.node, lang)) + "\\n" + _dot_text(item.node.date or t("no_date", lang))
        lines.append(f'n{i} [label="{text}", fillcolor="{fill}"'
                     + (', penwidth=2, color="#b3261e"' if item.role == "self" else "") + "];")
    index = {item.node.id: i for i, item in enumerate(lin.items)}
    reversed_types = {n for n, e in load_schema().edges.items() if e.lineage_reversed}
    for step in lin.steps:
        a, b = index.get(step.target.id), index.get(step.source.id)   # predecessor → successor
        if step.type in reversed_types:     # a decision ISSUES its regulation: the decision comes first
            a, b = b, a
        if a is not None and b is not None:
            lines.append(f'n{a} -> n{b} [label="{_dot_text(edge_label(step.type, lang))}"];')
    lines.append("}")
    return "\n".join(lines)


def view_lineage(g: nx.MultiDiGraph, lang: str) -> None:
    node_id = typed_view(g, lang, "lineage", "Instrument", "not_instrument")
    if not node_id:
        return
    lin = Q.lineage(g, node_id, min_confidence=min_conf())
    entity_heading(g, node_id, lang)
    st.markdown(f"**{t('status', lang)}:** {md(lin.status.label if lang == 'vi' else lin.status.label_en)}")
    if not lin.steps:
        st.info(t("no_lineage", lang))
        return
    st.graphviz_chart(lineage_dot(lin, lang), width="content")
    with st.container(key="links_lineage"):
        for i, item in enumerate(lin.items):
            link(item.node, lang, f"lin_item_{i}",
                 suffix=f"{item.node.date or t('no_date', lang)} · {t(item.role, lang)}")
    section(t("links_with_evidence", lang))
    steps_block(lin.steps, lang, "lin_step")


# path

def view_path(g: nx.MultiDiGraph, lang: str) -> None:
    st.header(t("path", lang))
    left, right = st.columns(2)
    with left:
        a = entity_picker("a", None, lang, g, t("from_entity", lang))
    with right:
        b = entity_picker("b", None, lang, g, t("to_entity", lang))
    if not a or not b:
        st.info(t("pick_two", lang))
        return
    found = Q.paths(g, a, b, k=3)
    if not found:
        st.info(t("no_path", lang))
    for n, path in enumerate(found, start=1):
        path_block(path, n, lang)


def path_block(path: Q.Path, n: int, lang: str) -> None:
    """One path as a vertical chain: entity, link type (arrow shows its direction), entity..."""
    with st.container(border=True, key=f"links_path_{n}"):
        st.markdown(f"**{t('path_n', lang, n=n, hops=len(path.hops))}**")
        for i, (node, hop) in enumerate(zip(path.nodes, [*path.hops, None], strict=False)):
            link(node, lang, f"path_{n}_{i}")
            if hop is not None:
                forward = hop.source.id == node.id
                st.markdown(f"{'↓' if forward else '↑'} *{md(edge_label(hop.type, lang))}*"
                            + (f" · {md(hop.attrs['title'])}" if hop.attrs.get("title") else ""))
                evidence_block(hop.evidence, lang, limit=1)


def steps_block(steps: Sequence[Q.Step], lang: str, key: str) -> None:
    """Links as "source — type → target", both ends clickable, each with its sentence."""
    for i, step in enumerate(steps):
        with st.container(border=True, key=f"links_{key}_{i}"):
            label = edge_label(step.type, lang) + (f" · {step.attrs['title']}" if step.attrs.get("title") else "")
            link(step.source, lang, f"{key}_{i}_s", suffix=step.source.date or "")
            st.markdown(f"↓ *{md(label)}*")
            link(step.target, lang, f"{key}_{i}_t", suffix=step.target.date or "")
            evidence_block(step.evidence, lang, limit=2)


# timeline

def timeline_chart(items: Sequence[Q.TimelineItem], lang: str) -> alt.Chart:
    """Events and instruments on a time axis, one row per type, coloured as in the network."""
    import altair as alt
    import pandas as pd

    frame = pd.DataFrame([{
        "date": pd.Timestamp(Q.date_span(i.date)[0]) if Q.date_span(i.date) else pd.NaT,   # type: ignore[index]
        t("date", lang): i.date,
        t("item", lang): label_of(i.node, lang),
        t("what", lang): i.what,
        t("type", lang): type_label(i.node.type, lang),
    } for i in items])
    types = sorted({i.node.type for i in items})
    scale = alt.Scale(domain=[type_label(x, lang) for x in types], range=[node_style(x).color for x in types])
    return alt.Chart(frame).mark_circle(size=120, opacity=0.8).encode(
        x=alt.X("date:T", title=t("date", lang)),
        y=alt.Y(f"{t('type', lang)}:N", title=None),
        color=alt.Color(f"{t('type', lang)}:N", scale=scale, legend=alt.Legend(orient="bottom", title=None)),
        tooltip=[t("date", lang), t("item", lang), t("what", lang)],
    ).properties(height=220)


def view_timeline(g: nx.MultiDiGraph, lang: str) -> None:
    st.header(t("timeline", lang))
    c1, c2 = st.columns([2, 2])
    kinds = c1.multiselect(t("timeline_types", lang), ("Event", "Instrument"),
                           key=bind("ttypes", ["Event", "Instrument"], _uncsv), format_func=lambda x: type_label(x, lang),
                           on_change=to_url, args=("ttypes", _csv))
    years = year_filter(g, lang, c2)
    involving = param("involving")
    if involving and involving in g:
        st.markdown(f"**{t('involving', lang)}:** {md(label_of(Q.ref(g, involving), lang))}")
        st.button("✕", key="tl_clear", on_click=go, args=("timeline",), kwargs={"involving": None})
    items = Q.timeline(g, node_types=kinds or ("Event", "Instrument"),
                       date_from=str(years[0]) if years else None, date_to=str(years[1]) if years else None,
                       involving=involving if involving in g else None, limit=2000)
    dated = [i for i in items if Q.date_span(i.date)]
    if not dated:
        st.info(t("nothing_dated", lang))
    else:
        st.altair_chart(timeline_chart(dated, lang), width="stretch")
    with st.container(key="links_timeline"):
        for i, item in enumerate(dated[::-1][:200]):
            link(item.node, lang, f"tl_{i}", suffix=f"{item.date} · {item.what}")
    undated = [i for i in items if not Q.date_span(i.date)]
    if undated and not years:
        with st.expander(f"{t('undated', lang)} ({len(undated)})"):
            for i, item in enumerate(undated):
                link(item.node, lang, f"tl_u_{i}", suffix=_links_text(item.links, lang))


# career and agency

def view_career(g: nx.MultiDiGraph, lang: str) -> None:
    node_id = typed_view(g, lang, "career", "Person", "not_person")
    if not node_id:
        return
    career = Q.career(g, node_id, min_conf())
    entity_heading(g, node_id, lang)
    _posts(career.posts, lang, "car_post")
    section(t("events", lang))
    if not career.events:
        st.caption(t("none", lang))
    with st.container(key="links_career_events"):
        for i, item in enumerate(career.events):
            link(item.node, lang, f"car_ev_{i}", suffix=f"{item.date} · {item.what}")


def view_agency(g: nx.MultiDiGraph, lang: str) -> None:
    node_id = typed_view(g, lang, "agency", "Agency", "not_agency")
    if not node_id:
        return
    profile = Q.agency(g, node_id, min_conf())
    entity_heading(g, node_id, lang)
    _agency_summary(profile, lang)
    if profile.instruments:
        section(t("issued_instruments", lang))
        with st.container(key="links_issued"):
            for i, ref in enumerate(profile.instruments):
                link(ref, lang, f"ag_inst_{i}", suffix=ref.date or "")
    if profile.events:
        section(t("events", lang))
        with st.container(key="links_agency_events"):
            for i, item in enumerate(profile.events):
                link(item.node, lang, f"ag_ev_{i}", suffix=item.what)


# ask

def view_ask(g: nx.MultiDiGraph, lang: str) -> None:
    from graph.ask import ask

    st.header(t("ask", lang))
    question = st.text_input(t("ask_label", lang), key=bind("q", ""), placeholder=t("ask_placeholder", lang),
                             on_change=to_url, args=("q",))
    st.caption(t("examples", lang))
    cols = st.columns(len(ASK_EXAMPLES))
    for col, example in zip(cols, ASK_EXAMPLES, strict=False):
        col.button(example, key=f"ex_{example}", on_click=_set_question, args=(example,))
    if question:
        show_answer(ask(g, question), lang)


def _set_question(text: str) -> None:
    st.session_state["w_q"] = text
    st.query_params["q"] = text


def show_answer(answer: Any, lang: str) -> None:
    """The query ``graph.ask`` ran (as a call and as the equivalent CLI), then its result."""
    args = ", ".join(f"{k}={v!r}" for k, v in answer.params.items())
    st.markdown(f"**{t('query_ran', lang)}:** {code_span(' '.join(f'{answer.query}({args})'.split()))}")
    st.caption(code_span(" ".join(f"python -m graph ask {_shell_quote(answer.question)}".split())))
    if answer.error:
        st.warning(md(answer.error))
        return
    result = answer.result
    items = result if isinstance(result, list) else [result]
    if not items:
        st.info(t("none", lang))
        return
    first = items[0]
    if isinstance(first, Q.Step):
        steps_block(items, lang, "ans_step")
    elif isinstance(first, Q.Post):
        _holders(items, lang)
    elif isinstance(first, Q.Path):
        for n, path in enumerate(items, start=1):
            path_block(path, n, lang)
    elif isinstance(first, Q.TimelineItem):
        with st.container(key="links_ans_tl"):
            for i, item in enumerate(items):
                link(item.node, lang, f"ans_tl_{i}", suffix=f"{item.date} · {item.what}")
    elif isinstance(first, Q.Hit):
        with st.container(key="links_ans_hits"):
            for i, hit in enumerate(items):
                link(hit, lang, f"ans_hit_{i}", suffix=type_label(hit.type, lang))
    else:
        _answer_object(first, lang)


def _shell_quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def _holders(posts: Sequence[Q.Post], lang: str) -> None:
    for i, post in enumerate(posts):
        with st.container(border=True, key=f"links_holder_{i}"):
            link(post.person, lang, f"ans_post_{i}", suffix=f"{post.title} · {post.last_seen or t('no_date', lang)}")
            if post.agency:
                link(post.agency, lang, f"ans_post_ag_{i}", view="agency")
            evidence_block(post.evidence, lang, limit=1)


def _answer_object(result: Any, lang: str) -> None:
    """Single-object answers open the view made for them, with the gist shown here."""
    if isinstance(result, Q.Lineage):
        for i, item in enumerate(result.items):
            link(item.node, lang, f"ans_lin_{i}", suffix=f"{item.node.date or t('no_date', lang)} · {t(item.role, lang)}")
        steps_block(result.steps, lang, "ans_lin_step")
        st.button(t("open_lineage", lang), on_click=go, args=("lineage",), kwargs={"id": result.root.id})
    elif isinstance(result, Q.Career):
        link(result.person, lang, "ans_person", view="career")
        _posts(result.posts, lang, "ans_car")
    elif isinstance(result, Q.AgencyProfile):
        link(result.agency, lang, "ans_agency", view="agency")
        _agency_summary(result, lang)
    elif isinstance(result, Q.NodeDetail):
        link(result.node, lang, "ans_node")
        _attributes(result.attrs, lang)
    elif isinstance(result, Q.Status):
        st.markdown(md(result.label if lang == "vi" else result.label_en))
        steps_block(result.because, lang, "ans_status")
    elif isinstance(result, Q.Subgraph):
        st.button(t("open_network", lang), on_click=go, args=("network",), kwargs={"id": result.center.id})
    elif isinstance(result, Q.Overview):
        st.button(t("overview", lang), on_click=go, args=("overview",))
    else:
        st.code(str(result))


# add documents

def view_add(lang: str) -> None:
    """Uploads and (where an administrator allows it) server folders, for editors only."""
    st.header(t("add", lang))
    acc = access()
    if not is_editor():
        st.info(t("add_needs_editor" if acc.editing else "add_disabled", lang))
        return
    if current_backend() == "neo4j":      # the app writes only its graph file; a server is built by the CLI
        st.info(t("add_neo4j", lang))
        return
    files = st.file_uploader(t("upload", lang), accept_multiple_files=True)   # the report says why a file is refused
    st.caption(t("upload_limits", lang, mb=acc.max_upload_mb, n=acc.max_upload_files))
    folder = ""
    if acc.ingest_roots:
        folder = st.text_input(t("folder", lang), key="folder")
        st.caption(t("folder_roots", lang, roots=md(", ".join(str(r) for r in acc.ingest_roots))))
    if not st.button(t("ingest", lang), type="primary"):
        return
    uploads, created, refused = _save_uploads(files or [], acc)
    given: list[Path] = []
    if folder.strip():
        if acc.folder_allowed(Path(folder.strip())):
            given.append(Path(folder.strip()))
        else:
            refused.append(FileReport(Path(folder.strip()).name or folder, "refused", message=t("folder_not_allowed", lang)))
    listed, outside = files_under(given, acc.ingest_roots)
    paths = uploads + listed
    if not paths and not refused and not outside:
        st.warning(t("nothing_to_ingest", lang))
        return
    if busy(GRAPH_PATH):
        st.info(t("ingest_queued", lang))
    bar = st.progress(0.0)
    reports, problem = ingest(GRAPH_PATH, paths, _progress_to(bar, lang), memory_mb=acc.ingest_memory_mb)
    bar.empty()
    for path, report in zip(uploads, reports, strict=False):
        if path in created and not problem and report.status in ("refused", "failed"):
            path.unlink(missing_ok=True)        # a refused upload is not kept (one stored earlier stays)
            with contextlib.suppress(OSError):
                path.parent.rmdir()
    st.cache_data.clear()
    if problem:
        st.error(t("ingest_failed", lang, reason=md(problem)))
    _report(refused + outside + reports, lang)


def _save_uploads(files: Sequence[Any], acc: Access) -> tuple[list[Path], set[Path], list[FileReport]]:
    """Keep each upload next to the graph under its content's hash, so its evidence keeps pointing
    at a real file and two uploads of one name never replace each other; refuse what is over the limits.
    Returns the stored paths, those this call created (the others were uploaded before), refusals."""
    kept: list[Path] = []
    created: set[Path] = set()
    refused: list[FileReport] = []
    for i, upload in enumerate(files):
        name = _upload_name(upload.name)
        if name is None:
            refused.append(FileReport(str(upload.name)[:80] or "?", "refused", message="not a usable file name"))
            continue
        if i >= acc.max_upload_files:
            refused.append(FileReport(name, "refused", message=f"more than {acc.max_upload_files} files in one ingest"))
            continue
        data = upload.getvalue()
        if len(data) > acc.max_upload_mb * 2**20:
            refused.append(FileReport(name, "refused", message=f"over the upload limit of {acc.max_upload_mb} MB"))
            continue
        target = UPLOAD_DIR / hashlib.sha256(data).hexdigest()[:24] / name
        tmp = None
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".part-")
                with os.fdopen(fd, "wb") as out:
                    out.write(data)
                os.replace(tmp, target)
                created.add(target)
        except OSError as e:        # a full disk, a name the file system refuses: this upload only
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
            refused.append(FileReport(name, "refused", message=f"could not be stored ({e.strerror or e})"))
            continue
        kept.append(target)
    return kept, created, refused


def _upload_name(raw: str) -> str | None:
    """The base name an upload is stored under: no folders, no NUL, at most 200 bytes (the suffix
    kept, it says which reader reads it); None for a name that names no file ("", ".", "..")."""
    name = Path(str(raw).replace("\0", "").replace("\\", "/")).name
    if name in ("", ".", ".."):
        return None
    if len(name.encode("utf-8", "surrogatepass")) > 200:
        stem, suffix = os.path.splitext(name)
        if len(suffix) > 16:            # no real suffix: cut the whole name
            stem, suffix = name, ""
        room = 200 - len(suffix.encode("utf-8", "surrogatepass"))
        name = stem.encode("utf-8", "surrogatepass")[:room].decode("utf-8", "ignore") + suffix
    return name


def _report(reports: Sequence[FileReport], lang: str) -> None:
    import pandas as pd

    count = {s: sum(r.status == s for r in reports) for s in ("added", "replaced", "unchanged", "refused", "failed")}
    st.success(t("ingest_done", lang, added=count["added"], replaced=count["replaced"], unchanged=count["unchanged"],
                 refused=count["refused"] + count["failed"]))
    st.dataframe(pd.DataFrame([r.__dict__ for r in reports]), hide_index=True, width="stretch")


# researchers' read-only Cypher (Neo4j backend only)

def _set_cypher(text: str) -> None:
    st.session_state["cypher_text"] = text


def _cell(value: Any) -> Any:
    import json

    return json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else value


def view_cypher(store: Any, lang: str) -> None:
    """A read-only Cypher panel: READ_ACCESS session, write clauses refused with the reason."""
    from graph.cypher import PANEL_EXAMPLES
    from graph.neo4j_store import ReadOnlyRefused

    st.header(t("cypher", lang))
    st.caption(md(t("cypher_intro", lang, where=store.where)))
    st.session_state.setdefault("cypher_text", PANEL_EXAMPLES[0].text)
    cols = st.columns(len(PANEL_EXAMPLES))
    for col, example in zip(cols, PANEL_EXAMPLES, strict=False):
        col.button(example.name.removeprefix("EXAMPLE_").replace("_", " ").lower(), key=f"cy_{example.name}",
                   on_click=_set_cypher, args=(example.text,))
    text = st.text_area(t("cypher_statement", lang), key="cypher_text", height=160)
    limit = int(st.number_input(t("cypher_limit", lang), min_value=1, max_value=5000, value=200, key="cypher_limit"))
    if not st.button(t("cypher_run", lang), type="primary", key="cypher_run"):
        return
    try:
        result = store.read_only_query(text, limit=limit)
    except ReadOnlyRefused as e:
        st.error(f"{t('cypher_refused', lang)}\n\n{md(e)}")
        return
    except Exception as e:  # noqa: BLE001 - the server's message (syntax, permissions, timeout) is the answer
        st.error(md(t("cypher_failed", lang, error=f"{type(e).__name__}: {e}")))
        return
    if not result.rows:
        st.info(t("none", lang))
        return
    import pandas as pd

    frame = pd.DataFrame([[_cell(v) for v in row] for row in result.rows], columns=result.columns)
    st.dataframe(frame, hide_index=True, width="stretch")
    st.caption(t("cypher_rows", lang, n=len(result.rows))
               + (" " + t("cypher_truncated", lang, limit=limit) if result.truncated else ""))


# -- main -----------------------------------------------------------------------------------

RENDER: dict[str, Callable[[nx.MultiDiGraph, str], None]] = {
    "overview": view_overview, "entity": view_entity, "document": view_document, "network": view_network,
    "lineage": view_lineage,
    "path": view_path, "timeline": view_timeline, "career": view_career, "agency": view_agency, "ask": view_ask,
}


def main() -> None:
    st.set_page_config(page_title="Policy graph explorer", layout="wide")
    st.html(STYLE)
    if "pending_nav" in st.session_state:
        view, params = st.session_state.pop("pending_nav")
        go(view, **params)
    lang = current_lang()
    store = graph_store(lang)
    g = store.graph
    views = tuple(v for v in VIEWS if v != "add" or access().editing)    # read-only unless editing is set up
    view = sidebar(g, lang, views + (("cypher",) if Q.is_remote(g) else ()))
    lang = current_lang()   # the switch may just have changed it
    if view == "add":
        view_add(lang)
    elif view == "cypher":
        view_cypher(store, lang)
    else:
        RENDER[view](g, lang)
    _warm_up()


main()
