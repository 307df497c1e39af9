"""Reads of consents, information requests and documents, shared by the web pages, the API and the worklist.

Call the per-case selectors only for a case obtained through access_case(); the cross-case selectors
(`overdue_requests`, `worklist_reminders`) filter by need-to-know themselves. Dates are explicit arguments:
nothing here asks the clock.
"""

import re
from dataclasses import dataclass
from datetime import date

from django.apps import apps
from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from evne.accounts.access import log_listing
from evne.accounts.models import AccessChannel, Role, User
from evne.cases.models import Case, CaseStatus, EventKind, TimelineEvent
from evne.cases.selectors import cases_visible_to
from evne.shared_reads import case_rows, shared

from .models import (
    MEDICAL_DOCUMENTS,
    Consent,
    ConsentPurpose,
    ConsentStatus,
    Document,
    InformationRequest,
    StatementConclusions,
    Treatment,
    TreatmentStatus,
)

# --- consent --------------------------------------------------------------------------------------------


def consents_for(case: Case) -> list[Consent]:
    """Every consent statement of the case, newest first."""
    return list(case.consents.select_related("recorded_by").order_by("-given_on", "-id"))


def scope_key(scope: str) -> str:
    """Statements about the same information (the same scope text, ignoring case and spacing) replace each
    other: a withdrawal or refusal ends the consent it repeats the scope of."""
    return re.sub(r"\s+", " ", scope or "").strip().casefold()


def holds_on(consent: Consent, on: date) -> bool:
    """A given statement holds from its date until the day it expires (disclosure: one year, D12)."""
    return (
        consent.status == ConsentStatus.GIVEN
        and consent.given_on <= on
        and (consent.expires_on is None or on < consent.expires_on)
    )


def _consents(case: Case) -> list[Consent]:
    """Every consent statement of the case, oldest first (read once per page)."""
    rows = case_rows(case.pk, Consent)
    if rows is not None:
        return sorted(rows, key=lambda c: (c.given_on, c.pk))
    return shared(("consents", case.pk), lambda: list(case.consents.order_by("given_on", "id")))


def consents_in_force(case: Case, purpose: str, on: date) -> list[Consent]:
    """The consents that hold on `on` for `purpose`: per scope, the latest statement made by that date, if it is
    a consent that has not expired. Newest first."""
    latest: dict[str, Consent] = {}
    for consent in _consents(case):
        if consent.purpose == purpose and consent.given_on <= on:
            latest[scope_key(consent.scope)] = consent
    held = [c for c in latest.values() if holds_on(c, on)]
    return sorted(held, key=lambda c: (c.given_on, c.pk), reverse=True)


def consent_in_force(case: Case, purpose: str, on: date, *, scope: str | None = None) -> Consent | None:
    """The consent in force for `purpose` on `on` (for one scope if given): the newest that holds, or None."""
    held = consents_in_force(case, purpose, on)
    if scope is not None:
        held = [c for c in held if scope_key(c.scope) == scope_key(scope)]
    return held[0] if held else None


def refusals(case: Case, on: date) -> list[Consent]:
    """The latest statements, per scope, in which the citizen refused or withdrew consent to collection.

    R35 (seed 001, l. 2121–2123): the case is then handled on the information available; I6 (seed 000,
    L6748–6764): a real assessment of what is there, and a refusal of help cannot rest on the missing consent
    alone."""
    latest: dict[str, Consent] = {}
    for consent in _consents(case):
        if consent.purpose == ConsentPurpose.COLLECT and consent.given_on <= on:
            latest[scope_key(consent.scope)] = consent
    closed = (ConsentStatus.REFUSED, ConsentStatus.WITHDRAWN)
    return sorted((c for c in latest.values() if c.status in closed), key=lambda c: c.given_on, reverse=True)


# --- information requests -------------------------------------------------------------------------------


class RequestState(models.TextChoices):
    """Where a request stands; derived from its dates, never stored."""

    DRAFT = "draft", gettext_lazy("Not sent")
    SENT = "sent", gettext_lazy("Sent, awaiting answer")
    OVERDUE = "overdue", gettext_lazy("Answer overdue")
    ANSWERED = "answered", gettext_lazy("Answered")
    CANCELLED = "cancelled", gettext_lazy("Cancelled")


