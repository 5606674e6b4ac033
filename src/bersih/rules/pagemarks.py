"""Whole-page marks made between the two passes: repeated text (teasers,
pull quotes, site names), captions above credits, excerpts, and lists of
other stories (dated entries, headline + teaser pairs)."""

from __future__ import annotations

from ..model import Block, Label
from . import patterns
from .features import Features
from .header import match_dateline

#: The site's name, when printed as a credit, is also among the page's first blocks.
SITE_NAME_WINDOW = 5
#: A short line repeated on the page (a site name, a credit) has at most this many words.
REPEATED_SHORT_MAX_WORDS = 5
#: Date lines, each at most LISTING_MAX_STRIDE blocks after the last, that
#: make a list of stories (a tag page, or "more stories" under an article).
LISTING_MIN_DATES = 3
LISTING_MAX_STRIDE = 6
#: Headline + teaser pairs in a row that make a list of other stories ...
LISTING_MIN_TEASERS = 3
#: ... where a teaser has at most this many words.
TEASER_MAX_WORDS = 45
#: A page whose prose before such a list is shorter than this is a listing.
LISTING_MIN_ARTICLE_WORDS = 30
#: A box screen readers may skip ("skip past X" ... "after X") spans at most this many blocks.
SKIP_BOX_MAX_BLOCKS = 15
#: Lines of a series' other stories ("Series | Headline") listed in a row: at
#: least this many, of at most this many words each.
SERIES_MIN_ROWS = 3
SERIES_ROW_MAX_WORDS = 25
SERIES_NAME_MAX_WORDS = 6
#: Duplicate detection runs only on pages with at most this many blocks.
DUPLICATE_MAX_BLOCKS = 5000
#: Blocks with fewer words are never called duplicates.
DUPLICATE_MIN_WORDS = 4
#: A headline-like line that heads no paragraph is another story's link
#: from this many words on.
HEADLINE_MIN_WORDS = 5
#: A card's headline and its copy are at most this many blocks apart.
CARD_MAX_GAP = 2
#: Paragraphs in a row, each cut off mid-sentence ("... esperando mais à
#: frente por gente …"), that make a list of excerpts of other pages.
CUT_EXCERPTS_MIN = 3


def mark_skip_boxes(blocks: list[Block]) -> list[Block]:
    """A box the page lets screen readers skip: "skip past newsletter
    promotion" ... "after newsletter promotion" (the Guardian). All of it,
    both markers included, is furniture."""
    out = list(blocks)
    for i, block in enumerate(blocks):
        found = patterns.SKIP_PAST.match(block.text.strip())
        if not found:
            continue
        end = f"after {found['what'].lower()}"
        for j in range(i + 1, min(len(blocks), i + SKIP_BOX_MAX_BLOCKS + 1)):
            if blocks[j].text.strip().lower() == end:
                for k in range(i, j + 1):
                    out[k] = blocks[k]._replace(label=Label.BAD, rule="promo.box")
                break
    return out


def mark_series(blocks: list[Block], feats: list[Features]) -> list[Block]:
    """Other stories of a series, listed under the story: three or more
    lines in a row that open with the same words before a bar ("Milano
    Design Week 2018 | Seiko's ...", "... | a preview of ...")."""
    out = list(blocks)
    heads = [_series_name(b.text, f) for b, f in zip(blocks, feats, strict=True)]
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and heads[j] and heads[j] == heads[i]:
            j += 1
        if heads[i] and j - i >= SERIES_MIN_ROWS:
            for k in range(i, j):
                out[k] = blocks[k]._replace(label=Label.BAD, rule="section.series")
        i = max(j, i + 1)
    return out


def _series_name(text: str, f: Features) -> str:
    """The words before the first " | " of a headline-length line, folded."""
    name, bar, rest = text.partition(" | ")
    if not bar or f.words > SERIES_ROW_MAX_WORDS or len(name.split()) > SERIES_NAME_MAX_WORDS:
        return ""
    if len(rest.split()) < HEADLINE_MIN_WORDS:
        return ""  # "Grup A | Jerman 2-1 Jepang": a table's row, not a headline
    return name.lower()


