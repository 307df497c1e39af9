"""Follow-up conversations (opfølgningssamtaler): thin views over evne.cases services, behind access_case().

The sick-pay and activation follow-up deadlines (DPL § 24, aktivloven § 10) run from what is recorded here.
"""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from evne.accounts.access import access_case, can_write_case
from evne.accounts.models import AccessAction, AccessChannel
from evne.cases import selectors as case_selectors
from evne.cases import services
from evne.cases.models import FollowUpForm

from .formflow import submit
from .forms.followups import FollowUpEntryForm

WEB = AccessChannel.WEB


def case_section(request: HttpRequest, case) -> dict:
    """Context for the follow-up section on the case page (web/followups/_case_section.html)."""
    return {"follow_ups_recent": case_selectors.recent_follow_ups(case, 5)}


def follow_up_list(request: HttpRequest, case_id: int) -> HttpResponse:
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.CASE, channel=WEB)
    return render(request, "web/followups/list.html", {
        "case": case, "citizen": case.citizen, "can_write": can_write_case(request.user, case),
        "follow_ups": case_selectors.follow_ups_for(case),
    })  # fmt: skip


def follow_up_create(request: HttpRequest, case_id: int) -> HttpResponse:
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.CASE, channel=WEB, write=True)
    status = 200
    if request.method == "POST":
        form = FollowUpEntryForm(request.POST)
        outcome = submit(form, lambda data: services.follow_up_record(actor=request.user, case=case, **data))
        if outcome.ok:
            messages.success(request, _("The follow-up conversation was recorded."))
            return redirect("web:follow_ups", case_id=case.pk)
        status = outcome.status
    else:
        form = FollowUpEntryForm(initial={"held_on": timezone.localdate(), "form": FollowUpForm.MEETING,
                                          "with_citizen": True})  # fmt: skip
    return render(request, "web/followups/form.html", {"case": case, "citizen": case.citizen, "form": form},
                  status=status)  # fmt: skip
