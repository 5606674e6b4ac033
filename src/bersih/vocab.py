"""Load the rule vocabularies in ``data/*.txt`` (once, lazily, cached).

Each file has one entry a line, ``#`` comments, and optional ``[section]``
headers; the loaders here turn them into plain Python collections. The
regular expressions built from them live in ``rules/patterns.py``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

#: Where the vocabulary files live (package data, installed with bersih).
DATA_DIR = Path(__file__).parent / "data"


def _lines(name: str) -> list[str]:
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    out = []
    for raw in text.splitlines():
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        out.append(line.strip() if "\t" not in line else line.strip(" "))
    return out


@cache
def sections(name: str) -> dict[str, tuple[str, ...]]:
    """Entries of a sectioned file, keyed by section name (``""`` = none);
    read once per process (callers ask per page or per block)."""
    result: dict[str, list[str]] = {}
    current = ""
    for line in _lines(name):
        if line.startswith("[") and line.endswith("]") and len(line) > 2:
            current = line[1:-1]
            result.setdefault(current, [])
            continue
        result.setdefault(current, []).append(line)
    return {key: tuple(entries) for key, entries in result.items()}


@cache
def words(name: str) -> frozenset[str]:
    """A flat word list (lower case)."""
    return frozenset(line.lower() for line in _lines(name))


@cache
def boilerplate() -> dict[str, dict[str, str]]:
    """``{"exact"|"prefix"|"contains"|"heading": {phrase: rule}}`` from boilerplate.txt."""
    table: dict[str, dict[str, str]] = {"exact": {}, "prefix": {}, "contains": {}, "heading": {}}
    for header, entries in sections("boilerplate.txt").items():
        mode, _, rule = header.partition(":")
        for phrase in entries:
            table[mode].setdefault(phrase.lower(), rule)
    return table


@cache
def byline_labels() -> dict[str, str]:
    """``{label: "author"|"editor"}`` from byline.txt."""
    labels: dict[str, str] = {}
    for role in ("author", "editor"):
        for label in sections("byline.txt")[role]:
            labels[label.lower()] = role
    return labels


@cache
def calendar() -> tuple[dict[str, int], dict[str, int]]:
    """``(months, weekdays)``: name -> number, from dates.txt."""
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    data = sections("dates.txt")
    for target, key in ((months, "month"), (weekdays, "weekday")):
        for entry in data.get(key, []):
            number, _, name = entry.partition("\t")
            target[name.strip().lower()] = int(number)
    return months, weekdays


@cache
def date_labels() -> frozenset[str]:
    """Words labelling a date line ("Published On"), from dates.txt."""
    return frozenset(w.lower() for w in sections("dates.txt").get("label", []))


@cache
def stopwords(lang: str) -> frozenset[str]:
    """Function words of ``lang`` ("id", "en"); other languages: empty."""
    if lang not in ("id", "en"):
        return frozenset()
    return words(f"stopwords_{lang}.txt")
