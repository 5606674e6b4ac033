"""Plain text: the title, a blank line, the body paragraphs."""

from __future__ import annotations

from ..model import Article, Block, BlockType


def block_text(block: Block) -> str:
    """A block as plain text (list items keep their bullet or number)."""
    if block.type is BlockType.ITEM and block.marker:
        return f"{block.marker} {block.text}"
    return block.text


def body_text(article: Article) -> str:
    return "\n\n".join(block_text(b) for b in article.blocks)


def render_text(article: Article) -> str:
    body = body_text(article)
    return f"{article.title}\n\n{body}\n" if article.title else f"{body}\n"
