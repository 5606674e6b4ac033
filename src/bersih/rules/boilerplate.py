"""Boilerplate removal, in jusText's two-pass shape.

Pass 1 labels every block on its own features (lexicon, length, sentence
punctuation, stopword density, capitalisation). Then the article body is
found as the stretch of blocks with the best balance of prose over
furniture (a maximum-sum run), corrected by editorial signals: a dateline
opens the body, a byline or date line closes the header, an end marker
("(*)", "(afz/jpnn)") closes the body. Pass 2 relabels the uncertain short
blocks inside the body from their neighbours. Nothing is deleted here: the
header stage still reads the furniture, and ``prune`` removes it.
"""

from __future__ import annotations

from dataclasses import replace

from .. import vocab
from ..model import Article, Block, BlockType, Label, Step, Zone
from . import patterns
from .byline import parse_byline
from .dates import is_date_line
from .features import Features, features
from .header import match_dateline
from .repair import repair

# Weights of the maximum-sum run, in "words of prose" (tuned on the dev sets).
#: A prose block counts its words, up to this many.
GOOD_WEIGHT_CAP = 120
#: A short block of unknown kind.
SHORT_WEIGHT = -1.0
#: A short block that looks like a headline or a menu entry.
TITLELIKE_WEIGHT = -3.0
#: Furniture: a fixed cost plus this much per word.
BAD_WEIGHT = -4.0
BAD_WEIGHT_PER_WORD = -0.5
#: Furniture that portals set between body paragraphs ("Baca juga: ...",
#: "ADVERTISEMENT", a photo caption): it must not split the body.
INLINE_WEIGHT = -2.0
#: The site's name, when printed as a credit, is also among the page's first blocks.
SITE_NAME_WINDOW = 5
INLINE_FURNITURE = ("related.inline", "ad.", "caption.", "promo.share", "repeat.")
#: A heading that opens a list of other stories ("Berita terkait").
SECTION_WEIGHT = -15.0
#: A byline or date line.
META_WEIGHT = -4.0
#: Extra cost of each further furniture block in an unbroken row (x1, x1.5, x2 ...).
GAP_GROWTH = 0.5
#: A short block in a list that a sentence ending in ":" introduces.
LIST_WEIGHT = 2.0

# Prose thresholds of pass 1.
#: A block this long with some function words is prose.
GOOD_MIN_WORDS = 12
#: A shorter block is prose if it ends a sentence and has at least this many words.
GOOD_MIN_SENTENCE_WORDS = 7
#: Share of function words a prose block has (Indonesian prose ~0.25, English ~0.4).
GOOD_MIN_STOP_DENSITY = 0.10
#: Headline-like blocks are prose only from this many words on.
TITLELIKE_MAX_WORDS = 25
#: A menu line ("Beranda Warta Bumi Kesehatan") has at most this many words.
BREADCRUMB_MAX_WORDS = 8
#: A caption with its credit glued on has at most this many words.
CAPTION_MAX_WORDS = 120
#: "Kapolda Malut, Brigjen (Pol) Darmawan Siregar": at most this many words a side.
PERSON_CAPTION_MAX_WORDS = 4
#: A short line repeated on the page (a site name, a credit) has at most this many words.
REPEATED_SHORT_MAX_WORDS = 5
#: Date lines, each at most LISTING_MAX_STRIDE blocks after the last, that
#: make a list of stories (a tag page, or "more stories" under an article).
LISTING_MIN_DATES = 3
LISTING_MAX_STRIDE = 6
#: A body run with less prose than this is relaxed to span all prose blocks.
RELAX_MIN_WORDS = 30
#: Headline + teaser pairs in a row that make a list of other stories ...
LISTING_MIN_TEASERS = 3
#: ... where a teaser has at most this many words.
TEASER_MAX_WORDS = 45
#: A page whose prose before such a list is shorter than this is a listing.
LISTING_MIN_ARTICLE_WORDS = 30
#: Blocks after the run's start searched for the dateline paragraph.
DATELINE_WINDOW = 8
#: Prose before a byline/date line is a deck when it is at most this share of the body.
DECK_MAX_SHARE = 0.25
#: A byline after this share of the body's words closes the body.
FOOTER_BYLINE_SHARE = 0.6
#: A headline-like line that heads no paragraph is another story's link
#: from this many words on.
HEADLINE_MIN_WORDS = 5
#: Duplicate detection runs only on pages with at most this many blocks.
DUPLICATE_MAX_BLOCKS = 5000
#: Blocks with fewer words are never called duplicates.
DUPLICATE_MIN_WORDS = 4


