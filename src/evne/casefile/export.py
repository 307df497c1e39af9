"""Export one whole case as a version-1 case file (see docs/case-file.md).

The file carries no database keys: records that are referred to carry a file-local `ref` ("document-1"),
users are named by username, activity types by code, and ids inside JSON data (timeline data, fact source
links, an assessment's basis) are rewritten to those refs. Export → import → export is byte-identical.
"""

import base64
import datetime as dt
import hashlib
import json
from decimal import Decimal

from django.db import models

from evne.accounts.models import User
from evne.assessments.models import WorkAbilityAssessment
from evne.cases.models import Case, CaseAssignment, FollowUp, JournalNote, PromptAnswer, TimelineEvent
from evne.citizens.models import Citizen, Supporter
from evne.decisions.models import Complaint, Decision, DelayNotice, FileAccessRequest, Hearing, ReasonsRequest
from evne.evidence.models import Consent, Document, InformationRequest
from evne.plans.models import Activity, ActivityOrder, ActivityType, PlanRevision, ProviderReport
from evne.profiles.models import (
    DisagreementDecision,
    ElementResponse,
    ElementVersion,
    Hypothesis,
    HypothesisResponse,
    InvolvementRecord,
    ProfilePresentation,
    ResourceProfile,
)
from evne.reform.models import (
    AgendaItem,
    CourseFollowUp,
    Departure,
    FlexJob,
    FlexJobEnd,
    FlexJobVisitation,
    JobClarificationCourse,
    PensionTransfer,
    Recommendation,
    RehabPlanRevision,
    ResourceCourse,
    UnemploymentPeriod,
    UnemploymentPeriodEnd,
)

FORMAT = "evne-case-file"
VERSION = 1

# Models whose records are referred to elsewhere: they carry a `ref` of this kind.
REF_KIND = {
    JournalNote: "note",
    Consent: "consent",
    InformationRequest: "request",
    Document: "document",
    Activity: "activity",
    ActivityOrder: "order",
    ProviderReport: "report",
    Hypothesis: "hypothesis",
    ElementVersion: "version",
    ProfilePresentation: "presentation",
    ElementResponse: "response",
    PlanRevision: "plan",
    WorkAbilityAssessment: "assessment",
    RehabPlanRevision: "rehab-plan",
    Recommendation: "recommendation",
    ResourceCourse: "course",
    FlexJobVisitation: "visitation",
    AgendaItem: "agenda_item",
    FlexJob: "flex_job",
    UnemploymentPeriod: "period",
    PromptAnswer: "answer",
    FollowUp: "follow_up",
    Decision: "decision",
    Hearing: "hearing",
    Complaint: "complaint",
    FileAccessRequest: "file_access",
    ReasonsRequest: "reasons_request",
    DelayNotice: "delay_notice",
}

# Keys inside JSON data (timeline data, facts, assessment basis) that hold database ids, and what they point to.
JSON_ID_KEYS = {
    "activity_id": "activity",
    "assessment_id": "assessment",
    "consent_id": "consent",
    "document_id": "document",
    "document_ids": "document",
    "hypothesis_id": "hypothesis",
    "hypothesis_ids": "hypothesis",
    "note_id": "note",
    "order_id": "order",
    "presentation_id": "presentation",
    "report_id": "report",
    "request_id": "request",
    "response_id": "response",
    "version_id": "version",
    "profile_version_ids": "version",
    "amended_version_id": "version",
    "answer_id": "answer",
    "follow_up_id": "follow_up",
    "caseworker_id": "user",
    "old_caseworker_id": "user",
    "decision_id": "decision",
    "hearing_id": "hearing",
    "complaint_id": "complaint",
    "file_access_id": "file_access",
    "reasons_request_id": "reasons_request",
    "delay_notice_id": "delay_notice",
    "recommendation_id": "recommendation",
    "course_id": "course",
    "visitation_id": "visitation",
    "agenda_item_id": "agenda_item",
    "flex_job_id": "flex_job",
    "period_id": "period",
}

# Refs added after the first reform files were written (2026-11-23): a file without them still imports.
OPTIONAL_REF_KINDS = {"agenda_item", "flex_job", "period"}

# Facts of a decision point at a record as "<kind>:<id>" (evne.decisions.services._clean_facts): the id becomes
# the record's file ref ("document:document-2") and back.
SOURCE_KINDS = {"document", "note", "version"}

