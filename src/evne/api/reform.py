"""The reform pathways over the API: the rehabilitation plan's preparatory part, the case's presentations to the
rehabilitation team (referral, recommendation, departure), the transfer to pension treatment, the ressourceforløb
(with its follow-ups, action part and end), the jobafklaringsforløb, the fleksjob visitation, the flex job with its
end and the ledighedsydelse periods; the team's meeting with its agenda and the recommendation.

Thin views: parse → access_case() / access_meeting() (the gates, which log the access with channel "api") → one
service in evne.reform.services → render. Registered in api.py under /cases and /rehab.
"""

from datetime import date, datetime
from decimal import Decimal

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Path, Router, Schema, Status
from pydantic import Field

from evne.accounts.access import access_case
from evne.accounts.models import AccessAction, AccessChannel, User
from evne.errors import DomainError, NotFound
from evne.reform import selectors, services
from evne.reform.access import access_meeting, access_team
from evne.reform.models import (
    AgendaReason,
    ClarificationOutcome,
    CourseKind,
    CourseOutcome,
    FlexJobEndReason,
    GpBasis,
    Measure,
    Recommendation,
    RecommendationKind,
)

from .schemas import MAX_ID, Id, In, UserRef, errors, text_max

router = Router(tags=["reform pathways"])
meetings_router = Router(tags=["reform pathways"])
API = AccessChannel.API
CaseId = Path(..., ge=1, le=MAX_ID, description="The case's id")
Long = text_max(services.TEXT_MAX)


# --- shapes ---------------------------------------------------------------------------------------------


class RehabPlanOut(Schema):
    id: int
    number: int
    goals: str
    employment_resources: str
    social_resources: str
    health_resources: str
    personal_resources: str
    wishes: str
    health_situation: str
    benefit_history: str
    earlier_efforts: str
    gp_basis: str
    gp_document_id: int | None
    existing_evidence: str
    profile_version_ids: list[int] = Field(description="The resource-profile element versions it rests on")
    citizen_accepted_on: date | None
    reason: str
    author: UserRef
    saved_at: datetime


class RehabPlanIn(In):
    base_version: int = Field(ge=0, le=MAX_ID, description="The version you edited; 0 for the first")
    goals: Long
    employment_resources: Long
    social_resources: Long
    health_resources: Long
    personal_resources: Long
    wishes: Long
    health_situation: Long
    benefit_history: Long
    earlier_efforts: Long
    gp_basis: GpBasis
    gp_document_id: Id | None = None
    existing_evidence: Long = ""
    citizen_accepted_on: date | None = None
    reason: text_max(300) = ""


class DepartureOut(Schema):
    departed_on: date
    reason: str
    author: UserRef


class RecommendationOut(Schema):
    id: int
    kind: str
    presented_for: str = Field(
        description="The measure the case was presented for (the decision it is for); "
        "empty for recommendations recorded before it was asked"
    )
    against_presented_measure: bool = Field(
        description="The team recommends another measure than the one the case was presented for"
    )
    reasons: str
    legal_test: str = Field(description="The legal test the recommendation states")
    factors: str
    goal: str
    measures: str
    order_of_measures: str
    follow_up: str
    mentor: str
    wants_case_back: bool
    development_perspective: bool
    why_clarified: str
    flex_job_types: str
    special_needs: str
    very_few_hours: bool
    development_within_reasonable_time: str
    professional_reasons: str
    postponement_reason: str
    departure: DepartureOut | None = None

    @staticmethod
    def resolve_departure(obj):
        return getattr(obj, "departure", None)


class RehabPresentationOut(Schema):
    item_id: int
    meeting_id: int
    team: str
    held_on: date
    reason: str
    citizen_present: bool
    caseworker_present: bool
    recommendation: RecommendationOut | None


class RehabTeamOut(Schema):
    must_present_again: bool = Field(description="The municipality departed from a recommendation (§ 11, stk. 2)")
    presentations: list[RehabPresentationOut]


class ReferralIn(In):
    meeting_id: Id
    reason: AgendaReason | None = None


