"""Compiled regular expressions remembered between runs.

Python compiles a pattern in two pure-Python passes (parse, code
generation) before its C matcher gets the code; bersih's rule patterns cost
about 35 ms of every process that way, more than its own work on a typical
page. ``compile`` keeps the generated code in a small cache file and hands
it straight to the C matcher on later runs: the same pattern object as
``re.compile`` makes, without the passes.

The file is ``$BERSIH_CACHE_DIR`` (default ``$XDG_CACHE_HOME/bersih``, or
``~/.cache/bersih``) / ``re-<python>-<sre magic>-<build>.marshal``: one per
exact Python build, since the code format belongs to it. An empty
``BERSIH_CACHE_DIR`` turns the cache off. Whatever goes wrong with the file
(missing, unreadable, corrupt, read-only folder) the pattern is compiled as
usual; the C matcher checks the code it is handed, and new patterns are
written back once, at exit, by a replace of the whole file.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import atexit
import contextlib
import marshal
import os
import re
import sys
import zlib
from collections.abc import Iterator
from typing import Any, AnyStr

#: The cache starts afresh when it holds more entries than this
#: (patterns of older bersih versions pile up otherwise).
MAX_ENTRIES = 2000

_Key = tuple[str | bytes, int]
#: (flags, code, groups, group index, index group): ``_sre.compile``'s arguments.
_Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

_loaded: dict[_Key, _Entry] | None = None
_new: dict[_Key, _Entry] = {}


def compile(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """``re.compile(pattern, flags)``, from the cache when it holds the pattern."""
    return _compile(pattern, flags, re.compile)


@contextlib.contextmanager
def imports() -> Iterator[None]:
    """While importing a library (trafilatura compiles some 250 patterns as
    it loads, ~50 ms a process), its ``re.compile``/``re.match``... calls
    go through the cache too. Patterns objects, DEBUG and anything unusual
    go the usual way; ``re`` is put back afterwards, whatever happens."""
    original = re._compile  # type: ignore[attr-defined]

    def cached(pattern: Any, flags: Any) -> Any:
        if not isinstance(pattern, (str, bytes)) or int(flags) & re.DEBUG:
            return original(pattern, flags)
        return _compile(pattern, int(flags), lambda p, f: original(p, f))

    re._compile = cached  # type: ignore[attr-defined]
    try:
        yield
    finally:
        re._compile = original  # type: ignore[attr-defined]


def _compile(pattern: AnyStr, flags: int, fallback: Any) -> re.Pattern[AnyStr]:
    flags = int(flags)
    key = (pattern, flags)
    entry = _cache().get(key)
    fresh = entry is None
    if entry is None:
        entry = _entry(pattern, flags)
    if entry is not None:
        try:
            compiled: re.Pattern[AnyStr] = _sre.compile(pattern, *entry)
        except (TypeError, ValueError, RuntimeError, OverflowError):
            pass  # not code this matcher accepts: compile as usual
        else:
            if fresh:
                _remember(key, entry)
            return compiled
    result: re.Pattern[AnyStr] = fallback(pattern, flags)
    return result


def _remember(key: _Key, entry: _Entry) -> None:
    if not _new and _path():
        atexit.register(save)
    _new[key] = entry


def _entry(pattern: str | bytes, flags: int) -> _Entry | None:
    """The code ``re`` generates for ``pattern``, as ``_sre.compile`` takes it."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    try:
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        state = parsed.state
        index: list[str | None] = [None] * state.groups
        for name, i in state.groupdict.items():
            index[i] = name
        return (
            flags | state.flags,
            [int(c) for c in code],
            state.groups - 1,
            dict(state.groupdict),
            tuple(index),
        )
    except Exception:
        return None


def _path() -> str | None:
    folder = os.environ.get("BERSIH_CACHE_DIR")
    if folder is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(base, "bersih")
    if not folder or not os.path.isabs(folder):
        return None  # off, or no home to resolve "~" against: never a folder in the cwd
    build = zlib.crc32(sys.version.encode("utf-8", "replace"))
    tag = f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{build:08x}"
    return os.path.join(folder, f"re-{tag}.marshal")


def _cache() -> dict[_Key, _Entry]:
    global _loaded
    if _loaded is None:
        _loaded = _read(_path())
    return _loaded


def _read(path: str | None) -> dict[_Key, _Entry]:
    if not path:
        return {}
    try:
        with open(path, "rb") as f:
            data: Any = marshal.loads(f.read())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return data if isinstance(data, dict) else {}


def save() -> None:
    """Write the patterns compiled afresh in this process into the cache
    (merged with what another process may have written meanwhile)."""
    path = _path()
    if not path or not _new:
        return
    merged = _read(path)
    if len(merged) + len(_new) > MAX_ENTRIES:
        merged = {}
    merged.update(_new)
    temp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temp, "wb") as f:
            marshal.dump(merged, f)
        os.replace(temp, path)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(temp)
        return
    _new.clear()
