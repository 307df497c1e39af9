"""How this app's timeline events read (called by evne.cases.timeline.describe).

Events store codes and the names as they read when the event happened (an activity type's Danish and English
name), so a renamed label never rewrites history."""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from evne.cases.models import EventKind, TimelineEvent
from evne.profiles.models import ElementKey

from .models import AccommodationRespected, Activity, CitizenAgreement, EndReason, TrialAccommodation, TrialOutcome


def _label(choices: type[models.TextChoices], value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value or "–")


def _type(d: dict) -> str:
    english = (get_language() or "").startswith("en")
    return d.get("type_en" if english else "type_da") or d.get("type", "")


def _date(value) -> str:
    """An ISO date from the event data as the UI writes dates (dd-mm-yyyy)."""
    parts = str(value or "").split("-")
    return "-".join(reversed(parts)) if len(parts) == 3 else str(value or "–")


def describe(event: TimelineEvent) -> str | None:
    """A one-line description in the reader's language, or None for an event of another app."""
    d = event.data
    match event.kind:
        case EventKind.DOCUMENT_PRINTED if d.get("document") == "order":
            return _("The order (version %(number)s) to %(provider)s printed or downloaded.") % {
                "number": d.get("number"), "provider": d.get("provider", ""),
            }  # fmt: skip
        case EventKind.DOCUMENT_PRINTED if d.get("document") == "plan":
            return _("The citizen's copy of the action plan (version %(number)s) printed or downloaded.") % {
                "number": d.get("number"),
            }  # fmt: skip
        case EventKind.PLAN_REVISED:
            if d.get("number") == 1:
                goals = int(d.get("goals") or 0)
                text = ngettext(
                    "Action plan made (version 1) with %(goals)d goal.",
                    "Action plan made (version 1) with %(goals)d goals.",
                    goals,
                ) % {"goals": goals}
            else:
                text = _("Action plan revised (version %(number)s). Reason: %(reason)s") % {
                    "number": d.get("number"),
                    "reason": d.get("reason", ""),
                }
            if d.get("agreed_with_citizen_on"):
                return (
                    text
                    + " "
                    + _("Agreed with the citizen on %(date)s.") % {"date": _date(d["agreed_with_citizen_on"])}
                )
            return text + " " + _("Not yet agreed with the citizen.")
        case EventKind.ACTIVITY_CREATED:
            return _("Activity created: %(type)s at %(provider)s, %(start)s to %(end)s, %(hours)s hours a week.") % {
                "type": _type(d),
                "provider": d.get("provider", ""),
                "start": _date(d.get("start_on")),
                "end": _date(d.get("planned_end_on")),
                "hours": d.get("hours_per_week", ""),
            }
        case EventKind.ACTIVITY_ORDERED:
            return _("Order to %(provider)s for %(type)s written (version %(number)s), elements: %(elements)s.") % {
                "provider": d.get("provider", ""),
                "type": _type(d),
                "number": d.get("number"),
                "elements": ", ".join(_label(ElementKey, e) for e in d.get("element_keys", [])),
            }
        case EventKind.ACTIVITY_UPDATED:
            return _("Activity %(type)s at %(provider)s changed: %(fields)s.") % {
                "type": _type(d),
                "provider": d.get("provider", ""),
                "fields": ", ".join(
                    f"{_field(r['field'])}: {r['old'] or '–'} → {r['new']}" for r in d.get("changes", [])
                ),
            }
        case EventKind.ACTIVITY_ENDED:
            text = _("Activity %(type)s at %(provider)s ended on %(date)s: %(reason)s.") % {
                "type": _type(d),
                "provider": d.get("provider", ""),
                "date": _date(d.get("actual_end_on")),
                "reason": _label(EndReason, d.get("end_reason")),
            }
            respected = d.get("accommodation_respected")
            if respected and respected != AccommodationRespected.NOT_RELEVANT:
                text += " " + _("Accommodation needs respected: %(answer)s.") % {
                    "answer": _label(AccommodationRespected, respected)
                }
            return text
        case EventKind.PROVIDER_REPORT_RECEIVED:
            return _(
                "Report from %(provider)s (%(type)s) of %(date)s recorded. The citizen: %(agreement)s%(took_part)s."
            ) % {
                "provider": d.get("provider", ""),
                "type": _type(d),
                "date": _date(d.get("report_date")),
                "agreement": _label(CitizenAgreement, d.get("citizen_agreement")).lower(),
                "took_part": "" if d.get("citizen_participated") else ", " + _("did not take part in the report"),
            }
        case EventKind.REPORT_FINDING_CARRIED:
            return _(
                "Finding from the report of %(provider)s (%(date)s) carried into the resource profile: %(element)s, "
                "version %(number)s."
            ) % {
                "provider": d.get("provider", ""),
                "date": _date(d.get("report_date")),
                "element": _label(ElementKey, d.get("element")),
                "number": d.get("number"),
            }
        case EventKind.WORK_TRIAL_RECORDED:
            text = _(
                "Work trial at %(provider)s (%(type)s) recorded: %(trade)s, %(start)s to %(end)s (%(weeks)s weeks), "
                "%(actual)s of %(planned)s planned hours a week. %(outcome)s."
            ) % {
                "provider": d.get("provider", ""),
                "type": _type(d),
                "trade": d.get("trade", ""),
                "start": _date(d.get("start_on")),
                "end": _date(d.get("end_on")),
                "weeks": d.get("weeks", "–"),
                "actual": d.get("actual_hours_per_week", "–"),
                "planned": d.get("planned_hours_per_week", "–"),
                "outcome": _label(TrialOutcome, d.get("outcome")),
            }
            if d.get("pace_percent"):
                text += " " + _("Work pace %(pace)s%% of normal.") % {"pace": d["pace_percent"]}
            respected = d.get("accommodation_respected")
            if respected and respected != TrialAccommodation.NOT_RELEVANT:
                text += " " + _("Accommodation needs respected: %(answer)s.") % {
                    "answer": _label(TrialAccommodation, respected)
                }
            if d.get("replaces_trial_period_id"):
                text += " " + _("Corrects an earlier record of the period.")
            return text
    return None


def _field(name: str) -> str:
    try:
        return str(Activity._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:  # a field renamed since the event was written still reads
        return name
