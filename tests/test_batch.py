"""Many-input runs: folders, resume, workers, time limits, pipelines, reports.

Articles are generated here (real-looking Indonesian and English news text,
well over 60 words of prose each) so every test builds its own small tree.
CLI runs go through ``CliRunner`` in-process; the interruption tests run the
CLI as a subprocess and kill it (or one of its workers) mid-run.
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import stat as stat_mode
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path, PurePosixPath

import pytest
from typer.testing import CliRunner, Result

from bersih import batch_plan, pipeline
from bersih.batch import BatchPlan, run_batch
from bersih.batch_plan import Selection, output_name
from bersih.batch_pool import pick_context
from bersih.cli import app
from bersih.errors import ExitCode, UsageError
from bersih.model import Format
from bersih.options import Limits, Options

FORK = pick_context().get_start_method() == "fork"
needs_fork = pytest.mark.skipif(not FORK, reason="patches reach workers only when they are forked")
needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def id_article(n: int, place: str = "Ponorogo") -> str:
    """An Indonesian news article (about 90 words); ``n`` makes it unique."""
    return (
        f"Warga {place} Gotong Royong Perbaiki Jembatan Desa Nomor {n}\n\n"
        f"{place.upper()} - Ratusan warga {place} bergotong royong memperbaiki jembatan desa "
        "yang rusak akibat banjir pekan lalu. "
        f"Jembatan sepanjang {n + 12} meter itu menjadi satu-satunya akses warga menuju pasar "
        "dan sekolah.\n\n"
        "Kepala desa setempat mengatakan perbaikan dilakukan secara swadaya karena bantuan dari "
        "pemerintah daerah belum turun. Warga menyumbang bahan bangunan, makanan, dan tenaga "
        "sejak pagi hingga sore hari.\n\n"
        "Menurut dia, jembatan itu ditargetkan dapat kembali dilalui kendaraan roda dua dalam "
        f"waktu {n % 7 + 3} hari. Pemerintah kecamatan berjanji akan mengusulkan pembangunan "
        "jembatan permanen pada tahun anggaran berikutnya.\n"
    )


def en_article(n: int) -> str:
    """An English news article (about 95 words)."""
    return (
        f"Volunteers Rebuild Footbridge Number {n} in Riverside Village\n\n"
        "SPRINGFIELD - Hundreds of volunteers worked through the weekend to rebuild a footbridge "
        f"that was washed away by last week's flood. The bridge, {n + 10} metres long, is the only "
        "route villagers can take to reach the market and the primary school.\n\n"
        "The village head said the repairs were paid for by residents because help from the "
        "district government had not yet arrived. Families donated timber, food and labour from "
        "early morning until late in the afternoon.\n\n"
        "He said the bridge should carry motorcycles again within a week, and that the district "
        "had promised to plan a permanent crossing next year.\n"
    )


def tag_page() -> str:
    """A tag page: headlines and dates only, no article."""
    items = "".join(
        f"Banjir Rendam {i} Desa di Kabupaten Contoh\n12 Maret 2024\n\n" for i in range(2, 12)
    )
    return "Tag: banjir\n\n" + items + "Muat lebih banyak\n"


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(gzip.compress(data, mtime=0) if path.name.endswith(".gz") else data)
    return path


def make_tree(root: Path) -> Path:
    """Nested folders, unicode and spaces in names, gzip, files that are not taken."""
    src = root / "in"
    write(src / "satu.txt", id_article(1))
    write(src / "berita utama" / "Banjir di Kali — hari ke 2.txt", id_article(2, "Madiun"))
    write(src / "berita utama" / "daerah" / "jawa timur" / "ponorogo.txt.gz", id_article(3))
    write(src / "ünïcödé" / "café story.md", en_article(4))
    write(src / "english" / "bridge.TXT", en_article(5))
    write(src / "notes.pdf", PNG)  # not a taken extension
    write(src / ".hidden.txt", id_article(6))  # dot files are left out
    write(src / ".git" / "x.txt", id_article(7))
    return src


EXPECTED = {
    "satu.md",
    "berita utama/Banjir di Kali — hari ke 2.md",
    "berita utama/daerah/jawa timur/ponorogo.md",
    "ünïcödé/café story.md",
    "english/bridge.md",
}


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by relative posix path."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


runner = CliRunner()


def bersih(*args: object) -> Result:
    return runner.invoke(app, ["clean", *(str(a) for a in args)])


# ---------------------------------------------------------------------------
# Planning: names, selection


@pytest.mark.parametrize(
    ("name", "fmt", "expected"),
    [
        ("a.html.gz", Format.MD, "a.md"),
        ("a.txt", Format.JSON, "a.json"),
        ("a.htm", Format.TXT, "a.txt"),
        ("a.md", Format.MD, "a.md"),
        ("a.b.txt", Format.MD, "a.b.md"),
        ("README", Format.JSON, "README.json"),
        ("café story.TXT.GZ", Format.MD, "café story.md"),
    ],
)
def test_output_name(name: str, fmt: Format, expected: str) -> None:
    assert output_name(name, fmt) == expected


@pytest.mark.parametrize(
    ("selection", "path", "taken"),
    [
        (Selection(), "a.txt", True),
        (Selection(), "x/A.HTML", True),
        (Selection(), "a.htm.gz", True),
        (Selection(), "a.md", True),
        (Selection(), "a.pdf", False),
        (Selection(), "a.gz", False),
        (Selection(include=("*.pdf",)), "a.pdf", True),
        (Selection(include=("*.pdf",)), "a.txt", False),
        (Selection(exclude=("*.md",)), "a.md", False),
        (Selection(exclude=("drafts/*",)), "drafts/a.txt", False),
        (Selection(exclude=("drafts/*",)), "final/a.txt", True),
    ],
)
def test_selection(selection: Selection, path: str, taken: bool) -> None:
    assert selection.takes(PurePosixPath(path)) is taken


# ---------------------------------------------------------------------------
# Folders


def test_folder_tree_is_mirrored(tmp_path: Path) -> None:
    src = make_tree(tmp_path)
    result = bersih(src, "-o", tmp_path / "out", "-j", 2)
    assert result.exit_code == 0, result.output
    written = tree(tmp_path / "out")
    assert set(written) == EXPECTED
    story = written["berita utama/daerah/jawa timur/ponorogo.md"].decode()
    assert story.startswith("---\n") and "# Warga Ponorogo Gotong Royong" in story
    assert "5 cleaned" in result.stderr
    assert result.stdout == ""


def test_each_output_folder_is_synced_once_at_the_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers make each file's bytes durable before its rename; the parent
    makes the renames durable, one folder sync each, not one per file."""
    from bersih import batch

    synced: list[Path] = []
    monkeypatch.setattr(batch, "sync_folders", lambda folders: synced.extend(folders))
    src = make_tree(tmp_path)
    out = tmp_path / "out"
    result = bersih(src, "-o", out, "-j", 2)
    assert result.exit_code == 0, result.output
    assert sorted(set(synced)) == sorted({(out / name).parent for name in EXPECTED})


