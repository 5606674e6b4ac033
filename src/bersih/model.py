"""The one core type, ``Article``, and the small values it is made of.

Every stage takes an ``Article`` and returns a new one (they are immutable);
changes are recorded as ``Step`` values so ``--explain`` can show them.

The values made per document are named tuples, not frozen dataclasses:
immutable and hashable all the same, but a page makes and copies thousands
of blocks (a named tuple is made twice and copied 2.6 times as fast), and
defining one costs a sixth of a dataclass's start-up (Python 3.11 compiles
each dataclass method from source as the module loads).
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple


class Kind(StrEnum):
    """What the input is."""

    TEXT = "text"
    HTML = "html"


class Format(StrEnum):
    """Output formats."""

    MD = "md"
    JSON = "json"
    TXT = "txt"
    JSONL = "jsonl"


class BlockType(StrEnum):
    """Structural role of a block of the body."""

    PARA = "para"
    HEADING = "heading"
    ITEM = "item"
    QUOTE = "quote"


class Label:
    """Block labels (plain strings, so they print and compare simply)."""

    GOOD = "good"  # first pass: reads like article prose
    SHORT = "short"  # first pass: too short to tell on its own
    BAD = "bad"  # furniture: removed
    META = "meta"  # a byline or date line: read by the header stage, removed
    BODY = "body"  # final: kept in the article


class Zone:
    """Where a block sits relative to the article body."""

    HEAD = "head"
    BODY = "body"
    FOOT = "foot"


class Block(NamedTuple):
    """One paragraph-level unit of text.

    ``marker`` keeps a list item's bullet or number ("•", "-", "1.") so the
    text renderer can show it; ``level`` is a heading's depth (2 = ``##``).
    The classifier fills ``label`` (``Label``), ``rule`` (why), ``first``
    (the first-pass label, kept for ``--explain``) and ``zone`` (where the
    block sits: before, inside or after the article body). ``links`` holds
    ``(anchor text, URL)`` pairs (HTML input with ``--links``). ``main`` is set
    by the HTML extractor on blocks of the page's main content: short blocks
    there (list items, subheadings) are body unless a rule finds furniture.
    """

    text: str
    type: BlockType = BlockType.PARA
    level: int = 0
    marker: str = ""
    label: str = "body"
    rule: str = ""
    first: str = ""
    zone: str = "body"
    links: tuple[tuple[str, str], ...] = ()
    main: bool = False

    def with_text(self, text: str) -> Block:
        return self._replace(text=text)


class Step(NamedTuple):
    """One change made by a rule: which stage, which rule, on what text."""

    stage: str
    rule: str
    detail: str


class Source(NamedTuple):
    """Where the article came from."""

    path: str | None = None
    kind: Kind = Kind.TEXT
    url: str | None = None
    site: str | None = None
    encoding: str | None = None


class Article(NamedTuple):
    """An article as it flows through the stages.

    ``blocks`` is the body in reading order; header fields start empty and
    are filled by the header stage. ``steps`` records every change.
    ``verbatim`` marks bersih's own output read back: already clean, so the
    cleaning stages leave it as it is (cleaning twice changes nothing).
    """

    blocks: tuple[Block, ...] = ()
    title: str | None = None
    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    date: str | None = None
    dateline: str | None = None
    agency: str | None = None
    lang: str | None = None
    tags: tuple[str, ...] = ()
    source: Source = Source()
    steps: tuple[Step, ...] = ()
    verbatim: bool = False

    def evolve(self, *new_steps: Step, **changes: object) -> Article:
        """A copy with ``changes`` applied and ``new_steps`` appended."""
        if new_steps:
            changes["steps"] = self.steps + new_steps
        return self._replace(**changes)  # type: ignore[arg-type]

    @property
    def body_text(self) -> str:
        """Body as plain text: one blank line between blocks."""
        return "\n\n".join(b.text for b in self.blocks)

    @property
    def removed(self) -> tuple[Step, ...]:
        """The steps that removed text from the article."""
        return tuple(s for s in self.steps if s.stage == "boilerplate")
