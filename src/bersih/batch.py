"""Many inputs at once: ``bersih clean IN/ -o OUT/`` and ``-f jsonl`` pipelines.

``run_batch(plan)`` plans the run (``batch_plan``: walk, map, refuse unsafe
plans before writing anything), skips outputs already newer than their input
(unless ``--force``), cleans the rest in worker processes (``batch_pool``),
and ends with a summary on stderr and, with ``--report``, a JSON report.

Output modes:

- folder (md, json, txt): one file per input, mirrored under ``-o OUT``,
  each written atomically by its worker;
- stream (jsonl): one JSON object per input, in input order, to stdout or
  one atomic ``-o FILE.jsonl``; an input that failed or had no article gets
  ``{"path": ..., "status": ..., "error": ...}``.

``--dry-run`` prints what would be written (output paths; for jsonl, the
inputs that would become records), one per line on stdout, and writes
nothing. Exit codes: 0 every input cleaned (or already up to date, or some
had no article); 4 no input had an article; 5 some failed (the rest were
written); 130 interrupted (the files written so far are complete).
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from collections.abc import Generator, Iterable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from .batch_plan import Job, Layout, Selection, build_layout
from .batch_pool import Pool
from .batch_worker import Outcome, Status, Task
from .console import err, escape, info, warn, write_data
from .errors import ExitCode, UsageError
from .model import Format
from .options import Options
from .sources import sync_folders, write_atomic

#: Bump when a field of the ``--report`` JSON changes meaning or disappears.
REPORT_SCHEMA = 1
#: Seconds between progress-bar redraws (rich's default refresh rate is 10/s).
PROGRESS_REFRESH = 0.1


@dataclass(frozen=True, slots=True)
class BatchPlan:
    """A many-input run, as the command line asked for it.

    inputs: files and folders, in the order given.
    output: the output folder (or, with jsonl, file); None = stdout (jsonl only).
    fmt: output format; jsonl makes one stream, the others one file per input.
    options: how to clean each document (``limits.time_limit`` is per document).
    jobs: worker processes (0 = one per CPU core).
    force: rewrite outputs that are newer than their input.
    dry_run: list what would be written, write nothing.
    include, exclude: globs choosing files in folders (see ``batch_plan.Selection``).
    report: where to write a JSON report of the run (None = no report).
    quiet: no summary (failures are still printed).
    verbose: also print each input's outcome and what the walk left out.
    progress: show a progress bar on stderr (only when stderr is a terminal).
    """

    inputs: list[Path]
    output: Path | None
    fmt: Format
    options: Options
    jobs: int = 0
    force: bool = False
    dry_run: bool = False
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    report: Path | None = None
    quiet: bool = False
    verbose: bool = False
    progress: bool = False


def run_batch(plan: BatchPlan) -> ExitCode:
    """Clean every input of ``plan``; return the run's exit code.

    Raises ``UsageError`` (before writing anything) for plans that would lose
    data, and lets ``KeyboardInterrupt`` through after stopping the workers.
    """
    if plan.jobs < 0:
        raise UsageError(f"--jobs must be 0 (all cores) or more, not {plan.jobs}")
    layout = build_layout(plan.inputs, plan.output, plan.fmt, Selection(plan.include, plan.exclude))
    if plan.verbose:
        for note in layout.notes:
            info(note)
    outcomes: list[Outcome | None] = [None] * len(layout.jobs)
    todo = _triage(layout.jobs, outcomes, force=plan.force)
    if plan.dry_run:
        return _dry_run(plan, layout, todo, outcomes)
    if not layout.jobs:
        if not plan.quiet:
            warn("no input files found (folders are searched for " + _looked_for(plan) + ")")
        return ExitCode.NO_ARTICLE
    workers = min(plan.jobs or _cores(), max(1, len(todo)))
    if plan.verbose:
        info(
            f"{len(layout.jobs)} inputs: {len(todo)} to clean, "
            f"{len(layout.jobs) - len(todo)} skipped; {workers} worker processes"
        )
    started = time.monotonic()
    stream = _Stream(layout) if plan.fmt is Format.JSONL else None
    try:
        with closing(_execute(plan, layout, todo, outcomes, workers)) as results:
            for outcome in results:
                if stream is not None:
                    stream.add(outcome)
    except KeyboardInterrupt:
        if not plan.quiet:
            done = sum(o is not None for o in outcomes)
            warn(f"interrupted after {done} of {len(outcomes)} inputs; written files are complete")
        raise
    finally:
        sync_folders(
            job.output.parent
            for job, o in zip(layout.jobs, outcomes, strict=True)
            if o is not None and o.status is Status.CLEANED and job.output is not None
        )
    if stream is not None:
        stream.finish()
    elapsed = time.monotonic() - started
    finished = [o for o in outcomes if o is not None]
    _summary(plan, layout, finished, elapsed)
    if plan.report is not None:
        _write_report(plan.report, plan, layout, finished, elapsed, workers)
    return exit_code(Counter(o.status for o in finished))


def _cores() -> int:
    """CPU cores this process may use (``os.cpu_count()`` where affinity is unknown)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def exit_code(counts: Counter[Status]) -> ExitCode:
    """5 when anything failed; 4 when nothing had an article; else 0."""
    if counts[Status.FAILED]:
        return ExitCode.PARTIAL
    if counts[Status.NO_ARTICLE] and not counts[Status.CLEANED] and not counts[Status.SKIPPED]:
        return ExitCode.NO_ARTICLE
    return ExitCode.OK


