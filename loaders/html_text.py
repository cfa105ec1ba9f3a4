"""Article text and metadata from a saved HTML page, with selectolax (lexbor backend).

A news page is mostly chrome: menus, headers, share buttons, related links, scripts.  We take
the <article>/<main> element when the page has one, else the block that holds the most
paragraph text, and turn block elements into lines.  Every walk over the tree is iterative
(selectolax's traverse) so a pathologically deep page cannot hit Python's recursion limit.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping

from selectolax.lexbor import LexborHTMLParser, LexborNode

from loaders.decode import normalize_text
from loaders.html_depth import limit_depth
from loaders.layout import Clutter, Layout, _plain_from_lines, clean_lines, load_clutter, parse_date

__all__ = ["parse_html"]

# Removed with their content before anything is read.
_DROP_TAGS = [
    "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed",
    "nav", "header", "footer", "aside", "form", "button", "select", "textarea", "input",
    "label", "menu", "dialog", "head",
]
# Chrome that pages mark by role or by a class/id word.
_CHROME_ROLES = frozenset(["navigation", "banner", "contentinfo", "complementary", "search"])
_CHROME_WORDS = re.compile(
    r"(?:^|[\s_-])(?:breadcrumbs?|menu|navbar|sidebar|share|social|comments?|related|"
    r"tags|tools|toolbar|advert|ads|banner|cookie|popup|footer)(?:$|[\s_-])",
    re.IGNORECASE,
)
# Elements whose boundaries are line breaks.
_BLOCK_TAGS = frozenset(
    [
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
        "ol", "dl", "dt", "dd", "tr", "table", "tbody", "thead", "blockquote", "pre", "figure",
        "figcaption", "address", "hr", "br", "center", "details", "summary",
    ]
)
_CELL_TAGS = frozenset(["td", "th"])
_DROPPED = frozenset(_DROP_TAGS)
_SEP = "\ue000"  # private-use marker for block edges (not whitespace, unlike U+2029)


def parse_html(html: str, *, clutter: Clutter | None = None) -> Layout:
    """Title, date, author, url and body lines of an HTML page (``html`` already decoded)."""
    tree = LexborHTMLParser(limit_depth(html.replace(_SEP, ""), drop=_DROPPED, blocks=_BLOCK_TAGS, chrome=_chrome_tag))
    title = _title(tree)
    published = _published(tree)
    author = _meta(tree, 'meta[name="author"]', 'meta[property="article:author"]',
                   'meta[name="dc.creator"]')
    if author and author.startswith(("http://", "https://")):
        author = None
    url = _attr(tree, 'link[rel="canonical"]', "href") or _meta(tree, 'meta[property="og:url"]')

    tree.strip_tags(_DROP_TAGS)
    _drop_chrome(tree)
    root = _content_root(tree)
    lines = clean_lines(_block_text(root) if root is not None else "", clutter or load_clutter())

    # _plain_from_lines drops leading copies of the title and a date line under it.
    plain = _plain_from_lines(lines, title=title, detect_title=title is None)
    return Layout(
        plain.title,
        plain.body,
        published or plain.published,
        author or plain.author,
        url or plain.url,
    )


# --------------------------------------------------------------------------- metadata


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(normalize_text(value).split())
    return value or None


def _attr(tree: LexborHTMLParser, selector: str, name: str) -> str | None:
    node = tree.css_first(selector)
    return _clean(node.attributes.get(name)) if node is not None else None


def _meta(tree: LexborHTMLParser, *selectors: str) -> str | None:
    for selector in selectors:
        if value := _attr(tree, selector, "content"):
            return value
    return None


def _title(tree: LexborHTMLParser) -> str | None:
    # A headline inside the article first; a bare <h1> comes after og:title because many sites
    # put their logo in an <h1>.
    for selector in ("article h1", "main h1"):
        node = tree.css_first(selector)
        if node is not None and (text := _clean(node.text(separator=" "))):
            return text
    if og := _meta(tree, 'meta[property="og:title"]'):
        return og
    node = tree.css_first("h1")
    if node is not None and (text := _clean(node.text(separator=" "))):
        return text
    node = tree.css_first("title")
    if node is not None and (text := _clean(node.text())):
        # "Headline | Site name" / "Headline - Site name": keep the headline.
        parts = re.split(r"\s+[|–—]\s+|\s+-\s+(?=[^-]{0,40}$)", text)
        return parts[0] if parts[0] else text
    return None


def _published(tree: LexborHTMLParser) -> str | None:
    value = _meta(
        tree,
        'meta[property="article:published_time"]',
        'meta[itemprop="datePublished"]',
        'meta[name="pubdate"]',
        'meta[name="publishdate"]',
        'meta[name="date"]',
        'meta[name="dc.date"]',
        'meta[name="DC.date.issued"]',
    )
    if value and (found := parse_date(value)):
        return found
    for node in tree.css("time"):
        if (found := parse_date(node.attributes.get("datetime"))) or (
            found := parse_date(_clean(node.text()))
        ):
            return found
    return None


# --------------------------------------------------------------------------- body


def _is_chrome(node: LexborNode) -> bool:
    return _chrome_attributes(node.attributes)


def _chrome_attributes(attrs: Mapping[str, str | None]) -> bool:
    if attrs.get("role") in _CHROME_ROLES or "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    words = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    return bool(words.strip()) and _CHROME_WORDS.search(words) is not None


_CHROME_ATTRIBUTE = re.compile(r"""[\s/](role|class|id|hidden|aria-hidden)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?""",
                               re.IGNORECASE)


def _chrome_tag(tag: str) -> bool:
    """Whether a start tag as written marks chrome, as ``_is_chrome`` reads the element (for the
    depth limit, which keeps such an element whole so the reader still drops it)."""
    attrs = {m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3) if m.group(3) is not None
             else m.group(4) for m in _CHROME_ATTRIBUTE.finditer(tag)}
    return _chrome_attributes(attrs)


def _drop_chrome(tree: LexborHTMLParser) -> None:
    """Remove chrome marked by role, hidden or a class/id word, outermost nodes only.

    An explicit stack instead of recursion (deep pages), and no descent into a node already
    chosen, so nothing is decomposed twice.
    """
    body = tree.body
    if body is None:
        return
    doomed: list[LexborNode] = []
    stack = [body]
    while stack:
        node = stack.pop()
        for child in node.iter():
            if child.tag not in ("article", "main") and _is_chrome(child):
                doomed.append(child)
            else:
                stack.append(child)
    for node in doomed:
        node.decompose()


def _text_len(node: LexborNode) -> int:
    return len(" ".join(node.text(separator=" ").split()))


def _content_root(tree: LexborHTMLParser) -> LexborNode | None:
    """<article> or <main> (the one with most text), else the parent of most paragraph text."""
    for selector in ("article", "main", '[role="main"]'):
        nodes = tree.css(selector)
        if nodes:
            best = max(nodes, key=_text_len)
            if _text_len(best) >= 50:
                return best
    body = tree.body
    if body is None:
        return tree.root
    scores: dict[int, int] = defaultdict(int)
    nodes_by_id: dict[int, LexborNode] = {}
    for p in body.css("p"):
        length = _text_len(p)
        if length < 20:
            continue
        parent = p.parent
        if parent is None:
            continue
        nodes_by_id[parent.mem_id] = parent
        scores[parent.mem_id] += length
        grand = parent.parent
        if grand is not None:
            nodes_by_id[grand.mem_id] = grand
            scores[grand.mem_id] += length // 2
    if not scores:
        return body
    best_id = max(scores, key=lambda k: scores[k])
    return nodes_by_id[best_id]


def _block_text(root: LexborNode) -> str:
    """Text of ``root`` with a line break at every block element (so paragraphs become lines)."""
    for node in list(root.traverse()):
        tag = node.tag
        if tag in _BLOCK_TAGS:
            node.insert_before(_SEP)
            node.insert_after(_SEP)
        elif tag in _CELL_TAGS:
            node.insert_after(" ")
    raw = root.text()
    # Source whitespace is insignificant in HTML; only our separators make lines.
    flat = " ".join(raw.replace(_SEP, f" {_SEP} ").split())
    return normalize_text(flat.replace(_SEP, "\n"))

