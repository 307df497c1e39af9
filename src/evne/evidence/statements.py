"""Writes of a statement's conclusions and of the treatment history.

Why: decisions are overturned on appeal when the file does not show what the statements concluded and what became
of the treatment they recommended — a treatment the doctor recommended that never happened, a specialist statement
the reasons pass over (Ankestyrelsen's principles on a fully investigated case; bek. 543/2002 § 7, stk. 4–6, seed
001 l. 2094–2248). So the substance of a statement is recorded as facts beside the document, whose summary stays
the method's summary (seed 001 l. 1923–1968: summarised, never copied), and every treatment carries its history.

Each service checks write access, validates every field (a clear DomainError naming it, nothing written), runs in
one transaction and records its timeline event. Everything here is append-only: a revision of the conclusions or
a new status of a treatment is a new row; a change based on a stale page is refused (StaleVersion) by the number
of the latest row the user saw.
"""

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from evne.accounts.access import require_case_write
from evne.accounts.models import User
from evne.cases.models import Case, EventKind
from evne.cases.timeline import record_event
from evne.errors import DomainError, StaleVersion
from evne.validation import clean_text, model_text

from .models import (
    DevelopmentView,
    Document,
    DocumentKind,
    ExpectedEffect,
    Prognosis,
    StatementAgreement,
    StatementAuthorRole,
    StatementConclusions,
    Treatment,
    TreatmentSource,
    TreatmentStatus,
    TreatmentStatusKind,
    WorkAbilityView,
)

TEXT_MAX = 20_000
QUOTE_MAX = 2_000
TREATMENT_TEXT_MAX = 2_000
TREATMENTS_MAX = 20
DOCUMENT_IDS_MAX = 50
HOURS_MAX = Decimal(80)
STATEMENT_TREATMENT_FIELDS = frozenset(
    {"description", "expected_effect", "recommended_on", "status", "status_on", "status_reason"}
)
# ICD-10 as WHO writes it: a letter, two digits, optionally a point and up to four more characters (F32.1, M54,
# M54.16). The Danish SKS form (DF321) is not accepted: one way of writing a code keeps codes comparable.
ICD10 = re.compile(r"^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$")
# Who a request went to says who answers it (evne.evidence.models.RecipientKind → StatementAuthorRole).
ROLE_OF_RECIPIENT = {
    "gp": StatementAuthorRole.GP,
    "specialist": StatementAuthorRole.SPECIALIST,
    "hospital": StatementAuthorRole.HOSPITAL,
    "employer": StatementAuthorRole.EMPLOYER,
    "provider": StatementAuthorRole.PROVIDER,
    "medical_adviser": StatementAuthorRole.MEDICAL_ADVISER,
    "akasse": StatementAuthorRole.OTHER,
    "other": StatementAuthorRole.OTHER,
}
# Without a request, the kind of document usually says who wrote it.
ROLE_OF_KIND = {
    "lae_265": StatementAuthorRole.GP,
    "status_statement": StatementAuthorRole.GP,
    "specialist_statement": StatementAuthorRole.SPECIALIST,
    "hospital_records": StatementAuthorRole.HOSPITAL,
    "clinical_function": StatementAuthorRole.CLINICAL_FUNCTION,
    "psychologist_statement": StatementAuthorRole.PSYCHOLOGIST,
    "medical_adviser": StatementAuthorRole.MEDICAL_ADVISER,
    "provider_report": StatementAuthorRole.PROVIDER,
    "employer_statement": StatementAuthorRole.EMPLOYER,
    "citizen_document": StatementAuthorRole.CITIZEN,
}


# --- field checks ---------------------------------------------------------------------------------------


def _choice(value, choices, field: str, message: str) -> str:
    if value not in choices.values:
        raise DomainError(message, field=field)
    return str(value)


def _date(value, field: str, *, past: bool = True) -> date:
    """A date that must be given; unless `past` is False, not in the future."""
    if not isinstance(value, date):
        raise DomainError(_("Enter a date."), field=field)
    if past and value > timezone.localdate():
        raise DomainError(_("The date cannot lie in the future."), field=field)
    return value


