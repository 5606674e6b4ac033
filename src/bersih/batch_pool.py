"""Worker processes for many-input runs: isolation, time limits, crash recovery.

Each worker is a process that reads, cleans, renders and (in folder mode)
writes its documents itself, so the parent only hands out work and counts
results. Work goes out in chunks that shrink as the queue empties (guided
scheduling: few messages early, even finishing late), with one chunk queued
ahead so a worker never waits for the parent.

Two time limits guard every document:

- soft: ``SIGALRM`` inside the worker interrupts Python code at the limit,
  and the document is reported "timed out";
- hard: code that never returns to Python (a C loop) is caught by the
  parent, which kills the worker after the limit plus a grace period,
  reports that document, re-queues the rest of its chunk and starts a new
  worker.

A worker that dies for any other reason is handled the same way. Workers
ignore SIGINT (the parent decides) and turn SIGTERM into a normal exit, so an
atomic write in progress removes its temp file; any temp file a killed
worker leaves is removed by the parent.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from multiprocessing.connection import Connection, wait
from multiprocessing.context import DefaultContext, ForkContext
from multiprocessing.process import BaseProcess
from types import FrameType

from .batch_plan import Job
from .errors import BersihError, NoArticleError, TimeLimitError
from .model import Format
from .options import Options

#: Largest chunk sent to a worker at once (documents); bounds the work lost
#: and re-queued when a worker is killed.
MAX_CHUNK = 16
#: A chunk is at most the remaining work over (workers x this), so the last
#: chunks are small and the workers finish together.
CHUNKS_PER_WORKER = 4
#: Hard limit = time limit x this + HARD_LIMIT_GRACE seconds: long enough for
#: the soft limit (SIGALRM) to act first whenever Python code is running.
HARD_LIMIT_FACTOR = 1.5
HARD_LIMIT_GRACE = 1.0
#: Seconds a worker gets to exit after being asked to before it is killed.
JOIN_TIMEOUT = 2.0
#: Longest a reason may be in the summary and the report (characters).
MAX_REASON = 240


class Status(StrEnum):
    """What happened to one input."""

    CLEANED = "cleaned"
    SKIPPED = "skipped"
    NO_ARTICLE = "no-article"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result for one input, sent from a worker to the parent.

    record: the rendered document when it goes to a stream (JSONL), else None.
    timings: milliseconds spent reading, cleaning, rendering and writing.
    """

    index: int
    status: Status
    reason: str | None = None
    steps: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    record: str | None = None


@dataclass(frozen=True, slots=True)
class Task:
    """What every worker needs: how to clean, what to render, whether to write."""

    options: Options
    fmt: Format


def one_line(text: str) -> str:
    """A reason fit for one line of the summary."""
    text = " ".join(str(text).split())
    return text if len(text) <= MAX_REASON else text[: MAX_REASON - 1] + "…"


def timed_out_reason(limit: float) -> str:
    return f"timed out after {limit:g} s (raise it with --timeout)"


# ---------------------------------------------------------------------------
# Worker side


class _Alarm(BaseException):
    """Raised by the soft time limit; a BaseException so ``except Exception`` in
    library code cannot swallow it."""


_armed = False


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    if _armed:
        raise _Alarm


