"""Evidence of a case: consent statements, information requests (prepare, send, answer, cancel), the documents
received, with their files, the conclusions of statements, and the treatment history. Registered in api.py under
/cases.

Thin views: parse → access_case() (the one gate, which logs the access with channel "api") → one service or
selector → answer. The rules (retssikkerhedsloven §§ 10–12, bek. 543/2002 § 7, stk. 4–7, the method book's
rules I1–I16 and R33–R37) live in evne.evidence.services; a broken rule is a 400 naming the field, a stale
version a 409. Documents are created with a multipart form (the file is optional); a file is answered as an
attachment and each download is written to the access log as "document".
"""

from datetime import date, datetime
from decimal import Decimal

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from ninja import File, Form, Path, Router, Schema, Status
from ninja.errors import ValidationError
from ninja.files import UploadedFile
from pydantic import Field

from evne.accounts.access import access_case, log_access
from evne.accounts.models import AccessAction, AccessChannel
from evne.errors import NotFound
from evne.evidence import files, selectors, services, statements
from evne.evidence.models import (
    CollectionGround,
    Consent,
    ConsentPurpose,
    ConsentStatus,
    DevelopmentView,
    Document,
    DocumentKind,
    ExpectedEffect,
    InformationRequest,
    Prognosis,
    RecipientKind,
    RequestedDocument,
    StatementAgreement,
    StatementAuthorRole,
    TreatmentSource,
    TreatmentStatusKind,
    WorkAbilityView,
)
from evne.evidence.services import TEXT_MAX

from .profile_schemas import MAX_NUMBER, choice_label, optional
from .schemas import MAX_ID, Id, In, UserRef, Version, errors, text_max

router = Router(tags=["evidence"])
API = AccessChannel.API
CaseId = Path(..., ge=1, le=MAX_ID, description="The case's id")
RequestId = Path(..., ge=1, le=MAX_ID, description="The information request's id")
DocumentId = Path(..., ge=1, le=MAX_ID, description="The document's id")
TreatmentId = Path(..., ge=1, le=MAX_ID, description="The treatment's id")

LongText = text_max(TEXT_MAX)
Name = text_max(200)


# --- shapes ---------------------------------------------------------------------------------------------


class ConsentOut(Schema):
    id: int
    purpose: str
    purpose_label: str
    status: str
    status_label: str
    scope: str
    recipient: str
    given_on: date
    expires_on: date | None = Field(description="Consent to disclose: the first day it no longer holds (one year)")
    written: bool
    guidance_given: bool
    note: str
    in_force: bool = Field(description="Whether it holds today (the latest statement for its scope, not expired)")
    recorded_by: UserRef
    recorded_at: datetime

    @staticmethod
    def resolve_purpose_label(obj) -> str:
        return choice_label(ConsentPurpose, obj.purpose)

    @staticmethod
    def resolve_status_label(obj) -> str:
        return choice_label(ConsentStatus, obj.status)


class ConsentIn(In):
    purpose: ConsentPurpose = Field(description="collect (obtain information) or disclose")
    status: ConsentStatus
    scope: LongText = Field(description="Which information, from or to whom; a withdrawal repeats the scope")
    given_on: date
    recipient: Name = Field("", description="For disclosure: to whom")
    written: bool = True
    guidance_given: bool = Field(
        False,
        description="The citizen was told of the duty to inform, the right to obtain (RTL § 12) and the "
        "consequences of not consenting (RTL § 10, stk. 3); required for consent to collect",
    )
    note: LongText = ""


