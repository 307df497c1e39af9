"""Decisions, the hearing, issuing, complaints, file access, delay notices and written reasons, through the same
services as the web pages (evne.decisions.services). Thin views: parse → access_case() (the one gate, logging the
access with channel "api") → one service or selector → render. Registered in api.py under /cases.
"""

from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from ninja import Path, Router, Schema, Status
from pydantic import Field

from evne.accounts.access import access_case
from evne.accounts.models import AccessAction, AccessChannel
from evne.decisions import selectors, services
from evne.decisions.models import (
    AppealOutcome,
    ApplicationChannel,
    ApplicationKind,
    Channel,
    EvidenceStance,
    HearingAnswer,
    Measure,
    OutcomeKind,
    Reconsideration,
)
from evne.errors import NotFound

from .profile_schemas import MAX_NUMBER, choice_label
from .schemas import MAX_ID, Id, In, Version, errors, text_max

router = Router(tags=["decisions"])
API = AccessChannel.API
CaseId = Path(..., ge=1, le=MAX_ID, description="The case's id")
Number = Path(..., ge=1, le=MAX_NUMBER, description="The decision's number in the case")
ItemId = Path(..., ge=1, le=MAX_ID, description="The record's id")
LongText = text_max(services.TEXT_MAX)


# --- shapes ---------------------------------------------------------------------------------------------


class FactIO(Schema):
    text: text_max(2_000)
    source: text_max(40) = Field("", description="document:<id>, note:<id> or version:<id> of this case")


class EvidenceWeighingIO(In):
    """How the draft's reasons stand to one received document of the case."""

    document_id: Id
    stance: EvidenceStance = Field(
        description="relied_on: the reasons rely on it; points_another_way: it does not support the decision"
    )
    dealt_with: bool = Field(False, description="For a document pointing another way: the reasons deal with it")
    note: text_max(services.NOTE_MAX) = Field("", description="Where and how; required when dealt_with is true")


class ApplicationWithdrawalOut(Schema):
    withdrawn_on: date
    guidance: str = Field(description="The guidance given to the citizen before withdrawing")
    created_at: datetime


class ApplicationOut(Schema):
    id: int
    kind: str
    kind_label: str
    other_text: str
    applied_on: date
    channel: str
    note: str
    withdrawal: ApplicationWithdrawalOut | None = Field(None, description="null unless withdrawn")
    decision_numbers: list[int] = Field(description="The decisions answering it (a refusal to start a case too)")
    created_at: datetime

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return choice_label(ApplicationKind, obj.kind)

    @staticmethod
    def resolve_withdrawal(obj):
        return obj.withdrawal_or_none

    @staticmethod
    def resolve_decision_numbers(obj) -> list[int]:
        return sorted(d.number for d in obj.decisions.all())


class ApplicationIn(In):
    kind: ApplicationKind
    other_text: text_max(200) = Field("", description="What was applied for; required for kind other")
    applied_on: date
    channel: ApplicationChannel
    note: LongText = ""


class ApplicationWithdrawalIn(In):
    withdrawn_on: date
    guidance: LongText = Field(description="The guidance given before the citizen withdrew; required")


class HearingOut(Schema):
    id: int
    sent_on: date
    response_due_on: date
    package: list[dict[str, Any]] = Field(description="The profile versions and documents sent")
    unfavourable_facts: str
    letter_id: int | None
    answer: str
    answered_on: date | None
    answer_summary: str
    answer_form: str
    version: int


