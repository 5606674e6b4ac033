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

import re

from .. import vocab
from ..model import Article, Block, BlockType, Kind, Label, Step, Zone
from . import patterns
from .byline import is_person_name
from .features import Features, features
from .firstpass import first_pass
from .header import match_dateline
from .pagemarks import (
    listing_spans,
    mark_captions,
    mark_cards,
    mark_duplicates,
    mark_repeated_short,
    mark_series,
    mark_skip_boxes,
    mark_teasers,
    outside_listings,
    prose_words,
    teaser_spans,
)
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
INLINE_FURNITURE = ("related.inline", "ad.", "caption.", "promo.share", "repeat.", "teaser.card")
#: A box the page itself marks as skippable ("skip past ..." / "after ..."):
#: it sits inside the story and costs nothing to cross.
SKIP_BOX_WEIGHT = 0.0
#: A heading that opens a list of other stories ("Berita terkait").
SECTION_WEIGHT = -15.0
#: A byline or date line.
META_WEIGHT = -4.0
#: Extra cost of each further furniture block in an unbroken row (x1, x1.5, x2 ...).
GAP_GROWTH = 0.5
#: A short block in a list that a sentence ending in ":" introduces.
LIST_WEIGHT = 2.0
#: A short block inside the HTML extractor's main content (a list item, a
#: subheading, a sentence in a script without spaces): body unless proven otherwise.
MAIN_SHORT_WEIGHT = 1.0

#: A body run with less prose than this is relaxed to span all prose blocks.
RELAX_MIN_WORDS = 30
#: Blocks after the run's start searched for the dateline paragraph.
DATELINE_WINDOW = 8
#: Prose before a byline/date line is a deck when it is at most this share of the body.
DECK_MAX_SHARE = 0.25
#: ... or when it is one paragraph of at most this many words, with at least
#: as many words of the story under the byline (a paywalled page's short body).
DECK_MAX_WORDS = 40
#: An author box's paragraph names its person within this many characters.
ABOUT_NAME_CHARS = 160
#: A byline after this share of the body's words closes the body.
FOOTER_BYLINE_SHARE = 0.6
#: Characters read at either end of a line for a phrase announcing a list.
LIST_PHRASE_CHARS = 60
#: This many headline-shaped lines in a row end the body run: a list of
#: other stories, even without a heading over it.
TRAILING_HEADLINES_MIN = 4
#: ... each of at most this many words (tabloid headlines run long).
TRAILING_HEADLINE_MAX_WORDS = 30
#: A line under a list heading ("Related articles") with no sentence end and
#: at most this many words is an entry of the list, however prose-like.
LISTED_HEADLINE_MAX_WORDS = 20
#: A "read also" label on its own line ("Baca juga", "Related article") has
#: at most this many words; the headline under it is the link.
READ_ALSO_LABEL_MAX_WORDS = 3
#: ... and holds at most this many links.
READ_ALSO_MAX_LINKS = 3
#: A headline-like line that heads no paragraph is another story's link
#: from this many words on.
HEADLINE_MIN_WORDS = 5
#: A table pasted as lines below the story: at least this many rows of at
#: most this many words, sharing a punctuation pattern of at least this many marks.
TABLE_MIN_ROWS = 4
TABLE_ROW_MAX_WORDS = 12
TABLE_MIN_MARKS = 3


def classify(article: Article, skip: frozenset[str] = frozenset()) -> Article:
    """Label every block and mark the zone it sits in."""
    blocks, steps = repair(list(article.blocks))
    if not blocks:
        return article
    feats = [features(b.text, article.lang) for b in blocks]
    blocks = [first_pass(b, f, skip) for b, f in zip(blocks, feats, strict=True)]
    blocks = mark_skip_boxes(blocks)
    blocks = mark_series(blocks, feats)
    blocks = mark_duplicates(blocks, feats)
    blocks = mark_repeated_short(blocks, feats)
    blocks = mark_cards(blocks, feats)
    blocks = mark_captions(blocks, site_credits=article.source.kind is Kind.TEXT)
    blocks = mark_teasers(blocks)
    listed = _introduced_lists(blocks)
    cut = _comments_start(blocks, feats)
    start, end = _body_run(blocks[:cut], feats[:cut], listed)
    start, end = _editorial_bounds(blocks, feats, start, end)
    end = _trailing_headlines(blocks, feats, start, end, listed)
    table = _table_below(blocks, feats, end) if end >= start else []
    if table:
        end = table[-1]
        listed.update(table)
    start = _leading_headlines(blocks, feats, start, end, listed)
    listings = _listings(blocks, feats, start, end)
    if not listings and prose_words(blocks, feats, start, end) < RELAX_MIN_WORDS:
        start, end, relaxed = _relaxed_run(blocks, feats, start, end)
        steps += relaxed
        listings = _listings(blocks, feats, start, end) if relaxed else []
    if listings:
        start, end = outside_listings(blocks, feats, start, end, listings)
        if end < start:
            blocks = [b._replace(label=Label.BAD, rule=b.rule or "index.listing") for b in blocks]
    blocks = _second_pass(blocks, feats, start, end, items=listed)
    return article.evolve(*steps, blocks=tuple(blocks))