def _text(value, field: str, label: str, *, required: bool = False, max_length: int = TEXT_MAX) -> str:
    return clean_text(value, field=field, label=label, max_length=max_length, required=required)


def _d(value: date | None) -> str | None:
    return value.isoformat() if value else None


def clean_icd10(value, field: str = "icd10_code") -> str:
    """An ICD-10 code as WHO writes it, upper case (f32.1 → F32.1), or empty."""
    code = ("" if value is None else str(value)).strip().upper()
    if code and not ICD10.match(code):
        raise DomainError(
            _("Write the ICD-10 code as a letter, two digits and optionally a point and more, e.g. F32.1 or M54."),
            field=field,
        )
    return code


def clean_hours(value, field: str = "hours_per_week") -> Decimal | None:
    """Hours per week, 0–80 with at most two decimals, or None when the statement gives none."""
    if value is None or value == "":
        return None
    try:
        hours = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        raise DomainError(_("Enter the hours per week as a number, e.g. 15 or 12.5."), field=field) from None
    if not hours.is_finite() or hours < 0 or hours > HOURS_MAX:
        raise DomainError(_("The hours per week must lie between 0 and 80."), field=field)
    if hours != hours.quantize(Decimal("0.01")):
        raise DomainError(_("Give the hours per week with at most two decimals."), field=field)
    return hours.quantize(Decimal("0.01"))


def _other_documents(document: Document, agreement: str, document_ids: Iterable) -> list[int]:
    """The other statements of the same case that it agrees or disagrees with."""
    try:
        ids = sorted({int(i) for i in document_ids or []})
    except (TypeError, ValueError):
        raise DomainError(
            _("Choose the other statements among the documents of this case."), field="document_ids"
        ) from None
    if len(ids) > DOCUMENT_IDS_MAX:
        raise DomainError(_("Name at most %(max)d other statements.") % {"max": DOCUMENT_IDS_MAX}, field="document_ids")
    if document.pk in ids:
        raise DomainError(_("A statement cannot agree or disagree with itself."), field="document_ids")
    found = set(Document.objects.filter(case_id=document.case_id, pk__in=ids).values_list("pk", flat=True))
    if found != set(ids):
        raise DomainError(_("Choose the other statements among the documents of this case."), field="document_ids")
    if agreement == StatementAgreement.NOT_STATED and ids:
        raise DomainError(
            _("Say whether the statement agrees or disagrees with the statements you chose."), field="agreement"
        )
    if agreement == StatementAgreement.DISAGREES and not ids:
        raise DomainError(_("Choose the statements it disagrees with."), field="document_ids")
    return ids


# --- treatments -----------------------------------------------------------------------------------------


def _clean_status(
    *, status, status_on, reason, recommended_on: date, after: date | None = None, prefix: str = "",
    reason_field: str = "reason",
) -> dict:  # fmt: skip
    """A status of a treatment. Declined or not possible needs the reason: the law asks whether the citizen
    refused a treatment without a reasonable cause, and a treatment that could not be had is no refusal."""
    _choice(status, TreatmentStatusKind, f"{prefix}status", _("Choose the status of the treatment."))
    status_on = _date(status_on, f"{prefix}status_on")
    if status_on < recommended_on:
        raise DomainError(_("The status cannot be dated before the recommendation."), field=f"{prefix}status_on")
    if after is not None and status_on < after:
        raise DomainError(
            _("The status cannot be dated before the previous status (%(date)s).")
            % {"date": after.strftime("%d-%m-%Y")},
            field=f"{prefix}status_on",
        )
    reason = _text(reason, prefix + reason_field, _("Reason"))
    if status in (TreatmentStatusKind.DECLINED, TreatmentStatusKind.NOT_POSSIBLE) and not reason:
        raise DomainError(
            _("Give the reason why the treatment was declined or not possible."), field=prefix + reason_field
        )
    return {"status": status, "status_on": status_on, "reason": reason}


