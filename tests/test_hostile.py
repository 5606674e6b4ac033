"""Hostile inputs: bad input never crashes, hangs, leaks or loses anything.

Each row of ``MATRIX`` generates one input (nothing is stored in the
repository), runs ``bersih clean`` on it in a subprocess and checks:

- the exit code is one of the row's documented outcomes: 0 (cleaned),
  3 (unreadable, undecodable or over a limit) or 4 (no article);
- a failure is one line on stderr, never a traceback;
- the run ends within the time limit it was given (plus start-up);
- peak memory (the child's ``ru_maxrss``) is at most
  ``MEMORY_PER_INPUT_BYTE`` x input size + ``MEMORY_BASE_BYTES``;
- the input file is unchanged, and a successful run printed valid JSON.

Rows marked ``needs_html`` exercise HTML extraction; while ``--kind html``
is still refused with a usage error (exit 2) they are expected failures.
Rows marked ``big`` (50 MB, a million lines) run once each, with a lower
``--timeout`` so the whole matrix stays under two minutes on two cores.

The second half checks safe output and no data loss: an existing output
survives a failed run, unwritable outputs end with exit 3 and one line, and
so does a full disk (simulated with ``RLIMIT_FSIZE``).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

pytestmark = pytest.mark.hostile

#: Peak memory allowed: this many bytes per input byte ...
MEMORY_PER_INPUT_BYTE = 10
#: ... plus this much for the interpreter, libraries and bookkeeping.
MEMORY_BASE_BYTES = 200 * 1024 * 1024
#: Seconds allowed beyond ``--timeout`` (interpreter start, imports, output).
STARTUP_SECONDS = 15.0
#: ``--timeout`` of ordinary rows (the CLI default; small inputs need ~1 s).
TIME_LIMIT = 30.0
#: ``--timeout`` of the big rows: they prove the limit holds, quickly.
BIG_TIME_LIMIT = 20.0
#: Exit codes (DESIGN.md).
OK, USAGE, UNREADABLE, NO_ARTICLE = 0, 2, 3, 4

# --- generated inputs ------------------------------------------------------------
TITLE = "Warga Ponorogo Antusias Sambut Festival Café dan Kuliner Nusantara"
PARAGRAPHS = (
    "PONOROGO - Ribuan warga memadati alun-alun kota pada Sabtu malam untuk menyaksikan "
    "pembukaan festival kuliner yang digelar pemerintah kabupaten bersama pelaku usaha kecil.",
    "Bupati mengatakan kegiatan ini diharapkan dapat meningkatkan kunjungan wisatawan dan "
    "membantu para pedagang yang sempat kesulitan selama beberapa tahun terakhir.",
    "“Kami ingin festival ini menjadi agenda tahunan yang dinantikan masyarakat,” ujarnya "
    "di hadapan para tamu undangan, perwakilan dinas, dan ratusan pelaku usaha.",
    "Salah satu pengunjung, Siti Aminah, mengaku senang karena bisa mencicipi berbagai "
    "makanan khas daerah dengan harga yang terjangkau bagi keluarga muda seperti dirinya.",
    "Festival akan berlangsung selama tiga hari dan menghadirkan lebih dari seratus stan "
    "kuliner, pertunjukan musik tradisional, serta lomba memasak untuk pelajar. (*)",
)
ARTICLE = TITLE + "\n\n" + "\n\n".join(PARAGRAPHS) + "\n"
HTML_ARTICLE = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>"
    + TITLE
    + "</title></head><body><article><h1>"
    + TITLE
    + "</h1>"
    + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    + "</article></body></html>"
)
#: "😀" as two UTF-8-encoded surrogates (CESU-8): invalid UTF-8.
CESU_EMOJI = b"\xed\xa0\xbd\xed\xb8\x80"
FURNITURE = (
    "Beranda\nNasional\nDaerah\nOlahraga\nBaca juga: Harga cabai naik lagi\n"
    "Berita Terkait\nIklan\nBagikan\nTerpopuler\nArtikel Sebelumnya\nArtikel Berikutnya\n\n"
)


def _seeded(n: int, seed: int, alphabet: bytes | None = None) -> bytes:
    rng = random.Random(seed)
    if alphabet is None:
        return rng.randbytes(n)
    return bytes(rng.choice(alphabet) for _ in range(n))


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def _bomb() -> bytes:
    """200 MB of NULs in ~200 KB: past the 100 MB default cap."""
    out = bytearray()
    compressor = __import__("zlib").compressobj(9, 8, 31)
    chunk = b"\0" * (1024 * 1024)
    for _ in range(200):
        out += compressor.compress(chunk)
    return bytes(out + compressor.flush())


def _html_nested(depth: int) -> bytes:
    body = "<div>" * depth + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</div>" * depth
    head = f"<!DOCTYPE html><html><head><title>{TITLE}</title></head>"
    return f"{head}<body>{body}</body></html>".encode()


def _long_line(size: int) -> bytes:
    """One paragraph of ``size`` bytes (whole sentences) on one line."""
    sentence = PARAGRAPHS[1].encode() + b" "
    return sentence * max(1, size // len(sentence)) + b"\n"


def _article_with(extra: str) -> str:
    """The article with ``extra`` inside its second paragraph."""
    return ARTICLE.replace(PARAGRAPHS[1], PARAGRAPHS[1] + " " + extra)


def _million_lines() -> bytes:
    return b"".join(b"Baris %d pendek.\n" % i for i in range(1_000_000))


@dataclass(frozen=True)
class Case:
    """One row: how to make the input and what must happen."""

    name: str
    make: Callable[[], bytes]
    expect: frozenset[int]
    outcome: str  # the documented outcome (README table)
    suffix: str = ".txt"
    args: tuple[str, ...] = ()
    reason_has: str = ""  # a word the one-line reason must contain (exit 3)
    output_has: tuple[str, ...] = ()  # text a clean result must contain
    needs_html: bool = False
    big: bool = False
    extra: dict[str, str] = field(default_factory=dict)


def _case(
    name: str, make: Callable[[], bytes], expect: set[int], outcome: str, **kw: object
) -> Case:
    return Case(name, make, frozenset(expect), outcome, **kw)  # type: ignore[arg-type]


CAFE = ("Café", "“Kami")
MATRIX = (
    _case("empty file", lambda: b"", {NO_ARTICLE}, "exit 4: no article"),
    _case("one byte", lambda: b"a", {NO_ARTICLE}, "exit 4: no article"),
    _case("whitespace only", lambda: (" \t\r\n \n\u3000\u00a0" * 50).encode(),
          {NO_ARTICLE}, "exit 4: no article"),
    _case("random bytes (100 KB)", lambda: _seeded(100_000, 1), {UNREADABLE},
          "exit 3: input looks binary", reason_has="binary"),
    _case("random high bytes, no controls (100 KB)",
          lambda: _seeded(100_000, 2, bytes(range(0x80, 0x100)) + b" " * 20),
          {NO_ARTICLE, UNREADABLE}, "exit 4 (or 3): gibberish in a legacy charset is no article"),
    _case("PNG image", lambda: b"\x89PNG\r\n\x1a\n" + _seeded(5000, 3), {UNREADABLE},
          "exit 3: input is a PNG image", reason_has="PNG"),
    _case("PDF document", lambda: b"%PDF-1.7\n" + _seeded(5000, 4), {UNREADABLE},
          "exit 3: input is a PDF document", reason_has="PDF"),
    _case("ZIP archive", lambda: b"PK\x03\x04" + _seeded(5000, 5), {UNREADABLE},
          "exit 3: input is a ZIP archive", reason_has="ZIP"),
    _case("gzip of a text article", lambda: _gzip(ARTICLE.encode()), {OK},
          "exit 0: decompressed and cleaned", suffix=".txt.gz", output_has=CAFE),
    _case("gzip of an HTML article", lambda: _gzip(HTML_ARTICLE.encode()), {OK},
          "exit 0: decompressed and cleaned", suffix=".html.gz", output_has=CAFE,
          needs_html=True),
    _case("gzip bomb (200 MB of NULs in 200 KB)", _bomb, {UNREADABLE},
          "exit 3: gzip input expands past the cap (2 x --max-size)", suffix=".gz",
          reason_has="expands"),
    _case("corrupt gzip", lambda: b"\x1f\x8b\x08\x00" + _seeded(2000, 6), {UNREADABLE},
          "exit 3: corrupt gzip data", suffix=".gz", reason_has="gzip"),
    _case("truncated gzip", lambda: _gzip(ARTICLE.encode() * 20)[:300], {UNREADABLE},
          "exit 3: truncated gzip data", suffix=".gz", reason_has="gzip"),
    _case("UTF-16 LE with BOM", lambda: b"\xff\xfe" + ARTICLE.encode("utf-16-le"), {OK},
          "exit 0: decoded by its BOM", output_has=CAFE),
    _case("UTF-16 BE with BOM", lambda: b"\xfe\xff" + ARTICLE.encode("utf-16-be"), {OK},
          "exit 0: decoded by its BOM", output_has=CAFE),
    _case("UTF-16 LE without BOM", lambda: ARTICLE.encode("utf-16-le"), {OK},
          "exit 0: detected from its NUL pattern", output_has=CAFE),
    _case("UTF-16 BE without BOM", lambda: ARTICLE.encode("utf-16-be"), {OK},
          "exit 0: detected from its NUL pattern", output_has=CAFE),
    _case("Windows-1252 with é and curly quotes", lambda: ARTICLE.encode("cp1252"), {OK},
          "exit 0: legacy charset detected", output_has=CAFE),
    _case("Latin-1 with é", lambda: ARTICLE.replace("“", '"').replace("”", '"').encode("latin-1"),
          {OK}, "exit 0: legacy charset detected", output_has=("Café",)),
    _case("mojibake UTF-8 (Ã© â€œ)",
          lambda: ARTICLE.encode("utf-8").decode("cp1252", "replace").encode("utf-8"), {OK},
          "exit 0: mojibake repaired", output_has=CAFE),
    _case("UTF-8 with one stray Latin-1 byte", lambda: ARTICLE.encode() + "é.\n".encode("latin-1"),
          {OK}, "exit 0: stray byte read as Windows-1252", output_has=CAFE),
    _case("<meta charset> that lies (UTF-8 bytes, says iso-8859-1)",
          lambda: HTML_ARTICLE.replace("charset='utf-8'", "charset='iso-8859-1'").encode(),
          {OK}, "exit 0: valid UTF-8 wins over the declaration", suffix=".html",
          output_has=CAFE, needs_html=True),
    _case("<meta charset> that lies (cp1252 bytes, says utf-16)",
          lambda: HTML_ARTICLE.replace("utf-8", "utf-16").encode("cp1252"), {OK},
          "exit 0: impossible declaration ignored", suffix=".html", output_has=CAFE,
          needs_html=True),
    _case("<meta charset> naming a non-text codec (rot13)",
          lambda: HTML_ARTICLE.replace("utf-8", "rot13").encode("cp1252"), {OK},
          "exit 0: impossible declaration ignored", suffix=".html", output_has=CAFE,
          needs_html=True),
    _case("NUL bytes sprinkled in text", lambda: ARTICLE.replace(" ", " \0", 40).encode(), {OK},
          "exit 0: NULs dropped", output_has=CAFE),
    _case("encoded surrogates (CESU-8 bytes)",
          lambda: _article_with("Emoji X rusak.").encode().replace(b"X", CESU_EMOJI),
          {OK},
          "exit 0: the surrogate pair is read as 😀", output_has=CAFE),
    _case("unclosed <script> covering the page",
          lambda: (HTML_ARTICLE.split("<article>")[0] + "<script>var x = 1;\n"
                   + "\n".join(PARAGRAPHS) * 20).encode(),
          {OK, NO_ARTICLE}, "exit 4: script text is never article text",
          suffix=".html", needs_html=True),
    _case("HTML nested 100,000 levels", lambda: _html_nested(100_000),
          {OK, NO_ARTICLE, UNREADABLE}, "exit 4 (or 0): the parser's depth limit, never a crash",
          suffix=".html", needs_html=True),
    _case("right-to-left (Arabic) article",
          lambda: ("عنوان الخبر اليوم في المدينة\n\n"
                   + "هذا نص عربي طويل بما فيه الكفاية ليكون مقالا حقيقيا في الصحيفة اليوم. " * 12
                   + "\n").encode(),
          {OK, NO_ARTICLE}, "exit 0 (or 4): text kept as written"),
    _case("emoji in an article", lambda: _article_with("Warga bergembira 🎉👍🏽.").encode(),
          {OK}, "exit 0: emoji kept", output_has=("🎉👍🏽",)),
    _case("a page that is all boilerplate", lambda: (FURNITURE * 20).encode(), {NO_ARTICLE},
          "exit 4: no article"),
    _case("1 MB single paragraph", lambda: _long_line(1024 * 1024), {OK},
          "exit 0: one long paragraph"),
    _case("byline with a 100 KB name", lambda: (ARTICLE + "\nPenulis: " + "a" * 100_000).encode(),
          {OK, NO_ARTICLE}, "exit 0: no regex backtracking"),
    _case("100 KB of colons", lambda: (":" * 100_000 + "x\n\n" + ARTICLE).encode(),
          {OK, NO_ARTICLE}, "exit 0: no regex backtracking"),
    _case("40 empty HTML comments before the text",
          lambda: ("<!---->" * 40 + "x\n\n" + ARTICLE).encode(), {OK, NO_ARTICLE},
          "exit 0: no regex backtracking in kind sniffing"),
    _case("heading line with 100 KB of #",
          lambda: ("# a" + "#" * 100_000 + "x\n\n" + ARTICLE).encode(),
          {OK, NO_ARTICLE}, "exit 0: no regex backtracking"),
    _case("over --max-size", lambda: ARTICLE.encode() * 10, {UNREADABLE},
          "exit 3: over the size limit", args=("--max-size", "1000"), reason_has="limit"),
    _case("50 MB single line", lambda: _long_line(50 * 1000 * 1000), {OK, UNREADABLE},
          "exit 0, or exit 3 at --timeout", big=True,
          args=("--timeout", str(BIG_TIME_LIMIT))),
    _case("1 million short lines", _million_lines, {NO_ARTICLE, UNREADABLE},
          "exit 4, or exit 3 at --timeout", big=True,
          args=("--timeout", str(BIG_TIME_LIMIT))),
)  # fmt: skip


# --- running the CLI -----------------------------------------------------------------
@dataclass
class Run:
    code: int
    stdout: str  # decoded leniently; ``raw`` holds the bytes
    stderr: str
    seconds: float
    peak_bytes: int
    raw: bytes = b""


# Peak memory is read by a small launcher process: a child's ru_maxrss on Linux
# starts from its parent's high-water mark (kept across exec), so a child
# forked straight from this (large) pytest process would report pytest's
# memory, not its own. The launcher is small, so its child's figure is the
# child's own.
_LAUNCHER = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(child.pid, 0)
with open(sys.argv[1], "w") as report:
    report.write(str(usage.ru_maxrss))
code = os.waitstatus_to_exitcode(status)
sys.exit(code if code >= 0 else 128 - code)
"""