def test_write_atomic_syncs_the_folder_unless_told_not_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bersih.sources import write_atomic

    calls: list[bool] = []
    real = os.fsync
    monkeypatch.setattr(
        os, "fsync", lambda fd: (calls.append(stat_mode.S_ISDIR(os.fstat(fd).st_mode)), real(fd))
    )
    write_atomic(tmp_path / "a.md", "a")
    assert calls == [False, True]  # the file, then its folder
    calls.clear()
    write_atomic(tmp_path / "b.md", "b", sync_folder=False)
    assert calls == [False]


@pytest.mark.parametrize(("fmt", "suffix"), [("json", ".json"), ("txt", ".txt")])
def test_format_sets_extension(tmp_path: Path, fmt: str, suffix: str) -> None:
    src = make_tree(tmp_path)
    result = bersih(src, "-f", fmt, "-o", tmp_path / "out", "-j", 1)
    assert result.exit_code == 0, result.output
    written = tree(tmp_path / "out")
    assert set(written) == {name.removesuffix(".md") + suffix for name in EXPECTED}
    if fmt == "json":
        record = json.loads(written["satu.json"])
        assert record["title"].startswith("Warga Ponorogo")
        assert record["source"]["path"] == str(src / "satu.txt")


def test_scorer_batch_mode_creates_the_folder(tmp_path: Path) -> None:
    src = tmp_path / "inputs"
    for i in range(3):
        write(src / f"case{i}.txt", en_article(i))
    write(src / "tags.txt", tag_page())
    out = tmp_path / "not-yet" / "out"
    result = bersih(src, "-f", "json", "-o", out)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["case0.json", "case1.json", "case2.json"]
    assert "1 no article" in result.stderr and "tags.txt" in result.stderr


