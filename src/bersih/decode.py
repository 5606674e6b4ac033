"""Bytes in, clean Unicode text out.

Order: size limit, gzip (inflated in bounded steps), byte-order marks,
binary refusal, UTF-16/UTF-32 without a BOM, strict UTF-8, UTF-8 with a few
stray legacy bytes, then a declared ``<meta charset>`` or a charset detector,
both on a bounded prefix. Mojibake ("â€œ") is repaired with ftfy only when
its tell-tale pairs occur, and correct curly quotes are never straightened.
Finally newlines, NBSP, zero-width characters, soft hyphens and control
characters are normalised, and lone surrogates become U+FFFD, so every
output is valid UTF-8 (and valid YAML inside front matter).

Every cost here is linear in the input, and every failure is an
``InputError`` (exit 3) with a one-line reason.
"""

from __future__ import annotations

import codecs
import re
import zlib
from collections.abc import Callable

from . import recache
from .errors import InputError, TooLargeError
from .options import Limits

#: Bytes of the input the binary check, the ``<meta charset>`` search and the
#: charset detector see: detection cost is bounded whatever the input size.
DETECT_PREFIX_BYTES = 64 * 1024
#: Share of NUL or control bytes above which an input is binary, not text.
BINARY_CONTROL_SHARE = 0.10
#: Bytes gzip may inflate in one step; the total is checked after each step,
#: so a gzip bomb holds at most ``max_decompressed`` + this before refusal.
GUNZIP_STEP_BYTES = 1024 * 1024
#: Characters substituted at a time: a regex substitution keeps every piece
#: of its result in a list, so a 50 MB run of tabs is done a slice at a time.
SUB_CHUNK_CHARS = 1024 * 1024
#: UTF-16/32 without a BOM: share of the prefix's code units whose high
#: byte(s) are NUL (Latin text in UTF-16 has almost all of them NUL; this
#: leaves room for half non-Latin characters) ...
WIDE_NUL_SHARE = 0.5
#: ... while at most this share of the low bytes are NUL.
WIDE_LOW_NUL_SHARE = 0.05

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
    b"\x28\xb5\x2f\xfd": "a zstd archive",
    b"\x1f\x8b": "gzip data compressed twice",
}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: Control bytes (not tab, newline, vertical tab, form feed, carriage return).
_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 32)])
# Pairs that UTF-8 read as Windows-1252/Latin-1 produces ("â€œ", "Ã©", "Â ").
_MOJIBAKE = recache.compile(
    "[ÂÃâ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]"
)
_MOJIBAKE_LEADS = ("Â", "Ã", "â")
# Bounded repeats only: the search runs on the first DETECT_PREFIX_BYTES.
_CHARSET_DECL = recache.compile(
    rb"""<meta[^>]{0,200}?charset\s{0,5}=\s{0,5}["']?\s{0,5}([\w-]{2,40})""", re.I
)
# Codecs a page may not declare: wide (the declaration itself was read as
# ASCII, so the page is not UTF-16/32), or not a character set at all.
_UNDECLARABLE = recache.compile(
    r"^(?:utf[-_]?(?:16|32|7)|idna|punycode|.*escape|mbcs|oem|undefined)", re.I
)
_ASCII_PROBE = bytes(range(0x20, 0x7F)) + b"\t\n\r"
# Three non-ASCII bytes in a row: a word of Cyrillic, Greek, CJK or Thai in a
# legacy encoding (Latin text has accents and quotes one at a time).
_HIGH_RUN = recache.compile(rb"[\x80-\xff]{3}")
# Single-byte Latin code pages a detector may pick for short Windows-1252
# text (they share "é" and the curly quotes but not every letter).
_LATIN_COUSINS = frozenset(
    {"cp1250", "cp1257", "iso8859_2", "iso8859_4", "iso8859_13", "iso8859_15", "latin_1",
     "cp1254", "iso8859_9", "mac_roman", "mac_latin2", "mac_iceland", "mac_turkish", "cp850",
     "cp437", "cp858"}
)  # fmt: skip
# Stray legacy bytes in otherwise valid UTF-8 ("surrogateescape" leaves them as these).
_STRAY = recache.compile("[\udc80-\udcff]")
_STRAY_RUN = recache.compile("[\udc80-\udcff]+")

