"""A last line of defence: scrub anything shaped like a CPR number from application log records.

The code does not log personal data in the first place; this filter catches what a library might log
(e.g. a request line or an exception message that carries a CPR number).

A filter on the root handler alone is not enough: Django's own "django" and "django.server" loggers, and a
server's access log (gunicorn.access), have handlers of their own and never reach the root. `configure`
(settings.LOGGING_CONFIG) therefore applies the settings and then puts the filter on every handler of every
logger that exists at that point; tests/test_logging.py checks that none is left without it.
"""

import logging
import logging.config
import re

# Ten digits, optionally split after the sixth by a hyphen or a space (also as a URL encodes them). No date
# check: over-scrubbing a ten-digit number in a log line costs nothing.
CPR_PATTERN = re.compile(r"(?<!\d)(\d{6})(?:[- +]|%20|%2[dD])?(\d{4})(?!\d)")


def scrub(text: str) -> str:
    return CPR_PATTERN.sub("[CPR]", text)


class PersonalDataFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record: leave it to the formatter, which reports it
            return True
        cleaned = scrub(message)
        if cleaned != message:
            record.msg = cleaned
            record.args = None
        if record.exc_info and not record.exc_text:
            # Format the traceback once here, scrubbed; the formatter uses exc_text when it is set.
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        return True


def install_everywhere() -> None:
    """Put the filter on every handler of every logger configured so far (root included)."""
    loggers = [logging.getLogger(), *(
        logger for logger in logging.Logger.manager.loggerDict.values() if isinstance(logger, logging.Logger)
    )]  # fmt: skip
    for logger in loggers:
        for handler in logger.handlers:
            if not any(isinstance(f, PersonalDataFilter) for f in handler.filters):
                handler.addFilter(PersonalDataFilter())


def configure(logging_settings: dict) -> None:
    """settings.LOGGING_CONFIG: Django's dictConfig, then the filter on every handler."""
    logging.config.dictConfig(logging_settings)
    install_everywhere()