def classify(article: Article, skip: frozenset[str] = frozenset()) -> Article:
    """Label every block and mark the zone it sits in."""
    blocks, steps = repair(list(article.blocks))
    if not blocks:
        return article
    feats = [features(b.text, article.lang) for b in blocks]
    blocks = [_first_pass(b, f, skip) for b, f in zip(blocks, feats, strict=True)]
    blocks = _mark_duplicates(blocks, feats)
    blocks = _mark_repeated_short(blocks, feats)
    blocks = _mark_captions(blocks)
    blocks = _mark_teasers(blocks)
    listed = _introduced_lists(blocks)
    start, end = _body_run(blocks, feats, listed)
    start, end = _editorial_bounds(blocks, feats, start, end)
    listings = sorted(_listing_spans(blocks, start, end) + _teaser_spans(blocks, feats, start, end))
    if listings:
        start, end = _outside_listings(blocks, feats, start, end, listings)
        if end < start:
            blocks = [replace(b, label=Label.BAD, rule=b.rule or "index.listing") for b in blocks]
    elif _prose_words(blocks, feats, start, end) < RELAX_MIN_WORDS:
        start, end, relaxed = _relaxed_run(blocks, feats, start, end)
        steps += relaxed
    blocks = _second_pass(blocks, feats, start, end)
    return article.evolve(*steps, blocks=tuple(blocks))


def _relaxed_run(
    blocks: list[Block], feats: list[Features], start: int, end: int
) -> tuple[int, int, list[Step]]:
    """The strict run left less than an article: span all prose instead,
    so nothing real is lost; the step says so (``--explain``)."""
    prose = [i for i, b in enumerate(blocks) if b.label == Label.GOOD]
    if not prose or _prose_words(blocks, feats, prose[0], prose[-1]) < RELAX_MIN_WORDS:
        return start, end, []
    detail = f"strict run kept {_prose_words(blocks, feats, start, end)} words; spanning all prose"
    return prose[0], prose[-1], [Step("boilerplate", "relaxed.body-run", detail)]


# --- pass 1 ----------------------------------------------------------------------
def _first_pass(block: Block, f: Features, skip: frozenset[str]) -> Block:
    label, rule = _first_label(block, f, skip)
    return replace(block, label=label, first=label, rule=rule)


def _first_label(block: Block, f: Features, skip: frozenset[str]) -> tuple[str, str]:
    if f.words == 0:
        return Label.BAD, "symbols-only"
    if f.lexicon and f.lexicon not in skip and not _rule_family_skipped(f.lexicon, skip):
        return Label.BAD, f.lexicon
    if patterns.HASHTAG_LINE.match(block.text):
        return Label.META, "meta.tags"
    if not (f.terminal and f.words > GOOD_MIN_WORDS) and parse_byline(block.text):
        return Label.META, "meta.byline"
    if f.words <= 14 and is_date_line(block.text):
        return Label.META, "meta.date"
    if f.words <= 6 and patterns.RELATIVE_TIME.match(block.text):
        return Label.BAD, "meta.time-ago"
    furniture = _furniture_shape(block.text, f)
    if furniture:
        return Label.BAD, furniture
    if _is_prose(f) or (
        f.words >= GOOD_MIN_SENTENCE_WORDS and patterns.end_marker().search(block.text)
    ):
        return Label.GOOD, ""
    return Label.SHORT, ""


def _furniture_shape(text: str, f: Features) -> str:
    """Furniture known by its shape rather than its words."""
    if f.words <= 12 and (patterns.COMMENTS_HEADING.match(text) or patterns.COMMENTER.match(text)):
        return "section.comments"  # "2 comments", "Pamela says:"
    if patterns.AUTHOR_BIO.match(text):
        return "footer.author-bio"  # "Meg James is a reporter for ..."
    if f.words <= CAPTION_MAX_WORDS and patterns.GALLERY_COUNTER.match(text):
        return "caption.gallery"  # "1of4Grass Valley's ..."
    if f.words <= 12 and patterns.CREDIT_LINE.match(text):
        return "caption.credit"  # "TRIBUNNEWS/IRWAN RISMAWAN"
    if f.words <= CAPTION_MAX_WORDS and patterns.CREDIT_TAIL.search(text):
        return "caption.photo"  # "... (tengah). TRIBUNNEWS/IRWAN RISMAWAN"
    if patterns.BREADCRUMB.match(text) or _menu_line(text, f):
        return "nav.breadcrumb"  # "Home » Regional » Jawa Timur", "Beranda Warta Bumi"
    if f.words <= 10 and not f.terminal and _person_caption(text):
        return "caption.person"  # "Kapolda Malut, Brigjen (Pol) Darmawan Siregar"
    return ""


