"""HTML -> ``Article``: trafilatura finds the main content, the page's own
text fills in around it, and the markup's metadata become candidates.

What the classifier then sees is the page's header lines (headline, byline,
date) from the page, the main content as trafilatura kept it, and a few lines
after it (footer bylines, end markers): the same cleaning that text input
gets then removes what trafilatura keeps ("Baca juga", captions, bylines).

When trafilatura's result is weak (empty, a list of links, far less prose
than the page holds), the page's visible text is used instead. Each choice
is recorded as a ``Step("extract", rule, detail)``.

trafilatura (and lxml under it) are imported here only, lazily.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, NamedTuple

from ..errors import NoArticleError
from ..rules.dates import is_date_line
from ..model import Article, Block, BlockType, Kind, Source, Step
from ..options import Options
from .htmldom import element_blocks, linked_blocks, text_of
from .htmlmeta import Found, PageMeta, read_meta, to_iso

#: A caption element's text is at most this many characters (longer: not a caption).
CAPTION_MAX_CHARS = 400
#: Characters of a removed block quoted in its step.
STEP_TEXT_CHARS = 100
#: Blocks before the main content searched for the headline.
HEAD_WINDOW = 25
#: Blocks above the headline given to the header stage (a date line may sit there).
HEAD_ABOVE_TITLE = 3
#: Blocks either side of the headline searched for a date line.
DATE_WINDOW = 4
#: A date line is at most this many characters.
DATE_LINE_MAX_CHARS = 80
#: An index page has at least this many headline links per teaser in the main span ...
INDEX_MIN_HEADLINES = 0.6
#: ... and teasers of fewer words than this (median).
INDEX_MAX_TEASER_WORDS = 30
#: Blocks before the main content given to the header stage when no headline is found.
HEAD_FALLBACK = 6
#: Blocks after the main content given to the classifier (footer bylines, end markers).
FOOT_WINDOW = 8
#: Main content whose text is mostly link text is a list of other stories.
MAIN_MAX_LINK_SHARE = 0.35
#: A page block is prose (for recovering paragraphs trafilatura left out)
#: with at least this many words ...
PROSE_MIN_WORDS = 10
#: ... and at most this share of link text.
PROSE_MAX_LINK_SHARE = 0.3
#: Non-prose blocks allowed between two paragraphs of one prose run.
PROSE_MAX_GAP = 2
#: Header and footer lines given to the classifier have at most this many words.
EDGE_LINE_MAX_WORDS = 12
#: This many link lines within two blocks of each other are a menu, not a byline.
MENU_MIN_LINKS = 3
#: Main blocks further apart than this many page blocks are separate clusters.
CLUSTER_GAP = 12
#: Main blocks outside the main span are dropped when they hold at most this
#: share of the span's words.
STRAY_MAX_SHARE = 0.2
#: A block is a link when at least this share of its text is link text ...
LINKED_BLOCK_SHARE = 0.8
#: ... and main content with more than this share of link blocks is a list of stories.
MAIN_MAX_LINKED_BLOCKS = 0.3
#: Main content with fewer words than this is weak: the page's text is used.
MAIN_MIN_WORDS = 40

_STAGE = "extract"
_WORD = re.compile(r"\w+")
_CAPTION_CLASS = re.compile(r"caption", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]{0,200}\?>")
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SENTENCE_END = re.compile(r"[.!?。！？…][\"”’)\]]*\s*$")


def html_to_article(html: str, options: Options) -> Article:
    """Extract the article from ``html`` as unclassified blocks plus metadata.

    Raises ``NoArticleError`` when the page has no text, or is plainly an
    index of other stories (headline links with teasers, no publication date).
    """
    tree = _parse(html)
    meta = read_meta(tree)
    body = tree.find("body")
    page, links = linked_blocks(body if body is not None else tree)
    main, dropped = _drop_captions(_main_blocks(tree, options), _captions(tree))
    blocks, steps, title_at = _compose(page, links, main, meta)
    steps = dropped + steps
    if not blocks:
        raise NoArticleError("no article found: the page has no visible text")
    if not meta.date and title_at is not None:
        meta = _date_near_title(page, title_at, meta)
    return _article(blocks, meta, (*steps, *_meta_steps(meta)))


def _parse(html: str) -> Any:
    """The page as an lxml tree (fragments get an ``<html><body>`` around them)."""
    from lxml import etree  # type: ignore[import-untyped]
    from lxml import html as lxml_html

    text = _CONTROLS.sub("", _XML_DECLARATION.sub("", html, count=1))
    if not text.strip():
        raise NoArticleError("no article found: the input is empty")
    parser = lxml_html.HTMLParser(collect_ids=False, remove_comments=True, remove_pis=True)
    try:
        return lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as err:
        raise NoArticleError(f"no article found: the HTML could not be parsed ({err})") from err


def _main_blocks(tree: Any, options: Options) -> list[Block]:
    """trafilatura's main content, structure kept."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        tree,
        include_comments=False,
        include_formatting=True,
        include_links=options.links,
        include_tables=True,
        with_metadata=False,
    )
    if doc is None or getattr(doc, "body", None) is None:
        return []
    return element_blocks(doc.body)


