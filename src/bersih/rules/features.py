"""Per-block features the classifier reads: the lexicon rule a block hits,
its length, sentence punctuation, stopword density and capitalisation."""

from __future__ import annotations

from dataclasses import dataclass

from .. import vocab
from . import patterns

#: Blocks longer than this (in words) never match a prefix/contains rule:
#: furniture is short, and a body sentence may start with "Sumber" or "Foto".
LEXICON_MAX_WORDS = 40


@dataclass(frozen=True)
class Features:
    words: int
    stop_density: float
    terminal: bool
    titlelike: bool
    lexicon: str  # rule name of the lexicon entry hit, or ""


def features(text: str, lang: str | None) -> Features:
    tokens = patterns.WORD.findall(text)
    n = word_count(text, tokens)
    stops = vocab.stopwords(lang or "")
    density = sum(1 for t in tokens if t.lower() in stops) / n if n and stops else 0.0
    return Features(
        words=n,
        stop_density=density,
        terminal=bool(patterns.TERMINAL.search(text)),
        titlelike=is_titlelike(tokens),
        lexicon=lexicon_rule(text, n),
    )


def word_count(text: str, tokens: list[str] | None = None) -> int:
    """Words, counting about two characters of an unspaced script as one."""
    tokens = patterns.WORD.findall(text) if tokens is None else tokens
    unspaced = len(patterns.UNSPACED.findall(text))
    if not unspaced:
        return len(tokens)
    return sum(1 for t in tokens if not patterns.UNSPACED.search(t)) + unspaced // 2


def is_titlelike(tokens: list[str]) -> bool:
    """Most content words capitalised, as in a headline or a menu."""
    content = [t for t in tokens if len(t) > 3 and not t.isdigit()]
    if len(content) < 2:
        return bool(content) and content[0][:1].isupper()
    upper = sum(1 for t in content if t[:1].isupper())
    return upper / len(content) >= 0.7


def lexicon_rule(text: str, words: int) -> str:
    key = patterns.lexicon_key(text)
    if not key:
        return ""
    table = vocab.boilerplate()
    rule = table["exact"].get(key)
    if rule:
        return rule
    if words > LEXICON_MAX_WORDS:
        return ""
    found = patterns.lexicon_prefix().match(key)
    if found:
        return found[1]
    for phrase, phrase_rule in patterns.lexicon_contains():
        if phrase in key:
            return phrase_rule
    return ""


def detect_lang(text: str) -> str | None:
    """ "id", "en", or None: by counting function words in the first 20 KB."""
    tokens = [t.lower() for t in patterns.WORD.findall(text[:20000])]
    if not tokens:
        return None
    hits = {lang: sum(1 for t in tokens if t in vocab.stopwords(lang)) for lang in ("id", "en")}
    lang = max(hits, key=lambda k: hits[k])
    return lang if hits[lang] >= max(3, len(tokens) * 0.08) else None