def mark_duplicates(blocks: list[Block], feats: list[Features]) -> list[Block]:
    """A block repeated elsewhere: a teaser, a pull quote or a caption."""
    if len(blocks) > DUPLICATE_MAX_BLOCKS:
        return blocks
    prose = [i for i, b in enumerate(blocks) if b.label == Label.GOOD]
    joined = "\n".join(blocks[i].text for i in prose)
    out = list(blocks)
    for i, block in enumerate(blocks):
        if block.label not in (Label.GOOD, Label.SHORT) or feats[i].words < DUPLICATE_MIN_WORDS:
            continue
        if block.main:  # a repeat in the extractor's main content is content
            continue
        own = 1 if block.label == Label.GOOD else 0
        if joined.count(block.text) > own and _is_dropped_copy(blocks, i):
            out[i] = block._replace(label=Label.BAD, rule="repeat.duplicate")
    return out


def mark_repeated_short(blocks: list[Block], feats: list[Features]) -> list[Block]:
    """A few words printed again and again: a site name, a credit, a label."""
    counts: dict[str, int] = {}
    for block in blocks:
        counts[block.text] = counts.get(block.text, 0) + 1
    return [
        b._replace(label=Label.BAD, rule="repeat.short")
        if b.label == Label.SHORT
        and counts[b.text] > 1
        and 0 < f.words <= REPEATED_SHORT_MAX_WORDS
        and not f.terminal
        and not b.main
        else b
        for b, f in zip(blocks, feats, strict=True)
    ]


def mark_captions(blocks: list[Block], site_credits: bool = True) -> list[Block]:
    """A sentence right above a photo credit is the photo's caption. A credit
    is a capitals-and-slash line, or the site's own name printed again (not
    a section's name over another story's card: "Business", then a card)."""
    site_names = {b.text for b in blocks[:SITE_NAME_WINDOW]} if site_credits else set()
    out = list(blocks)
    for i, block in enumerate(blocks[1:], 1):
        if blocks[i - 1].rule == "caption.label" and block.label in (Label.GOOD, Label.SHORT):
            out[i] = block._replace(label=Label.BAD, rule="caption.photo")  # "Image caption,"
    for i, block in enumerate(blocks[:-1]):
        nxt = blocks[i + 1]
        card = i + 2 < len(blocks) and blocks[i + 2].rule == "teaser.card"
        credit = nxt.rule == "caption.credit" or (
            nxt.rule == "repeat.short" and nxt.text in site_names and not card
        )
        if block.label == Label.GOOD and credit:
            out[i] = block._replace(label=Label.BAD, rule="caption.photo")
    return out


def listing_spans(blocks: list[Block], start: int, end: int) -> list[tuple[int, int]]:
    """Lists of dated entries (headline, date, teaser) inside the run: a tag,
    index or search page, or "more stories" above or under an article."""
    dates = [i for i in range(start, end + 1) if blocks[i].rule == "meta.date"]
    chains: list[list[int]] = []
    for i in dates:
        if chains and i - chains[-1][-1] <= LISTING_MAX_STRIDE:
            chains[-1].append(i)
        else:
            chains.append([i])
    spans = []
    for chain in chains:
        if len(chain) >= LISTING_MIN_DATES:
            first = chain[0] - 1 if blocks[chain[0] - 1].label == Label.SHORT else chain[0]
            spans.append((max(first, start), min(chain[-1] + 1, end)))
    return spans


def teaser_spans(
    blocks: list[Block], feats: list[Features], start: int, end: int
) -> list[tuple[int, int]]:
    """Runs of other stories as headline + one-paragraph teaser pairs."""
    spans: list[tuple[int, int]] = []
    chain: list[int] = []
    i = start
    while i < end:
        if _is_teaser_pair(blocks, feats, i):
            chain.append(i)
            i += 2
            while (
                i <= end
                and blocks[i].label == Label.BAD
                and not blocks[i].rule.startswith("section.")
            ):
                i += 1  # a time stamp or a share button between entries
            continue
        if len(chain) >= LISTING_MIN_TEASERS:
            spans.append((chain[0], chain[-1] + 1))
        chain = []
        i += 1
    if len(chain) >= LISTING_MIN_TEASERS:
        spans.append((chain[0], min(chain[-1] + 1, end)))
    return spans


def _is_teaser_pair(blocks: list[Block], feats: list[Features], i: int) -> bool:
    head, teaser = blocks[i], blocks[i + 1]
    return (
        head.label == Label.SHORT
        and feats[i].titlelike
        and feats[i].words >= HEADLINE_MIN_WORDS
        and teaser.label == Label.GOOD
        and feats[i + 1].words <= TEASER_MAX_WORDS
    )