class DecisionOut(Schema):
    number: int
    status: str
    outcome: str
    outcome_label: str
    decision_type: str = Field(description="The readiness type (checks.case.DECISION_TYPES) it is checked as")
    subject: str = Field(description="The measure the decision concerns (a refusal of a fleksjob: fleksjob)")
    subject_label: str
    application_id: int | None = Field(description="The application it answers")
    applied_for: str
    fully_grants: bool
    appealable: bool
    decision_text: str
    reasons: str
    considerations: str
    facts: list[FactIO]
    legal_basis: str
    answer_dealt_with: str
    profile_version_ids: list[int]
    assessment_id: int | None
    document_ids: list[int]
    evidence_weighing: list[EvidenceWeighingIO] = Field(
        description="Per received document: do the reasons rely on it, or does it point another way"
    )
    revision_on: date | None = Field(description="A pension granted with a revision condition is taken up again then")
    revision_reason: str
    decided_on: date | None
    override_reason: str
    guidance_version: str
    guidance_text: str
    letter_id: int | None
    explanation: dict[str, Any] = Field(description="The rules explanation it was issued under (empty for a draft)")
    hearings: list[HearingOut]
    warnings: list[str] = Field(description="Reasons warnings (X7), for a draft")
    blocking: list[str] = Field(description="Blocking rule ids for this decision type today, for a draft")
    created_at: datetime
    version: int

    @staticmethod
    def resolve_outcome_label(obj) -> str:
        return choice_label(OutcomeKind, obj.outcome)

    @staticmethod
    def resolve_subject(obj) -> str:
        return selectors.decision_subject(obj)

    @staticmethod
    def resolve_subject_label(obj) -> str:
        return choice_label(Measure, selectors.decision_subject(obj))

    @staticmethod
    def resolve_hearings(obj) -> list:
        return list(obj.hearings.order_by("sent_on", "id"))

    @staticmethod
    def resolve_warnings(obj) -> list[str]:
        return [] if obj.issued else selectors.reasons_warnings(obj)

    @staticmethod
    def resolve_blocking(obj) -> list[str]:
        from django.utils import timezone

        return [] if obj.issued else [r.rule.id for r in selectors.review(obj, on=timezone.localdate()).blocking]


class ComplaintOut(Schema):
    id: int
    decision_number: int
    received_on: date
    channel: str
    summary: str
    reconsideration: str
    reconsidered_on: date | None
    reconsideration_reasons: str
    reconsideration_letter_id: int | None
    forwarded_on: date | None
    appeal_body: str
    appeal_outcome: str
    appeal_decided_on: date | None
    appeal_note: str
    version: int

    @staticmethod
    def resolve_decision_number(obj) -> int:
        return obj.decision.number


class FileAccessOut(Schema):
    id: int
    requested_on: date
    channel: str
    scope: str
    due_on: date
    handed_out_on: date | None
    handed_out: list[dict[str, Any]]
    bundle_id: int | None
    version: int


class DelayNoticeOut(Schema):
    id: int
    sent_on: date
    expected_on: date
    reason: str
    letter_id: int | None
    created_at: datetime


class ReasonsRequestOut(Schema):
    id: int
    decision_notified_on: date
    decision_summary: str
    requested_on: date
    due_on: date = Field(description="When the written reasons are due (deadlines.reasons_request_days)")
    answered_on: date | None
    letter_id: int | None
    version: int

    @staticmethod
    def resolve_due_on(obj) -> date:
        from datetime import timedelta

        from evne.rules.parameters import param

        return obj.requested_on + timedelta(days=param("deadlines.reasons_request_days", obj.requested_on))


class DraftIn(In):
    outcome: OutcomeKind
    applied_for: LongText
    fully_grants: bool = False
    appealable: bool = True
    decision_text: LongText = ""
    reasons: LongText = ""
    considerations: LongText = ""
    facts: list[FactIO] = Field([], max_length=services.FACTS_MAX)
    legal_basis: LongText = ""
    answer_dealt_with: LongText = ""
    document_ids: list[Id] = Field([], max_length=1000)
    assessment_id: Id | None = None
    subject: Measure | None = Field(None, description="Default: from the outcome, or the application it answers")
    application_id: Id | None = Field(None, description="The application of the case it answers")
    evidence_weighing: list[EvidenceWeighingIO] = Field([], max_length=1000)
    revision_on: date | None = Field(None, description="Only a pension grant, exceptionally: taken up again then")
    revision_reason: LongText = ""


