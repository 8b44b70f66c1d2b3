"""Enrichment of extracted articles: which companies a story is about (``companies``)
and which topics it covers (``tags``), both driven by JSON Lines data files that
ship in ``digest_ingest/data`` and that editors extend in ``content/data``.
"""
