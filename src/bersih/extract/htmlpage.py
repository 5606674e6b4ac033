"""Which blocks the classifier gets from an HTML page.

trafilatura's main content is found again among the page's own blocks (its
visible text, with each block's share of link text). Around it the page
adds what the header stage needs and trafilatura leaves out: the headline,
the byline and date lines near it, prose right above or below the main
content that sits in another container, and the short lines after it
(footer byline, end marker). Menus, link lists, captions and decks are not
added, and the headline itself is not: it is the title (from the metadata),
never the body.

When the main content is mostly links (a "more stories" list), the page's
longest stretch of prose is used instead, if it has more words; when it is
tiny or cannot be found in the page, the whole page text is used, as for
pasted text. A page whose main content is teasers under headline links,
with no publication date, is an index: ``NoArticleError``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from .. import recache
from ..errors import NoArticleError
from ..model import Block, BlockType, Step
from ..rules.features import lexicon_rule

#: Main content with fewer words than this is weak: the page's text is used.
MAIN_MIN_WORDS = 40
#: A block is a link when at least this share of its text is link text.
LINKED_BLOCK_SHARE = 0.8
#: Main content with more link text than this share, or more than
#: MAIN_MAX_LINKED_BLOCKS of its blocks links, is a list of other stories.
MAIN_MAX_LINK_SHARE = 0.35
MAIN_MAX_LINKED_BLOCKS = 0.3
#: A page block is prose with at least this many words ...
PROSE_MIN_WORDS = 10
#: ... and at most this share of link text.
PROSE_MAX_LINK_SHARE = 0.3
#: Short blocks allowed between two paragraphs of one stretch of prose.
PROSE_MAX_GAP = 2
#: Header and footer lines given to the classifier have at most this many words.
EDGE_LINE_MAX_WORDS = 12
#: This many link lines within two blocks of each other are a menu.
MENU_MIN_LINKS = 3
#: Blocks before the main content searched for the headline.
HEAD_WINDOW = 25
#: Blocks above the headline given to the header stage (a date line may sit there).
HEAD_ABOVE_TITLE = 3
#: Blocks above the main content looked at when no headline is found.
HEAD_FALLBACK = 6
#: A sentence or quote between two main paragraphs has at most this share of link text.
GAP_MAX_LINK_SHARE = 0.5
#: A quote between two main paragraphs goes back in when it has at most this many blocks.
GAP_MAX_QUOTE_BLOCKS = 3
#: A sentence of at least this many words below the main content carries the story on.
SENTENCE_MIN_WORDS = 5
#: Prose continues below the main content across at most this many ad
#: labels ("Advertisement" between two chunks of the story).
AD_BREAK_MAX_BLOCKS = 2
#: Blocks after the main content looked at for footer lines.
FOOT_WINDOW = 8
#: The headline is looked for among this many first blocks of the main content.
TITLE_IN_MAIN = 5
#: Main blocks further apart than this many page blocks are separate clusters.
CLUSTER_GAP = 12
#: Main blocks outside the main cluster are dropped when they hold at most
#: this share of its words (a copyright line, a comment disclaimer).
STRAY_MAX_SHARE = 0.2
#: An index page has at least this many headline links per teaser ...
INDEX_MIN_HEADLINES = 0.6
#: ... and teasers of fewer words than this (median).
INDEX_MAX_TEASER_WORDS = 30
#: An index read from the whole page has at least this many teasers ...
INDEX_MIN_TEASERS = 3
#: ... under links of at least this many words (headlines, not menu entries).
HEADLINE_MIN_WORDS = 4
#: Characters of a block's key that match blocks differing in their tails.
PREFIX_CHARS = 30

#: Block texts whose key and word count are remembered (each is asked for
#: many times while the main content is placed in the page).
KEY_CACHE = 4096

_STAGE = "extract"
_WORD = recache.compile(r"\w+")
_SENTENCE_END = recache.compile(r"[.!?。！？…][\"”’)\]]*\s*$")


@lru_cache(maxsize=KEY_CACHE)
def key(text: str) -> str:
    """Lower-case words only: how blocks from two extractions are matched."""
    return " ".join(_WORD.findall(text.lower()))


@lru_cache(maxsize=KEY_CACHE)
def words(text: str) -> int:
    return len(_WORD.findall(text))


class Page(NamedTuple):
    """The page's visible text as blocks, with what the markup says of each."""

    blocks: tuple[Block, ...]
    #: Share of each block's text inside links.
    links: tuple[float, ...]
    #: Indices of blocks that are photo captions in the markup.
    captions: frozenset[int] = frozenset()

    def is_link(self, i: int) -> bool:
        return self.links[i] >= LINKED_BLOCK_SHARE

    def is_prose(self, i: int) -> bool:
        return (
            i not in self.captions
            and words(self.blocks[i].text) >= PROSE_MIN_WORDS
            and self.links[i] < PROSE_MAX_LINK_SHARE
        )

    def is_line(self, i: int) -> bool:
        """A short line that may be a byline, a date or an end marker: not a
        sentence (a deck, a promo), not a caption, not a menu."""
        text = self.blocks[i].text
        if i in self.captions or words(text) > EDGE_LINE_MAX_WORDS or _SENTENCE_END.search(text):
            return False
        if not self.is_link(i):
            return True
        near = (j for j in (i - 2, i - 1, i + 1, i + 2) if 0 <= j < len(self.blocks))
        return 1 + sum(1 for j in near if self.is_link(j)) < MENU_MIN_LINKS


