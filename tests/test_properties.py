"""Properties of the whole pipeline on generated text and HTML-ish input.

- ``bersih.clean`` raises nothing but ``BersihError`` subclasses;
- cleaning the Markdown output again gives the same Markdown (idempotence);
- JSON output is valid UTF-8 and ``json.loads`` gives back what was rendered;
- the front matter parses with ``yaml.safe_load`` to the article's values
  (titles with colons, quotes, "---", "yes", "null" included);
- no raw HTML, link or image reaches a Markdown renderer (markdown-it with
  HTML enabled finds none in the output).

CI runs a fixed, derandomised set of examples. A longer fuzz run:

    BERSIH_FUZZ_EXAMPLES=5000 python -m pytest tests/test_properties.py

(random seeds then; a failure prints the seed and a shrunk example).
"""

from __future__ import annotations

import json
import os
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bersih import BersihError, clean, render_json, render_markdown, render_text
from bersih.model import Article, Block, BlockType, Source
from bersih.options import Limits, Options

#: Examples per property in a long fuzz run (env), else the CI default.
FUZZ_EXAMPLES = int(os.environ.get("BERSIH_FUZZ_EXAMPLES", "0"))
CI_EXAMPLES = 60

SETTINGS = settings(
    max_examples=FUZZ_EXAMPLES or CI_EXAMPLES,
    derandomize=not FUZZ_EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
#: No time limit inside properties: a SIGALRM from a slow CI box is no bug.
OPTIONS = Options(limits=Limits(time_limit=0))

# --- strategies ----------------------------------------------------------------------------
SENTENCES = (
    "Kepala dinas mengatakan program itu akan dilanjutkan pada tahun depan.",
    "Warga berharap pemerintah segera memperbaiki jalan yang rusak di desa mereka.",
    "Polisi masih menyelidiki penyebab kebakaran yang terjadi pada Senin malam.",
    "The minister said the plan would be announced after the meeting on Friday.",
    "“Kami akan terus memantau perkembangan di lapangan,” ujarnya kepada wartawan.",
    "Harga beras di pasar tradisional naik menjadi Rp 14.000 per kilogram.",
)
HOSTILE = (
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<iframe src=//x>",
    "[klik](javascript:alert(1))", "![x](data:text/html,1)", "[a]: javascript:alert(1)",
    "<javascript:alert(1)>", "<!-- c -->", "---", "# ", "> ", "- ", "1. ", "```", "| a |",
    "Baca juga: Berita lain", "Penulis: Budi Santoso", "Editor: Ani", "(*)", "JAKARTA - ",
    "yes", "null", "title: x", '"', "'", "\\", ":", "\u2028", "\x85", "\u00a0", "\ufeff",
    "\u200b", "\r\n", "\t", "\x00", "\x9f", "é", "😀", "\ud800", "عربي", "Ã©", "â€œ",
)  # fmt: skip
FRAGMENTS = st.one_of(
    st.sampled_from(SENTENCES),
    st.sampled_from(HOSTILE),
    st.text(max_size=8),
    st.just("\n\n"),
    st.just("\n"),
    st.just(" "),
)
#: Free-form text, mostly gibberish.
TEXT = st.lists(FRAGMENTS, max_size=60).map("".join)


@st.composite
def articles(draw: st.DrawFn) -> str:
    """Article-shaped text (a title, paragraphs of real sentences) with
    hostile fragments spliced in, so that cleaning often succeeds."""
    title = draw(st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=6)), max_size=4))
    paragraphs = []
    for _ in range(draw(st.integers(2, 6))):
        pieces = st.one_of(st.sampled_from(SENTENCES), FRAGMENTS)
        parts = draw(st.lists(pieces, min_size=2, max_size=6))
        paragraphs.append(" ".join(parts))
    return "Judul Berita " + "".join(title) + " Hari Ini\n\n" + "\n\n".join(paragraphs) + "\n"


TAGS = ("p", "div", "h1", "h2", "script", "style", "a", "li", "ul", "article", "iframe", "br")


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """Tag soup: open and close tags (some unbalanced), attributes, text."""
    out = ["<!DOCTYPE html><html><head><title>", draw(TEXT), "</title></head><body>"]
    for _ in range(draw(st.integers(0, 25))):
        tag = draw(st.sampled_from(TAGS))
        kind = draw(st.integers(0, 3))
        if kind == 0:
            out.append(f"<{tag} onclick='x' href=\"javascript:alert(1)\">")
        elif kind == 1:
            out.append(f"</{tag}>")
        else:
            out.append(draw(st.one_of(st.sampled_from(SENTENCES), TEXT)))
    if draw(st.booleans()):
        out.append("</body></html>")
    return "".join(out)


INPUTS = st.one_of(TEXT, articles(), html_pages())


def _clean(data: str | bytes) -> Article | None:
    """``clean`` that lets only bersih's own errors through (as None)."""
    try:
        return clean(data, OPTIONS)
    except BersihError:
        return None


# --- never raises anything but BersihError -------------------------------------------------
@SETTINGS
@given(INPUTS)
def test_clean_text_raises_only_bersih_errors(data: str) -> None:
    _clean(data)


@SETTINGS
@given(st.one_of(st.binary(max_size=3000), INPUTS.map(lambda s: s.encode("utf-8", "replace"))))
def test_clean_bytes_raises_only_bersih_errors(data: bytes) -> None:
    _clean(data)


# --- idempotence ------------------------------------------------------------------------------
@SETTINGS
@given(INPUTS)
@example("Judul: Ya\n\n" + " ".join(SENTENCES) + "\n\n" + " ".join(SENTENCES))
def test_markdown_is_idempotent(data: str) -> None:
    article = _clean(data)
    if article is None:
        return
    first = render_markdown(article)
    again = clean(first, OPTIONS)
    assert render_markdown(again) == first


