"""Follow-up conversations (opfølgningssamtaler): thin views over evne.cases services, behind access_case().

The sick-pay and activation follow-up deadlines (DPL § 24, aktivloven § 10) run from what is recorded here.
"""

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from evne.accounts.access import access_case, can_write_case
from evne.accounts.models import AccessAction, AccessChannel
from evne.cases import selectors as case_selectors
from evne.cases import services
from evne.cases.models import FollowUpForm, FollowUpParty
from evne.errors import DomainError

from .forms import DateInput

WEB = AccessChannel.WEB


class FollowUpEntryForm(forms.Form):
    held_on = forms.DateField(label=gettext_lazy("Held on"), widget=DateInput())
    form = forms.ChoiceField(label=gettext_lazy("Form"), choices=FollowUpForm.choices)
    with_citizen = forms.BooleanField(label=gettext_lazy("The citizen took part"), required=False, initial=True)
    interpreter_used = forms.BooleanField(label=gettext_lazy("An interpreter took part"), required=False)
    parties = forms.MultipleChoiceField(
        label=gettext_lazy("Parties involved"), choices=FollowUpParty.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("A meeting with partners needs the citizen's consent to disclose information."),
    )  # fmt: skip
    parties_decided = forms.BooleanField(
        label=gettext_lazy("Took a position on which parties to involve"), required=False,
        help_text=gettext_lazy(
            "At the first follow-up in a sickness-benefit case the law requires it (DPL § 24, stk. 2)."
        ),
    )  # fmt: skip
    summary = forms.CharField(
        label=gettext_lazy("Summary"), widget=forms.Textarea(attrs={"rows": 5}), max_length=services.NOTE_MAX_LENGTH,
        help_text=gettext_lazy("What was discussed and agreed, and the assessment made at the conversation."),
    )  # fmt: skip


def case_section(request: HttpRequest, case) -> dict:
    """Context for the follow-up section on the case page (web/followups/_case_section.html)."""
    return {"follow_ups_recent": case_selectors.recent_follow_ups(case, 5)}


def follow_up_list(request: HttpRequest, case_id: int) -> HttpResponse:
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.CASE, channel=WEB)
    return render(request, "web/followups/list.html", {
        "case": case, "citizen": case.citizen, "can_write": can_write_case(request.user, case),
        "follow_ups": list(case.follow_ups.select_related("author").order_by("-held_on", "-id")),
    })  # fmt: skip


def follow_up_create(request: HttpRequest, case_id: int) -> HttpResponse:
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.CASE, channel=WEB, write=True)
    status = 200
    if request.method == "POST":
        form = FollowUpEntryForm(request.POST)
        if form.is_valid():
            try:
                services.follow_up_record(actor=request.user, case=case, **form.cleaned_data)
            except DomainError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
                status = 422
            else:
                messages.success(request, _("The follow-up conversation was recorded."))
                return redirect("web:follow_ups", case_id=case.pk)
        else:
            status = 422
    else:
        form = FollowUpEntryForm(initial={"held_on": timezone.localdate(), "form": FollowUpForm.MEETING,
                                          "with_citizen": True})  # fmt: skip
    return render(request, "web/followups/form.html", {"case": case, "citizen": case.citizen, "form": form},
                  status=status)  # fmt: skip
