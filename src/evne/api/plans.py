"""The action plan (handleplan), activities (tilbud), the order to the provider (kravspecifikation), the provider's
report (statusudtalelse), and carrying a finding from a report into the resource profile.

Thin views: parse → access_case() (the one gate, which logs the access with channel "api") → one service or
selector → render. The rules (R41, P10, K1, K2, C10; the method book, seed 000, L3259–3311, L4516–4523,
L5107–5207) live in evne.plans.services; the API only shapes the input and the answer. Registered in api.py
under /cases.
"""

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Path, Query, Router, Schema, Status
from pydantic import Field

from evne.accounts.access import access_case
from evne.accounts.models import AccessAction, AccessChannel
from evne.errors import NotFound
from evne.plans import selectors, services
from evne.plans.models import (
    AbsenceUnit,
    AccommodationRespected,
    CitizenAgreement,
    EndReason,
    TrialAccommodation,
    TrialOutcome,
)
from evne.profiles.models import ElementKey
from evne.profiles.services import TEXT_MAX

from .profile_schemas import MAX_NUMBER, ElementVersionOut, choice_label, optional
from .schemas import MAX_ID, Id, In, UserRef, Version, errors, text_max

router = Router(tags=["action plan and activities"])
API = AccessChannel.API
CaseId = Path(..., ge=1, le=MAX_ID, description="The case's id")
ActivityId = Path(..., ge=1, le=MAX_ID, description="The activity's id")
ReportId = Path(..., ge=1, le=MAX_ID, description="The provider report's id")
Number = Path(..., ge=1, le=MAX_NUMBER, description="The version number")
IncludeCorrected = Query(False, description="Also the records that later records correct")
LongText = text_max(TEXT_MAX)
GoalId = text_max(16)


def _read(request: HttpRequest, case_id: int):
    return access_case(user=request.auth, case_id=case_id, what=AccessAction.CASE, channel=API)


def _write(request: HttpRequest, case_id: int):
    return access_case(user=request.auth, case_id=case_id, what=AccessAction.CASE, channel=API, write=True)


def _activity(case, activity_id: int):
    activity = selectors.activity_for(case, activity_id)
    if activity is None:
        raise NotFound
    return activity


# --- output ---------------------------------------------------------------------------------------------


class GoalOut(Schema):
    id: str
    label: str = Field(description="Its number in reading order: 1, 1.1, 2 …")
    text: str
    parent_id: str | None = Field(description="For a sub-goal (delmål): the goal it belongs to")
    element_keys: list[str] = Field(description="The elements of the resource profile the goal builds on")
    builds_on: str = Field(description="resources, barriers or both")
    means: str


class PlanOut(Schema):
    """One version of the action plan. Versions are never changed; a revision is a new version."""

    number: int
    goals: list[GoalOut] = Field(description="Goals, each followed by its sub-goals")
    means: str
    agreed_with_citizen_on: date | None = Field(description="Null while the plan is not agreed with the citizen")
    citizen_comments: str
    reason: str = Field(description="Why this version was saved (empty for the first)")
    profile_versions: dict[str, int] = Field(description="The element versions of the profile the plan built on")
    author: UserRef
    saved_at: datetime

    @staticmethod
    def resolve_goals(obj) -> list[dict]:
        return selectors.goal_rows(obj)


class PromptOut(Schema):
    element: str
    label: str
    planned: int | None = Field(description="The element's version in the plan (null: described since)")
    current: int


class PlanStateOut(Schema):
    current: PlanOut | None = Field(description="The current version, or null before the first plan")
    agreed: bool = Field(description="The current version is agreed with the citizen")
    revision_prompt: list[PromptOut] = Field(description="Profile elements changed since the plan (P10)")
    prompt: str = Field(description="The revision prompt as a sentence, or empty")


class ActivityTypeOut(Schema):
    code: str
    name_da: str
    name_en: str
    company_based: bool = Field(description="A company placement: the order must come before the start (K2)")


class OrderOut(Schema):
    id: int
    number: int
    purpose: str
    content_and_duration: str
    element_keys: list[str]
    resources_to_clarify: str
    barriers_to_overcome: str
    observe: str
    questions: str
    restrictions: str
    follow_up_plan: str
    written_by: UserRef
    written_at: datetime


