"""The quick entry (``bersih.quick``): common calls skip typer, and every
call gives the same output, messages, files and exit code either way."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bersih import quick
from bersih.model import Format
from helpers import FIXTURES

_NAMED = "import sys; sys.argv[0] = 'bersih'; from bersih.{} import main; main()"
QUICK = [sys.executable, "-c", _NAMED.format("quick")]
FULL = [sys.executable, "-c", _NAMED.format("cli")]

TEXT = FIXTURES / "example-polres" / "input.txt"
HTML = FIXTURES / "html-kompas-like" / "input.html"
NO_ARTICLE = FIXTURES / "no-article-tag-page" / "input.txt"


def _both(args: list[str], stdin: bytes = b"", cwd: Path | None = None) -> None:
    """Run ``args`` through the quick entry and through typer: same result."""
    results = [
        subprocess.run(
            [*entry, *args], input=stdin, capture_output=True, timeout=60, cwd=cwd, check=False
        )
        for entry in (QUICK, FULL)
    ]
    quick_run, full_run = results
    assert quick_run.returncode == full_run.returncode, (quick_run.stderr, full_run.stderr)
    assert quick_run.stdout == full_run.stdout
    assert quick_run.stderr == full_run.stderr
    assert b"Traceback" not in quick_run.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["clean", str(TEXT)],
        ["clean", str(TEXT), "-f", "json"],
        ["clean", str(TEXT), "-fjson"],
        ["clean", "--format=txt", str(TEXT)],
        ["clean", str(HTML), "--format", "jsonl"],
        ["clean", str(HTML), "--links", "-q"],
        ["clean", str(HTML), "--kind", "text", "-f", "json"],
        ["clean", str(TEXT), "--lang", "en", "-f", "json"],
        ["clean", str(NO_ARTICLE)],  # exit 4
        ["clean", "no/such/file.txt"],  # exit 3
        ["clean", str(TEXT), "-f", "JSON"],  # typer refuses: exit 2, typer's message
        ["clean", str(TEXT), "--format"],  # value missing: typer's message
        ["clean", str(FIXTURES)],  # a folder without -o: usage error
        ["clean", str(TEXT), "--explain"],  # typer's path
    ],
)
def test_same_result_either_way(args: list[str]) -> None:
    _both(args)


def test_stdin_either_way() -> None:
    _both(["clean", "-", "-f", "json"], stdin=TEXT.read_bytes())
    _both(["clean", "-"], stdin=b"\x89PNG\r\n\x1a\n" + bytes(200))  # binary: exit 3


def test_binary_file_either_way(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20)
    _both(["clean", "a.txt"], cwd=tmp_path)


_TIMING = re.compile(rb"in [0-9.]+ s \([0-9.]+ articles/s\)")


def _summary(stderr: bytes, out: Path) -> bytes:
    """The run's messages without its timing and output folder's name."""
    return _TIMING.sub(b"in T", stderr.replace(str(out).encode(), b"OUT"))


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize(
    "extra",
    [
        ["-j", "2", "-q"],
        ["-j2", "-fjson"],  # click's glued short form
        ["--jobs=1", "-f", "json", "--include", "*.txt", "--include", "*.html"],
        ["--exclude", "html-*", "-v", "--force"],
        ["--dry-run"],
    ],
)
def test_folder_runs_either_way(tmp_path: Path, extra: list[str]) -> None:
    """Same files written, same summary (output folder names aside)."""
    runs = []
    for name, entry in (("q", QUICK), ("t", FULL)):
        out = tmp_path / name
        done = subprocess.run(
            [*entry, "clean", str(FIXTURES), "-o", str(out), *extra],
            capture_output=True,
            timeout=120,
            check=False,
        )
        # lines sorted: with -v each outcome is printed as it completes
        listing, summary = (
            sorted(_summary(x, out).splitlines()) for x in (done.stdout, done.stderr)
        )
        runs.append((done.returncode, listing, summary, _tree(out) if out.exists() else {}))
    assert runs[0] == runs[1]
    assert runs[0][0] in (0, 4, 5)


def test_report_and_jsonl_either_way(tmp_path: Path) -> None:
    reports = [tmp_path / "q.json", tmp_path / "t.json"]
    outputs = []
    for report, entry in zip(reports, (QUICK, FULL), strict=True):
        done = subprocess.run(
            [*entry, "clean", str(TEXT), str(HTML), "-f", "jsonl", "--report", str(report)],
            capture_output=True,
            timeout=120,
            check=False,
        )
        outputs.append((done.returncode, done.stdout, _summary(done.stderr, tmp_path)))
    assert outputs[0] == outputs[1]
    first, second = (json.loads(r.read_text()) for r in reports)
    assert [i["status"] for i in first["inputs"]] == [i["status"] for i in second["inputs"]]


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["clean"],
        ["--version"],
        ["clean", "--help"],
        ["rules"],
        ["clean", "a.txt", "--explain"],
        ["clean", "a.txt", "--skip", "promo"],
        ["clean", "a.txt", "--url", "https://example.org/a"],
        ["clean", "a.txt", "--timeout", "5"],
        ["clean", "a.txt", "-f=json"],
        ["clean", "a.txt", "-j=2"],
        ["clean", "a.txt", "-fyaml"],
        ["clean", "a.txt", "-f", "json", "-f", "md"],
        ["clean", "a.txt", "-o", "x", "-o", "y"],
        ["clean", "a.txt", "--format", "yaml"],
        ["clean", "a.txt", "-j", "-1"],
        ["clean", "a.txt", "-j", "two"],
        ["clean", "a.txt", "-j", "\u0662"],
        ["clean", "a.txt", "--output"],
        ["clean", "--", "a.txt"],
        ["clean", "-x.txt"],
    ],
)
def test_parse_leaves_everything_else_to_typer(argv: list[str]) -> None:
    assert quick.parse(argv) is None


def test_parse_reads_glued_short_options() -> None:
    request = quick.parse(["clean", "in/", "-j2", "-fjson", "-oout"])
    assert request is not None
    assert (request.jobs, request.fmt, request.output) == (2, Format.JSON, Path("out"))


def test_parse_reads_common_calls() -> None:
    request = quick.parse(
        [
            *("clean", "--kind=html", "in/", "b.html", "--lang", "id", "--links", "-f", "txt"),
            *("-o", "out", "-j", "3", "--include", "*.htm", "--include", "*.html", "--force", "-q"),
        ]
    )
    assert request is not None
    assert (request.paths, request.fmt, request.output) == (
        ("in/", "b.html"),
        Format.TXT,
        Path("out"),
    )
    assert (request.options.kind, request.options.lang, request.options.links) == (
        "html",
        "id",
        True,
    )
    assert (request.jobs, request.include, request.force, request.quiet) == (
        3,
        ("*.htm", "*.html"),
        True,
        True,
    )


def test_quick_call_never_loads_typer_or_rich() -> None:
    code = (
        "import sys; from bersih import quick; "
        f"rc = quick.run(quick.parse(['clean', {str(TEXT)!r}])); "
        "print(sorted(m for m in ('typer', 'click', 'rich', 'pydantic') if m in sys.modules), "
        "rc, file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, timeout=60, check=False
    )
    assert done.stderr.decode().strip() == "[] 0"
    assert done.stdout.startswith(b"---\n")
