"""The document's page with its conclusions, the conclusions form, and the treatment history of a case.

Thin views over evne.evidence.statements (writes) and evne.evidence.selectors (reads), behind access_case(), which
writes the access-log entry. The forms check the shape; the services apply the rules and name the field at fault.
"""

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from evne.accounts.access import access_case, can_write_case
from evne.accounts.models import AccessAction, AccessChannel
from evne.errors import DomainError, StaleVersion
from evne.evidence import selectors, statements
from evne.evidence.models import (
    DevelopmentView,
    Document,
    ExpectedEffect,
    Prognosis,
    StatementAgreement,
    StatementAuthorRole,
    TreatmentSource,
    TreatmentStatusKind,
    WorkAbilityView,
)

from .forms import DateInput, LawDateField

WEB = AccessChannel.WEB
TEXTAREA = {"rows": 2}
NONE = [("", "—")]
TREATMENT_ROWS = 2  # empty treatment rows on a fresh form; "More treatment rows" adds more
TREATMENT_ROW_FIELDS = ("description", "expected_effect", "recommended_on", "status", "status_on", "status_reason")


# --- forms ----------------------------------------------------------------------------------------------


class ConclusionsForm(forms.Form):
    expected_number = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    author_role = forms.ChoiceField(label=gettext_lazy("Author's role"), choices=StatementAuthorRole.choices)
    stated_on = forms.DateField(label=gettext_lazy("Date of the statement"), widget=DateInput())
    examined_on = forms.DateField(label=gettext_lazy("Date of the examination"), required=False, widget=DateInput())
    conditions = forms.CharField(
        label=gettext_lazy("Conditions and diagnoses"), required=False, widget=forms.Textarea(attrs=TEXTAREA)
    )
    icd10_code = forms.CharField(
        label=gettext_lazy("ICD-10 code"), required=False, max_length=10,
        help_text=gettext_lazy("Optional, e.g. F32.1 or M54."),
    )  # fmt: skip
    prognosis = forms.ChoiceField(label=gettext_lazy("Prognosis"), choices=Prognosis.choices)
    prognosis_until = LawDateField(
        label=gettext_lazy("Temporary until"), required=False, widget=DateInput(),
        help_text=gettext_lazy("Required for a temporary prognosis."),
    )  # fmt: skip
    hours_per_week = forms.DecimalField(
        label=gettext_lazy("Hours per week the statement describes"), required=False, min_value=0, max_value=80,
        decimal_places=2, max_digits=4,
    )  # fmt: skip
    restrictions = forms.CharField(
        label=gettext_lazy("Functional restrictions"), required=False, widget=forms.Textarea(attrs=TEXTAREA)
    )
    accommodation_needs = forms.CharField(
        label=gettext_lazy("Accommodation needs (skånehensyn)"), required=False, widget=forms.Textarea(attrs=TEXTAREA)
    )
    development_view = forms.ChoiceField(
        label=gettext_lazy("Can the work ability be developed?"), choices=DevelopmentView.choices
    )
    development_quote = forms.CharField(
        label=gettext_lazy("The statement's own words on development"), required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=gettext_lazy("Quote the sentence; required when the statement says yes or no."),
    )  # fmt: skip
    work_ability_view = forms.ChoiceField(
        label=gettext_lazy("The statement's view on the work ability"), choices=WorkAbilityView.choices,
        help_text=gettext_lazy("What the author says. Only the municipality assesses the work ability."),
    )  # fmt: skip
    agreement = forms.ChoiceField(
        label=gettext_lazy("Agreement with other statements"), choices=StatementAgreement.choices
    )
    document_ids = forms.TypedMultipleChoiceField(
        label=gettext_lazy("The statements it agrees or disagrees with"), required=False, coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    reason = forms.CharField(label=gettext_lazy("Why the conclusions are revised"), required=False, max_length=300)

    def __init__(self, *args, others=(), revising: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document_ids"].choices = [(d.pk, f"{d.document_date:%d-%m-%Y} · {d.title}") for d in others]
        if not others:
            del self.fields["document_ids"]
        if not revising:
            del self.fields["reason"]


class TreatmentRowForm(forms.Form):
    description = forms.CharField(
        label=gettext_lazy("Treatment recommended"), required=False, max_length=statements.TREATMENT_TEXT_MAX
    )
    expected_effect = forms.ChoiceField(
        label=gettext_lazy("Expected effect"), required=False, choices=NONE + list(ExpectedEffect.choices)
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Status"), required=False, choices=TreatmentStatusKind.choices,
        initial=TreatmentStatusKind.PLANNED,
    )  # fmt: skip
    status_on = LawDateField(
        label=gettext_lazy("Status date"), required=False, widget=DateInput(),
        help_text=gettext_lazy("Empty: the date of the statement."),
    )  # fmt: skip
    status_reason = forms.CharField(
        label=gettext_lazy("Reason (declined or not possible)"), required=False, max_length=statements.TEXT_MAX
    )

    def filled(self) -> bool:
        data = self.cleaned_data
        return bool(data.get("description") or data.get("expected_effect") or data.get("status_reason"))


TreatmentRowFormSet = forms.formset_factory(
    TreatmentRowForm, extra=TREATMENT_ROWS, max_num=statements.TREATMENTS_MAX, absolute_max=statements.TREATMENTS_MAX
)


class TreatmentForm(forms.Form):
    description = forms.CharField(
        label=gettext_lazy("Treatment recommended"), max_length=statements.TREATMENT_TEXT_MAX,
        widget=forms.Textarea(attrs=TEXTAREA),
    )  # fmt: skip
    source = forms.ChoiceField(label=gettext_lazy("Recommended in"), choices=TreatmentSource.choices)
    document_id = forms.TypedChoiceField(
        label=gettext_lazy("The statement"), required=False, coerce=int, empty_value=None,
        help_text=gettext_lazy("For a treatment recommended in a statement."),
    )  # fmt: skip
    recommended_by = forms.CharField(
        label=gettext_lazy("Recommended by (role or name)"), required=False, max_length=200,
        help_text=gettext_lazy("Required when no statement is chosen."),
    )  # fmt: skip
    recommended_on = LawDateField(label=gettext_lazy("Recommended on"), widget=DateInput())
    expected_effect = forms.ChoiceField(label=gettext_lazy("Expected effect"), choices=ExpectedEffect.choices)
    status = forms.ChoiceField(
        label=gettext_lazy("Status"), choices=TreatmentStatusKind.choices, initial=TreatmentStatusKind.PLANNED
    )
    status_on = LawDateField(
        label=gettext_lazy("Status date"), required=False, widget=DateInput(),
        help_text=gettext_lazy("Empty: the day it was recommended."),
    )  # fmt: skip
    status_reason = forms.CharField(
        label=gettext_lazy("Reason (declined or not possible)"), required=False, widget=forms.Textarea(attrs=TEXTAREA)
    )

    def __init__(self, *args, documents=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document_id"].choices = NONE + [
            (d.pk, f"{d.document_date:%d-%m-%Y} · {d.title}") for d in documents
        ]


class TreatmentStatusForm(forms.Form):
    expected_number = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    status = forms.ChoiceField(label=gettext_lazy("New status"), choices=TreatmentStatusKind.choices)
    status_on = LawDateField(label=gettext_lazy("Date"), widget=DateInput())
    reason = forms.CharField(label=gettext_lazy("Reason (declined or not possible)"), required=False, max_length=20_000)


# --- helpers --------------------------------------------------------------------------------------------


def _document_or_404(case, document_id: int) -> Document:
    return get_object_or_404(
        Document.objects.select_related("case", "request", "recorded_by"), pk=document_id, case=case
    )


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
        elif form.is_valid() and rows.is_valid():
            filled = [i for i, row in enumerate(rows.forms) if row.filled()]
            treatments = [
                {f: rows.forms[i].cleaned_data[f] for f in TREATMENT_ROW_FIELDS if f in rows.forms[i].cleaned_data}
                for i in filled
            ]
            try:
                statements.statement_record(
                    actor=request.user, document=document, treatments=treatments, **form.cleaned_data
                )
            except StaleVersion as exc:
                form.add_error(None, exc.message)
                status = 409
            except DomainError as exc:
                _apply_error(exc, form, rows, filled)
                status = 422
            else:
                messages.success(request, _("The conclusions of the statement were recorded."))
                return redirect("web:evidence_document", case_id=case.pk, document_id=document.pk)
        else:
            status = 422
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
    treatment = get_object_or_404(case.treatments.select_related("case"), pk=treatment_id)
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
