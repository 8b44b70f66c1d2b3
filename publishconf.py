"""Production settings: `SITEURL=https://news.example.org make publish`.

Imports pelicanconf.py, then sets absolute URLs and a clean output folder.
"""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: F403, E402

SITEURL = os.environ.get("SITEURL", "").rstrip("/")
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
DELETE_OUTPUT_DIRECTORY = True
# Keep version-control folders of an output that is itself a checkout (gh-pages).
OUTPUT_RETENTION = [".git", ".hg", ".nojekyll", "CNAME"]