#: A main paragraph gets the page's fuller text back when that adds at most
#: this share of its words and the first and last words agree.
RESTORE_MAX_SHARE = 1 / 3
RESTORE_END_WORDS = 3


#: Main blocks with their index in the page's blocks (-1: not found there).
Placed = list[tuple[Block, int]]


class Composed(NamedTuple):
    blocks: list[Block]
    steps: tuple[Step, ...]
    #: Page index of the headline, when found.
    title_at: int | None


def compose(page: Page, main: list[Block], title: str | None, dated: bool) -> Composed:
    """The blocks for the classifier: header lines, main content, footer lines.

    ``title`` is the headline from the metadata; ``dated`` says whether the
    page declares a publication date (index pages do not).
    """
    count = sum(words(b.text) for b in main)
    placed = list(zip(main, _align(main, page.blocks), strict=True))
    if count < MAIN_MIN_WORDS or all(p < 0 for _, p in placed):
        why = (
            f"main content has {count} words"
            if count < MAIN_MIN_WORDS
            else "main content not found"
        )
        if not dated:
            _refuse_index_page(page)
        return _whole_page(page, title, f"{why}: the page's visible text is used")
    placed, restored = _restore_words(page, placed)
    steps: list[Step] = [Step(_STAGE, "html.restored-words", b.text) for b in restored]
    if _mostly_links(page, placed):
        placed, step = _links_or_prose(page, placed)
        steps.append(step)
    start, end = _main_span(placed)
    if not dated:
        _refuse_index(page, placed, start, end)
    placed, strays = _drop_strays(placed, start, end)
    placed, headlines = _drop_headlines(placed, title)
    placed, filled = _fill_gaps(page, placed)
    start = min((p for _, p in placed if start <= p <= end), default=start)
    title_at = _title_index(page, title, start - HEAD_WINDOW, start)
    head = [b for b in _head_lines(page, start, title_at) if not _is_headline(b, title)]
    foot = _foot_lines(page, end)
    body = [b for b, _ in placed]
    lo, hi = _core(body)
    blocks = head + body[:lo] + as_main(body[lo:hi]) + body[hi:] + foot
    detail = f"{len(head)} header + {len(body)} main + {len(foot)} footer blocks"
    steps.insert(0, Step(_STAGE, "html.main+page-edges", detail))
    steps += [Step("boilerplate", "title.headline", b.text) for b in headlines]
    if strays:
        steps.append(Step(_STAGE, "html.stray-main", f"{strays} main blocks far from the rest"))
    steps += [Step(_STAGE, "html.gap-sentence", b.text) for b in filled]
    return Composed(blocks, tuple(steps), title_at)


def _restore_words(page: Page, placed: Placed) -> tuple[Placed, list[Block]]:
    """Main paragraphs missing words the page has inside them (trafilatura's
    precision mode drops some inline elements, a link's text among them:
    "has reported that for his role"): the page's paragraph instead, when it
    starts and ends alike and only adds words (at most a third of them)."""
    out: Placed = []
    restored: list[Block] = []
    for block, i in placed:
        if i >= 0 and block.type is BlockType.PARA and _only_adds_words(block, page.blocks[i]):
            block = block._replace(text=page.blocks[i].text, links=page.blocks[i].links)
            restored.append(block)
        out.append((block, i))
    return out, restored


