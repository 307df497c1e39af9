"""Writes to the evidence of a case: consent statements, information requests and the documents received.

Each service checks access, applies the rules, runs in one transaction and records its timeline event. Rule ids
refer to shared/domain/seed-000-notes.md §6.6 (I1–I16, D12–D13) and seed-001-notes.md §6 (R33–R37); the seed
lines are given beside each rule. Consents and documents are append-only; a request moves on (sent → answered
or cancelled) only here, with a version number so that a change based on a stale page is refused.
"""

from datetime import date, timedelta

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from evne.accounts.access import require_case_write
from evne.accounts.models import User
from evne.cases.models import Case, EventKind, TimelineEvent
from evne.cases.timeline import record_event
from evne.errors import DomainError, StaleVersion
from evne.rules.catalogue.evidence import clinical_function_only
from evne.validation import clean_text, model_text

from . import files, parameters, selectors
from .models import (
    MEDICAL_DOCUMENTS,
    MEDICAL_LADDER,
    CollectionGround,
    Consent,
    ConsentPurpose,
    ConsentStatus,
    Document,
    DocumentKind,
    InformationRequest,
    RecipientKind,
    RequestedDocument,
)

TEXT_MAX = 20_000


def _choice(value, choices, field: str, message: str) -> str:
    if value not in choices.values:
        raise DomainError(message, field=field)
    return value


def _past_date(value, field: str) -> date:
    """A date that has happened: not missing, not in the future."""
    if not isinstance(value, date):
        raise DomainError(_("Enter a date."), field=field)
    if value > timezone.localdate():
        raise DomainError(_("The date cannot lie in the future."), field=field)
    return value


def _text(value, field: str, label: str, *, required: bool = False, max_length: int = TEXT_MAX) -> str:
    return clean_text(value, field=field, label=label, max_length=max_length, required=required)


def _d(value: date | None) -> str | None:
    return value.isoformat() if value else None


