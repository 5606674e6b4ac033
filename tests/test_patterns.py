"""No regular expression of bersih backtracks catastrophically.

Every compiled pattern in the package (module-level ``re.Pattern`` values,
found by walking ``bersih``, plus the ones ``rules/patterns.py`` builds from
the vocabularies) is run, the way the code runs it, over adversarial 100 KB
near-matches: long runs of the characters its syntax cares about, its own
literal fragments and pairs of them (``"<!--" + "-->"``), each with and
without a character that makes the final match fail. Each run must take
less than ``MAX_SECONDS``; a run that would hang is cut off by an alarm and
reported with its input.

Then the rule functions that combine the patterns (lexicon key, bylines,
dates, datelines, titles, tags, block features) get the same treatment.
"""

from __future__ import annotations

import importlib
import itertools
import pkgutil
import re
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bersih
from bersih.rules import patterns

#: Input size of each adversarial string, in characters.
SIZE = 100_000
#: Longest a pattern may take on one input, in seconds.
MAX_SECONDS = 1.0
#: A run is interrupted after this many seconds (a hang becomes a failure).
ALARM_SECONDS = 3.0
#: Slow inputs reported per pattern before giving up on it.
MAX_REPORTED = 2

SRC = Path(bersih.__file__).resolve().parent
# Modules not scanned: they start processes or only wire the command line.
SKIP_MODULES = ("bersih.__main__", "bersih.cli")

#: Patterns whose callers only ever give them a bounded prefix of the text.
BOUNDED_INPUT: dict[str, int] = {
    "bersih.detect._DOCTYPE": 4096,  # detect.SNIFF_CHARS
    "bersih.detect._HTML_OPEN": 4096,
    "bersih.detect._TAG": 4096,
    "bersih.rules.patterns.DATELINE_SITE_FIRST": 90,  # header.DATELINE_MAX_CHARS + 20
    "bersih.rules.patterns.DATELINE_SITE_ONLY": 90,
    "bersih.rules.patterns.DATELINE_PLACE_FIRST": 90,
    "bersih.rules.patterns.DATELINE_AGENCY_ONLY": 90,
    "bersih.rules.patterns.DATELINE_CAPS_DOT": 90,
    "bersih.rules.patterns.DATELINE_NO_DASH": 90,
    "bersih.decode._CHARSET_DECL": 64 * 1024,  # decode.DETECT_PREFIX_BYTES
}

# Runs of these: whitespace, brackets, word characters, punctuation, digits,
# separators, markup, mojibake and the furniture words the patterns look for.
UNITS = (
    " ", "\t", "\u00a0", "\n", "a", "A", "1", ".", ",", ":", ";", "-", "–", "/", "|",
    "(", ")", "[", "#", "*", "@", '"', "”", "<", ">", "a ", "A ", "A.", "a.", "1/", "1-",
    "1 ", "(a", "a/", "a@", " -", "- ", ". ", ": ", ", ", "A-", "# a", "<!---->", "â€",
    "Ã©", "Penulis: ", "14 Agustus 20", "JAKARTA, ", "Halaman ", "Baca juga: ", "A'B ",
    "-->", "<a ", "a.co", "(a/b", "Senin, 1",
)  # fmt: skip
#: Characters appended to make a near-match fail at the very end.
BREAKER = "x\x00!"
#: A start that lets an anchored pattern get going, then a long run of one
#: character and a breaker ("# a" + "#" * n + "x" for a heading pattern).
PREFIXES = ("# a", "a", "A ", "(a", "1 ", "Penulis: A")
PREFIX_RUNS = (" ", "a", "#", ".", "1", ":", "(", "-", "*")


def _discover() -> dict[str, re.Pattern[Any]]:
    found: dict[str, re.Pattern[Any]] = {}
    for info in pkgutil.walk_packages(bersih.__path__, "bersih."):
        if info.name in SKIP_MODULES or "batch" in info.name:
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found.setdefault(f"{info.name}.{name}", value)
    for builder in ("date_patterns", "end_marker", "byline_label"):
        built = getattr(patterns, builder, None)
        if built is None:
            continue
        value = built()
        for i, pattern in enumerate(value if isinstance(value, tuple) else (value,)):
            if isinstance(pattern, re.Pattern):
                found[f"patterns.{builder}()[{i}]"] = pattern
    return found


