"""Per-block features the classifier reads: the lexicon rule a block hits,
its length, sentence punctuation, stopword density and capitalisation."""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from .. import vocab
from . import patterns

#: Blocks longer than this (in words) never match a prefix/contains rule:
#: furniture is short, and a body sentence may start with "Sumber" or "Foto".
LEXICON_MAX_WORDS = 40
#: A section heading ("More in World") has at most this many words ...
HEADING_MAX_WORDS = 6
#: ... of which the section's name at most this many.
HEADING_NAME_MAX_WORDS = 3


class Features(NamedTuple):
    words: int
    stop_density: float
    terminal: bool
    titlelike: bool
    lexicon: str  # rule name of the lexicon entry hit, or ""


def features(text: str, lang: str | None) -> Features:
    stats = _stats(text, vocab.stopwords(lang or ""))
    n = stats.words
    return Features(
        words=n,
        stop_density=stats.stops / n if n and stats.stops else 0.0,
        terminal=bool(patterns.TERMINAL.search(text)),
        titlelike=stats.titlelike,
        lexicon=lexicon_rule(text, n),
    )


class _Stats(NamedTuple):
    words: int  # as ``word_count`` counts them
    stops: int
    titlelike: bool  # as ``is_titlelike`` decides


def _stats(text: str, stops: frozenset[str]) -> _Stats:
    """Word counts in one pass, a bounded chunk of words at a time: a 50 MB
    paragraph as one list of words would be millions of strings."""
    tokens = unspaced_tokens = stop = content = upper = 0
    first_upper = False
    unspaced = patterns.count_unspaced(text)
    for chunk in patterns.word_chunks(text):
        tokens += len(chunk)
        for token, count in Counter(chunk).items():
            if token.lower() in stops:
                stop += count
            if len(token) > 3 and not token.isdigit():
                first_upper = first_upper or (not content and token[:1].isupper())
                content += count
                upper += count if token[:1].isupper() else 0
            if unspaced and patterns.unspaced().search(token):
                unspaced_tokens += count
    words = tokens if not unspaced else tokens - unspaced_tokens + unspaced // 2
    titlelike = upper / content >= 0.7 if content >= 2 else content == 1 and first_upper
    return _Stats(words, stop, titlelike)


def word_count(text: str, tokens: list[str] | None = None) -> int:
    """Words, counting about two characters of an unspaced script as one."""
    if tokens is None:
        if patterns.count_unspaced(text):
            return _stats(text, frozenset()).words
        return sum(len(chunk) for chunk in patterns.word_chunks(text))
    unspaced = patterns.count_unspaced(text)
    if not unspaced:
        return len(tokens)
    exact = patterns.unspaced()
    return sum(1 for t in tokens if not exact.search(t)) + unspaced // 2


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
    rule = table["exact"].get(key) or table["exact"].get(key.rstrip(" .…,"))
    if rule:
        return rule  # "You may also like...", "Image caption,": a heading trailing off
    if words > LEXICON_MAX_WORDS:
        return ""
    if words <= HEADING_MAX_WORDS:
        rule = _section_heading(text, key, table["heading"])
        if rule:
            return rule
    found = patterns.lexicon_prefix().match(key)
    if found:
        return found[1]
    for phrase, phrase_rule in patterns.lexicon_contains():
        if phrase in key:
            return phrase_rule
    return ""


def _section_heading(text: str, key: str, phrases: dict[str, str]) -> str:
    """ "More in World", "Terpopuler di Regional", "More from the Los Angeles
    Times": a heading phrase, then a section name of capitalised words (not a
    sentence: "More people came" goes on in lower case)."""
    tokens = text.strip(" :»›|").split()
    for n in (3, 2, 1):
        rule = phrases.get(" ".join(tokens[:n]).lower()) if len(tokens) > n else None
        name = tokens[n + 1 :] if tokens[n : n + 1] in (["the"], ["The"]) else tokens[n:]
        if not rule or not name or len(name) > HEADING_NAME_MAX_WORDS:
            continue
        if all(_capitalised(t) for t in name):
            return rule
    return ""


def _capitalised(token: str) -> bool:
    return token[:1].isupper() or token == "&"


def detect_lang(text: str) -> str | None:
    """ "id", "en", or None: by counting function words in the first 20 KB."""
    tokens = patterns.WORD.findall(text[:20000].lower())
    if not tokens:
        return None
    counts = Counter(tokens)
    hits = {
        lang: sum(n for t, n in counts.items() if t in vocab.stopwords(lang))
        for lang in ("id", "en")
    }
    lang = max(hits, key=lambda k: hits[k])
    return lang if hits[lang] >= max(3, len(tokens) * 0.08) else None