class DraftChangeIn(In):
    """Only the fields sent are changed."""

    version: Version
    outcome: OutcomeKind | None = None
    applied_for: LongText | None = None
    fully_grants: bool | None = None
    appealable: bool | None = None
    decision_text: LongText | None = None
    reasons: LongText | None = None
    considerations: LongText | None = None
    facts: list[FactIO] | None = Field(None, max_length=services.FACTS_MAX)
    legal_basis: LongText | None = None
    answer_dealt_with: LongText | None = None
    document_ids: list[Id] | None = Field(None, max_length=1000)
    assessment_id: Id | None = None
    subject: Measure | None = None
    application_id: Id | None = Field(None, description="null unlinks the application")
    evidence_weighing: list[EvidenceWeighingIO] | None = Field(None, max_length=1000)
    revision_on: date | None = None
    revision_reason: LongText | None = None


class HearingIn(In):
    version: Version
    sent_on: date
    unfavourable_facts: LongText
    response_due_on: date | None = Field(None, description="Default: the dated parameter hearing_response_days")
    document_ids: list[Id] = Field([], max_length=1000)


class HearingAnswerIn(In):
    version: Version
    answer: HearingAnswer
    answered_on: date | None = None
    summary: LongText = ""
    form: Channel | None = None


class IssueIn(In):
    version: Version
    override_reason: LongText = Field("", description="Required when a blocking rule fails for this decision type")


class ComplaintIn(In):
    received_on: date
    channel: Channel = Field(description="oral or written: no form is required")
    summary: LongText


class ReconsiderIn(In):
    version: Version
    outcome: Reconsideration
    reconsidered_on: date
    reasons: LongText


class ForwardIn(In):
    version: Version
    forwarded_on: date


class AppealOutcomeIn(In):
    version: Version
    outcome: AppealOutcome
    decided_on: date
    note: LongText = ""


class FileAccessIn(In):
    requested_on: date
    channel: Channel
    scope: LongText = ""


class DelayNoticeIn(In):
    sent_on: date
    expected_on: date = Field(description="When a decision can be expected; after sent_on")
    reason: LongText


class ReasonsRequestIn(In):
    decision_notified_on: date = Field(description="The day the oral decision was given")
    decision_summary: LongText
    requested_on: date = Field(description="Within deadlines.reasons_request_days (14) of the oral decision")


class ReasonsAnswerIn(In):
    version: Version
    answered_on: date
    reasons: LongText
    legal_basis: LongText


class HandOutRow(In):
    document_id: Id
    internal: bool = False
    unique_facts: bool = False


class ExemptionRow(In):
    item: str = Field(max_length=60, description="The record: '<kind>:<id>', e.g. 'note:12', 'order:3'")
    reason: str = Field("", max_length=20, description="internal, special, citizen, private, public; empty: handed out")
    note: LongText = Field("", description="Why (the citizen reads it); required for citizen, private and public")
    unique_facts: bool = False


class HandOutIn(In):
    version: Version
    handed_out_on: date
    documents: list[HandOutRow] = Field([], max_length=5000, description="Marks per document; others are included")
    exemptions: list[ExemptionRow] = Field([], max_length=5000, description="Records not handed out, with the ground")
    parts: list[str] = Field([], max_length=30, description="A specified request's parts; empty: the whole file")
    period_from: date | None = None
    period_to: date | None = None


# --- operations -----------------------------------------------------------------------------------------


def _case(request, case_id: int, *, write: bool = False):
    return access_case(user=request.auth, case_id=case_id, what=AccessAction.CASE, channel=API, write=write)


def _decision(case, number: int):
    decision = selectors.decision_by_number(case, number)
    if decision is None:
        raise NotFound
    return decision