def _menu_line(text: str, f: Features) -> bool:
    if f.terminal or not 2 <= f.words <= BREADCRUMB_MAX_WORDS:
        return False
    return text.split(" ", 1)[0].lower() in vocab.words("breadcrumb.txt")


def _person_caption(text: str) -> bool:
    """ "Office Place, Rank Name": a portrait's caption (no verb, no colon)."""
    head, sep, tail = text.partition(",")
    if not sep or ":" in text or len(head.split()) > PERSON_CAPTION_MAX_WORDS:
        return False
    words = tail.split()
    if (
        not words
        or len(words) > PERSON_CAPTION_MAX_WORDS
        or words[0].lower().rstrip(".") not in vocab.words("ranks.txt")
    ):
        return False
    return all(w[:1].isupper() or w[:1] == "(" for w in words)


def _rule_family_skipped(rule: str, skip: frozenset[str]) -> bool:
    return rule.split(".")[0] in skip


def _is_prose(f: Features) -> bool:
    if f.titlelike and f.words < TITLELIKE_MAX_WORDS and not f.terminal:
        return False
    dense = f.stop_density >= GOOD_MIN_STOP_DENSITY or (f.stop_density == 0.0 and f.terminal)
    if f.words >= GOOD_MIN_WORDS and (dense or f.terminal):
        return True
    return f.words >= GOOD_MIN_SENTENCE_WORDS and f.terminal and dense


def _mark_duplicates(blocks: list[Block], feats: list[Features]) -> list[Block]:
    """A block repeated elsewhere: a teaser, a pull quote or a caption."""
    if len(blocks) > DUPLICATE_MAX_BLOCKS:
        return blocks
    prose = [i for i, b in enumerate(blocks) if b.label == Label.GOOD]
    joined = "\n".join(blocks[i].text for i in prose)
    out = list(blocks)
    for i, block in enumerate(blocks):
        if block.label not in (Label.GOOD, Label.SHORT) or feats[i].words < DUPLICATE_MIN_WORDS:
            continue
        own = 1 if block.label == Label.GOOD else 0
        if joined.count(block.text) > own and _is_dropped_copy(blocks, i):
            out[i] = replace(block, label=Label.BAD, rule="repeat.duplicate")
    return out


def _mark_repeated_short(blocks: list[Block], feats: list[Features]) -> list[Block]:
    """A few words printed again and again: a site name, a credit, a label."""
    counts: dict[str, int] = {}
    for block in blocks:
        counts[block.text] = counts.get(block.text, 0) + 1
    return [
        replace(b, label=Label.BAD, rule="repeat.short")
        if b.label == Label.SHORT
        and counts[b.text] > 1
        and 0 < f.words <= REPEATED_SHORT_MAX_WORDS
        and not f.terminal
        else b
        for b, f in zip(blocks, feats, strict=True)
    ]


def _mark_captions(blocks: list[Block]) -> list[Block]:
    """A sentence right above a photo credit is the photo's caption. A credit
    is a capitals-and-slash line, or the site's own name printed again."""
    site_names = {b.text for b in blocks[:SITE_NAME_WINDOW]}
    out = list(blocks)
    for i, block in enumerate(blocks[:-1]):
        nxt = blocks[i + 1]
        credit = nxt.rule == "caption.credit" or (
            nxt.rule == "repeat.short" and nxt.text in site_names
        )
        if block.label == Label.GOOD and credit:
            out[i] = replace(block, label=Label.BAD, rule="caption.photo")
    return out


def _listing_spans(blocks: list[Block], start: int, end: int) -> list[tuple[int, int]]:
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