# Fields never written: keys, the parent link (implied by nesting) and storage details.
SKIP = {"id", "storage_token", "file"}

# The parent link of each nested model (implied by where the record sits in the file).
PARENT = {
    Supporter: "citizen",
    CaseAssignment: "case",
    JournalNote: "case",
    PromptAnswer: "case",
    FollowUp: "case",
    TimelineEvent: "case",
    ResourceProfile: "case",
    ElementVersion: "profile",
    Hypothesis: "profile",
    InvolvementRecord: "profile",
    ProfilePresentation: "profile",
    ElementResponse: "presentation",
    HypothesisResponse: "presentation",
    DisagreementDecision: "response",
    PlanRevision: "case",
    Activity: "case",
    ActivityOrder: "activity",
    ProviderReport: "activity",
    Consent: "case",
    InformationRequest: "case",
    Document: "case",
    WorkAbilityAssessment: "case",
    Decision: "case",
    Hearing: "decision",
    Complaint: "decision",
    FileAccessRequest: "case",
    ReasonsRequest: "case",
    DelayNotice: "case",
    RehabPlanRevision: "case",
    AgendaItem: "case",
    Recommendation: "item",
    Departure: "recommendation",
    PensionTransfer: "case",
    ResourceCourse: "case",
    CourseFollowUp: "course",
    JobClarificationCourse: "case",
    FlexJobVisitation: "case",
    FlexJob: "case",
    UnemploymentPeriod: "case",
    FlexJobEnd: "job",
    UnemploymentPeriodEnd: "period",
}


# Links given on the command line at import (the file names them for information only).
# A presentation to the rehabilitation team names its team and meeting date; the meeting's minutes cover other
# citizens' cases and never leave with one case. A recommendation's case is its presentation's.
MODEL_SKIP = {
    Case: {"municipality", "team", "citizen"},
    Citizen: {"municipality"},
    AgendaItem: {"meeting"},
    Recommendation: {"case"},
}


def fields_of(model) -> list[models.Field]:
    """The concrete fields written for a model, in declaration order."""
    skip = SKIP | {PARENT.get(model, "")} | MODEL_SKIP.get(model, set())
    return [f for f in model._meta.concrete_fields if f.name not in skip]