def _on_term(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def process(job: Job, task: Task) -> Outcome:
    """Read, clean, render and write one input (in a worker, or inline)."""
    from .pipeline import clean
    from .render import render
    from .sources import read_path, write_atomic

    global _armed
    marks = [time.perf_counter()]
    limit = task.options.limits.time_limit
    try:
        data = read_path(job.source, task.options.limits.max_bytes)
        marks.append(time.perf_counter())
        options = replace(task.options, path=job.display)
        try:
            _armed = bool(limit) and _can_alarm()
            if _armed:
                signal.setitimer(signal.ITIMER_REAL, limit)
            article = clean(data, options)
            marks.append(time.perf_counter())
            text = render(article, task.fmt)
        finally:
            if _armed:
                signal.setitimer(signal.ITIMER_REAL, 0)
            _armed = False
        marks.append(time.perf_counter())
        if job.output is not None:
            write_atomic(job.output, text)
        marks.append(time.perf_counter())
    except NoArticleError as exc:
        return Outcome(job.index, Status.NO_ARTICLE, one_line(exc.reason), timings=_ms(marks))
    except (_Alarm, TimeLimitError):
        return Outcome(job.index, Status.FAILED, timed_out_reason(limit), timings=_ms(marks))
    except BersihError as exc:
        return Outcome(job.index, Status.FAILED, one_line(exc.reason), timings=_ms(marks))
    except Exception as exc:  # a bug in bersih: report it for this input, keep going
        reason = one_line(f"internal error: {type(exc).__name__}: {exc}")
        return Outcome(job.index, Status.FAILED, reason, timings=_ms(marks))
    record = text if job.output is None else None
    return Outcome(job.index, Status.CLEANED, None, len(article.steps), _ms(marks), record)


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _ms(marks: list[float]) -> dict[str, float]:
    names = ("read", "clean", "render", "write")
    timings = {
        name: round((marks[i + 1] - marks[i]) * 1000, 3)
        for i, name in enumerate(names)
        if i + 1 < len(marks)
    }
    timings["total"] = round((marks[-1] - marks[0]) * 1000, 3)
    return timings


#: The parent's ends of the worker pipes. A forked worker inherits copies and
#: closes them first: otherwise a worker would hold its own pipe open and never
#: see the parent go away (with spawn this list is empty in the worker).
_parent_ends: list[Connection] = []


def _worker_main(conn: Connection, task: Task) -> None:
    for end in _parent_ends:
        end.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _on_term)
    if hasattr(signal, "SIGALRM"):
        signal.signal(signal.SIGALRM, _on_alarm)
    while True:
        try:
            chunk: list[Job] | None = conn.recv()
        except (EOFError, OSError):
            return
        if chunk is None:
            return
        for job in chunk:
            outcome = process(job, task)
            try:
                conn.send(outcome)
            except OSError:  # the parent is gone: stop after this document
                return


# ---------------------------------------------------------------------------
# Parent side


@dataclass(eq=False)
class _Worker:
    proc: BaseProcess
    conn: Connection
    inflight: deque[Job] = field(default_factory=deque)
    since: float = 0.0


