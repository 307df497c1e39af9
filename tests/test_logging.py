"""The log filter (issue 15.4): on every handler of every logger, Django's request loggers and the access logs
of the development server and gunicorn included; it scrubs CPR numbers from messages and tracebacks."""

import io
import logging

import pytest
from django.conf import settings

from evne.logfilters import PersonalDataFilter, configure, install_everywhere, scrub

pytestmark = pytest.mark.personal_data_allowed  # these tests log CPR numbers on purpose


def _all_loggers():
    yield logging.getLogger()
    for logger in logging.Logger.manager.loggerDict.values():
        if isinstance(logger, logging.Logger):
            yield logger


def test_every_handler_of_every_logger_carries_the_filter():
    handlers = [
        (lg.name, h)
        for lg in _all_loggers()
        for h in lg.handlers
        # pytest's own capture handlers, and a library's NullHandler (writes nothing anywhere)
        if not type(h).__module__.startswith("_pytest") and not isinstance(h, logging.NullHandler)
    ]
    assert handlers, "logging is configured"
    missing = [(name, h) for name, h in handlers if not any(isinstance(f, PersonalDataFilter) for f in h.filters)]
    assert missing == []


@pytest.mark.parametrize("name", ["django", "django.request", "django.server", "gunicorn.access", "gunicorn.error"])
def test_the_request_and_access_loggers_are_configured_with_the_filter(name):
    config = settings.LOGGING["loggers"][name]
    assert "no_personal_data" in config["filters"]
    for handler in config.get("handlers", []):
        assert "no_personal_data" in settings.LOGGING["handlers"][handler]["filters"]


def test_a_handler_a_library_adds_later_gets_the_filter_when_logging_is_configured():
    stream = io.StringIO()
    library = logging.getLogger("some.library")
    handler = logging.StreamHandler(stream)
    library.addHandler(handler)
    library.propagate = False
    try:
        install_everywhere()
        library.warning("GET /search/?q=%s", "190494-1674")
        assert "190494" not in stream.getvalue() and "[CPR]" in stream.getvalue()
    finally:
        library.removeHandler(handler)
        library.propagate = True


def _emit_through(logger_name: str, message: str, *args, exc_info=None) -> str:
    """Emit a record through the logger's configured handlers, into a buffer instead of the console."""
    logger = logging.getLogger(logger_name)
    target = logger if logger.handlers else logging.getLogger()
    stream = io.StringIO()
    saved = [(h, h.stream) for h in target.handlers if isinstance(h, logging.StreamHandler)]
    for h, _stream in saved:
        h.setStream(stream)
    try:
        logger.error(message, *args, exc_info=exc_info)
    finally:
        for h, original in saved:
            h.setStream(original)
    return stream.getvalue()


@pytest.mark.parametrize("name", ["django.server", "django.request", "gunicorn.access", "evne.api"])
def test_a_request_line_with_a_cpr_number_is_scrubbed(name):
    out = _emit_through(name, '"%s" %s %s', "GET /search/?q=190494-1674 HTTP/1.1", 200, 512)
    assert out and "1674" not in out and "[CPR]" in out


def test_a_traceback_with_a_cpr_number_is_scrubbed():
    try:
        raise ValueError("no citizen with CPR 1904941674")
    except ValueError as exc:
        out = _emit_through("django.request", "Internal Server Error: %s", "/x", exc_info=exc)
    assert "ValueError" in out and "1904941674" not in out and "[CPR]" in out


@pytest.mark.parametrize("text", ["190494-1674", "1904941674", "190494 1674", "190494%2D1674", "190494+1674"])
def test_it_scrubs_every_way_of_writing_a_cpr_number(text):
    assert scrub(f"q={text}&x=1") == "q=[CPR]&x=1"


def test_django_configures_logging_through_evnes_configure():
    assert f"{configure.__module__}.{configure.__name__}" == settings.LOGGING_CONFIG
