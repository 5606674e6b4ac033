"""The compiled-pattern cache: patterns from it behave exactly as ``re``'s,
and nothing that goes wrong with the cache file changes that."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bersih import recache

SAMPLES = [
    (r"(?P<place>[A-Z][\w'’.]*(?:[ -][A-Z][\w'’.]*){0,3})\s{0,2}[-–—]", 0),
    (r"^(?:baca juga|lihat juga)(?!\w)", re.I),
    (r"[\u2000-\u206f]+|(?i:com|co\.id)$", re.M),
    (rb"[\x80-\xff]{3}", 0),
]
TEXTS = ["PONOROGO - Polres", "Baca Juga: x", "a\u2003b\nCO.ID", "plain"]


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh, empty cache in ``tmp_path`` (the module's state is reset)."""
    monkeypatch.setenv("BERSIH_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(recache, "_loaded", None)
    monkeypatch.setattr(recache, "_new", {})
    yield tmp_path


def _same(a: re.Pattern[str] | re.Pattern[bytes], b: re.Pattern[str] | re.Pattern[bytes]) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (
        b.pattern,
        b.flags,
        b.groups,
        b.groupindex,
    )
    for text in TEXTS:
        subject: str | bytes = text if isinstance(a.pattern, str) else text.encode()
        assert [m.span() for m in a.finditer(subject)] == [m.span() for m in b.finditer(subject)]  # type: ignore[arg-type]


def _reload(monkeypatch: pytest.MonkeyPatch) -> None:
    """As a new process would start: nothing loaded, nothing new."""
    monkeypatch.setattr(recache, "_loaded", None)
    monkeypatch.setattr(recache, "_new", {})


@pytest.mark.parametrize(("pattern", "flags"), SAMPLES)
def test_fresh_and_cached_patterns_are_res(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch, pattern: str, flags: int
) -> None:
    _same(recache.compile(pattern, flags), re.compile(pattern, flags))
    recache.save()
    assert len(list(cache_dir.glob("re-*.marshal"))) == 1
    _reload(monkeypatch)

    def no_compiling(*args: object) -> None:
        raise AssertionError("compiled again instead of read from the cache")

    monkeypatch.setattr(recache, "_entry", no_compiling)
    _same(recache.compile(pattern, flags), re.compile(pattern, flags))


def test_save_merges_what_other_processes_wrote(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recache.compile(r"one\d+")
    recache.save()
    _reload(monkeypatch)
    recache.compile(r"two\w+")
    recache.save()
    _reload(monkeypatch)
    assert {key[0] for key in recache._cache()} == {r"one\d+", r"two\w+"}


def test_a_corrupt_cache_file_is_ignored_and_replaced(cache_dir: Path) -> None:
    path = recache._path()
    assert path is not None
    Path(path).write_bytes(b"\x00not marshal data")
    _same(recache.compile(r"(a)(?P<b>b)"), re.compile(r"(a)(?P<b>b)"))
    recache.save()
    assert (r"(a)(?P<b>b)", 0) in recache._read(path)


def test_code_the_matcher_refuses_is_compiled_afresh(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad: recache._Entry = (32, [999, 1, 2], 0, {}, (None,))
    monkeypatch.setattr(recache, "_loaded", {(r"x+", 0): bad})
    _same(recache.compile(r"x+"), re.compile(r"x+"))


def test_an_unwritable_cache_folder_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("BERSIH_CACHE_DIR", str(blocker / "cache"))
    _reload(monkeypatch)
    _same(recache.compile(r"y+"), re.compile(r"y+"))
    recache.save()  # nothing raised
    assert blocker.read_text() == "not a folder"
    assert [p.name for p in tmp_path.iterdir()] == ["a-file"]


def test_an_empty_cache_dir_setting_turns_the_cache_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BERSIH_CACHE_DIR", "")
    _assert_cache_off(tmp_path, monkeypatch)


def test_the_default_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("BERSIH_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = recache._path()
    assert path is not None and Path(path).parent == tmp_path / "bersih"


def test_every_cached_pattern_of_bersih_matches_a_fresh_compile() -> None:
    """The cache the test run itself uses holds only what ``re`` would make."""
    import bersih.extract.html  # noqa: F401 - compile the HTML path's patterns too

    entries = {**recache._cache(), **recache._new}
    assert entries, "no patterns went through the cache"
    for (pattern, flags), entry in entries.items():
        assert recache._entry(pattern, flags) == entry, pattern


def test_the_cache_file_is_per_python_build(cache_dir: Path) -> None:
    path = recache._path()
    assert path is not None
    name = os.path.basename(path)
    assert name.startswith(f"re-{sys.implementation.cache_tag}-")


def test_no_home_means_no_cache_rather_than_one_in_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("BERSIH_CACHE_DIR", "XDG_CACHE_HOME", "HOME", "USERPROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(os.path, "expanduser", lambda path: path)  # "~" stays "~"
    _assert_cache_off(tmp_path, monkeypatch)


def _assert_cache_off(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Patterns still compile, and nothing is written (not even in the cwd)."""
    monkeypatch.chdir(folder)
    _reload(monkeypatch)
    assert recache._path() is None
    _same(recache.compile(r"z+"), re.compile(r"z+"))
    recache.save()
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(("pattern", "flags"), SAMPLES)
def test_library_patterns_under_imports_are_res(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch, pattern: str, flags: int
) -> None:
    """What a library compiles while ``imports()`` is on (``re.compile``,
    ``re.search``...) comes from the cache and is the same pattern."""
    with recache.imports():
        first = re.compile(pattern, flags)
        found = re.search(pattern, "PONOROGO - x" if isinstance(pattern, str) else b"x", flags)
    recache.save()
    _reload(monkeypatch)
    with recache.imports():
        again = re.compile(pattern, flags)
    fresh = re.compile(pattern, flags)
    _same(first, fresh)
    _same(again, fresh)
    assert (found is None) == (
        re.search(pattern, "PONOROGO - x" if isinstance(pattern, str) else b"x", flags) is None
    )
    assert (pattern, int(flags)) in recache._cache()


def test_imports_puts_re_back_and_passes_the_unusual_through(cache_dir: Path) -> None:
    original = re._compile  # type: ignore[attr-defined]
    with pytest.raises(ZeroDivisionError), recache.imports():
        compiled = re.compile(r"a+")
        assert re.compile(compiled) is compiled  # a pattern object as such
        with pytest.raises(re.error):
            re.compile(r"(unclosed")  # a bad pattern raises as ever
        1 / 0  # noqa: B018
    assert re._compile is original  # type: ignore[attr-defined]
