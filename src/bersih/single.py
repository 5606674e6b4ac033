"""One document from a file or stdin to stdout or a file: the work behind
``bersih clean FILE``, shared by the full command line (``cli``) and the
quick entry (``quick``). No typer here, so the quick entry never loads it."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

from .console import info, write_data
from .model import Article, Format
from .options import Options


@dataclass
class Env:
    """The process's I/O, injectable so tests can simulate a pipe or a terminal."""

    stdin: BinaryIO = field(default_factory=lambda: sys.stdin.buffer)
    stdin_isatty: bool = field(default_factory=lambda: sys.stdin.isatty())
    stderr_isatty: bool = field(default_factory=lambda: sys.stderr.isatty())


def run_one(
    path: str | None,
    fmt: Format,
    output: Path | None,
    options: Options,
    env: Env,
    *,
    explain: bool = False,
    verbose: bool = False,
) -> None:
    """Read ``path`` (``None`` or ``"-"``: stdin), clean, render, write.

    Raises ``BersihError`` subclasses for the caller to report.
    """
    from .pipeline import clean
    from .render import render
    from .sources import read_path, read_stream, write_atomic

    if path is None or path == "-":
        data = read_stream(env.stdin, options.limits.max_bytes)
        name = None
    else:
        data = read_path(Path(path), options.limits.max_bytes)
        name = path
    article = clean(data, replace(options, path=name))
    if verbose:
        _report_choices(article)
    if explain:
        _explain(article)
    text = render(article, fmt)
    if output is None:
        write_data(text)
    else:
        write_atomic(output, text)


def _report_choices(article: Article) -> None:
    for step in article.steps:
        if step.stage in ("extract", "lang"):
            info(f"{step.stage}: {step.rule} ({step.detail})")


def _explain(article: Article) -> None:
    for step in article.steps:
        info(f"[{step.stage}] {step.rule}: {step.detail}")