class RequestOut(Schema):
    id: int
    recipient_kind: str
    recipient_kind_label: str
    recipient_name: str
    purpose: str
    necessity: str
    questions: str
    document_type: str
    document_type_label: str
    intrusion_reason: str
    adviser_consulted: bool
    consent_id: int | None
    collection_ground: str
    collection_ground_label: str
    collection_note: str
    notice_given_on: date | None
    state: str = Field(description="draft, sent, overdue, answered or cancelled")
    state_label: str
    sent_on: date | None
    answer_due_on: date | None
    answered_on: date | None
    answer_document_id: int | None
    cancelled_on: date | None
    cancel_reason: str
    created_by: UserRef
    created_at: datetime
    version: int

    @staticmethod
    def resolve_recipient_kind_label(obj) -> str:
        return choice_label(RecipientKind, obj.recipient_kind)

    @staticmethod
    def resolve_document_type_label(obj) -> str:
        return choice_label(RequestedDocument, obj.document_type)

    @staticmethod
    def resolve_collection_ground_label(obj) -> str:
        return choice_label(CollectionGround, obj.collection_ground)

    @staticmethod
    def resolve_state_label(obj) -> str:
        return str(obj.state_label)

    @staticmethod
    def resolve_answer_document_id(obj) -> int | None:
        return obj.answer_document.pk if obj.answer_document else None


class RequestIn(In):
    recipient_kind: RecipientKind
    recipient_name: Name
    purpose: LongText = Field(description="Explained to the citizen and the recipient")
    necessity: LongText = Field(description="Why the information is necessary")
    questions: LongText = Field(description="The precise questions asked")
    document_type: RequestedDocument = Field(description="The least intrusive document that answers the questions")
    intrusion_reason: LongText = Field("", description="Required above a status statement on the medical ladder")
    adviser_consulted: bool = Field(False, description="The medical adviser was consulted (specialist statement)")
    consent_id: Id | None = Field(None, description="A consent to collect in force in this case")
    collection_ground: optional(CollectionGround) = Field(None, description="Without consent: the legal ground")
    collection_note: LongText = Field("", description="Without consent: the note in the case")
    notice_given_on: date | None = Field(None, description="For notice_rtl_12_3: the day the notice was given")


class SendIn(In):
    version: Version
    sent_on: date
    answer_due_on: date | None = Field(None, description="Empty: the municipality's usual answer time")


class CancelIn(In):
    version: Version
    reason: LongText
    cancelled_on: date | None = Field(None, description="Empty: today")


class DocumentFieldsIn(In):
    history_dates = frozenset({"document_date"})  # a file may hold a statement older than any case
    kind: DocumentKind
    title: Name
    document_date: date
    author: Name
    summary: LongText = Field(description="The essential content and conclusion, not a copy")
    sensitive: bool = Field(False, description="Health information; always true for medical kinds")


class AnswerIn(In):
    """Either `document` (the document received, registered now) or `document_id` (one already registered; to
    answer with a file, register the document first with POST …/documents)."""

    version: Version
    answered_on: date
    document_id: Id | None = None
    document: DocumentFieldsIn | None = None


class DocumentIn(DocumentFieldsIn):
    received_on: date


class DocumentOut(Schema):
    id: int
    kind: str
    kind_label: str
    title: str
    document_date: date
    author: str
    received_on: date
    summary: str
    sensitive: bool
    request_id: int | None
    has_file: bool
    original_filename: str
    content_type: str
    size: int | None
    sha256: str
    download_url: str | None
    recorded_by: UserRef
    recorded_at: datetime

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return choice_label(DocumentKind, obj.kind)

    @staticmethod
    def resolve_has_file(obj) -> bool:
        return bool(obj.file)

    @staticmethod
    def resolve_download_url(obj) -> str | None:
        return reverse("api:evidence_document_file", args=[obj.case_id, obj.pk]) if obj.file else None


# --- statements and treatments: shapes ------------------------------------------------------------------


