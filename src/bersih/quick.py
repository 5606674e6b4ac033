"""The quick entry: the plainest ``bersih clean`` call without typer.

Building the typer app imports typer, click, rich and pydantic: ~0.2 s,
more than cleaning a page takes, paid by every call in a shell loop. The
plainest call -- one file or ``-``, and only the options below -- is read
here and runs through the same ``single.run_one`` as the full command line;
anything else (help, version, folders, many inputs, ``-o``, any other
option, a value typer would refuse) goes to typer unchanged, which parses
it and explains mistakes. Output, messages and exit codes are the same
either way (``tests/test_quick.py`` runs both on the same calls).

    bersih clean FILE|- [-f|--format md|json|txt|jsonl] [--kind K] [--lang L]
                        [--links] [-q|--quiet]
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from .model import Format
from .options import KindChoice, LangChoice, Options

#: Options that take a value, and the values each accepts (exactly as typer does).
_VALUED: dict[str, tuple[str, frozenset[str]]] = {
    "-f": ("fmt", frozenset(Format)),
    "--format": ("fmt", frozenset(Format)),
    "--kind": ("kind", frozenset(KindChoice)),
    "--lang": ("lang", frozenset(LangChoice)),
}
#: Flags and the setting each switches on ("quiet": a single document prints
#: no messages anyway).
_FLAGS = {"--links": "links", "-q": "quiet", "--quiet": "quiet"}


@dataclass(frozen=True)
class Call:
    """A plain single-document call."""

    path: str
    fmt: Format
    options: Options


def parse(argv: Sequence[str]) -> Call | None:
    """The call ``argv`` makes, or ``None`` when it is not a plain one.

    >>> parse(["clean", "a.txt", "-f", "json"]).fmt
    <Format.JSON: 'json'>
    >>> parse(["clean", "a.txt", "-o", "b.md"]) is None
    True
    """
    if len(argv) < 2 or argv[0] != "clean":
        return None
    values: dict[str, str] = {}
    flags: set[str] = set()
    paths: list[str] = []
    rest = list(argv[1:])
    while rest:
        token = rest.pop(0)
        name, eq, inline = token.partition("=")
        if token == "-" or not token.startswith("-"):
            paths.append(token)
        elif token in _FLAGS:
            flags.add(_FLAGS[token])
        elif name in _VALUED and (eq or rest) and (name.startswith("--") or not eq):
            field, accepted = _VALUED[name]
            value = inline if eq else rest.pop(0)
            if value not in accepted or field in values:
                return None
            values[field] = value
        else:
            return None
    if len(paths) != 1 or (paths[0] != "-" and os.path.isdir(paths[0])):
        return None
    options = Options(
        kind=values.get("kind", "auto"), lang=values.get("lang", "auto"), links="links" in flags
    )
    return Call(paths[0], Format(values.get("fmt", Format.MD)), options)


def run(call: Call) -> int:
    """Clean one document as ``bersih clean`` does; return the exit code."""
    from .console import error, internal_error
    from .errors import BersihError, ExitCode
    from .single import Env, run_one

    try:
        run_one(call.path, call.fmt, None, call.options, Env())
    except BersihError as exc:
        error(exc.reason)
        return int(exc.exit_code)
    except KeyboardInterrupt:
        error("interrupted")
        return int(ExitCode.INTERRUPTED)
    except Exception as exc:  # a bug in bersih: one line and exit 1, no traceback
        internal_error(exc)
        return int(ExitCode.INTERNAL)
    return int(ExitCode.OK)


def main() -> None:
    """Console-script entry point: the quick path when it applies, else typer."""
    call = parse(sys.argv[1:])
    if call is None:
        from .cli import main as full

        full()
        return
    sys.exit(run(call))
