"""The access-log search ("who has seen my case?"), its CSV export, and the lawyer/auditor's landing page.

Only a lawyer/auditor and a team leader of the municipality search the log (docs/decisions/0002-access-policy.md).
A citizen is chosen by CPR number through a POST (a CPR number never goes into a URL) or from the citizen's page;
the result is paged and every search and export is itself in the log.
"""

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from evne.accounts import accesslog
from evne.accounts.access import can_read_access_log, can_read_citizen, log_listing
from evne.accounts.models import AccessAction, AccessChannel, User
from evne.cases.selectors import cases_visible_to, page_number
from evne.citizens.selectors import citizens_visible_to
from evne.decisions.models import Complaint, Decision, DecisionStatus
from evne.errors import AccessDenied, NotFound

from .forms import CprField, DateInput

WEB = AccessChannel.WEB
RECENT = 20  # rows in each list of the landing page


class FilterForm(forms.Form):
    case = forms.CharField(label=gettext_lazy("Case number"), max_length=30, required=False)
    user = forms.ModelChoiceField(label=gettext_lazy("User"), queryset=User.objects.none(), required=False,
                                  empty_label=gettext_lazy("All users"))  # fmt: skip
    action = forms.ChoiceField(label=gettext_lazy("What was viewed"), required=False)
    date_from = forms.DateField(label=gettext_lazy("From"), required=False, widget=DateInput())
    date_to = forms.DateField(label=gettext_lazy("To"), required=False, widget=DateInput())

    def __init__(self, *args, municipality_id, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = User.objects.filter(municipality_id=municipality_id).order_by(
            "first_name", "last_name"
        )
        self.fields["action"].choices = [("", _("Everything")), *list(AccessAction.choices)]

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", _("The end of the period is before its start."))
        return data


class CitizenForm(forms.Form):
    cpr = CprField()


def _citizen(request: HttpRequest):
    text = request.GET.get("citizen", "")
    if not text.isdigit():
        return None
    citizen = citizens_visible_to(request.user).filter(pk=int(text)).first()
    if citizen is None or not can_read_citizen(request.user, citizen):
        raise NotFound
    if not can_read_access_log(request.user, citizen):
        raise AccessDenied
    return citizen


def access_log(request: HttpRequest) -> HttpResponse:
    """Search the access log: by citizen, case, user, action and period; paged; `?format=csv` exports."""
    if not accesslog.can_search_access_log(request.user):
        raise AccessDenied
    citizen_form = CitizenForm(request.POST or None)
    if request.method == "POST" and citizen_form.is_valid():
        found = citizens_visible_to(request.user).filter(cpr=citizen_form.cleaned_data["cpr"]).first()
        if found is not None:
            return redirect(f"{reverse('web:access_log')}?{urlencode({'citizen': found.pk})}")
        citizen_form.add_error("cpr", _("No citizen of your municipality has this CPR number."))
    citizen = _citizen(request)
    form = FilterForm(request.GET or None, municipality_id=request.user.municipality_id)
    case = None
    status = 200
    if form.is_bound and not form.is_valid():
        status = 422
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    if data.get("case"):
        case = cases_visible_to(request.user).filter(number=data["case"].strip()).first()
        if case is None:
            form.add_error("case", _("No case of your municipality has this number."))
            status = 422
    flt = accesslog.LogFilter(
        citizen=citizen, case=case, user=data.get("user"), action=data.get("action") or "",
        date_from=data.get("date_from"), date_to=data.get("date_to"),
    )  # fmt: skip
    if status == 200 and request.GET.get("format") == "csv":
        response = HttpResponse(accesslog.export_csv(request.user, flt), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="adgangslog-{timezone.localdate():%Y%m%d}.csv"'
        response["Cache-Control"] = "no-store"
        return response
    page = accesslog.search(request.user, flt, page=page_number(request.GET.get("page"))) if status == 200 else None
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("format", None)
    context = {
        "form": form, "citizen_form": citizen_form, "citizen": citizen, "page": page,
        "rows": [(e, accesslog.record_text(e)) for e in page.object_list] if page else [],
        "query": query.urlencode(), "export_limit": accesslog.EXPORT_LIMIT,
    }  # fmt: skip
    return render(request, "web/accesslog/search.html", context, status=status)


def auditor_landing(request: HttpRequest) -> HttpResponse:
    """The lawyer/auditor's start page: the municipality's latest issued decisions and complaints, and the
    access-log search. The cases listed are access-logged in one insert."""
    cases = cases_visible_to(request.user)
    decisions = list(
        Decision.objects.filter(case__in=cases, status=DecisionStatus.ISSUED)
        .select_related("case", "case__citizen")
        .order_by("-issued_at", "-id")[:RECENT]
    )
    complaints = list(
        Complaint.objects.filter(decision__case__in=cases)
        .select_related("decision", "decision__case", "decision__case__citizen")
        .order_by("-received_on", "-id")[:RECENT]
    )
    listed = {d.case.pk: d.case for d in decisions} | {c.decision.case.pk: c.decision.case for c in complaints}
    log_listing(user=request.user, cases=listed.values(), channel=WEB, detail="auditor start page")
    if not decisions and not complaints:
        messages.info(request, _("No decisions have been issued in the municipality yet."))
    return render(request, "web/accesslog/landing.html", {"decisions": decisions, "complaints": complaints})
