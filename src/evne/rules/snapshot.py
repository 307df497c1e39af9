"""The immutable case snapshot — the only input rules see. Built by `evne.checks.build.snapshot_from_case_file`
from the case-file representation (of a case read from the database, or of a file), or loaded from a snapshot dict
with `Snapshot.from_dict` (the YAML cases).

It carries facts as flags, dates and ids, not free text: a rule needs to know *that* a disagreement has its
content, not what the citizen said — so explanations stored with decisions hold no personal narrative.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from dataclasses import dataclass
from datetime import date
from typing import Any


class SnapshotError(ValueError):
    """A case file that does not fit the snapshot; the message names the field."""


@dataclass(frozen=True)
class CaseFacts:
    number: str
    pathway: str
    benefit: str
    status: str
    help_requested_on: date
    caseworker_since: date | None = None  # the day the current caseworker took the case
    citizen_needs_interpreter: bool = False


@dataclass(frozen=True)
class Involvement:
    kind: str
    occurred_on: date
    non_participation: str = ""
    consequences_explained: bool = False


@dataclass(frozen=True)
class Element:
    key: str
    number: int
    saved_on: date
    relevant: bool
    not_relevant_obvious: bool = False
    has_not_relevant_reason: bool = False
    has_facts: bool = False
    has_assessment: bool = False
    assessment_rests_on_facts: bool = False
    has_citizen_view: bool = False
    has_accommodation_needs: bool = False
    accommodation_duration: str = ""
    has_missing_information: bool = False
    has_title_and_justification: bool = False
    has_resources: bool = False
    has_development: bool = False
    has_barriers: bool = False


@dataclass(frozen=True)
class Response:
    element: str
    version_number: int
    agrees: bool
    version_saved_on: date | None = None  # the day the presented version was saved: it cannot be shown before
    has_disagreement_text: bool = False
    decision: str = ""  # "", "keep" or "amend"
    has_explanation: bool = False


@dataclass(frozen=True)
class Presentation:
    presented_on: date
    responses: tuple[Response, ...] = ()


@dataclass(frozen=True)
class Consent:
    purpose: str  # collect | disclose
    status: str  # given | refused | not_possible | withdrawn
    given_on: date
    expires_on: date | None = None
    guidance_given: bool = False


@dataclass(frozen=True)
class Request:
    id: int
    document_type: str
    created_on: date
    has_purpose: bool = True
    has_necessity: bool = True
    has_questions: bool = True
    consent_in_force: bool = False
    collection_ground: str = ""
    sent_on: date | None = None
    answer_due_on: date | None = None
    answered_on: date | None = None
    cancelled_on: date | None = None


@dataclass(frozen=True)
class Document:
    id: int
    kind: str
    document_date: date
    medical: bool = False


@dataclass(frozen=True)
class Activity:
    id: int
    type_code: str
    start_on: date
    planned_end_on: date
    company_based: bool = False
    actual_end_on: date | None = None
    has_order: bool = False
    has_follow_up_plan: bool = False


@dataclass(frozen=True)
class VersionRef:
    """One version of one profile element, by the element and the version's number."""

    element: str
    number: int


@dataclass(frozen=True)
class Assessment:
    number: int
    assessed_on: date
    conclusion: str
    job_functions_named: int = 0
    job_functions_meetable: int = 0
    has_restitution: bool = False
    has_reasons: bool = False
    document_count: int = 0
    has_citizen_view: bool = False
    # The profile element versions it rests on, as (element, version number), and the day it was saved. The typed
    # date (assessed_on) is the day of the assessment; which profile it rests on is the versions it names, never
    # the versions saved by its typed date (a profile typed in the day after the meeting is still its basis).
    rests_on: tuple[VersionRef, ...] = ()
    recorded_on: date | None = None


@dataclass(frozen=True)
class FollowUp:
    held_on: date
    with_citizen: bool = True
    parties_decided: bool = False
    interpreter_used: bool = False
    parties: tuple[str, ...] = ()


