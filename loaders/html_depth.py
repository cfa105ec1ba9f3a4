"""A page nested deeper than browsers nest it, cut to their limit before the HTML parser sees it.

Browsers stop nesting elements at 512 deep (Chromium's HTML parser), and so do we: the HTML5
tree builder scans its stack of open elements at each new element, so a page of 100,000 nested
<div>s costs the square of its depth in lexbor.  The scan below reads the tags as the HTML
tokenizer does (comments, raw text and its script escapes, CDATA in svg and math, quoted
attributes, "/>" only in svg and math) and keeps a cautious picture of the tree builder's stack:
where the real rules may close more elements than it knows how to (an end tag the parser
ignores, a start tag that closes others), it closes fewer, so it can think a page deeper than it
is, never shallower.  Elements that close each other (p, li, td ...) are not counted.  One pass,
linear in the page: no walk down the stack goes further than ``_WALK``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

__all__ = ["MAX_DEPTH", "limit_depth"]

MAX_DEPTH = 512


def _names(words: str) -> frozenset[str]:
    return frozenset(words.split())


# The HTML standard's element categories (https://html.spec.whatwg.org/#parsing), lower case.
_VOID = _names("area base basefont bgsound br col embed frame hr img input keygen link meta param "
               "source track wbr")
# end tag may be left out, and they close each other: never deeper than the elements they sit in
_UNCOUNTED = _VOID | _names("tr td th option thead tbody tfoot caption colgroup image")   # image: an img
_HEADINGS = _names("h1 h2 h3 h4 h5 h6")      # the end tag of one closes any of them
# a p is tracked, not counted: it stops the parser's walks down the stack, but one p closes another
# and so do these, when no boundary (or button) stands between
_CLOSES_P = _names("address article aside blockquote center details dialog dir div dl fieldset figcaption "
                   "figure footer header hgroup main menu nav ol p search section summary ul h1 h2 h3 h4 h5 "
                   "h6 pre listing form li dd dt plaintext hr xmp")    # (and table, but not in quirks mode)
# li, dd and dt close their kind unless a special element stands between
_LIST_ITEMS = {"li": _names("li"), "dd": _names("dd dt"), "dt": _names("dd dt")}
_LIST_ITEM_PASS = _names("address div p")
_RAW_TEXT = _names("script style textarea title xmp iframe noembed noframes")
_SPECIAL = _names(
    "address applet area article aside base basefont bgsound blockquote body br button caption center col "
    "colgroup dd details dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 "
    "h4 h5 h6 head header hgroup hr html iframe img input keygen li link listing main marquee menu meta nav "
    "noembed noframes noscript object ol p param plaintext pre script search section select source style "
    "summary table tbody td template textarea tfoot th thead title tr track ul wbr xmp")
_SCOPE = _names("applet caption html table td th marquee object template")
# svg and MathML elements that are special and scope boundaries
_FOREIGN_SPECIAL = {"svg": _names("foreignobject desc title"),
                    "math": _names("mi mo mn ms mtext annotation-xml")}
# end tags that close their element only when it is "in scope" (no boundary between)
_SCOPED_END = _names("address article aside blockquote button center details dialog dir div dl fieldset "
                     "figcaption figure footer header hgroup listing main menu nav ol pre search section "
                     "summary ul li dd dt h1 h2 h3 h4 h5 h6 applet marquee object")
_BREAKOUT = _names("b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr "
                   "i img li listing menu meta nobr ol p pre ruby s small span strong strike sub sup "
                   "table tt u ul var")
# where HTML inside svg or MathML is HTML again
_INTEGRATION = {"svg": _names("foreignobject desc title"), "math": _names("mi mo mn ms mtext")}
_NEVER_POP = frozenset(["html", "body", "form"])     # their end tags close nothing else
_MERGED = _names("html head body")                   # met again, they open nothing
# what the head holds; in a noscript there, anything but these closes the noscript and the head
_HEAD = _names("base basefont bgsound link meta title noscript noframes style script template")
_IN_HEAD_NOSCRIPT = _names("basefont bgsound link meta noframes style")
# a ruby annotation closes the open ones, and the end tags it implies
_RUBY = _names("rb rtc rt rp")
_IMPLIED_END = _names("dd dt li optgroup option p rb rp rt rtc")
# closed by another element's end tag, they stay on the parser's list of active formatting
# elements and are opened again at the next text (up to three alike: the "Noah's Ark" clause)
_FORMATTING = _names("a b big code em font i nobr s small strike strong tt u")
_ARK = 3
# cut wherever they are: a frameset page has no text of its own, and both switch the parser
# into modes with other rules (a select is dropped with its content by the reader anyway)
_NEVER_PARSED = _names("frameset frame")
# where the parser ends a select: its end tag or a second select (both taken into the cut), or
# before an input, keygen, textarea or a table part
_SELECT_END = re.compile(r"</?select[\t\n\f\r />][^>]*>?|(?=<(?:input|keygen|textarea)[\t\n\f\r />])"
                         r"|(?=</?(?:td|th|tr|table|tbody|thead|tfoot|caption)[\t\n\f\r />])", re.IGNORECASE)
# a cut table part keeps its cell and row edges
_TABLE_PARTS = {"tr": "<br>", "caption": "<br>", "td": " ", "th": " ", "thead": "", "tbody": "",
                "tfoot": "", "colgroup": "", "col": ""}
_WALK = 64

_WS = "\t\n\f\r "
_TAG_NAME = re.compile(rf"<(/?)([A-Za-z][^{_WS}/>]*)")
# one attribute (name, then "=" and a value, quoted or not) with the blanks and slashes before it;
# an unclosed quote runs to the end of the page, as it does in a browser
_ATTRIBUTE = re.compile(rf"""[{_WS}/]*(?:(?:=?[^{_WS}/>=]+|=)(?:[{_WS}]*=[{_WS}]*(?:"[^"]*"?|'[^']*'?|(?P<bare>[^{_WS}>]*)))?)?""")
_COMMENT_END = re.compile(r"--!?>")
_COMMENT_SHORT = re.compile(r"-?>")        # "<!-->" and "<!--->" are whole comments
_FONT_BREAKOUT = re.compile(rf"[{_WS}/](?:color|face|size)[{_WS}/=>]", re.IGNORECASE)
_HTML_ANNOTATION = re.compile(r"encoding\s*=\s*[\"']?(?:text/html|application/xhtml\+xml)", re.IGNORECASE)
_SCRIPT_DATA = re.compile(rf"<!--|</script[{_WS}/>]", re.IGNORECASE)
_SCRIPT_ESCAPED = re.compile(rf"-->|</script[{_WS}/>]|<script[{_WS}/>]", re.IGNORECASE)
_SCRIPT_DOUBLE = re.compile(rf"-->|</script[{_WS}/>]", re.IGNORECASE)
_DASHES_THEN_END = re.compile(r"-*>")


@dataclass(frozen=True, slots=True)
class _Tag:
    start: int
    end: int
    name: str                   # lower case
    closing: bool
    self_closing: bool          # written "<name ... />"


@dataclass(slots=True)
class _Open:
    name: str
    dropped: bool               # its tags are cut from the page
    ns: str = "html"            # or "svg", "math"
    integration: bool = False   # HTML inside it is HTML (svg title, MathML mi ...)
    over: bool = False          # kept past the limit: raw text, or an element the reader drops whole
    key: str = ""               # a formatting element as written (name and attributes)
    counted: bool = True        # counts toward the limit (a p does not)
    columns: bool = False       # a template holding a <col>: the parser ignores raw-text tags there


def _raw_text_end(html: str, pos: int, name: str) -> int:
    """Where the raw text of ``name`` opened before ``pos`` ends (its end tag), or the page's end."""
    if name != "script":
        m = re.compile(rf"</{name}[{_WS}/>]", re.IGNORECASE).search(html, pos)
        return len(html) if m is None else m.start()
    state = _SCRIPT_DATA        # the tokenizer's script states: "<!--<script>" hides "</script>"
    while (m := state.search(html, pos)) is not None:
        found, pos = m.group(0).lower(), m.end()
        if found.startswith("</script"):
            if state is not _SCRIPT_DOUBLE:
                return m.start()
            state = _SCRIPT_ESCAPED
        elif found == "<!--":
            closed = _DASHES_THEN_END.match(html, pos)      # "<!-->" and "<!--->" end at once
            state = _SCRIPT_DATA if closed else _SCRIPT_ESCAPED
        elif found == "-->":
            state = _SCRIPT_DATA
        else:
            state = _SCRIPT_DOUBLE
    return len(html)


@dataclass
class _Limiter:
    """One pass over a page: the tags as the tokenizer reads them (``tags``), a cautious model
    of the parser's stack of open elements (``start``, ``end``), and the spans to cut."""

    html: str
    limit: int
    drop: frozenset[str]
    blocks: frozenset[str]
    chrome: Callable[[str], bool] | None = None          # a tag (as written) the reader drops with its content
    stack: list[_Open] = field(default_factory=list)
    kept: list[_Open] = field(default_factory=list)      # the stack as the parser will see it
    open_count: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    over: int = 0                                        # open elements kept past the limit
    column_templates: int = 0                            # open templates holding a <col>
    counted: int = 0                                     # kept elements that count toward the limit
    body: bool = False                                   # whether the parser has left the head
    ghosts: dict[str, int] = field(default_factory=lambda: defaultdict(int))   # formatting element -> count
    ghost_keys: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    ghost_total: int = 0
    tables: list[bool] = field(default_factory=list)     # whether each open table is cut
    cuts: list[tuple[int, int, str]] = field(default_factory=list)

    def foreign(self) -> str | None:
        """The namespace of the parser's current element when it is svg or MathML content."""
        top = self.kept[-1] if self.kept else None
        return top.ns if top is not None and top.ns != "html" and not top.integration else None

    def tags(self) -> Iterator[_Tag]:
        html, pos, n = self.html, 0, len(self.html)
        while (lt := html.find("<", pos)) >= 0:
            if html.startswith("<!--", lt):
                m = _COMMENT_SHORT.match(html, lt + 4) or _COMMENT_END.search(html, lt + 4)
                pos = n if m is None else m.end()
                continue
            if html.startswith("<![CDATA[", lt):
                # text in svg and MathML, a comment to the next ">" elsewhere: cut, so that the
                # parser reads on where we do whatever it takes the current element to be
                end = html.find("]]>" if self.kept and self.kept[-1].ns != "html" else ">", lt + 9)
                pos = n if end < 0 else end + (3 if html.startswith("]]>", end) else 1)
                self.cuts.append((lt, pos, ""))
                continue
            if not self.body and html[pos:lt].strip(_WS):
                self.enter_body()          # text starts the body
            m = _TAG_NAME.match(html, lt)
            if m is None:
                end = html.find(">", lt + 2) if html.startswith(("<!", "<?", "</"), lt) else lt
                pos = n if end < 0 else end + 1
                continue
            pos, bare_end = m.end(), -1
            while (a := _ATTRIBUTE.match(html, pos)) is not None and a.end() > pos:
                pos = a.end()
                bare_end = a.end("bare")
            if pos >= n:            # a tag cut off by the end of the page is no tag
                return
            closing, name = bool(m.group(1)), m.group(2).lower()
            tag = _Tag(lt, pos + 1, name, closing, html[pos - 1] == "/" and bare_end != pos)
            in_html = not self.foreign()
            if in_html and name == "select" and not closing:
                end_m = _SELECT_END.search(html, tag.end)
                pos = n if end_m is None else end_m.end()
                self.cuts.append((lt, pos, ""))
                continue
            yield tag
            pos += 1
            if not closing and in_html and name == "plaintext":
                return
            if not closing and in_html and name in _RAW_TEXT and not self.column_templates:
                pos = _raw_text_end(html, pos, name)

    def written(self, tag: _Tag) -> str:
        """The tag as the page writes it (read only where attributes matter)."""
        return self.html[tag.start:tag.end]

    def cut(self, tag: _Tag, put: str) -> None:
        self.cuts.append((tag.start, tag.end, put))

    def push(self, tag: _Tag, ns: str = "html", breakout: bool = False) -> None:
        """Open an element; past the limit its tag is cut (a block's, or one that leaves svg,
        for a <br>, which keeps a line and leaves svg as the cut tag would have)."""
        name = tag.name
        e = _Open(name, dropped=False, ns=ns)
        if ns == "html" and name in _FORMATTING:
            e.key = self.written(tag).lower()
        if ns != "html":
            e.integration = name in _INTEGRATION[ns] or (
                ns == "math" and name == "annotation-xml" and bool(_HTML_ANNOTATION.search(self.written(tag))))
        if ns == "html" and (name in _RAW_TEXT or name == "plaintext"):
            e.over = True                  # one level more, and its text is no markup
        elif name == "p" and ns == "html":
            e.counted = False
        elif self.counted + self.ghost_total >= self.limit or self.over:
            if (name in self.drop or (self.chrome is not None and self.chrome(self.written(tag)))) and not self.over:
                e.over = True              # the reader drops it with what it holds
            else:
                e.dropped = True
                self.cut(tag, "<br>" if (ns == "html" and name in self.blocks) or breakout else "")
        self.stack.append(e)
        self.open_count[name] += 1
        if not e.dropped:
            self.kept.append(e)
            self.counted += e.counted
        self.over += e.over
        if name == "table":
            self.tables.append(e.dropped)

    def pop_above(self, depth: int) -> None:
        """Close the ``depth`` elements above one that an end tag or a new element closes."""
        for _ in range(depth):
            e = self.pop()
            if e.key and not e.dropped and self.ghosts[e.key] < _ARK:
                self.ghosts[e.key] += 1
                self.ghost_keys[e.name].append(e.key)
                self.ghost_total += 1

    def close(self, e: _Open) -> None:
        """Close ``e`` (a kept element) and what was cut above it."""
        while self.stack[-1] is not e:
            self.pop_above(1)
        self.pop()

    def forget_ghost(self, name: str) -> None:
        """An end tag of a formatting element takes one of its kind off the parser's list."""
        if self.ghost_keys[name]:
            key = self.ghost_keys[name].pop()
            self.ghosts[key] -= 1
            self.ghost_total -= 1

    def pop(self) -> _Open:
        e = self.stack.pop()
        self.open_count[e.name] -= 1
        if not e.dropped:
            self.kept.pop()
            self.counted -= e.counted
        self.over -= e.over
        self.column_templates -= e.columns
        if e.name == "table":
            self.tables.pop()
        return e

    def enter_body(self) -> None:
        """Leave the head: a noscript open there is closed."""
        self.body = True
        if self.kept and self.kept[-1].name == "noscript" and self.kept[-1].ns == "html":
            self.close(self.kept[-1])

    def start(self, tag: _Tag) -> None:
        name = tag.name
        if name in _NEVER_PARSED:
            self.cut(tag, "")
            return
        if not self.body:
            top = self.kept[-1] if self.kept else None
            in_noscript = top is not None and top.name == "noscript"
            if in_noscript and name in ("noscript", "head"):
                return                     # ignored in the head's noscript
            if name not in _HEAD and name not in _MERGED or (in_noscript and name not in _IN_HEAD_NOSCRIPT):
                self.enter_body()
        top = self.kept[-1] if self.kept else None
        breakout = False
        if (ns := self.foreign()) and not (name == "svg" and top and top.name == "annotation-xml"):
            if not (name in _BREAKOUT or (name == "font" and _FONT_BREAKOUT.search(self.written(tag)))):
                if not tag.self_closing:
                    self.push(tag, ns=ns)
                return
            while self.foreign():          # an HTML element leaves svg and MathML
                self.pop()
            breakout = True
        elif top and top.ns == "math" and top.integration and name in ("mglyph", "malignmark"):
            if not tag.self_closing:
                self.push(tag, ns="math")
            return
        if name in _CLOSES_P:
            self.close_p()
        if name == "col" and top and top.name == "template" and top.ns == "html" and not top.columns:
            top.columns = True
            self.column_templates += 1
        if name in _UNCOUNTED or name in _MERGED:
            if name in _TABLE_PARTS and self.tables and self.tables[-1]:
                self.cut(tag, _TABLE_PARTS[name])
            return
        if name in ("svg", "math") and tag.self_closing:
            return
        if name in _LIST_ITEMS:
            self.close_list_item(_LIST_ITEMS[name])
        if name in _RUBY and self.find_open(frozenset(["ruby"]), lambda e: e.name in _SCOPE) is not None:
            keep = "rtc" if name in ("rt", "rp") else ""
            while self.kept and self.kept[-1].name in _IMPLIED_END and self.kept[-1].name != keep:
                self.close(self.kept[-1])
        self.push(tag, ns=name if name in ("svg", "math") else "html", breakout=breakout)

    def find_open(self, names: frozenset[str], stops: Callable[[_Open], bool]) -> int | None:
        """How many elements from the top of the stack the parser's open element of ``names`` is,
        walking down as the parser does and giving up where ``stops`` says it would; elements
        the parser never saw (cut) neither stop the walk nor match once a kept one was passed.
        Only HTML elements match: an svg "title" is not closed by the HTML rules."""
        passed_kept = False
        for depth, e in enumerate(reversed(self.stack)):
            if depth >= _WALK:
                return None                # closing fewer is the cautious side
            if e.name in names and e.ns == "html" and not (e.dropped and passed_kept):
                return depth
            if e.dropped:
                continue
            passed_kept = True
            if stops(e):
                return None
        return None

    def find_foreign(self, name: str) -> int | None:
        """An end tag met in svg or MathML closes the nearest element of its name above the
        first HTML element; ``None`` when there is none (the HTML rules then apply)."""
        passed_kept = False
        for depth, e in enumerate(reversed(self.stack)):
            if depth >= _WALK or (e.ns == "html" and not e.dropped):
                return None
            if e.name == name and e.ns != "html" and not (e.dropped and passed_kept):
                return depth
            passed_kept = passed_kept or not e.dropped
        return None

    def close_p(self) -> None:
        """Close a p open "in button scope", as a new block or ``</p>`` does."""
        depth = self.find_open(frozenset(["p"]), lambda e: e.name in _SCOPE or e.name == "button" or e.ns != "html"
                               and e.name in _FOREIGN_SPECIAL[e.ns])
        if depth is not None:
            self.pop_above(depth)
            self.pop()

    def close_list_item(self, kinds: frozenset[str]) -> None:
        """A new li (dd, dt) closes the open one, unless a special element other than address,
        div or p stands between."""
        depth = self.find_open(kinds, lambda e: e.ns != "html" or (e.name in _SPECIAL and e.name not in _LIST_ITEM_PASS))
        if depth is not None:
            self.pop_above(depth)
            self.pop()

    def end(self, tag: _Tag) -> None:
        name = tag.name
        if name in ("p", "br"):
            while self.foreign():           # they leave svg and MathML, as their start tags do
                self.pop()
        if name == "p":
            self.close_p()
            return
        if name in _UNCOUNTED:
            if name in _TABLE_PARTS and self.tables and self.tables[-1]:
                self.cut(tag, "")
            return
        if name in _NEVER_PARSED:
            self.cut(tag, "")
            return
        if name in _FORMATTING:
            self.forget_ghost(name)
        names = _HEADINGS if name in _HEADINGS else frozenset([name])
        if name in _NEVER_POP or not any(self.open_count[x] for x in names):
            return
        if self.kept and self.kept[-1].ns != "html":
            depth = self.find_foreign(name)
            if depth is not None:
                self.pop_above(depth)
                if self.pop().dropped:
                    self.cut(tag, "")
                return
        scoped = name in _SCOPED_END

        def stops(e: _Open) -> bool:       # where the parser ignores this end tag
            if e.ns != "html":             # an end tag in svg closes the svg element of its name
                return e.name in _FOREIGN_SPECIAL[e.ns]
            return e.name in _SCOPE or (not scoped and e.name in _SPECIAL) or (name == "li" and e.name in ("ol", "ul"))

        depth = self.find_open(names, stops)
        if depth is None:
            return
        self.pop_above(depth)
        e = self.pop()
        if e.dropped:                      # the parser never sees it (a <br> would leave svg)
            self.cut(tag, "<br>" if e.ns == "html" and name in self.blocks else "")

    def run(self) -> str:
        for tag in self.tags():
            (self.end if tag.closing else self.start)(tag)
        if not self.cuts:
            return self.html
        out: list[str] = []
        pos = 0
        for a, b, put in self.cuts:
            out.extend((self.html[pos:a], put))
            pos = b
        out.append(self.html[pos:])
        return "".join(out)


def limit_depth(html: str, limit: int = MAX_DEPTH, *, drop: frozenset[str] = frozenset(),
                blocks: frozenset[str] = frozenset(), chrome: Callable[[str], bool] | None = None) -> str:
    """The page with the tags nested deeper than ``limit`` left out: their text kept, the edges of
    ``blocks`` kept as line breaks, and an element the reader drops with its content (named in
    ``drop``, or a tag ``chrome`` says is page chrome) kept whole though past the limit.  The
    page itself, unchanged, when nothing is cut."""
    return _Limiter(html, limit, drop, blocks, chrome).run()
