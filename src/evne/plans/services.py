"""Writes to the action plan, activities, orders and provider reports. Each service checks access, validates the
method's rules, runs in one transaction and records its timeline event. Rule ids (P…, K…, C…, R…) refer to the
rule tables in shared/domain/seed-000-notes.md §6 and seed-001-notes.md §6.

Sources: the action plan — bek. 543/2002 and its guidance, "Handlingsplanen skal præcisere, hvilke mål der stræbes
efter at opnå og med hvilke midler" (seed 001, l. 2304–2317; R41); the method book, step 6 and 7 (seed 000,
L3259–3311); company placements (L4516–4523; K2); the order and the provider's report (L5107–5207; K1, C10).
"""

import uuid
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from evne.accounts.access import require_case_write
from evne.accounts.models import User
from evne.cases.models import Case, EventKind
from evne.cases.timeline import record_event
from evne.errors import DomainError, StaleVersion
from evne.profiles.models import ElementKey, ElementVersion, SourceKind
from evne.validation import clean_text, hours_per_week, model_text, past_or_today

from . import selectors
from .models import (
    AbsenceUnit,
    AccommodationRespected,
    Activity,
    ActivityOrder,
    ActivityType,
    CitizenAgreement,
    EndReason,
    PlanRevision,
    ProviderReport,
    TrialAccommodation,
    TrialOutcome,
    TrialPeriod,
)

TEXT_MAX = 20_000
GOAL_MAX = 2_000
GOALS_MAX = 100
BUILDS_ON = ("resources", "barriers", "both")

# Hours per week in an activity, by the date the activity starts. Not a limit in the law: a plausibility bound
# at the normal full-time week of 37 hours, so a typing error (370) is refused. Dated, so a change is a new row.
HOURS_PER_WEEK_MAX: tuple[tuple[date, Decimal, str], ...] = (
    (date(2003, 1, 1), Decimal("37"), "Normal full-time week (37 hours); project parameter, not a legal limit."),
)


def max_hours_per_week(on: date) -> Decimal:
    """The bound in force on `on` (the earliest one for dates before the first)."""
    value = HOURS_PER_WEEK_MAX[0][1]
    for valid_from, hours, _source in HOURS_PER_WEEK_MAX:
        if valid_from <= on:
            value = hours
    return value


def _text(model, values: dict, field: str, *, required: bool = False, prefix: str = "") -> str:
    return model_text(model, field, values.get(field), required=required, default_max_length=TEXT_MAX,
                      error_field=prefix + field)  # fmt: skip


def _date(value, field: str) -> date:
    if not isinstance(value, date):
        raise DomainError(_("Enter a date."), field=field)
    return value


def _element_label(key: str) -> str:
    return str(ElementKey(key).label)


def _element_keys(raw, field: str) -> list[str]:
    keys: list[str] = []
    for key in raw or []:
        if key not in ElementKey.values:
            raise DomainError(_("Unknown element of the resource profile."), field=field)
        if key not in keys:
            keys.append(key)
    return keys


def _type_names(activity_type: ActivityType) -> dict:
    """Stored on the event as they read when it happened: a renamed type does not rewrite history."""
    return {"type": activity_type.code, "type_da": activity_type.name_da, "type_en": activity_type.name_en}


# --- the action plan ----------------------------------------------------------------------------------------


def _clean_goals(case: Case, raw_goals) -> list[dict]:
    """Goals and sub-goals (mål og delmål; seed 000, L295–303, L3296–3311), each linked to at least one element
    of the current profile that is relevant, and saying whether it builds on its resources, its barriers or
    both (R41; seed 001, l. 2304–2317)."""
    relevant = selectors.relevant_elements(case)
    if not relevant:
        raise DomainError(
            _("Describe the resource profile first: the action plan builds on its resources and barriers."),
            field="goals",
        )
    goals: list[dict] = []
    for index, raw in enumerate(raw_goals or []):
        field = f"goals.{index}"
        text = clean_text(raw.get("text"), field=field, label=_("Goal"), max_length=GOAL_MAX)
        if not text:
            continue  # an empty row in the editor
        goal_id = str(raw.get("id") or "") or uuid.uuid4().hex[:8]
        if not (len(goal_id) <= 16 and goal_id.isalnum()) or goal_id in {g["id"] for g in goals}:
            raise DomainError(_("Each goal needs its own id of at most 16 letters and digits."), field=field)
        keys = _element_keys(raw.get("element_keys"), field)
        if not keys:
            raise DomainError(
                _("Link the goal to at least one element of the resource profile that it builds on."), field=field
            )
        not_relevant = [_element_label(k) for k in keys if k not in relevant]
        if not_relevant:
            raise DomainError(
                _("%(elements)s: not described as relevant in the current resource profile. Describe the element "
                  "first, or link the goal to another element.") % {"elements": ", ".join(not_relevant)},
                field=field,
            )  # fmt: skip
        builds_on = raw.get("builds_on") or ""
        if builds_on not in BUILDS_ON:
            raise DomainError(
                _("State whether the goal builds on the citizen's resources, on barriers to overcome, or both."),
                field=field,
            )
        goals.append({
            "id": goal_id,
            "text": text,
            "parent_id": str(raw.get("parent_id") or "") or None,
            "element_keys": keys,
            "builds_on": builds_on,
            "means": clean_text(raw.get("means"), field=field, label=_("Means"), max_length=TEXT_MAX),
        })  # fmt: skip
    if not goals:
        raise DomainError(_("The action plan must state at least one goal."), field="goals")
    if len(goals) > GOALS_MAX:
        raise DomainError(_("An action plan can hold at most %(max)d goals.") % {"max": GOALS_MAX}, field="goals")
    top_level = {g["id"] for g in goals if not g["parent_id"]}
    for index, goal in enumerate(goals):
        # Sub-goals (delmål) sit under a goal of the same plan; two levels, as the method describes them.
        if goal["parent_id"] and goal["parent_id"] not in top_level:
            raise DomainError(
                _("A sub-goal must belong to a goal of the same plan (not to another sub-goal)."),
                field=f"goals.{index}",
            )
    return goals


