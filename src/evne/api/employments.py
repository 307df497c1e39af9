"""The citizen's own work (current and past jobs; a flex job is recorded under fleksjob), reached through a case:
the job belongs to the citizen, and is recorded and changed through one of their cases, whose timeline gets the
event. Registered in api.py under /cases.

Thin views: parse → access_case() (the one gate, which logs the access with channel "api") → one service or
selector → render.
"""

from datetime import date, datetime
from decimal import Decimal

from django.http import HttpRequest
from ninja import Path, Router, Schema, Status
from pydantic import Field

from evne.accounts.access import access_case
from evne.accounts.models import AccessAction, AccessChannel
from evne.citizens import selectors, services
from evne.citizens.models import Employment, EmploymentKind
from evne.errors import NotFound

from .profile_schemas import choice_label
from .schemas import MAX_ID, In, UserRef, Version, errors, text_max

router = Router(tags=["the citizen's own work"])
API = AccessChannel.API
CaseId = Path(..., ge=1, le=MAX_ID, description="The case's id")
EmploymentId = Path(..., ge=1, le=MAX_ID, description="The job's id")
LongText = text_max(services.EMPLOYMENT_TEXT_MAX)
Employer = text_max(Employment._meta.get_field("employer").max_length)


class EmploymentOut(Schema):
    id: int
    citizen_id: int
    case_id: int | None = Field(description="The case it was recorded through")
    employer: str
    job_functions: str
    kind: str = Field(description="ordinary, special_terms, skaanejob, self_employed or other")
    kind_label: str
    hours_per_week: Decimal
    start_on: date
    end_on: date | None
    accommodation: str
    end_reason: str
    version: int
    created_by: UserRef
    created_at: datetime

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return choice_label(EmploymentKind, obj.kind)


class EmploymentIn(In):
    history_dates = frozenset({"start_on", "end_on"})  # the citizen's own work, past jobs included
    employer: Employer
    job_functions: LongText
    kind: EmploymentKind = Field(description="A flex job is recorded under fleksjob, not here")
    hours_per_week: Decimal = Field(description="From 0 to 80, with at most one decimal")
    start_on: date = Field(description="Since when (not in the future)")
    end_on: date | None = Field(None, description="Until when; empty while the citizen has the job")
    accommodation: LongText = Field("", description="Required for special_terms and skaanejob")
    end_reason: LongText = Field("", description="Why it ended (only with an end date)")


class EmploymentUpdateIn(In):
    """Send only the fields you change, and the version you read."""

    history_dates = frozenset({"start_on", "end_on"})  # the citizen's own work, past jobs included

    version: Version
    employer: Employer = None
    job_functions: LongText = None
    kind: EmploymentKind = None
    hours_per_week: Decimal = None
    start_on: date = None
    end_on: date | None = None
    accommodation: LongText = None
    end_reason: LongText = None


def _case(request: HttpRequest, case_id: int, *, write: bool = False):
    return access_case(user=request.auth, case_id=case_id, what=AccessAction.CASE, channel=API, write=write)


def _employment(case, employment_id: int):
    employment = selectors.employment_for(case.citizen, employment_id)
    if employment is None:
        raise NotFound
    return employment


@router.get("/{case_id}/employments", response={200: list[EmploymentOut], **errors(404)}, summary="The citizen's work")
def list_employments(request: HttpRequest, case_id: int = CaseId):
    """The case's citizen's current and past jobs, newest start first (recorded through any of their cases)."""
    return selectors.employments(_case(request, case_id).citizen)


@router.get("/{case_id}/employments/{employment_id}", response={200: EmploymentOut, **errors(404)}, summary="One job")
def get_employment(request: HttpRequest, case_id: int = CaseId, employment_id: int = EmploymentId):
    return _employment(_case(request, case_id), employment_id)


@router.post(
    "/{case_id}/employments",
    response={201: EmploymentOut, **errors(400, 403, 404)},
    summary="Record the citizen's work",
)
def create_employment(request: HttpRequest, payload: EmploymentIn, case_id: int = CaseId):
    case = _case(request, case_id, write=True)
    employment = services.employment_record(actor=request.auth, case=case, **payload.model_dump())
    return Status(201, employment)


@router.patch(
    "/{case_id}/employments/{employment_id}",
    response={200: EmploymentOut, **errors(400, 403, 404, 409)},
    summary="Change the citizen's work",
)
def update_employment(request: HttpRequest, payload: EmploymentUpdateIn, case_id: int = CaseId,
                      employment_id: int = EmploymentId):  # fmt: skip
    """A stale `version` is answered with 409 and what changed; nothing is saved."""
    case = _case(request, case_id, write=True)
    employment = _employment(case, employment_id)
    changes = payload.model_dump(exclude_unset=True)
    version = changes.pop("version")
    return services.employment_update(actor=request.auth, case=case, employment=employment,
                                      expected_version=version, **changes)  # fmt: skip
