"""Plain text -> blocks: dedent, split, re-join hard-wrapped lines, and
recognise Markdown-ish structure (headings, list items, quotes).

bersih's own Markdown (YAML front matter + ``# Title``) is read back here
too, so cleaning an output again changes nothing.
"""

from __future__ import annotations

import json
import re

from .. import recache
from ..model import Article, Block, BlockType, Source
from ..rules import patterns

#: A group of lines is a hard-wrapped paragraph when all but its last line
#: are at least this share of its longest line ...
WRAP_MIN_SHARE = 0.55
#: ... and its longest line is at most this many characters (a typed wrap).
WRAP_MAX_WIDTH = 100
#: ... and at least this many characters.
WRAP_MIN_WIDTH = 50
#: Share of its line breaks that fall mid-sentence (after a lower-case word or
#: a comma, or before a lower-case word).
WRAP_MIN_SOFT_SHARE = 0.6
#: A line shorter than this never ends a wrapped paragraph early.
WRAP_MIN_LINE = 30

_ITEM = recache.compile(r"^(?P<marker>[•●◦▪▫■□►▸‣∙·*+-]|\d{1,3}[.)]|[a-z][.)])\s+(?P<text>\S.*)$")
# (Closing hashes are cut in code: "\S.*?\s*#*$" rescans the run of "#" at
# every character of the text, O(n²) on "# a####...x".)
_HEADING = recache.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>\S.*)$")
_QUOTE = recache.compile(r"^>\s?(?P<text>.*)$")
# A link as bersih writes it: "[anchor](https://...)" (no "[" or "]" inside).
_MD_LINK = recache.compile(
    r"\[([^\[\]\n]{1,500})\]\(((?:https?://|mailto:)[^\s()<>]{1,2000})\)", re.I
)
_URL = recache.compile(r"^[a-z][a-z0-9+.-]*://", re.I)
_FRONT_KEY = recache.compile(r"^(?P<key>[a-z_]+):\s*(?P<value>.*)$")
_DOMAIN_START = recache.compile(r"^[\w-]+\.(?:com|co\.id|id|net|org)\b", re.I)
# "by Bryan DeArdo", "oleh Admin": a byline on its own line, never the rest
# of the sentence above it (a wrapped line ending a sentence ends in a stop).
_BYLINE_LINE = recache.compile(r"^(?:[Bb]y|[Oo]leh)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}$")
_SOFT_END = recache.compile(r"(?:\b[a-z][\w'’]*|[,;\-–])$")
_TERMINAL = recache.compile(r"[.!?:;\"”’)\]»…]$")


def text_to_article(text: str) -> Article:
    """Turn pasted text into an ``Article`` whose blocks are unclassified."""
    meta, text = _split_front_matter(text)
    blocks = tuple(b for group in _groups(text) for b in _group_blocks(group))
    if meta:  # bersih's own Markdown: its "[anchor](url)" links become links again
        blocks = tuple(_read_links(b) for b in blocks)
    article = Article(blocks=blocks)
    if meta:
        article = article.evolve(**meta)
    return article


def _groups(text: str) -> list[list[str]]:
    """Runs of non-blank lines, each line stripped of its indentation."""
    groups: list[list[str]] = [[]]
    for raw in text.split("\n"):
        line = patterns.squeeze(raw)
        if line:
            groups[-1].append(line)
        elif groups[-1]:
            groups.append([])
    return [g for g in groups if g]


def _group_blocks(lines: list[str]) -> list[Block]:
    if _is_wrapped(lines):
        return [_line_block(" ".join(lines))]
    blocks: list[Block] = []
    for line in lines:
        if blocks and _continues(blocks[-1], line):
            blocks[-1] = blocks[-1].with_text(blocks[-1].text + " " + line)
        else:
            blocks.append(_line_block(line))
    return blocks


