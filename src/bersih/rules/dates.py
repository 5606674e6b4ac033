"""Publication dates: find one in a header line and normalise it to ISO."""

from __future__ import annotations

import datetime as dt
import re

from .. import recache, vocab
from . import patterns

#: A line is "a date line" when the date covers at least this share of it
#: (weekday, time and zone words included): "Senin, 14 Agustus 2023 10:15 WIB".
DATE_LINE_SHARE = 0.5
_TIME_ZONE = recache.compile(
    r"\b(?:\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:am|pm)?|wib|wita|wit|gmt|utc|est|edt|pst|pdt|bst|cet)\b",
    re.I,
)
# An event date inside a sentence: "Senin (14/8/2023)", "(14/11)".
_EVENT_DATE = recache.compile(r"\(\s*\d{1,2}/\d{1,2}(?:/\d{2,4})?\s*\)")


def find_date(text: str) -> tuple[str, tuple[int, int]] | None:
    """The first date in ``text`` as ``(ISO date, span)``, or None."""
    months, _ = vocab.calendar()
    cleaned = _EVENT_DATE.sub(lambda m: " " * len(m.group()), text)
    for pattern in patterns.date_patterns():
        for match in pattern.finditer(cleaned):
            iso = _iso(match.groupdict(), months)
            if iso:
                return iso, match.span()
    return None


def _iso(parts: dict[str, str | None], months: dict[str, int]) -> str | None:
    month_text = (parts.get("m") or "").lower().rstrip(".")
    month = int(month_text) if month_text.isdigit() else months.get(month_text)
    try:
        date = dt.date(int(parts["y"] or 0), month or 0, int(parts["d"] or 0))
    except (TypeError, ValueError):
        return None
    return date.isoformat()


def is_day_and_month(text: str) -> bool:
    """True for a date without its year: "March 5", "5 Maret", "Wed, Nov 5"."""
    months, weekdays = vocab.calendar()
    words = [w.lower() for w in patterns.WORD.findall(text)]
    return any(w in months for w in words) and all(
        w in months or w in weekdays or (w.isdigit() and int(w) <= 31) for w in words
    )


def is_date_line(text: str) -> bool:
    """True when a line is mostly a date (plus weekday, time and zone)."""
    found = find_date(text)
    if not found:
        return False
    _, weekdays = vocab.calendar()
    start, end = found[1]
    rest = text[:start] + " " + text[end:]
    rest = _TIME_ZONE.sub(" ", rest)
    labels = vocab.date_labels()
    leftover = [
        w
        for w in patterns.WORD.findall(rest)
        if w.lower() not in weekdays and w.lower() not in labels
    ]
    covered = len(text) - sum(len(w) + 1 for w in leftover)
    return covered / max(len(text), 1) >= DATE_LINE_SHARE