class DepartureIn(In):
    departed_on: date
    reason: Long


class RecommendationIn(In):
    kind: RecommendationKind
    presented_for: Measure = Field(description="The measure the case was presented for: the decision it is for")
    reasons: Long = Field(description="The team's reasons; required for every kind")
    legal_test: Long = Field("", description="The legal test it states; required for not_clarified")
    factors: Long = ""
    goal: Long = ""
    measures: Long = ""
    order_of_measures: Long = ""
    follow_up: Long = ""
    mentor: Long = ""
    wants_case_back: bool = False
    development_perspective: bool = False
    why_clarified: Long = ""
    flex_job_types: Long = ""
    special_needs: Long = ""
    very_few_hours: bool = False
    development_within_reasonable_time: Long = ""
    professional_reasons: Long = ""
    postponement_reason: Long = ""


class PensionTransferIn(In):
    transferred_on: date
    citizen_told_on: date | None = None
    on_existing_evidence: bool = False
    senior: bool = False
    long_attachment: bool = False
    without_team: bool = False
    futile_health_alone: bool = False
    futile_unambiguous: bool = False
    futile_not_contradictory: bool = False
    futile_documented: bool = False
    note: Long = ""


class PensionTransferOut(Schema):
    transferred_on: date
    citizen_told_on: date | None
    on_existing_evidence: bool
    senior: bool
    long_attachment: bool
    without_team: bool
    note: str


class CourseIn(In):
    start_on: date
    end_on: date
    coordinating_caseworker_id: Id
    kind: CourseKind = Field(CourseKind.NEW, description="new, or extension of a course of the case")
    extends_id: Id | None = Field(None, description="The course it extends; required for an extension")
    rehab_plan_id: Id | None = Field(None, description="Its preparatory part: a rehabilitation plan version's id")
    presentation_id: Id | None = Field(None, description="Its presentation to the team: the agenda item's id")


class CourseOut(Schema):
    id: int
    kind: str
    extends_id: int | None
    rehab_plan_id: int | None
    presentation_id: int | None
    start_on: date
    end_on: date
    coordinating_caseworker: UserRef
    action_part: str
    action_part_written_on: date | None
    ended_on: date | None
    outcome: str
    still_in_target_group: bool
    version: int


class ActionPartIn(In):
    version: int = Field(ge=1, le=MAX_ID, description="The version you read; a stale one gives 409.")
    action_part: Long
    written_on: date


class CourseFollowUpIn(In):
    held_on: date
    note: Long
    with_citizen: bool = True


class CourseFollowUpOut(Schema):
    id: int
    held_on: date
    with_citizen: bool
    note: str
    author: UserRef
    created_at: datetime


class ClarificationIn(In):
    start_on: date
    coordinating_caseworker_id: Id
    plan: Long


class ClarificationOut(Schema):
    id: int
    start_on: date
    coordinating_caseworker: UserRef
    plan: str
    ended_on: date | None
    outcome: str
    version: int


class ClarificationEndIn(In):
    version: int = Field(ge=1, le=MAX_ID, description="The version you read; a stale one gives 409.")
    ended_on: date
    outcome: ClarificationOutcome


class FlexJobIn(In):
    employer: text_max(200)
    start_on: date
    hours_per_week: Decimal = Field(gt=0, le=37, max_digits=4, decimal_places=1)
    accommodation: Long


class FlexJobEndOut(Schema):
    ended_on: date
    reason: str
    note: str
    author: UserRef
    created_at: datetime


class FlexJobOut(Schema):
    id: int
    employer: str
    start_on: date
    hours_per_week: Decimal
    accommodation: str
    end: FlexJobEndOut | None = Field(None, description="The end of the job; null while it runs")

    @staticmethod
    def resolve_end(obj):
        return getattr(obj, "end", None)


class FlexJobEndIn(In):
    ended_on: date
    reason: FlexJobEndReason
    note: Long = ""


class PeriodIn(In):
    start_on: date
    end_on: date | None = None


