"""Forms validate input at the edge; the services validate again and decide. Messages are for caseworkers."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from evne.cases.models import Benefit, CaseStatus, NoteKind, Pathway
from evne.citizens.cpr import InvalidCpr, parse_cpr
from evne.citizens.models import SupporterKind
from evne.errors import DomainError
from evne.validation import law_date


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class LawDateField(forms.DateField):
    """A date a case records (a hearing sent, a request received): not before the law Evne knows
    (evne.rules.parameters.LAW_KNOWN_FROM), refused in Danish naming the field. History older than any case (a past
    job, a statement's own date) uses forms.DateField."""

    def validate(self, value):
        super().validate(value)
        try:
            law_date(value, field="", label=str(self.label or _("The date")))
        except DomainError as exc:
            raise forms.ValidationError(exc.message, code="before_the_law") from None


class CprField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 11)
        kwargs.setdefault("label", _("CPR number"))
        kwargs.setdefault("help_text", _("10 digits, DDMMYY-XXXX"))
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        try:
            return parse_cpr(value, today=timezone.localdate()).digits
        except InvalidCpr as exc:
            raise forms.ValidationError(str(exc), code="invalid_cpr") from None


class ContactForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    address = forms.CharField(label=_("Address"), max_length=200, required=False)
    postal_code = forms.RegexField(
        label=_("Postal code"),
        regex=r"^\d{4}$",
        required=False,
        error_messages={"invalid": _("A Danish postal code has four digits.")},
    )
    city = forms.CharField(label=_("City"), max_length=100, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=20, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    interpreter_language = forms.CharField(
        label=_("Interpreter needed (language)"), max_length=60, required=False,
        help_text=_("Fill in the language when the citizen needs an interpreter; leave empty when not."),
    )  # fmt: skip


class CitizenCreateForm(ContactForm):
    cpr = CprField()
    field_order = ["cpr", "first_name", "last_name", "address", "postal_code", "city", "phone", "email",
                   "interpreter_language"]  # fmt: skip


class CitizenEditForm(ContactForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class SupporterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=SupporterKind.choices)
    name = forms.CharField(label=_("Name"), max_length=200)
    relation = forms.CharField(label=_("Relation to the citizen"), max_length=200, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=20, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    active_from = LawDateField(label=_("From"), widget=DateInput())
    power_of_attorney_on = LawDateField(
        label=_("Power of attorney received"),
        required=False,
        widget=DateInput(),
        help_text=_("For a representative: the date the written power of attorney was received."),
    )


class CaseCreateForm(forms.Form):
    pathway = forms.ChoiceField(label=_("Pathway"), choices=Pathway.choices)
    benefit = forms.ChoiceField(label=_("Benefit"), choices=Benefit.choices)
    help_requested_on = LawDateField(
        label=_("Help first requested on"),
        widget=DateInput(),
        help_text=_("The date the citizen first asked for help. Deadlines run from this date."),
    )


class CaseEditForm(CaseCreateForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=CaseStatus.choices)
    version = forms.IntegerField(widget=forms.HiddenInput)


class AssignForm(forms.Form):
    caseworker = forms.TypedChoiceField(label=_("Responsible caseworker"), coerce=int)
    reason = forms.CharField(label=_("Reason"), max_length=300, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, caseworkers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["caseworker"].choices = [(u.pk, str(u)) for u in caseworkers]


class NoteForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=NoteKind.choices, widget=forms.RadioSelect)
    text = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 4}), max_length=20_000)
    source = forms.CharField(
        label=_("Source"),
        max_length=200,
        required=False,
        help_text=_("For a fact: where it came from (conversation, document, phone call …)."),
    )