PLAN_COMPARED = ("goals", "means", "agreed_with_citizen_on", "citizen_comments")


def _plan_values(plan: PlanRevision | None) -> dict:
    values = {f: getattr(plan, f) if plan else None for f in PLAN_COMPARED}
    if values["agreed_with_citizen_on"]:
        values["agreed_with_citizen_on"] = values["agreed_with_citizen_on"].isoformat()
    return values


def _stale_plan(case: Case, base_number: int, latest: PlanRevision) -> StaleVersion:
    base = case.plan_revisions.filter(number=base_number).first()
    before, now = _plan_values(base), _plan_values(latest)
    return StaleVersion(
        _(
            "The action plan was saved by %(author)s at %(time)s while you were editing (version %(number)d). Your "
            "version was not saved; look at the current plan, then edit it."
        )
        % {
            "author": latest.author,
            "time": timezone.localtime(latest.saved_at).strftime("%d-%m-%Y %H:%M"),
            "number": latest.number,
        },
        changes={f: (before[f], now[f]) for f in PLAN_COMPARED if before[f] != now[f]},
    )


def plan_save(
    *, actor: User, case: Case, base_version: int, reason: str = "", goals: list[dict], means: str,
    agreed_with_citizen_on: date | None = None, citizen_comments: str = "",
) -> PlanRevision:  # fmt: skip
    """Save a new version of the action plan. `base_version` is the version the user edited (0 for the first
    plan); if someone saved the plan since, the save is refused and nothing is overwritten. The plan records
    the profile versions it was built on, so a later change of the profile prompts a revision (P10)."""
    require_case_write(actor, case)
    base_version = int(base_version)
    reason = clean_text(reason, field="reason", label=_("Reason for the revision"), max_length=300)
    if base_version > 0 and not reason:
        raise DomainError(_("State the reason for revising the plan."), field="reason")
    # The plan states its goals and the means to reach them (seed 001, l. 2304–2317).
    means = clean_text(means, field="means", label=_("Means"), max_length=TEXT_MAX, required=True)
    if agreed_with_citizen_on is not None:
        past_or_today(agreed_with_citizen_on, field="agreed_with_citizen_on")
    citizen_comments = clean_text(
        citizen_comments, field="citizen_comments", label=_("The citizen's comments"), max_length=TEXT_MAX
    )
    try:
        with transaction.atomic():
            Case.objects.select_for_update().filter(pk=case.pk).first()  # one plan writer at a time
            latest = case.plan_revisions.order_by("-number").first()
            current = latest.number if latest else 0
            if base_version != current:
                if latest is None:
                    raise DomainError(_("The case has no action plan yet: send base_version 0."), field="base_version")
                raise _stale_plan(case, base_version, latest)
            cleaned = _clean_goals(case, goals)
            snapshot = {key: v.number for key, v in selectors.current_elements(selectors.profile_for(case)).items()}
            now = timezone.now()
            plan = PlanRevision.objects.create(
                case=case, number=current + 1, goals=cleaned, means=means,
                agreed_with_citizen_on=agreed_with_citizen_on, citizen_comments=citizen_comments, reason=reason,
                profile_versions=snapshot, author=actor, saved_at=now,
            )  # fmt: skip
            record_event(
                case=case, kind=EventKind.PLAN_REVISED, actor=actor, at=now,
                data={"number": plan.number, "reason": reason, "goals": len(cleaned),
                      "agreed_with_citizen_on": agreed_with_citizen_on.isoformat() if agreed_with_citizen_on else None},
            )  # fmt: skip
            return plan
    except IntegrityError:
        # Two saves raced past the lock (SQLite has no row locks): the unique (case, number) decided.
        latest = case.plan_revisions.order_by("-number").first()
        if latest is None:
            raise  # no plan was saved, so no save raced this one: the error is something else
        raise _stale_plan(case, base_version, latest) from None


# --- activities --------------------------------------------------------------------------------------------


