"""Header rules: title, authors apart from editors, dateline, date, tags,
and the end marker that closes the body.

They read the labelled blocks the classifier left (furniture included) and
fill the ``Article``'s header fields; the dateline prefix and end marker are
cut out of the body text.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .. import recache, vocab
from ..model import Article, Block, BlockType, Label, Step, Zone
from . import patterns
from .byline import clean_name, is_person_name, label_role, parse_byline, unique
from .dates import find_date, is_date_line, is_day_and_month
from .features import is_titlelike, word_count

#: Longest dateline prefix, in characters ("BENGKULU SELATAN, Radar Seluma.Disway.Id, - ").
DATELINE_MAX_CHARS = 70
#: "Name - Site" with a site name of at most this many words is a byline.
BYLINE_SITE_MAX_WORDS = 2
#: Title candidates have this many words at least (breadcrumbs have fewer) ...
TITLE_MIN_WORDS = 3
#: ... and at most this many.
TITLE_MAX_WORDS = 24
#: Title score of a line right above a byline or date line, or above a deck
#: sentence over one (a headline's place; a line printed twice scores 3, a
#: title-case line 2).
META_NEXT_BONUS = 3
#: Title score of the headline-sized line nearest above the body (the
#: headline sits over the deck, byline, date and photo, menus further up) ...
NEAREST_BONUS = 3
#: ... a line of at least this many words.
NEAREST_MIN_WORDS = 5
#: A headline-sized line under the headline is its deck (the byline below
#: both counts for the headline) when it has this many words at least and
#: this many times the headline's.
DECK_MIN_WORDS = 15
DECK_LENGTH_RATIO = 1.25
#: Blocks after the body searched for a bare author name (the seed's "Achmad Sarjono").
FOOTER_NAME_WINDOW = 4
#: A date inside a header line counts when the line is this short (in words).
DATE_LINE_MAX_WORDS = 16

_STAGE = "header"
#: A date in digits ("27/09/2018"): a date or byline line's, never a headline's.
_NUMERIC_DATE = recache.compile(r"(?<!\d)[0-3]?\d[/.-][01]?\d[/.-](?:19|20)\d\d(?!\d)")
#: A date line by its label ("Updated Nov 19, 6:55 AM", "Diperbarui 10.15 WIB").
_DATE_LABEL = recache.compile(
    r"^(?:updated|posted|published|last updated|diperbarui|diterbitkan|dipublikasikan)\b",
    re.I,
)


class Dateline(NamedTuple):
    place: str | None
    agency: str | None
    site: str | None
    end: int


def apply_header(article: Article) -> Article:
    """Fill title, authors, editors, date, dateline, agency and tags."""
    if article.verbatim:
        return _verbatim_title(article)
    blocks = list(article.blocks)
    steps: list[Step] = []
    changes: dict[str, object] = {}
    title = pick_title(blocks)
    if title and not article.title:
        changes["title"] = title
        steps.append(Step(_STAGE, "title", title))
    authors, editors = collect_bylines(blocks)
    if article.authors:
        # names from the page's markup (HTML: JSON-LD Person, a labelled byline
        # element) are stronger evidence than a byline line found in the text
        authors = list(article.authors)
    if article.authors or article.editors:
        named = {a.lower() for a in authors}
        editors = [e for e in dict.fromkeys([*article.editors, *editors]) if e.lower() not in named]
    changes["authors"], changes["editors"] = tuple(authors), tuple(editors)
    if authors or editors:
        steps.append(Step(_STAGE, "byline", f"authors={authors} editors={editors}"))
    date = None if article.date else pick_date(blocks, title)
    if date:
        changes["date"] = date
        steps.append(Step(_STAGE, "date", date))
    blocks, dateline = _cut_dateline(blocks)
    if dateline:
        changes.update(dateline=dateline.place, agency=dateline.agency)
        if dateline.site:
            changes["source"] = article.source._replace(site=article.source.site or dateline.site)
        steps.append(
            Step(
                _STAGE,
                "dateline",
                f"{dateline.place} (agency={dateline.agency}, site={dateline.site})",
            )
        )
    blocks, marker = _cut_end_marker(blocks)
    if marker:
        steps.append(Step(_STAGE, "end-marker", marker))
    changes["tags"] = article.tags or tuple(collect_tags(blocks))
    return article.evolve(*steps, blocks=tuple(blocks), **changes)


def _verbatim_title(article: Article) -> Article:
    blocks = list(article.blocks)
    if blocks and blocks[0].type is BlockType.HEADING and blocks[0].level == 1:
        title = article.title or blocks[0].text
        return article.evolve(blocks=tuple(blocks[1:]), title=title)
    return article


# --- title --------------------------------------------------------------------
def pick_title(blocks: list[Block]) -> str | None:
    """The headline among the blocks before the body."""
    head = [b for b in blocks if b.zone == Zone.HEAD]
    for b in head:
        if b.type is BlockType.HEADING and b.level == 1:
            return clean_title(b.text)
    twice = _printed_twice(head, _repeats(head, blocks))
    scores = [_title_score(b, i in twice, head[i + 1 : i + 4]) for i, b in enumerate(head)]
    sized = [
        score is not None and _headline_sized(b) for b, score in zip(head, scores, strict=True)
    ]
    nearest = max((i for i, ok in enumerate(sized) if ok), default=None)
    if nearest and sized[nearest - 1] and head[nearest - 1].text != head[nearest].text:
        nearest -= 1  # a headline over its deck: the top line of the two
        deck = scores[nearest + 1]
        if (
            deck is not None
            and _deck_sized(head[nearest].text, head[nearest + 1].text)
            and _byline_follows(head[nearest + 2 : nearest + 5])
        ):
            scores[nearest] = (scores[nearest] or 0.0) + META_NEXT_BONUS  # over deck and byline
            scores[nearest + 1] = deck - META_NEXT_BONUS
    best: tuple[float, int] | None = None
    for i, score in enumerate(scores):
        if score is None:
            continue
        if i == nearest:
            score += NEAREST_BONUS
        if best is None or score > best[0]:
            best = (score, i)
    return clean_title(head[best[1]].text) if best else None


def _deck_sized(headline: str, deck: str) -> bool:
    """A deck runs longer than the headline over it (two headlines of a list
    in a row are of a size)."""
    words = patterns.count_words(deck)
    return words >= DECK_MIN_WORDS and words >= DECK_LENGTH_RATIO * patterns.count_words(headline)


def _repeats(head: list[Block], blocks: list[Block]) -> dict[str, int]:
    """How often each head line is printed in the header or the story: alone,
    or opening another block (a headline glued to its photo caption). A
    repeat in a list of other stories (in the story, or below it) is that
    story's link, not this one's headline."""
    counts: dict[str, int] = {}
    for b in blocks:
        if b.zone == Zone.HEAD or b.label == Label.BODY:
            counts[b.text.lower()] = counts.get(b.text.lower(), 0) + 1
    for h in head:
        key = h.text.lower()
        if len(key) >= 20 and any(b.text.lower().startswith(key + " ") for b in blocks):
            counts[key] = counts.get(key, 0) + 1
    return counts


def _printed_twice(head: list[Block], counts: dict[str, int]) -> set[int]:
    """Head lines printed twice on their own: a headline over its story and
    in the page's title bar. A menu printed twice repeats line after line."""
    keys = [b.text.lower() for b in head]
    repeated = [counts.get(k, 0) > 1 for k in keys]

    def menu_neighbour(i: int, j: int) -> bool:  # another repeated line beside it
        return 0 <= j < len(keys) and repeated[j] and keys[j] != keys[i]

    return {
        i
        for i, rep in enumerate(repeated)
        if rep and not menu_neighbour(i, i - 1) and not menu_neighbour(i, i + 1)
    }