def _listings(
    blocks: list[Block], feats: list[Features], start: int, end: int
) -> list[tuple[int, int]]:
    """Lists of other stories inside the run: dated entries, headline + teaser pairs."""
    return sorted(listing_spans(blocks, start, end) + teaser_spans(blocks, feats, start, end))


def _relaxed_run(
    blocks: list[Block], feats: list[Features], start: int, end: int
) -> tuple[int, int, list[Step]]:
    """The strict run left less than an article: span all prose instead,
    so nothing real is lost; the step says so (``--explain``)."""
    prose = [i for i, b in enumerate(blocks) if b.label == Label.GOOD]
    if not prose or prose_words(blocks, feats, prose[0], prose[-1]) < RELAX_MIN_WORDS:
        return start, end, []
    detail = f"strict run kept {prose_words(blocks, feats, start, end)} words; spanning all prose"
    return prose[0], prose[-1], [Step("boilerplate", "relaxed.body-run", detail)]


def _introduced_lists(blocks: list[Block]) -> set[int]:
    """Short blocks under a line announcing them ("... sebagai berikut:",
    "Berikut daftar pemenangnya.")."""
    listed: set[int] = set()
    open_list = False
    for i, block in enumerate(blocks):
        if block.label in (Label.BAD, Label.META):
            open_list = False
            continue
        if block.label == Label.SHORT and open_list:
            listed.add(i)
        if block.label in (Label.GOOD, Label.SHORT) and _announces_list(block.text):
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
        if block.rule == "promo.box":
            return SKIP_BOX_WEIGHT
        if block.rule.startswith("section."):
            return SECTION_WEIGHT
        if block.rule.startswith(INLINE_FURNITURE):
            return INLINE_WEIGHT
        return BAD_WEIGHT + BAD_WEIGHT_PER_WORD * min(f.words, 30)
    if block.main:
        return MAIN_SHORT_WEIGHT
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


def _comments_start(blocks: list[Block], feats: list[Features]) -> int:
    """Where the readers' comments begin: a heading naming the story ("34
    responses to “...”") under a story's worth of prose. The body is looked
    for above it only: a long comment must not outweigh a short story."""
    found = _closing_line(
        blocks, feats, range(len(blocks)), "section.comments", patterns.COMMENTS_LIST_HEADING
    )
    return len(blocks) if found is None else found


def _closing_line(
    blocks: list[Block], feats: list[Features], span: range, rule: str, shape: re.Pattern[str]
) -> int | None:
    """The first block in ``span`` labelled ``rule`` whose text has ``shape``,
    under a story's worth of prose (a notice above the story closes nothing)."""
    seen = 0
    for i in span:
        block = blocks[i]
        if block.label == Label.GOOD:
            seen += feats[i].words
        elif block.rule == rule and seen >= RELAX_MIN_WORDS and shape.search(block.text):
            return i
    return None


def _editorial_bounds(
    blocks: list[Block], feats: list[Features], start: int, end: int
) -> tuple[int, int]:
    if end < start:
        return start, end
    start = _after_deck(blocks, feats, start, end)
    start = _dateline_start(blocks, feats, start, end)
    end = _end_marker(blocks, start, end)
    end = _copyright_end(blocks, feats, start, end)
    end = _about_end(blocks, feats, start, end)
    return start, _footer_byline(blocks, feats, start, end)


