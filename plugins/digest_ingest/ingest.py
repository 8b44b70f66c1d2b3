"""A whole ingest run: find raw pages, convert the new and changed ones, write posts.

Incremental (an unchanged page is not reconverted), protective (an edited or
deleted post is never rewritten; a post whose raw page is gone is kept and
reported), parallel across processes with the same result as serial.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from digest_core.files import write_if_changed
from digest_core.records import Post, RawPage, Rejected
from digest_ingest.config import IngestConfig
from digest_ingest.discover import iter_files, load
from digest_ingest.pipeline import Resources, convert, load_resources, raw_hash
from digest_ingest.slugs import make_slug, post_path, unique_slug
from digest_ingest.write import ManifestEntry, file_hash, load_manifest, render, save_manifest, text_hash

logger = logging.getLogger(__name__)
PARALLEL_THRESHOLD = 24  # fewer pages than this convert faster in-process than in a pool


@dataclass
class Report:
    new: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    kept_edited: list[str] = field(default_factory=list)
    kept_deleted: list[str] = field(default_factory=list)
    orphaned: list[str] = field(default_factory=list)
    flagged: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    failed: list[Rejected] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The end-of-run summary, one line per fact, then one per problem."""
        out = [
            f"digest ingest: {len(self.new)} new, {len(self.updated)} updated, {self.unchanged} unchanged, "
            f"{len(self.kept_edited)} edited-and-kept, {len(self.flagged)} flagged, {len(self.failed)} failed"
        ]
        out += [f"  kept (edited by hand): {p}" for p in self.kept_edited]
        out += [f"  not recreated (post deleted by hand): {p}" for p in self.kept_deleted]
        out += [f"  raw page gone, post kept: {p}" for p in self.orphaned]
        out += [f"  flagged {post}: {'; '.join(reasons)}" for post, reasons in self.flagged]
        out += [f"  failed {r.rel}: [{r.stage}] {r.reason}" for r in self.failed]
        return out


_WORKER: Resources | None = None


def _init_worker(resources: Resources) -> None:
    global _WORKER  # one copy per worker process, set once by the pool initialiser
    _WORKER = resources


def _convert_in_worker(raw: RawPage) -> Post | Rejected:
    assert _WORKER is not None
    return convert(raw, _WORKER)


def convert_all(pages: list[RawPage], resources: Resources, workers: int) -> Iterator[Post | Rejected]:
    """Convert pages in order; in worker processes when there are enough of them."""
    if workers <= 1 or len(pages) < PARALLEL_THRESHOLD:
        return (convert(p, resources) for p in pages)
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context("fork"),
        initializer=_init_worker, initargs=(resources,),
    )
    return _pooled(pool, pages)


def _pooled(pool: ProcessPoolExecutor, pages: list[RawPage]) -> Iterator[Post | Rejected]:
    with pool:
        yield from pool.map(_convert_in_worker, pages, chunksize=8)


def _pending(
    config: IngestConfig, resources: Resources, manifest: dict[str, ManifestEntry], report: Report
) -> tuple[list[RawPage], set[str]]:
    """Pages that need converting, and every raw page seen."""
    todo, seen = [], set()
    for found in iter_files(config.raw_dir):
        if isinstance(found, Rejected):
            report.failed.append(found)
            continue
        for page in load(found, config.max_bytes):
            if isinstance(page, Rejected):
                report.failed.append(page)
                continue
            seen.add(page.rel)
            entry = manifest.get(page.rel)
            if entry and entry.raw_hash == raw_hash(page, resources.fingerprint):
                report.unchanged += 1
                if entry.flag_reasons:
                    report.flagged.append((entry.post, entry.flag_reasons))
                continue
            todo.append(page)
    return todo, seen


def run_ingest(
    config: IngestConfig, *, jobs: int | None = None, progress: Callable[[Iterable], Iterable] | None = None
) -> Report:
    """Bring the posts folder up to date with the raw folder."""
    report = Report()
    resources = load_resources(config)
    manifest = load_manifest(config.posts_dir)
    todo, seen = _pending(config, resources, manifest, report)
    results: Iterable[Post | Rejected] = convert_all(todo, resources, jobs or config.jobs)
    if progress and todo:
        results = progress(results, total=len(todo))  # type: ignore[call-arg]
    taken = {e.slug for e in manifest.values()} | _existing_slugs(config.posts_dir)
    for result in results:
        if isinstance(result, Rejected):
            report.failed.append(result)
        else:
            _place(result, config, manifest, taken, report)
    report.orphaned = sorted(e.post for rel, e in manifest.items() if rel not in seen)
    report.failed.sort(key=lambda r: r.rel)
    report.flagged.sort()
    save_manifest(config.posts_dir, manifest)
    return report


def _existing_slugs(posts_dir: Path) -> set[str]:
    return {p.stem[11:] if p.stem[:4].isdigit() else p.stem for p in posts_dir.rglob("*.md")}


def _place(post: Post, config: IngestConfig, manifest: dict[str, ManifestEntry], taken: set[str], report: Report) -> None:
    """Write one converted post, unless a person has edited or deleted it."""
    rel = post.raw.rel
    entry = manifest.get(rel)
    if entry:
        slug, target = entry.slug, config.posts_dir / entry.post
        current = file_hash(target)
        if current is None or current != entry.post_hash:
            kept = report.kept_deleted if current is None else report.kept_edited
            kept.append(entry.post)
            manifest[rel] = replace(entry, raw_hash=post.raw_hash)
            return
    else:
        slug = unique_slug(make_slug(post.meta.title), taken, post.meta.source)
        taken.add(slug)
        target = config.posts_dir / post_path(slug, post.meta.date)
    raw_path = Path(os.path.relpath(config.raw_dir / rel, config.content_dir)).as_posix()
    text = render(post, slug, config.flagged_status, raw_path)
    post_rel = target.relative_to(config.posts_dir).as_posix()
    if write_if_changed(target, text):
        (report.updated if entry else report.new).append(post_rel)
    else:
        report.unchanged += 1
    manifest[rel] = ManifestEntry(post.raw_hash, post_rel, text_hash(text), slug, post.enrichment.reasons)
    if post.enrichment.flags:
        report.flagged.append((post_rel, post.enrichment.reasons))