PATTERNS = _discover()
_SOURCE = "\n".join(p.read_text(encoding="utf-8") for p in SRC.rglob("*.py"))


def _match_only(name: str) -> bool:
    """True when the code only ever calls ``.match``/``.fullmatch`` on it."""
    short = name.rsplit(".", 1)[-1]
    if not short.isidentifier():
        return False
    methods = set(re.findall(rf"\b{re.escape(short)}\.(\w+)\(", _SOURCE))
    return bool(methods) and methods <= {"match", "fullmatch"}


def _literals(pattern: re.Pattern[Any]) -> list[str]:
    """The pattern's literal fragments, in order ("<!--", "-->", "doctype")."""
    if isinstance(pattern.pattern, bytes):
        return []
    try:
        tree = re._parser.parse(pattern.pattern, pattern.flags)  # type: ignore[attr-defined]
    except Exception:  # private API: no fragments rather than no test
        return []
    fragments: list[str] = []

    def walk(items: Any) -> None:
        run = ""
        for op, arg in items:
            if str(op) == "LITERAL":
                run += chr(arg)
                continue
            if len(run) > 1:
                fragments.append(run)
            run = ""
            for sub in arg if isinstance(arg, (list, tuple)) else ():
                if isinstance(sub, re._parser.SubPattern):  # type: ignore[attr-defined]
                    walk(sub)
                elif isinstance(sub, (list, tuple)):
                    for part in sub:
                        if isinstance(part, re._parser.SubPattern):  # type: ignore[attr-defined]
                            walk(part)
        if len(run) > 1:
            fragments.append(run)

    walk(tree)
    return list(dict.fromkeys(fragments))[:12]


