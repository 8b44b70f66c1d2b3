"""The main text of an HTML page, by trafilatura: its fast pass, and its full cascade when in doubt.

trafilatura's full cascade runs readability and jusText beside its own extractor
and keeps whichever looks better; on a well-formed article page they agree, and
running them costs about as much as the extraction itself. So the fast pass
(own extractor only) runs first, and the full cascade runs from the start
only when the fast result shows a sign of what the cascade is there to repair:
little text, no paragraphs, or a small share of the page's text.
"""

from __future__ import annotations

import trafilatura
from lxml.etree import XPath
from lxml.html import HtmlElement
from trafilatura.settings import Document, Extractor

# Doubt thresholds. trafilatura falls back to jusText below 250 characters and retries
# when its text is under a fifth of the page's; readability wins when it finds twice as much.
MIN_CHARS = 1000
MIN_PAGE_SHARE = 0.2
MIN_PARAGRAPH_SHARE = 0.5
_PAGE_TEXT = XPath("//text()", smart_strings=False)
_PARAGRAPH_TEXT = XPath("//p//text()", smart_strings=False)


def _options(fast: bool) -> Extractor:
    # No metadata: ours is cheaper and keeps full timestamps. "txt" spares bare_extraction
    # a text rendering of the body that we do not use. No URL: safe_href resolves links.
    return Extractor(
        output_format="txt", fast=fast, precision=False, recall=False, comments=False, tables=True,
        images=False, formatting=True, links=True, with_metadata=False,
        dedup=False,  # its cache is process-global: results would depend on the pages seen before
    )


# One options object each for every page (the constructor re-reads the config each time).
FAST, FULL = _options(fast=True), _options(fast=False)


def main_text(tree: HtmlElement) -> Document | None:
    """trafilatura's extraction of ``tree`` (left unchanged); None when it finds nothing.

    Raises whatever ``bare_extraction`` raises (it catches and logs its own ValueErrors).
    """
    document = trafilatura.bare_extraction(tree, options=FAST)
    if document is None or is_doubtful(document.body, tree):
        document = trafilatura.bare_extraction(tree, options=FULL)
    return document


def is_doubtful(body: HtmlElement, page: HtmlElement) -> bool:
    """True when a fast-pass ``body`` may be a fragment that the full cascade would complete or replace."""
    length = len(" ".join(body.itertext()).strip())
    if length < MIN_CHARS:
        return True
    paragraphs = len(body.findall(".//p"))
    if not body.xpath(".//p//text()") or len(body.findall(".//table")) > paragraphs:
        return True
    page_text = sum(map(len, _PAGE_TEXT(page)))
    paragraph_text = sum(map(len, _PARAGRAPH_TEXT(page)))
    return length < MIN_PAGE_SHARE * page_text or length < MIN_PARAGRAPH_SHARE * paragraph_text
