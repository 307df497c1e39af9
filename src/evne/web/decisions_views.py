"""Decision pages: drafts and the structured reasons editor, the hearing, issuing, complaints, file access and the
other notices. Thin views over evne.decisions services and selectors, behind access_case(); the forms check the
shape of the input, the services apply the rules (X1–X12, D3, D8–D11, D14, G1, G4) and give the messages.
"""

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from evne.accounts.access import access_case, can_write_case, log_access
from evne.accounts.models import AccessAction, AccessChannel
from evne.decisions import casebundle, content, selectors, services
from evne.decisions.models import (
    ApplicationChannel,
    Channel,
    Decision,
    EvidenceStance,
)
from evne.errors import DomainError

from .formflow import apply_error as _apply_error
from .formflow import submit
from .forms import LawDateField
from .forms.decisions import (
    FACT_ROWS,
    AnswerForm,
    AppealOutcomeForm,
    ApplicationForm,
    ComplaintForm,
    DelayNoticeForm,
    DraftForm,
    FactFormSet,
    FileAccessForm,
    ForwardForm,
    HearingForm,
    IssueForm,
    ReasonsAnswerForm,
    ReasonsForm,
    ReasonsRequestForm,
    ReconsiderForm,
    WithdrawalForm,
    _weighing_from_post,
    _weighing_rows,
)

WEB = AccessChannel.WEB


def _case(request, case_id: int, *, write: bool = False):
    return access_case(user=request.user, case_id=case_id, what=AccessAction.CASE, channel=WEB, write=write)


def _decision(case, number: int):
    decision = selectors.decision_by_number(case, number)
    if decision is None:
        raise Http404
    return decision


def _complaint(case, complaint_id: int):
    complaint = selectors.complaint_by_id(case, complaint_id)
    if complaint is None:
        raise Http404
    return complaint


# --- pages ------------------------------------------------------------------------------------------------


def case_section(request: HttpRequest, case) -> dict:
    """Context for the "Afgørelser" section on the case page (web/decisions/_case_section.html)."""
    return {
        "applications": selectors.applications_for(case)[:5],
        "decisions": selectors.decisions_for(case)[:5],
        "complaints_open": [c for c in selectors.complaints_for(case) if not c.appeal_outcome],
        "file_access_open": [r for r in selectors.file_access_for(case) if not r.handed_out_on],
    }


def decision_list(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id)
    today = timezone.localdate()
    return render(request, "web/decisions/list.html", {
        "case": case, "citizen": case.citizen, "decisions": selectors.decisions_for(case),
        "complaints": selectors.complaints_for(case), "reasons_requests": selectors.reasons_requests_for(case),
        "delay_notices": selectors.delay_notices_for(case),
        "local_deadline": selectors.local_deadline(case),
        "can_write": can_write_case(request.user, case),
        "delay_form": DelayNoticeForm(initial={"sent_on": today}),
        "reasons_form": ReasonsRequestForm(initial={"requested_on": today}),
        "reasons_answer_form": ReasonsAnswerForm(initial={"answered_on": today}),
    })  # fmt: skip


def applications(request: HttpRequest, case_id: int) -> HttpResponse:
    """The case's applications (what the citizen applied for, when and how) and what became of each: the decisions
    answering it, or its withdrawal. A POST records a new application."""
    case = _case(request, case_id)
    form = ApplicationForm(request.POST or None, initial={"applied_on": timezone.localdate(),
                                                          "channel": ApplicationChannel.WRITTEN})  # fmt: skip
    if request.method == "POST":
        case = _case(request, case_id, write=True)
        if form.is_valid():
            try:
                services.application_record(actor=request.user, case=case, **form.cleaned_data)
            except DomainError as exc:
                _apply_error(form, exc)
            else:
                messages.success(request, _("The application was recorded."))
                return redirect("web:decisions_applications", case_id=case.pk)
    return render(request, "web/decisions/applications.html", {
        "case": case, "citizen": case.citizen, "applications": selectors.applications_for(case), "form": form,
        "can_write": can_write_case(request.user, case),
    }, status=422 if form.errors else 200)  # fmt: skip


