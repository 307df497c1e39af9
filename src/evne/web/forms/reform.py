"""Forms of the rehabilitation plan and team pages:
they parse and check input at the edge;
the services apply the rules and give the messages a caseworker acts on."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from evne.reform.models import (
    PLAN_CONTENT,
    AgendaReason,
    ClarificationOutcome,
    CourseKind,
    CourseOutcome,
    FlexJobEndReason,
    GpBasis,
    Measure,
    Recommendation,
    RecommendationKind,
    RehabPlanRevision,
)

from . import DateInput, LawDateField

AREA = {"rows": 3}


def _label(model, field: str):
    return str(model._meta.get_field(field).verbose_name).capitalize()


class RehabPlanForm(forms.Form):
    base_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    reason = forms.CharField(label=gettext_lazy("Reason for the revision"), required=False, max_length=300)
    gp_basis = forms.ChoiceField(label=gettext_lazy("The GP's assessment"), choices=GpBasis.choices,
                                 widget=forms.RadioSelect)  # fmt: skip
    gp_document_id = forms.TypedChoiceField(label=gettext_lazy("LÆ 265"), required=False, coerce=int, empty_value=None)
    existing_evidence = forms.CharField(
        label=gettext_lazy("What the file already holds (application on the existing evidence)"), required=False,
        widget=forms.Textarea(attrs=AREA),
    )  # fmt: skip
    citizen_accepted_on = LawDateField(
        label=gettext_lazy("Accepted (signed) by the citizen on"), required=False, widget=DateInput()
    )

    def __init__(self, *args, documents=(), **kwargs):
        super().__init__(*args, **kwargs)
        for name in reversed(PLAN_CONTENT):
            self.fields[name] = forms.CharField(label=_label(RehabPlanRevision, name), required=False,
                                                widget=forms.Textarea(attrs=AREA))  # fmt: skip
            self.order_fields([*PLAN_CONTENT])
        self.fields["gp_document_id"].choices = [("", "—")] + [
            (d.pk, f"{d.title} · {d.document_date:%d-%m-%Y} · {d.author}") for d in documents
        ]


class ReferForm(forms.Form):
    meeting = forms.TypedChoiceField(label=gettext_lazy("Team meeting"), coerce=int)
    reason = forms.ChoiceField(
        label=gettext_lazy("Why the case is presented"), choices=[("", "—"), *AgendaReason.choices], required=False
    )

    def __init__(self, *args, meetings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].choices = [(m.pk, f"{m.team} · {m.held_on:%d-%m-%Y}") for m in meetings]


class DepartureForm(forms.Form):
    departed_on = LawDateField(label=gettext_lazy("Decided to depart on"), widget=DateInput())
    reason = forms.CharField(label=gettext_lazy("Reason for departing from the recommendation"), required=False,
                             widget=forms.Textarea(attrs=AREA))  # fmt: skip


class PensionTransferForm(forms.Form):
    transferred_on = LawDateField(label=gettext_lazy("Transferred to pension treatment on"), widget=DateInput())
    citizen_told_on = LawDateField(label=gettext_lazy("The citizen was told on"), required=False, widget=DateInput())
    on_existing_evidence = forms.BooleanField(
        label=gettext_lazy("The citizen applied on the existing evidence (§ 17, stk. 2)"), required=False
    )
    senior = forms.BooleanField(label=gettext_lazy("Senior førtidspension (§ 17, stk. 3)"), required=False)
    long_attachment = forms.BooleanField(
        label=gettext_lazy("Long and current attachment to the labour market (as a rule 25 years of full-time work)"),
        required=False)  # fmt: skip
    without_team = forms.BooleanField(
        label=gettext_lazy("Decided without the team: obviously futile (§ 18, stk. 2)"), required=False
    )
    futile_health_alone = forms.BooleanField(
        label=gettext_lazy("The health situation alone shows the conditions are met"), required=False
    )
    futile_unambiguous = forms.BooleanField(label=gettext_lazy("The health information is unambiguous"), required=False)
    futile_not_contradictory = forms.BooleanField(
        label=gettext_lazy("The health information is not contradictory"), required=False
    )
    futile_documented = forms.BooleanField(
        label=gettext_lazy("It is documented that the functional capacity is permanently and severely reduced"),
        required=False)  # fmt: skip
    note = forms.CharField(label=gettext_lazy("Note"), required=False, widget=forms.Textarea(attrs=AREA))


class CourseForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("New course or extension"), choices=CourseKind.choices,
                             initial=CourseKind.NEW, widget=forms.RadioSelect)  # fmt: skip
    extends_id = forms.TypedChoiceField(label=gettext_lazy("The course it extends"), coerce=int, required=False,
                                        empty_value=None)  # fmt: skip
    start_on = LawDateField(label=gettext_lazy("Start"), widget=DateInput())
    end_on = LawDateField(label=gettext_lazy("Granted until"), widget=DateInput())
    coordinating_caseworker = forms.TypedChoiceField(label=gettext_lazy("Coordinating caseworker"), coerce=int)
    rehab_plan_id = forms.TypedChoiceField(
        label=gettext_lazy("Its preparatory part (rehabilitation plan version)"), coerce=int, required=False,
        empty_value=None,
    )  # fmt: skip
    presentation_id = forms.TypedChoiceField(label=gettext_lazy("Its presentation to the rehabilitation team"),
                                             coerce=int, required=False, empty_value=None)  # fmt: skip

    def __init__(self, *args, caseworkers=(), courses=(), plans=(), presentations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coordinating_caseworker"].choices = [(u.pk, str(u)) for u in caseworkers]
        self.fields["extends_id"].choices = [("", "—")] + [
            (c.pk, f"{c.start_on:%d-%m-%Y}–{c.end_on:%d-%m-%Y}") for c in courses
        ]
        self.fields["rehab_plan_id"].choices = [("", "—")] + [
            (p.pk, f"{_('Version')} {p.number} · {p.saved_at:%d-%m-%Y}") for p in plans
        ]
        self.fields["presentation_id"].choices = [("", "—")] + [
            (i.pk, f"{i.meeting.team} · {i.meeting.held_on:%d-%m-%Y}") for i in presentations
        ]


class ClarificationForm(forms.Form):
    start_on = LawDateField(label=gettext_lazy("Start"), widget=DateInput())
    coordinating_caseworker = forms.TypedChoiceField(label=gettext_lazy("Coordinating caseworker"), coerce=int)
    plan = forms.CharField(label=gettext_lazy("The course's plan"), required=False,
                           widget=forms.Textarea(attrs={"rows": 6}))  # fmt: skip

    def __init__(self, *args, caseworkers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coordinating_caseworker"].choices = [(u.pk, str(u)) for u in caseworkers]


class ClarificationEndForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    ended_on = LawDateField(label=gettext_lazy("Ended on"), widget=DateInput())
    outcome = forms.ChoiceField(label=gettext_lazy("What follows"), choices=ClarificationOutcome.choices)


class ActionPartForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    written_on = LawDateField(label=gettext_lazy("Written on"), widget=DateInput())
    action_part = forms.CharField(label=gettext_lazy("Action part (indsatsdel)"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 8}))  # fmt: skip


class CourseEndForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    ended_on = LawDateField(label=gettext_lazy("Ended on"), widget=DateInput())
    outcome = forms.ChoiceField(label=gettext_lazy("What follows"), choices=CourseOutcome.choices)
    still_in_target_group = forms.BooleanField(
        label=gettext_lazy("Still in the target group (complex problems needing a cross-disciplinary effort)"),
        required=False)  # fmt: skip


class FollowUpForm(forms.Form):
    held_on = LawDateField(label=gettext_lazy("Held on"), widget=DateInput())
    with_citizen = forms.BooleanField(label=gettext_lazy("With the citizen"), required=False, initial=True)
    note = forms.CharField(label=gettext_lazy("What was followed up"), required=False,
                           widget=forms.Textarea(attrs=AREA))  # fmt: skip


class VisitationForm(forms.Form):
    visited_on = LawDateField(label=gettext_lazy("Visitation date"), widget=DateInput())
    permanently_reduced = forms.BooleanField(
        label=gettext_lazy("The work ability is permanently and substantially reduced"), required=False
    )
    measures_tried = forms.BooleanField(label=gettext_lazy("All relevant measures have been tried"), required=False)
    futile_reason = forms.CharField(label=gettext_lazy("Why further measures are obviously futile"), required=False,
                                    widget=forms.Textarea(attrs=AREA))  # fmt: skip
    work_functions = forms.CharField(label=gettext_lazy("Concrete work functions"), required=False,
                                     widget=forms.Textarea(attrs=AREA))  # fmt: skip
    hours_per_week = forms.DecimalField(label=gettext_lazy("Hours per week"), max_digits=4, decimal_places=1)
    very_few_hours = forms.BooleanField(label=gettext_lazy("Very few hours"), required=False)
    development_plan = forms.CharField(
        label=gettext_lazy("How the hours are to develop within a reasonable time"), required=False,
        widget=forms.Textarea(attrs=AREA))  # fmt: skip


class FlexJobForm(forms.Form):
    employer = forms.CharField(label=gettext_lazy("Employer"), max_length=200, required=False)
    start_on = LawDateField(label=gettext_lazy("Start"), widget=DateInput())
    hours_per_week = forms.DecimalField(label=gettext_lazy("Hours per week"), max_digits=4, decimal_places=1)
    accommodation = forms.CharField(label=gettext_lazy("Accommodation (skånehensyn)"), required=False,
                                    widget=forms.Textarea(attrs=AREA))  # fmt: skip


class FlexJobEndForm(forms.Form):
    ended_on = LawDateField(label=gettext_lazy("Ended on"), widget=DateInput())
    reason = forms.ChoiceField(label=gettext_lazy("Why the flex job ended"), choices=FlexJobEndReason.choices)
    note = forms.CharField(label=gettext_lazy("Note"), required=False, widget=forms.Textarea(attrs=AREA))


class PeriodEndForm(forms.Form):
    ended_on = LawDateField(label=gettext_lazy("Ended on"), widget=DateInput())


class PeriodForm(forms.Form):
    start_on = LawDateField(label=gettext_lazy("Start"), widget=DateInput())
    end_on = LawDateField(label=gettext_lazy("End"), required=False, widget=DateInput())


class MeetingForm(forms.Form):
    held_on = LawDateField(label=gettext_lazy("Meeting date"), widget=DateInput())


class MinutesForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    minutes = forms.CharField(label=gettext_lazy("Minutes"), required=False, widget=forms.Textarea(attrs={"rows": 6}))


class AttendanceForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    citizen_present = forms.BooleanField(label=gettext_lazy("The citizen attended"), required=False)
    caseworker_present = forms.BooleanField(label=gettext_lazy("The caseworker attended"), required=False)


REC_TEXTS = (
    "reasons", "legal_test", "factors", "goal", "measures", "order_of_measures", "follow_up", "mentor",
    "why_clarified", "flex_job_types", "special_needs", "development_within_reasonable_time", "professional_reasons",
    "postponement_reason",
)  # fmt: skip
REC_FLAGS = ("wants_case_back", "development_perspective", "very_few_hours")


class RecommendationForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Recommendation"), choices=RecommendationKind.choices,
                             widget=forms.RadioSelect)  # fmt: skip
    presented_for = forms.ChoiceField(
        label=gettext_lazy("The measure the case was presented for (the decision the recommendation is for)"),
        choices=[("", "—"), *Measure.choices], required=False,
        help_text=gettext_lazy("If the team recommends another measure, the recommendation is against the one "
                               "applied for."),
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in REC_TEXTS:
            self.fields[name] = forms.CharField(label=_label(Recommendation, name), required=False,
                                                widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip
        for name in REC_FLAGS:
            self.fields[name] = forms.BooleanField(label=_label(Recommendation, name), required=False)
