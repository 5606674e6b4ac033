"""Bytes -> text (decode.py) and files in, files out (sources.py)."""

from __future__ import annotations

import codecs
import gzip
import io
import os
import re
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bersih import decode as decoding
from bersih.decode import decode, gunzip, normalise, repair_mojibake, scrub
from bersih.errors import InputError, OutputError, TooLargeError
from bersih.options import Limits
from bersih.sources import read_path, read_stream, write_atomic

TEXT = "Kafe “Kopi Kenangan” di Ponorogo — café baru, harga Rp 15.000 … murah.\n"


# --- byte-order marks and wide encodings -----------------------------------------------
@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_bom_decides(bom: bytes, codec: str) -> None:
    assert decode(bom + TEXT.encode(codec)) == (TEXT, codec)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_text_without_bom(codec: str) -> None:
    assert decode(TEXT.encode(codec)) == (TEXT, codec)


# --- legacy encodings ----------------------------------------------------------------
def test_windows_1252_indonesian() -> None:
    text, encoding = decode((TEXT * 3).encode("cp1252"))
    assert text == TEXT * 3
    assert encoding == "cp1252"


def test_latin_1_indonesian() -> None:
    plain = "Warga menikmati café di alun-alun, kata Bupati Ponorogo hari Senin.\n" * 3
    assert decode(plain.encode("latin-1"))[0] == plain


def test_utf8_with_a_stray_legacy_byte() -> None:
    data = TEXT.encode() + b"Caf\xe9 lain.\n"
    assert decode(data) == (TEXT + "Café lain.\n", "utf-8")


def test_cesu8_surrogates_are_joined() -> None:
    data = b"Emoji " + b"\xed\xa0\xbd\xed\xb8\x80" + " dan “kutip”.\n".encode()
    assert decode(data) == ("Emoji 😀 dan “kutip”.\n", "utf-8")
    assert decode(b"lone \xed\xa0\xbd.")[0] == "lone \ufffd."


def test_utf8_cut_mid_character() -> None:
    data = (TEXT * 2).encode()[:-3]  # "…" is three bytes: cut inside " murah."? no: the end
    text, encoding = decode(TEXT.encode() + "“".encode()[:2])
    assert encoding == "utf-8" and text.startswith(TEXT)
    assert decode(data)[0].startswith(TEXT)


def test_declared_charset_is_used_for_legacy_bytes() -> None:
    html = "<html><head><meta charset='windows-1251'></head><body>Привет мир</body></html>"
    text, encoding = decode(html.encode("cp1251"))
    assert "Привет мир" in text
    assert encoding == "cp1251"


def test_declared_utf8_that_is_not_utf8_is_read_as_windows_1252() -> None:
    html = '<html><head><meta charset="utf-8"></head><body>“Café”</body></html>'
    assert "“Café”" in decode(html.encode("cp1252"))[0]


@pytest.mark.parametrize(
    "declared", ["utf-16", "utf-32", "utf-7", "rot13", "base64", "hex", "zlib", "idna",
                 "punycode", "unicode_escape", "raw_unicode_escape", "cp037", "nonsense"]
)  # fmt: skip
def test_impossible_declarations_are_ignored(declared: str) -> None:
    html = f'<html><head><meta charset="{declared}"></head><body>“Café”</body></html>'
    text, encoding = decode(html.encode("cp1252"))
    assert "“Café”" in text
    assert encoding != declared


def test_charset_detection_sees_a_bounded_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    import charset_normalizer

    seen: list[int] = []
    real = charset_normalizer.from_bytes

    def spy(data: bytes, *args: object, **kwargs: object) -> object:
        seen.append(len(data))
        return real(data, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(charset_normalizer, "from_bytes", spy)
    russian = "Президент посетил новый завод в Москве и встретился с рабочими.\n"
    text, _ = decode((russian * 20_000).encode("cp1251"))  # ~1.3 MB, no declaration
    assert seen and max(seen) <= decoding.DETECT_PREFIX_BYTES
    assert text == russian * 20_000


def test_latin_text_skips_the_detector(monkeypatch: pytest.MonkeyPatch) -> None:
    import charset_normalizer

    def unused(data: bytes) -> object:
        raise AssertionError("detector called")

    monkeypatch.setattr(charset_normalizer, "from_bytes", unused)
    assert decode((TEXT * 1000).encode("cp1252")) == (TEXT * 1000, "cp1252")


# --- refusals ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n\0\0", "PNG"),
        (b"%PDF-1.4\n", "PDF"),
        (b"PK\x03\x04\x14\0", "ZIP"),
        (b"\x7fELF\x02\x01", "executable"),
        (bytes(range(32)) * 100, "binary"),
    ],
)
def test_binary_is_refused(data: bytes, what: str) -> None:
    with pytest.raises(InputError, match=what):
        decode(data)