class ActivityOut(Schema):
    id: int
    type: ActivityTypeOut
    provider: str
    provider_contact: str
    goal_ids: list[str]
    start_on: date
    planned_end_on: date
    actual_end_on: date | None
    hours_per_week: Decimal
    outcome: str
    end_reason: str
    end_reason_label: str
    end_note: str
    accommodation_respected: str
    accommodation_note: str
    version: int
    created_by: UserRef
    created_at: datetime
    order: OrderOut | None = Field(description="The current version of the order, or null")
    report_ids: list[int]
    notices: list[str] = Field(description="What the method still asks for, as sentences")

    @staticmethod
    def resolve_end_reason_label(obj) -> str:
        return choice_label(EndReason, obj.end_reason)

    @staticmethod
    def resolve_order(obj):
        return selectors.latest_order(obj)

    @staticmethod
    def resolve_report_ids(obj) -> list[int]:
        return [r.pk for r in obj.reports.all()]

    @staticmethod
    def resolve_notices(obj) -> list[str]:
        return selectors.activity_notices(obj, on=timezone.localdate())


class ResourceEntry(Schema):
    element: ElementKey
    text: LongText


class ReportOut(Schema):
    id: int
    activity_id: int
    report_date: date
    author: str
    result_vs_purpose: str
    actual_content: str
    resources_by_element: list[dict[str, str]]
    job_functions: str
    functional_capacity: str
    barriers: str
    compensation: str
    proposals: str
    citizen_participated: bool
    citizen_agreement: str
    citizen_agreement_label: str
    citizen_disagreement: str
    document_id: int | None
    recorded_by: UserRef
    recorded_at: datetime

    @staticmethod
    def resolve_citizen_agreement_label(obj) -> str:
        return choice_label(CitizenAgreement, obj.citizen_agreement)


class TrialPeriodOut(Schema):
    """One period of work testing as it happened. Append-only: a correction is a new record whose `replaces_id`
    names the record it corrects; the latest counts."""

    id: int
    activity_id: int
    start_on: date
    end_on: date
    weeks: Decimal = Field(description="Derived from the dates: calendar days (both ends included) / 7, one decimal")
    trade: str
    job_functions: str
    planned_hours_per_week: Decimal
    actual_hours_per_week: Decimal
    pace_percent: int | None = Field(description="Work pace as a percentage of normal, where the provider states it")
    absence_amount: Decimal | None
    absence_unit: str = Field(description="hours or days; empty when no absence is given")
    absence_reason: str
    accommodation_respected: str = Field(description="yes, partly, no or not_relevant (no accommodation needs)")
    accommodation_respected_label: str
    accommodation_note: str
    outcome: str = Field(description="completed, ended_health, ended_other or running")
    outcome_label: str
    outcome_note: str
    sustained_hours_per_week: Decimal | None = Field(description="The hours per week the citizen could keep up")
    report_id: int | None = Field(description="The provider report the period comes from")
    replaces_id: int | None = Field(description="The record this record corrects")
    corrected: bool = Field(description="A later record corrects this one: it no longer counts")
    recorded_by: UserRef
    recorded_at: datetime

    @staticmethod
    def resolve_accommodation_respected_label(obj) -> str:
        return choice_label(TrialAccommodation, obj.accommodation_respected)

    @staticmethod
    def resolve_outcome_label(obj) -> str:
        return choice_label(TrialOutcome, obj.outcome)

    @staticmethod
    def resolve_corrected(obj) -> bool:
        return obj.corrections.exists()


# --- input ----------------------------------------------------------------------------------------------


class GoalIn(In):
    id: GoalId | None = Field(None, description="Keep the id of an existing goal; a new goal may send its own")
    text: text_max(services.GOAL_MAX)
    parent_id: GoalId | None = Field(None, description="For a sub-goal: the id of its goal in the same plan")
    element_keys: list[ElementKey] = Field(description="At least one relevant element of the current profile")
    builds_on: Literal["resources", "barriers", "both"]
    means: LongText = ""


class PlanIn(In):
    """A new version of the plan, in full."""

    base_version: int = Field(ge=0, le=MAX_NUMBER, description="The version you edited, 0 for the first plan")
    reason: text_max(300) = Field("", description="Why the plan is revised (required for a revision)")
    goals: list[GoalIn] = Field(max_length=services.GOALS_MAX)
    means: LongText
    agreed_with_citizen_on: date | None = None
    citizen_comments: LongText = ""