@dataclass(frozen=True)
class Statement:
    """A received statement's structured conclusions (one revision; the latest recorded by the day judged counts):
    who wrote it, what it concludes on prognosis, capacity, development and the work ability, and whether it agrees
    with the other statements on file. Flags and values only: the conditions and quotes stay in the case."""

    document_id: int
    kind: str  # the document's kind (specialist_statement, lae_265, medical_adviser, clinical_function, …)
    author_role: str  # gp | specialist | hospital | clinical_function | medical_adviser | health_adviser | …
    stated_on: date
    received_on: date
    revision: int = 1
    recorded_on: date | None = None  # the day this revision was recorded
    examined_on: date | None = None
    has_conditions: bool = False
    has_diagnosis_code: bool = False
    diagnosis_code: str = ""  # the ICD-10 code, when recorded (e.g. to recognise a functional disorder)
    prognosis: str = "not_stated"  # permanent | temporary | unclear | not_stated
    prognosis_until: date | None = None
    hours_per_week: float | None = None  # the capacity the statement describes
    has_restrictions: bool = False
    has_accommodation_needs: bool = False
    development_view: str = "not_stated"  # yes | no | unclear | not_stated
    has_development_quote: bool = False
    work_ability_view: str = "not_assessed"  # permanently_substantially_reduced | reduced | not_reduced | …
    agreement: str = "not_stated"  # agrees | disagrees | not_stated
    other_documents: tuple[int, ...] = ()  # the statements it agrees or disagrees with


@dataclass(frozen=True)
class TreatmentStep:
    status: str  # planned | ongoing | completed | declined | not_possible
    on: date
    has_reason: bool = False


@dataclass(frozen=True)
class Treatment:
    """A treatment recommended in the case, and what became of it."""

    id: int
    source: str  # statement | plan | follow_up | other
    recommended_on: date
    expected_effect: str = "unclear"  # work_ability | quality_of_life | unclear
    document_id: int | None = None  # the statement that recommends it
    steps: tuple[TreatmentStep, ...] = ()  # oldest first

    def status_on(self, on: date) -> str:
        """The treatment's status on `on` ("" before its first recorded status)."""
        known = [step for step in self.steps if step.on <= on]
        return known[-1].status if known else ""


@dataclass(frozen=True)
class TrialPeriod:
    """One period of an activity's work testing as it happened (a correction replaces the record it names)."""

    id: int
    activity_id: int
    start_on: date
    end_on: date
    trade: str  # the trade or field tested (a short label, e.g. "Lager")
    planned_hours: float
    actual_hours: float
    accommodation_respected: str  # yes | partly | no | not_relevant
    outcome: str  # completed | ended_health | ended_other | running
    company_based: bool = False  # the activity takes place at a company
    pace_percent: int | None = None
    absence: float | None = None
    absence_unit: str = ""  # hours | days
    sustained_hours: float | None = None  # the capacity observed
    report_id: int | None = None
    replaces: int | None = None

    @property
    def weeks(self) -> float:
        return round(((self.end_on - self.start_on).days + 1) / 7, 1)


@dataclass(frozen=True)
class Employment:
    """A job the citizen has or had (their own work; a flex job is a FlexJob)."""

    kind: str  # ordinary | special_terms | skaanejob | self_employed | other
    hours_per_week: float
    start_on: date
    end_on: date | None = None
    has_accommodation: bool = False


@dataclass(frozen=True)
class Application:
    """What the citizen applied for, when and how, and a withdrawal with the guidance given."""

    id: int
    kind: str  # fleksjob | fortidspension | fortidspension_existing | senior_fortidspension | revalidering | …
    applied_on: date
    channel: str = "written"
    withdrawn_on: date | None = None
    withdrawal_guidance: bool = False


@dataclass(frozen=True)
class Weighing:
    """How a decision's reasons treat one document of the case."""

    document_id: int
    stance: str  # relied_on | points_another_way
    dealt_with: bool = False


@dataclass(frozen=True)
class Answer:
    """The caseworker's recorded answer to a rule's prompt: a fact with its day, its author's judgement under one
    version of the rule, and — for a question about a decision — the decision it was given for. It counts only from
    the day it was given."""

    rule_id: str
    text: str
    given_on: date
    rule_version: date | None = None  # the version (its first day in force) it was given under; None = any version
    decision_number: int | None = None  # the decision it was given for; None = a question about the case