def _clean_treatment(
    *, case: Case, description, source, recommended_on, expected_effect, document_id=None, recommended_by="",
    status=TreatmentStatusKind.PLANNED, status_on=None, status_reason="", prefix: str = "",
    statement_date: date | None = None,
) -> dict:  # fmt: skip
    """`statement_date`: the date of the statement that recommends it (default: the document's date)."""
    description = _text(
        description, f"{prefix}description", _("Treatment recommended"), required=True, max_length=TREATMENT_TEXT_MAX
    )
    _choice(source, TreatmentSource, f"{prefix}source", _("Choose where the recommendation came from."))
    document = None
    if document_id is not None:
        try:
            document = Document.objects.filter(case=case, pk=int(document_id)).first()
        except (TypeError, ValueError):
            document = None
        if document is None or document.kind == DocumentKind.OUTGOING_LETTER:
            raise DomainError(_("Choose a statement registered in this case."), field=f"{prefix}document_id")
    if source == TreatmentSource.STATEMENT and document is None:
        raise DomainError(_("Choose the statement that recommends the treatment."), field=f"{prefix}document_id")
    if source != TreatmentSource.STATEMENT and document is not None:
        raise DomainError(
            _("Only a treatment recommended in a statement names the statement."), field=f"{prefix}document_id"
        )
    recommended_by = model_text(
        Treatment, "recommended_by", recommended_by, required=document is None,
        error_field=f"{prefix}recommended_by",
    )  # fmt: skip
    recommended_on = _date(recommended_on, f"{prefix}recommended_on")
    if document is not None and recommended_on < (statement_date or document.document_date):
        raise DomainError(
            _("A treatment cannot be recommended before the date of the statement that recommends it."),
            field=f"{prefix}recommended_on",
        )
    _choice(expected_effect, ExpectedEffect, f"{prefix}expected_effect", _("Choose the effect expected."))
    first = _clean_status(
        status=status, status_on=status_on or recommended_on, reason=status_reason,
        recommended_on=recommended_on, prefix=prefix, reason_field="status_reason",
    )  # fmt: skip
    return {
        "treatment": {
            "description": description, "source": source, "document": document, "recommended_by": recommended_by,
            "recommended_on": recommended_on, "expected_effect": expected_effect,
        },
        "status": first,
    }  # fmt: skip


def _create_treatment(*, actor: User, case: Case, cleaned: dict, now) -> Treatment:
    treatment = Treatment.objects.create(case=case, recorded_by=actor, recorded_at=now, **cleaned["treatment"])
    status = TreatmentStatus.objects.create(
        treatment=treatment, number=1, recorded_by=actor, recorded_at=now, **cleaned["status"]
    )
    record_event(
        case=case, kind=EventKind.TREATMENT_RECORDED, actor=actor, at=now,
        data={"treatment_id": treatment.pk, "description": treatment.description[:200], "source": treatment.source,
              "document_id": treatment.document_id, "recommended_by": treatment.recommended_by,
              "recommended_on": _d(treatment.recommended_on), "expected_effect": treatment.expected_effect,
              "status": status.status, "status_on": _d(status.status_on), "reason": status.reason},
    )  # fmt: skip
    return treatment


@transaction.atomic
def treatment_record(
    *, actor: User, case: Case, description: str, source: str, recommended_on: date, expected_effect: str,
    document_id: int | None = None, recommended_by: str = "", status: str = TreatmentStatusKind.PLANNED,
    status_on: date | None = None, status_reason: str = "",
) -> Treatment:  # fmt: skip
    """Record a treatment recommended in the case, with its first status (by default planned, dated the day it
    was recommended).

    From a statement (`source` "statement") it names the statement (`document_id`, a document of the case);
    otherwise who recommended it is written in `recommended_by`."""
    require_case_write(actor, case)
    cleaned = _clean_treatment(
        case=case, description=description, source=source, recommended_on=recommended_on,
        expected_effect=expected_effect, document_id=document_id, recommended_by=recommended_by, status=status,
        status_on=status_on, status_reason=status_reason,
    )  # fmt: skip
    return _create_treatment(actor=actor, case=case, cleaned=cleaned, now=timezone.now())


