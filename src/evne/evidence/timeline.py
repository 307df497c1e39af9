"""How this app's timeline events read (called by evne.cases.timeline.describe).

Events store codes and ISO dates; the words are chosen here, in the reader's language, when the event is shown.
"""

from datetime import date

from django.db import models
from django.utils.translation import gettext as _

from evne.cases.models import EventKind, TimelineEvent

from .models import CollectionGround, ConsentPurpose, ConsentStatus, DocumentKind, RequestedDocument

KINDS = {
    EventKind.CONSENT_RECORDED,
    EventKind.REQUEST_CREATED,
    EventKind.REQUEST_SENT,
    EventKind.REQUEST_ANSWERED,
    EventKind.REQUEST_CANCELLED,
    EventKind.DOCUMENT_RECEIVED,
}


def _label(choices: type[models.TextChoices], value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value or "–")


def _day(value) -> str:
    try:
        return date.fromisoformat(value).strftime("%d-%m-%Y")
    except (TypeError, ValueError):
        return str(value or "–")


def describe(event: TimelineEvent) -> str | None:
    """A one-line description in the reader's language, or None for an event of another app."""
    if event.kind not in KINDS:
        return None
    d = event.data
    match event.kind:
        case EventKind.CONSENT_RECORDED:
            text = _("%(purpose)s: %(status)s, %(date)s.") % {
                "purpose": _label(ConsentPurpose, d.get("purpose")),
                "status": _label(ConsentStatus, d.get("status")).lower(),
                "date": _day(d.get("given_on")),
            }
            if d.get("recipient"):
                text += " " + _("Recipient: %(recipient)s.") % {"recipient": d["recipient"]}
            if d.get("expires_on"):
                text += " " + _("Expires on %(date)s.") % {"date": _day(d["expires_on"])}
            return text
        case EventKind.REQUEST_CREATED:
            text = _("Information request prepared: %(document)s from %(recipient)s.") % {
                "document": _label(RequestedDocument, d.get("document_type")),
                "recipient": d.get("recipient_name", ""),
            }
            if d.get("collection_ground"):
                text += " " + _("Without consent: %(ground)s.") % {
                    "ground": _label(CollectionGround, d["collection_ground"])
                }
            if d.get("notice_given_on"):
                text += " " + _("Notice given on %(date)s.") % {"date": _day(d["notice_given_on"])}
            if d.get("adviser_consulted"):
                text += " " + _("The medical adviser was consulted.")
            return text
        case EventKind.REQUEST_SENT:
            return _("Information request to %(recipient)s sent on %(sent)s; answer due on %(due)s.") % {
                "recipient": d.get("recipient_name", ""),
                "sent": _day(d.get("sent_on")),
                "due": _day(d.get("answer_due_on")),
            }
        case EventKind.REQUEST_ANSWERED:
            return _("The answer from %(recipient)s arrived on %(date)s.") % {
                "recipient": d.get("recipient_name", ""),
                "date": _day(d.get("answered_on")),
            }
        case EventKind.REQUEST_CANCELLED:
            return _("Information request to %(recipient)s cancelled on %(date)s. Reason: %(reason)s") % {
                "recipient": d.get("recipient_name", ""),
                "date": _day(d.get("cancelled_on")),
                "reason": d.get("reason", ""),
            }
        case EventKind.DOCUMENT_RECEIVED:
            text = _("Document received: %(title)s (%(kind)s) dated %(date)s, received %(received)s.") % {
                "title": d.get("title", ""),
                "kind": _label(DocumentKind, d.get("kind")),
                "date": _day(d.get("document_date")),
                "received": _day(d.get("received_on")),
            }
            if d.get("sensitive"):
                text += " " + _("Contains health information.")
            return text
    return None
