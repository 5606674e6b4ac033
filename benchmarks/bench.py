"""Benchmarks: start-up, per-document speed, folder throughput, trafilatura beside it.

Usage (from the repository root, with bersih installed in the active environment)::

    python benchmarks/bench.py                    # every part, 5 repeats (about 3 minutes)
    python benchmarks/bench.py --repeat 9         # steadier medians
    python benchmarks/bench.py --quick            # 1 repeat: a smoke test
    python benchmarks/bench.py --parts startup,clean
    python benchmarks/bench.py --corpus ../shared/eval/corpus --json bench.json

Parts:

``startup``
    Whole processes, median wall time of N runs: ``bersih clean FILE`` on one
    pasted article and on one HTML page, ``bersih --version``, and the floor: a
    five-line typer app printing one line with rich (``benchmarks/hello_typer.py``).
``clean``
    In-process ``bersih.clean`` on raw bytes, per document (each document's
    median of N, then the median and 90th percentile over documents): the
    id-pasted texts (target: median <= 3 ms) and the HTML pages, beside
    ``trafilatura.extract`` on the same bytes.
``folders``
    ``bersih clean FOLDER -f json -o OUT -j 1`` and ``-j 2`` over each dev corpus
    folder, runs interleaved: articles per second (inputs / wall time of the whole
    process), the -j 2 / -j 1 speed-up (also "in-run", leaving out start-up), the
    cores -j 2 kept busy (CPU seconds per wall second), and the machine's ceiling at
    that moment: the speed-up two pure-Python processes get there (2.0 on two idle
    cores; on a shared machine, read the speed-up against it).
``trafilatura``
    ``trafilatura --input-dir X --output-dir Y --parallel 2`` over the HTML folder,
    interleaved with ``bersih clean X -f json -o Y -j 2`` in the same run: the ratio.

The corpus defaults to ``$BERSIH_CORPUS`` or ``../shared/eval/corpus`` beside the
repository. A part whose tool, module or folder is missing is skipped with a
note. Timings are wall clock: on a busy machine raise ``--repeat``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PARTS = ("startup", "clean", "folders", "trafilatura")
#: Corpus folders timed by ``folders`` (those present are used).
FOLDER_SETS = ("id-pasted", "scrapinghub-text", "id-html", "scrapinghub-html")
PASTED_SET = "id-pasted"
HTML_SETS = ("scrapinghub-html", "id-html")
#: The in-process target for a pasted article (milliseconds, median).
PASTED_TARGET_MS = 3.0

Row = Sequence[object]


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse(argv)
    corpus = Path(args.corpus).resolve()
    repeat = 1 if args.quick else args.repeat
    parts = [p.strip() for p in args.parts.split(",") if p.strip()]
    unknown = sorted(set(parts) - set(PARTS))
    if unknown:
        print(f"unknown part(s): {', '.join(unknown)}; choose from {', '.join(PARTS)}")
        return 2
    print(
        f"bersih benchmarks: corpus {corpus}, {repeat} repeat(s), {os.cpu_count()} CPUs, "
        f"Python {sys.version.split()[0]}"
    )
    results: dict[str, Any] = {}
    runners: dict[str, Callable[[Path, int], Any]] = {
        "startup": bench_startup,
        "clean": bench_clean,
        "folders": bench_folders,
        "trafilatura": bench_trafilatura,
    }
    for part in parts:
        print(f"\n## {part}")
        results[part] = runners[part](corpus, repeat)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", "utf-8")
    return 0


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    default_corpus = os.environ.get("BERSIH_CORPUS") or str(
        HERE.parent.parent / "shared/eval/corpus"
    )
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--corpus", default=default_corpus, help="folder of corpus sets")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (median)")
    parser.add_argument("--quick", action="store_true", help="one run per measurement")
    parser.add_argument("--parts", default=",".join(PARTS), help="comma-separated parts")
    parser.add_argument("--json", help="also write the results to this JSON file")
    return parser.parse_args(argv)


# ---------------------------------------------------------------------------
# Helpers


def tool(name: str) -> list[str] | None:
    """The command for a console script of this environment (or on PATH)."""
    local = Path(sys.executable).parent / name
    if local.exists():
        return [str(local)]
    found = shutil.which(name)
    return [found] if found else None


def bersih_cmd() -> list[str]:
    return tool("bersih") or [sys.executable, "-m", "bersih"]


def inputs(corpus: Path, name: str) -> list[Path]:
    folder = corpus / name / "inputs"
    return sorted(p for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []


def timed_run(cmd: Sequence[str], ok: tuple[int, ...] = (0,), stdin: Path | None = None) -> float:
    """Wall seconds of one process run (``stdin`` from a file); raises if it fails."""
    started = time.perf_counter()
    with open(stdin or os.devnull, "rb") as feed:
        done = subprocess.run(
            cmd, stdin=feed, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False
        )
    elapsed = time.perf_counter() - started
    if done.returncode not in ok:
        tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
        raise RuntimeError(f"{' '.join(cmd[:3])} ... exited {done.returncode}: {' '.join(tail)}")
    return elapsed


def table(headers: Sequence[str], rows: Sequence[Row]) -> None:
    cells = [[str(h) for h in headers]] + [[_fmt(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    for n, row in enumerate(cells):
        print(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w)
                for i, (c, w) in enumerate(zip(row, widths, strict=True))
            )
        )
        if n == 0:
            print("  ".join("-" * w for w in widths))


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3g}" if value < 100 else f"{value:.0f}"
    return str(value)


def p90(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]


def skip(reason: str) -> dict[str, str]:
    print(f"skipped: {reason}")
    return {"skipped": reason}


# ---------------------------------------------------------------------------
# Parts


def bench_startup(corpus: Path, repeat: int) -> dict[str, Any]:
    """Whole-process wall time of bersih next to a minimal typer + rich program."""
    pasted = inputs(corpus, PASTED_SET)[:1]
    page = next((files[:1] for s in HTML_SETS if (files := inputs(corpus, s))), [])
    commands: dict[str, tuple[list[str], tuple[int, ...]]] = {
        "hello_typer.py (typer + rich, 5 lines)": (
            [sys.executable, str(HERE / "hello_typer.py")],
            (0,),
        ),
        "bersih --version": ([*bersih_cmd(), "--version"], (0,)),
    }
    if pasted:
        commands[f"bersih clean {pasted[0].name}"] = (
            [*bersih_cmd(), "clean", str(pasted[0])],
            (0, 4),
        )
    if page:
        commands[f"bersih clean {page[0].name}"] = ([*bersih_cmd(), "clean", str(page[0])], (0, 4))
    times: dict[str, list[float]] = {label: [] for label in commands}
    failed: dict[str, str] = {}
    for _ in range(repeat):
        for label, (cmd, ok) in commands.items():
            if label in failed:
                continue
            try:
                times[label].append(timed_run(cmd, ok))
            except RuntimeError as exc:
                failed[label] = str(exc)
    floor = statistics.median(times[next(iter(commands))])
    rows = [
        (label, statistics.median(t) * 1000, statistics.median(t) / floor)
        for label, t in times.items()
        if t
    ]
    table(("command", "median ms", "x hello"), rows)
    for label, reason in failed.items():
        print(f"failed: {label}: {reason}")
    result: dict[str, Any] = {label: statistics.median(t) * 1000 for label, t in times.items() if t}
    result["html_process_vs_trafilatura"] = _html_processes(corpus, repeat)
    return result


#: HTML pages timed as whole processes beside ``trafilatura < page``.
PROCESS_PAGES = 5


def _html_processes(corpus: Path, repeat: int) -> dict[str, Any]:
    """``bersih clean PAGE`` and ``trafilatura < PAGE`` as whole processes,
    interleaved, over a few pages spread through the HTML folder."""
    trafilatura = tool("trafilatura")
    pages = inputs(corpus, HTML_SETS[0])
    if trafilatura is None or not pages:
        return skip("trafilatura or the HTML folder is missing")
    step = max(1, len(pages) // PROCESS_PAGES)
    chosen = pages[::step][:PROCESS_PAGES]
    ours: list[float] = []
    theirs: list[float] = []
    for _ in range(repeat):
        for page in chosen:
            ours.append(timed_run([*bersih_cmd(), "clean", str(page)], (0, 4)))
            theirs.append(timed_run(trafilatura, (0, 1), stdin=page))
    ratio = statistics.median(ours) / statistics.median(theirs)
    table(
        ("one HTML page as a process", "median ms", "x trafilatura"),
        [
            (f"bersih clean PAGE ({len(chosen)} pages)", statistics.median(ours) * 1000, ratio),
            ("trafilatura < PAGE", statistics.median(theirs) * 1000, 1.0),
        ],
    )
    return {
        "pages": len(chosen),
        "bersih_ms": statistics.median(ours) * 1000,
        "trafilatura_ms": statistics.median(theirs) * 1000,
        "ratio": ratio,
    }


def bench_clean(corpus: Path, repeat: int) -> dict[str, Any]:
    """In-process per-document time of bersih.clean (and trafilatura.extract on HTML)."""
    try:
        import bersih
    except ImportError:
        return skip("bersih is not importable")
    try:
        import trafilatura
    except ImportError:
        trafilatura = None  # type: ignore[assignment]
    sets = {"pasted (" + PASTED_SET + ")": inputs(corpus, PASTED_SET)}
    pages = [p for s in HTML_SETS for p in inputs(corpus, s)]
    if pages:
        sets["html (" + ", ".join(HTML_SETS) + ")"] = pages
    rows: list[Row] = []
    out: dict[str, Any] = {}

    def bersih_clean(data: bytes) -> None:
        with contextlib.suppress(bersih.BersihError):
            bersih.clean(data)

    for label, files in sets.items():
        if not files:
            continue
        docs = [f.read_bytes() for f in files]
        contenders: list[tuple[str, Callable[[bytes], object]]] = [("bersih.clean", bersih_clean)]
        if trafilatura is not None and label.startswith("html"):
            contenders.append(("trafilatura.extract", trafilatura.extract))
        for name, fn in contenders:
            per_doc = _per_doc_ms(fn, docs, repeat)
            med = statistics.median(per_doc)
            rows.append((f"{name} {label}", len(docs), med, p90(per_doc), sum(per_doc) / 1000))
            out[f"{name} {label}"] = {"docs": len(docs), "median_ms": med, "p90_ms": p90(per_doc)}
    table(("function / documents", "docs", "median ms", "p90 ms", "total s"), rows)
    pasted = out.get("bersih.clean pasted (" + PASTED_SET + ")")
    if pasted:
        verdict = "met" if pasted["median_ms"] <= PASTED_TARGET_MS else "NOT met"
        print(f"pasted target <= {PASTED_TARGET_MS:g} ms: {verdict}")
    html = {k: v for k, v in out.items() if "html" in k}
    if len(html) == 2:
        b, t = (v["median_ms"] for v in html.values())
        print(f"bersih.clean / trafilatura.extract on HTML (median): {b / t:.2f}x")
    if trafilatura is None:
        print("note: trafilatura is not installed; its column is skipped")
    return out


def _per_doc_ms(fn: Callable[[bytes], object], docs: list[bytes], repeat: int) -> list[float]:
    for data in docs[:3]:  # warm up: imports, vocabularies, caches
        fn(data)
    samples: list[list[float]] = [[] for _ in docs]
    for _ in range(repeat):
        for i, data in enumerate(docs):
            started = time.perf_counter()
            fn(data)
            samples[i].append((time.perf_counter() - started) * 1000)
    return [statistics.median(s) for s in samples]


@dataclass(frozen=True)
class FolderRun:
    """One ``bersih clean FOLDER`` process: wall seconds, in-run seconds (start-up
    left out) and CPU seconds (user + system, the process and its workers)."""

    wall: float
    in_run: float
    cpu: float


def _children_cpu() -> float:
    """CPU seconds of finished child processes (NaN where ``resource`` is missing)."""
    try:
        import resource
    except ImportError:  # not POSIX
        return float("nan")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _bersih_folder(folder: Path, jobs: int) -> FolderRun:
    """Time one ``bersih clean FOLDER -f json -j N`` into a fresh folder."""
    with tempfile.TemporaryDirectory(prefix="bersih-bench-") as tmp:
        report = Path(tmp) / "report.json"
        out = Path(tmp) / "out"
        cmd = [*bersih_cmd(), "clean", str(folder), "-f", "json", "-o", str(out), "-q"]
        cmd += ["-j", str(jobs), "--report", str(report)]
        cpu = _children_cpu()
        wall = timed_run(cmd, ok=(0, 4, 5))
        cpu = _children_cpu() - cpu
        in_run = float(json.loads(report.read_text("utf-8"))["elapsed_s"])
        return FolderRun(wall, in_run, cpu)


def _spin(loops: int) -> None:
    total = 0
    for i in range(loops):
        total += i * i


def _spin_seconds(loops: int, processes: int) -> float:
    """Wall time of ``processes`` processes each running the same pure-Python loop."""
    import multiprocessing

    procs = [multiprocessing.Process(target=_spin, args=(loops,)) for _ in range(processes)]
    started = time.perf_counter()
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join()
    return time.perf_counter() - started


def cpu_ceiling(seconds: float) -> float:
    """The speed-up two processes get here on pure CPU work lasting about ``seconds``
    (2.0 on two idle cores; less where cores are shared or throttled)."""
    probe = 200_000
    started = time.perf_counter()
    _spin(probe)
    loops = max(probe, int(probe * seconds / max(time.perf_counter() - started, 1e-6)))
    one = _spin_seconds(loops, 1)
    two = _spin_seconds(loops, 2)
    return 2 * one / two


def bench_folders(corpus: Path, repeat: int) -> dict[str, Any]:
    """Folder throughput with one and two worker processes, beside the machine's ceiling."""
    sets = [(name, corpus / name / "inputs", len(inputs(corpus, name))) for name in FOLDER_SETS]
    sets = [s for s in sets if s[2]]
    if not sets:
        return skip(f"no corpus folders under {corpus}")
    rows: list[Row] = []
    out: dict[str, Any] = {}
    for name, folder, count in sets:
        runs: dict[int, list[FolderRun]] = {1: [], 2: []}
        ceilings: list[float] = []
        for _ in range(repeat):
            for jobs in (1, 2):
                runs[jobs].append(_bersih_folder(folder, jobs))
            ceilings.append(cpu_ceiling(runs[1][-1].in_run))
        wall = {j: statistics.median(r.wall for r in rs) for j, rs in runs.items()}
        in_run = {j: statistics.median(r.in_run for r in rs) for j, rs in runs.items()}
        cpu = {j: statistics.median(r.cpu for r in rs) for j, rs in runs.items()}
        cores = statistics.median(r.cpu / r.wall for r in runs[2])
        ceiling = statistics.median(ceilings)
        speedup = in_run[1] / in_run[2]
        rows.append(
            (
                name,
                count,
                count / wall[1],
                count / wall[2],
                wall[1] / wall[2],
                speedup,
                cores,
                cpu[2] / cpu[1],
                ceiling,
            )
        )
        out[name] = {
            "inputs": count,
            "wall_s": wall,
            "in_run_s": in_run,
            "cpu_s": cpu,
            "speedup_wall": wall[1] / wall[2],
            "speedup_in_run": speedup,
            "cores_used_j2": cores,
            "cpu_ceiling": ceiling,
        }
    table(
        (
            "folder",
            "inputs",
            "art/s -j1",
            "art/s -j2",
            "j2/j1 wall",
            "j2/j1 in-run",
            "cores -j2",
            "CPU j2/j1",
            "ceiling",
        ),
        rows,
    )
    print("j2/j1: speed-up from a second worker (in-run leaves out start-up); cores: CPU")
    print("seconds per wall second with -j 2; CPU j2/j1: extra work the second worker costs;")
    print("ceiling: the speed-up two pure-Python processes get on this machine at that moment")
    print("(2.0 on two idle cores; lower when other work shares them).")
    return out


