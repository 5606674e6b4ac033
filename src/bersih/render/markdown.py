"""Markdown: YAML front matter, ``# Title``, then the body with structure.

Front matter values are written as JSON scalars and flow lists: JSON strings
are valid YAML double-quoted scalars, so any YAML parser reads back exactly
what was written ("yes", "null", colons, quotes and "---" included).
Inline HTML from the input is escaped so no renderer executes it.
"""

from __future__ import annotations

import json
import re

from ..model import Article, Block, BlockType

# Characters that would start Markdown structure at the start of a line.
_LINE_START = re.compile(r"^(#{1,6}\s|>|[-+*]\s|\d{1,9}[.)]\s|={3,}|-{3,}|`{3,}|~{3,}|\|)")
_HTML = re.compile(r"<(?=[A-Za-z/!?])")


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
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines)


def escape_inline(text: str) -> str:
    """Neutralise raw HTML and line-start Markdown in body text."""
    text = _HTML.sub("&lt;", text)
    if _LINE_START.match(text):
        text = "\\" + text
    return text


def block_markdown(block: Block) -> str:
    text = _HTML.sub("&lt;", block.text)
    if block.type is BlockType.HEADING:
        return "#" * max(2, min(block.level or 2, 6)) + " " + text
    if block.type is BlockType.ITEM:
        marker = block.marker if block.marker[:1].isdigit() else "-"
        return f"{marker} {text}"
    if block.type is BlockType.QUOTE:
        return "> " + text
    return escape_inline(block.text)


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
    title = f"\n\n# {_HTML.sub('&lt;', article.title)}" if article.title else ""
    body = body_markdown(article)
    return f"{head}{title}\n\n{body}\n"
