"""Markdown: YAML front matter, ``# Title``, then the body with structure.

Front matter values are written as JSON scalars and flow lists: JSON strings
are valid YAML double-quoted scalars, so any YAML parser reads back exactly
what was written ("yes", "null", colons, quotes and "---" included).
Characters YAML reads as line breaks or refuses (U+2028, NEL, C1 controls,
U+FEFF) are written as ``\\uXXXX`` escapes, which JSON and YAML both read.

Nothing from the input reaches a Markdown renderer as markup it would
execute or follow: raw HTML (``<script>``, ``<iframe>``, ``<img onerror=>``,
comments, ``<javascript:...>`` autolinks) is escaped as ``&lt;``, and link
syntax typed in the text (``[x](javascript:...)``, ``![x](...)``,
``[x]: url`` definitions) is escaped with a backslash, which renders as the
same visible text. The escapes are stable: cleaning the output again finds
nothing left to escape.
"""

from __future__ import annotations

import json
import re

from .. import recache
from ..decode import scrub
from ..model import Article, Block, BlockType

# Characters that would start Markdown structure at the start of a line.
_LINE_START = recache.compile(r"^(#{1,6}\s|>|[-+*]\s|\d{1,9}[.)]\s|={3,}|-{3,}|`{3,}|~{3,}|\|)")
# Raw HTML: a tag, closing tag, comment, declaration, processing instruction
# or autolink starts with "<" and one of these.
_HTML = recache.compile(r"<(?=[A-Za-z/!?])")
# An inline link or image destination: "](" (escaped as "]\(").
_LINK_TARGET = recache.compile(r"\]\(")
# A link reference definition at a line start: "[label]: url" (bounded scan).
_LINK_DEFINITION = recache.compile(r"^( {0,3})\[(?=[^\]\n]{0,999}\]:)", re.M)
# What YAML refuses or reads as a line break inside a JSON-quoted scalar.
# (and "<", "[": markup for a renderer that does not know front matter).
_YAML_UNSAFE = recache.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff<\\[]")


def front_matter(article: Article) -> str:
    values: dict[str, object] = {
        "title": article.title,
        "authors": list(article.authors),
        "editors": list(article.editors),
        "date": article.date,
        "dateline": article.dateline,
        "agency": article.agency,
        "source": article.source.url or article.source.path,
        "site": article.source.site,
        "lang": article.lang,
        "tags": list(article.tags),
        "generator": "bersih",
    }
    lines = ["---"]
    for key, value in values.items():
        lines.append(f"{key}: {yaml_value(value)}")
    lines.append("---")
    return "\n".join(lines)


def yaml_value(value: object) -> str:
    """``value`` as a JSON scalar or flow list that YAML reads back unchanged.

    Inside strings, "<" and "[" are written as ``\\u003c`` and ``\\u005b``
    too: the same value for JSON and YAML, but no raw HTML or link for a
    Markdown renderer that shows front matter as text.
    """
    if isinstance(value, list):
        return "[" + ", ".join(yaml_value(item) for item in value) + "]"
    dumped = json.dumps(value, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


def safe_inline(text: str) -> str:
    """Escape raw HTML and link syntax so no renderer executes or follows it."""
    text = _HTML.sub("&lt;", text)
    text = _LINK_TARGET.sub("]\\\\(", text)
    return _LINK_DEFINITION.sub("\\1\\\\[", text)


def escape_inline(text: str) -> str:
    """Neutralise raw HTML, links and line-start Markdown in body text."""
    text = safe_inline(text)
    if _LINE_START.match(text):
        text = "\\" + text
    return text


#: Link targets kept in Markdown: web and mail addresses only (never javascript:).
_SAFE_URL = recache.compile(r"^(?:https?://|mailto:)[^\s<>\"]{1,2000}$", re.I)


def with_links(text: str, block: Block) -> str:
    """Turn each link's first anchor in (escaped) ``text`` into ``[anchor](url)``."""
    for anchor, url in block.links:
        shown = safe_inline(anchor)
        if not _SAFE_URL.match(url) or not shown or shown not in text or "[" in shown:
            continue
        target = url.replace("(", "%28").replace(")", "%29")
        text = text.replace(shown, f"[{shown}]({target})", 1)
    return text


def block_markdown(block: Block) -> str:
    text = with_links(safe_inline(block.text), block)
    if block.type is BlockType.HEADING:
        return "#" * max(2, min(block.level or 2, 6)) + " " + text
    if block.type is BlockType.ITEM:
        marker = block.marker if block.marker[:1].isdigit() else "-"
        return f"{marker} {text}"
    if block.type is BlockType.QUOTE:
        return "> " + text
    return with_links(escape_inline(block.text), block)


def body_markdown(article: Article) -> str:
    parts: list[str] = []
    for i, block in enumerate(article.blocks):
        md = block_markdown(block)
        prev = article.blocks[i - 1] if i else None
        tight = prev is not None and prev.type is BlockType.ITEM and block.type is BlockType.ITEM
        parts.append(("\n" if tight else "\n\n") + md if parts else md)
    return "".join(parts)


def render_markdown(article: Article) -> str:
    head = front_matter(article)
    title = f"\n\n# {safe_inline(article.title)}" if article.title else ""
    body = body_markdown(article)
    return scrub(f"{head}{title}\n\n{body}\n")
