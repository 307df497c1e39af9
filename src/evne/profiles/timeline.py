"""The resource profile's timeline events, described in the reader's language (registered with cases.timeline)."""

from django.utils.translation import gettext as _

from evne.cases.models import EventKind, TimelineEvent
from evne.cases.timeline import _label

from .models import DisagreementOutcome, ElementKey, InvolvementKind, PresentationMethod

_PROFILE_KINDS = {
    EventKind.PROFILE_ELEMENT_SAVED,
    EventKind.PROFILE_PRESENTED,
    EventKind.PROFILE_DISAGREEMENT_DECIDED,
    EventKind.INVOLVEMENT_RECORDED,
    EventKind.HYPOTHESIS_RECORDED,
}


def describe(event: TimelineEvent) -> str | None:
    """The resource profile's events in the reader's language; None for another app's event."""
    if event.kind not in _PROFILE_KINDS:
        return None
    d = event.data
    match event.kind:
        case EventKind.PROFILE_ELEMENT_SAVED:
            text = _("Resource profile: %(element)s saved as version %(number)s. Reason: %(reason)s") % {
                "element": _label(ElementKey, d.get("element")),
                "number": d.get("number"),
                "reason": d.get("reason", ""),
            }
            return text if d.get("relevant", True) else text + " " + _("(not relevant)")
        case EventKind.PROFILE_PRESENTED:
            text = _("The resource profile was presented to the citizen on %(date)s (%(method)s).") % {
                "date": d.get("presented_on"),
                "method": _label(PresentationMethod, d.get("method")),
            }
            if d.get("disagreements"):
                text += " " + _("The citizen disagrees on: %(elements)s.") % {
                    "elements": ", ".join(_label(ElementKey, e) for e in d["disagreements"])
                }
            else:
                text += " " + _("The citizen agrees with every element.")
            return text
        case EventKind.PROFILE_DISAGREEMENT_DECIDED:
            return _("Disagreement on %(element)s: %(outcome)s.") % {
                "element": _label(ElementKey, d.get("element")),
                "outcome": _label(DisagreementOutcome, d.get("outcome")),
            }
        case EventKind.INVOLVEMENT_RECORDED:
            return _("%(kind)s (%(date)s).") % {
                "kind": _label(InvolvementKind, d.get("kind")),
                "date": d.get("occurred_on"),
            }
        case EventKind.HYPOTHESIS_RECORDED:
            return _("Hypothesis H%(id)s recorded.") % {"id": d.get("hypothesis_id")}
    return str(event.get_kind_display())