def _captions(tree: Any) -> set[str]:
    """Keys of the page's photo captions (``<figcaption>``, class "caption")."""
    keys = set()
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        hint = el.get("class") or ""
        if el.tag == "figcaption" or _CAPTION_CLASS.search(hint):
            text = text_of(el)
            if 0 < len(text) <= CAPTION_MAX_CHARS:
                keys.add(_key(text))
    return keys


def _drop_captions(main: list[Block], captions: set[str]) -> tuple[list[Block], tuple[Step, ...]]:
    """Main blocks that are a photo's caption in the markup."""
    if not captions:
        return main, ()
    kept, steps = [], []
    for block in main:
        if _key(block.text) in captions:
            steps.append(Step("boilerplate", "caption.html", _quote(block.text)))
        else:
            kept.append(block)
    return kept, tuple(steps)


def _quote(text: str) -> str:
    return text if len(text) <= STEP_TEXT_CHARS else text[: STEP_TEXT_CHARS - 1] + "…"


# --- composing the blocks -------------------------------------------------------
class _Composed(NamedTuple):
    blocks: list[Block]
    steps: tuple[Step, ...]
    #: Page index of the headline, when found.
    title_at: int | None


def _compose(page: list[Block], links: list[float], main: list[Block], meta: PageMeta) -> _Composed:
    """Header lines from the page, the main content, footer lines from the page."""
    words = _words(main)
    if words < MAIN_MIN_WORDS:
        step = Step(_STAGE, "html.page-text", f"main content has {words} words")
        return _Composed(page, (step,), _title_index(page, meta, 0, len(page), first=True))
    positions = _align(main, page)
    found = [p for p in positions if p >= 0]
    if not found:
        step = Step(_STAGE, "html.page-text", "main content not found in the page text")
        return _Composed(page, (step,), _title_index(page, meta, 0, len(page), first=True))
    steps: list[Step] = []
    share = _link_share(page, links, found)
    linked = sum(1 for i in found if links[i] >= LINKED_BLOCK_SHARE) / len(found)
    if share > MAIN_MAX_LINK_SHARE or linked > MAIN_MAX_LINKED_BLOCKS:
        own = sum(len(_WORD.findall(page[i].text)) for i in found if links[i] < LINKED_BLOCK_SHARE)
        run = _best_prose_run(page, links)
        run_words = _prose_words(page, links, run)
        detail = f"main content is {share:.0%} link text, {linked:.0%} of its blocks are links"
        if run_words > own:
            main, positions = page[run[0] : run[1] + 1], list(range(run[0], run[1] + 1))
            found = positions
            steps.append(Step(_STAGE, "html.page-prose", f"{detail}: the page's longest prose ({run_words} words) instead"))
        else:
            steps.append(Step(_STAGE, "html.main-links", f"{detail}, kept: no longer prose on the page"))
    start, end = _main_span(found, main, positions)
    _refuse_index(page, links, main, found, start, end, meta)
    main, strays = _drop_strays(main, positions, start, end)
    title_at = _title_index(page, meta, start - HEAD_WINDOW, start)
    head = _head_lines(page, links, start, title_at)
    foot = _foot_lines(page, links, end)
    lo, hi = _core(main)
    detail = f"{len(head)} header + {len(main)} main + {len(foot)} footer blocks"
    steps.insert(0, Step(_STAGE, "html.main+page-edges", detail))
    if strays:
        steps.append(Step(_STAGE, "html.stray-main", f"{strays} main blocks far from the rest dropped"))
    blocks = head + main[:lo] + _as_main(main[lo:hi]) + main[hi:] + foot
    return _Composed(blocks, tuple(steps), title_at)