class StatementConclusionsOut(Schema):
    id: int
    document_id: int
    number: int = Field(description="The revision; the highest counts")
    author_role: str
    author_role_label: str
    examined_on: date | None
    stated_on: date
    conditions: str
    icd10_code: str
    prognosis: str
    prognosis_label: str
    prognosis_until: date | None = Field(description="For a temporary prognosis: until when")
    hours_per_week: Decimal | None = Field(description="A decimal string, as the flex jobs' hours")
    restrictions: str
    accommodation_needs: str
    development_view: str
    development_view_label: str
    development_quote: str
    work_ability_view: str
    work_ability_view_label: str
    agreement: str
    agreement_label: str
    document_ids: list[int] = Field(description="The documents of the case it agrees or disagrees with")
    reason: str = Field(description="Why a revision was made")
    recorded_by: UserRef
    recorded_at: datetime

    @staticmethod
    def resolve_author_role_label(obj) -> str:
        return choice_label(StatementAuthorRole, obj.author_role)

    @staticmethod
    def resolve_prognosis_label(obj) -> str:
        return choice_label(Prognosis, obj.prognosis)

    @staticmethod
    def resolve_development_view_label(obj) -> str:
        return choice_label(DevelopmentView, obj.development_view)

    @staticmethod
    def resolve_work_ability_view_label(obj) -> str:
        return choice_label(WorkAbilityView, obj.work_ability_view)

    @staticmethod
    def resolve_agreement_label(obj) -> str:
        return choice_label(StatementAgreement, obj.agreement)


class StatementTreatmentIn(In):
    """A treatment the statement recommends; it names the statement itself."""

    description: text_max(statements.TREATMENT_TEXT_MAX)
    expected_effect: ExpectedEffect = Field(description="work_ability, quality_of_life or unclear")
    recommended_on: date | None = Field(None, description="Empty: the date of the statement")
    status: TreatmentStatusKind = TreatmentStatusKind.PLANNED
    status_on: date | None = Field(None, description="Empty: the day it was recommended")
    status_reason: LongText = Field("", description="Required for declined and not_possible")


class StatementConclusionsIn(In):
    history_dates = frozenset({"stated_on", "examined_on"})  # as the document's own date
    expected_number: int = Field(
        0, ge=0, le=MAX_NUMBER,
        description="The number of the latest conclusions you read (0 for the first); a stale one gives 409",
    )  # fmt: skip
    author_role: StatementAuthorRole
    stated_on: date = Field(description="The date of the statement (not after it was received)")
    examined_on: date | None = Field(None, description="The date of the examination (not after the statement)")
    conditions: LongText = ""
    icd10_code: text_max(10) = Field("", description="Optional, as WHO writes it: F32.1, M54")
    prognosis: Prognosis = Prognosis.NOT_STATED
    prognosis_until: date | None = Field(None, description="Required for a temporary prognosis, only for it")
    hours_per_week: Decimal | None = Field(None, ge=0, le=80, max_digits=4, decimal_places=2)
    restrictions: LongText = ""
    accommodation_needs: LongText = ""
    development_view: DevelopmentView = DevelopmentView.NOT_STATED
    development_quote: text_max(statements.QUOTE_MAX) = Field("", description="Required when the view is yes or no")
    work_ability_view: WorkAbilityView = WorkAbilityView.NOT_ASSESSED
    agreement: StatementAgreement = StatementAgreement.NOT_STATED
    document_ids: list[Id] = Field(
        default_factory=list, max_length=statements.DOCUMENT_IDS_MAX,
        description="Documents of the same case it agrees or disagrees with (required when it disagrees)",
    )  # fmt: skip
    reason: text_max(300) = Field("", description="Required for a revision")
    treatments: list[StatementTreatmentIn] = Field(default_factory=list, max_length=statements.TREATMENTS_MAX)


class TreatmentStatusOut(Schema):
    number: int
    status: str
    status_label: str
    status_on: date
    reason: str
    recorded_by: UserRef
    recorded_at: datetime

    @staticmethod
    def resolve_status_label(obj) -> str:
        return choice_label(TreatmentStatusKind, obj.status)


