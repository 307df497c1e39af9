"""Forms of the citizen's own work pages: they parse and check input at the edge; the services apply the rules and
give the messages a caseworker acts on."""

from django import forms
from django.utils.translation import gettext_lazy

from evne.citizens.models import EmploymentKind

from . import DateInput


def _area(label, *, rows=3, **kwargs):
    return forms.CharField(label=label, required=False, widget=forms.Textarea(attrs={"rows": rows}), **kwargs)


class EmploymentForm(forms.Form):
    """Lenient at the edge: the service names what is missing, in the same words for the web and the API."""

    employer = forms.CharField(label=gettext_lazy("Employer"), max_length=200, required=False)
    job_functions = _area(gettext_lazy("Job and functions"))
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind of employment"), required=False, choices=[("", "—"), *EmploymentKind.choices],
        help_text=gettext_lazy("A flex job is recorded under fleksjob, not here."),
    )  # fmt: skip
    hours_per_week = forms.DecimalField(label=gettext_lazy("Hours per week"), required=False)
    start_on = forms.DateField(label=gettext_lazy("Since"), widget=DateInput(), required=False)
    end_on = forms.DateField(
        label=gettext_lazy("Until"), widget=DateInput(), required=False,
        help_text=gettext_lazy("Leave empty while the citizen still has the job."),
    )  # fmt: skip
    accommodation = _area(
        gettext_lazy("Accommodation given"),
        help_text=gettext_lazy("Required for a job on special terms and a skånejob: what the employer accommodates."),
    )
    end_reason = _area(gettext_lazy("Why it ended"), rows=2)


class EmploymentEditForm(EmploymentForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
