"""The quick entry: common ``bersih clean`` calls read without typer.

Building the typer app imports typer, click, rich and pydantic: ~0.2 s,
more than cleaning a page takes, paid by every call in a shell loop and by
the parent of every folder run. Calls that use only the options below are
read here and run through the same ``command.execute`` as the full command
line; anything else (help, version, other options, a value typer would
refuse, a form typer reads differently) goes to typer unchanged, which
parses it and explains mistakes. Output, messages and exit codes are the
same either way (``tests/test_quick.py`` runs both on the same calls).

    bersih clean INPUT... [-f|--format F] [-o|--output PATH] [-j|--jobs N]
                          [--kind K] [--lang L] [--links] [--force] [--dry-run]
                          [--include GLOB]... [--exclude GLOB]... [--report FILE]
                          [-q|--quiet] [-v|--verbose]
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .command import Request
from .model import Format
from .options import KindChoice, LangChoice, Options


def _choice(accepted: frozenset[str]) -> Callable[[str], str | None]:
    return lambda value: value if value in accepted else None


def _count(value: str) -> int | None:
    return int(value) if value.isascii() and value.isdigit() else None


#: Options that take a value: (field, how the value is read: None = refused).
_VALUED: dict[str, tuple[str, Callable[[str], Any]]] = {
    "--format": ("fmt", _choice(frozenset(Format))),
    "--kind": ("kind", _choice(frozenset(KindChoice))),
    "--lang": ("lang", _choice(frozenset(LangChoice))),
    "--output": ("output", Path),
    "--jobs": ("jobs", _count),
    "--report": ("report", Path),
    "--include": ("include", str),
    "--exclude": ("exclude", str),
}
_SHORT = {"-f": "--format", "-o": "--output", "-j": "--jobs"}
#: Options that may be given more than once (each value kept).
_REPEATED = frozenset({"include", "exclude"})
_FLAGS = {
    "--links": "links",
    "--force": "force",
    "--dry-run": "dry_run",
    "-q": "quiet",
    "--quiet": "quiet",
    "-v": "verbose",
    "--verbose": "verbose",
}


def parse(argv: Sequence[str]) -> Request | None:
    """The call ``argv`` makes, or ``None`` when typer should read it.

    >>> parse(["clean", "a.txt", "-f", "json"]).fmt
    <Format.JSON: 'json'>
    >>> parse(["clean", "a.txt", "--explain"]) is None
    True
    """
    if len(argv) < 2 or argv[0] != "clean":
        return None
    values: dict[str, Any] = {}
    paths: list[str] = []
    rest = list(argv[1:])
    while rest:
        token = rest.pop(0)
        if token == "-" or not token.startswith("-"):
            paths.append(token)
        elif token in _FLAGS:
            values[_FLAGS[token]] = True
        elif not _take_value(token, rest, values):
            return None
    if not paths:
        return None
    return _request(tuple(paths), values)


def _take_value(token: str, rest: list[str], values: dict[str, Any]) -> bool:
    """Read ``--name value``, ``--name=value`` or ``-x value`` into ``values``."""
    name, eq, inline = token.partition("=")
    if eq and name in _SHORT:  # "-f=json": click reads the value as "=json"
        return False
    if token[:2] in _SHORT and len(token) > 2:  # "-j2", "-fjson": click's glued form
        name, eq, inline = token[:2], "=", token[2:]
    name = _SHORT.get(name, name)
    if name not in _VALUED or not (eq or rest):
        return False
    field, read = _VALUED[name]
    value = read(inline if eq else rest.pop(0))
    if value is None:
        return False
    if field in _REPEATED:
        values.setdefault(field, []).append(value)
        return True
    if field in values:  # given twice: typer's rule (the last wins) applies there
        return False
    values[field] = value
    return True


def _request(paths: tuple[str, ...], values: dict[str, Any]) -> Request:
    options = Options(
        kind=values.get("kind", "auto"),
        lang=values.get("lang", "auto"),
        links=values.get("links", False),
    )
    return Request(
        paths=paths,
        fmt=Format(values.get("fmt", Format.MD)),
        options=options,
        output=values.get("output"),
        verbose=values.get("verbose", False),
        jobs=values.get("jobs", 0),
        force=values.get("force", False),
        dry_run=values.get("dry_run", False),
        include=tuple(values.get("include", ())),
        exclude=tuple(values.get("exclude", ())),
        report=values.get("report"),
        quiet=values.get("quiet", False),
    )


def run(request: Request) -> int:
    """Run ``request`` as ``bersih clean`` does; return the exit code."""
    from .command import Env, execute
    from .console import error, internal_error
    from .errors import BersihError, ExitCode

    try:
        return execute(request, Env())
    except BersihError as exc:
        error(exc.reason)
        return int(exc.exit_code)
    except KeyboardInterrupt:
        error("interrupted")
        return int(ExitCode.INTERRUPTED)
    except Exception as exc:  # a bug in bersih: one line and exit 1, no traceback
        internal_error(exc)
        return int(ExitCode.INTERNAL)


def main() -> None:
    """Console-script entry point: the quick path when it applies, else typer."""
    request = parse(sys.argv[1:])
    if request is None:
        from .cli import main as full

        full()
        return
    sys.exit(run(request))
