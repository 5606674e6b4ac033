"""bersih's own errors and the exit codes they map to.

The library raises only these; ``cli.py`` is the one place that turns them
into exit codes. Anything else escaping the library is a bug (exit 1).
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes, documented in ``--help`` and the README."""

    OK = 0
    INTERNAL = 1
    USAGE = 2
    UNREADABLE = 3
    NO_ARTICLE = 4
    PARTIAL = 5
    INTERRUPTED = 130


class BersihError(Exception):
    """Base class: a one-line, user-facing reason and its exit code."""

    exit_code: ExitCode = ExitCode.INTERNAL

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class UsageError(BersihError):
    """Bad combination of options or arguments."""

    exit_code = ExitCode.USAGE


class InputError(BersihError):
    """The input cannot be read or decoded (binary, missing, unreadable)."""

    exit_code = ExitCode.UNREADABLE


class TooLargeError(InputError):
    """The input (or its decompressed form) is over a configured limit."""


class TimeLimitError(InputError):
    """Cleaning one document took longer than the per-document time limit."""


class NoArticleError(BersihError):
    """The input holds no article (an index, tag, category or search page)."""

    exit_code = ExitCode.NO_ARTICLE


class OutputError(BersihError):
    """The result could not be written (permission, disk full, bad path)."""

    exit_code = ExitCode.UNREADABLE
