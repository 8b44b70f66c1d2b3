"""Code blocks of an HTML page: their text and their language.

trafilatura keeps a ``<pre>``'s text but often loses the class that names
its language (``div.highlight-source-python > pre``), and turns a ``<pre>``
without code-like characters into a quote. ``code_languages`` indexes every
``<pre>`` of the original tree by its text, so a body element can be matched
back to it; a block the page does not label gets a language only when its
text makes it obvious (a shell prompt, valid JSON, HTML, Python statements).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import lru_cache

from lxml.html import HtmlElement
from pygments.lexers import find_lexer_class_by_name
from pygments.util import ClassNotFound

from digest_core.text import clean_text

CLASS_PREFIX = re.compile(r"^(?:language|lang|highlight-source|highlight|brush:?|source)[-_:]?", re.I)
# Class words that are Pygments aliases but never name a language on a web page.
NOT_LANGUAGES = {"text", "output", "plain", "raw", "default", "code", "none"}
PYTHON_LINE = re.compile(
    r"^(?:def \w+\(|class \w+[(:]|import \w|from [\w.]+ import |print\(|if __name__)", re.M
)
C_STYLE_END = re.compile(r"[;{}]\s*$", re.M)
HTML_TAG = re.compile(r"</\w+>|<!doctype|/>\s*$", re.I)


@lru_cache(maxsize=512)
def lexer_name(word: str) -> str:
    """The canonical Pygments alias for a language word ("js" -> "javascript"), or ""."""
    word = word.strip().lower()
    if not word or word in NOT_LANGUAGES or len(word) > 30:
        return ""
    try:
        return find_lexer_class_by_name(word).aliases[0]
    except ClassNotFound:
        return ""


def named_language(elem: HtmlElement) -> str:
    """The language an element's class or data-lang attribute names, or ""."""
    for attr in ("data-lang", "data-language"):
        if lang := lexer_name(elem.get(attr) or ""):
            return lang
    words = (elem.get("class") or "").split()
    for i, word in enumerate(words):
        # SyntaxHighlighter's "brush: js" and pandoc's "sourceCode python" name it in the next word
        name = words[i + 1] if word.lower() in ("brush:", "sourcecode") and i + 1 < len(words) else word
        stripped = CLASS_PREFIX.sub("", name)
        prefixed_or_code = stripped != name or elem.tag in ("pre", "code")
        if prefixed_or_code and (lang := lexer_name(stripped.rstrip(";"))):
            return lang
    return ""


def _element_language(elem: HtmlElement) -> str:
    """Language named on a code element, a ``<code>`` inside it, or its two nearest ancestors."""
    inner = next(elem.iter("code"), None)
    nearby = [elem, inner] if inner is not None else [elem]
    nearby += list(elem.iterancestors())[:2]
    return next((lang for e in nearby if (lang := named_language(e))), "")


def text_key(elem: HtmlElement) -> str:
    """An element's text with whitespace collapsed, to match it across trees."""
    return " ".join("".join(elem.itertext()).split())


def code_languages(tree: HtmlElement) -> dict[str, str]:
    """Every ``<pre>`` (and labelled ``<code>``) of the page: text key -> language ("" if unnamed)."""
    found: dict[str, str] = {}
    for elem in tree.iter("pre", "code"):
        if elem.tag == "code" and next(elem.iterancestors("pre"), None) is not None:
            continue
        lang = _element_language(elem)
        if elem.tag == "pre" or lang:
            key = text_key(elem)
            if key and not found.get(key):
                found[key] = lang
    return found


def code_text(elem: HtmlElement) -> str:
    """A code block's text: control characters removed, trailing spaces and blank edges trimmed."""
    raw = "".join(elem.itertext()).replace("\r\n", "\n").replace("\r", "\n")
    # line by line: clean_text would merge the blank lines that structure code
    lines = [clean_text(line).expandtabs(4).rstrip() for line in raw.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines).rstrip()


def code_block_language(elem: HtmlElement, code: str, languages: Mapping[str, str]) -> str:
    """The language of one code block of trafilatura's body."""
    return _element_language(elem) or languages.get(text_key(elem), "") or guess_language(code)


def guess_language(code: str) -> str:
    """A language the code's own text makes obvious, else ""."""
    text = code.strip()
    first = text.split("\n", 1)[0]
    if first.startswith(("$ ", "% ")) or (first.startswith("# ") and "\n$ " in text):
        return "console"
    if first.startswith(">>> "):
        return "pycon"
    if text[:1] in "{[" and text[-1:] in "}]":
        try:
            json.loads(text)
            return "json"
        except (ValueError, RecursionError):
            pass
    if text.startswith("<") and text.endswith(">") and HTML_TAG.search(text):
        return "html"
    if PYTHON_LINE.search(text) and not C_STYLE_END.search(text):
        return "python"
    return ""
