"""A suite-wide guard (issue 15.4): no CPR number and no citizen's name in a URL or a log line.

While each test runs, it records
- every URL requested of Django — by the test client and by the browser through the live server — from the
  `request_started` signal (path and query string, decoded);
- every log record created, by any logger at any level that is enabled, before any filter scrubs it (the log
  filter is the last line of defence; the code must not log personal data in the first place);
- the names of the citizens created in the test database during the test (and, for a test with a database,
  every citizen in it when the test ends, which also covers bulk-created synthetic populations).
After the test it fails on CPR-shaped text (DDMMYY-XXXX, or ten digits, whose first six are a real date
of birth by the CPR rules) or a citizen's first or last name (as a whole word, any case) in any of them.

A test that must put such text in a log on purpose (e.g. to test the log filter) is marked
`@pytest.mark.personal_data_allowed`. Cheap: a list append per request and per record; the check is one
regular expression per URL and record, and one query per database test.
"""

import contextlib
import logging
import re
import threading
from dataclasses import dataclass, field
from urllib.parse import unquote, unquote_plus

import pytest
from django.core.signals import request_started
from django.db.models.signals import post_save

from evne.citizens.cpr import InvalidCpr, parse_cpr

_CPR_SHAPED = re.compile(r"(?<!\d)(\d{6})-?(\d{4})(?!\d)")
_MIN_NAME = 3  # shorter name parts ("Bo", "Li") would match too much ordinary text


@dataclass
class Seen:
    urls: list[str] = field(default_factory=list)
    records: list[logging.LogRecord] = field(default_factory=list)
    names: set[str] = field(default_factory=set)


_lock = threading.Lock()
_seen: Seen | None = None


def _on_request(sender, environ=None, **kwargs):
    if _seen is None or environ is None:
        return
    path = environ.get("PATH_INFO", "")
    with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):  # WSGI: latin-1 text of the raw bytes
        path = path.encode("latin-1").decode("utf-8")
    query = environ.get("QUERY_STRING", "")
    with _lock:
        _seen.urls.append(unquote(path) + ("?" + unquote_plus(query) if query else ""))


def _on_citizen_saved(sender, instance, **kwargs):
    if _seen is not None:
        with _lock:
            _seen.names.update(_name_parts(instance.first_name, instance.last_name))


def _name_parts(*names: str) -> set[str]:
    return {part for name in names for part in re.split(r"[\s\-]+", name or "") if len(part) >= _MIN_NAME}


_original_factory = logging.getLogRecordFactory()


def _record_factory(*args, **kwargs):
    record = _original_factory(*args, **kwargs)
    if _seen is not None:
        _seen.records.append(record)
    return record


def install() -> None:
    from evne.citizens.models import Citizen

    logging.setLogRecordFactory(_record_factory)
    request_started.connect(_on_request, dispatch_uid="evne-personal-data-guard")
    post_save.connect(_on_citizen_saved, sender=Citizen, dispatch_uid="evne-personal-data-guard")


def start() -> None:
    global _seen
    _seen = Seen()


def stop() -> None:
    global _seen
    _seen = None


def cpr_shaped(text: str) -> str | None:
    """The first CPR number in the text: ten digits (optionally DDMMYY-XXXX) whose date part is a real date."""
    for match in _CPR_SHAPED.finditer(text):
        try:
            parse_cpr(match.group(1) + match.group(2))
        except InvalidCpr:
            continue
        return match.group(0)
    return None


def _name_in(text: str, names: re.Pattern | None) -> str | None:
    if names is None:
        return None
    match = names.search(text)
    return match.group(0) if match else None


def _citizen_names_in_database() -> set[str]:
    from evne.citizens.models import Citizen

    return _name_parts(*(n for pair in Citizen.objects.values_list("first_name", "last_name") for n in pair))


def problems(item: pytest.Item) -> list[str]:
    seen = _seen
    if seen is None:
        return []
    names = set(seen.names)
    if {"db", "transactional_db", "live_server", "django_db_setup"} & set(getattr(item, "fixturenames", ())):
        # No database in this test after all (e.g. its setup failed): the signals still count.
        with contextlib.suppress(Exception):
            names |= _citizen_names_in_database()
    alternatives = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
    # In a URL any case (a search for "jeppesen"); in a log line as a name is written ("Line", not the word
    # "line" of a traceback), and only in the message: a traceback is checked for CPR numbers alone.
    in_url = re.compile(rf"\b({alternatives})\b", re.I) if names else None
    in_log = re.compile(rf"\b({alternatives})\b") if names else None
    found = []
    for url in seen.urls:
        for what, hit in (("CPR number", cpr_shaped(url)), ("citizen's name", _name_in(url, in_url))):
            if hit:
                found.append(f"{what} {hit!r} in the URL {url!r}")
    for record in seen.records:
        try:
            message = record.getMessage()
        except Exception:
            message = str(record.msg)
        traceback = ""
        if record.exc_info and record.exc_info[1] is not None:
            traceback = logging.Formatter().formatException(record.exc_info)
        for what, hit in (
            ("CPR number", cpr_shaped(message + " " + traceback)),
            ("citizen's name", _name_in(message, in_log)),
        ):
            if hit:
                found.append(f"{what} {hit!r} in a log line of {record.name}: {message[:200]!r}")
    return found