def test_include_and_exclude(tmp_path: Path) -> None:
    src = make_tree(tmp_path)
    result = bersih(src, "-o", tmp_path / "a", "--include", "*.md", "-j", 1)
    assert set(tree(tmp_path / "a")) == {"ünïcödé/café story.md"}, result.output
    result = bersih(src, "-o", tmp_path / "b", "--exclude", "berita utama", "-j", 1)
    assert set(tree(tmp_path / "b")) == {"satu.md", "ünïcödé/café story.md", "english/bridge.md"}


def test_file_arguments_map_to_their_names(tmp_path: Path) -> None:
    one = write(tmp_path / "x" / "one.txt", id_article(1))
    two = write(tmp_path / "y" / "two words.html.gz", en_article(2))
    result = bersih(one, two, "-o", tmp_path / "out", "--kind", "text", "-j", 2)
    assert result.exit_code == 0, result.output
    assert set(tree(tmp_path / "out")) == {"one.md", "two words.md"}


def test_resume_then_force(tmp_path: Path) -> None:
    src = make_tree(tmp_path)
    out = tmp_path / "out"
    assert bersih(src, "-o", out, "-j", 2).exit_code == 0
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*.md")}

    again = bersih(src, "-o", out, "-j", 2)
    assert again.exit_code == 0
    assert "0 cleaned, 5 skipped" in again.stderr
    assert stamps == {p: p.stat().st_mtime_ns for p in out.rglob("*.md")}

    changed = src / "satu.txt"
    later = max(stamps.values()) + 10**9
    os.utime(changed, ns=(later, later))
    partly = bersih(src, "-o", out, "-j", 2)
    assert "1 cleaned, 4 skipped" in partly.stderr, partly.stderr

    forced = bersih(src, "-o", out, "--force", "-j", 2)
    assert "5 cleaned, 0 skipped" in forced.stderr


def test_input_that_lost_its_article_names_the_older_output(tmp_path: Path) -> None:
    """bersih deletes nothing, but says which output no longer matches its input."""
    src = make_tree(tmp_path)
    out = tmp_path / "out"
    assert bersih(src, "-o", out, "-j", 1).exit_code == 0
    old = out / "satu.md"
    before = old.read_bytes()
    (src / "satu.txt").write_text("Beranda\n\nIndeks\n", encoding="utf-8")
    result = bersih(src, "-o", out, "-j", 1)
    assert result.exit_code == 0
    assert "no article" in result.stderr
    assert f"an older output is left in place: {old}" in " ".join(result.stderr.split())
    assert old.read_bytes() == before


def test_dry_run_lists_and_writes_nothing(tmp_path: Path) -> None:
    src = make_tree(tmp_path)
    out = tmp_path / "out"
    result = bersih(src, "-o", out, "--dry-run")
    assert result.exit_code == 0, result.output
    listed = {Path(line).relative_to(out).as_posix() for line in result.stdout.splitlines()}
    assert listed == EXPECTED
    assert not out.exists()


def test_dry_run_respects_resume_and_jsonl(tmp_path: Path) -> None:
    src = make_tree(tmp_path)
    out = tmp_path / "out"
    assert bersih(src, "-o", out, "-j", 1).exit_code == 0
    again = bersih(src, "-o", out, "--dry-run")
    assert again.stdout == "" and "skip 5 up to date" in again.stderr
    stream = bersih(src, "-f", "jsonl", "--dry-run")
    assert len(stream.stdout.splitlines()) == 5 and str(src / "satu.txt") in stream.stdout


