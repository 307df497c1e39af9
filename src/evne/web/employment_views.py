"""The citizen's own work (Borgerens eget arbejde): thin views over evne.citizens services, behind access_case().

A job belongs to the citizen and is recorded through the case it is opened from; the case page lists them."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from evne.accounts.access import access_case, can_write_case
from evne.accounts.models import AccessAction, AccessChannel
from evne.citizens import selectors, services
from evne.citizens.models import Employment

from .formflow import submit
from .forms.employment import EmploymentEditForm, EmploymentForm

WEB = AccessChannel.WEB


def case_section(request: HttpRequest, case) -> dict:
    """Context for the section on the case page (web/employments/_case_section.html)."""
    return {"employments": selectors.employments(case.citizen, case=case)}


def _case(request: HttpRequest, case_id: int, *, write: bool = False):
    return access_case(user=request.user, case_id=case_id, what=AccessAction.CASE, channel=WEB, write=write)


def _page(request, case, form, *, employment=None, status=200, stale=()) -> HttpResponse:
    return render(request, "web/employments/form.html", {
        "case": case, "citizen": case.citizen, "form": form, "employment": employment, "stale": stale,
        "employments": selectors.employments(case.citizen), "can_write": can_write_case(request.user, case),
    }, status=status)  # fmt: skip


def employment_create(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id, write=True)
    if request.method != "POST":
        return _page(request, case, EmploymentForm())
    form = EmploymentForm(request.POST)
    outcome = submit(form, lambda data: services.employment_record(actor=request.user, case=case, **data))
    if outcome.ok:
        messages.success(request, _("The citizen's work was recorded."))
        return redirect(reverse("web:case_detail", args=[case.pk]) + "#employments")
    return _page(request, case, form, status=outcome.status)


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
    outcome = submit(
        form,
        lambda data: services.employment_update(
            actor=request.user, case=case, employment=employment, expected_version=data["version"],
            **{k: v for k, v in data.items() if k != "version"},
        ),
        model=Employment,
        current_version=lambda: selectors.employment_for(case.citizen, employment_id).version,
    )  # fmt: skip
    if outcome.ok:
        messages.success(request, _("The citizen's work was saved."))
        return redirect(reverse("web:case_detail", args=[case.pk]) + "#employments")
    return _page(request, case, form, employment=employment, status=outcome.status, stale=outcome.stale)