def _trailing_headlines(
    blocks: list[Block], feats: list[Features], start: int, end: int, items: set[int]
) -> int:
    """A row of headlines (no sentence ends, no paragraph between) that ends
    the body run is a list of other stories below the story, heading or not.
    Short lines ("All podcasts") sit in such rows but do not make one; a row
    under a sentence announcing a list ("Berikut daftarnya.") is the story's."""
    headlines, first = 0, end + 1
    for i in range(end, start - 1, -1):
        block = blocks[i]
        if block.label == Label.BAD or block.label == Label.META:
            continue  # a share prompt, a time stamp between the entries
        if not _headline_shaped(blocks, feats, i, items):
            if _announces_list(block.text):
                return end
            break
        headlines += feats[i].words >= HEADLINE_MIN_WORDS
        first = i
    if headlines < TRAILING_HEADLINES_MIN:
        return end
    if prose_words(blocks, feats, start, first - 1) < RELAX_MIN_WORDS:
        return end  # nothing of a story above the row: leave it to the other rules
    return first - 1


def _table_below(blocks: list[Block], feats: list[Features], end: int) -> list[int]:
    """The story's table pasted as lines right below its last paragraph,
    under a short heading or none ("Qualified teams", then "England (Group
    A): 10th appearance", ...): rows of one punctuation pattern that has at
    least ``TABLE_MIN_MARKS`` marks ("():"), at least ``TABLE_MIN_ROWS`` of
    them. Menus ("Home"), category counts ("News (12)") and headlines (each
    its own punctuation) make no such table."""
    i = end + 1
    if (
        i < len(blocks)
        and _short_line(blocks, feats, i)
        and not patterns.TERMINAL.search(blocks[i].text)
    ):
        i += 1  # the table's heading
    rows: list[int] = []
    while i < len(blocks) and _short_line(blocks, feats, i):
        if rows and _marks(blocks[i].text) != _marks(blocks[rows[0]].text):
            break
        rows.append(i)
        i += 1
    if len(rows) < TABLE_MIN_ROWS or len(_marks(blocks[rows[0]].text)) < TABLE_MIN_MARKS:
        return []
    if rows[0] > end + 1:
        return [end + 1, *rows]  # the heading goes with its table
    return rows


def _short_line(blocks: list[Block], feats: list[Features], i: int) -> bool:
    return blocks[i].label == Label.SHORT and feats[i].words <= TABLE_ROW_MAX_WORDS


def _marks(text: str) -> str:
    """The punctuation of a line, in order: "England (Group A): 10th" -> "():"."""
    return "".join(ch for ch in text if not ch.isalnum() and not ch.isspace())


def _leading_headlines(
    blocks: list[Block], feats: list[Features], start: int, end: int, items: set[int]
) -> int:
    """A row of headlines opening the body run right above the story's byline
    or date line ("Most commented", "Trending" without their heading): the
    story starts under its own headline, which the header stage reads."""
    row: list[int] = []
    for i in range(start, end + 1):
        if blocks[i].label == Label.META:
            break
        if blocks[i].label != Label.BAD:
            row.append(i)
    else:
        return start  # no byline after the row: nothing says where a story starts
    if not row or feats[row[-1]].words > TRAILING_HEADLINE_MAX_WORDS:
        return start
    *others, headline = row  # the story's own headline, however it ends, over the byline
    if not all(_headline_shaped(blocks, feats, i, items) for i in others):
        return start
    if sum(feats[i].words >= HEADLINE_MIN_WORDS for i in others) < TRAILING_HEADLINES_MIN:
        return start
    if prose_words(blocks, feats, headline + 1, end) < RELAX_MIN_WORDS:
        return start
    return headline + 1


def _headline_shaped(blocks: list[Block], feats: list[Features], i: int, items: set[int]) -> bool:
    block = blocks[i]
    return (
        block.type is BlockType.PARA
        and i not in items
        and (
            block.label == Label.SHORT
            or _listed_headline(block, feats[i], TRAILING_HEADLINE_MAX_WORDS)
        )
    )


def _announces_list(text: str) -> bool:
    """ "... sebagai berikut:", "Berikut daftar pemenangnya.", "Here are the winners."."""
    if text.rstrip().endswith(":"):
        return True
    # The phrases are a few words long: only both ends of the text are read.
    head = " ".join(patterns.WORD.findall(text[:LIST_PHRASE_CHARS].lower()))
    tail = " ".join(patterns.WORD.findall(text[-LIST_PHRASE_CHARS:].lower()))
    phrases = vocab.sections("lists.txt")
    return any(head.startswith(p + " ") for p in phrases["opens"]) or any(
        tail.endswith(" " + p) for p in phrases["ends"]
    )