def _title_score(block: Block, twice: bool, after: list[Block]) -> float | None:
    """How much ``block`` looks like the headline (None: not at all);
    ``twice``: printed twice; ``after`` holds the next three header blocks."""
    if block.label == Label.META or block.type is BlockType.ITEM:
        return None
    if block.rule and not block.rule.startswith(("position.", "repeat.")):
        return None
    if patterns.count_words(block.text, 2 * TITLE_MAX_WORDS) > 2 * TITLE_MAX_WORDS:
        return None  # no title (checked before listing the words: a paragraph may be 50 MB)
    tokens = patterns.WORD.findall(block.text)
    words = word_count(block.text, tokens)
    if not TITLE_MIN_WORDS <= words <= TITLE_MAX_WORDS or block.text[:1].islower():
        return None
    if (block.text.endswith((".", ",", ":")) and words > 12) or is_date_line(block.text):
        return None
    if _DATE_LABEL.match(block.text) or _NUMERIC_DATE.search(block.text):
        return None  # "Updated Nov 19, 6:55 AM", "Carlos N. 27/09/2018 Comente!"
    score = min(words, 15) / 5
    if twice:
        score += 3
    if is_titlelike(tokens):
        score += 2
    if words >= NEAREST_MIN_WORDS and _byline_follows(after):
        score += META_NEXT_BONUS
    return score


