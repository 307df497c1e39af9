"""Reads of the action plan, activities, orders and provider reports, shared by the web UI and the API.
Call only for a case obtained through access_case().

Rule ids (P…, K…, R…, C…) refer to shared/domain/seed-000-notes.md §6 and seed-001-notes.md §6.
"""

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from evne.cases.models import Case
from evne.profiles.models import ElementKey, ElementVersion
from evne.profiles.selectors import current_elements, profile_for
from evne.shared_reads import case_rows, shared

from .models import (
    Activity,
    ActivityOrder,
    ActivityType,
    EndReason,
    PlanRevision,
    ProviderReport,
    TrialAccommodation,
    TrialOutcome,
    TrialPeriod,
)

# --- the action plan ----------------------------------------------------------------------------------------


def current_plan(case: Case) -> PlanRevision | None:
    rows = case_rows(case.pk, PlanRevision)
    if rows is not None:
        return max(rows, key=lambda p: p.number, default=None)
    read = lambda: case.plan_revisions.select_related("author").order_by("-number").first()  # noqa: E731
    return shared(("current_plan", case.pk), read)


def plan_history(case: Case) -> list[PlanRevision]:
    """Every version of the plan, newest first."""
    return list(case.plan_revisions.select_related("author").order_by("-number"))


def plan_version(case: Case, number: int) -> PlanRevision | None:
    return case.plan_revisions.select_related("author").filter(number=number).first()


def goal_rows(plan: PlanRevision | None) -> list[dict]:
    """The plan's goals in reading order: each goal followed by its sub-goals, numbered 1, 1.1, 1.2, 2 …, with
    the elements they build on as labels."""
    if plan is None:
        return []
    goals = plan.goals or []
    top = [g for g in goals if not g.get("parent_id")]
    rows = []
    for i, goal in enumerate(top, start=1):
        rows.append(_goal_row(goal, str(i), level=0))
        subs = [g for g in goals if g.get("parent_id") == goal["id"]]
        rows.extend(_goal_row(sub, f"{i}.{j}", level=1) for j, sub in enumerate(subs, start=1))
    return rows


def _goal_row(goal: dict, label: str, *, level: int) -> dict:
    return {
        **goal,
        "label": label,
        "level": level,
        "elements": [_element_label(e) for e in goal.get("element_keys", [])],
        "builds_on_label": _builds_on_label(goal.get("builds_on", "")),
    }


def _element_label(key: str) -> str:
    try:
        return str(ElementKey(key).label)
    except ValueError:
        return key


def _builds_on_label(value: str) -> str:
    labels = {"resources": _("Resources"), "barriers": _("Barriers"), "both": _("Resources and barriers")}
    return str(labels.get(value, ""))


def goal_choices(plan: PlanRevision | None) -> list[tuple[str, str]]:
    """(goal id, "1.2 text") for choosing the goals an activity serves."""
    return [(row["id"], f"{row['label']} {row['text'][:80]}") for row in goal_rows(plan)]


def relevant_elements(case: Case) -> dict[str, ElementVersion]:
    """The current profile's relevant elements: what a plan goal may build on (R41)."""
    return {k: v for k, v in current_elements(profile_for(case)).items() if v.relevant}


def plan_revision_prompt(case: Case) -> list[dict]:
    """P10 (seed 000, L3302–3311): when the profile is updated, consider revising the plan. The elements whose
    current version differs from the one the plan was built on, and relevant elements described since.
    Each row: element, label, planned (version number in the plan, or None), current (version number).
    Empty when there is no plan (nothing to revise) or nothing changed."""
    plan = current_plan(case)
    if plan is None:
        return []
    snapshot = plan.profile_versions or {}
    rows = []
    for element, version in current_elements(profile_for(case)).items():
        planned = snapshot.get(element)
        if planned == version.number or (planned is None and not version.relevant):
            continue
        rows.append({"element": element, "label": _element_label(element), "planned": planned,
                     "current": version.number})  # fmt: skip
    return rows


def prompt_sentence(rows: list[dict]) -> str:
    """The revision prompt as one sentence a caseworker can act on, or "" when there is nothing to prompt."""
    if not rows:
        return ""
    return _(
        "The resource profile has changed since the action plan was made (%(elements)s): consider with the "
        "citizen whether the goals and sub-goals should be revised."
    ) % {"elements": ", ".join(r["label"] for r in rows)}


# --- activities --------------------------------------------------------------------------------------------


def activity_types(*, include: ActivityType | None = None) -> list[ActivityType]:
    """The catalogue in use (administrators retire types in admin); `include` keeps an activity's own type."""
    types = list(ActivityType.objects.filter(active=True).order_by("name_da"))
    if include is not None and include not in types:
        types.append(include)
    return types


