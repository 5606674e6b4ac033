"""Worker side of many-input runs: one document in, one ``Outcome`` out.

A worker process reads, cleans, renders and (in folder mode) writes each
document itself, so the parent only hands out work and counts results. The
soft time limit lives here: ``SIGALRM`` interrupts Python code at
``options.limits.time_limit`` and the document is reported "timed out"
(the hard limit, for code that never returns to Python, is the parent's:
see ``batch_pool``). Workers ignore SIGINT (the parent decides) and turn
SIGTERM into a normal exit, so an atomic write in progress removes its
temp file.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from multiprocessing.connection import Connection
from types import FrameType

from .batch_plan import Job
from .errors import BersihError, NoArticleError, TimeLimitError
from .model import Format
from .options import Options

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
    """What every worker needs: how to clean and what to render."""

    options: Options
    fmt: Format


def one_line(text: str) -> str:
    """A reason fit for one line of the summary."""
    text = " ".join(str(text).split())
    return text if len(text) <= MAX_REASON else text[: MAX_REASON - 1] + "…"


def timed_out_reason(limit: float) -> str:
    return f"timed out after {limit:g} s (raise it with --timeout)"


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
        options = task.options._replace(path=job.display)
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
            write_atomic(job.output, text, sync_folder=False)
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
    """Only where ``worker_main`` installed the handler (elsewhere SIGALRM would kill)."""
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGALRM) is _on_alarm
    )


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
PARENT_ENDS: list[Connection] = []


def worker_main(conn: Connection, task: Task) -> None:
    for end in PARENT_ENDS:
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
            clean(text, task.options._replace(kind=kind, path=None))
        except Exception:  # only a warm-up: the real documents report their own errors
            continue
