"""HTML -> ``Article``: trafilatura finds the main content, the page's own
text fills in around it, and the markup's metadata become candidates.

The classifier then gets the byline and date lines from the page, the main
content as trafilatura kept it (its own readability/jusText comparison and
baseline rescue included), and the lines after it (footer byline, end
marker): the cleaning that text input gets removes what trafilatura keeps
("Baca juga", bylines, end markers), and the header stage finds what the
metadata lack. When trafilatura's result is weak, the page's visible text is
the second opinion. ``htmlpage`` decides which blocks go in, ``htmlmeta``
reads the metadata; every choice is a ``Step("extract", rule, detail)``.

trafilatura and lxml are imported here, lazily: text cleaning never loads them.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache
from typing import Any
from urllib.parse import urljoin, urlsplit

from .. import recache, vocab
from ..errors import NoArticleError
from ..model import Article, Block, Kind, Source, Step
from ..options import Options
from ..rules.dates import is_date_line
from .htmldom import body_attributes, element_blocks, linked_blocks, text_of
from .htmlmeta import Found, PageMeta, read_meta, to_iso
from .htmlpage import Page, compose, key

#: A caption element's text is at most this many characters (longer: not a caption).
CAPTION_MAX_CHARS = 400
#: Blocks either side of the headline searched for a date line.
DATE_WINDOW = 4
#: A date line is at most this many characters.
DATE_LINE_MAX_CHARS = 80

_STAGE = "extract"
_XML_DECLARATION = recache.compile(r"^\s*<\?xml[^>]{0,200}\?>")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])


def html_to_article(html: str, options: Options) -> Article:
    """Extract the article from ``html`` as unclassified blocks plus metadata.

    Raises ``NoArticleError`` when the page has no text, or is plainly an
    index of other stories (headline links with teasers, no publication date).
    """
    tree = parse_html(html)
    attributes = body_attributes(tree)
    if _drop_popups(attributes):
        attributes = body_attributes(tree)  # without the cards' own
    meta = read_meta(tree, attributes)
    captions = _captions(tree, attributes)
    page = _page(tree, captions, options.links)
    main = _main_blocks(_without_code(tree), options.links)
    title = meta.title.value if meta.title else None
    blocks, steps, title_at = compose(page, main, title, dated=meta.date is not None)
    if not blocks:
        raise NoArticleError("no article found: the page has no visible text")
    if title_at is not None and (meta.date is None or meta.date.utc):
        meta = _date_near_title(page, title_at, meta)
    if not options.links:
        blocks = [b._replace(links=()) if b.links else b for b in blocks]
    else:
        blocks = _absolute_links(blocks, options.url or meta.url)
    return _article(blocks, meta, (*steps, *_meta_steps(meta)))


@cache
def _parser() -> Any:
    """lxml's HTML parser making ``lxml.html`` elements (which trafilatura
    expects) by a lookup in C: ``lxml.html``'s own parser picks each
    element's class in Python, on every element Python touches."""
    from lxml import etree  # type: ignore[import-untyped]
    from lxml import html as lxml_html

    parser = etree.HTMLParser(
        collect_ids=False, remove_comments=True, remove_pis=True, encoding="utf-8"
    )
    lookup = etree.ElementDefaultClassLookup(
        element=lxml_html.HtmlElement,
        comment=lxml_html.HtmlComment,
        pi=lxml_html.HtmlProcessingInstruction,
        entity=lxml_html.HtmlEntity,
    )
    parser.set_element_class_lookup(lookup)
    return parser


def parse_html(html: str) -> Any:
    """The page as an lxml tree (fragments get an ``<html><body>`` around them)."""
    from lxml import etree
    from lxml import html as lxml_html

    text = _XML_DECLARATION.sub("", html, count=1)
    if not text.strip():
        raise NoArticleError("no article found: the input is empty")
    # As UTF-8 bytes, the control characters lxml refuses go in one C-level
    # pass (no UTF-8 sequence holds a byte below 0x80 but an ASCII character).
    data = text.encode("utf-8", "replace").translate(None, _CONTROL_BYTES)
    parser = _parser()
    try:
        return lxml_html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError) as err:
        raise NoArticleError(f"no article found: the HTML could not be parsed ({err})") from err


#: Elements with no readable text, dropped before trafilatura copies the page
#: (it would drop them too, after copying them).
CODE_TAGS = ("script", "style", "noscript", "template", "svg", "iframe")


def _without_code(tree: Any) -> Any:
    """``tree`` with scripts, styles and the like removed (in place: the
    metadata, captions and page text have been read by now)."""
    from lxml import etree

    etree.strip_elements(tree, *CODE_TAGS, with_tail=False)
    return tree


def _drop_popups(attributes: list[Any]) -> bool:
    """Drop the page's hover cards and tooltips (in place; True if any),
    which no reader sees in the story: "Kristi Noem" carries her other
    headlines in one. A card is the innermost element, links aside, whose
    class holds a word of ``popup-class-hints`` (the elements around it and
    the link hold the name or term the card is about: "rollover-people"
    holds "Kristi Noem" and her card "rollover-block")."""
    classes = [v for v in attributes if v.attrname == "class"]
    hinted = _popup_hints()
    # Most pages have none: one scan of all the class values decides.
    if not hinted.search("\0".join(classes)):
        return False
    found = [v.getparent() for v in classes if hinted.search(v)]
    cards = {el for el in found if el.tag not in ("a", "body")}
    innermost = [el for el in cards if not any(d in cards for d in el.iterdescendants())]
    for el in innermost:  # all chosen first: dropping one makes no other innermost
        el.drop_tree()  # its tail (the sentence going on) stays
    return bool(innermost)


