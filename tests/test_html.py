"""HTML extraction: golden pages, metadata rule tables, how the page's blocks
are composed for the classifier, and robustness."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bersih import NoArticleError, clean
from bersih.decode import decode
from bersih.errors import BersihError
from bersih.extract.html import html_to_article, parse_html
from bersih.extract.htmlmeta import read_meta, strip_site
from bersih.options import Options
from bersih.render.json import to_dict
from helpers import fixture_cases, load_truth

HTML_CASES = fixture_cases("html")
# Known failures of the whole pipeline, each with its cause (strict: a fix
# makes them fail loudly, then the entry goes).
KNOWN: dict[str, str] = {}

PROSE = (
    "Pemerintah kota menyatakan bahwa pembangunan jembatan baru di atas sungai itu akan "
    "selesai pada akhir tahun ini, dan warga sekitar diharapkan dapat menggunakannya untuk "
    "mengurangi kemacetan yang selama ini terjadi setiap pagi dan sore hari."
)


def _page(head: str = "", body: str = "", paragraphs: int = 4) -> str:
    story = "".join(f"<p>{PROSE} Kalimat ke-{n}.</p>" for n in range(paragraphs))
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>"
        f"<nav><a href='/'>Beranda</a> <a href='/news'>Berita</a></nav>"
        f"<article>{body}<div class='content'>{story}</div></article></body></html>"
    )


def _meta(snippet: str) -> dict[str, Any]:
    meta = read_meta(parse_html(_page(body=snippet)))
    return {
        "title": meta.title.value if meta.title else None,
        "authors": list(meta.authors),
        "editors": list(meta.editors),
        "date": meta.date.value if meta.date else None,
        "tags": list(meta.tags),
        "url": meta.url,
        "site": meta.site,
    }


def _ld(obj: dict[str, Any]) -> str:
    return f"<script type='application/ld+json'>{json.dumps(obj)}</script>"


# --- golden pages -------------------------------------------------------------
def _read(case: Path) -> str:
    return decode((case / "input.html").read_bytes())[0]


@pytest.mark.parametrize("case", HTML_CASES, ids=lambda c: c.name)
def test_fixture_metadata(case: Path) -> None:
    """What the markup alone says (before the header stage): never a wrong
    author, even where the text must name them."""
    truth = load_truth(case)
    if truth["body"] == "":
        with pytest.raises(NoArticleError):
            html_to_article(_read(case), Options())
        return
    article = html_to_article(_read(case), Options())
    assert article.title == truth["title"]
    assert list(article.authors) in ([], truth["authors"])
    assert article.date == truth["date"]


def _mark(case: Path) -> list[pytest.MarkDecorator]:
    reason = KNOWN.get(case.name)
    return [pytest.mark.xfail(reason=reason, strict=True)] if reason else []


@pytest.mark.parametrize("case", [pytest.param(c, marks=_mark(c), id=c.name) for c in HTML_CASES])
def test_fixture_cleaned(case: Path) -> None:
    truth = load_truth(case)
    data = (case / "input.html").read_bytes()
    if truth["body"] == "":
        with pytest.raises(NoArticleError):
            clean(data)
        return
    got = to_dict(clean(data))
    for key in ("title", "authors", "editors", "date", "dateline", "body"):
        assert got[key] == truth[key], key
    assert got["source"]["kind"] == "html"


@pytest.mark.parametrize("case", HTML_CASES, ids=lambda c: c.name)
def test_fixture_furniture_removed(case: Path) -> None:
    truth = load_truth(case)
    try:
        body = to_dict(clean((case / "input.html").read_bytes()))["body"]
    except NoArticleError:
        return
    for bad in truth["must_not_contain"]:  # type: ignore[union-attr]
        assert bad not in body


# --- metadata rule tables -------------------------------------------------------
# (snippet placed in the page before the story, expected value); meta tags
# and JSON-LD are read wherever they are.
PERSON = {"@type": "Person", "name": "Corry Anestia"}
TITLES = [
    pytest.param(
        "<meta property='og:title' content='Banjir Rendam Dua Desa di Pati - Kompas.com'>"
        "<h1>Banjir Rendam Dua Desa di Pati</h1>",
        "Banjir Rendam Dua Desa di Pati",
        id="h1 agrees with og:title",
    ),
    pytest.param(
        "<title>Harga Cabai Naik Lagi di Pasar | Tempo Gaya</title>"
        "<meta property='og:site_name' content='Tempo Gaya'>",
        "Harga Cabai Naik Lagi di Pasar",
        id="site suffix by site name",
    ),
    pytest.param(
        "<meta property='og:title' content='Warga Tolak Rencana Tambang Pasir Halaman all'>",
        "Warga Tolak Rencana Tambang Pasir",
        id="halaman all",
    ),
    pytest.param(
        "<meta property='og:title' content='Indonesia can Learn from Finland: Pratikno'>",
        "Indonesia can Learn from Finland: Pratikno",
        id="a colon in the title stays",
    ),
    pytest.param(
        "<title>Berita Ekonomi Terbaru Hari Ini - Situs.com</title><h1>Ekonomi</h1>",
        "Berita Ekonomi Terbaru Hari Ini",
        id="a section name in h1 is no headline",
    ),
    pytest.param("<h1>Jembatan Baru Dibuka</h1>", "Jembatan Baru Dibuka", id="h1 only"),
    pytest.param(
        _ld({"@type": "NewsArticle", "headline": "Petani Panen Raya Jagung"}),
        "Petani Panen Raya Jagung",
        id="jsonld headline",
    ),
]
AUTHORS = [
    pytest.param(
        _ld({"@type": "NewsArticle", "author": PERSON}), ["Corry Anestia"], id="jsonld person"
    ),
    pytest.param(
        _ld({"@type": "NewsArticle", "author": {"@type": "Organization", "name": "Kompas Media"}}),
        [],
        id="jsonld organization demoted",
    ),
    pytest.param("<meta name='author' content='Kompas Cyber Media'>", [], id="company"),
    pytest.param(
        "<meta name='author' content='Fajar Nugroho - detikNews'>"
        "<meta property='og:site_name' content='detiknews'>",
        ["Fajar Nugroho"],
        id="meta author with site suffix",
    ),
    pytest.param(
        "<meta property='article:author' content='https://www.facebook.com/KOMPAScom'>",
        [],
        id="meta author url",
    ),
    pytest.param(
        "<div class='post-author'>Oleh: Rini Oktaviani · Sabtu, 16 November 2024</div>",
        ["Rini Oktaviani"],
        id="labelled byline element",
    ),
    pytest.param(
        _ld({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Robertus Belarminus"}})
        + "<div class='credit-author'>Irfan Kamil <span>Penulis</span></div>"
        "<div class='credit-author'>Robertus Belarminus <span>Editor</span></div>",
        ["Irfan Kamil"],
        id="role after the name beats jsonld",
    ),
    pytest.param(
        "<div class='author-share'><a>Share on Facebook</a></div>", [], id="share buttons"
    ),
    pytest.param(
        "<div class='photo'><span class='author'>Dok. Saleh Husin</span></div>",
        [],
        id="photo credit",
    ),
    pytest.param(
        "<ul><li><span class='author'>Budi Santoso</span></li></ul>", [], id="other story"
    ),
    pytest.param(
        "<div class='c-byline'>By <span class='author-name'>Umair Irfan</span> Nov 13</div>"
        + "".join(
            f"<div class='teaser'><h3>Another story {n}</h3>"
            f"<div class='c-byline'>By <span class='author-name'>{name}</span></div></div>"
            for n, name in enumerate(["Emily Stewart", "Hannah Brown", "Alex Ward"])
        ),
        ["Umair Irfan"],
        id="teasers' bylines below the story's",
    ),
    pytest.param(
        "<div class='byline'>By <a class='author'>Jane Doe</a> and "
        "<a class='author'>John Roe</a></div>",
        ["Jane Doe", "John Roe"],
        id="co-authors in one byline",
    ),
]
DATES = [
    pytest.param(
        _ld({"@type": "NewsArticle", "datePublished": "2024-07-01T17:45:00+07:00"}),
        "2024-07-01",
        id="jsonld",
    ),
    pytest.param(
        "<meta property='article:published_time' content='2024-09-18T13:45:12+07:00'>",
        "2024-09-18",
        id="article:published_time",
    ),
    pytest.param(
        "<meta name='publishdate' content='2024/09/18 13:45:12'>", "2024-09-18", id="printed"
    ),
    pytest.param(
        "<header><h1>Jembatan Baru Dibuka untuk Umum</h1>"
        "<time datetime='2023-08-14T10:15'>Senin, 14 Agustus 2023</time></header>",
        "2023-08-14",
        id="time by the headline",
    ),
    pytest.param(
        "<h1>Jembatan Baru Dibuka untuk Umum</h1><ul><li><a href='/x'>"
        "<time datetime='2020-01-02'>2 Januari 2020</time> Berita lama</a></li></ul>",
        None,
        id="never a related story's date",
    ),
    pytest.param(
        _ld({"@type": "WebPage", "datePublished": "2014-07-13"}), None, id="webpage is no article"
    ),
]


@pytest.mark.parametrize(("snippet", "expected"), TITLES)
def test_title(snippet: str, expected: str) -> None:
    assert _meta(snippet)["title"] == expected


@pytest.mark.parametrize(("snippet", "expected"), AUTHORS)
def test_authors(snippet: str, expected: list[str]) -> None:
    assert _meta(snippet)["authors"] == expected


@pytest.mark.parametrize(("snippet", "expected"), DATES)
def test_date(snippet: str, expected: str | None) -> None:
    assert _meta(snippet)["date"] == expected


def test_editor_named_by_byline_element() -> None:
    got = _meta(
        "<div class='author'>Penulis: Galih Pratama</div>"
        "<div class='author'>Editor: Maria Ulfah</div>"
    )
    assert (got["authors"], got["editors"]) == (["Galih Pratama"], ["Maria Ulfah"])


def test_tags_url_and_site() -> None:
    got = _meta(
        "<meta property='article:tag' content='banjir'><meta property='article:tag' content='Pati'>"
        "<meta name='keywords' content='a, b'><meta property='og:site_name' content='Contoh'>"
        "<link rel='canonical' href='https://contoh.co.id/read/1'>"
    )
    assert (got["tags"], got["url"], got["site"]) == (
        ["banjir", "Pati"],
        "https://contoh.co.id/read/1",
        "Contoh",
    )


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "Sering Depresi, Awas Diabetes! - Health :: Okezone Lifestyle",
            "Sering Depresi, Awas Diabetes! - Health",
        ),
        ("Polres Serahkan Tersangka - Kompas.com Regional", "Polres Serahkan Tersangka"),
        ("Okezone Lifestyle", "Okezone Lifestyle"),
        (
            "Tips Hemat: Cara Belanja Murah di Okezone Mall",
            "Tips Hemat: Cara Belanja Murah di Okezone Mall",
        ),
    ],
)
def test_strip_site(title: str, expected: str) -> None:
    assert strip_site(title, {"okezone", "kompas"}) == expected


# --- composing the blocks ------------------------------------------------------------
HEADLINE = "<h1>Jembatan Baru Dibuka untuk Umum</h1>"


def _texts(html: str) -> list[str]:
    return [b.text for b in html_to_article(html, Options()).blocks]


def test_header_lines_come_from_the_page() -> None:
    article = html_to_article(_page(body=HEADLINE + "<div>Penulis: Budi Santoso</div>"), Options())
    texts = [b.text for b in article.blocks]
    assert texts[0] == "Penulis: Budi Santoso"
    assert "Beranda Berita" not in texts
    assert "Jembatan Baru Dibuka untuk Umum" not in texts  # the title, not the body
    assert article.title == "Jembatan Baru Dibuka untuk Umum"


def test_caption_above_the_story_is_not_taken_for_its_lead() -> None:
    caption = "Warga melintas di jembatan darurat di atas sungai yang meluap pada Senin pagi (Dok)"
    figure = f"<figure><img src='a.jpg'><figcaption>{caption}</figcaption></figure>"
    texts = _texts(_page(body=HEADLINE + figure))
    assert texts[0].startswith(PROSE[:30])
    assert caption not in texts


def test_words_the_extractor_drops_inside_a_paragraph_come_back() -> None:
    """trafilatura's precision mode drops some inline elements (a link in a
    span of class "link"); the page's fuller paragraph is used instead."""
    link = "<span class='link'><a href='/berita/denda'>pemerintah akan menjatuhkan denda</a></span>"
    sentence = (
        f"Menurut laporan wartawan kami, {link} kepada kontraktor yang terlambat menyelesaikan "
        "pekerjaan jembatan, dan keputusan itu diumumkan setelah rapat panjang di balai kota."
    )
    article = clean(_page(body=HEADLINE + f"<p>{sentence}</p>"))
    assert "kami, pemerintah akan menjatuhkan denda kepada kontraktor" in to_dict(article)["body"]
    assert any(s.rule == "html.restored-words" for s in article.steps)