def _activities(case: Case):
    return case.activities.select_related("type", "created_by").prefetch_related(
        Prefetch("orders", queryset=ActivityOrder.objects.select_related("written_by").order_by("number")),
        Prefetch("reports", queryset=ProviderReport.objects.select_related("recorded_by", "document")),
    )


def activities(case: Case) -> list[Activity]:
    """The case's activities, newest start first, each with its orders (oldest first) and reports."""
    rows = case_rows(case.pk, Activity)
    if rows is not None:  # orders and reports are in place (casefile.export.read_case_rows)
        return sorted(rows, key=lambda a: (a.start_on, a.pk), reverse=True)
    return list(_activities(case))


def activity_for(case: Case, activity_id: int) -> Activity | None:
    return _activities(case).filter(pk=activity_id).first()


def latest_order(activity: Activity) -> ActivityOrder | None:
    orders = list(activity.orders.all())
    return max(orders, key=lambda o: o.number) if orders else None


def orders(activity: Activity) -> list[ActivityOrder]:
    """Every version of the order, newest first."""
    return sorted(activity.orders.all(), key=lambda o: o.number, reverse=True)


def is_started(activity: Activity, on: date) -> bool:
    return activity.start_on <= on


def has_follow_up_order(activity: Activity) -> bool:
    """K2: a company placement has an order with a concrete purpose and a plan for follow-up and evaluation."""
    order = latest_order(activity)
    return order is not None and bool(order.purpose) and bool(order.follow_up_plan)


def lacks_company_order(activity: Activity, *, on: date) -> bool:
    """K2 (seed 000, L4516–4523): a company placement that has started on `on` (and not ended) without an order
    that makes the goal concrete and plans the follow-up."""
    return (
        activity.type.company_based
        and is_started(activity, on)
        and not activity.actual_end_on
        and not has_follow_up_order(activity)
    )


def company_activities_without_order(case: Case, *, on: date) -> list[Activity]:
    return [a for a in activities(case) if lacks_company_order(a, on=on)]


def activity_status(activity: Activity, *, on: date) -> str:
    """Planned, ongoing or ended, as a label."""
    if activity.actual_end_on:
        return _("Ended %(date)s") % {"date": activity.actual_end_on.strftime("%d-%m-%Y")}
    return _("Ongoing") if is_started(activity, on) else _("Planned")


def activity_notices(activity: Activity, *, on: date) -> list[str]:
    """What the method still asks for about one activity: sentences to act on."""
    notices = []
    order = latest_order(activity)
    if not activity.goal_ids:
        notices.append(_("The activity is not linked to a goal of the action plan."))
    if lacks_company_order(activity, on=on):
        notices.append(
            _("A company placement has started without an order with a concrete purpose and a follow-up plan.")
        )
    elif order is None and not activity.actual_end_on:
        notices.append(_("No order (kravspecifikation) has been written to the provider."))
    if activity.actual_end_on is None and activity.planned_end_on < on:
        notices.append(_("The planned end has passed: record how the activity ended."))
    return notices


def accommodation_needs(case: Case) -> list[dict]:
    """The accommodation needs (skånebehov) in the current profile: element, label and the need."""
    return [
        {"element": key, "label": _element_label(key), "text": version.accommodation_needs}
        for key, version in current_elements(profile_for(case)).items()
        if version.relevant and version.accommodation_needs
    ]


# --- provider reports --------------------------------------------------------------------------------------


def reports(case: Case) -> list[ProviderReport]:
    """Every provider report of the case, newest first."""
    return list(
        ProviderReport.objects.filter(activity__case=case)
        .select_related("activity__type", "recorded_by", "document")
        .order_by("-report_date", "-id")
    )


def reports_for(activity: Activity) -> list[ProviderReport]:
    return list(activity.reports.all())


def report_for(case: Case, report_id: int) -> ProviderReport | None:
    return (
        ProviderReport.objects.filter(activity__case=case, pk=report_id)
        .select_related("activity__type", "recorded_by", "document")
        .first()
    )


def resource_entries(report: ProviderReport) -> list[dict]:
    """The report's resources per element, with the element's label and the entry's position."""
    return [{**e, "label": _element_label(e.get("element", "")), "index": i}
            for i, e in enumerate(report.resources_by_element)]  # fmt: skip


def element_labels(keys: list[str]) -> list[str]:
    return [_element_label(k) for k in keys]


def report_source_detail(report: ProviderReport) -> str:
    """How a fact taken from the report names its source in the profile: "<provider>, statusudtalelse <date>"."""
    return f"{report.activity.provider}, statusudtalelse {report.report_date:%d-%m-%Y}"


