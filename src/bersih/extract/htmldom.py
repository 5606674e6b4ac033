"""Element trees -> blocks: the page's visible text, and trafilatura's XML.

One walker serves both vocabularies: HTML (``p``, ``h2``, ``li``,
``blockquote``) and trafilatura's XML (``p``, ``head rend="h2"``, ``item``,
``quote``, ``lb``). Block elements end a block, inline elements add to it;
``<br>``/``<lb>`` end a line, as a browser's copied text would.

Hidden elements (``hidden``, ``display:none``, ``aria-hidden``), scripts,
styles, forms' controls and embedded media are never read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any, NamedTuple

from .. import recache
from ..decode import inline
from ..model import Block, BlockType

#: Elements whose content is never visible text (HTML's <head> is never walked:
#: "head" is trafilatura's heading).
SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "video", "audio", "select", "option", "textarea", "input", "button", "title",
    "meta", "link", "graphic", "img", "picture", "source", "map", "dialog",
})  # fmt: skip
#: Elements that end a block: HTML's, then trafilatura's XML (row, doc, head, item, list, quote).
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "body", "caption", "center", "dd", "details", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "html",
    "main", "nav", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr",
    "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "menu", "legend",
    "label", "code", "row", "doc", "head", "item", "list", "quote",
})  # fmt: skip
#: Table cells: a row's cells are one line, as a browser copies them.
CELL_TAGS = frozenset({"td", "th", "cell"})
#: Elements that end a line inside a block.
BREAK_TAGS = frozenset({"br", "lb", "hr"})
_HEADING = {f"h{n}": n for n in range(1, 7)}
_HIDDEN_STYLE = recache.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


class _Context(NamedTuple):
    """What kind of block the text being collected belongs to."""

    type: BlockType = BlockType.PARA
    level: int = 0
    marker: str = ""


class _Collector:
    __slots__ = (
        "anchors",
        "blocks",
        "context",
        "hidden",
        "in_link",
        "keep_anchors",
        "link_shares",
        "linked",
        "parts",
    )

    def __init__(self, hidden: set[Any], keep_anchors: bool) -> None:
        self.blocks: list[Block] = []
        #: Share of each block's characters that sit inside a link.
        self.link_shares: list[float] = []
        self.parts: list[str] = []
        self.linked = 0
        self.in_link = 0
        #: (anchor text, URL) of the links in the block being collected.
        self.anchors: list[tuple[str, str]] = []
        #: Whether anchors are collected at all (only ``--links`` shows them).
        self.keep_anchors = keep_anchors
        self.context = _Context()
        #: Hidden elements (kept alive here, so lxml hands out the same proxies).
        self.hidden = hidden

    def add(self, text: str | None) -> None:
        if text:
            self.parts.append(text)
            if self.in_link:
                self.linked += len(text.strip())

    def flush(self) -> None:
        if not self.parts:
            return
        raw = "".join(self.parts)
        linked, self.linked = self.linked, 0
        self.parts.clear()
        if raw.isspace():  # the indentation between tags: most flushes
            return
        text = inline(raw)
        if not text:
            return
        ctx = self.context
        links = tuple((a, u) for a, u in self.anchors if a in text)
        self.anchors.clear()
        self.blocks.append(Block(text, ctx.type, ctx.level, ctx.marker, links=links))
        self.link_shares.append(min(1.0, linked / max(1, len(text))))
        if ctx.type is BlockType.ITEM:
            # the rest of a list item (a second paragraph) is plain text
            self.context = _Context()


def is_hidden(el: Any) -> bool:
    """An element the reader never sees."""
    get = el.get
    if get("hidden") is not None or get("aria-hidden") == "true":
        return True
    style = get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def visible(el: Any) -> bool:
    """Neither the element nor an ancestor is hidden or a script."""
    while el is not None:
        if is_hidden(el) or tag_of(el) in ("script", "template", "noscript"):
            return False
        el = el.getparent()
    return True


def tag_of(el: Any) -> str:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


def element_blocks(
    root: Any, skip: frozenset[str] = SKIP_TAGS, *, anchors: bool = False
) -> list[Block]:
    """The visible text under ``root`` as blocks, in reading order (with
    ``anchors``, each block's links as (anchor text, URL) pairs)."""
    return linked_blocks(root, skip, anchors=anchors)[0]


def linked_blocks(
    root: Any, skip: frozenset[str] = SKIP_TAGS, *, anchors: bool = False
) -> tuple[list[Block], list[float]]:
    """Blocks under ``root`` and the share of each one's text inside links."""
    out = _Collector(hidden=hidden_elements(root), keep_anchors=anchors)
    _walk(root, out, skip)
    out.flush()
    return out.blocks, out.link_shares


def hidden_elements(root: Any) -> set[Any]:
    """Elements under ``root`` that the reader never sees (see ``is_hidden``);
    libxml2 picks the elements that have one of the attributes at all."""
    return {el for el in _hiding_xpath()(root) if is_hidden(el)}


@cache
def _hiding_xpath() -> Any:
    from lxml import etree  # type: ignore[import-untyped]

    return etree.XPath("descendant-or-self::*[@hidden or @aria-hidden or @style]")


def body_attributes(tree: Any) -> list[Any]:
    """The class, id, itemprop and rel values of the body and everything in
    it, in document order, each knowing its element (``.getparent()``) and
    name (``.attrname``): one query that the byline, caption and hover-card
    searches all read, instead of one each."""
    return _attributes_xpath()(tree)  # type: ignore[no-any-return]


@cache
def _attributes_xpath() -> Any:
    from lxml import etree

    # "/html/body/descendant-or-self::*" rather than "//body//": libxml2 walks the
    # tree once per path instead of building every node's descendants.
    under = "/html/body/descendant-or-self::*/@"
    return etree.XPath(" | ".join(under + name for name in ("class", "id", "itemprop", "rel")))


def _walk(el: Any, out: _Collector, skip: frozenset[str], number: int = 0) -> None:
    tag = el.tag
    if tag.__class__ is not str or tag in skip or el in out.hidden:
        out.add(_space_tail(el))
        return
    if tag in BREAK_TAGS:
        out.flush()
        out.add(el.tail)
        return
    if tag in CELL_TAGS:
        out.add(" ")
    if tag not in BLOCK_TAGS:
        link = tag in ("a", "ref")
        out.in_link += link
        start = len(out.parts)
        out.add(el.text)
        for child in el:
            _walk(child, out, skip)
        out.in_link -= link
        url = (el.get("href") or el.get("target") or "") if link and out.keep_anchors else ""
        if url:
            anchor = inline("".join(out.parts[start:]))
            if anchor:
                out.anchors.append((anchor, url))
        out.add(el.tail)
        return
    out.flush()
    saved = out.context
    out.context = _block_context(el, tag, saved, number)
    out.add(el.text)
    ordered = tag == "ol" or (tag == "list" and el.get("rend") == "ol")
    counter = 0
    for child in el:
        if ordered and tag_of(child) in ("li", "item"):
            counter += 1
        _walk(child, out, skip, counter if ordered else 0)
    out.flush()
    out.context = saved
    out.add(el.tail)


def _space_tail(el: Any) -> str | None:
    tail: str | None = el.tail
    return " " + tail if tail else None


def _block_context(el: Any, tag: str, outer: _Context, number: int) -> _Context:
    if tag in _HEADING:
        return _Context(BlockType.HEADING, _HEADING[tag])
    if tag == "head":
        rend = el.get("rend") or "h2"
        return _Context(BlockType.HEADING, _HEADING.get(rend, 2))
    if tag in ("li", "item"):
        return _Context(BlockType.ITEM, 0, f"{number}." if number else "-")
    if tag in ("blockquote", "quote"):
        return _Context(BlockType.QUOTE)
    if outer.type in (BlockType.QUOTE, BlockType.HEADING, BlockType.ITEM):
        return outer
    return _Context()


def iter_text(el: Any) -> Iterator[str]:
    """Visible text fragments under ``el`` (hidden and script content skipped);
    block elements and line breaks are set apart by a space."""
    tag = tag_of(el)
    if tag and tag not in SKIP_TAGS and not is_hidden(el):
        apart = tag in BLOCK_TAGS or tag in BREAK_TAGS or tag in CELL_TAGS
        if apart:
            yield " "
        if el.text:
            yield el.text
        for child in el:
            yield from iter_text(child)
        if apart:
            yield " "
    if el.tail:
        yield el.tail


def text_of(el: Any) -> str:
    """An element's visible text, spaces collapsed."""
    parts = []
    if el.text and tag_of(el) not in SKIP_TAGS:
        parts.append(el.text)
    for child in el:
        parts.extend(iter_text(child))
    return inline("".join(parts))