def _triage(jobs: Iterable[Job], outcomes: list[Outcome | None], *, force: bool) -> list[Job]:
    """Settle the jobs that need no work (planning errors, up to date); return the rest."""
    todo: list[Job] = []
    for job in jobs:
        if job.error:
            outcomes[job.index] = Outcome(job.index, Status.FAILED, job.error)
        elif not force and _up_to_date(job):
            outcomes[job.index] = Outcome(job.index, Status.SKIPPED, "up to date")
        else:
            todo.append(job)
    return todo


def _dispatch_order(layout: Layout, jobs: list[Job]) -> list[Job]:
    """Folders: biggest inputs first, so no worker is left with a long document
    at the end while the others idle. Streams: input order, so records can be
    written as they come instead of piling up in memory."""
    if layout.folder is None:
        return jobs

    def size(job: Job) -> int:
        try:
            return job.source.stat().st_size
        except OSError:
            return 0

    return sorted(jobs, key=lambda job: (-size(job), job.index))


def _up_to_date(job: Job) -> bool:
    """An output newer than its input is kept (resume); ``--force`` rewrites it."""
    if job.output is None:
        return False
    try:
        return job.output.stat().st_mtime_ns > job.source.stat().st_mtime_ns
    except OSError:
        return False


def _execute(
    plan: BatchPlan, layout: Layout, todo: list[Job], outcomes: list[Outcome | None], workers: int
) -> Generator[Outcome, None, None]:
    """Yield every outcome in completion order (settled ones first), updating ``outcomes``."""
    for outcome in outcomes:
        if outcome is not None:
            yield outcome
    if not todo:
        return
    streaming_to_tty = layout.folder is None and layout.stream is None and sys.stdout.isatty()
    show_bar = plan.progress and err().is_terminal and not streaming_to_tty
    with (
        _Bar(len(todo), show_bar) as bar,
        closing(
            Pool(Task(plan.options, plan.fmt), workers).run(_dispatch_order(layout, todo))
        ) as run,
    ):
        for outcome in run:
            outcomes[outcome.index] = outcome
            bar.advance()
            if plan.verbose:
                _say(layout.jobs[outcome.index], outcome)
            yield outcome


def _say(job: Job, outcome: Outcome) -> None:
    where = f" -> {job.output}" if outcome.status is Status.CLEANED and job.output else ""
    why = f": {outcome.reason}" if outcome.reason else ""
    info(f"{outcome.status.value} {job.display}{where}{why}")


