"""The quick entry (``bersih.quick``): the plainest calls skip typer, and
every call gives the same output, messages and exit code either way."""

from __future__ import annotations

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
        ["clean", "--format=txt", str(TEXT)],
        ["clean", str(HTML), "--format", "jsonl"],
        ["clean", str(HTML), "--links", "-q"],
        ["clean", str(HTML), "--kind", "text", "-f", "json"],
        ["clean", str(TEXT), "--lang", "en", "-f", "json"],
        ["clean", str(NO_ARTICLE)],  # exit 4
        ["clean", "no/such/file.txt"],  # exit 3
        ["clean", str(TEXT), "-f", "JSON"],  # typer refuses: exit 2, typer's message
        ["clean", str(TEXT), "--format"],  # value missing: typer's message
        ["clean", str(TEXT), "-o", "-"],  # not a quick call
        ["clean", str(FIXTURES)],  # a folder: typer's usage error (no -o)
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


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["clean"],
        ["--version"],
        ["clean", "--help"],
        ["rules"],
        ["clean", "a.txt", "b.txt"],
        ["clean", "a.txt", "-o", "out.md"],
        ["clean", "a.txt", "--explain"],
        ["clean", "a.txt", "-fjson"],  # click's glued form: left to typer
        ["clean", "a.txt", "-f=json"],
        ["clean", "a.txt", "-f", "json", "-f", "md"],
        ["clean", "a.txt", "--format", "yaml"],
        ["clean", "--", "a.txt"],
        ["clean", "-x.txt"],
    ],
)
def test_parse_leaves_everything_else_to_typer(argv: list[str]) -> None:
    assert quick.parse(argv) is None


def test_parse_reads_plain_calls() -> None:
    call = quick.parse(
        ["clean", "--kind=html", "page.html", "--lang", "id", "--links", "-f", "txt"]
    )
    assert call is not None
    assert (call.path, call.fmt) == ("page.html", Format.TXT)
    assert (call.options.kind, call.options.lang, call.options.links) == ("html", "id", True)


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
