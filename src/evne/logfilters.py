"""A last line of defence: scrub anything shaped like a CPR number from application log records.

The code does not log personal data in the first place; this filter catches what a library might log
(e.g. a request path or an exception message that carries a CPR number).
"""

import logging
import re

CPR_PATTERN = re.compile(r"(?<!\d)(\d{6})[- ]?(\d{4})(?!\d)")


def scrub(text: str) -> str:
    return CPR_PATTERN.sub("[CPR]", text)


class PersonalDataFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = scrub(message)
        if cleaned != message:
            record.msg = cleaned
            record.args = None
        return True