@dataclass(frozen=True)
class Decision:
    """A decision draft or an issued decision (issue 6): what the rules need, as flags and dates."""

    number: int
    decision_type: str  # the readiness type (checks.case.DECISION_TYPES) its outcome maps to
    outcome: str
    status: str  # draft | issued
    created_on: date
    fully_grants: bool = False
    appealable: bool = True
    decided_on: date | None = None
    has_decision_text: bool = False
    has_legal_basis: bool = False
    has_reasons: bool = False
    has_facts: bool = False
    facts_in_case: bool = True
    reasons_only_doctor: bool = False
    specialist_conclusion_as_fact: bool = False
    answer_dealt_with: bool = False
    has_guidance: bool = False
    guidance_given_on: date | None = None
    override: bool = False
    subject: str = ""  # the measure it is about (fleksjob, fortidspension, …) — a refusal's too; "" = by its type
    application_id: int | None = None  # the application it answers
    evidence: tuple[Weighing, ...] = ()  # what its reasons rely on, and the documents that point another way
    revision_on: date | None = None  # a pension granted with a revision condition is taken up again then
    has_revision_reason: bool = False


@dataclass(frozen=True)
class Target:
    """The decision the checks are asked about (the draft on the decision page; each readiness type on the case
    page): its subject (the measure), whether it grants the request in full, and its number when it is a draft."""

    subject: str
    grants: bool = True
    number: int | None = None


@dataclass(frozen=True)
class Hearing:
    decision_number: int
    sent_on: date
    response_due_on: date
    includes_profile: bool = True
    includes_new_specialist_statements: bool = True
    answer: str = ""  # "" (awaited), answered, no_answer
    answered_on: date | None = None


@dataclass(frozen=True)
class Complaint:
    decision_number: int
    received_on: date
    reconsideration: str = ""  # "", changed, kept, more_information
    reconsidered_on: date | None = None
    forwarded_on: date | None = None
    appeal_body: str = ""  # the body it was forwarded to ("" when not forwarded or not recorded)
    appeal_outcome: str = ""  # "", upheld, changed, remitted
    appeal_decided_on: date | None = None


@dataclass(frozen=True)
class FileAccess:
    requested_on: date
    handed_out_on: date | None = None


@dataclass(frozen=True)
class ReasonsRequest:
    decision_notified_on: date
    requested_on: date
    answered_on: date | None = None


@dataclass(frozen=True)
class RehabPlan:
    """A version of the rehabiliteringsplan's preparatory part (every content part is required when saved)."""

    number: int
    saved_on: date
    gp_basis: str = ""  # lae_265 | existing_evidence
    gp_document_id: int | None = None
    profile_versions: int = 0  # how many resource-profile element versions it rests on
    citizen_accepted_on: date | None = None


@dataclass(frozen=True)
class RehabMeeting:
    """A presentation of the case to the rehabilitation team (one agenda item)."""

    id: int
    held_on: date
    reason: str = "first"
    citizen_present: bool = False
    caseworker_present: bool = False
    roles_present: tuple[str, ...] = ()  # the roles of the team's active members


@dataclass(frozen=True)
class Recommendation:
    id: int
    meeting_id: int
    kind: str
    recommended_on: date
    content: tuple[str, ...] = ()  # which content parts are filled in (names, not text)
    wants_case_back: bool = False
    development_perspective: bool = False
    very_few_hours: bool = False
    departed_on: date | None = None
    has_departure_reason: bool = False
    presented_for: str = ""  # the measure the case was presented for (the decision it is for); "" = not recorded
    has_reasons: bool = False
    has_legal_test: bool = False

    @property
    def decisive(self) -> bool:
        """A recommendation of a measure: not a postponement, and not "the case is not sufficiently clarified"."""
        return self.kind not in ("postponement", "not_clarified")


@dataclass(frozen=True)
class PensionTransfer:
    transferred_on: date
    citizen_told_on: date | None = None
    on_existing_evidence: bool = False
    senior: bool = False
    long_attachment: bool = False
    without_team: bool = False
    futile_conditions: tuple[str, ...] = ()


@dataclass(frozen=True)
class ResourceCourse:
    id: int
    start_on: date
    end_on: date
    has_coordinator: bool = False
    has_action_part: bool = False
    ended_on: date | None = None
    outcome: str = ""
    still_in_target_group: bool = False
    kind: str = "new"  # new | extension
    extends: int | None = None  # the course an extension extends
    rehab_plan: int | None = None  # a new course's own preparatory part (its version number)
    presentation_id: int | None = None  # a new course's presentation to the team (the meeting id)
    conversations: tuple[date, ...] = ()  # the course's follow-ups held with the citizen (coordinating caseworker)


