"""Reads of decisions, hearings, complaints and file access. Call only for a case obtained through access_case()."""

from dataclasses import dataclass
from datetime import date, timedelta

from evne.cases.models import Case
from evne.rules import snapshot as s

from . import reasons as reason_checks
from .guidance import guidance_for
from .language import plain_language_notes
from .models import (
    Application,
    Complaint,
    Decision,
    DelayNotice,
    FileAccessRequest,
    HearingAnswer,
    LocalDeadline,
    ReasonsRequest,
)


def applications_for(case: Case) -> list[Application]:
    """The case's applications, newest first, each with its withdrawal and the decisions answering it."""
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
    return list(case.decisions.select_related("created_by", "issued_by", "letter").order_by("-number"))


def decision_by_number(case: Case, number: int) -> Decision | None:
    return (
        case.decisions.select_related("created_by", "issued_by", "letter", "assessment").filter(number=number).first()
    )


def complaints_for(case: Case) -> list[Complaint]:
    return list(
        Complaint.objects.filter(decision__case=case).select_related("decision").order_by("-received_on", "-id")
    )


def complaint_by_id(case: Case, complaint_id: int) -> Complaint | None:
    return Complaint.objects.filter(decision__case=case, pk=complaint_id).select_related("decision").first()


def file_access_for(case: Case) -> list[FileAccessRequest]:
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


def evaluation_for(decision: Decision, *, on: date):
    """The whole catalogue on `on`, with this decision as the decision in question: later drafts of the case are
    left out of the snapshot, so the rules judge the decision being issued and not another one."""
    from dataclasses import replace

    from evne.cases.rules_snapshot import snapshot_for_case
    from evne.rules.catalogue import RULES
    from evne.rules.engine import evaluate

    snapshot = snapshot_for_case(decision.case)
    snapshot = replace(snapshot, decisions=tuple(d for d in snapshot.decisions if d.number <= decision.number))
    return evaluate(RULES, snapshot, on=on)


def review(decision: Decision, *, on: date) -> Review:
    evaluation = evaluation_for(decision, on=on)
    blocking = evaluation.blocking(decision.decision_type)
    warn = reason_checks.warnings(decision)
    warn += [r.finding.message_da for r in evaluation.results
             if r.rule.id == "decision.reasons_quality" and r.finding.outcome == "missing" and not warn]  # fmt: skip
    text = "\n".join(p for p in (decision.decision_text, decision.reasons, decision.considerations,
                                 decision.answer_dealt_with) if p)  # fmt: skip
    guidance = guidance_for(on) if decision.appealable and not decision.fully_grants else None
    return Review(blocking=blocking, warnings=warn, plain_language=plain_language_notes(text), guidance=guidance)


def _day(value):
    from django.utils import timezone

    return timezone.localtime(value).date()


def snapshot_parts(case: Case) -> dict:
    """The decision facts of the rules snapshot: flags and dates only, no free text."""
    from evne.evidence.models import Document
    from evne.profiles.models import ElementVersion

    kinds = dict(Document.objects.filter(case=case).values_list("pk", "kind"))
    received = dict(Document.objects.filter(case=case).values_list("pk", "received_on"))
    specialist = {pk for pk, kind in kinds.items() if kind in ("specialist_statement", "medical_adviser")}
    has_profile = ElementVersion.objects.filter(profile__case=case).exists()
    decisions, hearings = [], []
    for d in case.decisions.order_by("number"):
        decisions.append(s.Decision(
            number=d.number, decision_type=d.decision_type, outcome=d.outcome, status=d.status,
            created_on=_day(d.created_at), fully_grants=d.fully_grants, appealable=d.appealable,
            decided_on=d.decided_on, has_decision_text=bool(d.decision_text), has_legal_basis=bool(d.legal_basis),
            has_reasons=bool(d.reasons), has_facts=bool(d.facts),
            facts_in_case=not reason_checks.unsourced_facts(d.facts),
            reasons_only_doctor=reason_checks.reasons_only_doctor(d.reasons),
            specialist_conclusion_as_fact=bool(reason_checks.conclusion_facts(d.facts, kinds)),
            answer_dealt_with=bool(d.answer_dealt_with), has_guidance=bool(d.guidance_text),
            guidance_given_on=d.decided_on if d.guidance_text else None, override=bool(d.override_reason),
        ))  # fmt: skip
        for h in d.hearings.order_by("sent_on", "id"):
            sent_docs = {p.get("document_id") for p in h.package if p.get("kind") == "document"}
            hearings.append(s.Hearing(
                decision_number=d.number, sent_on=h.sent_on, response_due_on=h.response_due_on,
                includes_profile=not has_profile or any(p.get("kind") == "version" for p in h.package),
                includes_new_specialist_statements=all(
                    pk in sent_docs for pk in specialist if received[pk] <= h.sent_on),
                answer=h.answer if h.answer in HearingAnswer.values else "", answered_on=h.answered_on,
            ))  # fmt: skip
    return {
        "decisions": tuple(decisions),
        "hearings": tuple(hearings),
        "complaints": tuple(
            s.Complaint(decision_number=c.decision.number, received_on=c.received_on,
                        reconsideration=c.reconsideration, reconsidered_on=c.reconsidered_on,
                        forwarded_on=c.forwarded_on, appeal_outcome=c.appeal_outcome,
                        appeal_decided_on=c.appeal_decided_on)
            for c in Complaint.objects.filter(decision__case=case).select_related("decision").order_by("id")
        ),
        "file_access": tuple(s.FileAccess(requested_on=r.requested_on, handed_out_on=r.handed_out_on)
                             for r in case.file_access_requests.order_by("id")),
        "reasons_requests": tuple(
            s.ReasonsRequest(decision_notified_on=r.decision_notified_on, requested_on=r.requested_on,
                             answered_on=r.answered_on)
            for r in case.reasons_requests.order_by("id")
        ),
        "local_decision_due_on": local_deadline(case),
        "delay_notices": tuple(n.sent_on for n in case.delay_notices.order_by("sent_on", "id")),
    }  # fmt: skip
