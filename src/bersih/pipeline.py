"""``clean()``: decode, extract, then a short loop over named stages."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from . import decode as decoding
from .detect import sniff_kind
from .errors import TimeLimitError, TooLargeError
from .extract.text import text_to_article
from .model import Article, Kind, Source, Step
from .options import Options
from .rules.boilerplate import classify
from .rules.features import detect_lang
from .rules.header import apply_header
from .rules.prune import prune, require_article

Stage = Callable[[Article, Options], Article]

#: Most blocks (paragraphs, lines) one document may have: the longest page of
#: the evaluation corpus has about 6,000 lines, and a million-line file is no
#: article (it would only run into the time limit, holding ~400 MB).
MAX_BLOCKS = 100_000
#: Most lines a text input may have (checked before any block is built, so a
#: million-line file is refused in constant memory): twice MAX_BLOCKS, as
#: pasted paragraphs are separated by blank lines.
MAX_LINES = 2 * MAX_BLOCKS


def _stage_lang(article: Article, options: Options) -> Article:
    if options.lang != "auto":
        return article.evolve(lang=options.lang)
    if article.lang:
        return article
    lang = detect_lang(article.body_text)
    return article.evolve(Step("lang", "detect", str(lang)), lang=lang)


def _stage_classify(article: Article, options: Options) -> Article:
    return article if article.verbatim else classify(article, options.skip)


def _stage_header(article: Article, options: Options) -> Article:
    return apply_header(article)


def _stage_prune(article: Article, options: Options) -> Article:
    return prune(article)


def _stage_require(article: Article, options: Options) -> Article:
    return require_article(article)


#: The named stages, in order (``--explain`` shows steps under these names).
STAGES: tuple[tuple[str, Stage], ...] = (
    ("lang", _stage_lang),
    ("classify", _stage_classify),
    ("header", _stage_header),
    ("prune", _stage_prune),
    ("require", _stage_require),
)


def clean(data: str | bytes, options: Options | None = None) -> Article:
    """Clean one article given as text or raw bytes.

    >>> sentence = "Kalimat yang cukup panjang dan berisi kata yang biasa untuk berita. "
    >>> article = clean("Judul Berita Contoh di Sini\\n\\nJAKARTA - " + sentence * 5)
    >>> article.dateline
    'JAKARTA'

    Raises ``NoArticleError`` (no article), ``InputError`` (unreadable or
    undecodable), ``TooLargeError`` (over a limit), ``TimeLimitError``.

    The time limit is checked between stages and, on POSIX in the main
    thread, also enforced inside a stage with a ``SIGALRM`` timer (so one
    pathological block or regex cannot run past it); the previous handler
    is restored afterwards, and a timer already running is left alone.
    """
    options = options or Options()
    with _time_limit(options.limits.time_limit):
        return _clean(data, options)


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise ``TimeLimitError`` in the main thread after ``seconds`` (0 = never)."""
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    )
    if not usable:
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise TimeLimitError(f"cleaning took longer than {seconds:g} s (raise it with --timeout)")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _clean(data: str | bytes, options: Options) -> Article:
    deadline = time.monotonic() + options.limits.time_limit if options.limits.time_limit else None
    encoding = None
    if isinstance(data, bytes):
        text, encoding = decoding.decode(data, options.limits, normalised=False)
    else:
        decoding.check_size(len(data), options.limits.max_bytes, "input")
        text = decoding.scrub(decoding.repair_mojibake(data))
    kind, reason = _kind(text, options)
    if kind is Kind.TEXT:  # markup is normalised text by text as it is read
        text = decoding.normalise(text)
    if kind is Kind.TEXT and text.count("\n") > MAX_LINES:
        raise TooLargeError(
            f"input has {text.count(chr(10))} lines, more than the {MAX_LINES} of any article"
        )
    article = _extract(text, kind, options)
    if len(article.blocks) > MAX_BLOCKS:
        raise TooLargeError(
            f"input has {len(article.blocks)} paragraphs or lines, more than the "
            f"{MAX_BLOCKS} of any article"
        )
    if article.verbatim:  # bersih's own output: its front matter names the source
        source = article.source._replace(kind=kind, encoding=encoding)
    else:
        source = Source(
            path=options.path,
            kind=kind,
            url=options.url or article.source.url,
            site=article.source.site,
            encoding=encoding,
        )
    article = article.evolve(Step("extract", f"kind.{kind.value}", reason), source=source)
    for _name, stage in STAGES:
        if deadline is not None and time.monotonic() > deadline:
            raise TimeLimitError(
                f"cleaning took longer than {options.limits.time_limit:g} s "
                "(raise it with --timeout)"
            )
        article = stage(article, options)
    return article


def _kind(text: str, options: Options) -> tuple[Kind, str]:
    if options.kind != "auto":
        return Kind(options.kind), f"--kind {options.kind}"
    return sniff_kind(text)


def _extract(text: str, kind: Kind, options: Options) -> Article:
    if kind is Kind.HTML:
        from .extract.html import html_to_article  # lazy: bs4/trafilatura

        return html_to_article(text, options)
    return text_to_article(text)
