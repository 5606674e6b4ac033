"""Planning a many-input run: which files, written where, refused why.

Everything here happens before a single byte is written: folders are walked
(sorted, so every run sees the same order), each input is mapped to its
output, and the combinations that would lose data are refused with a
``UsageError`` (two inputs for one output, an output inside an input folder,
several documents for one output file).

Walking rules, chosen to be safe on trees we did not make:

- names are sorted (code-point order) at every level;
- names starting with "." are left out (``.git``, editor backups, and the
  ``.NAME.*.tmp`` files an interrupted atomic write can leave);
- symlinked folders are never followed: a target inside the tree is walked
  anyway under its own name, one outside it is off limits, and so no
  symlink loop can trap the walk;
- symlinked files are taken only when they resolve inside the input folder
  (a loop or a dangling link is skipped and noted for ``-v``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath

from .errors import UsageError
from .model import Format

#: What a folder walk takes when no ``--include`` is given (each also gzipped).
DEFAULT_SUFFIXES = (".txt", ".html", ".htm", ".md")
#: The extension each output format writes.
FORMAT_SUFFIX = {Format.MD: ".md", Format.JSON: ".json", Format.TXT: ".txt", Format.JSONL: ".jsonl"}
GZIP_SUFFIX = ".gz"


@dataclass(frozen=True, slots=True)
class Job:
    """One input of the run.

    index: position in input order (JSONL records and the report follow it).
    source: the file to read.
    display: the path as the user would write it (messages, ``source.path``).
    output: the file to write, or None when the result goes to a JSONL stream.
    error: a reason found while planning (unreadable folder); never dispatched.
    """

    index: int
    source: Path
    display: str
    output: Path | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Layout:
    """The planned run.

    jobs: every input in order (folders expanded).
    folder: the output folder (one file per input), or None for a stream.
    stream: with ``-f jsonl``, the file to write (None = standard output).
    notes: what the walk left out and why (shown with ``-v``).
    """

    jobs: tuple[Job, ...]
    folder: Path | None = None
    stream: Path | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Selection:
    """Which files a folder walk takes: ``--include`` and ``--exclude`` globs.

    A glob with "/" is matched against the path relative to the input folder,
    any other against the file name (``fnmatch``, case-sensitive). With no
    include globs the default suffixes are taken, in any letter case.
    Exclude globs also prune folders.
    """

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def takes(self, rel: PurePosixPath) -> bool:
        if self.leaves_out(rel):
            return False
        if self.include:
            return any(_glob_matches(pattern, rel) for pattern in self.include)
        name = rel.name.lower()
        name = name.removesuffix(GZIP_SUFFIX)
        return name.endswith(DEFAULT_SUFFIXES)

    def leaves_out(self, rel: PurePosixPath) -> bool:
        return any(_glob_matches(pattern, rel) for pattern in self.exclude)


def _glob_matches(pattern: str, rel: PurePosixPath) -> bool:
    if "/" in pattern:
        return fnmatchcase(rel.as_posix(), pattern.strip("/"))
    return fnmatchcase(rel.name, pattern)


def output_name(name: str, fmt: Format) -> str:
    """``a.html.gz`` -> ``a.md``: drop ".gz", then the last extension, add the format's."""
    stem = name[: -len(GZIP_SUFFIX)] if name.lower().endswith(GZIP_SUFFIX) else name
    dot = stem.rfind(".")
    if dot > 0:
        stem = stem[:dot]
    return stem + FORMAT_SUFFIX[fmt]


@dataclass
class _Walk:
    """A deterministic, symlink-safe walk of one input folder."""

    root: Path
    selection: Selection
    notes: list[str] = field(default_factory=list)
    errors: list[tuple[PurePosixPath, str]] = field(default_factory=list)

    def files(self) -> Iterator[PurePosixPath]:
        yield from self._visit(self.root.resolve(), self.root, PurePosixPath())

    def _visit(self, real_root: Path, folder: Path, rel: PurePosixPath) -> Iterator[PurePosixPath]:
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as exc:
            self.errors.append((rel, f"cannot read folder: {exc.strerror or exc}"))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            child = rel / entry.name
            kind = self._kind(real_root, folder / entry.name, entry, child)
            if kind == "dir" and not self.selection.leaves_out(child):
                yield from self._visit(real_root, folder / entry.name, child)
            elif kind == "file" and self.selection.takes(child):
                yield child

    def _kind(
        self, real_root: Path, path: Path, entry: os.DirEntry[str], rel: PurePosixPath
    ) -> str:
        """ "dir", "file" or "" (left out) for one folder entry."""
        shown = self.root / rel
        try:
            if not entry.is_symlink():
                if entry.is_dir(follow_symlinks=False):
                    return "dir"
                return "file" if entry.is_file(follow_symlinks=False) else ""
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            self.notes.append(f"skipped {shown}: broken symlink or symlink loop")
            return ""
        if target.is_dir():
            self.notes.append(f"skipped {shown}: symlinked folders are not followed")
            return ""
        if not target.is_relative_to(real_root):
            self.notes.append(f"skipped {shown}: symlink points out of the input folder")
            return ""
        return "file" if target.is_file() else ""


