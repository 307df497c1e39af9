"""Reads of decisions, hearings, complaints and file access. Call only for a case obtained through access_case()."""

from dataclasses import dataclass
from datetime import date, timedelta

from evne.cases.models import Case
from evne.shared_reads import case_rows

from . import reasons as reason_checks
from .evaluator import evaluation_for
from .guidance import guidance_for
from .language import plain_language_notes
from .models import (
    Application,
    Complaint,
    Decision,
    DelayNotice,
    FileAccessRequest,
    LocalDeadline,
    ReasonsRequest,
)


def applications_for(case: Case) -> list[Application]:
    """The case's applications, newest first, each with its withdrawal and the decisions answering it."""
    rows = case_rows(case.pk, Application)
    if rows is not None:
        return sorted(rows, key=lambda a: (a.applied_on, a.pk), reverse=True)
    return list(
        case.applications.select_related("withdrawal", "recorded_by").prefetch_related("decisions")
        .order_by("-applied_on", "-id")
    )  # fmt: skip


def application_by_id(case: Case, application_id: int) -> Application | None:
    return case.applications.select_related("withdrawal").filter(pk=application_id).first()


def decision_subject(decision: Decision) -> str:
    """The measure the decision concerns (a Measure value): a refusal of a fleksjob concerns fleksjob, while its
    readiness type (`decision_type`) stays "refusal"."""
    return decision.concerns


def evidence_rows(decision: Decision) -> list[dict]:
    """The case's received documents with the draft's weighing of each (stance, dealt with, note); unmarked
    documents have an empty stance. For the draft editor and the decision page."""
    from evne.evidence.models import Document, DocumentKind

    marks = {row["document_id"]: row for row in decision.evidence_weighing}
    documents = (
        Document.objects.filter(case_id=decision.case_id).exclude(kind=DocumentKind.OUTGOING_LETTER)
        .order_by("-document_date", "-id")
    )  # fmt: skip
    return [
        {"document": d, "stance": marks.get(d.pk, {}).get("stance", ""),
         "dealt_with": marks.get(d.pk, {}).get("dealt_with", False), "note": marks.get(d.pk, {}).get("note", "")}
        for d in documents
    ]  # fmt: skip


def decisions_for(case: Case) -> list[Decision]:
    rows = case_rows(case.pk, Decision)
    if rows is not None:
        return sorted(rows, key=lambda d: d.number, reverse=True)
    return list(case.decisions.select_related("created_by", "issued_by", "letter").order_by("-number"))


def decision_by_number(case: Case, number: int) -> Decision | None:
    return (
        case.decisions.select_related("created_by", "issued_by", "letter", "assessment").filter(number=number).first()
    )


def complaints_for(case: Case) -> list[Complaint]:
    rows = case_rows(case.pk, Complaint)
    if rows is not None:
        return sorted(rows, key=lambda c: (c.received_on, c.pk), reverse=True)
    return list(
        Complaint.objects.filter(decision__case=case).select_related("decision").order_by("-received_on", "-id")
    )


def complaint_by_id(case: Case, complaint_id: int) -> Complaint | None:
    return Complaint.objects.filter(decision__case=case, pk=complaint_id).select_related("decision").first()


def file_access_for(case: Case) -> list[FileAccessRequest]:
    rows = case_rows(case.pk, FileAccessRequest)
    if rows is not None:
        return sorted(rows, key=lambda r: (r.requested_on, r.pk), reverse=True)
    return list(case.file_access_requests.select_related("bundle").order_by("-requested_on", "-id"))


def file_access_by_id(case: Case, request_id: int) -> FileAccessRequest | None:
    return case.file_access_requests.filter(pk=request_id).first()


def reasons_requests_for(case: Case) -> list[ReasonsRequest]:
    return list(case.reasons_requests.order_by("-requested_on", "-id"))


def reasons_request_by_id(case: Case, request_id: int) -> ReasonsRequest | None:
    return case.reasons_requests.filter(pk=request_id).first()


def delay_notices_for(case: Case) -> list[DelayNotice]:
    return list(case.delay_notices.order_by("-sent_on", "-id"))


def decision_basis(decision: Decision) -> dict[str, list]:
    """The exact resource-profile versions, assessment and documents the decision rests on (ARCHITECTURE §3)."""
    from evne.evidence.models import Document
    from evne.profiles.models import ElementKey, ElementVersion

    order = {key: index for index, key in enumerate(ElementKey.values)}
    versions = ElementVersion.objects.filter(pk__in=decision.profile_version_ids, profile__case_id=decision.case_id)
    return {
        "versions": sorted(versions, key=lambda v: (order.get(v.element, len(order)), v.number)),
        "documents": list(Document.objects.filter(pk__in=decision.document_ids, case_id=decision.case_id)),
    }


@dataclass(frozen=True)
class TeamBasis:
    """What the rehabilitation team recommended before the decision, and whether and how the municipality departed
    from it (lov om organisering § 11, stk. 2; seed 003 L3325–3335). Dates and kinds; the departure's reason is the
    municipality's own, no text of the minutes."""

    recommended_on: date  # the meeting that made the recommendation
    kind: str
    departed_on: date | None = None
    departure_reason: str = ""
    presented_again_on: date | None = None  # the later meeting the case went back to
    later_recommended_on: date | None = None  # a recommendation made at a later meeting
    later_kind: str = ""
    presented_for: str = ""  # the measure the case was presented for (reform.models.Measure), "" for old rows