def test_a_hover_card_inside_a_sentence_is_not_read() -> None:
    """A name's hover card (shown only under the pointer) holds other
    headlines; the sentence around it reads on."""
    card = (
        "<span class='rollover-people-block'><span class='rollover-block'>"
        "<a href='/p/1'>Budi Santoso Wijaya</a><a href='/b/2'>Wali kota resmikan pasar baru</a>"
        "</span></span>"
    )
    link = "<a class='rollover-people-link' href='/p/1'>Budi Santoso</a>"
    sentence = (
        f"Wali Kota <span class='rollover-people'>{link}{card}</span> "
        "meresmikan jembatan itu pada Senin pagi bersama warga dan pejabat kecamatan setempat."
    )
    body = to_dict(clean(_page(body=HEADLINE + f"<p>{sentence}</p>")))["body"]
    assert "Wali Kota Budi Santoso meresmikan jembatan itu" in body
    assert "Wali kota resmikan pasar baru" not in body


def test_tiny_main_content_uses_the_page_text() -> None:
    article = html_to_article("<html><body><p>Satu kalimat pendek.</p></body></html>", Options())
    assert "html.page-text" in [s.rule for s in article.steps]


def test_link_list_main_content_gives_way_to_the_page_prose() -> None:
    teasers = "".join(
        f"<li><a href='/b{n}'>Judul Berita Lain Nomor {n} Hari Ini</a><p>Ringkasan ke-{n}.</p></li>"
        for n in range(8)
    )
    story = "".join(f"<div><span>{PROSE} Bagian {n}.</span></div>" for n in range(3))
    html = f"<body><main><h2>Lainnya</h2><ul>{teasers}</ul></main><section>{story}</section></body>"
    article = html_to_article(html, Options())
    assert "html.page-prose" in [s.rule for s in article.steps]
    assert f"{PROSE} Bagian 0." in [b.text for b in article.blocks]