class OrderIn(In):
    purpose: LongText
    content_and_duration: LongText
    element_keys: list[ElementKey] = Field(description="The profile elements to develop or clarify")
    resources_to_clarify: LongText
    observe: LongText
    barriers_to_overcome: LongText = ""
    questions: LongText = ""
    restrictions: LongText = ""
    follow_up_plan: LongText = Field("", description="Required for a company placement (K2)")


class OrderWriteIn(OrderIn):
    base_version: int = Field(ge=0, le=MAX_NUMBER, description="The version you edited, 0 for the first order")


class ActivityIn(In):
    type: text_max(50) = Field(description="The code of an activity type in use")
    provider: text_max(200)
    provider_contact: text_max(200) = ""
    goal_ids: list[GoalId] = Field([], description="Goals of the current plan the activity serves")
    start_on: date
    planned_end_on: date
    hours_per_week: Decimal = Field(description="More than 0 and at most 37, with at most one decimal")
    order: OrderIn | None = Field(None, description="The first order, written with the activity")


class ActivityUpdateIn(In):
    """Send only the fields you change, and the version you read."""

    version: Version
    type: text_max(50) = None
    provider: text_max(200) = None
    provider_contact: text_max(200) = None
    goal_ids: list[GoalId] = None
    start_on: date = None
    planned_end_on: date = None
    hours_per_week: Decimal = None


class ActivityEndIn(In):
    version: Version
    actual_end_on: date
    outcome: LongText
    end_reason: EndReason
    end_note: LongText = ""
    accommodation_respected: optional(AccommodationRespected) = Field(
        None, description="Required when the resource profile records accommodation needs"
    )
    accommodation_note: LongText = ""


class ReportIn(In):
    report_date: date
    author: text_max(200)
    result_vs_purpose: LongText
    actual_content: LongText
    functional_capacity: LongText
    citizen_participated: bool
    citizen_agreement: CitizenAgreement
    citizen_disagreement: LongText = Field("", description="Required when the citizen disagrees, in whole or part")
    resources_by_element: list[ResourceEntry] = []
    job_functions: LongText = ""
    barriers: LongText = ""
    compensation: LongText = ""
    proposals: LongText = ""
    document_id: Id | None = Field(None, description="A document of this case holding the report")


class TrialPeriodIn(In):
    start_on: date = Field(description="Within the activity's dates, not in the future")
    end_on: date = Field(description="Within the activity's dates; after today only for a period still running")
    trade: text_max(200)
    job_functions: LongText = Field(description="The concrete job functions tried")
    planned_hours_per_week: Decimal = Field(description="More than 0 and at most 80, with at most one decimal")
    actual_hours_per_week: Decimal = Field(description="From 0 to 80, with at most one decimal")
    accommodation_respected: TrialAccommodation = Field(
        description="not_relevant only when the resource profile records no accommodation needs"
    )
    outcome: TrialOutcome
    pace_percent: int | None = Field(None, description="A whole percentage of normal pace, 1–100, if stated")
    absence_amount: Decimal | None = Field(None, description="Absence in the period, in `absence_unit`")
    absence_unit: optional(AbsenceUnit) = Field(None, description="Required with an absence")
    absence_reason: LongText = Field("", description="Required with an absence of more than 0")
    accommodation_note: LongText = Field("", description="Required for partly or no")
    outcome_note: LongText = Field("", description="Required for ended_other")
    sustained_hours_per_week: Decimal | None = None
    report_id: Id | None = Field(None, description="A provider report on the same activity")
    replaces_id: Id | None = Field(None, description="The record of this activity that this record corrects")


class CarryIn(In):
    element: ElementKey
    text: text_max(5_000) = Field(description="The finding, as it will stand in the element's description")
    reason: text_max(300) = ""


# --- the action plan ------------------------------------------------------------------------------------


@router.get("/{case_id}/plan", response={200: PlanStateOut, **errors(404)}, summary="The action plan")
def get_plan(request: HttpRequest, case_id: int = CaseId):
    """The current version, whether it is agreed with the citizen, and the elements of the resource profile that
    changed since (a prompt to consider a revision, P10)."""
    case = _read(request, case_id)
    plan = selectors.current_plan(case)
    rows = selectors.plan_revision_prompt(case)
    return {
        "current": plan,
        "agreed": bool(plan and plan.agreed_with_citizen_on),
        "revision_prompt": rows,
        "prompt": selectors.prompt_sentence(rows),
    }