def _dateline_start(blocks: list[Block], feats: list[Features], start: int, end: int) -> int:
    """A paragraph opening with a dateline starts the body (what precedes it
    is a deck), unless most of the prose comes before it (a later page)."""
    words = prose_words(blocks, feats, start, end)
    skipped = 0
    lo = max(0, start - 3)
    for j in range(start - 1, lo - 1, -1):
        if blocks[j].label == Label.META:
            lo = j + 1  # never back above a byline or date line
            break
    for i in range(lo, min(end + 1, start + DATELINE_WINDOW)):
        if blocks[i].label in (Label.GOOD, Label.SHORT) and match_dateline(blocks[i].text):
            return i if skipped <= words * DECK_MAX_SHARE else start
        if i >= start and blocks[i].label == Label.GOOD:
            skipped += feats[i].words
    return start


def _after_deck(blocks: list[Block], feats: list[Features], start: int, end: int) -> int:
    """Prose above the byline/date line is the deck, not the body."""
    words = prose_words(blocks, feats, start, end)
    seen, paras = 0, 0
    for i in range(start, end + 1):
        if blocks[i].label == Label.META and blocks[i].rule != "meta.tags":
            one_deck = paras == 1 and seen <= DECK_MAX_WORDS and words - seen >= seen
            if 0 < seen <= words * DECK_MAX_SHARE or one_deck:
                return i + 1
            break
        if blocks[i].label == Label.GOOD:
            seen += feats[i].words
            paras += 1
    return start


def _end_marker(blocks: list[Block], start: int, end: int) -> int:
    for i in range(start, end + 1):
        if blocks[i].label == Label.GOOD and patterns.end_marker().search(blocks[i].text):
            return i
    return end


def _copyright_end(blocks: list[Block], feats: list[Features], start: int, end: int) -> int:
    """The site's copyright notice closes the article: what follows it (the
    footer's links, other stories) is the page's, not the story's. A photo
    credit ("© Reuters") is no notice, and a notice above the story no end."""
    span = range(start, end + 1)
    found = _closing_line(blocks, feats, span, "footer.copyright", patterns.COPYRIGHT_NOTICE)
    return end if found is None else found - 1


def _about_end(blocks: list[Block], feats: list[Features], start: int, end: int) -> int:
    """A press release ends where the boilerplate about the company begins:
    "About Northwind Robotics" over a paragraph opening with that name
    ("Northwind Robotics builds ..."), under a story's worth of prose."""
    seen = 0
    for i in range(start, end):
        if blocks[i].label == Label.GOOD:
            seen += feats[i].words
            continue
        found = patterns.ABOUT_HEADING.match(blocks[i].text.strip())
        if found and seen >= RELAX_MIN_WORDS and _opens_with(blocks[i + 1].text, found["name"]):
            return i - 1
    return end


def _opens_with(text: str, name: str) -> bool:
    """The paragraph opens with the company's name, or names the person in
    its first sentence ("Als Inbound Sales Manager bildet Moritz Bachmann ...")."""
    name = name.removeprefix("the ").strip()
    if text.lower().startswith((name.lower(), "the " + name.lower())):
        return True
    return is_person_name(name) and name in text[:ABOUT_NAME_CHARS]


def _footer_byline(blocks: list[Block], feats: list[Features], start: int, end: int) -> int:
    words = prose_words(blocks, feats, start, end)
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


def _second_pass(
    blocks: list[Block], feats: list[Features], start: int, end: int, items: set[int]
) -> list[Block]:
    out = []
    opener = ""  # the rule of the heading whose list is open, if any
    for i, block in enumerate(blocks):
        if i == start:
            opener = ""  # a list above the body ends where the body starts
        listed = block.label == Label.SHORT or (
            opener == "section.related" and _listed_headline(block, feats[i])
        )
        if block.rule.startswith("section."):
            opener = block.rule
        elif block.label == Label.GOOD and not listed:
            opener = ""
        if opener and start <= i <= end and listed:
            out.append(block._replace(label=Label.BAD, rule="section.list", zone=Zone.BODY))
        elif i < start or i > end:
            zone = Zone.HEAD if i < start else Zone.FOOT
            rule = block.rule or f"position.{'before' if i < start else 'after'}-body"
            label = block.label if block.label in (Label.META, Label.BAD) else Label.BAD
            out.append(block._replace(zone=zone, label=label, rule=rule))
        else:
            out.append(_relabel(blocks, feats, i, i in items))
    return out


