"""Pelican's message for a file it could not read gets the reason."""

import logging

from digest_reader.errors import ReasonForUnreadFiles, name_the_reasons


def log_failure(logger, error):
    try:
        raise error
    except Exception:
        logger.exception("Could not process %s", "posts/x.md", exc_info=False)


def test_the_reason_is_added_to_pelicans_message(caplog):
    logger = logging.getLogger("test.generators")
    name_the_reasons(logger)
    name_the_reasons(logger)  # once is enough
    assert sum(isinstance(f, ReasonForUnreadFiles) for f in logger.filters) == 1
    log_failure(logger, ValueError("'2025-13-45' is not a valid date"))
    assert caplog.records[-1].getMessage() == (
        "Could not process posts/x.md: ValueError: '2025-13-45' is not a valid date")


def test_other_messages_and_tracebacks_are_left_alone(caplog):
    logger = logging.getLogger("test.generators.other")
    name_the_reasons(logger)
    logger.error("Could not process %s", "posts/y.md")  # no exception being handled
    try:
        raise KeyError("k")
    except KeyError:
        logger.exception("Could not process %s", "posts/z.md")  # a traceback follows: enough said
        logger.error("Something else: %s", "a")
    assert [r.getMessage() for r in caplog.records] == [
        "Could not process posts/y.md", "Could not process posts/z.md", "Something else: a"]
