"""Plain, immutable records that flow between the ingest stages.

decode -> extract -> metadata -> enrich -> write; each stage is a function
taking the previous record (and the config) and returning the next one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, Mapping

PageKind = Literal["html", "text"]
BlockKind = Literal["paragraph", "heading", "list", "ordered_list", "quote", "code", "table"]
InlineStyle = Literal["", "em", "strong", "code"]


@dataclass(frozen=True, slots=True)
class RawPage:
    """One scraped page as found on disk (or one line of a JSON Lines export)."""

    rel: str  # path relative to the raw folder, posix; "export.jsonl#3" for JSONL line 3
    kind: PageKind
    data: bytes
    sidecar: Mapping[str, Any] = field(default_factory=dict)
    folder: str = ""  # first folder below the raw root ("" at top level): a source hint


@dataclass(frozen=True, slots=True)
class Decoded:
    """A page's text as Unicode, encoding repaired."""

    raw: RawPage
    text: str
    encoding: str  # what the bytes were read as, for the report


@dataclass(frozen=True, slots=True)
class Inline:
    """A run of text inside a block; ``href`` is set for links (already vetted)."""

    text: str
    href: str = ""
    style: InlineStyle = ""


@dataclass(frozen=True, slots=True)
class Block:
    """One structural unit of an article body."""

    kind: BlockKind
    inlines: tuple[Inline, ...] = ()  # paragraph, heading, quote
    level: int = 2  # heading level, 2..6
    items: tuple[tuple[Inline, ...], ...] = ()  # list, ordered_list
    rows: tuple[tuple[str, ...], ...] = ()  # table: first row is the header row
    code: str = ""  # code
    lang: str = ""  # code: a Pygments lexer name, "" when unknown

    @classmethod
    def paragraph(cls, text: str) -> Block:
        return cls("paragraph", (Inline(text),))

    @classmethod
    def heading(cls, text: str, level: int = 2) -> Block:
        return cls("heading", (Inline(text),), level=level)

    @property
    def text(self) -> str:
        """Plain text of the block, for analysis (not for display)."""
        if self.kind == "code":
            return self.code
        if self.kind == "table":
            return "\n".join(" ".join(row) for row in self.rows)
        if self.items:
            return "\n".join("".join(i.text for i in item) for item in self.items)
        return "".join(i.text for i in self.inlines)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A metadata value found in a page, with where it was found.

    field: title, date, author, site_name, url, lang, standfirst, tag
    origin: e.g. "sidecar", "og:title", "json-ld", "h1", "text:headline"
    """

    field: str
    value: str
    origin: str


@dataclass(frozen=True, slots=True)
class Extracted:
    """The article's body blocks and every metadata candidate the page offered."""

    decoded: Decoded
    blocks: tuple[Block, ...]
    candidates: tuple[Candidate, ...] = ()
    dropped_lines: int = 0  # boilerplate units removed, for the boilerplate_only flag

    def first(self, field_name: str) -> Candidate | None:
        return next((c for c in self.candidates if c.field == field_name), None)


@dataclass(frozen=True, slots=True)
class PostMeta:
    """Resolved metadata of one post."""

    title: str
    date: datetime | None  # timezone-aware when the page said so
    source: str  # "" when unknown
    source_url: str
    authors: tuple[str, ...]
    lang: str
    origins: Mapping[str, str] = field(default_factory=dict)  # field -> origin of its value


@dataclass(frozen=True, slots=True)
class Enrichment:
    companies: tuple[str, ...]
    tags: tuple[str, ...]
    summary: str
    flags: tuple[str, ...]
    reasons: tuple[str, ...] = ()  # one human sentence per flag


@dataclass(frozen=True, slots=True)
class Post:
    """Everything needed to write one Markdown post."""

    raw: RawPage
    meta: PostMeta
    enrichment: Enrichment
    blocks: tuple[Block, ...]
    raw_hash: str


@dataclass(frozen=True, slots=True)
class Rejected:
    """A raw page that could not become a post, with the stage and reason."""

    rel: str
    stage: str
    reason: str
