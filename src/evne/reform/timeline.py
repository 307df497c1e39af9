"""How this app's timeline events read (called by evne.cases.timeline.describe)."""

from django.utils.translation import gettext as _

from evne.cases.models import EventKind, TimelineEvent

from .models import (
    AgendaReason,
    ClarificationOutcome,
    CourseKind,
    CourseOutcome,
    FlexJobEndReason,
    GpBasis,
    Measure,
    RecommendationKind,
)


def _label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value or "")


def describe(event: TimelineEvent) -> str | None:
    """A one-line description in the reader's language, or None for an event of another app."""
    d = event.data
    match event.kind:
        case EventKind.REHAB_PLAN_SAVED:
            text = _("Rehabilitation plan, preparatory part, version %(number)s saved (GP's assessment: %(gp)s).") % {
                "number": d.get("number"), "gp": _label(GpBasis, d.get("gp_basis"))}  # fmt: skip
            if d.get("citizen_accepted_on"):
                text += " " + _("Accepted by the citizen on %(date)s.") % {"date": d["citizen_accepted_on"]}
            return text
        case EventKind.REHAB_REFERRED:
            return _("Put on the agenda of %(team)s, meeting %(date)s (%(reason)s).") % {
                "team": d.get("team", ""),
                "date": d.get("held_on", ""),
                "reason": _label(AgendaReason, d.get("reason")),
            }
        case EventKind.REHAB_UNREFERRED:
            return _("Taken off the agenda of %(team)s, meeting %(date)s. Reason: %(reason)s") % {
                "team": d.get("team", ""),
                "date": d.get("held_on", ""),
                "reason": d.get("reason", ""),
            }
        case EventKind.REHAB_ATTENDANCE:
            return _("Attendance at the team meeting: citizen %(citizen)s, caseworker %(caseworker)s.") % {
                "citizen": _("present") if d.get("citizen_present") else _("absent"),
                "caseworker": _("present") if d.get("caseworker_present") else _("absent")}  # fmt: skip
        case EventKind.REHAB_RECOMMENDATION:
            text = _("The rehabilitation team recommends: %(kind)s (meeting %(date)s).") % {
                "kind": _label(RecommendationKind, d.get("kind")), "date": d.get("held_on", "")}  # fmt: skip
            if d.get("against_presented_measure"):
                text += " " + _("The case was presented for: %(measure)s.") % {
                    "measure": _label(Measure, d.get("presented_for"))}  # fmt: skip
            return text
        case EventKind.REHAB_DEPARTURE:
            return _("The municipality departs from the team's recommendation (%(kind)s) on %(date)s: the case must be "
                     "presented to the team again.") % {
                "kind": _label(RecommendationKind, d.get("kind")), "date": d.get("departed_on", "")}  # fmt: skip
        case EventKind.PENSION_TRANSFERRED:
            return _("Transferred to pension treatment on %(date)s.") % {"date": d.get("transferred_on", "")}
        case EventKind.COURSE_GRANTED:
            if d.get("kind") == CourseKind.EXTENSION:
                return _("Ressourceforløb extended: from %(start)s to %(end)s.") % {
                    "start": d.get("start_on", ""), "end": d.get("end_on", "")}  # fmt: skip
            return _("Ressourceforløb granted from %(start)s to %(end)s.") % {
                "start": d.get("start_on", ""), "end": d.get("end_on", "")}  # fmt: skip
        case EventKind.COURSE_ACTION_PART:
            return _("Action part (indsatsdel) of the rehabilitation plan written on %(date)s.") % {
                "date": d.get("written_on", "")}  # fmt: skip
        case EventKind.COURSE_ENDED:
            return _("Ressourceforløb ended on %(date)s; what follows: %(outcome)s.") % {
                "date": d.get("ended_on", ""), "outcome": _label(CourseOutcome, d.get("outcome"))}  # fmt: skip
        case EventKind.COURSE_FOLLOW_UP:
            return _("Follow-up in the ressourceforløb on %(date)s.") % {"date": d.get("held_on", "")}
        case EventKind.CLARIFICATION_STARTED:
            return _("Jobafklaringsforløb started on %(date)s.") % {"date": d.get("start_on", "")}
        case EventKind.CLARIFICATION_ENDED:
            return _("Jobafklaringsforløb ended on %(date)s; what follows: %(outcome)s.") % {
                "date": d.get("ended_on", ""), "outcome": _label(ClarificationOutcome, d.get("outcome"))}  # fmt: skip
        case EventKind.FLEX_JOB_VISITATION:
            return _("Fleksjob visitation on %(date)s (%(hours)s hours a week).") % {
                "date": d.get("visited_on", ""), "hours": d.get("hours_per_week", "")}  # fmt: skip
        case EventKind.FLEX_JOB_STARTED:
            return _("Flex job from %(date)s (%(hours)s hours a week).") % {
                "date": d.get("start_on", ""), "hours": d.get("hours_per_week", "")}  # fmt: skip
        case EventKind.LEDIGHEDSYDELSE_PERIOD:
            return _("Ledighedsydelse from %(date)s.") % {"date": d.get("start_on", "")}
        case EventKind.FLEX_JOB_ENDED:
            return _("Flex job ended on %(date)s (%(reason)s).") % {
                "date": d.get("ended_on", ""), "reason": _label(FlexJobEndReason, d.get("reason"))}  # fmt: skip
        case EventKind.LEDIGHEDSYDELSE_ENDED:
            return _("Ledighedsydelse ended on %(date)s.") % {"date": d.get("ended_on", "")}
    return None