@transaction.atomic
def treatment_update_status(
    *, actor: User, treatment: Treatment, expected_number: int, status: str, status_on: date, reason: str = ""
) -> TreatmentStatus:
    """Record what became of a treatment: a new status row. `expected_number` is the number of the latest
    status the user saw; if another status was recorded since, nothing is saved (StaleVersion)."""
    case = treatment.case
    require_case_write(actor, case)
    current = Treatment.objects.select_for_update().get(pk=treatment.pk)
    latest = current.statuses.order_by("-number").first()
    if latest is None or latest.number != int(expected_number):
        raise StaleVersion(
            _(
                "Someone else recorded a status of this treatment while you were working on it. Your change was "
                "not saved; reload the page to see it."
            ),
            changes={"status": (None, latest.status if latest else None)},
        )
    cleaned = _clean_status(
        status=status, status_on=status_on, reason=reason, recommended_on=current.recommended_on,
        after=latest.status_on,
    )  # fmt: skip
    now = timezone.now()
    row = TreatmentStatus.objects.create(
        treatment=current, number=latest.number + 1, recorded_by=actor, recorded_at=now, **cleaned
    )
    record_event(
        case=case, kind=EventKind.TREATMENT_UPDATED, actor=actor, at=now,
        data={"treatment_id": current.pk, "number": row.number, "description": current.description[:200],
              "status": row.status, "status_on": _d(row.status_on), "reason": row.reason,
              "previous_status": latest.status},
    )  # fmt: skip
    return row


# --- statements -----------------------------------------------------------------------------------------


