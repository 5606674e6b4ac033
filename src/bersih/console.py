"""Two consoles: data goes to stdout as plain text, messages to stderr."""

from __future__ import annotations

import sys
from functools import cache

from rich.console import Console
from rich.markup import escape


@cache
def err() -> Console:
    """The stderr console for messages, progress and explanations."""
    return Console(stderr=True, highlight=False, soft_wrap=True)


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


def warn(message: str) -> None:
    err().print(f"[yellow]bersih:[/] {escape(message)}")


def info(message: str) -> None:
    err().print(escape(message), style="dim")