def test_empty_and_tiny_inputs_decode() -> None:
    assert decode(b"") == ("", "utf-8")
    assert decode(b"a") == ("a", "utf-8")
    assert decode(b"\0\0") == ("", "utf-8")


def test_size_limit() -> None:
    with pytest.raises(TooLargeError, match="over the 10-byte limit"):
        decode(b"x" * 11, Limits(max_bytes=10))
    assert decode(b"x" * 10, Limits(max_bytes=10))[0] == "x" * 10


# --- gzip --------------------------------------------------------------------------------
def test_gzip_round_trip_and_members() -> None:
    one = gzip.compress(TEXT.encode())
    assert decode(one)[0] == TEXT
    assert decode(one + gzip.compress(b"kedua\n"))[0] == TEXT + "kedua\n"
    assert decode(one + b"\0" * 16)[0] == TEXT  # padding after the last member


def test_gzip_bomb_is_refused_within_the_cap() -> None:
    bomb = gzip.compress(b"\0" * (20 * 1024 * 1024))
    with pytest.raises(TooLargeError, match="expands past 1048576 bytes"):
        gunzip(bomb, Limits(max_decompressed=1024 * 1024))
    assert len(gunzip(bomb, Limits(max_decompressed=0))) == 20 * 1024 * 1024


def test_gzip_exactly_at_the_cap_is_accepted() -> None:
    data = gzip.compress(b"a" * 5000)
    assert gunzip(data, Limits(max_decompressed=5000)) == b"a" * 5000
    with pytest.raises(TooLargeError):
        gunzip(data, Limits(max_decompressed=4999))


@pytest.mark.parametrize(
    "data",
    [
        b"\x1f\x8b\x08\x00garbage-garbage-garbage",
        gzip.compress(TEXT.encode() * 50)[:60],
        gzip.compress(TEXT.encode())[:-12],
    ],
    ids=["corrupt", "truncated", "no-trailer"],
)
def test_bad_gzip_is_an_input_error(data: bytes) -> None:
    with pytest.raises(InputError, match="gzip"):
        decode(data)


def test_gzip_inside_gzip_is_refused() -> None:
    with pytest.raises(InputError, match="compressed twice"):
        decode(gzip.compress(gzip.compress(TEXT.encode())))


# --- mojibake and normalisation -------------------------------------------------------------
def test_mojibake_is_repaired_and_good_text_left_alone() -> None:
    import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252")

    broken = TEXT.encode().decode("sloppy-windows-1252")
    assert repair_mojibake(broken) == TEXT
    assert repair_mojibake(TEXT) is TEXT


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("a\r\nb\rc", "a\nb\nc"),
        ("a\u2028b\u2029c\x85d", "a\nb\nc\nd"),
        ("a\u00a0b\tc\u3000d\u202fe\u1680f", "a b c d e\u1680f"),
        ("ka\u00adta\u200b\u200c\u200d\ufeff", "kata"),
        ("a\x00\x07\x1b\x7f\x80\x9fb", "ab"),
        ("a\ufffe\uffffb", "ab"),
        ("lone \ud800 high, lone \udc80 low", "lone \ufffd high, lone \ufffd low"),
        ("pair \ud83d\ude00", "pair 😀"),
    ],
)
def test_normalise(raw: str, clean: str) -> None:
    assert normalise(raw) == clean


def test_scrub_keeps_valid_text_identical() -> None:
    assert scrub(TEXT) is TEXT
    assert scrub("abc") == "abc"


