"""Evidence pages: consents, information requests, documents and the document download.

Thin views over evne.evidence services and selectors, behind access_case(). The forms check the shape of the
input; the services apply the rules and give the messages a caseworker acts on.
"""

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from evne.accounts.access import access_case, can_write_case
from evne.accounts.models import AccessAction, AccessChannel
from evne.assessments.selectors import information_gathering_stopped
from evne.errors import DomainError, StaleVersion
from evne.evidence import files, selectors, services
from evne.evidence.models import (
    CollectionGround,
    ConsentPurpose,
    ConsentStatus,
    Document,
    DocumentKind,
    InformationRequest,
    RecipientKind,
    RequestedDocument,
)
from evne.evidence.selectors import RequestState

from .forms import DateInput, LawDateField

WEB = AccessChannel.WEB
TEXTAREA = {"rows": 3}
NONE = [("", "—")]
OPEN_ORDER = [RequestState.OVERDUE, RequestState.SENT, RequestState.DRAFT]  # the late ones first


# --- forms ----------------------------------------------------------------------------------------------


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


# --- helpers --------------------------------------------------------------------------------------------


def _apply_error(form, exc: DomainError) -> None:
    field = exc.field if exc.field in form.fields else None
    form.add_error(field, exc.message)


def _request_or_404(case, request_id: int) -> InformationRequest:
    return get_object_or_404(InformationRequest.objects.select_related("case", "consent"), pk=request_id, case=case)


def _context(case, **extra) -> dict:
    return {"case": case, "citizen": case.citizen, **extra}


# --- the case page's section ----------------------------------------------------------------------------


def case_section(request: HttpRequest, case) -> dict:
    """Context for this app's section on the case page (template web/evidence/_case_section.html)."""
    today = timezone.localdate()
    requests = selectors.requests_for(case, today=today)
    return {
        "evidence_collect_consents": selectors.consents_in_force(case, ConsentPurpose.COLLECT, today),
        "evidence_disclose_consents": selectors.consents_in_force(case, ConsentPurpose.DISCLOSE, today),
        "evidence_refusals": selectors.refusals(case, today),
        "evidence_open_requests": sorted(
            (r for r in requests if r.state in OPEN_ORDER), key=lambda r: OPEN_ORDER.index(r.state)
        ),
        "evidence_overdue_count": sum(1 for r in requests if r.state == RequestState.OVERDUE),
        "evidence_documents": selectors.documents_with_conclusions(case)[:5],
        "evidence_medical": selectors.latest_medical_information(case, today),
        "evidence_stopped": information_gathering_stopped(case),
    }


# --- consents -------------------------------------------------------------------------------------------


def consents(request: HttpRequest, case_id: int) -> HttpResponse:
    write = request.method == "POST"
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.CASE, channel=WEB, write=write)
    form = ConsentForm(request.POST or None, initial={"given_on": timezone.localdate(), "written": True})
    status = 200
    if write:
        if form.is_valid():
            try:
                services.consent_record(actor=request.user, case=case, **form.cleaned_data)
            except DomainError as exc:
                _apply_error(form, exc)
            else:
                messages.success(request, _("The consent statement was recorded."))
                return redirect("web:evidence_consents", case_id=case.pk)
        status = 422
    today = timezone.localdate()
    in_force = {c.pk for p in ConsentPurpose.values for c in selectors.consents_in_force(case, p, today)}
    return render(request, "web/evidence/consents.html", _context(
        case, form=form, consents=selectors.consents_for(case), in_force=in_force,
        refusals=selectors.refusals(case, today), can_write=can_write_case(request.user, case),
    ), status=status)  # fmt: skip


# --- requests -------------------------------------------------------------------------------------------


def requests(request: HttpRequest, case_id: int) -> HttpResponse:
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.CASE, channel=WEB)
    today = timezone.localdate()
    rows = selectors.requests_for(case, today=today)
    for r in rows:
        r.send_form = SendForm(initial={"version": r.version, "sent_on": today}, prefix=f"send-{r.pk}")
        r.cancel_form = CancelForm(initial={"version": r.version}, prefix=f"cancel-{r.pk}")
    return render(request, "web/evidence/requests.html", _context(
        case, requests=rows, can_write=can_write_case(request.user, case),
        stopped=information_gathering_stopped(case), refusals=selectors.refusals(case, today),
    ))  # fmt: skip


