"""The command line: a thin typer layer over ``bersih.clean``.

This is the only module that prints messages or exits; it maps bersih's
errors to the exit codes below (also in the README).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .command import Env, Request, execute
from .console import error, internal_error, write_data
from .errors import BersihError, ExitCode, UsageError
from .model import Format
from .options import (
    DEFAULT_MAX_BYTES,
    DEFAULT_TIME_LIMIT,
    KindChoice,
    LangChoice,
    Limits,
    Options,
)

EXIT_CODES_HELP = (
    "Exit codes: 0 cleaned; 1 internal error; 2 usage error; 3 input unreadable, "
    "undecodable or over a limit (or output not writable); 4 no article found; "
    "5 some inputs of a many-input run failed; 130 interrupted."
)

app = typer.Typer(
    name="bersih",
    help="Clean articles pasted or downloaded from news portals into Markdown, JSON or text.\n\n"
    + EXIT_CODES_HELP,
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    rich_markup_mode="rich",
)


#: Replaced by tests to simulate stdin and terminals.
ENV_FACTORY = Env


def _version(value: bool) -> None:
    if value:
        write_data(f"bersih {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """bersih: article cleaner."""


@app.command(epilog=EXIT_CODES_HELP)
def clean(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files or folders to clean; '-' or nothing reads standard input.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.MD,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Output file (one result) or folder (many); default stdout."
        ),
    ] = None,
    kind: Annotated[KindChoice, typer.Option("--kind", help="Input kind (auto sniffs it).")] = (
        KindChoice.AUTO
    ),
    lang: Annotated[LangChoice, typer.Option("--lang", help="Article language.")] = LangChoice.AUTO,
    url: Annotated[
        str | None, typer.Option("--url", help="Source URL to record (for stdin input).")
    ] = None,
    links: Annotated[
        bool, typer.Option("--links", help="Keep links in Markdown (HTML input).")
    ] = False,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show what was removed and by which rule (stderr).")
    ] = False,
    skip: Annotated[
        list[str] | None,
        typer.Option("--skip", help="Switch off a rule or rule family (repeatable)."),
    ] = None,
    max_size: Annotated[
        int, typer.Option("--max-size", help="Refuse inputs larger than this many bytes.")
    ] = DEFAULT_MAX_BYTES,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds allowed per document (0 = none).")
    ] = DEFAULT_TIME_LIMIT,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", help="Worker processes for many inputs (0 = all cores).")
    ] = 0,
    force: Annotated[
        bool, typer.Option("--force", help="Rewrite outputs that are newer than their input.")
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="List what would be written; write nothing.")
    ] = False,
    include: Annotated[
        list[str] | None,
        typer.Option("--include", help="Glob of files to take from folders (repeatable)."),
    ] = None,
    exclude: Annotated[
        list[str] | None, typer.Option("--exclude", help="Glob of files to leave out (repeatable).")
    ] = None,
    report: Annotated[
        Path | None, typer.Option("--report", help="Write a JSON report of a many-input run.")
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No messages except errors.")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Say what was detected and chosen.")
    ] = False,
) -> None:
    """Clean one article (file or stdin) or many (files, folders) into md, json, txt or jsonl."""
    env = ENV_FACTORY()
    try:
        options = Options(
            kind=kind.value,
            lang=lang.value,
            links=links,
            url=url,
            skip=frozenset(skip or ()),
            limits=Limits(
                max_bytes=max_size, max_decompressed=max(max_size * 2, max_size), time_limit=timeout
            ),
        )
        request = Request(
            paths=tuple(inputs or ()),
            fmt=fmt,
            options=options,
            output=output,
            explain=explain,
            verbose=verbose,
            jobs=jobs,
            force=force,
            dry_run=dry_run,
            include=tuple(include or ()),
            exclude=tuple(exclude or ()),
            report=report,
            quiet=quiet,
        )
        if not request.paths and env.stdin_isatty:
            _help_to_stderr()
            raise UsageError("no input: give a file, '-', or pipe text into bersih")
        code = execute(request, env)
    except BersihError as exc:
        error(exc.reason)
        raise typer.Exit(int(exc.exit_code)) from None
    except KeyboardInterrupt:
        error("interrupted")
        raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
    except Exception as exc:  # a bug in bersih: one line and exit 1, no traceback
        internal_error(exc)
        raise typer.Exit(int(ExitCode.INTERNAL)) from None
    if code:
        raise typer.Exit(code)


def _help_to_stderr() -> None:
    """``bersih clean --help``, printed on stderr (stdout is for data)."""
    import contextlib

    group = typer.main.get_command(app)
    parent = typer.Context(group, info_name="bersih")
    command = group.get_command(parent, "clean")  # type: ignore[attr-defined]
    with contextlib.redirect_stdout(sys.stderr):
        text = command.get_help(typer.Context(command, info_name="clean", parent=parent))
        if text:
            sys.stderr.write(text + "\n")


@app.command()
def rules() -> None:
    """List the rule names that --explain shows and --skip accepts."""
    from . import vocab

    names = sorted({rule for table in vocab.boilerplate().values() for rule in table.values()})
    write_data("\n".join(names) + "\n")


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        error("interrupted")
        sys.exit(int(ExitCode.INTERRUPTED))