class PeriodOut(Schema):
    id: int
    start_on: date
    end_on: date | None = Field(description="The end given with the period or recorded later; null while it runs")

    @staticmethod
    def resolve_end_on(obj):
        return obj.effective_end_on


class PeriodEndIn(In):
    ended_on: date


class VisitationIn(In):
    visited_on: date
    permanently_reduced: bool
    measures_tried: bool
    futile_reason: Long = ""
    work_functions: Long
    hours_per_week: Decimal = Field(gt=0, le=37, max_digits=4, decimal_places=1)
    very_few_hours: bool = False
    development_plan: Long = ""


class VisitationOut(Schema):
    visited_on: date
    permanently_reduced: bool
    measures_tried: bool
    work_functions: str
    hours_per_week: Decimal
    very_few_hours: bool


class AgendaItemOut(Schema):
    item_id: int
    case_id: int
    case_number: str
    reason: str
    citizen_present: bool
    caseworker_present: bool
    recommendation_kind: str | None


class MeetingOut(Schema):
    id: int
    team: str
    held_on: date
    minutes: str
    version: int
    agenda: list[AgendaItemOut]


class MeetingIn(In):
    held_on: date


class MinutesIn(In):
    version: int = Field(ge=1, le=MAX_ID, description="The version you read; a stale one gives 409.")
    minutes: Long


class AttendanceIn(In):
    version: int = Field(ge=1, le=MAX_ID, description="The version you read; a stale one gives 409.")
    citizen_present: bool
    caseworker_present: bool


class CourseEndIn(In):
    version: int = Field(ge=1, le=MAX_ID, description="The version you read; a stale one gives 409.")
    ended_on: date
    outcome: CourseOutcome
    still_in_target_group: bool = False


# --- helpers ----------------------------------------------------------------------------------------------


def _case(request, case_id: int, *, write: bool = False):
    return access_case(user=request.auth, case_id=case_id, what=AccessAction.CASE, channel=API, write=write)


def _presentation(item) -> dict:
    return {
        "item_id": item.pk, "meeting_id": item.meeting_id, "team": item.meeting.team.name,
        "held_on": item.meeting.held_on, "reason": item.reason, "citizen_present": item.citizen_present,
        "caseworker_present": item.caseworker_present, "recommendation": item.rec,
    }  # fmt: skip


# --- operations on a case -----------------------------------------------------------------------------------


@router.get("/{case_id}/rehab-plans", response={200: list[RehabPlanOut], **errors(404)},
            summary="Rehabilitation plan, preparatory part: every version")  # fmt: skip
def list_rehab_plans(request: HttpRequest, case_id: int = CaseId):
    """Newest first. Each version names the resource-profile element versions it rests on."""
    return selectors.rehab_plans(_case(request, case_id))


@router.post("/{case_id}/rehab-plans", response={201: RehabPlanOut, **errors(400, 403, 404, 409)},
             summary="Save a version of the preparatory part")  # fmt: skip
def save_rehab_plan(request: HttpRequest, payload: RehabPlanIn, case_id: int = CaseId):
    """All content parts are required; the GP's assessment is an LÆ 265 of the case (`gp_document_id`) or, for an
    application on the existing evidence, `existing_evidence`. A stale `base_version` gives 409."""
    case = _case(request, case_id, write=True)
    plan = services.rehab_plan_save(actor=request.auth, case=case, **payload.model_dump())
    return Status(201, plan)


@router.get("/{case_id}/rehab-team", response={200: RehabTeamOut, **errors(404)},
            summary="The case's presentations to the rehabilitation team")  # fmt: skip
def get_rehab_team(request: HttpRequest, case_id: int = CaseId):
    case = _case(request, case_id)
    return {
        "must_present_again": selectors.pending_rereferral(case) is not None,
        "presentations": [_presentation(i) for i in selectors.case_agenda(case)],
    }


@router.post("/{case_id}/rehab-team/referrals", response={201: RehabPresentationOut, **errors(400, 403, 404)},
             summary="Put the case on a team meeting")  # fmt: skip