@transaction.atomic
def statement_record(
    *, actor: User, document: Document, author_role: str, stated_on: date, examined_on: date | None = None,
    conditions: str = "", icd10_code: str = "", prognosis: str = Prognosis.NOT_STATED,
    prognosis_until: date | None = None, hours_per_week=None, restrictions: str = "",
    accommodation_needs: str = "", development_view: str = DevelopmentView.NOT_STATED,
    development_quote: str = "", work_ability_view: str = WorkAbilityView.NOT_ASSESSED,
    agreement: str = StatementAgreement.NOT_STATED, document_ids: Iterable[int] = (), expected_number: int = 0,
    reason: str = "", treatments: Iterable[dict] = (),
) -> StatementConclusions:  # fmt: skip
    """Record the conclusions of a statement (a document of the case), with the treatments it recommends.

    The first record has `expected_number` 0; a revision names the number of the latest conclusions the user saw
    and gives a `reason`. Each item of `treatments` is a dict of `description`, `expected_effect` and optionally
    `recommended_on` (default: the statement's date), `status`, `status_on`, `status_reason`; errors name the
    field as `treatments.<index>.<field>`."""
    case = document.case
    require_case_write(actor, case)
    if document.kind == DocumentKind.OUTGOING_LETTER:
        # The municipality's own letters are not statements about the citizen; their content is the decision's.
        raise DomainError(_("A letter from the municipality is not a statement."), field="document")
    _choice(author_role, StatementAuthorRole, "author_role", _("Choose the author's role."))
    stated_on = _date(stated_on, "stated_on")
    if stated_on > document.received_on:
        raise DomainError(_("A statement cannot be dated after the day it was received."), field="stated_on")
    examined_on = None if examined_on is None else _date(examined_on, "examined_on")
    if examined_on is not None and stated_on < examined_on:
        raise DomainError(_("The statement cannot be dated before the examination."), field="stated_on")
    conditions = _text(conditions, "conditions", _("Conditions and diagnoses"))
    icd10_code = clean_icd10(icd10_code)
    _choice(prognosis, Prognosis, "prognosis", _("Choose the prognosis."))
    if prognosis == Prognosis.TEMPORARY:
        # A temporary prognosis says until when: without the date, "temporary" cannot be checked later.
        prognosis_until = _date(prognosis_until, "prognosis_until", past=False)
        if prognosis_until <= stated_on:
            raise DomainError(_("A temporary prognosis ends after the date of the statement."), field="prognosis_until")
    elif prognosis_until is not None:
        raise DomainError(_("Only a temporary prognosis has an end date."), field="prognosis_until")
    hours = clean_hours(hours_per_week)
    restrictions = _text(restrictions, "restrictions", _("Functional restrictions"))
    accommodation_needs = _text(accommodation_needs, "accommodation_needs", _("Accommodation needs"))
    _choice(development_view, DevelopmentView, "development_view", _("Choose the statement's view on development."))
    development_quote = _text(
        development_quote, "development_quote", _("The statement's own words"), max_length=QUOTE_MAX
    )
    if development_view in (DevelopmentView.YES, DevelopmentView.NO) and not development_quote:
        # The view is only as good as the sentence it rests on: quote it, so the reasons can cite it.
        raise DomainError(
            _("Quote the sentence in which the statement says whether the work ability can be developed."),
            field="development_quote",
        )
    _choice(
        work_ability_view, WorkAbilityView, "work_ability_view", _("Choose the statement's view on the work ability.")
    )
    _choice(agreement, StatementAgreement, "agreement", _("Choose whether it agrees with other statements."))
    other_ids = _other_documents(document, agreement, document_ids)
    reason = model_text(StatementConclusions, "reason", reason)
    treatment_rows = list(treatments or [])
    if len(treatment_rows) > TREATMENTS_MAX:
        raise DomainError(
            _("Record at most %(max)d treatments with one statement.") % {"max": TREATMENTS_MAX}, field="treatments"
        )
    cleaned_treatments = []
    for index, row in enumerate(treatment_rows):
        prefix = f"treatments.{index}."
        if not isinstance(row, dict):
            raise DomainError(_("Describe the treatment."), field=f"{prefix}description")
        row = dict(row)
        unknown = set(row) - STATEMENT_TREATMENT_FIELDS
        if unknown:
            raise DomainError(_("Unknown field."), field=prefix + sorted(unknown)[0])
        cleaned = _clean_treatment(
            case=case, description=row.get("description"), source=TreatmentSource.STATEMENT,
            recommended_on=row.get("recommended_on") or stated_on, expected_effect=row.get("expected_effect"),
            document_id=document.pk, recommended_by="", status=row.get("status") or TreatmentStatusKind.PLANNED,
            status_on=row.get("status_on"), status_reason=row.get("status_reason", ""), prefix=prefix,
            statement_date=stated_on,
        )  # fmt: skip
        cleaned_treatments.append(cleaned)

    locked = Document.objects.select_for_update().get(pk=document.pk)
    latest = locked.conclusions.aggregate(n=Max("number"))["n"] or 0
    if latest != int(expected_number or 0):
        raise StaleVersion(
            _(
                "Someone else recorded conclusions of this statement while you were working on it. Your change was "
                "not saved; reload the page to see them."
            ),
            changes={"number": (int(expected_number or 0), latest)},
        )
    if latest and not reason:
        raise DomainError(_("Say why the conclusions are revised."), field="reason")
    now = timezone.now()
    conclusions = StatementConclusions.objects.create(
        document=locked, number=latest + 1, author_role=author_role, examined_on=examined_on, stated_on=stated_on,
        conditions=conditions, icd10_code=icd10_code, prognosis=prognosis, prognosis_until=prognosis_until,
        hours_per_week=hours, restrictions=restrictions, accommodation_needs=accommodation_needs,
        development_view=development_view, development_quote=development_quote,
        work_ability_view=work_ability_view, agreement=agreement, document_ids=other_ids, reason=reason,
        recorded_by=actor, recorded_at=now,
    )  # fmt: skip
    record_event(
        case=case, kind=EventKind.STATEMENT_RECORDED, actor=actor, at=now,
        data={"document_id": locked.pk, "conclusions_id": conclusions.pk, "number": conclusions.number,
              "title": locked.title, "author_role": author_role, "stated_on": _d(stated_on),
              "examined_on": _d(examined_on), "prognosis": prognosis, "prognosis_until": _d(prognosis_until),
              "hours_per_week": str(hours) if hours is not None else None, "development_view": development_view,
              "work_ability_view": work_ability_view, "agreement": agreement, "document_ids": other_ids,
              "reason": reason},
    )  # fmt: skip
    for cleaned in cleaned_treatments:
        _create_treatment(actor=actor, case=case, cleaned=cleaned, now=now)
    return conclusions
