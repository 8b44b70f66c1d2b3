"""Text hygiene for anything taken from a scraped page.

Two jobs: remove characters that break XML feeds or inject lines
(``clean_line``/``clean_text``), and escape text so that Markdown renders
exactly the page's words, never markup (``escape_markdown``).
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote, urljoin, urlsplit

# Line and paragraph separators, vertical tab, form feed, NEL: all act as newlines somewhere.
_OTHER_BREAKS = "\r\u2028\u2029\x0b\x0c\x85"
# A run of line breaks other than a lone "\n" (which would be replaced by itself).
_LINE_BREAKS = re.compile(f"[{_OTHER_BREAKS}][\n{_OTHER_BREAKS}]*|\n[\n{_OTHER_BREAKS}]+")
# C0/C1 controls (but tab/newline), lone surrogates, XML non-characters, zero-width characters.
_INVISIBLE = "\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u200b\u200c\u200d\u2060\ufeff\u00ad"
_REMOVED = re.compile(f"[{_INVISIBLE}]")
# Any character the two passes above would change: most text has none, and one search is cheap.
_SUSPECT = re.compile(f"[{_OTHER_BREAKS}{_INVISIBLE}]")


def clean_text(text: str) -> str:
    """Drop control and invisible characters; keep newlines (a run of them becomes one); NFC-normalise."""
    if "\n\n" in text or _SUSPECT.search(text):
        text = _REMOVED.sub("", _LINE_BREAKS.sub("\n", text))
    return unicodedata.normalize("NFC", text)


def clean_line(text: str) -> str:
    """One line of plain text: no newlines, single spaces (any run of Unicode spaces), trimmed."""
    return " ".join(clean_text(text).split())


# What XML 1.0 cannot hold: C0 controls but tab, newline and carriage return; lone surrogates; two non-characters.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold, all else as it was (newlines,
    zero-width joiners and soft hyphens stay, unlike ``clean_text``): for HTML bodies that go
    into feeds, whose writer stops the whole build at a control character."""
    return _NOT_IN_XML.sub("", text)


_BREAKS_IN_A_LINE = re.compile(f"[{_OTHER_BREAKS}]")


def clean_lines(text: str) -> list[str]:
    """The lines of ``text`` (split at newlines) as ``clean_line`` makes each, empty ones left
    out: a body's many short lines in one pass instead of one pass each."""
    if _SUSPECT.search(text):  # as clean_line: another break inside a line becomes a space
        text = _REMOVED.sub("", _BREAKS_IN_A_LINE.sub(" ", text))
    lines = (" ".join(line.split()) for line in unicodedata.normalize("NFC", text).split("\n"))
    return [line for line in lines if line]


# Markdown's inline markup characters, backslash-escaped wherever they are.
_MARKUP = re.compile(r"([\\`*_\[\]|{}])")
_ORDERED_LIST_START = re.compile(r"^(\d+)([.)])")


def escape_markdown(text: str) -> str:
    """Escape one line of page text so Markdown shows it verbatim.

    ``&``, ``<`` and ``>`` become entities (Markdown passes raw HTML through);
    emphasis, link, code and table characters are backslash-escaped; a colon
    or digit-dot at the line start (definition and ordered lists) is neutralised.
    """
    # replace() rather than one translate(): far cheaper on non-ASCII text
    text = clean_line(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKUP.sub(r"\\\1", text)
    text = text.replace("!\\[", "\\!\\[")
    if text.startswith(("#", "+", "-")):
        text = "\\" + text
    elif text[:1].isdecimal():
        text = _ORDERED_LIST_START.sub(r"\1\\\2", text, count=1)
    if text.startswith(":") or text.startswith("~"):
        text = "&#" + str(ord(text[0])) + ";" + text[1:]
    return text


_SAFE_SCHEMES = {"http", "https", "mailto"}


def safe_href(href: str, base: str = "") -> str:
    """A link target that is safe to publish, or "" when it is not.

    Only absolute http(s) and mailto links survive; relative links are resolved
    against ``base`` when it is an http(s) URL. Characters that Markdown or
    Pelican's ``{filename}`` syntax would read are percent-encoded.
    """
    href = clean_line(href)
    if not href:
        return ""
    if base and urlsplit(base).scheme in {"http", "https"}:
        href = urljoin(base, href)
    parts = urlsplit(href)
    if parts.scheme.lower() not in _SAFE_SCHEMES:
        return ""
    if parts.scheme.lower() != "mailto" and not parts.netloc:
        return ""
    return quote(href, safe=":/?#@!$&'*+,;=%~-._")


_WORDS = re.compile(r"[^\W_]+")


def bare_name(name: str) -> str:
    """An outlet's name as letters and digits only, without a leading "The": "The Ticker
    Tape", "the-ticker-tape" (its slug) and "ticker-tape" (a raw folder) all give "tickertape".
    The ingest and the site match an outlet's spellings by it."""
    words = _WORDS.findall(name.casefold())
    return "".join(words[1:] if len(words) > 1 and words[0] == "the" else words)


def site_host(url: str) -> str:
    """A URL's host without "www.": the name an outlet goes by when nothing better is known.

    The ingest writes it as a post's Source; the taxonomies recognise it by the same rule.
    """
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")
