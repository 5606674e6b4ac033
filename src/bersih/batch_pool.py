"""Parent side of many-input runs: a pool of worker processes.

Work goes out in chunks that shrink as the queue empties (guided scheduling:
few messages early, workers finishing together late), with one chunk queued
ahead so a worker never waits for the parent. The parent enforces the hard
time limit: a worker that does not answer within the limit plus a grace
period (stuck in code that never returns to Python, where the worker's own
``SIGALRM`` cannot act) is killed, its document reported "timed out", the
rest of its chunk re-queued and a fresh worker started. A worker that dies
for any other reason is handled the same way, and any temp file it left is
removed.
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
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.context import DefaultContext, ForkContext
from multiprocessing.process import BaseProcess

from . import sources
from .batch_plan import Job
from .batch_worker import PARENT_ENDS, Outcome, Status, Task, timed_out_reason, warm_up, worker_main

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
            target=worker_main, args=(child_end, self.task), daemon=True, name="bersih-worker"
        )
        PARENT_ENDS.append(parent_end)
        proc.start()
        child_end.close()
        return _Worker(proc, parent_end)

    @staticmethod
    def _close(worker: _Worker) -> None:
        worker.conn.close()
        if worker.conn in PARENT_ENDS:
            PARENT_ENDS.remove(worker.conn)

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
            try:
                worker.conn.send(chunk)
            except OSError:  # it died since the check: its jobs go back in the queue
                worker = self._respawn(worker)

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
    name = job.output.name
    # write_atomic names its temp file ".NAME.<random>.tmp", NAME cut to a
    # maximum length (sources.TEMP_STEM_CHARS where defined).
    cut: int = getattr(sources, "TEMP_STEM_CHARS", len(name))
    prefix = f".{name}." if len(name) <= cut else f".{name[:cut]}."
    try:
        names = os.listdir(job.output.parent)
    except OSError:
        return
    for name in names:
        if name.startswith(prefix) and name.endswith(".tmp"):
            with contextlib.suppress(OSError):
                os.unlink(job.output.parent / name)
