"""Typed ingest failures: a stage raises one, the pipeline turns it into a ``Rejected``."""


class IngestError(Exception):
    """A raw page cannot become a post; the message is the reason shown to editors."""

    stage = "ingest"


class DecodeError(IngestError):
    stage = "decode"


class ExtractError(IngestError):
    stage = "extract"