def refer_case(request: HttpRequest, payload: ReferralIn, case_id: int = CaseId):
    case = _case(request, case_id, write=True)
    try:
        meeting = access_meeting(user=request.auth, meeting_id=payload.meeting_id, channel=API)
    except NotFound:
        raise DomainError(_("Unknown meeting."), field="meeting_id") from None
    item = services.agenda_add(actor=request.auth, meeting=meeting, case=case, reason=payload.reason or "")
    item.rec = None
    return Status(201, _presentation(item))


@router.post("/{case_id}/rehab-team/recommendations/{recommendation_id}/departure",
             response={201: DepartureOut, **errors(400, 403, 404)},
             summary="Record that the municipality departs from the team's recommendation")  # fmt: skip
def depart(request: HttpRequest, payload: DepartureIn, case_id: int = CaseId,
           recommendation_id: int = Path(..., ge=1, le=MAX_ID)):  # fmt: skip
    """The case must then be presented to the team again before the decision (lov om organisering § 11, stk. 2);
    the legal check reform.rehab_team_rereferral blocks the decision until it has been."""
    case = _case(request, case_id, write=True)
    rec = Recommendation.objects.filter(case=case, pk=recommendation_id).select_related("item__meeting").first()
    if rec is None:
        raise NotFound
    departure = services.departure_record(actor=request.auth, recommendation=rec, **payload.model_dump())
    return Status(201, departure)


@router.post("/{case_id}/pension-transfer", response={201: PensionTransferOut, **errors(400, 403, 404)},
             summary="Record the transfer to pension treatment")  # fmt: skip
def transfer(request: HttpRequest, payload: PensionTransferIn, case_id: int = CaseId):
    """The 3-month decision deadline runs from `transferred_on` (pension act §§ 18, stk. 1 and 21)."""
    case = _case(request, case_id, write=True)
    return Status(201, services.pension_transfer_record(actor=request.auth, case=case, **payload.model_dump()))


@router.post("/{case_id}/resource-courses", response={201: CourseOut, **errors(400, 403, 404)},
             summary="Record a granted ressourceforløb (1-5 years)")  # fmt: skip
def grant_course(request: HttpRequest, payload: CourseIn, case_id: int = CaseId):
    case = _case(request, case_id, write=True)
    worker = User.objects.filter(pk=payload.coordinating_caseworker_id).first()
    if worker is None:
        raise DomainError(_("Unknown caseworker."), field="coordinating_caseworker_id")
    course = services.course_grant(
        actor=request.auth, case=case, start_on=payload.start_on, end_on=payload.end_on,
        coordinating_caseworker=worker, kind=payload.kind, extends_id=payload.extends_id,
        rehab_plan_id=payload.rehab_plan_id, presentation_id=payload.presentation_id,
    )  # fmt: skip
    return Status(201, course)


@router.post("/{case_id}/resource-courses/{course_id}/end", response={200: CourseOut, **errors(400, 403, 404, 409)},
             summary="End a ressourceforløb and record what follows")  # fmt: skip
def end_course(request: HttpRequest, payload: CourseEndIn, case_id: int = CaseId,
               course_id: int = Path(..., ge=1, le=MAX_ID)):  # fmt: skip
    """When the citizen is still in the target group a new course must follow (42-17): the legal check flags it."""
    case = _case(request, case_id, write=True)
    course = case.resource_courses.filter(pk=course_id).first()
    if course is None:
        raise NotFound
    values = payload.model_dump()
    return services.course_end(actor=request.auth, course=course, expected_version=values.pop("version"), **values)


@router.get("/{case_id}/resource-courses", response={200: list[CourseOut], **errors(404)},
            summary="The case's ressourceforløb")  # fmt: skip
def list_courses(request: HttpRequest, case_id: int = CaseId):
    """Newest first, with the action part (indsatsdel) and the end."""
    return selectors.resource_courses(_case(request, case_id))


def _course(case, course_id: int):
    course = case.resource_courses.filter(pk=course_id).first()
    if course is None:
        raise NotFound
    return course