@pytest.mark.xfail(
    strict=False,
    reason="plain text carries no front matter: a second cleaning re-derives the header "
    "from the text alone, and short articles can lose their title or fall under the "
    "no-article floor (found with BERSIH_FUZZ_EXAMPLES=400; see the examples below)",
)
@SETTINGS
@given(articles())
@example(
    "Judul Berita  Hari Ini\n\n"
    + SENTENCES[0]
    + " "
    + SENTENCES[0]
    + "\n\n"
    + SENTENCES[3]
    + " <script>alert(1)</script> \n\n "
    + SENTENCES[3]
    + "\n"
)  # second cleaning: "no article found: 20 words of prose left"
def test_text_format_is_idempotent(data: str) -> None:
    """Plain text has no front matter: cleaning it again re-derives the title
    and header from the text alone, and should still find the same article."""
    article = _clean(data)
    if article is None:
        return
    first = render_text(article)
    again = _clean(first)
    assert again is not None, "cleaning bersih's own text output found no article"
    assert render_text(again) == first


# --- JSON and front matter ---------------------------------------------------------------------
@SETTINGS
@given(INPUTS)
def test_json_round_trips_as_valid_utf8(data: str) -> None:
    article = _clean(data)
    if article is None:
        return
    rendered = render_json(article)
    parsed = json.loads(rendered.encode("utf-8").decode("utf-8"))
    assert parsed["title"] == article.title
    assert parsed["authors"] == list(article.authors)
    assert json.loads(json.dumps(parsed)) == parsed


def _front_matter(markdown: str) -> dict[str, Any]:
    assert markdown.startswith("---\n")
    head = markdown[4 : markdown.index("\n---\n")]
    loaded = yaml.safe_load(head)
    assert isinstance(loaded, dict)
    return loaded


TRICKY = st.one_of(
    st.sampled_from(["yes", "no", "null", "~", "true", "1e3", "0x1f", "---", "...", "a: b",
                     "- x", "'q'", '"q"', "#x", "&a", "*a", "!t", "%x", "@x", "`x`", "{a}",
                     "[a](javascript:1)", "<script>", "a\u2028b", "a\x85b", "\ufeffa"]),
    st.text(max_size=30),
)  # fmt: skip


@SETTINGS
@given(title=TRICKY, authors=st.lists(TRICKY, max_size=3), tags=st.lists(TRICKY, max_size=3))
def test_front_matter_reads_back_with_yaml(title: str, authors: list[str], tags: list[str]) -> None:
    article = Article(
        blocks=(Block("Isi berita yang cukup panjang.", BlockType.PARA),),
        title=title or None,
        authors=tuple(authors),
        tags=tuple(tags),
        date="2024-01-31",
        source=Source(path="in.txt"),
    )
    scrubbed = _front_matter(render_markdown(article))
    expected = json.loads(json.dumps([title or None, authors, tags]).encode().decode())
    expected = [_valid(v) for v in expected]
    assert [scrubbed["title"], scrubbed["authors"], scrubbed["tags"]] == expected
    assert scrubbed["date"] == "2024-01-31" and scrubbed["generator"] == "bersih"


def _valid(value: Any) -> Any:
    """What the renderer makes of a value: lone surrogates become U+FFFD."""
    if isinstance(value, list):
        return [_valid(v) for v in value]
    if isinstance(value, str):
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return value


@SETTINGS
@given(INPUTS)
def test_front_matter_of_cleaned_articles_parses(data: str) -> None:
    article = _clean(data)
    if article is None:
        return
    values = _front_matter(render_markdown(article))
    assert values["title"] == article.title
    assert values["authors"] == list(article.authors)
    assert values["tags"] == list(article.tags)


# --- safe Markdown -----------------------------------------------------------------------------
def _markup_tokens(markdown: str) -> list[str]:
    from markdown_it import MarkdownIt

    found = []
    stack = MarkdownIt("commonmark", {"html": True}).parse(markdown)
    while stack:
        token = stack.pop()
        if token.type in ("html_block", "html_inline", "link_open", "image"):
            found.append(f"{token.type}: {token.content or token.attrs}")
        stack.extend(token.children or ())
    return found


@SETTINGS
@given(INPUTS)
@example("Judul Berita Hari Ini\n\n" + " ".join(HOSTILE[:8]) + " " + " ".join(SENTENCES * 2))
def test_markdown_carries_no_live_html_or_links(data: str) -> None:
    article = _clean(data)
    if article is None:
        return
    markdown = render_markdown(article)
    assert _markup_tokens(markdown) == []


def test_hostile_markup_is_escaped_not_dropped() -> None:
    text = (
        "Judul Berita <script>alert(1)</script> Hari Ini\n\n"
        + " ".join(SENTENCES)
        + " <img src=x onerror=alert(1)> [klik](javascript:alert(1)) <iframe src=//x></iframe>\n\n"
        + "[a]: javascript:alert(1)\n\n"
        + " ".join(SENTENCES)
        + "\n"
    )
    article = clean(text, OPTIONS)
    markdown = render_markdown(article)
    assert _markup_tokens(markdown) == []
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark", {"html": True}).render(markdown)
    for bad in ("<script", "<img", "<iframe", 'href="javascript:', "onerror="):
        assert bad not in html.replace("&lt;img src=x onerror=", "")
    assert "onerror=alert(1)" in render_text(article)  # the words are kept, as text


@pytest.mark.skipif(not FUZZ_EXAMPLES, reason="set BERSIH_FUZZ_EXAMPLES for a long run")
def test_fuzz_run_is_configured() -> None:
    assert SETTINGS.max_examples == FUZZ_EXAMPLES
