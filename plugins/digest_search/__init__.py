"""Pagefind search for the digest: index the built site at the end of every build.

Also ships ``python -m digest_search.ghpages`` (publish output/ to a gh-pages branch).
"""

from digest_search.plugin import register

__all__ = ["register"]
