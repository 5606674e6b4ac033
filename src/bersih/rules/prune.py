"""Remove what the classifier labelled as furniture, recording each cut, and
decide whether an article is left at all."""

from __future__ import annotations

from ..errors import NoArticleError
from ..model import Article, Block, BlockType, Label, Step
from . import patterns
from .features import word_count

#: An article has at least this many words of body (the shortest real one in
#: our dev sets has 52; teasers on index pages have fewer).
MIN_ARTICLE_WORDS = 30
#: Characters of a removed block quoted in its step.
STEP_TEXT_CHARS = 100

_STAGE = "boilerplate"


def prune(article: Article) -> Article:
    """Keep body blocks only; every removed block becomes a ``Step``."""
    if article.verbatim:
        return article
    kept: list[Block] = []
    steps: list[Step] = []
    for block in article.blocks:
        if block.label == Label.BODY:
            kept.append(block)
        else:
            steps.append(Step(_STAGE, block.rule or block.label, _quote(block.text)))
    return article.evolve(*steps, blocks=tuple(_tidy(kept)))


def _tidy(blocks: list[Block]) -> list[Block]:
    """Drop emptied blocks and collapse runs of spaces."""
    return [b.with_text(patterns.squeeze(b.text)) for b in blocks if b.text.strip()]


def _quote(text: str) -> str:
    return text if len(text) <= STEP_TEXT_CHARS else text[: STEP_TEXT_CHARS - 1] + "…"


def require_article(article: Article) -> Article:
    """Raise ``NoArticleError`` when what is left is not an article."""
    paras = [b for b in article.blocks if b.type is not BlockType.HEADING]
    words = sum(word_count(b.text) for b in paras)
    if _index_page(article) and words < 150:
        raise NoArticleError("no article found: the page is an index of other stories")
    if words < MIN_ARTICLE_WORDS and not article.verbatim:
        raise NoArticleError(
            f"no article found: {words} words of prose left after removing page furniture"
        )
    if len(paras) == 1 and not patterns.TERMINAL.search(paras[0].text) and not article.title:
        raise NoArticleError(
            "no article found: only a cut-off teaser paragraph (an index or tag page?)"
        )
    return article


def _index_page(article: Article) -> bool:
    rules = {s.rule for s in article.steps}
    return "index.listing" in rules or ("index.marker" in rules and not article.title)