def _core(main: list[Block]) -> tuple[int, int]:
    """The main content from its first to its last sentence or list item:
    short lines before or after (a byline, a credit, a reporter's name) are
    left to the classifier like the page's other header and footer lines."""
    opens = [i for i, b in enumerate(main) if _is_sentence(b) or b.type is BlockType.ITEM]
    closes = [i for i, b in enumerate(main) if _is_sentence(b) or b.type is BlockType.ITEM]
    if not opens or not closes:
        return 0, len(main)
    return opens[0], closes[-1] + 1


def _is_sentence(block: Block) -> bool:
    return len(_WORD.findall(block.text)) >= PROSE_MIN_WORDS or bool(_SENTENCE_END.search(block.text))


def _as_main(blocks: list[Block]) -> list[Block]:
    """Blocks of trafilatura's main content, in the classifier's input."""
    return blocks


def _is_prose(block: Block, link_share: float) -> bool:
    return len(_WORD.findall(block.text)) >= PROSE_MIN_WORDS and link_share < PROSE_MAX_LINK_SHARE


def _is_line(page: list[Block], links: list[float], i: int) -> bool:
    """A short line that may be a byline, a date or an end marker: not a
    sentence (a deck, a promo), not a menu (three link lines in a row)."""
    if len(_WORD.findall(page[i].text)) > EDGE_LINE_MAX_WORDS or _SENTENCE_END.search(page[i].text):
        return False
    if links[i] < LINKED_BLOCK_SHARE:
        return True
    row = 1
    for j in (i - 1, i - 2, i + 1, i + 2):
        if 0 <= j < len(page) and links[j] >= LINKED_BLOCK_SHARE:
            row += 1
    return row < MENU_MIN_LINKS


def _head_lines(page: list[Block], links: list[float], start: int, title: int | None) -> list[Block]:
    """The headline, the short lines around it and up to the main content
    (byline, date), and prose right above the main content that trafilatura
    left out (a lead paragraph in another container)."""
    first = start
    while first > 0 and _is_prose(page[first - 1], links[first - 1]):
        first -= 1
    lo = _head_start(page, start, title)
    lines = [b for i, b in enumerate(page[lo:first], lo) if i == title or _is_line(page, links, i)]
    return lines + page[first:start]


def _foot_lines(page: list[Block], links: list[float], end: int) -> list[Block]:
    """Prose right below the main content, then short lines (footer byline,
    end marker, tags) among the next few blocks."""
    last = end
    while last + 1 < len(page) and _is_prose(page[last + 1], links[last + 1]):
        last += 1
    window = range(last + 1, min(len(page), last + 1 + FOOT_WINDOW))
    return page[end + 1 : last + 1] + [page[i] for i in window if _is_line(page, links, i)]


def _best_prose_run(page: list[Block], links: list[float]) -> tuple[int, int]:
    """The page span with the most prose words, short blocks between
    paragraphs allowed (subheadings, captions)."""
    best, best_words = (0, -1), 0
    run_start, run_words, gap, last = -1, 0, 0, -1
    for i, block in enumerate(page):
        if _is_prose(block, links[i]):
            if run_start < 0:
                run_start, run_words = i, 0
            run_words += len(_WORD.findall(block.text))
            gap, last = 0, i
            if run_words > best_words:
                best, best_words = (run_start, last), run_words
        elif run_start >= 0:
            gap += 1
            if gap > PROSE_MAX_GAP or len(_WORD.findall(block.text)) > EDGE_LINE_MAX_WORDS:
                run_start = -1
    return best


def _prose_words(page: list[Block], links: list[float], span: tuple[int, int]) -> int:
    return sum(len(_WORD.findall(page[i].text)) for i in range(span[0], span[1] + 1) if _is_prose(page[i], links[i]))