@router.get("/{case_id}/plan/versions", response={200: list[PlanOut], **errors(404)}, summary="Plan history")
def plan_versions(request: HttpRequest, case_id: int = CaseId):
    """Every version of the plan, newest first."""
    return selectors.plan_history(_read(request, case_id))


@router.get("/{case_id}/plan/versions/{number}", response={200: PlanOut, **errors(404)}, summary="One plan version")
def plan_version(request: HttpRequest, case_id: int = CaseId, number: int = Number):
    plan = selectors.plan_version(_read(request, case_id), number)
    if plan is None:
        raise NotFound
    return plan


@router.post("/{case_id}/plan", response={201: PlanOut, **errors(400, 403, 404, 409)}, summary="Save the plan")
def save_plan(request: HttpRequest, payload: PlanIn, case_id: int = CaseId):
    """A new version of the plan: goals and sub-goals, each built on relevant elements of the current profile,
    and the means. Send the `base_version` you edited; if someone saved the plan in between, the answer is 409
    and nothing is saved."""
    case = _write(request, case_id)
    values = payload.model_dump()
    plan = services.plan_save(actor=request.auth, case=case, **values)
    return Status(201, plan)


# --- activities -----------------------------------------------------------------------------------------


@router.get("/{case_id}/activity-types", response={200: list[ActivityTypeOut], **errors(404)}, summary="Activity types")
def activity_types(request: HttpRequest, case_id: int = CaseId):
    """The catalogue in use, for choosing an activity's `type`."""
    _read(request, case_id)
    return selectors.activity_types()


@router.get("/{case_id}/activities", response={200: list[ActivityOut], **errors(404)}, summary="Activities")
def list_activities(request: HttpRequest, case_id: int = CaseId):
    """Newest start first, each with its current order and what the method still asks for."""
    return selectors.activities(_read(request, case_id))


@router.post(
    "/{case_id}/activities", response={201: ActivityOut, **errors(400, 403, 404)}, summary="Create an activity"
)
def create_activity(request: HttpRequest, payload: ActivityIn, case_id: int = CaseId):
    """A company placement that starts today or earlier needs its `order` (with a follow-up plan) in the same
    request (K2)."""
    case = _write(request, case_id)
    values = payload.model_dump()
    activity = services.activity_create(actor=request.auth, case=case, **values)
    return Status(201, _activity(case, activity.pk))


@router.get("/{case_id}/activities/{activity_id}", response={200: ActivityOut, **errors(404)}, summary="One activity")
def get_activity(request: HttpRequest, case_id: int = CaseId, activity_id: int = ActivityId):
    return _activity(_read(request, case_id), activity_id)


@router.patch(
    "/{case_id}/activities/{activity_id}",
    response={200: ActivityOut, **errors(400, 403, 404, 409)},
    summary="Change an activity",
)
def update_activity(request: HttpRequest, payload: ActivityUpdateIn, case_id: int = CaseId,
                    activity_id: int = ActivityId):  # fmt: skip
    case = _write(request, case_id)
    activity = _activity(case, activity_id)
    changes = payload.model_dump(exclude_unset=True)
    version = changes.pop("version")
    services.activity_update(actor=request.auth, activity=activity, expected_version=version, **changes)
    return _activity(case, activity_id)


@router.post(
    "/{case_id}/activities/{activity_id}/end",
    response={200: ActivityOut, **errors(400, 403, 404, 409)},
    summary="End an activity",
)
def end_activity(request: HttpRequest, payload: ActivityEndIn, case_id: int = CaseId, activity_id: int = ActivityId):
    """The actual end, the outcome, the reason, and whether the accommodation needs were respected."""
    case = _write(request, case_id)
    activity = _activity(case, activity_id)
    values = payload.model_dump()
    version = values.pop("version")
    values["accommodation_respected"] = values["accommodation_respected"] or ""
    services.activity_end(actor=request.auth, activity=activity, expected_version=version, **values)
    return _activity(case, activity_id)


# --- the order ------------------------------------------------------------------------------------------