def _activity_type(value, *, current: ActivityType | None = None) -> ActivityType:
    """A type from the catalogue in use (an activity keeps its own type even after the type is retired)."""
    if isinstance(value, ActivityType):
        value = value.code
    if current is not None and value == current.code:
        return current
    found = ActivityType.objects.filter(code=str(value or ""), active=True).first()
    if found is None:
        raise DomainError(_("Choose an activity type from the catalogue."), field="type")
    return found


def _hours(value, on: date) -> Decimal:
    try:
        hours = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise DomainError(_("Enter the hours per week as a number."), field="hours_per_week") from None
    limit = max_hours_per_week(on)
    if not hours.is_finite() or hours <= 0 or hours > limit:
        raise DomainError(
            _("Hours per week must be more than 0 and at most %(max)s.") % {"max": limit}, field="hours_per_week"
        )
    if hours != hours.quantize(Decimal("0.1")):
        raise DomainError(_("Give the hours per week with at most one decimal."), field="hours_per_week")
    return hours.quantize(Decimal("0.1"))


def _goal_ids(case: Case, raw) -> list[str]:
    """The goals an activity serves must be goals of the current action plan (K1: the activity is relevant to
    a goal; seed 000, L3270–3285)."""
    ids: list[str] = []
    for goal_id in raw or []:
        if str(goal_id) not in ids:
            ids.append(str(goal_id))
    if not ids:
        return []
    plan = selectors.current_plan(case)
    known = {g["id"] for g in plan.goals} if plan else set()
    if not plan:
        raise DomainError(_("Make the action plan before linking an activity to its goals."), field="goal_ids")
    if set(ids) - known:
        raise DomainError(_("Link the activity only to goals of the current action plan."), field="goal_ids")
    return ids


def _check_dates(start_on, planned_end_on) -> None:
    _date(start_on, "start_on")
    _date(planned_end_on, "planned_end_on")
    if start_on > planned_end_on:
        raise DomainError(_("The planned end cannot lie before the start."), field="planned_end_on")


def _check_company_order(activity_type: ActivityType, start_on: date, has_order: bool) -> None:
    """K2 (seed 000, L4516–4523): for a company placement "skal målet med forløbet konkretiseres inden starten"
    and a plan for follow-up and evaluation is laid: no start without the order that says both."""
    if activity_type.company_based and start_on <= timezone.localdate() and not has_order:
        raise DomainError(
            _(
                "A company placement needs an order with a concrete purpose and a plan for follow-up and "
                "evaluation before it starts: write the order with the activity, or set a later start date."
            ),
            field="start_on",
        )


def activity_create(
    *, actor: User, case: Case, type: ActivityType | str, provider: str, start_on: date, planned_end_on: date,
    hours_per_week, provider_contact: str = "", goal_ids: list[str] | None = None, order: dict | None = None,
) -> Activity:  # fmt: skip
    """Create an activity (tilbud) from the catalogue. `order` (the fields of order_write) writes the first order
    in the same transaction — required for a company placement that starts today or earlier (K2)."""
    require_case_write(actor, case)
    activity_type = _activity_type(type)
    values = {"provider": provider, "provider_contact": provider_contact}
    provider = _text(Activity, values, "provider", required=True)
    provider_contact = _text(Activity, values, "provider_contact")
    _check_dates(start_on, planned_end_on)
    hours = _hours(hours_per_week, start_on)
    if order is None:
        _check_company_order(activity_type, start_on, has_order=False)
    with transaction.atomic():
        ids = _goal_ids(case, goal_ids)
        now = timezone.now()
        activity = Activity.objects.create(
            case=case, type=activity_type, provider=provider, provider_contact=provider_contact, goal_ids=ids,
            start_on=start_on, planned_end_on=planned_end_on, hours_per_week=hours, created_by=actor, created_at=now,
        )  # fmt: skip
        record_event(
            case=case, kind=EventKind.ACTIVITY_CREATED, actor=actor, at=now,
            data={"activity_id": activity.pk, **_type_names(activity_type), "provider": provider,
                  "start_on": start_on.isoformat(), "planned_end_on": planned_end_on.isoformat(),
                  "hours_per_week": str(hours), "goal_ids": ids},
        )  # fmt: skip
        if order is not None:
            _order_create(actor=actor, activity=activity, base_version=0, values=order, prefix="order.")
        return activity


ACTIVITY_EDITABLE = ("type", "provider", "provider_contact", "goal_ids", "start_on", "planned_end_on", "hours_per_week")
_ACTIVITY_EVENTS = (EventKind.ACTIVITY_UPDATED, EventKind.ACTIVITY_ENDED)


def _locked_activity(activity: Activity, expected_version: int) -> Activity:
    """Lock the activity row; refuse when it moved past the version the user's change was based on."""
    current = Activity.objects.select_for_update().select_related("type", "case").get(pk=activity.pk)
    if current.version != int(expected_version):
        changes: dict[str, list] = {}
        events = current.case.events.filter(kind__in=_ACTIVITY_EVENTS, data__activity_id=current.pk).order_by("id")
        for event in events:
            if (event.data.get("version") or 0) <= int(expected_version):
                continue
            for row in event.data.get("changes", []):
                changes.setdefault(row["field"], [row["old"], row["new"]])[1] = row["new"]
        raise StaleVersion(
            _(
                "Someone else changed the activity while you were working on it. Your change was not saved; "
                "reload the activity to see what changed."
            ),
            changes={f: (old, new) for f, (old, new) in changes.items() if old != new},
        )
    return current