@router.put("/{case_id}/resource-courses/{course_id}/action-part",
            response={200: CourseOut, **errors(400, 403, 404, 409)},
            summary="Write the action part (indsatsdel) of a granted ressourceforløb")  # fmt: skip
def write_action_part(request: HttpRequest, payload: ActionPartIn, case_id: int = CaseId,
                      course_id: int = Path(..., ge=1, le=MAX_ID)):  # fmt: skip
    """The action part exists only for a granted course (it is a part of the course record). `version` is the
    course's; a stale one gives 409."""
    course = _course(_case(request, case_id, write=True), course_id)
    values = payload.model_dump()
    return services.course_action_part_write(actor=request.auth, course=course,
                                             expected_version=values.pop("version"), **values)  # fmt: skip


@router.get("/{case_id}/resource-courses/{course_id}/follow-ups",
            response={200: list[CourseFollowUpOut], **errors(404)},
            summary="The follow-up meetings of a ressourceforløb")  # fmt: skip
def list_course_follow_ups(request: HttpRequest, case_id: int = CaseId, course_id: int = Path(..., ge=1, le=MAX_ID)):
    """Oldest first."""
    return selectors.course_follow_ups(_course(_case(request, case_id), course_id))


@router.post("/{case_id}/resource-courses/{course_id}/follow-ups",
             response={201: CourseFollowUpOut, **errors(400, 403, 404)},
             summary="Record a follow-up meeting in a ressourceforløb")  # fmt: skip
def record_course_follow_up(request: HttpRequest, payload: CourseFollowUpIn, case_id: int = CaseId,
                            course_id: int = Path(..., ge=1, le=MAX_ID)):  # fmt: skip
    """Append-only. Not before the course began, not in the future; `note` says what was followed up."""
    course = _course(_case(request, case_id, write=True), course_id)
    return Status(201, services.course_follow_up_record(actor=request.auth, course=course, **payload.model_dump()))


def _coordinator(payload) -> User:
    worker = User.objects.filter(pk=payload.coordinating_caseworker_id).first()
    if worker is None:
        raise DomainError(_("Unknown caseworker."), field="coordinating_caseworker_id")
    return worker


@router.get("/{case_id}/job-clarification-courses", response={200: list[ClarificationOut], **errors(404)},
            summary="The case's jobafklaringsforløb")  # fmt: skip
def list_clarifications(request: HttpRequest, case_id: int = CaseId):
    """Newest first."""
    return selectors.clarification_courses(_case(request, case_id))


@router.post("/{case_id}/job-clarification-courses", response={201: ClarificationOut, **errors(400, 403, 404)},
             summary="Start a jobafklaringsforløb")  # fmt: skip
def start_clarification(request: HttpRequest, payload: ClarificationIn, case_id: int = CaseId):
    """With its own plan and a coordinating caseworker of the municipality."""
    case = _case(request, case_id, write=True)
    worker = _coordinator(payload)
    try:
        course = services.clarification_start(actor=request.auth, case=case, start_on=payload.start_on,
                                              coordinating_caseworker=worker, plan=payload.plan)  # fmt: skip
    except DomainError as exc:
        if exc.field == "coordinating_caseworker":
            exc.field = "coordinating_caseworker_id"
        raise
    return Status(201, course)


@router.post("/{case_id}/job-clarification-courses/{course_id}/end",
             response={200: ClarificationOut, **errors(400, 403, 404, 409)},
             summary="End a jobafklaringsforløb and record what follows")  # fmt: skip
def end_clarification(request: HttpRequest, payload: ClarificationEndIn, case_id: int = CaseId,
                      course_id: int = Path(..., ge=1, le=MAX_ID)):  # fmt: skip
    case = _case(request, case_id, write=True)
    course = case.job_clarification_courses.filter(pk=course_id).first()
    if course is None:
        raise NotFound
    return services.clarification_end(actor=request.auth, course=course, expected_version=payload.version,
                                      ended_on=payload.ended_on, outcome=payload.outcome)  # fmt: skip


@router.get("/{case_id}/fleksjob-visitations", response={200: list[VisitationOut], **errors(404)},
            summary="The case's fleksjob visitations")  # fmt: skip
