"""bersih: clean articles pasted or downloaded from news portals.

>>> from bersih import clean, render_markdown
>>> article = clean(open("fixtures/example-polres/input.txt", "rb").read())  # doctest: +SKIP
>>> print(render_markdown(article))  # doctest: +SKIP
"""

from __future__ import annotations

from .errors import (
    BersihError,
    ExitCode,
    InputError,
    NoArticleError,
    OutputError,
    TimeLimitError,
    TooLargeError,
    UsageError,
)
from .model import Article, Block, BlockType, Format, Kind, Source, Step
from .options import Limits, Options
from .pipeline import clean
from .render import render, render_json, render_markdown, render_text

__version__ = "0.1.0"

__all__ = [
    "Article",
    "BersihError",
    "Block",
    "BlockType",
    "ExitCode",
    "Format",
    "InputError",
    "Kind",
    "Limits",
    "NoArticleError",
    "Options",
    "OutputError",
    "Source",
    "Step",
    "TimeLimitError",
    "TooLargeError",
    "UsageError",
    "__version__",
    "clean",
    "render",
    "render_json",
    "render_markdown",
    "render_text",
]
