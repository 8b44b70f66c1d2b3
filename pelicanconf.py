"""Pelican settings for the tech-news digest (development build: `make html`, `make serve`).

Every setting is documented in README.md ("Settings"). publishconf.py imports
this file and overrides what production needs.
"""

from datetime import date, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent


def date_text(value: date, fmt: str) -> str:
    """A date or time as text, by Python's own strftime: Pelican's dates format themselves
    through a regular-expression wrapper (for "%-d") that costs 20 us a call, and the
    theme formats a date for every post it lists, hundreds of thousands of times a build."""
    return (datetime.strftime if isinstance(value, datetime) else date.strftime)(value, fmt)


JINJA_FILTERS = {"date_text": date_text}
# Pelican's trim_blocks/lstrip_blocks stay; a build's templates do not change while it runs
# (each autoreload build makes new environments), so Jinja need not stat them at every use.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "extensions": [], "auto_reload": False}

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

# Clean URLs: every page is a folder with an index.html. One date format per URL, not
# three: Pelican formats these patterns for every link to a post.
ARTICLE_URL = "{date:%Y/%m/%d}/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
ARTICLE_LANG_URL = "{date:%Y/%m/%d}/{slug}-{lang}/"
ARTICLE_LANG_SAVE_AS = ARTICLE_LANG_URL + "index.html"
# Two outlets' posts that share a slug are two posts, whatever their languages: Pelican would
# keep one and hide the other as its "translation" (and its search for them is quadratic).
ARTICLE_TRANSLATION_ID = None
DRAFT_URL = "drafts/{slug}/"
DRAFT_SAVE_AS = DRAFT_URL + "index.html"
DRAFT_LANG_URL = "drafts/{slug}-{lang}/"
DRAFT_LANG_SAVE_AS = DRAFT_LANG_URL + "index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = PAGE_URL + "index.html"
PAGE_LANG_URL = "{slug}-{lang}/"
PAGE_LANG_SAVE_AS = PAGE_LANG_URL + "index.html"
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = TAG_URL + "index.html"
TAGS_URL = "tag/"
TAGS_SAVE_AS = "tag/index.html"
ARCHIVES_URL = "archives/"
ARCHIVES_SAVE_AS = "archives/index.html"
MONTH_ARCHIVE_URL = "archives/{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_URL + "index.html"
DAY_ARCHIVE_URL = "archives/{date:%Y}/{date:%m}/{date:%d}/"
DAY_ARCHIVE_SAVE_AS = DAY_ARCHIVE_URL + "index.html"
# No categories (posts have none) and no author pages (bylines are plain text).
# Pelican still needs a category on every post (it writes drafts with one), hence the default.
USE_FOLDER_AS_CATEGORY = False
DEFAULT_METADATA = {"category": "news"}
CATEGORY_URL = CATEGORY_SAVE_AS = ""
AUTHOR_URL = AUTHOR_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "tags", "archives"]
INDEX_URL = ""
PAGINATED_TEMPLATES = {"index": None, "tag": None, "company": None, "source": None}
PAGINATION_PATTERNS = [
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
]
# Tag and outlet pages numbered from their oldest post (digest_core.pagination): a new
# post changes a list's front page only, not all its pages.
DIGEST_STABLE_PAGINATION = ["tag", "source"]
DISPLAY_PAGES_ON_MENU = True

# Content cache: a rebuild re-reads (Markdown) only the posts whose file changed. The
# "reader" layer caches what the Markdown reader returned, so plugins still convert
# every post's metadata and cluster stories afresh on each build. After changing
# MARKDOWN or FORMATTED_FIELDS, build once with `pelican --ignore-cache`.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CONTENT_CACHING_LAYER = "reader"
CACHE_PATH = "cache"                     # next to this file; `make clean` removes it
GZIP_CACHE = False                       # gzip cost every build ~0.25 s per 1000 posts to save disk space
# A page whose template and every value it reads are as in the last build is not
# rendered again (digest_core.incremental; keys kept in CACHE_PATH).
DIGEST_SKIP_UNCHANGED_PAGES = True
# Processes rendering pages and feeds (digest_core.render_queue); 0 = one per core, 1 = serial.
DIGEST_RENDER_JOBS = 0