def test_empty_folder_says_so(tmp_path: Path) -> None:
    write(tmp_path / "in" / "photo.jpg", PNG)
    result = bersih(tmp_path / "in", "-o", tmp_path / "out")
    assert result.exit_code == ExitCode.NO_ARTICLE
    assert "no input files found" in result.stderr and "*.txt" in result.stderr
    assert not (tmp_path / "out").exists()


def test_bad_files_fail_alone(tmp_path: Path) -> None:
    src = tmp_path / "in"
    for i in range(4):
        write(src / f"good{i}.txt", id_article(i))
    (src / "broken.txt.gz").write_bytes(b"\x1f\x8b\x08\x00" + b"not really gzip" * 20)
    write(src / "picture.html", PNG)
    write(src / "tags.txt", tag_page())
    result = bersih(src, "-o", tmp_path / "out", "-j", 2)
    assert result.exit_code == ExitCode.PARTIAL
    assert set(tree(tmp_path / "out")) == {f"good{i}.md" for i in range(4)}
    summary = result.stderr
    assert "4 cleaned, 0 skipped (up to date), 1 no article, 2 failed" in summary
    assert "broken.txt.gz: corrupt gzip" in summary
    assert "picture.html: input is a PNG image" in summary


def test_nothing_with_an_article_exits_4(tmp_path: Path) -> None:
    write(tmp_path / "in" / "tags.txt", tag_page())
    write(tmp_path / "in" / "more" / "tags2.txt", tag_page())
    result = bersih(tmp_path / "in", "-o", tmp_path / "out")
    assert result.exit_code == ExitCode.NO_ARTICLE
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.md"))


def test_missing_input_is_one_failure(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", id_article(1))
    result = bersih(good, tmp_path / "missing.txt", "-o", tmp_path / "out")
    assert result.exit_code == ExitCode.PARTIAL
    assert "missing.txt: no such file" in result.stderr
    assert (tmp_path / "out" / "good.md").exists()


def test_output_identical_whatever_jobs_and_order(tmp_path: Path) -> None:
    src = tmp_path / "in"
    files = [
        write(src / f"doc{i:02}.txt", (id_article if i % 2 else en_article)(i)) for i in range(12)
    ]
    assert bersih(src, "-o", tmp_path / "j1", "-j", 1).exit_code == 0
    assert bersih(src, "-o", tmp_path / "j2", "-j", 2).exit_code == 0
    assert bersih(*reversed(files), "-o", tmp_path / "rev", "-j", 3).exit_code == 0
    one = tree(tmp_path / "j1")
    assert len(one) == 12
    assert one == tree(tmp_path / "j2")
    # File arguments are recorded by the path given, so compare bodies only.
    rev = tree(tmp_path / "rev")
    assert {k: v.split(b"\n---\n", 1)[1] for k, v in one.items()} == {
        k: v.split(b"\n---\n", 1)[1] for k, v in rev.items()
    }


def test_quiet_is_silent(tmp_path: Path) -> None:
    src = make_tree(tmp_path)
    result = bersih(src, "-o", tmp_path / "out", "-q")
    assert result.exit_code == 0
    assert result.stderr == "" and result.stdout == ""


def test_report(tmp_path: Path) -> None:
    src = tmp_path / "in"
    write(src / "a.txt", id_article(1))
    write(src / "b.txt", tag_page())
    write(src / "c.html", PNG)
    report = tmp_path / "report.json"
    result = bersih(src, "-o", tmp_path / "out", "--report", report, "-j", 2)
    assert result.exit_code == ExitCode.PARTIAL
    data = json.loads(report.read_text("utf-8"))
    assert data["counts"] == {"cleaned": 1, "skipped": 0, "no-article": 1, "failed": 1}
    entries = {Path(e["path"]).name: e for e in data["inputs"]}
    assert [Path(e["path"]).name for e in data["inputs"]] == ["a.txt", "b.txt", "c.html"]
    assert entries["a.txt"]["status"] == "cleaned" and entries["a.txt"]["steps"] > 0
    assert entries["a.txt"]["timings_ms"]["total"] > 0
    assert entries["a.txt"]["output"] == str(tmp_path / "out" / "a.md")
    assert entries["b.txt"]["status"] == "no-article"
    assert entries["c.html"]["status"] == "failed" and "PNG" in entries["c.html"]["reason"]


# ---------------------------------------------------------------------------
# Refusals: before anything is written


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda t: [t / "in" / "a.txt", t / "in" / "b.txt"], "give -o FOLDER"),
        (lambda t: [t / "in", "-o", t / "in" / "out"], "inside the input folder"),
        (lambda t: [t / "in", "-o", t / "in"], "inside the input folder"),
        (
            lambda t: [t / "in" / "a.txt", t / "in" / "b.txt", "-o", t / "in" / "a.txt"],
            "names a file",
        ),
        (lambda t: [t / "in" / "a.txt", t / "in" / "b.txt", "-o", t / "all.md"], "names a file"),
        (lambda t: [t / "in", "-f", "jsonl", "-o", t / "in"], "is a folder"),
        (lambda t: [t / "in", "-f", "jsonl", "-o", t / "in" / "all.jsonl"], "inside the input"),
        (lambda t: [t / "in", "-", "-f", "jsonl"], "standard input"),
        (
            lambda t: [t / "in" / "a.txt", t / "in" / "b.txt", "-f", "txt", "-o", t / "in"],
            "overwrite the input",
        ),
        (lambda t: [t / "in", "-o", t / "out", "-j", "-1"], "--jobs"),
    ],
)
def test_usage_errors(tmp_path: Path, setup: Callable[[Path], list[object]], message: str) -> None:
    write(tmp_path / "in" / "a.txt", id_article(1))
    write(tmp_path / "in" / "b.txt", id_article(2))
    before = tree(tmp_path)
    result = bersih(*setup(tmp_path))
    assert result.exit_code == ExitCode.USAGE, result.output
    assert message in result.stderr
    assert tree(tmp_path) == before
    assert not (tmp_path / "out").exists()