def list_visitations(request: HttpRequest, case_id: int = CaseId):
    """Newest first."""
    return selectors.visitations(_case(request, case_id))


@router.get("/{case_id}/flex-jobs", response={200: list[FlexJobOut], **errors(404)},
            summary="The citizen's flex jobs in this case")  # fmt: skip
def list_flex_jobs(request: HttpRequest, case_id: int = CaseId):
    """Newest first, each with its `end` (null while the job runs)."""
    return selectors.flex_jobs(_case(request, case_id))


@router.post("/{case_id}/flex-jobs", response={201: FlexJobOut, **errors(400, 403, 404)},
             summary="Record a flex job")  # fmt: skip
def record_flex_job(request: HttpRequest, payload: FlexJobIn, case_id: int = CaseId):
    case = _case(request, case_id, write=True)
    return Status(201, services.flex_job_record(actor=request.auth, case=case, **payload.model_dump()))


@router.post("/{case_id}/flex-jobs/{job_id}/end", response={201: FlexJobEndOut, **errors(400, 403, 404)},
             summary="Record the end of a flex job")  # fmt: skip
def end_flex_job(request: HttpRequest, payload: FlexJobEndIn, case_id: int = CaseId,
                 job_id: int = Path(..., ge=1, le=MAX_ID)):  # fmt: skip
    """Once per job (append-only): a second end is a 400 on `ended_on`. `note` is required for reason `other`."""
    case = _case(request, case_id, write=True)
    job = case.flex_jobs.filter(pk=job_id).first()
    if job is None:
        raise NotFound
    return Status(201, services.flex_job_end(actor=request.auth, job=job, **payload.model_dump()))


@router.get("/{case_id}/ledighedsydelse-periods", response={200: list[PeriodOut], **errors(404)},
            summary="The case's ledighedsydelse periods")  # fmt: skip
def list_periods(request: HttpRequest, case_id: int = CaseId):
    """Newest first; `end_on` is null while the period runs."""
    return selectors.ledighedsydelse_periods(_case(request, case_id))


@router.post("/{case_id}/ledighedsydelse-periods", response={201: PeriodOut, **errors(400, 403, 404)},
             summary="Record a ledighedsydelse period")  # fmt: skip
def record_period(request: HttpRequest, payload: PeriodIn, case_id: int = CaseId):
    case = _case(request, case_id, write=True)
    return Status(201, services.ledighedsydelse_record(actor=request.auth, case=case, **payload.model_dump()))


@router.post("/{case_id}/ledighedsydelse-periods/{period_id}/end", response={200: PeriodOut, **errors(400, 403, 404)},
             summary="End a running ledighedsydelse period")  # fmt: skip
def end_period(request: HttpRequest, payload: PeriodEndIn, case_id: int = CaseId,
               period_id: int = Path(..., ge=1, le=MAX_ID)):  # fmt: skip
    """Once; a period recorded with its end cannot be ended again (400 on `ended_on`)."""
    case = _case(request, case_id, write=True)
    period = case.ledighedsydelse_periods.filter(pk=period_id).first()
    if period is None:
        raise NotFound
    services.ledighedsydelse_end(actor=request.auth, period=period, ended_on=payload.ended_on)
    return case.ledighedsydelse_periods.select_related("end").get(pk=period.pk)


@router.post("/{case_id}/fleksjob-visitations", response={201: VisitationOut, **errors(400, 403, 404)},
             summary="Record a fleksjob visitation")  # fmt: skip
def visit(request: HttpRequest, payload: VisitationIn, case_id: int = CaseId):
    case = _case(request, case_id, write=True)
    return Status(201, services.visitation_record(actor=request.auth, case=case, **payload.model_dump()))


# --- the team's meeting -------------------------------------------------------------------------------------


@meetings_router.get("/meetings/{meeting_id}", response={200: MeetingOut, **errors(404)},
                     summary="A rehabilitation team meeting with its agenda")  # fmt: skip
