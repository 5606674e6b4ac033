"""One frozen ``Options`` value carries every setting through the pipeline."""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

#: Default maximum input size in bytes (``--max-size``): 50 MiB covers the
#: largest saved portal pages we have seen (~5 MB) with a wide margin.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
#: Default maximum size after gzip decompression (``--max-size`` applies too):
#: a bomb is refused when it would grow past this.
DEFAULT_MAX_DECOMPRESSED = 100 * 1024 * 1024
#: Default per-document time limit in seconds (``--timeout``).
DEFAULT_TIME_LIMIT = 30.0


class Limits(NamedTuple):
    """Size and time caps.

    max_bytes: refuse inputs larger than this many bytes (exit 3).
    max_decompressed: refuse gzip inputs that expand past this many bytes.
    time_limit: seconds allowed for one document (0 = no limit).
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    max_decompressed: int = DEFAULT_MAX_DECOMPRESSED
    time_limit: float = DEFAULT_TIME_LIMIT


class Options(NamedTuple):
    """How to clean one document.

    kind: "auto", "text" or "html": how to read the input (auto sniffs it).
    lang: "auto", "id" or "en": the language whose vocabulary is trusted most.
    links: keep links in the Markdown body (HTML input only).
    url: the source URL to record (for stdin input).
    path: the input's path, recorded in ``source.path``.
    skip: rule names to switch off (``--skip RULE``).
    limits: size and time caps.
    """

    kind: str = "auto"
    lang: str = "auto"
    links: bool = False
    url: str | None = None
    path: str | None = None
    skip: frozenset[str] = frozenset()
    limits: Limits = Limits()


class KindChoice(StrEnum):
    """``--kind``: how to read the input."""

    AUTO = "auto"
    TEXT = "text"
    HTML = "html"


class LangChoice(StrEnum):
    """``--lang``: whose vocabulary to trust most."""

    AUTO = "auto"
    ID = "id"
    EN = "en"
