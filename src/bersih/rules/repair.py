"""Block repairs before classification: split what a paste glued together,
and re-join a paragraph that an inserted caption or advert cut in two."""

from __future__ import annotations

from ..model import Block, BlockType, Step
from . import patterns

#: A glued "Baca juga: ..." tail is split off only when it is headline-sized.
INLINE_RELATED_MAX_WORDS = 30

_STAGE = "repair"


def repair(blocks: list[Block]) -> tuple[list[Block], list[Step]]:
    steps: list[Step] = []
    out: list[Block] = []
    for block in blocks:
        out.extend(_split(block, steps))
    return _join_interrupted(out, steps), steps


def _split(block: Block, steps: list[Step]) -> list[Block]:
    parts: list[Block] = []
    date = patterns.LEADING_ISO_DATE.match(block.text)
    if date and len(block.text) > date.end():
        parts.append(Block(block.text[: date.end()].strip()))
        block = block.with_text(block.text[date.end() :])
        steps.append(Step(_STAGE, "split.leading-date", parts[-1].text))
    pieces = patterns.INLINE_RELATED.split(block.text)
    if len(pieces) > 1 and all(
        len(patterns.WORD.findall(p)) <= INLINE_RELATED_MAX_WORDS for p in pieces[1:]
    ):
        parts.append(block.with_text(pieces[0]))
        parts.extend(Block(p.strip()) for p in pieces[1:])
        steps.extend(Step(_STAGE, "split.inline-related", p.strip()) for p in pieces[1:])
        return parts
    return [*parts, block]


def _join_interrupted(blocks: list[Block], steps: list[Step]) -> list[Block]:
    """ "Menurut informa" / <caption> / "si yang dihimpun ..." -> one paragraph."""
    out = list(blocks)
    i = 0
    while i + 2 < len(out):
        head, middle, tail = out[i], out[i + 1], out[i + 2]
        if _cut_off(head) and _continuation(tail) and middle.text[:1].isupper():
            glue = "" if _mid_word(head.text, tail.text) else " "
            out[i] = head.with_text(head.text + glue + tail.text)
            steps.append(Step("boilerplate", "caption.interrupting", middle.text[:100]))
            del out[i + 1 : i + 3]
            continue
        i += 1
    return out


def _cut_off(block: Block) -> bool:
    """A paragraph that stops inside a sentence, on a lower-case word."""
    last = block.text.rsplit(" ", 1)[-1]
    return (
        block.type is BlockType.PARA and len(block.text) > 40 and last.isalpha() and last.islower()
    )


def _continuation(block: Block) -> bool:
    first = block.text.split(" ", 1)[0]
    return (
        block.type is BlockType.PARA
        and first.isalpha()
        and first.islower()
        and len(block.text) > 20
    )


def _mid_word(head: str, tail: str) -> bool:
    # A cut inside a word leaves a fragment that is not a word on its own:
    # the tail starts with a short run of letters ("si yang ...").
    first = tail.split(" ", 1)[0]
    return (
        len(first) <= 3
        and first.isalpha()
        and first
        not in {"di", "ke", "dan", "yg", "ini", "itu", "and", "the", "of", "to", "in", "on", "a"}
    )