# --- Plugins (run in this order) ------------------------------------------
PLUGIN_PATHS = [str(HERE / "plugins")]
PLUGINS = ["digest_ingest", "digest_reader", "digest_taxonomies", "digest_stories", "digest_search"]
# digest_reader: posts not yet in the content cache (a cold build) are converted from
# Markdown by this many processes while Pelican reads them; 0 = one per core, 1 = none.
READER_JOBS = 0

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
# Atom only. Entry ids are tag: URIs from FEED_ID_AUTHORITY/FEED_ID_DATE and the
# slug, so they survive a move to another host (digest_taxonomies/feeds.py).
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
CATEGORY_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TAG_FEED_ATOM = "feeds/tag/{slug}.atom.xml"
FEED_MAX_ITEMS = 50
FEED_ID_AUTHORITY = "techdigest.invalid"
FEED_ID_DATE = "2025"

DEFAULT_PAGINATION = 20

# --- Taxonomies (plugins/digest_taxonomies) ------------------------------------
COMPANY_URL = "company/{slug}/"
COMPANY_SAVE_AS = COMPANY_URL + "index.html"
COMPANY_FEED_ATOM = "feeds/company/{slug}.atom.xml"
COMPANIES_URL = "company/"
COMPANIES_SAVE_AS = "company/index.html"
SOURCE_URL = "source/{slug}/"
SOURCE_SAVE_AS = SOURCE_URL + "index.html"
SOURCE_FEED_ATOM = "feeds/source/{slug}.atom.xml"
SOURCES_URL = "source/"
SOURCES_SAVE_AS = "source/index.html"
TAXONOMY_CENTRAL_RANK = 2          # a company among a post's first N companies is central to it
TAXONOMY_MORE_ABOUT = 4            # "More about <company>": this many stories nearest in time to a post
TAXONOMY_CHART_MAX_DAYS = 60       # coverage chart: daily bars up to this span, monthly beyond
TAXONOMY_CHART_MAX_MONTHS = 24
OPML_SAVE_AS = "feeds.opml"
SITEMAP_SAVE_AS = "sitemap.xml"
SITEMAP_EXCLUDE = ["404.html", "drafts/*", "search/*", "theme/*"]
ROBOTS_SAVE_AS = "robots.txt"
ROBOTS_DISALLOW = ["drafts/"]
PYGMENTS_STYLE_LIGHT = "xcode"       # both pass WCAG AA on their own background
PYGMENTS_STYLE_DARK = "github-dark"
PYGMENTS_CSS_SAVE_AS = "theme/css/pygments.css"

# --- Stories (plugins/digest_stories) -------------------------------------------
# Posts about one event form a story; the home page lists stories by day.
STORY_WINDOW_DAYS = 4                    # posts of one story lie within this many days
STORY_THRESHOLD = 0.15                   # mean similarity a post needs with a story to join it
STORY_NEAR_DUPLICATE = 0.25              # shingle Jaccard above which a post is a copy of another
STORY_STATE_FILE = "data/stories.json"   # below PATH: slug -> story id, keeps story URLs stable
STORY_DAYS_PER_PAGE = 7                  # days of stories per home page
STORY_PIN_BONUS = 10                     # importance added when an editor pinned a story's lead
STORY_INDEX_SAVE_AS = "index.html"
STORY_PAGE_URL = "page/{number}/"
STORY_PAGE_SAVE_AS = "page/{number}/index.html"
STORY_DAY_URL = "{date:%Y/%m/%d}/"
STORY_DAY_SAVE_AS = "{date:%Y/%m/%d}/index.html"
STORY_FEED_ATOM = "feeds/stories.atom.xml"
STORY_JOBS = 0                           # processes analysing texts, scoring pairs; 0 = one per core
# The stories digest is the home page: Pelican's own index would write the same file.
INDEX_SAVE_AS = "" if "digest_stories" in PLUGINS else "index.html"

# --- Search -----------------------------------------------------------------
# Pagefind indexes the built site at the end of every build (plugin digest_search);
# the search page (theme/templates/search.html) queries that index in the browser.
PAGEFIND_ENABLED = True                  # False: build without a search index
# Extra pagefind CLI arguments. One index for posts in every language: the search
# page queries the index of its own <html lang>, so a German post in a "de" index
# would never be found from the English search page.
PAGEFIND_OPTIONS = ["--force-language", DEFAULT_LANG]
PAGEFIND_INCREMENTAL = True              # a rebuild indexes only added pages, into a second bundle
PAGEFIND_RECENT_SHARE = 0.05             # past this share of the main bundle (and 50 pages), index everything again
SEARCH_URL = "search/"
SEARCH_SAVE_AS = "search/index.html"
# Appends to DIRECT_TEMPLATES when an earlier section set it.
DIRECT_TEMPLATES = list(globals().get("DIRECT_TEMPLATES", ["index", "tags", "archives"]))
if "search" not in DIRECT_TEMPLATES:
    DIRECT_TEMPLATES.append("search")