# Everything ``normalise`` changes, in one character class (one scan of the
# text): line separators, odd spaces, zero-width characters and soft hyphens,
# C0/C1 controls, and the non-characters YAML refuses ("\r" is replaced
# first, so that "\r\n" becomes one newline).
_LINE_SEPS = "\r\u0085\u2028\u2029"
_SPACES = "\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v"
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff"
_NORMALISE = recache.compile(f"[{_LINE_SEPS}{_SPACES}{_INVISIBLE}]+")


def _chars(charclass: str) -> list[str]:
    """The characters of a regex character class body (literals and ranges)."""
    out: list[str] = []
    i = 0
    while i < len(charclass):
        if i + 2 < len(charclass) and charclass[i + 1] == "-":
            out += [chr(c) for c in range(ord(charclass[i]), ord(charclass[i + 2]) + 1)]
            i += 3
        else:
            out.append(charclass[i])
            i += 1
    return out


_REPLACEMENT = str.maketrans(
    {
        **{ch: None for ch in _chars(_INVISIBLE)},
        **{ch: " " for ch in _chars(_SPACES)},
        **{ch: "\n" for ch in _chars(_LINE_SEPS)},
    }
)


def decode(
    data: bytes, limits: Limits | None = None, *, normalised: bool = True
) -> tuple[str, str]:
    """Return ``(text, encoding)`` for raw input bytes.

    ``normalised=False`` leaves newlines, odd spaces and invisible characters
    for the caller: markup is normalised text by text (``inline``), which is
    far cheaper than a scan of the whole page.

    Raises ``TooLargeError`` past the limits and ``InputError`` for binary,
    corrupt or undecodable input.
    """
    limits = limits or Limits()
    check_size(len(data), limits.max_bytes, "input")
    if data[:2] == b"\x1f\x8b":
        data = gunzip(data, limits)
    text, encoding = _to_str(data)
    text = repair_mojibake(text)
    return (normalise(text) if normalised else scrub(text)), encoding


# --- limits and gzip ---------------------------------------------------------------
def check_size(size: int, limit: int, what: str) -> None:
    """Raise ``TooLargeError`` when ``size`` bytes are over ``limit`` (0 = none)."""
    if limit and size > limit:
        raise TooLargeError(
            f"{what} is {size} bytes, over the {limit}-byte limit (raise it with --max-size)"
        )


def gunzip(data: bytes, limits: Limits) -> bytes:
    """Decompress gzip input (every member), refusing to grow past
    ``limits.max_decompressed`` bytes (0 = no cap).

    Inflation goes in ``GUNZIP_STEP_BYTES`` steps and stops at the cap, so a
    bomb costs at most the cap in memory. Corrupt or truncated data is an
    ``InputError``, as ``gzip -d`` would say.
    """
    cap = limits.max_decompressed
    pieces: list[bytes] = []
    total = 0
    rest = data
    while rest:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        pending = rest
        while not inflater.eof:
            try:
                piece = inflater.decompress(pending, GUNZIP_STEP_BYTES)
            except zlib.error as exc:
                raise InputError(f"corrupt gzip data ({exc})") from None
            total += len(piece)
            if cap and total > cap:
                raise TooLargeError(
                    f"gzip input expands past {cap} bytes (raise --max-size to allow it)"
                )
            pieces.append(piece)
            pending = inflater.unconsumed_tail
            if not pending and len(piece) < GUNZIP_STEP_BYTES and not inflater.eof:
                raise InputError("truncated gzip data (the file ends mid-stream)")
        rest = inflater.unused_data
        if not rest.startswith(b"\x1f\x8b"):
            break  # trailing padding after the last member is ignored, as gzip does
    return b"".join(pieces)