def test_index_page_is_no_article() -> None:
    items = "".join(
        f"<article><h2><a href='/r/{n}'>Harga Emas Naik Lagi Pekan Ini Nomor {n}</a></h2>"
        f"<time datetime='2024-11-07'>Kamis</time><p>Permintaan emas naik lagi {n}.</p></article>"
        for n in range(12)
    )
    with pytest.raises(NoArticleError):
        clean(
            f"<html><head><title>Ekonomi</title></head><body><h1>Ekonomi</h1>{items}</body></html>"
        )


def test_index_page_is_no_article_when_read_as_whole_page() -> None:
    """trafilatura keeps almost nothing of a listing: the whole-page
    fallback still sees teasers each under a headline link."""
    items = "".join(
        f"<div><h3><a href='/r/{n}'>Harga Emas Naik Lagi Pekan Ini Nomor {n}</a></h3>"
        f"<span>Permintaan emas dari luar negeri naik lagi ke-{n}.</span></div>"
        for n in range(6)
    )
    html = f"<html><body><nav><a href='/'>Beranda</a></nav>{items}</body></html>"
    with pytest.raises(NoArticleError, match="index page"):
        html_to_article(html, Options())


def test_home_page_whose_first_headline_trafilatura_keeps_is_no_article() -> None:
    """A home page of three cards: trafilatura keeps the first card's headline
    link with the teasers, which still have a headline link each."""
    cards = "".join(
        f"<article><h2><a href='/news/{n}'>City council delays vote on plan number {n}</a></h2>"
        f"<p>Council members said they needed more time to review plan {n}.</p>"
        f"<p class='byline'>By Hannah Lindqvist · {n + 2} hours ago</p></article>"
        for n in range(3)
    )
    html = (
        "<html><head><meta property='og:type' content='website'><title>Daily Star</title></head>"
        f"<body><nav><a href='/'>Home</a><a href='/news'>News</a></nav><main>{cards}</main>"
        "<footer>© 2025 Daily Star</footer></body></html>"
    )
    with pytest.raises(NoArticleError, match="index page"):
        clean(html)


