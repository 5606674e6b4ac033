"""Two consoles: data goes to stdout as plain text, messages to stderr.

rich is imported on the first message, not before: a clean run that prints
nothing but its data never loads it.
"""

from __future__ import annotations

import sys
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


@cache
def err() -> Console:
    """The stderr console for messages, progress and explanations."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def escape(message: str) -> str:
    """``message`` with rich markup characters escaped."""
    from rich.markup import escape as rich_escape

    return rich_escape(message)


def write_data(text: str) -> None:
    """Write output data to stdout untouched (never through rich markup)."""
    out = sys.stdout
    try:
        out.write(text)
        out.flush()
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, as cat does.
        sys.stderr.close()
        raise SystemExit(0) from None


def error(message: str) -> None:
    err().print(f"[bold red]bersih:[/] {escape(message)}")


def internal_error(exc: BaseException) -> None:
    """A bug in bersih, reported on one line (no traceback) for exit code 1."""
    detail = " ".join(str(exc).split())[:200]
    error(f"internal error: {type(exc).__name__}: {detail} (please report this with the input)")


def warn(message: str) -> None:
    err().print(f"[yellow]bersih:[/] {escape(message)}")


def info(message: str) -> None:
    err().print(escape(message), style="dim")