def _inputs(pattern: re.Pattern[Any], size: int, anchored: bool) -> Iterator[tuple[str, str]]:
    """Runs of each unit, then a breaker; for patterns that only match at the
    start, a prefix that gets them going before the run."""
    literals = _literals(pattern)
    pairs = [a + b for a, b in itertools.pairwise(literals)]
    units = [*UNITS, *literals, *pairs, *(lit + " " for lit in literals)]
    for unit in dict.fromkeys(units):
        run = (unit * (size // len(unit) + 1))[:size]
        yield f"{unit!r}*{size}+{BREAKER!r}", run + BREAKER
    if not anchored:
        return  # a search meets every prefix inside the runs above
    for prefix in dict.fromkeys([*literals[:4], *PREFIXES]):
        for unit in PREFIX_RUNS:
            yield f"{prefix!r}+{unit!r}*{size}", prefix + unit * size + BREAKER


class Hang(Exception):
    """A pattern ran past ALARM_SECONDS."""


@contextmanager
def alarm(seconds: float) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (regex matching checks signals)."""
    if not hasattr(signal, "setitimer"):
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise Hang

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    try:
        with alarm(ALARM_SECONDS):
            run()
    except Hang:
        return float("inf")
    return time.perf_counter() - start


def _runner(pattern: re.Pattern[Any], text: str, match_only: bool) -> Callable[[], object]:
    """One ``match`` (how the code uses it), or every match across the text."""
    data: Any = text.encode("utf-8") if isinstance(pattern.pattern, bytes) else text
    if match_only:
        return lambda: pattern.match(data)
    return lambda: pattern.subn(data[:0], data)


def test_patterns_were_found() -> None:
    assert len(PATTERNS) > 30
    assert any(name.startswith("bersih.decode.") for name in PATTERNS)
    assert any(name.startswith("patterns.date_patterns") for name in PATTERNS)


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_is_linear_on_near_matches(name: str) -> None:
    pattern = PATTERNS[name]
    size = BOUNDED_INPUT.get(name, SIZE)
    match_only = _match_only(name)
    anchored = match_only or pattern.pattern[:1] in ("^", b"^")
    slow = []
    for label, text in _inputs(pattern, size, anchored):
        seconds = _timed(_runner(pattern, text, match_only))
        if seconds > MAX_SECONDS:
            slow.append(f"{label}: {seconds:.2f} s")
            if len(slow) == MAX_REPORTED:
                break  # a hang costs ALARM_SECONDS each: two examples are enough
    assert not slow, f"{name} ({pattern.pattern!r}) backtracks:\n" + "\n".join(slow[:5])


def test_the_bounded_prefixes_are_the_ones_the_code_uses() -> None:
    from bersih import decode, detect
    from bersih.rules import header

    assert BOUNDED_INPUT["bersih.detect._DOCTYPE"] == detect.SNIFF_CHARS
    assert BOUNDED_INPUT["bersih.rules.patterns.DATELINE_NO_DASH"] == header.DATELINE_MAX_CHARS + 20
    assert BOUNDED_INPUT["bersih.decode._CHARSET_DECL"] == decode.DETECT_PREFIX_BYTES


# --- the rule functions that combine patterns --------------------------------------
def _rule_functions() -> dict[str, Callable[[str], object]]:
    from bersih import detect
    from bersih.render import markdown
    from bersih.rules import byline, dates, features, header

    return {
        "lexicon_key": patterns.lexicon_key,
        "lexicon_rule": lambda t: features.lexicon_rule(t, 3),
        "features": lambda t: features.features(t, "id"),
        "parse_byline": byline.parse_byline,
        "is_person_name": byline.is_person_name,
        "find_date": dates.find_date,
        "is_date_line": dates.is_date_line,
        "match_dateline": header.match_dateline,
        "clean_title": header.clean_title,
        "sniff_kind": detect.sniff_kind,
        "escape_inline": markdown.escape_inline,
    }


RULE_INPUTS = (
    "Penulis: " + "a" * SIZE,
    "Penulis: " + "(" * SIZE,
    "Penulis: " + "a " * (SIZE // 2) + "x",
    "Editor: Budi" + " " * SIZE + "x",
    ":" * SIZE + "x",
    " " * SIZE + "x",
    "Judul" + " " * SIZE + "Halaman",
    "<!---->" * (SIZE // 7) + "x",
    "14 Agustus " * (SIZE // 11),
    "JAKARTA " * (SIZE // 8),
    "Tags: " + " ," * (SIZE // 2),
    "a@" * (SIZE // 2),
    "# a" + "#" * SIZE + "x",
    "[" * SIZE + "]:",
    "<" * SIZE,
)


@pytest.mark.parametrize("function", sorted(_rule_functions()))
def test_rule_function_is_linear_on_near_matches(function: str) -> None:
    run = _rule_functions()[function]
    slow = []
    for text in RULE_INPUTS:
        seconds = _timed(lambda text=text: run(text))  # type: ignore[misc]
        if seconds > MAX_SECONDS:
            slow.append(f"{text[:30]!r}... ({len(text)} chars): {seconds:.2f} s")
    assert not slow, f"{function} is slow on:\n" + "\n".join(slow)


def _longest_prefix(phrases: dict[str, str], key: str) -> tuple[str, str] | None:
    """The definition: the longest phrase the key starts with at a word boundary."""
    found = [
        (p, v)
        for p, v in phrases.items()
        if key.startswith(p)
        and (len(p) == len(key) or not p[-1].isalnum() or not key[len(p)].isalnum())
    ]
    return max(found, key=lambda pv: len(pv[0])) if found else None


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(st.text("ab :+©-", min_size=1, max_size=6), st.just("rule"), max_size=12),
    st.text("ab :+©-", max_size=10),
)
def test_prefix_table_finds_the_longest_phrase_at_a_word_boundary(
    phrases: dict[str, str], key: str
) -> None:
    from bersih.rules.patterns import PrefixTable

    assert PrefixTable(phrases).match(key) == _longest_prefix(phrases, key)