def test_short_story_beside_headline_links_is_not_an_index() -> None:
    """Short paragraphs one after another, related headlines together below:
    an article, even when read from the whole page."""
    story = "".join(
        f"<div>Warga desa membangun jembatan bambu bagian ke-{n}.</div>" for n in range(5)
    )
    related = "".join(
        f"<div><a href='/r/{n}'>Judul Berita Lain yang Terkait Nomor {n}</a></div>"
        for n in range(6)
    )
    article = html_to_article(f"<html><body>{story}{related}</body></html>", Options())
    assert "html.page-text" in [s.rule for s in article.steps]


@pytest.mark.parametrize(
    ("stamp", "printed", "expected"),
    [
        ("2024-02-13T22:30:00Z", "Rabu, 14 Februari 2024 05:30 WIB", "2024-02-14"),
        ("2024-02-13T22:30:00+00:00", "Rabu, 14 Februari 2024 05:30 WIB", "2024-02-14"),
        ("2024-02-14T05:30:00+07:00", "Selasa, 13 Februari 2024 22:30", "2024-02-14"),
        ("2024-02-13T22:30:00Z", "Rabu, 20 Februari 2024", "2024-02-13"),
        ("2024-02-13T22:30:00Z", "", "2024-02-13"),
    ],
)
def test_utc_stamp_gives_way_to_the_printed_day(stamp: str, printed: str, expected: str) -> None:
    """A UTC timestamp may fall on the day before (or after) the date the
    page prints under its headline; a local timestamp or a date further
    off is kept."""
    head = _ld({"@type": "NewsArticle", "headline": "Jembatan Baru", "datePublished": stamp})
    body = HEADLINE + (f"<div class='date'>{printed}</div>" if printed else "")
    article = html_to_article(_page(head=head, body=body), Options())
    assert article.date == expected


