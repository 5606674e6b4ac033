"""What ``bersih clean`` does once its arguments are read: one document from
a file or stdin to stdout or a file, or many through ``batch``. Shared by the
full command line (``cli``, typer) and the quick entry (``quick``); no typer
here, so the quick entry never loads it."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO, NamedTuple

from .console import info, write_data
from .errors import UsageError
from .model import Article, Format
from .options import Options


class Env:
    """The process's I/O, injectable so tests can simulate a pipe or a terminal."""

    __slots__ = ("stderr_isatty", "stdin", "stdin_isatty")

    def __init__(
        self,
        stdin: BinaryIO | None = None,
        stdin_isatty: bool | None = None,
        stderr_isatty: bool | None = None,
    ) -> None:
        self.stdin: BinaryIO = sys.stdin.buffer if stdin is None else stdin
        self.stdin_isatty = sys.stdin.isatty() if stdin_isatty is None else stdin_isatty
        self.stderr_isatty = sys.stderr.isatty() if stderr_isatty is None else stderr_isatty


class Request(NamedTuple):
    """A ``bersih clean`` call, as either parser read it (fields as the options)."""

    paths: tuple[str, ...]
    fmt: Format
    options: Options
    output: Path | None = None
    explain: bool = False
    verbose: bool = False
    jobs: int = 0
    force: bool = False
    dry_run: bool = False
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    report: Path | None = None
    quiet: bool = False


def execute(request: Request, env: Env) -> int:
    """Run ``request``; return the exit code (raises ``BersihError``)."""
    if is_batch(request.paths):
        if request.explain:
            raise UsageError("--explain shows one article's removals: give one input")
        if request.options.url:
            raise UsageError("--url names one article's source: give one input")
        from .batch import BatchPlan, run_batch  # lazy: pools and progress bars

        plan = BatchPlan(
            inputs=[Path(p) for p in request.paths],
            output=request.output,
            fmt=request.fmt,
            options=request.options,
            jobs=request.jobs,
            force=request.force,
            dry_run=request.dry_run,
            include=request.include,
            exclude=request.exclude,
            report=request.report,
            quiet=request.quiet,
            verbose=request.verbose,
            progress=env.stderr_isatty and not request.quiet,
        )
        return int(run_batch(plan))
    path = request.paths[0] if request.paths else None
    run_one(
        path,
        request.fmt,
        request.output,
        request.options,
        env,
        explain=request.explain,
        verbose=request.verbose,
    )
    return 0


def is_batch(paths: tuple[str, ...]) -> bool:
    """Many inputs, or one folder."""
    if len(paths) > 1:
        return True
    return bool(paths) and paths[0] != "-" and Path(paths[0]).is_dir()


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
    article = clean(data, options._replace(path=name))
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
