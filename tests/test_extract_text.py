"""Plain text -> blocks."""

from __future__ import annotations

from bersih.extract.text import text_to_article
from bersih.model import BlockType


def blocks(text: str) -> list[tuple[BlockType, str]]:
    return [(b.type, b.text) for b in text_to_article(text).blocks]


def test_dedent_and_paragraphs() -> None:
    text = "Judul\n\n    Paragraf satu.\n\n    Paragraf dua."
    assert [t for _, t in blocks(text)] == ["Judul", "Paragraf satu.", "Paragraf dua."]


def test_hard_wrapped_paragraph_is_joined() -> None:
    text = (
        "The county library says it has won back more than 3,000 lapsed\n"
        "cardholders in the six months since it stopped charging fines for\n"
        "overdue books, a result officials say justifies the new policy.\n"
    )
    assert len(blocks(text)) == 1


def test_headline_over_date_is_not_joined() -> None:
    text = "Kemenkes dorong puskesmas perluas skrining jiwa remaja\nRabu, 5 Juni 2024 14:30 WIB"
    assert len(blocks(text)) == 2


def test_one_line_per_paragraph_stays_apart() -> None:
    text = "Kapolda: Polisi di Malut Siaga\njpnn.com, TERNATE - Insiden pembakaran terjadi kemarin."
    assert len(blocks(text)) == 2


def test_items_headings_and_quotes() -> None:
    text = "## Sejarah\n\n- Timbal (Pb)\n• Merkuri (Hg)\n1. Kelurahan Bangka\n\n> Kutipan penting."
    kinds = blocks(text)
    assert kinds[0] == (BlockType.HEADING, "Sejarah")
    assert kinds[1:4] == [
        (BlockType.ITEM, "Timbal (Pb)"),
        (BlockType.ITEM, "Merkuri (Hg)"),
        (BlockType.ITEM, "Kelurahan Bangka"),
    ]
    assert kinds[4] == (BlockType.QUOTE, "Kutipan penting.")


def test_own_front_matter_is_read_back() -> None:
    text = (
        '---\ntitle: "A: b"\nauthors: ["X Y"]\neditors: []\ndate: "2024-01-02"\ndateline: null\n'
        'agency: null\nsource: "https://example.com/a"\nsite: null\nlang: "en"\ntags: []\n'
        'generator: "bersih"\n---\n\n# A: b\n\nBody.\n'
    )
    article = text_to_article(text)
    assert article.verbatim
    assert (article.title, article.authors, article.date) == ("A: b", ("X Y",), "2024-01-02")
    assert article.source.url == "https://example.com/a"


def test_foreign_front_matter_is_just_text() -> None:
    article = text_to_article("---\ntitle: x\n---\n\nBody text here.")
    assert not article.verbatim
