"""Forms of the follow-up conversation pages: they parse and check input at the edge; the services apply the rules and
give the messages a caseworker acts on."""

from django import forms
from django.utils.translation import gettext_lazy

from evne.cases import services
from evne.cases.models import FollowUpForm, FollowUpParty

from . import DateInput, LawDateField


class FollowUpEntryForm(forms.Form):
    held_on = LawDateField(label=gettext_lazy("Held on"), widget=DateInput())
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