def iso_datetime(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat()


def normalise(value):
    """JSON data with sorted keys, so the file does not depend on how the database stores JSON."""
    if isinstance(value, dict):
        return {k: normalise(value[k]) for k in sorted(value)}
    if isinstance(value, list):
        return [normalise(v) for v in value]
    return value


class Exporter:
    def __init__(self, case: Case, *, include_files: bool = True):
        self.case = case
        self.include_files = include_files
        self.refs: dict[str, dict[int, str]] = {}
        self.usernames: dict[int, str] = {}

    # --- references -------------------------------------------------------------------------------------------

    def assign(self, rows) -> list:
        rows = list(rows)
        for row in rows:
            kind = REF_KIND[type(row)]
            table = self.refs.setdefault(kind, {})
            table[row.pk] = f"{kind}-{len(table) + 1}"
        return rows

    def ref(self, model, pk):
        if pk is None:
            return None
        return self.refs.get(REF_KIND[model], {}).get(pk, pk)

    def username(self, pk):
        if pk is None:
            return None
        if pk not in self.usernames:
            self.usernames[pk] = User.objects.filter(pk=pk).values_list("username", flat=True).first() or pk
        return self.usernames[pk]

    def remap(self, value, kind=None):
        """Rewrite database ids in JSON data to file refs (usernames for users)."""
        if isinstance(value, dict):
            return {
                k: self.source(v) if k == "source" else self.remap(v, JSON_ID_KEYS.get(k)) for k, v in value.items()
            }
        if isinstance(value, list):
            return [self.remap(v, kind) for v in value]
        if kind and isinstance(value, int) and not isinstance(value, bool):
            if kind == "user":
                return self.username(value)
            return self.refs.get(kind, {}).get(value, value)
        return value

    def source(self, value):
        kind, sep, pk = value.partition(":") if isinstance(value, str) else ("", "", "")
        if sep and kind in SOURCE_KINDS and pk.isdigit():
            return f"{kind}:{self.refs.get(kind, {}).get(int(pk), pk)}"
        return value

    # --- records -----------------------------------------------------------------------------------------------

    def record(self, obj, **extra) -> dict:
        out = {}
        if type(obj) in REF_KIND:
            out["ref"] = self.refs[REF_KIND[type(obj)]][obj.pk]
        for field in fields_of(type(obj)):
            value = getattr(obj, field.attname)
            if isinstance(field, models.ForeignKey):
                target = field.related_model
                if target is User:
                    value = self.username(value)
                elif target is ActivityType:
                    value = obj.type.code
                else:
                    value = self.ref(target, value)
            elif isinstance(field, models.JSONField):
                value = normalise(self.remap(value, JSON_ID_KEYS.get(field.name)))
            elif isinstance(value, dt.datetime):
                value = iso_datetime(value)
            elif isinstance(value, dt.date):
                value = value.isoformat()
            elif isinstance(value, Decimal):
                value = str(value)
            out[field.name] = value
        out.update(extra)
        return out

    def optional(self, obj) -> dict | None:
        return None if obj is None else self.record(obj)

    def document(self, doc: Document) -> dict:
        content = None
        if self.include_files and doc.file:
            with doc.file.open("rb") as handle:
                data = handle.read()
            if doc.sha256 and hashlib.sha256(data).hexdigest() != doc.sha256:
                raise ValueError(f"The stored file of document {doc.title!r} does not match its sha256.")
            content = base64.b64encode(data).decode("ascii")
        return self.record(doc, content_base64=content)

    def presentation(self, item: AgendaItem, rec: Recommendation | None) -> dict:
        """One presentation to the rehabilitation team: the team by name, the meeting date, the recommendation
        with the municipality's departure from it."""
        recommendation = None
        if rec is not None:
            departure = Departure.objects.filter(recommendation=rec).first()
            recommendation = self.record(rec, departure=self.record(departure) if departure else None)
        return self.record(item, team=item.meeting.team.name, held_on=item.meeting.held_on.isoformat(),
                           recommendation=recommendation)  # fmt: skip

    def build(self, *, exported_at: dt.datetime) -> dict:
        case = self.case
        by_id = "id"
        notes = self.assign(JournalNote.objects.filter(case=case).order_by(by_id))
        answers = self.assign(PromptAnswer.objects.filter(case=case).order_by(by_id))
        follow_ups = self.assign(FollowUp.objects.filter(case=case).order_by(by_id))
        consents = self.assign(Consent.objects.filter(case=case).order_by(by_id))
        requests = self.assign(InformationRequest.objects.filter(case=case).order_by(by_id))
        documents = self.assign(Document.objects.filter(case=case).order_by(by_id))
        activities = self.assign(Activity.objects.filter(case=case).select_related("type").order_by(by_id))
        orders = {a.pk: self.assign(ActivityOrder.objects.filter(activity=a).order_by(by_id)) for a in activities}
        reports = {a.pk: self.assign(ProviderReport.objects.filter(activity=a).order_by(by_id)) for a in activities}
        profile = ResourceProfile.objects.filter(case=case).first()
        plans = self.assign(PlanRevision.objects.filter(case=case).order_by(by_id))
        assessments = self.assign(WorkAbilityAssessment.objects.filter(case=case).order_by(by_id))
        decisions = self.assign(Decision.objects.filter(case=case).order_by(by_id))
        hearings = self.assign(Hearing.objects.filter(decision__case=case).order_by(by_id))
        complaints = {d.pk: self.assign(Complaint.objects.filter(decision=d).order_by(by_id)) for d in decisions}
        file_access = self.assign(FileAccessRequest.objects.filter(case=case).order_by(by_id))
        reasons_requests = self.assign(ReasonsRequest.objects.filter(case=case).order_by(by_id))
        delay_notices = self.assign(DelayNotice.objects.filter(case=case).order_by(by_id))
        rehab_plans = self.assign(RehabPlanRevision.objects.filter(case=case).order_by(by_id))
        items = self.assign(AgendaItem.objects.filter(case=case).select_related("meeting__team").order_by(by_id))
        recommendations = {r.item_id: r for r in self.assign(Recommendation.objects.filter(case=case).order_by(by_id))}
        courses = self.assign(ResourceCourse.objects.filter(case=case).order_by(by_id))
        visitations = self.assign(FlexJobVisitation.objects.filter(case=case).order_by(by_id))
        flex_jobs = self.assign(FlexJob.objects.filter(case=case).order_by(by_id))
        periods = self.assign(UnemploymentPeriod.objects.filter(case=case).order_by(by_id))
        profile_out = None
        if profile is not None:
            hypotheses = self.assign(Hypothesis.objects.filter(profile=profile).order_by(by_id))
            versions = self.assign(ElementVersion.objects.filter(profile=profile).order_by(by_id))
            presentations = self.assign(ProfilePresentation.objects.filter(profile=profile).order_by(by_id))
            responses = {
                p.pk: self.assign(ElementResponse.objects.filter(presentation=p).order_by(by_id)) for p in presentations
            }
            profile_out = self.record(
                profile,
                hypotheses=[self.record(h) for h in hypotheses],
                involvement=[self.record(r) for r in InvolvementRecord.objects.filter(profile=profile).order_by(by_id)],
                versions=[self.record(v) for v in versions],
                presentations=[
                    self.record(
                        p,
                        responses=[
                            self.record(
                                r,
                                decision=(
                                    self.record(r.decision)
                                    if DisagreementDecision.objects.filter(response=r).exists()
                                    else None
                                ),
                            )
                            for r in responses[p.pk]
                        ],
                        hypothesis_responses=[
                            self.record(hr) for hr in HypothesisResponse.objects.filter(presentation=p).order_by(by_id)
                        ],
                    )
                    for p in presentations
                ],
            )
        citizen: Citizen = case.citizen
        return {
            "format": FORMAT,
            "version": VERSION,
            "exported_at": iso_datetime(exported_at),
            "case": self.record(
                case,
                municipality=case.municipality.code,
                team=case.team.name,
                assignments=[self.record(a) for a in CaseAssignment.objects.filter(case=case).order_by(by_id)],
                notes=[self.record(n) for n in notes],
                prompt_answers=[self.record(a) for a in answers],
                follow_ups=[self.record(f) for f in follow_ups],
            ),
            "citizen": self.record(
                citizen,
                supporters=[self.record(s) for s in Supporter.objects.filter(citizen=citizen).order_by(by_id)],
            ),
            "profile": profile_out,
            "plan": [self.record(p) for p in plans],
            "activities": [
                self.record(
                    a,
                    orders=[self.record(o) for o in orders[a.pk]],
                    reports=[self.record(r) for r in reports[a.pk]],
                )
                for a in activities
            ],
            "consents": [self.record(c) for c in consents],
            "requests": [self.record(r) for r in requests],
            "documents": [self.document(d) for d in documents],
            "assessments": [self.record(a) for a in assessments],
            "rehab_plans": [self.record(p) for p in rehab_plans],
            "rehab_meetings": [self.presentation(i, recommendations.get(i.pk)) for i in items],
            "pension_transfers": [self.record(t) for t in PensionTransfer.objects.filter(case=case).order_by(by_id)],
            "resource_courses": [
                self.record(
                    c, follow_ups=[self.record(f) for f in CourseFollowUp.objects.filter(course=c).order_by(by_id)]
                )
                for c in courses
            ],
            "job_clarification_courses": [
                self.record(c) for c in JobClarificationCourse.objects.filter(case=case).order_by(by_id)
            ],
            "fleksjob_visitations": [self.record(v) for v in visitations],
            "flex_jobs": [
                self.record(j, end=self.optional(FlexJobEnd.objects.filter(job=j).first())) for j in flex_jobs
            ],
            "ledighedsydelse_periods": [
                self.record(p, end=self.optional(UnemploymentPeriodEnd.objects.filter(period=p).first()))
                for p in periods
            ],
            "hearings": [self.record(h, decision=self.ref(Decision, h.decision_id)) for h in hearings],
            "decisions": [self.record(d, complaints=[self.record(c) for c in complaints[d.pk]]) for d in decisions],
            "file_access_requests": [self.record(r) for r in file_access],
            "reasons_requests": [self.record(r) for r in reasons_requests],
            "delay_notices": [self.record(n) for n in delay_notices],
            "timeline": [self.record(e) for e in TimelineEvent.objects.filter(case=case).order_by("at", by_id)],
        }


def export_case(case: Case, *, exported_at: dt.datetime | None = None, include_files: bool = True) -> dict:
    from django.utils import timezone

    return Exporter(case, include_files=include_files).build(exported_at=exported_at or timezone.now())


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