def application_withdraw(request: HttpRequest, case_id: int, application_id: int) -> HttpResponse:
    case = _case(request, case_id, write=True)
    application = selectors.application_by_id(case, application_id)
    if application is None:
        raise Http404
    form = WithdrawalForm(request.POST or None, initial={"withdrawn_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.application_withdraw(actor=request.user, application=application, **form.cleaned_data)
        except DomainError as exc:
            _apply_error(form, exc)
        else:
            messages.success(request, _("The withdrawal was recorded."))
            return redirect("web:decisions_applications", case_id=case.pk)
    return _simple(request, case, form,
                   _("Withdrawal of the application for %(what)s") % {"what": application.label},
                   _("Record the guidance the citizen was given before withdrawing: what the withdrawal means and "
                     "the alternatives."))  # fmt: skip


def decision_create(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id, write=True)
    form = DraftForm(request.POST or None, initial={"appealable": True},
                     applications=selectors.applications_for(case))  # fmt: skip
    if request.method == "POST" and form.is_valid():
        try:
            decision = services.decision_draft(actor=request.user, case=case, **form.cleaned_data)
        except DomainError as exc:
            _apply_error(form, exc)
        else:
            messages.success(request, _("Decision %(number)s was drafted.") % {"number": decision.number})
            return redirect("web:decisions_edit", case_id=case.pk, number=decision.number)
    return render(request, "web/simple_form.html", {
        "form": form, "case": case, "citizen": case.citizen, "title": _("New decision"),
        "intro": _("The draft records the current resource-profile versions and the latest work-ability assessment "
                   "it rests on. Evne checks; the decision is yours."),
    }, status=422 if form.errors else 200)  # fmt: skip


def _sources(case) -> list[tuple[str, str]]:
    """The records a fact may point at (cases.references): documents, journal notes, current profile versions,
    assessments, provider reports and the team's recommendations of this case."""
    from evne.cases.references import records

    return [(r.ref, r.title) for r in records(case)]


def decision_edit(request: HttpRequest, case_id: int, number: int) -> HttpResponse:
    """The structured reasons editor."""
    case = _case(request, case_id, write=True)
    decision = _decision(case, number)
    if decision.issued:
        messages.info(request, _("An issued decision cannot be changed; make a new decision instead."))
        return redirect("web:decisions_detail", case_id=case.pk, number=number)
    documents = selectors.case_documents(case)
    applications = selectors.applications_for(case)
    sources = _sources(case)
    stale = None
    status = 200
    weighing = decision.evidence_weighing
    if request.method == "POST":
        weighing = _weighing_from_post(request.POST, documents)
        form = ReasonsForm(request.POST, documents=documents, applications=applications)
        facts = FactFormSet(request.POST, prefix="facts", form_kwargs={"sources": sources})
        if "more" in request.POST:
            data = request.POST.copy()
            data["facts-TOTAL_FORMS"] = str(int(data.get("facts-TOTAL_FORMS") or 0) + FACT_ROWS)
            facts = FactFormSet(data, prefix="facts", form_kwargs={"sources": sources})
            form.is_valid()
            form.errors.clear()
        else:

            def save(data: dict):
                values = {k: v for k, v in data.items() if k != "version"}
                if not values["subject"]:
                    values.pop("subject")  # "—" keeps what the draft concerns
                return services.decision_revise(actor=request.user, decision=decision, expected_version=data["version"],
                                                facts=[f for f in facts.cleaned_data if f], evidence_weighing=weighing,
                                                **values)  # fmt: skip

            outcome = submit(form, save, also=[facts], model=Decision,
                             current_version=lambda: selectors.decision_by_number(case, number).version)  # fmt: skip
            if outcome.ok:
                messages.success(request, _("The draft was saved."))
                return redirect("web:decisions_detail", case_id=case.pk, number=number)
            status, stale = outcome.status, outcome.stale
    else:
        form = ReasonsForm(initial={
            "version": decision.version, "decision_text": decision.decision_text, "reasons": decision.reasons,
            "considerations": decision.considerations, "answer_dealt_with": decision.answer_dealt_with,
            "legal_basis": decision.legal_basis, "document_ids": decision.document_ids,
            "subject": decision.subject, "application_id": decision.application_id,
            "revision_on": decision.revision_on, "revision_reason": decision.revision_reason,
        }, documents=documents, applications=applications)  # fmt: skip
        facts = FactFormSet(prefix="facts", initial=decision.facts, form_kwargs={"sources": sources})
    hearing = selectors.latest_hearing(decision)
    return render(request, "web/decisions/edit.html", {
        "case": case, "citizen": case.citizen, "decision": decision, "form": form, "facts": facts, "stale": stale,
        "hearing": hearing, "warnings": selectors.reasons_warnings(decision),
        "weighing": _weighing_rows(documents, weighing), "stances": EvidenceStance.choices,
    }, status=status)  # fmt: skip


def decision_detail(request: HttpRequest, case_id: int, number: int) -> HttpResponse:
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.CASE, channel=WEB, log=False)
    decision = _decision(case, number)
    log_access(user=request.user, action=AccessAction.CASE, channel=WEB, case=case, record=decision)
    today = timezone.localdate()
    hearings = selectors.hearings_for(decision)
    context = {
        "case": case, "citizen": case.citizen, "decision": decision, "hearings": hearings,
        "complaints": selectors.complaints_of(decision),
        "can_write": can_write_case(request.user, case), "deadline": services.complaint_deadline(decision),
        "basis": selectors.decision_basis(decision), "weighing": selectors.evidence_rows(decision),
        # As the letter states them (in Danish, the letter's language), judged on the decision date.
        "team_statements": content.team_statements(decision, on=selectors.decision_day(decision)),
        "pension_statements": content.pension_statements(decision, on=selectors.decision_day(decision)),
    }  # fmt: skip
    if not decision.issued:
        review = selectors.review(decision, on=today)
        from evne.checks.case import message, title

        context |= {
            "review": review,
            "blocking": [{"id": r.rule.id, "title": title(r), "message": message(r), "outcome": str(r.finding.outcome),
                          "facts": r.finding.facts} for r in review.blocking],
            "hearing_form": HearingForm(initial={"version": decision.version, "sent_on": today},
                                        documents=selectors.case_documents(case)),
            "answer_form": AnswerForm(initial={"version": hearings[0].version if hearings else 1, "answered_on": today,
                                               "form": Channel.WRITTEN}),
            "issue_form": IssueForm(initial={"version": decision.version}),
        }  # fmt: skip
    return render(request, "web/decisions/detail.html", context)


@require_POST
def hearing_send(request: HttpRequest, case_id: int, number: int) -> HttpResponse:
    case = _case(request, case_id, write=True)
    decision = _decision(case, number)
    form = HearingForm(request.POST, documents=selectors.case_documents(case, letters=True))
    if form.is_valid():
        try:
            services.hearing_send(actor=request.user, decision=decision,
                                  expected_version=form.cleaned_data.pop("version"), **form.cleaned_data)  # fmt: skip
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("The hearing letter was sent and stored in the case."))
    else:
        messages.error(request, "; ".join(f"{form.fields[f].label}: {' '.join(e)}" for f, e in form.errors.items()
                                          if f in form.fields) or _("Check the form."))  # fmt: skip
    return redirect("web:decisions_detail", case_id=case.pk, number=number)