def request_state(request: InformationRequest, today: date) -> str:
    if request.cancelled_on:
        return RequestState.CANCELLED
    if request.answered_on:
        return RequestState.ANSWERED
    if request.sent_on is None:
        return RequestState.DRAFT
    if request.answer_due_on and request.answer_due_on < today:
        return RequestState.OVERDUE
    return RequestState.SENT


def _request_facts(case: Case) -> dict[int, dict]:
    """What the timeline holds about each request beyond its columns: the date of a § 12, stk. 3 notice and
    whether the medical adviser was consulted (from the creation event), and the document that answered it
    (from the answer event)."""
    facts: dict[int, dict] = {}
    kinds = (EventKind.REQUEST_CREATED, EventKind.REQUEST_ANSWERED)
    timeline = case_rows(case.pk, TimelineEvent)  # the case page has read the whole case already
    if timeline is not None:
        events = [(e.kind, e.data) for e in timeline if e.kind in kinds]
    else:
        events = list(TimelineEvent.objects.filter(case=case, kind__in=kinds).values_list("kind", "data"))
    for kind, data in events:
        row = facts.setdefault(data.get("request_id"), {})
        if kind == EventKind.REQUEST_CREATED:
            notice = data.get("notice_given_on")
            row["notice_given_on"] = date.fromisoformat(notice) if notice else None
            row["adviser_consulted"] = bool(data.get("adviser_consulted"))
        else:
            row["answer_document_id"] = data.get("document_id")
    return facts


def notice_given_on(request: InformationRequest) -> date | None:
    """The day the citizen was given notice under retssikkerhedsloven § 12, stk. 3 (recorded when the request
    was created)."""
    event = (
        TimelineEvent.objects.filter(case_id=request.case_id, kind=EventKind.REQUEST_CREATED)
        .filter(data__request_id=request.pk)
        .first()
    )
    value = event.data.get("notice_given_on") if event else None
    return date.fromisoformat(value) if value else None


def requests_for(case: Case, *, today: date) -> list[InformationRequest]:
    """The case's requests, newest first, each with `state`, `state_label`, `notice_given_on`,
    `adviser_consulted` and `answer_document` (the document that answered it, or None) set."""
    requests = case_rows(case.pk, InformationRequest)
    if requests is not None:
        requests.sort(key=lambda r: (r.created_at, r.pk), reverse=True)
    else:
        qs = case.information_requests.select_related("consent", "created_by").order_by("-created_at", "-id")
        requests = list(qs)
    facts = _request_facts(case)
    answer_ids = {f.get("answer_document_id") for f in facts.values()} - {None}
    documents = {d.pk: d for d in documents_for(case) if d.pk in answer_ids}
    for request in requests:
        row = facts.get(request.pk, {})
        request.state = request_state(request, today)
        request.state_label = RequestState(request.state).label
        request.notice_given_on = row.get("notice_given_on")
        request.adviser_consulted = row.get("adviser_consulted", False)
        request.answer_document = documents.get(row.get("answer_document_id"))
    return requests


def request_for(case: Case, request_id: int, *, today: date) -> InformationRequest | None:
    """One request of the case, with the same facts set as by requests_for, or None."""
    return next((r for r in requests_for(case, today=today) if r.pk == request_id), None)


def _overdue() -> QuerySet[InformationRequest]:
    return InformationRequest.objects.filter(
        sent_on__isnull=False, answered_on__isnull=True, cancelled_on__isnull=True
    ).exclude(case__status=CaseStatus.CLOSED)


def overdue_requests(
    *, municipality_id: int | None = None, caseworker: User | None = None, today: date
) -> QuerySet[InformationRequest]:
    """Requests sent and not answered or cancelled whose answer date has passed, oldest due date first (I1: do
    not stay passive when information does not arrive; seed 000 L6603–6610). Closed cases are left out."""
    qs = _overdue().filter(answer_due_on__lt=today)
    if municipality_id is not None:
        qs = qs.filter(case__municipality_id=municipality_id)
    if caseworker is not None:
        qs = qs.filter(case__caseworker=caseworker)
    return qs.select_related("case", "case__citizen", "case__caseworker").order_by("answer_due_on", "id")


@dataclass(frozen=True)
class Reminder:
    """A late answer to chase. `text` is ready to show; it names the case, the recipient and the document."""

    case: Case
    request: InformationRequest
    days_overdue: int
    text: str


