"""HTML -> blocks (placeholder until HTML extraction lands)."""

from __future__ import annotations

from ..errors import UsageError
from ..model import Article
from ..options import Options


def html_to_article(html: str, options: Options) -> Article:
    raise UsageError("HTML input is not supported yet (use --kind text to treat it as text)")