class TreatmentOut(Schema):
    id: int
    description: str
    source: str
    source_label: str
    document_id: int | None = Field(description="The statement that recommends it")
    recommended_by: str
    recommended_on: date
    expected_effect: str
    expected_effect_label: str
    status: TreatmentStatusOut | None = Field(description="The latest status, which counts")
    history: list[TreatmentStatusOut] = Field(description="Every status, oldest first")
    recorded_by: UserRef
    recorded_at: datetime

    @staticmethod
    def resolve_source_label(obj) -> str:
        return choice_label(TreatmentSource, obj.source)

    @staticmethod
    def resolve_expected_effect_label(obj) -> str:
        return choice_label(ExpectedEffect, obj.expected_effect)

    @staticmethod
    def resolve_status(obj):
        return obj.current

    @staticmethod
    def resolve_history(obj):
        return obj.history


class TreatmentIn(In):
    description: text_max(statements.TREATMENT_TEXT_MAX)
    source: TreatmentSource = Field(description="statement, plan, follow_up or other")
    document_id: Id | None = Field(None, description="For source statement: the statement, a document of this case")
    recommended_by: Name = Field("", description="Role or name; required without a statement")
    recommended_on: date
    expected_effect: ExpectedEffect
    status: TreatmentStatusKind = TreatmentStatusKind.PLANNED
    status_on: date | None = Field(None, description="Empty: the day it was recommended")
    status_reason: LongText = Field("", description="Required for declined and not_possible")


class TreatmentStatusIn(In):
    expected_number: int = Field(
        ge=1, le=MAX_NUMBER, description="The number of the latest status you read; a stale one gives 409"
    )
    status: TreatmentStatusKind
    status_on: date
    reason: LongText = Field("", description="Required for declined and not_possible")


# --- helpers --------------------------------------------------------------------------------------------


def _read(request: HttpRequest, case_id: int):
    return access_case(user=request.auth, case_id=case_id, what=AccessAction.CASE, channel=API)


def _write(request: HttpRequest, case_id: int):
    return access_case(user=request.auth, case_id=case_id, what=AccessAction.CASE, channel=API, write=True)


def _consent(consent: Consent, in_force: set[int]) -> dict:
    consent.in_force = consent.pk in in_force
    return consent


def _in_force(case) -> set[int]:
    today = timezone.localdate()
    return {c.pk for p in ConsentPurpose.values for c in selectors.consents_in_force(case, p, today)}


def _forbid_extra(request: HttpRequest, schema: type[Schema], *, files_allowed: set[str]) -> None:
    """A form, like JSON, refuses unknown fields: a misspelt field must not be silently ignored."""
    fields = set(schema.model_fields)
    unknown = [("form", k) for k in request.POST if k not in fields]
    unknown += [("file", k) for k in request.FILES if k not in files_allowed]
    if unknown:
        raise ValidationError([{"loc": loc, "msg": "Unknown field.", "type": "extra_forbidden"} for loc in unknown])


def _request(case, request_id: int) -> InformationRequest:
    info = case.information_requests.select_related("case").filter(pk=request_id).first()
    if info is None:
        raise NotFound
    return info


def _request_out(case, request_id: int) -> InformationRequest:
    return selectors.request_for(case, request_id, today=timezone.localdate())


# --- consents -------------------------------------------------------------------------------------------


@router.get("/{case_id}/consents", response={200: list[ConsentOut], **errors(404)}, summary="Consent statements")
def list_consents(request: HttpRequest, case_id: int = CaseId):
    """Every statement, newest first; `in_force` says whether it holds today."""
    case = _read(request, case_id)
    in_force = _in_force(case)
    return [_consent(c, in_force) for c in selectors.consents_for(case)]


@router.post(
    "/{case_id}/consents", response={201: ConsentOut, **errors(400, 403, 404)}, summary="Record a consent statement"
)
def add_consent(request: HttpRequest, payload: ConsentIn, case_id: int = CaseId):
    """Given, refused, not possible or withdrawn. Consent to disclose is written, names the recipient and expires
    after one year; consent to collect needs the guidance of RTL § 10, stk. 3 recorded."""
    case = _write(request, case_id)
    consent = services.consent_record(actor=request.auth, case=case, **payload.model_dump())
    return Status(201, _consent(consent, _in_force(case)))


