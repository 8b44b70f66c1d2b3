"""Bytes -> Unicode: detect the encoding, repair mojibake, refuse binaries and empties."""

from __future__ import annotations

import codecs
import re

import ftfy
from charset_normalizer import from_bytes

from digest_core.records import Decoded, RawPage
from digest_core.text import clean_text
from digest_ingest.errors import DecodeError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF", b"RIFF")
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f]")
_WESTERN = {"cp1250", "cp1252", "cp1254", "cp1257", "latin-1", "iso8859-1", "ascii"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# UTF-8 read as cp1252/latin-1 leaves a lead byte character followed by a continuation one.
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


def decode(raw: RawPage) -> Decoded:
    """Read ``raw.data`` as text in whatever encoding it came in, then repair it.

    Raises:
        DecodeError: the page is empty, or binary rather than text.
    """
    data = raw.data
    if not data.strip():
        raise DecodeError("empty file")
    if data.startswith(_MAGIC):
        raise DecodeError("binary file (not a text or HTML page)")
    text, encoding = _to_str(data, raw.kind == "html")
    if _looks_binary(text):
        raise DecodeError("binary file (mostly control characters)")
    if _MOJIBAKE.search(text):
        # Repair only: keep the page's curly quotes and full-width characters as they were.
        text = ftfy.fix_text(
            text, unescape_html=False, uncurl_quotes=False, fix_character_width=False, normalization="NFC"
        )
        encoding += "+ftfy"
    text = clean_text(text)
    if not text.strip():
        raise DecodeError("no text after decoding")
    return Decoded(raw, text, encoding)


def _to_str(data: bytes, is_html: bool) -> tuple[str, str]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data) if is_html else None
    if declared:
        return data.decode(declared, errors="replace"), declared
    best = from_bytes(data[:200_000]).best()
    name = best.encoding if best else "cp1252"
    if _is_western_single_byte(name):
        # Guesses among Latin code pages are noise on short texts; news sites used cp1252.
        name = "cp1252"
    return data.decode(name, errors="replace"), name


def _is_western_single_byte(encoding: str) -> bool:
    name = codecs.lookup(encoding).name
    return name in _WESTERN or name.startswith(("iso8859", "mac-", "cp8", "cp7"))


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None


def _looks_binary(text: str) -> bool:
    """Text has a stray control character at most; binary data is full of them."""
    sample = text[:8192]
    return len(_CONTROLS.findall(sample)) > len(sample) * 0.10
