"""Time and peak memory of ``bersih clean`` by input size and kind.

    python benchmarks/memory.py                  # 10 KB, 1 MB, 10 MB; text and HTML
    python benchmarks/memory.py --sizes 10k 100k 1m 10m --repeat 3
    python benchmarks/memory.py --kinds line --sizes 1m 10m 50m

Each run is a fresh ``python -m bersih clean FILE --format json`` process
(no time limit, output to the null device); peak memory is that child's
``ru_maxrss`` (from ``os.wait4``), time is wall-clock, best of ``--repeat``.
The inputs are generated: article-like paragraphs made of varied sentences
(text), the same paragraphs on one line (line: the worst shape), and in a
page with navigation and a footer (HTML).

The table ends with the growth of time and memory from each size to the
next, divided by the growth of the input: about 1.0 is linear; the script
exits 1 when text grows worse than ``MAX_GROWTH`` x linear.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

#: Time or memory growing faster than this multiple of the input's growth
#: (beyond the fixed start-up cost) counts as worse than linear.
MAX_GROWTH = 1.5
SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000, "10m": 10_000_000, "50m": 50_000_000}

SENTENCES = (
    "Kepala dinas mengatakan program itu akan dilanjutkan pada tahun depan",
    "warga berharap pemerintah segera memperbaiki jalan yang rusak di desa mereka",
    "polisi masih menyelidiki penyebab kebakaran yang terjadi pada Senin malam",
    "harga beras di pasar tradisional naik menjadi Rp 14.000 per kilogram",
    "para petani mengeluhkan pupuk bersubsidi yang sulit didapat menjelang musim tanam",
    "sekolah di wilayah itu kembali menggelar pembelajaran tatap muka secara penuh",
    "bupati meminta seluruh camat mendata warga yang belum menerima bantuan sosial",
    "hujan deras sejak sore membuat sejumlah ruas jalan tergenang air setinggi lutut",
)


def paragraphs(total: int, seed: int = 7) -> list[str]:
    """Varied paragraphs of about 400 characters, ``total`` characters in all."""
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    n = 0
    while size < total:
        n += 1
        picked = [rng.choice(SENTENCES) for _ in range(rng.randint(3, 6))]
        text = f"Pada hari ke-{n}, " + ". ".join(picked) + f", kata sumber ke-{n}."
        out.append(text)
        size += len(text) + 2
    return out


def text_input(size: int) -> bytes:
    body = "\n\n".join(paragraphs(size))
    return ("Judul Berita Uji Ukuran Besar di Ponorogo\n\nPONOROGO - " + body + "\n").encode()


def line_input(size: int) -> bytes:
    """The worst shape for text: one paragraph on a single line."""
    return ("Judul Berita Uji Satu Baris\n\n" + " ".join(paragraphs(size)) + "\n").encode()


def html_input(size: int) -> bytes:
    nav = "<nav><ul>" + "".join(f"<li><a href='/k{i}'>Kanal {i}</a></li>" for i in range(20))
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs(size))
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        "<title>Judul Berita Uji Ukuran Besar - Contoh.com</title></head><body>"
        f"{nav}</ul></nav><article><h1>Judul Berita Uji Ukuran Besar</h1>{body}</article>"
        "<footer>Hak cipta Contoh.com</footer></body></html>"
    )
    return page.encode()


@dataclass(frozen=True)
class Result:
    kind: str
    size: int
    code: int
    seconds: float
    peak_mb: float


def run(path: Path, kind: str) -> tuple[int, float, float]:
    """Exit code, wall seconds and peak MB of one ``bersih clean``."""
    args = [sys.executable, "-m", "bersih", "clean", str(path), "--format", "json"]
    args += ["--kind", kind, "--timeout", "0", "--max-size", "0", "-o", os.devnull]
    start = time.monotonic()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.monotonic() - start
    scale = 1 if sys.platform == "darwin" else 1024
    return proc.returncode, seconds, usage.ru_maxrss * scale / 2**20


def baseline() -> tuple[float, float]:
    """Start-up cost: ``python -m bersih --version``."""
    start = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bersih", "--version"], stdout=subprocess.DEVNULL
    )
    _, _, usage = os.wait4(proc.pid, 0)
    scale = 1 if sys.platform == "darwin" else 1024
    return time.monotonic() - start, usage.ru_maxrss * scale / 2**20


def measure(kinds: list[str], sizes: list[int], repeat: int, folder: Path) -> list[Result]:
    makers = {"text": text_input, "line": line_input, "html": html_input}
    results = []
    for kind in kinds:
        for size in sizes:
            path = folder / f"input-{size}.{'html' if kind == 'html' else 'txt'}"
            path.write_bytes(makers[kind](size))
            runs = [run(path, "html" if kind == "html" else "text") for _ in range(repeat)]
            code = runs[0][0]
            results.append(
                Result(
                    kind,
                    path.stat().st_size,
                    code,
                    min(r[1] for r in runs),
                    max(r[2] for r in runs),
                )
            )
            print(f"  {kind} {size}: exit {code}", file=sys.stderr)
    return results


def human(size: int) -> str:
    for unit, scale in (("MB", 10**6), ("KB", 10**3)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size} B"


def table(results: list[Result], base: tuple[float, float]) -> tuple[str, list[str]]:
    """The Markdown table, and the rows that grew worse than linearly."""
    lines = [
        f"start-up (`bersih --version`): {base[0]:.2f} s, {base[1]:.0f} MB",
        "",
        "| input | size | exit | time (s) | peak (MB) | time growth ÷ size growth "
        "| memory growth ÷ size growth |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    worse = []
    previous: Result | None = None
    for result in results:
        time_growth = memory_growth = ""
        if previous is not None and previous.kind == result.kind:
            ratio = result.size / previous.size
            t = (result.seconds - base[0]) / max(previous.seconds - base[0], 0.01) / ratio
            m = (result.peak_mb - base[1]) / max(previous.peak_mb - base[1], 1.0) / ratio
            time_growth, memory_growth = f"{t:.2f}", f"{m:.2f}"
            if result.kind != "html" and result.seconds - base[0] > 1 and t > MAX_GROWTH:
                worse.append(f"{result.kind} {human(result.size)}: time grows {t:.1f}x linear")
            if result.kind != "html" and result.peak_mb - base[1] > 20 and m > MAX_GROWTH:
                worse.append(f"{result.kind} {human(result.size)}: memory grows {m:.1f}x linear")
        lines.append(
            f"| {result.kind} | {human(result.size)} | {result.code} | {result.seconds:.2f} "
            f"| {result.peak_mb:.0f} | {time_growth} | {memory_growth} |"
        )
        previous = result
    return "\n".join(lines), worse


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", nargs="+", default=["10k", "1m", "10m"], choices=SIZES)
    parser.add_argument(
        "--kinds",
        nargs="+",
        default=["text", "html"],
        choices=["text", "line", "html"],
        help="text: paragraphs; line: one paragraph on one line; html: a page",
    )
    parser.add_argument("--repeat", type=int, default=1, help="best of N runs")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bersih-bench-") as tmp:
        base = baseline()
        results = measure(args.kinds, [SIZES[s] for s in args.sizes], args.repeat, Path(tmp))
    text, worse = table(results, base)
    print(text)
    for line in worse:
        print(f"worse than linear: {line}", file=sys.stderr)
    return 1 if worse else 0


if __name__ == "__main__":
    sys.exit(main())