def _teaser_spans(
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


def _outside_listings(
    blocks: list[Block], feats: list[Features], start: int, end: int, spans: list[tuple[int, int]]
) -> tuple[int, int]:
    """The stretch of the run outside the listings with the most prose
    (empty when none has an article's worth)."""
    pieces, cursor = [], start
    for first, last in spans:
        pieces.append((cursor, first - 1))
        cursor = last + 1
    pieces.append((cursor, end))
    best = max(pieces, key=lambda p: _prose_words(blocks, feats, p[0], p[1]))
    if _prose_words(blocks, feats, best[0], best[1]) < LISTING_MIN_ARTICLE_WORDS:
        return 0, -1
    return best


def _mark_teasers(blocks: list[Block]) -> list[Block]:
    """An excerpt on an index page: it ends in "[…]" or a "Read more" follows."""
    out = list(blocks)
    for i, block in enumerate(blocks):
        if block.label != Label.GOOD:
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        more = nxt is not None and nxt.rule == "teaser.more"
        if patterns.EXCERPT_END.search(block.text) or more:
            out[i] = replace(block, label=Label.BAD, rule="teaser.excerpt")
    return out


def _is_dropped_copy(blocks: list[Block], i: int) -> bool:
    """Of two equal blocks the earlier goes (a teaser); a contained one goes."""
    text = blocks[i].text
    for j, other in enumerate(blocks):
        if j == i or other.label != Label.GOOD or text not in other.text:
            continue
        if len(other.text) > len(text) or j > i:
            return True
    return False


# --- the body run -------------------------------------------------------------
def _introduced_lists(blocks: list[Block]) -> set[int]:
    """Short blocks under a line ending in ":" ("... sebagai berikut:")."""
    listed: set[int] = set()
    open_list = False
    for i, block in enumerate(blocks):
        if block.label in (Label.BAD, Label.META):
            open_list = False
            continue
        if block.label == Label.SHORT and open_list:
            listed.add(i)
        if block.text.rstrip().endswith(":") and block.label in (Label.GOOD, Label.SHORT):
            listed.add(i)
            open_list = True
        elif block.label == Label.GOOD:
            open_list = False
    return listed


def _weight(block: Block, f: Features, listed: bool) -> float:
    if listed:
        return LIST_WEIGHT + (f.words if block.label == Label.GOOD else 0)
    if block.label == Label.GOOD:
        return float(min(f.words, GOOD_WEIGHT_CAP))
    if block.label == Label.META:
        return META_WEIGHT
    if block.label == Label.BAD:
        if block.rule.startswith("section."):
            return SECTION_WEIGHT
        if block.rule.startswith(INLINE_FURNITURE):
            return INLINE_WEIGHT
        return BAD_WEIGHT + BAD_WEIGHT_PER_WORD * min(f.words, 30)
    return TITLELIKE_WEIGHT if f.titlelike else SHORT_WEIGHT


def _body_run(blocks: list[Block], feats: list[Features], listed: set[int]) -> tuple[int, int]:
    """Indices (start, end inclusive) of the maximum-sum run (Kadane).

    Each furniture block in a row costs more than the one before it, so a
    lone caption between paragraphs is cheap to cross while a menu or a list
    of other stories separates the body from what follows.
    """
    best, best_span = float("-inf"), (0, -1)
    total, start, gap = 0.0, 0, 0
    for i, (block, f) in enumerate(zip(blocks, feats, strict=True)):
        if total <= 0:
            total, start = 0.0, i
        weight = _weight(block, f, i in listed)
        gap = gap + 1 if weight < 0 else 0
        total += weight * (1 + GAP_GROWTH * (gap - 1)) if weight < 0 else weight
        if total > best:
            best, best_span = total, (start, i)
    if best <= 0:
        return 0, -1
    return best_span


def _editorial_bounds(
    blocks: list[Block], feats: list[Features], start: int, end: int
) -> tuple[int, int]:
    if end < start:
        return start, end
    start = _after_deck(blocks, feats, start, end)
    start = _dateline_start(blocks, feats, start, end)
    end = _end_marker(blocks, start, end)
    return start, _footer_byline(blocks, feats, start, end)


def _dateline_start(blocks: list[Block], feats: list[Features], start: int, end: int) -> int:
    """A paragraph opening with a dateline starts the body (what precedes it
    is a deck), unless most of the prose comes before it (a later page)."""
    words = _prose_words(blocks, feats, start, end)
    skipped = 0
    for i in range(max(0, start - 3), min(end + 1, start + DATELINE_WINDOW)):
        if blocks[i].label in (Label.GOOD, Label.SHORT) and match_dateline(blocks[i].text):
            return i if skipped <= words * DECK_MAX_SHARE else start
        if i >= start and blocks[i].label == Label.GOOD:
            skipped += feats[i].words
    return start


def _prose_words(blocks: list[Block], feats: list[Features], start: int, end: int) -> int:
    return sum(feats[i].words for i in range(start, end + 1) if blocks[i].label == Label.GOOD)


def _after_deck(blocks: list[Block], feats: list[Features], start: int, end: int) -> int:
    """Prose above the byline/date line is the deck, not the body."""
    words = _prose_words(blocks, feats, start, end)
    seen = 0
    for i in range(start, end + 1):
        if blocks[i].label == Label.META and blocks[i].rule != "meta.tags":
            if 0 < seen <= words * DECK_MAX_SHARE:
                return i + 1
            break
        if blocks[i].label == Label.GOOD:
            seen += feats[i].words
    return start


def _end_marker(blocks: list[Block], start: int, end: int) -> int:
    for i in range(start, end + 1):
        if blocks[i].label == Label.GOOD and patterns.end_marker().search(blocks[i].text):
            return i
    return end


def _footer_byline(blocks: list[Block], feats: list[Features], start: int, end: int) -> int:
    words = _prose_words(blocks, feats, start, end)
    seen = 0
    for i in range(start, end + 1):
        if (
            blocks[i].label == Label.META
            and blocks[i].rule == "meta.byline"
            and seen >= words * FOOTER_BYLINE_SHARE
        ):
            return i - 1
        if blocks[i].label == Label.GOOD:
            seen += feats[i].words
    return end


# --- pass 2 ----------------------------------------------------------------------
def _second_pass(blocks: list[Block], feats: list[Features], start: int, end: int) -> list[Block]:
    out = []
    in_section = False
    for i, block in enumerate(blocks):
        if block.rule.startswith("section."):
            in_section = True
        elif block.label == Label.GOOD:
            in_section = False
        if in_section and start <= i <= end and block.label == Label.SHORT:
            out.append(replace(block, label=Label.BAD, rule="section.list", zone=Zone.BODY))
        elif i < start or i > end:
            zone = Zone.HEAD if i < start else Zone.FOOT
            rule = block.rule or f"position.{'before' if i < start else 'after'}-body"
            label = block.label if block.label in (Label.META, Label.BAD) else Label.BAD
            out.append(replace(block, zone=zone, label=label, rule=rule))
        else:
            out.append(_relabel(blocks, feats, i))
    return out


def _relabel(blocks: list[Block], feats: list[Features], i: int) -> Block:
    block, f = blocks[i], feats[i]
    if block.label == Label.GOOD:
        return replace(block, label=Label.BODY, zone=Zone.BODY)
    if block.label != Label.SHORT:
        return replace(block, zone=Zone.BODY)
    prev = _neighbour(blocks, i, -1)
    if f.titlelike and f.words >= 5 and _is_related_headline(blocks, i, prev):
        return replace(block, label=Label.BAD, rule="related.inline-headline", zone=Zone.BODY)
    nxt = _neighbour(blocks, i, 1)
    if _is_subheading(block, f, prev, nxt):
        block = replace(block, type=BlockType.HEADING, level=2)
    elif (
        f.titlelike
        and f.words >= HEADLINE_MIN_WORDS
        and not f.terminal
        and block.type is BlockType.PARA
    ):
        return replace(block, label=Label.BAD, rule="related.headline", zone=Zone.BODY)
    return replace(block, label=Label.BODY, zone=Zone.BODY)


def _neighbour(blocks: list[Block], i: int, step: int) -> Block | None:
    j = i + step
    while 0 <= j < len(blocks):
        if blocks[j].label in (Label.GOOD, Label.SHORT, Label.BODY):
            return blocks[j]
        j += step
    return None


def _is_related_headline(blocks: list[Block], i: int, prev: Block | None) -> bool:
    """A headline under "Baca juga:", or a lone bulleted headline in the text."""
    if i > 0 and blocks[i - 1].rule == "related.inline":
        return True
    return blocks[i].type is BlockType.ITEM and not _in_list(prev)


def _in_list(prev: Block | None) -> bool:
    return prev is not None and (prev.type is BlockType.ITEM or prev.text.rstrip().endswith(":"))


def _is_subheading(block: Block, f: Features, prev: Block | None, nxt: Block | None) -> bool:
    if (
        block.type is not BlockType.PARA
        or f.words > 12
        or (f.terminal and not block.text.endswith("?"))
    ):
        return False
    if block.text.endswith(":"):
        return False
    return prev is not None and nxt is not None and nxt.label == Label.GOOD