def _complaint(case, complaint_id: int):
    complaint = selectors.complaint_by_id(case, complaint_id)
    if complaint is None:
        raise NotFound
    return complaint


@router.get("/{case_id}/applications", response={200: list[ApplicationOut], **errors(404)}, summary="Applications")
def list_applications(request: HttpRequest, case_id: int = CaseId):
    """What the citizen applied for, newest first, each with its withdrawal and the decisions answering it."""
    return selectors.applications_for(_case(request, case_id))


@router.post("/{case_id}/applications", response={201: ApplicationOut, **errors(400, 403, 404)},
             summary="Record an application")  # fmt: skip
def add_application(request: HttpRequest, payload: ApplicationIn, case_id: int = CaseId):
    case = _case(request, case_id, write=True)
    application = services.application_record(actor=request.auth, case=case, **payload.model_dump())
    return Status(201, selectors.application_by_id(case, application.pk))


@router.post("/{case_id}/applications/{application_id}/withdrawal",
             response={201: ApplicationOut, **errors(400, 403, 404)},
             summary="Record that the citizen withdrew the application")  # fmt: skip
def withdraw_application(request: HttpRequest, payload: ApplicationWithdrawalIn, case_id: int = CaseId,
                         application_id: int = ItemId):  # fmt: skip
    """Once (append-only), with the guidance given before withdrawing; refused once a decision has answered it."""
    case = _case(request, case_id, write=True)
    application = selectors.application_by_id(case, application_id)
    if application is None:
        raise NotFound
    services.application_withdraw(actor=request.auth, application=application, **payload.model_dump())
    return Status(201, selectors.application_by_id(case, application_id))


@router.get("/{case_id}/decisions", response={200: list[DecisionOut], **errors(404)}, summary="Decisions")
def list_decisions(request: HttpRequest, case_id: int = CaseId):
    """Every decision of the case, drafts and issued, newest first."""
    return selectors.decisions_for(_case(request, case_id))


@router.get("/{case_id}/decisions/{number}", response={200: DecisionOut, **errors(404)}, summary="One decision")
def get_decision(request: HttpRequest, case_id: int = CaseId, number: int = Number):
    return _decision(_case(request, case_id), number)


@router.post("/{case_id}/decisions", response={201: DecisionOut, **errors(400, 403, 404, 409)},
             summary="Draft a decision")  # fmt: skip
def create_decision(request: HttpRequest, payload: DraftIn, case_id: int = CaseId):
    case = _case(request, case_id, write=True)
    return Status(201, services.decision_draft(actor=request.auth, case=case, **payload.model_dump()))


@router.patch("/{case_id}/decisions/{number}", response={200: DecisionOut, **errors(400, 403, 404, 409)},
              summary="Change a draft (the reasons editor)")  # fmt: skip
def change_decision(request: HttpRequest, payload: DraftChangeIn, case_id: int = CaseId, number: int = Number):
    case = _case(request, case_id, write=True)
    values = payload.model_dump(exclude_unset=True)
    version = values.pop("version")
    return services.decision_revise(actor=request.auth, decision=_decision(case, number), expected_version=version,
                                    **values)  # fmt: skip


@router.post("/{case_id}/decisions/{number}/hearing", response={201: HearingOut, **errors(400, 403, 404, 409)},
             summary="Send the hearing letter")  # fmt: skip
def send_hearing(request: HttpRequest, payload: HearingIn, case_id: int = CaseId, number: int = Number):
    """The package: the whole resource profile, every specialist statement, and the documents named (X5)."""
    case = _case(request, case_id, write=True)
    values = payload.model_dump()
    version = values.pop("version")
    hearing = services.hearing_send(actor=request.auth, decision=_decision(case, number), expected_version=version,
                                    **values)  # fmt: skip
    return Status(201, hearing)


@router.post("/{case_id}/decisions/{number}/hearing/{hearing_id}/answer",
             response={200: HearingOut, **errors(400, 403, 404, 409)}, summary="Record the hearing answer")  # fmt: skip
