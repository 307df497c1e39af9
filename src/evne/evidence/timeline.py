"""How this app's timeline events read (called by evne.cases.timeline.describe).

Events store codes and ISO dates; the words are chosen here, in the reader's language, when the event is shown.
"""

from datetime import date

from django.db import models
from django.utils.translation import gettext as _

from evne.cases.models import EventKind, TimelineEvent

from .models import (
    CollectionGround,
    ConsentPurpose,
    ConsentStatus,
    DevelopmentView,
    DocumentKind,
    ExpectedEffect,
    Prognosis,
    RequestedDocument,
    StatementAuthorRole,
    TreatmentSource,
    TreatmentStatusKind,
    WorkAbilityView,
)

KINDS = {
    EventKind.CONSENT_RECORDED,
    EventKind.REQUEST_CREATED,
    EventKind.REQUEST_SENT,
    EventKind.REQUEST_ANSWERED,
    EventKind.REQUEST_CANCELLED,
    EventKind.DOCUMENT_RECEIVED,
    EventKind.STATEMENT_RECORDED,
    EventKind.TREATMENT_RECORDED,
    EventKind.TREATMENT_UPDATED,
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
        case EventKind.STATEMENT_RECORDED:
            return _describe_statement(d)
        case EventKind.TREATMENT_RECORDED:
            text = _("Treatment recommended on %(date)s (%(source)s): %(what)s. Expected effect: %(effect)s.") % {
                "date": _day(d.get("recommended_on")),
                "source": _label(TreatmentSource, d.get("source")).lower(),
                "what": d.get("description", ""),
                "effect": _label(ExpectedEffect, d.get("expected_effect")).lower(),
            }
            return text + " " + _status(d)
        case EventKind.TREATMENT_UPDATED:
            return _("Treatment %(what)s:") % {"what": d.get("description", "")} + " " + _status(d)
    return None


def _status(d: dict) -> str:
    text = _("Status: %(status)s, %(date)s.") % {
        "status": _label(TreatmentStatusKind, d.get("status")).lower(),
        "date": _day(d.get("status_on")),
    }
    if d.get("reason"):
        text += " " + _("Reason: %(reason)s") % {"reason": d["reason"]}
    return text


def _describe_statement(d: dict) -> str:
    if (d.get("number") or 1) > 1:
        text = _("Conclusions of %(title)s revised (revision %(number)s).") % {
            "title": d.get("title", ""),
            "number": d.get("number"),
        }
    else:
        text = _("Conclusions of %(title)s recorded.") % {"title": d.get("title", "")}
    text += " " + _("%(role)s, dated %(date)s.") % {
        "role": _label(StatementAuthorRole, d.get("author_role")),
        "date": _day(d.get("stated_on")),
    }
    if d.get("prognosis") == Prognosis.TEMPORARY:
        text += " " + _("Prognosis: temporary until %(date)s.") % {"date": _day(d.get("prognosis_until"))}
    else:
        text += " " + _("Prognosis: %(prognosis)s.") % {"prognosis": _label(Prognosis, d.get("prognosis")).lower()}
    text += " " + _("Work ability: %(view)s.") % {"view": _label(WorkAbilityView, d.get("work_ability_view")).lower()}
    text += " " + _("Development: %(view)s.") % {"view": _label(DevelopmentView, d.get("development_view")).lower()}
    if d.get("reason"):
        text += " " + _("Reason: %(reason)s") % {"reason": d["reason"]}
    return text