def test_collision_names_both(tmp_path: Path) -> None:
    src = tmp_path / "in"
    write(src / "sub" / "a.txt", id_article(1))
    write(src / "sub" / "a.html", "<html><body><p>x</p></body></html>")
    result = bersih(src, "-o", tmp_path / "out")
    assert result.exit_code == ExitCode.USAGE
    assert (
        str(src / "sub" / "a.html") in result.stderr and str(src / "sub" / "a.txt") in result.stderr
    )
    assert not (tmp_path / "out").exists()
    # Same file names from two folders given as file arguments collide too.
    one = write(tmp_path / "x" / "n.txt", id_article(1))
    two = write(tmp_path / "y" / "n.txt", id_article(2))
    result = bersih(one, two, "-o", tmp_path / "out")
    assert result.exit_code == ExitCode.USAGE and "n.md" in result.stderr


def test_names_differing_in_case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two outputs, on a file system that keeps case (this one); one output,
    so a usage error, where case is ignored (simulated)."""
    src = tmp_path / "in"
    write(src / "Berita.txt", id_article(1))
    write(src / "berita.txt", id_article(2))
    assert bersih(src, "-o", tmp_path / "out").exit_code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["Berita.md", "berita.md"]
    monkeypatch.setattr(batch_plan, "_folds_case", lambda folder: True)
    result = bersih(src, "-o", tmp_path / "out2")
    assert result.exit_code == ExitCode.USAGE
    assert "Berita.txt" in result.stderr and "berita.txt" in result.stderr
    assert not (tmp_path / "out2").exists()


def test_case_folding_is_probed_on_the_nearest_existing_folder(tmp_path: Path) -> None:
    probe = tmp_path / "Probe"
    probe.mkdir()
    folds = (tmp_path / "probe").exists()  # what this machine's file system does
    assert batch_plan._folds_case(probe / "not" / "yet") is folds


# ---------------------------------------------------------------------------
# Symlinks


def test_symlinks_stay_inside_and_loops_end(tmp_path: Path) -> None:
    src = tmp_path / "in"
    outside = write(tmp_path / "secret" / "outside.txt", id_article(9))
    write(src / "real" / "a.txt", id_article(1))
    (src / "real" / "loop").symlink_to(src, target_is_directory=True)  # a loop
    (src / "to-real").symlink_to(src / "real", target_is_directory=True)  # a duplicate
    (src / "escape").symlink_to(outside.parent, target_is_directory=True)
    (src / "escape.txt").symlink_to(outside)
    (src / "alias.txt").symlink_to(src / "real" / "a.txt")  # inside: taken
    (src / "dangling.txt").symlink_to(src / "nowhere.txt")
    (src / "self.txt").symlink_to(src / "self.txt")
    result = bersih(src, "-o", tmp_path / "out", "-v", "-j", 1)
    assert result.exit_code == 0, result.output
    assert set(tree(tmp_path / "out")) == {"real/a.md", "alias.md"}
    assert "points out of the input folder" in result.stderr


# ---------------------------------------------------------------------------
# JSONL pipelines


def test_jsonl_to_stdout_in_input_order(tmp_path: Path) -> None:
    src = tmp_path / "in"
    write(src / "b.txt", en_article(2))
    write(src / "a.txt", id_article(1))
    write(src / "c" / "bad.html", PNG)
    write(src / "d.txt", tag_page())
    extra = write(tmp_path / "extra.txt", id_article(5))
    result = bersih(extra, src, "-f", "jsonl", "-j", 2)
    assert result.exit_code == ExitCode.PARTIAL
    records = [json.loads(line) for line in result.stdout.splitlines()]
    paths = [r.get("path") or r["source"]["path"] for r in records]
    assert [Path(p).name for p in paths] == ["extra.txt", "a.txt", "b.txt", "bad.html", "d.txt"]
    assert records[0]["title"].startswith("Warga Ponorogo")
    assert records[3]["status"] == "failed" and "PNG" in records[3]["error"]
    assert records[4]["status"] == "no-article" and records[4]["error"]


def test_jsonl_file_is_one_atomic_stream(tmp_path: Path) -> None:
    src = tmp_path / "in"
    for i in range(5):
        write(src / f"{i}.txt", id_article(i))
    out = tmp_path / "all.jsonl"
    result = bersih(src, "-f", "jsonl", "-o", out, "-j", 2)
    assert result.exit_code == 0 and result.stdout == ""
    lines = out.read_text("utf-8").splitlines()
    assert [json.loads(line)["title"][-1] for line in lines] == ["0", "1", "2", "3", "4"]
    piped = bersih(src, "-f", "jsonl", "-j", 1)
    assert piped.stdout == out.read_text("utf-8")


# ---------------------------------------------------------------------------
# Time limits and crashes (patches made here reach forked workers)


def _patch_clean(monkeypatch: pytest.MonkeyPatch, action: Callable[[], None]) -> None:
    real = pipeline.clean

    def clean(data: str | bytes, options: Options | None = None) -> object:
        if b"MACET" in (data if isinstance(data, bytes) else data.encode()):
            action()
        return real(data, options)

    monkeypatch.setattr(pipeline, "clean", clean)


def _stuck_tree(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    for i in range(6):
        write(src / f"ok{i}.txt", id_article(i))
    write(src / "ok2-stuck.txt", id_article(20).replace("Gotong", "MACET Gotong"))
    return src


def _plan(src: Path, out: Path, *, timeout: float = 0.0, jobs: int = 2) -> BatchPlan:
    options = Options(limits=Limits(time_limit=timeout))
    return BatchPlan(
        inputs=[src], output=out, fmt=Format.MD, options=options, jobs=jobs, quiet=True
    )


@needs_fork
def test_soft_time_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _patch_clean(monkeypatch, lambda: time.sleep(30))
    src = _stuck_tree(tmp_path)
    started = time.monotonic()
    code = run_batch(_plan(src, tmp_path / "out", timeout=0.3))
    assert time.monotonic() - started < 10
    assert code == ExitCode.PARTIAL
    assert "ok2-stuck.txt: timed out" in capsys.readouterr().err
    assert len(tree(tmp_path / "out")) == 6


def _blocked_sleep() -> None:
    """Stuck where no Python signal handler runs (like a C loop)."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    time.sleep(30)


