"""Forms of the resource-profile pages. They parse and check input at the edge; the services apply the
method's rules and give the messages a caseworker acts on."""

from django import forms
from django.utils.translation import gettext_lazy as _

from evne.profiles.models import (
    AccommodationDuration,
    DisagreementOutcome,
    InvolvementKind,
    NonParticipation,
    PresentationMethod,
    SourceKind,
)

from . import DateInput, LawDateField

TEXTAREA = {"rows": 3}


class FactForm(forms.Form):
    id = forms.CharField(required=False, widget=forms.HiddenInput, max_length=16)
    text = forms.CharField(label=_("Fact"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 2}))
    source_kind = forms.ChoiceField(label=_("Source"), required=False, choices=[("", "—"), *SourceKind.choices])
    source_detail = forms.CharField(
        label=_("Source detail"), required=False, max_length=200,
        widget=forms.TextInput(attrs={"placeholder": _("e.g. conversation 9 March, LÆ 265 of 2 Feb")}),
    )  # fmt: skip
    note_id = forms.TypedChoiceField(label=_("Note in the case"), required=False, coerce=int, empty_value=None)
    used = forms.BooleanField(label=_("The assessment rests on this fact"), required=False)
    # The document in the case the fact comes from (the service checks it is this case's).
    document_id = forms.TypedChoiceField(label=_("Document in the case"), required=False, coerce=int,
                                         empty_value=None)  # fmt: skip
    # A link set elsewhere (a carried provider finding); kept as it is when the element is edited.
    report_id = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, notes=(), documents=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["note_id"].choices = [("", "—")] + [
            (n.pk, f"{n.created_at:%d-%m-%Y} · {n.get_kind_display()} · {n.text[:60]}") for n in notes
        ]
        self.fields["document_id"].choices = [("", "—")] + [
            (d.pk, f"{d.document_date:%d-%m-%Y} · {d.title}") for d in documents
        ]


FactFormSet = forms.formset_factory(FactForm, extra=2, max_num=200, absolute_max=200)


class ElementForm(forms.Form):
    base_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    reason = forms.CharField(
        label=_("Reason for this version"), max_length=300,
        help_text=_("Why you save: e.g. first description, new information from the citizen, provider report."),
    )  # fmt: skip
    relevant = forms.TypedChoiceField(
        label=_("Is the element relevant for this citizen?"), coerce=lambda v: v == "yes",
        choices=[("yes", _("Relevant")), ("no", _("Not relevant"))], widget=forms.RadioSelect,
    )  # fmt: skip
    not_relevant_obvious = forms.BooleanField(label=_("It is obvious that the element is not relevant"), required=False)
    not_relevant_reason = forms.CharField(
        label=_("Why the element is not relevant"), required=False, widget=forms.Textarea(attrs=TEXTAREA)
    )
    title = forms.CharField(label=_("Title of the other matter"), required=False, max_length=200)
    justification = forms.CharField(
        label=_("Written justification for including it"), required=False, widget=forms.Textarea(attrs=TEXTAREA)
    )
    citizen_view = forms.CharField(
        label=_("The citizen's own view"), required=False, widget=forms.Textarea(attrs=TEXTAREA)
    )
    resources = forms.CharField(label=_("Resources"), required=False, widget=forms.Textarea(attrs=TEXTAREA))
    barriers = forms.CharField(label=_("Barriers"), required=False, widget=forms.Textarea(attrs=TEXTAREA))
    development = forms.CharField(
        label=_("Development possibilities"), required=False, widget=forms.Textarea(attrs=TEXTAREA)
    )
    accommodation_needs = forms.CharField(
        label=_("Accommodation needs (skånebehov)"), required=False, widget=forms.Textarea(attrs=TEXTAREA)
    )
    accommodation_duration = forms.ChoiceField(
        label=_("Duration of the accommodation needs"), required=False,
        choices=[("", "—"), *AccommodationDuration.choices],
    )  # fmt: skip
    accommodation_until = LawDateField(label=_("Needed until"), required=False, widget=DateInput())
    missing_information = forms.CharField(
        label=_("Missing information"), required=False, widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_("What is still lacking before the element can be assessed."),
    )  # fmt: skip
    assessment = forms.CharField(
        label=_("Your professional assessment"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Kept apart from the description. Tick the facts above that the assessment rests on."),
    )  # fmt: skip
    hypothesis_ids = forms.TypedMultipleChoiceField(
        label=_("Presented hypotheses the assessment uses"), required=False, coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip

    def __init__(self, *args, hypotheses=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hypothesis_ids"].choices = [(h.pk, f"H{h.pk}: {h.text[:80]}") for h in hypotheses]


class InvolvementForm(forms.Form):
    kind = forms.ChoiceField(label=_("What"), choices=InvolvementKind.choices)
    occurred_on = LawDateField(label=_("Date"), widget=DateInput())
    text = forms.CharField(label=_("What happened"), widget=forms.Textarea(attrs=TEXTAREA), max_length=20_000)
    non_participation = forms.ChoiceField(
        label=_("If the citizen does not take part"), required=False, choices=[("", "—"), *NonParticipation.choices]
    )
    consequences_explained = forms.BooleanField(
        label=_("The citizen was told that the case will be decided on the information available"), required=False
    )


class HypothesisForm(forms.Form):
    text = forms.CharField(label=_("Hypothesis"), widget=forms.Textarea(attrs=TEXTAREA), max_length=20_000)
    element = forms.ChoiceField(label=_("Element"), required=False)

    def __init__(self, *args, elements=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["element"].choices = [("", "—"), *elements]


class PresentationForm(forms.Form):
    presented_on = LawDateField(label=_("Presented on"), widget=DateInput())
    method = forms.ChoiceField(label=_("How"), choices=PresentationMethod.choices)
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs=TEXTAREA))


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Decision"), choices=DisagreementOutcome.choices, widget=forms.RadioSelect)
    explanation = forms.CharField(
        label=_("Professional explanation (also shown to the citizen)"), required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
    )  # fmt: skip
