"""Evidence pages: consents, information requests, documents and the document download.

Thin views over evne.evidence services and selectors, behind access_case(). The forms check the shape of the
input; the services apply the rules and give the messages a caseworker acts on.
"""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from evne.accounts.access import access_case, can_write_case, log_access
from evne.accounts.models import AccessAction, AccessChannel
from evne.assessments.selectors import information_gathering_stopped
from evne.errors import DomainError
from evne.evidence import files, selectors, services
from evne.evidence.models import (
    ConsentPurpose,
    Document,
    InformationRequest,
)
from evne.evidence.selectors import RequestState

from .formflow import submit
from .forms.evidence import (
    AnswerForm,
    CancelForm,
    ConsentForm,
    DocumentForm,
    RequestForm,
    SendForm,
)

WEB = AccessChannel.WEB

OPEN_ORDER = [RequestState.OVERDUE, RequestState.SENT, RequestState.DRAFT]  # the late ones first


# --- helpers --------------------------------------------------------------------------------------------


def _request_or_404(case, request_id: int) -> InformationRequest:
    info = selectors.request_of(case, request_id)
    if info is None:
        raise Http404
    return info


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
        outcome = submit(form, lambda data: services.consent_record(actor=request.user, case=case, **data))
        if outcome.ok:
            messages.success(request, _("The consent statement was recorded."))
            return redirect("web:evidence_consents", case_id=case.pk)
        status = outcome.status
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
        outcome = submit(form, lambda data: services.request_create(
            actor=request.user, case=case, consent_id=data["consent"],
            **{k: v for k, v in data.items() if k != "consent"},
        ))  # fmt: skip
        if outcome.ok:
            messages.success(request, _("The request was prepared. Record when it is sent."))
            return redirect("web:evidence_requests", case_id=case.pk)
        status = outcome.status
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
        initial=selectors.answer_prefill(info, today=today),
    )  # fmt: skip
    status = 200
    stale: list[dict] = []
    if request.method == "POST":

        def save(data: dict):
            document = None
            if data["document_id"] is None:
                document = {f: data[f] for f in ("kind", "title", "document_date", "author", "summary", "sensitive")}
            return services.request_answer(
                actor=request.user, request=info, expected_version=data["version"],
                answered_on=data["answered_on"], document_id=data["document_id"], document=document,
                upload=data["file"] if document is not None else None,
            )  # fmt: skip

        outcome = submit(form, save, model=InformationRequest,
                         current_version=lambda: _request_or_404(case, request_id).version)  # fmt: skip
        if outcome.ok:
            messages.success(request, _("The answer was recorded."))
            return redirect("web:evidence_requests", case_id=case.pk)
        status, stale = outcome.status, outcome.stale
    return render(request, "web/evidence/request_answer.html", _context(case, form=form, info=info, stale=stale),
                  status=status)  # fmt: skip


# --- documents ------------------------------------------------------------------------------------------


def documents(request: HttpRequest, case_id: int) -> HttpResponse:
    write = request.method == "POST"
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.CASE, channel=WEB, write=write)
    today = timezone.localdate()
    form = DocumentForm(request.POST or None, request.FILES or None, initial={"received_on": today})
    status = 200
    if write:
        outcome = submit(form, lambda data: services.document_register(
            actor=request.user, case=case, upload=data["file"] or None,
            **{k: v for k, v in data.items() if k != "file"},
        ))  # fmt: skip
        if outcome.ok:
            messages.success(request, _("The document was registered."))
            return redirect("web:evidence_documents", case_id=case.pk)
        status = outcome.status
    return render(request, "web/evidence/documents.html", _context(
        case, form=form, documents=selectors.documents_with_conclusions(case),
        can_write=can_write_case(request.user, case),
        medical=selectors.latest_medical_information(case, today),
    ), status=status)  # fmt: skip


def document_download(request: HttpRequest, case_id: int, document_id: int) -> HttpResponse:
    """The file, to the case's readers only; every download is in the access log ("document")."""
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.DOCUMENT, channel=WEB, log=False)
    document = get_object_or_404(Document, pk=document_id, case=case)
    log_access(user=request.user, action=AccessAction.DOCUMENT, channel=WEB, case=case, record=document)
    return files.file_response(document)
