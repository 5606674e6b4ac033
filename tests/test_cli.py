"""The command line: exit codes, stdout vs stderr, stdin, '-', terminals."""

from __future__ import annotations

import io
import json
import os
import pty
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from bersih import cli
from bersih.errors import ExitCode

runner = CliRunner()


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = runner.invoke(cli.app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def terminal_stdin() -> Iterator[None]:
    """Simulate an interactive terminal on stdin (nothing piped)."""
    original = cli.ENV_FACTORY
    cli.ENV_FACTORY = lambda: cli.Env(stdin=io.BytesIO(b""), stdin_isatty=True, stderr_isatty=False)  # type: ignore[assignment,misc]
    yield
    cli.ENV_FACTORY = original


def test_clean_file_to_markdown(example_path: Path) -> None:
    code, out, err = run("clean", str(example_path))
    assert code == 0, err
    front, body = out.split("\n---\n", 1)
    meta = yaml.safe_load(front.removeprefix("---\n"))
    assert meta["title"].startswith("Polres Madiun")
    assert meta["authors"] == ["Dimas Prasetyo"]
    assert meta["dateline"] == "MADIUN"
    assert body.lstrip().startswith("# ")
    assert "Artikel Sebelumnya" not in out and "Ikuti Kami" not in out
    assert err == ""


def test_json_from_stdin(example_path: Path) -> None:
    code, out, _ = run("clean", "-", "-f", "json", stdin=example_path.read_bytes())
    assert code == 0
    data = json.loads(out)
    assert data["schema"] == 1
    assert data["source"] == {"path": None, "kind": "text", "url": None, "site": None}
    assert {
        "title",
        "authors",
        "editors",
        "date",
        "dateline",
        "agency",
        "lang",
        "tags",
        "body",
        "markdown",
        "removed",
    } <= set(data)
    assert any(r["rule"] == "nav.prev-next" for r in data["removed"])


def test_piped_stdin_without_argument(example_path: Path) -> None:
    code, out, _ = run("clean", "-f", "txt", stdin=example_path.read_bytes())
    assert code == 0
    title, _, body = out.partition("\n\n")
    assert title.startswith("Polres Madiun") and body.strip()


def test_terminal_stdin_shows_help_and_does_not_hang(terminal_stdin: None) -> None:
    code, out, err = run("clean")
    assert code == ExitCode.USAGE
    assert out == ""
    assert "Usage" in err and "no input" in err


def test_terminal_stdin_in_a_real_process() -> None:
    leader, follower = pty.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "bersih", "clean"],
            stdin=follower,
            capture_output=True,
            timeout=30,
        )
    finally:
        os.close(leader)
        os.close(follower)
    assert proc.returncode == ExitCode.USAGE
    assert b"no input" in proc.stderr and proc.stdout == b""


def test_explain_goes_to_stderr(example_path: Path) -> None:
    code, out, err = run("clean", str(example_path), "--explain", "-f", "txt")
    assert code == 0
    assert "nav.prev-next" in err and "nav.prev-next" not in out
    assert "Artikel Sebelumnya" in err


def test_verbose_reports_the_kind(example_path: Path) -> None:
    code, _, err = run("clean", str(example_path), "-v")
    assert code == 0 and "kind.text" in err


def test_missing_file_is_exit_3() -> None:
    code, out, err = run("clean", "no/such/file.txt")
    assert code == ExitCode.UNREADABLE
    assert out == "" and "no such file" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_binary_input_is_exit_3(tmp_path: Path) -> None:
    png = tmp_path / "x.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    code, out, err = run("clean", str(png))
    assert code == ExitCode.UNREADABLE and out == "" and "PNG" in err


def test_too_large_is_exit_3(example_path: Path) -> None:
    code, _, err = run("clean", str(example_path), "--max-size", "100")
    assert code == ExitCode.UNREADABLE and "--max-size" in err


def test_no_article_is_exit_4() -> None:
    code, out, err = run("clean", "-", stdin=b"Beranda\nBerita\nIkuti Kami\nBerita terkait\n")
    assert code == ExitCode.NO_ARTICLE
    assert out == "" and "no article" in err


def test_bad_option_value_is_exit_2(example_path: Path) -> None:
    code, _, err = run("clean", str(example_path), "--kind", "pdf")
    assert code == ExitCode.USAGE and "--kind" in err
    code, _, _ = run("clean", str(example_path), "-f", "docx")
    assert code == ExitCode.USAGE


def test_output_file_is_replaced_atomically(example_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("old content\n")
    code, out, _ = run("clean", str(example_path), "-o", str(target))
    assert code == 0 and out == ""
    assert target.read_text().startswith("---\ntitle:")
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]


def test_failed_run_leaves_existing_output_untouched(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("old content\n")
    code, _, _ = run("clean", "-", "-o", str(target), stdin=b"Ikuti Kami\n")
    assert code == ExitCode.NO_ARTICLE
    assert target.read_text() == "old content\n"


def test_input_is_never_modified(example_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "input.txt"
    copy.write_bytes(example_path.read_bytes())
    before = copy.stat().st_mtime_ns, copy.read_bytes()
    run("clean", str(copy), "-o", str(tmp_path / "o.json"), "-f", "json")
    assert (copy.stat().st_mtime_ns, copy.read_bytes()) == before


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0 and out.startswith("bersih ")


def test_help_documents_exit_codes() -> None:
    code, out, _ = run("clean", "--help")
    assert code == 0
    for needle in ("Exit codes", "4 no article", "--format", "--explain", "--kind"):
        assert needle in " ".join(out.split())


def test_rules_lists_rule_names() -> None:
    code, out, _ = run("rules")
    assert code == 0 and "nav.prev-next" in out.split()


def test_skip_switches_a_rule_off(example_path: Path) -> None:
    _, out, _ = run("clean", str(example_path), "-f", "json", "--skip", "promo")
    _, default, _ = run("clean", str(example_path), "-f", "json")
    removed = {r["rule"] for r in json.loads(out)["removed"]}
    assert not any(r.startswith("promo.") for r in removed)
    assert any(r["rule"].startswith("promo.") for r in json.loads(default)["removed"])


def test_readme_lists_every_option() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    _, out, _ = run("clean", "--help")
    options = {word.strip(",") for word in out.split() if word.startswith("--")}
    missing = sorted(o for o in options if o not in readme and o != "--help")
    assert not missing, f"README does not document {missing}"