@settings(max_examples=300, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_refuse(data: bytes) -> None:
    try:
        text, _ = decode(data)
    except InputError:
        return
    text.encode("utf-8")  # always valid UTF-8
    assert normalise(text) == text
    assert "\r" not in text and "\x00" not in text


@settings(max_examples=300, derandomize=True)
@given(st.text(max_size=500))
def test_normalise_is_idempotent_and_encodable(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once
    once.encode("utf-8")


# --- reading inputs ---------------------------------------------------------------------
def test_read_path_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "missing.txt", 100)
    with pytest.raises(InputError, match="folder"):
        read_path(tmp_path, 100)
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 101)
    with pytest.raises(TooLargeError, match="100-byte limit"):
        read_path(big, 100)
    assert read_path(big, 0) == b"x" * 101


def test_read_stream_limit() -> None:
    assert read_stream(io.BytesIO(b"x" * 10), 10) == b"x" * 10
    with pytest.raises(TooLargeError, match="standard input"):
        read_stream(io.BytesIO(b"x" * 11), 10)


def test_reading_never_changes_the_input(tmp_path: Path) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(TEXT.encode())
    stat = path.stat()
    read_path(path, 1000)
    assert path.read_bytes() == TEXT.encode()
    assert path.stat().st_mtime_ns == stat.st_mtime_ns


# --- writing outputs ----------------------------------------------------------------------
def test_write_atomic_replaces_and_keeps_mode(tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o604)
    write_atomic(out, "baru “x”\n")
    assert out.read_text(encoding="utf-8") == "baru “x”\n"
    assert out.stat().st_mode & 0o777 == 0o604
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]


def test_write_atomic_new_file_follows_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "sub" / "new.md", "x\n")
    finally:
        os.umask(old)
    assert (tmp_path / "sub" / "new.md").stat().st_mode & 0o777 == 0o644


def test_write_atomic_scrubs_lone_surrogates(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    write_atomic(out, '{"path": "caf\udce9.txt"}\n')
    assert out.read_bytes().decode("utf-8") == '{"path": "caf\ufffd.txt"}\n'


def test_write_failure_leaves_the_old_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.md"
    out.write_text("precious", encoding="utf-8")

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError, match="No space left on device"):
        write_atomic(out, "new")
    assert out.read_text(encoding="utf-8") == "precious"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]


def test_interrupted_write_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.md"

    def interrupt(src: object, dst: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(out, "new")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("where", ["under-a-file", "a-folder"])
def test_unwritable_targets_are_output_errors(tmp_path: Path, where: str) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("x", encoding="utf-8")
    target = blocker / "out.md" if where == "under-a-file" else tmp_path
    with pytest.raises(OutputError, match="cannot write"):
        write_atomic(target, "new")
    assert blocker.read_text(encoding="utf-8") == "x"


def test_long_output_names_still_get_a_temp_file(tmp_path: Path) -> None:
    out = tmp_path / ("a" * 240 + ".md")
    write_atomic(out, "x\n")
    assert out.read_text(encoding="utf-8") == "x\n"


def test_zlib_level_zero_gzip_is_fine() -> None:
    compressor = zlib.compressobj(0, zlib.DEFLATED, 31)
    data = compressor.compress(TEXT.encode()) + compressor.flush()
    assert decode(data)[0] == TEXT


def test_write_atomic_never_replaces_a_device(tmp_path: Path) -> None:
    before = os.stat(os.devnull)
    write_atomic(Path(os.devnull), "data\n")
    after = os.stat(os.devnull)
    same = (before.st_ino, before.st_mode, before.st_rdev)
    assert (after.st_ino, after.st_mode, after.st_rdev) == same


def test_write_atomic_through_a_symlink(tmp_path: Path) -> None:
    target = tmp_path / "real.md"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    write_atomic(link, "new")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "new"


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.characters(codec="utf-8")
        | st.sampled_from(" \t\r\n\x0b\x0c\x1c\x85\xa0\u200b\u2028")
    )
)
def test_inline_is_normalised_text_on_one_line(text: str) -> None:
    """The ASCII shortcut and the general path agree with the definition."""
    assert decoding.inline(text) == re.sub(r"\s+", " ", normalise(text)).strip()
