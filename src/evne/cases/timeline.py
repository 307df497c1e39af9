"""Writing and describing timeline events. Only services call `record_event`, inside their transaction.

Events store codes and raw values; `describe` renders them in the reader's language, so a Danish event
reads in English for an English reader and a renamed label never rewrites history.
"""

import re
from collections.abc import Callable
from datetime import date, datetime

from django.db import models
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from evne.citizens.models import Citizen, SupporterKind
from evne.rules.catalogue import BY_ID, current_id

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


_ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def readable_days(text: str) -> str:
    """Every ISO date (how events store days) in the reader's date format: "5. december 2026"."""

    def day(m: re.Match) -> str:
        try:
            return date_format(date(int(m[1]), int(m[2]), int(m[3])), "DATE_FORMAT")
        except ValueError:
            return m[0]

    return _ISO_DAY.sub(day, text)


def rule_title(rule_id: str) -> str:
    """A rule's title in the reader's language, for a rule id recorded in an event or a decision."""
    rule = BY_ID.get(current_id(rule_id))
    if rule is None:
        return rule_id
    return rule.title_en if (get_language() or "da").startswith("en") else rule.title_da


def describe(event: TimelineEvent) -> str:
    """A one-line description of the event in the reader's language, its days written as the reader writes them
    (the describers interpolate the ISO days the events store)."""
    return readable_days(_describe(event))


def _describe(event: TimelineEvent) -> str:
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
    if event.kind == EventKind.FOLLOW_UP_RECORDED:
        return _("Follow-up conversation on %(day)s (%(form)s).") % {
            "day": d.get("held_on", ""), "form": _label(FollowUpForm, d.get("form")),
        }  # fmt: skip
    if event.kind == EventKind.PROMPT_ANSWERED:
        return _("Question from the legal check “%(rule)s” answered.") % {"rule": rule_title(d.get("rule_id", ""))}
    for describer in _DESCRIBERS:
        text = describer(event)
        if text:
            return text
    return str(event.get_kind_display())


# The apps above this one describe their own events; each registers its describer when Django starts (their
# AppConfig.ready), so this app imports none of them.
_DESCRIBERS: list[Callable[[TimelineEvent], str | None]] = []


def register_describer(describer: Callable[[TimelineEvent], str | None]) -> None:
    if describer not in _DESCRIBERS:
        _DESCRIBERS.append(describer)