class _Bar:
    """A rich progress bar on stderr, or nothing.

    Redrawn by hand (``auto_refresh=False``): no refresh thread, so worker
    processes can be forked safely, and stdout is never redirected.
    """

    def __init__(self, total: int, enabled: bool) -> None:
        self.total = total
        self.enabled = enabled
        self.last = 0.0
        self.progress: Any = None
        self.task: Any = None

    def __enter__(self) -> _Bar:
        if self.enabled:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self.progress = Progress(
                TextColumn("cleaning"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=err(),
                transient=True,
                auto_refresh=False,
                redirect_stdout=False,
                redirect_stderr=False,
            )
            self.progress.start()
            self.task = self.progress.add_task("cleaning", total=self.total)
        return self

    def advance(self) -> None:
        if self.progress is None:
            return
        self.progress.advance(self.task)
        now = time.monotonic()
        if now - self.last >= PROGRESS_REFRESH:
            self.last = now
            self.progress.refresh()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.progress is not None:
            self.progress.stop()


class _Stream:
    """JSONL records in input order: streamed to stdout, or one atomic file."""

    def __init__(self, layout: Layout) -> None:
        self.jobs = layout.jobs
        self.target = layout.stream
        self.ready: dict[int, str] = {}
        self.kept: list[str] = []
        self.next = 0

    def add(self, outcome: Outcome) -> None:
        self.ready[outcome.index] = outcome.record or self._error_record(outcome)
        while self.next in self.ready:
            line = self.ready.pop(self.next)
            if self.target is None:
                write_data(line)
            else:
                self.kept.append(line)
            self.next += 1

    def finish(self) -> None:
        if self.target is not None:
            write_atomic(self.target, "".join(self.kept))

    def _error_record(self, outcome: Outcome) -> str:
        record = {
            "path": self.jobs[outcome.index].display,
            "status": outcome.status.value,
            "error": outcome.reason or outcome.status.value,
        }
        return json.dumps(record, ensure_ascii=False) + "\n"


def _dry_run(
    plan: BatchPlan, layout: Layout, todo: list[Job], outcomes: list[Outcome | None]
) -> ExitCode:
    lines = [str(job.output) if job.output else job.display for job in todo]
    write_data("".join(line + "\n" for line in lines))
    if not plan.quiet:
        skipped = sum(1 for o in outcomes if o is not None and o.status is Status.SKIPPED)
        target = layout.folder or layout.stream or "standard output"
        noun = "files" if layout.folder else "records"
        info(
            f"dry run: would write {len(todo)} {noun} to {target}, skip {skipped} up to date; "
            "nothing written"
        )
    return ExitCode.OK


def _looked_for(plan: BatchPlan) -> str:
    from .batch_plan import DEFAULT_SUFFIXES

    if plan.include:
        return ", ".join(plan.include)
    return ", ".join(f"*{s}" for s in DEFAULT_SUFFIXES) + " and their .gz"


def _summary(plan: BatchPlan, layout: Layout, finished: list[Outcome], elapsed: float) -> None:
    counts = Counter(o.status for o in finished)
    if not plan.quiet:
        rate = counts[Status.CLEANED] / elapsed if elapsed > 0 else 0.0
        err().print(
            f"bersih: {counts[Status.CLEANED]} cleaned, "
            f"{counts[Status.SKIPPED]} skipped (up to date), "
            f"{counts[Status.NO_ARTICLE]} no article, {counts[Status.FAILED]} failed "
            f"in {elapsed:.1f} s ({rate:.0f} articles/s)",
            highlight=False,
        )
    for outcome in finished:
        job = layout.jobs[outcome.index]
        if outcome.status is Status.FAILED:
            err().print(
                f"  [bold red]failed[/] {escape(job.display)}: {escape(outcome.reason or '')}"
                + _older_output(job)
            )
        elif outcome.status is Status.NO_ARTICLE and not plan.quiet:
            err().print(
                f"  [yellow]no article[/] {escape(job.display)}: {escape(outcome.reason or '')}"
                + _older_output(job)
            )


def _older_output(job: Job) -> str:
    """A note when an output from an earlier run is left in place (bersih
    never deletes files; this one no longer matches its input)."""
    if job.output is None or not job.output.exists():
        return ""
    return f" (an older output is left in place: {escape(str(job.output))})"


def _write_report(
    path: Path,
    plan: BatchPlan,
    layout: Layout,
    finished: list[Outcome],
    elapsed: float,
    workers: int,
) -> None:
    counts = Counter(o.status for o in finished)
    report = {
        "schema": REPORT_SCHEMA,
        "format": plan.fmt.value,
        "output": str(layout.folder or layout.stream or "-"),
        "workers": workers,
        "elapsed_s": round(elapsed, 3),
        "counts": {status.value: counts[status] for status in Status},
        "inputs": [
            _report_entry(layout.jobs[o.index], o) for o in sorted(finished, key=lambda o: o.index)
        ],
    }
    write_atomic(path, json.dumps(report, ensure_ascii=False, indent=2) + "\n")


def _report_entry(job: Job, outcome: Outcome) -> dict[str, Any]:
    return {
        "path": job.display,
        "output": str(job.output) if job.output else None,
        "status": outcome.status.value,
        "reason": outcome.reason,
        "steps": outcome.steps,
        "timings_ms": outcome.timings,
    }