def run_cli(args: list[str], timeout: float, preexec: Callable[[], None] | None = None) -> Run:
    """``python -m bersih ARGS`` with a wall-clock ``timeout``; its own peak memory."""
    out_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"bersih-hostile-{os.getpid()}"
    rss_path = Path(f"{out_path}.rss")
    with open(f"{out_path}.out", "wb") as out, open(f"{out_path}.err", "wb") as err:
        start = time.monotonic()
        proc = subprocess.Popen(
            [sys.executable, "-c", _LAUNCHER, str(rss_path), sys.executable, "-m", "bersih", *args],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            preexec_fn=preexec,  # only sets a resource limit and a signal disposition
            start_new_session=True,  # so a time-out kills the launcher and bersih together
        )
        status = _wait(proc, timeout)
        seconds = time.monotonic() - start
    raw = Path(f"{out_path}.out").read_bytes()
    stderr = Path(f"{out_path}.err").read_bytes().decode("utf-8", "replace")
    peak = int(rss_path.read_text() or 0) if rss_path.exists() else 0
    for suffix in (".out", ".err", ".rss"):
        Path(f"{out_path}{suffix}").unlink(missing_ok=True)
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB elsewhere
    code = os.waitstatus_to_exitcode(status)
    code = -(code - 128) if code > 128 else code  # the launcher reports a signal as 128 + N
    stdout = raw.decode("utf-8", "replace")
    return Run(code, stdout, stderr, seconds, peak * scale, raw)