@needs_fork
def test_hard_time_limit_kills_the_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _patch_clean(monkeypatch, _blocked_sleep)
    src = _stuck_tree(tmp_path)
    started = time.monotonic()
    code = run_batch(_plan(src, tmp_path / "out", timeout=0.2, jobs=1))
    assert time.monotonic() - started < 10
    assert code == ExitCode.PARTIAL
    assert "ok2-stuck.txt: timed out" in capsys.readouterr().err
    assert len(tree(tmp_path / "out")) == 6


@needs_fork
def test_crashed_worker_fails_one_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _patch_clean(monkeypatch, lambda: os.kill(os.getpid(), signal.SIGKILL))
    src = _stuck_tree(tmp_path)
    code = run_batch(_plan(src, tmp_path / "out"))
    assert code == ExitCode.PARTIAL
    assert "ok2-stuck.txt: worker process died (killed by SIGKILL)" in capsys.readouterr().err
    assert len(tree(tmp_path / "out")) == 6


@needs_fork
def test_two_workers_halve_the_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pool's own cost, apart from CPU speed: documents that each wait 50 ms
    (no CPU, so a busy machine cannot blur it) finish >= 1.6x sooner with -j 2."""
    real = pipeline.clean

    def slow_clean(data: str | bytes, options: Options | None = None) -> object:
        time.sleep(0.05)
        return real(data, options)

    monkeypatch.setattr(pipeline, "clean", slow_clean)
    src = tmp_path / "in"
    for i in range(40):
        write(src / f"{i:02}.txt", id_article(i))
    seconds = {}
    for jobs in (1, 2):
        started = time.monotonic()
        assert run_batch(_plan(src, tmp_path / f"j{jobs}", jobs=jobs)) == ExitCode.OK
        seconds[jobs] = time.monotonic() - started
    assert seconds[1] / seconds[2] >= 1.6, seconds
    assert tree(tmp_path / "j1") == tree(tmp_path / "j2")


def test_run_batch_rejects_before_writing(tmp_path: Path) -> None:
    src = tmp_path / "in"
    write(src / "a.txt", id_article(1))
    with pytest.raises(UsageError, match="inside the input folder"):
        run_batch(_plan(src, src / "sub"))
    assert not (src / "sub").exists()


# ---------------------------------------------------------------------------
# Interrupted runs (a real process, killed mid-run)

# Runs the CLI with every fsync slowed down, so a kill lands mid-write.
SLOW_CLI = """
import os, sys, time
real_fsync = os.fsync
def fsync(fd):
    time.sleep({delay})
    real_fsync(fd)