def build_layout(
    inputs: Sequence[Path], output: Path | None, fmt: Format, selection: Selection
) -> Layout:
    """Expand ``inputs``, map each to its output, and refuse unsafe plans."""
    _check_inputs(inputs)
    has_folder = any(path.is_dir() for path in inputs)
    if fmt is Format.JSONL:
        stream = _stream_target(output)
        jobs, notes = _expand(inputs, None, fmt, selection)
        if stream is not None:
            _refuse_inside_inputs(inputs, [stream.resolve()], stream)
        return Layout(jobs=tuple(jobs), stream=stream, notes=tuple(notes))
    folder = _folder_target(output, fmt, len(inputs), has_folder)
    jobs, notes = _expand(inputs, folder, fmt, selection)
    jobs = _dedupe(jobs)
    _refuse_collisions(jobs, folder)
    real = folder.resolve()
    _refuse_inside_inputs(
        inputs, [real / job.output.relative_to(folder) for job in jobs if job.output], folder
    )
    return Layout(jobs=tuple(jobs), folder=folder, notes=tuple(notes))


def _check_inputs(inputs: Sequence[Path]) -> None:
    if not inputs:
        raise UsageError("no inputs given")
    if any(str(path) == "-" for path in inputs):
        raise UsageError("'-' (standard input) cannot be combined with other inputs or folders")


def _stream_target(output: Path | None) -> Path | None:
    if output is not None and output.is_dir():
        raise UsageError(
            f"-o {output} is a folder, but -f jsonl writes one stream: give -o FILE.jsonl "
            "(or leave -o out for standard output)"
        )
    return output


def _folder_target(output: Path | None, fmt: Format, count: int, has_folder: bool) -> Path:
    what = "a folder's files" if has_folder and count == 1 else f"{count} inputs"
    if output is None:
        raise UsageError(
            f"{what} make one document each: give -o FOLDER to write one file per input, "
            "or -f jsonl for one JSON record per input on standard output"
        )
    looks_like_file = output.suffix.lower() in FORMAT_SUFFIX.values() and not has_folder
    if (output.exists() and not output.is_dir()) or (not output.exists() and looks_like_file):
        raise UsageError(
            f"-o {output} names a file, but {what} make one {fmt.value} document each: "
            "give -o FOLDER (it is created if missing), or -f jsonl -o FILE.jsonl for one stream"
        )
    return output


def _expand(
    inputs: Sequence[Path], folder: Path | None, fmt: Format, selection: Selection
) -> tuple[list[Job], list[str]]:
    jobs: list[Job] = []
    notes: list[str] = []

    def add(source: Path, rel: PurePosixPath, error: str | None = None) -> None:
        out = None
        if folder is not None and error is None:
            out = folder.joinpath(*rel.parent.parts, output_name(rel.name, fmt))
        jobs.append(Job(len(jobs), source, str(source), out, error))

    for path in inputs:
        if not path.is_dir():
            add(path, PurePosixPath(path.name))
            continue
        walk = _Walk(path, selection)
        for rel in walk.files():
            add(path.joinpath(*rel.parts), rel)
        for rel, reason in walk.errors:
            add(path.joinpath(*rel.parts), rel, error=reason)
        notes.extend(walk.notes)
    return jobs, notes


def _dedupe(jobs: list[Job]) -> list[Job]:
    """Drop a second mention of the same file mapped to the same output."""
    seen: set[tuple[Path, Path | None]] = set()
    kept: list[Job] = []
    for job in jobs:
        key = (job.source.resolve(), job.output)
        if key in seen:
            continue
        seen.add(key)
        kept.append(Job(len(kept), job.source, job.display, job.output, job.error))
    return kept


def _refuse_collisions(jobs: list[Job], folder: Path) -> None:
    """Two inputs mapped to one output, also when they differ only in case
    and the output folder's file system ignores case (macOS, Windows)."""
    fold = _folds_case(folder)
    owner: dict[str, Job] = {}
    for job in jobs:
        if job.output is None or job.error:
            continue
        key = os.path.normcase(os.path.normpath(job.output))
        first = owner.setdefault(key.casefold() if fold else key, job)
        if first is not job:
            raise UsageError(
                f"{first.display} and {job.display} would both be written to {job.output}: "
                "rename one, or leave one out with --exclude"
            )


def _folds_case(folder: Path) -> bool:
    """Whether ``folder`` (or, before it exists, its nearest existing parent)
    is on a file system that ignores case: the same entry answers to a name
    with its letters' case swapped. ``False`` when no name has letters."""
    path = folder.absolute()
    while not path.exists() and path != path.parent:
        path = path.parent
    for here in (path, *path.parents):
        swapped = here.with_name(here.name.swapcase()) if here.name else here
        if swapped != here:
            try:
                return swapped.exists() and os.path.samefile(here, swapped)
            except OSError:
                return False
    return False


def _refuse_inside_inputs(inputs: Sequence[Path], outputs: list[Path], shown: Path) -> None:
    """Refuse any output inside an input folder, or on top of an input file."""
    folders = [(path, path.resolve()) for path in inputs if path.is_dir()]
    files = {path.resolve(): path for path in inputs if not path.is_dir()}
    target = shown.resolve()
    for given, real in folders:
        if target == real or target.is_relative_to(real) or _any_inside(outputs, real):
            raise UsageError(
                f"-o {shown} would write inside the input folder {given}: bersih never writes "
                "into its inputs; choose an output outside it"
            )
    for out in outputs:
        if out in files:
            raise UsageError(f"-o {shown} would overwrite the input {files[out]}")


def _any_inside(outputs: list[Path], folder: Path) -> bool:
    return any(out.is_relative_to(folder) for out in outputs)
