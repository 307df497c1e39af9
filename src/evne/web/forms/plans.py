"""Forms of the action plan, activity, order and provider report pages:
they parse and check input at the edge;
the services apply the rules and give the messages a caseworker acts on."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from evne.plans import services
from evne.plans.models import (
    AbsenceUnit,
    AccommodationRespected,
    CitizenAgreement,
    EndReason,
    TrialAccommodation,
    TrialOutcome,
)
from evne.profiles.models import ElementKey

from . import DateInput, LawDateField

BUILDS_ON_CHOICES = [
    ("", "—"),
    ("resources", gettext_lazy("Resources to develop")),
    ("barriers", gettext_lazy("Barriers to overcome")),
    ("both", gettext_lazy("Resources and barriers")),
]


def _area(label, *, rows=3, **kwargs):
    return forms.CharField(label=label, required=False, widget=forms.Textarea(attrs={"rows": rows}), **kwargs)


class PlanForm(forms.Form):
    base_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    reason = forms.CharField(
        label=gettext_lazy("Reason for the revision"), required=False, max_length=300,
        help_text=gettext_lazy("Required when you revise the plan: e.g. new information in the resource profile."),
    )  # fmt: skip
    means = _area(gettext_lazy("Means"), help_text=gettext_lazy("By which means the goals are to be reached."))
    agreed_with_citizen_on = LawDateField(
        label=gettext_lazy("Agreed with the citizen on"), required=False, widget=DateInput(),
        help_text=gettext_lazy("The plan is made with the citizen: the date the citizen agreed to this version."),
    )  # fmt: skip
    citizen_comments = _area(gettext_lazy("The citizen's comments"))


class GoalForm(forms.Form):
    id = forms.CharField(required=False, widget=forms.HiddenInput, max_length=16)
    text = _area(gettext_lazy("Goal"), rows=2, max_length=services.GOAL_MAX)
    parent = forms.TypedChoiceField(
        label=gettext_lazy("Sub-goal of goal no."), required=False, coerce=int, empty_value=None
    )
    element_keys = forms.MultipleChoiceField(
        label=gettext_lazy("Builds on these elements of the resource profile"), required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    builds_on = forms.ChoiceField(label=gettext_lazy("Builds on"), required=False, choices=BUILDS_ON_CHOICES)
    means = _area(gettext_lazy("Means for this goal"), rows=2)

    def __init__(self, *args, elements=(), rows=0, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["element_keys"].choices = list(elements)
        self.fields["parent"].choices = [("", "—")] + [(n, str(n)) for n in range(1, rows + 1)]


GoalFormSet = forms.formset_factory(GoalForm, extra=2, max_num=services.GOALS_MAX, absolute_max=services.GOALS_MAX)


class ActivityForm(forms.Form):
    type = forms.ChoiceField(label=gettext_lazy("Type"))
    provider = forms.CharField(label=gettext_lazy("Provider"), max_length=200, required=False)
    provider_contact = forms.CharField(label=gettext_lazy("Contact at the provider"), max_length=200, required=False)
    goal_ids = forms.MultipleChoiceField(
        label=gettext_lazy("Goals of the action plan it serves"), required=False, widget=forms.CheckboxSelectMultiple
    )
    start_on = LawDateField(label=gettext_lazy("Start"), widget=DateInput())
    planned_end_on = LawDateField(label=gettext_lazy("Planned end"), widget=DateInput())
    hours_per_week = forms.DecimalField(label=gettext_lazy("Hours per week"))

    def __init__(self, *args, types=(), goals=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", "—")] + [
            (t.code, f"{t.name_da}{' · ' + str(_('at a company')) if t.company_based else ''}") for t in types
        ]
        self.fields["goal_ids"].choices = list(goals)


class ActivityEditForm(ActivityForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class EndForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    actual_end_on = LawDateField(label=gettext_lazy("Actual end"), widget=DateInput())
    end_reason = forms.ChoiceField(label=gettext_lazy("Reason for ending"), choices=[("", "—"), *EndReason.choices])
    outcome = _area(gettext_lazy("Outcome"))
    end_note = _area(gettext_lazy("Note on the ending"), rows=2)
    accommodation_respected = forms.ChoiceField(
        label=gettext_lazy("Were the accommodation needs respected?"), required=False,
        choices=AccommodationRespected.choices, widget=forms.RadioSelect,
    )  # fmt: skip
    accommodation_note = _area(gettext_lazy("How the accommodation needs were respected"), rows=2)


class OrderForm(forms.Form):
    base_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)
    purpose = _area(gettext_lazy("Overall purpose"))
    content_and_duration = _area(gettext_lazy("Expected content and duration"))
    element_keys = forms.MultipleChoiceField(
        label=gettext_lazy("Profile elements to develop or clarify"), required=False, choices=ElementKey.choices,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    resources_to_clarify = _area(gettext_lazy("Resources to develop or clarify"))
    barriers_to_overcome = _area(gettext_lazy("Barriers to overcome"))
    observe = _area(gettext_lazy("What the provider should observe"))
    questions = _area(gettext_lazy("Questions to the provider"))
    restrictions = _area(gettext_lazy("Restrictions and accommodation needs"))
    follow_up_plan = _area(
        gettext_lazy("Plan for follow-up and evaluation"),
        help_text=gettext_lazy("Required for a company placement, before it starts."),
    )

    def has_content(self) -> bool:
        return any(self.cleaned_data.get(f) for f in services.ORDER_FIELDS)


class ReportForm(forms.Form):
    report_date = LawDateField(label=gettext_lazy("Date of the report"), widget=DateInput())
    author = forms.CharField(label=gettext_lazy("Written by (at the provider)"), max_length=200, required=False)
    result_vs_purpose = _area(gettext_lazy("Result measured against the purpose"))
    actual_content = _area(gettext_lazy("Actual content and duration"))
    functional_capacity = _area(gettext_lazy("Observed functional capacity"))
    job_functions = _area(gettext_lazy("Usable in which concrete job functions"))
    barriers = _area(gettext_lazy("Barriers to using or developing the resources"))
    compensation = _area(gettext_lazy("How to compensate or work with the barriers, incl. accommodation"))
    proposals = _area(gettext_lazy("Proposals for further activities"))
    citizen_participated = forms.TypedChoiceField(
        label=gettext_lazy("Did the citizen take part in the report?"), required=False,
        choices=[("yes", gettext_lazy("Yes")), ("no", gettext_lazy("No"))], coerce=lambda v: v == "yes",
        empty_value=None, widget=forms.RadioSelect,
    )  # fmt: skip
    citizen_agreement = forms.ChoiceField(
        label=gettext_lazy("The citizen's view of the report"), required=False, choices=CitizenAgreement.choices,
        widget=forms.RadioSelect,
    )  # fmt: skip
    citizen_disagreement = _area(gettext_lazy("What the citizen disagrees with"))
    document = forms.TypedChoiceField(label=gettext_lazy("The report file"), required=False, coerce=int,
                                      empty_value=None)  # fmt: skip

    def __init__(self, *args, documents=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].choices = [("", "—")] + [
            (d.pk, f"{d.document_date:%d-%m-%Y} · {d.title}") for d in documents
        ]


class ResourceForm(forms.Form):
    element = forms.ChoiceField(label=gettext_lazy("Element"), required=False, choices=[("", "—"), *ElementKey.choices])
    text = _area(gettext_lazy("Resources shown or developed"), rows=2)


ResourceFormSet = forms.formset_factory(ResourceForm, extra=3, max_num=50, absolute_max=50)


class CarryForm(forms.Form):
    element = forms.ChoiceField(label=gettext_lazy("Element of the resource profile"), choices=ElementKey.choices)
    text = _area(gettext_lazy("The finding, as it will stand in the description"), rows=4, max_length=5000)
    reason = forms.CharField(label=gettext_lazy("Reason for the new version"), required=False, max_length=300)


class TrialPeriodForm(forms.Form):
    """One period of work testing as it happened. Lenient at the edge: the service names what is missing."""

    replaces = forms.IntegerField(widget=forms.HiddenInput, required=False)
    report = forms.TypedChoiceField(label=gettext_lazy("Provider report it comes from"), required=False, coerce=int,
                                    empty_value=None)  # fmt: skip
    start_on = LawDateField(label=gettext_lazy("Period start"), widget=DateInput(), required=False)
    end_on = LawDateField(
        label=gettext_lazy("Period end"), widget=DateInput(), required=False,
        help_text=gettext_lazy("For a period still running: the end it is planned to have."),
    )  # fmt: skip
    trade = forms.CharField(
        label=gettext_lazy("Trade"), max_length=200, required=False,
        help_text=gettext_lazy("The trade or field of work tested, e.g. warehouse and logistics, retail, cleaning."),
    )  # fmt: skip
    job_functions = _area(gettext_lazy("Job functions tried"))
    planned_hours_per_week = forms.DecimalField(label=gettext_lazy("Planned hours per week"), required=False)
    actual_hours_per_week = forms.DecimalField(
        label=gettext_lazy("Actual hours per week"), required=False,
        help_text=gettext_lazy("The hours the citizen actually worked on average in the period."),
    )  # fmt: skip
    pace_percent = forms.IntegerField(
        label=gettext_lazy("Work pace (percent of normal)"), required=False,
        help_text=gettext_lazy("Only where the provider states it: a whole percentage from 1 to 100."),
    )  # fmt: skip
    absence_amount = forms.DecimalField(label=gettext_lazy("Absence"), required=False)
    absence_unit = forms.ChoiceField(label=gettext_lazy("Absence counted in"), required=False,
                                     choices=[("", "—"), *AbsenceUnit.choices])  # fmt: skip
    absence_reason = _area(gettext_lazy("Reason for the absence"), rows=2)
    accommodation_respected = forms.ChoiceField(
        label=gettext_lazy("Were the accommodation needs respected?"), required=False,
        choices=TrialAccommodation.choices, widget=forms.RadioSelect,
    )  # fmt: skip
    accommodation_note = _area(
        gettext_lazy("Note on the accommodation needs"), rows=2,
        help_text=gettext_lazy("Required for partly or no: which needs were not respected, and why."),
    )  # fmt: skip
    outcome = forms.ChoiceField(
        label=gettext_lazy("Outcome"), required=False, choices=[("", "—"), *TrialOutcome.choices]
    )
    outcome_note = _area(
        gettext_lazy("Note on the outcome"), rows=2,
        help_text=gettext_lazy("Required when the period ended early for another reason."),
    )  # fmt: skip
    sustained_hours_per_week = forms.DecimalField(
        label=gettext_lazy("Hours per week sustained"), required=False,
        help_text=gettext_lazy("The capacity observed: the hours per week the citizen could keep up."),
    )  # fmt: skip

    def __init__(self, *args, reports=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["report"].choices = [("", "—")] + [
            (r.pk, f"{r.report_date:%d-%m-%Y} · {r.author}") for r in reports
        ]
