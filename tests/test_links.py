"""``--links``: links from HTML kept in the Markdown body, safely."""

from __future__ import annotations

from bersih import Options, clean, render_markdown
from bersih.render.json import to_dict

SENTENCE = (
    "Pemerintah kota menyatakan bahwa pembangunan jembatan baru di atas sungai itu akan selesai "
    "pada akhir tahun ini, dan warga sekitar diharapkan dapat menggunakannya setiap hari. "
)
PAGE = f"""<!doctype html><html><head><title>Jembatan Baru Selesai Akhir Tahun</title></head>
<body><article><h1>Jembatan Baru Selesai Akhir Tahun</h1>
<p>JAKARTA - {SENTENCE}Menurut <a href="https://example.org/dinas">Dinas Pekerjaan Umum</a>,
anggaran sudah tersedia dan <a href="javascript:alert(1)">tender</a> selesai bulan lalu.</p>
<p>{SENTENCE}</p><p>{SENTENCE}</p></article></body></html>"""


def test_links_kept_with_the_option() -> None:
    markdown = render_markdown(clean(PAGE, Options(links=True)))
    assert "[Dinas Pekerjaan Umum](https://example.org/dinas)" in markdown
    assert "javascript:" not in markdown


def test_no_links_by_default() -> None:
    article = clean(PAGE)
    assert "](" not in render_markdown(article)
    assert "Dinas Pekerjaan Umum" in to_dict(article)["body"]


def test_plain_body_and_idempotence_with_links() -> None:
    article = clean(PAGE, Options(links=True))
    assert "](" not in to_dict(article)["body"]
    markdown = render_markdown(article)
    assert render_markdown(clean(markdown)) == markdown


RELATIVE = PAGE.replace(
    "<title>",
    '<link rel="canonical" href="https://kota.example/berita/2024/jembatan"><title>',
).replace("https://example.org/dinas", "/dinas/pu")


def test_relative_links_resolved_against_the_canonical_url() -> None:
    markdown = render_markdown(clean(RELATIVE, Options(links=True)))
    assert "[Dinas Pekerjaan Umum](https://kota.example/dinas/pu)" in markdown


def test_url_option_is_the_base_for_relative_links() -> None:
    page = PAGE.replace("https://example.org/dinas", "../dinas/pu")
    options = Options(links=True, url="https://portal.example/a/b/berita.html")
    markdown = render_markdown(clean(page, options))
    assert "[Dinas Pekerjaan Umum](https://portal.example/a/dinas/pu)" in markdown


def test_relative_links_without_an_address_are_left_out() -> None:
    page = PAGE.replace("https://example.org/dinas", "/dinas/pu")
    markdown = render_markdown(clean(page, Options(links=True)))
    assert "](" not in markdown and "Dinas Pekerjaan Umum" in markdown