# --- requests -------------------------------------------------------------------------------------------


@router.get("/{case_id}/requests", response={200: list[RequestOut], **errors(404)}, summary="Information requests")
def list_requests(request: HttpRequest, case_id: int = CaseId):
    """Newest first, each with its state (an unanswered request past its answer date is `overdue`)."""
    case = _read(request, case_id)
    return selectors.requests_for(case, today=timezone.localdate())


@router.post(
    "/{case_id}/requests",
    response={201: RequestOut, **errors(400, 403, 404)},
    summary="Prepare an information request",
)
def add_request(request: HttpRequest, payload: RequestIn, case_id: int = CaseId):
    """Purpose, necessity and questions are required; the least intrusive document; a consent in force or the
    legal ground and a note. Refused once an assessment found the work ability sufficient (stop rule)."""
    case = _write(request, case_id)
    values = payload.model_dump()
    values["collection_ground"] = values["collection_ground"] or ""
    info = services.request_create(actor=request.auth, case=case, **values)
    return Status(201, _request_out(case, info.pk))


@router.post(
    "/{case_id}/requests/{request_id}/send",
    response={200: RequestOut, **errors(400, 403, 404, 409)},
    summary="Record that a request was sent",
)
def send_request(request: HttpRequest, payload: SendIn, case_id: int = CaseId, request_id: int = RequestId):
    case = _write(request, case_id)
    services.request_send(
        actor=request.auth, request=_request(case, request_id), expected_version=payload.version,
        sent_on=payload.sent_on, answer_due_on=payload.answer_due_on,
    )  # fmt: skip
    return _request_out(case, request_id)


@router.post(
    "/{case_id}/requests/{request_id}/answer",
    response={200: RequestOut, **errors(400, 403, 404, 409)},
    summary="Record the answer to a request",
)
def answer_request(request: HttpRequest, payload: AnswerIn, case_id: int = CaseId, request_id: int = RequestId):
    case = _write(request, case_id)
    services.request_answer(
        actor=request.auth, request=_request(case, request_id), expected_version=payload.version,
        answered_on=payload.answered_on, document_id=payload.document_id,
        document=payload.document.model_dump() if payload.document else None,
    )  # fmt: skip
    return _request_out(case, request_id)


@router.post(
    "/{case_id}/requests/{request_id}/cancel",
    response={200: RequestOut, **errors(400, 403, 404, 409)},
    summary="Cancel a request",
)
def cancel_request(request: HttpRequest, payload: CancelIn, case_id: int = CaseId, request_id: int = RequestId):
    case = _write(request, case_id)
    services.request_cancel(
        actor=request.auth, request=_request(case, request_id), expected_version=payload.version,
        reason=payload.reason, cancelled_on=payload.cancelled_on,
    )  # fmt: skip
    return _request_out(case, request_id)


# --- documents ------------------------------------------------------------------------------------------


@router.get("/{case_id}/documents", response={200: list[DocumentOut], **errors(404)}, summary="Documents")
def list_documents(request: HttpRequest, case_id: int = CaseId):
    """Newest document date first, each with its summary and, if it has a file, where to download it."""
    case = _read(request, case_id)
    return selectors.documents_for(case)


@router.post(
    "/{case_id}/documents",
    response={201: DocumentOut, **errors(400, 403, 404)},
    summary="Register a document (multipart form, file optional)",
)
def add_document(
    request: HttpRequest,
    payload: Form[DocumentIn],
    case_id: int = CaseId,
    file: File[UploadedFile] = None,
):
    """Send the fields as multipart/form-data, with the file (PDF, PNG, JPEG or TIFF, checked by content) as
    `file`. A medical document is always marked as health information."""
    _forbid_extra(request, DocumentIn, files_allowed={"file"})
    case = _write(request, case_id)
    document = services.document_register(actor=request.auth, case=case, upload=file, **payload.model_dump())
    return Status(201, document)