@require_POST
def hearing_answer(request: HttpRequest, case_id: int, number: int, hearing_id: int) -> HttpResponse:
    case = _case(request, case_id, write=True)
    decision = _decision(case, number)
    hearing = selectors.hearing_by_id(decision, hearing_id)
    if hearing is None:
        raise Http404
    form = AnswerForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.hearing_record_answer(actor=request.user, hearing=hearing, expected_version=data["version"],
                                           answer=data["answer"], answered_on=data["answered_on"],
                                           summary=data["summary"], form=data["form"])  # fmt: skip
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("The answer to the hearing was recorded."))
    else:
        messages.error(request, _("Choose whether the citizen answered."))
    return redirect("web:decisions_detail", case_id=case.pk, number=number)


@require_POST
def decision_issue(request: HttpRequest, case_id: int, number: int) -> HttpResponse:
    case = _case(request, case_id, write=True)
    decision = _decision(case, number)
    form = IssueForm(request.POST)
    if form.is_valid() and request.POST.get("confirmed") != "yes":
        # Issuing cannot be undone: a page asks once more, stating what will happen (works without script).
        return render(request, "web/decisions/issue_confirm.html", {
            "case": case, "citizen": case.citizen, "decision": decision, "form": form,
        })  # fmt: skip
    if form.is_valid():
        try:
            services.decision_issue(actor=request.user, decision=decision,
                                    expected_version=form.cleaned_data["version"],
                                    override_reason=form.cleaned_data["override_reason"])  # fmt: skip
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Decision %(number)s was issued; the letter is stored in the case.")
                             % {"number": number})  # fmt: skip
    return redirect("web:decisions_detail", case_id=case.pk, number=number)


def _simple(request, case, form, title, intro=""):
    return render(request, "web/simple_form.html", {
        "form": form, "case": case, "citizen": case.citizen, "title": title, "intro": intro,
    }, status=422 if form.errors else 200)  # fmt: skip


