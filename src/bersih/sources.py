"""Reading inputs: files, ``-``/stdin, and atomic output writes."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import BinaryIO

from .errors import InputError, OutputError, TooLargeError


def read_path(path: Path, max_bytes: int) -> bytes:
    """Read a file, refusing folders, missing files and oversize inputs."""
    try:
        size = path.stat().st_size
        if max_bytes and size > max_bytes:
            raise TooLargeError(
                f"{path} is {size} bytes, over the {max_bytes}-byte limit (raise it with --max-size)"
            )
        with path.open("rb") as handle:
            return handle.read(max_bytes + 1 if max_bytes else -1)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a folder (give -o FOLDER to clean a folder)") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from None


def read_stream(stream: BinaryIO, max_bytes: int) -> bytes:
    """Read stdin (bytes), refusing more than ``max_bytes``."""
    data = stream.read(max_bytes + 1) if max_bytes else stream.read()
    if max_bytes and len(data) > max_bytes:
        raise TooLargeError(
            f"standard input is over the {max_bytes}-byte limit (raise it with --max-size)"
        )
    return data


def write_atomic(path: Path, data: str) -> None:
    """Write ``data`` next to ``path`` and rename it into place."""
    directory = path.parent if str(path.parent) else Path(".")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        with _suppress():
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
        raise


class _suppress:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> bool:
        return True