# --- bytes -> str ----------------------------------------------------------------------
def _to_str(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_as(data[len(bom) :], encoding), encoding
    _refuse_binary(data)
    wide = _wide_without_bom(data)
    if wide:
        return _decode_as(data, wide), wide
    if b"\x00" in data:
        data = data.replace(b"\x00", b"")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:  # surrogates encoded one by one (CESU-8, Java's UTF-8): ``scrub`` pairs them
        return data.decode("utf-8", "surrogatepass"), "utf-8"
    except UnicodeDecodeError:
        pass
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8 is not None:
        return mostly_utf8, "utf-8"
    encoding = _declared(data) or _detect(data)
    return _decode_as(data, encoding), encoding


def _decode_as(data: bytes, encoding: str) -> str:
    """``data`` in ``encoding``, bad bytes as U+FFFD; never raises."""
    try:
        return data.decode(encoding, errors="replace")
    except (LookupError, UnicodeError, ValueError, TypeError):
        return data.decode("cp1252", errors="replace")


def _refuse_binary(data: bytes) -> None:
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"input is {what}, not text or HTML")
    head = data[:DETECT_PREFIX_BYTES]
    if not head:
        return
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if controls / len(head) > BINARY_CONTROL_SHARE and not _looks_wide(head):
        raise InputError("input looks binary (too many control bytes), not text or HTML")


def _looks_wide(head: bytes) -> bool:
    """NULs in one byte lane out of two or four: UTF-16/32 text, not binary."""
    return _wide_without_bom(head) is not None or _nul_lane_share(head, 2) >= WIDE_NUL_SHARE


def _nul_lane_share(head: bytes, width: int) -> float:
    """The largest share of NULs in one byte lane (every ``width``-th byte)."""
    units = len(head) // width
    if not units:
        return 0.0
    return max(head[lane : units * width : width].count(0) for lane in range(width)) / units


