"""Forms of the consent, information request and document pages:
they parse and check input at the edge;
the services apply the rules and give the messages a caseworker acts on."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from evne.evidence import files
from evne.evidence.models import (
    CollectionGround,
    ConsentPurpose,
    ConsentStatus,
    DocumentKind,
    RecipientKind,
    RequestedDocument,
)

from . import DateInput, LawDateField

TEXTAREA = {"rows": 3}
NONE = [("", "—")]


class ConsentForm(forms.Form):
    purpose = forms.ChoiceField(label=gettext_lazy("Purpose"), choices=ConsentPurpose.choices, widget=forms.RadioSelect)
    status = forms.ChoiceField(label=gettext_lazy("The citizen's answer"), choices=ConsentStatus.choices)
    scope = forms.CharField(
        label=gettext_lazy("Scope"), widget=forms.Textarea(attrs=TEXTAREA),
        help_text=gettext_lazy("Which information, from or to whom. To withdraw a consent, repeat its scope."),
    )  # fmt: skip
    recipient = forms.CharField(
        label=gettext_lazy("Recipient (for disclosure)"), max_length=200, required=False,
        help_text=gettext_lazy("Consent to disclose is written, names the recipient and lasts one year."),
    )  # fmt: skip
    given_on = LawDateField(label=gettext_lazy("Date"), widget=DateInput())
    written = forms.BooleanField(label=gettext_lazy("In writing"), required=False, initial=True)
    guidance_given = forms.BooleanField(
        label=gettext_lazy(
            "The citizen was told about the duty to give information, the municipality's right to obtain it "
            "(retssikkerhedsloven § 12) and the consequences of not consenting (§ 10, stk. 3)"
        ),
        required=False,
    )
    note = forms.CharField(label=gettext_lazy("Note"), required=False, widget=forms.Textarea(attrs=TEXTAREA))


class RequestForm(forms.Form):
    recipient_kind = forms.ChoiceField(label=gettext_lazy("Recipient"), choices=RecipientKind.choices)
    recipient_name = forms.CharField(label=gettext_lazy("Recipient's name"), max_length=200)
    document_type = forms.ChoiceField(
        label=gettext_lazy("Document requested"), choices=RequestedDocument.choices,
        help_text=gettext_lazy(
            "Choose the least intrusive document that answers the questions. A status statement presumes the "
            "doctor has seen the citizen within about a year."
        ),
    )  # fmt: skip
    purpose = forms.CharField(
        label=gettext_lazy("Purpose"), widget=forms.Textarea(attrs=TEXTAREA),
        help_text=gettext_lazy("Explained to the citizen and to the recipient."),
    )  # fmt: skip
    necessity = forms.CharField(
        label=gettext_lazy("Why the information is necessary"), widget=forms.Textarea(attrs=TEXTAREA)
    )
    questions = forms.CharField(
        label=gettext_lazy("The questions asked"), widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("Precise questions; never ask a doctor which benefit the citizen should have."),
    )  # fmt: skip
    intrusion_reason = forms.CharField(
        label=gettext_lazy("Why a less intrusive document is not enough"), required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=gettext_lazy("Required for anything more intrusive than a status statement."),
    )  # fmt: skip
    adviser_consulted = forms.BooleanField(
        label=gettext_lazy(
            "The medical adviser (lægekonsulent) was consulted (required for a specialist statement, except in cases "
            "for the rehabilitation team, where only the clinical function or the GP may advise)"
        ),
        required=False,
    )
    consent = forms.TypedChoiceField(
        label=gettext_lazy("Consent in force"), required=False, coerce=int, empty_value=None
    )
    collection_ground = forms.ChoiceField(
        label=gettext_lazy("Without consent: the legal ground"), required=False,
        choices=NONE + list(CollectionGround.choices),
    )  # fmt: skip
    collection_note = forms.CharField(
        label=gettext_lazy("Note on obtaining without consent"), required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
    )  # fmt: skip
    notice_given_on = LawDateField(
        label=gettext_lazy("Notice under retssikkerhedsloven § 12, stk. 3 given on"), required=False,
        widget=DateInput(),
    )  # fmt: skip

    def __init__(self, *args, consents=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].choices = NONE + [(c.pk, f"{c.given_on:%d-%m-%Y} · {c.scope[:80]}") for c in consents]


class SendForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    sent_on = LawDateField(label=gettext_lazy("Sent on"), widget=DateInput())
    answer_due_on = LawDateField(
        label=gettext_lazy("Answer due on"), required=False, widget=DateInput(),
        help_text=gettext_lazy("Empty: the municipality's usual answer time."),
    )  # fmt: skip


class CancelForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label=gettext_lazy("Why it is cancelled"), max_length=20_000)


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Type"), choices=DocumentKind.choices)
    title = forms.CharField(label=gettext_lazy("Title"), max_length=200)
    document_date = forms.DateField(label=gettext_lazy("Date of the document"), widget=DateInput())
    author = forms.CharField(label=gettext_lazy("Author"), max_length=200)
    received_on = LawDateField(label=gettext_lazy("Received on"), widget=DateInput())
    summary = forms.CharField(
        label=gettext_lazy("Summary"), widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("The essential content and the conclusion, in your words: do not copy the statement."),
    )  # fmt: skip
    sensitive = forms.BooleanField(
        label=gettext_lazy("Contains health information (always so for medical documents)"), required=False
    )
    file = forms.FileField(label=gettext_lazy("File"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = files.max_bytes(timezone.localdate()) // (1024 * 1024)
        self.fields["file"].help_text = _(
            "PDF, PNG, JPEG or TIFF, at most %(max)d MB. The type is checked by the file's content."
        ) % {"max": limit}


class AnswerForm(DocumentForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    answered_on = LawDateField(label=gettext_lazy("Answer received on"), widget=DateInput())
    document_id = forms.TypedChoiceField(
        label=gettext_lazy("Or: a document already registered"), required=False, coerce=int, empty_value=None
    )
    field_order = ["version", "answered_on", "document_id"]

    def __init__(self, *args, documents=(), **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["received_on"]
        self.fields["document_id"].choices = NONE + [
            (d.pk, f"{d.document_date:%d-%m-%Y} · {d.title}") for d in documents
        ]
        if self.data and self.data.get("document_id"):
            for name in ("kind", "title", "document_date", "author", "summary"):
                self.fields[name].required = False