def bench_trafilatura(corpus: Path, repeat: int) -> dict[str, Any]:
    """trafilatura's own folder mode beside bersih's, on the same HTML folder."""
    traf = tool("trafilatura")
    if traf is None:
        return skip("the trafilatura command is not installed")
    name = next((s for s in HTML_SETS if inputs(corpus, s)), None)
    if name is None:
        return skip(f"no HTML folder under {corpus}")
    folder = corpus / name / "inputs"
    count = len(inputs(corpus, name))
    ours: list[float] = []
    theirs: list[float] = []
    for _ in range(repeat):
        ours.append(_bersih_folder(folder, 2).wall)
        with tempfile.TemporaryDirectory(prefix="trafilatura-bench-") as tmp:
            theirs.append(
                timed_run(
                    [*traf, "--input-dir", str(folder), "--output-dir", tmp, "--parallel", "2"]
                )
            )
    b, t = statistics.median(ours), statistics.median(theirs)
    table(
        ("command", "inputs", "median s", "articles/s"),
        [
            (f"bersih clean {name} -f json -j 2", count, b, count / b),
            (f"trafilatura --input-dir {name} --parallel 2", count, t, count / t),
        ],
    )
    print(f"bersih / trafilatura wall time: {b / t:.2f}x ({'faster' if b < t else 'slower'})")
    return {"folder": name, "inputs": count, "bersih_s": b, "trafilatura_s": t, "ratio": b / t}


if __name__ == "__main__":
    sys.exit(main())