def _headline_sized(block: Block) -> bool:
    """Long enough for a headline and shaped like one: not a sentence (a
    deck, a caption), no date, handle or credit slash (a byline or date
    line, a photo credit)."""
    text = block.text.rstrip()
    return (
        patterns.count_words(text, NEAREST_MIN_WORDS) >= NEAREST_MIN_WORDS
        and not text.endswith((".", ",", ";", "-", "–", "—", ")"))
        and "@" not in text
        and "/" not in text
        and find_date(text) is None
        and not patterns.BYLINE_BY.search(text)
    )


def _byline_follows(after: list[Block]) -> bool:
    """A byline or date line comes next, or after the deck sentence and the
    photo's caption or credit under the headline."""
    for block in after:
        if block.label == Label.META:
            return True
        text = block.text.strip()
        credit = text.startswith("(") and text.endswith(")")  # "(Reed Saxon / AP)"
        if not (block.rule.startswith("caption.") or credit or text[-1:] in '.!?"”'):
            return False
    return False


def clean_title(title: str) -> str:
    """Drop site suffixes ("- Kompas.com") and "Halaman all"."""
    title = patterns.PAGE_SUFFIX.sub("", title)
    stripped = patterns.SITE_SUFFIX.sub("", title)
    if len(patterns.WORD.findall(stripped)) >= 2:
        title = stripped
    return title.strip()


# --- bylines ------------------------------------------------------------------
def collect_bylines(blocks: list[Block]) -> tuple[list[str], list[str]]:
    """Authors and editors from byline lines before, in and just after the body."""
    authors: list[str] = []
    editors: list[str] = []
    listing = False  # under a list of other stories: their bylines, not this one's
    for i, block in enumerate(_byline_scope(blocks)):
        if block.rule.startswith("section.") and (block.zone != Zone.HEAD or authors):
            listing = True  # (in the header: a list under the story's own byline)
        if block.label == Label.BODY:
            listing = False
            continue
        if listing:
            continue
        parsed = parse_byline(block.text)
        if parsed is None:
            parsed = _label_then_name(blocks, block, i) or _name_over_date(blocks, i)
        if parsed is None:
            continue
        _extend(authors, parsed.authors)
        _extend(editors, parsed.editors)
    editors = [e for e in editors if e.lower() not in {a.lower() for a in authors}]
    if not authors:
        authors = _footer_name(blocks)
    return authors, editors


def _byline_scope(blocks: list[Block]) -> list[Block]:
    """Blocks up to the first list of other stories after the body."""
    out = []
    for block in blocks:
        if block.zone == Zone.FOOT and block.rule.startswith("section."):
            break
        out.append(block)
    return out


def _label_then_name(blocks: list[Block], block: Block, i: int):  # type: ignore[no-untyped-def]
    """ "Reporter" on one line, the name on the next (JatimTimes layout)."""
    from .byline import Byline

    role = label_role(block.text) if len(block.text) < 30 else None
    if role is None or i + 1 >= len(blocks):
        return None
    name = blocks[i + 1].text.strip()
    if not is_person_name(name) or _is_ranked(name):
        return None
    name = clean_name(name)
    return Byline((name,), ()) if role == "author" else Byline((), (name,))


def _name_over_date(blocks: list[Block], i: int):  # type: ignore[no-untyped-def]
    """A bare name in the header right over the date line ("Lucía Ortega",
    then "Valencia - 06 may 2025 - 13:42 CEST"): the writer's."""
    from .byline import Byline

    block = blocks[i]
    if block.zone != Zone.HEAD or i + 1 >= len(blocks) or blocks[i + 1].rule != "meta.date":
        return None
    above = blocks[i - 1].text.strip() if i else ""
    if label_role(above) or above.lower().endswith((" by", " oleh")) or _bare_name(above):
        return None  # under a label ("Editor", "NEWS PROVIDED BY"), or one of a list of names
    text = block.text.strip()
    return Byline((clean_name(text),), ()) if _bare_name(text) else None


