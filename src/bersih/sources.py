"""Reading inputs (files, ``-``/stdin) and writing outputs atomically.

Inputs are opened read-only and never changed. Outputs are written to a
temporary file beside the target and renamed over it, so a failed or
interrupted run leaves an existing output exactly as it was; every OS error
on the way (permission, disk full, a parent that is a file) is an
``OutputError`` (exit 3) with a one-line reason.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from .decode import scrub
from .errors import InputError, OutputError, TooLargeError

#: Longest file-name stem used for the temporary file beside an output (the
#: whole name must stay under the usual 255-byte limit).
TEMP_STEM_CHARS = 100
#: Permission bits of a new output (before the umask), as ``open()`` would use.
NEW_FILE_MODE = 0o666


def read_path(path: Path, max_bytes: int) -> bytes:
    """Read a file, refusing folders, missing files and oversize inputs.

    Reads at most ``max_bytes + 1`` bytes, so a device or a file that grows
    while it is read cannot exhaust memory.
    """
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, "is a folder", str(path))
        size = info.st_size if stat.S_ISREG(info.st_mode) else 0
        if max_bytes and size > max_bytes:
            raise TooLargeError(
                f"{path} is {size} bytes, over the {max_bytes}-byte limit "
                "(raise it with --max-size)"
            )
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1 if max_bytes else -1)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a folder (give -o FOLDER to clean a folder)") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from None
    if max_bytes and len(data) > max_bytes:
        raise TooLargeError(f"{path} is over the {max_bytes}-byte limit (raise it with --max-size)")
    return data


def read_stream(stream: BinaryIO, max_bytes: int) -> bytes:
    """Read stdin (bytes), refusing more than ``max_bytes``."""
    try:
        data = stream.read(max_bytes + 1) if max_bytes else stream.read()
    except OSError as exc:
        raise InputError(f"standard input: {exc.strerror or exc}") from None
    if max_bytes and len(data) > max_bytes:
        raise TooLargeError(
            f"standard input is over the {max_bytes}-byte limit (raise it with --max-size)"
        )
    return data


def write_atomic(path: Path, data: str, *, sync_folder: bool = True) -> None:
    """Write ``data`` (UTF-8) to ``path`` through a temporary file renamed
    into place; an existing file keeps its permissions, a symbolic link
    keeps pointing at the (replaced) file, and a device or FIFO
    (``-o /dev/null``) is written to, never replaced.

    On any failure the temporary file is removed and ``path`` is untouched;
    OS errors become ``OutputError``. The file's bytes reach the disk before
    the rename; the folder entry too unless ``sync_folder`` is false (a batch
    run syncs each output folder once, at the end: ``sync_folders``).
    """
    payload = scrub(data).encode("utf-8")
    if path.is_symlink():
        path = Path(os.path.realpath(path))  # update the file the link names, keep the link
    if _is_special(path):
        _write_through(path, payload)  # /dev/null, /dev/stdout, a FIFO: never replaced
        return
    directory = path.parent if str(path.parent) else Path(".")
    tmp = directory / f".{path.name[:TEMP_STEM_CHARS]}.{os.urandom(4).hex()}.tmp"
    try:
        if directory.exists() and not directory.is_dir():
            raise OutputError(f"cannot write {path}: {directory} is a file, not a folder")
        directory.mkdir(parents=True, exist_ok=True)
        mode = _mode_of(path)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, NEW_FILE_MODE)
    except OSError as exc:
        raise _output_error(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _output_error(path, exc) from None
        raise
    if sync_folder:
        _sync_directory(directory)


def sync_folders(folders: Iterable[Path]) -> None:
    """Make the renames into ``folders`` durable (best effort), once each."""
    for folder in sorted(set(folders)):
        _sync_directory(folder)


def _is_special(path: Path) -> bool:
    """An existing device, FIFO or socket (not a file or folder)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _write_through(path: Path, payload: bytes) -> None:
    try:
        with path.open("wb") as handle:
            handle.write(payload)
    except OSError as exc:
        raise _output_error(path, exc) from None


def _mode_of(path: Path) -> int | None:
    """The permission bits of an existing regular file at ``path``, else None."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(21, "it is a folder", str(path))
    return stat.S_IMODE(st.st_mode) if stat.S_ISREG(st.st_mode) else None


def _output_error(path: Path, exc: OSError) -> OutputError:
    return OutputError(f"cannot write {path}: {exc.strerror or exc}")


def _sync_directory(directory: Path) -> None:
    """Make the rename durable (best effort: not every platform allows it)."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