def decision_day(decision: Decision) -> date:
    """The day a decision is judged on: its decision date once issued, today for a draft."""
    from django.utils import timezone

    return decision.decided_on or timezone.localdate()


def team_basis(case: Case, *, on: date) -> TeamBasis | None:
    """The team's recommendation on or before `on` that the decision follows on: the latest one, or — when the
    municipality departed from one — that one, the departure and the meeting the case went back to."""
    from evne.reform.models import Departure, Recommendation

    recommendations = Recommendation.objects.filter(case=case, item__meeting__held_on__lte=on).select_related(
        "item__meeting"
    )
    latest = recommendations.order_by("-item__meeting__held_on", "-id").first()
    if latest is None:
        return None
    departure = (
        Departure.objects.filter(recommendation__in=recommendations, departed_on__lte=on)
        .select_related("recommendation__item__meeting").order_by("-departed_on", "-id").first()
    )  # fmt: skip
    if departure is None:
        return TeamBasis(recommended_on=latest.item.meeting.held_on, kind=latest.kind,
                         presented_for=latest.presented_for)  # fmt: skip
    departed = departure.recommendation
    held = departed.item.meeting.held_on
    again = (
        case.rehab_agenda_items.filter(meeting__held_on__gt=held, meeting__held_on__gte=departure.departed_on,
                                       meeting__held_on__lte=on)
        .order_by("meeting__held_on", "id").select_related("meeting").first()
    )  # fmt: skip
    later = latest if latest.pk != departed.pk and latest.item.meeting.held_on > held else None
    return TeamBasis(
        recommended_on=held, kind=departed.kind, departed_on=departure.departed_on, departure_reason=departure.reason,
        presented_again_on=again.meeting.held_on if again else None,
        later_recommended_on=later.item.meeting.held_on if later else None, later_kind=later.kind if later else "",
        presented_for=departed.presented_for,
    )  # fmt: skip


def pension_transferred_on(case: Case, *, on: date) -> date | None:
    """The day the case moved to treatment under the førtidspension rules, as last recorded on or before `on` (a
    correction is a new row)."""
    transfer = case.pension_transfers.filter(transferred_on__lte=on).order_by("-created_at", "-id").first()
    return transfer.transferred_on if transfer else None


def reasons_warnings(decision: Decision) -> list[str]:
    return reason_checks.warnings(decision)


def hearings_for(decision: Decision) -> list:
    return list(decision.hearings.select_related("letter").order_by("-sent_on", "-id"))


def hearing_by_id(decision: Decision, hearing_id: int):
    return decision.hearings.filter(pk=hearing_id).first()


def complaints_of(decision: Decision) -> list[Complaint]:
    return list(decision.complaints.order_by("-received_on"))


def case_documents(case: Case, *, letters: bool = False) -> list:
    """The case's documents a decision may rest on or send, newest first; the municipality's own letters only
    when asked for."""
    documents = case.documents.all() if letters else case.documents.exclude(kind="outgoing_letter")
    return list(documents.order_by("-document_date", "-id"))


def latest_hearing(decision: Decision):
    return decision.hearings.select_related("letter").order_by("-sent_on", "-id").first()


def local_deadline(case: Case) -> date | None:
    """The municipality's own decision deadline for the case's type (RTL § 3, stk. 2), if it has set one."""
    row = LocalDeadline.objects.filter(municipality_id=case.municipality_id, pathway=case.pathway).first()
    return case.help_requested_on + timedelta(weeks=row.weeks) if row else None


@dataclass(frozen=True)
class Review:
    """What the caseworker sees before issuing: readiness, reasons warnings, plain language, the guidance."""

    blocking: list
    warnings: list[str]
    plain_language: list[str]
    guidance: object | None


def review(decision: Decision, *, on: date) -> Review:
    evaluation = evaluation_for(decision, on=on)
    blocking = evaluation.blocking(evaluation.in_question)
    warn = reason_checks.warnings(decision)
    warn += [r.finding.message_da for r in evaluation.results
             if r.rule.id == "decision.reasons_quality" and r.finding.outcome == "missing" and not warn]  # fmt: skip
    text = "\n".join(p for p in (decision.decision_text, decision.reasons, decision.considerations,
                                 decision.answer_dealt_with) if p)  # fmt: skip
    guidance = guidance_for(on) if decision.appealable and not decision.fully_grants else None
    return Review(blocking=blocking, warnings=warn, plain_language=plain_language_notes(text), guidance=guidance)


def appeal_package(complaint: Complaint):
    """The forwarding package sent to the appeal body with a kept complaint (cover letter and the case's file), as
    the timeline recorded it; None before forwarding (or for a complaint forwarded before packages existed)."""
    from evne.cases.models import EventKind
    from evne.evidence.models import Document

    if not complaint.forwarded_on:
        return None
    events = complaint.decision.case.events.filter(kind=EventKind.COMPLAINT_FORWARDED).order_by("-at", "-id")
    for event in events:
        if event.data.get("complaint_id") == complaint.pk and event.data.get("package_document_id"):
            return Document.objects.filter(pk=event.data["package_document_id"], case=complaint.decision.case).first()
    return None