# --- robustness ---------------------------------------------------------------------
ODD_PAGES = [
    "",
    "   ",
    "<html></html>",
    "<html><frameset><frame src='a'></frameset></html>",
    "<?xml version='1.0' encoding='utf-8'?><html><body><p>x</p></body></html>",
    "<svg><text>hi</text></svg>",
    "<div>" * 3000 + "x",
    "<p>a\x00b</p>",
    "<script type='application/ld+json'>{bad</script><script type='application/ld+json'>"
    '[1, null, {"@type": ["NewsArticle"], "author": [3, {"name": 5}], "headline": {}}]</script>',
]
PIECES = [
    "<p>", "</p>", "<div class='author'>", "</div>", "<h1>", "</h1>", "<a href='x'>", "</a>",
    "<li>", "<br>", "<figcaption>", "<time datetime='2024-01-02'>", "Kata ", "Jakarta - ",
    "Oleh: Budi ", ". ", "\n", "&amp;", "<script>x</script>",
]  # fmt: skip


@pytest.mark.parametrize("html", ODD_PAGES)
def test_odd_pages_raise_only_no_article(html: str) -> None:
    with contextlib.suppress(NoArticleError):
        html_to_article(html, Options())


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60))
def test_never_raises_anything_else(parts: list[str]) -> None:
    with contextlib.suppress(BersihError):
        clean("<html><body>" + "".join(parts) + "</body></html>", Options(kind="html"))


