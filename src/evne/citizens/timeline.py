"""How this app's timeline events read (called by evne.cases.timeline.describe): the citizen's own work.

Events store codes and the values as they read when the event happened, so a renamed label never rewrites
history."""

from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext as _

from evne.cases.models import EventKind, TimelineEvent

from .models import Employment, EmploymentKind


def _date(value) -> str:
    """An ISO date from the event data as the UI writes dates (dd-mm-yyyy)."""
    parts = str(value or "").split("-")
    return "-".join(reversed(parts)) if len(parts) == 3 else str(value or "–")


def _kind(value) -> str:
    try:
        return str(EmploymentKind(value).label)
    except ValueError:
        return str(value or "–")


def _field(name: str) -> str:
    try:
        return str(Employment._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:  # a field renamed since the event was written still reads
        return name


def _value(field: str, value) -> str:
    if value in (None, ""):
        return "–"
    if field == "kind":
        return _kind(value)
    if field in ("start_on", "end_on"):
        return _date(value)
    return str(value)


def describe(event: TimelineEvent) -> str | None:
    """A one-line description in the reader's language, or None for an event of another app."""
    d = event.data
    if event.kind != EventKind.OWN_WORK_RECORDED:
        return None
    if d.get("action") == "updated":
        return _("The citizen's own work at %(employer)s changed: %(changes)s.") % {
            "employer": d.get("employer", ""),
            "changes": ", ".join(
                f"{_field(r['field'])}: {_value(r['field'], r.get('old'))} → {_value(r['field'], r.get('new'))}"
                for r in d.get("changes", [])
            ),
        }
    text = _("The citizen's own work recorded: %(kind)s at %(employer)s, %(hours)s hours a week since %(start)s.") % {
        "kind": _kind(d.get("kind")),
        "employer": d.get("employer", ""),
        "hours": d.get("hours_per_week", "–"),
        "start": _date(d.get("start_on")),
    }
    if d.get("end_on"):
        text += " " + _("Ended %(date)s.") % {"date": _date(d["end_on"])}
    return text