os.fsync = fsync
from bersih.cli import main
sys.argv = ["bersih", *sys.argv[1:]]
main()
"""


def _corpus(root: Path, count: int = 30) -> Path:
    src = root / "in"
    for i in range(count):
        write(src / f"part{i % 3}" / f"doc {i:02}.txt", (id_article if i % 2 else en_article)(i))
    return src


def _start(src: Path, out: Path, delay: float, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            SLOW_CLI.format(delay=delay),
            "clean",
            str(src),
            "-o",
            str(out),
            *extra,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def _wait_for_outputs(out: Path, count: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if out.exists() and sum(1 for _ in out.rglob("*.md")) >= count:
            return
        time.sleep(0.02)
    raise AssertionError("the run wrote nothing")


def _wait_for_temp_files(out: Path, count: int) -> None:
    """Wait until ``count`` atomic writes are in progress (their temp files exist)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if sum(1 for p in out.rglob("*.tmp")) >= count:
            return
        time.sleep(0.002)
    raise AssertionError("no write in progress")


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _assert_only_complete(out: Path, reference: dict[str, bytes]) -> None:
    leftovers = [p.name for p in out.rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []
    written = tree(out)
    assert written, "nothing was written"
    for name, data in written.items():
        assert data == reference[name], name


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    root = tmp_path_factory.mktemp("corpus")
    src = _corpus(root)
    result = bersih(src, "-o", root / "reference", "-j", 2)
    assert result.exit_code == 0, result.output
    return src, tree(root / "reference")


@needs_proc
def test_sigint_leaves_only_complete_files(
    tmp_path: Path, corpus: tuple[Path, dict[str, bytes]]
) -> None:
    src, reference = corpus
    out = tmp_path / "out"
    proc = _start(src, out, 0.05, "-j", "2")
    _wait_for_outputs(out, 3)
    _wait_for_temp_files(out, 1)
    os.killpg(proc.pid, signal.SIGINT)  # like Ctrl-C: the whole process group
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == ExitCode.INTERRUPTED, err
    assert b"interrupted" in err
    _assert_only_complete(out, reference)
    assert len(tree(out)) < len(reference)


@needs_proc
def test_killed_worker_leaves_only_complete_files(
    tmp_path: Path, corpus: tuple[Path, dict[str, bytes]]
) -> None:
    src, reference = corpus
    out = tmp_path / "out"
    proc = _start(src, out, 0.05, "-j", "2")
    _wait_for_outputs(out, 3)
    workers = _children(proc.pid)
    assert len(workers) == 2
    _wait_for_temp_files(out, 2)  # both workers are writing: the kill lands mid-write
    os.kill(workers[0], signal.SIGKILL)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == ExitCode.PARTIAL, err
    assert b"worker process died (killed by SIGKILL)" in err
    _assert_only_complete(out, reference)
    assert len(tree(out)) >= len(reference) - 1


@needs_proc
def test_killed_run_leaves_only_complete_files(
    tmp_path: Path, corpus: tuple[Path, dict[str, bytes]]
) -> None:
    src, reference = corpus
    out = tmp_path / "out"
    proc = _start(src, out, 0.05, "-j", "2")
    _wait_for_outputs(out, 3)
    workers = _children(proc.pid)
    _wait_for_temp_files(out, 1)
    proc.kill()  # the parent only: its workers finish their document and stop
    proc.communicate(timeout=30)
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.02)
    _assert_only_complete(out, reference)
    # Resuming finishes the job and keeps what was already written.
    result = bersih(src, "-o", out, "-j", 2)
    assert result.exit_code == 0
    assert tree(out) == reference