def _wide_without_bom(data: bytes) -> str | None:
    """The UTF-16 or UTF-32 codec ("utf-16-le", ...) of mostly-Latin text
    written without a BOM (NULs fill the high bytes), else None."""
    head = data[:DETECT_PREFIX_BYTES]
    for width, name in ((4, "utf-32"), (2, "utf-16")):
        units = len(head) // width
        if units < 2:
            continue
        lanes = [head[lane : units * width : width].count(0) / units for lane in range(width)]
        low_le, low_be = lanes[0], lanes[-1]
        high_le, high_be = min(lanes[1:]), min(lanes[:-1])
        if high_le >= WIDE_NUL_SHARE and low_le <= WIDE_LOW_NUL_SHARE:
            return f"{name}-le"
        if high_be >= WIDE_NUL_SHARE and low_be <= WIDE_LOW_NUL_SHARE:
            return f"{name}-be"
    return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few stray legacy bytes (a Latin-1 "é" pasted into a UTF-8
    page, a file cut mid-character): the stray bytes are read as Windows-1252.

    None when the runs of stray bytes outnumber the valid multi-byte
    characters: then the input is in a legacy encoding as a whole.
    """
    text = data.decode("utf-8", errors="surrogateescape")
    stray = _count(_STRAY, text)
    runs = _count(_STRAY_RUN, text)
    wide = len(text) - len(text.encode("ascii", "ignore")) - stray
    if not wide or runs > wide:
        return None
    return _sub_chunked(_STRAY, _legacy_byte, text)


def _legacy_byte(match: re.Match[str]) -> str:
    return bytes([ord(match.group()) - 0xDC00]).decode("cp1252", "replace")


def _count(pattern: re.Pattern[str], text: str) -> int:
    """Matches of a one-character-class pattern, a slice at a time (no list of
    every match; a run cut by a slice boundary counts twice, which is fine
    for the estimates here)."""
    return sum(
        len(pattern.findall(text, start, start + SUB_CHUNK_CHARS))
        for start in range(0, len(text), SUB_CHUNK_CHARS)
    )


def _sub_chunked(pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str], text: str) -> str:
    """``pattern.sub(repl, text)`` a slice at a time, for a pattern whose
    matches may be cut at a slice boundary without changing the result
    (a run of characters each replaced on its own)."""
    if len(text) <= SUB_CHUNK_CHARS:
        return pattern.sub(repl, text)
    return "".join(
        pattern.sub(repl, text[start : start + SUB_CHUNK_CHARS])
        for start in range(0, len(text), SUB_CHUNK_CHARS)
    )


def _declared(data: bytes) -> str | None:
    """A ``<meta charset>`` that names a real, ASCII-compatible character set
    (used only when the bytes are not UTF-8, so a page that lies about being
    UTF-8 or Latin-1 is read as Windows-1252, as browsers do)."""
    match = _CHARSET_DECL.search(data[:DETECT_PREFIX_BYTES])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    codec = info.name
    if _UNDECLARABLE.match(codec) or not getattr(info, "_is_text_encoding", True):
        return None
    if codec in ("utf-8", "ascii", "latin-1", "iso8859-1"):
        return "cp1252"  # not valid UTF-8; browsers read latin-1 as cp1252
    try:
        ascii_safe = _ASCII_PROBE.decode(codec) == _ASCII_PROBE.decode("ascii")
    except (UnicodeError, ValueError, TypeError, LookupError):
        ascii_safe = False
    return codec if ascii_safe else None


def _detect(data: bytes) -> str:
    """Windows-1252 for Latin text (isolated non-ASCII bytes that it maps),
    else the charset detector's guess on a bounded prefix (cut at a line end
    so no character is split); Windows-1252 when it has none."""
    import charset_normalizer  # lazy: only legacy encodings need it

    head = data[:DETECT_PREFIX_BYTES]
    if len(data) > DETECT_PREFIX_BYTES and b"\n" in head:
        head = head[: head.rindex(b"\n") + 1]
    if not _HIGH_RUN.search(head) and _is_cp1252(head):
        return "cp1252"  # isolated accents and quotes: Latin text, as ours is
    best = charset_normalizer.from_bytes(head).best()
    if best is None or best.encoding in ("utf_8", "ascii"):
        return "cp1252"
    if best.encoding in _LATIN_COUSINS and _is_cp1252(head):
        return "cp1252"  # Indonesian, Malay and English text: Windows-1252 is the one
    return str(best.encoding)


def _is_cp1252(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


# --- str -> clean str --------------------------------------------------------------------
def repair_mojibake(text: str) -> str:
    """Undo UTF-8-read-as-cp1252 damage, leaving correct text alone."""
    if not any(lead in text for lead in _MOJIBAKE_LEADS) or not _MOJIBAKE.search(text):
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
    return str(ftfy.fix_text(scrub(text), config))


def scrub(text: str) -> str:
    """Valid Unicode only: surrogate pairs joined, lone surrogates (from
    ``surrogateescape`` file names, ``"\\ud800"`` JSON escapes, a caller's
    string) replaced by U+FFFD, so the text always encodes as UTF-8."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text


def normalise(text: str) -> str:
    """Newlines to ``\\n``, odd spaces to " ", invisible and control
    characters removed, lone surrogates to U+FFFD (one scan of the text)."""
    text = scrub(text)
    if "\r" in text:  # before the scan: str.replace is far cheaper per line
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\t" in text:  # indented markup has thousands: one C-level pass, not a call each
        text = text.replace("\t", " ")
    return _sub_chunked(_NORMALISE, _normal_run, text)


def inline(text: str) -> str:
    r"""``text`` as one line: normalised, white space runs as one space, trimmed.

    >>> inline(" Kota\u00a0Bogor\u200b,\n\tJawa  Barat ")
    'Kota Bogor, Jawa Barat'
    """
    if text.isascii():  # most markup text: the controls go, white space collapses
        return " ".join(text.translate(_ASCII_CONTROLS).split())
    return " ".join(normalise(text).split())


#: The ASCII controls ``normalise`` removes (the rest are white space).
_ASCII_CONTROLS = dict.fromkeys([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])


def _normal_run(match: re.Match[str]) -> str:
    return match.group().translate(_REPLACEMENT)