@cache
def _popup_hints() -> re.Pattern[str]:
    hints = vocab.sections("html_meta.txt")["popup-class-hints"]
    return recache.compile("|".join(re.escape(hint) for hint in hints))


@cache
def _trafilatura() -> Any:
    """trafilatura, imported on the first HTML page, its patterns compiled
    through bersih's pattern cache (most of its import time otherwise)."""
    with recache.imports():
        import trafilatura
    return trafilatura


@cache
def _extractor(links: bool) -> Any:
    """trafilatura's settings, built once per process: its own extractor in
    precision mode, comments off, structure kept. The "xml" format only
    skips its plain-text rendering of the result, which bersih does not use."""
    _trafilatura()
    from trafilatura.settings import Extractor

    return Extractor(
        output_format="xml",
        fast=True,
        precision=True,
        comments=False,
        formatting=True,
        links=links,
        tables=True,
    )


def _main_blocks(tree: Any, links: bool) -> list[Block]:
    """trafilatura's main content, structure kept (it works on a copy).

    Its own extractor only (``fast``), set for precision: its
    readability/jusText comparison scored lower on the dev pages
    (scrapinghub-html F1 0.966 with it for results under 2,000 characters,
    0.970 without) and costs ~20 ms a page plus ~0.5 s of stoplist loading in
    a cold process; precision (0.974) skips its baseline and recall retries,
    which let in what ``compose`` adds with more care anyway: the header and
    footer lines around the content, and for a weak result (fewer than
    ``MAIN_MIN_WORDS`` words, mostly links) the page's own prose or text.
    """
    doc = _trafilatura().bare_extraction(tree, options=_extractor(links))
    body = getattr(doc, "body", None)
    return element_blocks(body, anchors=links) if body is not None else []


def _page(tree: Any, captions: set[str], links: bool = False) -> Page:
    body = tree.find("body")
    if body is None:  # a frameset, or no markup at all
        return Page((), ())
    blocks, shares = linked_blocks(body, anchors=links)
    at = frozenset(i for i, b in enumerate(blocks) if key(b.text) in captions)
    return Page(tuple(blocks), tuple(shares), at)


# --- captions --------------------------------------------------------------------
def _captions(tree: Any, attributes: list[Any]) -> set[str]:
    """Keys of the page's photo captions (``<figcaption>``, class "caption"):
    trafilatura leaves them out, and so do the page lines added around its
    main content."""
    keys = set()
    classed = (
        v.getparent() for v in attributes if v.attrname == "class" and "caption" in v.lower()
    )
    for el in (*tree.iter("figcaption"), *classed):
        text = text_of(el)
        if 0 < len(text) <= CAPTION_MAX_CHARS:
            keys.add(key(text))
    return keys


# --- the article ---------------------------------------------------------------------
def _date_near_title(page: Page, title: int, meta: PageMeta) -> PageMeta:
    """A date line next to the headline ("Senin, 15 Februari 2016, 16:15 WIB"),
    the nearest one, below before above: when the markup declares no date,
    or only a UTC timestamp a day off it (an article of 05:00 WIB is
    22:00 UTC the day before; the reader's date is the printed one)."""
    lo, hi = max(0, title - DATE_WINDOW), min(len(page.blocks), title + DATE_WINDOW + 1)
    for i in sorted(range(lo, hi), key=lambda i: (abs(i - title), i < title)):
        text = page.blocks[i].text
        if i != title and len(text) <= DATE_LINE_MAX_CHARS and is_date_line(text):
            iso = to_iso(text)
            if iso and (meta.date is None or _day_apart(iso, meta.date.value)):
                return meta._replace(date=Found(iso, "date.line-near-headline"))
            if iso:
                return meta  # the nearest printed date agrees: the markup's stands
    return meta


def _day_apart(printed: str, declared: str) -> bool:
    try:
        gap = abs(date.fromisoformat(printed) - date.fromisoformat(declared))
    except ValueError:
        return False
    return gap == timedelta(days=1)


def _absolute_links(blocks: list[Block], base: str | None) -> list[Block]:
    """Relative link targets ("/berita/123", "//cdn.example/x") made absolute
    against the page's address (``--url`` or its canonical URL); without
    one they stay relative, and the Markdown renderer leaves them out."""
    if not base or urlsplit(base).scheme not in ("http", "https"):
        return blocks
    return [
        b._replace(links=tuple((a, _resolve(base, u)) for a, u in b.links)) if b.links else b
        for b in blocks
    ]


def _resolve(base: str, url: str) -> str:
    url = url.strip()
    if not url or url.startswith("#") or urlsplit(url).scheme:
        return url  # in-page anchors, absolute and javascript: targets as they are
    try:
        return urljoin(base, url)
    except ValueError:  # a malformed address (an unclosed IPv6 bracket)
        return url


def _article(blocks: list[Block], meta: PageMeta, steps: tuple[Step, ...]) -> Article:
    return Article(
        blocks=tuple(blocks),
        title=meta.title.value if meta.title else None,
        authors=meta.authors,
        editors=meta.editors,
        date=meta.date.value if meta.date else None,
        tags=meta.tags,
        source=Source(kind=Kind.HTML, url=meta.url, site=meta.site),
        steps=steps,
    )


def _meta_steps(meta: PageMeta) -> tuple[Step, ...]:
    steps = []
    if meta.title:
        steps.append(Step(_STAGE, meta.title.rule, meta.title.value))
    if meta.authors:
        steps.append(Step(_STAGE, meta.authors_rule, ", ".join(meta.authors)))
    if meta.date:
        steps.append(Step(_STAGE, meta.date.rule, meta.date.value))
    return tuple(steps)
