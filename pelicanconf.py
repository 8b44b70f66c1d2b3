"""Pelican settings for the tech-news digest (development build: `make html`, `make serve`).

Every setting is documented in README.md ("Settings"). publishconf.py imports
this file and overrides what production needs.
"""

from pathlib import Path

HERE = Path(__file__).resolve().parent

# --- Site -------------------------------------------------------------------
SITENAME = "Tech Digest"
SITESUBTITLE = "The day's technology news, one story per event"
SITEURL = ""
RELATIVE_URLS = True
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%a %d %b %Y"

PATH = "content"
# Only generated posts are articles; raw scraped pages must never be read as content.
ARTICLE_PATHS = ["posts"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = []
IGNORE_FILES = [".#*", "*.tmp", ".digest-*"]
THEME = str(HERE / "theme")

# --- URLs -------------------------------------------------------------------
# Posts live under their day, next to that day's digest page (/2018/02/26/).
ARTICLE_URL = "{date:%Y}/{date:%m}/{date:%d}/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
# Posts in other languages are single posts too, not translations: same URL scheme.
ARTICLE_LANG_URL = ARTICLE_URL
ARTICLE_LANG_SAVE_AS = ARTICLE_SAVE_AS
DRAFT_URL = "drafts/{slug}/"
DRAFT_SAVE_AS = DRAFT_URL + "index.html"
DRAFT_LANG_URL = DRAFT_URL
DRAFT_LANG_SAVE_AS = DRAFT_SAVE_AS
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = PAGE_URL + "index.html"
PAGE_LANG_URL = PAGE_URL
PAGE_LANG_SAVE_AS = PAGE_SAVE_AS

# --- Plugins (run in this order) ------------------------------------------
PLUGIN_PATHS = [str(HERE / "plugins")]
PLUGINS = ["digest_ingest", "digest_taxonomies", "digest_stories", "digest_search"]

# --- Ingest: raw pages -> Markdown posts --------------------------------------
DIGEST_RAW_PATH = "raw"                  # below PATH
DIGEST_POSTS_PATH = "posts"              # below PATH
DIGEST_DATA_PATH = "data"                # below PATH: editors' companies.jsonl / tags.jsonl
DIGEST_FLAGGED_STATUS = "draft"          # Status of posts with a quality flag
DIGEST_INGEST_ON_BUILD = True            # run the ingest at the start of every build
DIGEST_JOBS = 0                          # worker processes; 0 = one per core
DIGEST_MAX_BYTES = 8_000_000             # larger raw pages are skipped and reported
DIGEST_MIN_WORDS = 80                    # fewer words in the body -> flag too_short

# --- Feeds ------------------------------------------------------------------
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
CATEGORY_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
FEED_MAX_ITEMS = 50

DEFAULT_PAGINATION = 20

# --- Search -----------------------------------------------------------------
# Pagefind indexes the built site at the end of every build (plugin digest_search);
# the search page (theme/templates/search.html) queries that index in the browser.
PAGEFIND_ENABLED = True                  # False: build without a search index
PAGEFIND_OPTIONS = []                    # extra pagefind CLI arguments, e.g. ["--force-language", "en"]
SEARCH_URL = "search/"
SEARCH_SAVE_AS = "search/index.html"
# Appends to DIRECT_TEMPLATES when an earlier section set it (Pelican's default otherwise).
DIRECT_TEMPLATES = list(globals().get("DIRECT_TEMPLATES", ["index", "tags", "categories", "authors", "archives"]))
if "search" not in DIRECT_TEMPLATES:
    DIRECT_TEMPLATES.append("search")
