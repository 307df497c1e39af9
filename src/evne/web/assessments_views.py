"""Work-ability assessment pages: thin views over evne.assessments services and selectors, behind access_case().

The forms of these pages live here too: they parse input at the edge; the service applies the rules (A1–A9,
R10, R20, R37–R38, R44–R47) and gives the messages a caseworker acts on.
"""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from evne.accounts.access import access_case, can_write_case
from evne.accounts.models import AccessAction, AccessChannel
from evne.assessments import selectors, services
from evne.assessments.models import CanMeet, Conclusion
from evne.errors import DomainError

from .formflow import apply_error, submit
from .forms.assessments import (
    AssessmentForm,
    JobFunctionFormSet,
)

WEB = AccessChannel.WEB

# --- views ------------------------------------------------------------------------------------------------


def case_section(request: HttpRequest, case) -> dict:
    """Context for this app's section on the case page (template web/assessments/_case_section.html)."""
    return {
        "assessment_latest": selectors.latest_assessment(case),
        "assessment_stopped": selectors.information_gathering_stopped(case) is not None,
        "assessment_notices": selectors.assessment_notices(case),
    }


def assessment_list(request: HttpRequest, case_id: int) -> HttpResponse:
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.CASE, channel=WEB)
    return render(request, "web/assessments/list.html", {
        "case": case, "citizen": case.citizen, "assessments": selectors.assessments_for(case),
        "stopped": selectors.information_gathering_stopped(case), "notices": selectors.assessment_notices(case),
        "can_write": can_write_case(request.user, case),
    })  # fmt: skip


def _job_rows(assessment) -> list[dict]:
    labels = dict(CanMeet.choices)
    return [{**j, "can_meet_label": labels.get(j.get("can_meet"), j.get("can_meet"))} for j in assessment.job_functions]


def assessment_detail(request: HttpRequest, case_id: int, number: int) -> HttpResponse:
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.CASE, channel=WEB)
    assessment = selectors.assessment_by_number(case, number)
    if assessment is None:
        raise Http404
    basis = selectors.assessment_basis(assessment)
    newer = selectors.newer_versions(assessment)
    return render(request, "web/assessments/detail.html", {
        "case": case, "citizen": case.citizen, "assessment": assessment, "jobs": _job_rows(assessment),
        "versions": [{"version": v, "current": newer.get(v.element)} for v in basis["versions"]],
        "documents": basis["documents"],
        "consequence": selectors.CONSEQUENCES.get(assessment.conclusion, ""),
        "is_latest": selectors.latest_assessment(case).pk == assessment.pk,
    })  # fmt: skip


def _apply_error(form, jobs, exc: DomainError) -> list[str]:
    """Put the service's message next to the field it concerns; return messages for the job-function list."""
    field = exc.field or ""
    if field.startswith("job_functions."):
        index = field.split(".")[1]
        if index.isdigit() and int(index) < len(jobs.forms):
            jobs.forms[int(index)].add_error("text", exc.message)
            return []
    if field == "job_functions":
        return [exc.message]
    apply_error(form, exc)
    return []


def assessment_create(request: HttpRequest, case_id: int) -> HttpResponse:
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.CASE, channel=WEB, write=True)
    documents = selectors.case_documents(case)
    job_errors: list[str] = []
    status = 200
    prefilled_from = None
    if request.method == "POST":
        form = AssessmentForm(request.POST, documents=documents)
        jobs = JobFunctionFormSet(request.POST, prefix="jobs")
        if "more" in request.POST:  # more empty job-function rows, nothing saved
            data = request.POST.copy()
            data["jobs-TOTAL_FORMS"] = str(min(int(data.get("jobs-TOTAL_FORMS") or 0) + 3, services.JOB_FUNCTIONS_MAX))
            jobs = JobFunctionFormSet(data, prefix="jobs")
            form.is_valid()
            form.errors.clear()
        else:

            def refused(exc: DomainError) -> None:
                job_errors.extend(_apply_error(form, jobs, exc))

            outcome = submit(form, lambda data: services.assessment_make(
                actor=request.user, case=case, **data,
                job_functions=list(jobs.cleaned_data),  # empty rows too: the indices match the rows
            ), also=[jobs], on_error=refused)  # fmt: skip
            if outcome.ok:
                assessment = outcome.result
                messages.success(request, _("Work-ability assessment %(number)s was recorded.") % {
                    "number": assessment.number})  # fmt: skip
                if assessment.conclusion == Conclusion.SUFFICIENT:
                    messages.info(request, _("The case now awaits a decision; no further information is obtained."))
                return redirect("web:assessments_detail", case_id=case.pk, number=assessment.number)
            status = outcome.status
    else:
        initial, job_rows, prefilled_from = selectors.assessment_prefill(case, today=timezone.localdate())
        form = AssessmentForm(initial=initial, documents=documents)
        jobs = JobFunctionFormSet(prefix="jobs", initial=job_rows)
    return render(request, "web/assessments/form.html", {
        "case": case, "citizen": case.citizen, "form": form, "jobs": jobs, "job_errors": job_errors,
        "notices": selectors.assessment_notices(case), "has_documents": bool(documents),
        "prefilled_from": prefilled_from,
    }, status=status)  # fmt: skip
