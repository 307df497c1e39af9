"""The work-ability assessment (arbejdsevnevurdering) of a case: the list, one assessment with the exact
resource-profile versions and documents it rests on, and recording a new one.

Thin views: parse → access_case() (the one gate, which logs the access with channel "api") → one service or
selector → render. The rules (bek. nr. 543 af 28. maj 2002 §§ 4–10 and the method book; A1–A9, R10, R20,
R37–R38, R44–R47) live in evne.assessments.services. Registered in api.py under /cases.
"""

from datetime import date, datetime

from django.http import HttpRequest
from ninja import Path, Router, Schema, Status
from pydantic import Field

from evne.accounts.access import access_case
from evne.accounts.models import AccessAction, AccessChannel
from evne.assessments import selectors, services
from evne.assessments.models import CanMeet, Conclusion
from evne.errors import NotFound
from evne.evidence.models import DocumentKind
from evne.profiles.models import ElementKey

from .profile_schemas import MAX_NUMBER, choice_label
from .schemas import MAX_ID, Id, In, UserRef, errors, text_max

router = Router(tags=["work-ability assessment"])
API = AccessChannel.API
CaseId = Path(..., ge=1, le=MAX_ID, description="The case's id")
Number = Path(..., ge=1, le=MAX_NUMBER, description="The assessment's number in the case")
LongText = text_max(services.TEXT_MAX)


# --- shapes ---------------------------------------------------------------------------------------------


class JobFunctionOut(Schema):
    text: str
    can_meet: str
    can_meet_label: str
    note: str

    @staticmethod
    def resolve_can_meet_label(obj) -> str:
        return choice_label(CanMeet, obj.get("can_meet", ""))


class VersionRefOut(Schema):
    """One resource-profile element version the assessment rests on."""

    id: int
    element: str
    element_label: str
    number: int
    saved_at: datetime
    relevant: bool

    @staticmethod
    def resolve_element_label(obj) -> str:
        return choice_label(ElementKey, obj.element)


class DocumentRefOut(Schema):
    id: int
    kind: str
    kind_label: str
    title: str
    document_date: date
    author: str

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return choice_label(DocumentKind, obj.kind)


class AssessmentOut(Schema):
    """One assessment, never changed: a new assessment follows an old one."""

    number: int
    assessed_on: date
    actual_resources: str
    development_possibilities: str
    barrier_reduction: str
    job_functions: list[JobFunctionOut]
    restitution: str
    conclusion: str
    conclusion_label: str
    reasons: str = Field(description="The professional reasons (premises)")
    citizen_view: str = Field(description="The citizen's own assessment")
    profile_versions: list[VersionRefOut] = Field(description="The exact element versions it rests on")
    documents: list[DocumentRefOut] = Field(description="The documents it rests on")
    author: UserRef = Field(description="Always a caseworker of the municipality (only the municipality assesses)")
    created_at: datetime

    @staticmethod
    def resolve_conclusion_label(obj) -> str:
        return choice_label(Conclusion, obj.conclusion)

    @staticmethod
    def resolve_profile_versions(obj) -> list:
        return selectors.assessment_basis(obj)["versions"]

    @staticmethod
    def resolve_documents(obj) -> list:
        return selectors.assessment_basis(obj)["documents"]


class JobFunctionIn(In):
    text: text_max(services.JOB_TEXT_MAX) = Field(description="A concrete job function or work task")
    can_meet: CanMeet = Field(description="yes, with_accommodation or no")
    note: text_max(services.JOB_NOTE_MAX) = ""


class AssessmentIn(In):
    """There is no author field: the author is the logged-in caseworker (only the municipality assesses)."""

    assessed_on: date
    actual_resources: LongText
    development_possibilities: LongText
    barrier_reduction: LongText
    job_functions: list[JobFunctionIn] = Field(max_length=services.JOB_FUNCTIONS_MAX)
    restitution: LongText
    conclusion: Conclusion
    reasons: LongText
    citizen_view: LongText = ""
    document_ids: list[Id] = Field([], max_length=1000, description="Documents of this case it rests on")
    development_exhausted: bool = Field(
        False,
        description="Confirms that the work ability cannot be improved (required for flex_job_level and "
        "below_flex_job)",
    )


# --- operations -----------------------------------------------------------------------------------------


@router.get(
    "/{case_id}/assessments", response={200: list[AssessmentOut], **errors(404)}, summary="Work-ability assessments"
)
def list_assessments(request: HttpRequest, case_id: int = CaseId):
    """Every assessment of the case, newest first."""
    case = access_case(user=request.auth, case_id=case_id, what=AccessAction.CASE, channel=API)
    return selectors.assessments_for(case)


@router.get(
    "/{case_id}/assessments/{number}",
    response={200: AssessmentOut, **errors(404)},
    summary="One work-ability assessment",
)
def get_assessment(request: HttpRequest, case_id: int = CaseId, number: int = Number):
    case = access_case(user=request.auth, case_id=case_id, what=AccessAction.CASE, channel=API)
    assessment = selectors.assessment_by_number(case, number)
    if assessment is None:
        raise NotFound
    return assessment


@router.post(
    "/{case_id}/assessments",
    response={201: AssessmentOut, **errors(400, 403, 404, 409)},
    summary="Record a work-ability assessment",
)
def create_assessment(request: HttpRequest, payload: AssessmentIn, case_id: int = CaseId):
    """The four parts, concrete job functions, restitution, the conclusion and its professional reasons. The
    current resource-profile versions are recorded with it. A `sufficient` conclusion moves the case to
    "awaiting decision" and stops further information requests (bek. 543/2002 § 7, stk. 7)."""
    case = access_case(user=request.auth, case_id=case_id, what=AccessAction.CASE, channel=API, write=True)
    values = payload.model_dump()
    assessment = services.assessment_make(actor=request.auth, case=case, **values)
    return Status(201, assessment)