def carried_findings(case: Case, report: ProviderReport) -> list[dict]:
    """The facts in the current profile that cite this report: element, label, version number and text."""
    found = []
    for key, version in current_elements(profile_for(case)).items():
        for fact in version.facts:
            if fact.get("report_id") == report.pk:
                found.append({"element": key, "label": _element_label(key), "number": version.number,
                              "text": fact["text"]})  # fmt: skip
    return found


def case_documents(case: Case):
    """Documents of the case a provider report may be linked to (the report's file)."""
    from evne.evidence.models import Document

    return list(Document.objects.filter(case=case).order_by("-document_date", "-id"))


# --- work testing as it happened ---------------------------------------------------------------------------


def _trial_rows(activity: Activity):
    return TrialPeriod.objects.filter(activity=activity).select_related("recorded_by", "report", "replaces")


def trial_periods(activity: Activity) -> list[TrialPeriod]:
    """The periods that count: every record not corrected by a later one, oldest period first."""
    return list(_trial_rows(activity).filter(corrections__isnull=True).order_by("start_on", "id"))


def latest_trial_periods(activities: list[Activity]) -> dict[int, TrialPeriod]:
    """Activity id → its latest period that counts (trial_periods(a)[-1]), for many activities in one query."""
    loaded = case_rows(activities[0].case_id, TrialPeriod) if activities else []
    if loaded is not None:
        corrected = {t.replaces_id for t in loaded}
        counting = sorted((t for t in loaded if t.pk not in corrected), key=lambda t: (t.start_on, t.pk))
        return {t.activity_id: t for t in counting}
    rows = (
        TrialPeriod.objects.filter(activity__in=activities, corrections__isnull=True)
        .select_related("recorded_by", "report", "replaces")
        .order_by("start_on", "id")
    )
    return {row.activity_id: row for row in rows}


def activities_with_orders(activities: list[Activity]) -> set[int]:
    """The ids of those of `activities` that have an order (kravspecifikation), in one query or none."""
    loaded = case_rows(activities[0].case_id, ActivityOrder) if activities else []
    if loaded is not None:
        return {o.activity_id for o in loaded}
    return set(ActivityOrder.objects.filter(activity__in=activities).values_list("activity_id", flat=True))


def trial_period_history(activity: Activity) -> list[TrialPeriod]:
    """Every record, corrected ones too, in the order they were recorded."""
    return list(_trial_rows(activity).order_by("id"))


def trial_period_for(activity: Activity, period_id: int) -> TrialPeriod | None:
    return _trial_rows(activity).filter(pk=period_id).first()


def trial_weeks(periods: list[TrialPeriod]) -> Decimal:
    """The weeks of work testing in these periods, to one decimal (overlapping days counted once)."""
    days: set[date] = set()
    for period in periods:
        days.update(period.start_on + timedelta(days=n) for n in range(period.days))
    return (Decimal(len(days)) / Decimal(7)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


_OUTCOME_FROM_END = {
    EndReason.COMPLETED: TrialOutcome.COMPLETED,
    EndReason.GOAL_REACHED: TrialOutcome.COMPLETED,
    EndReason.JOB: TrialOutcome.COMPLETED,
    EndReason.HEALTH: TrialOutcome.ENDED_HEALTH,
}


def trial_period_initial(activity: Activity, *, report: ProviderReport | None = None, today: date) -> dict:
    """A new period's form, started from what the case already says: it begins the day after the last period (or
    when the activity began), runs to the report's date (or today, or the activity's end), at the activity's hours,
    in the trade of the last period. From a report: what the citizen actually did, and the report as the source.
    From an ended activity: its outcome and whether the accommodation needs were respected. All of it editable."""
    last_end = activity.actual_end_on or activity.planned_end_on
    previous = trial_periods(activity)
    start = activity.start_on
    if previous:
        start = max(start, max(p.end_on for p in previous) + timedelta(days=1))
    end = min(report.report_date if report else today, last_end)
    if end < start:
        start, end = min(start, last_end), last_end
    initial = {
        "start_on": start,
        "end_on": end,
        "planned_hours_per_week": activity.hours_per_week,
        "trade": previous[-1].trade if previous else "",
    }
    if activity.actual_end_on:
        initial["outcome"] = _OUTCOME_FROM_END.get(activity.end_reason, TrialOutcome.ENDED_OTHER)
        if initial["outcome"] == TrialOutcome.ENDED_OTHER:
            initial["outcome_note"] = activity.end_note
        if activity.accommodation_respected in TrialAccommodation.values:
            initial["accommodation_respected"] = activity.accommodation_respected
            initial["accommodation_note"] = activity.accommodation_note
    else:
        initial["outcome"] = TrialOutcome.RUNNING
    if report is not None:
        initial["report"] = report.pk
        initial["job_functions"] = report.actual_content
    return initial
