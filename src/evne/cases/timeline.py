"""Writing and describing timeline events. Only services call `record_event`, inside their transaction.

Events store codes and raw values; `describe` renders them in the reader's language, so a Danish event
reads in English for an English reader and a renamed label never rewrites history.
"""

from datetime import datetime

from django.db import models
from django.utils.translation import gettext as _

from evne.citizens.models import Citizen, SupporterKind

from .models import (
    Benefit,
    Case,
    CaseStatus,
    EventKind,
    FollowUpForm,
    JournalNote,
    NoteKind,
    Pathway,
    TimelineEvent,
)

_CHOICES: dict[str, type[models.TextChoices]] = {"pathway": Pathway, "benefit": Benefit}


def record_event(
    *,
    case: Case,
    kind: EventKind,
    actor,
    at: datetime,
    data: dict | None = None,
    note: JournalNote | None = None,
    case_version: int | None = None,
) -> TimelineEvent:
    return TimelineEvent.objects.create(
        case=case, kind=kind, actor=actor, at=at, data=data or {}, note=note, case_version=case_version
    )


def changes_since(events) -> dict[str, tuple[object, object]]:
    """Field → (value before the first of these events, value after the last), read from the events' data.

    Tells a user whose save was refused (stale version) what others changed in the meantime."""
    changes: dict[str, list] = {}

    def seen(field, old, new):
        if field in changes:
            changes[field][1] = new
        else:
            changes[field] = [old, new]

    for event in events:
        d = event.data
        if event.kind in (EventKind.CASE_UPDATED, EventKind.CITIZEN_UPDATED):
            for row in d.get("changes", []):
                seen(row["field"], row["old"], row["new"])
        elif event.kind == EventKind.STATUS_CHANGED:
            seen("status", d.get("old"), d.get("new"))
        elif event.kind == EventKind.CASEWORKER_ASSIGNED:
            seen("caseworker_id", d.get("old_caseworker_id"), d.get("caseworker_id"))
    return {field: (old, new) for field, (old, new) in changes.items() if old != new}


def _label(choices: type[models.TextChoices], value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value)


def _value(field: str, value) -> str:
    return _label(_CHOICES[field], value) if field in _CHOICES else str(value or "–")


def _changes(model: type[models.Model], rows: list[dict]) -> str:
    return ", ".join(
        f"{model._meta.get_field(r['field']).verbose_name}: {_value(r['field'], r['old'])} → "
        f"{_value(r['field'], r['new'])}"
        for r in rows
    )


def describe(event: TimelineEvent) -> str:
    """A one-line description of the event in the reader's language."""
    d = event.data
    match event.kind:
        case EventKind.CASE_OPENED:
            return _("Case %(number)s opened: %(pathway)s; help first requested %(requested)s.") % {
                "number": d.get("number", ""),
                "pathway": _label(Pathway, d.get("pathway")),
                "requested": d.get("help_requested_on", ""),
            }
        case EventKind.CASEWORKER_ASSIGNED:
            text = _("Responsible caseworker: %(name)s.") % {"name": d.get("caseworker_name", "")}
            if d.get("reason"):
                text += " " + _("Reason: %(reason)s") % {"reason": d["reason"]}
            return text
        case EventKind.STATUS_CHANGED:
            return _("Status changed from %(old)s to %(new)s.") % {
                "old": _label(CaseStatus, d.get("old")),
                "new": _label(CaseStatus, d.get("new")),
            }
        case EventKind.CASE_UPDATED:
            return _("Case details changed: %(changes)s") % {"changes": _changes(Case, d.get("changes", []))}
        case EventKind.CITIZEN_UPDATED:
            return _("Citizen details changed: %(changes)s") % {"changes": _changes(Citizen, d.get("changes", []))}
        case EventKind.NOTE_ADDED:
            return _("Journal note added (%(kind)s).") % {"kind": _label(NoteKind, d.get("kind"))}
        case EventKind.SUPPORTER_ADDED:
            return _("%(kind)s added: %(name)s.") % {
                "kind": _label(SupporterKind, d.get("kind")),
                "name": d.get("name", ""),
            }
    if event.kind in _PROFILE_KINDS:
        return _describe_profile(event)
    if event.kind == EventKind.FOLLOW_UP_RECORDED:
        return _("Follow-up conversation on %(day)s (%(form)s).") % {
            "day": d.get("held_on", ""), "form": _label(FollowUpForm, d.get("form")),
        }  # fmt: skip
    if event.kind == EventKind.PROMPT_ANSWERED:
        return _("Question from the legal check %(rule)s answered.") % {"rule": d.get("rule_id", "")}
    from evne.assessments import timeline as assessments
    from evne.citizens import timeline as citizens
    from evne.decisions import timeline as decisions
    from evne.evidence import timeline as evidence
    from evne.plans import timeline as plans
    from evne.reform import timeline as reform

    for app in (citizens, evidence, plans, assessments, decisions, reform):
        text = app.describe(event)
        if text:
            return text
    return str(event.get_kind_display())


_PROFILE_KINDS = {
    EventKind.PROFILE_ELEMENT_SAVED,
    EventKind.PROFILE_PRESENTED,
    EventKind.PROFILE_DISAGREEMENT_DECIDED,
    EventKind.INVOLVEMENT_RECORDED,
    EventKind.HYPOTHESIS_RECORDED,
}


def _describe_profile(event: TimelineEvent) -> str:
    from evne.profiles.models import DisagreementOutcome, ElementKey, InvolvementKind, PresentationMethod

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