def worklist_reminders(
    user: User, today: date, *, channel: str = AccessChannel.WEB, cases: list | None = None
) -> list[Reminder]:
    """Reminders for the worklist: overdue requests in the cases the user is responsible for (a team leader
    also sees the team's). Showing them is a listing of the cases, written to the access log.

    `cases`: only the cases on the worklist page shown (already access-logged by the worklist, so not again)."""
    if cases is not None:
        ids = [c.pk for c in cases]
        requests = list(overdue_requests(municipality_id=user.municipality_id, today=today).filter(case_id__in=ids))
        return [_reminder(r, today) for r in requests]
    cases = cases_visible_to(user).exclude(status=CaseStatus.CLOSED)
    if user.role == Role.TEAM_LEADER and user.team_id:
        cases = cases.filter(team_id=user.team_id)
    else:
        cases = cases.filter(caseworker=user)
    requests = list(overdue_requests(municipality_id=user.municipality_id, today=today).filter(case__in=cases))
    reminders = [_reminder(r, today) for r in requests]
    seen = {r.case.pk: r.case for r in reminders}
    log_listing(user=user, cases=seen.values(), channel=channel, detail="evidence reminders")
    return reminders


def _reminder(r, today: date) -> Reminder:
    return Reminder(
        case=r.case,
        request=r,
        days_overdue=(today - r.answer_due_on).days,
        text=_("Case %(number)s: the answer from %(recipient)s (%(document)s) was due on %(due)s.")
        % {
            "number": r.case.number,
            "recipient": r.recipient_name,
            "document": r.get_document_type_display(),
            "due": r.answer_due_on.strftime("%d-%m-%Y"),
        },
    )


# --- documents ------------------------------------------------------------------------------------------


def document_for(case: Case, document_id: int) -> Document | None:
    return Document.objects.select_related("case", "request", "recorded_by").filter(pk=document_id, case=case).first()


def request_of(case: Case, request_id: int) -> InformationRequest | None:
    """One request of the case as stored (requests_for/request_for add the facts the list shows)."""
    return InformationRequest.objects.select_related("case", "consent").filter(pk=request_id, case=case).first()


def documents_for(case: Case) -> list[Document]:
    """The case's documents, newest document date first (read once per page)."""
    rows = case_rows(case.pk, Document)
    if rows is not None:
        return sorted(rows, key=lambda d: (d.document_date, d.pk), reverse=True)
    read = lambda: list(case.documents.select_related("recorded_by", "request").order_by("-document_date", "-id"))  # noqa: E731
    return list(shared(("documents", case.pk), read))


@dataclass(frozen=True)
class MedicalAge:
    document: Document
    days: int
    months: int


def whole_months(start: date, end: date) -> int:
    """Whole calendar months from `start` to `end` (7 March → 6 October is 6, → 7 October is 7)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return max(months, 0)


def latest_medical_information(case: Case, today: date) -> MedicalAge | None:
    """The newest medical document (by its own date) and how old it is. Old medical information may no longer
    describe the citizen's health; a status statement presumes the doctor saw the citizen within about a
    year (D13, seed 000 L5338–5344)."""
    document = next(
        (d for d in documents_for(case) if d.kind in MEDICAL_DOCUMENTS and d.document_date <= today), None
    )  # documents_for is newest document date first
    if document is None:
        return None
    return MedicalAge(
        document=document,
        days=(today - document.document_date).days,
        months=whole_months(document.document_date, today),
    )


# --- statements and treatments --------------------------------------------------------------------------


def request_answered_by(document: Document) -> InformationRequest | None:
    """The information request the document answers: the one it was registered for, or the one whose answer
    named it (a document registered first and chosen as the answer later)."""
    if document.request_id:
        return document.request
    event = (
        TimelineEvent.objects.filter(case_id=document.case_id, kind=EventKind.REQUEST_ANSWERED)
        .filter(data__document_id=document.pk)
        .order_by("-id")
        .first()
    )
    if event is None:
        return None
    return InformationRequest.objects.filter(case_id=document.case_id, pk=event.data.get("request_id")).first()


def conclusions_history(document: Document) -> list[StatementConclusions]:
    """Every revision of the document's conclusions, the latest (the one that counts) first."""
    return list(document.conclusions.select_related("recorded_by").order_by("-number"))


