"""Signal glue: every receiver is a module-level function (blinker keeps weak references).

Receivers stay connected once any build in the process loaded the plugin,
so each checks that the current build enabled it.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pelican import signals

from digest_core.article import use_digest_article
from digest_core.gc_tuning import relax, restore
from digest_core.incremental import flush, flush_writers, remove_unclaimed_pages, save_page_keys
from digest_core.plugins import plugin_enabled, source_of
from digest_core.text import xml_text
from digest_taxonomies.addresses import drop_unwritable_posts
from digest_taxonomies.company_names import read_company_names
from digest_taxonomies.feeds import DigestWriter
from digest_taxonomies.generator import TaxonomyGenerator
from digest_taxonomies.membership import (index_post_lists, order_ties_by_slug, skip_unwritten_lists,
                                          use_fast_period_archives)
from digest_taxonomies.sitemap import write_sitemap_and_robots
from digest_taxonomies.wrappers import convert_metadata

NAME = "digest_taxonomies"
logger = logging.getLogger(__name__)


def enabled(settings: Mapping[str, Any]) -> bool:
    return plugin_enabled(settings, NAME)


def convert_post_metadata(generator: Any, metadata: dict[str, Any]) -> None:
    """Companies and Source headers -> Company/Source objects, before the Article exists."""
    if enabled(generator.settings):
        convert_metadata(metadata, generator.settings)


def clean_post_text(content: Any) -> None:
    """Each post and page once made: its HTML without the characters XML cannot hold (an
    editor's NUL or form feed would make the page invalid, and its feed entry stop the build)."""
    if enabled(content.settings) and isinstance(getattr(content, "_content", None), str):
        content._content = xml_text(content._content)


def add_generator(pelican: Any) -> type[TaxonomyGenerator] | None:
    """Also reads the company registry's names (``company_names``): this signal starts every
    build, before any post is read or page written."""
    if not enabled(pelican.settings):
        return None
    read_company_names(pelican.settings)
    return TaxonomyGenerator


def use_digest_writer(pelican: Any) -> type[DigestWriter] | None:
    return DigestWriter if enabled(pelican.settings) else None


def collect_less(generator: Any) -> None:
    """A build starts reading (each build of an autoreloading server too): see
    ``digest_core.gc_tuning``."""
    if enabled(generator.settings):
        relax()


def collect_as_before(pelican: Any) -> None:
    if enabled(pelican.settings):
        restore()


def avoid_quadratic_scans(generator: Any) -> None:
    """Before ArticlesGenerator reads the posts: see ``membership``."""
    if enabled(generator.settings):
        use_fast_period_archives(generator)
        skip_unwritten_lists(generator)


def check_and_order_posts(generator: Any) -> None:
    """Posts read, before Pelican files them under tags and dates: see ``addresses``
    and ``membership``."""
    if not enabled(generator.settings):
        return
    for post, reason in drop_unwritable_posts(generator):
        logger.error("%s: not built: %s", source_of(post), reason)
    order_ties_by_slug(generator)


def fast_post_lists(generator: Any) -> None:
    """Before ArticlesGenerator writes tag pages: see ``membership``."""
    if enabled(generator.settings):
        index_post_lists(generator)


def finish_generator_writes(generator: Any, writer: Any = None) -> None:
    """The posts (or pages) are written: render what the writer put off before anyone reads them."""
    flush(writer)


def finish_writes(pelican: Any) -> None:
    """Every generator is done: nothing put off may stay unwritten, and nothing may stay that
    this build no longer makes, before the sitemap and the search index read the site
    (connected first)."""
    if enabled(pelican.settings):
        flush_writers(pelican.output_path)
        remove_unclaimed_pages(pelican.output_path)


def write_sitemap(pelican: Any) -> None:
    """After every generator (and every plugin's) wrote its pages."""
    if enabled(pelican.settings):
        write_sitemap_and_robots(Path(pelican.output_path), pelican.settings)


def keep_page_keys(pelican: Any) -> None:
    """The build got to its end: its page keys are good for the next one."""
    if enabled(pelican.settings):
        save_page_keys(pelican.output_path)


def register() -> None:
    use_digest_article()  # company pages, feeds and post pages ask every post for its URL many times
    signals.article_generator_context.connect(convert_post_metadata)
    signals.content_object_init.connect(clean_post_text)
    signals.get_generators.connect(add_generator)
    signals.get_writer.connect(use_digest_writer)
    signals.article_generator_init.connect(collect_less)
    signals.article_generator_init.connect(avoid_quadratic_scans)
    signals.article_generator_pretaxonomy.connect(check_and_order_posts)
    signals.article_generator_finalized.connect(fast_post_lists)
    signals.article_writer_finalized.connect(finish_generator_writes)
    signals.page_writer_finalized.connect(finish_generator_writes)
    signals.finalized.connect(finish_writes)
    signals.finalized.connect(write_sitemap)
    signals.finalized.connect(keep_page_keys)
    signals.finalized.connect(collect_as_before)
