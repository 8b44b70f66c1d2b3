"""Shared pieces of the digest plugins: records passed between pipeline stages,
text sanitising and Markdown escaping, and the post header format.

This package has no ``register()``: it is a library for the ``digest_*`` plugins.
"""