def _refuse_index(
    page: list[Block],
    links: list[float],
    main: list[Block],
    found: list[int],
    start: int,
    end: int,
    meta: PageMeta,
) -> None:
    """An index page: trafilatura kept the teasers, the page has a headline
    link beside each of them, and no publication date is declared."""
    if meta.date:
        return
    kept = set(found)
    headlines = sum(1 for i in range(start, end + 1) if i not in kept and links[i] >= LINKED_BLOCK_SHARE)
    ratio = headlines / len(main)
    sizes = sorted(len(_WORD.findall(b.text)) for b in main)
    if ratio >= INDEX_MIN_HEADLINES and sizes[len(sizes) // 2] < INDEX_MAX_TEASER_WORDS:
        raise NoArticleError(
            f"no article found: an index page ({headlines} headline links among {len(main)} teasers, no date)"
        )


def _words(blocks: list[Block]) -> int:
    return sum(len(_WORD.findall(b.text)) for b in blocks)


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


#: Characters of a block's key used to match blocks that differ in their tails.
PREFIX_CHARS = 30


def _align(main: list[Block], page: list[Block]) -> list[int]:
    """The page index of each main block (-1 when not found), in order."""
    exact: dict[str, list[int]] = {}
    prefix: dict[str, list[int]] = {}
    for i, block in enumerate(page):
        key = _key(block.text)
        exact.setdefault(key, []).append(i)
        if len(key) >= PREFIX_CHARS:
            prefix.setdefault(key[:PREFIX_CHARS], []).append(i)
    out: list[int] = []
    last = -1
    for block in main:
        key = _key(block.text)
        found = exact.get(key) or (prefix.get(key[:PREFIX_CHARS]) if len(key) >= PREFIX_CHARS else None)
        if not found:
            out.append(-1)
            continue
        later = [i for i in found if i > last]
        last = later[0] if later else found[-1]
        out.append(last)
    return out


def _main_span(found: list[int], main: list[Block], positions: list[int]) -> tuple[int, int]:
    """The page span of the main content's densest cluster (a stray copyright
    line that trafilatura appended does not stretch it to the page's end)."""
    weight = {p: len(_WORD.findall(b.text)) for b, p in zip(main, positions, strict=True) if p >= 0}
    clusters: list[list[int]] = []
    for p in sorted(set(found)):
        if clusters and p - clusters[-1][-1] <= CLUSTER_GAP:
            clusters[-1].append(p)
        else:
            clusters.append([p])
    best = max(clusters, key=lambda c: sum(weight[p] for p in c))
    return best[0], best[-1]


def _drop_strays(
    main: list[Block], positions: list[int], start: int, end: int
) -> tuple[list[Block], int]:
    """Main blocks found far outside the main span, when they are few
    (a copyright line or a comment disclaimer trafilatura appended)."""
    outside = [i for i, p in enumerate(positions) if p >= 0 and not start - CLUSTER_GAP <= p <= end + CLUSTER_GAP]
    inside_words = _words([b for b, p in zip(main, positions, strict=True) if start <= p <= end])
    if not outside or _words([main[i] for i in outside]) > STRAY_MAX_SHARE * inside_words:
        return main, 0
    drop = set(outside)
    return [b for i, b in enumerate(main) if i not in drop], len(drop)


def _link_share(page: list[Block], links: list[float], found: list[int]) -> float:
    total = sum(len(page[i].text) for i in found)
    linked = sum(len(page[i].text) * links[i] for i in found)
    return linked / total if total else 0.0


def _head_start(page: list[Block], start: int, title: int | None) -> int:
    """A few blocks above the headline before the main content (a date line
    may sit above it), or a few blocks above the main content."""
    if title is not None:
        return max(0, title - HEAD_ABOVE_TITLE)
    for i in range(start - 1, max(-1, start - HEAD_WINDOW - 1), -1):
        if page[i].type is BlockType.HEADING and page[i].level == 1:
            return i
    return max(0, start - HEAD_FALLBACK)


def _title_index(
    page: list[Block], meta: PageMeta, lo: int, hi: int, first: bool = False
) -> int | None:
    """The last (or first) block in ``page[lo:hi]`` that is the headline."""
    if not meta.title:
        return None
    key = _key(meta.title.value)
    span = range(max(0, lo), min(hi, len(page)))
    for i in span if first else reversed(span):
        if _key(page[i].text) == key:
            return i
    return None


def _date_near_title(page: list[Block], title: int, meta: PageMeta) -> PageMeta:
    """A date line next to the headline ("Senin, 15 Februari 2016, 16:15 WIB")."""
    near = sorted(range(max(0, title - DATE_WINDOW), min(len(page), title + DATE_WINDOW + 1)),
                  key=lambda i: (abs(i - title), i < title))
    for i in near:
        if i != title and len(page[i].text) <= DATE_LINE_MAX_CHARS and is_date_line(page[i].text):
            iso = to_iso(page[i].text)
            if iso:
                return replace(meta, date=Found(iso, "date.line-near-headline"))
    return meta


# --- the article --------------------------------------------------------------
def _article(blocks: list[Block], meta: PageMeta, steps: tuple[Step, ...]) -> Article:
    return Article(
        blocks=tuple(blocks),
        title=meta.title.value if meta.title else None,
        authors=meta.authors,
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