def complaint_create(request: HttpRequest, case_id: int, number: int) -> HttpResponse:
    case = _case(request, case_id, write=True)
    decision = _decision(case, number)
    form = ComplaintForm(request.POST or None, initial={"received_on": timezone.localdate(), "channel": Channel.ORAL})
    if request.method == "POST" and form.is_valid():
        try:
            complaint = services.complaint_register(actor=request.user, decision=decision, **form.cleaned_data)
        except DomainError as exc:
            _apply_error(form, exc)
        else:
            messages.success(request, _("The complaint was registered."))
            return redirect("web:decisions_complaint", case_id=case.pk, complaint_id=complaint.pk)
    return _simple(request, case, form, _("Complaint about decision %(number)s") % {"number": number},
                   _("Register the complaint however it came: orally, by phone, by letter or e-mail."))  # fmt: skip


def complaint_detail(request: HttpRequest, case_id: int, complaint_id: int) -> HttpResponse:
    case = _case(request, case_id)
    complaint = _complaint(case, complaint_id)
    today = timezone.localdate()
    initial = {"version": complaint.version}
    return render(request, "web/decisions/complaint.html", {
        "case": case, "citizen": case.citizen, "complaint": complaint, "decision": complaint.decision,
        "can_write": can_write_case(request.user, case), "today": today,
        "reference": content.decision_reference(complaint.decision),
        "package": selectors.appeal_package(complaint),
        "deadline": services.complaint_deadline(complaint.decision),
        "reconsider_form": ReconsiderForm(initial=initial | {"reconsidered_on": today}),
        "forward_form": ForwardForm(initial=initial | {"forwarded_on": today}),
        "outcome_form": AppealOutcomeForm(initial=initial | {"decided_on": today}),
    })  # fmt: skip


def _complaint_step(request, case_id, complaint_id, form_class, call, done):
    case = _case(request, case_id, write=True)
    complaint = _complaint(case, complaint_id)
    form = form_class(request.POST)
    if form.is_valid():
        data = dict(form.cleaned_data)
        try:
            call(request.user, complaint, data.pop("version"), data)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, done)
    else:
        messages.error(request, _("Check the form: every field is needed."))
    return redirect("web:decisions_complaint", case_id=case.pk, complaint_id=complaint.pk)


@require_POST
def complaint_reconsider(request: HttpRequest, case_id: int, complaint_id: int) -> HttpResponse:
    return _complaint_step(
        request, case_id, complaint_id, ReconsiderForm,
        lambda user, c, v, d: services.complaint_reconsider(actor=user, complaint=c, expected_version=v, **d),
        _("The reconsideration was recorded."),
    )  # fmt: skip


@require_POST
def complaint_forward(request: HttpRequest, case_id: int, complaint_id: int) -> HttpResponse:
    return _complaint_step(
        request, case_id, complaint_id, ForwardForm,
        lambda user, c, v, d: services.complaint_forward(actor=user, complaint=c, expected_version=v, **d),
        _("The complaint was forwarded and the citizen told by letter."),
    )  # fmt: skip


@require_POST
def complaint_outcome(request: HttpRequest, case_id: int, complaint_id: int) -> HttpResponse:
    return _complaint_step(
        request, case_id, complaint_id, AppealOutcomeForm,
        lambda user, c, v, d: services.appeal_outcome_record(actor=user, complaint=c, expected_version=v, **d),
        _("The appeal body's outcome was recorded."),
    )  # fmt: skip


def file_access(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id)
    form = FileAccessForm(request.POST or None, initial={"requested_on": timezone.localdate(), "channel": Channel.ORAL})
    if request.method == "POST":
        case = _case(request, case_id, write=True)
        if form.is_valid():
            try:
                services.file_access_request(actor=request.user, case=case, **form.cleaned_data)
            except DomainError as exc:
                _apply_error(form, exc)
            else:
                messages.success(request, _("The file-access request was registered."))
                return redirect("web:decisions_file_access", case_id=case.pk)
    requests = selectors.file_access_for(case)
    can_write = can_write_case(request.user, case)
    records = []
    if can_write and any(not r.handed_out_on for r in requests):
        # The records a caseworker may exempt, per part (only the records that have an id; the timeline and the
        # like are handed out whole).
        found = casebundle.collect(case)
        records = [{"part": part, "items": [i for i in found.get(part.value, []) if i.exemptable]}
                   for part in casebundle.Part]  # fmt: skip
        records = [r for r in records if r["items"]]
    return render(request, "web/decisions/file_access.html", {
        "case": case, "citizen": case.citizen, "requests": requests, "form": form, "today": timezone.localdate(),
        "can_write": can_write, "records": records, "parts": casebundle.Part.choices,
        "reasons": casebundle.ExemptionReason.choices,
    }, status=422 if form.errors else 200)  # fmt: skip


