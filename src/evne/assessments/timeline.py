"""How this app's timeline events read (called by evne.cases.timeline.describe)."""

from django.utils.translation import gettext as _

from evne.cases.models import EventKind, TimelineEvent

from .models import Conclusion


def describe(event: TimelineEvent) -> str | None:
    """A one-line description in the reader's language, or None for an event of another app."""
    if event.kind != EventKind.ASSESSMENT_MADE:
        return None
    d = event.data
    try:
        conclusion = str(Conclusion(d.get("conclusion")).label)
    except ValueError:
        conclusion = str(d.get("conclusion", ""))
    return _("Work-ability assessment %(number)s (assessed on %(date)s): %(conclusion)s.") % {
        "number": d.get("number", ""),
        "date": d.get("assessed_on", ""),
        "conclusion": conclusion,
    }
