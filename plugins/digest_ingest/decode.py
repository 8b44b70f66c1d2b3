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
_MOJIBAKE_LEADS = "".join(map(chr, range(0xC2, 0xF5)))
_MOJIBAKE_FOLLOWERS = "".join(map(chr, range(0x80, 0xC0))) + (
    "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018\u2019\u201a"
    "\u201b\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)
_MOJIBAKE = re.compile(f"[{re.escape(_MOJIBAKE_LEADS)}][{re.escape(_MOJIBAKE_FOLLOWERS)}]")
_SPACE = re.compile(r"\s")
# The same pairs as UTF-8 bytes, searched in the raw page: the literal lead byte makes it a fast scan.
_MOJIBAKE_UTF8 = re.compile(
    b"(?:" + b"|".join(re.escape(c.encode()) for c in _MOJIBAKE_LEADS) + b")"
    b"(?:" + b"|".join(re.escape(c.encode()) for c in _MOJIBAKE_FOLLOWERS) + b")"
)


def decode(raw: RawPage) -> Decoded:
    """Read ``raw.data`` as text in whatever encoding it came in, then repair it.

    Mojibake is repaired in both kinds; a text dump is also cleaned (``clean_text``).

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
    if _MOJIBAKE_UTF8.search(data) if encoding == "utf-8" else _MOJIBAKE.search(text):
        text = repair_mojibake(text)
        encoding += "+ftfy"
    if raw.kind == "text":
        # HTML stays as it came: its markup is parsed, not read, and every string taken
        # from the tree is cleaned where it is taken (so code keeps its blank lines).
        text = clean_text(text)
    if not text.strip():
        raise DecodeError("no text after decoding")
    return Decoded(raw, text, encoding)


def repair_mojibake(text: str) -> str:
    """ftfy on the words that show mojibake; the rest of the text is left as it is.

    ftfy costs microseconds a character, and on an HTML page most characters are
    markup. A whole word is what it needs to see to tell mojibake from real text.
    Repair only: the page's curly quotes and full-width characters stay as they were.
    """
    parts, done = [], 0
    for match in _MOJIBAKE.finditer(text):
        if match.start() < done:
            continue  # inside the word just repaired
        start = match.start()
        while start > done and not text[start - 1].isspace():
            start -= 1
        space = _SPACE.search(text, match.end())
        end = space.start() if space else len(text)
        word = ftfy.fix_text(
            text[start:end], unescape_html=False, uncurl_quotes=False, fix_character_width=False,
            normalization="NFC",
        )
        parts += [text[done:start], word]
        done = end
    return "".join(parts) + text[done:]


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