def _wait(proc: subprocess.Popen[bytes], timeout: float) -> int:
    deadline = time.monotonic() + timeout
    while True:
        pid, status, _ = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return status
        if time.monotonic() > deadline:
            os.killpg(proc.pid, signal.SIGKILL)
            os.wait4(proc.pid, 0)
            proc.returncode = -9
            pytest.fail(f"bersih ran past {timeout:.0f} s (killed)")
        time.sleep(0.02)


def _check_run(case: Case, run: Run, size: int, limit: float) -> None:
    assert "Traceback" not in run.stderr, run.stderr[-2000:]
    if case.needs_html and run.code == USAGE and "not supported" in run.stderr:
        pytest.xfail("HTML extraction has not landed yet")
    assert run.code in case.expect, f"exit {run.code}, expected {sorted(case.expect)}: {run.stderr}"
    assert run.seconds <= limit + STARTUP_SECONDS, f"took {run.seconds:.1f} s"
    budget = MEMORY_PER_INPUT_BYTE * size + MEMORY_BASE_BYTES
    assert run.peak_bytes <= budget, f"peak {run.peak_bytes >> 20} MB > {budget >> 20} MB"
    if run.code == OK:
        result = json.loads(run.raw.decode("utf-8"))  # strict: valid UTF-8 only
        assert result["body"].strip()
        shown = (result["title"] or "") + "\n" + result["body"]
        for text in case.output_has:
            assert text in shown, f"{text!r} lost"
        assert "\x00" not in shown and "\ufffd\ufffd\ufffd" not in shown
    else:
        lines = run.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("bersih:"), run.stderr
        assert case.reason_has.lower() in lines[0].lower()