# ---------------------------------------------------------------------------
# Terminals and redirected output


def test_no_progress_bytes_when_redirected(tmp_path: Path) -> None:
    src = make_tree(tmp_path)
    folder = subprocess.run(
        [sys.executable, "-m", "bersih", "clean", str(src), "-o", str(tmp_path / "out")],
        capture_output=True,
        check=False,
    )
    stream = subprocess.run(
        [sys.executable, "-m", "bersih", "clean", str(src), "-f", "jsonl"],
        capture_output=True,
        check=False,
    )
    assert folder.returncode == 0 and stream.returncode == 0
    for data in (folder.stdout, folder.stderr, stream.stdout, stream.stderr):
        assert b"\x1b[" not in data and "━".encode() not in data and b"\r" not in data
    assert folder.stdout == b""
    assert len([json.loads(line) for line in stream.stdout.splitlines()]) == 5


@needs_proc
def test_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    import pty

    src = make_tree(tmp_path)
    main_fd, child_fd = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bersih", "clean", str(src), "-f", "jsonl"],
        stdout=subprocess.PIPE,
        stderr=child_fd,
        env={**os.environ, "TERM": "xterm", "COLUMNS": "100"},
    )
    os.close(child_fd)
    stdout, _ = proc.communicate(timeout=60)
    shown = b""
    while True:
        try:
            chunk = os.read(main_fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(main_fd)
    assert proc.returncode == 0
    assert "━".encode() in shown and b"5 cleaned" in shown
    assert b"\x1b[" not in stdout and len(stdout.splitlines()) == 5
