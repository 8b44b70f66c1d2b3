"""Reading-site plugin: company and outlet pages, feeds, OPML, sitemap, robots.txt."""

from digest_taxonomies.plugin import register

__all__ = ["register"]