def latest_conclusions(document: Document) -> StatementConclusions | None:
    return document.conclusions.select_related("recorded_by").order_by("-number").first()


def latest_conclusions_by_document(case: Case) -> dict[int, StatementConclusions]:
    """Document id → the latest conclusions, for every document of the case that has them."""
    latest: dict[int, StatementConclusions] = {}
    loaded = case_rows(case.pk, StatementConclusions)
    rows = (
        sorted(loaded, key=lambda c: (c.number, c.pk))
        if loaded is not None
        else StatementConclusions.objects.filter(document__case=case).select_related("recorded_by").order_by("number")
    )
    for row in rows:
        latest[row.document_id] = row
    return latest


def documents_with_conclusions(case: Case) -> list[Document]:
    """documents_for, each with `latest_conclusions` set (None when none are recorded)."""
    documents = documents_for(case)
    latest = latest_conclusions_by_document(case)
    for document in documents:
        document.latest_conclusions = latest.get(document.pk)
    return documents


def _with_history(treatments: list[Treatment]) -> list[Treatment]:
    """Set `history` (statuses, oldest first) and `current` (the latest status, which counts) on each."""
    rows = TreatmentStatus.objects.filter(treatment__in=treatments).select_related("recorded_by").order_by("number")
    history: dict[int, list[TreatmentStatus]] = {}
    for row in rows:
        history.setdefault(row.treatment_id, []).append(row)
    for treatment in treatments:
        treatment.history = history.get(treatment.pk, [])
        treatment.current = treatment.history[-1] if treatment.history else None
    return treatments


def treatments_for(case: Case, *, document: Document | None = None) -> list[Treatment]:
    """The case's treatments (or those one statement recommends), newest recommendation first, each with its
    status history (`history`, oldest first) and current status (`current`)."""
    qs = case.treatments.select_related("document", "recorded_by")
    if document is not None:
        qs = qs.filter(document=document)
    return _with_history(list(qs.order_by("-recommended_on", "-id")))


def treatment_for(case: Case, treatment_id: int) -> Treatment | None:
    treatment = case.treatments.select_related("document", "recorded_by", "case").filter(pk=treatment_id).first()
    return _with_history([treatment])[0] if treatment else None


def latest_assessment(case: Case):
    """The case's latest work-ability assessment with its author, or None (read once per page). The assessments
    app sits above this one: its model is looked up, not imported."""
    assessment = apps.get_model("assessments", "WorkAbilityAssessment")
    rows = case_rows(case.pk, assessment)
    if rows is not None:
        return max(rows, key=lambda a: a.number, default=None)
    read = lambda: assessment.objects.filter(case=case).select_related("author").order_by("-number").first()  # noqa: E731
    return shared(("latest_assessment", case.pk), read)


def information_gathering_stopped(case: Case):
    """Stop rule (bek. 543/2002 § 7, stk. 7; seed 001, l. 2206–2248; R37): once the latest work-ability assessment
    finds the work ability sufficient for ordinary work, no further information is obtained and a decision is due.
    Returns that assessment, or None. (The assessments app sits above this one: its model is looked up, not
    imported.)"""
    latest = latest_assessment(case)
    return latest if latest is not None and latest.conclusion == "sufficient" else None


# The kind of document a request asks for becomes the kind of the document that answers it.
ANSWER_KIND = {
    "status_statement": "status_statement", "general_certificate": "medical_certificate",
    "specific_certificate": "medical_certificate", "lae_265": "lae_265", "hospital_records": "hospital_records",
    "specialist_statement": "specialist_statement", "employer_statement": "employer_statement",
    "provider_statement": "provider_report", "other": "other",
}  # fmt: skip


def answer_prefill(info: InformationRequest, *, today: date) -> dict:
    """The received document prefilled from the request it answers (issue 13: no retyping): its kind, a title
    naming what was asked for and from whom, today's date, the author, and whether it holds health information
    (every medical document does: GDPR art. 9)."""
    kind = ANSWER_KIND.get(info.document_type, "other")
    title = _("%(document)s from %(recipient)s") % {"document": info.get_document_type_display(),
                                                     "recipient": info.recipient_name}  # fmt: skip
    return {"version": info.version, "answered_on": today, "kind": kind, "title": title[:200], "document_date": today,
            "author": info.recipient_name, "sensitive": kind in MEDICAL_DOCUMENTS}  # fmt: skip