def _only_adds_words(block: Block, fuller: Block) -> bool:
    have, full = key(block.text).split(), key(fuller.text).split()
    if len(full) <= len(have) or len(full) - len(have) > len(full) * RESTORE_MAX_SHARE:
        return False
    ends = RESTORE_END_WORDS
    if have[:ends] != full[:ends] or have[-ends:] != full[-ends:]:
        return False
    rest = iter(full)
    return all(word in rest for word in have)  # the block's words, in order, within the page's


def _fill_gaps(page: Page, placed: Placed) -> tuple[Placed, list[Block]]:
    """What trafilatura's precision mode dropped between two paragraphs of
    the main content goes back in: a lone sentence that is partly a link
    ("... in the journal Nature Astronomy."), or a quote of at most
    ``GAP_MAX_QUOTE_BLOCKS`` blocks (an embedded post). Not a pull quote
    (it repeats the story), not a link."""
    out: Placed = []
    filled: list[Block] = []
    kept = " ".join(key(b.text) for b, _ in placed)
    for n, (block, at) in enumerate(placed):
        out.append((block, at))
        nxt = placed[n + 1][1] if n + 1 < len(placed) else -1
        if at < 0 or not 2 <= nxt - at <= GAP_MAX_QUOTE_BLOCKS + 1:
            continue
        gap = range(at + 1, nxt)
        if any(key(page.blocks[i].text) in kept for i in gap):
            continue
        if (len(gap) == 1 and _gap_sentence(page, gap[0])) or all(_gap_quote(page, i) for i in gap):
            out += [(page.blocks[i], i) for i in gap]
            filled += [page.blocks[i] for i in gap]
    return out, filled


def _gap_quote(page: Page, i: int) -> bool:
    return (
        page.blocks[i].type is BlockType.QUOTE
        and i not in page.captions
        and page.links[i] < GAP_MAX_LINK_SHARE
    )


def _gap_sentence(page: Page, i: int) -> bool:
    text = page.blocks[i].text
    return (
        i not in page.captions
        and page.blocks[i].type is BlockType.PARA
        and page.links[i] < GAP_MAX_LINK_SHARE
        and words(text) >= SENTENCE_MIN_WORDS
        and bool(_SENTENCE_END.search(text))
    )


def _links_or_prose(page: Page, placed: Placed) -> tuple[Placed, Step]:
    """Main content that is mostly links gives way to the page's longest
    prose, when that has more words than the main content's own text."""
    run = _longest_prose(page)
    prose = _prose_words(page, run)
    own = sum(words(b.text) for b, p in placed if p >= 0 and not page.is_link(p))
    if prose <= own:
        return placed, Step(_STAGE, "html.main-links", "main content is mostly links; kept")
    span = range(run[0], run[1] + 1)
    detail = f"main content is mostly links; {prose} words of prose elsewhere used"
    return [(page.blocks[i], i) for i in span], Step(_STAGE, "html.page-prose", detail)


def as_main(blocks: list[Block]) -> list[Block]:
    """Blocks of trafilatura's main content, in the classifier's input."""
    return [b._replace(main=True) for b in blocks]


def _whole_page(page: Page, title: str | None, why: str) -> Composed:
    """All of the page's text but its captions and headline (the title)."""
    blocks = [
        b
        for i, b in enumerate(page.blocks)
        if i not in page.captions and not _is_headline(b, title)
    ]
    step = Step(_STAGE, "html.page-text", why)
    return Composed(blocks, (step,), _title_index(page, title, 0, len(page.blocks), first=True))


# --- finding the main content in the page ------------------------------------------
def _align(main: list[Block], page: tuple[Block, ...]) -> list[int]:
    """The page index of each main block (-1 when not found), in order."""
    exact: dict[str, list[int]] = {}
    prefix: dict[str, list[int]] = {}
    for i, block in enumerate(page):
        k = key(block.text)
        exact.setdefault(k, []).append(i)
        if len(k) >= PREFIX_CHARS:
            prefix.setdefault(k[:PREFIX_CHARS], []).append(i)
    out: list[int] = []
    last = -1
    for block in main:
        k = key(block.text)
        found = exact.get(k) or (prefix.get(k[:PREFIX_CHARS]) if len(k) >= PREFIX_CHARS else None)
        if not found:
            out.append(-1)
            continue
        later = [i for i in found if i > last]
        last = later[0] if later else found[-1]
        out.append(last)
    return out


