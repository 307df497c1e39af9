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
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from evne.accounts.access import access_case, can_write_case
from evne.accounts.models import AccessAction, AccessChannel
from evne.decisions import content, selectors, services
from evne.decisions.models import (
    AppealOutcome,
    ApplicationChannel,
    ApplicationKind,
    Channel,
    EvidenceStance,
    HearingAnswer,
    Measure,
    OutcomeKind,
    Reconsideration,
)
from evne.errors import DomainError, StaleVersion

from .forms import DateInput

WEB = AccessChannel.WEB
TEXTAREA = {"rows": 4}
FACT_ROWS = 3


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


def _apply_error(form, exc: DomainError) -> None:
    field = (exc.field or "").split(".")[0]
    form.add_error(field if field in form.fields else None, exc.message)


def _stale_rows(exc: StaleVersion) -> list[dict]:
    return [{"label": field, "mine": mine, "theirs": theirs} for field, (mine, theirs) in exc.changes.items()]


# --- forms ------------------------------------------------------------------------------------------------


def _application_choices(applications) -> list[tuple]:
    return [("", "—")] + [
        (a.pk, f"{a.label} · {a.applied_on:%d-%m-%Y}") for a in applications if a.withdrawal_or_none is None
    ]


class SubjectFields(forms.Form):
    """What the decision concerns and the application it answers (on the new draft and in the editor)."""

    subject = forms.ChoiceField(
        label=gettext_lazy("What the decision concerns"), choices=[("", "—"), *Measure.choices], required=False,
        help_text=gettext_lazy("Empty: from the outcome, or from the application it answers. A refusal or a partial "
                               "grant needs it: a refusal of a fleksjob concerns fleksjob."),
    )  # fmt: skip
    application_id = forms.TypedChoiceField(label=gettext_lazy("The application it answers"), coerce=int,
                                            required=False, empty_value=None)  # fmt: skip

    def __init__(self, *args, applications=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application_id"].choices = _application_choices(applications)


class DraftForm(SubjectFields):
    outcome = forms.ChoiceField(label=gettext_lazy("What the decision decides"), choices=OutcomeKind.choices)
    applied_for = forms.CharField(label=gettext_lazy("What the citizen applied for"),
                                  widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip
    fully_grants = forms.BooleanField(
        label=gettext_lazy("The decision fully grants the request"), required=False,
        help_text=gettext_lazy("If in the slightest doubt, leave this off: the citizen is then heard first."),
    )  # fmt: skip
    appealable = forms.BooleanField(label=gettext_lazy("The decision can be appealed"), required=False, initial=True)

    field_order = ["outcome", "subject", "application_id", "applied_for", "fully_grants", "appealable"]


class ApplicationForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Applied for"), choices=ApplicationKind.choices)
    other_text = forms.CharField(label=gettext_lazy("What was applied for (other)"), required=False, max_length=200)
    applied_on = forms.DateField(label=gettext_lazy("Applied on"), widget=DateInput())
    channel = forms.ChoiceField(label=gettext_lazy("How the application came"), choices=ApplicationChannel.choices,
                                widget=forms.RadioSelect)  # fmt: skip
    note = forms.CharField(label=gettext_lazy("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class WithdrawalForm(forms.Form):
    withdrawn_on = forms.DateField(label=gettext_lazy("Withdrawn on"), widget=DateInput())
    guidance = forms.CharField(
        label=gettext_lazy("Guidance given to the citizen before withdrawing"), required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=gettext_lazy("What the withdrawal means for the citizen, and the alternatives. Required."),
    )  # fmt: skip


class ReasonsForm(SubjectFields):
    """The method's order: the decision first, then the reasons, the facts and the legal rules (X7)."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    decision_text = forms.CharField(
        label=gettext_lazy("1. The decision"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("The clear answer, first: what the citizen gets or does not get."),
    )  # fmt: skip
    reasons = forms.CharField(
        label=gettext_lazy("2. Reasons"), required=False, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy("Why is the decision as it is? What was given weight. Short sentences, plain words."),
    )  # fmt: skip
    considerations = forms.CharField(
        label=gettext_lazy("Main considerations (where the law leaves a discretion)"), required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
    )  # fmt: skip
    answer_dealt_with = forms.CharField(
        label=gettext_lazy("How the citizen's answer to the hearing was dealt with"), required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
    )  # fmt: skip
    legal_basis = forms.CharField(
        label=gettext_lazy("4. Legal rules (hjemmel)"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("The act and section the decision is made under, in plain words."),
    )  # fmt: skip
    document_ids = forms.TypedMultipleChoiceField(
        label=gettext_lazy("Documents the decision rests on"), required=False, coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    revision_on = forms.DateField(
        label=gettext_lazy("Revision condition: the pension is taken up again on"), required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=gettext_lazy("Only exceptionally: førtidspension is a lasting benefit."),
    )  # fmt: skip
    revision_reason = forms.CharField(
        label=gettext_lazy("Why the pension is granted with a revision condition"), required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
    )  # fmt: skip

    def __init__(self, *args, documents=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document_ids"].choices = [(d.pk, f"{d.title} · {d.document_date:%d-%m-%Y}") for d in documents]


def _weighing_from_post(post, documents) -> list[dict]:
    """The evidence-weighing table of the editor: per document `weigh-<id>-stance` (empty: not marked),
    `weigh-<id>-dealt_with` and `weigh-<id>-note`. The service checks the rows."""
    rows = []
    for d in documents:
        stance = post.get(f"weigh-{d.pk}-stance", "")
        if stance:
            dealt_with = bool(post.get(f"weigh-{d.pk}-dealt_with"))
            rows.append({"document_id": d.pk, "stance": stance, "dealt_with": dealt_with,
                         "note": post.get(f"weigh-{d.pk}-note", "")})  # fmt: skip
    return rows


def _weighing_rows(documents, marks: list[dict]) -> list[dict]:
    by_id = {m["document_id"]: m for m in marks}
    return [{"document": d, "stance": by_id.get(d.pk, {}).get("stance", ""),
             "dealt_with": by_id.get(d.pk, {}).get("dealt_with", False), "note": by_id.get(d.pk, {}).get("note", "")}
            for d in documents]  # fmt: skip


class FactForm(forms.Form):
    text = forms.CharField(label=gettext_lazy("Fact"), required=False, max_length=2000)
    source = forms.ChoiceField(label=gettext_lazy("Where it is in the case"), required=False)

    def __init__(self, *args, sources=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = [("", "—"), *sources]


FactFormSet = forms.formset_factory(FactForm, extra=FACT_ROWS, max_num=services.FACTS_MAX,
                                    absolute_max=services.FACTS_MAX)  # fmt: skip


class HearingForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    sent_on = forms.DateField(label=gettext_lazy("Sent on"), widget=DateInput())
    response_due_on = forms.DateField(
        label=gettext_lazy("Answer due on"), required=False, widget=DateInput(),
        help_text=gettext_lazy("A reasonable time for the amount of information; empty: the default deadline."),
    )  # fmt: skip
    unfavourable_facts = forms.CharField(
        label=gettext_lazy("Unfavourable material facts the decision may rest on"),
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=gettext_lazy("The whole resource profile and every specialist statement are included anyway."),
    )
    document_ids = forms.TypedMultipleChoiceField(
        label=gettext_lazy("Other documents to include"), required=False, coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip

    def __init__(self, *args, documents=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document_ids"].choices = [(d.pk, f"{d.title} · {d.document_date:%d-%m-%Y}") for d in documents]


class AnswerForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    answer = forms.ChoiceField(label=gettext_lazy("Answer"), choices=HearingAnswer.choices[1:],
                               widget=forms.RadioSelect)  # fmt: skip
    answered_on = forms.DateField(label=gettext_lazy("Answer received on"), required=False, widget=DateInput())
    form = forms.ChoiceField(label=gettext_lazy("Form of the answer"), choices=Channel.choices, required=False)
    summary = forms.CharField(label=gettext_lazy("The citizen's answer (summary)"), required=False,
                              widget=forms.Textarea(attrs=TEXTAREA))  # fmt: skip


class IssueForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    override_reason = forms.CharField(
        label=gettext_lazy("Why the decision is issued despite the blocking findings"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip


class ComplaintForm(forms.Form):
    received_on = forms.DateField(label=gettext_lazy("Received on"), widget=DateInput())
    channel = forms.ChoiceField(
        label=gettext_lazy("Form"), choices=Channel.choices, widget=forms.RadioSelect,
        help_text=gettext_lazy("A complaint needs no particular form: oral is enough."),
    )  # fmt: skip
    summary = forms.CharField(label=gettext_lazy("What the citizen complains about"),
                              widget=forms.Textarea(attrs=TEXTAREA))  # fmt: skip


class ReconsiderForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    outcome = forms.ChoiceField(label=gettext_lazy("Outcome"), choices=Reconsideration.choices,
                                widget=forms.RadioSelect)  # fmt: skip
    reconsidered_on = forms.DateField(label=gettext_lazy("Reconsidered on"), widget=DateInput())
    reasons = forms.CharField(label=gettext_lazy("Reasons"), widget=forms.Textarea(attrs=TEXTAREA))


class ForwardForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    forwarded_on = forms.DateField(label=gettext_lazy("Forwarded on"), widget=DateInput())


class AppealOutcomeForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    outcome = forms.ChoiceField(label=gettext_lazy("The appeal body's outcome"), choices=AppealOutcome.choices,
                                widget=forms.RadioSelect)  # fmt: skip
    decided_on = forms.DateField(label=gettext_lazy("Decided on"), widget=DateInput())
    note = forms.CharField(label=gettext_lazy("What the appeal body said (for a remittal: what is missing)"),
                           required=False, widget=forms.Textarea(attrs=TEXTAREA))  # fmt: skip


class FileAccessForm(forms.Form):
    requested_on = forms.DateField(label=gettext_lazy("Requested on"), widget=DateInput())
    channel = forms.ChoiceField(label=gettext_lazy("Form"), choices=Channel.choices, widget=forms.RadioSelect)
    scope = forms.CharField(label=gettext_lazy("Scope (empty: the whole file)"), required=False,
                            widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip


class DelayNoticeForm(forms.Form):
    sent_on = forms.DateField(label=gettext_lazy("Sent on"), widget=DateInput())
    expected_on = forms.DateField(label=gettext_lazy("A decision can be expected on"), widget=DateInput())
    reason = forms.CharField(label=gettext_lazy("Why the deadline cannot be kept"),
                             widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip


class ReasonsRequestForm(forms.Form):
    decision_notified_on = forms.DateField(label=gettext_lazy("The oral decision was given on"), widget=DateInput())
    decision_summary = forms.CharField(
        label=gettext_lazy("The oral decision"), widget=forms.Textarea(attrs={"rows": 2})
    )
    requested_on = forms.DateField(label=gettext_lazy("Requested on"), widget=DateInput())


class ReasonsAnswerForm(forms.Form):
    answered_on = forms.DateField(label=gettext_lazy("Written reasons given on"), widget=DateInput())
    reasons = forms.CharField(label=gettext_lazy("Reasons"), widget=forms.Textarea(attrs=TEXTAREA))
    legal_basis = forms.CharField(label=gettext_lazy("Legal rules (hjemmel)"), widget=forms.Textarea(attrs={"rows": 2}))


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
        "delay_notices": list(case.delay_notices.order_by("-sent_on")),
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
    """The records a fact may point at: documents, journal notes (facts) and current profile versions."""
    from evne.evidence.models import Document
    from evne.profiles.models import ElementKey
    from evne.profiles.selectors import current_elements, profile_for

    rows = [
        (
            f"document:{d.pk}",
            _("Document: %(title)s (%(date)s)") % {"title": d.title, "date": f"{d.document_date:%d-%m-%Y}"},
        )
        for d in Document.objects.filter(case=case).exclude(kind="outgoing_letter").order_by("-document_date")
    ]
    rows += [
        (
            f"note:{n.pk}",
            _("Journal note of %(date)s: %(start)s")
            % {"date": f"{timezone.localtime(n.created_at):%d-%m-%Y}", "start": n.text[:60]},
        )
        for n in case.notes.order_by("-created_at")[:50]
    ]
    rows += [
        (
            f"version:{v.pk}",
            _("Resource profile: %(element)s, version %(number)s")
            % {"element": ElementKey(v.element).label, "number": v.number},
        )
        for v in current_elements(profile_for(case)).values()
    ]
    return rows  # fmt: skip


def decision_edit(request: HttpRequest, case_id: int, number: int) -> HttpResponse:
    """The structured reasons editor."""
    case = _case(request, case_id, write=True)
    decision = _decision(case, number)
    if decision.issued:
        messages.info(request, _("An issued decision cannot be changed; make a new decision instead."))
        return redirect("web:decisions_detail", case_id=case.pk, number=number)
    documents = list(case.documents.exclude(kind="outgoing_letter").order_by("-document_date"))
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
        elif form.is_valid() and facts.is_valid():
            values = {k: v for k, v in form.cleaned_data.items() if k != "version"}
            if not values["subject"]:
                values.pop("subject")  # "—" keeps what the draft concerns
            try:
                services.decision_revise(actor=request.user, decision=decision,
                                         expected_version=form.cleaned_data["version"],
                                         facts=[f for f in facts.cleaned_data if f], evidence_weighing=weighing,
                                         **values)  # fmt: skip
            except StaleVersion as exc:
                form.add_error(None, exc.message)
                stale = _stale_rows(exc)
                data = request.POST.copy()
                data["version"] = str(selectors.decision_by_number(case, number).version)
                form = ReasonsForm(data, documents=documents, applications=applications)
                form.is_valid()
                status = 409
            except DomainError as exc:
                _apply_error(form, exc)
                status = 422
            else:
                messages.success(request, _("The draft was saved."))
                return redirect("web:decisions_detail", case_id=case.pk, number=number)
        else:
            status = 422
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
    case = _case(request, case_id)
    decision = _decision(case, number)
    today = timezone.localdate()
    hearings = list(decision.hearings.select_related("letter").order_by("-sent_on", "-id"))
    context = {
        "case": case, "citizen": case.citizen, "decision": decision, "hearings": hearings,
        "complaints": list(decision.complaints.order_by("-received_on")),
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
                                        documents=case.documents.exclude(kind="outgoing_letter")),
            "answer_form": AnswerForm(initial={"version": hearings[0].version if hearings else 1, "answered_on": today,
                                               "form": Channel.WRITTEN}),
            "issue_form": IssueForm(initial={"version": decision.version}),
        }  # fmt: skip
    return render(request, "web/decisions/detail.html", context)


@require_POST
def hearing_send(request: HttpRequest, case_id: int, number: int) -> HttpResponse:
    case = _case(request, case_id, write=True)
    decision = _decision(case, number)
    form = HearingForm(request.POST, documents=case.documents.all())
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
    hearing = decision.hearings.filter(pk=hearing_id).first()
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
        "can_write": can_write_case(request.user, case),
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
    return render(request, "web/decisions/file_access.html", {
        "case": case, "citizen": case.citizen, "requests": selectors.file_access_for(case), "form": form,
        "documents": list(case.documents.order_by("document_date", "id")), "today": timezone.localdate(),
        "can_write": can_write_case(request.user, case),
    }, status=422 if form.errors else 200)  # fmt: skip


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
        day = forms.DateField().clean(request.POST.get("handed_out_on"))
        version = int(request.POST.get("version") or 0)
        handed = services.file_access_hand_out(actor=request.user, request=access_request, expected_version=version,
                                               handed_out_on=day, documents=rows)  # fmt: skip
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
    reasons = case.reasons_requests.filter(pk=request_id).first()
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
