"""JSON: the contract in DESIGN.md (one object; jsonl = one per line)."""

from __future__ import annotations

import json
from typing import Any

from ..decode import scrub
from ..model import Article
from .markdown import body_markdown
from .text import body_text

#: Bump when a field changes meaning or disappears.
SCHEMA_VERSION = 1


def to_dict(article: Article) -> dict[str, Any]:
    return {
        "schema": SCHEMA_VERSION,
        "title": article.title,
        "authors": list(article.authors),
        "editors": list(article.editors),
        "date": article.date,
        "dateline": article.dateline,
        "agency": article.agency,
        "lang": article.lang,
        "tags": list(article.tags),
        "body": body_text(article),
        "markdown": body_markdown(article),
        "source": {
            "path": article.source.path,
            "kind": article.source.kind.value,
            "url": article.source.url,
            "site": article.source.site,
        },
        "removed": [{"text": s.detail, "rule": s.rule} for s in article.removed],
    }


def render_json(article: Article) -> str:
    return scrub(json.dumps(to_dict(article), ensure_ascii=False, indent=2)) + "\n"


def render_jsonl(article: Article) -> str:
    return scrub(json.dumps(to_dict(article), ensure_ascii=False)) + "\n"
