"""How this app's timeline events read (called by evne.cases.timeline.describe)."""

from django.db import models
from django.utils.translation import gettext as _

from evne.cases.models import EventKind, TimelineEvent
from evne.cases.timeline import rule_title

from .models import (
    AppealOutcome,
    ApplicationChannel,
    ApplicationKind,
    Channel,
    HearingAnswer,
    Measure,
    OutcomeKind,
    Reconsideration,
)


def _label(choices: type[models.TextChoices], value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value or "–")


def describe(event: TimelineEvent) -> str | None:
    d = event.data
    n = d.get("number", "")
    match event.kind:
        case EventKind.APPLICATION_RECEIVED:
            what = d.get("other_text") or _label(ApplicationKind, d.get("kind"))
            return _("Application for %(what)s received on %(date)s (%(channel)s).") % {
                "what": what,
                "date": d.get("applied_on"),
                "channel": _label(ApplicationChannel, d.get("channel")),
            }
        case EventKind.APPLICATION_WITHDRAWN:
            return _("The application for %(what)s was withdrawn on %(date)s, after guidance.") % {
                "what": _label(ApplicationKind, d.get("kind")),
                "date": d.get("withdrawn_on"),
            }
        case EventKind.DECISION_DRAFTED:
            text = _("Decision %(number)s drafted: %(outcome)s.") % {
                "number": n,
                "outcome": _label(OutcomeKind, d.get("outcome")),
            }
            if d.get("subject"):
                text += " " + _("It concerns: %(subject)s.") % {"subject": _label(Measure, d.get("subject"))}
            return text
        case EventKind.DECISION_REVISED:
            return _("Decision draft %(number)s changed (version %(version)s).") % {
                "number": n,
                "version": d.get("version"),
            }
        case EventKind.HEARING_SENT:
            return _("Hearing on decision %(number)s sent on %(sent)s; answer due %(due)s.") % {
                "number": n,
                "sent": d.get("sent_on"),
                "due": d.get("response_due_on"),
            }
        case EventKind.HEARING_ANSWERED:
            text = _("Hearing on decision %(number)s: %(answer)s.") % {
                "number": n,
                "answer": _label(HearingAnswer, d.get("answer")),
            }
            if d.get("form"):
                text += " " + _label(Channel, d.get("form")) + "."
            return text
        case EventKind.DECISION_ISSUED:
            text = _("Decision %(number)s issued on %(date)s: %(outcome)s.") % {
                "number": n,
                "date": d.get("decided_on"),
                "outcome": _label(OutcomeKind, d.get("outcome")),
            }
            if d.get("override_reason"):
                text += " " + _("Issued despite blocking legal checks (%(rules)s). Reason: %(reason)s") % {
                    "rules": "; ".join(rule_title(r) for r in d.get("blocking", [])),
                    "reason": d["override_reason"],
                }
            return text
        case EventKind.COMPLAINT_RECEIVED:
            return _("Complaint about decision %(number)s received on %(date)s (%(channel)s).") % {
                "number": n,
                "date": d.get("received_on"),
                "channel": _label(Channel, d.get("channel")),
            }
        case EventKind.COMPLAINT_RECONSIDERED:
            return _("Complaint about decision %(number)s reconsidered: %(outcome)s.") % {
                "number": n,
                "outcome": _label(Reconsideration, d.get("outcome")),
            }
        case EventKind.COMPLAINT_FORWARDED:
            values = {"number": n, "body": d.get("appeal_body"), "date": d.get("forwarded_on")}
            if d.get("package_document_id"):
                return _("Complaint about decision %(number)s forwarded to %(body)s on %(date)s, with a cover "
                         "letter and the case's file.") % values  # fmt: skip
            return _("Complaint about decision %(number)s forwarded to %(body)s on %(date)s.") % values
        case EventKind.APPEAL_DECIDED:
            return _("%(body)s decided on the complaint about decision %(number)s: %(outcome)s.") % {
                "body": d.get("appeal_body"),
                "number": n,
                "outcome": _label(AppealOutcome, d.get("outcome")),
            }
        case EventKind.FILE_ACCESS_REQUESTED:
            return _("File access requested on %(date)s (%(channel)s); due %(due)s.") % {
                "date": d.get("requested_on"),
                "channel": _label(Channel, d.get("channel")),
                "due": d.get("due_on"),
            }
        case EventKind.FILE_ACCESS_GIVEN:
            return _("File access given on %(date)s: %(included)s records handed out, %(excluded)s exempted.") % {
                "date": d.get("handed_out_on"),
                "included": d.get("included"),
                "excluded": d.get("excluded"),
            }
        case EventKind.REASONS_REQUESTED:
            return _("Written reasons for an oral decision requested on %(date)s.") % {"date": d.get("requested_on")}
        case EventKind.REASONS_GIVEN:
            return _("Written reasons given on %(date)s.") % {"date": d.get("answered_on")}
        case EventKind.DELAY_NOTICE_SENT:
            return _("Notice of a delayed decision sent; a decision is expected by %(date)s.") % {
                "date": d.get("expected_on")
            }
    return None
