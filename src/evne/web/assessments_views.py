"""Work-ability assessment pages: thin views over evne.assessments services and selectors, behind access_case().

The forms of these pages live here too: they parse input at the edge; the service applies the rules (A1–A9,
R10, R20, R37–R38, R44–R47) and gives the messages a caseworker acts on.
"""

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from evne.accounts.access import access_case, can_write_case
from evne.accounts.models import AccessAction, AccessChannel
from evne.assessments import selectors, services
from evne.assessments.models import CanMeet, Conclusion
from evne.errors import DomainError

from .forms import DateInput, LawDateField

WEB = AccessChannel.WEB
TEXTAREA = {"rows": 4}


# --- forms ------------------------------------------------------------------------------------------------


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
    form.add_error(field if field in form.fields else None, exc.message)
    return []


def assessment_create(request: HttpRequest, case_id: int) -> HttpResponse:
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.CASE, channel=WEB, write=True)
    documents = selectors.case_documents(case)
    job_errors: list[str] = []
    status = 200
    if request.method == "POST":
        form = AssessmentForm(request.POST, documents=documents)
        jobs = JobFunctionFormSet(request.POST, prefix="jobs")
        if "more" in request.POST:  # more empty job-function rows, nothing saved
            data = request.POST.copy()
            data["jobs-TOTAL_FORMS"] = str(min(int(data.get("jobs-TOTAL_FORMS") or 0) + 3, services.JOB_FUNCTIONS_MAX))
            jobs = JobFunctionFormSet(data, prefix="jobs")
            form.is_valid()
            form.errors.clear()
        elif form.is_valid() and jobs.is_valid():
            try:
                assessment = services.assessment_make(
                    actor=request.user, case=case, **form.cleaned_data,
                    job_functions=list(jobs.cleaned_data),  # empty rows too: the indices match the rows
                )  # fmt: skip
            except DomainError as exc:
                job_errors = _apply_error(form, jobs, exc)
                status = 422
            else:
                messages.success(request, _("Work-ability assessment %(number)s was recorded.") % {
                    "number": assessment.number})  # fmt: skip
                if assessment.conclusion == Conclusion.SUFFICIENT:
                    messages.info(request, _("The case now awaits a decision; no further information is obtained."))
                return redirect("web:assessments_detail", case_id=case.pk, number=assessment.number)
        else:
            status = 422
    else:
        form = AssessmentForm(initial={"assessed_on": timezone.localdate()}, documents=documents)
        jobs = JobFunctionFormSet(prefix="jobs")
    return render(request, "web/assessments/form.html", {
        "case": case, "citizen": case.citizen, "form": form, "jobs": jobs, "job_errors": job_errors,
        "notices": selectors.assessment_notices(case), "has_documents": bool(documents),
    }, status=status)  # fmt: skip