def _is_wrapped(lines: list[str]) -> bool:
    """A paragraph typed with hard line breaks (e-mail, plain-text news)."""
    if len(lines) < 2 or any(_ITEM.match(x) or _HEADING.match(x) for x in lines):
        return False
    if any(_BYLINE_LINE.match(x) for x in lines[1:]):
        return False
    widest = max(len(x) for x in lines)
    if widest > WRAP_MAX_WIDTH or widest < WRAP_MIN_WIDTH:
        return False
    if len(lines) == 2 and not lines[1][:1].islower():
        return False  # a headline over a date or a byline, not a wrapped paragraph
    body = lines[:-1]
    if not all(len(x) >= widest * WRAP_MIN_SHARE for x in body):
        return False
    soft = sum(
        1
        for x, nxt in zip(body, lines[1:], strict=True)
        if _SOFT_END.search(x) or nxt[:1].islower()
    )
    return soft >= len(body) * WRAP_MIN_SOFT_SHARE


def _continues(prev: Block, line: str) -> bool:
    """A line that carries on the previous one's unfinished sentence."""
    if prev.type is not BlockType.PARA or len(prev.text) < WRAP_MIN_LINE:
        return False
    if _TERMINAL.search(prev.text) or _ITEM.match(line) or _DOMAIN_START.match(line):
        return False
    if _BYLINE_LINE.match(line):
        return False
    last_word = prev.text.rsplit(" ", 1)[-1]
    return line[:1].islower() and (last_word[:1].islower() or last_word.endswith(","))


def _line_block(line: str) -> Block:
    heading = _HEADING.match(line)
    if heading:
        text = heading.group("text")
        text = text.rstrip("#").rstrip() or text[:1]  # closing hashes off
        return Block(text, BlockType.HEADING, len(heading.group("hashes")))
    quote = _QUOTE.match(line)
    if quote and quote.group("text").strip():
        return Block(quote.group("text").strip(), BlockType.QUOTE)
    item = _ITEM.match(line)
    if item and not _is_dateline_dash(line):
        return Block(item.group("text"), BlockType.ITEM, marker=item.group("marker"))
    return Block(line)


def _is_dateline_dash(line: str) -> bool:
    # "- Jakarta Selatan ..." is an item, "-- kata dia" is not; a number
    # followed by "." and a long sentence is still an item ("1. Kelurahan").
    return line.startswith("--")


def _read_links(block: Block) -> Block:
    links = tuple((m.group(1), m.group(2)) for m in _MD_LINK.finditer(block.text))
    if not links:
        return block
    return block._replace(text=_MD_LINK.sub(r"\1", block.text), links=links)


def _split_front_matter(text: str) -> tuple[dict[str, object], str]:
    """Read the YAML front matter bersih writes (JSON-quoted scalars/lists)."""
    stripped = text.lstrip()
    if not stripped.startswith("---\n"):
        return {}, text
    end = stripped.find("\n---\n", 3)
    if end < 0:
        return {}, text
    values: dict[str, object] = {}
    for line in stripped[4:end].split("\n"):
        match = _FRONT_KEY.match(line)
        if not match:
            return {}, text
        values[match.group("key")] = _yaml_scalar(match.group("value"))
    if values.get("generator") != "bersih":
        return {}, text
    return _front_fields(values), stripped[end + 5 :]


def _yaml_scalar(value: str) -> object:
    value = value.strip()
    if value in ("null", "~", ""):
        return None
    try:
        return json.loads(value)
    except json.JSONDecodeError:
        return value


def _front_fields(values: dict[str, object]) -> dict[str, object]:
    fields: dict[str, object] = {}
    for key in ("title", "date", "dateline", "agency", "lang"):
        if isinstance(values.get(key), str):
            fields[key] = values[key]
    for key in ("authors", "editors", "tags"):
        value = values.get(key)
        if isinstance(value, list):
            fields[key] = tuple(str(v) for v in value)
    source = values.get("source")
    site = values.get("site")
    fields["source"] = Source(
        path=source if isinstance(source, str) and not _URL.match(source) else None,
        url=source if isinstance(source, str) and _URL.match(source) else None,
        site=site if isinstance(site, str) else None,
    )
    fields["verbatim"] = True
    return fields