def answer_hearing(request: HttpRequest, payload: HearingAnswerIn, case_id: int = CaseId, number: int = Number,
                   hearing_id: int = ItemId):  # fmt: skip
    case = _case(request, case_id, write=True)
    hearing = _decision(case, number).hearings.filter(pk=hearing_id).first()
    if hearing is None:
        raise NotFound
    v = payload.model_dump()
    return services.hearing_record_answer(actor=request.auth, hearing=hearing, expected_version=v["version"],
                                          answer=v["answer"], answered_on=v["answered_on"], summary=v["summary"],
                                          form=v["form"] or "")  # fmt: skip


@router.post("/{case_id}/decisions/{number}/issue", response={200: DecisionOut, **errors(400, 403, 404, 409)},
             summary="Issue the decision")  # fmt: skip
def issue_decision(request: HttpRequest, payload: IssueIn, case_id: int = CaseId, number: int = Number):
    """Renders and stores the letter, stores the rules explanation, freezes the decision."""
    case = _case(request, case_id, write=True)
    return services.decision_issue(
        actor=request.auth, decision=_decision(case, number), expected_version=payload.version,
        override_reason=payload.override_reason,
    )  # fmt: skip


@router.get("/{case_id}/complaints", response={200: list[ComplaintOut], **errors(404)}, summary="Complaints")
def list_complaints(request: HttpRequest, case_id: int = CaseId):
    return selectors.complaints_for(_case(request, case_id))


@router.post("/{case_id}/decisions/{number}/complaints", response={201: ComplaintOut, **errors(400, 403, 404)},
             summary="Register a complaint")  # fmt: skip
def add_complaint(request: HttpRequest, payload: ComplaintIn, case_id: int = CaseId, number: int = Number):
    case = _case(request, case_id, write=True)
    complaint = services.complaint_register(actor=request.auth, decision=_decision(case, number),
                                            **payload.model_dump())  # fmt: skip
    return Status(201, complaint)


@router.post("/{case_id}/complaints/{complaint_id}/reconsideration",
             response={200: ComplaintOut, **errors(400, 403, 404, 409)}, summary="Reconsider a complaint")  # fmt: skip
def reconsider_complaint(request: HttpRequest, payload: ReconsiderIn, case_id: int = CaseId,
                         complaint_id: int = ItemId):  # fmt: skip
    case = _case(request, case_id, write=True)
    v = payload.model_dump()
    return services.complaint_reconsider(actor=request.auth, complaint=_complaint(case, complaint_id),
                                         expected_version=v.pop("version"), **v)  # fmt: skip


@router.post(
    "/{case_id}/complaints/{complaint_id}/forward",
    response={200: ComplaintOut, **errors(400, 403, 404, 409)}, summary="Forward to the appeal body",
)  # fmt: skip
def forward_complaint(request: HttpRequest, payload: ForwardIn, case_id: int = CaseId, complaint_id: int = ItemId):
    case = _case(request, case_id, write=True)
    return services.complaint_forward(actor=request.auth, complaint=_complaint(case, complaint_id),
                                      expected_version=payload.version, forwarded_on=payload.forwarded_on)  # fmt: skip


@router.post(
    "/{case_id}/complaints/{complaint_id}/appeal-outcome",
    response={200: ComplaintOut, **errors(400, 403, 404, 409)}, summary="The appeal body's outcome",
)  # fmt: skip
def record_appeal_outcome(request: HttpRequest, payload: AppealOutcomeIn, case_id: int = CaseId,
                          complaint_id: int = ItemId):  # fmt: skip
    case = _case(request, case_id, write=True)
    v = payload.model_dump()
    return services.appeal_outcome_record(actor=request.auth, complaint=_complaint(case, complaint_id),
                                          expected_version=v.pop("version"), **v)  # fmt: skip


