"""Forms of the work-ability assessment pages:
they parse and check input at the edge;
the services apply the rules and give the messages a caseworker acts on."""

from django import forms
from django.utils.translation import gettext_lazy

from evne.assessments import services
from evne.assessments.models import CanMeet, Conclusion

from . import DateInput, LawDateField

TEXTAREA = {"rows": 4}


class JobFunctionForm(forms.Form):
    text = forms.CharField(label=gettext_lazy("Job function"), required=False, max_length=services.JOB_TEXT_MAX)
    can_meet = forms.ChoiceField(
        label=gettext_lazy("Can the citizen meet its requirements?"), required=False,
        choices=[("", "—"), *CanMeet.choices],
    )  # fmt: skip
    note = forms.CharField(
        label=gettext_lazy("Note (e.g. the accommodation needed)"), required=False,
        max_length=services.JOB_NOTE_MAX, widget=forms.Textarea(attrs={"rows": 2}),
    )  # fmt: skip


JobFunctionFormSet = forms.formset_factory(
    JobFunctionForm, extra=3, max_num=services.JOB_FUNCTIONS_MAX, absolute_max=services.JOB_FUNCTIONS_MAX
)


class AssessmentForm(forms.Form):
    assessed_on = LawDateField(label=gettext_lazy("Assessed on"), widget=DateInput())
    actual_resources = forms.CharField(
        label=gettext_lazy("The citizen's actual resources that can be used on the labour market"), required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
    )  # fmt: skip
    development_possibilities = forms.CharField(
        label=gettext_lazy("Possibilities for developing these resources further"), required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
    )  # fmt: skip
    barrier_reduction = forms.CharField(
        label=gettext_lazy("Possibilities for reducing or removing barriers"), required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
    )  # fmt: skip
    restitution = forms.CharField(
        label=gettext_lazy("Restitution (recovery)"), required=False, widget=forms.Textarea(attrs=TEXTAREA),
        help_text=gettext_lazy("Can the citizen recover after work, so that the work ability is real?"),
    )  # fmt: skip
    conclusion = forms.ChoiceField(
        label=gettext_lazy("Conclusion"), required=False, choices=Conclusion.choices, widget=forms.RadioSelect
    )
    development_exhausted = forms.BooleanField(
        label=gettext_lazy(
            "The work ability cannot be improved: the relevant activities and revalidering have been tried"
        ),
        required=False,
        help_text=gettext_lazy("Required for a flex-job or disability-pension conclusion."),
    )
    reasons = forms.CharField(
        label=gettext_lazy("Professional reasons"), required=False, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy("The professional explanation, linked to the documentation it rests on."),
    )  # fmt: skip
    citizen_view = forms.CharField(
        label=gettext_lazy("The citizen's own assessment"), required=False, widget=forms.Textarea(attrs=TEXTAREA),
        help_text=gettext_lazy("The citizen's own view of the work ability, and what it rests on."),
    )  # fmt: skip
    document_ids = forms.TypedMultipleChoiceField(
        label=gettext_lazy("Documents the assessment rests on"), required=False, coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip

    def __init__(self, *args, documents=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document_ids"].choices = [
            (d.pk, f"{d.title} · {d.get_kind_display()} · {d.document_date:%d-%m-%Y} · {d.author}") for d in documents
        ]