def _mostly_links(page: Page, placed: Placed) -> bool:
    found = [p for _, p in placed if p >= 0]
    total = sum(len(page.blocks[i].text) for i in found)
    linked = sum(len(page.blocks[i].text) * page.links[i] for i in found)
    link_blocks = sum(1 for i in found if page.is_link(i)) / len(found)
    return linked > MAIN_MAX_LINK_SHARE * total or link_blocks > MAIN_MAX_LINKED_BLOCKS


def _main_span(placed: Placed) -> tuple[int, int]:
    """The page span of the main content's weightiest cluster (a copyright
    line trafilatura appended does not stretch it to the page's end)."""
    weight = {p: words(b.text) for b, p in placed if p >= 0}
    clusters: list[list[int]] = []
    for p in sorted(weight):
        if clusters and p - clusters[-1][-1] <= CLUSTER_GAP:
            clusters[-1].append(p)
        else:
            clusters.append([p])
    best = max(clusters, key=lambda c: sum(weight[p] for p in c))
    return best[0], best[-1]


def _drop_strays(placed: Placed, start: int, end: int) -> tuple[Placed, int]:
    """Main blocks far outside the main span, when they are few."""
    near = range(start - CLUSTER_GAP, end + CLUSTER_GAP + 1)
    outside = [(b, p) for b, p in placed if p >= 0 and p not in near]
    inside = sum(words(b.text) for b, p in placed if start <= p <= end)
    if not outside or sum(words(b.text) for b, _ in outside) > STRAY_MAX_SHARE * inside:
        return placed, 0
    return [(b, p) for b, p in placed if p < 0 or p in near], len(outside)