def pick_context() -> ForkContext | DefaultContext:
    """fork where it is safe (POSIX, one thread): workers start in
    milliseconds and share the parent's imported modules; else the default."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and sys.platform != "darwin" and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


class Pool:
    """A fixed number of worker processes that clean ``Job`` values."""

    def __init__(self, task: Task, workers: int, tick: float = 0.25) -> None:
        self.task = task
        self.size = max(1, workers)
        self.tick = tick
        limit = task.options.limits.time_limit
        self.hard_limit = limit * HARD_LIMIT_FACTOR + HARD_LIMIT_GRACE if limit else None
        self.context = pick_context()
        self.pending: deque[Job] = deque()
        self.workers: list[_Worker] = []

    def run(self, jobs: Sequence[Job]) -> Generator[Outcome, None, None]:
        """Yield one ``Outcome`` per job, in completion order."""
        self.pending = deque(jobs)
        if jobs and self.context.get_start_method() == "fork":
            warm_up(self.task, jobs)
        try:
            self.workers = [self._spawn() for _ in range(min(self.size, len(jobs)))]
            while self.pending or any(w.inflight for w in self.workers):
                for worker in self.workers:
                    self._feed(worker)
                yield from self._collect()
            self._stop(graceful=True)
        finally:
            self._stop(graceful=False)

    def _spawn(self) -> _Worker:
        for stream in (sys.stdout, sys.stderr):  # a forked child must not repeat buffered output
            stream.flush()
        parent_end, child_end = self.context.Pipe()
        proc = self.context.Process(
            target=_worker_main, args=(child_end, self.task), daemon=True, name="bersih-worker"
        )
        _parent_ends.append(parent_end)
        proc.start()
        child_end.close()
        return _Worker(proc, parent_end)

    @staticmethod
    def _close(worker: _Worker) -> None:
        worker.conn.close()
        if worker.conn in _parent_ends:
            _parent_ends.remove(worker.conn)

    def _chunk_size(self) -> int:
        return max(1, min(MAX_CHUNK, len(self.pending) // (self.size * CHUNKS_PER_WORKER)))

    def _feed(self, worker: _Worker) -> None:
        if self.pending and not worker.inflight and not worker.proc.is_alive():
            worker = self._respawn(worker)
        while self.pending and len(worker.inflight) <= 1:
            chunk = [self.pending.popleft() for _ in range(self._chunk_size())]
            if not worker.inflight:
                worker.since = time.monotonic()
            worker.inflight.extend(chunk)
            worker.conn.send(chunk)

    def _collect(self) -> Iterator[Outcome]:
        busy = [w for w in self.workers if w.inflight]
        waitables = [w.conn for w in busy] + [w.proc.sentinel for w in busy]
        ready = set(wait(waitables, timeout=self.tick))
        now = time.monotonic()
        for worker in list(self.workers):
            alive = worker.proc.is_alive()
            if worker.conn in ready or not alive:
                yield from self._drain(worker, now)
            if not worker.inflight:
                continue
            if not alive:
                code = worker.proc.exitcode
                yield self._replace(worker, f"worker process died ({_describe_exit(code)})")
            elif self.hard_limit is not None and now - worker.since > self.hard_limit:
                yield self._replace(worker, timed_out_reason(self.task.options.limits.time_limit))

    def _drain(self, worker: _Worker, now: float) -> Iterator[Outcome]:
        try:
            while worker.inflight and worker.conn.poll():
                outcome: Outcome = worker.conn.recv()
                worker.inflight.popleft()
                worker.since = now
                yield outcome
        except (EOFError, OSError):
            return  # died: noticed by the liveness check

    def _replace(self, worker: _Worker, reason: str) -> Outcome:
        """Kill a stuck or dead worker: fail its current job, re-queue the rest."""
        job = worker.inflight.popleft()
        self._respawn(worker)
        sweep_temp(job)
        return Outcome(job.index, Status.FAILED, reason)

    def _respawn(self, worker: _Worker) -> _Worker:
        """Replace ``worker`` by a fresh process; its queued jobs go back in front."""
        _kill(worker.proc)
        self._close(worker)
        self.pending.extendleft(reversed(worker.inflight))
        fresh = self._spawn()
        self.workers = [fresh if w is worker else w for w in self.workers]
        return fresh

    def _stop(self, *, graceful: bool) -> None:
        workers, self.workers = self.workers, []
        for worker in workers:
            try:
                if graceful:
                    worker.conn.send(None)
                else:
                    worker.proc.terminate()
            except (OSError, ValueError):
                pass
        for worker in workers:
            worker.proc.join(JOIN_TIMEOUT)
            if worker.proc.is_alive():
                _kill(worker.proc)
            self._close(worker)
            for job in worker.inflight:
                sweep_temp(job)


def _kill(proc: BaseProcess) -> None:
    proc.kill()
    proc.join(JOIN_TIMEOUT)


def _describe_exit(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"signal {-code}"
    return f"exit code {code}"


def sweep_temp(job: Job) -> None:
    """Remove temp files an interrupted atomic write of ``job`` left behind."""
    if job.output is None:
        return
    prefix = f".{job.output.name}."
    try:
        names = os.listdir(job.output.parent)
    except OSError:
        return
    for name in names:
        if name.startswith(prefix) and name.endswith(".tmp"):
            with contextlib.suppress(OSError):
                os.unlink(job.output.parent / name)


#: A small article cleaned once in the parent before workers are forked, so
#: they start with vocabularies loaded (and, for HTML, the extractor imported).
_WARM_TEXT = (
    "Warga Desa Contoh Membangun Jembatan Bambu\n\n"
    "JAKARTA - Warga desa bergotong royong membangun jembatan bambu di atas sungai kecil "
    "yang selama ini memisahkan dua dusun. Pekerjaan dimulai sejak pagi hari dan selesai "
    "menjelang sore, dengan bantuan perangkat desa serta para pemuda setempat.\n\n"
    "Kepala desa mengatakan jembatan itu akan memudahkan anak-anak berangkat ke sekolah "
    "dan membantu petani membawa hasil panen ke pasar tanpa harus memutar jauh.\n"
)
_WARM_HTML = (
    "<html><head><title>Contoh</title></head><body><article><h1>Warga Desa Contoh</h1>"
    + "".join(f"<p>{para}</p>" for para in _WARM_TEXT.split("\n\n")[1:])
    + "</article></body></html>"
)
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def warm_up(task: Task, jobs: Sequence[Job]) -> None:
    """Clean a tiny sample in this process (only worth it before a fork)."""
    from .pipeline import clean

    samples = [] if task.options.kind == "html" else [("text", _WARM_TEXT)]
    if task.options.kind == "html" or (
        task.options.kind == "auto"
        and any(j.source.name.lower().removesuffix(".gz").endswith(_HTML_SUFFIXES) for j in jobs)
    ):
        samples.append(("html", _WARM_HTML))
    for kind, text in samples:
        try:
            clean(text, replace(task.options, kind=kind, path=None))
        except Exception:  # only a warm-up: the real documents report their own errors
            continue
    # trafilatura loads jusText's stoplists for every language on its first
    # fallback extraction (~0.5 s): do it once here rather than once per worker.
    external = sys.modules.get("trafilatura.external")
    prime = getattr(external, "jt_stoplist_init", None)
    if callable(prime):
        with contextlib.suppress(Exception):
            prime()