def _params() -> list[object]:
    params: list[object] = []
    for case in MATRIX:
        params.append(pytest.param(case, id=case.name))
    return params


@pytest.mark.parametrize("case", _params())
def test_hostile_input(case: Case, tmp_path: Path) -> None:
    path = tmp_path / f"input{case.suffix}"
    path.write_bytes(case.make())
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    size = path.stat().st_size
    limit = BIG_TIME_LIMIT if case.big else TIME_LIMIT
    args = ["clean", str(path), "--format", "json"]
    if "--timeout" not in case.args:
        args += ["--timeout", str(limit)]
    run = run_cli([*args, *case.args], timeout=limit + STARTUP_SECONDS + 30)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before, "input changed"
    _check_run(case, run, size, limit)


def test_matrix_documents_every_row() -> None:
    assert len({case.name for case in MATRIX}) == len(MATRIX)
    for case in MATRIX:
        assert case.outcome.startswith("exit ")
        assert case.expect <= {OK, UNREADABLE, NO_ARTICLE}


def readme_table() -> str:
    """The matrix as a Markdown table (``python tests/test_hostile.py``)."""
    rows = ["| input | outcome |", "|---|---|"]
    for case in MATRIX:
        note = " (HTML)" if case.needs_html else ""
        rows.append(f"| {case.name}{note} | {case.outcome} |")
    return "\n".join(rows)


