"""The Pelican generator that writes company and outlet pages, indexes, feeds and OPML.

``generate_context`` runs after Pelican's ArticlesGenerator (and after the
stories plugin has attached ``article.story``); it indexes the published
posts and attaches ``more_about`` and ``linked_data`` to each post for the
article template. ``generate_output`` writes everything.
"""

from __future__ import annotations

import logging
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from digest_core.incremental import flush
from digest_taxonomies.chart import Chart, coverage_chart
from digest_taxonomies.config import setting
from digest_taxonomies.highlight import pygments_css
from digest_taxonomies.linked_data import news_article
from digest_taxonomies.opml import FeedRef, render_opml
from digest_taxonomies.sitemap import absolute
from digest_taxonomies.taxonomy import (
    company_listing, index_by, more_about, newest_first, timelines_by_company, unify_names,
)

logger = logging.getLogger(__name__)

# Plugin settings the templates read; put into the context when the user left them out.
TEMPLATE_SETTINGS = ("COMPANIES_URL", "SOURCES_URL", "OPML_SAVE_AS", "PYGMENTS_CSS_SAVE_AS")


class TaxonomyGenerator(Generator):
    """Company pages (/company/<slug>/), outlet pages (/source/<slug>/) and their feeds."""

    companies: list[tuple[Any, list[Any]]]
    sources: list[tuple[Any, list[Any]]]

    def generate_context(self) -> None:
        posts = newest_first(self.context.get("articles", []))
        unify_names(posts, "companies")
        unify_names(posts, "source")
        self.companies = index_by(posts, "companies")
        self.sources = index_by(posts, "source")
        by_company = {company.slug: items for company, items in self.companies}
        timelines = timelines_by_company(by_company)
        rank = setting(self.settings, "TAXONOMY_CENTRAL_RANK")
        limit = setting(self.settings, "TAXONOMY_MORE_ABOUT")
        for post in posts:
            post.more_about = more_about(post, by_company, rank, limit, timelines)
            post.linked_data = news_article(post, self.settings)
        self.context["companies"] = self.companies
        self.context["sources"] = self.sources
        for key in TEMPLATE_SETTINGS:
            self.context.setdefault(key, setting(self.settings, key))

    def generate_output(self, writer: Any) -> None:
        write = partial(writer.write_file, relative_urls=self.settings["RELATIVE_URLS"])
        self.write_companies(write)
        self.write_sources(write)
        self.write_feeds(writer)
        self.write_text(setting(self.settings, "OPML_SAVE_AS"), self.opml())
        css = pygments_css(
            setting(self.settings, "PYGMENTS_STYLE_LIGHT"), setting(self.settings, "PYGMENTS_STYLE_DARK")
        )
        self.write_text(setting(self.settings, "PYGMENTS_CSS_SAVE_AS"), css)
        flush(writer)  # before StaticGenerator copies files, as a serial build would

    def _chart(self, company: Any, posts: list[Any], end: date) -> Chart:
        return coverage_chart(
            company.name, [p.date.date() for p in posts], end,
            setting(self.settings, "TAXONOMY_CHART_MAX_DAYS"),
            setting(self.settings, "TAXONOMY_CHART_MAX_MONTHS"),
        )

    def write_companies(self, write: Any) -> None:
        """One paginated page per company (a chart, central stories first), then the index."""
        rank = setting(self.settings, "TAXONOMY_CENTRAL_RANK")
        # Charts end on the site's latest day, so a company out of the news shows empty bars.
        end = max((p.date for p in self.context.get("articles", [])), default=None)
        for company, posts in self.companies:
            listing = company_listing(company, posts, rank)
            write(
                company.save_as, self.get_template("company"), self.context,
                paginated={"articles": listing.entries}, template_name="company",
                url=company.url, page_name=company.page_name,
                company=company, articles=listing.entries, central_count=listing.central,
                post_count=len(posts), chart=self._chart(company, posts, end.date()),
            )
        write(
            setting(self.settings, "COMPANIES_SAVE_AS"), self.get_template("companies"), self.context,
            template_name="companies", url=setting(self.settings, "COMPANIES_URL"),
        )

    def write_sources(self, write: Any) -> None:
        """One paginated page per outlet with its posts, newest first, then the index."""
        for source, posts in self.sources:
            write(
                source.save_as, self.get_template("source"), self.context,
                paginated={"articles": posts}, template_name="source",
                url=source.url, page_name=source.page_name, source=source, articles=posts,
                front_post_count=len(posts),
            )
        write(
            setting(self.settings, "SOURCES_SAVE_AS"), self.get_template("sources"), self.context,
            template_name="sources", url=setting(self.settings, "SOURCES_URL"),
        )

    def write_feeds(self, writer: Any) -> None:
        """An Atom feed per company and per outlet, when its FEED_ATOM setting is not empty."""
        for value, posts in [*self.companies, *self.sources]:
            if value.feed_atom:
                writer.write_feed(posts, self.context, value.feed_atom, value.feed_atom, feed_title=value.name)

    def feed_refs(self) -> list[tuple[str, list[FeedRef]]]:
        """Every feed of the site, grouped for the OPML file."""
        domain = self.settings.get("FEED_DOMAIN") or self.settings.get("SITEURL", "")
        siteurl = self.settings.get("SITEURL", "")
        name = self.settings["SITENAME"]

        def refs(items: list[tuple[Any, Any]], path: str) -> list[FeedRef]:
            if not path:
                return []
            return [
                FeedRef(v.name, absolute(domain, str(path).format(slug=v.slug)), absolute(siteurl, v.url))
                for v, _ in items
            ]

        everything = self.settings.get("FEED_ALL_ATOM")
        main = [FeedRef(f"{name}: all posts", absolute(domain, everything), absolute(siteurl, ""))]
        tags = sorted(self.context.get("tags", []), key=lambda kv: kv[0].slug)
        return [
            ("", main if everything else []),
            ("Companies", refs(self.companies, setting(self.settings, "COMPANY_FEED_ATOM"))),
            ("Tags", refs(tags, self.settings.get("TAG_FEED_ATOM") or "")),
            ("Outlets", refs(self.sources, setting(self.settings, "SOURCE_FEED_ATOM"))),
        ]

    def opml(self) -> str:
        return render_opml(f"{self.settings['SITENAME']} feeds", self.feed_refs())

    def write_text(self, save_as: str, text: str) -> None:
        """Write a file below the output folder; an empty ``save_as`` disables it."""
        if not save_as:
            return
        path = Path(self.output_path) / save_as
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        logger.info('Writing "%s"', path)
