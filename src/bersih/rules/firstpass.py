"""Pass 1 of boilerplate removal: label each block on its own features
(lexicon, shape, length, sentence punctuation, stopword density)."""

from __future__ import annotations

from .. import vocab
from ..model import Block, Label
from . import patterns
from .byline import is_person_name, parse_byline
from .dates import is_date_line
from .features import LEXICON_MAX_WORDS, Features

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
#: A line of "|"-separated parts, one of them a date ("Bureau | Updated :
#: 19 November 2019"), is at most this many words, each other part at most
#: STAMP_PART_MAX_WORDS.
STAMPED_MAX_WORDS = 16
STAMP_PART_MAX_WORDS = 6
#: "Kapolda Malut, Brigjen (Pol) Darmawan Siregar": at most this many words a side.
PERSON_CAPTION_MAX_WORDS = 4


def first_pass(block: Block, f: Features, skip: frozenset[str]) -> Block:
    label, rule = _first_label(block, f, skip)
    return block._replace(label=label, first=label, rule=rule)


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
    if f.words <= STAMPED_MAX_WORDS and _stamped_line(block.text):
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


def _stamped_line(text: str) -> bool:
    """ "New Delhi, News Nation Bureau | Updated : 19 November 2019, 09:01 AM":
    parts set apart by "|", one a date line, the others a few words each."""
    parts = [p.strip() for p in text.split("|")]
    if len(parts) < 2:
        return False
    others = [p for p in parts if not is_date_line(p)]
    return len(others) < len(parts) and all(
        len(p.split()) <= STAMP_PART_MAX_WORDS and not patterns.TERMINAL.search(p) for p in others
    )


def _furniture_shape(text: str, f: Features) -> str:
    """Furniture known by its shape rather than its words."""
    if (f.words <= LEXICON_MAX_WORDS and patterns.COMMENTS_HEADING.match(text)) or (
        f.words <= 12 and patterns.COMMENTER.match(text)
    ):
        return "section.comments"  # "2 comments", "Pamela says:"
    if f.words <= 8 and (patterns.READING_TIME.match(text) or patterns.PLAYER_CLOCK.match(text)):
        return "meta.reading-time"  # "5 min read", a video's "0:00 / 2:30"
    if f.words <= 12 and patterns.PAGINATION.match(text):
        return "nav.pages"  # "Halaman: 1 2 3", "Page 2 of 5"
    if f.words <= 30 and patterns.LIST_A11Y.search(text):
        return "section.list-entry"  # "list of 4 items", "... rebuild list 4 of 4"
    if f.words <= 12 and patterns.FOLLOW_PROMPT.match(text):
        return "promo.follow"  # "Add AP News on Google", "Follow us on Instagram"
    if patterns.SHORTCODE.match(text):
        return "markup.shortcode"  # "[button link=...]Send us YOUR review[/button]"
    if patterns.AUTHOR_BIO.match(text):
        return "footer.author-bio"  # "Meg James is a reporter for ..."
    if f.words <= CAPTION_MAX_WORDS and patterns.GALLERY_COUNTER.match(text):
        return "caption.gallery"  # "1of4Grass Valley's ..."
    if f.words <= 12 and (patterns.CREDIT_LINE.match(text) or patterns.PAREN_CREDIT.match(text)):
        return "caption.credit"  # "TRIBUNNEWS/IRWAN RISMAWAN"
    if f.words <= CAPTION_MAX_WORDS and (patterns.CREDIT_TAIL.search(text) or _glued_credit(text)):
        return "caption.photo"  # "... (tengah). TRIBUNNEWS/IRWAN RISMAWAN"
    if patterns.BREADCRUMB.match(text) or _menu_line(text, f):
        return "nav.breadcrumb"  # "Home » Regional » Jawa Timur", "Beranda Warta Bumi"
    if f.words <= 10 and not f.terminal and _person_caption(text):
        return "caption.person"  # "Kapolda Malut, Brigjen (Pol) Darmawan Siregar"
    return ""


def _glued_credit(text: str) -> bool:
    """ "... tras una tormenta en octubre de 2024.Mónica Torres"."""
    found = patterns.GLUED_CREDIT.search(text)
    if not found:
        return False
    name = found.group("name")
    stops = vocab.stopwords("id") | vocab.stopwords("en")
    return is_person_name(name) and not any(w.lower() in stops for w in name.split())


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