# --- limits end to end ---------------------------------------------------------------
def test_timeout_stops_a_slow_document(tmp_path: Path) -> None:
    path = tmp_path / "lines.txt"
    path.write_bytes(b"".join(b"Baris %d pendek.\n" % i for i in range(60_000)))
    run = run_cli(["clean", str(path), "--timeout", "1"], timeout=60)
    assert run.code in (UNREADABLE, NO_ARTICLE), run.stderr
    assert "Traceback" not in run.stderr
    if run.code == UNREADABLE:
        assert "longer than 1 s" in run.stderr
        assert run.seconds <= 1 + STARTUP_SECONDS


def test_gzip_cap_follows_max_size(tmp_path: Path) -> None:
    path = tmp_path / "a.txt.gz"
    path.write_bytes(_gzip(ARTICLE.encode() * 30))  # ~40 KB inflated, ~1 KB on disk
    small = run_cli(["clean", str(path), "--max-size", "5000"], timeout=60)
    assert small.code == UNREADABLE and "expands past 10000 bytes" in small.stderr
    roomy = run_cli(["clean", str(path), "--max-size", "100000"], timeout=60)
    assert roomy.code == OK, roomy.stderr


# --- safe output and no data loss ----------------------------------------------------
def test_failed_run_keeps_an_existing_output(tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    out.write_text("precious\n", encoding="utf-8")
    stamp = out.stat().st_mtime_ns
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    run = run_cli(["clean", str(bad), "-o", str(out)], timeout=60)
    assert run.code == NO_ARTICLE
    assert out.read_text(encoding="utf-8") == "precious\n"
    assert out.stat().st_mtime_ns == stamp
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt", "out.md"]


def test_successful_run_replaces_the_output_keeping_its_mode(tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.md"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o640)
    run = run_cli(["clean", str(src), "-o", str(out)], timeout=60)
    assert run.code == OK, run.stderr
    assert out.read_text(encoding="utf-8").startswith("---\n")
    assert out.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt", "out.md"]


def test_output_under_a_file_is_exit_3(tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    run = run_cli(["clean", str(src), "-o", str(blocker / "out.md")], timeout=60)
    assert run.code == UNREADABLE
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot write" in lines[0], run.stderr
    assert blocker.read_text(encoding="utf-8") == "a file, not a folder"


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores folder permissions"
)
def test_output_folder_without_permission_is_exit_3(tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        run = run_cli(["clean", str(src), "-o", str(locked / "out.md")], timeout=60)
    finally:
        locked.chmod(0o700)
    assert run.code == UNREADABLE and "cannot write" in run.stderr
    assert "Traceback" not in run.stderr


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="needs RLIMIT_FSIZE")
def test_full_disk_is_exit_3_and_keeps_the_output(tmp_path: Path) -> None:
    """A file-size limit makes writes fail as a full disk does (EFBIG, not ENOSPC)."""
    import resource

    src = tmp_path / "in.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.md"
    out.write_text("precious\n", encoding="utf-8")

    def limit_file_size() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (100, 100))

    run = run_cli(["clean", str(src), "-o", str(out)], timeout=60, preexec=limit_file_size)
    assert run.code == UNREADABLE, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot write" in lines[0], run.stderr
    assert out.read_text(encoding="utf-8") == "precious\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt", "out.md"]


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file names must be UTF-8")
def test_undecodable_file_name_gives_valid_utf8_json(tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(name, "wb") as handle:
        handle.write(ARTICLE.encode())
    arg = os.fsdecode(name)  # a lone surrogate stands for the \xe9 byte
    for fmt in ("json", "md", "txt"):
        run = run_cli(["clean", arg, "--format", fmt], timeout=60)
        assert run.code == OK, run.stderr
        assert "Traceback" not in run.stderr
        text = run.raw.decode("utf-8")  # strict: no surrogate escaped back to a raw byte
        if fmt == "json":
            assert json.loads(text)["source"]["path"].endswith("caf\ufffd.txt")
    out = tmp_path / "out.json"
    run = run_cli(["clean", arg, "--format", "json", "-o", str(out)], timeout=60)
    assert run.code == OK, run.stderr
    json.loads(out.read_bytes().decode("utf-8"))


if __name__ == "__main__":
    print(readme_table())
