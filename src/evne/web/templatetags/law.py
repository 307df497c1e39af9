"""Durations from the law's dated parameters, for UI text: `{% load law %}{% law_duration "deadlines.appeal_weeks" %}`
renders "4 uger" / "4 weeks" as the parameter stands on the day shown (today unless `on` is given), so a hint never
states a deadline the law has since changed (evne.rules.parameters)."""

from datetime import date

from django import template
from django.utils import timezone
from django.utils.translation import ngettext

from evne.rules.parameters import value_on

register = template.Library()


def _unit(unit: str, n: int) -> str:
    if unit == "weeks":
        return ngettext("%(n)d week", "%(n)d weeks", n) % {"n": n}
    if unit == "days":
        return ngettext("%(n)d day", "%(n)d days", n) % {"n": n}
    if unit == "working_days":
        return ngettext("%(n)d working day", "%(n)d working days", n) % {"n": n}
    if unit == "months":
        return ngettext("%(n)d month", "%(n)d months", n) % {"n": n}
    return f"{n} {unit}"


def law_duration_text(key: str, on: date | None = None) -> str:
    """The duration `key` in force on `on` (today by default) as text, or "" when none is in force."""
    entry = value_on(key, on or timezone.localdate())
    return _unit(entry.unit, int(entry.value)) if entry is not None else ""


@register.simple_tag
def law_duration(key: str, on: date | None = None) -> str:
    return law_duration_text(key, on)


@register.simple_tag
def file_access_deadline(on: date | None = None) -> str:
    """FVL § 16: 7 working days from 1 January 2014, 10 days before."""
    day = on or timezone.localdate()
    return law_duration_text("deadlines.file_access_working_days", day) or law_duration_text(
        "deadlines.file_access_days", day
    )