@router.get("/{case_id}/file-access", response={200: list[FileAccessOut], **errors(404)}, summary="File access")
def list_file_access(request: HttpRequest, case_id: int = CaseId):
    return selectors.file_access_for(_case(request, case_id))


@router.post("/{case_id}/file-access", response={201: FileAccessOut, **errors(400, 403, 404)},
             summary="Register a file-access request")  # fmt: skip
def add_file_access(request: HttpRequest, payload: FileAccessIn, case_id: int = CaseId):
    case = _case(request, case_id, write=True)
    return Status(201, services.file_access_request(actor=request.auth, case=case, **payload.model_dump()))


@router.post("/{case_id}/file-access/{request_id}/hand-out",
             response={200: FileAccessOut, **errors(400, 403, 404, 409)}, summary="Hand out the file")  # fmt: skip
def hand_out_file(request: HttpRequest, payload: HandOutIn, case_id: int = CaseId, request_id: int = ItemId):
    case = _case(request, case_id, write=True)
    access_request = selectors.file_access_by_id(case, request_id)
    if access_request is None:
        raise NotFound
    v = payload.model_dump()
    return services.file_access_hand_out(
        actor=request.auth, request=access_request, expected_version=v["version"], handed_out_on=v["handed_out_on"],
        documents=v["documents"], exemptions=v["exemptions"], parts=v["parts"], period_from=v["period_from"],
        period_to=v["period_to"],
    )  # fmt: skip


@router.get("/{case_id}/delay-notices", response={200: list[DelayNoticeOut], **errors(404)}, summary="Delay notices")
def list_delay_notices(request: HttpRequest, case_id: int = CaseId):
    """Notices that the local decision deadline will be missed (RTL § 3, stk. 2), newest first."""
    return selectors.delay_notices_for(_case(request, case_id))


@router.post("/{case_id}/delay-notices", response={201: DelayNoticeOut, **errors(400, 403, 404)},
             summary="Send a delay notice")  # fmt: skip
def add_delay_notice(request: HttpRequest, payload: DelayNoticeIn, case_id: int = CaseId):
    """Renders and stores the letter to the citizen: the deadline cannot be kept, why, and when to expect a
    decision."""
    case = _case(request, case_id, write=True)
    return Status(201, services.delay_notice_send(actor=request.auth, case=case, **payload.model_dump()))


@router.get("/{case_id}/reasons-requests", response={200: list[ReasonsRequestOut], **errors(404)},
            summary="Requests for written reasons")  # fmt: skip
def list_reasons_requests(request: HttpRequest, case_id: int = CaseId):
    return selectors.reasons_requests_for(_case(request, case_id))


@router.post("/{case_id}/reasons-requests", response={201: ReasonsRequestOut, **errors(400, 403, 404)},
             summary="Register a request for written reasons")  # fmt: skip
def add_reasons_request(request: HttpRequest, payload: ReasonsRequestIn, case_id: int = CaseId):
    """A request for written reasons for an oral decision (FVL § 23), within 14 days of it."""
    case = _case(request, case_id, write=True)
    return Status(201, services.reasons_request_record(actor=request.auth, case=case, **payload.model_dump()))


@router.post("/{case_id}/reasons-requests/{request_id}/answer",
             response={200: ReasonsRequestOut, **errors(400, 403, 404, 409)},
             summary="Give the written reasons")  # fmt: skip
def answer_reasons_request(request: HttpRequest, payload: ReasonsAnswerIn, case_id: int = CaseId,
                           request_id: int = ItemId):  # fmt: skip
    """Renders and stores the letter with the reasons, the legal basis and the complaint guidance."""
    case = _case(request, case_id, write=True)
    reasons_request = selectors.reasons_request_by_id(case, request_id)
    if reasons_request is None:
        raise NotFound
    v = payload.model_dump()
    return services.reasons_request_answer(actor=request.auth, request=reasons_request,
                                           expected_version=v.pop("version"), **v)  # fmt: skip