def _footer_name(blocks: list[Block]) -> list[str]:
    """A bare name line right after the body (press-release portals)."""
    body_end = max((i for i, b in enumerate(blocks) if b.label == Label.BODY), default=-1)
    if body_end < 0:
        return []
    below = blocks[body_end + 1 :]
    for i, block in enumerate(below[:FOOTER_NAME_WINDOW]):
        if block.rule.startswith(("section.", "nav.", "footer.")):
            break  # other stories, menus, the site's footer: no byline below
        text = block.text.strip()
        words = text.split()
        if _bare_name(text):
            return [] if _listed_after(below, i) else [clean_name(text)]
        if _unexplained(block) and len(words) >= 3 and is_titlelike(words):
            break  # another story's headline first: the name is one of a list's
    return []


def _bare_name(text: str) -> bool:
    words = text.split()
    return (
        2 <= len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and is_person_name(text)
        and not _is_ranked(text)
    )


def _unexplained(block: Block) -> bool:
    return not block.rule or block.rule.startswith("position.")


def _listed_after(below: list[Block], i: int) -> bool:
    """The name heads a list of tags ("Raka Aditya / Sheila Maharani /
    Pernikahan Artis"): the next other line is another short capitalised
    entry nobody explained (the name printed again does not count)."""
    name = below[i].text.strip()
    for block in below[i + 1 :]:
        text = block.text.strip()
        if text == name:
            continue
        words = text.split()
        return (
            _unexplained(block)
            and 1 <= len(words) <= 4
            and is_titlelike(words)
            and not text.endswith((".", "!", "?"))
        )
    return False


def _is_ranked(name: str) -> bool:
    ranks = vocab.words("ranks.txt")
    first = name.split()[0].lower().rstrip(".,")
    return first in ranks


def _extend(target: list[str], names: tuple[str, ...]) -> None:
    seen = {n.lower() for n in target}
    for name in names:
        if name.lower() not in seen and not _is_ranked(name):
            target.append(name)
            seen.add(name.lower())


# --- date ---------------------------------------------------------------------
def pick_date(blocks: list[Block], title: str | None = None) -> str | None:
    """The publication date: from header, byline or date lines, never the
    body; below the headline first (a date over the site's menu is today's)."""
    scope = _date_scope(blocks)
    at = next(
        (
            i
            for i, b in enumerate(blocks)
            if title and b.zone == Zone.HEAD and clean_title(b.text) == title
        ),
        None,
    )
    if at is not None:
        below = {id(b) for b in blocks[at + 1 :]}
        scope = [b for b in scope if id(b) in below] + [b for b in scope if id(b) not in below]
    for block in scope:
        found = find_date(block.text)
        if found:
            return found[0]
    return None


def _date_scope(blocks: list[Block]) -> list[Block]:
    head = [b for b in blocks if b.zone == Zone.HEAD and _dated_line(b)]
    meta = [b for b in _byline_scope(blocks) if b.zone != Zone.HEAD and b.label == Label.META]
    return head + meta


def _dated_line(block: Block) -> bool:
    if block.label == Label.META:
        return True
    if block.rule.startswith(("section.", "related.", "nav.")):
        return False
    return patterns.count_words(block.text, DATE_LINE_MAX_WORDS) <= DATE_LINE_MAX_WORDS


# --- dateline -----------------------------------------------------------------
def match_dateline(text: str) -> Dateline | None:
    """The dateline at the start of a paragraph, if it has one."""
    site_only: Dateline | None = None
    for pattern in (
        patterns.DATELINE_WIRE,
        patterns.DATELINE_WIRE_DASHED,
        patterns.DATELINE_SITE_FIRST,
        patterns.DATELINE_NETWORK,
        patterns.DATELINE_PLACE_FIRST,
        patterns.DATELINE_NO_DASH,
        patterns.DATELINE_GLUED,
        patterns.DATELINE_PAREN_COLON,
        patterns.DATELINE_PAREN_DOT,
        patterns.DATELINE_SITE_ONLY,
        patterns.DATELINE_CAPS_DOT,
        patterns.DATELINE_TITLE_DOT,
        patterns.DATELINE_AGENCY_ONLY,
    ):
        match = pattern.match(text[: DATELINE_MAX_CHARS + 20])
        if not match or match.end() > DATELINE_MAX_CHARS:
            continue
        rest = text[match.end() :].split()
        if 0 < len(rest) <= BYLINE_SITE_MAX_WORDS and patterns.is_site_name(" ".join(rest)):
            continue  # "Fajar Nugroho - detikNews": a byline, not a dateline
        groups = match.groupdict()
        site_first = pattern is patterns.DATELINE_SITE_FIRST
        if site_first and not patterns.is_site_name(groups.get("site") or ""):
            continue  # "MASOHI, Polres Maluku Tengah -": the place comes first
        place = _valid_place(groups.get("place"))
        if not place and pattern in (patterns.DATELINE_TITLE_DOT, patterns.DATELINE_NETWORK):
            continue  # "Selasa. Polisi ...", "Menurut BPS - ...": no place, and no site either
        agency = _agency(groups.get("agency") or groups.get("wire"))
        found = Dateline(place, agency, _site(groups, place), match.end())
        if place:
            return found
        site_only = site_only or found
    if site_only and site_only.agency is None and site_only.site is None:
        return None
    return site_only