def _listed_headline(block: Block, f: Features, max_words: int = LISTED_HEADLINE_MAX_WORDS) -> bool:
    """A headline in a list of other stories, though it reads like prose
    ("Bible bombshell: Scientists claim discovery of root of all evil"): no
    sentence end (or a question's), a headline's length. Under "Related
    articles" it is an entry; only a sentence ends the list."""
    return (
        block.label == Label.GOOD
        and block.type is BlockType.PARA
        and (not f.terminal or block.text.rstrip().endswith("?"))
        and f.words <= max_words
    )


def _relabel(blocks: list[Block], feats: list[Features], i: int, listed: bool) -> Block:
    """A body block's final label; ``listed``: an item of a list that a line
    ending in ":" introduces ("terdiri dari:"), never another story's link."""
    block, f = blocks[i], feats[i]
    if _under_read_also(blocks, feats, i):
        return block._replace(label=Label.BAD, rule="related.inline-headline", zone=Zone.BODY)
    if block.label == Label.GOOD:
        return block._replace(label=Label.BODY, zone=Zone.BODY)
    if block.label != Label.SHORT:
        return block._replace(zone=Zone.BODY)
    prev = _neighbour(blocks, i, -1)
    if f.titlelike and f.words >= 5 and _is_related_headline(blocks, i, prev):
        return block._replace(label=Label.BAD, rule="related.inline-headline", zone=Zone.BODY)
    if listed:
        return block._replace(label=Label.BODY, zone=Zone.BODY)
    nxt = _neighbour(blocks, i, 1)
    if _is_subheading(block, f, prev, nxt):
        block = block._replace(type=BlockType.HEADING, level=2)
    elif (
        f.titlelike
        and f.words >= HEADLINE_MIN_WORDS
        and not f.terminal
        and block.type is BlockType.PARA
        and not block.main
    ):
        return block._replace(label=Label.BAD, rule="related.headline", zone=Zone.BODY)
    return block._replace(label=Label.BODY, zone=Zone.BODY)


def _under_read_also(blocks: list[Block], feats: list[Features], i: int) -> bool:
    """A linked headline under a bare "Baca juga" / "Related article" label,
    though it reads like prose ("Shipping rates are surging again. Here's
    why", a question): a headline's length, no sentence end. A box may hold
    a few such links in a row, each a headline of five words or more."""
    for n in range(READ_ALSO_MAX_LINKS):
        k = i - n  # blocks[k] would be the box's first link
        if k < 1 or not _link_headline(blocks[k], feats[k]):
            return False
        if n and feats[k].words < HEADLINE_MIN_WORDS:
            return False
        label = blocks[k - 1]
        if (
            label.rule == "related.inline"
            and feats[k - 1].words <= READ_ALSO_LABEL_MAX_WORDS
            and _bare_label(label.text)
        ):
            return n == 0 or feats[i].words >= HEADLINE_MIN_WORDS
    return False


def _link_headline(block: Block, f: Features) -> bool:
    return (
        block.label in (Label.GOOD, Label.SHORT)
        and block.type is BlockType.PARA
        and (not f.terminal or block.text.rstrip().endswith("?"))
        and not block.text.rstrip().endswith(":")  # the story's own line introducing a list
        and 0 < f.words <= LISTED_HEADLINE_MAX_WORDS
    )


def _bare_label(text: str) -> bool:
    """The whole line is a "read also" label ("Baca juga", "Read More:"), not
    a placeholder of an embed ("[Gambas:Video CNN]")."""
    key = patterns.lexicon_key(text)
    exact = vocab.boilerplate()["exact"]
    return exact.get(key) in ("related.inline", "teaser.more")


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
    if blocks[i].type is not BlockType.ITEM or blocks[i].main or _in_list(prev):
        return False
    if blocks[i].marker[:1].isdigit():
        return False  # "2) Polistil ...": a numbered item has siblings, whatever sits between
    nxt = _neighbour(blocks, i, 1)
    return nxt is None or nxt.type is not BlockType.ITEM  # a list of items is content


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
    if prev is None or nxt is None:
        return False
    # A heading over prose, or over a list of items ("Key facts" / "- ...").
    return nxt.label == Label.GOOD or (nxt.type is BlockType.ITEM and nxt.label == Label.SHORT)
