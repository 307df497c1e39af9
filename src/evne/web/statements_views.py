"""The document's page with its conclusions, the conclusions form, and the treatment history of a case.

Thin views over evne.evidence.statements (writes) and evne.evidence.selectors (reads), behind access_case(), which
writes the access-log entry. The forms check the shape; the services apply the rules and name the field at fault.
"""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from evne.accounts.access import access_case, can_write_case
from evne.accounts.models import AccessAction, AccessChannel
from evne.errors import DomainError
from evne.evidence import selectors, statements
from evne.evidence.models import (
    DevelopmentView,
    Document,
    Prognosis,
    StatementAgreement,
    WorkAbilityView,
)

from .formflow import submit
from .forms.statements import (
    ConclusionsForm,
    TreatmentForm,
    TreatmentRowFormSet,
    TreatmentStatusForm,
)

WEB = AccessChannel.WEB

TREATMENT_ROW_FIELDS = ("description", "expected_effect", "recommended_on", "status", "status_on", "status_reason")


# --- helpers --------------------------------------------------------------------------------------------


def _document_or_404(case, document_id: int) -> Document:
    document = selectors.document_for(case, document_id)
    if document is None:
        raise Http404
    return document


def _context(case, **extra) -> dict:
    return {"case": case, "citizen": case.citizen, **extra}


def _initial(document: Document, latest, info) -> dict:
    """The form starts from the latest conclusions when they are revised; else from what the document and the
    request it answers already say: who was asked (the author's role) and the statement's date."""
    if latest is not None:
        fields = [name for name in ConclusionsForm.base_fields if name not in ("expected_number", "reason")]
        return {**{name: getattr(latest, name) for name in fields}, "expected_number": latest.number}
    role = ""
    if info is not None:
        role = statements.ROLE_OF_RECIPIENT.get(info.recipient_kind, "")
    role = role or statements.ROLE_OF_KIND.get(document.kind, "")
    return {
        "expected_number": 0, "author_role": role, "stated_on": document.document_date,
        "prognosis": Prognosis.NOT_STATED, "development_view": DevelopmentView.NOT_STATED,
        "work_ability_view": WorkAbilityView.NOT_ASSESSED, "agreement": StatementAgreement.NOT_STATED,
    }  # fmt: skip


def _apply_error(exc: DomainError, form, rows, indices: list[int]) -> None:
    """Put the service's message beside its field: `treatments.<i>.<field>` is row indices[i] of the formset."""
    field = exc.field or ""
    if field.startswith("treatments."):
        _, index, name = [*field.split(".", 2), "", ""][:3]
        if index.isdigit() and int(index) < len(indices):
            row = rows.forms[indices[int(index)]]
            row.add_error(name if name in row.fields else None, exc.message)
            return
    form.add_error(field if field in form.fields else None, exc.message)


# --- the document's page --------------------------------------------------------------------------------


def document_detail(request: HttpRequest, case_id: int, document_id: int) -> HttpResponse:
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.CASE, channel=WEB)
    document = _document_or_404(case, document_id)
    history = selectors.conclusions_history(document)
    latest = history[0] if history else None
    others = {d.pk: d for d in selectors.documents_for(case)}
    return render(request, "web/evidence/document.html", _context(
        case, document=document, latest=latest, history=history, info=selectors.request_answered_by(document),
        referred=[others[i] for i in (latest.document_ids if latest else []) if i in others],
        treatments=selectors.treatments_for(case, document=document), can_write=can_write_case(request.user, case),
    ))  # fmt: skip


def conclusions_form(request: HttpRequest, case_id: int, document_id: int) -> HttpResponse:
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.CASE, channel=WEB, write=True)
    document = _document_or_404(case, document_id)
    latest = selectors.latest_conclusions(document)
    info = selectors.request_answered_by(document)
    others = [d for d in selectors.documents_for(case) if d.pk != document.pk]
    kwargs = {"others": others, "revising": latest is not None}
    status = 200
    if request.method == "POST":
        form = ConclusionsForm(request.POST, **kwargs)
        rows = TreatmentRowFormSet(request.POST, prefix="treatments")
        if "more" in request.POST:  # more empty treatment rows, nothing saved
            data = request.POST.copy()
            total = min(int(data.get("treatments-TOTAL_FORMS") or 0) + 2, statements.TREATMENTS_MAX)
            data["treatments-TOTAL_FORMS"] = str(total)
            form, rows = ConclusionsForm(data, **kwargs), TreatmentRowFormSet(data, prefix="treatments")
            form.is_valid()
            form.errors.clear()
        else:

            def filled() -> list[int]:
                return [i for i, row in enumerate(rows.forms) if row.filled()]

            def save(data: dict):
                treatments = [{f: rows.forms[i].cleaned_data[f] for f in TREATMENT_ROW_FIELDS
                               if f in rows.forms[i].cleaned_data} for i in filled()]  # fmt: skip
                return statements.statement_record(actor=request.user, document=document, treatments=treatments,
                                                   **data)  # fmt: skip

            outcome = submit(form, save, also=[rows], on_error=lambda exc: _apply_error(exc, form, rows, filled()))
            if outcome.ok:
                messages.success(request, _("The conclusions of the statement were recorded."))
                return redirect("web:evidence_document", case_id=case.pk, document_id=document.pk)
            status = outcome.status
    else:
        form = ConclusionsForm(initial=_initial(document, latest, info), **kwargs)
        rows = TreatmentRowFormSet(prefix="treatments")
    return render(request, "web/evidence/conclusions_form.html", _context(
        case, document=document, form=form, rows=rows, info=info, latest=latest,
        recorded=selectors.treatments_for(case, document=document),
    ), status=status)  # fmt: skip


# --- the treatment history ------------------------------------------------------------------------------


def treatments(request: HttpRequest, case_id: int) -> HttpResponse:
    write = request.method == "POST"
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.CASE, channel=WEB, write=write)
    documents = selectors.documents_for(case)
    form = TreatmentForm(request.POST or None, documents=documents, initial={"recommended_on": timezone.localdate()})
    status = 200
    if write:
        if form.is_valid():
            try:
                statements.treatment_record(actor=request.user, case=case, **form.cleaned_data)
            except DomainError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            else:
                messages.success(request, _("The treatment was recorded."))
                return redirect("web:evidence_treatments", case_id=case.pk)
        status = 422
    rows = selectors.treatments_for(case)
    today = timezone.localdate()
    for t in rows:
        t.status_form = TreatmentStatusForm(
            initial={"expected_number": t.current.number if t.current else 0, "status_on": today},
            prefix=f"status-{t.pk}",
        )
    return render(request, "web/evidence/treatments.html", _context(
        case, treatments=rows, form=form, can_write=can_write_case(request.user, case),
    ), status=status)  # fmt: skip


@require_POST
def treatment_status(request: HttpRequest, case_id: int, treatment_id: int) -> HttpResponse:
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.CASE, channel=WEB, write=True)
    treatment = selectors.treatment_for(case, treatment_id)
    if treatment is None:
        raise Http404
    form = TreatmentStatusForm(request.POST, prefix=f"status-{treatment.pk}")
    if form.is_valid():
        try:
            statements.treatment_update_status(actor=request.user, treatment=treatment, **form.cleaned_data)
        except DomainError as exc:  # StaleVersion too: the message says what to do
            messages.error(request, exc.message)
        else:
            messages.success(request, _("The status of the treatment was recorded."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect(reverse("web:evidence_treatments", args=[case.pk]) + f"#treatment-{treatment.pk}")
