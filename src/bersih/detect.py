"""Decide whether an input is HTML or plain text, and say why."""

from __future__ import annotations

import re

from . import recache
from .model import Kind

#: Characters of the input the sniffer looks at.
SNIFF_CHARS = 4096
#: Distinct HTML tags in the sniffed prefix that make plain text HTML.
MIN_HTML_TAGS = 3

# (Comment loops are possessive: a comment ends at its first "-->", and
# "(?:<!--.*?-->)*" without it splits 40 empty comments in 2^40 ways.)
_DOCTYPE = recache.compile(
    r"\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,2000}?-->\s*)*+<!doctype\s+html", re.I | re.S
)
_HTML_OPEN = recache.compile(r"\s*(?:<!--.{0,2000}?-->\s*)*+<(?:html|head|body)[\s>]", re.I | re.S)
_TAG = recache.compile(
    r"<(html|head|body|div|p|span|a|meta|script|style|article|section|br|h[1-6]|ul|li|table|img)[\s/>]",
    re.I,
)


def sniff_kind(text: str) -> tuple[Kind, str]:
    """Return the input's kind and a short reason (shown by ``-v``)."""
    head = text[:SNIFF_CHARS]
    if _DOCTYPE.match(head):
        return Kind.HTML, "starts with <!DOCTYPE html>"
    if _HTML_OPEN.match(head):
        return Kind.HTML, "starts with an <html>, <head> or <body> tag"
    tags = {m.group(1).lower() for m in _TAG.finditer(head)}
    if len(tags) >= MIN_HTML_TAGS:
        return Kind.HTML, f"{len(tags)} kinds of HTML tags in the first {SNIFF_CHARS} characters"
    return Kind.TEXT, "no HTML structure found"
