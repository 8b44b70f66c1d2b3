"""One raw page -> one post: decode, extract, metadata, enrich.

``convert`` is the single entry point used by the Pelican plugin and the
``digest`` command alike. Each stage is a plain function, so each can be
tested and timed on its own; a stage signals a bad page by raising an
``IngestError``, which becomes a ``Rejected`` with the stage and reason.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from digest_core.records import Enrichment, Extracted, Post, PostMeta, RawPage, Rejected
from digest_ingest.config import IngestConfig
from digest_ingest.decode import decode
from digest_ingest.enrich.companies import DEFAULT_REGISTRY_PATH, CompanyRegistry, find_companies, load_registry
from digest_ingest.enrich.flags import quality_flags
from digest_ingest.enrich.summary import make_summary
from digest_ingest.enrich.tags import DEFAULT_VOCABULARY_PATH, TagVocabulary, find_tags, load_vocabulary
from digest_ingest.enrich.tokens import tokenize_article
from digest_ingest.errors import ExtractError, IngestError
from digest_ingest.extract_html import extract_html
from digest_ingest.extract_text import extract_text
from digest_ingest.metadata import resolve_metadata

logger = logging.getLogger(__name__)
PACKAGE_DIRS = (Path(__file__).parent, Path(__file__).parent.parent / "digest_core")


@dataclass(frozen=True, slots=True)
class Resources:
    """What every conversion needs besides the page: config and the editors' vocabularies."""

    config: IngestConfig
    registry: CompanyRegistry
    vocabulary: TagVocabulary
    fingerprint: str  # code + data version: part of every page's hash


def load_resources(config: IngestConfig) -> Resources:
    company_files = (DEFAULT_REGISTRY_PATH, *_editor_file(config, "companies.jsonl"))
    tag_files = (DEFAULT_VOCABULARY_PATH, *_editor_file(config, "tags.jsonl"))
    editors = tuple(path.read_bytes() for path in company_files[1:] + tag_files[1:])
    digest = hashlib.sha256(code_fingerprint().encode())
    for data in editors:
        digest.update(data)
    registry, vocabulary = _indexes(company_files, tag_files, editors)
    return Resources(config, registry, vocabulary, digest.hexdigest()[:16])


@lru_cache(maxsize=4)
def _indexes(
    company_files: tuple[Path, ...], tag_files: tuple[Path, ...], editors: tuple[bytes, ...]
) -> tuple[CompanyRegistry, TagVocabulary]:
    """The registry and vocabulary, built once per process for the same files and editors' contents.

    ``editors`` (the editors' files' bytes) is only the cache key: an edited file builds anew.
    Every ingest run of a long-lived process (Pelican's autoreload) would otherwise rebuild them.
    """
    return load_registry(company_files), load_vocabulary(tag_files)


def _editor_file(config: IngestConfig, name: str) -> tuple[Path, ...]:
    path = config.data_dir / name
    return (path,) if path.is_file() else ()


def extract(decoded) -> Extracted:
    """Dispatch on the page kind; extractors' own failures become ExtractError."""
    try:
        if decoded.raw.kind == "html":
            return extract_html(decoded)
        return extract_text(decoded)
    except ValueError as exc:
        raise ExtractError(str(exc) or "page could not be parsed") from exc


def enrich(extracted: Extracted, meta: PostMeta, resources: Resources) -> Enrichment:
    """Companies, tags, summary and quality flags of one post."""
    paragraphs = [b.text for b in extracted.blocks if b.kind != "code"]
    segments = tokenize_article(meta.title, paragraphs)
    companies = find_companies(resources.registry, segments)
    tags = find_tags(resources.vocabulary, segments, companies)
    standfirst = extracted.first("standfirst")
    summary = make_summary(standfirst.value if standfirst else "", meta.title, paragraphs)
    flags, reasons = quality_flags(
        dated=meta.date is not None,
        lang=meta.lang,
        text="\n".join(paragraphs),
        min_words=resources.config.min_words,
    )
    return Enrichment(companies, tags, summary, flags, reasons)


def convert(raw: RawPage, resources: Resources) -> Post | Rejected:
    """Run every stage on one raw page."""
    stage = "decode"
    try:
        decoded = decode(raw)
        stage = "extract"
        extracted = extract(decoded)
        stage = "metadata"
        meta = resolve_metadata(extracted)
        stage = "enrich"
        enrichment = enrich(extracted, meta, resources)
    except IngestError as exc:
        return Rejected(raw.rel, exc.stage, str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad page must never stop the run
        logger.debug("digest_ingest: %s failed in %s", raw.rel, stage, exc_info=True)
        return Rejected(raw.rel, stage, f"unexpected {type(exc).__name__}: {exc}")
    return Post(raw, meta, enrichment, extracted.blocks, raw_hash(raw, resources.fingerprint))


@cache
def code_fingerprint() -> str:
    """Hash of the ingest code and shipped data: a change re-converts every page."""
    digest = hashlib.sha256()
    for folder in PACKAGE_DIRS:
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".py", ".jsonl", ".json", ".txt") and "__pycache__" not in path.parts:
                digest.update(path.relative_to(folder.parent).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def raw_hash(raw: RawPage, fingerprint: str) -> str:
    """Content hash of a raw page, its sidecar and the code and data that convert it."""
    digest = hashlib.sha256(raw.data)
    digest.update(json.dumps(raw.sidecar, sort_keys=True, default=str).encode())
    digest.update(fingerprint.encode())
    return digest.hexdigest()