def _shown(value) -> str:
    if isinstance(value, ActivityType):
        return value.code
    if isinstance(value, list):
        return ", ".join(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


@transaction.atomic
def activity_update(*, actor: User, activity: Activity, expected_version: int, **changes) -> Activity:
    """Change the plan of an activity: type, provider, goals, dates, hours. An ended activity is not changed."""
    require_case_write(actor, activity.case)
    unknown = set(changes) - set(ACTIVITY_EDITABLE)
    if unknown:
        raise DomainError(_("These fields cannot be changed here: %(fields)s") % {"fields": ", ".join(sorted(unknown))})
    current = _locked_activity(activity, expected_version)
    if current.actual_end_on:
        raise DomainError(_("The activity has ended; it can no longer be changed."))
    new = {f: getattr(current, f) for f in ACTIVITY_EDITABLE}
    if "type" in changes:
        new["type"] = _activity_type(changes["type"], current=current.type)
    for field in ("provider", "provider_contact"):
        if field in changes:
            new[field] = _text(Activity, changes, field, required=field == "provider")
    if "goal_ids" in changes and list(changes["goal_ids"] or []) != current.goal_ids:
        new["goal_ids"] = _goal_ids(current.case, changes["goal_ids"])
    for field in ("start_on", "planned_end_on"):
        if field in changes:
            new[field] = _date(changes[field], field)
    _check_dates(new["start_on"], new["planned_end_on"])
    if "hours_per_week" in changes:
        new["hours_per_week"] = _hours(changes["hours_per_week"], new["start_on"])
    _check_company_order(new["type"], new["start_on"], has_order=selectors.has_follow_up_order(current))
    diff = [(f, getattr(current, f), new[f]) for f in ACTIVITY_EDITABLE if getattr(current, f) != new[f]]
    if not diff:
        return current
    for field, _old, value in diff:
        setattr(current, field, value)
    current.version += 1
    current.save(update_fields=[f for f, _o, _n in diff] + ["version"])
    record_event(
        case=current.case, kind=EventKind.ACTIVITY_UPDATED, actor=actor, at=timezone.now(),
        data={"activity_id": current.pk, "version": current.version, **_type_names(current.type),
              "provider": current.provider,
              "changes": [{"field": f, "old": _shown(o), "new": _shown(n)} for f, o, n in diff]},
    )  # fmt: skip
    return current


@transaction.atomic
def activity_end(
    *, actor: User, activity: Activity, expected_version: int, actual_end_on: date, outcome: str, end_reason: str,
    end_note: str = "", accommodation_respected: str = "", accommodation_note: str = "",
) -> Activity:  # fmt: skip
    """Record how the activity ended: the date, the outcome, why, and whether the citizen's accommodation needs
    (skånebehov) in the profile were respected (P8; seed 000, L2054–2059)."""
    require_case_write(actor, activity.case)
    current = _locked_activity(activity, expected_version)
    if current.actual_end_on:
        raise DomainError(_("The activity has already ended."))
    actual_end_on = past_or_today(actual_end_on, field="actual_end_on")
    if actual_end_on < current.start_on:
        raise DomainError(_("The activity cannot end before it started."), field="actual_end_on")
    values = {"outcome": outcome, "end_note": end_note, "accommodation_note": accommodation_note}
    outcome = _text(Activity, values, "outcome", required=True)
    if end_reason not in EndReason.values:
        raise DomainError(_("Choose why the activity ended."), field="end_reason")
    end_note = _text(Activity, values, "end_note", required=end_reason == EndReason.OTHER)
    accommodation_note = _text(Activity, values, "accommodation_note")
    needs = selectors.accommodation_needs(current.case)
    if needs:
        if accommodation_respected not in (AccommodationRespected.YES, AccommodationRespected.NO):
            raise DomainError(
                _("The resource profile records accommodation needs: state whether they were respected."),
                field="accommodation_respected",
            )
        if accommodation_respected == AccommodationRespected.NO and not accommodation_note:
            raise DomainError(
                _("Describe which accommodation needs were not respected, and why."), field="accommodation_note"
            )
    elif accommodation_respected not in AccommodationRespected.values:
        accommodation_respected = AccommodationRespected.NOT_RELEVANT
    current.actual_end_on = actual_end_on
    current.outcome = outcome
    current.end_reason = end_reason
    current.end_note = end_note
    current.accommodation_respected = accommodation_respected
    current.accommodation_note = accommodation_note
    current.version += 1
    current.save()
    record_event(
        case=current.case, kind=EventKind.ACTIVITY_ENDED, actor=actor, at=timezone.now(),
        data={"activity_id": current.pk, "version": current.version, **_type_names(current.type),
              "provider": current.provider, "actual_end_on": actual_end_on.isoformat(), "end_reason": end_reason,
              "accommodation_respected": accommodation_respected,
              "changes": [{"field": "actual_end_on", "old": "", "new": actual_end_on.isoformat()}]},
    )  # fmt: skip
    return current


# --- the order (kravspecifikation) --------------------------------------------------------------------------

ORDER_FIELDS = (
    "purpose", "content_and_duration", "element_keys", "resources_to_clarify", "barriers_to_overcome", "observe",
    "questions", "restrictions", "follow_up_plan",
)  # fmt: skip


def _stale_order(activity: Activity, base_number: int, latest: ActivityOrder) -> StaleVersion:
    base = activity.orders.filter(number=base_number).first()
    changes = {
        f: (getattr(base, f) if base else None, getattr(latest, f))
        for f in ORDER_FIELDS
        if (getattr(base, f) if base else None) != getattr(latest, f)
    }
    return StaleVersion(
        _(
            "The order was written by %(author)s at %(time)s while you were editing (version %(number)d). Your "
            "version was not saved; look at the current order, then edit it."
        )
        % {
            "author": latest.written_by,
            "time": timezone.localtime(latest.written_at).strftime("%d-%m-%Y %H:%M"),
            "number": latest.number,
        },
        changes=changes,
    )


def _order_create(*, actor: User, activity: Activity, base_version: int, values: dict, prefix: str = ""):
    """Validate and write one version of the order (inside the caller's transaction)."""
    if activity.actual_end_on:
        raise DomainError(_("The activity has ended; write no new order."))
    # K1 (seed 000, L3270–3285, L5107–5146): the activity must be relevant to a goal of the plan before it is
    # ordered.
    plan = selectors.current_plan(activity.case)
    plan_goals = {g["id"] for g in plan.goals} if plan else set()
    if not set(activity.goal_ids) & plan_goals:
        raise DomainError(
            _("Link the activity to a goal of the current action plan before you write the order."),
            field=prefix + "goal_ids",
        )
    # The caseworker's order (seed 000, L5164–5172): purpose, content and duration, the resources to develop or
    # clarify by the profile's elements, the barriers to overcome; and what the provider is to observe.
    cleaned: dict[str, str | list[str]] = {
        "purpose": _text(ActivityOrder, values, "purpose", required=True, prefix=prefix),
        "content_and_duration": _text(ActivityOrder, values, "content_and_duration", required=True, prefix=prefix),
        "resources_to_clarify": _text(ActivityOrder, values, "resources_to_clarify", required=True, prefix=prefix),
        "observe": _text(ActivityOrder, values, "observe", required=True, prefix=prefix),
        **{f: _text(ActivityOrder, values, f, prefix=prefix)
           for f in ("barriers_to_overcome", "questions", "restrictions", "follow_up_plan")},
    }  # fmt: skip
    cleaned["element_keys"] = _element_keys(values.get("element_keys"), prefix + "element_keys")
    if not cleaned["element_keys"]:
        raise DomainError(
            _("Name the elements of the resource profile the activity is to develop or clarify."),
            field=prefix + "element_keys",
        )
    # K2 (seed 000, L4516–4523): a company placement has a plan for follow-up and evaluation.
    if activity.type.company_based and not cleaned["follow_up_plan"]:
        raise DomainError(
            _("A company placement needs a plan for how it is followed up and evaluated."),
            field=prefix + "follow_up_plan",
        )
    latest = activity.orders.order_by("-number").first()
    current = latest.number if latest else 0
    if int(base_version) != current:
        if latest is None:
            raise DomainError(_("The activity has no order yet: send base_version 0."), field="base_version")
        raise _stale_order(activity, int(base_version), latest)
    now = timezone.now()
    order = ActivityOrder.objects.create(
        activity=activity, number=current + 1, written_by=actor, written_at=now, **cleaned
    )
    record_event(
        case=activity.case, kind=EventKind.ACTIVITY_ORDERED, actor=actor, at=now,
        data={"activity_id": activity.pk, "number": order.number, **_type_names(activity.type),
              "provider": activity.provider, "element_keys": order.element_keys},
    )  # fmt: skip
    return order


def order_write(*, actor: User, activity: Activity, base_version: int, **values) -> ActivityOrder:
    """Write a new version of the order to the provider (kravspecifikation). `base_version` is the version the
    user edited (0 for the first); a stale one is refused and nothing is overwritten."""
    require_case_write(actor, activity.case)
    unknown = set(values) - set(ORDER_FIELDS)
    if unknown:
        raise DomainError(_("Unknown fields: %(fields)s") % {"fields": ", ".join(sorted(unknown))})
    try:
        with transaction.atomic():
            locked = Activity.objects.select_for_update().select_related("type", "case").get(pk=activity.pk)
            return _order_create(actor=actor, activity=locked, base_version=base_version, values=values)
    except IntegrityError:
        latest = activity.orders.order_by("-number").first()
        if latest is None:
            raise  # no order was saved, so no save raced this one: the error is something else
        raise _stale_order(activity, int(base_version), latest) from None


# --- the provider's report (statusudtalelse) ----------------------------------------------------------------


def _resources_by_element(raw) -> list[dict]:
    rows = []
    for index, entry in enumerate(raw or []):
        field = f"resources_by_element.{index}"
        text = clean_text(entry.get("text"), field=field, label=_("Resources"), max_length=TEXT_MAX)
        element = entry.get("element") or ""
        if not text and not element:
            continue  # an empty row in the form
        if element not in ElementKey.values:
            raise DomainError(_("Name the element of the resource profile the resources concern."), field=field)
        if not text:
            raise DomainError(_("Describe the resources shown or developed."), field=field)
        rows.append({"element": element, "text": text})
    return rows


@transaction.atomic
def report_record(
    *, actor: User, activity: Activity, report_date: date, author: str, result_vs_purpose: str,
    actual_content: str, functional_capacity: str, citizen_participated: bool | None, citizen_agreement: str,
    citizen_disagreement: str = "", resources_by_element: list[dict] | None = None, job_functions: str = "",
    barriers: str = "", compensation: str = "", proposals: str = "", document=None,
) -> ProviderReport:  # fmt: skip
    """Record the provider's report on the activity (seed 000, L5174–5197; the follow-up box L4675–4702)."""
    case = activity.case
    require_case_write(actor, case)
    report_date = past_or_today(report_date, field="report_date")
    if report_date < activity.start_on:
        raise DomainError(_("The report cannot be dated before the activity started."), field="report_date")
    values = {
        "author": author, "result_vs_purpose": result_vs_purpose, "actual_content": actual_content,
        "functional_capacity": functional_capacity, "citizen_disagreement": citizen_disagreement,
        "job_functions": job_functions, "barriers": barriers, "compensation": compensation, "proposals": proposals,
    }  # fmt: skip
    required = ("author", "result_vs_purpose", "actual_content", "functional_capacity")
    cleaned = {f: _text(ProviderReport, values, f, required=f in required) for f in values}
    # C10 (seed 000, L4697–4702, L5195–5197): whether the citizen took part, agrees, and what a disagreement is.
    if not isinstance(citizen_participated, bool):
        raise DomainError(_("State whether the citizen took part in the report."), field="citizen_participated")
    if citizen_agreement not in CitizenAgreement.values:
        raise DomainError(_("State whether the citizen agrees with the report."), field="citizen_agreement")
    if citizen_agreement in (CitizenAgreement.DISAGREES, CitizenAgreement.PARTLY):
        if not cleaned["citizen_disagreement"]:
            raise DomainError(
                _("Record what the citizen's disagreement with the report consists of."), field="citizen_disagreement"
            )
    else:
        cleaned["citizen_disagreement"] = ""
    if document is not None:
        from evne.evidence.models import Document

        document_id = document.pk if isinstance(document, Document) else document
        document = Document.objects.filter(case=case, pk=document_id).first() if str(document_id).isdigit() else None
        if document is None:
            raise DomainError(_("The report file must be a document in this case."), field="document")
    now = timezone.now()
    report = ProviderReport.objects.create(
        activity=activity, report_date=report_date, resources_by_element=_resources_by_element(resources_by_element),
        citizen_participated=citizen_participated, citizen_agreement=citizen_agreement, document=document,
        recorded_by=actor, recorded_at=now, **cleaned,
    )  # fmt: skip
    record_event(
        case=case, kind=EventKind.PROVIDER_REPORT_RECEIVED, actor=actor, at=now,
        data={"activity_id": activity.pk, "report_id": report.pk, **_type_names(activity.type),
              "provider": activity.provider, "report_date": report_date.isoformat(),
              "citizen_participated": citizen_participated, "citizen_agreement": citizen_agreement},
    )  # fmt: skip
    return report


@transaction.atomic
def report_finding_carry(
    *, actor: User, case: Case, report: ProviderReport, element: str, text: str, reason: str = ""
) -> ElementVersion:
    """Write a finding of the provider's report into the resource profile (seed 000, L4703–4705, L5201–5207;
    P9: partners' information with its source): a new version of the element, which repeats the current version
    and adds the finding as a fact whose source is the report. An element not yet described starts as relevant."""
    from evne.profiles.services import element_save, version_values

    require_case_write(actor, case)
    if report.activity.case_id != case.pk:
        raise DomainError(_("The report does not belong to this case."), field="report")
    if element not in ElementKey.values:
        raise DomainError(_("Unknown element of the resource profile."), field="element")
    text = clean_text(text, field="text", label=_("Finding"), max_length=5_000, required=True)
    detail = selectors.report_source_detail(report)
    reason = clean_text(reason, field="reason", label=_("Reason for the change"), max_length=300) or _(
        "Finding from the provider report (%(source)s)"
    ) % {"source": detail}
    reason = reason[:300]
    current = selectors.current_elements(selectors.profile_for(case)).get(element)
    values: dict[str, Any] = version_values(current) if current else {"relevant": True, "facts": []}
    fact_id = uuid.uuid4().hex[:8]
    fact = {"id": fact_id, "text": text, "source_kind": SourceKind.PROVIDER_REPORT, "source_detail": detail,
            "report_id": report.pk}  # fmt: skip
    values["facts"] = [dict(f) for f in values.get("facts") or []] + [fact]
    version = element_save(
        actor=actor, case=case, element=element, base_version=current.number if current else 0, reason=reason,
        **values,
    )  # fmt: skip
    record_event(
        case=case, kind=EventKind.REPORT_FINDING_CARRIED, actor=actor, at=version.saved_at,
        data={"report_id": report.pk, "activity_id": report.activity_id, "provider": report.activity.provider,
              "report_date": report.report_date.isoformat(), "element": element, "number": version.number,
              "fact_id": fact_id},
    )  # fmt: skip
    return version


# --- work testing as it happened (arbejdsprøvning) ---------------------------------------------------------


def _label(model, field: str) -> str:
    return str(model._meta.get_field(field).verbose_name).capitalize()


def _trial_dates(activity: Activity, start_on, end_on, outcome: str) -> None:
    """The period lies within the activity's dates, ends on or after its start, and has begun. It may end after
    today only while it is still running (the end is then the end it is planned to have)."""
    start_on = past_or_today(start_on, field="start_on")
    end_on = _date(end_on, "end_on")
    if end_on < start_on:
        raise DomainError(_("The period cannot end before it starts."), field="end_on")
    last = activity.actual_end_on or activity.planned_end_on
    dates = {"start": activity.start_on.strftime("%d-%m-%Y"), "end": last.strftime("%d-%m-%Y")}
    if start_on < activity.start_on:
        raise DomainError(
            _("The period must lie within the activity's dates (%(start)s to %(end)s).") % dates, field="start_on"
        )
    if end_on > last:
        raise DomainError(
            _("The period must lie within the activity's dates (%(start)s to %(end)s).") % dates, field="end_on"
        )
    if end_on > timezone.localdate() and outcome != TrialOutcome.RUNNING:
        raise DomainError(
            _('A period that ends after today is still running: choose "Still running", or give the day it ended.'),
            field="end_on",
        )


def _pace(value) -> int | None:
    """Work pace as a whole percentage of normal pace, 1–100, only where the provider states it."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    refused = DomainError(
        _("Work pace is a whole percentage of normal pace, from 1 to 100 (leave it empty if not stated)."),
        field="pace_percent",
    )
    try:
        pace = Decimal(str(value).strip().removesuffix("%").strip())
    except (InvalidOperation, ValueError):
        raise refused from None
    if isinstance(value, bool) or not pace.is_finite() or pace != pace.to_integral_value() or not 1 <= pace <= 100:
        raise refused
    return int(pace)


def _absence(amount, unit: str, reason: str, *, days: int) -> tuple[Decimal | None, str, str]:
    """Absence in hours or days within the period, with its reason; none at all when no amount is given."""
    label = _label(TrialPeriod, "absence_reason")
    reason = clean_text(reason, field="absence_reason", label=label, max_length=TEXT_MAX)
    if amount is None or (isinstance(amount, str) and not amount.strip()):
        if reason:
            raise DomainError(
                _("Give the absence in hours or days, or leave its reason empty."), field="absence_amount"
            )
        return None, "", ""
    try:
        value = Decimal(str(amount).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        value = None
    if isinstance(amount, bool) or value is None or not value.is_finite() or value < 0:
        raise DomainError(_("Give the absence as a number of hours or days (0 or more)."), field="absence_amount")
    if value != value.quantize(Decimal("0.1")):
        raise DomainError(_("Give the absence with at most one decimal."), field="absence_amount")
    if unit not in AbsenceUnit.values:
        raise DomainError(_("State whether the absence is counted in hours or days."), field="absence_unit")
    limit = days if unit == AbsenceUnit.DAYS else days * 24
    if value > limit:
        raise DomainError(
            _("The absence cannot be longer than the period (%(days)d days).") % {"days": days}, field="absence_amount"
        )
    if value > 0 and not reason:
        raise DomainError(_("State the reason for the absence."), field="absence_reason")
    return value.quantize(Decimal("0.1")), unit, reason


def _trial_accommodation(case: Case, value: str, note: str) -> tuple[str, str]:
    """Whether the accommodation needs (skånehensyn) were respected; a "partly" or "no" says which were not, and
    why. When the profile records needs, "no accommodation needs" is not an answer (P8; seed 000, L2054–2059)."""
    note = clean_text(note, field="accommodation_note", label=_label(TrialPeriod, "accommodation_note"),
                      max_length=TEXT_MAX)  # fmt: skip
    if value not in TrialAccommodation.values:
        raise DomainError(_("State whether the accommodation needs were respected."), field="accommodation_respected")
    if value == TrialAccommodation.NOT_RELEVANT and selectors.accommodation_needs(case):
        raise DomainError(
            _("The resource profile records accommodation needs: state whether they were respected in the period."),
            field="accommodation_respected",
        )
    if value in (TrialAccommodation.PARTLY, TrialAccommodation.NO) and not note:
        raise DomainError(
            _("Describe which accommodation needs were not respected, and why."), field="accommodation_note"
        )
    return value, note


def _same_activity(model, value, activity: Activity, *, field: str, message: str):
    """A record of this activity given as an instance or an id, or None."""
    if value is None or value == "":
        return None
    pk = value.pk if isinstance(value, model) else value
    found = model.objects.filter(activity=activity, pk=pk).first() if str(pk).isdigit() else None
    if found is None:
        raise DomainError(message, field=field)
    return found


def trial_period_record(
    *, actor: User, activity: Activity, start_on: date, end_on: date, trade: str, job_functions: str,
    planned_hours_per_week, actual_hours_per_week, accommodation_respected: str, outcome: str,
    pace_percent=None, absence_amount=None, absence_unit: str = "", absence_reason: str = "",
    accommodation_note: str = "", outcome_note: str = "", sustained_hours_per_week=None,
    report: ProviderReport | int | None = None, replaces: TrialPeriod | int | None = None,
) -> TrialPeriod:  # fmt: skip
    """Record one period of work testing in the activity as it happened. Append-only: to correct a period, record it
    again with `replaces` naming the record it corrects; the latest counts. `report` is the provider's report the
    period comes from (a report on the same activity)."""
    case = activity.case
    require_case_write(actor, case)
    if outcome not in TrialOutcome.values:
        raise DomainError(_("Choose how the period went."), field="outcome")
    _trial_dates(activity, start_on, end_on, outcome)
    values = {"trade": trade, "job_functions": job_functions, "outcome_note": outcome_note}
    trade = _text(TrialPeriod, values, "trade", required=True)
    job_functions = _text(TrialPeriod, values, "job_functions", required=True)
    planned = hours_per_week(planned_hours_per_week, field="planned_hours_per_week", allow_zero=False,
                             label=_label(TrialPeriod, "planned_hours_per_week"))  # fmt: skip
    actual = hours_per_week(actual_hours_per_week, field="actual_hours_per_week",
                            label=_label(TrialPeriod, "actual_hours_per_week"))  # fmt: skip
    pace = _pace(pace_percent)
    days = (end_on - start_on).days + 1
    absence = _absence(absence_amount, absence_unit or "", absence_reason, days=days)
    respected, accommodation_note = _trial_accommodation(case, accommodation_respected, accommodation_note)
    outcome_note = _text(TrialPeriod, values, "outcome_note", required=outcome == TrialOutcome.ENDED_OTHER)
    sustained = hours_per_week(sustained_hours_per_week, field="sustained_hours_per_week", required=False,
                               label=_label(TrialPeriod, "sustained_hours_per_week"))  # fmt: skip
    source: ProviderReport | None = _same_activity(
        ProviderReport, report, activity, field="report",
        message=_("The provider report must be a report on this activity."),
    )  # fmt: skip
    try:
        with transaction.atomic():
            Activity.objects.select_for_update().filter(pk=activity.pk).first()  # one correction at a time
            corrected: TrialPeriod | None = _same_activity(
                TrialPeriod, replaces, activity, field="replaces",
                message=_("The record to correct must be a period of this activity."),
            )  # fmt: skip
            if corrected is not None and TrialPeriod.objects.filter(replaces=corrected).exists():
                raise DomainError(
                    _("That record has already been corrected: correct the latest version."), field="replaces"
                )
            now = timezone.now()
            period = TrialPeriod.objects.create(
                activity=activity, start_on=start_on, end_on=end_on, trade=trade, job_functions=job_functions,
                planned_hours_per_week=planned, actual_hours_per_week=actual, pace_percent=pace,
                absence_amount=absence[0], absence_unit=absence[1], absence_reason=absence[2],
                accommodation_respected=respected, accommodation_note=accommodation_note, outcome=outcome,
                outcome_note=outcome_note, sustained_hours_per_week=sustained, report=source, replaces=corrected,
                recorded_by=actor, recorded_at=now,
            )  # fmt: skip
            record_event(
                case=case, kind=EventKind.WORK_TRIAL_RECORDED, actor=actor, at=now,
                data={"activity_id": activity.pk, "trial_period_id": period.pk,
                      "replaces_trial_period_id": corrected.pk if corrected else None, **_type_names(activity.type),
                      "provider": activity.provider, "trade": trade, "start_on": start_on.isoformat(),
                      "end_on": end_on.isoformat(), "weeks": str(period.weeks),
                      "planned_hours_per_week": str(planned), "actual_hours_per_week": str(actual),
                      "pace_percent": pace, "accommodation_respected": respected, "outcome": outcome,
                      "sustained_hours_per_week": str(sustained) if sustained is not None else None,
                      "report_id": source.pk if source else None},
            )  # fmt: skip
            return period
    except IntegrityError:
        # Two corrections of the same record raced past the lock (SQLite has no row locks): the unique constraint
        # on `replaces` decided.
        raise DomainError(
            _("That record has already been corrected: correct the latest version."), field="replaces"
        ) from None


def printout_record(*, actor, case: Case, document: str, number: int, data: dict | None = None) -> None:
    """The order (kravspecifikation) or the citizen's copy of the plan was printed or downloaded: the timeline says
    which document and which version (issue 13: "Dokument udskrevet eller hentet" must name it). Any reader of the
    case may print (the caller got the case through access_case); the record is an audit entry, not a change."""
    record_event(case=case, kind=EventKind.DOCUMENT_PRINTED, actor=actor, at=timezone.now(),
                 data={"document": document, "number": number, **(data or {})})  # fmt: skip