def _refuse_index(page: Page, placed: Placed, start: int, end: int) -> None:
    """An index page: trafilatura kept the teasers and the page has a
    headline link beside each of them."""
    headlines = sum(1 for i in range(start, end + 1) if page.is_link(i))
    teasers = [b for b, p in placed if p < 0 or not page.is_link(p)]  # (kept headlines aside)
    sizes = sorted(words(b.text) for b in teasers) or [0]
    if (
        headlines >= INDEX_MIN_HEADLINES * len(teasers)
        and sizes[len(sizes) // 2] < INDEX_MAX_TEASER_WORDS
    ):
        raise NoArticleError(
            f"no article found: an index page ({headlines} headline links, no date)"
        )


def _refuse_index_page(page: Page) -> None:
    """An index page, read from the whole page: most of its short paragraphs
    are teasers, each just below a headline link (an article's paragraphs
    follow one another; its related links stand together)."""
    teasers = [
        i
        for i in range(len(page.blocks))
        if not page.is_link(i) and i not in page.captions and _is_sentence(page.blocks[i].text)
    ]
    if len(teasers) < INDEX_MIN_TEASERS:
        return
    below = sum(1 for i in teasers if any(_is_headline_link(page, j) for j in (i - 1, i - 2)))
    sizes = sorted(words(page.blocks[i].text) for i in teasers)
    if (
        below >= INDEX_MIN_HEADLINES * len(teasers)
        and sizes[len(sizes) // 2] < INDEX_MAX_TEASER_WORDS
    ):
        raise NoArticleError(
            f"no article found: an index page ({below} teasers under headline links, no date)"
        )


def _is_headline_link(page: Page, i: int) -> bool:
    """A link of a headline's length (menu entries are one or two words)."""
    return i >= 0 and page.is_link(i) and words(page.blocks[i].text) >= HEADLINE_MIN_WORDS


def _longest_prose(page: Page) -> tuple[int, int]:
    """The page span with the most words of prose (short blocks between
    paragraphs allowed: subheadings, a caption)."""
    best, best_words = (0, -1), 0
    start, total, gap = -1, 0, 0
    for i, block in enumerate(page.blocks):
        if page.is_prose(i):
            if start < 0:
                start, total = i, 0
            total, gap = total + words(block.text), 0
            if total > best_words:
                best, best_words = (start, i), total
        elif start >= 0:
            gap += 1
            if gap > PROSE_MAX_GAP or words(block.text) > EDGE_LINE_MAX_WORDS:
                start = -1
    return best


def _prose_words(page: Page, span: tuple[int, int]) -> int:
    return sum(words(page.blocks[i].text) for i in range(span[0], span[1] + 1) if page.is_prose(i))


# --- the edges -----------------------------------------------------------------------
def _is_headline(block: Block, title: str | None) -> bool:
    return bool(title) and key(block.text) == key(title or "")


def _drop_headlines(placed: Placed, title: str | None) -> tuple[Placed, list[Block]]:
    """The headline at the top of the main content (the title, or an ``<h1>``
    before the first sentence): it is the article's title, not its body."""
    cut = 0
    for i, (block, _) in enumerate(placed[:TITLE_IN_MAIN]):
        if _is_headline(block, title) or (block.type is BlockType.HEADING and block.level == 1):
            cut = i + 1
        elif _is_sentence(block.text):
            break
    top = [(b, p) for b, p in placed[:cut]]
    gone = [b for b, _ in top if _is_headline(b, title) or b.type is BlockType.HEADING]
    return [(b, p) for b, p in top if b not in gone] + placed[cut:], gone


def _core(main: list[Block]) -> tuple[int, int]:
    """The main content from its first to its last sentence or list item:
    short lines before or after (a byline, a credit, a reporter's name) are
    left to the classifier like the page's other header and footer lines."""
    inner = [i for i, b in enumerate(main) if b.type is BlockType.ITEM or _is_sentence(b.text)]
    return (inner[0], inner[-1] + 1) if inner else (0, len(main))


def _is_sentence(text: str) -> bool:
    return words(text) >= PROSE_MIN_WORDS or bool(_SENTENCE_END.search(text))


def _head_lines(page: Page, start: int, title: int | None) -> list[Block]:
    """The headline, the short lines from just above it to the main content
    (a date line above it: no links there; a byline, a date below), and prose
    right above the main content that trafilatura left out (a lead paragraph
    in another container)."""
    first = start
    while first > 0 and page.is_prose(first - 1):
        first -= 1
    lo = _head_start(page, start, title)
    above = title if title is not None else lo
    lines = [
        page.blocks[i]
        for i in range(lo, first)
        if i == title or (page.is_line(i) and (i > above or not page.is_link(i)))
    ]
    return lines + list(page.blocks[first:start])


def _foot_lines(page: Page, end: int) -> list[Block]:
    """Prose right below the main content, then short lines (footer byline,
    end marker) among the next few blocks."""
    last = end
    while True:
        if last + 1 < len(page.blocks) and _continues_story(page, last + 1):
            last += 1
            continue
        gap = _ad_break(page, last + 1)
        if not gap:
            break
        last += gap  # "Advertisement" between two chunks of the story
    window = range(last + 1, min(len(page.blocks), last + 1 + FOOT_WINDOW))
    return list(page.blocks[end + 1 : last + 1]) + [
        page.blocks[i] for i in window if page.is_line(i)
    ]


def _continues_story(page: Page, i: int) -> bool:
    """Prose, or a short sentence of the story ("But there are two problems.")."""
    if page.is_prose(i):
        return True
    text = page.blocks[i].text
    return (
        i not in page.captions
        and page.links[i] < PROSE_MAX_LINK_SHARE
        and words(text) >= SENTENCE_MIN_WORDS
        and _is_sentence(text)
    )


def _ad_break(page: Page, i: int) -> int:
    """How many ad labels from ``i`` on ("Advertisement", "Iklan", "Story
    continues below") sit between two stretches of prose: an ad slot
    between chunks of one story. 0 when there is none (an author's box,
    "About X", is no ad)."""
    for gap in range(1, AD_BREAK_MAX_BLOCKS + 1):
        j = i + gap - 1
        if j >= len(page.blocks) or page.is_link(j):
            return 0
        text = page.blocks[j].text
        if not lexicon_rule(text, words(text)).startswith(("ad.", "promo.")):
            return 0
        if i + gap < len(page.blocks) and page.is_prose(i + gap):
            return gap
    return 0


def _head_start(page: Page, start: int, title: int | None) -> int:
    if title is not None:
        return max(0, title - HEAD_ABOVE_TITLE)
    for i in range(start - 1, max(-1, start - HEAD_WINDOW - 1), -1):
        if page.blocks[i].type is BlockType.HEADING and page.blocks[i].level == 1:
            return i
    return max(0, start - HEAD_FALLBACK)


def _title_index(
    page: Page, title: str | None, lo: int, hi: int, first: bool = False
) -> int | None:
    """The last (or first) block in ``page.blocks[lo:hi]`` that is the headline."""
    if not title:
        return None
    wanted = key(title)
    span = range(max(0, lo), min(hi, len(page.blocks)))
    for i in span if first else reversed(span):
        if key(page.blocks[i].text) == wanted:
            return i
    return None