def _valid_place(place: str | None) -> str | None:
    if not place:
        return None
    place = place.strip(" .")
    if patterns.DOMAIN.match(place) or (
        patterns.SITE_WORD.search(place.upper()) and " " not in place
    ):
        return None
    stops = vocab.stopwords("id") | vocab.stopwords("en")
    if len(place.split()) > 4 or place.split()[0].lower() in stops:
        return None
    if place.lower() in vocab.words("names.txt"):
        return None  # "VIVA -", "KOMPAS -": a portal's name, not a place
    months, weekdays = vocab.calendar()
    ranks = vocab.words("ranks.txt")
    if any(
        w.lower() in ranks or w.lower() in months or w.lower() in weekdays for w in place.split()
    ):
        return None  # "Kapolres. ...", "Senin. ...": a rank or a date's word
    return place


def _agency(agency: str | None) -> str | None:
    return agency.strip() if agency and not agency.strip().isdigit() else None


def _site(groups: dict[str, str | None], place: str | None) -> str | None:
    site = (groups.get("site") or "").strip(" ,")
    if not site and groups.get("place") and not place:
        site = (groups.get("place") or "").strip(" .")
    if is_day_and_month(site):
        return None  # "LONDON, March 5 (Reuters) -": a date, not a site
    return site or None


def _cut_dateline(blocks: list[Block]) -> tuple[list[Block], Dateline | None]:
    for i, block in enumerate(blocks):
        if block.label != Label.BODY:
            continue
        found = match_dateline(block.text)
        if found is None:
            return blocks, None
        rest = block.text[found.end :].lstrip(" ,-–—|")
        out = list(blocks)
        if rest:
            out[i] = block._replace(
                text=rest[:1].upper() + rest[1:] if rest[:1].islower() else rest
            )
        else:
            out[i] = block._replace(label=Label.META, rule="meta.dateline")
        return out, found
    return blocks, None


# --- end marker and tags ------------------------------------------------------------
def _cut_end_marker(blocks: list[Block]) -> tuple[list[Block], str | None]:
    last = max((i for i, b in enumerate(blocks) if b.label == Label.BODY), default=-1)
    if last < 0:
        return blocks, None
    match = patterns.end_marker().search(blocks[last].text)
    if not match:
        return blocks, None
    out = list(blocks)
    rest = blocks[last].text[: match.start()].rstrip()
    out[last] = (
        blocks[last]._replace(text=rest)
        if rest
        else blocks[last]._replace(label=Label.BAD, rule="end-marker")
    )
    return out, match.group().strip()


_TAG_SPLIT = recache.compile(r"(?:(?<!\s)\s+)?[,;|#]\s*")  # (linear: see NAME_SPLIT)


def collect_tags(blocks: list[Block]) -> list[str]:
    """Tags from "Tags: a, b", hashtag lines, and a lone lower-case line after the body."""
    tags: list[str] = []
    after_tags_header = False
    for block in blocks:
        if block.label == Label.BODY:
            continue
        match = patterns.TAGS_LINE.match(block.text)
        if match:
            tags += _TAG_SPLIT.split(match.group("tags"))
        elif block.rule == "meta.tags":
            tags += _TAG_SPLIT.split(block.text)
        elif after_tags_header and len(block.text.split()) <= 4 and not block.rule:
            tags.append(block.text)
            continue
        after_tags_header = block.rule == "section.tags"
    tags += _lone_tag(blocks)
    return unique([t.strip(" #") for t in tags if t.strip(" #")])


def _lone_tag(blocks: list[Block]) -> list[str]:
    last = max((i for i, b in enumerate(blocks) if b.label == Label.BODY), default=-1)
    if last < 0 or last + 1 >= len(blocks):
        return []
    text = blocks[last + 1].text.strip()
    return [text] if text.islower() and len(text.split()) <= 3 and text.isascii() else []
