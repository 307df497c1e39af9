"""The citizen's own work (Borgerens eget arbejde): thin views over evne.citizens services, behind access_case().

A job belongs to the citizen and is recorded through the case it is opened from; the case page lists them."""

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from evne.accounts.access import access_case, can_write_case
from evne.accounts.models import AccessAction, AccessChannel
from evne.citizens import selectors, services
from evne.citizens.models import Employment, EmploymentKind
from evne.errors import DomainError, StaleVersion

from .forms import DateInput

WEB = AccessChannel.WEB


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


LABELS = {f.name: f.verbose_name for f in Employment._meta.get_fields() if hasattr(f, "verbose_name")}


def case_section(request: HttpRequest, case) -> dict:
    """Context for the section on the case page (web/employments/_case_section.html)."""
    return {"employments": selectors.employments(case.citizen, case=case)}


def _case(request: HttpRequest, case_id: int, *, write: bool = False):
    return access_case(user=request.user, case_id=case_id, what=AccessAction.CASE, channel=WEB, write=write)


def _apply(form, exc: DomainError) -> None:
    form.add_error(exc.field if exc.field in form.fields else None, exc.message)


def _page(request, case, form, *, employment=None, status=200) -> HttpResponse:
    return render(request, "web/employments/form.html", {
        "case": case, "citizen": case.citizen, "form": form, "employment": employment,
        "employments": selectors.employments(case.citizen), "can_write": can_write_case(request.user, case),
    }, status=status)  # fmt: skip


def employment_create(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id, write=True)
    if request.method != "POST":
        return _page(request, case, EmploymentForm())
    form = EmploymentForm(request.POST)
    if form.is_valid():
        try:
            services.employment_record(actor=request.user, case=case, **form.cleaned_data)
        except DomainError as exc:
            _apply(form, exc)
        else:
            messages.success(request, _("The citizen's work was recorded."))
            return redirect(reverse("web:case_detail", args=[case.pk]) + "#employments")
    return _page(request, case, form, status=422)


def employment_edit(request: HttpRequest, case_id: int, employment_id: int) -> HttpResponse:
    case = _case(request, case_id, write=True)
    employment = selectors.employment_for(case.citizen, employment_id)
    if employment is None:
        raise Http404
    if request.method != "POST":
        initial = {f: getattr(employment, f) for f in services.EMPLOYMENT_FIELDS}
        return _page(request, case, EmploymentEditForm(initial={**initial, "version": employment.version}),
                     employment=employment)  # fmt: skip
    form = EmploymentEditForm(request.POST)
    if form.is_valid():
        values = dict(form.cleaned_data)
        version = values.pop("version")
        try:
            services.employment_update(actor=request.user, case=case, employment=employment,
                                       expected_version=version, **values)  # fmt: skip
        except StaleVersion as exc:
            data = request.POST.copy()
            # The form again on the current version, with what changed: saving again is then deliberate.
            data["version"] = str(selectors.employment_for(case.citizen, employment_id).version)
            form = EmploymentEditForm(data)
            form.is_valid()
            detail = "; ".join(
                f"{LABELS.get(f, f)}: {old or '–'} → {new or '–'}" for f, (old, new) in exc.changes.items()
            )
            form.add_error(None, f"{exc.message} {detail}".strip())
            return _page(request, case, form, employment=employment, status=409)
        except DomainError as exc:
            _apply(form, exc)
        else:
            messages.success(request, _("The citizen's work was saved."))
            return redirect(reverse("web:case_detail", args=[case.pk]) + "#employments")
    return _page(request, case, form, employment=employment, status=422)
