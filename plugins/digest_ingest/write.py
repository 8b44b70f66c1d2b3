"""Write posts: render the Markdown, write atomically, and keep the manifest.

The manifest (``.digest-manifest.json`` in the posts folder) remembers, for
each raw page, the hash it was converted from, the post it became and that
post's hash as written. A post whose file no longer has that hash was edited
by someone: it is kept as it is. Output is sorted and free of timestamps, so
the same inputs always give the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from digest_core.files import write_if_changed
from digest_core.post_format import render_post
from digest_core.records import Post
from digest_core.text import escape_markdown

MANIFEST_NAME = ".digest-manifest.json"
MANIFEST_VERSION = 1


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    raw_hash: str
    post: str  # path below the posts folder
    post_hash: str  # sha256 of the post as we wrote it
    slug: str
    flag_reasons: tuple[str, ...] = ()  # "flag: why" for the report of unchanged pages


def load_manifest(posts_dir: Path) -> dict[str, ManifestEntry]:
    """The manifest's entries; an unreadable manifest counts as empty (posts on disk stay protected)."""
    path = posts_dir / MANIFEST_NAME
    try:
        data = json.loads(path.read_text("utf-8"))
        return {rel: ManifestEntry(**{**e, "flag_reasons": tuple(e.get("flag_reasons", ()))}) for rel, e in data["pages"].items()}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def save_manifest(posts_dir: Path, entries: dict[str, ManifestEntry]) -> bool:
    """Write the manifest if it changed; True when written."""
    pages = {rel: {**asdict(e), "flag_reasons": list(e.flag_reasons)} for rel, e in sorted(entries.items())}
    text = json.dumps({"version": MANIFEST_VERSION, "pages": pages}, indent=1, sort_keys=True, ensure_ascii=False)
    return write_if_changed(posts_dir / MANIFEST_NAME, text + "\n")


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def file_hash(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def post_status(post: Post, flagged_status: str) -> str:
    """Flagged posts get the configured status; an undated post is always a draft (Pelican needs a date)."""
    if post.meta.date is None:
        return "draft"
    return flagged_status if post.enrichment.flags else "published"


def format_date(post: Post) -> str:
    date = post.meta.date
    if date is None:
        return ""
    if date.tzinfo is None:
        return date.strftime("%Y-%m-%d %H:%M")
    return date.isoformat(timespec="minutes" if not date.second else "seconds")


def render(post: Post, slug: str, flagged_status: str, raw_path: str) -> str:
    """The whole post file."""
    meta, extra = post.meta, post.enrichment
    fields = {
        "Title": meta.title,
        "Date": format_date(post),
        "Slug": slug,
        "Source": meta.source,
        "Source_url": meta.source_url,
        "Authors": meta.authors,
        "Companies": extra.companies,
        "Tags": extra.tags,
        "Summary": escape_markdown(extra.summary),  # Pelican renders Summary as Markdown
        "Lang": meta.lang,
        "Flags": extra.flags,
        "Status": post_status(post, flagged_status),
        "Raw": raw_path,
    }
    return render_post(fields, post.blocks)