def _exemptions_from_post(post) -> list[dict]:
    """`exempt-<kind>-<id>` (the ground), `note-…` (the weighing) and `unique-…` (holds facts found nowhere else)."""
    rows = []
    for name, reason in post.items():
        if not name.startswith("exempt-"):
            continue
        suffix = name.removeprefix("exempt-")
        kind, _sep, pk = suffix.rpartition("-")
        rows.append({"item": f"{kind}:{pk}", "reason": reason, "note": post.get(f"note-{suffix}", ""),
                     "unique_facts": bool(post.get(f"unique-{suffix}"))})  # fmt: skip
    return rows


@require_POST
def file_access_hand_out(request: HttpRequest, case_id: int, request_id: int) -> HttpResponse:
    case = _case(request, case_id, write=True)
    access_request = selectors.file_access_by_id(case, request_id)
    if access_request is None:
        raise Http404
    internal = {int(x) for x in request.POST.getlist("internal") if x.isdigit()}
    unique = {int(x) for x in request.POST.getlist("unique_facts") if x.isdigit()}
    rows = [{"document_id": pk, "internal": pk in internal, "unique_facts": pk in unique} for pk in internal | unique]
    try:
        day = LawDateField().clean(request.POST.get("handed_out_on"))
        period_from = forms.DateField(required=False).clean(request.POST.get("period_from"))
        period_to = forms.DateField(required=False).clean(request.POST.get("period_to"))
        version = int(request.POST.get("version") or 0)
        handed = services.file_access_hand_out(
            actor=request.user, request=access_request, expected_version=version, handed_out_on=day, documents=rows,
            exemptions=_exemptions_from_post(request.POST), parts=request.POST.getlist("parts"),
            period_from=period_from, period_to=period_to,
        )  # fmt: skip
    except forms.ValidationError:
        messages.error(request, _("Enter a date."))
    except (DomainError, ValueError) as exc:
        messages.error(request, getattr(exc, "message", _("Check the form.")))
    else:
        messages.success(request, _("The file was handed out as one PDF and stored in the case."))
        separate = [r["document_id"] for r in handed.handed_out if r.get("file") == "separate"]
        if separate:
            names = case.documents.filter(pk__in=separate).order_by("pk").values_list("original_filename", flat=True)
            messages.warning(request, _("These files could not be put into the PDF: hand them out separately: "
                                        "%(files)s.") % {"files": ", ".join(names)})  # fmt: skip
    return redirect("web:decisions_file_access", case_id=case.pk)


@require_POST
def delay_notice(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id, write=True)
    form = DelayNoticeForm(request.POST)
    if form.is_valid():
        try:
            services.delay_notice_send(actor=request.user, case=case, **form.cleaned_data)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("The notice was sent and stored in the case."))
    else:
        messages.error(request, _("Check the form: every field is needed."))
    return redirect("web:decisions_list", case_id=case.pk)


@require_POST
def reasons_request(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id, write=True)
    form = ReasonsRequestForm(request.POST)
    if form.is_valid():
        try:
            services.reasons_request_record(actor=request.user, case=case, **form.cleaned_data)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("The request for written reasons was registered."))
    else:
        messages.error(request, _("Check the form: every field is needed."))
    return redirect("web:decisions_list", case_id=case.pk)


@require_POST
def reasons_answer(request: HttpRequest, case_id: int, request_id: int) -> HttpResponse:
    case = _case(request, case_id, write=True)
    reasons = selectors.reasons_request_by_id(case, request_id)
    if reasons is None:
        raise Http404
    form = ReasonsAnswerForm(request.POST)
    if form.is_valid():
        data = dict(form.cleaned_data)
        try:
            version = int(request.POST.get("version") or 0)
            services.reasons_request_answer(actor=request.user, request=reasons, expected_version=version, **data)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("The written reasons were sent and stored in the case."))
    else:
        messages.error(request, _("Check the form: every field is needed."))
    return redirect("web:decisions_list", case_id=case.pk)
