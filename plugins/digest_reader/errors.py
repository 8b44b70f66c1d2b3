"""Pelican's "Could not process <file>" names the file but not the reason; this adds it.

When a reader raises (a date that is no date, a file that is not UTF-8), the
generator logs ``Could not process posts/x.md`` and shows the exception only
with ``DEBUG``. An editor then has to guess. ``ReasonForUnreadFiles`` is a
filter on Pelican's generator logger: the message is logged inside the
``except`` block, so the exception being handled is at hand, and its type and
text are appended ("Could not process posts/x.md: ValueError: month must be
in 1..12").
"""

from __future__ import annotations

import logging
import sys

PELICAN_MESSAGE = "Could not process %s"


class ReasonForUnreadFiles(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        error = sys.exc_info()[1]
        if record.msg == PELICAN_MESSAGE and not record.exc_info and error is not None:
            record.msg = PELICAN_MESSAGE + ": %s: %s"
            record.args = (*(record.args or ()), type(error).__name__, error)
        return True


def name_the_reasons(logger: logging.Logger | None = None) -> None:
    """Install the filter on Pelican's generator logger, once."""
    logger = logger or logging.getLogger("pelican.generators")
    if not any(isinstance(f, ReasonForUnreadFiles) for f in logger.filters):
        logger.addFilter(ReasonForUnreadFiles())
