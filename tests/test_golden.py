"""Golden articles written for bersih (``fixtures/*/``): every field of the
hand-written truth must come out of the cleaner."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bersih import NoArticleError, clean, render_markdown, render_text
from bersih.render.json import to_dict
from helpers import SHARED, fixture_cases, load_truth

WORD = re.compile(r"\w+")
TEXT_CASES = fixture_cases("txt")
# Known failures, each with its cause; strict, so a fix makes them fail loudly.
KNOWN: dict[str, str] = {}


def _ids(cases: list[Path]) -> list[str]:
    return [c.name for c in cases]


def _mark(case: Path) -> list[pytest.MarkDecorator]:
    reason = KNOWN.get(case.name)
    return [pytest.mark.xfail(reason=reason, strict=True)] if reason else []


@pytest.mark.parametrize("case", [pytest.param(c, marks=_mark(c), id=c.name) for c in TEXT_CASES])
def test_text_fixture(case: Path) -> None:
    truth = load_truth(case)
    data = (case / "input.txt").read_bytes()
    if truth["body"] == "":
        with pytest.raises(NoArticleError):
            clean(data)
        return
    article = clean(data)
    got = to_dict(article)
    for key in ("title", "authors", "editors", "date", "dateline", "agency"):
        assert got[key] == truth[key], key
    assert got["body"] == truth["body"]
    for bad in truth.get("must_not_contain", []):  # type: ignore[union-attr]
        assert bad not in got["body"]


@pytest.mark.parametrize(
    "case", [c for c in TEXT_CASES if c.name not in KNOWN], ids=lambda c: c.name
)
def test_cleaning_twice_changes_nothing(case: Path) -> None:
    data = (case / "input.txt").read_bytes()
    try:
        first = clean(data)
    except NoArticleError:
        return
    markdown = render_markdown(first)
    assert render_markdown(clean(markdown)) == markdown
    text = render_text(first)
    assert render_text(clean(text)) == text


def test_seed_article_is_clean() -> None:
    """The page that started it all (kept in ../shared, never copied here)."""
    seed = SHARED / "seed" / "ponorogo.txt"
    if not seed.exists():
        pytest.skip("../shared/seed is not beside the checkout")
    article = clean(seed.read_bytes())
    assert (
        article.title == "Cegah TTPO Polres Ponorogo Gelar Seminar Ajak Sinergitas Berbagai Pihak"
    )
    assert article.authors == ("Achmad Sarjono",)
    assert article.dateline == "PONOROGO"
    assert article.date is None
    body = to_dict(article)["body"]
    assert body.startswith("Masih maraknya Tindak Pidana")
    assert body.endswith('"pungkasnya.')
    for furniture in ("Artikel Sebelumnya", "Rekomendasi", "Ikuti Kami", "Achmad Sarjono", "(*)"):
        assert furniture not in body
    assert WORD.findall(body)[-1] == "pungkasnya"
