"""Export one whole case as a version-1 case file (see docs/case-file.md).

The file carries no database keys: records that are referred to carry a file-local `ref` ("document-1"),
users are named by username, activity types by code, and ids inside JSON data (timeline data, fact source
links, an assessment's basis) are rewritten to those refs. Export → import → export is byte-identical.
"""

import base64
import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.db.models import Q

from evne.accounts.models import User
from evne.assessments.models import WorkAbilityAssessment
from evne.cases.models import Case, CaseAssignment, FollowUp, JournalNote, PromptAnswer, TimelineEvent
from evne.cases.selectors import ASSIGNABLE_ROLES
from evne.citizens.models import Citizen, Employment, Supporter
from evne.decisions.models import (
    Application,
    ApplicationWithdrawal,
    Complaint,
    Decision,
    DelayNotice,
    FileAccessRequest,
    Hearing,
    ReasonsRequest,
)
from evne.evidence.models import Consent, Document, InformationRequest, StatementConclusions, Treatment, TreatmentStatus
from evne.plans.models import Activity, ActivityOrder, ActivityType, PlanRevision, ProviderReport, TrialPeriod
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
    RehabMeeting,
    RehabPlanRevision,
    RehabTeam,
    RehabTeamMember,
    ResourceCourse,
    UnemploymentPeriod,
    UnemploymentPeriodEnd,
)
from evne.shared_reads import already_read, shared

from .rows import load as load_rows

FORMAT = "evne-case-file"
VERSION = 2

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
    # version 2 (issue 11): the facts the law turns on
    StatementConclusions: "conclusions",
    Treatment: "treatment",
    TrialPeriod: "trial_period",
    Employment: "employment",
    Application: "application",
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
    "conclusions_id": "conclusions",
    "treatment_id": "treatment",
    "trial_period_id": "trial_period",
    "replaces_trial_period_id": "trial_period",
    "employment_id": "employment",
    "application_id": "application",
    "extends_id": "course",
    "rehab_plan_id": "rehab-plan",
    # the file-access bundle's rows (evne.decisions.casebundle.ID_KEY) and the forwarding package's letter
    "plan_id": "plan",
    "package_document_id": "document",
}

# Refs added after the first reform files were written (2026-11-23): a file without them still imports.
OPTIONAL_REF_KINDS = {"agenda_item", "flex_job", "period"}

# Facts of a decision point at a record as "<kind>:<id>" (evne.decisions.services._clean_facts): the id becomes
# the record's file ref ("document:document-2") and back.
SOURCE_KINDS = {"document", "note", "version", "assessment", "report", "recommendation"}  # cases.references

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
    StatementConclusions: "document",
    Treatment: "case",
    TreatmentStatus: "treatment",
    TrialPeriod: "activity",
    Employment: "citizen",
    Application: "case",
    ApplicationWithdrawal: "application",
}