def outside_listings(
    blocks: list[Block], feats: list[Features], start: int, end: int, spans: list[tuple[int, int]]
) -> tuple[int, int]:
    """The stretch of the run outside the listings with the most prose
    (empty when none has an article's worth)."""
    pieces, cursor = [], start
    for first, last in spans:
        pieces.append((cursor, first - 1))
        cursor = last + 1
    pieces.append((cursor, end))
    best = max(pieces, key=lambda p: prose_words(blocks, feats, p[0], p[1]))
    if prose_words(blocks, feats, best[0], best[1]) < LISTING_MIN_ARTICLE_WORDS:
        return 0, -1
    return best


def mark_teasers(blocks: list[Block]) -> list[Block]:
    """An excerpt on an index page: it ends in "[…]" or a "Read more"
    follows, or it is one of a row of paragraphs each cut off mid-sentence.
    "Read More:" with its colon introduces a link to another story instead."""
    out = [
        b._replace(rule="related.inline")  # "Read More:" over a link
        if b.rule == "teaser.more" and b.text.rstrip().endswith(":")
        else b
        for b in blocks
    ]
    cut = _cut_excerpts(blocks)
    for i, block in enumerate(blocks):
        if block.label != Label.GOOD:
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        more = nxt is not None and out[i + 1].rule == "teaser.more"
        if patterns.EXCERPT_END.search(block.text) or more or i in cut:
            out[i] = block._replace(label=Label.BAD, rule="teaser.excerpt")
    return out


def mark_cards(blocks: list[Block], feats: list[Features]) -> list[Block]:
    """Another story's card inside or below the story: its headline printed
    twice in a row (the picture's text, then the link), a teaser under it.
    A headline printed twice before a story's worth of prose, or over a
    byline, is the story's own title."""
    out = list(blocks)
    seen = 0
    for i, block in enumerate(blocks):
        if block.label == Label.GOOD and out[i].rule != "teaser.card":
            seen += feats[i].words
        if seen < LISTING_MIN_ARTICLE_WORDS or feats[i].words < HEADLINE_MIN_WORDS:
            continue
        copy = _copy_below(blocks, i)
        if copy is None or copy + 1 >= len(blocks) or not _is_teaser(blocks, feats, copy + 1):
            continue
        for k in (i, copy, copy + 1):
            out[k] = blocks[k]._replace(label=Label.BAD, rule="teaser.card")
    return out


def _copy_below(blocks: list[Block], i: int) -> int | None:
    """The next block with ``blocks[i]``'s text, furniture only between."""
    block = blocks[i]
    if block.label not in (Label.GOOD, Label.SHORT) or block.main:
        return None
    for j in range(i + 1, min(len(blocks), i + CARD_MAX_GAP + 2)):
        if blocks[j].text == block.text:
            return j
        if blocks[j].label != Label.BAD:
            return None
    return None


def _is_teaser(blocks: list[Block], feats: list[Features], i: int) -> bool:
    """A short paragraph, no story's lead: no dateline opens it, no byline follows."""
    after = blocks[i + 1 : i + 3]
    return (
        blocks[i].label == Label.GOOD
        and feats[i].words <= TEASER_MAX_WORDS
        and not any(b.label == Label.META for b in after)
        and match_dateline(blocks[i].text) is None
    )


def _cut_excerpts(blocks: list[Block]) -> set[int]:
    """Paragraphs cut off after a word ("... para …"), at least
    ``CUT_EXCERPTS_MIN`` in a row with no other paragraph between: a story
    may trail off once, a list of other pages' excerpts does every time."""
    rows: list[list[int]] = [[]]
    for i, block in enumerate(blocks):
        if block.label != Label.GOOD:
            continue  # share buttons, dates between the entries
        if patterns.CUT_OFF.search(block.text) and not block.main:
            rows[-1].append(i)
        elif rows[-1]:
            rows.append([])
    return {i for row in rows if len(row) >= CUT_EXCERPTS_MIN for i in row}


def _is_dropped_copy(blocks: list[Block], i: int) -> bool:
    """Of two equal blocks the earlier goes (a teaser); a contained one goes."""
    text = blocks[i].text
    for j, other in enumerate(blocks):
        if j == i or other.label != Label.GOOD or text not in other.text:
            continue
        if len(other.text) > len(text) or j > i:
            return True
    return False


def prose_words(blocks: list[Block], feats: list[Features], start: int, end: int) -> int:
    return sum(feats[i].words for i in range(start, end + 1) if blocks[i].label == Label.GOOD)