@router.get("/{case_id}/activities/{activity_id}/order", response={200: OrderOut, **errors(404)}, summary="The order")
def get_order(request: HttpRequest, case_id: int = CaseId, activity_id: int = ActivityId):
    """The current version of the order (404 before the first)."""
    order = selectors.latest_order(_activity(_read(request, case_id), activity_id))
    if order is None:
        raise NotFound
    return order


@router.get(
    "/{case_id}/activities/{activity_id}/orders", response={200: list[OrderOut], **errors(404)}, summary="Order history"
)
def order_history(request: HttpRequest, case_id: int = CaseId, activity_id: int = ActivityId):
    return selectors.orders(_activity(_read(request, case_id), activity_id))


@router.post(
    "/{case_id}/activities/{activity_id}/order",
    response={201: OrderOut, **errors(400, 403, 404, 409)},
    summary="Write the order",
)
def write_order(request: HttpRequest, payload: OrderWriteIn, case_id: int = CaseId, activity_id: int = ActivityId):
    """A new version of the order. The activity must serve a goal of the current plan (K1); a company placement
    needs a follow-up plan (K2)."""
    case = _write(request, case_id)
    activity = _activity(case, activity_id)
    order = services.order_write(actor=request.auth, activity=activity, **payload.model_dump())
    return Status(201, order)


# --- provider reports -----------------------------------------------------------------------------------


@router.get("/{case_id}/reports", response={200: list[ReportOut], **errors(404)}, summary="Provider reports")
def list_reports(request: HttpRequest, case_id: int = CaseId):
    """Every provider report of the case, newest first."""
    return selectors.reports(_read(request, case_id))


@router.post(
    "/{case_id}/activities/{activity_id}/reports",
    response={201: ReportOut, **errors(400, 403, 404)},
    summary="Record a provider report",
)
def create_report(request: HttpRequest, payload: ReportIn, case_id: int = CaseId, activity_id: int = ActivityId):
    """Whether the citizen took part and agrees is required; a disagreement (in whole or part) says what it
    consists of (C10)."""
    case = _write(request, case_id)
    activity = _activity(case, activity_id)
    values = payload.model_dump()
    values["document"] = values.pop("document_id")
    report = services.report_record(actor=request.auth, activity=activity, **values)
    return Status(201, report)


@router.post(
    "/{case_id}/reports/{report_id}/carry",
    response={201: ElementVersionOut, **errors(400, 403, 404, 409)},
    summary="Carry a finding into the resource profile",
)
def carry_finding(request: HttpRequest, payload: CarryIn, case_id: int = CaseId, report_id: int = ReportId):
    """Saves a new version of the element with the finding as a fact whose source is the report; the rest of
    the element is kept. Answers with the new element version."""
    case = _write(request, case_id)
    report = selectors.report_for(case, report_id)
    if report is None:
        raise NotFound
    version = services.report_finding_carry(actor=request.auth, case=case, report=report, **payload.model_dump())
    return Status(201, version)


# --- work testing as it happened ------------------------------------------------------------------------


@router.get(
    "/{case_id}/activities/{activity_id}/trial-periods",
    response={200: list[TrialPeriodOut], **errors(404)},
    summary="Work-trial periods",
)
def list_trial_periods(request: HttpRequest, case_id: int = CaseId, activity_id: int = ActivityId,
                       include_corrected: bool = IncludeCorrected):  # fmt: skip
    """The periods that count, oldest first; with `include_corrected`, every record in the order recorded."""
    activity = _activity(_read(request, case_id), activity_id)
    if include_corrected:
        return selectors.trial_period_history(activity)
    return selectors.trial_periods(activity)


@router.post(
    "/{case_id}/activities/{activity_id}/trial-periods",
    response={201: TrialPeriodOut, **errors(400, 403, 404)},
    summary="Record a work-trial period",
)
def create_trial_period(request: HttpRequest, payload: TrialPeriodIn, case_id: int = CaseId,
                        activity_id: int = ActivityId):  # fmt: skip
    """One period of the work testing as it happened. To correct a record, send it again with `replaces_id`."""
    case = _write(request, case_id)
    activity = _activity(case, activity_id)
    values = payload.model_dump()
    values["report"], values["replaces"] = values.pop("report_id"), values.pop("replaces_id")
    values["absence_unit"] = values["absence_unit"] or ""
    period = services.trial_period_record(actor=request.auth, activity=activity, **values)
    return Status(201, period)