# Links given on the command line at import (the file names them for information only).
# A presentation to the rehabilitation team names its team and meeting date; the meeting's minutes cover other
# citizens' cases and never leave with one case. A recommendation's case is its presentation's.
MODEL_SKIP = {
    Case: {"municipality", "team", "citizen"},
    Citizen: {"municipality"},
    AgendaItem: {"meeting"},
    Recommendation: {"case"},
    Employment: {"case"},  # the case it was recorded through: the imported case, when imported
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


def record_specs(case_id, citizen_id, *, timeline: bool) -> list[tuple[type[models.Model], dict]]:
    """The (model, filter) pairs that read every record of one case (casefile.rows.load). The batch reader of the
    worklist (casefile.batch) turns the same pairs into filters over many cases."""
    in_case = {"case_id": case_id}
    specs = [
        (CaseAssignment, in_case), (JournalNote, in_case), (PromptAnswer, in_case), (FollowUp, in_case),
        (Supporter, {"citizen_id": citizen_id}),
        (ResourceProfile, in_case), (Hypothesis, {"profile__case_id": case_id}),
        (InvolvementRecord, {"profile__case_id": case_id}), (ElementVersion, {"profile__case_id": case_id}),
        (ProfilePresentation, {"profile__case_id": case_id}),
        (ElementResponse, {"presentation__profile__case_id": case_id}),
        (HypothesisResponse, {"presentation__profile__case_id": case_id}),
        (DisagreementDecision, {"response__presentation__profile__case_id": case_id}),
        (PlanRevision, in_case), (Activity, in_case), (ActivityOrder, {"activity__case_id": case_id}),
        (ProviderReport, {"activity__case_id": case_id}),
        (Consent, in_case), (InformationRequest, in_case), (Document, in_case), (WorkAbilityAssessment, in_case),
        (Decision, in_case), (Hearing, {"decision__case_id": case_id}), (Complaint, {"decision__case_id": case_id}),
        (FileAccessRequest, in_case), (ReasonsRequest, in_case), (DelayNotice, in_case),
        (RehabPlanRevision, in_case), (AgendaItem, in_case), (RehabMeeting, {"items__case_id": case_id}),
        (RehabTeam, {"meetings__items__case_id": case_id}),
        (RehabTeamMember, {"team__meetings__items__case_id": case_id, "active": True}),
        (Recommendation, in_case), (Departure, {"recommendation__case_id": case_id}),
        (PensionTransfer, in_case), (ResourceCourse, in_case), (CourseFollowUp, {"course__case_id": case_id}),
        (JobClarificationCourse, in_case), (FlexJobVisitation, in_case), (FlexJob, in_case),
        (FlexJobEnd, {"job__case_id": case_id}), (UnemploymentPeriod, in_case),
        (UnemploymentPeriodEnd, {"period__case_id": case_id}),
        (StatementConclusions, {"document__case_id": case_id}), (Treatment, in_case),
        (TreatmentStatus, {"treatment__case_id": case_id}), (TrialPeriod, {"activity__case_id": case_id}),
        (Employment, {"citizen_id": citizen_id}), (Application, in_case),
        (ApplicationWithdrawal, {"application__case_id": case_id}),
    ]  # fmt: skip
    if timeline:
        specs.append((TimelineEvent, in_case))
    return specs


class Exporter:
    def __init__(self, case: Case, *, include_files: bool = True, timeline: bool = True):
        self.case = case
        self.include_files = include_files
        self.timeline = timeline
        self.refs: dict[str, dict[int, str]] = {}
        self.usernames: dict[int, str] = {}
        self.activity_types: dict[int, str] = {}
        self.team_roles: dict[int, list[str]] = {}
        self.company_based: dict[str, bool] = {}

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
                    value = self.activity_types[value]
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

    def document(self, doc: Document, conclusions=()) -> dict:
        content = None
        if self.include_files and doc.file:
            with doc.file.open("rb") as handle:
                data = handle.read()
            if doc.sha256 and hashlib.sha256(data).hexdigest() != doc.sha256:
                raise ValueError(f"The stored file of document {doc.title!r} does not match its sha256.")
            content = base64.b64encode(data).decode("ascii")
        return self.record(doc, content_base64=content, conclusions=[self.record(c) for c in conclusions])

    def presentation(self, item: AgendaItem, rec: Recommendation | None, departure, meeting, team) -> dict:
        """One presentation to the rehabilitation team: the team by name, the meeting date, the recommendation
        with the municipality's departure from it."""
        recommendation = None
        if rec is not None:
            recommendation = self.record(rec, departure=self.optional(departure))
        return self.record(item, team=team.name, team_roles=list(self.team_roles.get(team.pk, ())),
                           held_on=meeting.held_on.isoformat(), recommendation=recommendation)  # fmt: skip

    # --- reading -----------------------------------------------------------------------------------------------

    def load(self) -> dict:
        """Every row of the case in one query (casefile.rows), then the users and activity types they name; on a
        page that has read them already (read_case_rows), those rows."""
        loaded = already_read(("case-rows", self.case.pk))
        if loaded is not None:
            self.usernames.update({pk: user.username for pk, user in loaded.users.items()})
            self.activity_types.update({pk: t.code for pk, t in loaded.activity_types.items()})
            self.company_based.update({t.code: t.company_based for t in loaded.activity_types.values()})
            return loaded.rows
        rows, users, types = self._read()
        self.usernames.update({pk: user.username for pk, user in users.items()})
        self.activity_types.update({pk: t.code for pk, t in types.items()})
        self.company_based.update({t.code: t.company_based for t in types.values()})
        return rows

    def _read(self, also_users: Q | None = None):
        """The rows, the users they name (and those `also_users` selects) and the activity types they name."""
        case = self.case
        rows = load_rows(record_specs(case.pk, case.citizen_id, timeline=self.timeline))
        users, types = _named([rows], users={case.created_by_id} if hasattr(case, "created_by_id") else set())
        wanted = Q(pk__in=users) | also_users if also_users is not None else Q(pk__in=users)
        found_users = {u.pk: u for u in User.objects.filter(wanted)} if users or also_users is not None else {}
        found_types = {t.pk: t for t in ActivityType.objects.filter(pk__in=types)} if types else {}
        return rows, found_users, found_types

    def resolve(self, row_sets, *, users: set) -> None:
        """Read the usernames and activity codes the rows name (one query each, however many cases the rows hold)."""
        users, types = _named(row_sets, users=users)
        if users:
            self.usernames.update(User.objects.filter(pk__in=users).values_list("pk", "username"))
        if types:
            for pk, code, company_based in ActivityType.objects.filter(pk__in=types).values_list(
                "pk", "code", "company_based"
            ):
                self.activity_types[pk] = code
                self.company_based[code] = company_based

    def build(self, *, exported_at: dt.datetime) -> dict:
        rows = self.load()
        return self.build_from(rows, exported_at=exported_at)

    def build_from(self, rows: dict, *, exported_at: dt.datetime) -> dict:
        case = self.case

        def of(model, **where):
            ((key, value),) = where.items() if where else ((None, None),)
            return [r for r in rows[model] if key is None or getattr(r, key) == value]

        applications = self.assign(of(Application))
        withdrawals = {w.application_id: w for w in rows[ApplicationWithdrawal]}
        employments = self.assign(of(Employment))
        treatments = self.assign(of(Treatment))
        notes = self.assign(of(JournalNote))
        answers = self.assign(of(PromptAnswer))
        follow_ups = self.assign(of(FollowUp))
        consents = self.assign(of(Consent))
        requests = self.assign(of(InformationRequest))
        documents = self.assign(of(Document))
        activities = self.assign(of(Activity))
        orders = {a.pk: self.assign(of(ActivityOrder, activity_id=a.pk)) for a in activities}
        reports = {a.pk: self.assign(of(ProviderReport, activity_id=a.pk)) for a in activities}
        trials = {a.pk: self.assign(of(TrialPeriod, activity_id=a.pk)) for a in activities}
        conclusions = {d.pk: self.assign(of(StatementConclusions, document_id=d.pk)) for d in documents}
        profile = next(iter(rows[ResourceProfile]), None)
        plans = self.assign(of(PlanRevision))
        assessments = self.assign(of(WorkAbilityAssessment))
        decisions = self.assign(of(Decision))
        hearings = self.assign(of(Hearing))
        complaints = {d.pk: self.assign(of(Complaint, decision_id=d.pk)) for d in decisions}
        file_access = self.assign(of(FileAccessRequest))
        reasons_requests = self.assign(of(ReasonsRequest))
        delay_notices = self.assign(of(DelayNotice))
        rehab_plans = self.assign(of(RehabPlanRevision))
        items = self.assign(of(AgendaItem))
        recommendations = {r.item_id: r for r in self.assign(of(Recommendation))}
        departures = {d.recommendation_id: d for d in rows[Departure]}
        meetings = {m.pk: m for m in rows[RehabMeeting]}
        teams = {t.pk: t for t in rows[RehabTeam]}
        self.team_roles = {t: sorted({m.role for m in rows[RehabTeamMember] if m.team_id == t}) for t in teams}
        courses = self.assign(of(ResourceCourse))
        visitations = self.assign(of(FlexJobVisitation))
        flex_jobs = self.assign(of(FlexJob))
        periods = self.assign(of(UnemploymentPeriod))
        job_ends = {e.job_id: e for e in rows[FlexJobEnd]}
        period_ends = {e.period_id: e for e in rows[UnemploymentPeriodEnd]}
        profile_out = None
        if profile is not None:
            hypotheses = self.assign(of(Hypothesis))
            versions = self.assign(of(ElementVersion))
            presentations = self.assign(of(ProfilePresentation))
            responses = {p.pk: self.assign(of(ElementResponse, presentation_id=p.pk)) for p in presentations}
            decided = {d.response_id: d for d in rows[DisagreementDecision]}
            profile_out = self.record(
                profile,
                hypotheses=[self.record(h) for h in hypotheses],
                involvement=[self.record(r) for r in of(InvolvementRecord)],
                versions=[self.record(v) for v in versions],
                presentations=[
                    self.record(
                        p,
                        responses=[self.record(r, decision=self.optional(decided.get(r.pk))) for r in responses[p.pk]],
                        hypothesis_responses=[self.record(hr) for hr in of(HypothesisResponse, presentation_id=p.pk)],
                    )
                    for p in presentations
                ],
            )
        citizen: Citizen = case.citizen
        out = {
            "format": FORMAT,
            "version": VERSION,
            "exported_at": iso_datetime(exported_at),
            "case": self.record(
                case,
                municipality=case.municipality.code,
                team=case.team.name,
                assignments=[self.record(a) for a in of(CaseAssignment)],
                notes=[self.record(n) for n in notes],
                prompt_answers=[self.record(a) for a in answers],
                follow_ups=[self.record(f) for f in follow_ups],
            ),
            "citizen": self.record(
                citizen,
                supporters=[self.record(s) for s in of(Supporter)],
                employments=[self.record(e) for e in employments],
            ),
            "profile": profile_out,
            "plan": [self.record(p) for p in plans],
            "activities": [
                self.record(
                    a,
                    type_company_based=self.company_based[self.activity_types[a.type_id]],
                    orders=[self.record(o) for o in orders[a.pk]],
                    reports=[self.record(r) for r in reports[a.pk]],
                    trial_periods=[self.record(t) for t in trials[a.pk]],
                )
                for a in activities
            ],
            "consents": [self.record(c) for c in consents],
            "requests": [self.record(r) for r in requests],
            "documents": [self.document(d, conclusions[d.pk]) for d in documents],
            "treatments": [
                self.record(t, statuses=[self.record(x) for x in of(TreatmentStatus, treatment_id=t.pk)])
                for t in treatments
            ],
            "applications": [self.record(a, withdrawal=self.optional(withdrawals.get(a.pk))) for a in applications],
            "assessments": [self.record(a) for a in assessments],
            "rehab_plans": [self.record(p) for p in rehab_plans],
            "rehab_meetings": [
                self.presentation(
                    i,
                    recommendations.get(i.pk),
                    departures.get(getattr(recommendations.get(i.pk), "pk", None)),
                    meetings[i.meeting_id],
                    teams[meetings[i.meeting_id].team_id],
                )
                for i in items
            ],
            "pension_transfers": [self.record(t) for t in of(PensionTransfer)],
            "resource_courses": [
                self.record(c, follow_ups=[self.record(f) for f in of(CourseFollowUp, course_id=c.pk)]) for c in courses
            ],
            "job_clarification_courses": [self.record(c) for c in of(JobClarificationCourse)],
            "fleksjob_visitations": [self.record(v) for v in visitations],
            "flex_jobs": [self.record(j, end=self.optional(job_ends.get(j.pk))) for j in flex_jobs],
            "ledighedsydelse_periods": [self.record(p, end=self.optional(period_ends.get(p.pk))) for p in periods],
            "hearings": [self.record(h, decision=self.ref(Decision, h.decision_id)) for h in hearings],
            "decisions": [self.record(d, complaints=[self.record(c) for c in complaints[d.pk]]) for d in decisions],
            "file_access_requests": [self.record(r) for r in file_access],
            "reasons_requests": [self.record(r) for r in reasons_requests],
            "delay_notices": [self.record(n) for n in delay_notices],
        }
        if self.timeline:
            events = sorted(rows[TimelineEvent], key=lambda e: (e.at, e.pk))
            out["timeline"] = [self.record(e) for e in events]
        return out


def _named(row_sets, *, users: set) -> tuple[set, set[int]]:
    """The user ids (foreign keys and ids inside JSON data, e.g. the timeline's caseworker_id) and the activity-type
    ids the rows name."""
    users = set(users)
    types: set[int] = set()
    for rows in row_sets:
        for model, found in rows.items():
            for field in model._meta.concrete_fields:
                if isinstance(field, models.ForeignKey) and field.related_model is User:
                    users.update(getattr(obj, field.attname) for obj in found)
                elif isinstance(field, models.ForeignKey) and field.related_model is ActivityType:
                    types.update(getattr(obj, field.attname) for obj in found)
                elif isinstance(field, models.JSONField):
                    for obj in found:
                        _user_ids(getattr(obj, field.attname), users)
    users.discard(None)
    return users, types


def _user_ids(value, into: set) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            if JSON_ID_KEYS.get(k) == "user" and isinstance(v, int):
                into.add(v)
            else:
                _user_ids(v, into)
    elif isinstance(value, list):
        for v in value:
            _user_ids(v, into)


@dataclass
class CaseRows:
    """Every row of one case (casefile.rows), with the users and activity types they name, each row's foreign
    keys to these already resolved (row.author, activity.type, event.note … cost no query)."""

    rows: dict
    users: dict
    activity_types: dict


def read_case_rows(case: Case) -> CaseRows:
    """Every row of the case and its timeline in one query, the users and activity types in one each, shared
    within the current shared_reads block: the case page's sections and its legal checks read them from here."""

    def read() -> CaseRows:
        # the users the rows name, and the team's caseworkers the page offers as responsible (one query)
        team = Q(team_id=case.team_id, role__in=ASSIGNABLE_ROLES, is_active=True) | Q(pk=case.caseworker_id)
        rows, users, types = Exporter(case, include_files=False, timeline=True)._read(also_users=team)
        _link(case, rows, users, types)
        if case.caseworker_id in users:
            Case.caseworker.field.set_cached_value(case, users[case.caseworker_id])
        return CaseRows(rows, users, types)

    return shared(("case-rows", case.pk), read)


# Rows the case shares with other cases (a meeting's agenda, a team's members): the case file holds only the case's
# part of them, so their reverse relations (meeting.items …) are not filled in from it.
SHARED = {RehabMeeting, RehabTeam}


def _link(case: Case, rows: dict, users: dict, types: dict) -> None:
    """Resolve every foreign key among the loaded rows (and to the case, its citizen, team and municipality, the
    users and activity types), so that reading one costs no query."""
    by_model: dict = {model: {obj.pk: obj for obj in found} for model, found in rows.items()}
    by_model[User] = users
    by_model[ActivityType] = types
    by_model[Case] = {case.pk: case}
    by_model[Citizen] = {case.citizen_id: case.citizen}
    children: dict = {}  # (foreign key, reverse accessor) → {target pk: [rows]}
    for model, found in rows.items():
        links = [f for f in model._meta.concrete_fields if f.is_relation and f.related_model in by_model]
        for field in links:
            if field.related_model in rows and field.related_model not in SHARED and not field.remote_field.hidden:
                children[(field, field.remote_field.get_accessor_name())] = {}
        for obj in found:
            for field in links:
                target = by_model[field.related_model].get(getattr(obj, field.attname))
                if target is not None:
                    field.set_cached_value(obj, target)
                    key = (field, field.remote_field.get_accessor_name())
                    if key in children:
                        children[key].setdefault(target.pk, []).append(obj)
    # the other way, among the case's own rows: item.recommendation, activity.orders.all(), … cost no query
    for (field, accessor), by_target in children.items():
        for target in rows[field.related_model]:
            found = by_target.get(target.pk, [])
            if field.one_to_one:
                field.remote_field.set_cached_value(target, found[0] if found else None)
            else:  # as prefetch_related leaves it: a queryset with its result already in place
                queryset = getattr(target, accessor).get_queryset()
                queryset._result_cache = _in_model_order(found, field.model)
                queryset._prefetch_done = True
                target.__dict__.setdefault("_prefetched_objects_cache", {})[field.remote_field.cache_name] = queryset


def _in_model_order(objs: list, model) -> list:
    """Rows in their model's default ordering (Meta.ordering of plain fields), as a query would give them."""
    out = sorted(objs, key=lambda o: o.pk)
    for name in reversed(model._meta.ordering or ()):
        field = name.lstrip("-")
        if "__" in field or not hasattr(model, field if field != "pk" else "id"):
            continue
        out.sort(key=lambda o, f=field: (getattr(o, f) is None, getattr(o, f)), reverse=name.startswith("-"))
    return out


def export_case(
    case: Case, *, exported_at: dt.datetime | None = None, include_files: bool = True, timeline: bool = True
) -> dict:
    from django.utils import timezone

    exporter = Exporter(case, include_files=include_files, timeline=timeline)
    return exporter.build(exported_at=exported_at or timezone.now())


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
