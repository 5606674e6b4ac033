"""Renderers: Article -> str, one per output format."""

from __future__ import annotations

from collections.abc import Callable

from ..model import Article, Format
from .json import render_json, render_jsonl
from .markdown import render_markdown
from .text import render_text

RENDERERS: dict[Format, Callable[[Article], str]] = {
    Format.MD: render_markdown,
    Format.JSON: render_json,
    Format.JSONL: render_jsonl,
    Format.TXT: render_text,
}


def render(article: Article, fmt: Format) -> str:
    """Render ``article`` in ``fmt``."""
    return RENDERERS[fmt](article)


__all__ = ["RENDERERS", "render", "render_json", "render_jsonl", "render_markdown", "render_text"]
