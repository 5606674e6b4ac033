"""Bytes in, clean Unicode text out.

Order: size limit, gzip (bounded), byte-order marks, binary refusal, UTF-16
without a BOM, strict UTF-8, then a charset detector on a bounded prefix.
Mojibake ("â€œ") is repaired with ftfy only when its tell-tale pairs occur,
and correct curly quotes are never straightened. Finally newlines, NBSP,
zero-width characters and soft hyphens are normalised.
"""

from __future__ import annotations

import codecs
import re
import zlib

from .errors import InputError, TooLargeError
from .options import Limits

#: Bytes of the input the charset detector sees (detection cost is bounded).
DETECT_PREFIX_BYTES = 64 * 1024
#: Share of NUL or control bytes above which an input is binary, not text.
BINARY_CONTROL_SHARE = 0.10

_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"RIFF": "a RIFF media file",
    b"\x7fELF": "an executable",
    b"BZh": "a bzip2 archive",
    b"\xfd7zXZ": "an xz archive",
    b"7z\xbc\xaf": "a 7z archive",
}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Pairs that UTF-8 read as Windows-1252/Latin-1 produces ("â€œ", "Ã©", "Â ").
_MOJIBAKE = re.compile("[ÂÃâ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]")
_CHARSET_DECL = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w-]{2,40})""", re.I)
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_LINE_SEPS = re.compile("\r\n?|[\u2028\u2029\x85]")


def decode(data: bytes, limits: Limits | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)`` for raw input bytes.

    Raises ``TooLargeError`` past the limits and ``InputError`` for binary
    or undecodable input.
    """
    limits = limits or Limits()
    _check_size(len(data), limits.max_bytes, "input")
    if data[:2] == b"\x1f\x8b":
        data = gunzip(data, limits)
    text, encoding = _to_str(data)
    return normalise(repair_mojibake(text)), encoding


def gunzip(data: bytes, limits: Limits) -> bytes:
    """Decompress gzip input, refusing to grow past ``max_decompressed``."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, limits.max_decompressed + 1)
    except zlib.error as exc:
        raise InputError(f"corrupt gzip data ({exc})") from None
    if len(out) > limits.max_decompressed or inflater.unconsumed_tail:
        raise TooLargeError(
            f"gzip input expands past {limits.max_decompressed} bytes "
            "(raise --max-size to allow it)"
        )
    return out


def _check_size(size: int, limit: int, what: str) -> None:
    if limit and size > limit:
        raise TooLargeError(
            f"{what} is {size} bytes, over the {limit}-byte limit (raise it with --max-size)"
        )


def _to_str(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace"), encoding
    _refuse_binary(data)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    if b"\x00" in data[:DETECT_PREFIX_BYTES]:
        data = data.replace(b"\x00", b"")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    encoding = _declared(data) or _detect(data)
    return data.decode(encoding, errors="replace"), encoding


def _refuse_binary(data: bytes) -> None:
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"input is {what}, not text or HTML")
    head = data[:DETECT_PREFIX_BYTES]
    if not head:
        return
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    nul_pairs = head[1::2].count(0) + head[0::2].count(0)
    looks_utf16 = nul_pairs > len(head) * 0.3 and (
        head[1::2].count(0) > len(head) * 0.4 or head[0::2].count(0) > len(head) * 0.4
    )
    if controls / len(head) > BINARY_CONTROL_SHARE and not looks_utf16:
        raise InputError("input looks binary (too many control bytes), not text or HTML")


def _utf16_without_bom(data: bytes) -> str | None:
    head = data[:DETECT_PREFIX_BYTES]
    if len(head) < 4:
        return None
    half = len(head) // 2
    if head[1::2].count(0) > half * 0.4 and head[0::2].count(0) < half * 0.05:
        return "utf-16-le"
    if head[0::2].count(0) > half * 0.4 and head[1::2].count(0) < half * 0.05:
        return "utf-16-be"
    return None


def _declared(data: bytes) -> str | None:
    """A ``<meta charset>`` that names a real codec (used only when not UTF-8)."""
    match = _CHARSET_DECL.search(data[:DETECT_PREFIX_BYTES])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    if codec in ("utf-8", "ascii", "latin-1", "iso8859-1"):
        return "cp1252"  # not valid UTF-8; browsers read latin-1 as cp1252
    return codec


def _detect(data: bytes) -> str:
    import charset_normalizer  # lazy: only legacy encodings need it

    best = charset_normalizer.from_bytes(data[:DETECT_PREFIX_BYTES]).best()
    if best is None or best.encoding in ("utf_8", "ascii"):
        return "cp1252"
    return str(best.encoding)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8-read-as-cp1252 damage, leaving correct text alone."""
    if not _MOJIBAKE.search(text):
        return text
    import ftfy  # lazy: only damaged text needs it

    config = ftfy.TextFixerConfig(
        unescape_html=False,
        uncurl_quotes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        normalization=None,
        explain=False,
    )
    return str(ftfy.fix_text(text, config))


def normalise(text: str) -> str:
    """Newlines to ``\\n``, odd spaces to " ", invisible characters removed."""
    text = _LINE_SEPS.sub("\n", text)
    text = _ZERO_WIDTH.sub("", text)
    text = _SPACES.sub(" ", text)
    return _CONTROLS.sub("", text)
