"""Forms of the statement conclusions and treatment history pages:
they parse and check input at the edge;
the services apply the rules and give the messages a caseworker acts on."""

from django import forms
from django.utils.translation import gettext_lazy

from evne.evidence import statements
from evne.evidence.models import (
    DevelopmentView,
    ExpectedEffect,
    Prognosis,
    StatementAgreement,
    StatementAuthorRole,
    TreatmentSource,
    TreatmentStatusKind,
    WorkAbilityView,
)

from . import DateInput, LawDateField

TEXTAREA = {"rows": 2}
NONE = [("", "—")]
TREATMENT_ROWS = 2  # empty treatment rows on a fresh form; "More treatment rows" adds more


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