@router.get(
    "/{case_id}/documents/{document_id}/file",
    response={200: None, **errors(404)},
    summary="Download a document's file",
    url_name="evidence_document_file",
)
def download_document(request: HttpRequest, case_id: int = CaseId, document_id: int = DocumentId):
    """The file as an attachment (never cached). The download is written to the access log as "document"."""
    case = access_case(user=request.auth, case_id=case_id, what=AccessAction.DOCUMENT, channel=API, log=False)
    document = Document.objects.filter(case=case, pk=document_id).first()
    if document is None:
        raise NotFound
    log_access(user=request.auth, action=AccessAction.DOCUMENT, channel=API, case=case, record=document)
    return files.file_response(document)


# --- statements and treatments --------------------------------------------------------------------------


def _document(case, document_id: int) -> Document:
    document = case.documents.select_related("case").filter(pk=document_id).first()
    if document is None:
        raise NotFound
    return document


def _treatment(case, treatment_id: int):
    treatment = selectors.treatment_for(case, treatment_id)
    if treatment is None:
        raise NotFound
    return treatment


@router.get(
    "/{case_id}/documents/{document_id}/conclusions",
    response={200: list[StatementConclusionsOut], **errors(404)},
    summary="Conclusions of a statement",
)
def list_conclusions(request: HttpRequest, case_id: int = CaseId, document_id: int = DocumentId):
    """Every revision of the document's conclusions, the latest (the one that counts) first."""
    case = _read(request, case_id)
    return selectors.conclusions_history(_document(case, document_id))


@router.post(
    "/{case_id}/documents/{document_id}/conclusions",
    response={201: StatementConclusionsOut, **errors(400, 403, 404, 409)},
    summary="Record the conclusions of a statement",
)
def add_conclusions(
    request: HttpRequest, payload: StatementConclusionsIn, case_id: int = CaseId, document_id: int = DocumentId
):
    """The first record sends `expected_number` 0; a revision sends the number it read and a `reason`. The
    treatments the statement recommends are recorded with it, in the same transaction."""
    case = _write(request, case_id)
    document = _document(case, document_id)
    conclusions = statements.statement_record(actor=request.auth, document=document, **payload.model_dump())
    return Status(201, conclusions)


@router.get("/{case_id}/treatments", response={200: list[TreatmentOut], **errors(404)}, summary="Treatment history")
def list_treatments(request: HttpRequest, case_id: int = CaseId):
    """Every treatment recommended in the case, newest recommendation first, with its status history."""
    case = _read(request, case_id)
    return selectors.treatments_for(case)


@router.post(
    "/{case_id}/treatments", response={201: TreatmentOut, **errors(400, 403, 404)}, summary="Record a treatment"
)
def add_treatment(request: HttpRequest, payload: TreatmentIn, case_id: int = CaseId):
    case = _write(request, case_id)
    treatment = statements.treatment_record(actor=request.auth, case=case, **payload.model_dump())
    return Status(201, _treatment(case, treatment.pk))


@router.get(
    "/{case_id}/treatments/{treatment_id}", response={200: TreatmentOut, **errors(404)}, summary="One treatment"
)
def get_treatment(request: HttpRequest, case_id: int = CaseId, treatment_id: int = TreatmentId):
    case = _read(request, case_id)
    return _treatment(case, treatment_id)


@router.post(
    "/{case_id}/treatments/{treatment_id}/status",
    response={201: TreatmentOut, **errors(400, 403, 404, 409)},
    summary="Record what became of a treatment",
)
def add_treatment_status(
    request: HttpRequest, payload: TreatmentStatusIn, case_id: int = CaseId, treatment_id: int = TreatmentId
):
    """A new status (planned, ongoing, completed, declined, not_possible); the latest counts. Declined and
    not_possible need the reason."""
    case = _write(request, case_id)
    statements.treatment_update_status(
        actor=request.auth, treatment=_treatment(case, treatment_id), **payload.model_dump()
    )
    return Status(201, _treatment(case, treatment_id))