def get_meeting(request: HttpRequest, meeting_id: int = Path(..., ge=1, le=MAX_ID)):
    meeting = access_meeting(user=request.auth, meeting_id=meeting_id, channel=API)
    return {
        "id": meeting.pk, "team": meeting.team.name, "held_on": meeting.held_on, "minutes": meeting.minutes,
        "version": meeting.version,
        "agenda": [{"item_id": i.pk, "case_id": i.case_id, "case_number": i.case.number, "reason": i.reason,
                    "citizen_present": i.citizen_present, "caseworker_present": i.caseworker_present,
                    "recommendation_kind": i.rec.kind if i.rec else None} for i in selectors.meeting_items(meeting)],
    }  # fmt: skip


@meetings_router.post("/teams/{team_id}/meetings", response={201: MeetingOut, **errors(400, 403, 404)},
                      summary="Create a meeting of the rehabilitation team")  # fmt: skip
def create_meeting(request: HttpRequest, payload: MeetingIn, team_id: int = Path(..., ge=1, le=MAX_ID)):
    team = access_team(user=request.auth, team_id=team_id, write=True)
    meeting = services.meeting_create(actor=request.auth, team=team, held_on=payload.held_on)
    return Status(201, {"id": meeting.pk, "team": team.name, "held_on": meeting.held_on, "minutes": "",
                        "version": meeting.version, "agenda": []})  # fmt: skip


@meetings_router.put("/meetings/{meeting_id}/minutes", response={200: MeetingOut, **errors(400, 403, 404, 409)},
                     summary="Save the meeting's minutes")  # fmt: skip
def save_minutes(request: HttpRequest, payload: MinutesIn, meeting_id: int = Path(..., ge=1, le=MAX_ID)):
    meeting = access_meeting(user=request.auth, meeting_id=meeting_id, write=True, channel=API)
    services.meeting_minutes_save(actor=request.auth, meeting=meeting, expected_version=payload.version,
                                  minutes=payload.minutes)  # fmt: skip
    return get_meeting(request, meeting_id)


@meetings_router.post("/meetings/{meeting_id}/items/{item_id}/attendance",
                      response={200: AgendaItemOut, **errors(400, 403, 404, 409)},
                      summary="Record who attended for a case on the agenda")  # fmt: skip
def attendance(request: HttpRequest, payload: AttendanceIn, meeting_id: int = Path(..., ge=1, le=MAX_ID),
               item_id: int = Path(..., ge=1, le=MAX_ID)):  # fmt: skip
    meeting = access_meeting(user=request.auth, meeting_id=meeting_id, write=True, channel=API)
    item = meeting.items.filter(pk=item_id).select_related("case", "meeting").first()
    if item is None:
        raise NotFound
    item = services.attendance_record(actor=request.auth, item=item, expected_version=payload.version,
                                      citizen_present=payload.citizen_present,
                                      caseworker_present=payload.caseworker_present)  # fmt: skip
    rec = Recommendation.objects.filter(item=item).first()
    return {"item_id": item.pk, "case_id": item.case_id, "case_number": item.case.number, "reason": item.reason,
            "citizen_present": item.citizen_present, "caseworker_present": item.caseworker_present,
            "recommendation_kind": rec.kind if rec else None}  # fmt: skip


@meetings_router.post("/meetings/{meeting_id}/items/{item_id}/recommendation",
                      response={201: RecommendationOut, **errors(400, 403, 404)},
                      summary="Record the team's recommendation for a case on the agenda")  # fmt: skip
def recommend(request: HttpRequest, payload: RecommendationIn, meeting_id: int = Path(..., ge=1, le=MAX_ID),
              item_id: int = Path(..., ge=1, le=MAX_ID)):  # fmt: skip
    """The content the law requires for the kind (bek. 996/2016 §§ 8–10); a postponement needs its reason."""
    meeting = access_meeting(user=request.auth, meeting_id=meeting_id, write=True, channel=API)
    item = meeting.items.filter(pk=item_id).select_related("case").first()
    if item is None:
        raise NotFound
    return Status(201, services.recommendation_record(actor=request.auth, item=item, **payload.model_dump()))