def add_years(day: date, years: int) -> date:
    """The same day `years` later; 29 February becomes 28 February (the shorter period, for a consent)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


# --- consent --------------------------------------------------------------------------------------------


@transaction.atomic
def consent_record(
    *, actor: User, case: Case, purpose: str, status: str, scope: str, given_on: date, recipient: str = "",
    written: bool = True, guidance_given: bool = False, note: str = "",
) -> Consent:  # fmt: skip
    """Record one consent statement: given, refused, not possible, or withdrawn. A statement is never changed;
    a later one with the same scope replaces it."""
    require_case_write(actor, case)
    _choice(purpose, ConsentPurpose, "purpose", _("Choose whether the consent is to obtain or to disclose."))
    _choice(status, ConsentStatus, "status", _("Choose the citizen's answer."))
    _past_date(given_on, "given_on")
    scope = _text(scope, "scope", _("Scope"), required=True)
    recipient = model_text(Consent, "recipient", recipient)
    note = _text(note, "note", _("Note"))
    written, guidance_given = bool(written), bool(guidance_given)

    # I5 / R33: before the citizen answers a request for consent to obtain information, they are told of the
    # duty to take part, the municipality's right to obtain information (retssikkerhedsloven § 12) and what a
    # refusal means (§ 10, stk. 3). Seed 001 l. 2101–2108; seed 000 L6622–6630, L6744–6746.
    answered = status in (ConsentStatus.GIVEN, ConsentStatus.REFUSED)
    if purpose == ConsentPurpose.COLLECT and answered and not guidance_given:
        raise DomainError(
            _(
                "Record that the citizen was told about the duty to give information, the municipality's right "
                "to obtain it (retssikkerhedsloven § 12) and the consequences of not consenting (§ 10, stk. 3)."
            ),
            field="guidance_given",
        )
    expires_on = None
    if purpose == ConsentPurpose.DISCLOSE and status == ConsentStatus.GIVEN:
        # I9: disclosure of private information needs written consent, naming to whom (seed 000 L6782–6849).
        if not recipient:
            raise DomainError(_("State to whom the information may be disclosed."), field="recipient")
        if not written:
            raise DomainError(_("Consent to disclose information must be given in writing."), field="written")
        # D12: consent to disclose holds for one year (seed 000 L6802–6804; parameters.py).
        expires_on = add_years(given_on, parameters.in_force(parameters.CONSENT_DISCLOSE_VALID_YEARS, given_on))
    if status == ConsentStatus.WITHDRAWN and selectors.consent_in_force(case, purpose, given_on, scope=scope) is None:
        raise DomainError(
            _("There is no consent in force with this scope to withdraw. Use the scope of the consent you withdraw."),
            field="scope",
        )
    now = timezone.now()
    consent = Consent.objects.create(
        case=case, purpose=purpose, status=status, scope=scope, recipient=recipient, given_on=given_on,
        expires_on=expires_on, written=written, guidance_given=guidance_given, note=note, recorded_by=actor,
        recorded_at=now,
    )  # fmt: skip
    record_event(
        case=case, kind=EventKind.CONSENT_RECORDED, actor=actor, at=now,
        data={"consent_id": consent.pk, "purpose": purpose, "status": status, "given_on": _d(given_on),
              "expires_on": _d(expires_on), "recipient": recipient},
    )  # fmt: skip
    return consent


# --- information requests -------------------------------------------------------------------------------


def _check_not_stopped(case: Case) -> None:
    """R37, bek. 543/2002 § 7, stk. 7 (seed 001, l. 2206–2216, 2237–2248): once the work ability is found
    sufficient for ordinary work, no more information is obtained; the investigation ends and a decision is
    due."""
    stopped = selectors.information_gathering_stopped(case)
    if stopped is not None:
        raise DomainError(
            _(
                "The work-ability assessment of %(date)s found the work ability sufficient for a job on ordinary "
                "terms: no further information is to be obtained, and a decision is due (bek. 543/2002 § 7, "
                "stk. 7)."
            )
            % {"date": stopped.assessed_on.strftime("%d-%m-%Y")}
        )


def _check_proportionality(
    document_type: str, intrusion_reason: str, adviser_consulted: bool, *, team_case: bool = False
) -> None:
    """I11–I12: the least intrusive document that answers the question. Anything above a status statement
    needs a reason why less is not enough (seed 000 L5396–5406, L6023–6025). Who is consulted before a specialist
    statement follows the law of the day (rules.catalogue.evidence.clinical_function_only, shared with the rule
    reform.clinical_function_only): in a case for the rehabilitation team since 1 January 2013 only the region's
    clinical function or the GP may advise, never the lægekonsulent (pensionsloven § 19, stk. 3; lov om
    organisering §§ 13–15; seed 003 L3154–3158, L3386–3391); otherwise the specialist statement is normally
    discussed with the lægekonsulent first (seed 000 L5404–5406)."""
    if document_type not in MEDICAL_LADDER:
        return
    requested = RequestedDocument(document_type)
    above = MEDICAL_LADDER.index(requested) > MEDICAL_LADDER.index(RequestedDocument.STATUS_STATEMENT)
    if above and not intrusion_reason:
        raise DomainError(
            _(
                "%(document)s is more intrusive than a status statement: explain why a less intrusive document "
                "cannot answer the questions."
            )
            % {"document": requested.label},
            field="intrusion_reason",
        )
    if document_type != RequestedDocument.SPECIALIST_STATEMENT:
        return
    if team_case and adviser_consulted:
        raise DomainError(
            _(
                "In a case for the rehabilitation team, health advice may only come from the region's clinical "
                "function or the GP, not from the medical adviser (lægekonsulent) (pension act § 19(3)). Give the "
                "clinical function's or the GP's view in the reason instead."
            ),
            field="adviser_consulted",
        )
    if not team_case and not adviser_consulted:
        raise DomainError(
            _(
                "A specialist statement is normally discussed with the medical adviser (lægekonsulent) first. "
                "Consult the adviser, record it, and give the adviser's view in the reason."
            ),
            field="adviser_consulted",
        )


def team_case_on(case: Case, on: date) -> bool:
    """Whether `case` is one for the rehabilitation team on `on`, where health advice comes only from the clinical
    function or the GP: judged, as the rule judges it, from the decision the case is heading for (its pathway)."""
    return clinical_function_only(on, (case.pathway,))


def _collection_basis(
    case: Case, *, consent_id, collection_ground: str, collection_note: str, notice_given_on, today: date
) -> tuple[Consent | None, str, str, date | None]:
    """I4 (seed 000 L6656–6780): consent before information is obtained; without it, the legal ground and a
    note in the case."""
    if consent_id:
        consent = case.consents.filter(pk=consent_id).first()
        if consent is None:
            raise DomainError(_("Choose a consent recorded in this case."), field="consent")
        if consent.purpose != ConsentPurpose.COLLECT:
            raise DomainError(_("The consent must be a consent to obtain information."), field="consent")
        if consent not in selectors.consents_in_force(case, ConsentPurpose.COLLECT, today):
            raise DomainError(
                _("That consent is not in force (refused, withdrawn, expired or replaced)."), field="consent"
            )
        return consent, "", "", None
    if collection_ground not in CollectionGround.values:
        raise DomainError(
            _(
                "There is no consent: choose one in force, or state the legal ground for obtaining the "
                "information without consent."
            ),
            field="collection_ground",
        )
    if not collection_note:
        raise DomainError(
            _("Information obtained without consent must be noted in the case: write the note."),
            field="collection_note",
        )
    if collection_ground == CollectionGround.NOTICE_RTL_12_3:
        notice_given_on = _past_date(notice_given_on, "notice_given_on")
    else:
        notice_given_on = None
    return None, collection_ground, collection_note, notice_given_on


@transaction.atomic
def request_create(
    *, actor: User, case: Case, recipient_kind: str, recipient_name: str, purpose: str, necessity: str,
    questions: str, document_type: str, intrusion_reason: str = "", adviser_consulted: bool = False,
    consent_id: int | None = None, collection_ground: str = "", collection_note: str = "",
    notice_given_on: date | None = None,
) -> InformationRequest:  # fmt: skip
    """Prepare a request for information (bek. 543/2002 § 7, stk. 5–7). It is sent with request_send."""
    require_case_write(actor, case)
    _check_not_stopped(case)
    _choice(recipient_kind, RecipientKind, "recipient_kind", _("Choose who the request goes to."))
    _choice(document_type, RequestedDocument, "document_type", _("Choose the document requested."))
    recipient_name = model_text(InformationRequest, "recipient_name", recipient_name, required=True)
    # R36 / I10: purpose, necessity and precise questions, which can be shown to the citizen (seed 001,
    # l. 2128–2136, 2187–2189, 2195–2205, 2234–2236; seed 000 L4179–4206, L6534–6537).
    purpose = _text(purpose, "purpose", _("Purpose"), required=True)
    necessity = _text(necessity, "necessity", _("Why the information is necessary"), required=True)
    questions = _text(questions, "questions", _("Questions"), required=True)
    intrusion_reason = _text(intrusion_reason, "intrusion_reason", _("Why a less intrusive document is not enough"))
    adviser_consulted = bool(adviser_consulted) and document_type == RequestedDocument.SPECIALIST_STATEMENT
    today = timezone.localdate()
    _check_proportionality(document_type, intrusion_reason, adviser_consulted, team_case=team_case_on(case, today))
    consent, ground, note, notice = _collection_basis(
        case, consent_id=consent_id, collection_ground=collection_ground,
        collection_note=_text(collection_note, "collection_note", _("Note on obtaining without consent")),
        notice_given_on=notice_given_on, today=today,
    )  # fmt: skip
    now = timezone.now()
    request = InformationRequest.objects.create(
        case=case, recipient_kind=recipient_kind, recipient_name=recipient_name, purpose=purpose,
        necessity=necessity, questions=questions, document_type=document_type, intrusion_reason=intrusion_reason,
        consent=consent, collection_ground=ground, collection_note=note, created_by=actor, created_at=now,
    )  # fmt: skip
    record_event(
        case=case, kind=EventKind.REQUEST_CREATED, actor=actor, at=now,
        data={"request_id": request.pk, "version": request.version, "recipient_kind": recipient_kind,
              "recipient_name": recipient_name, "document_type": document_type,
              "consent_id": consent.pk if consent else None, "collection_ground": ground,
              "notice_given_on": _d(notice), "adviser_consulted": adviser_consulted},
    )  # fmt: skip
    return request


_VERSION_FIELDS = {
    EventKind.REQUEST_SENT: ("sent_on", "answer_due_on"),
    EventKind.REQUEST_ANSWERED: ("answered_on",),
    EventKind.REQUEST_CANCELLED: ("cancelled_on",),
}


def _locked(request: InformationRequest, expected_version: int) -> InformationRequest:
    """The request, locked for the rest of the transaction, if it is still at the version the user saw."""
    current = InformationRequest.objects.select_for_update().get(pk=request.pk)
    if current.version != int(expected_version):
        changes = {}
        events = TimelineEvent.objects.filter(
            case_id=current.case_id, kind__in=list(_VERSION_FIELDS), data__request_id=current.pk
        ).order_by("id")
        for event in events:
            if int(event.data.get("version") or 0) > int(expected_version):
                for field in _VERSION_FIELDS[EventKind(event.kind)]:
                    changes[field] = (None, event.data.get(field))
        raise StaleVersion(
            _(
                "Someone else changed the request while you were working on it. Your change was not saved; "
                "reload the page to see what changed."
            ),
            changes=changes,
        )
    return current


def _open_sent(current: InformationRequest) -> None:
    if current.cancelled_on:
        raise DomainError(_("The request was cancelled."))
    if current.answered_on:
        raise DomainError(_("The request has already been answered."))


@transaction.atomic
def request_send(
    *, actor: User, request: InformationRequest, expected_version: int, sent_on: date,
    answer_due_on: date | None = None,
) -> InformationRequest:  # fmt: skip
    """Record that the request was sent, and the date an answer is due (by default the municipality's usual
    answer time)."""
    case = request.case
    require_case_write(actor, case)
    _check_not_stopped(case)
    _past_date(sent_on, "sent_on")
    current = _locked(request, expected_version)
    _open_sent(current)
    if current.sent_on:
        raise DomainError(_("The request has already been sent."))
    if current.consent_id and current.consent not in selectors.consents_in_force(case, ConsentPurpose.COLLECT, sent_on):
        raise DomainError(
            _(
                "The consent the request rests on does not hold on the day it is sent (withdrawn, refused or "
                "expired). Record a new consent, or cancel the request."
            ),
            field="sent_on",
        )
    if current.collection_ground == CollectionGround.NOTICE_RTL_12_3:
        # R34: at least 14 days to object after a notice under retssikkerhedsloven § 12, stk. 3 (seed 001,
        # l. 2109–2120).
        notice = selectors.notice_given_on(current)
        days = parameters.in_force(parameters.NOTICE_RTL_12_3_MIN_DAYS, sent_on)
        if notice is None or sent_on < notice + timedelta(days=days):
            earliest = (notice + timedelta(days=days)).strftime("%d-%m-%Y") if notice else "–"
            raise DomainError(
                _(
                    "After a notice under retssikkerhedsloven § 12, stk. 3, the citizen has at least %(days)d "
                    "days to object. The request can be sent on %(earliest)s at the earliest."
                )
                % {"days": days, "earliest": earliest},
                field="sent_on",
            )
    if answer_due_on is None:
        answer_due_on = sent_on + timedelta(days=parameters.in_force(parameters.ANSWER_DUE_DAYS, sent_on))
    if not isinstance(answer_due_on, date) or answer_due_on <= sent_on:
        raise DomainError(_("The answer date must come after the day the request is sent."), field="answer_due_on")
    current.sent_on, current.answer_due_on = sent_on, answer_due_on
    current.version += 1
    current.save(update_fields=["sent_on", "answer_due_on", "version"])
    record_event(
        case=case, kind=EventKind.REQUEST_SENT, actor=actor, at=timezone.now(),
        data={"request_id": current.pk, "version": current.version, "recipient_name": current.recipient_name,
              "document_type": current.document_type, "sent_on": _d(sent_on), "answer_due_on": _d(answer_due_on)},
    )  # fmt: skip
    return current


@transaction.atomic
def request_cancel(
    *, actor: User, request: InformationRequest, expected_version: int, reason: str,
    cancelled_on: date | None = None,
) -> InformationRequest:  # fmt: skip
    """Cancel a request that is no longer needed (e.g. the stop rule, or the information came another way)."""
    case = request.case
    require_case_write(actor, case)
    reason = _text(reason, "reason", _("Why it was cancelled"), required=True)
    cancelled_on = _past_date(cancelled_on or timezone.localdate(), "cancelled_on")
    current = _locked(request, expected_version)
    _open_sent(current)
    current.cancelled_on, current.cancel_reason = cancelled_on, reason
    current.version += 1
    current.save(update_fields=["cancelled_on", "cancel_reason", "version"])
    record_event(
        case=case, kind=EventKind.REQUEST_CANCELLED, actor=actor, at=timezone.now(),
        data={"request_id": current.pk, "version": current.version, "recipient_name": current.recipient_name,
              "document_type": current.document_type, "cancelled_on": _d(cancelled_on), "reason": reason},
    )  # fmt: skip
    return current


def request_answer(
    *, actor: User, request: InformationRequest, expected_version: int, answered_on: date,
    document_id: int | None = None, document: dict | None = None, upload: File | None = None,
) -> InformationRequest:  # fmt: skip
    """Record the answer: register the document received (`document`: kind, title, document_date, author,
    summary, sensitive; optionally with a file), or name one already registered (`document_id`)."""
    case = request.case
    require_case_write(actor, case)
    _past_date(answered_on, "answered_on")
    if document_id is None and document is None:
        raise DomainError(_("Register the document received, or choose one already registered."), field="document")
    if document_id is not None and document is not None:
        raise DomainError(
            _("Either register the document received or choose one already registered, not both."), field="document"
        )
    cleaned = checked = None
    if document_id is None:
        cleaned = _clean_document(**{**(document or {}), "received_on": answered_on})
        checked = files.check_upload(upload, on=answered_on) if upload is not None else None
    stored: list[str] = []
    try:
        with transaction.atomic():
            current = _locked(request, expected_version)
            _open_sent(current)
            if current.sent_on is None:
                raise DomainError(_("Record that the request was sent before its answer."), field="answered_on")
            if answered_on < current.sent_on:
                raise DomainError(_("The answer cannot arrive before the request was sent."), field="answered_on")
            if document_id is not None:
                answer = case.documents.filter(pk=document_id).first()
                if answer is None:
                    raise DomainError(_("Choose a document registered in this case."), field="document_id")
                if answer.request_id not in (None, current.pk):
                    raise DomainError(_("That document answers another request."), field="document_id")
            else:
                assert cleaned is not None  # cleaned above, before the transaction, when no document_id is given
                answer = _create_document(
                    actor=actor, case=case, cleaned=cleaned, checked=checked, upload=upload, request=current,
                    stored=stored,
                )  # fmt: skip
            current.answered_on = answered_on
            current.version += 1
            current.save(update_fields=["answered_on", "version"])
            record_event(
                case=case, kind=EventKind.REQUEST_ANSWERED, actor=actor, at=timezone.now(),
                data={"request_id": current.pk, "version": current.version, "answered_on": _d(answered_on),
                      "recipient_name": current.recipient_name, "document_id": answer.pk},
            )  # fmt: skip
            return current
    except BaseException:
        _discard(stored)
        raise


# --- documents ------------------------------------------------------------------------------------------


def _clean_document(
    *, kind: str = "", title: str = "", document_date=None, author: str = "", received_on=None,
    summary: str = "", sensitive: bool = False,
) -> dict:  # fmt: skip
    _choice(kind, DocumentKind, "kind", _("Choose the type of document."))
    title = model_text(Document, "title", title, required=True)
    author = model_text(Document, "author", author, required=True)
    # R29 / P: a medical statement is summarised — its essential content and conclusion — not copied
    # (seed 001, l. 1923–1968; seed 000 L3836–3838).
    summary = _text(summary, "summary", _("Summary"), required=True)
    _past_date(document_date, "document_date")
    _past_date(received_on, "received_on")
    if received_on < document_date:
        raise DomainError(_("A document cannot be received before its own date."), field="received_on")
    return {
        "kind": kind, "title": title, "document_date": document_date, "author": author, "received_on": received_on,
        "summary": summary, "sensitive": bool(sensitive) or kind in MEDICAL_DOCUMENTS,
    }  # fmt: skip


def _create_document(
    *, actor: User, case: Case, cleaned: dict, checked: files.CheckedFile | None, upload: File | None,
    request: InformationRequest | None, stored: list[str],
) -> Document:  # fmt: skip
    now = timezone.now()
    document = Document(case=case, request=request, recorded_by=actor, recorded_at=now, **cleaned)
    if checked is not None and upload is not None:
        document.storage_token = files.new_storage_token()
        document.original_filename = checked.original_filename
        document.content_type = checked.content_type
        document.size = checked.size
        document.sha256 = checked.sha256
        upload.seek(0)
        document.file.save(document.storage_token, upload, save=False)
        assert document.file.name is not None  # FieldFile.save() has just named the file
        stored.append(document.file.name)
    document.save()
    record_event(
        case=case, kind=EventKind.DOCUMENT_RECEIVED, actor=actor, at=now,
        data={"document_id": document.pk, "kind": document.kind, "title": document.title,
              "document_date": _d(document.document_date), "received_on": _d(document.received_on),
              "sensitive": document.sensitive, "has_file": bool(document.file),
              "request_id": request.pk if request else None},
    )  # fmt: skip
    return document


def _discard(stored: list[str]) -> None:
    """A file stored for a document whose transaction failed is removed again."""
    for name in stored:
        default_storage.delete(name)


def document_register(
    *, actor: User, case: Case, kind: str, title: str, document_date: date, author: str, received_on: date,
    summary: str, sensitive: bool = False, upload: File | None = None,
) -> Document:  # fmt: skip
    """Register a document received in the case, with an optional file. Medical documents are marked as
    health information; the file is checked by content and stored under a random name."""
    require_case_write(actor, case)
    cleaned = _clean_document(
        kind=kind, title=title, document_date=document_date, author=author, received_on=received_on,
        summary=summary, sensitive=sensitive,
    )  # fmt: skip
    checked = files.check_upload(upload, on=received_on) if upload is not None else None
    stored: list[str] = []
    try:
        with transaction.atomic():
            return _create_document(
                actor=actor, case=case, cleaned=cleaned, checked=checked, upload=upload, request=None, stored=stored
            )
    except BaseException:
        _discard(stored)
        raise