@dataclass(frozen=True)
class FlexJob:
    start_on: date
    ended_on: date | None = None


@dataclass(frozen=True)
class LedighedsydelsePeriod:
    start_on: date
    end_on: date | None = None  # the period's own end, or its recorded end


@dataclass(frozen=True)
class JobClarificationCourse:
    """A jobafklaringsforløb: the course a citizen moves to when sick pay cannot be extended (from the 2014 reform)."""

    start_on: date
    ended_on: date | None = None
    outcome: str = ""  # work | sygedagpenge | ressourceforlob | fleksjob | fortidspension | other | ""


@dataclass(frozen=True)
class FlexJobVisitation:
    visited_on: date
    permanently_reduced: bool = False
    measures_tried: bool = False
    has_futile_reason: bool = False
    has_work_functions: bool = False
    has_hours: bool = False
    very_few_hours: bool = False
    has_development_plan: bool = False


@dataclass(frozen=True)
class Snapshot:
    case: CaseFacts
    involvement: tuple[Involvement, ...] = ()
    elements: tuple[Element, ...] = ()
    presentations: tuple[Presentation, ...] = ()
    consents: tuple[Consent, ...] = ()
    requests: tuple[Request, ...] = ()
    documents: tuple[Document, ...] = ()
    activities: tuple[Activity, ...] = ()
    assessments: tuple[Assessment, ...] = ()
    follow_ups: tuple[FollowUp, ...] = ()
    answers: tuple[Answer, ...] = ()  # recorded answers to prompts, oldest first
    decisions: tuple[Decision, ...] = ()
    hearings: tuple[Hearing, ...] = ()
    complaints: tuple[Complaint, ...] = ()
    file_access: tuple[FileAccess, ...] = ()
    reasons_requests: tuple[ReasonsRequest, ...] = ()
    local_decision_due_on: date | None = None  # the municipality's own deadline for this case type (RTL § 3)
    delay_notices: tuple[date, ...] = ()  # when written notice of a delayed decision was sent
    policies: tuple[str, ...] = ()  # the municipality's policy parameters switched on (not law; off by default)
    citizen_born_on: date | None = None  # from the CPR number; the number itself never enters the snapshot
    rehab_plans: tuple[RehabPlan, ...] = ()
    rehab_meetings: tuple[RehabMeeting, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    pension_transfer: PensionTransfer | None = None
    resource_courses: tuple[ResourceCourse, ...] = ()
    fleksjob_visitations: tuple[FlexJobVisitation, ...] = ()
    flex_jobs: tuple[FlexJob, ...] = ()
    ledighedsydelse_periods: tuple[LedighedsydelsePeriod, ...] = ()
    target: Target | None = None  # the decision in question; None = the case's drafts, else its pathway
    statements: tuple[Statement, ...] = ()  # every revision of every statement's conclusions
    treatments: tuple[Treatment, ...] = ()
    trial_periods: tuple[TrialPeriod, ...] = ()  # every record, corrections included
    employments: tuple[Employment, ...] = ()
    applications: tuple[Application, ...] = ()
    job_clarification_courses: tuple[JobClarificationCourse, ...] = ()

    # --- derived facts rules share (memoised per snapshot and date; callers must not mutate them) ----------

    @functools.cached_property
    def _memo(self) -> dict:
        return {}  # cached_property writes to the instance __dict__, so this works on a frozen dataclass

    def current_elements(self, on: date) -> dict[str, Element]:
        """The latest version of each element saved on or before `on`."""
        key = ("elements", on)
        if key not in self._memo:
            latest: dict[str, Element] = {}
            for e in sorted(self.elements, key=lambda e: (e.key, e.number)):
                if e.saved_on <= on:
                    latest[e.key] = e
            self._memo[key] = latest
        return self._memo[key]

    def latest_presentation(self, on: date) -> Presentation | None:
        key = ("presentation", on)
        if key not in self._memo:
            shown = [p for p in self.presentations if p.presented_on <= on]
            self._memo[key] = max(shown, key=lambda p: p.presented_on) if shown else None
        return self._memo[key]

    def latest_assessment(self, on: date) -> Assessment | None:
        key = ("assessment", on)
        if key not in self._memo:
            made = [a for a in self.assessments if a.assessed_on <= on]
            self._memo[key] = max(made, key=lambda a: a.number) if made else None
        return self._memo[key]

    def answer(self, rule_id: str, on: date, *, since: date | None = None, decision: int | None = None) -> str:
        """The latest answer to a rule's prompt given on or before `on` ("" when there is none): an answer counts
        only from the day it was given. With `since`, only one given on or after that day; with `decision`, only one
        given for that decision (or, from before answers named their decision, given since `since`)."""
        found = self.answer_record(rule_id, on, since=since, decision=decision)
        return found.text.strip() if found is not None else ""

    def answer_record(
        self, rule_id: str, on: date, *, since: date | None = None, decision: int | None = None
    ) -> Answer | None:
        found = None
        for a in self.answers:
            if a.rule_id != rule_id or a.given_on > on or (since is not None and a.given_on < since):
                continue
            if decision is not None and a.decision_number is not None and a.decision_number != decision:
                continue
            if a.text.strip():
                found = a
        return found

    def answers_under(self, rule_id: str, version_from: date) -> Snapshot:
        """The same facts without the answers to one rule given under another version of it: when the law changes,
        the caseworker judges again under the new version (an answer without a recorded version counts for all)."""
        key = ("under", rule_id, version_from)
        if key not in self._memo:
            kept = tuple(
                a
                for a in self.answers
                if a.rule_id != rule_id or a.rule_version is None or a.rule_version == version_from
            )
            self._memo[key] = self if len(kept) == len(self.answers) else dataclasses.replace(self, answers=kept)
        return self._memo[key]

    @functools.cached_property
    def answered_rules(self) -> frozenset[str]:
        """The rules with an answer given under a named version (the engine looks only at these)."""
        return frozenset(a.rule_id for a in self.answers if a.rule_version is not None)

    def decision_in_question(self, on: date) -> Decision | None:
        """The decision being made or last made by `on`: the target's draft when the checks are asked about one,
        else the highest-numbered decision created by then."""
        made = [d for d in self.decisions if d.created_on <= on]
        if self.target is not None and self.target.number is not None:
            made = [d for d in made if d.number == self.target.number]
        return max(made, key=lambda d: d.number) if made else None

    def decision_number(self, on: date) -> int | None:
        """The number of the decision in question on `on` (None when there is none): pass it as `decision=` to
        answer() for a question asked about that decision, so an answer given for one decision does not count for
        the next."""
        decision = self.decision_in_question(on)
        return decision.number if decision is not None else None

    def in_question(self, on: date) -> tuple[str, ...]:
        """The decision types the checks judge on `on`: the target's (its subject, and "refusal" when it does not
        grant in full); without a target, those of the case's drafts; only when neither exists does the case's
        pathway stand in for the decision it is heading for. A rule decides its applicability from these, so a
        fleksjob refusal drafted on a sygedagpenge case is judged as a fleksjob decision."""
        key = ("in_question", on)
        if key not in self._memo:
            if self.target is not None:
                types = {self.target.subject} | (set() if self.target.grants else {"refusal"})
            else:
                drafts = [d for d in self.decisions if d.status == "draft" and d.created_on <= on]
                types = {t for d in drafts for t in (d.decision_type, self.subject_of(d)) if t}
                if not types:
                    types = {self.case.pathway}
            self._memo[key] = tuple(sorted(types))
        return self._memo[key]

    def subject_of(self, decision: Decision) -> str:
        """The measure a decision is about; a refusal recorded before decisions named their subject is taken to be
        about the measure of the case's pathway."""
        if decision.subject:
            return decision.subject
        return self.case.pathway if decision.decision_type == "refusal" else decision.decision_type

    def concerns(self, on: date, *types: str) -> bool:
        """Whether the decision in question on `on` is one of these types (see in_question)."""
        return any(t in types for t in self.in_question(on))

    def hearings_of(self, number: int, on: date) -> list[Hearing]:
        return sorted(
            (h for h in self.hearings if h.decision_number == number and h.sent_on <= on), key=lambda h: h.sent_on
        )

    def age_on(self, on: date) -> int | None:
        """The citizen's age in whole years on `on`, or None when the birth date is not known."""
        born = self.citizen_born_on
        if born is None:
            return None
        return on.year - born.year - ((on.month, on.day) < (born.month, born.day))

    def latest_rehab_plan(self, on: date) -> RehabPlan | None:
        plans = [p for p in self.rehab_plans if p.saved_on <= on]
        return max(plans, key=lambda p: p.number) if plans else None

    def recommendations_until(self, on: date) -> list[Recommendation]:
        """The team's recommendations made on or before `on`, oldest first."""
        return sorted(
            (r for r in self.recommendations if r.recommended_on <= on), key=lambda r: (r.recommended_on, r.id)
        )

    def latest_recommendation(self, on: date) -> Recommendation | None:
        made = self.recommendations_until(on)
        return made[-1] if made else None

    def statements_on(self, on: date) -> list[Statement]:
        """Each statement received by `on`, as its latest revision recorded by then; oldest statement first."""
        key = ("statements", on)
        if key not in self._memo:
            latest: dict[int, Statement] = {}
            for st in sorted(self.statements, key=lambda x: (x.document_id, x.revision)):
                if st.received_on <= on and (st.recorded_on is None or st.recorded_on <= on):
                    latest[st.document_id] = st
            self._memo[key] = sorted(latest.values(), key=lambda x: (x.stated_on, x.document_id))
        return self._memo[key]

    def trials_on(self, on: date) -> list[TrialPeriod]:
        """The work-trial periods begun by `on`, each as its latest correction; oldest first."""
        key = ("trials", on)
        if key not in self._memo:
            replaced = {t.replaces for t in self.trial_periods if t.replaces is not None}
            self._memo[key] = sorted(
                (t for t in self.trial_periods if t.id not in replaced and t.start_on <= on),
                key=lambda t: (t.start_on, t.id),
            )
        return self._memo[key]

    def latest_course(self, on: date) -> ResourceCourse | None:
        courses = [c for c in self.resource_courses if c.start_on <= on]
        return max(courses, key=lambda c: (c.start_on, c.id)) if courses else None

    # --- the case-file form -------------------------------------------------------------------------------

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Snapshot:
        return _build(cls, data, "snapshot")

    def to_dict(self) -> dict[str, Any]:
        return _plain(dataclasses.asdict(self))


def _build(kind, data: Any, where: str):
    if not isinstance(data, dict):
        raise SnapshotError(f"{where}: expected an object")
    hints = typing.get_type_hints(kind)
    names = {f.name for f in dataclasses.fields(kind)}
    unknown = set(data) - names
    if unknown:
        raise SnapshotError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    values = {}
    for f in dataclasses.fields(kind):
        path = f"{where}.{f.name}"
        if f.name not in data:
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise SnapshotError(f"{path}: required")
            continue
        values[f.name] = _value(hints[f.name], data[f.name], path)
    return kind(**values)


def _value(hint, value, path: str):
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        if value is None:
            return None
        return _value(options[0], value, path)
    if origin is tuple:
        item = typing.get_args(hint)[0]
        if not isinstance(value, list):
            raise SnapshotError(f"{path}: expected a list")
        return tuple(_value(item, v, f"{path}[{i}]") for i, v in enumerate(value))
    if origin is dict:
        if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
            raise SnapshotError(f"{path}: expected an object of texts")
        return dict(value)
    if dataclasses.is_dataclass(hint):
        return _build(hint, value, path)
    if hint is date:
        try:
            return date.fromisoformat(value) if isinstance(value, str) else _reject(path, "a date (YYYY-MM-DD)")
        except ValueError:
            raise SnapshotError(f"{path}: {value!r} is not a date (YYYY-MM-DD)") from None
    if hint is bool:
        return value if isinstance(value, bool) else _reject(path, "true or false")
    if hint is int:
        return value if isinstance(value, int) and not isinstance(value, bool) else _reject(path, "a whole number")
    if hint is float:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        return _reject(path, "a number")
    if hint is str:
        return value if isinstance(value, str) else _reject(path, "a text")
    raise SnapshotError(f"{path}: unsupported field type")


def _reject(path: str, expected: str):
    raise SnapshotError(f"{path}: expected {expected}")


def _plain(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value