def test_text_cleaning_imports_no_html_library() -> None:
    code = (
        "import sys; from bersih import clean\n"
        "clean('JAKARTA - ' + 'Kalimat yang cukup panjang untuk berita. ' * 9)\n"
        "bad = [m for m in ('trafilatura', 'bs4', 'lxml') if m in sys.modules]\n"
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --- composing: the page around trafilatura's main content ------------------------
def _story_page(between: str) -> tuple[Any, list[Any]]:
    from bersih.extract.htmlpage import Page
    from bersih.model import Block

    first = [Block(f"{PROSE} Bagian pertama {n}.") for n in range(3)]
    second = [Block(f"{PROSE} Bagian kedua {n}.") for n in range(3)]
    blocks = (Block("Beranda"), *first, Block(between), *second, Block("Berita Terkait"))
    page = Page(blocks, (1.0, *[0.0] * 7, 1.0))
    return page, list(first)


def test_prose_continues_below_the_main_content_across_an_ad_label() -> None:
    """A story cut in chunks by ad slots: trafilatura may keep the first
    chunk only; the page's prose after "Advertisement" is the story's too."""
    from bersih.extract.htmlpage import compose

    page, main = _story_page("Advertisement")
    texts = [b.text for b in compose(page, main, None, dated=True).blocks]
    assert sum("Bagian kedua" in t for t in texts) == 3


def test_an_author_box_below_the_story_is_no_ad_break() -> None:
    from bersih.extract.htmlpage import compose

    page, main = _story_page("Tentang Penulis")
    texts = [b.text for b in compose(page, main, None, dated=True).blocks]
    assert not any("Bagian kedua" in t for t in texts)


def test_prose_continues_across_a_short_sentence_and_an_inline_promo() -> None:
    from bersih.extract.htmlpage import Page, compose
    from bersih.model import Block

    first = [Block(f"{PROSE} Bagian pertama {n}.") for n in range(3)]
    rest = [
        Block("Tetapi ada dua masalah besar di sini."),
        Block("BERLANGGANAN"),
        Block(f"{PROSE} Bagian kedua."),
    ]
    page = Page((*first, *rest), (0.0,) * 6)
    texts = [b.text for b in compose(page, first, None, dated=True).blocks]
    assert "Tetapi ada dua masalah besar di sini." in texts
    assert f"{PROSE} Bagian kedua." in texts


def test_a_lone_sentence_between_main_paragraphs_goes_back_in() -> None:
    """trafilatura's precision mode may drop a sentence that is partly a link;
    one sentence between two main paragraphs is the story's. A pull quote
    (repeating the story) and a headline link are not."""
    from bersih.extract.htmlpage import Page, compose
    from bersih.model import Block

    paras = [Block(f"{PROSE} Bagian {n}.") for n in range(4)]
    sentence = Block("Temuan itu diumumkan dalam jurnal Nature Astronomy pada Senin.")
    quote = Block(f"{PROSE} Bagian 0.")
    teaser = Block("Baca berita lain tentang jembatan baru di kota ini")
    page = Page(
        (paras[0], sentence, paras[1], quote, paras[2], teaser, paras[3]),
        (0.0, 0.4, 0.0, 0.0, 0.0, 1.0, 0.0),
    )
    texts = [b.text for b in compose(page, paras, None, dated=True).blocks]
    assert sentence.text in texts
    assert texts.count(quote.text) == 1
    assert teaser.text not in texts


def test_an_embedded_post_between_main_paragraphs_goes_back_in() -> None:
    from bersih.extract.htmlpage import Page, compose
    from bersih.model import Block, BlockType

    paras = [Block(f"{PROSE} Bagian {n}.") for n in range(2)]
    post = [
        Block("Yes this is real and the state spent half a million on it", BlockType.QUOTE),
        Block("— Dianna Anderson (@diannaeanderson) November 18, 2019", BlockType.QUOTE),
    ]
    page = Page((paras[0], *post, paras[1]), (0.0, 0.2, 0.3, 0.0))
    texts = [b.text for b in compose(page, paras, None, dated=True).blocks]
    assert all(b.text in texts for b in post)


@pytest.mark.parametrize(
    ("og", "title", "expected"),
    [
        # Blogger: the site's name on opposite sides of the two titles
        (
            "Restored 1911 bandstand returns to Millbrook Green | Millbrook Historical Society",
            "Millbrook Historical Society: Restored 1911 bandstand returns to Millbrook Green",
            "Restored 1911 bandstand returns to Millbrook Green",
        ),
        # a headline's own colon stays
        (
            "Harga Cabai Naik: Pedagang Mengeluh",
            "Harga Cabai Naik: Pedagang Mengeluh - Kabar Kota",
            "Harga Cabai Naik: Pedagang Mengeluh",
        ),
    ],
)
def test_title_from_two_titles_with_the_site_on_either_side(
    og: str, title: str, expected: str
) -> None:
    html = (
        f"<html><head><meta property='og:title' content='{og}'><title>{title}</title></head>"
        f"<body><h3>{expected}</h3><p>{PROSE}</p><p>{PROSE} Lagi.</p></body></html>"
    )
    assert clean(html).title == expected