def request_create(request: HttpRequest, case_id: int) -> HttpResponse:
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.CASE, channel=WEB, write=True)
    today = timezone.localdate()
    in_force = selectors.consents_in_force(case, ConsentPurpose.COLLECT, today)
    form = RequestForm(request.POST or None, consents=in_force)
    stopped = information_gathering_stopped(case)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = dict(form.cleaned_data)
            data["consent_id"] = data.pop("consent")
            try:
                services.request_create(actor=request.user, case=case, **data)
            except DomainError as exc:
                _apply_error(form, exc)
            else:
                messages.success(request, _("The request was prepared. Record when it is sent."))
                return redirect("web:evidence_requests", case_id=case.pk)
        status = 422
    return render(request, "web/evidence/request_form.html", _context(
        case, form=form, stopped=stopped, refusals=selectors.refusals(case, today),
    ), status=status)  # fmt: skip


def _action(request: HttpRequest, case, info: InformationRequest, form, service, success: str) -> HttpResponse:
    """Send or cancel from the list of requests: a refusal comes back as a message on the list."""
    if form.is_valid():
        data = dict(form.cleaned_data)
        try:
            service(actor=request.user, request=info, expected_version=data.pop("version"), **data)
        except DomainError as exc:  # StaleVersion too: the message says what to do
            messages.error(request, exc.message)
        else:
            messages.success(request, success)
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("web:evidence_requests", case_id=case.pk)


@require_POST
def request_send(request: HttpRequest, case_id: int, request_id: int) -> HttpResponse:
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.CASE, channel=WEB, write=True)
    info = _request_or_404(case, request_id)
    form = SendForm(request.POST, prefix=f"send-{info.pk}")
    return _action(request, case, info, form, services.request_send, _("The request was recorded as sent."))


@require_POST
def request_cancel(request: HttpRequest, case_id: int, request_id: int) -> HttpResponse:
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.CASE, channel=WEB, write=True)
    info = _request_or_404(case, request_id)
    form = CancelForm(request.POST, prefix=f"cancel-{info.pk}")
    return _action(request, case, info, form, services.request_cancel, _("The request was cancelled."))


def request_answer(request: HttpRequest, case_id: int, request_id: int) -> HttpResponse:
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.CASE, channel=WEB, write=True)
    info = _request_or_404(case, request_id)
    documents = [d for d in selectors.documents_for(case) if d.request_id in (None, info.pk)]
    today = timezone.localdate()
    form = AnswerForm(
        request.POST or None, request.FILES or None, documents=documents,
        initial={"version": info.version, "answered_on": today, "received_on": today, "author": info.recipient_name},
    )  # fmt: skip
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            document = None
            if data["document_id"] is None:
                document = {f: data[f] for f in ("kind", "title", "document_date", "author", "summary", "sensitive")}
            try:
                services.request_answer(
                    actor=request.user, request=info, expected_version=data["version"],
                    answered_on=data["answered_on"], document_id=data["document_id"], document=document,
                    upload=data["file"] if document is not None else None,
                )  # fmt: skip
            except StaleVersion as exc:
                form.add_error(None, exc.message)
            except DomainError as exc:
                _apply_error(form, exc)
            else:
                messages.success(request, _("The answer was recorded."))
                return redirect("web:evidence_requests", case_id=case.pk)
        status = 422
    return render(request, "web/evidence/request_answer.html", _context(case, form=form, info=info), status=status)


# --- documents ------------------------------------------------------------------------------------------


def documents(request: HttpRequest, case_id: int) -> HttpResponse:
    write = request.method == "POST"
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.CASE, channel=WEB, write=write)
    today = timezone.localdate()
    form = DocumentForm(request.POST or None, request.FILES or None, initial={"received_on": today})
    status = 200
    if write:
        if form.is_valid():
            data = dict(form.cleaned_data)
            upload = data.pop("file")
            try:
                services.document_register(actor=request.user, case=case, upload=upload or None, **data)
            except DomainError as exc:
                _apply_error(form, exc)
            else:
                messages.success(request, _("The document was registered."))
                return redirect("web:evidence_documents", case_id=case.pk)
        status = 422
    return render(request, "web/evidence/documents.html", _context(
        case, form=form, documents=selectors.documents_with_conclusions(case),
        can_write=can_write_case(request.user, case),
        medical=selectors.latest_medical_information(case, today),
    ), status=status)  # fmt: skip


def document_download(request: HttpRequest, case_id: int, document_id: int) -> HttpResponse:
    """The file, to the case's readers only; every download is in the access log ("document")."""
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.DOCUMENT, channel=WEB)
    return files.file_response(get_object_or_404(Document, pk=document_id, case=case))
